/**
 * The benchmark's LP families ([BrooksExPost2023]):
 * (a) Chung–Ely's optimal ex post auction LP (P), slide *Profit maximization with ex post
 *     implementation*, all-pairs EPIC as on the slide, random correlated priors;
 * (b) Morris's trade-with-IC LP, slides *Aside on no-trade with IC* / *Farkas dual of trade with
 *     IC*, on random type spaces (common prior; independent beliefs; noisy concordant).
 * Every instance is fixed by its seed.
 */
import { optimalExPostAuctionLp, randomCorrelatedPrior } from "../src/robust/optimalExPostAuction.ts";
import { randomNoisyConcordantTypeSpace, randomTypeSpace, tradeLp } from "../src/beliefs/noTrade.ts";
import type { LpModel } from "../src/lp/model.ts";

export interface BenchInstance {
  readonly family: string;
  readonly label: string;
  readonly seed: string;
  /** Run the pure exact simplex on it (with the deadline). */
  readonly exactSimplex: boolean;
  /** Build the model (a fresh object every call: solver caches keyed by model are not reused). */
  build(): LpModel;
}

/** (P) with n bidders, grid {1..K}, a random correlated prior (integer weights 1..20) from the seed. */
function auction(n: number, K: number, seed: string, exact: boolean): BenchInstance {
  return {
    family: "(P) optimal ex post auction",
    label: `n=${n}, K=${K}`,
    seed,
    exactSimplex: exact,
    build: () => optimalExPostAuctionLp(randomCorrelatedPrior(seed, n, K)),
  };
}

function trade(kind: "common-prior" | "independent" | "noisy-concordant", types: number[], states: number, seed: string, exact: boolean): BenchInstance {
  return {
    family: `trade with IC, ${kind}`,
    label: `${types.join("×")} types, ${states} states`,
    seed,
    exactSimplex: exact,
    build: () => {
      const ts = kind === "noisy-concordant" ? randomNoisyConcordantTypeSpace(seed, { types, states }).typeSpace : randomTypeSpace(seed, { types, states, kind });
      return tradeLp(ts, { ic: true });
    },
  };
}

export function benchInstances(): BenchInstance[] {
  return [
    auction(2, 5, "bench-P-2-5", true),
    auction(2, 10, "bench-P-2-10", true),
    auction(2, 20, "bench-P-2-20", false),
    auction(2, 30, "bench-P-2-30", false),
    auction(3, 5, "bench-P-3-5", true),
    auction(3, 8, "bench-P-3-8", false),
    auction(3, 10, "bench-P-3-10", false),
    trade("common-prior", [6, 6], 3, "bench-T-cp-1", true),
    trade("common-prior", [6, 6], 3, "bench-T-cp-2", false),
    trade("noisy-concordant", [6, 6], 3, "bench-T-nc-1", true),
    trade("independent", [6, 6], 3, "bench-T-ind-1", true),
    trade("common-prior", [10, 10], 3, "bench-T-cp-10", false),
  ];
}
