/**
 * The BBM worst-case type space T* ([BrooksMaxmin2023, *First-price auction recap*, *Strategic
 * equivalence*, *Posted prices on T\**]). Expected values are derived in the comments.
 */
import { describe, expect, it } from "vitest";
import { q, ZERO } from "../../src/exact/rational.ts";
import { fpaBid, fpaRevenue, interimValue, postedPrice, spotCheckTStar, tStarPayoff, worstCaseTypeSpace } from "../../src/robust/firstPriceInformation.ts";
import { Distribution } from "../../src/continuous/distribution.ts";

describe("BBM worst-case type space", () => {
  it("uniform types, n = 2: β = t/2, R^FPA = 1/3, p = 1/2", () => {
    // G = t, P = t²/2, β = t/2; R = 2∫ P h = 2 ∫ t²/2 = 1/3 = E[min of two uniforms]; p = P(1) = 1/2
    const ts = worstCaseTypeSpace(Distribution.uniform(0, 1), 2);
    expect(fpaBid(ts, q("1/2")).equals(q("1/4"))).toBe(true);
    expect(fpaRevenue(ts).equals(q("1/3"))).toBe(true);
    expect(postedPrice(ts).equals(q("1/2"))).toBe(true);
    expect(interimValue(ts, ZERO).equals(q("1/2"))).toBe(true);
    expect(spotCheckTStar(ts, (t, t2) => tStarPayoff(ts, t, t2)).ok).toBe(true);
  });
  it("H = x², n = 2 (F = x⁴): R^FPA = 8/15 = E[min], p = 2/3", () => {
    // G = t², P = ∫ x·2x = 2t³/3, β = 2t/3; R = 2∫ (2t³/3)(2t) = 8/15; E[min] = ∫(1 − x²)² = 8/15
    const ts = worstCaseTypeSpace(Distribution.power(2), 2);
    expect(fpaRevenue(ts).equals(q("8/15"))).toBe(true);
    expect(postedPrice(ts).equals(q("2/3"))).toBe(true);
  });
  it("a payoff rule under which β is not an equilibrium is caught (the winner pays half her bid)", () => {
    const ts = worstCaseTypeSpace(Distribution.uniform(0, 1), 2);
    const r = spotCheckTStar(ts, (t, t2) => tStarPayoff(ts, t, t2).add(fpaBid(ts, t2).mul(ts.G.eval(t2)).div(q(2))));
    expect(r.ok).toBe(false);
  });
});
