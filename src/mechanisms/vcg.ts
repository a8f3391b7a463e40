/**
 * Vickrey–Clarke–Groves mechanisms for private values ([BernardMD3, Def 6.16]):
 *   q(θ) ex post efficient,   p_i(θ) = h_i(θ_{-i}) − Σ_{j≠i} v_j(q(θ), θ_j),
 * with h_i any function of the others' types. The Clarke pivot rule takes
 * h_i(θ_{-i}) = max_q Σ_{j≠i} v_j(q, θ_j); the IR-VCG mechanism ([BernardMD3, *IR-VCG Mechanism*])
 * takes the largest h_i compatible with ex post individual rationality,
 * h_i(θ_{-i}) = min_{θ_i} [ Σ_j v_j(q(θ), θ_j) − r_i(θ_i) ].
 *
 * Valuations are stored per full profile; for private values v_j(q, θ) depends on θ_j only, so
 * "Σ_{j≠i} v_j" is read at the true profile. h is given as a table h[i][k], k = index of θ_{-i}.
 */
import { efficientRule } from "../concepts/efficiency.ts";
import { MechcheckError } from "../errors.ts";
import { qmax, qmin, type Q, ZERO } from "../exact/rational.ts";
import { pointMassAllocation, reservationOf, surplus, typeSizes, type DecisionRule, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles, joinProfile, othersIndex, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";

/** h[i][k]: the Groves term of agent i at others' profile k. */
export type GrovesTerms = readonly (readonly Q[])[];

/** The efficient decision rule (lowest index on ties), from src/concepts/efficiency.ts. */
export const efficientDecisionRule = efficientRule;

/** Σ_{j≠i} v_j(d, θ). */
export function othersValue(env: Environment, i: number, theta: number, d: number): Q {
  let s = ZERO;
  for (let j = 0; j < env.agents.length; j++) if (j !== i) s = s.add(env.valuation[j]![theta]![d]!);
  return s;
}

/** The Groves mechanism for a decision rule and Groves terms h ([BernardMD3, Def 6.16, eq. (1)]). */
export function grovesMechanism(env: Environment, rule: DecisionRule, h: GrovesTerms): DirectMechanism {
  const sizes = typeSizes(env);
  const n = env.agents.length;
  if (h.length !== n) throw new MechcheckError("dimension", `Groves terms: expected ${n} agents, got ${h.length}`, { path: "h", value: h.length });
  for (let i = 0; i < n; i++) {
    const want = profileCount(othersSizes(sizes, i));
    if (h[i]!.length !== want) throw new MechcheckError("dimension", `Groves terms h[${i}]: expected ${want} entries (one per profile of the others), got ${h[i]!.length}`, { path: `h[${i}]`, value: h[i]!.length });
  }
  const payments: Q[][] = [];
  for (const prof of allProfiles(sizes)) {
    const t = profileIndex(sizes, prof);
    const d = rule[t]!;
    payments.push(env.agents.map((_, i) => h[i]![othersIndex(sizes, prof, i)]!.sub(othersValue(env, i, t, d))));
  }
  return { kind: "direct", allocation: pointMassAllocation(env, rule), payments };
}

/** VCG: the efficient rule with Groves terms h. */
export function vcgMechanism(env: Environment, h: GrovesTerms): DirectMechanism {
  return grovesMechanism(env, efficientDecisionRule(env), h);
}

/** Clarke pivot terms h_i(θ_{-i}) = max_q Σ_{j≠i} v_j(q, θ_j) (private values; read at θ_i = first type). */
export function pivotTerms(env: Environment): Q[][] {
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => {
    const out: Q[] = [];
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
      const t = profileIndex(sizes, joinProfile(sizes, i, 0, k));
      let best: Q | null = null;
      for (let d = 0; d < env.decisions.length; d++) {
        const s = othersValue(env, i, t, d);
        best = best === null ? s : qmax(best, s);
      }
      out.push(best ?? ZERO);
    }
    return out;
  });
}

/**
 * IR-VCG terms: the largest h_i(θ_{-i}) such that every type of i weakly prefers participating:
 * h_i(θ_{-i}) = min_{θ_i} [ Σ_j v_j(q(θ), θ_j) − r_i(θ_i) ] ([BernardMD3, *IR-VCG Mechanism*]).
 */
export function irVcgTerms(env: Environment, rule: DecisionRule = efficientDecisionRule(env)): Q[][] {
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => {
    const out: Q[] = [];
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
      let best: Q | null = null;
      for (let ti = 0; ti < sizes[i]!; ti++) {
        const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
        const w = surplus(env, t, rule[t]!).sub(reservationOf(env, i, ti));
        best = best === null ? w : qmin(best, w);
      }
      out.push(best ?? ZERO);
    }
    return out;
  });
}

/**
 * The VCG mechanism with the Clarke pivot rule h_i(θ_{-i}) = max_q Σ_{j≠i} v_j(q, θ_j)
 * ([BernardMD3, Def 6.16]), for private values, with exact payments.
 */
export function pivotMechanism(env: Environment): DirectMechanism {
  return vcgMechanism(env, pivotTerms(env));
}

/**
 * The IR-VCG mechanism ([BernardMD3, *IR-VCG Mechanism*]): the VCG mechanism with the largest h_i
 * compatible with ex post individual rationality, h_i(θ_{-i}) = min_{θ_i} [Σ_j v_j(q(θ), θ_j) −
 * r_i(θ_i)].
 */
export function irVcgMechanism(env: Environment): DirectMechanism {
  return vcgMechanism(env, irVcgTerms(env));
}
