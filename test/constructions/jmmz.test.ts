/**
 * JMMZ parametric example on finite signal grids ([BrooksExPost2023, *A parametric example*]): the
 * environment, the dictatorial construction, the exact characterization of EPIC rules on grids.
 * Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEPIC } from "../../src/concepts/index.ts";
import {
  bDeterminant,
  dictatorialPayments,
  dictatorialRule,
  directMechanism,
  findNonConstantEpic,
  lpEpicPayments,
  monotonePayments,
  monotoneViolation,
  mu,
  muExpanded,
  parametricEnvironment,
  parametricOf,
  uniformMaximizer,
  type Grids,
  type Signal,
} from "../../src/exPost/parametricExample.ts";
import { ZERO, q } from "../../src/exact/rational.ts";
import { jmmzCaseArb, jmmzCodec } from "../../src/catalogue/support/jmmzParametric.ts";
import { jmmzParametric } from "../../src/catalogue/jmmz-parametric.ts";
import { jmmzParametricFinite } from "../../src/catalogue/jmmz-parametric-finite.ts";

const sig = (x: string, y: string): Signal => [q(x), q(y)];
const seven: Signal[] = [sig("0", "0"), sig("1/2", "0"), sig("1", "0"), sig("0", "1/2"), sig("0", "1"), sig("1/2", "1/2"), sig("1", "1")];

describe("parametric environment", () => {
  it("transcribes v_{i,k} = s_{i,k}(a_{i,k} + b_{i,k}s_{-i,k}) and the slide's μ_i", () => {
    const P = parametricOf([[1, 2], [3, -1]], [[2, -1], [0, 3]]);
    const grids: Grids = [[sig("1", "1/2")], [sig("1/2", "1")]];
    const env = parametricEnvironment(P, grids);
    // v_{1,k} = 1·(1 + 2·1/2) = 2, v_{1,l} = 1/2·(2 − 1·1) = 1/2; v_{2,k} = 1/2·(3 + 0) = 3/2, v_{2,l} = 1·(−1 + 3·1/2) = 1/2.
    expect(env.valuation[0]![0]!.map((x) => x.toFraction())).toEqual(["2", "1/2"]);
    expect(env.valuation[1]![0]!.map((x) => x.toFraction())).toEqual(["3/2", "1/2"]);
    expect(bDeterminant(P).toFraction()).toBe("6");
    for (const c of fc.sample(jmmzCaseArb, { seed: 1, numRuns: 100 })) {
      for (const i of [0, 1]) for (const s of c.grids[i]!) for (const o of c.grids[1 - i]!) expect(mu(c.P, i, s, o).equals(muExpanded(c.P, i, s, o))).toBe(true);
    }
  });
});

describe("dictatorial rule at (1,0)", () => {
  it("is EPIC with τ = μ_1((1,0), s_2) on a 7-point grid with determinant −1, but not without transfers", () => {
    const P = parametricOf([[1, 1], [1, 1]], [[0, 1], [1, 0]]);
    expect(bDeterminant(P).toFraction()).toBe("-1");
    const grids: Grids = [seven, seven];
    const env = parametricEnvironment(P, grids);
    const x = uniformMaximizer(P, grids, 0);
    expect(x).toBe(2);
    const rule = dictatorialRule(grids, 0, 2);
    expect(isEPIC(env, directMechanism(env, rule, dictatorialPayments(P, grids, 0, 2))).verdict).toBe("holds");
    expect(isEPIC(env, directMechanism(env, rule, rule.map(() => [ZERO, ZERO]))).verdict).toBe("fails");
    expect(monotoneViolation(env, rule)).toBeNull();
  });
});

describe("characterization of EPIC rules on grids", () => {
  it("monotone in μ_i ⇔ the exact transfers LP is feasible; explicit payments pass isEPIC", () => {
    let monotone = 0;
    let not = 0;
    const arb = fc.tuple(jmmzCaseArb, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }));
    for (const [c, bits] of fc.sample(arb, { seed: 2, numRuns: 150 })) {
      const env = parametricEnvironment(c.P, c.grids);
      const rule = env.valuation[0]!.map((_, th) => (bits[th] ? 0 : 1));
      const mv = monotoneViolation(env, rule);
      expect(lpEpicPayments(env, rule) !== null).toBe(mv === null);
      if (mv === null) {
        monotone++;
        expect(isEPIC(env, directMechanism(env, rule, monotonePayments(env, rule))).verdict).toBe("holds");
      } else not++;
    }
    expect(monotone).toBeGreaterThan(10);
    expect(not).toBeGreaterThan(10);
  });

  it("some grids admit only constant EPIC rules (checked by the LP on every rule)", () => {
    const c = jmmzCodec.decode({
      a: [["0", "-1"], ["1", "-3"]],
      b: [["3", "0"], ["-3", "1"]],
      agent1Signals: [["0", "1/2"], ["1", "0"]],
      agent2Signals: [["1", "0"], ["1", "1/2"], ["0", "0"]],
    });
    const env = parametricEnvironment(c.P, c.grids);
    const r = findNonConstantEpic(c.P, c.grids, 9);
    expect(r).toEqual({ found: null, exhaustive: true });
    for (let mask = 1; mask < 63; mask++) {
      const rule = Array.from({ length: 6 }, (_, th) => ((mask >> th) & 1 ? 0 : 1));
      expect(lpEpicPayments(env, rule)).toBeNull();
    }
    expect(jmmzParametric.check(c)).toMatchObject({ ok: true });
  });
});

describe("theorems", () => {
  it("the refutation finds a non-constant EPIC rule; the finite version holds on samples", () => {
    // the degenerate old case (every valuation 0 on the grid) no longer meets the hypothesis (issue 11)
    const old = jmmzCodec.decode({ a: [["0", "0"], ["0", "0"]], b: [["0", "-1"], ["-1", "0"]], agent1Signals: [["1", "0"], ["0", "0"]], agent2Signals: [["0", "0"]] });
    expect(jmmzParametric.hypothesis!(old)).toBe(false);
    // the saved non-degenerate 2×2 case
    const c = jmmzCodec.decode({ a: [["0", "0"], ["0", "0"]], b: [["-1", "0"], ["0", "1"]], agent1Signals: [["1", "0"], ["0", "1/2"]], agent2Signals: [["0", "1/2"], ["1", "0"]] });
    expect(jmmzParametric.hypothesis!(c)).toBe(true);
    expect(jmmzParametric.check(c).ok).toBe(false);
    for (const x of fc.sample(jmmzParametricFinite.arbitrary, { seed: 3, numRuns: 60 })) expect(jmmzParametricFinite.check(x).ok).toBe(true);
  });
});
