/**
 * Random direct mechanisms ([BernardMD3, Def 6.16]: a direct mechanism (q, p) with p_i paid by agent i;
 * [BrooksExPost2023, *Review of the revelation principle*]): at each report profile a lottery over decisions
 * (exact rationals summing to 1) and a payment per agent.
 */
import fc from "fast-check";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, pointMassAllocation } from "../model/environment.ts";
import { distributionRows, intArray, paymentTable, type PaymentOptions } from "./options.ts";

/** Options of `randomDirectMechanism`: PaymentOptions and the grid 1/grid of lottery probabilities. */
export interface DirectMechanismOptions extends PaymentOptions {
  /** Lottery probabilities are multiples of 1/grid (default 6); see options.ts `cutsToDistribution`. */
  readonly grid?: number;
  /** Point-mass allocations only (default false). */
  readonly deterministic?: boolean;
}

/**
 * A random direct mechanism on `env`. Lotteries are on the grid 1/grid (zeros allowed) and shrink
 * towards the point mass on the first decision (each shrink lowers the mean decision index);
 * payments shrink towards 0.
 */
export function randomDirectMechanism(env: Environment, opts: DirectMechanismOptions = {}): fc.Arbitrary<DirectMechanism> {
  const P = numProfiles(env);
  const D = env.decisions.length;
  const alloc = opts.deterministic
    ? intArray(P, 0, D - 1).map((rule) => pointMassAllocation(env, rule))
    : distributionRows(P, D, Math.max(1, opts.grid ?? 6), false);
  return fc.tuple(alloc, paymentTable(P, env.agents.length, opts)).map(([allocation, payments]): DirectMechanism => ({ kind: "direct", allocation, payments }));
}
