/**
 * Private-values environments: v_i(d, θ) depends on θ_i only ([BrooksExPost2023, *Special cases of KPT type
 * spaces*]: "Private values: u_i only depends on θ_i and not θ_{-i}"; [BernardMD3, Def 6.16]).
 */
import fc from "fast-check";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import {
  agentLabels,
  chunk,
  decisionLabels,
  dimsArbitrary,
  reshape,
  resolveSizes,
  typeLabels,
  valueArray,
  type SizeOptions,
} from "./options.ts";

/**
 * A random private-values environment: per agent and own type a row of D values u_i(θ_i, d),
 * expanded to the profile-indexed table valuation[i][θ][d] = u_i(θ_i, d). Values in
 * [0, maxValue] (or [−maxValue, maxValue] with `allowNegative`), divided by `valueDenominator`.
 */
export function privateValuesEnvironment(opts: SizeOptions = {}): fc.Arbitrary<Environment> {
  const s = resolveSizes(opts);
  return dimsArbitrary(s).chain(({ typeCounts, decisions }) => {
    const totalTypes = typeCounts.reduce((a, b) => a + b, 0);
    return valueArray(totalTypes * decisions, s).map((flat): Environment => {
      const perAgent = chunk(reshape(flat, totalTypes, decisions), typeCounts);
      const sizes = typeCounts;
      const profiles = [...allProfiles(sizes)];
      return {
        agents: agentLabels(typeCounts.length),
        types: typeCounts.map(typeLabels),
        decisions: decisionLabels(decisions),
        valuation: perAgent.map((rows, i) => profiles.map((p) => rows[p[i]!]!.slice())),
      };
    });
  });
}
