/**
 * Cavallo's redistribution mechanism for single-object allocation ([Mishra2020, *Cavallo mechanism*]):
 * a Vickrey (pivot) auction whose revenue is redistributed: with v_1 ≥ v_2 ≥ … ≥ v_n, the winner
 * pays v_2, agents 1 and 2 get back v_3/n, the others v_2/n. Equivalently every agent i receives
 *   R_i(v_{-i}) = (1/n) · (second highest value among the others),
 * which does not depend on i's report, so the mechanism is a Groves mechanism (vcg.ts) with
 *   h_i(θ_{-i}) = max_{j≠i} v_j − (1/n)·secondHighest(v_{-i})
 * and hence DSIC and efficient. Money collected: v_2 − (2/n)v_3 − ((n−2)/n)v_2 = (2/n)(v_2 − v_3) ≥ 0
 * (no deficit). Needs n ≥ 3 (so that every agent has a second-highest competitor). Ties are broken
 * by lower agent index (vcg.ts's efficient rule); the order statistics count values with multiplicity.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q } from "../exact/rational.ts";
import { typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount } from "../model/profiles.ts";
import { efficientDecisionRule, grovesMechanism, pivotTerms } from "../mechanisms/vcg.ts";
import { kthHighest, requireTypeValues } from "../model/singleObject.ts";

/**
 * Cavallo's redistribution mechanism ([Mishra2020, *Cavallo mechanism*]) on a single-object
 * environment: the mechanism, each agent's redistribution R_i(θ_{-i}) and the Groves terms used.
 */
export interface CavalloResult {
  readonly mechanism: DirectMechanism;
  /** redistribution[i][k] = R_i(θ_{-i} = k), paid TO agent i. */
  readonly redistribution: readonly (readonly Q[])[];
  /** The Groves terms h[i][k] used. */
  readonly h: readonly (readonly Q[])[];
}

/** Cavallo's mechanism on a single-object environment (singleObject.ts), n ≥ 3. */
export function cavalloMechanism(env: Environment): CavalloResult {
  const values = requireTypeValues(env);
  const n = env.agents.length;
  if (n < 3) throw new MechcheckError("too-few-agents", `environment.agents: Cavallo's mechanism needs at least 3 agents, got ${n}`, { path: "agents", value: n });
  const sizes = typeSizes(env);
  const piv = pivotTerms(env);
  const inv = ONE.div(q(n));
  const redistribution = env.agents.map((_, i) =>
    Array.from({ length: profileCount(othersSizes(sizes, i)) }, (_, k) => {
      const prof = joinProfile(sizes, i, 0, k);
      const others = prof.flatMap((t, j) => (j === i ? [] : [values[j]![t]!]));
      return kthHighest(others, 2)!.mul(inv);
    }),
  );
  const h = piv.map((row, i) => row.map((x, k) => x.sub(redistribution[i]![k]!)));
  return { mechanism: grovesMechanism(env, efficientDecisionRule(env), h), redistribution, h };
}
