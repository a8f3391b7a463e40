/**
 * Undominated mechanisms for the revenue criterion on a finite type space without a common prior —
 * the claim of [BernardMD3, Prop 7.18] itself ("there is no undominated mechanism with respect to
 * … the revenue criterion"), read through LP duality, next to the proof sketch's "revenue is
 * unbounded" (revenueUnbounded.ts).
 *
 * Setting as in revenueUnbounded.ts: types = payoff types, per-type beliefs β_i(t_{-i} | t_i), a
 * decision rule q, payments p_i(t) free; the feasible set F = the BIC, interim IR mechanisms (q, p).
 * Performance: the revenue R(t) = Σ_i p_i(t) at every profile t [BernardMD3, Def 7.17]; g is
 * undominated if no g' ∈ F has R' ≥ R at every t and R' > R at some t.
 *
 * ## The alternative
 * R(F) is a polyhedron's linear image, so (multi-objective LP, [Isermann1974]) an undominated g
 * exists iff some weights w(t) > 0 at EVERY profile make max_F Σ_t w(t)R(t) finite, and then its
 * maximizers are undominated (a dominating g' would score strictly more). The weighted LP's dual
 * is the noisy-concordance system of Morris [Morris1994] with π = w: so
 *
 *   an undominated mechanism exists  ⇔  noisy-concordance multipliers with π(t) > 0 at EVERY t
 *                                        (`positiveNoisyConcordanceLp`: π ≥ 1, a cone)
 *   no undominated mechanism         ⇔  an acceptable, IC trade γ with Σ_i γ_i(t) ≤ 0 at every t
 *                                        and < 0 at some t (`weakSurplusTradeLp`); then every
 *                                        g ∈ F is dominated by g − γ (same q).
 *
 * (Farkas on {π ≥ 1, λ, μ ≥ 0, NC equations}: the multipliers of the NC rows form γ, those of the
 * π ≥ 1 rows are the surplus −Σ_i γ_i(t) ≥ 0, with positive total.) The valuations and q enter only
 * right-hand sides, so given F ≠ ∅ the verdict does not depend on q, and the recession directions
 * (payment changes) are the same whether or not q may change: existence over all mechanisms and
 * over those with a fixed q coincide. The exhibited undominated mechanism below is the maximizer of
 * the π-weighted revenue with the given q; `dominationLp` re-checks Def 7.17 for it directly among
 * the mechanisms with that q (max Σ_t R'(t) s.t. R' ≥ R*, BIC, IIR must equal Σ_t R*(t)).
 *
 * Compared with the proof sketch: "revenue unbounded" (guaranteed at every profile) is the
 * alternative of noisy concordance with Σ π > 0 (π ≥ 0), a weaker condition than π > 0; between the
 * two lie type spaces where revenue is bounded yet every mechanism is dominated.
 */
import { ONE, type Q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type LpTerm, type TermInput } from "../lp/model.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import { profileCount } from "../model/profiles.ts";
import { addAcceptanceRows, addBudgetRows, addNoisyConcordanceSystem, addTradeColumns, checkTrade, tradeVar, typeSpaceSizes, validateTypeSpace } from "./noTrade.ts";
import type { RevenueLp } from "./revenueWithoutCommonPrior.ts";

/** Noisy concordance with π(θ, t) ≥ 1 at every state and profile (π > 0 up to scale). Columns as `noisyConcordanceLp`'s. */
export function positiveNoisyConcordanceLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const T = profileCount(typeSpaceSizes(ts));
  const S = ts.states.length;
  const b = new LpBuilder("min");
  const cols = addNoisyConcordanceSystem(b, ts, {});
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) b.row(`POS[t=${t}, θ=${s + 1}]`, [[cols.pi(t, s), 1]], ">=", 1);
  b.objective([]);
  return b.build();
}

/**
 * An acceptable, IC trade with a weak budget surplus everywhere and a strict one somewhere:
 * BUDGET[t, θ]: Σ_i γ_i(t, θ) ≤ 0; ACC; IC; NORM: Σ_{t,θ} Σ_i γ_i(t, θ) = −1 (the set is a cone).
 * Columns γ_i(t, θ) at `tradeVar`.
 */
export function weakSurplusTradeLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const sizes = typeSpaceSizes(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  const b = new LpBuilder("min");
  addTradeColumns(b, ts);
  addBudgetRows(b, ts, "BUDGET", 0);
  addAcceptanceRows(b, ts, { ic: true });
  const norm: TermInput[] = [];
  for (let i = 0; i < sizes.length; i++) for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) norm.push([tradeVar(ts, i, t, s), 1]);
  b.row("NORM", norm, "=", -1);
  b.objective([]);
  return b.build();
}

/**
 * Re-check a weak-surplus trade exactly: feasible (Σ_i γ ≤ 0 at every state), acceptable, IC, and
 * Σ_{t,θ} Σ_i γ < 0. Returns the failures (empty = a valid certificate that no mechanism is undominated).
 */
export function checkWeakSurplusTrade(ts: HarsanyiTypeSpace, gamma: readonly (readonly Q[])[]): string[] {
  const failures = checkTrade(ts, gamma, { ic: true }).failures.filter((f) => f !== "no type gains strictly");
  let total = ZERO;
  for (const g of gamma) for (const x of g) total = total.add(x);
  if (!(total.s < 0n && total.n !== 0n)) failures.push(`total surplus −Σ γ = ${total.neg().toFraction()} is not > 0`);
  return failures;
}

/** The revenue LP of revenueUnbounded.ts with objective Σ_t w(t) Σ_i p_i(t) instead of z (z left free, no longer binding). */
export function weightedRevenueModel(lp: RevenueLp, n: number, weights: readonly Q[]): LpModel {
  const objective: LpTerm[] = [];
  weights.forEach((w, t) => {
    for (let i = 0; i < n; i++) objective.push({ var: lp.p(i, t), coef: w });
  });
  return { ...lp.model, objective };
}

/**
 * Def 7.17 for the revenue criterion, directly, among the mechanisms with the same q: maximize
 * Σ_t Σ_i p_i(t) subject to Σ_i p_i(t) ≥ R*(t) at every t, BIC and IIR (z fixed at 0 in the REV
 * rows). The mechanism with revenue R* is undominated iff the optimum equals Σ_t R*(t).
 */
export function dominationModel(lp: RevenueLp, n: number, revenue: readonly Q[]): LpModel {
  const variables = lp.model.variables.map((v, j) => (j === lp.z ? { ...v, lower: ZERO, upper: ZERO } : v));
  const rows = lp.model.rows.map((r, k) => {
    const t = revenue.findIndex((_, tt) => lp.rev(tt) === k);
    return t < 0 ? r : { ...r, rhs: revenue[t]! };
  });
  const objective: LpTerm[] = [];
  revenue.forEach((_, t) => {
    for (let i = 0; i < n; i++) objective.push({ var: lp.p(i, t), coef: ONE });
  });
  return { ...lp.model, variables, rows, objective };
}
