/**
 * A natural conjecture that is false: "the pivot mechanism is ex post individually rational".
 * It holds when valuations are non-negative (agent i's utility is W(q*) − max_q W_{-i}(q) ≥ 0), but
 * not when a decision can hurt an agent: mechcheck finds and shrinks a counterexample.
 *
 *   npx mechcheck conjecture examples/conjectures/pivot-ex-post-ir.ts
 */
import { conjecture, describeViolation, instanceToJson, isExPostIR, parseInstance, pivotMechanism, privateValuesEnvironment, type Environment } from "mechcheck";

export default conjecture<Environment>({
  id: "pivot-ex-post-ir",
  statement: "Under private values (valuations of either sign) the pivot mechanism is ex post IR.",
  arbitrary: privateValuesEnvironment({ allowNegative: true }),
  check: (env) => {
    const v = isExPostIR(env, pivotMechanism(env));
    return v.verdict === "holds" ? { ok: true } : { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
  },
  // Save cases in the readable instance format.
  codec: { encode: (env) => instanceToJson({ environment: env }), decode: (j) => parseInstance(j).environment },
});
