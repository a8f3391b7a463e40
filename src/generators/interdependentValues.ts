/**
 * Interdependent-values environments: v_i(d, θ) may depend on the whole profile θ ([BrooksExPost2023,
 * *Review of basic setup*]: u_i : X × Θ → ℝ; [ChungEly2002, §2]: v_i(q, s)).
 */
import fc from "fast-check";
import type { Environment } from "../model/environment.ts";
import { agentLabels, decisionLabels, dimsArbitrary, profilesOf, reshape, resolveSizes, typeLabels, valueArray, type SizeOptions } from "./options.ts";

/**
 * A random environment with an unrestricted valuation table valuation[i][θ][d] (generically
 * interdependent; private values occur only by accident, e.g. after shrinking to one type each).
 */
export function interdependentValuesEnvironment(opts: SizeOptions = {}): fc.Arbitrary<Environment> {
  const s = resolveSizes(opts);
  return dimsArbitrary(s).chain(({ typeCounts, decisions }) => {
    const n = typeCounts.length;
    const P = profilesOf(typeCounts);
    return valueArray(n * P * decisions, s).map(
      (flat): Environment => ({
        agents: agentLabels(n),
        types: typeCounts.map(typeLabels),
        decisions: decisionLabels(decisions),
        valuation: reshape(reshape(flat, n * P, decisions), n, P),
      }),
    );
  });
}
