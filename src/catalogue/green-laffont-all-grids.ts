/**
 * `green-laffont-all-grids` (refutation) — [Mishra2020], *Green-Laffont impossibility
 * theorem*: "In the bilateral trading problem, there is no DSIC, efficient, and budget-balanced
 * mechanism", read naively on finite grids.
 *
 * Naive finite transcription (FALSE): for every buyer grid B and seller grid S whose value ranges
 * overlap with nonempty interior (max(min B, min S) < min(max B, max S), the seeds' non-trivial
 * case), and the efficient rule with either deterministic tie rule, no efficient, DSIC, ex post
 * budget-balanced mechanism exists.
 *
 * It fails already on B = S = {0, 1}: the posted price π ∈ [0, 1] ("trade efficiently, the buyer
 * pays π to the seller") is DSIC, efficient and budget balanced — the seed's proof needs a
 * continuum (it integrates the allocation: payoff equivalence), which a grid lacks. The check
 * solves the exact LP (DSIC + ex post BB rows, efficient rule fixed) and, when it is feasible,
 * re-checks the LP's mechanism with src/concepts; the runner shrinks the counterexample and saves
 * it in counterexamples/green-laffont-all-grids/.
 *
 * Saved minimal counterexample: B = S = {0, 1}, trade ties, posted price 0.
 * True finite version: `green-laffont` — impossibility holds exactly when the split agents' price
 * intervals are disjoint; on {0,…,K}² exactly for K ≥ 3 (every tie rule).
 */
import { savedCaseControl } from "./support/controls.ts";
import { decide, describeGridCase, gridCaseCodec, supportsOverlap, type GridCase } from "../trade/tradeGrids.ts";
import { qstr } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { gridPairArb } from "../generators/gridPairs.ts";

export const greenLaffontAllGrids: Theorem<GridCase> = {
  id: "green-laffont-all-grids",
  kind: "refutation",
  source: "[Mishra2020, Green-Laffont impossibility theorem]; [GreenLaffont1977]",
  statement: "On every pair of finite grids with overlapping value ranges (nonempty interior), bilateral trade has no efficient, DSIC, ex post budget-balanced mechanism (either deterministic tie rule).",
  trueVersion: "green-laffont",
  arbitrary: gridPairArb(["trade", "no-trade"], 3),
  hypothesis: (c) => supportsOverlap(c.buyer, c.seller),
  check: (c) => {
    const d = decide("green-laffont", c);
    if (!d.possible) return { ok: true, tag: "impossible here" };
    if (d.problems.length > 0) throw new Error(`the LP's mechanism fails ${d.problems.join(", ")} (bug)`);
    const m = d.mechanism!;
    return {
      ok: false,
      violation: { case: gridCaseCodec.encode(c), allocation: m.allocation.map((r) => r.map(qstr)), payments: m.payments.map((r) => r.map(qstr)) },
      message: `${describeGridCase(c)}: values overlap, yet the exact LP finds an efficient, DSIC, ex post budget-balanced mechanism (re-checked with isDSIC, isExPostEfficient, isExPostBudgetBalanced); payments (buyer, seller) by profile: ${m.payments.map((r) => `(${r.map(qstr).join(", ")})`).join(" ")}`,
    };
  },
  codec: gridCaseCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("green-laffont-all-grids", gridCaseCodec)],
};
