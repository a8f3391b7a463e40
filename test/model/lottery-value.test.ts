/**
 * lotteryValue (src/model/environment.ts): Σ_d p(d)·v_i(d, θ), with the sure-decision shortcut
 * (p = 1 contributes v itself). Checked against the plain fraction.js sum over every decision.
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { type Q, q } from "../../src/exact/rational.ts";
import { type Environment, lotteryValue } from "../../src/model/environment.ts";

const RUNS = { seed: 16, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const rat = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => new Fraction(n, d) as Q);

/** One agent, one type, the given values of three decisions. */
const env = (values: readonly Q[]): Environment => ({ agents: ["1"], types: [["t"]], decisions: ["a", "b", "c"], valuation: [[values]] });
const plainSum = (values: readonly Q[], lottery: readonly Q[]): Q => lottery.reduce<Q>((s, p, d) => s.add(p.mul(values[d]!)), new Fraction(0));

describe("lotteryValue", () => {
  it("equals Σ_d p(d)·v(d) for lotteries, sure decisions and the zero lottery", () => {
    const lottery = fc.oneof(
      fc.array(rat, { minLength: 3, maxLength: 3 }),
      fc.integer({ min: 0, max: 2 }).map((k) => [0, 1, 2].map((d) => q(d === k ? 1 : 0))),
      fc.constant([q(0), q(0), q(0)]),
    );
    fc.assert(
      fc.property(fc.array(rat, { minLength: 3, maxLength: 3 }), lottery, (values, p) => {
        const got = lotteryValue(env(values), 0, 0, p);
        expect(got.equals(plainSum(values, p))).toBe(true);
        expect(got.toFraction()).toBe(plainSum(values, p).toFraction());
      }),
      RUNS,
    );
  });

  it("hand values: the sure decision b is worth v(b); (1/2, 0, 1/2) is worth the mean of v(a) and v(c); a zero value keeps the sign of 0", () => {
    const values = [q(3), q("-7/2"), q(5)];
    expect(lotteryValue(env(values), 0, 0, [q(0), q(1), q(0)]).toFraction()).toBe("-7/2");
    expect(lotteryValue(env(values), 0, 0, [q("1/2"), q(0), q("1/2")]).toFraction()).toBe("4");
    const zero = lotteryValue(env([q(0), q(0), q(0)]), 0, 0, [q(1), q(0), q(0)]);
    expect([zero.n, zero.s]).toEqual([0n, 1n]);
    // negative control: the comparison sees a decision's value off by 1/7
    expect(lotteryValue(env(values), 0, 0, [q(0), q(1), q(0)]).equals(q("-7/2").add(q("1/7")))).toBe(false);
  });
});
