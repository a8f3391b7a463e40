/**
 * Revenue equivalence on finite value grids ([BernardMD3, *Incentive Compatibility Constraints*, eqs.
 * (4)–(5)]; [Mishra2020, *IC Characterization*]; [BrooksMaxmin2023, *Generalized revenue equivalence*]), for
 * single-object environments with independent private values.
 *
 * Setting. Agent i's types are values w_i(1) < … < w_i(K_i) (index order); decision d = i gives
 * the object to i (an optional last decision gives it to nobody); v_i(d, θ) = w_i(θ_i)·[d = i].
 * The prior is independent with marginals μ_i. For a direct mechanism (q, p) (p paid BY the agent):
 *   Q_i(k) = E[q_i(k, θ_{-i})],  P_i(k) = E[p_i(k, θ_{-i})]  (expectations over θ_{-i} ~ Π_{j≠i} μ_j),
 * and, because beliefs do not depend on the own type, type k's interim utility from reporting j is
 * w_i(k)·Q_i(j) − P_i(j). Write U_i(k) = w_i(k)Q_i(k) − P_i(k), ΔQ_k = Q_i(k) − Q_i(k−1),
 * ΔP_k = P_i(k) − P_i(k−1).
 *
 * Local constraints (k = 2..K_i):
 *   downward (type k does not mimic k−1):  ΔP_k ≤ w_i(k)·ΔQ_k        ("local-down bound")
 *   upward   (type k−1 does not mimic k):  ΔP_k ≥ w_i(k−1)·ΔQ_k      ("local-up bound")
 * Together they force (w_i(k) − w_i(k−1))ΔQ_k ≥ 0, i.e. Q_i monotone; and monotone Q_i with all
 * local constraints gives every global constraint (chain the local ones: for j < k,
 * P_i(k) − P_i(j) = Σ ΔP ≤ Σ_{m=j+1..k} w_i(m)ΔQ_m ≤ w_i(k)(Q_i(k) − Q_i(j)), using ΔQ ≥ 0; and
 * symmetrically upward). Hence (the discrete analogue of (4)–(5)):
 *   BIC ⇔ for all i: Q_i non-decreasing and w_i(k−1)ΔQ_k ≤ ΔP_k ≤ w_i(k)ΔQ_k for k = 2..K_i.
 *
 * Revenue. With full-support marginals (M_i(k) = μ_i(1) + … + μ_i(k)), under BIC:
 *   U_i(k) ≥ U_i(k−1) + (w_i(k) − w_i(k−1))Q_i(k−1)   (downward), ≤ … Q_i(k) (upward),
 * so the expected revenue R = E[Σ_i p_i(θ)] lies in [R_up, R_down] where
 *   R_down = E[Σ_i φ_i(θ_i) q_i(θ)] − Σ_i U_i(1),   φ_i(k)   = w_i(k) − (w_i(k+1) − w_i(k))(1 − M_i(k))/μ_i(k)
 *   R_up   = E[Σ_i φ^up_i(θ_i) q_i(θ)] − Σ_i U_i(1), φ^up_i(k) = w_i(k) − (w_i(k) − w_i(k−1))(1 − M_i(k−1))/μ_i(k)
 * (φ_i(K_i) = w_i(K_i), φ^up_i(1) = w_i(1)): the discrete virtual values. R = R_down iff every local
 * downward constraint binds — then revenue is pinned down by the allocation and the lowest types'
 * utilities ("the expected virtual value of the winner, minus the bottom rents"); R = R_up iff every
 * upward one binds. Between the two, the same allocation and the same bottom utility leave revenue
 * undetermined (`revenue-equivalence-grid-naive`).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, qstr, sign, ZERO } from "../exact/rational.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { profileAt } from "../model/profiles.ts";
import { interimExpectation, type Marginals, productOfMarginals } from "../model/independence.ts";

/**
 * The value grids w_i(k) if `env` is a single-object environment as in the module comment (decision
 * i = "i gets the object", at most one extra decision = nobody, values private and strictly
 * increasing in the type index); otherwise a reason.
 */
export function singleObjectGrids(env: Environment): { readonly values: Q[][] } | { readonly reason: string } {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const D = env.decisions.length;
  if (D !== n && D !== n + 1) return { reason: `expected ${n} or ${n + 1} decisions (one per agent, optionally "no sale"), got ${D}` };
  const values = sizes.map((m) => new Array<Q | undefined>(m).fill(undefined));
  for (let th = 0; th < numProfiles(env); th++) {
    const prof = profileAt(sizes, th);
    for (let i = 0; i < n; i++) {
      const row = env.valuation[i]![th]!;
      for (let d = 0; d < D; d++) {
        if (d === i) continue;
        if (row[d]!.n !== 0n) return { reason: `v_${i + 1}(decision ${d + 1}) = ${qstr(row[d]!)} ≠ 0 at profile ${th}: not a single-object environment` };
      }
      const w = row[i]!;
      const seen = values[i]![prof[i]!];
      if (seen === undefined) values[i]![prof[i]!] = w;
      else if (!seen.equals(w)) return { reason: `agent ${i + 1}'s value of the object depends on the others' types (profile ${th}): not private values` };
    }
  }
  const out = values.map((vs) => vs.map((v) => v!));
  for (let i = 0; i < n; i++) {
    for (let k = 1; k < out[i]!.length; k++) {
      if (out[i]![k]!.compare(out[i]![k - 1]!) <= 0) return { reason: `agent ${i + 1}'s values are not strictly increasing in the type index (${qstr(out[i]![k - 1]!)} then ${qstr(out[i]![k]!)})` };
    }
  }
  return { values: out };
}

/** Interim allocation Q[i][k], interim payment P[i][k] and utility U[i][k] = w_i(k)Q[i][k] − P[i][k]. */
export interface InterimTables {
  readonly Q: readonly (readonly Q[])[];
  readonly P: readonly (readonly Q[])[];
  readonly U: readonly (readonly Q[])[];
}

/**
 * The interim allocation Q_i(k), payment P_i(k) and utility U_i(k) of a mechanism on a
 * single-object grid with an independent prior, exact.
 */
export function interimTables(values: readonly (readonly Q[])[], marginals: Marginals, mech: DirectMechanism): InterimTables {
  const Qs: Q[][] = [];
  const Ps: Q[][] = [];
  const Us: Q[][] = [];
  values.forEach((w, i) => {
    const qi = w.map((_, k) => interimExpectation(marginals, i, k, (th) => mech.allocation[th]![i]!));
    const pi = w.map((_, k) => interimExpectation(marginals, i, k, (th) => mech.payments[th]![i]!));
    Qs.push(qi);
    Ps.push(pi);
    Us.push(w.map((wk, k) => wk.mul(qi[k]!).sub(pi[k]!)));
  });
  return { Q: Qs, P: Ps, U: Us };
}

/** One local constraint between types k−1 and k of agent i (k ≥ 1, 0-based). */
export interface LocalConstraint {
  readonly agent: number;
  /** the higher type (0-based); the pair is (type − 1, type) */
  readonly type: number;
  readonly deltaQ: Q;
  readonly deltaP: Q;
  /** w(k−1)·ΔQ ≤ ΔP ≤ w(k)·ΔQ */
  readonly upBound: Q;
  readonly downBound: Q;
  /** downBound − ΔP ≥ 0 iff the downward constraint holds; 0 iff it binds */
  readonly downSlack: Q;
  /** ΔP − upBound ≥ 0 iff the upward constraint holds */
  readonly upSlack: Q;
}

/**
 * The discrete BIC characterization on a grid ([BernardMD3, *Incentive Compatibility Constraints*,
 * eqs. (4)–(5)]): whether Q_i is monotone and every local constraint holds (BIC iff both), the
 * first failure of each, whether the local downward and upward constraints bind, and every
 * constraint.
 */
export interface GridCharacterization {
  /** Q_i non-decreasing for every agent. */
  readonly monotone: boolean;
  /** The first (agent, type) with Q_i(type) < Q_i(type − 1). */
  readonly firstDecrease?: { readonly agent: number; readonly type: number; readonly from: Q; readonly to: Q };
  /** Every local constraint holds. */
  readonly withinBounds: boolean;
  /** The first local constraint that fails. */
  readonly firstOutside?: LocalConstraint & { readonly failing: "downward" | "upward" };
  /** monotone ∧ withinBounds: the characterization's verdict (BIC iff this). */
  readonly holds: boolean;
  /** Every local downward constraint binds (downSlack = 0 everywhere). */
  readonly downwardBinding: boolean;
  /** Every local upward constraint binds. */
  readonly upwardBinding: boolean;
  readonly constraints: readonly LocalConstraint[];
}

/**
 * Decide the discrete BIC characterization of interim tables on value grids: Q_i non-decreasing and
 * w_i(k−1)ΔQ_k ≤ ΔP_k ≤ w_i(k)ΔQ_k for every local pair, exactly ([BernardMD3, *Incentive
 * Compatibility Constraints*]).
 */
export function characterize(values: readonly (readonly Q[])[], tables: InterimTables): GridCharacterization {
  const constraints: LocalConstraint[] = [];
  let firstDecrease: GridCharacterization["firstDecrease"];
  let firstOutside: GridCharacterization["firstOutside"];
  values.forEach((w, i) => {
    for (let k = 1; k < w.length; k++) {
      const deltaQ = tables.Q[i]![k]!.sub(tables.Q[i]![k - 1]!);
      const deltaP = tables.P[i]![k]!.sub(tables.P[i]![k - 1]!);
      const upBound = w[k - 1]!.mul(deltaQ);
      const downBound = w[k]!.mul(deltaQ);
      const c: LocalConstraint = { agent: i, type: k, deltaQ, deltaP, upBound, downBound, downSlack: downBound.sub(deltaP), upSlack: deltaP.sub(upBound) };
      constraints.push(c);
      if (firstDecrease === undefined && sign(deltaQ) < 0) firstDecrease = { agent: i, type: k, from: tables.Q[i]![k - 1]!, to: tables.Q[i]![k]! };
      if (firstOutside === undefined && (sign(c.downSlack) < 0 || sign(c.upSlack) < 0)) firstOutside = { ...c, failing: sign(c.downSlack) < 0 ? "downward" : "upward" };
    }
  });
  const monotone = firstDecrease === undefined;
  const withinBounds = firstOutside === undefined;
  return {
    monotone,
    ...(firstDecrease ? { firstDecrease } : {}),
    withinBounds,
    ...(firstOutside ? { firstOutside } : {}),
    holds: monotone && withinBounds,
    downwardBinding: constraints.every((c) => c.downSlack.n === 0n),
    upwardBinding: constraints.every((c) => c.upSlack.n === 0n),
    constraints,
  };
}

function requireFullSupport(marginals: Marginals): void {
  marginals.forEach((m, i) =>
    m.forEach((p, k) => {
      if (sign(p) <= 0) throw new MechcheckError("zero-probability-type", `marginals[${i}][${k}]: discrete virtual values need full-support marginals`, { path: `marginals[${i}][${k}]`, value: qstr(p) });
    }),
  );
}

/** φ_i(k) = w(k) − (w(k+1) − w(k))(1 − M(k))/μ(k), φ_i(K) = w(K): the downward-binding virtual values. */
export function downwardVirtualValues(w: readonly Q[], mu: readonly Q[]): Q[] {
  requireFullSupport([mu]);
  let M = ZERO;
  return w.map((wk, k) => {
    M = M.add(mu[k]!);
    return k + 1 < w.length ? wk.sub(w[k + 1]!.sub(wk).mul(ONE.sub(M)).div(mu[k]!)) : wk;
  });
}

/** φ^up_i(k) = w(k) − (w(k) − w(k−1))(1 − M(k−1))/μ(k), φ^up_i(1) = w(1): the upward-binding virtual values. */
export function upwardVirtualValues(w: readonly Q[], mu: readonly Q[]): Q[] {
  requireFullSupport([mu]);
  let Mprev = ZERO;
  return w.map((wk, k) => {
    const out = k === 0 ? wk : wk.sub(wk.sub(w[k - 1]!).mul(ONE.sub(Mprev)).div(mu[k]!));
    Mprev = Mprev.add(mu[k]!);
    return out;
  });
}

/** E[Σ_i φ_i(θ_i) q_i(θ)] under the product prior: the expected (virtual) value of the winner. */
function expectedVirtualSurplus(phi: readonly (readonly Q[])[], marginals: Marginals, allocation: readonly (readonly Q[])[]): Q {
  const sizes = marginals.map((m) => m.length);
  const prior = productOfMarginals(marginals);
  let s = ZERO;
  prior.forEach((p, th) => {
    if (p.n === 0n) return;
    const prof = profileAt(sizes, th);
    for (let i = 0; i < sizes.length; i++) {
      const qi = allocation[th]![i]!;
      if (qi.n !== 0n) s = s.add(p.mul(qi).mul(phi[i]![prof[i]!]!));
    }
  });
  return s;
}

/** E[Σ_i p_i(θ)] under the product prior, straight from the ex post payment table. */
export function expectedRevenue(marginals: Marginals, payments: readonly (readonly Q[])[]): Q {
  const prior = productOfMarginals(marginals);
  let s = ZERO;
  prior.forEach((p, th) => {
    if (p.n !== 0n) for (const x of payments[th]!) s = s.add(p.mul(x));
  });
  return s;
}

/** R_down and R_up of the module comment for this allocation and these lowest-type utilities U_i(1). */
export function revenueBounds(values: readonly (readonly Q[])[], marginals: Marginals, allocation: readonly (readonly Q[])[], lowestUtility: readonly Q[]): { readonly down: Q; readonly up: Q } {
  const rents = lowestUtility.reduce((a, b) => a.add(b), ZERO);
  const phiDown = values.map((w, i) => downwardVirtualValues(w, marginals[i]!));
  const phiUp = values.map((w, i) => upwardVirtualValues(w, marginals[i]!));
  return {
    down: expectedVirtualSurplus(phiDown, marginals, allocation).sub(rents),
    up: expectedVirtualSurplus(phiUp, marginals, allocation).sub(rents),
  };
}

/**
 * Interim payments of agent i from the bottom payment P(1) and positions λ_k in the local interval:
 * P(k) = P(k−1) + (w(k−1) + λ_k (w(k) − w(k−1)))·ΔQ_k (λ_k = 0: upward binds, 1: downward binds;
 * outside [0, 1]: a local constraint fails). lambdas[k] is used for k ≥ 1 (lambdas[0] ignored).
 */
export function interimPaymentsAt(w: readonly Q[], Qi: readonly Q[], bottom: Q, lambdas: readonly Q[]): Q[] {
  const out: Q[] = [bottom];
  for (let k = 1; k < w.length; k++) {
    const price = w[k - 1]!.add(lambdas[k]!.mul(w[k]!.sub(w[k - 1]!)));
    out.push(out[k - 1]!.add(price.mul(Qi[k]!.sub(Qi[k - 1]!))));
  }
  return out;
}

/**
 * An ex post payment table with prescribed interim payments target[i][k]: p_i(θ) = target_i(θ_i) +
 * e_i(θ) − E_{θ_i}[e_i] for any "noise" table e (noise[θ][i]); e = 0 gives payments that depend on
 * the own report only.
 */
export function paymentsWithInterim(marginals: Marginals, target: readonly (readonly Q[])[], noise?: readonly (readonly Q[])[]): Q[][] {
  const sizes = marginals.map((m) => m.length);
  const P = sizes.reduce((a, b) => a * b, 1);
  const mean = noise ? sizes.map((m, i) => Array.from({ length: m }, (_, k) => interimExpectation(marginals, i, k, (th) => noise[th]![i]!))) : undefined;
  const out: Q[][] = [];
  for (let th = 0; th < P; th++) {
    const prof = profileAt(sizes, th);
    out.push(sizes.map((_, i) => (noise && mean ? target[i]![prof[i]!]!.add(noise[th]![i]!).sub(mean[i]![prof[i]!]!) : target[i]![prof[i]!]!)));
  }
  return out;
}
