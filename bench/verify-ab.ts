/**
 * `npx tsx bench/verify-ab.ts` (not a test): the former Fraction verifier (A) and the
 * integer-scaled one (B) on the same certificates of the independent-belief trade LPs, interleaved
 * A/B, same process. Needs the former verifier as bench/verify-before.tmp.ts (not committed):
 *   git show 0b26bba:src/lp/verify.ts | sed 's#"\.\./errors#"../src/errors#; s#"\.\./exact/#"../src/exact/#; s#"\./model#"../src/lp/model#' > bench/verify-before.tmp.ts
 */
import { loadavg } from "node:os";
import { randomTypeSpace, tradeLp } from "../src/beliefs/noTrade.ts";
import { loadLpEngine, solve } from "../src/lp/solve.ts";
import { verify as verifyB } from "../src/lp/verify.ts";
// @ts-ignore: a temporary copy, not in the repository
import { verify as verifyA } from "./verify-before.tmp.ts";

const la = () => loadavg().map((x) => x.toFixed(2)).join("/");
await loadLpEngine();
for (const [a, s, seed] of [[6, 3, "bench-T-ind-1"], [10, 4, "bench-T-ind-10-4"]] as const) {
  const model = tradeLp(randomTypeSpace(seed, { types: [a, a], states: s, kind: "independent" }), { ic: true });
  const res = solve(model);
  const A: number[] = [], B: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const okA = verifyA(model, res).ok;
    A.push(performance.now() - t);
    t = performance.now();
    const okB = verifyB(model, res).ok;
    B.push(performance.now() - t);
    if (!okA || !okB) throw new Error("rejected");
  }
  const med = (xs: number[]) => xs.slice().sort((x, y) => x - y)[1]!;
  console.log(`independent ${a}×${a}×${s} (${model.rows.length}×${model.variables.length}) load ${la()}: verify before ${med(A).toFixed(0)} ms, after ${med(B).toFixed(0)} ms, ${(med(A) / med(B)).toFixed(1)}× faster`);
}
