import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Q } from "../../src/exact/rational.ts";
import { auctionDirectMechanism, auctionIndirectMechanism, auctionOutcome, symmetricPureEquilibria } from "../../src/auctions/gridAuctions.ts";
import { expectedBudget, prop626Case, publicGoodEnvironment, publicGoodIrVcg, trivialPublicGoodMechanism } from "../../src/publicGoods/provision.ts";
import { singleObjectEnvironment } from "../../src/model/singleObject.ts";
import { budget, decode, fr, isEfficient, maxDsicGain, RUNS, sizesOf, u, Z } from "./bruteForce.ts";

const s = (xs: readonly Q[]) => xs.map((x) => x.toFraction());

describe("auctions on grids", () => {
  it("outcomes at the bid profile (3, 5, 5) with uniform ties", () => {
    const b = [fr(3), fr(5), fr(5)];
    // agents 2 and 3 tie at 5: each wins w.p. 1/2
    expect(s(auctionOutcome("first-price", b).win)).toEqual(["0", "1/2", "1/2"]);
    expect(s(auctionOutcome("first-price", b).payments)).toEqual(["0", "5/2", "5/2"]); // 1/2 · 5
    expect(s(auctionOutcome("second-price", b).payments)).toEqual(["0", "5/2", "5/2"]); // price = other's 5
    expect(s(auctionOutcome("all-pay", b).payments)).toEqual(["3", "5", "5"]);
    // bid-split: each winner (w.p. 1/2) pays 5 and everybody receives 5/3: −5/3, 5/2 − 5/3 = 5/6, 5/6
    expect(s(auctionOutcome("bid-split", b).payments)).toEqual(["-5/3", "5/6", "5/6"]);
    expect(s(auctionOutcome("first-price", b, "lowest-index").win)).toEqual(["0", "1", "0"]);
    expect(s(auctionOutcome("second-price", [fr(3), fr(5), fr(4)]).payments)).toEqual(["0", "4", "0"]);
  });

  it("random grids: truthful second-price is DSIC (both tie rules); the direct mechanisms implement the bid function", () => {
    const grids = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 });
    fc.assert(
      fc.property(grids, fc.constantFrom("uniform" as const, "lowest-index" as const), (g, tie) => {
        const env = singleObjectEnvironment(g);
        const spa = auctionDirectMechanism(env, "second-price", { tie });
        expect(maxDsicGain(env, spa).compare(0)).toBeLessThanOrEqual(0);
        expect(isEfficient(env, spa)).toBe(true);
        // first-price with bids = half the value: the winner pays half her value
        const half = g.map((row) => row.map((v) => fr(v, 2)));
        const fpa = auctionDirectMechanism(env, "first-price", { bids: half, tie });
        fpa.allocation.forEach((lot, t) => {
          const p = decode(sizesOf(env), t);
          lot.forEach((w, i) => expect(fpa.payments[t]![i]!.equals(w.mul(half[i]![p[i]!]!))).toBe(true));
        });
        const ap = auctionDirectMechanism(env, "all-pay", { bids: half });
        ap.payments.forEach((row, t) => row.forEach((x, i) => expect(x.equals(half[i]![decode(sizesOf(env), t)[i]!]!)).toBe(true)));
      }),
      RUNS,
    );
  });

  it("the indirect mechanism has one action per bid and lotteries summing to 1", () => {
    const m = auctionIndirectMechanism("all-pay", [["0", "1/2"], ["0", "1/2", "1"]]);
    expect(m.actions).toEqual([["0", "1/2"], ["0", "1/2", "1"]]);
    expect(m.outcome.length).toBe(6);
    expect(m.outcome.every((lot) => lot.reduce((a, b) => a.add(b), Z).equals(1))).toBe(true);
    expect(s(m.payments[5]!)).toEqual(["1/2", "1"]);
  });

  it("symmetric pure equilibria, hand case: FPA, n = 2, values {0, 1} equally likely, bids {0, 1/2, 1}", () => {
    // β(0) must be 0 (a positive bid wins sometimes and pays more than 0).
    // β(1) = 0: bid 0 wins w.p. 1/2 → 1/2; bid 1/2 wins surely → 1/2; bid 1 → 0. Equilibrium.
    // β(1) = 1/2: bid 1/2 wins w.p. 1/2 + 1/4 → 3/4 · 1/2 = 3/8; bid 0 → 1/4; bid 1 → 0. Equilibrium.
    // β(1) = 1: bid 1 → 0 < bid 1/2 → 1/2 · 1/2 = 1/4. Not.
    const res = symmetricPureEquilibria("first-price", 2, [0, 1], ["1/2", "1/2"], [0, "1/2", 1]);
    expect(res.equilibria).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(res.examined).toBe(6); // nondecreasing maps from 2 values to 3 bids: C(4, 2)
    // second-price: truthful bidding (β = identity on the value grid) is among the equilibria
    const spa = symmetricPureEquilibria("second-price", 3, [0, 1, 2], ["1/3", "1/3", "1/3"], [0, 1, 2]);
    expect(spa.equilibria).toContainEqual([0, 1, 2]);
    // No pure symmetric equilibrium: FPA, n = 2, values {0, 2} equally likely, bids {0, 1/4, …, 2}.
    // β(0) = 0 (a positive bid would sometimes win and pay more than 0). Let b = β(2).
    // b = 0: bidding 1/4 wins surely, 7/4 > 1 = payoff at 0. b > 0: at b win prob 3/4, payoff
    // (3/4)(2 − b); overbidding to b + 1/4 gives 7/4 − b, which is no better iff b ≥ 1; bidding 1/4
    // (< b) wins w.p. 1/2: 7/8, no better iff b ≤ 5/6 (for b = 1/4, bidding 0 gives 1/2 and 21/16 <
    // 3/2 = overbid). Both cannot hold: no equilibrium.
    const quarter = Array.from({ length: 9 }, (_, k) => `${k}/4`);
    expect(symmetricPureEquilibria("first-price", 2, [0, 2], ["1/2", "1/2"], quarter).equilibria).toEqual([]);
    // all-pay with a single value 1, bids {0, …, 1}: at a common bid b the payoff is 1/2 − b; for
    // b ≤ 1/2 overbidding by 1/4 gives 3/4 − b > 1/2 − b; for b ≥ 3/4 the payoff is < 0 = bidding 0. None.
    expect(symmetricPureEquilibria("all-pay", 2, [1], ["1"], quarter.slice(0, 5)).equilibria).toEqual([]);
    expect(() => symmetricPureEquilibria("first-price", 2, [1, 0], ["1/2", "1/2"], [0, 1])).toThrow(/values\[1\].*strictly increasing/);
    expect(() => symmetricPureEquilibria("first-price", 2, [0, 1, 2, 3, 4, 5, 6, 7], Array(8).fill("1/8"), Array.from({ length: 30 }, (_, k) => k), { limit: 1000 })).toThrow(/exceed the limit/);
  });
});

describe("public good ([BernardMD3, Prop 6.26])", () => {
  it("hand case: n = 2, values {0, 1}, c = 1: IR-VCG budget (0, 0, 0, −1), expected −1/4", () => {
    // Provide iff θ_1 + θ_2 ≥ 1. v_i(provided) = θ_i − 1/2. h_i(θ_{-i}) = min_{θ_i} max(0, θ_1 + θ_2 − 1) = 0.
    // p_i = −q·(θ_{-i} − 1/2): (0,0): no; (0,1): p = (−1/2, 1/2); (1,0): (1/2, −1/2); (1,1): (−1/2, −1/2).
    // Gross contributions p_i + q/2: (0,1): (0, 1); (1,1): (0, 0) — the cost 1 is uncovered.
    const pg = publicGoodEnvironment([[0, 1], [0, 1]], 1);
    const r = publicGoodIrVcg(pg);
    expect(r.mechanism.payments.map(s)).toEqual([["0", "0"], ["-1/2", "1/2"], ["1/2", "-1/2"], ["-1/2", "-1/2"]]);
    expect(r.contributions.map(s)).toEqual([["0", "0"], ["0", "1"], ["1", "0"], ["0", "0"]]);
    expect(s(r.budget)).toEqual(["0", "0", "0", "-1"]);
    expect(expectedBudget(pg, r.budget, [["1/2", "1/2"], ["1/2", "1/2"]]).toFraction()).toBe("-1/4");
    expect(prop626Case(pg)).toBeNull();
    expect(() => trivialPublicGoodMechanism(pg)).toThrow(/cost: 1 lies strictly between/);
  });

  it("random grids: IR-VCG is DSIC, efficient and ex post IR; budget = Σ gross − c·q", () => {
    const arb = fc.tuple(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 0, max: 12 }));
    let trivialSeen = 0;
    fc.assert(
      fc.property(arb, ([g, c]) => {
        const pg = publicGoodEnvironment(g, c);
        const r = publicGoodIrVcg(pg);
        const env = pg.env;
        expect(maxDsicGain(env, r.mechanism).compare(0)).toBeLessThanOrEqual(0);
        expect(isEfficient(env, r.mechanism)).toBe(true);
        r.mechanism.allocation.forEach((_, t) => {
          const p = decode(sizesOf(env), t);
          const vals = p.map((k, i) => g[i]![k]!);
          const provide = vals.reduce((a, b) => a + b, 0) >= c;
          expect(r.rule[t]).toBe(provide ? 1 : 0);
          let gross = Z;
          for (let i = 0; i < g.length; i++) {
            expect(u(env, r.mechanism, i, t, t).compare(0)).toBeGreaterThanOrEqual(0); // ex post IR
            // utility in the original terms: q·θ_i − gross contribution
            expect(u(env, r.mechanism, i, t, t).equals(fr(provide ? vals[i]! : 0).sub(r.contributions[t]![i]!))).toBe(true);
            gross = gross.add(r.contributions[t]![i]!);
          }
          expect(r.budget[t]!.equals(gross.sub(provide ? c : 0))).toBe(true);
        });
        const kase = prop626Case(pg);
        if (kase !== null) {
          trivialSeen++;
          const tm = trivialPublicGoodMechanism(pg);
          expect(budget(tm.mechanism).every((b) => b.equals(0))).toBe(true);
          expect(maxDsicGain(env, tm.mechanism).compare(0)).toBeLessThanOrEqual(0);
          expect(isEfficient(env, tm.mechanism)).toBe(true);
          tm.mechanism.payments.forEach((_, t) => g.forEach((__, i) => expect(u(env, tm.mechanism, i, t, t).compare(0)).toBeGreaterThanOrEqual(0)));
        }
      }),
      RUNS,
    );
    expect(trivialSeen).toBeGreaterThan(0);
  });

  it("trivial case 'always': values {2,3} and {1,2}, c = 2 → contributions 3/2 and 1/2", () => {
    // Σ min = 3 ≥ 2; contribution v̲_i − (3 − 2)/2: 2 − 1/2 = 3/2, 1 − 1/2 = 1/2 (sum 2 = c).
    const pg = publicGoodEnvironment([[2, 3], [1, 2]], 2);
    expect(prop626Case(pg)).toBe("always");
    const tm = trivialPublicGoodMechanism(pg);
    expect(s(tm.contributions[0]!)).toEqual(["3/2", "1/2"]);
  });
});
