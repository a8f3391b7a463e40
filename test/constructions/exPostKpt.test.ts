/**
 * Mechanisms on KPT type spaces ([BrooksExPost2023, *Bergemann and Morris (2005)*, *Implementation*]): the
 * induced environment, composition with θ̂, and BM's test type spaces. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeWithPayoffTypes, isInterimICOnKpt, kptInducedEnvironment, payoffProfileMap, sectionMechanismOnTestSpace, testTypeSpace } from "../../src/exPost/knownPayoffTypes.ts";
import { findExPostSelection, selectionMechanism, solveSection } from "../../src/exPost/implementation.ts";
import { ONE, q, ZERO } from "../../src/exact/rational.ts";
import { interdependentValuesEnvironment, kptTypeSpace, randomDirectMechanism, socialChoiceCorrespondence } from "../../src/generators/index.ts";
import type { Environment } from "../../src/model/environment.ts";
import { expostUtility, typeSizes } from "../../src/model/environment.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../../src/model/profiles.ts";

const env2: Environment = {
  agents: ["1", "2"],
  types: [["L", "H"], ["l", "h"]],
  decisions: ["x", "y"],
  valuation: [
    [[q(0), q(1)], [q(0), q(2)], [q(1), q(0)], [q(0), q(3)]],
    [[q(1), q(0)], [q(0), q(1)], [q(2), q(0)], [q(0), q(0)]],
  ],
};

describe("KPT type spaces", () => {
  it("payoffProfileMap and the induced environment read v at θ̂(t)", () => {
    const kpt = { types: [["L#1", "H#1", "H#2"], ["l#1", "h#1"]], payoffType: [[0, 1, 1], [0, 1]], beliefs: [[[ONE, ZERO], [q(1).div(2), q(1).div(2)], [ZERO, ONE]], [[q(1).div(3), q(1).div(3), q(1).div(3)], [ONE, ZERO, ZERO]]] };
    expect(payoffProfileMap(env2, kpt)).toEqual([0, 1, 2, 3, 2, 3]);
    const ind = kptInducedEnvironment(env2, kpt);
    expect(ind.valuation[0]![4]).toEqual(env2.valuation[0]![2]);
  });

  it("isInterimICOnKpt equals a direct interim computation (random mechanisms, fixed seed)", () => {
    const arb = interdependentValuesEnvironment({ minAgents: 2, maxAgents: 2, maxTypes: 2, maxDecisions: 2, maxValue: 4 }).chain((env) =>
      fc.tuple(fc.constant(env), randomDirectMechanism(env, { deterministic: true, maxPayment: 2 }), kptTypeSpace(env, { maxExtraTypes: 1, fullSupport: false })),
    );
    let fails = 0;
    for (const [env, mech, kpt] of fc.sample(arb, { seed: 3, numRuns: 200 })) {
      const sizes = typeSizes(env);
      const tSizes = kpt.types.map((t) => t.length);
      let worst = null as null | ReturnType<typeof q>;
      for (let i = 0; i < 2; i++) for (let ti = 0; ti < tSizes[i]!; ti++) for (let ri = 0; ri < tSizes[i]!; ri++) {
        if (ri === ti) continue;
        let g = ZERO;
        for (let k = 0; k < profileCount(othersSizes(tSizes, i)); k++) {
          const t = joinProfile(tSizes, i, ti, k);
          const th = profileIndex(sizes, t.map((x, j) => kpt.payoffType[j]![x]!));
          const rep = profileIndex(sizes, t.map((x, j) => kpt.payoffType[j]![j === i ? ri : x]!));
          g = g.add(kpt.beliefs[i]![ti]![k]!.mul(expostUtility(env, mech, i, th, rep).sub(expostUtility(env, mech, i, th, th))));
        }
        if (worst === null || g.compare(worst) > 0) worst = g;
      }
      const v = isInterimICOnKpt(env, kpt, composeWithPayoffTypes(env, kpt, mech));
      const bad = worst !== null && worst.compare(ZERO) > 0;
      if (bad) fails++;
      expect(v.verdict).toBe(bad ? "fails" : "holds");
      if (v.verdict === "fails") expect(v.violation.gain.equals(worst!)).toBe(true);
    }
    expect(fails).toBeGreaterThan(20);
  });

  it("testTypeSpace: agent i has Θ_i, the others one type each; a section solution is IIC there, a non-solution is not", () => {
    const arb = interdependentValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 5 }).chain((env) => fc.tuple(fc.constant(env), socialChoiceCorrespondence(env)));
    for (const [env, scc] of fc.sample(arb, { seed: 4, numRuns: 100 })) {
      const sizes = typeSizes(env);
      for (let i = 0; i < sizes.length; i++) {
        for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
          const kpt = testTypeSpace(env, i, o);
          expect(kpt.types.map((t) => t.length)).toEqual(sizes.map((m, j) => (j === i ? m : 1)));
          const others = [...allProfiles(othersSizes(sizes, i))][o]!;
          kpt.payoffType.forEach((pt, j) => { if (j !== i) expect(pt).toEqual([others[j < i ? j : j - 1]]); });
          for (const mode of ["none", "transfers"] as const) {
            const v = solveSection(env, scc, i, o, mode);
            if (v.ok) expect(isInterimICOnKpt(env, kpt, sectionMechanismOnTestSpace(env, v.solution)).verdict).toBe("holds");
            else for (const c of v.refutation.candidates) {
              if (mode === "none") expect(isInterimICOnKpt(env, kpt, sectionMechanismOnTestSpace(env, { agent: i, others: o, choices: c.choices, payments: c.choices.map(() => ZERO) })).verdict).toBe("fails");
            }
          }
        }
      }
    }
  });

  it("f ∘ θ̂ of an EPIC selection is IIC on random KPT spaces", () => {
    const arb = interdependentValuesEnvironment({ minAgents: 2, maxAgents: 2, maxTypes: 3, maxDecisions: 3, maxValue: 5 }).chain((env) => fc.tuple(fc.constant(env), socialChoiceCorrespondence(env), kptTypeSpace(env, { maxExtraTypes: 2 })));
    let n = 0;
    for (const [env, scc, kpt] of fc.sample(arb, { seed: 5, numRuns: 100 })) {
      const s = findExPostSelection(env, scc, "transfers");
      if (!s.implementable) continue;
      n++;
      expect(isInterimICOnKpt(env, kpt, composeWithPayoffTypes(env, kpt, selectionMechanism(env, s.selection))).verdict).toBe("holds");
    }
    expect(n).toBeGreaterThan(30);
  });
});
