/**
 * Chung–Ely (2002) linear bilateral trade ([ChungEly2002, §4]): cutoffs, generalized VCG payments, the
 * exact polygon analysis of the deficit, and the §4.4 example. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEPIC, isExPostIR } from "../../src/concepts/index.ts";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import {
  buyerCutoff,
  deficitAnalysis,
  deficitGainsRatio,
  efficientTradeRule,
  gains,
  linearTradeEnvironment,
  sellerCutoff,
  tradeCells,
  trades,
  vcgOnGrid,
  vcgPayments,
  type LinearTrade,
} from "../../src/trade/interdependentTrade.ts";
import { pointMassAllocation } from "../../src/model/environment.ts";
import { linearTradeArb, tradeAssumptions } from "../../src/generators/linearTrade.ts";

const fine: Q[] = Array.from({ length: 25 }, (_, k) => q(k).div(24));

describe("linear trade", () => {
  it("cutoffs are the boundary of the trade set on a fine grid", () => {
    for (const L of fc.sample(linearTradeArb, { seed: 1, numRuns: 100 }).filter(tradeAssumptions)) {
      for (const ss of fine) {
        const g = buyerCutoff(L, ss);
        for (const sb of fine) if (trades(L, sb, ss)) expect(g !== null && sb.compare(g) >= 0).toBe(true);
        if (g !== null && g.compare(ZERO) > 0) expect(gains(L, g, ss).compare(ZERO) <= 0).toBe(true);
      }
      for (const sb of fine) {
        const g = sellerCutoff(L, sb);
        for (const ss of fine) if (trades(L, sb, ss)) expect(g !== null && ss.compare(g) <= 0).toBe(true);
      }
    }
  });

  it("deficitAnalysis: its minimum is a lower bound on a fine grid and is attained; the positive point is a trade state", () => {
    for (const L of fc.sample(linearTradeArb, { seed: 2, numRuns: 100 }).filter(tradeAssumptions)) {
      const a = deficitAnalysis(L);
      for (const sb of fine) for (const ss of fine) {
        if (!trades(L, sb, ss)) continue;
        const [tb, ts] = vcgPayments(L, sb, ss);
        expect(tb.add(ts).neg().compare(a.minDeficit)).toBeGreaterThanOrEqual(0);
      }
      expect(gains(L, a.argmin[0], a.argmin[1]).compare(ZERO)).toBeGreaterThanOrEqual(0);
      expect(a.positivePoint).not.toBeNull();
      expect(trades(L, a.positivePoint!.point[0], a.positivePoint!.point[1])).toBe(true);
      expect(tradeCells(L).length).toBe(a.cells);
    }
  });

  it("the restricted VCG mechanism is EPIC and ex post IR on a fine grid", () => {
    for (const L of fc.sample(linearTradeArb, { seed: 3, numRuns: 30 }).filter(tradeAssumptions)) {
      const g = Array.from({ length: 9 }, (_, k) => q(k).div(8));
      const env = linearTradeEnvironment(L, g, g);
      const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, efficientTradeRule(L, g, g)), payments: vcgOnGrid(L, g, g) };
      expect(isEPIC(env, mech).verdict).toBe("holds");
      expect(isExPostIR(env, mech).verdict).toBe("holds");
    }
  });

  it("detects a seeded error: wrong payments break EPIC", () => {
    const L: LinearTrade = { aB: ONE, bB: ZERO, cB: ZERO, aS: ONE, bS: ZERO, cS: ZERO };
    const g = Array.from({ length: 5 }, (_, k) => q(k).div(4));
    const env = linearTradeEnvironment(L, g, g);
    const pay = vcgOnGrid(L, g, g).map(([tb, ts]) => [tb!.add(tb!.equals(ZERO) ? 0 : q(1).div(8)), ts!]);
    expect(isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, efficientTradeRule(L, g, g)), payments: pay }).verdict).toBe("holds"); // a constant shift on trade states keeps EPIC…
    const pay2 = vcgOnGrid(L, g, g).map(([tb, ts], th) => [th % 2 === 0 ? tb!.add(q(1).div(8)) : tb!, ts!]);
    expect(isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, efficientTradeRule(L, g, g)), payments: pay2 }).verdict).toBe("fails"); // …a non-constant one does not
  });

  it("§4.4: D = (1 + a)/(1 − a)·Δv", () => {
    for (const a of ["-5/2", "-1", "0", "3/4"].map((s) => q(s))) {
      const L: LinearTrade = { aB: ONE, bB: a, cB: ZERO, aS: ONE, bS: a, cS: ZERO };
      expect(deficitGainsRatio(L)!.equals(ONE.add(a).div(ONE.sub(a)))).toBe(true);
    }
    // a case with clamps binding: D is not proportional to Δv
    const L: LinearTrade = { aB: q(2), bB: ZERO, cB: q(-1).div(2), aS: ONE, bS: ZERO, cS: ZERO };
    expect(deficitGainsRatio(L)).toBeNull();
  });
});
