/**
 * `public-good-impossibility-grid` (refutation) — [BernardMD3], Prop 6.26, read naively on
 * finite grids: "An incentive-compatible individually rational ex-post efficient mechanism exists if
 * and only if either n·v̲ ≥ c or n·v̄ ≤ c."
 *
 * Naive finite transcription (FALSE): n agents with the SAME finite value grid V (v̲ = min V,
 * v̄ = max V), uniform independent priors, efficient provision q = 1{Σθ_i ≥ c} (ties provide, as in
 * mechanisms/publicGood.ts), cost c with n·v̲ < c < n·v̄: there is no efficient, BIC, interim IR,
 * ex post budget-balanced mechanism. The check solves the exact feasibility LP (BIC + IIR + ex post
 * BB rows, net payments, efficient rule fixed); a feasible point, re-checked with src/concepts, is
 * the counterexample, shrunk and saved in counterexamples/public-good-impossibility-grid/.
 *
 * Why it fails: the seed's proof (via Thm 6.24 / revenue equivalence) needs connected type sets;
 * on a grid the gap between adjacent types lets the designer charge more than the IR-VCG payments.
 * Saved minimal counterexample: V = {0, 1}, n = 2, c = 1/2 (provide unless both are 0): R* = 1/8 ≥ 0.
 * True finite version: `public-good-impossibility` — on grids a mechanism exists iff
 * R* = Σ_i E[P*_i] − c·Pr(provide) ≥ 0.
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { pgBound, pgDecide, type PgCase } from "../publicGoods/provisionImpossibility.ts";
import { q, qstr } from "../exact/rational.ts";
import { valueGridOfSize } from "../generators/valueGrid.ts";
import type { Theorem } from "./types.ts";
import { describePgCase, pgCaseCodec } from "../generators/pgCases.ts";

const arbitrary: fc.Arbitrary<PgCase> = fc
  .tuple(valueGridOfSize(2, 3, { maxValue: 2, maxStep: 2 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 24 }))
  // c = n·v̲ + k/2, k ≥ 1: the cost shrinks towards the bottom of the non-trivial range
  .map(([grid, n, k]): PgCase => ({ values: Array.from({ length: n }, () => grid), cost: q(n).mul(grid[0]!).add(q(k).div(q(2))), tie: "provide" }));

export const publicGoodImpossibilityGrid: Theorem<PgCase> = {
  id: "public-good-impossibility-grid",
  kind: "refutation",
  source: "[BernardMD3, Prop 6.26]",
  statement: "n agents with the same finite value grid V, uniform priors, q = 1{Σθ ≥ c}: if n·min V < c < n·max V, no efficient, BIC, interim IR, ex post budget-balanced mechanism exists.",
  trueVersion: "public-good-impossibility",
  arbitrary,
  hypothesis: (c) => {
    const n = q(c.values.length);
    const V = c.values[0]!;
    return n.mul(V[0]!).compare(c.cost) < 0 && c.cost.compare(n.mul(V[V.length - 1]!)) < 0;
  },
  check: (c) => {
    const d = pgDecide(c);
    if (!d.possible) return { ok: true, tag: "impossible here" };
    if (d.problems.length > 0) throw new Error(`the LP's mechanism fails ${d.problems.join(", ")} (bug)`);
    const m = d.mechanism!;
    const R = pgBound(c).maxBudget;
    return {
      ok: false,
      violation: { case: pgCaseCodec.encode(c), maxExpectedBudget: qstr(R), allocation: m.allocation.map((r) => r.map(qstr)), netPayments: m.payments.map((r) => r.map(qstr)) },
      message: `${describePgCase(c)}, uniform priors: n·v̲ < c < n·v̄, yet the exact LP finds an efficient, BIC, interim IR, ex post budget-balanced mechanism (re-checked with src/concepts; the largest expected budget surplus of an efficient BIC IIR mechanism is R* = ${qstr(R)} ≥ 0); net payments by profile: ${m.payments.map((r) => `(${r.map(qstr).join(", ")})`).join(" ")}`,
    };
  },
  codec: pgCaseCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("public-good-impossibility-grid", pgCaseCodec)],
};
