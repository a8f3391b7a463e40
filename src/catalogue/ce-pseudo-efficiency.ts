/**
 * `ce-pseudo-efficiency` — [ChungEly2002, Lemma 1, Thm 1] (Def 4).
 * A deterministic decision rule f is EPIC (payments making truth-telling an ex post equilibrium
 * exist) iff for every i and s_{-i} the section f(s_{-i}, ·) is pseudo-efficient w.r.t.
 * v_i(·, s_{-i}, ·). Both sides are decided independently and must agree:
 *   - transfers: the LP of src/concepts/transfers.ts, solved exactly (a feasible point, or a Farkas
 *     certificate checked by src/lp/verify.ts);
 *   - pseudo-efficiency: a negative-cycle search for the weights w (src/constructions/pseudoEfficiency.ts),
 *     with w or the negative cycle re-checked exactly.
 * And the constructive converse of Lemma 1: payments p_i(s) = −w(f(s)) make f EPIC (isEPIC).
 */
import fc from "fast-check";
import { efficientRule, epicTransfersLp, isEPIC } from "../concepts/index.ts";
import { allSectionsPseudoEfficient, checkSectionCertificate, transfersFromWeights } from "../exPost/pseudoEfficiency.ts";
import { interdependentValuesEnvironment, privateValuesEnvironment, chungElySeparable } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { solve } from "../lp/solve.ts";
import type { DirectMechanism } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { instanceCodec, randomRule, ruleMechanism, ruleOf } from "../generators/ruleCases.ts";

const small = { maxAgents: 2, maxTypes: 3, maxDecisions: 3, maxValue: 6 } as const;
const arbitrary: fc.Arbitrary<Instance> = fc.oneof(
  // Efficient rules under private values: EPIC.
  privateValuesEnvironment(small).map((env): Instance => ({ environment: env, mechanism: ruleMechanism(env, efficientRule(env)) })),
  // Efficient rules under interdependent values: often not EPIC ([ChungEly2002], after Def 5).
  interdependentValuesEnvironment(small).map((env): Instance => ({ environment: env, mechanism: ruleMechanism(env, efficientRule(env)) })),
  // Random rules: mostly not EPIC, sometimes (few types, few decisions) EPIC.
  interdependentValuesEnvironment({ ...small, minTypes: 2, minDecisions: 2 }).chain((env) => randomRule(env).map((rule): Instance => ({ environment: env, mechanism: ruleMechanism(env, rule) }))),
  privateValuesEnvironment({ ...small, minTypes: 2, minDecisions: 2 }).chain((env) => randomRule(env).map((rule): Instance => ({ environment: env, mechanism: ruleMechanism(env, rule) }))),
  // Chung–Ely separable environments with efficient rules.
  chungElySeparable({ maxAgents: 2, maxTypes: 3 }).map(({ env }): Instance => ({ environment: env, mechanism: ruleMechanism(env, efficientRule(env)) })),
);

export const cePseudoEfficiency: Theorem<Instance> = {
  id: "ce-pseudo-efficiency",
  kind: "theorem",
  source: "[ChungEly2002, Lemma 1, Thm 1]",
  statement: "A decision rule is EPIC (transfers exist) iff every section f(s_{-i}, ·) is pseudo-efficient; LP for transfers and negative-cycle search for w agree, each with a certificate.",
  arbitrary,
  check: (x) => checkPseudoEfficiency(x),
  codec: instanceCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "weights with the wrong sign",
      why: "Lemma 1's converse pays p_i(s) = −w(f(s)); paying +w(f(s)) instead is not EPIC on the first generated case (fixed seed) where the sign matters — the check must reject those payments",
      input: () => firstSample(cePseudoEfficiency.arbitrary, (x) => !checkPseudoEfficiency(x, { transfers: flippedTransfers }).ok, "broken by flipped weights"),
      check: (x) => checkPseudoEfficiency(x, { transfers: flippedTransfers }),
    },
  ],
};

function flippedTransfers(...args: Parameters<typeof transfersFromWeights>): ReturnType<typeof transfersFromWeights> {
  return transfersFromWeights(...args).map((r) => r.map((p) => p.neg()));
}

/**
 * The check, with the payments built from the pseudo-efficiency weights as a parameter (default:
 * transfersFromWeights, p_i(s) = −w(f(s))) so a negative control can feed wrong ones.
 */
export function checkPseudoEfficiency(x: Instance, variant: { transfers?: typeof transfersFromWeights } = {}): CheckResult {
  const transfers = variant.transfers ?? transfersFromWeights;
  const env = x.environment;
  const rule = ruleOf(x.mechanism as DirectMechanism);
  const lp = solve(epicTransfersLp(env, rule).model); // verified inside solve
  const transfersExist = lp.status === "optimal";
  const pe = allSectionsPseudoEfficient(env, rule);
  const certs = pe.ok ? pe.sections : [pe.failing];
  for (const c of certs) if (!checkSectionCertificate(env, rule, c)) return { ok: false, violation: { certificate: c }, message: "a pseudo-efficiency certificate failed its exact re-check" };
  if (transfersExist !== pe.ok) {
    return { ok: false, violation: { lp: lp.status, pseudoEfficient: pe.ok }, message: `transfers LP says ${lp.status}, negative-cycle search says ${pe.ok ? "pseudo-efficient" : "not pseudo-efficient"}` };
  }
  if (pe.ok) {
    const mech: DirectMechanism = { kind: "direct", allocation: (x.mechanism as DirectMechanism).allocation, payments: transfers(env, rule, pe.sections) };
    const epic = isEPIC(env, mech);
    if (epic.verdict === "fails") return { ok: false, violation: epic.violation, message: "payments −w(f(s)) from the pseudo-efficiency weights are not EPIC" };
    return { ok: true, certificate: { transfers: "LP feasible point", weights: pe.sections.length }, tag: "EPIC: transfers exist and every section is pseudo-efficient" };
  }
  return {
    ok: true,
    certificate: { farkas: "LP infeasible (verified)", negativeCycle: pe.failing.pseudoEfficient ? null : pe.failing.total.toFraction() },
    tag: "not EPIC: Farkas certificate and a negative cycle",
  };

}
