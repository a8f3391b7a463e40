/**
 * Chung–Ely (2007) program (P) and local virtual values: [BrooksExPost2023], slides *Profit maximization with ex post implementation*, *Regular case*
 * (formula corrected), *Analyzing the Lagrangian*. Random priors use fixed seeds
 * (given in each test).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { q, type Q } from "../../src/exact/rational.ts";
import {
  auctionLpCounts,
  auctionMechanismFromPrimal,
  auctionPrior,
  auctionPVar,
  auctionQVar,
  checkAuctionMechanism,
  gridValue,
  isRegular,
  localVirtualValue,
  localVirtualValueRevenue,
  optimalExPostAuctionLp,
  randomCorrelatedPrior,
  randomRegularPrior,
  regularityViolation,
} from "../../src/robust/optimalExPostAuction.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import type { LpModel, LpResult } from "../../src/lp/model.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import { profileIndex } from "../../src/model/profiles.ts";

beforeAll(async () => {
  await loadLpEngine();
});

function optimum(model: LpModel, r: LpResult): Q {
  expect(verify(model, r)).toEqual({ ok: true });
  if (r.status !== "optimal") throw new Error(`expected optimal, got ${r.status}`);
  return r.value;
}

describe("optimalExPostAuctionLp: shape", () => {
  it("has 2n·K^n columns and K^n + n·K^n + n·K^n·(K−1) rows (all-pairs EPIC, as on the slide)", () => {
    // n = 2, K = 20: 400 profiles; columns 2·2·400 = 1600; FEAS 400, EPIR 800, EPIC 2·400·19 = 15200.
    const m = optimalExPostAuctionLp(randomCorrelatedPrior(7, 2, 20));
    expect(m.variables.length).toBe(1600);
    expect(m.rows.length).toBe(400 + 800 + 15200);
    const count = (prefix: string) => m.rows.filter((r) => r.name.startsWith(prefix)).length;
    expect([count("FEAS["), count("EPIR["), count("EPIC[")]).toEqual([400, 800, 15200]);
    expect(auctionLpCounts(2, 20)).toEqual({ variables: 1600, rows: 16400, feas: 400, epir: 800, epic: 15200 });
  });

  it("local EPIC keeps only reports v_i ± Δ: n·2(K−1)·K^(n−1) rows", () => {
    // n = 3, K = 4: 64 profiles; local EPIC 3·2·3·16 = 288; FEAS 64; EPIR 192; columns 384.
    const m = optimalExPostAuctionLp(randomCorrelatedPrior(3, 3, 4), { ic: "local" });
    expect(m.variables.length).toBe(384);
    expect(m.rows.length).toBe(64 + 192 + 288);
    expect(auctionLpCounts(3, 4, "local").rows).toBe(544);
  });

  it("names rows and columns readably and writes the slide's inequalities", () => {
    // Grid V = {2, 4, 6} (Δ = 2, low = Δ): grid index 3 is the value 6.
    const prior = randomCorrelatedPrior(11, 2, 3, { delta: 2 });
    const m = optimalExPostAuctionLp(prior);
    const v = profileIndex([3, 3], [2, 1]); // v = (3,2) in 1-based grid indices: values (6, 4)
    const w = profileIndex([3, 3], [1, 1]); // (2,2): bidder 1 reports grid index 2 (value 4)
    expect(m.variables[auctionQVar(prior, 0, v)]!.name).toBe("q1(3,2)");
    expect(m.variables[auctionPVar(prior, 0, v)]!.name).toBe("p1(3,2)");
    expect(m.variables[auctionQVar(prior, 0, v)]!.lower!.toFraction()).toBe("0");
    expect(m.variables[auctionPVar(prior, 0, v)]!.lower).toBeNull();
    const row = m.rows.find((r) => r.name === "EPIC[i=1, v=(3,2), report 2]")!;
    expect(row.sense).toBe(">=");
    // 6·q1(3,2) − p1(3,2) − 6·q1(2,2) + p1(2,2) ≥ 0
    const coef = new Map(row.terms.map((t) => [t.var, t.coef.toFraction()]));
    expect(coef).toEqual(
      new Map([
        [auctionQVar(prior, 0, v), "6"],
        [auctionPVar(prior, 0, v), "-1"],
        [auctionQVar(prior, 0, w), "-6"],
        [auctionPVar(prior, 0, w), "1"],
      ]),
    );
    const ir = m.rows.find((r) => r.name === "EPIR[i=2, v=(3,2)]")!;
    expect(new Map(ir.terms.map((t) => [t.var, t.coef.toFraction()]))).toEqual(new Map([[auctionQVar(prior, 1, v), "4"], [auctionPVar(prior, 1, v), "-1"]]));
    const feas = m.rows.find((r) => r.name === "FEAS[v=(3,2)]")!;
    expect([feas.sense, feas.rhs.toFraction(), feas.terms.length]).toEqual(["<=", "1", 2]);
    // objective Σ f(v) p_i(v)
    const obj = new Map(m.objective.map((t) => [t.var, t.coef]));
    expect(obj.get(auctionPVar(prior, 1, v))!.equals(prior.f[v]!)).toBe(true);
    expect(obj.has(auctionQVar(prior, 1, v))).toBe(false);
  });

  it("random priors are exact, normalised, reproducible from the seed, and differ across seeds", () => {
    const a = randomCorrelatedPrior(5, 2, 4);
    const b = randomCorrelatedPrior(5, 2, 4);
    const c = randomCorrelatedPrior(6, 2, 4);
    expect(a.f.reduce((s, x) => s.add(x), q(0)).toFraction()).toBe("1");
    expect(a.f.map((x) => x.toFraction())).toEqual(b.f.map((x) => x.toFraction()));
    expect(a.f.map((x) => x.toFraction())).not.toEqual(c.f.map((x) => x.toFraction()));
    expect(a.f.every((x) => x.s > 0n && x.n > 0n)).toBe(true);
    for (const seed of [1, 2, 3]) expect(isRegular(randomRegularPrior(seed, 2, 5))).toBe(true);
  });
});

describe("local virtual values (slide *Regular case*, erratum form)", () => {
  it("match a hand computation on a 2×2 correlated prior", () => {
    // f(1,1) = 4/8, f(1,2) = 1/8, f(2,1) = 1/8, f(2,2) = 2/8; V = {1, 2}, Δ = 1.
    // φ̃_1(1,1) = 1 − f(2,1)/f(1,1) = 1 − 1/4 = 3/4;  φ̃_1(1,2) = 1 − f(2,2)/f(1,2) = 1 − 2 = −1
    // φ̃_2(2,1) = 1 − f(2,2)/f(2,1) = −1;  top values: φ̃_i = v_i = 2.
    const prior = auctionPrior(2, 2, [4, 1, 1, 2]);
    const at = (i: number, a: number, b: number) => localVirtualValue(prior, i, profileIndex([2, 2], [a, b])).toFraction();
    expect([at(0, 0, 0), at(0, 0, 1), at(0, 1, 0), at(0, 1, 1)]).toEqual(["3/4", "-1", "2", "2"]);
    expect([at(1, 0, 0), at(1, 0, 1), at(1, 1, 0), at(1, 1, 1)]).toEqual(["3/4", "2", "-1", "2"]);
    expect(isRegular(prior)).toBe(true);
    // Σ f·max(0, max φ̃) = (4·3/4 + 1·2 + 1·2 + 2·2)/8 = 11/8
    expect(localVirtualValueRevenue(prior).toFraction()).toBe("11/8");
  });

  it("detects irregularity", () => {
    // One bidder, V = {1,2,3}, f = (4,1,4)/9: φ̃(1) = 1 − (1+4)/4 = −1/4, φ̃(2) = 2 − 4/1 = −2 < φ̃(1).
    const prior = auctionPrior(1, 3, [4, 1, 4]);
    const w = regularityViolation(prior)!;
    expect(w).not.toBeNull();
    expect([w.i, w.v, w.next, w.phi.toFraction(), w.phiNext.toFraction()]).toEqual([0, [0], [1], "-1/4", "-2"]);
    expect(() => localVirtualValueRevenue(auctionPrior(1, 2, [1, 0]))).toThrow(/f\(v\) > 0/);
  });
});

describe("mechanism checker", () => {
  it("accepts a feasible mechanism and reports each violated constraint of (P)", () => {
    const prior = auctionPrior(1, 2, [1, 1]);
    // Posted price 2: q = (0, 1), t = (0, 2). Revenue 1/2·2 = 1.
    const ok = checkAuctionMechanism(prior, [[q(0), q(1)]], [[q(0), q(2)]]);
    expect(ok).toEqual({ revenue: q(1), violations: [] });
    // Charge each value its own value: q = (1,1), t = (1,2): value 2 gains 1 by reporting 1.
    const bad = checkAuctionMechanism(prior, [[q(1), q(1)]], [[q(1), q(2)]]);
    expect(bad.violations).toEqual(["EPIC i=1 v=(2) report 1"]);
    const bad2 = checkAuctionMechanism(prior, [[q(1), q(2)]], [[q(2), q(0)]]);
    expect(bad2.violations).toContain("EPIR i=1 v=(1)");
    expect(bad2.violations).toContain("FEAS v=(2)");
  });
});

describe("optimal ex post auction: solved exactly", () => {
  it("independent uniform prior on {1,2}²: revenue 3/2", () => {
    // By hand: with local downward IC binding and IR binding at the bottom, revenue =
    // Σ_v f(v) Σ_i φ̃_i(v) q_i(v) for monotone q; here φ̃_i = 0 at v_i = 1 and 2 at v_i = 2, so
    // selling to a value-2 bidder whenever there is one (price 2) is optimal: revenue
    // (0 + 2 + 2 + 2)/4 = 3/2 (selling at (1,1) for price 1/2 each is a tie: it gains 1 there and
    // lowers the price by 1/2 at (1,2) and at (2,1)). Upper bound: the local multipliers give
    // value(P) ≤ Σ f·max(0, max φ̃) = 3/2.
    const prior = auctionPrior(2, 2, [1, 1, 1, 1]);
    const reserve2 = checkAuctionMechanism(
      prior,
      [[q(0), q(0), q(1), q(1)], [q(0), q(1), q(0), q(0)]],
      [[q(0), q(0), q(2), q(2)], [q(0), q(2), q(0), q(0)]],
    );
    expect(reserve2).toEqual({ revenue: q("3/2"), violations: [] });
    const m = optimalExPostAuctionLp(prior);
    expect(optimum(m, solve(m)).toFraction()).toBe("3/2");
    expect(optimum(m, exactSimplex(m)).toFraction()).toBe("3/2");
  });

  it("correlated prior f = (4,1,1,2)/8 on {1,2}²: revenue 11/8, attained by the hand mechanism", () => {
    // Hand derivation (φ̃ computed above): at (1,1) both φ̃ = 3/4 > 0, so sell there; give it to
    // bidder 1 at price 1. Bidder 1 at (2,1) must get ≥ 2·1 − 1 = 1 from deviating to 1, so his
    // price at (2,1) is at most 1. At (1,2) bidder 2 (φ̃ = 2) buys at 2 (bidder 2 got nothing at
    // (1,1)); at (2,2) bidder 1 buys at 2 (he got nothing at (1,2)). Revenue
    // (4·1 + 1·2 + 1·1 + 2·2)/8 = 11/8, which equals the local-multiplier bound Σ f·max(0, max φ̃).
    const prior = auctionPrior(2, 2, [4, 1, 1, 2]);
    // profile order (1,1), (1,2), (2,1), (2,2)
    const hand = checkAuctionMechanism(
      prior,
      [[q(1), q(0), q(1), q(1)], [q(0), q(1), q(0), q(0)]],
      [[q(1), q(0), q(1), q(2)], [q(0), q(2), q(0), q(0)]],
    );
    expect(hand).toEqual({ revenue: q("11/8"), violations: [] });
    const m = optimalExPostAuctionLp(prior);
    const r = solve(m);
    expect(optimum(m, r).toFraction()).toBe("11/8");
    // The LP's own optimal mechanism satisfies (P) by the direct check too.
    const mech = auctionMechanismFromPrimal(prior, (r as Extract<LpResult, { status: "optimal" }>).primal);
    expect(checkAuctionMechanism(prior, mech.q, mech.t)).toEqual({ revenue: q("11/8"), violations: [] });
  });

  it("one bidder: (P) equals the best posted price max_k v_k·P(v ≥ v_k) (seeds 21–24)", () => {
    for (const seed of [21, 22, 23, 24]) {
      const prior = randomCorrelatedPrior(seed, 1, 6, { delta: "1/2" });
      let best = q(0);
      for (let k = 0; k < 6; k++) {
        let tail = q(0);
        for (let j = k; j < 6; j++) tail = tail.add(prior.f[j]!);
        const rev = gridValue(prior, k).mul(tail);
        if (rev.compare(best) > 0) best = rev;
      }
      const m = optimalExPostAuctionLp(prior);
      expect(optimum(m, solve(m)).equals(best)).toBe(true);
    }
  });

  it("regular priors: value(P) = Σ f·max(0, max φ̃) (seeds 1–3, n = 2, K = 3..4; n = 3, K = 2)", () => {
    const cases: [number, number, number][] = [[1, 2, 3], [2, 2, 4], [3, 3, 2]];
    for (const [seed, n, K] of cases) {
      const prior = randomRegularPrior(seed, n, K);
      expect(isRegular(prior)).toBe(true);
      const m = optimalExPostAuctionLp(prior);
      const r = solve(m);
      const value = optimum(m, r);
      expect(value.equals(localVirtualValueRevenue(prior))).toBe(true);
      const mech = auctionMechanismFromPrimal(prior, (r as Extract<LpResult, { status: "optimal" }>).primal);
      const chk = checkAuctionMechanism(prior, mech.q, mech.t);
      expect(chk.violations).toEqual([]);
      expect(chk.revenue.equals(value)).toBe(true);
    }
  });

  it("any full-support prior: value(P) ≤ Σ f·max(0, max φ̃), strictly for some irregular one (seeds 30–37, n = 2, K = 4)", () => {
    let strict = 0;
    let irregular = 0;
    for (let seed = 30; seed < 38; seed++) {
      const prior = randomCorrelatedPrior(seed, 2, 4);
      const m = optimalExPostAuctionLp(prior, { ic: "local" });
      const value = optimum(m, solve(m));
      const bound = localVirtualValueRevenue(prior);
      expect(value.compare(bound)).toBeLessThanOrEqual(0);
      if (!isRegular(prior)) irregular++;
      if (value.compare(bound) < 0) {
        strict++;
        expect(isRegular(prior)).toBe(false);
      }
    }
    expect(irregular).toBeGreaterThan(0);
    expect(strict).toBeGreaterThan(0);
  });

  it("local and all-pairs EPIC give the same optimum (seeds 40–42)", () => {
    for (const [seed, n, K] of [[40, 2, 4], [41, 2, 3], [42, 3, 3]] as const) {
      const prior = randomCorrelatedPrior(seed, n, K);
      const all = optimalExPostAuctionLp(prior);
      const loc = optimalExPostAuctionLp(prior, { ic: "local" });
      expect(optimum(all, solve(all)).equals(optimum(loc, solve(loc)))).toBe(true);
    }
  });

  it("the exact simplex and the certified path agree (n = 2, K = 3, seed 50)", () => {
    const prior = randomCorrelatedPrior(50, 2, 3);
    const m = optimalExPostAuctionLp(prior);
    expect(optimum(m, exactSimplex(m)).equals(optimum(m, solve(m)))).toBe(true);
  });
});
