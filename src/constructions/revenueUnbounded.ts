/**
 * Revenue of Bayesian incentive-compatible, interim individually rational mechanisms on a finite
 * type space WITHOUT a common prior (seed 001, Def 7.17 and Prop 7.18 *No Undominated
 * Mechanisms*: "Quasi-linear utilities allow us to price in bets of arbitrarily large size into any
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
 * every profile. A recession ray (d, δz > 0) satisfies the homogeneous rows, so γ := −d is a
 * TRADE in the sense of Morris (1994) (src/constructions/morrisTrade.ts): Σ_i γ_i(t) ≤ −δz < 0
 * (strictly feasible everywhere), E_i[γ_i | t_i] ≥ 0 (acceptable) and IC. Conversely such a trade
 * is a recession ray. So (if some BIC, IIR mechanism with rule q exists at all):
 *   revenue unbounded ⇔ a feasible, acceptable, IC trade exists ⇔ beliefs are not noisy concordant
 * (the last by Morris's theorem of the alternative: the Farkas certificate of the noisy-
 * concordance LP is a trade with strict surplus in every state, morrisTrade.ts). A common prior
 * makes beliefs noisy concordant (μ = 0), so revenue is bounded then; but noisy concordant beliefs
 * need not admit a common prior — there, revenue is bounded WITHOUT a common prior.
 */
import { ONE, type Q, ZERO, q } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import type { DirectMechanism, Environment, HarsanyiTypeSpace } from "../model/environment.ts";
import { lotteryValue, numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { joinProfile, profileIndex } from "../model/profiles.ts";

/** beliefs[i][t_i][k] = π_i(t_{-i} = k | t_i), k in othersIndex order. */
export type PerTypeBeliefs = readonly (readonly (readonly Q[])[])[];

export interface RevenueLp {
  readonly model: LpModel;
  /** Column of p_i(t). */
  p(i: number, t: number): number;
  /** Column of z. */
  readonly z: number;
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
  for (let t = 0; t < P; t++) lp.row(`REV[${t}]`, [...sizes.map((_, i): TermInput => [pcol(i, t), 1]), [z, -1]], ">=", 0);
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
      }
    }
  }
  lp.objective([[z, 1]]);
  return { model: lp.build(), p: pcol, z };
}

/** The type space with one (dummy) state that Morris's trade LPs take: beliefs[i][t_i][k·1 + 0]. */
export function harsanyiFromBeliefs(env: Environment, beliefs: PerTypeBeliefs): HarsanyiTypeSpace {
  return { agents: env.agents.slice(), types: env.types.map((t) => t.slice()), states: ["θ"], beliefs: beliefs.map((bi) => bi.map((b) => b.slice())) };
}

/** The trade γ_i(t) = −d_i(t) of a ray of `guaranteedRevenueLp`, shifted by ε = δz/(2n) so every type gains strictly; γ[i][t] (one state). */
export function tradeFromRay(env: Environment, lp: RevenueLp, ray: readonly Q[]): Q[][] {
  const n = env.agents.length;
  const eps = ray[lp.z]!.div(q(2 * n));
  return env.agents.map((_, i) => Array.from({ length: numProfiles(env) }, (_, t) => ray[lp.p(i, t)]!.neg().add(eps)));
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

export const ONE_MILLION = q(1_000_000).mul(ONE);
