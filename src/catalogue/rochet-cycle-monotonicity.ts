/**
 * `rochet-cycle-monotonicity` (theorem) — [Rochet1987, Thm 1]. Reading checked:
 *
 *   "One agent, a finite type set, a finite outcome set, arbitrary rational values v(t, o), and a
 *    deterministic rule f. There are payments making f dominant-strategy incentive compatible iff
 *    no cycle of the allocation graph (edge s→t of length v(t, f(t)) − v(t, f(s))) has negative
 *    length; then shortest-path potentials are such payments."
 *
 * Decided exactly by Bellman–Ford on rationals (src/implementability/rochet.ts), whose answer is a
 * certificate checked independently: the payments against every IC constraint, or the cycle's
 * length summed again. The verdict is cross-checked against the transfers LP of
 * src/concepts/transfers.ts (exact simplex / verified certificate) on the same rule as a
 * one-agent environment: the LP is feasible iff Bellman–Ford finds no negative cycle. Half the
 * cases are affine maximizers (implementable by construction), half arbitrary rules
 * (src/generators/oneAgentRule.ts: 2–5 types, 2–4 outcomes, values in [−3, 3]).
 */
import fc from "fast-check";
import { qstr, ZERO } from "../exact/rational.ts";
import { oneAgentRuleArbitrary } from "../generators/oneAgentRule.ts";
import { cycleLength, firstICViolation, lpImplementable, oneAgentCodec, rochet, type OneAgentRule, type RochetVerdict } from "../implementability/rochet.ts";
import type { CheckResult, Theorem } from "./types.ts";

/** The check with the decision procedure as a parameter (a negative control passes a wrong one). */
export function checkRochetWith(decide: (x: OneAgentRule) => RochetVerdict): (x: OneAgentRule) => CheckResult {
  return (x) => {
    const verdict = decide(x);
    const lp = lpImplementable(x);
    if (verdict.implementable) {
      const bad = firstICViolation(x, verdict.payments);
      const cert = { payments: verdict.payments.map(qstr) };
      if (bad) return { ok: false, violation: { ...cert, type: bad.type, report: bad.report, gain: qstr(bad.gain) }, message: `claimed payments fail IC: type ${bad.type} gains ${qstr(bad.gain)} by reporting ${bad.report}` };
      if (!lp) return { ok: false, violation: cert, message: "no negative cycle and valid payments, yet the transfers LP is infeasible" };
      return { ok: true, certificate: cert, tag: "implementable (potentials)" };
    }
    const len = cycleLength(x, verdict.cycle);
    const cert = { cycle: verdict.cycle, length: qstr(len) };
    if (verdict.cycle.length < 2 || new Set(verdict.cycle).size !== verdict.cycle.length) return { ok: false, violation: cert, message: `claimed cycle ${verdict.cycle.join("→")} is not a simple cycle` };
    if (len.compare(ZERO) >= 0) return { ok: false, violation: cert, message: `claimed negative cycle ${verdict.cycle.join("→")} has length ${qstr(len)} ≥ 0` };
    if (lp) return { ok: false, violation: cert, message: "a negative cycle, yet the transfers LP is feasible" };
    return { ok: true, certificate: cert, tag: `not implementable (negative ${verdict.cycle.length}-cycle)` };
  };
}

/** A wrong decider: always "implementable" with zero payments. */
const zeroPayments = (x: OneAgentRule): RochetVerdict => ({ implementable: true, payments: x.values.map(() => ZERO) });
/** A wrong decider: always "not implementable", citing the 2-cycle 0→1. */
const alwaysCycle = (_x: OneAgentRule): RochetVerdict => ({ implementable: false, cycle: [0, 1], length: ZERO });

function firstGenerated(pred: (x: OneAgentRule) => boolean): OneAgentRule {
  for (const x of fc.sample(oneAgentRuleArbitrary(), { seed: 20261206, numRuns: 500 })) if (pred(x)) return x;
  throw new Error("rochet-cycle-monotonicity: no generated case for the control");
}

export const rochetCycleMonotonicity: Theorem<OneAgentRule> = {
  id: "rochet-cycle-monotonicity",
  kind: "theorem",
  source: "[Rochet1987, Thm 1]",
  statement:
    "Finite types and outcomes, one agent, rational values: a deterministic rule is DSIC-implementable iff its allocation graph (s→t of length v(t,f(t)) − v(t,f(s))) has no negative cycle; shortest-path potentials are payments. Bellman–Ford's payments or negative cycle is checked exactly and agrees with the transfers LP.",
  arbitrary: oneAgentRuleArbitrary(),
  check: checkRochetWith(rochet),
  codec: oneAgentCodec,
  defaultRuns: 1000,
  coverage: {
    classify: (x) => {
      const v = rochet(x);
      return v.implementable ? ["implementable"] : v.cycle.length >= 3 ? ["negative cycle", "negative cycle of ≥ 3 types"] : ["negative cycle"];
    },
    required: { implementable: 200, "negative cycle": 200, "negative cycle of ≥ 3 types": 10 },
  },
  negativeControls: [
    {
      name: "zero payments claimed",
      why: "a decider claiming every rule implementable with zero payments, on the first generated rule where zero payments are not IC: the payment check must reject it",
      input: () => firstGenerated((x) => firstICViolation(x, x.values.map(() => ZERO)) !== null),
      check: checkRochetWith(zeroPayments),
    },
    {
      name: "non-negative cycle claimed",
      why: "a decider claiming the 2-cycle 0→1 negative, on the first generated implementable rule with two types: its length is ≥ 0 and the claim must be rejected",
      input: () => firstGenerated((x) => x.values.length >= 2 && rochet(x).implementable),
      check: checkRochetWith(alwaysCycle),
    },
  ],
};
