/**
 * Shared plumbing for theorem cases that are instances (environment + optional mechanism and
 * beliefs): the codec saves them in the instance JSON format (schema/instance.schema.json), so a
 * saved counterexample is readable, hand-editable and survives generator changes.
 */
import fc from "fast-check";
import { ZERO as ZERO_, type Q } from "../exact/rational.ts";
import { instanceToJson, parseInstance, type Instance } from "../instance/index.ts";
import type { Beliefs, DecisionRule, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, pointMassAllocation } from "../model/environment.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { MechcheckError } from "../errors.ts";

export const instanceCodec: CaseCodec<Instance> = {
  encode: (x) => instanceToJson(x),
  decode: (j) => parseInstance(j),
};

/** The deterministic mechanism with zero payments that carries a decision rule. */
export function ruleMechanism(env: Environment, rule: DecisionRule): DirectMechanism {
  return { kind: "direct", allocation: pointMassAllocation(env, rule), payments: rule.map(() => env.agents.map(() => ZERO_)) };
}

/** Read back the rule of a deterministic mechanism (the decision with probability 1 at each profile). */
export function ruleOf(mech: DirectMechanism): number[] {
  return mech.allocation.map((lottery, r) => {
    const d = lottery.findIndex((p) => p.equals(1));
    if (d < 0) throw new MechcheckError("bad-case", `allocation at profile ${r} is not a point mass`);
    return d;
  });
}

/** A random deterministic decision rule on env. */
export function randomRule(env: Environment): fc.Arbitrary<number[]> {
  return fc.array(fc.nat(env.decisions.length - 1), { minLength: numProfiles(env), maxLength: numProfiles(env) });
}

export function commonPrior(prior: readonly Q[]): Beliefs {
  return { kind: "common-prior", prior };
}

