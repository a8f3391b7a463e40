/**
 * Brooks–Du common-value auction bounds and the closed form ([BrooksMaxmin2023, *Bounds for revenue
 * maximization in auctions* … *The revenue guarantee*]). Expected values are derived in comments.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ONE, q, ZERO } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { auctionIvo, auctionSvo, closedFormBracket, discreteExponential, dyadicSeedGrid, erlangQuantile, expFixed, signalMarginalMismatch, uniformClosedForm } from "../../src/robust/commonValueAuction.ts";
import { brooksDuTable, decimal } from "../../src/robust/commonValueAuctionTable.ts";

beforeAll(async () => {
  await loadLpEngine();
});

describe("closed form", () => {
  it("exact bounds on e", () => {
    // e ∈ (2.718281828, 2.718281829)
    const [lo, hi] = expFixed(1n, 0, 64);
    const scale = q(2n ** 64n);
    expect(q(lo).div(scale).compare(q("2.718281828"))).toBeGreaterThan(0);
    expect(q(hi).div(scale).compare(q("2.718281829"))).toBeLessThan(0);
  });
  it("the Erlang(1) median is ln 2 ∈ (0.6931471, 0.6931472)", () => {
    const [lo, hi] = erlangQuantile(1, q("1/2"), q("1/1000000000"));
    expect(lo.compare(q("0.6931471"))).toBeGreaterThan(0);
    expect(hi.compare(q("0.6931472"))).toBeLessThan(0);
  });
  it("one value: R* = v exactly", () => {
    const cf = closedFormBracket({ bidders: 2, values: [q(3)], mu: [ONE] });
    expect(cf.lo.equals(3) && cf.hi.equals(3)).toBe(true);
  });
  it("V = {0, 1} uniform, N = 2: R* = 1/2 − x₁e^{−x₁} with (1 + x₁)e^{−x₁} = 1/2", () => {
    // x₁ ≈ 1.678346990, so R* ≈ 0.5 − 0.313317691 = 0.186682309
    const cf = closedFormBracket({ bidders: 2, values: [ZERO, ONE], mu: [q("1/2"), q("1/2")] });
    expect(cf.hi.sub(cf.lo).compare(q("1/1000000000000"))).toBeLessThan(0);
    expect(cf.lo.compare(q("0.186682308"))).toBeGreaterThan(0);
    expect(cf.hi.compare(q("0.186682310"))).toBeLessThan(0);
  });
  it("continuous uniform: R* = P(Erlang(N) < Erlang(N − 1))", () => {
    // N = 2: P(two rate-1 arrivals before one) = 1/4; N = 3: ∫ G_3 g_2 = 1 − 11/16 = 5/16
    expect(uniformClosedForm(2).equals(q("1/4"))).toBe(true);
    expect(uniformClosedForm(3).equals(q("5/16"))).toBe(true);
  });
});

describe("bounding LPs", () => {
  const a = { bidders: 2, values: [ZERO, ONE], mu: [q("1/2"), q("1/2")] };
  it("the discretized exponential is a distribution with P(t ≥ kΔ) = (1 − Δ)^k", () => {
    const h = discreteExponential({ K: 4, delta: q("1/2") });
    expect(h.map((x) => x.toFraction())).toEqual(["1/2", "1/4", "1/8", "1/16", "1/16"]);
  });
  it("Δ = 1 (K = 1): all signals are 0 and the upper bound is E[v] (full extraction)", () => {
    const U = auctionIvo(a, dyadicSeedGrid(0));
    expect(U.value.equals(q("1/2"))).toBe(true);
    expect(signalMarginalMismatch(a, dyadicSeedGrid(0), U.pi)).toBeNull();
  });
  it("Δ = 1, 1/2, 1/4: lower ≤ R* ≤ upper, gaps decreasing, proportional ≤ SVO⁺, SVO⁻ = IVO", () => {
    const t = brooksDuTable(a, { maxK: 2, dual: true });
    expect(t.problems).toEqual([]);
    for (const r of t.rows) {
      expect(r.lower.compare(t.closedForm.lo)).toBeLessThan(0);
      expect(r.upper.compare(t.closedForm.hi)).toBeGreaterThan(0);
    }
    expect(t.rows[2]!.gap.compare(t.rows[1]!.gap)).toBeLessThan(0);
  });
  it("SVO⁺ equals its proportional restriction at Δ = 1/2 for V = {0, 1}", () => {
    const g = dyadicSeedGrid(1);
    expect(auctionSvo(a, g, "plus").value.equals(auctionSvo(a, g, "plus-proportional").value)).toBe(true);
  });
  it("exact decimal rounding", () => {
    expect(decimal(q("2/3"), 3, "down")).toBe("0.666");
    expect(decimal(q("2/3"), 3, "up")).toBe("0.667");
    expect(decimal(q("-2/3"), 3, "nearest")).toBe("-0.667");
    expect(decimal(q("1/8"), 3)).toBe("0.125");
  });
});
