/**
 * The CGK mechanism of [Mishra2020] (*Sufficiency direction*) and the necessity bound (*Necessary
 * direction*) in the exact continuous model: n partners, values iid F on [lo, β] with a
 * (piecewise-)polynomial CDF, shares r_i, G = F^{n−1}, g = G′. Computed here from the MECHANISM's
 * definition, independently of src/trade/continuousTrade.ts's closed form of W:
 *
 *   H(v) = ∫_lo^v x g(x) dx,    T_i(v) = c_i − H(v_i) + (1/(n−1)) Σ_{j≠i} H(v_j)    (transfer TO i)
 *   interim t_i(v_i) = c_i − H(v_i) + E[H(V)],   E[H(V)] = ∫ H f   (integrated directly)
 *
 * so the notes' claim "t_i(v_i) = c_i + W(v_i)" is the piecewise-polynomial identity
 *   Wᵈ := E[H(V)] − H = W := ∫_v^β (1 − F) x g − ∫_lo^v F x g        (eq. (2)),
 * which is also the necessity computation: the ex-ante value of the lower bound
 * ∫ (∫_{v}^{a} x g) f(v) dv = H(a) − E[H(V)] = −W(a). Interim utility U_i(v) = v G(v) + t_i(v), and
 *   U_i′ = G  (envelope: G + v g − v g)  with G non-decreasing ⇒ BIC ([Mishra2020, *IC Characterization*]),
 *   (U_i(v) − r_i v)′ = G(v) − r_i  < 0 below v*_i, ≥ 0 above ⇒ the marginal payoff is least at v*_i,
 * where it equals c_i + W(v*_i) = (1/n) Σ_j W(v*_j): interim IR ⇔ Σ_j W(v*_j) ≥ 0.
 * Also the slide's one-seller identity (1/(n−1)) Σ_i W(v*_i) = ∫ F^{n−1}(F − 1) < 0.
 */
import { type Q, type QInput, q, sign } from "../exact/rational.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { AlgebraicReal, isolateRoots, Piecewise, Poly } from "../continuous/polynomial.ts";

/**
 * The signs of p on the open intervals between its consecutive distinct roots in [a, b] (and the
 * endpoints), each decided at an exact rational point. (Like polynomial.ts `signIntervals`, but it
 * refines only irrational brackets: `signIntervals` throws "tolerance 0" when a rational endpoint
 * touches the next root's bracket, e.g. p = (x/2 + x²/2)² − 5/8 on [0, 1].)
 */
export function signsBetweenRoots(p: Poly, a: Q, b: Q): (-1 | 0 | 1)[] {
  if (p.isZero()) return [0];
  const roots = isolateRoots(p, a, b);
  const pts: AlgebraicReal[] = [];
  const isAt = (r: AlgebraicReal | undefined, x: Q) => r !== undefined && r.isRational() && r.lo.equals(x);
  if (!isAt(roots[0], a)) pts.push(AlgebraicReal.rational(a));
  pts.push(...roots);
  if (!isAt(roots[roots.length - 1], b)) pts.push(AlgebraicReal.rational(b));
  const out: (-1 | 0 | 1)[] = [];
  for (let k = 0; k + 1 < pts.length; k++) {
    let x = pts[k]!;
    let y = pts[k + 1]!;
    while (x.hi.compare(y.lo) >= 0) {
      if (!x.isRational()) x = x.refine(x.width().div(q(2)));
      if (!y.isRational()) y = y.refine(y.width().div(q(2)));
    }
    out.push(p.signAt(x.hi.add(y.lo).div(q(2))));
  }
  return out;
}

/**
 * The CGK transfers on the continuum computed from the mechanism's definition ([Mishra2020,
 * *Sufficiency direction*]): G = F^{n−1}, g = G′, H(v) = ∫ x g, E[H(V)] and the interim transfer Wᵈ
 * = E[H(V)] − H, as exact piecewise polynomials.
 */
export interface CgkTransfers {
  readonly G: Piecewise;
  readonly g: Piecewise;
  /** H(v) = ∫_lo^v x g. */
  readonly H: Piecewise;
  /** E[H(V)] = ∫ H f. */
  readonly EH: Q;
  /** Wᵈ = E[H(V)] − H: the interim transfer t_i minus c_i. */
  readonly W: Piecewise;
}

/**
 * The CGK transfers for n partners with values iid F, exact piecewise polynomials (see
 * CgkTransfers), independently of continuousTrade.ts's closed form of W.
 */
export function cgkTransfers(F: Distribution, n: number): CgkTransfers {
  const G = F.cdf.composeOuter(Poly.x.pow(n - 1));
  const g = G.derivative();
  const H = g.mulPoly(Poly.x).antiderivative();
  const EH = H.mul(F.pdf).integrate();
  const W = H.map((p) => Poly.constant(EH).sub(p));
  return { G, g, H, EH, W };
}

/** a − b is identically 0 on the union of the domains. */
export function piecewiseEqual(a: Piecewise, b: Piecewise): boolean {
  return a.sub(b).pieces.every((p) => p.isZero());
}

/** The envelope identity (v G(v) + W(v))′ = G(v), piece by piece. */
export function envelopeHolds(t: CgkTransfers): boolean {
  const U = t.G.mulPoly(Poly.x).add(t.W);
  return piecewiseEqual(U.derivative(), t.G);
}

/**
 * G − r changes sign once, from negative to non-negative (so the marginal payoff U − r v is least
 * at v* with G(v*) = r), checked by exact sign patterns of each piece; also true when r = 0 (never
 * negative) or r = 1 (never positive). Returns false if G − r is positive somewhere left of a place
 * where it is negative.
 */
export function singleCrossing(t: CgkTransfers, r: QInput): boolean {
  const share = q(r, "r");
  let seenNonNeg = false;
  for (let k = 0; k < t.G.pieces.length; k++) {
    for (const sg of signsBetweenRoots(t.G.pieces[k]!.sub(Poly.constant(share)), t.G.breaks[k]!, t.G.breaks[k + 1]!)) {
      if (sg < 0 && seenNonNeg) return false;
      if (sg > 0) seenNonNeg = true;
    }
  }
  return true;
}

/**
 * BIC against a deviation to a report v′ (rational): U(v) − [v G(v′) + t(v′)] ≥ 0 for every true
 * v ∈ [lo, β], with t = c + W (c cancels). Decided by exact sign patterns on each piece.
 */
export function noGainFromReport(t: CgkTransfers, vPrime: QInput): boolean {
  const vp = q(vPrime, "v′");
  const Gv = t.G.eval(vp);
  const Wv = t.W.eval(vp);
  const gap = t.G.mulPoly(Poly.x).add(t.W).map((p) => p.sub(Poly.linear(Wv, Gv)));
  for (let k = 0; k < gap.pieces.length; k++) {
    if (signsBetweenRoots(gap.pieces[k]!, gap.breaks[k]!, gap.breaks[k + 1]!).some((sg) => sg < 0)) return false;
  }
  return true;
}

/** The slide's one-seller value (n − 1)·∫ F^{n−1}(F − 1), integrated directly. */
export function oneSellerTotal(F: Distribution, n: number): Q {
  const Fn1 = F.cdf.composeOuter(Poly.x.pow(n - 1));
  return Fn1.mul(F.cdf.map((p) => p.sub(Poly.one))).integrate().mul(q(n - 1));
}

/** The critical type as the caller's algebraic number, checked: G(lo) ≤ r ≤ G(hi) on its bracket (exact). */
export function bracketsShare(t: CgkTransfers, vStar: AlgebraicReal, r: QInput): boolean {
  const share = q(r, "r");
  const a = t.G.eval(vStar.lo).sub(share);
  const b = t.G.eval(vStar.hi).sub(share);
  return sign(a) <= 0 && sign(b) >= 0 && !(vStar.isRational() && a.n !== 0n);
}
