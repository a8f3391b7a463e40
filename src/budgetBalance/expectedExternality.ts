/**
 * Expected-externality mechanisms for independent private values with an efficient decision rule.
 *
 * Bernard's form ([BernardMD3, Def 7.4, eq. (3)]), agents 0..n−1 so mod(i, n) + 1 is (i + 1) mod n:
 *   p^EE_i(τ) = E_{τ_i}[p^piv_i(θ)] − E_{τ_{i+1}}[p^piv_{i+1}(θ)],
 * p^piv the Clarke pivot payments: i pays the interim expected externality it imposes and receives
 * the one of agent i+1. Σ_i p^EE_i = 0 at every report (telescoping around the cycle).
 *
 * Arrow / d'Aspremont–Gérard-Varet ([Mishra2020, *The dAGV mechanism*]): with the residual utility
 *   r_i(v_i) = E_{v_{-i}}[ Σ_{j≠i} v_j(Q^e(v_i, v_{-i})) ],
 * the notes' transfer TO agent i is T_i = r_i(v_i) − (1/(n−1)) Σ_{j≠i} r_j(v_j); in mechcheck's
 * convention (payments BY the agent) p_i = −T_i = (1/(n−1)) Σ_{j≠i} r_j(v_j) − r_i(v_i).
 *
 * Both are efficient, ex post budget balanced and BIC ([Mishra2020, *Theorem*], proof by the
 * interim-VCG argument); neither need be interim IR ([Mishra2020, *Main issue: participation
 * constraint*]). The efficient rule may be a lottery (ties split), as long as every lottery is
 * supported on surplus-maximizing decisions; the default is vcg.ts's rule (lowest index on ties).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, type QInput, qmax, qstr, ZERO } from "../exact/rational.ts";
import { lotteryValue, numProfiles, pointMassAllocation, surplus, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { efficientDecisionRule } from "../mechanisms/vcg.ts";
import { interimExpectation, probabilityVector, requirePrivateValues, validateMarginals, type Marginals } from "../model/independence.ts";

/**
 * How an efficient allocation breaks ties: point mass on the lowest-index surplus maximizer, or
 * uniform over all of them.
 */
export type TieRule = "lowest-index" | "uniform";

/** The efficient allocation: point mass on vcg.ts's efficient rule, or uniform over all surplus maximizers. */
export function efficientAllocation(env: Environment, tie: TieRule = "lowest-index"): Q[][] {
  if (tie === "lowest-index") return pointMassAllocation(env, efficientDecisionRule(env));
  if (tie !== "uniform") throw new MechcheckError("bad-option", `tie: ${JSON.stringify(tie)} is not "lowest-index" or "uniform"`, { path: "tie", value: tie });
  const out: Q[][] = [];
  for (let t = 0; t < numProfiles(env); t++) {
    const s = env.decisions.map((_, d) => surplus(env, t, d));
    const best = s.reduce((a, b) => qmax(a, b));
    const argmax = s.map((x) => x.equals(best));
    const k = argmax.filter(Boolean).length;
    out.push(argmax.map((b) => (b ? ONE.div(q(k)) : ZERO)));
  }
  return out;
}

/** Throws MechcheckError "not-efficient" unless each allocation[θ] is a lottery on surplus-maximizing decisions. */
function requireEfficientAllocation(env: Environment, allocation: readonly (readonly QInput[])[], where = "allocation"): Q[][] {
  const m = numProfiles(env);
  if (!Array.isArray(allocation) || allocation.length !== m) {
    throw new MechcheckError("dimension", `${where}: expected ${m} lotteries (one per profile), got ${Array.isArray(allocation) ? allocation.length : typeof allocation}`, { path: where, value: Array.isArray(allocation) ? allocation.length : allocation });
  }
  return allocation.map((row, t) => {
    const lot = probabilityVector(row, `${where}[${t}]`, env.decisions.length);
    const s = env.decisions.map((_, d) => surplus(env, t, d));
    const best = s.reduce((a, b) => qmax(a, b));
    lot.forEach((p, d) => {
      if (p.n !== 0n && !s[d]!.equals(best)) {
        throw new MechcheckError(
          "not-efficient",
          `${where}[${t}][${d}]: the allocation is not efficient: decision ${d} has probability ${qstr(p)} at profile ${t} but its surplus ${qstr(s[d]!)} is below the maximum ${qstr(best)}`,
          { path: `${where}[${t}][${d}]`, value: qstr(p) },
        );
      }
    });
    return lot;
  });
}

/** Σ_{j≠i} v_j of a lottery at profile θ. */
function othersLotteryValue(env: Environment, i: number, t: number, lottery: readonly Q[]): Q {
  let s = ZERO;
  for (let j = 0; j < env.agents.length; j++) if (j !== i) s = s.add(lotteryValue(env, j, t, lottery));
  return s;
}

/** Clarke pivot payments for an efficient allocation (lotteries allowed): max_d Σ_{j≠i} v_j(d) − Σ_{j≠i} v_j(q(θ)). */
export function pivotPayments(env: Environment, allocation: readonly (readonly Q[])[]): Q[][] {
  const out: Q[][] = [];
  for (let t = 0; t < numProfiles(env); t++) {
    out.push(
      env.agents.map((_, i) => {
        let best: Q | null = null;
        for (let d = 0; d < env.decisions.length; d++) {
          let s = ZERO;
          for (let j = 0; j < env.agents.length; j++) if (j !== i) s = s.add(env.valuation[j]![t]![d]!);
          best = best === null ? s : qmax(best, s);
        }
        return (best ?? ZERO).sub(othersLotteryValue(env, i, t, allocation[t]!));
      }),
    );
  }
  return out;
}

/**
 * Options of the expected-externality mechanisms ([BernardMD3, Def 7.4]; [Mishra2020, *The dAGV
 * mechanism*]): the efficient allocation to use (default: the lowest-index efficient rule).
 */
export interface ExpectedExternalityOptions {
  /** An efficient allocation (lotteries); default: point mass on the efficient rule (lowest index on ties). */
  readonly allocation?: readonly (readonly QInput[])[];
}

function prepare(env: Environment, marginalsInput: readonly (readonly QInput[])[], opts: ExpectedExternalityOptions): { marginals: Q[][]; allocation: Q[][] } {
  requirePrivateValues(env);
  const marginals = validateMarginals(typeSizes(env), marginalsInput);
  const allocation = opts.allocation === undefined ? efficientAllocation(env) : requireEfficientAllocation(env, opts.allocation);
  return { marginals, allocation };
}

/**
 * Interim expected pivot payment E_{τ_i}[p^piv_i(τ_i, T_{-i})], per agent and own type: the
 * interim expected externality agent i imposes on the others.
 */
function expectedExternalities(env: Environment, marginals: Marginals, allocation: readonly (readonly Q[])[]): Q[][] {
  const piv = pivotPayments(env, allocation);
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => Array.from({ length: sizes[i]! }, (_, ti) => interimExpectation(marginals, i, ti, (t) => piv[t]![i]!)));
}

/** Bernard's expected-externality mechanism ([BernardMD3, Def 7.4, eq. (3)]). */
export function expectedExternalityMechanism(env: Environment, marginalsInput: readonly (readonly QInput[])[], opts: ExpectedExternalityOptions = {}): DirectMechanism {
  const { marginals, allocation } = prepare(env, marginalsInput, opts);
  const ext = expectedExternalities(env, marginals, allocation);
  const sizes = typeSizes(env);
  const n = env.agents.length;
  const payments: Q[][] = [];
  for (const prof of allProfiles(sizes)) {
    payments.push(env.agents.map((_, i) => ext[i]![prof[i]!]!.sub(ext[(i + 1) % n]![prof[(i + 1) % n]!]!)));
  }
  return { kind: "direct", allocation, payments };
}

/** The residual utility r_i(v_i) = E_{v_{-i}}[Σ_{j≠i} v_j(Q^e(v_i, v_{-i}))] ([Mishra2020, *Efficient mechanism*]). */
function residualUtilities(env: Environment, marginals: Marginals, allocation: readonly (readonly Q[])[]): Q[][] {
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => Array.from({ length: sizes[i]! }, (_, ti) => interimExpectation(marginals, i, ti, (t) => othersLotteryValue(env, i, t, allocation[t]!))));
}

/** The dAGV mechanism ([Mishra2020, *The dAGV mechanism*]), payments BY agents: p_i = (1/(n−1)) Σ_{j≠i} r_j(v_j) − r_i(v_i). Needs n ≥ 2. */
export function dagvMechanism(env: Environment, marginalsInput: readonly (readonly QInput[])[], opts: ExpectedExternalityOptions = {}): DirectMechanism {
  const n = env.agents.length;
  if (n < 2) throw new MechcheckError("too-few-agents", `environment.agents: the dAGV mechanism needs at least 2 agents, got ${n}`, { path: "agents", value: n });
  const { marginals, allocation } = prepare(env, marginalsInput, opts);
  const r = residualUtilities(env, marginals, allocation);
  const sizes = typeSizes(env);
  const inv = ONE.div(q(n - 1));
  const payments: Q[][] = [];
  for (const prof of allProfiles(sizes)) {
    const total = r.reduce((s, ri, j) => s.add(ri[prof[j]!]!), ZERO);
    payments.push(env.agents.map((_, i) => total.sub(r[i]![prof[i]!]!).mul(inv).sub(r[i]![prof[i]!]!)));
  }
  return { kind: "direct", allocation, payments };
}
