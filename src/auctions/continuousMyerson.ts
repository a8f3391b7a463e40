/**
 * Myerson's optimal auction and Bulow–Klemperer on the continuum, exactly, for n i.i.d. bidders
 * with a (single-piece) polynomial CDF F on [lo, hi] ([Myerson1981, §6]; [BulowKlemperer1996, Thm 1]).
 *
 * Two independent computations of the second-price auction with reserve r, as polynomials in r:
 *   from the payments  R(r) = r · n F(r)^{n−1} (1 − F(r)) + ∫_r^hi x g₍₂₎(x) dx
 *                      (a lone bidder above r pays r; otherwise the winner pays v₍₂₎ ≥ r;
 *                      g₍₂₎ the density of the second-highest of n draws);
 *   from virtual values V(r) = ∫_r^hi n F^{n−1}(v) K(v) dv, K = φ·f = v f − (1 − F)
 *                      (the expected virtual value of the winner, sold only above r).
 * `R ≡ V` is checked as a polynomial identity. With p = n F^{n−1} K, R′ = V′ = −p, so the
 * reserve r* maximizes R on [lo, hi] iff p ≤ 0 on (lo, r*) and p ≥ 0 on (r*, hi): decided exactly
 * from the sign intervals of p (exact root isolation), each open interval placed left or right of
 * r* at a rational interior point (r* is a root of K or an end of [lo, hi], so no interval
 * straddles it). Under that sign pattern ∫ max(p, 0) = V(r*), i.e. R(r*) = E[max(φ(v₍₁₎), 0)]
 * = E[max(max_i φ(v_i), 0)] (φ non-decreasing). r* is algebraic: V(r*) is a certified bracket, and
 * sign questions about it are decided exactly (`signAtAlgebraic`).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { AlgebraicReal, CertifiedReal, Poly, signAtAlgebraic, signIntervals, type SignInterval } from "../continuous/polynomial.ts";

function single(F: Distribution): { cdf: Poly; pdf: Poly; lo: Q; hi: Q } {
  if (F.cdf.pieces.length !== 1) throw new MechcheckError("bad-cdf", `${F.name}: a single-piece polynomial CDF is needed here (got ${F.cdf.pieces.length} pieces)`, { path: "distribution", value: F.name });
  return { cdf: F.cdf.pieces[0]!, pdf: F.pdf.pieces[0]!, lo: F.lo, hi: F.hi };
}

function checkN(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new MechcheckError("bad-count", `n: ${n} bidders; need an integer ≥ 1`, { path: "n", value: n });
}

/** R(r): expected revenue of the second-price auction with reserve r, from the payments (polynomial in r, r ∈ [lo, hi]). */
export function secondPriceReserveRevenue(F: Distribution, n: number): Poly {
  checkN(n);
  const { cdf, hi } = single(F);
  const lone = Poly.x.mul(cdf.pow(n - 1)).mul(Poly.one.sub(cdf)).scale(n);
  if (n === 1) return lone; // no runner-up: the lone bidder pays r when v ≥ r
  const g2 = F.orderStatisticDensity(n, 2).pieces[0]!;
  const H2 = Poly.x.mul(g2).antiderivative();
  return lone.add(Poly.constant(H2.eval(hi))).sub(H2);
}

/** p = n F^{n−1} K with K = v f − (1 − F): the density of the winner's virtual value (the integrand). */
export function winnerVirtualDensity(F: Distribution, n: number, numerator?: Poly): Poly {
  checkN(n);
  const { cdf, pdf } = single(F);
  const K = numerator ?? Poly.x.mul(pdf).sub(Poly.one.sub(cdf));
  return cdf.pow(n - 1).scale(n).mul(K);
}

/** V(r) = ∫_r^hi p: the expected virtual value of the winner when selling only above r (polynomial in r). */
export function virtualSurplusAbove(F: Distribution, n: number, numerator?: Poly): Poly {
  const H = winnerVirtualDensity(F, n, numerator).antiderivative();
  return Poly.constant(H.eval(F.hi)).sub(H);
}

/** A rational strictly inside the open interval between two distinct algebraic numbers x < y. */
function pointBetween(x: AlgebraicReal, y: AlgebraicReal): Q {
  let xr = x;
  let yr = y;
  while (xr.hi.compare(yr.lo) >= 0) {
    if (xr.width().n !== 0n) xr = xr.refine(xr.width().div(2));
    if (yr.width().n !== 0n) yr = yr.refine(yr.width().div(2));
  }
  return xr.hi.add(yr.lo).div(2);
}

/**
 * Whether a reserve r maximizes the second-price revenue R on [lo, hi] (p ≤ 0 left of r and p ≥ 0
 * right of it, decided exactly from p's sign intervals; [Myerson1981, §6]), with the sign intervals
 * and the first one that breaks the pattern.
 */
export interface ReserveOptimality {
  /** Whether p ≤ 0 left of r and p ≥ 0 right of r (R is maximal at r). */
  readonly optimal: boolean;
  /** The sign intervals of p, each with a rational interior point and its side of r. */
  readonly intervals: readonly { from: string; to: string; at: string; sign: number; side: "left" | "right" }[];
  /** The first interval with the wrong sign, if any. */
  readonly bad?: { from: string; to: string; sign: number; side: "left" | "right" };
  /** Set when r is neither a root of p nor an end of [lo, hi] (R′(r) ≠ 0 at an interior point). */
  readonly notCritical?: true;
}

/** Decide exactly whether R′ = −p changes sign only at r from ≥ 0 to ≤ 0 (r a root of p or an end of [lo, hi]). */
export function reserveOptimality(p: Poly, lo: Q, hi: Q, r: AlgebraicReal, intervals: readonly SignInterval[] = signIntervals(p, lo, hi)): ReserveOptimality {
  const out: { from: string; to: string; at: string; sign: number; side: "left" | "right" }[] = [];
  // r must be a root of p or an end of [lo, hi]: then it is an end of the sign intervals, never inside one
  // (a reserve inside an interval where p ≠ 0 is not a critical point of R)
  if (r.compare(lo) < 0 || r.compare(hi) > 0) throw new MechcheckError("out-of-support", `reserve ${r.toString()} is outside [${qstr(lo)}, ${qstr(hi)}]`, { path: "reserve", value: r.toString() });
  if (r.compare(lo) !== 0 && r.compare(hi) !== 0 && signAtAlgebraic(p, r) !== 0) {
    return { optimal: false, intervals: out, notCritical: true };
  }
  let bad: ReserveOptimality["bad"];
  for (const iv of intervals) {
    const m = pointBetween(iv.from, iv.to);
    const side = r.compare(m) < 0 ? "right" : "left";
    if (r.compare(m) === 0) throw new InternalError(`reserve ${r.toString()} inside a sign interval of p at ${qstr(m)}`);
    const rec = { from: iv.from.toString(), to: iv.to.toString(), at: qstr(m), sign: iv.sign, side } as const;
    out.push(rec);
    if (!bad && ((side === "left" && iv.sign > 0) || (side === "right" && iv.sign < 0))) bad = { from: rec.from, to: rec.to, sign: rec.sign, side };
  }
  return { optimal: bad === undefined, intervals: out, ...(bad ? { bad } : {}) };
}

/**
 * Myerson's optimal auction on the continuum for iid bidders with a polynomial CDF ([Myerson1981,
 * §6]): the identity R ≡ V of revenue from payments and from virtual values, the optimal reserve
 * (algebraic), and the certified optimum.
 */
export interface MyersonContinuousResult {
  /** R ≡ V as polynomials in the reserve. */
  readonly identity: boolean;
  readonly revenuePoly: Poly;
  readonly virtualPoly: Poly;
  readonly reserve: AlgebraicReal;
  readonly optimality: ReserveOptimality;
  /** R(r*) (= V(r*) when the identity holds), certified. */
  readonly optimum: CertifiedReal;
  /** ∫ max(p, 0), computed separately by integrating p over its positive sign intervals. */
  readonly positivePart: CertifiedReal;
}

/** Myerson's optimum for n i.i.d. regular bidders as the second-price auction with reserve r (default r* = φ⁻¹(0)). */
export function myersonContinuous(F: Distribution, n: number, opts: { reserve?: AlgebraicReal; numerator?: Poly } = {}): MyersonContinuousResult {
  const { lo, hi } = single(F);
  const revenuePoly = secondPriceReserveRevenue(F, n);
  const virtualPoly = virtualSurplusAbove(F, n, opts.numerator);
  const reserve = opts.reserve ?? F.virtualValueRoot();
  const p = winnerVirtualDensity(F, n, opts.numerator);
  const ivs = signIntervals(p, lo, hi);
  const optimality = reserveOptimality(p, lo, hi, reserve, ivs);
  // ∫ max(p, 0): the antiderivative of p over its positive sign intervals (as integratePositivePart, sharing the intervals)
  const P = p.antiderivative();
  let positivePart = CertifiedReal.exactValue(0);
  for (const iv of ivs) if (iv.sign > 0) positivePart = positivePart.add(CertifiedReal.polyAt(P, iv.to)).sub(CertifiedReal.polyAt(P, iv.from));
  return {
    identity: revenuePoly.equals(virtualPoly),
    revenuePoly,
    virtualPoly,
    reserve,
    optimality,
    optimum: CertifiedReal.polyAt(revenuePoly, reserve),
    positivePart,
  };
}

/** Whether two certified reals' enclosures overlap after refining both to width ≤ tol (a necessary condition for equality). */
export function enclosuresOverlap(a: CertifiedReal, b: CertifiedReal, tol: Q): boolean {
  const x = a.refine(tol);
  const y = b.refine(tol);
  return x.lo.compare(y.hi) <= 0 && y.lo.compare(x.hi) <= 0;
}

/**
 * [BulowKlemperer1996, Thm 1] on the continuum: the second-price revenue with n + k bidders (exact,
 * computed twice), Myerson's optimum with n (certified bracket) and the exact sign of their
 * difference.
 */
export interface BulowKlempererContinuous {
  /** E[v₍₂₎] of n + k draws (second-price revenue without reserve), exact. */
  readonly secondPrice: Q;
  /** The second-price revenue R_{n+k}(lo) from the payments polynomial (must equal `secondPrice`). */
  readonly secondPriceFromPayments: Q;
  /** V_n(r*) = Myerson's optimum with n bidders, certified. */
  readonly optimum: CertifiedReal;
  readonly reserve: AlgebraicReal;
  /** The exact sign of secondPrice − optimum. */
  readonly sign: -1 | 0 | 1;
}

/** Second price with n + extra bidders (no reserve) against Myerson's optimum with n; the sign of the difference decided exactly. */
export function bulowKlempererContinuous(F: Distribution, n: number, extra = 1): BulowKlempererContinuous {
  checkN(n);
  const m = n + extra;
  checkN(m);
  const secondPrice = m >= 2 ? F.expectedOrderStatistic(m, 2) : F.lo;
  const secondPriceFromPayments = secondPriceReserveRevenue(F, m).eval(F.lo);
  const reserve = F.virtualValueRoot();
  const V = virtualSurplusAbove(F, n);
  // secondPrice − V(r*) = (secondPrice − V)(r*): a polynomial at an algebraic number, sign decided exactly
  const sign = signAtAlgebraic(Poly.constant(secondPrice).sub(V), reserve);
  return { secondPrice, secondPriceFromPayments, optimum: CertifiedReal.polyAt(V, reserve), reserve, sign };
}

/** 2^−12: the enclosure tolerance of the overlap cross-check. */
export const OVERLAP_TOLERANCE: Q = q(1).div(q(2 ** 12));
