/**
 * `ce2007-noisy-concordant` (theorem) — [BrooksExPost2023], slide *Noisy
 * concordance in the maxmin beliefs*, with an erratum (the sums in λ_i(0) and
 * μ_i(v_i, v_i − Δ) run over v'_i ≥ v_i AND v'_{-i}).
 *
 * Finite transcription. n bidders, values {1, …, K} (Δ = 1), a full-support prior f (regular or
 * not: the identity does not use regularity). T\*: each bidder's type is her value, one
 * (payoff-irrelevant) state, beliefs π\*_i(v_{-i} | v_i) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) /
 * Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i}). The slide's multipliers: π(v) = f(v); all zero except
 *   λ_i(v_low) = Σ_{v'_i ≥ v_low, v'_{-i}} f(v'_i, v'_{-i})  (= 1),
 *   μ_i(v_i, v_i − Δ) = Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i})  for v_i > v_low.
 * Statement: they are non-negative, λ is not all zero, and they satisfy the noisy-concordance
 * equations of slide *Farkas dual of trade with IC* exactly:
 *   f(v) = λ_i(v_i)π\*_i(v_{-i}|v_i) + Σ_{v'_i}[μ_i(v_i,v'_i)π\*_i(v_{-i}|v_i) − μ_i(v'_i,v_i)π\*_i(v_{-i}|v'_i)].
 * (Normalisation checked: Σ_v π(v) = 1 = Σ_{v_i} λ_i(v_i) for each i, as summing the equations
 * requires.) Checked with `checkNoisyConcordance` (morrisTrade.ts) on multipliers built by
 * `piStarMultipliers` straight from the slide's formulas, and independently by solving the
 * slide's noisy-concordance LP (`noisyConcordanceLp`) on T\*, which must be feasible.
 *
 * Note (reported as a tag, see `morris-ic-trade-slide`): these multipliers have λ_i(v_i) = 0 for
 * every v_i above the bottom, i.e. they prove noisy concordance only in the slide's "λ not all
 * zero" sense — the alternative of a trade with a strict surplus (no money pump: revenue in (P′)
 * is bounded). Whether multipliers with EVERY λ > 0 also exist (no IC trade at all, Morris's
 * Lemma form) is decided by `strictNoisyConcordanceLp`; often they do not, so π\* itself is a
 * full-support counterexample to the slide's wording of Morris's theorem.
 */
import { piStar, piStarMultipliers, valueTypeSpace } from "../robust/worstCaseBeliefs.ts";
import { strictNoisyConcordanceLp } from "../beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance, noisyConcordanceLp, type NoisyConcordanceMultipliers } from "../beliefs/noTrade.ts";
import { auctionPrior, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { ONE, q, qsum } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import type { CheckResult, Theorem } from "./types.ts";
import fc from "fast-check";
import { anyPriors, priorCodec, regularPriors } from "../generators/ce2007Priors.ts";

export const ce2007NoisyConcordant: Theorem<AuctionPrior> = {
  id: "ce2007-noisy-concordant",
  kind: "theorem",
  source: "[BrooksExPost2023, *Noisy concordance in the maxmin beliefs* (erratum applied)]",
  statement:
    "Full-support prior f on a value grid: the maxmin beliefs π* with π = f, λ_i(v_low) = Σ_{v'} f(v') and μ_i(v_i, v_i − Δ) = Σ_{v'_i ≥ v_i, v'_{-i}} f(v'), all else 0, satisfy the noisy-concordance equations exactly (λ not all zero); the noisy-concordance LP on π* is feasible.",
  arbitrary: fc.oneof(anyPriors, regularPriors),
  check: (prior) => checkNoisyConcordantPiStar(prior),
  codec: priorCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "μ_1(2, 1) off by 1/7",
      why: "the slide's multipliers with μ_1(v_1 = 2, v_1 − Δ = 1) raised by 1/7 (two bidders, values {1, 2}, f ∝ (1, 2; 2, 1)): the noisy-concordance equations at the profiles with v_1 ∈ {1, 2} no longer balance",
      input: () => auctionPrior(2, 2, [1, 2, 2, 1]),
      check: (prior) =>
        checkNoisyConcordantPiStar(prior, (f) => {
          const m = piStarMultipliers(f);
          return { ...m, mu: m.mu.map((mi, i) => mi.map((row, a) => row.map((x, b) => (i === 0 && a === 1 && b === 0 ? x.add(q(1).div(7)) : x)))) };
        }),
    },
  ],
};

/** The check, with the multipliers as a parameter (default: the slide's, piStarMultipliers). */
export function checkNoisyConcordantPiStar(prior: AuctionPrior, multipliers?: (prior: AuctionPrior) => NoisyConcordanceMultipliers): CheckResult {
  const ts = valueTypeSpace(prior, piStar(prior));
  const m = (multipliers ?? piStarMultipliers)(prior);
  const f = checkNoisyConcordance(ts, m);
  if (f.length > 0) return { ok: false, violation: { failures: f }, message: `the slide's multipliers fail ${f.length} noisy-concordance equation(s): ${f.slice(0, 3).join("; ")}` };
  if (!qsum(m.pi).equals(ONE) || m.lambda.some((li) => !qsum(li).equals(ONE))) {
    return { ok: false, violation: { sumPi: qsum(m.pi).toFraction(), sumLambda: m.lambda.map((li) => qsum(li).toFraction()) }, message: "normalisation Σ π = Σ λ_i = 1 fails" };
  }
  const nc = solve(noisyConcordanceLp(ts), { exactOnly: true });
  if (nc.status !== "optimal") return { ok: false, violation: { lp: nc.status }, message: `the noisy-concordance LP on π* is ${nc.status}` };
  const strict = solve(strictNoisyConcordanceLp(ts), { exactOnly: true });
  return { ok: true, tag: strict.status === "optimal" ? "also noisy concordant with every λ > 0 (no IC trade at all)" : "every λ > 0 impossible: an IC trade makes some type strictly better off (no strict surplus)" };

}
