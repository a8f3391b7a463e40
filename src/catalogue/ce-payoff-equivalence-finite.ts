/**
 * `ce-payoff-equivalence-finite` (refutation) — [ChungEly2002, §3.3, Lemma 3 and Theorem 3] (Chung–Ely
 * 2002): "Suppose Q is a finite set, each S_i is a connected topological space, and each v_i is
 * continuous in s_i. Then any ex post incentive compatible public decision rule satisfies the ex
 * post payoff equivalence property" — for any two EPIC mechanisms (f, t), (f, t′), ∀i, ∀s_{-i},
 * t_i(s_{-i}, ·) equals t′_i(s_{-i}, ·) up to a constant.
 *
 * Naive finite transcription refuted here: the same with S_i a finite grid (connectedness
 * dropped). Cases: Chung–Ely separable environments on grids (valuation h_i(q)·v_i(s), v_i strictly
 * increasing in s_i, [ChungEly2002, Def 6]) with a monotone — hence EPIC (ce-separable-monotone) — rule f.
 * For every section (i, s_{-i}) the exact interval of p_i(top, s_{-i}) − p_i(bottom, s_{-i}) over all
 * EPIC payment rules is computed twice (max/min of the exact transfers LP, and longest paths on
 * the deviation graph; they must agree). A counterexample is a section where the interval is not a
 * point: the violation holds the two LP-optimal payment rules, both re-checked EPIC by isEPIC,
 * whose difference is not constant on that section. (On a grid, each jump of h_i(f) between
 * adjacent signals s < s′ leaves the slack (h(s′) − h(s))·(v(s′) − v(s)) > 0.)
 *
 * True version: `ce-payoff-equivalence` (the interval contains the continuous envelope value,
 * shrinks under refinement, and its width is O(1/K)).
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { isEPIC } from "../concepts/index.ts";
import { differenceIntervalLp, differenceIntervalPaths } from "../exPost/payoffEquivalence.ts";
import { sectionProfile } from "../exPost/implementation.ts";
import { qstr } from "../exact/rational.ts";
import { chungElySeparable, monotoneMechanism } from "../generators/index.ts";
import { pointMassAllocation, typeSizes } from "../model/environment.ts";
import { othersSizes, profileAt, profileCount } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { ruleOf } from "../generators/ruleCases.ts";
import { separableRuleCodec, type SeparableRuleCase } from "../generators/separableRules.ts";
import { isChungElySeparable, monotonicityViolation } from "./support/chungElySeparable.ts";

const arbitrary: fc.Arbitrary<SeparableRuleCase> = chungElySeparable({ maxAgents: 2, maxTypes: 3, maxDecisions: 3 }).chain((inst) =>
  monotoneMechanism(inst.env, { h: inst.h, maxComponents: 1 }).map((m): SeparableRuleCase => ({ ...inst, rule: ruleOf(m) })),
);

function check(x: SeparableRuleCase): CheckResult {
  const { env, rule } = x;
  const sizes = typeSizes(env);
  for (let i = 0; i < sizes.length; i++) {
    const m = sizes[i]!;
    if (m < 2) continue;
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      const lp = differenceIntervalLp(env, rule, i, o, 0, m - 1);
      const paths = differenceIntervalPaths(env, rule, i, o, 0, m - 1);
      if (lp === null || paths === null) throw new Error("a monotone rule must be EPIC (ce-separable-monotone)");
      if (!lp.lo.equals(paths.lo) || !lp.hi.equals(paths.hi)) throw new Error(`LP and longest paths disagree on the interval: [${qstr(lp.lo)}, ${qstr(lp.hi)}] vs [${qstr(paths.lo)}, ${qstr(paths.hi)}]`);
      if (lp.lo.equals(lp.hi)) continue;
      for (const pay of [lp.paymentsLo, lp.paymentsHi]) {
        if (isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, rule), payments: pay }).verdict !== "holds") throw new Error("an LP-optimal payment rule is not EPIC (bug)");
      }
      const cells = Array.from({ length: m }, (_, a) => sectionProfile(sizes, i, a, o));
      return {
        ok: false,
        violation: {
          agent: env.agents[i],
          others: profileAt(sizes, cells[0]!).flatMap((k, j) => (j === i ? [] : [`${env.agents[j]}:${env.types[j]![k]}`])).join(","),
          signals: env.types[i],
          differenceInterval: [qstr(lp.lo), qstr(lp.hi)],
          t: cells.map((th) => qstr(lp.paymentsLo[th]![i]!)),
          tPrime: cells.map((th) => qstr(lp.paymentsHi[th]![i]!)),
        },
        message: `two EPIC payment rules for the same f differ by a non-constant on agent ${env.agents[i]}'s section: p(top) − p(bottom) ranges over [${qstr(lp.lo)}, ${qstr(lp.hi)}]`,
      };
    }
  }
  return { ok: true, tag: "payments pinned down on every section (e.g. constant sections)" };
}

export const cePayoffEquivalenceFinite: Theorem<SeparableRuleCase> = {
  id: "ce-payoff-equivalence-finite",
  kind: "refutation",
  source: "[ChungEly2002, §3.3, Lemma 3, Thm 3]",
  statement: "On finite signal grids, any two EPIC payment rules for the same EPIC rule f differ by a constant on every section (i, s_{-i}) (false: connectedness is needed).",
  trueVersion: "ce-payoff-equivalence",
  arbitrary,
  hypothesis: (x) => isChungElySeparable(x) && monotonicityViolation(x) === null,
  check,
  codec: separableRuleCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("ce-payoff-equivalence-finite", separableRuleCodec)],
};
