/**
 * `vcg-dsic` — seed 001 Def 6.16. A VCG mechanism (efficient q, p_i = h_i(θ_{-i}) − Σ_{j≠i} v_j)
 * is DSIC and ex post efficient under private values, for every choice of the h_i; the Clarke
 * pivot and IR-VCG terms included.
 */
import fc from "fast-check";
import { isDSIC, isExPostEfficient } from "../../src/concepts/index.ts";
import { privateValuesEnvironment } from "../../src/generators/index.ts";
import type { Instance } from "../../src/instance/index.ts";
import { irVcgTerms, pivotTerms, vcgMechanism } from "../../src/mechanisms/vcg.ts";
import type { DirectMechanism } from "../../src/model/environment.ts";
import type { Theorem } from "../../src/theorem/types.ts";
import { instanceCodec } from "../support/cases.ts";
import { grovesTermsArb } from "../a-implementation/dsic-implies-epic.ts";

const arbitrary: fc.Arbitrary<Instance> = privateValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 4 }).chain((env) =>
  fc.oneof(grovesTermsArb(env), fc.constant(pivotTerms(env)), fc.constant(irVcgTerms(env))).map((h): Instance => ({ environment: env, mechanism: vcgMechanism(env, h) })),
);

export const vcgDsic: Theorem<Instance> = {
  id: "vcg-dsic",
  kind: "theorem",
  source: "001 Def 6.16",
  statement: "VCG with any h_i (pivot and IR-VCG included) is DSIC and ex post efficient under private values.",
  arbitrary,
  check: (x) => {
    const m = x.mechanism as DirectMechanism;
    const dsic = isDSIC(x.environment, m);
    if (dsic.verdict === "fails") return { ok: false, violation: dsic.violation, message: "VCG is not DSIC here" };
    const eff = isExPostEfficient(x.environment, m);
    if (eff.verdict === "fails") return { ok: false, violation: eff.violation, message: "VCG is not efficient here" };
    return { ok: true, certificate: { dsicConstraints: dsic.witness.constraints, minSlack: dsic.witness.minSlack?.toFraction() ?? null } };
  },
  codec: instanceCodec,
  defaultRuns: 300,
};
