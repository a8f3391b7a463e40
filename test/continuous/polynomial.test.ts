import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { q, type Q } from "../../src/exact/rational.ts";
import {
  AlgebraicReal,
  CertifiedReal,
  Piecewise,
  Poly,
  RationalFunction,
  convolve,
  countRoots,
  evalInterval,
  integratePositivePart,
  isolateRoots,
  signAtAlgebraic,
  signIntervals,
} from "../../src/continuous/polynomial.ts";
import { RUNS, FEW, poly, rat } from "./helpers.ts";

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (isMechcheckError(e)) return e.code;
    throw e;
  }
  return undefined;
};

describe("Poly arithmetic (exact ring laws, checked pointwise at random rationals)", () => {
  it("mul (bigint convolution over common denominators) equals the schoolbook product of fraction.js coefficients", () => {
    const schoolbook = (a: readonly Q[], b: readonly Q[]): Q[] => {
      const r: Q[] = Array.from({ length: a.length + b.length - 1 }, () => new Fraction(0));
      a.forEach((x, i) => b.forEach((y, j) => (r[i + j] = r[i + j]!.add(x.mul(y)))));
      let n = r.length;
      while (n > 0 && r[n - 1]!.n === 0n) n--;
      return r.slice(0, n);
    };
    const same = (x: readonly Q[], y: readonly Q[]) => x.length === y.length && x.every((c, k) => c.s === y[k]!.s && c.n === y[k]!.n && c.d === y[k]!.d);
    fc.assert(
      fc.property(poly(), poly(), (p, r) => {
        fc.pre(!p.isZero() && !r.isZero());
        expect(same(p.mul(r).c, schoolbook(p.c, r.c))).toBe(true);
      }),
      RUNS,
    );
    // negative control: the comparison sees one coefficient off by 1/7
    const p = Poly.of([q(1).div(2), q(-2).div(3), q(3)]);
    const wrong = p.mul(p).c.map((c, k) => (k === 1 ? c.add(q(1).div(7)) : c));
    expect(same(wrong, schoolbook(p.c, p.c))).toBe(false);
    expect(same(p.mul(p).c, schoolbook(p.c, p.c))).toBe(true);
  });
  it("eval and compose (integer Horner over common denominators) equal the fraction.js sums Σ c_k x^k and Σ c_k inner^k", () => {
    const same = (x: readonly Q[], y: readonly Q[]) => x.length === y.length && x.every((c, k) => c.equals(y[k]!));
    // independent of Poly's arithmetic: powers and sums in fraction.js, products by the schoolbook rule
    const naiveEval = (c: readonly Q[], x: Q): Q => c.reduce<Q>((acc, ck, k) => acc.add(ck.mul(x.pow(k))), new Fraction(0));
    const naiveMul = (a: readonly Q[], b: readonly Q[]): Q[] => {
      if (a.length === 0 || b.length === 0) return [];
      const r: Q[] = Array.from({ length: a.length + b.length - 1 }, () => new Fraction(0));
      a.forEach((x, i) => b.forEach((y, j) => (r[i + j] = r[i + j]!.add(x.mul(y)))));
      return r;
    };
    const naiveCompose = (c: readonly Q[], inner: readonly Q[]): Q[] => {
      let sum: Q[] = [];
      let power: Q[] = [new Fraction(1)];
      for (const ck of c) {
        const term = power.map((x) => x.mul(ck));
        sum = Array.from({ length: Math.max(sum.length, term.length) }, (_, k) => (sum[k] ?? new Fraction(0)).add(term[k] ?? new Fraction(0)));
        power = naiveMul(power, inner);
      }
      let n = sum.length;
      while (n > 0 && sum[n - 1]!.n === 0n) n--;
      return sum.slice(0, n);
    };
    fc.assert(
      fc.property(poly(), poly(3), rat(), (p, r, x) => {
        expect(p.eval(x).equals(naiveEval(p.c, x))).toBe(true);
        expect(same(p.compose(r).c, naiveCompose(p.c, r.c))).toBe(true);
      }),
      RUNS,
    );
    // negative controls: one coefficient off by 1/7 is seen by both comparisons
    const p = Poly.of([q(1).div(2), q(-2).div(3), q(3)]);
    const inner = Poly.of([q(5).div(4), q(-1).div(6)]);
    const x = q(-7).div(5);
    expect(p.eval(x).add(q(1).div(7)).equals(naiveEval(p.c, x))).toBe(false);
    const wrong = p.compose(inner).c.map((c, k) => (k === 1 ? c.add(q(1).div(7)) : c));
    expect(same(wrong, naiveCompose(p.c, inner.c))).toBe(false);
    // hand value: p(x) = 1/2 − (2/3)x + 3x² at x = −7/5: 1/2 + 14/15 + 147/25 = (75 + 140 + 882)/150 = 1097/150
    expect(p.eval(x).toFraction()).toBe("1097/150");
  });
  it("add, sub, mul, scale, compose, pow agree with evaluation", () => {
    fc.assert(
      fc.property(poly(), poly(), rat(), rat(), fc.integer({ min: 0, max: 4 }), (p, r, x, s, k) => {
        expect(p.add(r).eval(x).equals(p.eval(x).add(r.eval(x)))).toBe(true);
        expect(p.sub(r).eval(x).equals(p.eval(x).sub(r.eval(x)))).toBe(true);
        expect(p.mul(r).eval(x).equals(p.eval(x).mul(r.eval(x)))).toBe(true);
        expect(p.scale(s).eval(x).equals(p.eval(x).mul(s))).toBe(true);
        expect(p.compose(r).eval(x).equals(p.eval(r.eval(x)))).toBe(true);
        expect(p.pow(k).eval(x).equals(p.eval(x).pow(k))).toBe(true);
      }),
      RUNS,
    );
  });
  it("derivative ∘ antiderivative = id; integrate is additive over [a,b] ∪ [b,c]; divmod reconstructs", () => {
    fc.assert(
      fc.property(poly(), poly(), rat(), rat(), rat(), (p, d, a, b, c) => {
        expect(p.antiderivative().derivative().equals(p)).toBe(true);
        expect(p.integrate(a, b).add(p.integrate(b, c)).equals(p.integrate(a, c))).toBe(true);
        if (!d.isZero()) {
          const { quot, rem } = p.divmod(d);
          expect(quot.mul(d).add(rem).equals(p)).toBe(true);
          expect(rem.degree).toBeLessThan(Math.max(d.degree, 1));
        }
      }),
      RUNS,
    );
  });
  it("gcd divides both and recovers a planted common factor", () => {
    fc.assert(
      fc.property(poly(3), poly(3), poly(2), (a, b, g) => {
        fc.pre(!g.isZero() && g.degree >= 1 && !a.isZero() && !b.isZero());
        const h = Poly.gcd(a.mul(g), b.mul(g));
        expect(a.mul(g).divmod(h).rem.isZero()).toBe(true);
        expect(b.mul(g).divmod(h).rem.isZero()).toBe(true);
        expect(h.divmod(g.monic()).rem.isZero()).toBe(true);
      }),
      RUNS,
    );
  });
  it("hand values: (x+1)^3 = x^3+3x^2+3x+1; ∫_0^1 x^2 = 1/3; toString", () => {
    expect(Poly.linear(1, 1).pow(3).equals(Poly.of([1, 3, 3, 1]))).toBe(true);
    expect(Poly.x.pow(2).integrate(0, 1).equals(new Fraction(1, 3))).toBe(true);
    expect(Poly.of([1, "-1/2", 0, 2]).toString()).toBe("2*x^3 - 1/2*x + 1");
  });
  it("rejects floats and bad exponents with MechcheckError naming the field", () => {
    expect(code(() => Poly.of([1, 0.5]))).toBe("float-not-exact");
    try {
      Poly.of([1, 0.5], "cdf");
    } catch (e) {
      expect((e as Error).message).toContain("cdf[1]");
    }
    expect(code(() => Poly.x.pow(-1))).toBe("bad-exponent");
    expect(code(() => Poly.x.divmod(Poly.zero))).toBe("division-by-zero");
    expect(code(() => Poly.x.divExact(Poly.of([1, 1])))).toBe("not-divisible");
  });
});

/** Build a polynomial with planted rational roots and planted irrational roots ±√m (m not a square). */
const planted = fc.tuple(
  fc.uniqueArray(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 7 })).map(([n, d]) => new Fraction(n, d)), {
    maxLength: 4,
    selector: (x) => x.toFraction(),
  }),
  fc.uniqueArray(fc.constantFrom(2, 3, 5, 6, 7, 10), { maxLength: 2 }),
  fc.integer({ min: 1, max: 2 }),
);

describe("root isolation (Sturm + bisection, certified brackets)", () => {
  it("finds exactly the planted roots: rationals exact, ±√m bracketed with a sign change", () => {
    fc.assert(
      fc.property(planted, ([rs, ms, mult]) => {
        let p = Poly.constant(3);
        for (const r of rs) p = p.mul(Poly.root(r).pow(mult)); // multiplicities must not matter
        for (const m of ms) p = p.mul(Poly.of([-m, 0, 1]));
        const roots = isolateRoots(p, -40, 40);
        expect(roots.length).toBe(rs.length + 2 * ms.length);
        const rationals = roots.filter((r) => r.isRational()).map((r) => r.lo.toFraction()).sort();
        expect(rationals).toEqual(rs.map((r) => r.toFraction()).sort());
        for (const r of roots.filter((x) => !x.isRational())) {
          // the bracket contains ±√m for one planted m: lo² and hi² straddle m
          const ok = ms.some((m) => {
            const lo2 = r.lo.mul(r.lo).sub(m);
            const hi2 = r.hi.mul(r.hi).sub(m);
            return lo2.s * hi2.s < 0n || lo2.n === 0n || hi2.n === 0n;
          });
          expect(ok).toBe(true);
          const fine = r.refine(new Fraction(1, 10 ** 6));
          expect(fine.width().compare(new Fraction(1, 10 ** 6))).toBeLessThanOrEqual(0);
          expect(p.signAt(fine.lo) * p.signAt(fine.hi)).toBeLessThan(0);
        }
        // sorted strictly
        for (let k = 1; k < roots.length; k++) expect(roots[k - 1]!.hi.compare(roots[k]!.lo)).toBeLessThanOrEqual(0);
        expect(countRoots(p, -40, 40)).toBe(roots.length - (p.signAt(-40) === 0 ? 1 : 0));
      }),
      RUNS,
    );
  });
  it("√2: bracket of width ≤ 10^-30 with lo² < 2 < hi²; compare with rationals exactly", () => {
    const [, r] = isolateRoots(Poly.of([-2, 0, 1]), -2, 2, new Fraction(1n, 10n ** 30n));
    expect(r!.isRational()).toBe(false);
    expect(r!.lo.mul(r!.lo).compare(2)).toBe(-1);
    expect(r!.hi.mul(r!.hi).compare(2)).toBe(1);
    expect(r!.compare(q("1.41421356"))).toBe(1);
    expect(r!.compare(q("1.41421357"))).toBe(-1);
  });
  it("detects a rational root inside a bracket (fromBracket), and rejects a non-isolating bracket", () => {
    // 6x^2 − x − 1 = (3x+1)(2x−1): root 1/2 inside (0, 1)
    const a = AlgebraicReal.fromBracket(Poly.of([-1, -1, 6]), 0, 1);
    expect(a.isRational() && a.lo.equals(new Fraction(1, 2))).toBe(true);
    expect(code(() => AlgebraicReal.fromBracket(Poly.of([-1, -1, 6]), -1, 1))).toBe("bad-bracket");
  });
  it("root at an interval endpoint and at a bisection midpoint are found exactly", () => {
    const p = Poly.root(0).mul(Poly.root(1)).mul(Poly.root(2)).mul(Poly.of([-3, 0, 1]));
    const roots = isolateRoots(p, 0, 2);
    expect(roots.map((r) => (r.isRational() ? r.lo.toFraction() : "irr"))).toEqual(["0", "1", "irr", "2"]);
  });
  it("signIntervals and signAtAlgebraic: x^2 − 2 on [0, 2]", () => {
    const ivs = signIntervals(Poly.of([-2, 0, 1]), 0, 2);
    expect(ivs.map((i) => i.sign)).toEqual([-1, 1]);
    const s2 = ivs[0]!.to;
    expect(signAtAlgebraic(Poly.of([-2, 0, 1]), s2)).toBe(0);
    expect(signAtAlgebraic(Poly.x.sub(Poly.constant("1.4142")), s2)).toBe(1);
    // (x^2 − 2)(x − 3) at √2: exactly 0 (gcd test), not just "small"
    expect(CertifiedReal.polyAt(Poly.of([-2, 0, 1]).mul(Poly.root(3)), s2).sign()).toBe(0);
  });
});

describe("certified values", () => {
  it("evalInterval encloses the value at every rational point of the interval", () => {
    fc.assert(
      fc.property(poly(), rat(), rat(), fc.integer({ min: 0, max: 10 }), (p, a, b, t) => {
        const [lo, hi] = evalInterval(p, a, b);
        const x = a.add(b.sub(a).mul(new Fraction(t, 10)));
        const v = p.eval(x);
        expect(lo.compare(v) <= 0 && v.compare(hi) <= 0).toBe(true);
      }),
      RUNS,
    );
  });
  it("∫_0^2 max(0, x^2 − 2) = [x^3/3 − 2x]_{√2}^2 = 8/3 − 4 + 4√2/3: bracket checked against (3v + 4)^2 = 32", () => {
    const v = integratePositivePart(Poly.of([-2, 0, 1]), 0, 2).refine(new Fraction(1n, 10n ** 20n));
    expect(v.isExact()).toBe(false);
    // v = −4/3 + 4√2/3 ⇔ 3v + 4 = 4√2 ⇔ (3v + 4)^2 = 32 (with 3v + 4 > 0)
    const f = (x: Q) => x.mul(3).add(4).pow(2).compare(32);
    expect(f(v.lo)).toBe(-1);
    expect(f(v.hi)).toBe(1);
  });
  it("positive part with rational roots is exact and equals the piecewise integral", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 3 }), (rs) => {
        let p = Poly.constant(-1);
        for (const r of rs) p = p.mul(Poly.root(new Fraction(r, 2)));
        const exact = integratePositivePart(p, -4, 4);
        expect(exact.isExact()).toBe(true);
        const pp = Piecewise.single(p, -4, 4).positivePart();
        expect(pp.integrate().equals(exact.exact!)).toBe(true);
        // and it is at least ∫ p and at least 0
        expect(exact.exact!.compare(p.integrate(-4, 4)) >= 0 && exact.exact!.s >= 0n).toBe(true);
      }),
      RUNS,
    );
  });
  it("positivePart refuses an irrational breakpoint with a MechcheckError", () => {
    expect(code(() => Piecewise.single(Poly.of([-2, 0, 1]), 0, 2).positivePart())).toBe("irrational-breakpoint");
  });
});

describe("piecewise polynomials and convolution", () => {
  it("uniform[0,1] * uniform[0,1] is the triangle density: t on [0,1], 2 − t on [1,2]", () => {
    const u = Piecewise.single(Poly.one, 0, 1);
    const t = convolve(u, u);
    expect(t.eval(new Fraction(1, 2)).equals(new Fraction(1, 2))).toBe(true);
    expect(t.eval(new Fraction(3, 2)).equals(new Fraction(1, 2))).toBe(true);
    expect(t.eval(1).equals(1)).toBe(true);
  });
  it("convolution: total mass multiplies and first moments add (random piecewise polynomials)", () => {
    const pw = fc
      .tuple(rat(5, 4), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), poly(2), poly(2))
      .map(([a, w1, w2, p1, p2]) => new Piecewise([a, a.add(w1), a.add(w1 + w2)], [p1, p2]));
    fc.assert(
      fc.property(pw, pw, (f, g) => {
        const h = convolve(f, g);
        const m = (x: Piecewise) => x.integrate();
        const m1 = (x: Piecewise) => x.mulPoly(Poly.x).integrate();
        expect(m(h).equals(m(f).mul(m(g)))).toBe(true);
        expect(m1(h).equals(m1(f).mul(m(g)).add(m(f).mul(m1(g))))).toBe(true);
      }),
      FEW,
    );
  });
  it("antiderivative is continuous at breakpoints and integrates to the same total", () => {
    const f = new Piecewise([0, 1, 3], [Poly.of([1, 2]), Poly.of([5, -1, 1])]);
    const F = f.antiderivative();
    expect(F.pieces[0]!.eval(1).equals(F.pieces[1]!.eval(1))).toBe(true);
    expect(F.eval(3).equals(f.integrate())).toBe(true);
    expect(f.integrate().equals(Poly.of([1, 2]).integrate(0, 1).add(Poly.of([5, -1, 1]).integrate(1, 3)))).toBe(true);
  });
  it("rejects bad breakpoints naming the field", () => {
    expect(code(() => new Piecewise([0, 0], [Poly.one], "cdf"))).toBe("bad-piecewise");
    expect(code(() => new Piecewise([0, 1, 2], [Poly.one], "cdf"))).toBe("bad-piecewise");
  });
  it("RationalFunction reduces by the gcd and evaluates removable singularities by the limit", () => {
    const r = new RationalFunction(Poly.of([0, 0, 1]), Poly.of([0, 2])); // x^2 / 2x = x/2
    expect(r.asPolynomial()!.equals(Poly.of([0, "1/2"]))).toBe(true);
    expect(r.eval(0).equals(0)).toBe(true);
    expect(code(() => new RationalFunction(Poly.one, Poly.x).eval(0))).toBe("pole");
  });
});

describe("signIntervals regression", () => {
  it("handles a rational endpoint touching the next root's bracket ((x/2 + x²/2)² − 5/8 on [0, 1])", () => {
    // p(0) = −5/8 < 0, p(1) = 1 − 5/8 > 0, p increasing on [0, 1]: one root, sign −1 then +1.
    const half = Poly.of([0, "1/2", "1/2"]);
    const p = half.mul(half).sub(Poly.constant("5/8"));
    expect(signIntervals(p, 0, 1).map((iv) => iv.sign)).toEqual([-1, 1]);
  });
});
