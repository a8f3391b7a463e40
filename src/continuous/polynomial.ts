/**
 * Exact univariate polynomials with rational coefficients, exact real-root isolation (Sturm
 * sequences + bisection with rational endpoints), certified brackets for algebraic numbers and
 * for values computed from them, and piecewise polynomials on rational breakpoints.
 *
 * This is the arithmetic under the catalogue's exact continuous models: distributions with
 * polynomial CDFs on intervals ([BernardMD3, *Incentive Compatibility Constraints*, Thm 7.6]; [Mishra2020,
 * *Dissolving a partnership*]; [BrooksMaxmin2023, *Generalized revenue equivalence*]). Integrals of
 * polynomials with rational coefficients over rational limits are rational; roots are algebraic
 * and get a certified bracket (`AlgebraicReal`), exact when rational. Floats never decide.
 */
import Fraction from "fraction.js";
import { InternalError, MechcheckError } from "../errors.ts";
import { ONE, ZERO, q, qstr, sign, type Q, type QInput } from "../exact/rational.ts";
import { bgcd, rat, ratToQ } from "../exact/fastRational.ts";

const TWO = new Fraction(2);

/** A polynomial Σ c_k x^k with exact rational coefficients (ascending; no trailing zeros). */
export class Poly {
  readonly c: readonly Q[];

  private constructor(c: readonly Q[]) {
    this.c = c;
  }

  /** From ascending coefficients c_0, c_1, …; `where` names the field in errors. */
  static of(coeffs: readonly QInput[], where = "coefficients"): Poly {
    return Poly.fromQ(coeffs.map((x, k) => q(x, `${where}[${k}]`)));
  }
  /** From ascending exact coefficients c_0, c_1, … (trailing zeros dropped). */
  static fromQ(coeffs: readonly Q[]): Poly {
    let n = coeffs.length;
    while (n > 0 && coeffs[n - 1]!.n === 0n) n--;
    return new Poly(coeffs.slice(0, n));
  }
  /** The constant polynomial with value x. */
  static constant(x: QInput): Poly {
    return Poly.fromQ([q(x)]);
  }
  static readonly zero: Poly = new Poly([]);
  static readonly one: Poly = new Poly([ONE]);
  /** The identity polynomial x. */
  static readonly x: Poly = new Poly([ZERO, ONE]);
  /** a + b·x. */
  static linear(a: QInput, b: QInput): Poly {
    return Poly.fromQ([q(a), q(b)]);
  }
  /** (x − r). */
  static root(r: QInput): Poly {
    return Poly.fromQ([q(r).neg(), ONE]);
  }

  /** Degree; −1 for the zero polynomial. */
  get degree(): number {
    return this.c.length - 1;
  }
  /** Whether this is the zero polynomial. */
  isZero(): boolean {
    return this.c.length === 0;
  }
  /** Leading coefficient (0 for the zero polynomial). */
  lead(): Q {
    return this.c.length === 0 ? ZERO : this.c[this.c.length - 1]!;
  }
  /** The coefficient of x^k (0 beyond the degree). */
  coeff(k: number): Q {
    return this.c[k] ?? ZERO;
  }
  /** Whether the degree is at most 0. */
  isConstant(): boolean {
    return this.c.length <= 1;
  }

  /** The sum this + o, exact. */
  add(o: Poly): Poly {
    const n = Math.max(this.c.length, o.c.length);
    const r: Q[] = [];
    for (let k = 0; k < n; k++) r.push(this.coeff(k).add(o.coeff(k)));
    return Poly.fromQ(r);
  }
  /** The difference this − o, exact. */
  sub(o: Poly): Poly {
    return this.add(o.neg());
  }
  /** The negation −this. */
  neg(): Poly {
    return new Poly(this.c.map((x) => x.neg()));
  }
  /** The product s·this by a rational s. */
  scale(s: QInput): Poly {
    const f = q(s, "scale");
    return Poly.fromQ(this.c.map((x) => x.mul(f)));
  }
  /** The product this·o, exact. */
  mul(o: Poly): Poly {
    if (this.isZero() || o.isZero()) return Poly.zero;
    // On integer numerators over one common denominator per factor: a bigint convolution, then one
    // reduction per coefficient (no gcd per term, as the rational products and sums would need).
    const [a, da] = integerCoefficients(this.c);
    const [b, db] = integerCoefficients(o.c);
    const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
    for (let i = 0; i < a.length; i++) {
      const ai = a[i]!;
      if (ai === 0n) continue;
      for (let j = 0; j < b.length; j++) r[i + j]! += ai * b[j]!;
    }
    const d = da * db;
    return Poly.fromQ(r.map((x) => ratToQ(rat(x, d))));
  }
  /** p^k for an integer k ≥ 0. */
  pow(k: number): Poly {
    if (!Number.isSafeInteger(k) || k < 0) throw new MechcheckError("bad-exponent", `exponent: ${k} is not a non-negative integer`, { path: "exponent", value: k });
    let result: Poly = Poly.one;
    let base: Poly = this;
    let e = k;
    while (e > 0) {
      if (e & 1) result = result.mul(base);
      base = base.mul(base);
      e >>= 1;
    }
    return result;
  }
  /**
   * p(inner(x)) by Horner, on integers: with c_k = C_k/D and inner = I/E (one common denominator
   * each), r = R/(D·E^e) after e steps and R ← R·I + C_k·E^(e+1); one reduction per coefficient at
   * the end instead of a gcd per term of every step.
   */
  compose(inner: Poly): Poly {
    if (this.isZero()) return Poly.zero;
    if (inner.isZero()) return Poly.fromQ([this.c[0]!]);
    const [C, D] = integerCoefficients(this.c);
    const [I, E] = integerCoefficients(inner.c);
    let R: bigint[] = [C[C.length - 1]!];
    let Ep = 1n; // E^e
    for (let k = C.length - 2; k >= 0; k--) {
      const next = new Array<bigint>(R.length + I.length - 1).fill(0n);
      for (let i = 0; i < R.length; i++) {
        const ri = R[i]!;
        if (ri === 0n) continue;
        for (let j = 0; j < I.length; j++) next[i + j]! += ri * I[j]!;
      }
      Ep *= E;
      next[0]! += C[k]! * Ep;
      R = next;
    }
    const den = D * Ep;
    return Poly.fromQ(R.map((x) => ratToQ(rat(x, den))));
  }
  /** The derivative p′. */
  derivative(): Poly {
    return Poly.fromQ(this.c.slice(1).map((x, k) => x.mul(k + 1)));
  }
  /** The antiderivative with zero constant term. */
  antiderivative(): Poly {
    return Poly.fromQ([ZERO, ...this.c.map((x, k) => x.div(k + 1))]);
  }
  /** ∫_a^b p(x) dx, exactly. */
  integrate(a: QInput, b: QInput): Q {
    const P = this.antiderivative();
    return P.eval(q(b, "b")).sub(P.eval(q(a, "a")));
  }
  /**
   * p(x) by Horner, exactly, on integers: with c_k = C_k/D and x = a/b, r = R/(D·b^e) after e steps
   * and R ← R·a + C_k·b^(e+1); one reduction at the end.
   */
  eval(x: QInput): Q {
    const v = q(x, "x");
    if (this.c.length === 0) return ZERO;
    const [C, D] = integerCoefficients(this.c);
    const a = v.s < 0n ? -v.n : v.n;
    const b = v.d;
    let R = C[C.length - 1]!;
    let bp = 1n; // b^e
    for (let k = C.length - 2; k >= 0; k--) {
      bp *= b;
      R = R * a + C[k]! * bp;
    }
    return ratToQ(rat(R, D * bp));
  }
  /** Sign of p(x) at a rational x. */
  signAt(x: QInput): -1 | 0 | 1 {
    return sign(this.eval(x));
  }
  /** Whether two polynomials have the same coefficients (exact). */
  equals(o: Poly): boolean {
    return this.c.length === o.c.length && this.c.every((x, k) => x.equals(o.c[k]!));
  }
  /** Euclidean division: this = quot·d + rem, deg rem < deg d. */
  divmod(d: Poly): { quot: Poly; rem: Poly } {
    if (d.isZero()) throw new MechcheckError("division-by-zero", "polynomial division by the zero polynomial", { path: "divisor" });
    const r = [...this.c];
    const dq = d.degree;
    const ld = d.lead();
    if (r.length - 1 < dq) return { quot: Poly.zero, rem: this };
    const qt: Q[] = Array.from({ length: r.length - dq }, () => ZERO);
    for (let k = r.length - 1; k >= dq; k--) {
      const coef = r[k]!.div(ld);
      if (coef.n === 0n) continue;
      qt[k - dq] = coef;
      for (let j = 0; j <= dq; j++) r[k - dq + j] = r[k - dq + j]!.sub(coef.mul(d.c[j]!));
    }
    return { quot: Poly.fromQ(qt), rem: Poly.fromQ(r.slice(0, dq)) };
  }
  /** Exact quotient; throws if d does not divide this. */
  divExact(d: Poly, where = "polynomial"): Poly {
    const { quot, rem } = this.divmod(d);
    if (!rem.isZero()) throw new MechcheckError("not-divisible", `${where}: ${d.toString()} does not divide ${this.toString()}`, { path: where });
    return quot;
  }
  /** Monic version (zero stays zero). */
  monic(): Poly {
    return this.isZero() ? this : this.scale(ONE.div(this.lead()));
  }
  /** Monic greatest common divisor. */
  static gcd(a: Poly, b: Poly): Poly {
    let x = a;
    let y = b;
    while (!y.isZero()) {
      const r = x.divmod(y).rem;
      x = y;
      y = r.monic();
    }
    return x.monic();
  }
  /** The squarefree part p / gcd(p, p′) (monic): same distinct roots, all simple. */
  squarefree(): Poly {
    if (this.degree <= 0) return this.monic();
    return this.divExact(Poly.gcd(this, this.derivative())).monic();
  }
  /**
   * Scale to a primitive integer polynomial with positive leading coefficient (same roots).
   * Returns the integer coefficients.
   */
  primitiveInteger(): bigint[] {
    if (this.isZero()) return [];
    let l = 1n;
    for (const x of this.c) l = lcm(l, x.d);
    const ints = this.c.map((x) => (x.s < 0n ? -x.n : x.n) * (l / x.d));
    let g = 0n;
    for (const v of ints) g = gcdBig(g, v < 0n ? -v : v);
    const s = ints[ints.length - 1]! < 0n ? -1n : 1n;
    return ints.map((v) => (v / g) * s);
  }
  /** The polynomial in the variable `v`, highest degree first, with exact coefficients. */
  toString(v = "x"): string {
    if (this.isZero()) return "0";
    const parts: string[] = [];
    for (let k = this.c.length - 1; k >= 0; k--) {
      const a = this.c[k]!;
      if (a.n === 0n) continue;
      const neg = a.s < 0n;
      const abs = a.abs();
      const mono = k === 0 ? "" : k === 1 ? v : `${v}^${k}`;
      const coef = k === 0 ? qstr(abs) : abs.equals(ONE) ? "" : `${qstr(abs)}*`;
      const term = `${coef}${mono}`;
      parts.push(parts.length === 0 ? (neg ? `-${term}` : term) : `${neg ? " - " : " + "}${term}`);
    }
    return parts.join("");
  }
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function lcm(a: bigint, b: bigint): bigint {
  return (a / gcdBig(a, b)) * b;
}

// ————————————————————————————————————————————————————————————— Sturm sequences and roots

/** Sturm sequence p, p′, −rem(p, p′), … of p. */
function sturmSequence(p: Poly): Poly[] {
  const seq: Poly[] = [p, p.derivative()];
  while (!seq[seq.length - 1]!.isZero()) {
    const r = seq[seq.length - 2]!.divmod(seq[seq.length - 1]!).rem.neg();
    seq.push(r);
  }
  seq.pop();
  return seq;
}

function signVariations(seq: readonly Poly[], x: Q): number {
  let last = 0;
  let v = 0;
  for (const s of seq) {
    const sg = s.signAt(x);
    if (sg === 0) continue;
    if (last !== 0 && sg !== last) v++;
    last = sg;
  }
  return v;
}

/**
 * Number of distinct real roots of p in the half-open interval (a, b] (a < b), exactly.
 * Sturm's theorem on the squarefree part (for squarefree p, V(a) − V(b) counts roots in (a, b]
 * even when a or b is a root: at a simple root r, V(r) equals the right limit V(r+)).
 */
export function countRoots(p: Poly, a: QInput, b: QInput): number {
  const lo = q(a, "a");
  const hi = q(b, "b");
  if (p.isZero()) throw new MechcheckError("zero-polynomial", "countRoots: the zero polynomial has infinitely many roots", { path: "p" });
  if (lo.compare(hi) >= 0) return 0;
  const seq = sturmSequence(p.squarefree());
  return signVariations(seq, lo) - signVariations(seq, hi);
}

/**
 * A real algebraic number: the unique root of the squarefree polynomial `poly` in a certified
 * bracket. Either `lo = hi` (the root is that rational) or lo < hi, poly(lo)·poly(hi) < 0 and
 * poly has exactly one root in (lo, hi). Rational roots are always detected and returned exactly.
 */
export class AlgebraicReal {
  readonly poly: Poly;
  readonly lo: Q;
  readonly hi: Q;

  private constructor(poly: Poly, lo: Q, hi: Q) {
    this.poly = poly;
    this.lo = lo;
    this.hi = hi;
  }

  /** A rational number as an algebraic number (the root of x − v, with a zero-width bracket). */
  static rational(x: QInput): AlgebraicReal {
    const v = q(x);
    return new AlgebraicReal(Poly.root(v), v, v);
  }

  /**
   * The unique root of p in (lo, hi), which the caller asserts exists; checked exactly
   * (opposite strict signs at the endpoints and a Sturm count of 1). Detects rational roots.
   */
  static fromBracket(p: Poly, lo: QInput, hi: QInput): AlgebraicReal {
    const sf = p.squarefree();
    const l = q(lo, "lo");
    const h = q(hi, "hi");
    if (l.equals(h)) {
      if (sf.signAt(l) !== 0) throw new MechcheckError("not-a-root", `bracket: ${qstr(l)} is not a root of ${p.toString()}`, { path: "lo", value: qstr(l) });
      return AlgebraicReal.rational(l);
    }
    const sl = sf.signAt(l);
    const sh = sf.signAt(h);
    if (l.compare(h) > 0 || sl === 0 || sh === 0 || sl === sh || countRoots(sf, l, h) !== 1) {
      throw new MechcheckError("bad-bracket", `bracket [${qstr(l)}, ${qstr(h)}] does not isolate exactly one simple root of ${p.toString()} with nonzero endpoint signs`, { path: "bracket", value: [qstr(l), qstr(h)] });
    }
    return new AlgebraicReal(sf, l, h).detectRational();
  }

  /** Whether the number is known to be rational (its bracket has width 0). */
  isRational(): boolean {
    return this.lo.equals(this.hi);
  }
  /** The exact value when rational, else undefined. */
  rationalValue(): Q | undefined {
    return this.isRational() ? this.lo : undefined;
  }
  /** The width hi − lo of the isolating bracket. */
  width(): Q {
    return this.hi.sub(this.lo);
  }

  /** A bracket of width ≤ tol (same root), by exact bisection. */
  refine(tol: QInput): AlgebraicReal {
    const t = q(tol, "tolerance");
    if (sign(t) <= 0) throw new MechcheckError("bad-tolerance", `tolerance: ${qstr(t)} must be positive`, { path: "tolerance", value: qstr(t) });
    let lo = this.lo;
    let hi = this.hi;
    if (lo.equals(hi)) return this;
    const slo = this.poly.signAt(lo);
    while (hi.sub(lo).compare(t) > 0) {
      const m = lo.add(hi).div(TWO);
      const sm = this.poly.signAt(m);
      if (sm === 0) return AlgebraicReal.rational(m);
      if (sm === slo) lo = m;
      else hi = m;
    }
    return new AlgebraicReal(this.poly, lo, hi);
  }

  /**
   * Exactly detect a rational root: if poly = Σ a_k x^k is primitive integer, every rational root
   * has denominator dividing a_n, so it lies on the grid (1/a_n)ℤ. Refine below 1/|a_n| and test
   * the (at most two) grid points in the bracket.
   */
  private detectRational(): AlgebraicReal {
    if (this.isRational()) return this;
    const ints = this.poly.primitiveInteger();
    const an = ints[ints.length - 1]!;
    const step = new Fraction(1n, an);
    const r = this.refine(step.div(TWO));
    if (r.isRational()) return r;
    const k = r.lo.mul(an).floor();
    for (const cand of [k, k.add(1)]) {
      const x = cand.div(new Fraction(an));
      if (x.compare(r.lo) > 0 && x.compare(r.hi) < 0 && this.poly.signAt(x) === 0) return AlgebraicReal.rational(x);
    }
    return r;
  }

  /** Exact comparison with a rational. */
  compare(x: QInput): -1 | 0 | 1 {
    const v = q(x);
    if (this.isRational()) return this.lo.compare(v) as -1 | 0 | 1;
    if (v.compare(this.lo) <= 0) return 1;
    if (v.compare(this.hi) >= 0) return -1;
    // lo < v < hi: the root is irrational, so it differs from v; decide by the sign at v
    const sv = this.poly.signAt(v);
    const slo = this.poly.signAt(this.lo);
    return sv === slo ? 1 : -1; // same sign as at lo ⇒ the root is to the right of v
  }

  /** A midpoint for display; never for a verdict. */
  toString(): string {
    return this.isRational() ? qstr(this.lo) : `root of ${this.poly.toString()} in (${qstr(this.lo)}, ${qstr(this.hi)})`;
  }

  /** Internal: construct without checks (used by root isolation, which has verified them). */
  static unchecked(poly: Poly, lo: Q, hi: Q): AlgebraicReal {
    return new AlgebraicReal(poly, lo, hi).detectRational();
  }
}

/**
 * All distinct real roots of p in the closed interval [a, b], sorted, each as an exact rational
 * or an isolating bracket of width ≤ tol (default: no refinement beyond isolation).
 */
export function isolateRoots(p: Poly, a: QInput, b: QInput, tol?: QInput): AlgebraicReal[] {
  const lo0 = q(a, "a");
  const hi0 = q(b, "b");
  if (p.isZero()) throw new MechcheckError("zero-polynomial", "isolateRoots: the zero polynomial vanishes everywhere", { path: "p" });
  if (lo0.compare(hi0) > 0) throw new MechcheckError("bad-interval", `interval [${qstr(lo0)}, ${qstr(hi0)}] is empty`, { path: "interval", value: [qstr(lo0), qstr(hi0)] });
  const sf = p.squarefree();
  if (sf.degree <= 0) return [];
  const seq = sturmSequence(sf);
  const out: AlgebraicReal[] = [];
  const isRoot = (x: Q): number => (sf.signAt(x) === 0 ? 1 : 0);
  if (isRoot(lo0)) out.push(AlgebraicReal.rational(lo0));
  if (lo0.compare(hi0) < 0 && isRoot(hi0)) out.push(AlgebraicReal.rational(hi0));
  // work items: open intervals (lo, hi) with their root count V(lo) − V(hi) − [hi is a root]
  const work: [Q, Q, number][] = [];
  if (lo0.compare(hi0) < 0) {
    const n0 = signVariations(seq, lo0) - signVariations(seq, hi0) - isRoot(hi0);
    if (n0 > 0) work.push([lo0, hi0, n0]);
  }
  while (work.length > 0) {
    const [lo, hi, n] = work.pop()!;
    if (n === 1 && !isRoot(lo) && !isRoot(hi)) {
      out.push(AlgebraicReal.unchecked(sf, lo, hi));
      continue;
    }
    const m = lo.add(hi).div(TWO);
    const rm = isRoot(m);
    if (rm) out.push(AlgebraicReal.rational(m));
    const vm = signVariations(seq, m);
    const left = signVariations(seq, lo) - vm - rm;
    const right = vm - signVariations(seq, hi) - isRoot(hi);
    if (left > 0) work.push([lo, m, left]);
    if (right > 0) work.push([m, hi, right]);
  }
  const uniq = out.sort((x, y) => cmpAlg(x, y));
  return tol === undefined ? uniq : uniq.map((r) => r.refine(tol));
}

function cmpAlg(x: AlgebraicReal, y: AlgebraicReal): number {
  // isolating brackets of distinct roots are disjoint or nested-with-a-rational; compare lo then hi
  if (x.isRational() && y.isRational()) return x.lo.compare(y.lo);
  if (x.isRational()) return x.lo.compare(y.lo) <= 0 ? -1 : x.lo.compare(y.hi) >= 0 ? 1 : -y.compare(x.lo);
  if (y.isRational()) return -cmpAlg(y, x);
  return x.lo.compare(y.lo);
}

// ————————————————————————————————————————————————————————————— certified real values

/**
 * A certified enclosure lo ≤ value ≤ hi of a real number, exact when `exact` is set
 * (then lo = hi = exact). `refine(tol)` returns an enclosure of width ≤ tol of the same number.
 */
export class CertifiedReal {
  readonly lo: Q;
  readonly hi: Q;
  readonly exact: Q | undefined;
  private readonly refiner: (tol: Q) => CertifiedReal;
  /** Exact zero test when available (e.g. g(α) for an algebraic α); undefined if not decidable here. */
  private readonly zeroTest: (() => boolean) | undefined;

  private constructor(lo: Q, hi: Q, exact: Q | undefined, refiner: (tol: Q) => CertifiedReal, zeroTest?: () => boolean) {
    this.lo = lo;
    this.hi = hi;
    this.exact = exact;
    this.refiner = refiner;
    this.zeroTest = zeroTest;
  }

  /** The rational x as a certified real (exact, zero width). */
  static exactValue(x: QInput): CertifiedReal {
    const v = q(x);
    const self: CertifiedReal = new CertifiedReal(v, v, v, () => self, () => v.n === 0n);
    return self;
  }

  /** The value g(α) of a polynomial at an algebraic number, enclosed by a Taylor bound on α's bracket. */
  static polyAt(g: Poly, alpha: AlgebraicReal): CertifiedReal {
    const r = alpha.rationalValue();
    if (r !== undefined) return CertifiedReal.exactValue(g.eval(r));
    const make = (a: AlgebraicReal): CertifiedReal => {
      const [lo, hi] = evalInterval(g, a.lo, a.hi);
      return new CertifiedReal(
        lo,
        hi,
        undefined,
        (tol) => {
          let b = a;
          let cur = make(b);
          while (cur.hi.sub(cur.lo).compare(tol) > 0) {
            b = b.refine(b.width().div(4));
            if (b.isRational()) return CertifiedReal.exactValue(g.eval(b.lo));
            cur = make(b);
          }
          return cur;
        },
        // g(α) = 0 ⇔ α is a root of gcd(g, poly(α)), i.e. that gcd has a root in α's bracket
        () => {
          if (g.isZero()) return true;
          const h = Poly.gcd(g, a.poly);
          return h.degree >= 1 && countRoots(h, a.lo, a.hi) === 1;
        },
      );
    };
    return make(alpha);
  }

  /** Whether the exact value is known. */
  isExact(): boolean {
    return this.exact !== undefined;
  }
  /** The width hi − lo of the enclosure. */
  width(): Q {
    return this.hi.sub(this.lo);
  }
  /** An enclosure of width ≤ tol of the same number; a tolerance ≤ 0 is a MechcheckError "bad-tolerance". */
  refine(tol: QInput): CertifiedReal {
    const t = q(tol, "tolerance");
    if (sign(t) <= 0) throw new MechcheckError("bad-tolerance", `tolerance: ${qstr(t)} must be positive`, { path: "tolerance", value: qstr(t) });
    if (this.exact !== undefined || this.width().compare(t) <= 0) return this;
    return this.refiner(t);
  }

  /** The sum, certified (exact when both are). */
  add(o: CertifiedReal): CertifiedReal {
    if (this.exact !== undefined && o.exact !== undefined) return CertifiedReal.exactValue(this.exact.add(o.exact));
    const self = this;
    return new CertifiedReal(this.lo.add(o.lo), this.hi.add(o.hi), undefined, (tol) => self.refine(tol.div(2)).add(o.refine(tol.div(2))));
  }
  /** The sum with a rational, certified. */
  addQ(x: QInput): CertifiedReal {
    return this.add(CertifiedReal.exactValue(x));
  }
  /** The negation, certified. */
  neg(): CertifiedReal {
    if (this.exact !== undefined) return CertifiedReal.exactValue(this.exact.neg());
    const self = this;
    const zt = this.zeroTest;
    return new CertifiedReal(this.hi.neg(), this.lo.neg(), undefined, (tol) => self.refine(tol).neg(), zt);
  }
  /** The difference, certified. */
  sub(o: CertifiedReal): CertifiedReal {
    return this.add(o.neg());
  }
  /** The product by a rational, certified. */
  scale(s: QInput): CertifiedReal {
    const f = q(s, "scale");
    if (this.exact !== undefined) return CertifiedReal.exactValue(this.exact.mul(f));
    if (f.n === 0n) return CertifiedReal.exactValue(ZERO);
    const self = this;
    const [lo, hi] = sign(f) > 0 ? [this.lo.mul(f), this.hi.mul(f)] : [this.hi.mul(f), this.lo.mul(f)];
    return new CertifiedReal(lo, hi, undefined, (tol) => self.refine(tol.div(f.abs())).scale(f), this.zeroTest);
  }

  /**
   * The exact sign: from the enclosure once it excludes 0 (refining up to `maxRefinements`
   * halvings), or from an exact zero test when one is available. Returns undefined only if the
   * number cannot be separated from 0 within the budget and no exact zero test exists.
   */
  sign(maxRefinements = 200): -1 | 0 | 1 | undefined {
    if (this.exact !== undefined) return sign(this.exact);
    if (this.zeroTest && this.zeroTest()) return 0;
    let cur: CertifiedReal = this;
    for (let k = 0; k <= maxRefinements; k++) {
      if (cur.exact !== undefined) return sign(cur.exact);
      if (sign(cur.lo) > 0) return 1;
      if (sign(cur.hi) < 0) return -1;
      cur = cur.refine(cur.width().div(2));
    }
    return undefined;
  }

  /** The exact value, or the enclosure "[lo, hi]", for display. */
  toString(): string {
    return this.exact !== undefined ? qstr(this.exact) : `[${qstr(this.lo)}, ${qstr(this.hi)}]`;
  }
}

/**
 * A rational enclosure [lo, hi] ⊇ {g(x) : x ∈ [a, b]}: expand g around the midpoint m,
 * g(m + t) = Σ d_k t^k, and bound |Σ_{k≥1} d_k t^k| ≤ Σ |d_k| r^k for |t| ≤ r = (b − a)/2.
 */
export function evalInterval(g: Poly, a: QInput, b: QInput): [Q, Q] {
  const lo = q(a, "a");
  const hi = q(b, "b");
  const m = lo.add(hi).div(TWO);
  const r = hi.sub(lo).abs().div(TWO);
  const shifted = g.compose(Poly.linear(m, 1));
  let bound = ZERO;
  let rk = ONE;
  for (let k = 1; k < shifted.c.length; k++) {
    rk = rk.mul(r);
    bound = bound.add(shifted.c[k]!.abs().mul(rk));
  }
  const center = shifted.coeff(0);
  return [center.sub(bound), center.add(bound)];
}

/** Sign of p at an algebraic number, exactly. */
export function signAtAlgebraic(p: Poly, alpha: AlgebraicReal): -1 | 0 | 1 {
  const s = CertifiedReal.polyAt(p, alpha).sign(10_000);
  if (s === undefined) throw new InternalError("signAtAlgebraic: could not separate from zero (cannot happen for a nonzero value)");
  return s;
}

/** A maximal open sub-interval of [a, b] between consecutive roots of p, with p's constant sign there. */
export interface SignInterval {
  from: AlgebraicReal;
  to: AlgebraicReal;
  sign: -1 | 0 | 1;
}

/**
 * The sign pattern of p on [a, b]: the open intervals between consecutive distinct roots (and
 * the endpoints), each with the (constant) sign of p there, decided at an exact rational point.
 */
export function signIntervals(p: Poly, a: QInput, b: QInput): SignInterval[] {
  const lo = q(a, "a");
  const hi = q(b, "b");
  if (lo.compare(hi) >= 0) throw new MechcheckError("bad-interval", `interval [${qstr(lo)}, ${qstr(hi)}] has no interior`, { path: "interval", value: [qstr(lo), qstr(hi)] });
  if (p.isZero()) return [{ from: AlgebraicReal.rational(lo), to: AlgebraicReal.rational(hi), sign: 0 }];
  const roots = isolateRoots(p, lo, hi);
  const pts: AlgebraicReal[] = [];
  if (!(roots[0] && roots[0].isRational() && roots[0].lo.equals(lo))) pts.push(AlgebraicReal.rational(lo));
  pts.push(...roots);
  const last = roots[roots.length - 1];
  if (!(last && last.isRational() && last.lo.equals(hi))) pts.push(AlgebraicReal.rational(hi));
  const out: SignInterval[] = [];
  for (let k = 0; k + 1 < pts.length; k++) {
    const x = pts[k]!;
    const y = pts[k + 1]!;
    // a rational strictly between x and y: refine until brackets separate, take the midpoint of the gap
    let xr = x;
    let yr = y;
    while (xr.hi.compare(yr.lo) >= 0) {
      // An exact (rational) point has width 0 and needs no refining; refine only the brackets.
      if (xr.width().n !== 0n) xr = xr.refine(xr.width().div(2));
      if (yr.width().n !== 0n) yr = yr.refine(yr.width().div(2));
    }
    const mid = xr.hi.add(yr.lo).div(TWO);
    out.push({ from: x, to: y, sign: p.signAt(mid) });
  }
  return out;
}

/**
 * ∫_a^b max(0, p(x)) dx: exact when every root of p in (a, b) is rational, else a certified
 * enclosure (the integral of p over each positive sign interval, ends bracketed).
 */
export function integratePositivePart(p: Poly, a: QInput, b: QInput): CertifiedReal {
  const lo = q(a, "a");
  const hi = q(b, "b");
  if (lo.compare(hi) === 0) return CertifiedReal.exactValue(ZERO);
  const P = p.antiderivative();
  let acc = CertifiedReal.exactValue(ZERO);
  for (const iv of signIntervals(p, lo, hi)) {
    if (iv.sign <= 0) continue;
    acc = acc.add(CertifiedReal.polyAt(P, iv.to)).sub(CertifiedReal.polyAt(P, iv.from));
  }
  return acc;
}

// ————————————————————————————————————————————————————————————— piecewise polynomials

/**
 * A piecewise polynomial on rational breakpoints x_0 < x_1 < … < x_m: piece k applies on
 * [x_k, x_{k+1}] (at an interior breakpoint the right piece is used). Outside [x_0, x_m] the
 * function is 0 for arithmetic (add, mul, integrate); distributions handle their own tails.
 */
export class Piecewise {
  readonly breaks: readonly Q[];
  readonly pieces: readonly Poly[];

  constructor(breaks: readonly QInput[], pieces: readonly Poly[], where = "piecewise") {
    const bs = breaks.map((b, k) => q(b, `${where}.breaks[${k}]`));
    if (bs.length < 2) throw new MechcheckError("bad-piecewise", `${where}: needs at least two breakpoints, got ${bs.length}`, { path: `${where}.breaks`, value: bs.length });
    if (pieces.length !== bs.length - 1) throw new MechcheckError("bad-piecewise", `${where}: ${bs.length} breakpoints need ${bs.length - 1} pieces, got ${pieces.length}`, { path: `${where}.pieces`, value: pieces.length });
    for (let k = 0; k + 1 < bs.length; k++) {
      if (bs[k]!.compare(bs[k + 1]!) >= 0) throw new MechcheckError("bad-piecewise", `${where}: breakpoints must increase strictly; breaks[${k}] = ${qstr(bs[k]!)} ≥ breaks[${k + 1}] = ${qstr(bs[k + 1]!)}`, { path: `${where}.breaks[${k + 1}]`, value: qstr(bs[k + 1]!) });
    }
    this.breaks = bs;
    this.pieces = pieces;
  }

  /** One polynomial on [a, b]. */
  static single(p: Poly, a: QInput, b: QInput): Piecewise {
    return new Piecewise([a, b], [p]);
  }
  get lo(): Q {
    return this.breaks[0]!;
  }
  get hi(): Q {
    return this.breaks[this.breaks.length - 1]!;
  }
  /** Index of the piece used at x (right piece at interior breakpoints), or −1 outside [lo, hi]. */
  pieceIndex(x: Q): number {
    if (x.compare(this.lo) < 0 || x.compare(this.hi) > 0) return -1;
    for (let k = this.pieces.length - 1; k >= 0; k--) if (x.compare(this.breaks[k]!) >= 0) return k;
    return 0;
  }
  /** Value at x; 0 outside [lo, hi]. */
  eval(x: QInput): Q {
    const v = q(x, "x");
    const k = this.pieceIndex(v);
    return k < 0 ? ZERO : this.pieces[k]!.eval(v);
  }
  /** Left limit at x (piece to the left of x). */
  evalLeft(x: QInput): Q {
    const v = q(x, "x");
    if (v.compare(this.lo) <= 0 || v.compare(this.hi) > 0) return ZERO;
    for (let k = this.pieces.length - 1; k >= 0; k--) if (v.compare(this.breaks[k]!) > 0) return this.pieces[k]!.eval(v);
    return ZERO;
  }
  /** Apply f to every piece, keeping the breakpoints. */
  map(f: (p: Poly, k: number) => Poly): Piecewise {
    return new Piecewise(this.breaks, this.pieces.map(f));
  }
  /** Re-express on a finer breakpoint list (must contain [lo, hi]'s breakpoints, may extend with zero pieces). */
  refineTo(breaks: readonly Q[]): Piecewise {
    const pieces: Poly[] = [];
    for (let k = 0; k + 1 < breaks.length; k++) {
      const mid = breaks[k]!.add(breaks[k + 1]!).div(TWO);
      const idx = mid.compare(this.lo) < 0 || mid.compare(this.hi) > 0 ? -1 : this.pieceIndex(mid);
      pieces.push(idx < 0 ? Poly.zero : this.pieces[idx]!);
    }
    return new Piecewise(breaks, pieces);
  }
  private static merged(a: Piecewise, b: Piecewise): Q[] {
    const all = [...a.breaks, ...b.breaks].sort((x, y) => x.compare(y));
    const out: Q[] = [];
    for (const x of all) if (out.length === 0 || !out[out.length - 1]!.equals(x)) out.push(x);
    return out;
  }
  /** Pointwise op on the union of the domains (zero extension). */
  private zip(o: Piecewise, f: (x: Poly, y: Poly) => Poly): Piecewise {
    const bs = Piecewise.merged(this, o);
    const a = this.refineTo(bs);
    const b = o.refineTo(bs);
    return new Piecewise(bs, a.pieces.map((p, k) => f(p, b.pieces[k]!)));
  }
  /** The pointwise sum on the union of the domains (zero outside each), exact. */
  add(o: Piecewise): Piecewise {
    return this.zip(o, (x, y) => x.add(y));
  }
  /** The pointwise difference on the union of the domains (zero outside each), exact. */
  sub(o: Piecewise): Piecewise {
    return this.zip(o, (x, y) => x.sub(y));
  }
  /** The pointwise product on the union of the domains (zero outside each), exact. */
  mul(o: Piecewise): Piecewise {
    return this.zip(o, (x, y) => x.mul(y));
  }
  /** The product by a rational. */
  scale(s: QInput): Piecewise {
    const f = q(s, "scale");
    return this.map((p) => p.scale(f));
  }
  /** Every piece multiplied by the polynomial p. */
  mulPoly(p: Poly): Piecewise {
    return this.map((x) => x.mul(p));
  }
  /** Apply an outer polynomial to each piece: outer(this(x)). */
  composeOuter(outer: Poly): Piecewise {
    return this.map((p) => outer.compose(p));
  }
  /** The derivative, piece by piece. */
  derivative(): Piecewise {
    return this.map((p) => p.derivative());
  }
  /** The continuous antiderivative x ↦ ∫_{lo}^x this. */
  antiderivative(): Piecewise {
    let acc = ZERO;
    const pieces: Poly[] = [];
    for (let k = 0; k < this.pieces.length; k++) {
      const P = this.pieces[k]!.antiderivative();
      const a = this.breaks[k]!;
      pieces.push(P.sub(Poly.constant(P.eval(a))).add(Poly.constant(acc)));
      acc = acc.add(this.pieces[k]!.integrate(a, this.breaks[k + 1]!));
    }
    return new Piecewise(this.breaks, pieces);
  }
  /** ∫_a^b of the function (zero outside its domain), exactly; a, b default to the domain. */
  integrate(a?: QInput, b?: QInput): Q {
    const lo = a === undefined ? this.lo : q(a, "a");
    const hi = b === undefined ? this.hi : q(b, "b");
    if (lo.compare(hi) > 0) return this.integrate(hi, lo).neg();
    let s = ZERO;
    for (let k = 0; k < this.pieces.length; k++) {
      const x = this.breaks[k]!.compare(lo) > 0 ? this.breaks[k]! : lo;
      const y = this.breaks[k + 1]!.compare(hi) < 0 ? this.breaks[k + 1]! : hi;
      if (x.compare(y) < 0) s = s.add(this.pieces[k]!.integrate(x, y));
    }
    return s;
  }
  /** ∫ max(0, ·) over the domain: exact when all sign changes are rational, else certified. */
  integratePositivePart(): CertifiedReal {
    let acc = CertifiedReal.exactValue(ZERO);
    for (let k = 0; k < this.pieces.length; k++) acc = acc.add(integratePositivePart(this.pieces[k]!, this.breaks[k]!, this.breaks[k + 1]!));
    return acc;
  }
  /** max(0, ·) as a piecewise polynomial; requires every sign change to be at a rational point. */
  positivePart(): Piecewise {
    const bs: Q[] = [this.lo];
    const ps: Poly[] = [];
    for (let k = 0; k < this.pieces.length; k++) {
      const p = this.pieces[k]!;
      for (const iv of signIntervals(p, this.breaks[k]!, this.breaks[k + 1]!)) {
        const to = iv.to.rationalValue();
        if (to === undefined) {
          throw new MechcheckError("irrational-breakpoint", `positivePart: piece ${k} (${p.toString()}) changes sign at an irrational point ${iv.to.toString()}; use integratePositivePart for a certified value`, { path: `pieces[${k}]`, value: p.toString() });
        }
        bs.push(to);
        ps.push(iv.sign > 0 ? p : Poly.zero);
      }
    }
    return new Piecewise(bs, ps);
  }
  /** The pieces as "[a, b]: polynomial", for display. */
  toString(v = "x"): string {
    return this.pieces.map((p, k) => `[${qstr(this.breaks[k]!)}, ${qstr(this.breaks[k + 1]!)}]: ${p.toString(v)}`).join("; ");
  }
}

/**
 * Convolution (f * g)(t) = ∫ f(x) g(t − x) dx of two piecewise polynomials (zero outside their
 * domains), exactly, as a piecewise polynomial in t: the density of X + Y for independent X ~ f,
 * Y ~ g. For pieces p on [a1, b1] and r on [a2, b2]: r(t − x) = Σ_m c_m(t) x^m with
 * c_m(t) = (−1)^m Σ_{j≥m} r_j C(j, m) t^{j−m}, and the x-integral runs over
 * [max(a1, t − b2), min(b1, t − a2)] — linear in t between the breakpoints a_i + b_j.
 */
export function convolve(f: Piecewise, g: Piecewise): Piecewise {
  let acc: Piecewise | undefined;
  for (let i = 0; i < f.pieces.length; i++) {
    for (let j = 0; j < g.pieces.length; j++) {
      const part = convolvePieces(f.pieces[i]!, f.breaks[i]!, f.breaks[i + 1]!, g.pieces[j]!, g.breaks[j]!, g.breaks[j + 1]!);
      acc = acc === undefined ? part : acc.add(part);
    }
  }
  return acc!;
}

function binom(n: number, k: number): Q {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return new Fraction(r);
}

function convolvePieces(p: Poly, a1: Q, b1: Q, r: Poly, a2: Q, b2: Q): Piecewise {
  const T = Poly.x;
  // c_m(t) and R_m(x) = ∫ x^m p(x) dx
  const terms: { cm: Poly; Rm: Poly }[] = [];
  for (let m = 0; m < r.c.length; m++) {
    let cm = Poly.zero;
    for (let j = m; j < r.c.length; j++) cm = cm.add(T.pow(j - m).scale(r.c[j]!.mul(binom(j, m))));
    if (m % 2 === 1) cm = cm.neg();
    terms.push({ cm, Rm: Poly.x.pow(m).mul(p).antiderivative() });
  }
  const pts = [a1.add(a2), a1.add(b2), b1.add(a2), b1.add(b2)].sort((x, y) => x.compare(y));
  const bs: Q[] = [];
  for (const x of pts) if (bs.length === 0 || !bs[bs.length - 1]!.equals(x)) bs.push(x);
  const pieces: Poly[] = [];
  for (let k = 0; k + 1 < bs.length; k++) {
    const mid = bs[k]!.add(bs[k + 1]!).div(TWO);
    const L = mid.sub(b2).compare(a1) > 0 ? Poly.linear(b2.neg(), 1) : Poly.constant(a1);
    const U = mid.sub(a2).compare(b1) < 0 ? Poly.linear(a2.neg(), 1) : Poly.constant(b1);
    let s = Poly.zero;
    for (const { cm, Rm } of terms) s = s.add(cm.mul(Rm.compose(U).sub(Rm.compose(L))));
    pieces.push(s);
  }
  return new Piecewise(bs, pieces);
}

/** A rational function num/den (den not identically zero). */
export class RationalFunction {
  readonly num: Poly;
  readonly den: Poly;
  constructor(num: Poly, den: Poly) {
    if (den.isZero()) throw new MechcheckError("division-by-zero", "rational function with zero denominator", { path: "den" });
    this.num = num;
    this.den = den;
  }
  /** Cancel the gcd and make the denominator monic. */
  reduce(): RationalFunction {
    const g = Poly.gcd(this.num, this.den);
    const n = g.isZero() || g.degree <= 0 ? this.num : this.num.divExact(g);
    const d = g.isZero() || g.degree <= 0 ? this.den : this.den.divExact(g);
    const l = d.lead();
    return new RationalFunction(n.scale(ONE.div(l)), d.scale(ONE.div(l)));
  }
  /** The polynomial equal to this function, if the (reduced) denominator is constant. */
  asPolynomial(): Poly | undefined {
    const r = this.reduce();
    return r.den.degree === 0 ? r.num.scale(ONE.div(r.den.lead())) : undefined;
  }
  /** Value at x; where den(x) = 0 the limit of the reduced form is used (error if it has a pole). */
  eval(x: QInput): Q {
    const v = q(x, "x");
    const d = this.den.eval(v);
    if (d.n !== 0n) return this.num.eval(v).div(d);
    const r = this.reduce();
    const d2 = r.den.eval(v);
    if (d2.n === 0n) throw new MechcheckError("pole", `rational function ${this.toString()} has a pole at ${qstr(v)}`, { path: "x", value: qstr(v) });
    return r.num.eval(v).div(d2);
  }
  /**
   * The rational function as "(numerator) / (denominator)" in the variable `v` (the numerator alone
   * when the denominator is 1).
   */
  toString(v = "x"): string {
    return this.den.degree === 0 && this.den.lead().equals(ONE) ? this.num.toString(v) : `(${this.num.toString(v)}) / (${this.den.toString(v)})`;
  }
}

/** Coefficients c as integers A over one common denominator L (c_k = A_k / L, L > 0 the lcm of the denominators). */
function integerCoefficients(c: readonly Q[]): [bigint[], bigint] {
  let l = 1n;
  for (const x of c) if (x.n !== 0n && x.d !== 1n) l = (l / bgcd(l, x.d)) * x.d;
  return [c.map((x) => (x.s < 0n ? -x.n : x.n) * (l / x.d)), l];
}
