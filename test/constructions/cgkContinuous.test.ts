/**
 * The CGK mechanism's interim transfers in the continuous model ([Mishra2020, *Dissolving a
 * partnership*]): uniform n = 2 by hand (H(v) = v²/2, E[H] = 1/6, W(v) = 1/6 − v²/2), the envelope
 * identity, single crossing of G − r, the one-seller identity, and the sign-pattern helper on the
 * case that made polynomial.ts `signIntervals` refine a rational bracket with tolerance 0.
 */
import { describe, expect, it } from "vitest";
import { cgkTransfers, envelopeHolds, noGainFromReport, oneSellerTotal, piecewiseEqual, signsBetweenRoots, singleCrossing } from "../../src/trade/partnershipContinuous.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { Piecewise, Poly } from "../../src/continuous/polynomial.ts";
import { cgkW } from "../../src/trade/continuousTrade.ts";
import { q } from "../../src/exact/rational.ts";

describe("cgkContinuous", () => {
  const U = Distribution.uniform(0, 1);
  it("uniform n = 2: W(v) = 1/6 − v²/2 = the notes' eq. (2)", () => {
    const t = cgkTransfers(U, 2);
    expect(t.EH.equals(q("1/6"))).toBe(true);
    expect(piecewiseEqual(t.W, Piecewise.single(Poly.of(["1/6", 0, "-1/2"]), 0, 1))).toBe(true);
    expect(piecewiseEqual(t.W, cgkW(U, 2))).toBe(true);
  });
  it("envelope identity and BIC against reports 0, 1/3, 1 (n = 3, F = x²)", () => {
    const t = cgkTransfers(Distribution.power(2), 3);
    expect(envelopeHolds(t)).toBe(true);
    for (const v of ["0", "1/3", "1"]) expect(noGainFromReport(t, v)).toBe(true);
    expect(piecewiseEqual(t.W, cgkW(Distribution.power(2), 3))).toBe(true);
  });
  it("a payment rule violating the envelope is caught (W shifted by a linear term)", () => {
    const t = cgkTransfers(U, 2);
    const bad = { ...t, W: t.W.map((p) => p.add(Poly.x.scale(q("1/2")))) };
    expect(envelopeHolds(bad)).toBe(false);
    expect(noGainFromReport(bad, 1)).toBe(false);
  });
  it("single crossing of G − r; one-seller identity (n − 1)∫F^{n−1}(F − 1) = −1/6 for uniform n = 2", () => {
    const t = cgkTransfers(U, 3);
    for (const r of ["0", "1/4", "1"]) expect(singleCrossing(t, r)).toBe(true);
    expect(oneSellerTotal(U, 2).equals(q("-1/6"))).toBe(true);
  });
  it("signsBetweenRoots: (x/2 + x²/2)² − 5/8 on [0, 1] is − then +", () => {
    const F = Poly.of([0, "1/2", "1/2"]);
    expect(signsBetweenRoots(F.mul(F).sub(Poly.constant(q("5/8"))), q(0), q(1))).toEqual([-1, 1]);
    expect(signsBetweenRoots(Poly.of([0, 1]).mul(Poly.of([0, 1])), q(0), q(1))).toEqual([1]);
  });
});
