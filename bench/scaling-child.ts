/**
 * One measurement of bench/scaling.ts, in its own process (so peak memory is per instance):
 *   solve  n K      — build (P) with all-pairs EPIC [BrooksExPost2023] for the seed `bench-P-n-K`,
 *                     solve it by exact row generation (certificate verified on the full program),
 *                     print one JSON line (value, times, row-generation stats).
 *   export n K file — write the same full program as LP text (src/lp/lpFormat.ts) for esolver.
 */
import { writeFileSync } from "node:fs";
import { lpModelToLpFormat } from "../src/lp/lpFormat.ts";
import { loadLpEngine } from "../src/lp/solve.ts";
import { auctionLpCounts, optimalExPostAuctionLp, randomCorrelatedPrior, solveOptimalExPostAuction } from "../src/robust/optimalExPostAuction.ts";

async function main() {
  const [mode, ns, Ks, file] = process.argv.slice(2);
  const n = Number(ns);
  const K = Number(Ks);
  const prior = randomCorrelatedPrior(`bench-P-${n}-${K}`, n, K);
  if (mode === "export") {
    writeFileSync(file!, lpModelToLpFormat(optimalExPostAuctionLp(prior), `P_${n}_${K}`));
    return;
  }
  const tl = performance.now();
  await loadLpEngine();
  const loadMs = performance.now() - tl;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // the full program is checked through its implicit form; `model` (the materialized LpModel) is not built
  const { implicitModel, result, stats } = solveOptimalExPostAuction(prior);
  const wallMs = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  console.log(
    JSON.stringify({
      status: result.status,
      value: result.status === "optimal" ? result.value.toFraction() : null,
      rows: implicitModel.rowCount,
      cols: implicitModel.variables.length,
      expectedRows: auctionLpCounts(n, K, "all").rows,
      loadMs,
      wallMs,
      cpuMs: (cu.user + cu.system) / 1000,
      stats,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
