/**
 * Exact equilibrium certificates for the symmetric IPV auctions of src/auctions/continuousAuctions.ts
 * ([BernardMD3, *Incentive Compatibility Constraints*] (5); [Mishra2020, *IC Characterization*]; [BrooksMaxmin2023,
 * *Generalized revenue equivalence*]): n bidders, values iid F on [lo, hi] (polynomial or
 * piecewise-polynomial CDF), G = F^{n−1} the probability that a value is the highest.
 *
 * For a bid function b (symmetric strategy) let P(w) be the interim expected payment of a bidder
 * who bids b(w) while the others bid b(·), computed from the auction's payment rule:
 *   first-price        P(w) = b(w)·G(w)                      (pays her bid when she wins)
 *   all-pay            P(w) = b(w)                           (always pays her bid)
 *   second-price       P(w) = ∫_lo^w b(y) dG(y)              (pays the highest other bid when she wins)
 *   bid-then-lottery   P(w) = b(w)·(p·G(w) + 1 − p)          (first-price rule w.p. p, all-pay w.p. 1 − p)
 * (all valid when b is strictly increasing: then bidding b(w) wins exactly when the others' values
 * are below w, probability G(w)). The type-v payoff of bidding b(w) is U(v, w) = v·G(w) − P(w).
 *
 * Certificate. If, exactly as piecewise polynomials on [lo, hi],
 *   (E)  P(w) ≡ m(w) := ∫_lo^w x dG(x)      and      (M)  b strictly increasing on [lo, hi],
 * then U(v, v) − U(v, w) = ∫_w^v (v − x) dG(x) ≥ 0 for all v, w (the integrand has the sign of
 * v − w, since G is non-decreasing): no type gains by mimicking another. Bids outside b([lo, hi])
 * do not help either: below b(lo) the bidder never wins (payoff 0 in the first-price auction,
 * −(1 − p)·bid ≤ 0 or −bid ≤ 0 with bids ≥ 0 = b(lo) in the others, and U(v, lo) = 0 ≤ U(v, v));
 * above b(hi) she wins with probability 1 as at b(hi) and pays more. (Second price: truthful
 * bidding is weakly dominant anyway.) So b is a symmetric Bayes–Nash equilibrium; (E) is the
 * envelope condition (5) with U(lo) = 0, i.e. revenue equivalence at the interim level.
 *
 * Here (E) is checked by exact polynomial arithmetic (den | num·X is checked, not assumed) and (M)
 * on the numerator N of b′ = N/den²: N not identically zero and N ≥ 0 on [lo, hi] — first by the
 * sufficient Bernstein-coefficient test (all coefficients on the interval ≥ 0), else by exact root
 * isolation — and den without a root in [lo, hi] (Bernstein coefficients of one sign, else Sturm).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, type QInput, q, qstr, sign, ZERO } from "../exact/rational.ts";
import { bidThenLotteryBid, equilibriumBid, type AuctionFormat, type BidFunction } from "./continuousAuctions.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { countRoots, Piecewise, Poly, signIntervals } from "../continuous/polynomial.ts";

/**
 * The payment rule of a symmetric auction on the continuum: an AuctionFormat, or bid-then-lottery
 * (first-price with probability p, all-pay otherwise).
 */
export type PaymentRule = AuctionFormat | { readonly bidThenLottery: QInput };

/** A payment rule's name, e.g. "first-price" or "bid-then-lottery(p = 1/2)". */
export function ruleName(rule: PaymentRule): string {
  return typeof rule === "string" ? rule : `bid-then-lottery(p = ${qstr(q(rule.bidThenLottery))})`;
}

/**
 * The pieces every rule needs, computed once per (F, n) here (not taken from auctions.ts):
 * G = F^{n−1}, g = G′, the envelope payment m(w) = ∫_lo^w x dG(x), the density f, and the densities
 * of the highest value d(F^n) and of the second-highest value d(nF^{n−1} − (n−1)F^n).
 */
export interface AuctionSetting {
  readonly F: Distribution;
  readonly n: number;
  readonly G: Piecewise;
  readonly m: Piecewise;
  readonly f: Piecewise;
  readonly highestDensity: Piecewise;
  readonly secondDensity: Piecewise;
}

/**
 * The symmetric IPV setting of n bidders with values iid F: G = F^{n−1}, the envelope payment m(w)
 * = ∫ x dG that revenue equivalence prescribes, and the densities of the highest and second-highest
 * values ([BernardMD3, *Incentive Compatibility Constraints*] (5)); n < 2 is a MechcheckError
 * "bad-count".
 */
export function auctionSetting(F: Distribution, n: number): AuctionSetting {
  if (!Number.isSafeInteger(n) || n < 2) throw new MechcheckError("bad-count", `n: ${n} bidders; need an integer ≥ 2`, { path: "n", value: n });
  const G = F.cdf.composeOuter(Poly.x.pow(n - 1));
  const m = G.derivative().mulPoly(Poly.x).antiderivative();
  const highestDensity = F.cdf.composeOuter(Poly.x.pow(n)).derivative();
  const secondDensity = F.cdf.composeOuter(Poly.x.pow(n - 1).scale(n).sub(Poly.x.pow(n).scale(n - 1))).derivative();
  return { F, n, G, m, f: F.pdf, highestDensity, secondDensity };
}

/** b·X as a piecewise polynomial on b's breaks, checking that den divides num·X exactly. */
function bidTimes(b: BidFunction, X: Piecewise, what: string): Piecewise {
  const Xr = X.refineTo(b.breaks as Q[]);
  return new Piecewise(
    b.breaks,
    b.pieces.map((r, k) => r.num.mul(Xr.pieces[k]!).divExact(r.den, `${what} on piece ${k}: b·X is not a polynomial`)),
  );
}

/** The weight X(w) with P(w) = b(w)·X(w) (first-price, all-pay, bid-then-lottery); null for second-price. */
function paymentWeight(st: AuctionSetting, rule: PaymentRule): Piecewise | null {
  if (rule === "first-price") return st.G;
  if (rule === "all-pay") return st.G.map(() => Poly.one);
  if (rule === "second-price") return null;
  if (typeof rule === "object") {
    const p = q(rule.bidThenLottery, "bidThenLottery");
    if (sign(p) < 0 || p.compare(ONE) > 0) throw new MechcheckError("bad-probability", `bidThenLottery: ${qstr(p)} is not in [0, 1]`, { path: "bidThenLottery", value: qstr(p) });
    return st.G.map((g) => g.scale(p).add(Poly.constant(ONE.sub(p))));
  }
  throw new MechcheckError("bad-format", `rule: ${JSON.stringify(rule)} is not a payment rule`, { path: "rule", value: rule });
}

/** The interim payment P(w) of the module comment, from the bid function and the payment rule. */
export function interimPaymentFromBids(st: AuctionSetting, b: BidFunction, rule: PaymentRule): Piecewise {
  const X = paymentWeight(st, rule);
  if (X === null) return bidTimes(b, st.G.derivative(), "second-price payment density").antiderivative();
  return bidTimes(b, X, `${ruleName(rule)} payment`);
}

/**
 * Expected revenue from the bids, by the payment rule (not through P): first-price ∫ b·d(F^n) (the
 * winner's bid), second-price ∫ b·(density of v₍₂₎) (the runner-up's bid), all-pay n∫ b f,
 * bid-then-lottery n∫ b (pG + 1 − p) f.
 */
export function revenueFromBidsOf(st: AuctionSetting, b: BidFunction, rule: PaymentRule): Q {
  if (rule === "first-price") return bidTimes(b, st.highestDensity, "first-price revenue").integrate();
  if (rule === "second-price") return bidTimes(b, st.secondDensity, "second-price revenue").integrate();
  const X = paymentWeight(st, rule)!;
  return bidTimes(b, X.mul(st.f), `${ruleName(rule)} revenue`).integrate().mul(st.n);
}

/**
 * An exact equilibrium certificate for a payment rule's bid function (the envelope identity P ≡ m
 * and strictly increasing bids, as piecewise polynomials), or the reason it fails.
 */
export type EquilibriumCertificate =
  | { readonly ok: true; readonly rule: string; readonly bid: string; readonly interimPayment: string }
  | { readonly ok: false; readonly rule: string; readonly reason: string };

/** The bid function of a rule (from auctions.ts; the certificate does not trust it). */
export function bidOf(F: Distribution, n: number, rule: PaymentRule): BidFunction {
  return typeof rule === "string" ? equilibriumBid(F, n, rule) : bidThenLotteryBid(F, n, rule.bidThenLottery);
}

/** Check (E) and (M) of the module comment for the given bid function. */
export function certifyEquilibrium(st: AuctionSetting, rule: PaymentRule, b: BidFunction = bidOf(st.F, st.n, rule)): EquilibriumCertificate {
  const name = ruleName(rule);
  let P: Piecewise;
  try {
    P = interimPaymentFromBids(st, b, rule);
  } catch (e) {
    return { ok: false, rule: name, reason: e instanceof Error ? e.message : String(e) };
  }
  const m = st.m.refineTo(b.breaks as Q[]);
  for (let k = 0; k < b.pieces.length; k++) {
    if (!P.pieces[k]!.equals(m.pieces[k]!)) {
      return { ok: false, rule: name, reason: `interim payment ${P.pieces[k]!.toString("w")} ≠ envelope payment ∫x dG = ${m.pieces[k]!.toString("w")} on [${qstr(b.breaks[k]!)}, ${qstr(b.breaks[k + 1]!)}]` };
    }
  }
  for (let k = 0; k < b.pieces.length; k++) {
    const { num, den } = b.pieces[k]!;
    const d = num.derivative().mul(den).sub(num.mul(den.derivative()));
    const a = b.breaks[k]!;
    const c = b.breaks[k + 1]!;
    if (d.isZero()) return { ok: false, rule: name, reason: `bid constant on [${qstr(a)}, ${qstr(c)}]` };
    if (!bernsteinNonNegative(d, a, c)) {
      for (const iv of signIntervals(d, a, c)) {
        if (iv.sign < 0) return { ok: false, rule: name, reason: `bid decreasing on (${iv.from.toString()}, ${iv.to.toString()})` };
      }
    }
    // b′ = d / den²: its sign is that of d wherever den ≠ 0; den must not vanish on [a, c]
    if (!bernsteinPositive(den, a, c) && !bernsteinPositive(den.neg(), a, c) && (den.eval(a).n === 0n || countRoots(den, a, c) > 0)) {
      return { ok: false, rule: name, reason: `bid has a pole in [${qstr(a)}, ${qstr(c)}]` };
    }
    if (k > 0 && !b.pieces[k - 1]!.eval(a).equals(b.pieces[k]!.eval(a))) return { ok: false, rule: name, reason: `bid jumps at ${qstr(a)}` };
  }
  return { ok: true, rule: name, bid: b.pieces.map((r) => r.toString("v")).join(" | "), interimPayment: P.pieces.map((x) => x.toString("w")).join(" | ") };
}

/**
 * Bernstein coefficients of p on [a, c]: with x = a + (c − a)t, p = Σ_j β_j C(d, j) t^j (1 − t)^{d−j}.
 * Since the Bernstein basis is non-negative and sums to 1, min β ≤ p ≤ max β on [a, c].
 */
export function bernsteinCoefficients(p: Poly, a: Q, c: Q): Q[] {
  const t = p.compose(Poly.fromQ([a, c.sub(a)]));
  const d = Math.max(0, t.degree);
  const binom: bigint[][] = [[1n]];
  for (let r = 1; r <= d; r++) {
    const row: bigint[] = [1n];
    for (let k = 1; k < r; k++) row.push(binom[r - 1]![k - 1]! + binom[r - 1]![k]!);
    row.push(1n);
    binom.push(row);
  }
  const out: Q[] = [];
  for (let j = 0; j <= d; j++) {
    let s = ZERO;
    for (let k = 0; k <= j; k++) {
      const ak = t.coeff(k);
      if (ak.n !== 0n) s = s.add(ak.mul(q(binom[j]![k]!)).div(q(binom[d]![k]!)));
    }
    out.push(s);
  }
  return out;
}

/** A sufficient test for p ≥ 0 on [a, c]: every Bernstein coefficient ≥ 0 (false = undecided). */
export function bernsteinNonNegative(p: Poly, a: Q, c: Q): boolean {
  return bernsteinCoefficients(p, a, c).every((b) => sign(b) >= 0);
}

/** A sufficient test for p > 0 on [a, c]: every Bernstein coefficient > 0 (false = undecided). */
function bernsteinPositive(p: Poly, a: Q, c: Q): boolean {
  return bernsteinCoefficients(p, a, c).every((b) => sign(b) > 0);
}

/** sign of the virtual-value numerator K = x·f − (1 − F) at lo: φ(lo) < 0 iff K(lo) < 0 (f(lo) > 0). */
export function virtualValueSignAtLow(F: Distribution): -1 | 0 | 1 {
  return sign(F.virtualValueNumerator().eval(F.lo));
}
