import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import type { Q } from "../../src/exact/rational.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { Poly } from "../../src/continuous/polynomial.ts";
import {
  bidAt,
  bidThenLotteryBid,
  bidThenLotteryRevenue,
  deviationPayoff,
  equilibriumBid,
  lotteryRevenue,
  revenueFromBids,
  revenueTable,
} from "../../src/auctions/continuousAuctions.ts";
import { FEW, piecewiseLinear, powerMixture } from "./helpers.ts";

const fr = (n: number, d = 1) => new Fraction(n, d);

/**
 * Hand-derived closed form for F = x^k, n bidders ([BernardMD3, *Incentive Compatibility Constraints*]):
 * G = v^{k(n−1)}, ∫_0^v G = v^{k(n−1)+1}/(k(n−1)+1), so b_FPA(v) = v·k(n−1)/(k(n−1)+1);
 * E[v_(1)] = nk/(nk+1); revenue = k²n(n−1) / ((k(n−1)+1)(nk+1)). k = 1, n = 2: 2/(2·3) = 1/3.
 */
const closedForm = (k: number, n: number): Q => fr(k * k * n * (n - 1), (k * (n - 1) + 1) * (n * k + 1));

describe("revenue equivalence, exact ([BernardMD3, IC constraints]; [Mishra2020, IC characterization]; [BrooksMaxmin2023, generalized RE])", () => {
  it("uniform n = 2: FPA bid v/2, all-pay bid v²/2, revenue 1/3 (hand-derived)", () => {
    const U = Distribution.uniform(0, 1);
    expect(equilibriumBid(U, 2, "first-price").pieces[0]!.asPolynomial()!.equals(Poly.of([0, "1/2"]))).toBe(true);
    expect(equilibriumBid(U, 2, "all-pay").pieces[0]!.asPolynomial()!.equals(Poly.of([0, 0, "1/2"]))).toBe(true);
    for (const f of ["first-price", "second-price", "all-pay"] as const) expect(revenueFromBids(U, 2, f).equals(fr(1, 3))).toBe(true);
  });
  it("uniform and x^k, k = 1..3, n = 2..5: FPA = SPA = all-pay = E[v_(2)] = E[φ(winner)] = closed form", () => {
    for (let k = 1; k <= 3; k++) {
      const F = k === 1 ? Distribution.uniform(0, 1) : Distribution.power(k);
      for (const row of revenueTable(F, [2, 3, 4, 5])) {
        expect(row.allEqual).toBe(true);
        expect(row.firstPrice.equals(closedForm(k, row.n))).toBe(true);
        // FPA bid is the polynomial k(n−1)/(k(n−1)+1)·v
        const b = equilibriumBid(F, row.n, "first-price").pieces[0]!.asPolynomial();
        expect(b!.equals(Poly.of([0, fr(k * (row.n - 1), k * (row.n - 1) + 1)]))).toBe(true);
      }
    }
  });
  it("uniform on [a, b] with a > 0: revenue (n−1)/(n+1)·(b−a) + a, equal across formats", () => {
    const F = Distribution.uniform(2, 5);
    for (const row of revenueTable(F, [2, 3, 4])) {
      expect(row.allEqual).toBe(true);
      expect(row.firstPrice.equals(fr(3 * (row.n - 1), row.n + 1).add(2))).toBe(true);
    }
  });
  it("random polynomial and piecewise-linear CDFs: all five quantities agree exactly", () => {
    fc.assert(
      fc.property(fc.oneof(powerMixture, piecewiseLinear), fc.integer({ min: 2, max: 4 }), (F, n) => {
        const [row] = revenueTable(F, [n]);
        expect(row!.allEqual).toBe(true);
      }),
      FEW,
    );
  });
  it("a genuinely rational FPA bid: F = (x + x²)/2, n = 2: b(v) = (2v²/3 + v/2)/(v + 1)", () => {
    const F = Distribution.polynomial([0, "1/2", "1/2"], 0, 1);
    const b = equilibriumBid(F, 2, "first-price").pieces[0]!;
    expect(b.asPolynomial()).toBeUndefined();
    const v = fr(1, 2);
    // by hand: G = F, ∫_0^v F = v²/4 + v³/6, b = v − (v²/4 + v³/6)/((v + v²)/2)
    const byHand = v.sub(v.pow(2).div(4).add(v.pow(3).div(6)).div(v.add(v.pow(2)).div(2)));
    expect(bidAt(equilibriumBid(F, 2, "first-price"), v).equals(byHand)).toBe(true);
    // by hand: E[v_(2)] = E[min] = ∫_0^1 (1 − x/2 − x²/2)² dx = 1 − 1/2 − 1/4 + 1/8 + 1/20 = 17/40
    expect(revenueTable(F, [2])[0]!.firstPrice.equals(fr(17, 40))).toBe(true);
  });
});

describe("mixtures", () => {
  it("announced lottery over formats = E[v_(2)]; bid-then-lottery FPA/all-pay from its own bids = E[v_(2)]", () => {
    fc.assert(
      fc.property(powerMixture, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 6 }), (F, n, i) => {
        const p = fr(i, 6);
        const target = F.expectedOrderStatistic(n, 2);
        expect(
          lotteryRevenue(F, n, [
            { format: "first-price", prob: p.div(2) },
            { format: "all-pay", prob: fr(1).sub(p) },
            { format: "second-price", prob: p.div(2) },
          ]).equals(target),
        ).toBe(true);
        expect(bidThenLotteryRevenue(F, n, p).equals(target)).toBe(true);
      }),
      FEW,
    );
  });
  it("bid-then-lottery bids lie between the all-pay and first-price bids (uniform, n = 3, p = 1/2)", () => {
    const U = Distribution.uniform(0, 1);
    const b = bidThenLotteryBid(U, 3, fr(1, 2));
    for (let i = 1; i <= 10; i++) {
      const v = fr(i, 10);
      const x = bidAt(b, v);
      expect(x.compare(bidAt(equilibriumBid(U, 3, "all-pay"), v)) >= 0).toBe(true);
      expect(x.compare(bidAt(equilibriumBid(U, 3, "first-price"), v)) <= 0).toBe(true);
    }
  });
  it("refuses probabilities outside [0,1] or not summing to 1, and n < 2", () => {
    const U = Distribution.uniform(0, 1);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isMechcheckError(e) ? e.code : "other";
      }
      return undefined;
    };
    expect(code(() => lotteryRevenue(U, 2, [{ format: "first-price", prob: "1/2" }]))).toBe("bad-lottery");
    expect(code(() => bidThenLotteryRevenue(U, 2, "3/2"))).toBe("bad-probability");
    expect(code(() => revenueFromBids(U, 1, "first-price"))).toBe("bad-count");
  });
});

describe("equilibrium check: no profitable deviation to any other type's bid (exact, random v, w)", () => {
  it("FPA, all-pay, SPA and bid-then-lottery", () => {
    const grid = fc.integer({ min: 0, max: 24 }).map((i) => fr(i, 24));
    fc.assert(
      fc.property(fc.oneof(powerMixture, piecewiseLinear), fc.integer({ min: 2, max: 4 }), grid, grid, (F, n, v, w) => {
        for (const f of ["first-price", "all-pay", "second-price", { bidThenLottery: fr(1, 3) }] as const) {
          expect(deviationPayoff(F, n, f, v, v).compare(deviationPayoff(F, n, f, v, w))).toBeGreaterThanOrEqual(0);
        }
      }),
      FEW,
    );
  });
  it("negative control: uniform n = 2, an over-bid (b(w) = w instead of w/2) is profitably undercut", () => {
    // U(w; v) = (v − w)·w for the truthful-bid misspecification; at v = 1 bidding as w = 1/2 gives 1/4 > 0 = U(1; 1)
    const U = (v: Q, w: Q) => v.sub(w).mul(w);
    expect(U(fr(1), fr(1, 2)).compare(U(fr(1), fr(1)))).toBe(1);
    // while in the equilibrium b(w) = w/2 the same deviation is unprofitable
    const D = Distribution.uniform(0, 1);
    expect(deviationPayoff(D, 2, "first-price", 1, fr(1, 2)).compare(deviationPayoff(D, 2, "first-price", 1, 1))).toBe(-1);
  });
});
