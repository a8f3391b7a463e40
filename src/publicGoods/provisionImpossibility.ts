/**
 * Prop 6.26 of [BernardMD3, *Provision of a Public Good*, *Impossibility Result*]: "An
 * incentive-compatible individually rational ex-post efficient mechanism exists if and only if
 * either n·v̲ ≥ c or n·v̄ ≤ c" — decided exactly, continuous and on grids.
 *
 * Model (publicGoods/provision.ts): n agents, values θ_i, utility q·θ_i − (gross payment), cost c
 * paid out of the payments when provided; the environment charges c/n inside each valuation, so a
 * mechanism's payments are NET and budget balance is Σ_i p_i = 0. The efficient rule provides when
 * Σθ_i > c; at Σθ_i = c a TIE RULE decides ("provide" — publicGoods/provision.ts and the notes'
 * q = 1{Σθ ≥ c} — or "not").
 *
 * Finite grids, independent full-support priors (same argument as tradeGrids.ts for the buyer):
 * with Q_i(θ_i) = Pr(provide | θ_i) (non-decreasing), IIR of the lowest type and IC of θ_k against
 * θ_{k−1} bound agent i's interim GROSS payment by P*_i (θ_1 Q_i(θ_1), then + θ_k (Q_i(θ_k) −
 * Q_i(θ_{k−1}))), and (P*_i) is BIC and IIR; with Cor 7.3:
 *   an efficient, BIC, IIR, ex post BB mechanism exists ⇔ R* = Σ_i E[P*_i] − c·Pr(provide) ≥ 0.
 * `pgMechanism` builds it (P*_i minus R* divided by n, net of the cost share, then Prop 7.1).
 *
 * Continuous, two agents with polynomial CDFs on a common [v̲, v̄] (route of
 * trade/continuousTrade.ts): the largest expected budget of an efficient BIC IIR mechanism is
 * B(c) = A(c) − c·P(c) (virtual values, `publicGoodBudget`); independently the IR-VCG budget
 * E[Σ_i (v̲ + θ_{-i} − c)^+] − E[(θ_1 + θ_2 − c)^+] (the IR-VCG terms h_i = (v̲ + θ_{-i} − c)^+
 * leave the lowest type zero utility) — equal by revenue equivalence; Prop 6.26 says B(c) < 0
 * exactly for 2v̲ < c < 2v̄.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { ONE, q, type Q, qmax, qstr, sign, ZERO } from "../exact/rational.ts";
import { Poly, convolve } from "../continuous/polynomial.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { expectPositivePartShift, publicGoodBudget } from "../trade/continuousTrade.ts";
import { productPrior } from "../model/environment.ts";
import type { LpModel, LpResult } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { budgetBalance } from "../budgetBalance/budgetBalancing.ts";
import { publicGoodEnvironment, type PublicGood } from "./provision.ts";
import type { DirectMechanism } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { fixedRuleTransfersLp, mechanismFromPoint } from "../mechanisms/fixedRuleTransfers.ts";
import { conceptProblems, solveOptionsFor } from "../trade/tradeGrids.ts";

/**
 * A public-good case on grids for [BernardMD3, Prop 6.26]: the agents' value grids, the cost, the
 * tie rule at Σθ_i = c, and optional full-support marginals (default uniform).
 */
export interface PgCase {
  /** values[i] = agent i's grid (strictly increasing). */
  readonly values: readonly (readonly Q[])[];
  readonly cost: Q;
  readonly tie: "provide" | "not";
  /** Full-support marginals (default uniform). */
  readonly marginals?: readonly (readonly Q[])[];
}

/** The marginals of a public-good case (uniform when not given). */
export function pgMarginals(c: PgCase): Q[][] {
  return c.marginals?.map((m) => m.slice()) ?? c.values.map((g) => g.map(() => ONE.div(q(g.length))));
}

/** The public-good environment of a case (valuations net of an equal cost share). */
export function pgEnvironment(c: PgCase): PublicGood {
  return publicGoodEnvironment(c.values, c.cost);
}

/** Probability of provision at a profile of values. */
function provision(c: PgCase, thetas: readonly Q[]): Q {
  const s = thetas.reduce((a, b) => a.add(b), ZERO).compare(c.cost);
  return s > 0 ? ONE : s < 0 ? ZERO : c.tie === "provide" ? ONE : ZERO;
}

/** allocation[θ] = [P(not provided), P(provided)] (decision order of publicGoods/provision.ts). */
export function pgAllocation(c: PgCase): Q[][] {
  const sizes = c.values.map((g) => g.length);
  return [...allProfiles(sizes)].map((p) => {
    const x = provision(c, p.map((k, i) => c.values[i]![k]!));
    return [ONE.sub(x), x];
  });
}

/** Prop 6.26's trivial cases on grids: Σ min ≥ c (always provide) or Σ max ≤ c (never needed). */
export function pgTrivial(c: PgCase): boolean {
  const lo = c.values.reduce((a, g) => a.add(g[0]!), ZERO);
  const hi = c.values.reduce((a, g) => a.add(g[g.length - 1]!), ZERO);
  return lo.compare(c.cost) >= 0 || hi.compare(c.cost) <= 0;
}

/**
 * The closed-form bound of [BernardMD3, Prop 6.26] on grids: interim provision probabilities, the
 * largest interim gross payments P*_i under BIC + IIR, the provision probability, R* = Σ_i E[P*_i]
 * − c·Pr(provide), and whether an efficient BIC IIR budget-balanced mechanism exists (R* ≥ 0).
 */
export interface PgBound {
  readonly interimProvision: readonly (readonly Q[])[];
  readonly grossPayments: readonly (readonly Q[])[];
  readonly provisionProbability: Q;
  readonly maxBudget: Q;
  readonly possible: boolean;
}

/** The closed form R* (module comment). */
export function pgBound(c: PgCase): PgBound {
  const ms = pgMarginals(c);
  const sizes = c.values.map((g) => g.length);
  const prior = productPrior(ms);
  ms.forEach((m, i) => m.forEach((p) => {
    if (sign(p) <= 0) throw new MechcheckError("bad-probability", `marginals[${i}]: needs full support`);
  }));
  const Qi = sizes.map((m) => Array.from({ length: m }, () => ZERO));
  let pr = ZERO;
  let t = 0;
  for (const prof of allProfiles(sizes)) {
    const x = provision(c, prof.map((k, i) => c.values[i]![k]!));
    const w = prior[t++]!;
    pr = pr.add(w.mul(x));
    // Q_i(θ_i) = Σ_{θ_{-i}} Π_{j≠i} μ_j · x  =  Σ (prior/μ_i(θ_i)) x
    prof.forEach((k, i) => (Qi[i]![k] = Qi[i]![k]!.add(w.div(ms[i]![k]!).mul(x))));
  }
  const P = c.values.map((g, i) => {
    const out: Q[] = [];
    g.forEach((v, k) => out.push(k === 0 ? v.mul(Qi[i]![0]!) : out[k - 1]!.add(v.mul(Qi[i]![k]!.sub(Qi[i]![k - 1]!)))));
    return out;
  });
  const revenue = P.reduce((a, Pi, i) => Pi.reduce((b, p, k) => b.add(ms[i]![k]!.mul(p)), a), ZERO);
  const maxBudget = revenue.sub(c.cost.mul(pr));
  return { interimProvision: Qi, grossPayments: P, provisionProbability: pr, maxBudget, possible: sign(maxBudget) >= 0 };
}

/** The efficient, BIC, IIR, ex post BB mechanism when R* ≥ 0 (net payments; see the module comment). */
export function pgMechanism(c: PgCase): DirectMechanism {
  const b = pgBound(c);
  if (!b.possible) throw new MechcheckError("impossible", `R* = ${qstr(b.maxBudget)} < 0`);
  const n = c.values.length;
  const share = c.cost.div(q(n));
  const refund = b.maxBudget.div(q(n));
  const allocation = pgAllocation(c);
  const sizes = c.values.map((g) => g.length);
  const payments = [...allProfiles(sizes)].map((p, t) => p.map((k, i) => b.grossPayments[i]![k]!.sub(refund).sub(allocation[t]![1]!.mul(share))));
  return budgetBalance(pgEnvironment(c).env, { kind: "direct", allocation, payments }, pgMarginals(c)).mechanism;
}

/**
 * The exact LP decision of a public-good case: whether it is possible, the model and certified
 * result, the mechanism re-checked by src/concepts (with any failed checks), or the size of the
 * Farkas certificate.
 */
export interface PgDecision {
  readonly possible: boolean;
  readonly model: LpModel;
  readonly result: LpResult;
  readonly mechanism?: DirectMechanism;
  readonly problems: readonly string[];
  readonly farkasRows?: number;
}

/** The exact LP: efficient rule fixed; BIC + interim IR + ex post BB rows on net payments. */
export function pgDecide(c: PgCase): PgDecision {
  const { env } = pgEnvironment(c);
  const allocation = pgAllocation(c);
  const prior = productPrior(pgMarginals(c));
  const lp = fixedRuleTransfersLp(env, allocation, { ic: "bic", prior, ir: "interim", budgetBalanced: true });
  const result = solve(lp.model, solveOptionsFor(lp.model));
  if (result.status === "optimal") {
    const mechanism = mechanismFromPoint(env, allocation, lp, result.primal);
    return { possible: true, model: lp.model, result, mechanism, problems: conceptProblems("myerson-satterthwaite", env, mechanism, prior) };
  }
  if (result.status === "infeasible") return { possible: false, model: lp.model, result, problems: [], farkasRows: result.farkas.rows.filter((y) => y.n !== 0n).length };
  throw new InternalError(`the public-good feasibility LP is ${result.status}`);
}

/** The LP max of E[Σ_i p_i] (net: budget surplus) over efficient BIC + IIR mechanisms. */
export function pgMaxBudgetLp(c: PgCase): Q {
  const { env } = pgEnvironment(c);
  const lp = fixedRuleTransfersLp(env, pgAllocation(c), { ic: "bic", prior: productPrior(pgMarginals(c)), ir: "interim", objective: "revenue" });
  const r = solve(lp.model, solveOptionsFor(lp.model));
  if (r.status !== "optimal") throw new InternalError(`the public-good revenue LP is ${r.status}`);
  return r.value;
}

// ————————————————————————————————————————————————————————— continuous, two agents

/**
 * [BernardMD3, Prop 6.26] on the continuum for two agents: the largest expected budget by virtual
 * values and, independently, the IR-VCG budget (equal by revenue equivalence), and whether the cost
 * is interior (2v̲ < c < 2v̄).
 */
export interface PgContinuous {
  /** B(c) = A(c) − c·P(c) by virtual values. */
  readonly virtualBudget: Q;
  /** The IR-VCG expected budget, by the positive-part route. */
  readonly irVcgBudget: Q;
  readonly interior: boolean;
}

/** Both routes for two agents with distributions on a common support [v̲, v̄]. */
export function pgContinuous(F1: Distribution, F2: Distribution, cost: Q): PgContinuous {
  if (!F1.lo.equals(F2.lo) || !F1.hi.equals(F2.hi)) throw new MechcheckError("bad-support", "pgContinuous: both agents need the same support [v̲, v̄] (Prop 6.26)");
  const lo = F1.lo;
  const hi = F1.hi;
  const L = lo.add(lo);
  const U = hi.add(hi);
  const interior = L.compare(cost) < 0 && cost.compare(U) < 0;
  // IR-VCG: Σ_i E[(v̲ + θ_{-i} − c)^+] − E[(θ_1 + θ_2 − c)^+]
  const dens = convolve(F1.pdf, F2.pdf);
  const sumPart = cost.compare(dens.hi) >= 0 ? ZERO : dens.mulPoly(Poly.linear(cost.neg(), 1)).integrate(qmax(cost, dens.lo), dens.hi);
  const irVcgBudget = expectPositivePartShift(F2, cost.sub(lo)).add(expectPositivePartShift(F1, cost.sub(lo))).sub(sumPart);
  let virtualBudget: Q;
  if (interior) {
    const { P, A } = publicGoodBudget(F1, F2);
    virtualBudget = A.eval(cost).sub(cost.mul(P.eval(cost)));
  } else if (cost.compare(L) <= 0) {
    virtualBudget = L.sub(cost); // always provide: E[ψ_1 + ψ_2] = 2v̲
  } else {
    virtualBudget = ZERO; // never provide (a.s.)
  }
  return { virtualBudget, irVcgBudget, interior };
}
