/**
 * Symmetric independent-private-values auctions with n bidders, values iid F on [lo, hi]
 * (polynomial or piecewise-polynomial F): equilibrium bid functions and expected revenue computed
 * exactly **from the bids**, independently of the revenue-equivalence formula.
 *
 * Sources: [BernardMD3, *Incentive Compatibility Constraints*] (interim payment
 * p̄(θ) = q̄(θ)θ − ∫ q̄ − U(θ̲), eq. (5)); [Mishra2020, *IC Characterization*] (the same identity for
 * t_i); [BrooksMaxmin2023, *Generalized revenue equivalence*]. With G = F^{n−1} (the probability that a
 * type wins), the symmetric equilibria are
 *   first-price  b(v) = v − ∫_lo^v G(x) dx / G(v)   (a rational function; a polynomial for F = x^k)
 *   all-pay      b(v) = ∫_lo^v x dG(x)              (a polynomial)
 *   second-price b(v) = v                            (weakly dominant)
 * Hand-derived check (uniform [0, 1], n = 2): G(v) = v, FPA b(v) = v − (v²/2)/v = v/2; revenue
 * E[v_(1)/2] = (2/3)/2 = 1/3 = E[v_(2)]; all-pay b(v) = v²/2, revenue 2·E[v²/2] = 1/3.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, qstr, qsum, sign, type Q, type QInput } from "../exact/rational.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { Piecewise, Poly, RationalFunction } from "../continuous/polynomial.ts";

/** A standard single-object auction format on the continuum: first-price, second-price or all-pay. */
export type AuctionFormat = "first-price" | "second-price" | "all-pay";
/** Every AuctionFormat, in a fixed order. */
export const AUCTION_FORMATS: readonly AuctionFormat[] = ["first-price", "second-price", "all-pay"];

/** A bid function, piecewise rational on the distribution's breakpoints. */
export interface BidFunction {
  format: AuctionFormat | "bid-then-lottery";
  breaks: readonly Q[];
  /** Reduced (gcd-cancelled) rational function on each piece. */
  pieces: readonly RationalFunction[];
}

function checkBidders(n: number): void {
  if (!Number.isSafeInteger(n) || n < 2) throw new MechcheckError("bad-count", `n: ${n} bidders; need an integer ≥ 2`, { path: "n", value: n });
}

/** G = F^{n−1}: the probability that a bidder of type v has the highest value. */
function winProbability(F: Distribution, n: number): Piecewise {
  checkBidders(n);
  return F.cdf.composeOuter(Poly.x.pow(n - 1));
}

/** m(v) = ∫_lo^v x dG(x): the interim expected payment of type v in any standard auction (U(lo) = 0). */
function interimPaymentRE(F: Distribution, n: number): Piecewise {
  const G = winProbability(F, n);
  return G.derivative().mulPoly(Poly.x).antiderivative();
}

/** The symmetric equilibrium bid function of a standard auction format. */
export function equilibriumBid(F: Distribution, n: number, format: AuctionFormat): BidFunction {
  checkBidders(n);
  const G = winProbability(F, n);
  let pieces: RationalFunction[];
  if (format === "first-price") {
    const IG = G.antiderivative();
    pieces = G.pieces.map((g, k) => new RationalFunction(Poly.x.mul(g).sub(IG.pieces[k]!), g).reduce());
  } else if (format === "all-pay") {
    pieces = interimPaymentRE(F, n).pieces.map((m) => new RationalFunction(m, Poly.one));
  } else if (format === "second-price") {
    pieces = G.pieces.map(() => new RationalFunction(Poly.x, Poly.one));
  } else {
    throw new MechcheckError("bad-format", `format: ${JSON.stringify(format)} is not one of ${AUCTION_FORMATS.join(", ")}`, { path: "format", value: format });
  }
  return { format, breaks: G.breaks, pieces };
}

/**
 * Bid-then-lottery: all bid once; then with probability p the first-price rule applies (winner
 * pays her bid) and with 1 − p the all-pay rule (everyone pays). Expected payment of type v
 * bidding b is b·(p G(v) + 1 − p); equating it to m(v) gives b(v) = m(v) / (p G(v) + 1 − p).
 */
export function bidThenLotteryBid(F: Distribution, n: number, pFirstPrice: QInput): BidFunction {
  const p = checkProb(pFirstPrice, "pFirstPrice");
  const G = winProbability(F, n);
  const m = interimPaymentRE(F, n);
  const pieces = G.pieces.map((g, k) => new RationalFunction(m.pieces[k]!, g.scale(p).add(Poly.constant(ONE.sub(p)))).reduce());
  return { format: "bid-then-lottery", breaks: G.breaks, pieces };
}

function checkProb(x: QInput, where: string): Q {
  const p = q(x, where);
  if (sign(p) < 0 || p.compare(ONE) > 0) throw new MechcheckError("bad-probability", `${where}: ${qstr(p)} is not in [0, 1]`, { path: where, value: qstr(p) });
  return p;
}

/** b(v) at a rational v in [lo, hi]. */
export function bidAt(b: BidFunction, v: QInput): Q {
  const x = q(v, "v");
  const lo = b.breaks[0]!;
  const hi = b.breaks[b.breaks.length - 1]!;
  if (x.compare(lo) < 0 || x.compare(hi) > 0) throw new MechcheckError("out-of-support", `v: ${qstr(x)} is outside [${qstr(lo)}, ${qstr(hi)}]`, { path: "v", value: qstr(x) });
  let k = 0;
  for (let j = 0; j < b.pieces.length; j++) if (x.compare(b.breaks[j]!) >= 0) k = j;
  return b.pieces[k]!.eval(x);
}

/** ∫ (num/den)·w over each piece, where den must divide num·w exactly (checked). */
function integrateRationalAgainst(b: BidFunction, w: Piecewise, where: string): Q {
  const ww = w.refineTo(b.breaks as Q[]);
  return qsum(
    b.pieces.map((r, k) => r.num.mul(ww.pieces[k]!).divExact(r.den, `${where} piece ${k}`).integrate(b.breaks[k]!, b.breaks[k + 1]!)),
  );
}

/**
 * Expected revenue computed from the equilibrium bids:
 *   first-price: E[b(v_(1))] = ∫ b(v) d(F^n)(v) (the winner's value distribution);
 *   all-pay:     n·E[b(v)] = n ∫ b f (every bidder pays);
 *   second-price: E[b(v_(2))] = ∫ b(v) g_(2)(v) dv (the runner-up's bid, density of v_(2)).
 */
export function revenueFromBids(F: Distribution, n: number, format: AuctionFormat): Q {
  const b = equilibriumBid(F, n, format);
  if (format === "first-price") return integrateRationalAgainst(b, F.orderStatisticDensity(n, 1), "first-price revenue");
  if (format === "all-pay") return integrateRationalAgainst(b, F.pdf, "all-pay revenue").mul(n);
  return integrateRationalAgainst(b, F.orderStatisticDensity(n, 2), "second-price revenue");
}

/** Revenue of the bid-then-lottery auction from its bids: n ∫ b(v)(pG(v) + 1 − p) f(v) dv. */
export function bidThenLotteryRevenue(F: Distribution, n: number, pFirstPrice: QInput): Q {
  const p = checkProb(pFirstPrice, "pFirstPrice");
  const b = bidThenLotteryBid(F, n, p);
  const G = winProbability(F, n);
  const w = G.scale(p).add(G.map(() => Poly.constant(ONE.sub(p)))).mul(F.pdf);
  return integrateRationalAgainst(b, w, "bid-then-lottery revenue").mul(n);
}

/** An announced lottery over formats (drawn before bidding): Σ_k prob_k · revenue_k, revenues from bids. */
export function lotteryRevenue(F: Distribution, n: number, lottery: readonly { format: AuctionFormat; prob: QInput }[]): Q {
  if (lottery.length === 0) throw new MechcheckError("bad-lottery", "lottery: needs at least one format", { path: "lottery" });
  const probs = lottery.map((l, k) => checkProb(l.prob, `lottery[${k}].prob`));
  const total = qsum(probs);
  if (!total.equals(ONE)) throw new MechcheckError("bad-lottery", `lottery: probabilities sum to ${qstr(total)}, not 1`, { path: "lottery", value: qstr(total) });
  return qsum(lottery.map((l, k) => probs[k]!.mul(revenueFromBids(F, n, l.format))));
}

/** The two revenue-equivalence benchmarks, by different integration paths. */
export function revenueEquivalenceBenchmarks(F: Distribution, n: number): { expectedSecondHighest: Q; expectedVirtualValueOfWinner: Q } {
  checkBidders(n);
  // E[v_(2)] from the CDF of the second-highest: lo + ∫ (1 − G_(2))
  const expectedSecondHighest = F.expectedOrderStatistic(n, 2);
  // E[φ(v_(1))·1{sale}], sale always (no reserve): ∫ φ(v) n F^{n−1} f dv = ∫ n F^{n−1} (v f − (1 − F)) dv
  const expectedVirtualValueOfWinner = F.cdf.composeOuter(Poly.x.pow(n - 1).scale(n)).mul(F.virtualValueNumerator()).integrate();
  return { expectedSecondHighest, expectedVirtualValueOfWinner };
}

/**
 * Interim expected payoff of a bidder of type v who bids as type w (b(w)) while the others
 * follow b, exactly: FPA v G(w) − b(w) G(w); all-pay v G(w) − b(w); SPA ∫_lo^w (v − y) dG(y);
 * bid-then-lottery v G(w) − b(w)(p G(w) + 1 − p). Used to verify the equilibrium.
 */
export function deviationPayoff(F: Distribution, n: number, format: AuctionFormat | { bidThenLottery: QInput }, v: QInput, w: QInput): Q {
  const x = q(v, "v");
  const y = q(w, "w");
  const G = winProbability(F, n);
  const Gw = G.eval(y.compare(F.hi) >= 0 ? F.hi : y);
  if (typeof format === "object") {
    const p = checkProb(format.bidThenLottery, "bidThenLottery");
    const b = bidAt(bidThenLotteryBid(F, n, p), y);
    return x.mul(Gw).sub(b.mul(p.mul(Gw).add(ONE.sub(p))));
  }
  if (format === "second-price") {
    const dG = G.derivative();
    return dG.mulPoly(Poly.constant(x).sub(Poly.x)).integrate(F.lo, y);
  }
  const b = bidAt(equilibriumBid(F, n, format), y);
  return format === "first-price" ? x.mul(Gw).sub(b.mul(Gw)) : x.mul(Gw).sub(b);
}

/** A revenue table row: every format's revenue from bids and both benchmarks. */
export interface RevenueRow {
  n: number;
  firstPrice: Q;
  secondPrice: Q;
  allPay: Q;
  expectedSecondHighest: Q;
  expectedVirtualValueOfWinner: Q;
  allEqual: boolean;
}

/**
 * For each number of bidders n, the exact expected revenue of the first-price, second-price and
 * all-pay auctions with values iid F, each computed from its equilibrium bids ([BernardMD3,
 * *Incentive Compatibility Constraints*]), with the two benchmarks E[v₍₂₎] and the winner's
 * expected virtual value, and whether all are equal.
 */
export function revenueTable(F: Distribution, ns: readonly number[]): RevenueRow[] {
  return ns.map((n) => {
    const firstPrice = revenueFromBids(F, n, "first-price");
    const secondPrice = revenueFromBids(F, n, "second-price");
    const allPay = revenueFromBids(F, n, "all-pay");
    const { expectedSecondHighest, expectedVirtualValueOfWinner } = revenueEquivalenceBenchmarks(F, n);
    const vals = [firstPrice, secondPrice, allPay, expectedSecondHighest, expectedVirtualValueOfWinner];
    return { n, firstPrice, secondPrice, allPay, expectedSecondHighest, expectedVirtualValueOfWinner, allEqual: vals.every((x) => x.equals(vals[0]!)) };
  });
}
