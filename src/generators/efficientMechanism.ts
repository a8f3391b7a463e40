/**
 * Efficient deterministic mechanisms ([BernardMD3, Def 6.16]: q(θ) ∈ argmax_q Σ_i v_i(q, θ); [ChungEly2002,
 * §4]: "an efficient trading rule"), with arbitrary payments.
 */
import fc from "fast-check";
import type { DecisionRule, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, pointMassAllocation } from "../model/environment.ts";
import { efficientDecisions } from "../concepts/efficiency.ts";
import { paymentTable, type PaymentOptions } from "./options.ts";

/** A random efficient decision rule: ties among maximisers broken by a generated index (shrinks to the first). */
export function efficientRuleArbitrary(env: Environment): fc.Arbitrary<DecisionRule> {
  const P = numProfiles(env);
  const maximizers = Array.from({ length: P }, (_, th) => efficientDecisions(env, th));
  // one tie index per profile, ranging over that profile's maximisers only (no no-op shrinks)
  return fc.tuple(...maximizers.map((ms) => fc.integer({ min: 0, max: ms.length - 1 }))).map((ties) => maximizers.map((ms, th) => ms[ties[th]!]!));
}

/** A direct mechanism with an efficient deterministic allocation and random payments. */
export function efficientMechanism(env: Environment, opts: PaymentOptions = {}): fc.Arbitrary<DirectMechanism> {
  return fc
    .tuple(efficientRuleArbitrary(env), paymentTable(numProfiles(env), env.agents.length, opts))
    .map(([rule, payments]): DirectMechanism => ({ kind: "direct", allocation: pointMassAllocation(env, rule), payments }));
}
