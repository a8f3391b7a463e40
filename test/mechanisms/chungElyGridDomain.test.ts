/**
 * Issue 11, finding 8: the Chung–Ely continuum mechanisms clamped their cutoffs to [0, 1] and, on a
 * grid outside [0, 1] such as {0, …, 3}, returned payments that are not EPIC without any error.
 * Now the continuum mechanisms refuse signals outside [0, 1] (MechcheckError "outside-domain"), and
 * the grid generalized VCG (`gridVcgOnGrid`) works on any grid. Each check has a negative control.
 * Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEPIC, isExPostIR } from "../../src/concepts/index.ts";
import { MechcheckError } from "../../src/errors.ts";
import { q, type Q } from "../../src/exact/rational.ts";
import * as PG from "../../src/publicGoods/interdependentPublicGood.ts";
import * as TR from "../../src/trade/interdependentTrade.ts";
import { pointMassAllocation, type Environment } from "../../src/model/environment.ts";
import { publicGoodArb } from "../../src/generators/linearPublicGood.ts";
import { linearTradeArb, tradeAssumptions } from "../../src/generators/linearTrade.ts";

const ints = (lo: number, hi: number): Q[] => Array.from({ length: hi - lo + 1 }, (_, k) => q(lo + k));
const mech = (env: Environment, rule: number[], payments: Q[][]) => ({ kind: "direct" as const, allocation: pointMassAllocation(env, rule), payments });
function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof MechcheckError ? e.code : `not a MechcheckError: ${String(e)}`;
  }
}
/** A random finite grid of distinct rationals in [−2, 3] (quarters), sorted or not. */
const gridArb = fc.uniqueArray(fc.integer({ min: -8, max: 12 }), { minLength: 1, maxLength: 4 }).map((ks) => ks.map((k) => q(k).div(4)));

describe("public good (Chung–Ely 2002 §5): grids outside [0, 1]", () => {
  const G: PG.LinearPublicGood = { a1: q(1), b1: q(0), c1: q(0), a2: q(1), b2: q(0), c2: q(0), cost: q(3) };
  const grid = ints(0, 3);
  const region = PG.efficientRegion(G);
  const env = PG.linearPublicGoodEnvironment(G, grid, grid);
  const rule = PG.ruleOnGrid(region, grid, grid);

  it("the continuum VCG refuses the grid {0..3} with a MechcheckError (it used to return non-EPIC payments)", () => {
    expect(codeOf(() => PG.vcgOnGrid(G, region, grid, grid))).toBe("outside-domain");
    expect(codeOf(() => PG.vcgPayments(G, region, q(2), q(1)))).toBe("outside-domain");
    expect(codeOf(() => PG.cutoff(region, 0, q(-1)))).toBe("outside-domain");
    expect(codeOf(() => PG.vcgOnGrid(G, region, [q(0), q(1).div(2), q(1)], [q(0), q(1)]))).toBeNull();
  });

  it("negative control: the clamped payments it used to return (recomputed here by hand) are not EPIC", () => {
    // at s_2 = 1 agent 1's continuum cutoff is 2 > 1: the old code paid v_1(null → 0) = 0 at (2, 1) and (3, 1)
    const old = grid.flatMap((_, a) => grid.map((_, b) => [a, b] as const)).map(([a, b]) => { // profile order: the last agent varies fastest
      const s1 = grid[a]!;
      const s2 = grid[b]!;
      if (s1.add(s2).compare(G.cost) < 0) return [q(0), q(0)];
      const g1 = s2.compare(q(2)) >= 0 ? G.cost.sub(s2) : q(0);
      const g2 = s1.compare(q(2)) >= 0 ? G.cost.sub(s1) : q(0);
      return [g1.compare(q(1)) > 0 ? q(0) : g1, g2.compare(q(1)) > 0 ? q(0) : g2];
    });
    expect(isEPIC(env, mech(env, rule, old)).verdict).toBe("fails");
  });

  it("gridVcgOnGrid on {0..3}: EPIC and ex post IR; one payment raised by 1 breaks it", () => {
    const pay = PG.gridVcgOnGrid(G, region, grid, grid);
    expect(isEPIC(env, mech(env, rule, pay)).verdict).toBe("holds");
    expect(isExPostIR(env, mech(env, rule, pay)).verdict).toBe("holds");
    const th = rule.findIndex((d) => d === 0);
    const bad = pay.map((p, k) => (k === th ? [p[0]!.add(1), p[1]!] : p));
    const m = mech(env, rule, bad);
    expect(isEPIC(env, m).verdict === "fails" || isExPostIR(env, m).verdict === "fails").toBe(true);
  });

  it("gridVcgOnGrid is EPIC and ex post IR on random grids in [−2, 3], and equals the continuum VCG on grids in [0, 1] that contain the cutoffs", () => {
    let n = 0;
    for (const [G2, g1, g2] of fc.sample(fc.tuple(publicGoodArb, gridArb, gridArb), { seed: 11, numRuns: 120 })) {
      if (!PG.increasingValues(G2)) continue;
      const reg = PG.efficientRegion(G2);
      const e = PG.linearPublicGoodEnvironment(G2, g1, g2);
      const r = PG.ruleOnGrid(reg, g1, g2);
      const m = mech(e, r, PG.gridVcgOnGrid(G2, reg, g1, g2));
      expect(isEPIC(e, m).verdict).toBe("holds");
      expect(isExPostIR(e, m).verdict).toBe("holds");
      n++;
    }
    expect(n).toBeGreaterThan(50);
    const G3: PG.LinearPublicGood = { a1: q(1), b1: q(1).div(2), c1: q(0), a2: q(1), b2: q(1).div(2), c2: q(0), cost: q(3).div(2) };
    const reg = PG.efficientRegion(G3);
    const base = [q(0), q(1).div(2), q(1)];
    const withCuts = (i: 0 | 1) => [...new Set([...base, ...base.map((o) => PG.cutoff(reg, i, o)).filter((c): c is Q => c !== null)].map((x) => x.toFraction()))].map((s) => q(s)).sort((u, v) => u.compare(v));
    const [h1, h2] = [withCuts(0), withCuts(1)];
    expect(PG.gridVcgOnGrid(G3, reg, h1, h2).map((p) => p.map(String))).toEqual(PG.vcgOnGrid(G3, reg, h1, h2).map((p) => p.map(String)));
  });

  it("gridVcgOnGrid refuses what it cannot do (values not increasing in the own signal)", () => {
    expect(codeOf(() => PG.gridVcgOnGrid({ ...G, a1: q(-1) }, region, grid, grid))).toBe("non-monotone");
    expect(codeOf(() => PG.gridVcgOnGrid(G, [{ k1: q(-1), k2: q(1), k0: q(0) }], grid, grid))).toBe("non-monotone");
  });
});

describe("bilateral trade (Chung–Ely 2002 §4): grids outside [0, 1]", () => {
  const L: TR.LinearTrade = { aB: q(1), bB: q(0), cB: q(0), aS: q(1), bS: q(0), cS: q(0) }; // private values: trade iff s_β > s_σ
  const grid = ints(0, 3);
  const env = TR.linearTradeEnvironment(L, grid, grid);
  const rule = TR.efficientTradeRule(L, grid, grid);

  it("the continuum VCG refuses the grid {0..3} with a MechcheckError", () => {
    expect(codeOf(() => TR.vcgOnGrid(L, grid, grid))).toBe("outside-domain");
    expect(codeOf(() => TR.buyerCutoff(L, q(2)))).toBe("outside-domain");
    expect(codeOf(() => TR.sellerCutoff(L, q(-1).div(2)))).toBe("outside-domain");
  });

  it("negative control: clamped continuum cutoffs on {0..3} (the old silent answer) give payments that are not EPIC", () => {
    // old: buyer pays v_β(clamp(s_σ)) = min(s_σ, 1); seller receives v_σ(clamp(s_β)) = min(s_β, 1)
    const old = rule.map((d, th) => {
      const b = grid[Math.floor(th / 4)]!; // profile order: the seller's signal varies fastest
      const s = grid[th % 4]!;
      return d === 0 ? [s.compare(q(1)) > 0 ? q(1) : s, (b.compare(q(1)) > 0 ? q(1) : b).neg()] : [q(0), q(0)];
    });
    expect(isEPIC(env, mech(env, rule, old)).verdict).toBe("fails");
  });

  it("gridVcgOnGrid: EPIC and ex post IR on {0..3} and on random grids in [−2, 3]; refuses without strong single crossing", () => {
    const m = mech(env, rule, TR.gridVcgOnGrid(L, grid, grid));
    expect(isEPIC(env, m).verdict).toBe("holds");
    expect(isExPostIR(env, m).verdict).toBe("holds");
    let n = 0;
    for (const [L2, b, s] of fc.sample(fc.tuple(linearTradeArb, gridArb, gridArb), { seed: 12, numRuns: 120 })) {
      if (!tradeAssumptions(L2)) continue;
      const e = TR.linearTradeEnvironment(L2, b, s);
      const mm = mech(e, TR.efficientTradeRule(L2, b, s), TR.gridVcgOnGrid(L2, b, s));
      expect(isEPIC(e, mm).verdict).toBe("holds");
      expect(isExPostIR(e, mm).verdict).toBe("holds");
      n++;
    }
    expect(n).toBeGreaterThan(30);
    expect(codeOf(() => TR.gridVcgOnGrid({ ...L, bS: q(2) }, grid, grid))).toBe("non-monotone");
  });
});

describe("other [0, 1] normalizations (issue 11, finding 8 audit)", () => {
  it("thresholdBudgetDirect refuses a polynomial that is not a CDF on [0, 1] (it used to integrate it silently); a CDF on [0, 1] passes", async () => {
    const { thresholdBudgetDirect, uniformUnit } = await import("../../src/publicGoods/thresholdBudget.ts");
    const { Poly } = await import("../../src/continuous/polynomial.ts");
    const u = uniformUnit();
    const scaled = { F: Poly.of(["0", "1/3"]) }; // F(x) = x/3: the uniform CDF on [0, 3], not on [0, 1]
    expect(codeOf(() => thresholdBudgetDirect(scaled, u, 1, 1))).toBe("not-a-unit-cdf");
    expect(codeOf(() => thresholdBudgetDirect(u, scaled, 1, 1))).toBe("not-a-unit-cdf");
    expect(codeOf(() => thresholdBudgetDirect(u, { F: Poly.of(["0", "0", "1"]) }, 1, 1))).toBeNull();
  });
});

describe("payoff-equivalence step problem (Chung–Ely 2002 Lemma 3): its closed form needs its hypotheses", () => {
  it("gridIntervalFormula refuses a decreasing v, cutoffs outside (0, 1) and decreasing levels (it used to return a wrong interval silently); the LP disagrees with the old answer", async () => {
    const E = await import("../../src/exPost/payoffEquivalence.ts");
    const good = { beta: q(0), alpha: q(1), gamma: q(0), cutoffs: [q(1).div(2)], levels: [q(0), q(1)] };
    expect(codeOf(() => E.gridIntervalFormula(good, 4))).toBeNull();
    const decreasing = { ...good, alpha: q(-1) };
    expect(codeOf(() => E.gridIntervalFormula(decreasing, 4))).toBe("bad-step-problem");
    expect(codeOf(() => E.gridIntervalFormula({ ...good, cutoffs: [q(3).div(2)] }, 4))).toBe("bad-step-problem");
    expect(codeOf(() => E.gridIntervalFormula({ ...good, levels: [q(1), q(0)] }, 4))).toBe("bad-step-problem");
    expect(codeOf(() => E.gridIntervalFormula(good, 0))).toBe("bad-step-problem");
    // negative control: for the decreasing v the rule has NO EPIC payments (the LP says so), while the old closed form returned an interval
    const { env, rule } = E.gridEnvironment(decreasing, 4);
    expect(E.differenceIntervalLp(env, rule, 0, 0, 0, 4)).toBeNull();
  });
});
