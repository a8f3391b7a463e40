/**
 * Chung–Ely (2002) §5 public goods, linear case: cutoffs, generalized VCG, the exact budget range
 * over the provide region (cross-checked on fine grids), threshold contribution rules. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import { budgetRange, cutoff, efficientRegion, increasingValues, nonTrivialProvision, provides, thresholdRegion, total, value, vcgPayments, type LinearPublicGood } from "../../src/publicGoods/interdependentPublicGood.ts";
import { boundaryPoint, publicGoodArb } from "../../src/generators/linearPublicGood.ts";

const fine: Q[] = Array.from({ length: 25 }, (_, k) => q(k).div(24));
const ok = (G: LinearPublicGood) => increasingValues(G) && nonTrivialProvision(G);

describe("linear public good", () => {
  it("cutoff = the lowest provide signal on a fine grid (efficient and threshold regions)", () => {
    for (const [G, r] of fc.sample(fc.tuple(publicGoodArb, fc.integer({ min: 1, max: 7 })), { seed: 1, numRuns: 60 }).filter(([G]) => ok(G))) {
      const sb = boundaryPoint(G, r);
      for (const region of [efficientRegion(G), thresholdRegion(G, value(G, 0, sb[0], sb[1]), value(G, 1, sb[0], sb[1]))]) {
        for (const o of fine) {
          const g = cutoff(region, 0, o);
          for (const s of fine) if (provides(region, s, o)) expect(g !== null && s.compare(g) >= 0).toBe(true);
          if (g !== null) expect(provides(region, g, o)).toBe(true);
        }
      }
    }
  });

  it("budgetRange brackets t_1 + t_2 − c at every provide state of a fine grid, and attains its bounds", () => {
    for (const G of fc.sample(publicGoodArb, { seed: 2, numRuns: 60 }).filter(ok)) {
      const region = efficientRegion(G);
      const B = budgetRange(G, region)!;
      for (const s1 of fine) for (const s2 of fine) {
        if (!provides(region, s1, s2)) continue;
        const [t1, t2] = vcgPayments(G, region, s1, s2);
        const b = t1.add(t2).sub(G.cost);
        expect(b.compare(B.min) >= 0 && b.compare(B.max) <= 0).toBe(true);
      }
      for (const p of [B.argmin, B.argmax]) expect(provides(region, p[0], p[1])).toBe(true);
    }
  });

  it("common values with a clamped cutoff: surplus (the ce-common-values-exact-bb example)", () => {
    const h = q(1).div(2);
    const G: LinearPublicGood = { a1: h, b1: h, c1: ZERO, a2: h, b2: h, c2: ZERO, cost: q(1).div(4) };
    const [t1, t2] = vcgPayments(G, efficientRegion(G), ONE, ONE);
    expect(t1.add(t2).toFraction()).toBe("1");
    expect(total(G, ONE, ONE).toFraction()).toBe("2");
  });
});
