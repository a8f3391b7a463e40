/**
 * Building blocks of the negative controls of sections a (implementation) and b (trade, beliefs,
 * maxmin): a case drawn from a theorem's own arbitrary (fixed seed) that meets a condition, and a
 * small interdependent-values environment. Each control built with them derives its known-bad
 * input from the model (a generated case, a perturbed construction), never a hand-typed verdict.
 */
import fc from "fast-check";
import { q } from "../../exact/rational.ts";
import type { DirectMechanism, Environment } from "../../model/environment.ts";
import { pointMassAllocation, numProfiles } from "../../model/environment.ts";
import { ZERO } from "../../exact/rational.ts";

/** The first case of `arb` (fixed seed) satisfying `pred`; throws when none of `tries` does. */
export function firstSample<T>(arb: fc.Arbitrary<T>, pred: (x: T) => boolean, what: string, opts: { seed?: number; tries?: number } = {}): T {
  const seed = opts.seed ?? 20261123;
  for (const x of fc.sample(arb, { seed, numRuns: opts.tries ?? 300 })) {
    let hit = false;
    try {
      hit = pred(x);
    } catch {
      hit = false;
    }
    if (hit) return x;
  }
  throw new Error(`no generated case (seed ${seed}) is ${what}`);
}

/**
 * Two agents with types {0, 1} each, decisions {a, b}; agent 1 values b at 2θ_1 + 2θ_2 − 3 (it
 * depends on agent 2's type: interdependent values), a at 0; agent 2 values nothing. The rule
 * "b iff both report 1", no payments, is EPIC (at the truth b is chosen exactly when agent 1 values
 * it at 1 > 0) but not DSIC (agent 1 of type 1 facing a report 1 of agent 2 whose true type is 0
 * gets b worth −1, and 0 by reporting 0).
 */
export function interdependentEpicNotDsic(): { environment: Environment; mechanism: DirectMechanism } {
  const profiles = [[0, 0], [0, 1], [1, 0], [1, 1]] as const; // first agent slowest (profileIndex order)
  const environment: Environment = {
    agents: ["1", "2"],
    types: [["0", "1"], ["0", "1"]],
    decisions: ["a", "b"],
    valuation: [profiles.map(([t1, t2]) => [ZERO, q(2 * t1 + 2 * t2 - 3)]), profiles.map(() => [ZERO, ZERO])],
  };
  const rule = profiles.map(([t1, t2]) => (t1 === 1 && t2 === 1 ? 1 : 0));
  const P = numProfiles(environment);
  return { environment, mechanism: { kind: "direct", allocation: pointMassAllocation(environment, rule), payments: Array.from({ length: P }, () => [ZERO, ZERO]) } };
}
