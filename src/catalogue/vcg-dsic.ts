/**
 * `vcg-dsic` — [BernardMD3, Def 6.16]. A VCG mechanism (efficient q, p_i = h_i(θ_{-i}) − Σ_{j≠i} v_j)
 * is DSIC and ex post efficient under private values, for every choice of the h_i; the Clarke
 * pivot and IR-VCG terms included.
 */
import fc from "fast-check";
import { isDSIC, isExPostEfficient } from "../concepts/index.ts";
import { privateValuesEnvironment } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { irVcgTerms, pivotTerms, vcgMechanism } from "../mechanisms/vcg.ts";
import type { DirectMechanism } from "../model/environment.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { constantMechanism, privateEnvironment, shiftPayment } from "./support/controls.ts";
import type { Environment } from "../model/environment.ts";
import { grovesTermsArb } from "../generators/grovesTerms.ts";

const arbitrary: fc.Arbitrary<Instance> = privateValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 4 }).chain((env) =>
  fc.oneof(grovesTermsArb(env), fc.constant(pivotTerms(env)), fc.constant(irVcgTerms(env))).map((h): Instance => ({ environment: env, mechanism: vcgMechanism(env, h) })),
);

export const vcgDsic: Theorem<Instance> = {
  id: "vcg-dsic",
  kind: "theorem",
  source: "[BernardMD3, Def 6.16]; [Vickrey1961]; [Clarke1971]; [Groves1973]",
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
  negativeControls: [
    {
      name: "VCG with one payment shifted",
      why: "pivot VCG on a 2-agent environment with agent 1's payment raised by 1 at one report profile: agent 1 gains by misreporting there",
      input: () => {
        const env = vcgControlEnv();
        return { environment: env, mechanism: shiftPayment(vcgMechanism(env, pivotTerms(env)), 1, 0) };
      },
    },
    {
      // kills: vcg-dsic efficiency check deleted (a DSIC but inefficient mechanism must be rejected)
      name: "constant rule",
      why: "always the first decision, no payments: DSIC, but inefficient where another decision has more total value",
      input: () => {
        const env = vcgControlEnv();
        return { environment: env, mechanism: constantMechanism(env, 0) };
      },
    },
  ],
  coverage: {
    classify: (x) => [`agents = ${x.environment.agents.length}`, ...(x.environment.types.some((t) => t.length >= 2) ? ["≥ 2 types"] : [])],
    required: { "agents = 1": 5, "agents = 2": 5, "agents = 3": 5, "≥ 2 types": 20 },
  },
};

/** Two agents with two types each, two decisions; private values with d2 best at some profile. */
function vcgControlEnv(): Environment {
  return privateEnvironment([[[0, 1], [0, 3]], [[2, 0], [0, 1]]]);
}
