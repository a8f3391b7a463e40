import Fraction from "fraction.js";
import { beforeAll, describe, expect, it } from "vitest";
import { conditionalBeliefs, interimUtility, isBIC, isInterimIR } from "../../src/concepts/index.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { auctionDirectMechanism } from "../../src/auctions/gridAuctions.ts";
import { productOfMarginals } from "../../src/model/independence.ts";
import { downwardBindingRevenueRange, expectedPayments } from "../../src/auctions/revenueEquivalenceCorrelated.ts";
import { revenueBounds } from "../../src/auctions/revenueEquivalenceGrid.ts";
import { singleObjectEnvironment } from "../../src/model/singleObject.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const fr = (n: number, d = 1) => new Fraction(n, d);

describe("downward-binding revenue range ([BernardMD3, Failure of Revenue Equivalence])", () => {
  it("independent prior: min = max = R_down of the grid characterization (revenue pinned)", () => {
    const values = [[0, 1, 3], [1, 2]];
    const env = singleObjectEnvironment(values, { noSale: true });
    const marginals = [[fr(1, 4), fr(1, 2), fr(1, 4)], [fr(2, 3), fr(1, 3)]];
    const prior = productOfMarginals(marginals);
    const spa = auctionDirectMechanism(env, "second-price");
    const cond = conditionalBeliefs(env, { kind: "common-prior", prior });
    const bottom = [0, 1].map((i) => interimUtility(env, spa, i, 0, 0, cond[i]![0]!));
    const r = downwardBindingRevenueRange(env, prior, spa.allocation, bottom, { bound: 20 });
    expect(r.status).toBe("range");
    if (r.status !== "range") return;
    expect(r.min.revenue.equals(r.max.revenue)).toBe(true);
    const R = revenueBounds(values.map((w) => w.map((v) => fr(v))), marginals, spa.allocation, bottom);
    expect(r.min.revenue.toFraction()).toBe(R.down.toFraction());
  });
  it("2 × 2 correlated prior (1/5, 1/5, 1/5, 2/5): max = full surplus 4/5 with zero rents, min < max, both BIC and IIR", () => {
    const env = singleObjectEnvironment([[0, 1], [0, 1]], { noSale: true });
    const prior = [fr(1, 5), fr(1, 5), fr(1, 5), fr(2, 5)];
    const spa = auctionDirectMechanism(env, "second-price");
    // second price: revenue = P(both value 1) · 1 = 2/5; bottom types (value 0) get 0
    expect(expectedPayments(prior, spa.payments).toFraction()).toBe("2/5");
    const r = downwardBindingRevenueRange(env, prior, spa.allocation, [fr(0), fr(0)], { bound: 4 });
    expect(r.status).toBe("range");
    if (r.status !== "range") return;
    // E[max value] = 1 − P(0, 0) = 4/5: the Crémer–McLean full extraction is downward-binding (all rents 0)
    expect(r.max.revenue.toFraction()).toBe("4/5");
    expect(r.min.revenue.compare(r.max.revenue)).toBeLessThan(0);
    for (const m of [r.min.mechanism, r.max.mechanism]) {
      expect(isBIC(env, m, { kind: "common-prior", prior }).verdict).toBe("holds");
      expect(isInterimIR(env, m, { kind: "common-prior", prior }).verdict).toBe("holds");
    }
  });
  it("refuses priors without full support", () => {
    const env = singleObjectEnvironment([[0, 1], [0, 1]], { noSale: true });
    const spa = auctionDirectMechanism(env, "second-price");
    expect(() => downwardBindingRevenueRange(env, [fr(1, 2), fr(0), fr(0), fr(1, 2)], spa.allocation, [fr(0), fr(0)], { bound: 4 })).toThrow(/full-support/);
  });
});
