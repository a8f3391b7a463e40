/**
 * `ce2007-local-virtual-values` (theorem) and `ce2007-local-virtual-values-slide` (refutation) —
 * [BrooksExPost2023], slides *Regular case* (with an
 * erratum: φ̃_i(v) = v_i − Δ·Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v)), *Analyzing the Lagrangian*,
 * *The optimal multipliers*, *Applying what we learned from the single agent solution*.
 *
 * Setting: n bidders, private values on {1, …, K} (Δ = 1), full-support prior f; (P) the optimal
 * ex post auction LP (all EPIC reports, as on the slide); LVV(f) := Σ_v f(v)·max(0, max_i φ̃_i(v)).
 *
 * The slides' claim, transcribed (`ce2007-local-virtual-values-slide`): if f is regular (φ̃_i(v)
 * non-decreasing in v_i for all i, v_{-i}), then value(P) = LVV(f), by allocating to the highest
 * non-negative local virtual value ("Nonetheless, this allocation is non-decreasing"). FALSE, and
 * not because the grid is finite: the slide's regularity is monotonicity in the bidder's OWN value
 * only, while with CORRELATED values φ̃_j(v) of another bidder moves with v_i (here it rises); the
 * highest-φ̃ allocation can then take the good away from i when v_i rises, and no optimal
 * allocation of the Lagrangian is implementable. The failure needs correlation: with independent
 * values φ̃_j depends on v_j alone, and more generally if every φ̃_j is non-increasing in v_i
 * (i ≠ j, `crossMonotonicityViolation`) the highest-φ̃ allocation (ties to the lowest index) is
 * monotone and the slide's conclusion holds — checked in (3) below. Regularity in [ChungEly2007]
 * is a condition on the joint prior; whether its definition includes such a cross condition
 * could not be confirmed from the sources available here (reported to the lead), so this id
 * refutes the SLIDE's definition only. Minimal counterexample in
 * counterexamples/ce2007-local-virtual-values-slide/ (φ̃_2 rises from 0 to 3/2 as v_1 goes 1 → 2).
 *
 * What holds exactly (`ce2007-local-virtual-values`), for EVERY full-support f, regular or not:
 *   (1) value(P) ≤ LVV(f) — the local multipliers (α_i(v) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) on the
 *       local downward EPIC constraint and on bottom EPIR; f(v)·max(0, max_i φ̃_i(v)) on FEAS[v])
 *       are re-checked as a dual solution of (P) whose value is LVV(f) (`dualUpperBound`);
 *   (2) value(P) = LVV(f) iff some pointwise maximizer of Σ_i q_i(v) φ̃_i(v) over {q ≥ 0,
 *       Σ_i q_i ≤ 1} is non-decreasing in own value. (⇐: its envelope mechanism is EPIC, EPIR,
 *       and earns LVV(f), re-checked; ⇒: at equality the optimal q maximizes the Lagrangian
 *       pointwise, and EPIC makes it monotone.) Decided by the feasibility LP
 *       `monotoneMaximizerLp`, solved independently of (P).
   (3) for regular f that is independent or cross-monotone (every φ̃_j non-increasing in v_i,
 *       i ≠ j), and for regular f with n = 1 or K = 2, a monotone maximizer exists (so value(P) =
 *       LVV(f)): the slide's conclusion under a hypothesis that rules out the correlation effect.
 * The tags report how often regular and irregular priors fall on each side.
 */
import fc from "fast-check";
import { allocationFromColumns, crossMonotonicityViolation, dualUpperBound, isIndependentPrior, envelopePayments, localDualForP, monotoneMaximizerLp, solveSmall } from "../robust/worstCaseBeliefs.ts";
import { auctionPrior, checkAuctionMechanism, auctionMechanismFromPrimal, isRegular, localVirtualValueRevenue, localVirtualValues, optimalExPostAuctionLp, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { type Q, ZERO } from "../exact/rational.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { anyPriors, priorCodec, regularPriors, tiltedPriors } from "../generators/ce2007Priors.ts";

export const ce2007LocalVirtualValues: Theorem<AuctionPrior> = {
  id: "ce2007-local-virtual-values",
  kind: "theorem",
  source: "[BrooksExPost2023, *Regular case*, *Analyzing the Lagrangian*] (erratum for φ̃ applied)",
  statement:
    "Full-support prior f on a value grid: optimal ex post revenue value(P) ≤ Σ_v f(v)·max(0, max_i φ̃_i(v)), with equality iff some pointwise maximizer of Σ_i q_i(v)φ̃_i(v) is non-decreasing in own value — always so for regular f (φ̃_i non-decreasing in v_i) that is independent, cross-monotone (every φ̃_j non-increasing in v_i, j ≠ i), or has one bidder or two values. Dual, LP and maximizer certified exactly.",
  arbitrary: fc.oneof({ weight: 2, arbitrary: anyPriors }, { weight: 1, arbitrary: regularPriors }, { weight: 1, arbitrary: tiltedPriors }),
  check: (prior) => checkLocalVirtualValues(prior),
  codec: priorCodec,
  defaultRuns: 400,
  negativeControls: [
    {
      name: "positive part dropped from LVV",
      why: "LVV misremembered as Σ_v f(v)·max_i φ̃_i(v) (no max with 0): one bidder, values {1, 2}, f = (1/3, 2/3) has φ̃(1) = 1 − 2 = −1, so it gives 1 instead of 4/3 and must disagree with the local dual's value",
      input: () => auctionPrior(1, 2, [1, 2]),
      check: (prior) => checkLocalVirtualValues(prior, lvvWithoutPositivePart),
    },
  ],
};

/** Σ_v f(v)·max_i φ̃_i(v), without the positive part (a misremembered LVV). */
function lvvWithoutPositivePart(prior: AuctionPrior): Q {
  const phi = localVirtualValues(prior);
  return prior.f.reduce((acc: Q, fv, v) => acc.add(fv.mul(phi.map((row) => row[v]!).reduce((m, x) => (x.compare(m) > 0 ? x : m)))), ZERO);
}

/** The check, with the closed form LVV(f) as a parameter (default: localVirtualValueRevenue). */
export function checkLocalVirtualValues(prior: AuctionPrior, formula?: (prior: AuctionPrior) => Q): CheckResult {
  const lvv = (formula ?? localVirtualValueRevenue)(prior);
  const model = optimalExPostAuctionLp(prior);
  const bound = dualUpperBound(model, localDualForP(prior, model));
  if (!bound.ok) return { ok: false, violation: { problems: bound.problems }, message: "the local multipliers are not a dual solution of (P)" };
  if (!bound.bound.equals(lvv)) return { ok: false, violation: { bound: bound.bound.toFraction(), lvv: lvv.toFraction() }, message: "the local dual's value differs from Σ f·max(0, max φ̃)" };
  const r = solveSmall(model);
  if (r.status !== "optimal") return { ok: false, violation: { status: r.status }, message: `(P) is ${r.status}` };
  const m = auctionMechanismFromPrimal(prior, r.primal);
  const c = checkAuctionMechanism(prior, m.q, m.t);
  if (c.violations.length > 0 || !c.revenue.equals(r.value)) return { ok: false, violation: { violations: c.violations }, message: "the (P)-optimal mechanism fails its re-check" };
  if (r.value.compare(lvv) > 0) return { ok: false, violation: { P: r.value.toFraction(), lvv: lvv.toFraction() }, message: "value(P) exceeds its dual bound" };
  const sel = solveSmall(monotoneMaximizerLp(prior));
  if (sel.status === "unbounded") return { ok: false, violation: { status: sel.status }, message: "selection LP unbounded (objective 0: impossible)" };
  const monotone = sel.status === "optimal";
  if (monotone) {
    const q = allocationFromColumns(prior, sel.primal);
    const e = checkAuctionMechanism(prior, q, envelopePayments(prior, q));
    if (e.violations.length > 0 || !e.revenue.equals(lvv)) {
      return { ok: false, violation: { violations: e.violations, revenue: e.revenue.toFraction(), lvv: lvv.toFraction() }, message: "the monotone maximizer's envelope mechanism is not EPIC/EPIR with revenue LVV" };
    }
  }
  const equal = r.value.equals(lvv);
  if (equal !== monotone) {
    return { ok: false, violation: { P: r.value.toFraction(), lvv: lvv.toFraction(), monotoneMaximizer: monotone }, message: equal ? "value(P) = LVV without a monotone maximizer" : "a monotone maximizer exists but value(P) < LVV" };
  }
  const regular = isRegular(prior);
  if (regular && (prior.n === 1 || prior.K === 2) && !monotone) {
    return { ok: false, violation: { n: prior.n, K: prior.K }, message: "regular f with one bidder or two values, yet no monotone maximizer" };
  }
  const cross = crossMonotonicityViolation(prior) === null || isIndependentPrior(prior);
  if (regular && cross && !monotone) {
    return { ok: false, violation: { n: prior.n, K: prior.K, independent: isIndependentPrior(prior) }, message: "regular and cross-monotone f (every φ̃_j non-increasing in v_i), yet no monotone maximizer" };
  }
  const reg = regular ? (cross ? "regular, cross-monotone" : "regular, φ̃_j rises with some v_i") : "irregular";
  return { ok: true, tag: `${reg}: ${equal ? "value(P) = LVV (monotone maximizer)" : "value(P) < LVV (no monotone maximizer)"}` };

}
