/**
 * Finite environments, beliefs, type spaces and mechanisms: plain, read-only data.
 * Functions over them live beside (here: the few evaluations every concept needs) and in
 * src/concepts/. Tables indexed "by profile" use the mixed-radix order of profiles.ts.
 *
 * Conventions ([BernardMD3, Def 6.16]): quasilinear utility v_i(q, θ) − p_i, p_i a payment BY agent i
 * (negative = a transfer to i). Decisions Q (or outcomes X) are a finite list; a mechanism assigns a
 * lottery over them. General finite outcomes without money are the case "payments all zero".
 */
import type { Q } from "../exact/rational.ts";
import { ONE, ZERO } from "../exact/rational.ts";
import { allProfiles, entryAt, profileCount, profileIndex, strides, withEntry, type Profile } from "./profiles.ts";

/** A human-readable name of an agent, type, decision or action. */
export type Label = string;

/**
 * A finite (payoff-)environment. Types are payoff types θ_i ∈ Θ_i; Θ = ΠΘ_i (private or
 * interdependent values according to whether v_i depends on θ_{-i}).
 */
export interface Environment {
  readonly agents: readonly Label[];
  /** Θ_i: labels of agent i's types, in order. */
  readonly types: readonly (readonly Label[])[];
  /** Optional numeric value of each type (one-dimensional, ordered types: auctions, trade). */
  readonly typeValues?: readonly (readonly Q[])[];
  /** The finite set of decisions / social states / outcomes. */
  readonly decisions: readonly Label[];
  /** valuation[i][θ][d] = v_i(d, θ), θ the index of the type profile. */
  readonly valuation: readonly (readonly (readonly Q[])[])[];
  /** IR level of each type (outside option, property rights); absent = 0. reservation[i][θ_i]. */
  readonly reservation?: readonly (readonly Q[])[];
}

/**
 * Beliefs over type profiles. A common prior: prior[θ] over profile indices. Per-type beliefs
 * (non-common priors allowed): beliefs[i][θ_i][k] = π_i(θ_{-i} = k | θ_i), k the index of the
 * others' profile (profiles.ts othersIndex).
 */
export type Beliefs =
  | { readonly kind: "common-prior"; readonly prior: readonly Q[] }
  | { readonly kind: "per-type"; readonly beliefs: readonly (readonly (readonly Q[])[])[] };

/**
 * A Harsanyi type space with a separate finite state set Θ ([BrooksExPost2023, *Aside on no-trade*]; [BrooksMaxmin2023,
 * *Primitives*]): types T_i, beliefs[i][t_i][k·|Θ| + s] = π_i(t_{-i} = k, θ = s | t_i).
 * A common prior, when given, is prior[t·|Θ| + s] over type profiles t and states s.
 */
export interface HarsanyiTypeSpace {
  readonly agents: readonly Label[];
  readonly types: readonly (readonly Label[])[];
  readonly states: readonly Label[];
  readonly beliefs: readonly (readonly (readonly Q[])[])[];
  readonly prior?: readonly Q[];
}

/**
 * A KPT type space over an environment's payoff types ([BrooksExPost2023, *Robustness of ex post
 * implementation*]): types T_i, a payoff-type map θ̂_i : T_i → Θ_i, and beliefs over the others'
 * types beliefs[i][t_i][k] = π_i(t_{-i} = k | t_i). The payoff state is θ̂(t).
 */
export interface KptTypeSpace {
  readonly types: readonly (readonly Label[])[];
  readonly payoffType: readonly (readonly number[])[];
  readonly beliefs: readonly (readonly (readonly Q[])[])[];
}

/**
 * A direct mechanism on an environment: at report profile r (index), allocation[r][d] is the
 * probability of decision d (a lottery), payments[r][i] the payment by agent i.
 */
export interface DirectMechanism {
  readonly kind: "direct";
  readonly allocation: readonly (readonly Q[])[];
  readonly payments: readonly (readonly Q[])[];
}

/**
 * An indirect mechanism: action sets A_i, at action profile a (index) a lottery over decisions
 * outcome[a][d] and payments[a][i].
 */
export interface IndirectMechanism {
  readonly kind: "indirect";
  readonly actions: readonly (readonly Label[])[];
  readonly outcome: readonly (readonly Q[])[];
  readonly payments: readonly (readonly Q[])[];
}

/**
 * A mechanism as data: a direct mechanism (allocation and payments by report profile) or an
 * indirect one (actions, outcome lotteries and payments by action profile).
 */
export type Mechanism = DirectMechanism | IndirectMechanism;

/** A social choice correspondence F: Θ → nonempty subsets of decisions; sets[θ] = decision indices. */
export interface SocialChoiceCorrespondence {
  readonly sets: readonly (readonly number[])[];
}

/** A deterministic decision rule q: Θ → Q, rule[θ] = decision index. */
export type DecisionRule = readonly number[];

// ---------------------------------------------------------------- evaluations

/** The number of types of each agent, |Θ_i|. */
export function typeSizes(env: Pick<Environment, "types">): number[] {
  return env.types.map((t) => t.length);
}

/** The number of type profiles |Θ| = Π_i |Θ_i|. */
export function numProfiles(env: Pick<Environment, "types">): number {
  return profileCount(typeSizes(env));
}

/** v_i of a lottery over decisions at state θ: Σ_d lottery[d] · v_i(d, θ). */
export function lotteryValue(env: Environment, i: number, theta: number, lottery: readonly Q[]): Q {
  const v = env.valuation[i]![theta]!;
  let s: Q | null = null;
  for (let d = 0; d < lottery.length; d++) {
    const p = lottery[d]!;
    if (p.n === 0n) continue;
    // a sure decision (p = 1, the common case) contributes v itself: no product, no sum with 0
    const term = p.n === 1n && p.d === 1n && p.s > 0n ? (v[d]!.n === 0n ? ZERO : v[d]!) : p.mul(v[d]!);
    s = s === null ? term : s.add(term);
  }
  return s ?? ZERO;
}

/** Agent i's ex post utility at true state θ when the report profile is r. */
export function expostUtility(env: Environment, mech: DirectMechanism, i: number, theta: number, report: number): Q {
  return lotteryValue(env, i, theta, mech.allocation[report]!).sub(mech.payments[report]![i]!);
}

/** Agent i's ex post utility at true profile θ from reporting k instead of θ_i (others truthful). */
export function deviationUtility(env: Environment, mech: DirectMechanism, i: number, theta: Profile, k: number): Q {
  const sizes = typeSizes(env);
  return expostUtility(env, mech, i, profileIndex(sizes, theta), profileIndex(sizes, withEntry(theta, i, k)));
}

/** Social surplus Σ_i v_i(d, θ) of decision d at state θ. */
export function surplus(env: Environment, theta: number, d: number): Q {
  let s = ZERO;
  for (let i = 0; i < env.agents.length; i++) s = s.add(env.valuation[i]![theta]![d]!);
  return s;
}

/** Agent i's reservation utility at type t_i (env.reservation, 0 when absent). */
export function reservationOf(env: Environment, i: number, ti: number): Q {
  return env.reservation?.[i]?.[ti] ?? ZERO;
}

/** The deterministic mechanism's allocation table for a decision rule. */
export function pointMassAllocation(env: Environment, rule: DecisionRule): Q[][] {
  return rule.map((d) => env.decisions.map((_, k) => (k === d ? ONE : ZERO)));
}

/** The product prior Π_i μ_i(θ_i) of per-agent marginals, indexed by profile (independent types). */
export function productPrior(marginals: readonly (readonly Q[])[]): Q[] {
  const sizes = marginals.map((m) => m.length);
  const out: Q[] = [];
  for (const p of allProfiles(sizes)) {
    let x = ONE;
    for (let i = 0; i < p.length; i++) x = x.mul(marginals[i]![p[i]!]!);
    out.push(x);
  }
  return out;
}

/**
 * Does v_i depend on agent i's own type only (private values for agent i)? Exact comparison over
 * all profiles; O(profiles × decisions) (the base profile of θ, with the others' entries 0, has
 * index own(θ)·stride_i).
 */
export function dependsOnOwnTypeOnly(env: Environment, i: number): boolean {
  const sizes = typeSizes(env);
  return ownTypeOnlyAt(env, i, strides(sizes)[i]!, sizes[i]!, profileCount(sizes));
}

/** dependsOnOwnTypeOnly with agent i's stride, type count and the profile count precomputed. */
export function ownTypeOnlyAt(env: Environment, i: number, stride: number, mi: number, P: number): boolean {
  const vi = env.valuation[i]!;
  for (let th = 0; th < P; th++) {
    const base = entryAt(stride, mi, th) * stride;
    if (base === th) continue;
    const a = vi[th]!;
    const b = vi[base]!;
    if (a.some((x, d) => !x.equals(b[d]!))) return false;
  }
  return true;
}
