/**
 * `weak-monotonicity-finite` (refutation) — [Bikhchandani2006, Thm 1] and [SaksYu2005, Thm 1]:
 * on a convex domain of valuations, weak monotonicity (every 2-cycle of the allocation graph has
 * nonnegative length: v(t, f(t)) − v(t, f(s)) + v(s, f(s)) − v(s, f(t)) ≥ 0) suffices for
 * dominant-strategy implementability. The naive finite transcription checked here:
 *
 *   "One agent, a finite type set, a finite outcome set, rational values: a weakly monotone
 *    deterministic rule is DSIC-implementable."
 *
 * False: a finite type set is not convex, and a negative cycle through three or more types can
 * survive with every 2-cycle nonnegative. The minimal counterexample (saved in the store) has three
 * types and three outcomes. The finite condition that does suffice is cycle monotonicity,
 * `rochet-cycle-monotonicity` [Rochet1987, Thm 1], the true version next to it. A case's verdict
 * comes from Bellman–Ford on rationals (src/implementability/rochet.ts); the negative cycle it
 * returns is re-summed here and the transfers LP must be infeasible too.
 */
import { qstr, ZERO } from "../exact/rational.ts";
import { oneAgentRuleArbitrary } from "../generators/oneAgentRule.ts";
import { cycleLength, lpImplementable, oneAgentCodec, rochet, weakMonotonicityViolation, type OneAgentRule } from "../implementability/rochet.ts";
import { savedCaseControl } from "./support/controls.ts";
import type { Theorem } from "./types.ts";

export const weakMonotonicityFinite: Theorem<OneAgentRule> = {
  id: "weak-monotonicity-finite",
  kind: "refutation",
  source: "[Bikhchandani2006, Thm 1]; [SaksYu2005, Thm 1]",
  statement: "Naive finite transcription: one agent, finite types and outcomes, rational values — a weakly monotone deterministic rule (every 2-cycle of the allocation graph nonnegative) is DSIC-implementable.",
  trueVersion: "rochet-cycle-monotonicity",
  arbitrary: oneAgentRuleArbitrary({ maxTypes: 4, maxOutcomes: 3, lo: 0, hi: 4, affineHalf: false }),
  hypothesis: (x) => weakMonotonicityViolation(x) === null,
  minHypothesisRate: 0.05,
  check: (x) => {
    const v = rochet(x);
    if (v.implementable) return { ok: true, certificate: { payments: v.payments.map(qstr) }, tag: "weakly monotone and implementable" };
    const len = cycleLength(x, v.cycle);
    const lp = lpImplementable(x);
    if (len.compare(ZERO) >= 0 || lp) throw new Error(`weak-monotonicity-finite: Bellman–Ford's cycle ${v.cycle.join("→")} (length ${qstr(len)}) is not a certificate (LP feasible: ${lp})`);
    return {
      ok: false,
      violation: { cycle: v.cycle, cycleLength: qstr(len), rule: [...x.rule], transfersLp: "infeasible" },
      message: `weakly monotone (every 2-cycle ≥ 0), yet the ${v.cycle.length}-cycle ${v.cycle.join("→")} has length ${qstr(len)} < 0: no payments implement the rule`,
    };
  },
  codec: oneAgentCodec,
  defaultRuns: 1000,
  negativeControls: [savedCaseControl("weak-monotonicity-finite", oneAgentCodec)],
};
