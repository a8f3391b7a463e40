/**
 * Issue 11, finding 2: jmmz-parametric cases are non-degenerate, and the corner rule "k iff
 * s_i = (1, 0)" is EPIC on the continuum too (so the refutation is not about finiteness). Fixed seeds.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEPIC } from "../../src/concepts/index.ts";
import { bDeterminant, cornerRuleContinuumSlack, dictatorialPayments, dictatorialRule, directMechanism, mu, parametricEnvironment, parametricOf, type Grids, type Signal } from "../../src/exPost/parametricExample.ts";
import { q, ZERO } from "../../src/exact/rational.ts";
import { jmmzCodec, nonDegenerate } from "../../src/catalogue/support/jmmzParametric.ts";
import { jmmzParametric } from "../../src/catalogue/jmmz-parametric.ts";

describe("jmmz-parametric: non-degenerate cases", () => {
  it("the old saved case (a = 0, agent 2's only signal (0, 0): every valuation 0) is excluded (negative control)", () => {
    const old = jmmzCodec.decode({ a: [["0", "0"], ["0", "0"]], b: [["0", "-1"], ["-1", "0"]], agent1Signals: [["1", "0"], ["0", "0"]], agent2Signals: [["0", "0"]] });
    expect(nonDegenerate(old)).toBe(false);
    expect(jmmzParametric.hypothesis!(old)).toBe(false);
  });

  it("every saved case meets the hypothesis, has no identically-zero valuation table, and still fails the check", () => {
    const dir = "counterexamples/jmmz-parametric";
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const x = jmmzCodec.decode(JSON.parse(readFileSync(`${dir}/${f}`, "utf8")).instance);
      expect(jmmzParametric.hypothesis!(x), f).toBe(true);
      const env = parametricEnvironment(x.P, x.grids);
      for (const vi of env.valuation) expect(vi.some((row) => row.some((v) => !v.equals(ZERO))), f).toBe(true);
      expect(jmmzParametric.check(x).ok, f).toBe(false);
    }
  });
});

describe("the corner rule on the continuum", () => {
  const quarter = Array.from({ length: 5 }, (_, k) => q(k).div(4));
  const box: Signal[] = quarter.flatMap((x) => quarter.map((y) => [x, y] as const));

  it("values nondecreasing in the own signal (a, b ≥ 0), b generic: the vertex minimum is ≥ 0 and is the minimum over a 1/4-grid of [0, 1]^4", () => {
    const coef = fc.integer({ min: 0, max: 3 });
    const pair = fc.tuple(coef, coef);
    let generic = 0;
    for (const [a0, a1, b0, b1] of fc.sample(fc.tuple(pair, pair, pair, pair), { seed: 5, numRuns: 40 })) {
      const P = parametricOf([a0, a1], [b0, b1]);
      if (!bDeterminant(P).equals(ZERO)) generic++;
      for (const i of [0, 1]) {
        const v = cornerRuleContinuumSlack(P, i);
        expect(v.min.compare(ZERO)).toBeGreaterThanOrEqual(0);
        let gridMin = null as null | ReturnType<typeof q>;
        for (const own of box) for (const other of box) {
          const d = mu(P, i, [q(1), ZERO], other).sub(mu(P, i, own, other));
          if (gridMin === null || d.compare(gridMin) < 0) gridMin = d;
        }
        expect(gridMin!.equals(v.min)).toBe(true);
      }
    }
    expect(generic).toBeGreaterThan(20);
  });

  it("on the 1/2-grid of [0, 1]^2 per agent, generic b: the corner rule with τ_i = μ_i((1, 0), ·) passes isEPIC and is not constant", () => {
    const half = [ZERO, q(1).div(2), q(1)];
    const sig: Signal[] = half.flatMap((x) => half.map((y) => [x, y] as const));
    const grids: Grids = [sig, sig];
    const P = parametricOf([[1, 2], [2, 1]], [[1, 0], [0, 1]]); // det = 1·1 − 0·0 = 1 ≠ 0
    expect(bDeterminant(P).equals(ZERO)).toBe(false);
    const x = sig.findIndex((s) => s[0].equals(q(1)) && s[1].equals(ZERO));
    const env = parametricEnvironment(P, grids);
    const rule = dictatorialRule(grids, 0, x);
    expect(new Set(rule).size).toBe(2);
    expect(isEPIC(env, directMechanism(env, rule, dictatorialPayments(P, grids, 0, x))).verdict).toBe("holds");
  });

  it("negative control: a value decreasing in the own signal (a_{1,k} = −1, b = 0) makes the continuum slack negative", () => {
    const P = parametricOf([[-1, 0], [1, 1]], [[0, 0], [0, 0]]);
    expect(cornerRuleContinuumSlack(P, 0).min.compare(ZERO)).toBeLessThan(0);
  });
});
