/**
 * `dsic-implies-epic` — [BrooksExPost2023] *Dominant strategies*; [ChungEly2002, §2.2].
 * DSIC ⇒ EPIC (truth is optimal against every report of the others, in particular against the
 * truthful ones); under private values EPIC ⇒ DSIC (the others' reports only matter through the
 * decision, and the state seen by i is (θ_i, r_{-i})).
 */
import fc from "fast-check";
import { hasPrivateValues, isDSIC, isEPIC } from "../concepts/index.ts";
import { privateValuesEnvironment, interdependentValuesEnvironment, randomDirectMechanism } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { vcgMechanism } from "../mechanisms/vcg.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { interdependentEpicNotDsic } from "./support/controlsSectionsAB.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import type { Environment } from "../model/environment.ts";
import { grovesTermsArb } from "../generators/grovesTerms.ts";

const arbitrary: fc.Arbitrary<Instance> = fc.oneof(
  // VCG under private values: DSIC (and so the implication is exercised).
  privateValuesEnvironment().chain((env) => grovesTermsArb(env).map((h): Instance => ({ environment: env, mechanism: vcgMechanism(env, h) }))),
  // Random mechanisms under private values: often neither, sometimes EPIC (1 agent, constant rules).
  privateValuesEnvironment({ maxTypes: 2, maxDecisions: 2 }).chain((env) => randomDirectMechanism(env, { deterministic: true, maxPayment: 2 }).map((m): Instance => ({ environment: env, mechanism: m }))),
  // Interdependent values: VCG-style mechanisms are rarely DSIC; random ones test DSIC ⇒ EPIC.
  interdependentValuesEnvironment({ maxTypes: 2, maxDecisions: 2 }).chain((env) => randomDirectMechanism(env, { deterministic: true, maxPayment: 2 }).map((m): Instance => ({ environment: env, mechanism: m }))),
);

export const dsicImpliesEpic: Theorem<Instance> = {
  id: "dsic-implies-epic",
  kind: "theorem",
  source: "[BrooksExPost2023, Dominant strategies]; [ChungEly2002, §2.2]",
  statement: "DSIC ⇒ EPIC; under private values EPIC ⇒ DSIC.",
  arbitrary,
  hypothesis: (x) => {
    const m = x.mechanism!;
    if (m.kind !== "direct") return false;
    return isDSIC(x.environment, m).verdict === "holds" || (hasPrivateValues(x.environment) && isEPIC(x.environment, m).verdict === "holds");
  },
  check: (x) => checkDsicImpliesEpic(x),
  codec: instanceCodec,
  defaultRuns: 300,
  minHypothesisRate: 0.3,
  negativeControls: [
    {
      name: "private values dropped",
      why: "EPIC ⇒ DSIC needs private values: with agent 1's value of b depending on agent 2's type, the rule 'b iff both report 1' is EPIC but not DSIC; the check told that every environment has private values must reject it",
      input: () => interdependentEpicNotDsic(),
      check: (x) => checkDsicImpliesEpic(x, { privateValues: () => true }),
    },
  ],
};

/**
 * The check, with the private-values test as a parameter (default: the exact one) so a negative
 * control can run the same logic with the hypothesis of EPIC ⇒ DSIC wrongly granted.
 */
export function checkDsicImpliesEpic(x: Instance, variant: { privateValues?: (env: Environment) => boolean } = {}): CheckResult {
  const pvOf = variant.privateValues ?? hasPrivateValues;
  const env = x.environment;
  const m = x.mechanism!;
  if (m.kind !== "direct") throw new Error("direct mechanisms only");
  const pv = pvOf(env);
  const dsic = isDSIC(env, m);
  const epic = isEPIC(env, m);
  if (dsic.verdict === "holds" && epic.verdict === "fails") {
    return { ok: false, violation: epic.violation, message: "DSIC holds but EPIC fails" };
  }
  if (pv && epic.verdict === "holds" && dsic.verdict === "fails") {
    return { ok: false, violation: dsic.violation, message: "private values, EPIC holds but DSIC fails" };
  }
  return { ok: true, certificate: { dsic: dsic.verdict, epic: epic.verdict }, tag: `${dsic.verdict === "holds" ? "DSIC" : "not DSIC"}, ${epic.verdict === "holds" ? "EPIC" : "not EPIC"}, ${pv ? "private" : "interdependent"} values` };
}
