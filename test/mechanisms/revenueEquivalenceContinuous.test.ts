import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { AUCTION_FORMATS, revenueFromBids, bidThenLotteryRevenue, type BidFunction } from "../../src/auctions/continuousAuctions.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { Poly, RationalFunction } from "../../src/continuous/polynomial.ts";
import {
  auctionSetting,
  bernsteinCoefficients,
  bernsteinNonNegative,
  bidOf,
  certifyEquilibrium,
  revenueFromBidsOf,
  virtualValueSignAtLow,
} from "../../src/auctions/revenueEquivalenceContinuous.ts";

const fr = (n: number, d = 1) => new Fraction(n, d);
const bid = (num: Poly, den: Poly = Poly.one, lo = 0, hi = 1): BidFunction => ({ format: "first-price", breaks: [fr(lo), fr(hi)], pieces: [new RationalFunction(num, den)] });

describe("equilibrium certificates (E) + (M)", () => {
  const U = Distribution.uniform(0, 1);
  it("uniform, n = 2: every rule certified; first-price bid v/2, revenue 1/3 (hand-derived)", () => {
    const st = auctionSetting(U, 2);
    for (const rule of [...AUCTION_FORMATS, { bidThenLottery: "1/3" }] as const) {
      const c = certifyEquilibrium(st, rule);
      expect(c.ok).toBe(true);
      expect(revenueFromBidsOf(st, bidOf(U, 2, rule), rule).toFraction()).toBe("1/3");
    }
    expect(certifyEquilibrium(st, "first-price")).toMatchObject({ ok: true, bid: "1/2*v", interimPayment: "1/2*w^2" });
  });
  it("wrong bids fail: truthful bidding in the first-price auction, v/2 with n = 3, a decreasing bid", () => {
    expect(certifyEquilibrium(auctionSetting(U, 2), "first-price", bid(Poly.x)).ok).toBe(false);
    expect(certifyEquilibrium(auctionSetting(U, 3), "first-price", bid(Poly.of([0, "1/2"]))).ok).toBe(false);
    expect(certifyEquilibrium(auctionSetting(U, 2), "all-pay", bid(Poly.of([1, -1]))).ok).toBe(false);
    // the right all-pay bid for n = 2 is v²/2
    expect(certifyEquilibrium(auctionSetting(U, 2), "all-pay", bid(Poly.of([0, 0, "1/2"]))).ok).toBe(true);
  });
  it("revenue from the certified bids equals the library's revenueFromBids, random polynomial CDFs", () => {
    const arb = fc.tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }).filter((w) => w.some((x) => x > 0)), fc.integer({ min: 2, max: 4 }));
    fc.assert(
      fc.property(arb, ([w, n]) => {
        const tot = w.reduce((a, b) => a + b, 0);
        const F = Distribution.polynomial([0, ...w.map((x) => fr(x, tot))], 0, 1);
        const st = auctionSetting(F, n);
        for (const f of AUCTION_FORMATS) expect(revenueFromBidsOf(st, bidOf(F, n, f), f).equals(revenueFromBids(F, n, f))).toBe(true);
        expect(revenueFromBidsOf(st, bidOf(F, n, { bidThenLottery: "1/2" }), { bidThenLottery: "1/2" }).equals(bidThenLotteryRevenue(F, n, "1/2"))).toBe(true);
      }),
      { seed: 3, numRuns: 25 },
    );
  });
});

describe("Bernstein positivity test", () => {
  it("coefficients of (x − 1/2)² on [0, 1] are 1/4, −1/4, 1/4: undecided; on [1/2, 1]: 0, 0, 1/4: non-negative", () => {
    const p = Poly.of(["1/4", -1, 1]);
    expect(bernsteinCoefficients(p, fr(0), fr(1)).map((x) => x.toFraction())).toEqual(["1/4", "-1/4", "1/4"]);
    expect(bernsteinNonNegative(p, fr(0), fr(1))).toBe(false);
    expect(bernsteinCoefficients(p, fr(1, 2), fr(1)).map((x) => x.toFraction())).toEqual(["0", "0", "1/4"]);
    expect(bernsteinNonNegative(p, fr(1, 2), fr(1))).toBe(true);
  });
  it("virtual value at the bottom: uniform[0,1] φ(0) = −1 < 0; uniform[2,3] φ(2) = 1 > 0", () => {
    expect(virtualValueSignAtLow(Distribution.uniform(0, 1))).toBe(-1);
    expect(virtualValueSignAtLow(Distribution.uniform(2, 3))).toBe(1);
  });
});
