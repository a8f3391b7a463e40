import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import type { Q } from "../../src/exact/rational.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { Poly, integratePositivePart } from "../../src/continuous/polynomial.ts";
import { FEW, RUNS, piecewiseLinear, powerMixture } from "./helpers.ts";

const fr = (n: number, d = 1) => new Fraction(n, d);
const codeOf = (f: () => unknown): { code?: string; message?: string } => {
  try {
    f();
  } catch (e) {
    if (isMechcheckError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return {};
};

describe("validation of polynomial CDFs", () => {
  it("F(a) ≠ 0, F(b) ≠ 1, jumps and negative densities are refused with the interval named", () => {
    expect(codeOf(() => Distribution.polynomial([1, 1], 0, 1)).code).toBe("bad-cdf");
    expect(codeOf(() => Distribution.polynomial([0, "1/2"], 0, 1)).code).toBe("bad-cdf");
    // F = 3x^2 − 2x on [0,1]: F(0)=0, F(1)=1, f = 6x − 2 < 0 on (0, 1/3)
    const neg = codeOf(() => Distribution.polynomial([0, -2, 3], 0, 1));
    expect(neg.code).toBe("negative-density");
    expect(neg.message).toContain("(0, 1/3)");
    // f = 3x^2 − 6x/... with an irrational sign change: F = 2x^3 − 3x^2 + 2x on [0,1] has f = 6x^2 − 6x + 2 > 0: accepted
    expect(() => Distribution.polynomial([0, 2, -3, 2], 0, 1)).not.toThrow();
    // F = x^3 − 3x^2/... : F(x) = (4x^3 − 6x^2 + 3x) on [0,1]: f = 12x^2 − 12x + 3 = 3(2x−1)^2 ≥ 0 (double root): accepted
    expect(() => Distribution.polynomial([0, 3, -6, 4], 0, 1)).not.toThrow();
    // F = x/2 on [0, 1/2], x on [1/2, 1]: jumps from 1/4 to 1/2 at 1/2 (an atom)
    const jump = codeOf(() => Distribution.piecewise([0, "1/2", 1], [[0, "1/2"], [0, 1]]));
    expect(jump.code).toBe("bad-cdf");
    expect(jump.message).toContain("jumps at 1/2");
    expect(codeOf(() => Distribution.uniform(1, 1)).code).toBe("bad-interval");
    expect(codeOf(() => Distribution.power(0)).code).toBe("bad-count");
  });
});

describe("moments and order statistics", () => {
  it("E[X] via density equals lo + ∫(1 − F); E[max of n] via CDF equals ∫ x d(F^n)", () => {
    fc.assert(
      fc.property(fc.oneof(powerMixture, piecewiseLinear), fc.integer({ min: 1, max: 5 }), (F, n) => {
        expect(F.mean().equals(F.expectedOrderStatistic(1, 1))).toBe(true);
        const viaDensity = F.orderStatisticDensity(n, 1).mulPoly(Poly.x).integrate();
        expect(F.expectedOrderStatistic(n, 1).equals(viaDensity)).toBe(true);
        // Σ_k E[X_(k)] = n E[X]
        let s = fr(0);
        for (let k = 1; k <= n; k++) s = s.add(F.expectedOrderStatistic(n, k));
        expect(s.equals(F.mean().mul(n))).toBe(true);
      }),
      FEW,
    );
  });
  it("hand values: uniform E[v_(1)] = n/(n+1), E[v_(2)] = (n−1)/(n+1); power(k) E[max of n] = nk/(nk+1)", () => {
    const U = Distribution.uniform(0, 1);
    for (let n = 2; n <= 5; n++) {
      expect(U.expectedOrderStatistic(n, 1).equals(fr(n, n + 1))).toBe(true);
      expect(U.expectedOrderStatistic(n, 2).equals(fr(n - 1, n + 1))).toBe(true);
      for (let k = 1; k <= 3; k++) expect(Distribution.power(k).expectedOrderStatistic(n, 1).equals(fr(n * k, n * k + 1))).toBe(true);
    }
    expect(Distribution.uniform(2, 6).mean().equals(4)).toBe(true);
  });
});

describe("virtual values and regularity", () => {
  it("uniform[0,1]: φ(v) = 2v − 1; power(k): φ = v − (1 − v^k)/(k v^{k−1})", () => {
    const U = Distribution.uniform(0, 1);
    expect(U.virtualValueAt(fr(3, 4)).equals(fr(1, 2))).toBe(true);
    const P = Distribution.power(3);
    const v = fr(1, 2);
    expect(P.virtualValueAt(v).equals(v.sub(fr(1).sub(v.pow(3)).div(v.pow(2).mul(3))))).toBe(true);
  });
  it("power mixtures are regular (φ′ numerator 2f² + (1−F)f′ has non-negative coefficients)", () => {
    fc.assert(
      fc.property(powerMixture, (F) => {
        expect(F.regularity().regular).toBe(true);
      }),
      FEW,
    );
  });
  it("a density that drops at a breakpoint is irregular there; a piece with φ decreasing is irregular on an interval", () => {
    // f = 3/2 on [0, 1/2], 1/2 on [1/2, 1]: φ jumps down at 1/2
    const drop = Distribution.piecewise([0, "1/2", 1], [[0, "3/2"], ["1/2", "1/2"]]);
    const r = drop.regularity();
    expect(r.regular).toBe(false);
    expect(r.violation!.breakpoint!.equals(fr(1, 2))).toBe(true);
    // piecewise-linear CDFs: regular iff the density does not drop (s2 ≥ s1) — the exact criterion
    fc.assert(
      fc.property(piecewiseLinear, (F) => {
        const s1 = F.pdf.pieces[0]!.eval(0);
        const s2 = F.pdf.pieces[1]!.eval(1);
        expect(F.regularity().regular).toBe(s2.compare(s1) >= 0);
      }),
      RUNS,
    );
    // F = 1 − (1 − x)^4 ... is regular; F(x) = x − x^2/2 ·… : f = 3(2x−1)^2 (F = 4x^3 − 6x^2 + 3x) has f(1/2) = 0 ⇒ φ → −∞ near 1/2: irregular
    expect(Distribution.polynomial([0, 3, -6, 4], 0, 1).regularity().regular).toBe(false);
    expect(() => Distribution.polynomial([0, 3, -6, 4], 0, 1).virtualValueRoot()).toThrow(/irregular|not regular/);
  });
  it("uniform n=2: v* = 1/2, E[max(0, max φ)] = ∫_{1/2}^1 (2v−1)·2v dv = 5/12 (hand-derived)", () => {
    const { vStar, value } = Distribution.uniform(0, 1).expectedVirtualSurplus(2);
    expect(vStar.rationalValue()!.equals(fr(1, 2))).toBe(true);
    expect(value.exact!.equals(fr(5, 12))).toBe(true);
  });
  it("power(2), n=2: v* = 1/√3 (certified), value = 8/15 + 4/(45√3): bracket checked by (v − 8/15)^2·6075 = 16", () => {
    const { vStar, value } = Distribution.power(2).expectedVirtualSurplus(2);
    expect(vStar.isRational()).toBe(false);
    expect(vStar.lo.pow(2).compare(fr(1, 3))).toBe(-1);
    expect(vStar.hi.pow(2).compare(fr(1, 3))).toBe(1);
    const v = value.refine(new Fraction(1n, 10n ** 25n));
    const g = (x: Q) => x.sub(fr(8, 15)).pow(2).mul(6075).compare(16);
    expect(g(v.lo)).toBe(-1);
    expect(g(v.hi)).toBe(1);
  });
  it("expected virtual surplus via v* equals the positive-part integral (a different path), for regular mixtures", () => {
    fc.assert(
      fc.property(powerMixture, fc.integer({ min: 1, max: 4 }), (F, n) => {
        const { value } = F.expectedVirtualSurplus(n);
        const integrand = F.cdf.composeOuter(Poly.x.pow(n - 1).scale(n)).mul(F.virtualValueNumerator());
        const other = integratePositivePart(integrand.pieces[0]!, 0, 1);
        const tol = new Fraction(1n, 10n ** 12n);
        const a = value.refine(tol);
        const b = other.refine(tol);
        // the two enclosures of the same number must intersect
        expect(a.lo.compare(b.hi) <= 0 && b.lo.compare(a.hi) <= 0).toBe(true);
        // optimal revenue ≥ the revenue of a standard auction E[v_(2)] (n ≥ 2)
        if (n >= 2) expect(a.hi.compare(F.expectedOrderStatistic(n, 2)) >= 0).toBe(true);
      }),
      FEW,
    );
  });
});
