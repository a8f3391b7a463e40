/**
 * Direct iterated-integral budget of the public-good threshold rule ([BernardMD3, Prop 7.8]): two U[0,1]
 * agents, where A(s) = s² − (2/3)s³ and P(s) = 1 − s²/2 on [0, 1] by hand (ψ = 2ϑ − 1), and Lagrange
 * interpolation.
 */
import { describe, expect, it } from "vitest";
import { interpolate, thresholdBudgetDirect, uniformUnit } from "../../src/publicGoods/thresholdBudget.ts";
import { Poly } from "../../src/continuous/polynomial.ts";
import { q } from "../../src/exact/rational.ts";

describe("publicGoodDirect", () => {
  const u = uniformUnit();
  it("uniform, s ∈ [0, 1]: B(s) = s² − (2/3)s³ − c(1 − s²/2)", () => {
    for (const s of ["0", "1/3", "1/2", "9/10", "1"]) {
      for (const c of ["0", "1/2", "1"]) {
        const x = q(s);
        const want = x.pow(2).sub(x.pow(3).mul(q("2/3"))).sub(q(c).mul(q(1).sub(x.pow(2).div(q(2)))));
        expect(thresholdBudgetDirect(u, u, c, s).equals(want)).toBe(true);
      }
    }
  });
  it("uniform, s = 3/2: P = (2 − s)²/2 = 1/8, and B = 0 at c = (4s − 2)/3 = 4/3", () => {
    expect(thresholdBudgetDirect(u, u, 0, "3/2").sub(thresholdBudgetDirect(u, u, 1, "3/2")).equals(q("1/8"))).toBe(true);
    expect(thresholdBudgetDirect(u, u, "4/3", "3/2").n).toBe(0n);
  });
  it("s ≥ 2: nothing is provided, B = 0; s ≤ 0: always provided, B = E[ψ1 + ψ2] − c = −c", () => {
    expect(thresholdBudgetDirect(u, u, 1, 2).n).toBe(0n);
    expect(thresholdBudgetDirect(u, u, "1/2", -1).equals(q("-1/2"))).toBe(true);
  });
  it("interpolate recovers a cubic from 4 points", () => {
    const p = Poly.of([1, -2, 0, "1/3"]);
    const xs = [0, 1, 2, 5].map((x) => q(x));
    expect(interpolate(xs, xs.map((x) => p.eval(x))).equals(p)).toBe(true);
  });
});
