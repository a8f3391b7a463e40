/**
 * The revenue-maximizing auction LP (src/auctions/optimalBayesianAuction.ts) on hand-solved cases:
 * one buyer (posted price), independent values (Myerson on a grid), perfectly correlated values
 * (full extraction), and [BernardMD3]'s *Auction of an Indivisible Good* (full surplus 23/10 under the
 * Crémer–McLean condition).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { optimalAuctionRevenue } from "../../src/auctions/optimalBayesianAuction.ts";
import { q } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";

beforeAll(async () => {
  await loadLpEngine();
});

describe("optimalAuctionRevenue", () => {
  it("one buyer, values {1, 2} equally likely: best posted price earns 1", () => {
    const r = optimalAuctionRevenue([[1, 2]], ["1/2", "1/2"]);
    expect(r.value.equals(q(1))).toBe(true);
  });

  it("one buyer, values {1, 3} equally likely: price 3 earns 3/2", () => {
    const r = optimalAuctionRevenue([[1, 3]], ["1/2", "1/2"]);
    expect(r.value.equals(q("3/2"))).toBe(true);
  });

  it("two buyers, perfectly correlated values {1, 2}: full surplus 3/2", () => {
    // profiles (1,1), (1,2), (2,1), (2,2) with mass on the diagonal only
    const r = optimalAuctionRevenue([[1, 2], [1, 2]], ["1/2", "0", "0", "1/2"]);
    expect(r.value.equals(q("3/2"))).toBe(true);
  });

  it("two iid buyers, values {1, 2} w.p. 1/2: Myerson on the grid earns 3/2", () => {
    // discrete virtual values φ(1) = 1 − (2 − 1)·(1/2)/(1/2) = 0, φ(2) = 2: revenue E[max(φ)^+] =
    // 2·Pr(some value is 2) = 2·(3/4) = 3/2, e.g. a posted price 2
    const r = optimalAuctionRevenue([[1, 2], [1, 2]], ["1/4", "1/4", "1/4", "1/4"]);
    expect(r.value.equals(q("3/2"))).toBe(true);
  });

  it("[BernardMD3, Auction of an Indivisible Good]: the optimum is the full expected surplus 23/10", () => {
    const prior = ["0.2", "0.1", "0.05", "0.1", "0.1", "0.1", "0.05", "0.1", "0.2"];
    const r = optimalAuctionRevenue([[1, 2, 3], [1, 2, 3]], prior);
    expect(r.value.equals(q("23/10"))).toBe(true);
  });
});
