/**
 * A conjecture that holds: the Clarke pivot mechanism never runs a deficit ([BernardMD3, *IR-VCG
 * Mechanism*]): each payment p_i = max_q Σ_{j≠i} v_j(q) − Σ_{j≠i} v_j(q*) is ≥ 0.
 *
 *   npx mechcheck conjecture examples/conjectures/pivot-no-deficit.ts
 */
import { conjecture, isNoDeficit, pivotMechanism, privateValuesEnvironment, describeViolation } from "mechcheck";

export default conjecture({
  id: "pivot-no-deficit",
  statement: "Under private values the pivot mechanism never runs a deficit: Σ_i p_i(θ) ≥ 0 at every θ.",
  arbitrary: privateValuesEnvironment({ allowNegative: true }),
  check: (env) => {
    const v = isNoDeficit(env, pivotMechanism(env));
    return v.verdict === "holds" ? { ok: true } : { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
  },
  runs: 500,
});
