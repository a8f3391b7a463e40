/**
 * `weak-monotonicity-two-outcomes` (theorem) — a true finite version next to
 * `weak-monotonicity-finite`, in the line of [Bikhchandani2006] (weak monotonicity characterizes
 * implementability when the 2-cycle condition controls every cycle). Reading checked:
 *
 *   "One agent, a finite type set, TWO outcomes, arbitrary rational values: a weakly monotone
 *    deterministic rule is DSIC-implementable."
 *
 * Why it holds: with outcomes a, b and d(t) = v(t, a) − v(t, b), weak monotonicity says
 * min over a-types of d ≥ max over b-types of d; any price in between implements the rule. So the
 * naive statement's minimal counterexample needs three outcomes (and three types: with two types the
 * only cycles are 2-cycles). The verdict is Bellman–Ford's (src/implementability/rochet.ts) and the
 * payments it returns are re-checked against every IC constraint; the hypothesis-dropped control
 * shows weak monotonicity carries the weight.
 */
import { qstr } from "../exact/rational.ts";
import { oneAgentRuleArbitrary } from "../generators/oneAgentRule.ts";
import { cycleLength, firstICViolation, oneAgentCodec, rochet, weakMonotonicityViolation, type OneAgentRule } from "../implementability/rochet.ts";
import { hypothesisDroppedControl } from "./support/controls.ts";
import type { Theorem } from "./types.ts";

export const weakMonotonicityTwoOutcomes: Theorem<OneAgentRule> = {
  id: "weak-monotonicity-two-outcomes",
  kind: "theorem",
  source: "[Bikhchandani2006]",
  statement: "One agent, finite types, two outcomes, rational values: a weakly monotone deterministic rule (every 2-cycle of the allocation graph nonnegative) is DSIC-implementable; Bellman–Ford's payments are checked against every IC constraint.",
  arbitrary: oneAgentRuleArbitrary({ minTypes: 2, maxTypes: 6, minOutcomes: 2, maxOutcomes: 2, lo: -3, hi: 3, affineHalf: false }),
  hypothesis: (x) => weakMonotonicityViolation(x) === null,
  minHypothesisRate: 0.2,
  check: (x) => {
    const v = rochet(x);
    if (!v.implementable) {
      return { ok: false, violation: { cycle: v.cycle, cycleLength: qstr(cycleLength(x, v.cycle)) }, message: `weakly monotone, yet the cycle ${v.cycle.join("→")} has negative length ${qstr(cycleLength(x, v.cycle))}` };
    }
    const bad = firstICViolation(x, v.payments);
    if (bad) return { ok: false, violation: { payments: v.payments.map(qstr), type: bad.type, report: bad.report }, message: `Bellman–Ford's payments fail IC: type ${bad.type} gains ${qstr(bad.gain)} by reporting ${bad.report}` };
    return { ok: true, certificate: { payments: v.payments.map(qstr) }, tag: new Set(x.rule).size === 2 ? "both outcomes used" : "constant rule" };
  },
  codec: oneAgentCodec,
  /** About 41% of cases are weakly monotone: 2,600 runs give ≥ 1,000 that meet the hypothesis. */
  defaultRuns: 2600,
  coverage: { classify: (x) => (weakMonotonicityViolation(x) === null && new Set(x.rule).size === 2 && x.values.length >= 3 ? ["non-constant, ≥ 3 types"] : []), required: { "non-constant, ≥ 3 types": 50 } },
  negativeControls: [hypothesisDroppedControl(() => weakMonotonicityTwoOutcomes)],
};
