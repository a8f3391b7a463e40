/**
 * `ce2007-maxmin` (theorem) and `ce2007-maxmin-slide` (refutation) — [BrooksExPost2023] (Brooks, *Ex post
 * implementation*), slides *Chung and Ely (2007)* (Theorem), *A worst-case belief structure*
 * (the program (P′)), *Deriving π\**, *Reinterpretation as beliefs*, *Where does this depend on
 * regularity?*; erratum for *Regular case*.
 *
 * Setting (src/constructions/optimalExPostAuction.ts, chungEly.ts): n bidders, private values on
 * the grid {1, …, K} (Δ = 1), a full-support seller's prior f. (P): the optimal ex post (EPIC,
 * EPIR) auction LP of slide *Profit maximization with ex post implementation*, all reports.
 * π\*_i(v_{-i} | v_i) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) / Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i})
 * (slide *Deriving π\**: α_i(v) normalised). (P′ on π\*): the optimal BIC / interim-IR auction
 * for bidders with beliefs π\* and seller's objective f (slide *A worst-case belief structure*).
 * φ̃_i(v) = v_i − Δ Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v); f is regular if φ̃_i is non-decreasing in
 * v_i (slide *Regular case*); LVV(f) := Σ_v f(v)·max(0, max_i φ̃_i(v)).
 *
 * The slide's claim, transcribed (`ce2007-maxmin-slide`): for regular f, value(P) =
 * value(P′ on π\*). FALSE for the slide's definition of regularity, and not because the grid is
 * finite: regularity makes each φ̃_i monotone in the bidder's OWN value, but with correlated values
 * φ̃_j(v) moves with v_i, so the allocation "highest non-negative φ̃" of slide *Analyzing the
 * Lagrangian* can fail to be monotone (the slide's "Nonetheless, this allocation is
 * non-decreasing" is the gap). With independent values, or when every φ̃_j is non-increasing in
 * v_i (j ≠ i), that allocation is monotone and all three values coincide (checked in
 * `ce2007-local-virtual-values` (3) and here through the monotone maximizer). Then the local multipliers are not optimal for (P), and (P) earns
 * strictly less than (P′ on π\*). The minimal counterexample is saved in
 * counterexamples/ce2007-maxmin-slide/.
 *
 * What holds, exactly (`ce2007-maxmin`), for every regular full-support f:
 *   (1) value(P) ≤ value(P′ on π\*) ≤ LVV(f): the (P)-optimal mechanism is re-checked feasible in
 *       (P′); the local multipliers, aggregated as on slide *Deriving π\**, are re-checked as a
 *       dual solution of (P′) with value LVV(f) (and, unaggregated, of (P));
 *   (2) if some pointwise maximizer of Σ_i q_i(v) φ̃_i(v) is non-decreasing in own value (a
 *       feasibility LP, `monotoneMaximizerLp`, solved on its own; its envelope mechanism is
 *       re-checked EPIC/EPIR with revenue exactly LVV(f)), then value(P) = value(P′ on π\*) =
 *       LVV(f): the optimal ex post mechanism and T\* are the slide's saddle point;
 *   (3) otherwise value(P) < LVV(f) (the converse of (2), `ce2007-local-virtual-values`).
 * Nothing more is claimed: without a monotone maximizer value(P′ on π\*) is usually LVV(f) and
 * above value(P), but it can lie strictly between when π\* is degenerate (two values of a bidder
 * with the same belief): f ∝ (1, 8, 16; 1, 2, 1; 1, 2, 1) (rows v_1, columns v_2) has
 * value(P) = 70/33 < value(P′ on π\*) = 47/22 < LVV = 71/33 (found by this theorem's first
 * version, which claimed value(P′ on π\*) = LVV for every regular f).
 * (P) and (P′) are solved exactly (src/lp/solve.ts, certificates verified) and their optimal
 * mechanisms re-checked against the slides' inequalities. (P) is solved with the local EPIC rows
 * (reports v_i ± Δ), a relaxation; its optimal mechanism is re-checked against every EPIC
 * constraint of the slide, which proves the two values equal (and saves a fifth of the time).
 * Tags: how often each case occurs.
 */
import { analyzeChungEly, type ChungElyAnalysis } from "../robust/worstCaseBeliefs.ts";
import { q } from "../exact/rational.ts";
import { auctionPrior, isRegular, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { priorCodec, regularPriors } from "../generators/ce2007Priors.ts";

export const TAG_SADDLE = "saddle point: (P) = (P′ on π*) = LVV";
export const TAG_GAP = "gap: (P) < (P′ on π*) = LVV (no monotone maximizer)";
export const TAG_GAP_BELOW = "gap: (P) < (P′ on π*) < LVV (no monotone maximizer)";
export const TAG_EQUAL_BELOW = "(P) = (P′ on π*) < LVV (no monotone maximizer)";

export const ce2007Maxmin: Theorem<AuctionPrior> = {
  id: "ce2007-maxmin",
  kind: "theorem",
  source: "[BrooksExPost2023, *Chung and Ely (2007)*, *A worst-case belief structure*, *Deriving π\\**]; [ChungEly2007]",
  statement:
    "Regular full-support prior f on a value grid: value(P) ≤ value(P′ on π*) ≤ LVV(f) = Σ_v f(v)·max(0, max_i φ̃_i(v)); if some pointwise maximizer of Σ_i q_i φ̃_i is monotone in own value, all three are equal (the saddle point), otherwise value(P) < LVV(f). All LPs exact; mechanisms, duals and the maximizer re-checked.",
  arbitrary: regularPriors,
  hypothesis: isRegular,
  check: (prior) => checkCe2007Maxmin(prior),
  codec: priorCodec,
  defaultRuns: 1000,
  minHypothesisRate: 0.9,
  negativeControls: [
    {
      name: "value(P) off by 1/7",
      why: "one bidder, values {1, 2}, f = (1/3, 2/3): regular with a monotone maximizer, so (P), (P′ on π*) and LVV coincide; an analysis reporting value(P) − 1/7 (as a wrongly solved (P) would) must be rejected at the saddle point",
      input: () => auctionPrior(1, 2, [1, 2]),
      check: (prior) =>
        checkCe2007Maxmin(prior, (f) => {
          const a = analyzeChungEly(f, { dualP: false, ic: "local" });
          return { ...a, exPost: { ...a.exPost, value: a.exPost.value.sub(q(1).div(7)) } };
        }),
    },
  ],
};

/** The check, with the analysis of (P), (P′ on π*) and LVV as a parameter (default: analyzeChungEly, local EPIC rows re-checked against all). */
export function checkCe2007Maxmin(prior: AuctionPrior, analyze?: (prior: AuctionPrior) => ChungElyAnalysis): CheckResult {
  // value(P) ≤ value(P′) is witnessed by feasibility, value(P′) ≤ LVV by (P′)'s dual: (P)'s own dual is redundant here.
  // (P) is solved with the local EPIC rows only and its optimum re-checked against all of them (analyzeChungEly).
  const a = (analyze ?? ((f: AuctionPrior) => analyzeChungEly(f, { dualP: false, ic: "local" })))(prior);
  const bad = (message: string, extra: Record<string, unknown> = {}): CheckResult => ({
    ok: false,
    message,
    violation: { P: a.exPost.value.toFraction(), PprimeOnPiStar: a.bayes.value.toFraction(), LVV: a.lvv.toFraction(), monotoneMaximizer: a.monotoneMaximizer !== null, ...extra },
  });
  if (a.problems.length > 0) return bad(`a certificate failed: ${a.problems.join("; ")}`);
  if (!a.dualBoundP.equals(a.lvv) || !a.dualBoundPPrime.equals(a.lvv)) return bad("the local dual bound differs from Σ f·max(0, max φ̃)");
  if (a.exPost.value.compare(a.bayes.value) > 0) return bad("value(P) > value(P′ on π*)");
  if (a.bayes.value.compare(a.lvv) > 0) return bad("value(P′ on π*) exceeds its dual bound LVV");
  const [P, Pp, L] = [a.exPost.value, a.bayes.value, a.lvv];
  if (a.monotoneMaximizer !== null) {
    if (!P.equals(L) || !Pp.equals(L)) return bad("a monotone maximizer exists, yet (P), (P′ on π*) and LVV are not all equal");
    return { ok: true, tag: TAG_SADDLE, certificate: { value: L.toFraction() } };
  }
  if (!(P.compare(L) < 0)) return bad("no monotone maximizer, yet value(P) = LVV");
  const tag = P.equals(Pp) ? TAG_EQUAL_BELOW : Pp.equals(L) ? TAG_GAP : TAG_GAP_BELOW;
  return { ok: true, tag, certificate: { P: P.toFraction(), PprimeOnPiStar: Pp.toFraction(), LVV: L.toFraction() } };

}
