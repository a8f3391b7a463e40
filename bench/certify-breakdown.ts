/**
 * `npx tsx bench/certify-breakdown.ts [--runs N] [--only key,…]` (not a test): where the exact side
 * of `solveWithStats` spends its time on the honest-bench families (bench/honest-families.ts).
 * Per instance: warm-up solves, then N solves each on a freshly built model, and the mean of the
 * stats `solveWithStats` reports (floatMs: HiGHS; certifyMs: certifyBasis incl. luMs, the basis
 * solves; verifyMs: the independent re-check), plus certified − float (total − floatMs).
 * Also prints the lifting steps of the last solve's basis systems (x, y).
 */
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import { HONEST_INSTANCES } from "./honest-families.ts";

const args = process.argv.slice(2);
const RUNS = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 100;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null;
await loadLpEngine();
const keys = ["floatMs", "certifyMs", "luMs", "verifyMs", "totalMs"] as const;
console.log(`instance                 runs  ${keys.map((k) => k.padStart(9)).join(" ")}  exact(=total−float)`);
for (const inst of HONEST_INSTANCES) {
  if (only && !only.includes(inst.key)) continue;
  const warm = Math.max(3, Math.ceil(RUNS / 10));
  for (let i = 0; i < warm; i++) solveWithStats(inst.build());
  const sum = { floatMs: 0, certifyMs: 0, luMs: 0, verifyMs: 0, totalMs: 0 };
  for (let i = 0; i < RUNS; i++) {
    const { stats } = solveWithStats(inst.build());
    for (const k of keys) sum[k] += stats[k];
  }
  const mean = keys.map((k) => sum[k] / RUNS);
  console.log(`${inst.key.padEnd(24)} ${String(RUNS).padStart(4)}  ${mean.map((v) => v.toFixed(2).padStart(9)).join(" ")}  ${((sum.totalMs - sum.floatMs) / RUNS).toFixed(2).padStart(9)}`);
}
