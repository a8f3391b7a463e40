/**
 * `myerson-satterthwaite-all-grids` (refutation) — [BernardMD3], Thm 7.6
 * (Myerson–Satterthwaite), read naively on finite grids.
 *
 * Naive finite transcription (FALSE): for every buyer grid B and seller grid S whose value ranges
 * overlap with nonempty interior, uniform independent priors, and the seed's efficient rule
 * q = 1{θ_B ≥ θ_S} (Step 1 of the proof: trade at ties), there is no efficient, BIC, interim IR
 * (levels 0 and θ_S), ex post budget-balanced mechanism.
 *
 * The seed's proof passes through Thm 6.24 (revenue equivalence: the IR-VCG mechanism maximizes
 * expected revenue among efficient BIC IIR mechanisms), which needs connected type sets; on a grid
 * the IC constraints leave a gap between adjacent types and a budget surplus can appear. The check
 * solves the exact feasibility LP (BIC + IIR + ex post BB rows, efficient rule fixed); a feasible
 * point is re-checked with src/concepts and reported. The runner shrinks it and saves it in
 * counterexamples/myerson-satterthwaite-all-grids/.
 *
 * Saved minimal counterexample: B = {0, 2}, S = {0, 1}, trade ties: R* = 0 (E[P*] = E[T*] = 1/2).
 * True finite version: `myerson-satterthwaite` — on grids, such a mechanism exists iff
 * R* = E[P*] − E[T*] ≥ 0 (closed form); with uniform priors on {0,…,K}² and trade ties it never
 * exists (R* = −K(K+2)/(6(K+1))), but with no-trade ties it exists for K ≤ 4 and with split ties
 * for K = 1; on non-uniform grids it can exist with trade ties too (the saved counterexample).
 */
import { savedCaseControl } from "./support/controls.ts";
import { decide, describeGridCase, gridCaseCodec, msRevenueBound, supportsOverlap, uniformMarginal, type GridCase } from "../trade/tradeGrids.ts";
import { qstr } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { gridPairArb } from "../generators/gridPairs.ts";

export const myersonSatterthwaiteAllGrids: Theorem<GridCase> = {
  id: "myerson-satterthwaite-all-grids",
  kind: "refutation",
  source: "[BernardMD3, Thm 7.6]; [MyersonSatterthwaite1983]",
  statement: "On every pair of finite grids with overlapping value ranges (nonempty interior), uniform priors and the seed's rule q = 1{θ_B ≥ θ_S}, there is no efficient, BIC, interim IR, ex post budget-balanced mechanism.",
  trueVersion: "myerson-satterthwaite",
  arbitrary: gridPairArb(["trade"], 3),
  hypothesis: (c) => supportsOverlap(c.buyer, c.seller),
  check: (c) => {
    const d = decide("myerson-satterthwaite", c);
    if (!d.possible) return { ok: true, tag: "impossible here" };
    if (d.problems.length > 0) throw new Error(`the LP's mechanism fails ${d.problems.join(", ")} (bug)`);
    const m = d.mechanism!;
    const R = msRevenueBound(c.buyer, c.seller, uniformMarginal(c.buyer.length), uniformMarginal(c.seller.length), c.tie).maxRevenue;
    return {
      ok: false,
      violation: { case: gridCaseCodec.encode(c), maxExpectedSurplus: qstr(R), allocation: m.allocation.map((r) => r.map(qstr)), payments: m.payments.map((r) => r.map(qstr)) },
      message: `${describeGridCase(c)}, uniform priors: values overlap, yet the exact LP finds an efficient, BIC, interim IR, ex post budget-balanced mechanism (re-checked with isBIC, isInterimIR, isExPostEfficient, isExPostBudgetBalanced; the largest expected surplus of an efficient BIC IIR mechanism is R* = ${qstr(R)} ≥ 0); payments (buyer, seller) by profile: ${m.payments.map((r) => `(${r.map(qstr).join(", ")})`).join(" ")}`,
    };
  },
  codec: gridCaseCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("myerson-satterthwaite-all-grids", gridCaseCodec)],
};
