/**
 * `epic-iff-bic-every-prior` — [ChungEly2002, Prop 2]; [BrooksExPost2023] *From interim to ex post*.
 * A direct mechanism is EPIC and ex post IR iff it is BIC and interim IR for every prior.
 *  ⇒ checked on the case's random prior (independent or correlated, zeros allowed);
 *  ⇐ by its contrapositive, constructively: a failing ex post constraint at θ yields the point-mass
 *    prior on θ, under which type θ_i believes θ_{-i} for sure and BIC (or interim IR) fails by the
 *    same exact gain. The prior is the certificate; isBIC / isInterimIR re-check it.
 */
import fc from "fast-check";
import { isBIC, isEPIC, isExPostIR, isInterimIR } from "../concepts/index.ts";
import { ONE, ZERO, q } from "../exact/rational.ts";
import { correlatedPrior, independentPrior, interdependentValuesEnvironment, privateValuesEnvironment, randomDirectMechanism } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { irVcgMechanism, pivotTerms, vcgMechanism } from "../mechanisms/vcg.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { privateEnvironment, shiftPayment } from "./support/controls.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { grovesTermsArb } from "../generators/grovesTerms.ts";

function withPrior(env: Environment, mech: fc.Arbitrary<DirectMechanism>): fc.Arbitrary<Instance> {
  const prior = fc.oneof(correlatedPrior(env, { fullSupport: false }), correlatedPrior(env), independentPrior(env));
  return fc.tuple(mech, prior).map(([mechanism, p]): Instance => ({ environment: env, mechanism, beliefs: { kind: "common-prior", prior: p } }));
}

const arbitrary: fc.Arbitrary<Instance> = fc.oneof(
  // EPIC and EPIR: IR-VCG under private values (the ⇒ direction is exercised).
  privateValuesEnvironment().chain((env) => withPrior(env, fc.constant(irVcgMechanism(env)))),
  // VCG with random h: EPIC, sometimes not EPIR.
  privateValuesEnvironment().chain((env) => withPrior(env, grovesTermsArb(env).map((h) => vcgMechanism(env, h)))),
  // Random mechanisms, private or interdependent values: mostly not EPIC (the ⇐ direction).
  privateValuesEnvironment({ maxTypes: 2 }).chain((env) => withPrior(env, randomDirectMechanism(env, { maxPayment: 3 }))),
  interdependentValuesEnvironment({ maxTypes: 2 }).chain((env) => withPrior(env, randomDirectMechanism(env, { maxPayment: 3 }))),
);

function pointMass(env: Environment, trueProfile: readonly number[]): Beliefs {
  const at = profileIndex(typeSizes(env), trueProfile);
  return { kind: "common-prior", prior: Array.from({ length: numProfiles(env) }, (_, k) => (k === at ? ONE : ZERO)) };
}

export const epicIffBicEveryPrior: Theorem<Instance> = {
  id: "epic-iff-bic-every-prior",
  kind: "theorem",
  source: "[ChungEly2002, Prop 2]; [BrooksExPost2023, From interim to ex post]",
  statement: "EPIC ∧ EPIR ⇔ BIC ∧ IIR for every prior (⇒ on random priors, correlated included; ⇐ via the point-mass prior at a failing ex post constraint).",
  arbitrary,
  check: (x) => checkEpicIffBic(x),
  codec: instanceCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "uniform prior as the certificate",
      why: "pivot VCG (private values) with agent 1's payment raised by 1 at one report profile is not EPIC; the ⇐ certificate must be the point mass at the failing profile — a uniform prior averages that one gain with the others' non-positive ones, BIC fails by less, and the check must reject the certificate",
      input: () => {
        const env = privateEnvironment([[[0, 1], [0, 3]], [[2, 0], [0, 1]]]);
        return { environment: env, mechanism: shiftPayment(vcgMechanism(env, pivotTerms(env)), 1, 0), beliefs: uniformPrior(env) };
      },
      check: (x) => checkEpicIffBic(x, { prior: (env) => uniformPrior(env) }),
    },
  ],
};

function uniformPrior(env: Environment): Beliefs {
  const P = numProfiles(env);
  return { kind: "common-prior", prior: Array.from({ length: P }, () => ONE.div(q(P))) };
}

/**
 * The check, with the ⇐ certificate (the prior built at a failing ex post constraint; default the
 * point mass) as a parameter, so a negative control can feed a prior that does not certify.
 */
export function checkEpicIffBic(x: Instance, variant: { prior?: (env: Environment, trueProfile: readonly number[]) => Beliefs } = {}): CheckResult {
  const certificatePrior = variant.prior ?? pointMass;
  const env = x.environment;
  const m = x.mechanism as DirectMechanism;
  const epic = isEPIC(env, m);
  const epir = isExPostIR(env, m);
  if (epic.verdict === "holds" && epir.verdict === "holds") {
    const bic = isBIC(env, m, x.beliefs!);
    const iir = isInterimIR(env, m, x.beliefs!);
    if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: "EPIC and EPIR, yet BIC fails under this prior" };
    if (iir.verdict === "fails") return { ok: false, violation: iir.violation, message: "EPIC and EPIR, yet interim IR fails under this prior" };
    return { ok: true, tag: "EPIC∧EPIR ⇒ BIC∧IIR on the random prior" };
  }
  // ⇐ contrapositive: the point mass at the failing profile is a prior where BIC or IIR fails.
  if (epic.verdict === "fails") {
    const v = epic.violation;
    const bic = isBIC(env, m, certificatePrior(env, v.trueProfile));
    if (bic.verdict !== "fails" || bic.violation.gain.compare(v.gain) < 0) {
      return { ok: false, violation: { epic: v, bic }, message: "EPIC fails, but BIC holds (or fails by less) under the point-mass prior at the failing profile" };
    }
    return { ok: true, certificate: { prior: "point mass", profile: v.trueProfile, gain: v.gain.toFraction() }, tag: "not EPIC ⇒ point-mass prior breaks BIC" };
  }
  const v = epir.verdict === "fails" ? epir.violation : null;
  if (v === null) throw new Error("unreachable");
  const iir = isInterimIR(env, m, certificatePrior(env, v.trueProfile));
  if (iir.verdict !== "fails" || iir.violation.gain.compare(v.gain) < 0) {
    return { ok: false, violation: { epir: v, iir }, message: "EPIR fails, but interim IR holds (or fails by less) under the point-mass prior at the failing profile" };
  }
  return { ok: true, certificate: { prior: "point mass", profile: v.trueProfile, gain: v.gain.toFraction() }, tag: "not EPIR ⇒ point-mass prior breaks IIR" };
}
