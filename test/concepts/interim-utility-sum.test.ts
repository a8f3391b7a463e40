/**
 * interimUtility / interimUtilityAt (src/concepts/incentives.ts) sum Σ_o π(o)·u_i(f(k, o), (t_i, o))
 * as one integer numerator over a growing common denominator. Checked against the same sum taken
 * term by term in fraction.js from the definition (lottery value minus payment), with a control.
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { interimUtility } from "../../src/concepts/incentives.ts";
import { type Q, q } from "../../src/exact/rational.ts";
import type { DirectMechanism, Environment } from "../../src/model/environment.ts";

const RUNS = { seed: 16, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const rat = (maxDen: number) => fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: maxDen })).map(([n, d]) => new Fraction(n, d) as Q);

// Two agents with 3 and 2 types (profile index θ = 2·t_1 + t_2: the last agent varies fastest), two decisions.
const P = 6;
const others = (i: number) => (i === 0 ? 2 : 3);
const profile = (i: number, own: number, o: number) => (i === 0 ? 2 * own + o : 2 * o + own);
const caseArb = fc.record({
  valuation: fc.array(fc.array(fc.array(rat(5), { minLength: 2, maxLength: 2 }), { minLength: P, maxLength: P }), { minLength: 2, maxLength: 2 }),
  allocation: fc.array(fc.oneof(fc.array(rat(4), { minLength: 2, maxLength: 2 }), fc.constantFrom([q(1), q(0)], [q(0), q(1)])), { minLength: P, maxLength: P }),
  payments: fc.array(fc.array(rat(9), { minLength: 2, maxLength: 2 }), { minLength: P, maxLength: P }),
  belief: fc.array(fc.oneof(rat(7), fc.constant(q(0))), { minLength: 3, maxLength: 3 }),
  i: fc.integer({ min: 0, max: 1 }),
  ti: fc.integer({ min: 0, max: 1 }),
  k: fc.integer({ min: 0, max: 1 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
function build(c: Pick<Case, "valuation" | "allocation" | "payments">) {
  const env: Environment = { agents: ["1", "2"], types: [["a", "b", "c"], ["x", "y"]], decisions: ["d0", "d1"], valuation: c.valuation };
  const mech: DirectMechanism = { kind: "direct", allocation: c.allocation, payments: c.payments };
  return { env, mech };
}
/** The definition, term by term in fraction.js. */
function naive(env: Environment, mech: DirectMechanism, i: number, ti: number, k: number, belief: readonly Q[]): Q {
  let s: Q = new Fraction(0);
  for (let o = 0; o < belief.length; o++) {
    const state = profile(i, ti, o);
    const report = profile(i, k, o);
    const value = mech.allocation[report]!.reduce<Q>((acc, p, d) => acc.add(p.mul(env.valuation[i]![state]![d]!)), new Fraction(0));
    s = s.add(belief[o]!.mul(value.sub(mech.payments[report]![i]!)));
  }
  return s;
}

describe("interimUtility: one common denominator", () => {
  it("equals the term-by-term fraction.js sum (beliefs with zeros, sure and random lotteries)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { env, mech } = build(c);
        const belief = c.belief.slice(0, others(c.i));
        const got = interimUtility(env, mech, c.i, c.ti, c.k, belief);
        expect(got.toFraction()).toBe(naive(env, mech, c.i, c.ti, c.k, belief).toFraction());
      }),
      RUNS,
    );
  });

  it("hand value and a negative control", () => {
    // agent 1 of type a (t_1 = 0) reports b (k = 1); belief (1/3, 2/3) over t_2 ∈ {x, y}.
    // Reported profiles (b, x) = 2 and (b, y) = 3; true states (a, x) = 0 and (a, y) = 1.
    const valuation = [Array.from({ length: P }, (_, t) => [q(t), q(10 + t)]), Array.from({ length: P }, () => [q(0), q(0)])];
    const allocation = Array.from({ length: P }, (_, t) => (t === 2 ? [q("1/2"), q("1/2")] : [q(0), q(1)]));
    const payments = Array.from({ length: P }, (_, t) => [q(`${t}/5`), q(0)]);
    const { env, mech } = build({ valuation, allocation, payments });
    // u at o = x: lottery (1/2, 1/2) at state 0: (0 + 10)/2 = 5, minus payment 2/5 → 23/5;
    // u at o = y: sure d1 at state 1: 11, minus payment 3/5 → 52/5. Sum: (1/3)(23/5) + (2/3)(52/5) = (23 + 104)/15 = 127/15.
    const u = interimUtility(env, mech, 0, 0, 1, [q("1/3"), q("2/3")]);
    expect(u.toFraction()).toBe("127/15");
    expect(u.equals(q("127/15").add(q("1/7")))).toBe(false);
    expect(interimUtility(env, mech, 0, 0, 1, [q(0), q(0)]).toFraction()).toBe("0");
  });
});
