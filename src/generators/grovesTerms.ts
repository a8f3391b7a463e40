/** Groves terms h_i(θ_{-i}) for an environment: one small rational per agent and profile of the others. */
import fc from "fast-check";
import { type GrovesTerms } from "../mechanisms/vcg.ts";
import { typeSizes } from "../model/environment.ts";
import { othersSizes, profileCount } from "../model/profiles.ts";
import { q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";

/** Random Groves terms h[i][θ_{-i}] with small integer values. */
export function grovesTermsArb(env: Environment): fc.Arbitrary<GrovesTerms> {
  const sizes = typeSizes(env);
  return fc.tuple(...env.agents.map((_, i) => fc.array(fc.integer({ min: -5, max: 5 }).map((k) => q(k)), { minLength: profileCount(othersSizes(sizes, i)), maxLength: profileCount(othersSizes(sizes, i)) })));
}
