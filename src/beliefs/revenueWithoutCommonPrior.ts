/**
 * Revenue of Bayesian incentive-compatible, interim individually rational mechanisms on a finite
 * type space WITHOUT a common prior ([BernardMD3, Def 7.17 and Prop 7.18 *No Undominated
 * Mechanisms*]: "Quasi-linear utilities allow us to price in bets of arbitrarily large size into any
 * mechanism … Charge players to enter bets → revenue is unbounded"), as an exact LP.
 *
 * Setting: an environment whose payoff types are the types (valuations v_i(d, t), possibly
 * interdependent), per-type beliefs π_i(t_{-i} | t_i) (no common prior assumed), and a FIXED
 * decision rule q (a lottery per report profile). Payments p_i(t) (paid BY agent i) are free.
 *
 *   max z   s.t.  REV[t]       Σ_i p_i(t) − z ≥ 0                      for every profile t
 *                 IIR[i,t_i]   Σ_k π_i(k|t_i) [v_i(q(t_i,k),(t_i,k)) − p_i(t_i,k)] ≥ r_i(t_i)
 *                 BIC[i,t_i→r] Σ_k π_i(k|t_i) [p_i(r,k) − p_i(t_i,k)] ≥ Σ_k π_i(k|t_i) [v_i(q(r,k),(t_i,k)) − v_i(q(t_i,k),(t_i,k))]
 *
 * z is the revenue the designer can guarantee at EVERY report profile. "Revenue is unbounded"
 * means this LP is unbounded: for every M some BIC, IIR mechanism with rule q collects ≥ M at
 * every profile.
 *
 * ## The equivalence (assuming the LP is feasible: some BIC, IIR mechanism with rule q exists)
 *
 *   revenue unbounded  ⇔  an acceptable, IC trade with a STRICT surplus at every profile exists
 *                      ⇔  the beliefs are NOT noisy concordant (multipliers with λ not all zero).
 *
 * (1) A feasible LP is unbounded iff it has a recession direction with positive objective: (d, δz)
 * with δz > 0 satisfying the homogeneous rows Σ_i d_i(t) ≥ δz (all t), E_i[d_i(t_i,·) | t_i] ≤ 0,
 * E_i[d_i(r,·) − d_i(t_i,·) | t_i] ≥ 0. With γ := −d these read Σ_i γ_i(t) ≤ −δz < 0 at EVERY
 * profile (strict surplus), E_i[γ_i(t_i,·) | t_i] ≥ 0 (acceptable) and E_i[γ_i(t_i,·) | t_i] ≥
 * E_i[γ_i(r,·) | t_i] (IC): a strict-surplus trade in the sense of `surplusTradeLp`
 * (morrisAlternative.ts). Conversely a strict-surplus trade γ with s := min_t −Σ_i γ_i(t) > 0 gives
 * the direction (−γ, s). The valuations and the rule q only enter the right-hand sides, so they do
 * not matter for unboundedness (given feasibility). `tradeFromRay` returns γ = −d.
 * (2) Farkas on the cone {γ : Σ_i γ_i(t) ≤ −1, ACC ≥ 0, IC ≥ 0} (γ free): it is empty iff there are
 * π ≥ 0 (on the surplus rows), λ ≥ 0 (ACC), μ ≥ 0 (IC) with the noisy-concordance equation on
 * every column γ_i(t) and Σ_t π(t) > 0. Summing NC[i,·] over t_{-i} gives Σ_t π(t) = Σ_{t_i} λ_i(t_i),
 * so "Σ π > 0" is "λ not all zero", i.e. `noisyConcordanceLp` (Σ π = 1) of morrisTrade.ts.
 * (3) Directly: the dual of this LP has exactly those multipliers — π(t) = −y_REV[t] (Σ π = 1 from
 * the z column), λ_i(t_i) = −y_IIR[i,t_i], μ_i(t_i,r) = −y_BIC[i,t_i→r], and the reduced cost 0 on
 * the free column p_i(t) is the equation NC[i,t]. So a BOUNDED LP's optimal dual is a noisy-
 * concordance certificate (`multipliersFromRevenueDual`), and weak duality makes it a revenue bound:
 * z ≤ Σ_t π(t) Σ_i p_i(t) ≤ Σ_rows y_row·b_row = the dual value (`revenueBoundFromMultipliers`).
 *
 * NOT equivalent: Morris's IC-trade LP (`icTradeLp`, value 1) — an acceptable IC trade with
 * Σ_i γ_i ≤ 0 where SOME type gains strictly. Such a trade may be a pure transfer (Σ_i γ_i = 0 at
 * some profile), so it does not raise the revenue guaranteed at every profile; its alternative is
 * noisy concordance with EVERY λ_i(t_i) > 0 (morrisAlternative.ts). Example: Chung–Ely's maxmin
 * beliefs π* (counterexamples/unbounded-without-cpa/): an IC trade exists, revenue is bounded.
 *
 * A common prior makes beliefs noisy concordant (μ = 0, λ = marginals), so revenue is bounded then;
 * but noisy concordant beliefs need not admit a common prior — there revenue is bounded WITHOUT a
 * common prior. When a strict-surplus trade γ exists, (q, p − γ) dominates (q, p) for the revenue
 * criterion (Def 7.17: strictly more at every profile, and still BIC, IIR): no undominated mechanism.
 */
import { ONE, type Q, ZERO, q } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import type { DirectMechanism, Environment, HarsanyiTypeSpace } from "../model/environment.ts";
import type { NoisyConcordanceMultipliers } from "./noTrade.ts";
import { lotteryValue, numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { joinProfile, profileIndex } from "../model/profiles.ts";
import { InternalError } from "../errors.ts";

/** beliefs[i][t_i][k] = π_i(t_{-i} = k | t_i), k in othersIndex order. */
export type PerTypeBeliefs = readonly (readonly (readonly Q[])[])[];

/**
 * The exact LP of the revenue guaranteed at every profile by BIC, IIR mechanisms with a fixed rule
 * on a type space without a common prior ([BernardMD3, Def 7.17, Prop 7.18]), with the columns of
 * each payment p_i(t) and of z.
 */
export interface RevenueLp {
  readonly model: LpModel;
  /** Column of p_i(t). */
  p(i: number, t: number): number;
  /** Column of z. */
  readonly z: number;
  /** Row of REV[t]. */
  rev(t: number): number;
  /** Row of IIR[i, t_i]. */
  iir(i: number, ti: number): number;
  /** Row of BIC[i, t_i → r] (r ≠ t_i). */
  bic(i: number, ti: number, r: number): number;
}

/** The LP of the module comment for a fixed allocation (lotteries per report profile). */
export function guaranteedRevenueLp(env: Environment, beliefs: PerTypeBeliefs, allocation: readonly (readonly Q[])[]): RevenueLp {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const P = numProfiles(env);
  const lp = new LpBuilder("max");
  const pcol = (i: number, t: number) => t * n + i;
  for (let t = 0; t < P; t++) for (let i = 0; i < n; i++) lp.variable(`p${i + 1}[${t}]`, { lower: null });
  const z = lp.variable("z", { lower: null });
  let rowCount = 0;
  const iirRow: number[][] = sizes.map(() => []);
  const bicRow: number[][][] = sizes.map((m) => Array.from({ length: m }, () => new Array<number>(m).fill(-1)));
  for (let t = 0; t < P; t++, rowCount++) lp.row(`REV[${t}]`, [...sizes.map((_, i): TermInput => [pcol(i, t), 1]), [z, -1]], ">=", 0);
  for (let i = 0; i < n; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const b = beliefs[i]![ti]!;
      const ir: TermInput[] = [];
      let value = ZERO;
      b.forEach((w, k) => {
        if (w.n === 0n) return;
        const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
        ir.push([pcol(i, t), w.neg()]);
        value = value.add(w.mul(lotteryValue(env, i, t, allocation[t]!)));
      });
      lp.row(`IIR[${i + 1},${ti + 1}]`, ir, ">=", reservationOf(env, i, ti).sub(value));
      iirRow[i]![ti] = rowCount++;
      for (let r = 0; r < sizes[i]!; r++) {
        if (r === ti) continue;
        const terms: TermInput[] = [];
        let rhs = ZERO;
        b.forEach((w, k) => {
          if (w.n === 0n) return;
          const truth = profileIndex(sizes, joinProfile(sizes, i, ti, k));
          const dev = profileIndex(sizes, joinProfile(sizes, i, r, k));
          terms.push([pcol(i, dev), w], [pcol(i, truth), w.neg()]);
          rhs = rhs.add(w.mul(lotteryValue(env, i, truth, allocation[dev]!).sub(lotteryValue(env, i, truth, allocation[truth]!))));
        });
        lp.row(`BIC[${i + 1},${ti + 1}→${r + 1}]`, terms, ">=", rhs);
        bicRow[i]![ti]![r] = rowCount++;
      }
    }
  }
  lp.objective([[z, 1]]);
  const model = lp.build();
  if (model.rows.length !== rowCount) throw new InternalError(`guaranteedRevenueLp: ${model.rows.length} rows, counted ${rowCount}`);
  return {
    model,
    p: pcol,
    z,
    rev: (t) => t,
    iir: (i, ti) => iirRow[i]![ti]!,
    bic: (i, ti, r) => {
      const k = bicRow[i]![ti]![r]!;
      if (k < 0) throw new InternalError(`no row BIC[${i + 1},${ti + 1}→${r + 1}]`);
      return k;
    },
  };
}

/** The type space with one (dummy) state that Morris's trade LPs take: beliefs[i][t_i][k·1 + 0]. */
export function harsanyiFromBeliefs(env: Environment, beliefs: PerTypeBeliefs): HarsanyiTypeSpace {
  return { agents: env.agents.slice(), types: env.types.map((t) => t.slice()), states: ["θ"], beliefs: beliefs.map((bi) => bi.map((b) => b.slice())) };
}

/**
 * The strict-surplus trade γ_i(t) = −d_i(t) of a ray (d, δz > 0) of `guaranteedRevenueLp`:
 * Σ_i γ_i(t) ≤ −δz < 0 at every profile, acceptable and IC (module comment, (1)); γ[i][t] (one
 * state, the layout of `harsanyiFromBeliefs`). Nothing here is trusted: check it with
 * `checkSurplusTrade` (morrisAlternative.ts).
 */
export function tradeFromRay(env: Environment, lp: RevenueLp, ray: readonly Q[]): Q[][] {
  return env.agents.map((_, i) => Array.from({ length: numProfiles(env) }, (_, t) => ray[lp.p(i, t)]!.neg()));
}

/**
 * Noisy-concordance multipliers from an optimal dual of `guaranteedRevenueLp` (model.ts "max"
 * convention: y ≤ 0 on its ≥ rows): π(t) = −y_REV[t], λ_i(t_i) = −y_IIR[i,t_i],
 * μ_i(t_i,r) = −y_BIC[i,t_i→r] (module comment, (3)); π[t·1 + 0] in the layout of
 * `harsanyiFromBeliefs`. Nothing here is trusted: check it with `checkNoisyConcordance`.
 */
export function multipliersFromRevenueDual(env: Environment, lp: RevenueLp, rowDuals: readonly Q[]): NoisyConcordanceMultipliers {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  if (rowDuals.length !== lp.model.rows.length) throw new InternalError(`revenue LP dual has ${rowDuals.length} rows, expected ${lp.model.rows.length}`);
  return {
    pi: Array.from({ length: P }, (_, t) => rowDuals[lp.rev(t)]!.neg()),
    lambda: sizes.map((m, i) => Array.from({ length: m }, (_, ti) => rowDuals[lp.iir(i, ti)]!.neg())),
    mu: sizes.map((m, i) => Array.from({ length: m }, (_, ti) => Array.from({ length: m }, (_, r) => (r === ti ? ZERO : rowDuals[lp.bic(i, ti, r)]!.neg())))),
  };
}

/**
 * The revenue bound that noisy-concordance multipliers (π with Σ π = 1, λ, μ ≥ 0, NC equations)
 * prove by weak duality: every BIC, IIR mechanism with the rule has
 *   min_t Σ_i p_i(t) ≤ Σ_t π(t) Σ_i p_i(t) = Σ_i Σ_{t_i} [λ_i(t_i) E_i[p_i(t_i,·)|t_i] + Σ_r μ_i(t_i,r) E_i[p_i(t_i,·) − p_i(r,·)|t_i]]
 *                  ≤ −Σ_{i,t_i} λ_i(t_i)·b_IIR[i,t_i] − Σ μ_i(t_i,r)·b_BIC[i,t_i→r]
 * (b the right-hand sides of the LP's IIR and BIC rows). Valid only for multipliers that pass
 * `checkNoisyConcordance` with Σ π = 1.
 */
export function revenueBoundFromMultipliers(env: Environment, lp: RevenueLp, m: NoisyConcordanceMultipliers): Q {
  const sizes = typeSizes(env);
  let bound = ZERO;
  for (let i = 0; i < sizes.length; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      bound = bound.sub(m.lambda[i]![ti]!.mul(lp.model.rows[lp.iir(i, ti)]!.rhs));
      for (let r = 0; r < sizes[i]!; r++) if (r !== ti) bound = bound.sub(m.mu[i]![ti]![r]!.mul(lp.model.rows[lp.bic(i, ti, r)]!.rhs));
    }
  }
  return bound;
}

/** The mechanism (q, p) at an LP point p. */
export function mechanismAt(env: Environment, lp: RevenueLp, allocation: readonly (readonly Q[])[], point: readonly Q[]): DirectMechanism {
  const P = numProfiles(env);
  return {
    kind: "direct",
    allocation: allocation.map((r) => r.slice()),
    payments: Array.from({ length: P }, (_, t) => env.agents.map((_, i) => point[lp.p(i, t)]!)),
  };
}

/** The mechanism (q, p + M·d) from an LP point p and ray d: BIC, IIR, revenue ≥ z(point) + M·δz everywhere. */
export function scaledMechanism(env: Environment, lp: RevenueLp, allocation: readonly (readonly Q[])[], point: readonly Q[], ray: readonly Q[], M: Q): DirectMechanism {
  const P = numProfiles(env);
  return {
    kind: "direct",
    allocation: allocation.map((r) => r.slice()),
    payments: Array.from({ length: P }, (_, t) => env.agents.map((_, i) => point[lp.p(i, t)]!.add(M.mul(ray[lp.p(i, t)]!)))),
  };
}

/** The rational 10⁶: the scale M of the mechanism p + M·d that shows revenue is unbounded. */
export const ONE_MILLION = q(1_000_000).mul(ONE);
