import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Q } from "../../src/exact/rational.ts";
import { cavalloMechanism } from "../../src/budgetBalance/cavallo.ts";
import { bidSplitMechanism, cgkMechanism, partnershipEnvironment } from "../../src/trade/partnership.ts";
import { greenLaffontMechanism } from "../../src/budgetBalance/greenLaffontMechanism.ts";
import { singleObjectEnvironment } from "../../src/model/singleObject.ts";
import { beliefsFromPrior, budget, decode, fr, interimU, isEfficient, maxBicGain, maxDsicGain, pmf, product, RUNS, sizesOf, Z } from "./bruteForce.ts";

/** Value grids: n agents, 1–3 distinct small integer values each (ties across agents are common). */
const grids = (minN: number, maxN: number) =>
  fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }), { minLength: minN, maxLength: maxN });

/** Sorted copy, descending. */
const desc = (xs: readonly Q[]) => xs.slice().sort((a, b) => b.compare(a));

describe("Cavallo's mechanism ([Mishra2020])", () => {
  it("hand case v = (6, 4, 1)", () => {
    // Winner 1 pays v_2 = 4; agents 1, 2 get back v_3/3 = 1/3; agent 3 gets v_2/3 = 4/3.
    // Payments: 4 − 1/3 = 11/3, −1/3, −4/3; collected 2 = (2/3)(4 − 1).
    const env = singleObjectEnvironment([[6], [4], [1]]);
    const m = cavalloMechanism(env).mechanism;
    expect(m.payments[0]!.map((x) => x.toFraction())).toEqual(["11/3", "-1/3", "-4/3"]);
    expect(budget(m)[0]!.toFraction()).toBe("2");
  });

  it("random grids, n = 3..4: DSIC, efficient, collects exactly (2/n)(v(2) − v(3)) ≥ 0", () => {
    fc.assert(
      fc.property(grids(3, 4), (g) => {
        const env = singleObjectEnvironment(g);
        const m = cavalloMechanism(env).mechanism;
        expect(maxDsicGain(env, m).compare(0)).toBeLessThanOrEqual(0);
        expect(isEfficient(env, m)).toBe(true);
        const n = g.length;
        budget(m).forEach((b, t) => {
          const v = desc(decode(sizesOf(env), t).map((k, i) => fr(g[i]![k]!)));
          expect(b.equals(v[1]!.sub(v[2]!).mul(fr(2, n)))).toBe(true);
          expect(b.compare(0)).toBeGreaterThanOrEqual(0);
        });
      }),
      RUNS,
    );
  });

  it("refuses n < 3 and non-single-object environments", () => {
    expect(() => cavalloMechanism(singleObjectEnvironment([[1], [2]]))).toThrow(/at least 3 agents/);
    const env = singleObjectEnvironment([[1], [2], [3]]);
    expect(() => cavalloMechanism({ ...env, valuation: [env.valuation[0]!.map(() => [fr(1), fr(1), Z]), env.valuation[1]!, env.valuation[2]!] })).toThrow(/valuation\[0\]\[0\]\[1\]/);
  });
});

describe("Green–Laffont mechanism ([Mishra2020, *Relax efficiency*])", () => {
  it("hand case v = (6, 4, 1): allocation (2/3, 1/3, 0), payments ((n−2)/n·v_2, 0, −v_2/n) = (4/3, 0, −4/3)", () => {
    const m = greenLaffontMechanism(singleObjectEnvironment([[6], [4], [1]]));
    expect(m.allocation[0]!.map((x) => x.toFraction())).toEqual(["2/3", "1/3", "0"]);
    expect(m.payments[0]!.map((x) => x.toFraction())).toEqual(["4/3", "0", "-4/3"]);
  });

  it("random grids, n = 2..4: highest (ties: lower index) w.p. 1 − 1/n, second w.p. 1/n; DSIC; ex post BB", () => {
    fc.assert(
      fc.property(grids(2, 4), (g) => {
        const env = singleObjectEnvironment(g);
        const m = greenLaffontMechanism(env);
        const n = g.length;
        expect(maxDsicGain(env, m).compare(0)).toBeLessThanOrEqual(0);
        expect(budget(m).every((b) => b.equals(0))).toBe(true);
        m.allocation.forEach((lot, t) => {
          const v = decode(sizesOf(env), t).map((k, i) => g[i]![k]!);
          const order = v.map((_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b);
          const want = v.map(() => Z);
          want[order[0]!] = fr(n - 1, n);
          want[order[1]!] = want[order[1]!]!.add(fr(1, n));
          expect(lot.map((x) => x.toFraction())).toEqual(want.map((x) => x.toFraction()));
        });
      }),
      RUNS,
    );
  });
});

describe("CGK on grids ([Mishra2020])", () => {
  it("random partnerships: the CGK mechanism is efficient, ex post BB, BIC, and its worst net interim utility is exactly (1/n)ΣW", () => {
    const arb = fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([vals, n]) => fc.tuple(fc.constant(vals.sort((a, b) => a - b)), pmf(vals.length), pmf(n)));
    const seen = { ir: 0, notIr: 0 };
    fc.assert(
      fc.property(arb, ([vals, marginal, shares]) => {
        const env = partnershipEnvironment(vals, shares);
        const ms = shares.map(() => marginal);
        const res = cgkMechanism(env, ms);
        const m = res.mechanism;
        expect(isEfficient(env, m)).toBe(true);
        expect(budget(m).every((b) => b.equals(0))).toBe(true);
        const beliefs = beliefsFromPrior(sizesOf(env), product(ms));
        expect(maxBicGain(env, m, beliefs).compare(0)).toBeLessThanOrEqual(0);
        // each agent's minimum over types of U_i(θ_i) − r_i·w(θ_i) equals the slack
        for (let i = 0; i < shares.length; i++) {
          const worst = vals.map((w, k) => interimU(env, m, beliefs, i, k, k).sub(shares[i]!.mul(w))).reduce((a, b) => (b.compare(a) < 0 ? b : a));
          expect(worst.equals(res.slack)).toBe(true);
        }
        expect(res.interimIR).toBe(res.slack.compare(0) >= 0);
        seen[res.interimIR ? "ir" : "notIr"]++;
      }),
      RUNS,
    );
    expect(seen.ir).toBeGreaterThan(0);
  });

  it("hand case: one seller, one buyer, values {0, 1} equally likely — the dAGV-based CGK mechanism is not IIR", () => {
    // Efficient allocation with ties split: at (0,0) and (1,1) each gets 1/2.
    // r_i(v_i) = E[v_j·Q_j]: r(0) = 1/2·(1/2·0) + 1/2·1 = 1/2; r(1) = 1/2·0 + 1/2·(1/2·1) = 1/4.
    // dAGV p_i = r_j(v_j) − r_i(v_i); interim U_i(v) = E[v·Q_i] − E[p_i]:
    //   U(0) = 0 − (E r_j − 1/2) = 1/2 − 3/8 = 1/8;  U(1) = (1/2 + 1/4) − (3/8 − 1/4) = 3/4 − 1/8 = 5/8.
    // Seller (share 1): W_S = min(1/8 − 0, 5/8 − 1) = −3/8; buyer (share 0): W_B = min(1/8, 5/8) = 1/8.
    // ΣW = −1/4 < 0, slack −1/8.
    const env = partnershipEnvironment([0, 1], [1, 0]);
    const res = cgkMechanism(env, [["1/2", "1/2"], ["1/2", "1/2"]]);
    expect(res.W.map((x) => x.toFraction())).toEqual(["-3/8", "1/8"]);
    expect(res.slack.toFraction()).toBe("-1/8");
    expect(res.interimIR).toBe(false);
    // equal shares (1/2, 1/2): W = min(1/8, 5/8 − 1/2) = 1/8 each, slack 1/8 ≥ 0
    const eq = cgkMechanism(partnershipEnvironment([0, 1], ["1/2", "1/2"]), [["1/2", "1/2"], ["1/2", "1/2"]]);
    expect(eq.slack.toFraction()).toBe("1/8");
    expect(eq.interimIR).toBe(true);
  });

  it("bid-split: the highest bid wins and pays it, every agent gets bid/n; ex post BB; truthful bids are not BIC", () => {
    // v = (3, 1, 2) truthful: agent 1 pays 3 − 1 = 2, others receive 1.
    const env = singleObjectEnvironment([[3], [1], [2]]);
    const m = bidSplitMechanism(env);
    expect(m.payments[0]!.map((x) => x.toFraction())).toEqual(["2", "-1", "-1"]);
    const g = partnershipEnvironment([0, 1, 2], ["1/2", "1/2"]);
    const mg = bidSplitMechanism(g);
    expect(budget(mg).every((b) => b.equals(0))).toBe(true);
    const u = [fr(1, 3), fr(1, 3), fr(1, 3)];
    expect(maxBicGain(g, mg, beliefsFromPrior([3, 3], product([u, u]))).compare(0)).toBeGreaterThan(0);
  });

  it("partnership input errors", () => {
    expect(() => partnershipEnvironment([0, 1], ["1/2", "1/3"])).toThrow(/shares: shares sum to 5\/6/);
    expect(() => partnershipEnvironment([0, 1], ["3/2", "-1/2"])).toThrow(/shares\[1\]: share -1\/2 is negative/);
    expect(() => partnershipEnvironment([0, 0], ["1/2", "1/2"])).toThrow(/appears twice/);
  });
});
