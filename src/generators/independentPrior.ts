/**
 * Independent priors: the product of per-agent marginals ([BernardMD3, §7, *independent types*], e.g.
 * Prop 7.1 and Def 7.4 assume it; [BrooksExPost2023, *Review*]: "independence").
 */
import fc from "fast-check";
import { productPrior } from "../model/environment.ts";
import type { Q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { DEFAULT_MAX_WEIGHT, distributionsOfWidths } from "./options.ts";

/** Options of the prior generators: the largest integer weight and whether every atom has positive probability. */
export interface PriorOptions {
  /** Integer weights are in [1, maxWeight] (or [0, maxWeight] with zeros); default 5. */
  readonly maxWeight?: number;
  /** Every atom has positive probability (default true). */
  readonly fullSupport?: boolean;
}

/** The product prior (from the model, re-exported for the generators' users). */
export { productPrior };

/**
 * A random independent prior over the env's type profiles: prior[θ] = Π_i μ_i(θ_i) with each
 * marginal μ_i from integer weights (full support by default; shrinks towards uniform marginals).
 */
export function independentPrior(env: Pick<Environment, "types">, opts: PriorOptions = {}): fc.Arbitrary<Q[]> {
  const sizes = env.types.map((t) => t.length);
  return distributionsOfWidths(sizes, opts.maxWeight ?? DEFAULT_MAX_WEIGHT, opts.fullSupport ?? true).map(productPrior);
}

/** The marginals of an independent prior alongside it (for tests and constructions needing μ_i). */
export function independentPriorWithMarginals(
  env: Pick<Environment, "types">,
  opts: PriorOptions = {},
): fc.Arbitrary<{ prior: Q[]; marginals: Q[][] }> {
  const sizes = env.types.map((t) => t.length);
  return distributionsOfWidths(sizes, opts.maxWeight ?? DEFAULT_MAX_WEIGHT, opts.fullSupport ?? true).map((marginals) => ({
    prior: productPrior(marginals),
    marginals,
  }));
}
