/**
 * Payoff types and belief types of a finite common-prior type space ([BernardMD3, *Decomposition of
 * Types*] and Prop 7.15 *Common Prior*): a type τ_i ≅ (ϑ_i(τ_i), β_i(τ_i)), its payoff type ϑ_i(τ_i)
 * ∈ Θ_i and its belief type β_i(τ_i) — its belief about the others, the conditional π(τ_{-i} | τ_i)
 * over T_{-i} (the others' payoff types being functions of their types, this is the marginal on
 * Θ_{-i} × T_{-i}).
 *
 * `beliefClasses` groups the types of each agent by EQUAL conditional belief (exact comparison);
 * `conditionalIndependence` checks Prop 7.15's conclusion: for every belief-type profile β that
 * arises (π(B) > 0, B = {τ : β_j(τ_j) = β_j ∀j}), π(ϑ | B) = Π_i π(ϑ_i | B) for every payoff profile
 * ϑ ∈ Θ, and the stronger statement the proof gives, π(τ | B) = Π_i π(τ_i | B) on types. Both are
 * decided by exact enumeration, with the first failing (β, ϑ) as the violation.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, qstr, ZERO } from "../exact/rational.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";

/**
 * A finite common-prior type space with payoff types ([BernardMD3, *Decomposition of Types*]): the
 * number of types and payoff types per agent, each type's payoff type ϑ_i(τ_i), and the common
 * prior over type profiles.
 */
export interface PayoffTypeSpace {
  /** |T_i| per agent. */
  readonly sizes: readonly number[];
  /** |Θ_i| per agent. */
  readonly thetaSizes: readonly number[];
  /** payoffType[i][τ_i] ∈ [0, |Θ_i|): the payoff type ϑ_i(τ_i). */
  readonly payoffType: readonly (readonly number[])[];
  /** The common prior over type profiles (mixed-radix order of profiles.ts), summing to 1. */
  readonly prior: readonly Q[];
}

function validatePayoffTypeSpace(ts: PayoffTypeSpace): void {
  const P = profileCount(ts.sizes);
  if (ts.prior.length !== P) throw new MechcheckError("dimension", `prior: expected ${P} entries, got ${ts.prior.length}`);
  let sum = ZERO;
  for (const p of ts.prior) {
    if (p.s < 0n && p.n !== 0n) throw new MechcheckError("bad-probability", "prior: negative entry");
    sum = sum.add(p);
  }
  if (!sum.equals(ONE)) throw new MechcheckError("bad-probability", `prior sums to ${qstr(sum)}`);
  ts.sizes.forEach((m, i) => {
    if (ts.payoffType[i]?.length !== m) throw new MechcheckError("dimension", `payoffType[${i}]: expected ${m} entries`);
    ts.payoffType[i]!.forEach((th) => {
      if (!Number.isInteger(th) || th < 0 || th >= ts.thetaSizes[i]!) throw new MechcheckError("dimension", `payoffType[${i}]: ${th} is not in [0, ${ts.thetaSizes[i]})`);
    });
  });
}

/** π(· | τ_i) over the others' type profiles; throws if τ_i has probability 0. */
export function typeBelief(ts: PayoffTypeSpace, i: number, ti: number): Q[] {
  const K = profileCount(othersSizes(ts.sizes, i));
  const row = Array.from({ length: K }, (_, k) => ts.prior[profileIndex(ts.sizes, joinProfile(ts.sizes, i, ti, k))]!);
  const m = row.reduce((a, b) => a.add(b), ZERO);
  if (m.n === 0n) throw new MechcheckError("zero-probability-type", `type ${ti + 1} of agent ${i + 1} has probability 0: its belief type is undefined`);
  return row.map((x) => x.div(m));
}

/** classes[i][τ_i] = index of τ_i's belief type among agent i's distinct beliefs (first-seen order). */
export function beliefClasses(ts: PayoffTypeSpace): number[][] {
  return ts.sizes.map((m, i) => {
    const reps: Q[][] = [];
    return Array.from({ length: m }, (_, ti) => {
      const b = typeBelief(ts, i, ti);
      let c = reps.findIndex((r) => r.every((x, k) => x.equals(b[k]!)));
      if (c < 0) {
        c = reps.length;
        reps.push(b);
      }
      return c;
    });
  });
}

/**
 * The exact verdict of [BernardMD3, Prop 7.15]'s conclusion: it holds (with how many belief-type
 * profiles arise and how many are non-trivial tests), or the first belief-type profile and
 * payoff-type (or type) profile where the joint probability differs from the product.
 */
export type ConditionalIndependenceResult =
  | {
      readonly holds: true;
      /** Number of belief-type profiles that arise. */
      readonly beliefProfiles: number;
      /** Of those, how many have ≥ 2 agents whose payoff type is non-degenerate given β (a non-trivial test). */
      readonly nontrivialProfiles: number;
    }
  | { readonly holds: false; readonly beliefProfile: number[]; readonly level: "payoff types" | "types"; readonly at: number[]; readonly joint: Q; readonly product: Q };

/**
 * Prop 7.15's conclusion, exactly (see the module comment). `classes` defaults to the belief types;
 * another partition of the types (e.g. everything pooled) can be passed to see the check fail.
 */
export function conditionalIndependence(ts: PayoffTypeSpace, classesInput?: readonly (readonly number[])[]): ConditionalIndependenceResult {
  validatePayoffTypeSpace(ts);
  const classes = classesInput ?? beliefClasses(ts);
  const n = ts.sizes.length;
  const classCounts = classes.map((c) => Math.max(...c) + 1);
  let arising = 0;
  let nontrivial = 0;
  for (const beta of allProfiles(classCounts)) {
    // B = {τ : class_j(τ_j) = β_j ∀j}
    const inB = (tau: readonly number[]) => tau.every((t, j) => classes[j]![t] === beta[j]);
    let mass = ZERO;
    const joint = new Map<string, Q>();
    const margTheta = ts.thetaSizes.map((m) => new Array<Q>(m).fill(ZERO));
    const margType = ts.sizes.map((m) => new Array<Q>(m).fill(ZERO));
    let t = 0;
    const typeJoint: Q[] = [];
    for (const tau of allProfiles(ts.sizes)) {
      const p = inB(tau) ? ts.prior[t]! : ZERO;
      typeJoint.push(p);
      t++;
      if (p.n === 0n) continue;
      mass = mass.add(p);
      const th = tau.map((x, j) => ts.payoffType[j]![x]!);
      const key = th.join(",");
      joint.set(key, (joint.get(key) ?? ZERO).add(p));
      th.forEach((x, j) => (margTheta[j]![x] = margTheta[j]![x]!.add(p)));
      tau.forEach((x, j) => (margType[j]![x] = margType[j]![x]!.add(p)));
    }
    if (mass.n === 0n) continue;
    arising++;
    // payoff types: μ(ϑ) · mass^{n−1} = Π_i μ_i(ϑ_i) (all unnormalized: joint/mass vs Π marg/mass)
    const scale = (x: Q, k: number): Q => (k === 0 ? x : scale(x.mul(mass), k - 1));
    for (const th of allProfiles(ts.thetaSizes)) {
      const j = joint.get(th.join(",")) ?? ZERO;
      let prod = ONE;
      th.forEach((x, a) => (prod = prod.mul(margTheta[a]![x]!)));
      if (!scale(j, n - 1).equals(prod)) {
        return { holds: false, beliefProfile: beta, level: "payoff types", at: th, joint: j.div(mass), product: prod.div(scale(ONE, n)) };
      }
    }
    t = 0;
    for (const tau of allProfiles(ts.sizes)) {
      let prod = ONE;
      tau.forEach((x, a) => (prod = prod.mul(margType[a]![x]!)));
      if (!scale(typeJoint[t]!, n - 1).equals(prod)) return { holds: false, beliefProfile: beta, level: "types", at: tau, joint: typeJoint[t]!.div(mass), product: prod.div(scale(ONE, n)) };
      t++;
    }
    const spread = margTheta.filter((m) => m.filter((x) => x.n !== 0n).length >= 2).length;
    if (spread >= 2) nontrivial++;
  }
  return { holds: true, beliefProfiles: arising, nontrivialProfiles: nontrivial };
}
