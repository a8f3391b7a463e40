/**
 * Payoff equivalence intervals ([ChungEly2002, §3.3, Lemma 3]): LP vs longest paths on random sections,
 * and the continuous step problem's closed forms. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { continuousDifference, differenceIntervalLp, differenceIntervalPaths, gridEnvironment, gridIntervalFormula, levelIndex, type StepProblem } from "../../src/exPost/payoffEquivalence.ts";
import { findExPostSelection } from "../../src/exPost/implementation.ts";
import { q, ZERO } from "../../src/exact/rational.ts";
import { interdependentValuesEnvironment, socialChoiceCorrespondence } from "../../src/generators/index.ts";
import { typeSizes } from "../../src/model/environment.ts";
import { othersSizes, profileCount } from "../../src/model/profiles.ts";

describe("difference intervals", () => {
  it("LP = longest paths on every section of random EPIC rules (fixed seed)", () => {
    const arb = interdependentValuesEnvironment({ minAgents: 1, maxAgents: 2, minTypes: 2, maxTypes: 3, minDecisions: 2, maxDecisions: 3, maxValue: 5 }).chain((env) => fc.tuple(fc.constant(env), socialChoiceCorrespondence(env)));
    let n = 0;
    let wide = 0;
    for (const [env, scc] of fc.sample(arb, { seed: 1, numRuns: 80 })) {
      const s = findExPostSelection(env, scc, "transfers");
      if (!s.implementable) continue;
      const sizes = typeSizes(env);
      for (let i = 0; i < sizes.length; i++) for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
        const m = sizes[i]!;
        for (const [a, b] of [[0, m - 1], [m - 1, 0], [0, 1]] as const) {
          const lp = differenceIntervalLp(env, s.selection.rule, i, o, a, b)!;
          const pa = differenceIntervalPaths(env, s.selection.rule, i, o, a, b)!;
          expect(lp.lo.equals(pa.lo) && lp.hi.equals(pa.hi)).toBe(true);
          n++;
          if (lp.hi.compare(lp.lo) > 0) wide++;
        }
      }
    }
    expect(n).toBeGreaterThan(50);
    expect(wide).toBeGreaterThan(10);
  });
});

describe("step problem", () => {
  const p: StepProblem = { beta: q(1), alpha: q(2), gamma: ZERO, cutoffs: [q(1).div(3)], levels: [ZERO, q(1)] };
  it("D* = v(c) for one unit jump; grid intervals bracket it", () => {
    expect(continuousDifference(p).equals(q(5).div(3))).toBe(true); // v(1/3) = 1 + 2/3
    expect(levelIndex(p, q(1).div(3))).toBe(1);
    const i1 = gridIntervalFormula(p, 1); // jump between 0 and 1: [v(0), v(1)] = [1, 3]
    expect([i1.lo, i1.hi].map((x) => x.toFraction())).toEqual(["1", "3"]);
    const i3 = gridIntervalFormula(p, 3); // jump between 0 and 1/3, at 1/3 itself: [v(0), v(1/3)]
    expect([i3.lo, i3.hi].map((x) => x.toFraction())).toEqual(["1", "5/3"]);
    const { env, rule } = gridEnvironment(p, 3);
    const lp = differenceIntervalLp(env, rule, 0, 0, 0, 3)!;
    expect(lp.lo.equals(i3.lo) && lp.hi.equals(i3.hi)).toBe(true);
  });
});
