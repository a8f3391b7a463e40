import fc from "fast-check";
import Fraction from "fraction.js";
import { beforeAll, describe, expect, it } from "vitest";
import { MechcheckError } from "../../src/errors.ts";
import type { Q } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import type { DirectMechanism, Environment } from "../../src/model/environment.ts";
import {
  auctionOfAnIndivisibleGood,
  conditionalBeliefs,
  cremerMcLeanCondition,
  cremerMcLeanMechanism,
  fullInformationMechanism,
  fullSurplusExtraction,
  pairTableAsLotteries,
  pairTableToProfiles,
  yetAnotherAuction,
} from "../../src/beliefs/cremerMcLean.ts";
import { beliefsFromPrior, count, decode, fr, interimPay, interimU, maxBicGain, pmf, product, RUNS, smallRat, Z } from "./bruteForce.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const strTable = (rows: readonly (readonly Q[])[]) => rows.map((r) => r.map((x) => x.toFraction()));
const allEq = (a: readonly (readonly Q[])[], b: readonly (readonly Q[])[]) => a.length === b.length && a.every((r, i) => r.length === b[i]!.length && r.every((x, j) => x.equals(b[i]![j]!)));

/** Beliefs per type over the others' profile (two agents: the other agent's type), from the prior, by hand loops. */
function twoAgentBeliefs(sizes: number[], prior: readonly Q[]): Q[][][] {
  return [0, 1].map((i) =>
    Array.from({ length: sizes[i]! }, (_, ti) => {
      const row = Array.from({ length: sizes[1 - i]! }, (_, k) => prior[i === 0 ? ti * sizes[1]! + k : k * sizes[1]! + ti]!);
      const m = row.reduce((a, b) => a.add(b), Z);
      return row.map((x) => x.div(m));
    }),
  );
}
const E = (b: readonly Q[], y: readonly Q[]) => b.reduce((s, p, k) => s.add(p.mul(y[k]!)), Z);

describe("Crémer–McLean: Auction of an Indivisible Good ([BernardMD3])", () => {
  const ex = auctionOfAnIndivisibleGood();
  const sizes = [3, 3];
  const fullBeliefs = beliefsFromPrior(sizes, ex.prior);

  it("the prior is a pmf; types are correlated; the slide's allocation and IR payments are the full-information mechanism", () => {
    expect(ex.prior.reduce((a, b) => a.add(b), Z).equals(1)).toBe(true);
    // marginal of v1 is 0.35 for both; 0.35² ≠ 0.2
    expect(ex.prior[0]!.equals(fr(7, 20).mul(fr(7, 20)))).toBe(false);
    const fi = fullInformationMechanism(ex.env, "uniform");
    expect(allEq(fi.allocation, pairTableToProfiles(ex.slide.allocation!))).toBe(true);
    expect(allEq(fi.payments, pairTableToProfiles(ex.slide.irPayments!))).toBe(true);
    // every type's ex post utility is 0, so IR; but not BIC (type v2 gains 1/6 by reporting v1, see below)
    expect(maxBicGain(ex.env, fi, fullBeliefs).toFraction()).toBe("2/7");
  });

  it("the slide's y separates: E_θ[y(θ,·)] = 0 and E_θ[y(r,·)] > 0 for r ≠ θ", () => {
    const z = pairTableAsLotteries(ex.slide.beliefElicitation!, [3, 3]);
    const beliefs = twoAgentBeliefs(sizes, ex.prior);
    for (let i = 0; i < 2; i++)
      for (let th = 0; th < 3; th++)
        for (let r = 0; r < 3; r++) {
          const e = E(beliefs[i]![th]!, z[i]![r]!);
          expect(r === th ? e.equals(0) : e.compare(0) > 0).toBe(true);
        }
  });

  it("IR payments + 1·y reproduce the slide's optimal payments; the least multiplier for this y is 2/3", () => {
    // Deviation gains of the full-information mechanism and penalties E_θ[y(r,·)] (beliefs
    // v1: (4,2,1)/7, v2: (1,1,1)/3, v3: (1,2,4)/7):
    //   v2→v1: gain 1/3·(2·1/2 − 1/2) = 1/6, penalty (−3+3+6)/3 = 2, ratio 1/12
    //   v3→v2: gain 1/7·(3−2) + 2/7·(3/2 − 1) = 2/7, penalty (3−12+12)/7 = 3/7, ratio 2/3
    //   v3→v1: gain 1/7·(3/2 − 1/2) = 1/7, penalty (−3+6+24)/7 = 27/7, ratio 1/27
    //   upward lies lose money (the winner pays more than her value). So cMin = 2/3.
    const fi = fullInformationMechanism(ex.env, "uniform");
    const res = cremerMcLeanMechanism(ex.env, { kind: "common-prior", prior: ex.prior }, fi, { lotteries: pairTableAsLotteries(ex.slide.beliefElicitation!, [3, 3]), c: 1 });
    expect(res.cMin.toFraction()).toBe("2/3");
    expect(res.cMax).toBeNull();
    expect(strTable(res.mechanism.payments)).toEqual(strTable(pairTableToProfiles(ex.slide.optimalPayments!)));
    expect(maxBicGain(ex.env, res.mechanism, fullBeliefs).compare(0)).toBeLessThanOrEqual(0);
    for (let i = 0; i < 2; i++) for (let t = 0; t < 3; t++) expect(interimU(ex.env, res.mechanism, fullBeliefs, i, t, t).equals(0)).toBe(true);
    expect(() => cremerMcLeanMechanism(ex.env, { kind: "common-prior", prior: ex.prior }, fi, { lotteries: pairTableAsLotteries(ex.slide.beliefElicitation!, [3, 3]), c: "1/2" })).toThrow(/c: 1\/2 does not make/);
  });

  it("our own Farkas construction: CM holds, full surplus extraction is BIC with every interim utility 0 and revenue E[max value]", () => {
    const cm = cremerMcLeanCondition(conditionalBeliefs(sizes, ex.prior));
    expect(cm.holds).toBe(true);
    const res = fullSurplusExtraction(ex.env, { kind: "common-prior", prior: ex.prior });
    expect(maxBicGain(ex.env, res.mechanism, fullBeliefs).compare(0)).toBeLessThanOrEqual(0);
    for (let i = 0; i < 2; i++) for (let t = 0; t < 3; t++) expect(interimU(ex.env, res.mechanism, fullBeliefs, i, t, t).equals(0)).toBe(true);
    let rev = Z;
    let surplus = Z;
    ex.prior.forEach((p, t) => {
      rev = rev.add(p.mul(res.mechanism.payments[t]![0]!.add(res.mechanism.payments[t]![1]!)));
      const [a, b] = decode(sizes, t);
      surplus = surplus.add(p.mul(Math.max(a!, b!) + 1));
    });
    // E[max] = 1·0.2 + 2·(0.1+0.1+0.1) + 3·(0.05+0.1+0.2+0.1+0.05) = 0.2 + 0.6 + 1.5 = 2.3
    expect(surplus.toFraction()).toBe("23/10");
    expect(rev.equals(surplus)).toBe(true);
  });
});

describe("Crémer–McLean: Yet Another Auction ([BernardMD3])", () => {
  const ex = yetAnotherAuction();
  const sizes = [2, 3];
  const fullBeliefs = beliefsFromPrior(sizes, ex.prior);

  it("types are correlated and CM fails exactly at buyer 2's types v4 and v5 (same belief (1/2, 1/2))", () => {
    // marginal of (v0) = 5/11, of (v1) = 3/11: product 15/121 ≠ 1/11
    expect(ex.prior[0]!.equals(fr(15, 121))).toBe(false);
    const beliefs = conditionalBeliefs(sizes, ex.prior);
    const cm = cremerMcLeanCondition(beliefs);
    expect(cm.holds).toBe(false);
    expect(cm.perType[0]!.every((v) => v.separated)).toBe(true);
    expect(cm.perType[1]!.map((v) => v.separated)).toEqual([true, false, false]);
    for (const v of cm.perType[1]!) {
      if (v.separated) continue;
      // certificate: Σ λ π(·|τ') = π(·|τ), λ ≥ 0, λ_τ = 0 — checked against beliefs from the prior
      const hand = twoAgentBeliefs(sizes, ex.prior)[1]!;
      expect(v.weights[v.type]!.equals(0)).toBe(true);
      expect(v.weights.every((w) => w.compare(0) >= 0)).toBe(true);
      for (let k = 0; k < 2; k++) expect(hand.reduce((s, b, t) => s.add(v.weights[t]!.mul(b[k]!)), Z).equals(hand[v.type]![k]!)).toBe(true);
    }
    expect(() => fullSurplusExtraction(ex.env, { kind: "common-prior", prior: ex.prior })).toThrow(/Crémer–McLean condition fails/);
  });

  it("the slide's allocation is efficient, its payments are IR, and v4, v5 gain by pretending to be v1 (3/2 and 1)", () => {
    const fi = fullInformationMechanism(ex.env, "uniform");
    expect(allEq(fi.allocation, pairTableToProfiles(ex.slide.allocation!))).toBe(true);
    const m: DirectMechanism = { kind: "direct", allocation: fi.allocation, payments: pairTableToProfiles(ex.slide.payments!) };
    for (let i = 0; i < 2; i++) for (let t = 0; t < sizes[i]!; t++) expect(interimU(ex.env, m, fullBeliefs, i, t, t).compare(0)).toBeGreaterThanOrEqual(0);
    // v4 (belief 1/2, 1/2) reporting v1: wins against v0 only, pays 1: (4 − 1)/2 = 3/2; truthful: 4 − 4 = 0.
    expect(interimU(ex.env, m, fullBeliefs, 1, 1, 0).sub(interimU(ex.env, m, fullBeliefs, 1, 1, 1)).toFraction()).toBe("3/2");
    // v5 reporting v1: (5 − 1)/2 = 2; truthful: wins always and pays 4, utility 1; gain 1.
    expect(interimU(ex.env, m, fullBeliefs, 1, 2, 0).sub(interimU(ex.env, m, fullBeliefs, 1, 2, 2)).toFraction()).toBe("1");
  });

  it("the slide's belief elicitation lottery makes it BIC exactly from c = 3 on, keeping interim payments", () => {
    // Penalties E_θ[y_2(r, ·)]: θ = v4 or v5 (belief 1/2, 1/2), r = v1: (2 − 1)/2 = 1/2;
    // gains: v4→v1 3/2 (ratio 3), v5→v1 1 (ratio 2); the largest ratio is 3.
    // v1 → v4/v5: loses money (pays 4 > 1). v4 ↔ v5: same allocation and payments, gain 0, penalty 0.
    // Buyer 1's lottery is 0; its deviations: v0→v2 wins against v1 and pays 2 > 0 (loss), v2→v0 gain 0.
    const fi = fullInformationMechanism(ex.env, "uniform");
    const m: DirectMechanism = { kind: "direct", allocation: fi.allocation, payments: pairTableToProfiles(ex.slide.payments!) };
    const z = pairTableAsLotteries(ex.slide.beliefElicitation!, [2, 3]);
    const res = cremerMcLeanMechanism(ex.env, { kind: "common-prior", prior: ex.prior }, m, { lotteries: z });
    expect(res.cMin.toFraction()).toBe("3");
    expect(maxBicGain(ex.env, res.mechanism, fullBeliefs).compare(0)).toBeLessThanOrEqual(0);
    for (let i = 0; i < 2; i++) for (let t = 0; t < sizes[i]!; t++) expect(interimPay(ex.env, res.mechanism, fullBeliefs, i, t).equals(interimPay(ex.env, m, fullBeliefs, i, t))).toBe(true);
    // just below: the brute force finds the v4 → v1 deviation
    const below = cremerMcLeanMechanism(ex.env, { kind: "common-prior", prior: ex.prior }, m, { lotteries: z, c: 3 }).mechanism;
    const bump: DirectMechanism = { ...below, payments: below.payments.map((r, t) => r.map((p, i) => (i === 1 ? p.sub(fr(1, 10).mul(z[1]![decode(sizes, t)[1]!]![decode(sizes, t)[0]!]!)) : p))) };
    expect(maxBicGain(ex.env, bump, fullBeliefs).compare(0)).toBeGreaterThan(0);
  });
});

/** Random full-support correlated prior on sizes. */
const correlatedPrior = (sizes: number[]) => pmf(count(sizes));

describe("Crémer–McLean on random type spaces", () => {
  it("whenever CM holds the transform is BIC with the same q and interim payments; when it fails the weights certify it", () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([a, b, D]) => {
        const sizes = [a, b];
        const P = count(sizes);
        return fc.tuple(
          fc.constant(sizes),
          fc.constant(D),
          correlatedPrior(sizes),
          fc.array(fc.array(fc.array(smallRat, { minLength: D, maxLength: D }), { minLength: P, maxLength: P }), { minLength: 2, maxLength: 2 }), // interdependent valuations
          fc.array(pmf(D), { minLength: P, maxLength: P }),
          fc.array(fc.array(smallRat, { minLength: 2, maxLength: 2 }), { minLength: P, maxLength: P }),
        );
      });
    const seen = { holds: 0, fails: 0 };
    fc.assert(
      fc.property(arb, ([sizes, D, prior, valuation, allocation, payments]) => {
        const env: Environment = { agents: ["1", "2"], types: sizes.map((m) => Array.from({ length: m }, (_, k) => `t${k}`)), decisions: Array.from({ length: D }, (_, d) => `d${d}`), valuation };
        const mech: DirectMechanism = { kind: "direct", allocation, payments };
        const beliefs = conditionalBeliefs(sizes, prior);
        const cm = cremerMcLeanCondition(beliefs);
        const hand = twoAgentBeliefs(sizes, prior);
        for (const rows of cm.perType)
          for (const v of rows) {
            const bs = hand[v.agent]!;
            if (v.separated) {
              expect(E(bs[v.type]!, v.y).compare(0)).toBeLessThan(0);
              bs.forEach((b, t) => t !== v.type && expect(E(b, v.y).compare(0)).toBeGreaterThanOrEqual(0));
            } else {
              expect(v.weights.every((w) => w.compare(0) >= 0) && v.weights[v.type]!.equals(0)).toBe(true);
              bs[0]!.forEach((_, k) => expect(bs.reduce((s, b, t) => s.add(v.weights[t]!.mul(b[k]!)), Z).equals(bs[v.type]![k]!)).toBe(true));
            }
          }
        seen[cm.holds ? "holds" : "fails"]++;
        if (!cm.holds) {
          expect(() => cremerMcLeanMechanism(env, beliefs, mech)).toThrow(MechcheckError);
          return;
        }
        const res = cremerMcLeanMechanism(env, { kind: "common-prior", prior }, mech);
        const full = beliefsFromPrior(sizes, prior);
        expect(res.mechanism.allocation).toEqual(mech.allocation);
        expect(maxBicGain(env, res.mechanism, full).compare(0)).toBeLessThanOrEqual(0);
        for (let i = 0; i < 2; i++) for (let t = 0; t < sizes[i]!; t++) expect(interimPay(env, res.mechanism, full, i, t).equals(interimPay(env, mech, full, i, t))).toBe(true);
        // the multiplier is tight: with c slightly below cMin (when cMin > 0) BIC fails
        if (res.cMin.compare(0) > 0) {
          const c = res.cMin.mul(fr(9, 10));
          const lower: DirectMechanism = { ...mech, payments: mech.payments.map((r, t) => r.map((p, i) => p.add(c.mul(res.lotteries[i]![decode(sizes, t)[i]!]![decode(sizes, t)[1 - i]!]!)))) };
          expect(maxBicGain(env, lower, full).compare(0)).toBeGreaterThan(0);
        }
      }),
      { ...RUNS, numRuns: Math.min(RUNS.numRuns, 25) },
    );
    expect(seen.holds).toBeGreaterThan(0);
    expect(seen.fails).toBeGreaterThan(0);
  });

  it("independent types violate CM (seed: 'violated if players' types are independent')", () => {
    const prior = product([[fr(1, 3), fr(2, 3)], [fr(1, 4), fr(1, 4), fr(1, 2)]]);
    const cm = cremerMcLeanCondition(conditionalBeliefs([2, 3], prior));
    expect(cm.holds).toBe(false);
    expect(cm.perType.every((rows) => rows.every((v) => !v.separated))).toBe(true);
  });

  it("input errors name the field", () => {
    const prior = ["1/2", "0", "0", "1/2"].map((x) => new Fraction(x)); // zeros allowed as long as every type has mass
    expect(() => conditionalBeliefs([2, 2], prior)).not.toThrow();
    expect(() => conditionalBeliefs([2, 2], ["1/2", "1/2", "0", "0"])).toThrow(/type 1 of agent 0 has probability 0/);
    const ex = auctionOfAnIndivisibleGood();
    const fi = fullInformationMechanism(ex.env);
    const z = pairTableAsLotteries(ex.slide.beliefElicitation!, [3, 3]);
    z[0]![0]![0] = fr(-2);
    expect(() => cremerMcLeanMechanism(ex.env, { kind: "common-prior", prior: ex.prior }, fi, { lotteries: z })).toThrow(/lotteries\[0\]\[0\]: the lottery has mean 4\/7/);
  });
});
