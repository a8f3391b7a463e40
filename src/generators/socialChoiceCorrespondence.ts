/**
 * Social choice correspondences F : Θ → 2^X \ ∅ ([BrooksExPost2023, *Implementation*]: "a social choice
 * correspondence F : Θ → 2^X \ Ø").
 */
import fc from "fast-check";
import type { DecisionRule, Environment, SocialChoiceCorrespondence } from "../model/environment.ts";
import { numProfiles } from "../model/environment.ts";
import { intArray, maskToSet, subsetMasks } from "./options.ts";

/** Options of the social choice correspondence generator: a rule every F(θ) must contain (e.g. an efficient rule). */
export interface SccOptions {
  /** Every F(θ) contains rule[θ] (e.g. an efficient rule), default none. */
  readonly containing?: DecisionRule;
}

/**
 * A random SCC: F(θ) a nonempty set of decisions as a bitmask (shrinks towards {first decision});
 * with `containing`, F(θ) = {rule[θ]} ∪ (a possibly empty subset of the other decisions, shrinking
 * towards {rule[θ]}). Sets are sorted decision indices. At most 30 decisions.
 */
export function socialChoiceCorrespondence(env: Environment, opts: SccOptions = {}): fc.Arbitrary<SocialChoiceCorrespondence> {
  const P = numProfiles(env);
  const D = env.decisions.length;
  const rule = opts.containing;
  if (!rule) return subsetMasks(P, D).map((sets) => ({ sets }));
  return intArray(P, 0, 2 ** (D - 1) - 1).map((masks): SocialChoiceCorrespondence => ({
    sets: masks.map((mask, th) => {
      const r = rule[th]!;
      const others = maskToSet(mask, D - 1).map((x) => (x >= r ? x + 1 : x));
      return [r, ...others].sort((a, b) => a - b);
    }),
  }));
}
