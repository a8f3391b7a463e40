/**
 * Exact continuous trade and redistribution quantities:
 *
 * 1. Bilateral trade ([BernardMD3, Thm 7.6], Myerson–Satterthwaite; [ChungEly2002, §4] for the IR-VCG deficit):
 *    buyer value B ~ F_b on [b̲, b̄], seller cost S ~ F_s on [s̲, s̄], independent. Efficient
 *    q = 1{B ≥ S}. With [BernardMD3]'s utilities u_S = (1 − q)θ_S − p_S, u_B = qθ_B − p_B, the VCG
 *    payments are p_B = h_B(s) − (1 − q)s, p_S = h_S(b) − q·b; ex post IR for the worst types
 *    (buyer b̲, outside option 0; seller s̄, outside option θ_S) gives the largest
 *    h_B(s) = max(b̲, s), h_S(b) = max(b − s̄, 0) ([BernardMD3, *IR-VCG Mechanism*]). Revenue
 *      R(b, s) = max(b̲, s) + max(b − s̄, 0) − max(b, s),
 *    and efficient, BIC, IIR, ex post BB trade exists iff E[R] ≥ 0 ([BernardMD3, proof of Thm 7.6 via]
 *    Thm 6.24.2 and Cor 7.3). We compute E[R] exactly.
 * 2. Partnership dissolution ([Mishra2020, *Dissolving a partnership*], Cramton–Gibbons–Klemperer 1987):
 *    W(v) = ∫_v^β (1 − F) x g dx − ∫_0^v F x g dx, g = G′, G = F^{n−1}; critical types G(v*_i) = r_i
 *    (algebraic: certified brackets); dissolvable iff Σ_i W(v*_i) ≥ 0.
 * 3. Bayes-optimal public good ([BernardMD3, Prop 7.8, *Determine optimal λ*]): two agents, the
 *    threshold s on θ_1 + θ_2 at which the budget E[(ψ_1 + ψ_2 − c)·1{θ_1 + θ_2 ≥ s}] = 0 binds.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { ONE, ZERO, q, qmax, qmin, qstr, qsum, sign, type Q, type QInput } from "../exact/rational.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { AlgebraicReal, CertifiedReal, Piecewise, Poly, convolve, isolateRoots, signIntervals } from "../continuous/polynomial.ts";

// ————————————————————————————————————————————————————————————— bilateral trade

/** E[max(c, X)] = c·F(c) + ∫_{max(c, lo)}^{hi} x f(x) dx. */
function expectMaxConst(F: Distribution, c: QInput): Q {
  const v = q(c, "c");
  if (v.compare(F.hi) >= 0) return v;
  const from = qmax(v, F.lo);
  return v.mul(F.cdfAt(v)).add(F.pdf.mulPoly(Poly.x).integrate(from, F.hi));
}

/** E[max(X − c, 0)] = ∫_{max(c, lo)}^{hi} (x − c) f(x) dx. */
export function expectPositivePartShift(F: Distribution, c: QInput): Q {
  const v = q(c, "c");
  if (v.compare(F.hi) >= 0) return ZERO;
  return F.pdf.mulPoly(Poly.linear(v.neg(), 1)).integrate(qmax(v, F.lo), F.hi);
}

/** E[max(X, Y)] for independent X, Y: L + ∫_L^U (1 − F_X F_Y), L, U the outer support bounds. */
function expectMaxOfTwo(X: Distribution, Y: Distribution): Q {
  const L = qmin(X.lo, Y.lo);
  const U = qmax(X.hi, Y.hi);
  const FM = X.extendedCdf(L, U).mul(Y.extendedCdf(L, U));
  return L.add(U.sub(L)).sub(FM.integrate(L, U));
}

/**
 * Myerson–Satterthwaite on the continuum ([BernardMD3, Thm 7.6]): the IR-VCG mechanism's exact
 * expected revenue E[R] and its three terms, whether the supports overlap, and whether efficient,
 * BIC, IIR, ex post budget-balanced trade exists (iff E[R] ≥ 0).
 */
export interface BilateralTradeVerdict {
  /** E[R] of the IR-VCG (pivot) mechanism; negative = expected deficit. */
  irVcgExpectedRevenue: Q;
  /** The three terms E[max(b̲, S)], E[max(B − s̄, 0)], E[max(B, S)]. */
  terms: { buyerCharge: Q; sellerCharge: Q; welfare: Q };
  /** Whether [b̲, b̄] ∩ [s̲, s̄] has non-empty interior. */
  supportsOverlap: boolean;
  /** Efficient, BIC, IIR, ex post BB trade exists ⇔ E[R] ≥ 0. */
  efficientTradePossible: boolean;
}

/** Myerson–Satterthwaite by the IR-VCG expected revenue ([BernardMD3, Thm 7.6]). */
export function bilateralTrade(buyer: Distribution, seller: Distribution): BilateralTradeVerdict {
  const buyerCharge = expectMaxConst(seller, buyer.lo);
  const sellerCharge = expectPositivePartShift(buyer, seller.hi);
  const welfare = expectMaxOfTwo(buyer, seller);
  const r = buyerCharge.add(sellerCharge).sub(welfare);
  return {
    irVcgExpectedRevenue: r,
    terms: { buyerCharge, sellerCharge, welfare },
    supportsOverlap: qmax(buyer.lo, seller.lo).compare(qmin(buyer.hi, seller.hi)) < 0,
    efficientTradePossible: sign(r) >= 0,
  };
}

/** Density of −X, as a piecewise polynomial on [−hi, −lo]. */
function reflectedDensity(F: Distribution): Piecewise {
  const bs = [...F.pdf.breaks].reverse().map((x) => x.neg());
  const ps = [...F.pdf.pieces].reverse().map((p) => p.compose(Poly.linear(0, -1)));
  return new Piecewise(bs, ps);
}

/** Expected gains from trade E[(B − S)^+], via the density of B − S (a convolution). */
export function expectedGainsFromTrade(buyer: Distribution, seller: Distribution): Q {
  const d = convolve(buyer.pdf, reflectedDensity(seller));
  if (d.hi.compare(ZERO) <= 0) return ZERO;
  return d.mulPoly(Poly.x).integrate(qmax(ZERO, d.lo), d.hi);
}

// ————————————————————————————————————————————————————————————— partnership dissolution (CGK)

function checkAgents(n: number): void {
  if (!Number.isSafeInteger(n) || n < 2) throw new MechcheckError("bad-count", `n: ${n} partners; need an integer ≥ 2`, { path: "n", value: n });
}

/** G = F^{n−1} and g = G′. */
export function cgkG(F: Distribution, n: number): Piecewise {
  checkAgents(n);
  return F.cdf.composeOuter(Poly.x.pow(n - 1));
}

/** W(v) = ∫_v^β (1 − F) x g − ∫_lo^v F x g ([Mishra2020, eq. (2)]; the slide's lower limit 0 is the support's lo). */
export function cgkW(F: Distribution, n: number): Piecewise {
  const g = cgkG(F, n).derivative();
  const xg = g.mulPoly(Poly.x);
  const A = xg.mul(F.cdf.map((p) => Poly.one.sub(p))).antiderivative();
  const B = xg.mul(F.cdf).antiderivative();
  const Atop = A.pieces[A.pieces.length - 1]!.eval(F.hi);
  return A.map((a, k) => Poly.constant(Atop).sub(a).sub(B.pieces[k]!));
}

/**
 * The critical type v* with G(v*) = F(v*)^{n−1} = r (smallest such v; W is constant where g = 0,
 * so the choice does not matter): exact when rational, else a certified bracket.
 */
export function cgkCriticalType(F: Distribution, n: number, r: QInput, where = "share"): AlgebraicReal {
  const share = q(r, where);
  if (sign(share) < 0 || share.compare(ONE) > 0) throw new MechcheckError("bad-share", `${where}: ${qstr(share)} is not in [0, 1]`, { path: where, value: qstr(share) });
  const G = cgkG(F, n);
  for (let k = 0; k < G.pieces.length; k++) {
    const roots = isolateRoots(G.pieces[k]!.sub(Poly.constant(share)), G.breaks[k]!, G.breaks[k + 1]!);
    if (roots.length > 0) return roots[0]!;
  }
  throw new InternalError(`no critical type for ${where} = ${qstr(share)} (G is continuous from 0 to 1)`);
}

/**
 * The CGK dissolution test on the continuum ([Mishra2020, *Dissolving a partnership*]): the
 * critical types v*_i (algebraic), W(v*_i) and their total (exact or certified), its exact sign and
 * whether the partnership is dissolvable (undefined only if the sign could not be separated from
 * 0). Exported as CgkContinuousResult.
 */
export interface CgkResult {
  n: number;
  shares: Q[];
  criticalTypes: AlgebraicReal[];
  /** W(v*_i), exact or certified. */
  w: CertifiedReal[];
  total: CertifiedReal;
  /** sign of Σ W(v*_i); undefined only if it could not be separated from 0 (then `dissolvable` is undefined too). */
  sign: -1 | 0 | 1 | undefined;
  dissolvable: boolean | undefined;
}

/** The CGK test for a partnership with shares r (Σ r_i = 1), iid values F. */
export function cgkDissolution(F: Distribution, shares: readonly QInput[]): CgkResult {
  const n = shares.length;
  checkAgents(n);
  const rs = shares.map((r, i) => q(r, `shares[${i}]`));
  const tot = qsum(rs);
  if (!tot.equals(ONE)) throw new MechcheckError("bad-share", `shares: sum to ${qstr(tot)}, not 1`, { path: "shares", value: qstr(tot) });
  const W = cgkW(F, n);
  const criticalTypes = rs.map((r, i) => cgkCriticalType(F, n, r, `shares[${i}]`));
  const w = criticalTypes.map((a) => {
    const r = a.rationalValue();
    if (r !== undefined) return CertifiedReal.exactValue(W.eval(r));
    let idx = 0;
    for (let k = 0; k < W.pieces.length; k++) if (a.compare(W.breaks[k]!) > 0) idx = k;
    return CertifiedReal.polyAt(W.pieces[idx]!, a);
  });
  let total = CertifiedReal.exactValue(ZERO);
  // group equal critical types (same share): k·W(α) keeps the exact zero test of W(α)
  const groups = new Map<string, { count: number; value: CertifiedReal }>();
  rs.forEach((r, i) => {
    const key = qstr(r);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, value: w[i]! });
  });
  if (groups.size === 1) {
    const only = [...groups.values()][0]!;
    total = only.value.scale(only.count);
  } else {
    for (const x of w) total = total.add(x);
  }
  const s = total.sign();
  return { n, shares: rs, criticalTypes, w, total, sign: s, dissolvable: s === undefined ? undefined : s >= 0 };
}

// ————————————————————————————————————————————————————————————— public good ([BernardMD3, Prop 7.8])

/**
 * For two independent agents with values X ~ F1, Y ~ F2 and ψ_i = θ − (1 − F_i)/f_i, as
 * piecewise polynomials in the threshold s:
 *   P(s) = Pr(X + Y ≥ s),   A(s) = E[(ψ_1(X) + ψ_2(Y))·1{X + Y ≥ s}],
 * using ψ_i f_i = x f_i − (1 − F_i) (a polynomial) and convolutions:
 *   A(s) = ∫_s^∞ ((ψ_1 f_1) * f_2 + f_1 * (ψ_2 f_2))(t) dt.
 * The budget of the threshold rule q = 1{θ_1 + θ_2 ≥ s} at cost c is B(s) = A(s) − c·P(s).
 */
export function publicGoodBudget(F1: Distribution, F2: Distribution): { P: Piecewise; A: Piecewise } {
  const dens = convolve(F1.pdf, F2.pdf);
  const num = convolve(F1.virtualValueNumerator(), F2.pdf).add(convolve(F1.pdf, F2.virtualValueNumerator()));
  const tail = (h: Piecewise): Piecewise => {
    const H = h.antiderivative();
    const top = H.pieces[H.pieces.length - 1]!.eval(H.hi);
    return H.map((p) => Poly.constant(top).sub(p));
  };
  return { P: tail(dens), A: tail(num) };
}

/**
 * The welfare-best threshold rule that balances the budget ([BernardMD3, Prop 7.8] for two agents; for
 * uniform values the rule "Σθ ≥ c + μ Σ(1 − F)/f" is a threshold on θ_1 + θ_2): the smallest
 * s ≥ c with B(s) ≥ 0 (s = c when the efficient rule already balances). Exact or certified.
 */
export function publicGoodThreshold(F1: Distribution, F2: Distribution, c: QInput): AlgebraicReal {
  const cost = q(c, "c");
  const { P, A } = publicGoodBudget(F1, F2);
  const B = A.sub(P.scale(cost));
  const L = P.lo;
  const U = P.hi;
  if (cost.compare(U) >= 0 || cost.compare(L) <= 0) {
    throw new MechcheckError("trivial-cost", `c: ${qstr(cost)} is outside (${qstr(L)}, ${qstr(U)}) = (n·v̲, n·v̄); Prop 6.26's trivial case, no threshold to determine`, { path: "c", value: qstr(cost) });
  }
  if (sign(B.eval(cost)) >= 0) return AlgebraicReal.rational(cost);
  for (let k = 0; k < B.pieces.length; k++) {
    const a = qmax(B.breaks[k]!, cost);
    const b = B.breaks[k + 1]!;
    if (a.compare(b) >= 0) continue;
    for (const iv of signIntervals(B.pieces[k]!, a, b)) {
      if (iv.sign >= 0) return iv.from; // B < 0 on [c, from) and ≥ 0 right after: the first zero
    }
  }
  return AlgebraicReal.rational(U);
}

/** On one s-piece: A(s) = c·P(s) solved for s, after cancelling gcd(A, P). */
export interface ThresholdFormulaPiece {
  sFrom: Q;
  sTo: Q;
  /** The reduced equation A′(s) − c·P′(s) = 0 with A′ = A/gcd, P′ = P/gcd. */
  A: Poly;
  P: Poly;
  /** When A′ is linear and P′ constant: s = intercept + slope·c, valid for c between cFrom and cTo. */
  linear?: { intercept: Q; slope: Q; cFrom: Q; cTo: Q };
}

/** The threshold equation on each s-piece, symbolically in c ([BernardMD3, *Determine optimal λ*]). */
export function publicGoodThresholdFormula(F1: Distribution, F2: Distribution): ThresholdFormulaPiece[] {
  const { P, A } = publicGoodBudget(F1, F2);
  return P.pieces.map((p, k) => {
    const a = A.pieces[k]!;
    const g = Poly.gcd(a, p);
    const A1 = g.degree >= 1 ? a.divExact(g) : a;
    const P1 = g.degree >= 1 ? p.divExact(g) : p;
    const out: ThresholdFormulaPiece = { sFrom: P.breaks[k]!, sTo: P.breaks[k + 1]!, A: A1, P: P1 };
    if (A1.degree === 1 && P1.degree === 0) {
      const p0 = P1.coeff(0);
      const a0 = A1.coeff(0);
      const a1 = A1.coeff(1);
      // a0 + a1 s = c p0  ⇒  s = −a0/a1 + (p0/a1) c;  c(s) = (a0 + a1 s)/p0
      out.linear = { intercept: a0.neg().div(a1), slope: p0.div(a1), cFrom: A1.eval(out.sFrom).div(p0), cTo: A1.eval(out.sTo).div(p0) };
    }
    return out;
  });
}
