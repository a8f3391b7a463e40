import { describe, expect, it } from "vitest";
import { bulowKlempererContinuous, myersonContinuous, secondPriceReserveRevenue, virtualSurplusAbove } from "../../src/auctions/continuousMyerson.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { AlgebraicReal, Poly } from "../../src/continuous/polynomial.ts";
import { q } from "../../src/exact/rational.ts";
import { myersonContinuousTheorem } from "../../src/catalogue/myerson-continuous.ts";
import { bulowKlempererContinuousTheorem } from "../../src/catalogue/bulow-klemperer-continuous.ts";

describe("continuous Myerson / Bulow–Klemperer", () => {
  it("uniform [0, 1], two bidders: R(r) = 1/3 + r² − 4r³/3 by hand, maximal at r* = 1/2 with 5/12", () => {
    const F = Distribution.uniform(0, 1);
    // lone bidder above r pays r: r·2r(1 − r); the runner-up above r pays v₍₂₎: ∫_r^1 x·2(1 − x) dx = 1/3 − r² + 2r³/3
    const R = secondPriceReserveRevenue(F, 2);
    expect(R.equals(Poly.of([q(1).div(q(3)), 0, 1, q(-4).div(q(3))]))).toBe(true);
    expect(R.equals(virtualSurplusAbove(F, 2))).toBe(true);
    const r = myersonContinuous(F, 2);
    expect(r.reserve.rationalValue()?.equals(q(1).div(q(2)))).toBe(true);
    expect(r.optimality.optimal).toBe(true);
    expect(r.optimum.exact?.equals(q(5).div(q(12)))).toBe(true);
  });

  it("F = x², two bidders: r* = 1/√3 (irrational), certified; a wrong reserve is rejected", () => {
    const F = Distribution.power(2);
    const r = myersonContinuous(F, 2);
    expect(r.reserve.isRational()).toBe(false);
    expect(r.reserve.compare(q(577).div(q(1000)))).toBe(1);
    expect(r.reserve.compare(q(578).div(q(1000)))).toBe(-1);
    expect(r.identity && r.optimality.optimal).toBe(true);
    expect(myersonContinuous(F, 2, { reserve: AlgebraicReal.rational(q(1).div(q(2))) }).optimality.optimal).toBe(false);
  });

  it("Bulow–Klemperer, uniform [0, 1]: E[v₍₂₎ of 3] = 1/2 > 5/12; with no extra bidder 1/3 < 5/12", () => {
    const F = Distribution.uniform(0, 1);
    const bk = bulowKlempererContinuous(F, 2);
    expect(bk.secondPrice.equals(q(1).div(q(2)))).toBe(true);
    expect(bk.secondPriceFromPayments.equals(bk.secondPrice)).toBe(true);
    expect(bk.sign).toBe(1);
    expect(bulowKlempererContinuous(F, 2, 0).sign).toBe(-1);
  });

  it("the negative controls fail and the checks pass on the hand cases", () => {
    for (const t of [myersonContinuousTheorem, bulowKlempererContinuousTheorem]) {
      for (const c of t.negativeControls ?? []) expect((c.check ?? t.check)(c.input()).ok).toBe(false);
    }
  });
});
