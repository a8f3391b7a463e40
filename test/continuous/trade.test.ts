import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import type { Q } from "../../src/exact/rational.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { Piecewise, Poly } from "../../src/continuous/polynomial.ts";
import {
  bilateralTrade,
  cgkCriticalType,
  cgkDissolution,
  cgkG,
  expectedGainsFromTrade,
  publicGoodBudget,
  publicGoodThreshold,
  publicGoodThresholdFormula,
} from "../../src/trade/continuousTrade.ts";
import { FEW, RUNS, powerMixture } from "./helpers.ts";

const fr = (n: number, d = 1) => new Fraction(n, d);
const max = (a: Q, b: Q) => (a.compare(b) >= 0 ? a : b);

/**
 * Independent path for E[R], R(b, s) = max(b̲, s) + max(b − s̄, 0) − max(b, s): integrate over s
 * first for each buyer type b (a piecewise polynomial in b), then over b.
 *   E_S[max(b̲, S)] is a constant; E_S[max(b, S)] = b·F_S(b) + ∫_b^{s̄} s f_S(s) ds for b in [s̲, s̄].
 */
function irVcgIterated(B: Distribution, S: Distribution): Q {
  const c1 = expectMaxConstByHand(S, B.lo); // E_S[max(b̲, S)]
  const xs = S.pdf.mulPoly(Poly.x).antiderivative(); // ∫_{s̲}^b s f_S
  const top = xs.eval(S.hi);
  // h(b) = E_S[max(b, S)] on the buyer's support, piecewise over the union of breakpoints
  const bs = [...new Set([...B.pdf.breaks, ...S.pdf.breaks, B.lo, B.hi].map((x) => x.toFraction()))]
    .map((x) => new Fraction(x))
    .filter((x) => x.compare(B.lo) >= 0 && x.compare(B.hi) <= 0)
    .sort((x, y) => x.compare(y));
  let total = fr(0);
  for (let k = 0; k + 1 < bs.length; k++) {
    const a = bs[k]!;
    const b = bs[k + 1]!;
    const mid = a.add(b).div(2);
    let h: Poly;
    if (mid.compare(S.lo) <= 0) h = Poly.constant(S.mean());
    else if (mid.compare(S.hi) >= 0) h = Poly.x;
    else {
      const j = S.cdf.pieceIndex(mid);
      const Fs = S.cdf.pieces[j]!;
      const XS = xs.pieces[xs.pieceIndex(mid)]!;
      h = Poly.x.mul(Fs).add(Poly.constant(top)).sub(XS);
    }
    const sellerTerm = mid.compare(S.hi) > 0 ? Poly.x.sub(Poly.constant(S.hi)) : Poly.zero;
    const integrand = Poly.constant(c1).add(sellerTerm).sub(h);
    const fb = B.pdf.pieces[B.pdf.pieceIndex(mid)]!;
    total = total.add(integrand.mul(fb).integrate(a, b));
  }
  return total;
}
function expectMaxConstByHand(S: Distribution, c: Q): Q {
  // ∫ max(c, s) f_S(s) ds, splitting the density at c
  const pw = S.pdf;
  let t = fr(0);
  for (let k = 0; k < pw.pieces.length; k++) {
    const a = pw.breaks[k]!;
    const b = pw.breaks[k + 1]!;
    const p = pw.pieces[k]!;
    if (b.compare(c) <= 0) t = t.add(p.scale(c).integrate(a, b));
    else if (a.compare(c) >= 0) t = t.add(p.mul(Poly.x).integrate(a, b));
    else t = t.add(p.scale(c).integrate(a, c)).add(p.mul(Poly.x).integrate(c, b));
  }
  return t;
}

const shifted = (F: Distribution, a: Q): Distribution =>
  Distribution.fromCdf(new Piecewise(F.cdf.breaks.map((x) => x.add(a)), F.cdf.pieces.map((p) => p.compose(Poly.linear(a.neg(), 1)))), `${F.name} + ${a.toFraction()}`);

describe("Myerson–Satterthwaite via the IR-VCG expected revenue ([BernardMD3, Thm 7.6]; [ChungEly2002, §4])", () => {
  it("uniform [0,1]²: E[R] = −1/6 = −E[(B − S)^+] (hand: ∫∫_{b>s} (b − s) = 1/6); no efficient BIC/IIR/BB trade", () => {
    const U = Distribution.uniform(0, 1);
    const v = bilateralTrade(U, U);
    expect(v.irVcgExpectedRevenue.equals(fr(-1, 6))).toBe(true);
    expect(expectedGainsFromTrade(U, U).equals(fr(1, 6))).toBe(true);
    expect(v.supportsOverlap).toBe(true);
    expect(v.efficientTradePossible).toBe(false);
  });
  it("buyer U[1/2, 3/2], seller U[0,1]: E[R] = −13/48, equal to the iterated integral", () => {
    const B = Distribution.uniform("1/2", "3/2");
    const U = Distribution.uniform(0, 1);
    expect(bilateralTrade(B, U).irVcgExpectedRevenue.equals(fr(-13, 48))).toBe(true);
    expect(irVcgIterated(B, U).equals(fr(-13, 48))).toBe(true);
  });
  it("identical supports: the deficit equals the expected gains from trade (convolution path)", () => {
    fc.assert(
      fc.property(powerMixture, powerMixture, (B, S) => {
        expect(bilateralTrade(B, S).irVcgExpectedRevenue.equals(expectedGainsFromTrade(B, S).neg())).toBe(true);
      }),
      FEW,
    );
  });
  it("shifted supports: E[R] < 0 ⇔ supports overlap (interior); = b̲ − s̄ ≥ 0 when b̲ ≥ s̄; = iterated integral", () => {
    fc.assert(
      fc.property(powerMixture, powerMixture, fc.integer({ min: -5, max: 5 }), (B0, S, i) => {
        const B = shifted(B0, fr(i, 4));
        const v = bilateralTrade(B, S);
        expect(v.irVcgExpectedRevenue.equals(irVcgIterated(B, S))).toBe(true);
        expect(v.efficientTradePossible).toBe(!v.supportsOverlap);
        if (B.lo.compare(S.hi) >= 0) expect(v.irVcgExpectedRevenue.equals(B.lo.sub(S.hi))).toBe(true);
      }),
      FEW,
    );
  });
});

describe("CGK partnership dissolution ([Mishra2020, Dissolving a partnership])", () => {
  const U = Distribution.uniform(0, 1);
  it("uniform n = 2: v* = r, W(v) = 1/6 − v²/2 (hand), so dissolvable ⇔ r² + (1 − r)² ≤ 2/3", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (i) => {
        const r = fr(i, 60);
        const res = cgkDissolution(U, [r, fr(1).sub(r)]);
        expect(res.criticalTypes[0]!.rationalValue()!.equals(r)).toBe(true);
        expect(res.w[0]!.exact!.equals(fr(1, 6).sub(r.pow(2).div(2)))).toBe(true);
        expect(res.dissolvable).toBe(r.pow(2).add(fr(1).sub(r).pow(2)).compare(fr(2, 3)) <= 0);
      }),
      RUNS,
    );
  });
  it("equal shares dissolvable, one seller not; one-seller Σ W/(n−1) = ∫ F^{n−1}(F − 1) (the slide's identity)", () => {
    for (const F of [U, Distribution.power(2), Distribution.polynomial([0, "1/2", "1/2"], 0, 1)]) {
      for (let n = 2; n <= 4; n++) {
        const eq = cgkDissolution(F, Array.from({ length: n }, () => fr(1, n)));
        expect(eq.dissolvable).toBe(true);
        const seller = cgkDissolution(F, [fr(1), ...Array.from({ length: n - 1 }, () => fr(0))]);
        expect(seller.dissolvable).toBe(false);
        const Fp = F.cdf.pieces[0]!;
        const identity = Fp.pow(n - 1).mul(Fp.sub(Poly.one)).integrate(0, 1).mul(n - 1);
        expect(seller.total.exact!.equals(identity)).toBe(true);
      }
    }
  });
  it("uniform n = 3, shares (1/2, 1/2, 0): v* = 1/√2 (certified), Σ W = 1/2 − (4/3)v*³ = 1/2 − √2/3 > 0", () => {
    const res = cgkDissolution(U, [fr(1, 2), fr(1, 2), fr(0)]);
    const a = res.criticalTypes[0]!;
    expect(a.isRational()).toBe(false);
    expect(a.lo.pow(2).compare(fr(1, 2))).toBe(-1);
    expect(a.hi.pow(2).compare(fr(1, 2))).toBe(1);
    const t = res.total.refine(new Fraction(1n, 10n ** 20n));
    // Σ W = 1/2 − √2/3 ⇔ (1/2 − Σ W)·3 = √2: check (3(1/2 − x))² straddles 2
    const g = (x: Q) => fr(1, 2).sub(x).mul(3).pow(2).compare(2);
    expect(g(t.lo)).toBe(1);
    expect(g(t.hi)).toBe(-1);
    expect(res.dissolvable).toBe(true);
  });
  it("critical types: G(lo) < r < G(hi) on the bracket; the dissolvable set is convex (concavity of Σ W(v*(r)))", () => {
    fc.assert(
      fc.property(powerMixture, fc.integer({ min: 1, max: 11 }), (F, i) => {
        const r = fr(i, 12);
        const a = cgkCriticalType(F, 3, r).refine(new Fraction(1, 1000));
        const G = cgkG(F, 3);
        if (a.isRational()) expect(G.eval(a.lo).equals(r)).toBe(true);
        else expect(G.eval(a.lo).compare(r) < 0 && G.eval(a.hi).compare(r) > 0).toBe(true);
      }),
      FEW,
    );
    // convexity along a segment from the equal partnership to a one-seller partnership, n = 3, uniform
    const seq = Array.from({ length: 13 }, (_, k) => fr(k, 12)).map((t) => {
      const s1 = fr(1, 3).add(fr(2, 3).mul(t));
      const rest = fr(1).sub(s1).div(2);
      return cgkDissolution(U, [s1, rest, rest]).dissolvable;
    });
    const first = seq.indexOf(false);
    expect(seq[0]).toBe(true);
    expect(seq[12]).toBe(false);
    expect(seq.slice(first).every((x) => x === false)).toBe(true); // once out, never back in
  });
});

describe("Bayes-optimal public good, two uniform agents ([BernardMD3, Prop 7.8], Determine optimal λ)", () => {
  const U = Distribution.uniform(0, 1);
  it("derives s = 1/2 + 3c/4 on the piece s ∈ [1, 2], i.e. for c ∈ [2/3, 2] (slide: correct)", () => {
    const pieces = publicGoodThresholdFormula(U, U);
    const lin = pieces.find((p) => p.linear)!.linear!;
    expect(lin.intercept.equals(fr(1, 2))).toBe(true);
    expect(lin.slope.equals(fr(3, 4))).toBe(true);
    expect(lin.cFrom.equals(fr(2, 3))).toBe(true);
    expect(lin.cTo.equals(fr(2))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 39 }), (i) => {
        const c = fr(2, 3).add(fr(4, 3).mul(fr(i, 40)));
        expect(publicGoodThreshold(U, U, c).rationalValue()!.equals(fr(1, 2).add(c.mul(3).div(4)))).toBe(true);
      }),
      RUNS,
    );
  });
  it("on s ∈ [0, 1] the derived equation A(s) − cP(s) = 0 is the slide's cubic −(2/3)s³ + s² − (1 − s²/2)c; the threshold is its root in (c, 1)", () => {
    const { P, A } = publicGoodBudget(U, U);
    expect(P.pieces[0]!.equals(Poly.of([1, 0, "-1/2"]))).toBe(true);
    expect(A.pieces[0]!.equals(Poly.of([0, 0, 1, "-2/3"]))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 39 }), (i) => {
        const c = fr(2, 3).mul(fr(i, 40));
        const s = publicGoodThreshold(U, U, c).refine(new Fraction(1, 10 ** 9));
        const cubic = (x: Q) => x.pow(3).mul(fr(-2, 3)).add(x.pow(2)).sub(fr(1).sub(x.pow(2).div(2)).mul(c));
        expect(s.lo.compare(c) > 0 && s.hi.compare(1) <= 0).toBe(true);
        if (s.isRational()) expect(cubic(s.lo).equals(0)).toBe(true);
        else expect(cubic(s.lo).s * cubic(s.hi).s).toBe(-1n);
      }),
      RUNS,
    );
  });
  it("budget B(s) at rational s equals a direct iterated 2-D integral ∫_0^1 ∫_{max(0,s−x)}^1 (2x + 2y − 2 − c) dy dx", () => {
    const { P, A } = publicGoodBudget(U, U);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 1, max: 47 }), (i, j) => {
        const s = fr(i, 24);
        const c = fr(j, 24);
        // inner ∫_{L}^{1} (2x + 2y − 2 − c) dy = [(2x − 2 − c) y + y²]_{L}^{1}; split x at s − 1 and s
        const inner = (L: Poly) => {
          const lin = Poly.of([c.neg().sub(2), 2]);
          const at = (y: Poly) => lin.mul(y).add(y.mul(y));
          return at(Poly.one).sub(at(L));
        };
        let direct = fr(0);
        const cut1 = max(fr(0), s.sub(1)); // for x < s − 1 the inner region is empty
        const cut2 = s.compare(1) < 0 ? s : fr(1); // for x ≥ s, L = 0
        if (cut1.compare(cut2) < 0) direct = direct.add(inner(Poly.linear(s, -1)).integrate(cut1, cut2)); // L = s − x
        if (cut2.compare(1) < 0) direct = direct.add(inner(Poly.zero).integrate(cut2, 1));
        const B = A.eval(s).sub(P.eval(s).mul(c));
        expect(B.equals(direct)).toBe(true);
      }),
      RUNS,
    );
  });
});
