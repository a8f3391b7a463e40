/**
 * Cases for `revenue-equivalence`: a polynomial CDF F on a rational interval [lo, hi] (given by
 * its exact coefficients in x), a number of bidders n and a lottery probability p. Families:
 *  - uniform(lo, hi);
 *  - power: F(x) = ((x − lo)/L)^k, k = 2..3;
 *  - bernstein: density a non-negative combination of Bernstein polynomials of degree d − 1 ≤ 2 in
 *    t = (x − lo)/L (always a valid CDF; covers densities vanishing at an end);
 *  - raw: F(t) = Σ_{k=1..d} c_k t^k with small rational c_1..c_{d−1} and c_d = 1 − Σ c_k (F(0) = 0,
 *    F(1) = 1 by construction; whether f ≥ 0 on [0, 1] is left to the hypothesis).
 * The codec saves the coefficients as exact strings; the Distribution is rebuilt (and validated)
 * from them.
 */
import fc from "fast-check";
import { ONE, type Q, q, qstr, ZERO } from "../exact/rational.ts";
import { Distribution } from "../continuous/distribution.ts";
import { Piecewise, Poly } from "../continuous/polynomial.ts";
import type { CaseCodec } from "../model/caseCodec.ts";

export type Family = "uniform" | "power" | "bernstein" | "raw";

export interface ContinuousAuctionCase {
  readonly family: Family;
  /** F(x) = Σ coeffs[k] x^k on [lo, hi] (ascending). */
  readonly coeffs: readonly Q[];
  readonly lo: Q;
  readonly hi: Q;
  readonly bidders: number;
  /** Probability of the first-price rule in the bid-then-lottery auction. */
  readonly p: Q;
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return Math.round(r);
}

/** F(t) on [0, 1] → F((x − lo)/L) on [lo, lo + L]. */
function onInterval(F01: Poly, lo: Q, L: Q): Poly {
  return F01.compose(Poly.fromQ([lo.neg().div(L), ONE.div(L)]));
}

/** The CDF in t ∈ [0, 1] with density Σ_j w_j B_{j,m}(t), m = w.length − 1, normalised (Σ w > 0). */
function bernsteinCdf(w: readonly number[]): Poly {
  const m = w.length - 1;
  let f = Poly.zero;
  for (let j = 0; j <= m; j++) {
    if (w[j] === 0) continue;
    const b = Poly.x.pow(j).mul(Poly.one.sub(Poly.x).pow(m - j)).scale(binom(m, j) * w[j]!);
    f = f.add(b);
  }
  const F = f.antiderivative();
  return F.scale(ONE.div(F.eval(ONE)));
}

const support = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })).map(([a, l, d]) => ({ lo: q(a).div(q(d)), L: q(l).div(q(d)) }));

/** Families of CDFs of degree ≤ maxDegree (2 or 3) in t ∈ [0, 1]. */
function family(maxDegree: number): fc.Arbitrary<{ family: Family; F01: Poly }> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ family: "uniform" as Family, F01: Poly.x }) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: maxDegree }).map((k) => ({ family: "power" as Family, F01: Poly.x.pow(k) })) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: maxDegree })
        .filter((w) => w.some((x) => x > 0))
        .map((w) => ({ family: "bernstein" as Family, F01: bernsteinCdf(w) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: maxDegree - 1 }), fc.integer({ min: 1, max: 4 }))
        .map(([cs, den]) => {
          const c = cs.map((k) => q(k).div(q(den)));
          const last = c.reduce((a, b) => a.sub(b), ONE);
          return { family: "raw" as Family, F01: Poly.fromQ([ZERO, ...c, last]) };
        }),
    },
  );
}

/**
 * n ∈ {2, 3, 4} bidders; F of degree ≤ 3 for n ≤ 3 and ≤ 2 for n = 4 (G = F^{n−1} then has degree
 * ≤ 6, which keeps 1,000 exact cases within a few seconds).
 */
export const continuousAuctionCase: fc.Arbitrary<ContinuousAuctionCase> = fc.integer({ min: 2, max: 4 }).chain((bidders) =>
  fc
    .record({
      fam: family(bidders === 4 ? 2 : 3),
      sup: support,
      p: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 4, max: 4 })).map(([a, b]) => q(a).div(q(b))),
    })
    .map(({ fam, sup, p }) => ({ family: fam.family, coeffs: onInterval(fam.F01, sup.lo, sup.L).c.slice(), lo: sup.lo, hi: sup.lo.add(sup.L), bidders, p })),
);

const built = new WeakMap<ContinuousAuctionCase, Distribution | string>();

/** The validated Distribution of a case, or the reason it is not a valid CDF (cached per case). */
export function distributionOf(x: ContinuousAuctionCase): Distribution | string {
  let d = built.get(x);
  if (d === undefined) {
    try {
      d = Distribution.fromCdf(Piecewise.single(Poly.fromQ(x.coeffs), x.lo, x.hi), `F = ${Poly.fromQ(x.coeffs).toString()} on [${qstr(x.lo)}, ${qstr(x.hi)}] (${x.family})`);
    } catch (e) {
      d = e instanceof Error ? e.message : String(e);
    }
    built.set(x, d);
  }
  return d;
}

export const continuousAuctionCodec: CaseCodec<ContinuousAuctionCase> = {
  encode: (x) => ({ family: x.family, cdf: x.coeffs.map(qstr), support: [qstr(x.lo), qstr(x.hi)], bidders: x.bidders, bidThenLotteryFirstPriceProbability: qstr(x.p) }),
  decode: (j) => {
    const o = j as { family: Family; cdf: string[]; support: [string, string]; bidders: number; bidThenLotteryFirstPriceProbability: string };
    return { family: o.family, coeffs: o.cdf.map((c) => q(c)), lo: q(o.support[0]), hi: q(o.support[1]), bidders: o.bidders, p: q(o.bidThenLotteryFirstPriceProbability) };
  },
};
