/** Shared fixed-seed settings and arbitraries for the exact continuous-model tests. */
import fc from "fast-check";
import Fraction from "fraction.js";
import type { Q } from "../../src/exact/rational.ts";
import { Poly } from "../../src/continuous/polynomial.ts";
import { Distribution } from "../../src/continuous/distribution.ts";

export const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
/** Fewer runs for the heavier integrations (still fixed-seed). */
export const FEW = { seed: 42, numRuns: Math.max(5, Math.floor(Number(process.env.MECHCHECK_RUNS ?? 100) / 5)) };

export const rat = (maxNum = 20, maxDen = 12): fc.Arbitrary<Q> =>
  fc.tuple(fc.integer({ min: -maxNum, max: maxNum }), fc.integer({ min: 1, max: maxDen })).map(([n, d]) => new Fraction(n, d));
export const unitRat = (den = 24): fc.Arbitrary<Q> =>
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: den })).map(([n, d]) => new Fraction(n % (d + 1), d));
export const poly = (maxDeg = 5): fc.Arbitrary<Poly> => fc.array(rat(), { minLength: 0, maxLength: maxDeg + 1 }).map((c) => Poly.fromQ(c));

/** A mixture of powers F(x) = Σ w_j x^{j} on [0, 1], positive integer weights normalized: a valid CDF. */
export const powerMixture: fc.Arbitrary<Distribution> = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => {
    const tot = w.reduce((a, b) => a + b, 0);
    return Distribution.polynomial([0, ...w.map((x) => new Fraction(x, tot))], 0, 1);
  });

/** A piecewise-linear CDF on [0, 1] with a breakpoint at m and positive densities on both sides. */
export const piecewiseLinear: fc.Arbitrary<Distribution> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
  .map(([i, j]) => {
    const m = new Fraction(i, 8);
    const Fm = new Fraction(j, 8);
    const s1 = Fm.div(m);
    const s2 = new Fraction(1).sub(Fm).div(new Fraction(1).sub(m));
    return Distribution.piecewise([0, m, 1], [[0, s1], [Fm.sub(s2.mul(m)), s2]]);
  });
