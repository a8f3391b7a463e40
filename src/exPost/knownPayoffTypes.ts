/**
 * Mechanisms on known-payoff-type (KPT) type spaces ([BrooksExPost2023, *Bergemann and Morris (2005)*,
 * *Implementation*]): T = (T, θ̂, π̂), a direct mechanism g : T → X (here with payments), interim IC:
 *   Σ_{t_{-i}} [u_i(g(t_i, t_{-i}), θ̂(t)) − p_i(t_i, t_{-i})] π̂_i(t_{-i}|t_i)
 *     ≥ Σ_{t_{-i}} [u_i(g(t'_i, t_{-i}), θ̂(t)) − p_i(t'_i, t_{-i})] π̂_i(t_{-i}|t_i).
 *
 * This is BIC of an *induced* environment whose types are T_i, whose valuations are
 * v_i(d, t) = v_i(d, θ̂(t)) and whose beliefs are the per-type beliefs π̂ (incentives.ts isBIC with
 * per-type beliefs is literally the display above), so the check is delegated to src/concepts.
 */
import { ONE, ZERO, type Q } from "../exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment, KptTypeSpace } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { allProfiles, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import { isBIC } from "../concepts/index.ts";
import type { BicViolation, SlackWitness, Verdict } from "../concepts/types.ts";
import type { SectionSolution } from "./implementation.ts";

/** θ̂(t) as a profile index of the payoff environment, for every type profile index t of the KPT space. */
export function payoffProfileMap(env: Environment, kpt: KptTypeSpace): number[] {
  const tSizes = kpt.types.map((t) => t.length);
  const sizes = typeSizes(env);
  return [...allProfiles(tSizes)].map((t) => profileIndex(sizes, t.map((k, i) => kpt.payoffType[i]![k]!)));
}

/** The environment on T: v_i(d, t) = v_i(d, θ̂(t)). */
export function kptInducedEnvironment(env: Environment, kpt: KptTypeSpace): Environment {
  const map = payoffProfileMap(env, kpt);
  return {
    agents: env.agents,
    types: kpt.types,
    decisions: env.decisions,
    valuation: env.valuation.map((vi) => map.map((th) => vi[th]!)),
  };
}

function kptBeliefs(kpt: KptTypeSpace): Beliefs {
  return { kind: "per-type", beliefs: kpt.beliefs };
}

/** g = m ∘ θ̂: the payoff-type mechanism run on the KPT space ([BrooksExPost2023, *Robustness of ex post implementation* proof]). */
export function composeWithPayoffTypes(env: Environment, kpt: KptTypeSpace, mech: DirectMechanism): DirectMechanism {
  const map = payoffProfileMap(env, kpt);
  return { kind: "direct", allocation: map.map((th) => mech.allocation[th]!), payments: map.map((th) => mech.payments[th]!) };
}

/** Interim IC of a mechanism on T (allocation/payments indexed by type profiles of T). */
export function isInterimICOnKpt(env: Environment, kpt: KptTypeSpace, mechOnT: DirectMechanism): Verdict<SlackWitness, BicViolation> {
  return isBIC(kptInducedEnvironment(env, kpt), mechOnT, kptBeliefs(kpt));
}

/**
 * BM's test type space for agent i and θ_{-i} = others' profile o ([BrooksExPost2023, *Separable
 * environments*] proof): T_i = Θ_i (θ̂_i the identity), T_j = {θ_j} for j ≠ i. Agent i's belief is
 * the point mass on the others' single profile; agent j's belief over T_{-j} (which includes Θ_i)
 * is uniform (any belief would do: j has one type, so no IC constraint).
 */
export function testTypeSpace(env: Environment, i: number, o: number): KptTypeSpace {
  const sizes = typeSizes(env);
  const others = [...allProfiles(othersSizes(sizes, i))][o]!;
  const theta = (j: number) => others[j < i ? j : j - 1]!;
  const types = sizes.map((m, j) => (j === i ? env.types[j]!.slice() : [env.types[j]![theta(j)]!]));
  const payoffType = sizes.map((m, j) => (j === i ? Array.from({ length: m }, (_, k) => k) : [theta(j)]));
  const tSizes = types.map((t) => t.length);
  const beliefs: Q[][][] = tSizes.map((m, j) => {
    const K = profileCount(othersSizes(tSizes, j));
    return Array.from({ length: m }, () => Array.from({ length: K }, () => (K === 1 ? ONE : ONE.div(K))));
  });
  return { types, payoffType, beliefs };
}

/** A section solution as a direct mechanism on the test type space (type profile index = own type a). */
export function sectionMechanismOnTestSpace(env: Environment, sol: SectionSolution): DirectMechanism {
  const n = env.agents.length;
  return {
    kind: "direct",
    allocation: sol.choices.map((d) => env.decisions.map((_, k) => (k === d ? ONE : ZERO))),
    payments: sol.payments.map((p) => Array.from({ length: n }, (_, j) => (j === sol.agent ? p : ZERO))),
  };
}
