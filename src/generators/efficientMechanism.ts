/**
 * Efficient deterministic mechanisms (seed 001 Def 6.16: q(θ) ∈ argmax_q Σ_i v_i(q, θ); seed 003
 * §4: "an efficient trading rule"), with arbitrary payments.
 */
import fc from "fast-check";
import type { DecisionRule, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, pointMassAllocation, surplus } from "../model/environment.ts";
import { intArray, paymentTable, type PaymentOptions } from "./options.ts";

/** The surplus-maximising decisions at profile θ, in index order. */
export function efficientDecisions(env: Environment, theta: number): number[] {
  let best: number[] = [];
  let bestVal = surplus(env, theta, 0);
  for (let d = 0; d < env.decisions.length; d++) {
    const v = surplus(env, theta, d);
    const c = v.compare(bestVal);
    if (c > 0 || best.length === 0) {
      best = [d];
      bestVal = v;
    } else if (c === 0) best.push(d);
  }
  return best;
}

/** A random efficient decision rule: ties among maximisers broken by a generated index (shrinks to the first). */
export function efficientRule(env: Environment): fc.Arbitrary<DecisionRule> {
  const P = numProfiles(env);
  const maximizers = Array.from({ length: P }, (_, th) => efficientDecisions(env, th));
  // one tie index per profile, ranging over that profile's maximisers only (no no-op shrinks)
  return fc.tuple(...maximizers.map((ms) => fc.integer({ min: 0, max: ms.length - 1 }))).map((ties) => maximizers.map((ms, th) => ms[ties[th]!]!));
}

/** A direct mechanism with an efficient deterministic allocation and random payments. */
export function efficientMechanism(env: Environment, opts: PaymentOptions = {}): fc.Arbitrary<DirectMechanism> {
  return fc
    .tuple(efficientRule(env), paymentTable(numProfiles(env), env.agents.length, opts))
    .map(([rule, payments]): DirectMechanism => ({ kind: "direct", allocation: pointMassAllocation(env, rule), payments }));
}
