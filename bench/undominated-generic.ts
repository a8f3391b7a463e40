/**
 * How often does "generic" rescue Prop 7.18 on a fixed finite type set? Among 300 random
 * full-support 2 × 2 belief profiles (the `no-undominated-without-cpa` generator, fixed seed), count
 * those without a common prior on which the proposition's claim fails: noisy concordance with π > 0
 * (an undominated mechanism for the revenue criterion exists) and with every λ > 0 (Morris: no IC
 * trade, so one exists for interim Pareto welfare with no deficit too). Every LP verdict is exact.
 *   npx tsx bench/undominated-generic.ts [count] [seed]
 */
import fc from "fast-check";
import { strictNoisyConcordanceLp } from "../src/beliefs/noTradeAlternatives.ts";
import { harsanyiFromBeliefs } from "../src/beliefs/revenueWithoutCommonPrior.ts";
import { positiveNoisyConcordanceLp } from "../src/beliefs/undominatedMechanisms.ts";
import { loadLpEngine, solve } from "../src/lp/solve.ts";
import { generic2x2 } from "../src/catalogue/support/undominatedRevenue.ts";
import { hasCommonPrior } from "../src/catalogue/support/unboundedRevenue.ts";

async function main(): Promise<void> {
  await loadLpEngine();
  const count = Number(process.argv[2] ?? 300);
  const seed = Number(process.argv[3] ?? 20261123);
  const xs = fc.sample(generic2x2, { seed, numRuns: count });
  let noCp = 0, posPi = 0, posLambda = 0, both = 0;
  for (const x of xs) {
    if (hasCommonPrior(x)) continue;
    noCp++;
    const ts = harsanyiFromBeliefs(x.environment, (x.beliefs as { kind: "per-type"; beliefs: never }).beliefs);
    const a = solve(positiveNoisyConcordanceLp(ts)).status === "optimal";
    const b = solve(strictNoisyConcordanceLp(ts)).status === "optimal";
    if (a) posPi++;
    if (b) posLambda++;
    if (a && b) both++;
  }
  console.log(`${count} random full-support 2×2 belief profiles (seed ${seed}): ${noCp} without a common prior; of these ${posPi} noisy concordant with π > 0 (undominated mechanism exists, revenue criterion), ${posLambda} with every λ > 0, ${both} with both`);
}
void main();
