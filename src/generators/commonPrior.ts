/**
 * Common-prior beliefs ([BrooksExPost2023, *Common knowledge in mechanism design*]: "a common prior over
 * payoff relevant states"; [BernardMD3, *common prior assumption*, Prop 7.15]).
 */
import fc from "fast-check";
import type { Beliefs, Environment } from "../model/environment.ts";
import { correlatedPrior } from "./correlatedPrior.ts";
import { independentPrior, type PriorOptions } from "./independentPrior.ts";

/** Options of `commonPrior`: PriorOptions, and whether the prior is a product of marginals rather than correlated. */
export interface CommonPriorOptions extends PriorOptions {
  /** Product of marginals instead of a correlated prior (default false). */
  readonly independent?: boolean;
}

/** Beliefs of kind "common-prior": one prior over profiles, correlated by default. */
export function commonPrior(env: Pick<Environment, "types">, opts: CommonPriorOptions = {}): fc.Arbitrary<Beliefs> {
  const arb = opts.independent ? independentPrior(env, opts) : correlatedPrior(env, opts);
  return arb.map((prior): Beliefs => ({ kind: "common-prior", prior }));
}
