/**
 * Exact distributions on an interval [lo, hi] with a (piecewise-)polynomial CDF with rational
 * coefficients: uniform(a, b), power(k) (F(x) = x^k on [0, 1]), a general polynomial CDF, or a
 * piecewise-polynomial CDF on rational breakpoints. Validated exactly: F continuous, F(lo) = 0,
 * F(hi) = 1, and f = F′ ≥ 0 on every piece (checked by exact root isolation of f).
 *
 * Moments, order statistics, virtual values φ(v) = v − (1 − F(v))/f(v) ([BernardMD3, *Incentive
 * Compatibility Constraints*]: ψ_i; [BrooksMaxmin2023, *Generalized revenue equivalence*]), regularity and the
 * expected virtual surplus E[max(0, max_i φ(v_i))] (Myerson's optimal revenue for iid regular
 * bidders) are computed exactly, or as certified brackets where an algebraic number enters.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, ZERO, q, qstr, type Q, type QInput } from "../exact/rational.ts";
import { AlgebraicReal, CertifiedReal, Piecewise, Poly, RationalFunction, signIntervals, type SignInterval } from "./polynomial.ts";

function binom(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

function checkCount(n: number, where: string, min = 1): void {
  if (!Number.isSafeInteger(n) || n < min) throw new MechcheckError("bad-count", `${where}: ${n} is not an integer ≥ ${min}`, { path: where, value: n });
}

/** The virtual value on one piece of the support: φ = num/den with num = x·f − (1 − F), den = f. */
export interface VirtualValuePiece {
  from: Q;
  to: Q;
  phi: RationalFunction;
}

/** Result of the exact regularity check (φ non-decreasing on the support). */
export interface Regularity {
  regular: boolean;
  /** When not regular: where φ decreases (an open interval inside a piece, or a breakpoint jump). */
  violation?: { piece: number; interval?: SignInterval; breakpoint?: Q; message: string };
}

/**
 * An exact distribution on an interval with a (piecewise-)polynomial CDF with rational
 * coefficients, validated exactly (continuous, from 0 to 1, nonnegative density); moments, order
 * statistics and virtual values ([BernardMD3, *Incentive Compatibility Constraints*]) are exact or
 * certified brackets.
 */
export class Distribution {
  readonly name: string;
  /** The CDF on [lo, hi] (0 below, 1 above). */
  readonly cdf: Piecewise;
  /** The density f = F′ on [lo, hi]. */
  readonly pdf: Piecewise;

  private constructor(name: string, cdf: Piecewise) {
    this.name = name;
    this.cdf = cdf;
    this.pdf = cdf.derivative();
  }

  get lo(): Q {
    return this.cdf.lo;
  }
  get hi(): Q {
    return this.cdf.hi;
  }

  /** Uniform on [a, b], a < b: F(x) = (x − a)/(b − a). */
  static uniform(a: QInput, b: QInput): Distribution {
    const lo = q(a, "uniform.a");
    const hi = q(b, "uniform.b");
    if (lo.compare(hi) >= 0) throw new MechcheckError("bad-interval", `uniform: need a < b, got a = ${qstr(lo)}, b = ${qstr(hi)}`, { path: "uniform.b", value: qstr(hi) });
    const w = hi.sub(lo);
    return Distribution.fromCdf(Piecewise.single(Poly.fromQ([lo.neg().div(w), ONE.div(w)]), lo, hi), `uniform(${qstr(lo)}, ${qstr(hi)})`);
  }

  /** F(x) = x^k on [0, 1], k ≥ 1 an integer. */
  static power(k: number): Distribution {
    checkCount(k, "power.k");
    return Distribution.fromCdf(Piecewise.single(Poly.x.pow(k), 0, 1), `power(${k})`);
  }

  /** F(x) = Σ c_k x^k on [a, b] (ascending coefficients), validated. */
  static polynomial(coeffs: readonly QInput[], a: QInput, b: QInput): Distribution {
    const F = Poly.of(coeffs, "cdf.coefficients");
    return Distribution.fromCdf(Piecewise.single(F, q(a, "cdf.a"), q(b, "cdf.b")), `cdf ${F.toString()} on [${qstr(q(a))}, ${qstr(q(b))}]`);
  }

  /** A piecewise-polynomial CDF: breaks x_0 < … < x_m and ascending coefficients of each piece. */
  static piecewise(breaks: readonly QInput[], pieces: readonly (readonly QInput[])[]): Distribution {
    const ps = pieces.map((c, k) => Poly.of(c, `cdf.pieces[${k}]`));
    const pw = new Piecewise(breaks, ps, "cdf");
    return Distribution.fromCdf(pw, `piecewise cdf ${pw.toString()}`);
  }

  /** Validate and wrap a piecewise CDF. */
  static fromCdf(cdf: Piecewise, name = "distribution"): Distribution {
    const lo = cdf.lo;
    const hi = cdf.hi;
    const F0 = cdf.pieces[0]!.eval(lo);
    if (!F0.equals(ZERO)) throw new MechcheckError("bad-cdf", `${name}: F(${qstr(lo)}) = ${qstr(F0)}, must be 0`, { path: "cdf", value: qstr(F0) });
    const F1 = cdf.pieces[cdf.pieces.length - 1]!.eval(hi);
    if (!F1.equals(ONE)) throw new MechcheckError("bad-cdf", `${name}: F(${qstr(hi)}) = ${qstr(F1)}, must be 1`, { path: "cdf", value: qstr(F1) });
    for (let k = 1; k < cdf.pieces.length; k++) {
      const x = cdf.breaks[k]!;
      const l = cdf.pieces[k - 1]!.eval(x);
      const r = cdf.pieces[k]!.eval(x);
      if (!l.equals(r)) throw new MechcheckError("bad-cdf", `${name}: F jumps at ${qstr(x)} (left ${qstr(l)}, right ${qstr(r)}); atoms are not supported`, { path: `cdf.pieces[${k}]`, value: qstr(x) });
    }
    for (let k = 0; k < cdf.pieces.length; k++) {
      const f = cdf.pieces[k]!.derivative();
      const a = cdf.breaks[k]!;
      const b = cdf.breaks[k + 1]!;
      if (f.isZero()) throw new MechcheckError("bad-cdf", `${name}: density vanishes identically on [${qstr(a)}, ${qstr(b)}]; support gaps are not supported`, { path: `cdf.pieces[${k}]`, value: [qstr(a), qstr(b)] });
      for (const iv of signIntervals(f, a, b)) {
        if (iv.sign < 0) {
          throw new MechcheckError("negative-density", `${name}: density f = ${f.toString()} is negative on (${iv.from.toString()}, ${iv.to.toString()}) ⊆ [${qstr(a)}, ${qstr(b)}]`, { path: `cdf.pieces[${k}]`, value: [iv.from.toString(), iv.to.toString()] });
        }
      }
    }
    return new Distribution(name, cdf);
  }

  /** F(x), with F = 0 below lo and 1 above hi. */
  cdfAt(x: QInput): Q {
    const v = q(x, "x");
    if (v.compare(this.lo) <= 0) return ZERO;
    if (v.compare(this.hi) >= 0) return ONE;
    return this.cdf.eval(v);
  }
  /** f(x) (right piece at breakpoints), 0 outside [lo, hi]. */
  pdfAt(x: QInput): Q {
    return this.pdf.eval(x);
  }
  /** The CDF on [L, U] ⊇ [lo, hi], extended by 0 below lo and 1 above hi, as a piecewise polynomial. */
  extendedCdf(L: QInput, U: QInput): Piecewise {
    const l = q(L, "L");
    const u = q(U, "U");
    if (l.compare(this.lo) > 0 || u.compare(this.hi) < 0) throw new MechcheckError("bad-interval", `extendedCdf: [${qstr(l)}, ${qstr(u)}] must contain [${qstr(this.lo)}, ${qstr(this.hi)}]`, { path: "interval" });
    const bs: Q[] = [];
    const ps: Poly[] = [];
    if (l.compare(this.lo) < 0) {
      bs.push(l);
      ps.push(Poly.zero);
    }
    bs.push(...this.cdf.breaks);
    ps.push(...this.cdf.pieces);
    if (u.compare(this.hi) > 0) {
      bs.push(u);
      ps.push(Poly.one);
    }
    return new Piecewise(bs, ps);
  }

  /** E[g(X)] for a polynomial g: ∫ g f exactly. */
  expect(g: Poly): Q {
    return this.pdf.mulPoly(g).integrate();
  }
  /** E[X] = ∫ x f(x) dx. */
  mean(): Q {
    return this.expect(Poly.x);
  }

  /**
   * CDF of the k-th highest of n iid draws: P(X_(k) ≤ x) = Σ_{j<k} C(n, j) F^{n−j} (1 − F)^j
   * (at most k − 1 draws exceed x). k = 1 is the maximum, F^n.
   */
  orderStatisticCdf(n: number, k: number): Piecewise {
    checkCount(n, "n");
    checkCount(k, "k");
    if (k > n) throw new MechcheckError("bad-count", `k: ${k} exceeds n = ${n}`, { path: "k", value: k });
    const y = Poly.x;
    let outer = Poly.zero;
    for (let j = 0; j < k; j++) outer = outer.add(y.pow(n - j).mul(Poly.one.sub(y).pow(j)).scale(binom(n, j)));
    return this.cdf.composeOuter(outer);
  }
  /** Density of the k-th highest of n iid draws. */
  orderStatisticDensity(n: number, k: number): Piecewise {
    return this.orderStatisticCdf(n, k).derivative();
  }
  /** E[X_(k)] of n iid draws, via the CDF: lo + ∫_lo^hi (1 − G_k(x)) dx. */
  expectedOrderStatistic(n: number, k: number): Q {
    const G = this.orderStatisticCdf(n, k);
    return this.lo.add(this.hi.sub(this.lo)).sub(G.integrate());
  }

  /** K = φ·f = x f − (1 − F), a piecewise polynomial (the numerator of φ). */
  virtualValueNumerator(): Piecewise {
    return this.cdf.map((F, k) => Poly.x.mul(this.pdf.pieces[k]!).sub(Poly.one.sub(F)));
  }
  /** φ(v) = v − (1 − F(v))/f(v) on each piece, as num/den. */
  virtualValue(): VirtualValuePiece[] {
    const K = this.virtualValueNumerator();
    return K.pieces.map((num, k) => ({ from: this.cdf.breaks[k]!, to: this.cdf.breaks[k + 1]!, phi: new RationalFunction(num, this.pdf.pieces[k]!) }));
  }
  /** φ(v) at a rational v with f(v) > 0 (right piece at breakpoints). */
  virtualValueAt(v: QInput): Q {
    const x = q(v, "v");
    const f = this.pdfAt(x);
    if (x.compare(this.lo) < 0 || x.compare(this.hi) > 0 || f.n === 0n) throw new MechcheckError("zero-density", `virtualValueAt: f(${qstr(x)}) = 0 or outside the support; φ is undefined there`, { path: "v", value: qstr(x) });
    return x.sub(ONE.sub(this.cdfAt(x)).div(f));
  }

  /**
   * Exact regularity check. On each piece φ′ = [2f² + (1 − F) f′] / f², so φ is non-decreasing
   * there iff N = 2f² + (1 − F) f′ ≥ 0 (root isolation of N). At an interior breakpoint with
   * F < 1, φ(x−) ≤ φ(x+) iff f(x+) ≥ f(x−) (F is continuous).
   */
  regularity(): Regularity {
    const { breaks, pieces } = this.cdf;
    for (let k = 0; k < pieces.length; k++) {
      const F = pieces[k]!;
      const f = this.pdf.pieces[k]!;
      const N = f.mul(f).scale(2).add(Poly.one.sub(F).mul(f.derivative()));
      for (const iv of signIntervals(N, breaks[k]!, breaks[k + 1]!)) {
        if (iv.sign < 0) return { regular: false, violation: { piece: k, interval: iv, message: `φ decreases on (${iv.from.toString()}, ${iv.to.toString()}): 2f² + (1 − F)f′ = ${N.toString()} < 0 there` } };
      }
      if (k > 0) {
        const x = breaks[k]!;
        const fl = this.pdf.pieces[k - 1]!.eval(x);
        const fr = f.eval(x);
        if (F.eval(x).compare(ONE) < 0 && fr.compare(fl) < 0) {
          return { regular: false, violation: { piece: k, breakpoint: x, message: `φ jumps down at ${qstr(x)}: density drops from ${qstr(fl)} to ${qstr(fr)}` } };
        }
      }
    }
    return { regular: true };
  }

  /**
   * v* = inf{v : φ(v) ≥ 0} for a regular distribution (lo if φ ≥ 0 throughout, hi if φ < 0
   * throughout): the largest sign change of K = φ·f from negative to non-negative, exact when
   * rational, else a certified bracket. Throws for an irregular distribution.
   */
  virtualValueRoot(): AlgebraicReal {
    const reg = this.regularity();
    if (!reg.regular) throw new MechcheckError("irregular", `${this.name}: not regular (${reg.violation!.message}); ironing is needed`, { path: "distribution", value: this.name });
    const K = this.virtualValueNumerator();
    const ivs: SignInterval[] = [];
    for (let k = 0; k < K.pieces.length; k++) ivs.push(...signIntervals(K.pieces[k]!, K.breaks[k]!, K.breaks[k + 1]!));
    let j = ivs.length;
    while (j > 0 && ivs[j - 1]!.sign >= 0) j--;
    if (j === ivs.length) return AlgebraicReal.rational(this.hi);
    return j === 0 ? AlgebraicReal.rational(this.lo) : ivs[j]!.from;
  }

  /**
   * E[max(0, max_i φ(v_i))] for n iid bidders with φ non-decreasing: the virtual surplus of the
   * highest bidder above v*, ∫_{v*}^{hi} φ(v) d(F^n)(v) = ∫_{v*}^{hi} n F^{n−1}(v) K(v) dv.
   * Exact when v* is rational, else a certified bracket (refine it with `.refine(tol)`).
   */
  expectedVirtualSurplus(n: number): { vStar: AlgebraicReal; value: CertifiedReal } {
    checkCount(n, "n");
    const vStar = this.virtualValueRoot();
    const K = this.virtualValueNumerator();
    const integrand = this.cdf.composeOuter(Poly.x.pow(n - 1).scale(n)).mul(K);
    const H = integrand.antiderivative();
    const top = H.pieces[H.pieces.length - 1]!.eval(this.hi);
    // the piece containing v*: by its bracket (v* is a root of one piece's K, or an endpoint)
    const r = vStar.rationalValue();
    if (r !== undefined) return { vStar, value: CertifiedReal.exactValue(top.sub(H.eval(r))) };
    let idx = 0;
    for (let k = 0; k < H.pieces.length; k++) if (vStar.compare(H.breaks[k]!) > 0) idx = k;
    return { vStar, value: CertifiedReal.polyAt(H.pieces[idx]!, vStar).neg().addQ(top) };
  }

  /** The distribution's name, for display. */
  toString(): string {
    return this.name;
  }
}
