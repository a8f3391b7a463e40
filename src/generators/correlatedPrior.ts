/**
 * Correlated priors: an arbitrary distribution over type profiles ([BernardMD3, *Failure of Revenue
 * Equivalence*], Def 7.10 Crémer–McLean; [BrooksExPost2023, *Profit maximization with ex post
 * implementation*]: "f ∈ Δ(V^n) the seller's prior").
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { DEFAULT_MAX_WEIGHT, distribution, profilesOf } from "./options.ts";
import type { PriorOptions } from "./independentPrior.ts";

/**
 * A random prior over all type profiles from integer weights: full support by default
 * (`fullSupport: false` allows zeros: then probabilities are multiples of 1/maxWeight, see
 * options.ts `cutsToDistribution`). Shrinks towards the uniform prior (full support) or the point
 * mass on profile 0 (zeros allowed).
 */
export function correlatedPrior(env: Pick<Environment, "types">, opts: PriorOptions = {}): fc.Arbitrary<Q[]> {
  const P = profilesOf(env.types.map((t) => t.length));
  return distribution(P, opts.maxWeight ?? DEFAULT_MAX_WEIGHT, opts.fullSupport ?? true);
}
