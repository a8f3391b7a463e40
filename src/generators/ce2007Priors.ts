/**
 * Priors on value grids for the Chung–Ely (2007) theorems of [BrooksExPost2023] (`ce2007-*`): n bidders,
 * values {1, …, K} (Δ = 1), exact full-support priors f, and a codec saving them as exact JSON.
 * Shared by those property files only.
 */
import fc from "fast-check";
import { priorFromJson, priorToJson } from "../robust/worstCaseBeliefs.ts";
import { auctionPrior, isRegular, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { intArray, lowerSetSums, regularPrior } from "./index.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { q } from "../exact/rational.ts";

export const priorCodec: CaseCodec<AuctionPrior> = {
  encode: (p) => priorToJson(p),
  decode: (j) => priorFromJson(j),
};

/** Grid shapes (n, K): two bidders with 2–3 values mostly; one bidder; three bidders with two values. */
const shapes: fc.Arbitrary<[number, number]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<[number, number]>([2, 2]) },
  { weight: 2, arbitrary: fc.constant<[number, number]>([2, 3]) },
  { weight: 1, arbitrary: fc.constantFrom<[number, number]>([1, 2], [1, 3]) },
  { weight: 1, arbitrary: fc.constant<[number, number]>([3, 2]) },
);

/** The environment shape `regularPrior` (src/generators/regularPrior.ts) needs: types and evenly spaced values. */
function gridEnv(n: number, K: number) {
  const values = Array.from({ length: K }, (_, k) => q(k + 1));
  return { types: Array.from({ length: n }, () => values.map((v) => v.toFraction())), typeValues: Array.from({ length: n }, () => values) };
}

/** Regular priors from the project's generator (weights 1–5, or their lower-set sums when not regular). */
export const generatorRegularPriors: fc.Arbitrary<AuctionPrior> = shapes.chain(([n, K]) => regularPrior(gridEnv(n, K)).map((f) => auctionPrior(n, K, f)));

/**
 * Full-support priors with weights 2^e, e ∈ [0, maxExp]: skewed, strongly correlated priors
 * (about one in four is regular at n = 2, K = 3). `regularOnly`: an irregular draw is replaced by
 * the first regular one among the cyclic shifts of its exponent vector (same weights, moved to
 * other profiles), else by its lower-set sums (non-decreasing in every value, hence regular); so
 * the regular priors keep the skew that makes monotone maximizers fail now and then.
 */
export function powerPriors(opts: { n: number; K: number; maxExp?: number; regularOnly?: boolean }): fc.Arbitrary<AuctionPrior> {
  const { n, K } = opts;
  return intArray(K ** n, 0, opts.maxExp ?? 5).map((e) => {
    const w = e.map((x) => 2 ** x);
    if (!opts.regularOnly) return auctionPrior(n, K, w);
    for (let shift = 0; shift < w.length; shift++) {
      const f = auctionPrior(n, K, w.map((_, k) => w[(k + shift) % w.length]!));
      if (isRegular(f)) return f;
    }
    return auctionPrior(n, K, lowerSetSums(new Array<number>(n).fill(K), w));
  });
}

/** Full-support priors with integer weights 1–9 on any of the shapes (regular or not). */
export const anyPriors: fc.Arbitrary<AuctionPrior> = shapes.chain(([n, K]) => intArray(K ** n, 1, 9).map((w) => auctionPrior(n, K, w)));

/**
 * "Tilted" priors at n = 2, K = 3, weights 2^e: at the lowest value of one bidder the other's
 * value is skewed upwards (exponents 0–6, sorted ascending), elsewhere nearly flat (exponents
 * 0–1); `swap` exchanges the bidders. About half are regular, and of those about one in 25 has
 * no monotone maximizer of Σ q_i φ̃_i (bidder j's φ̃_j jumps when v_i leaves the bottom), which is
 * where (P) and (P′ on π\*) differ. Measured: 49 of 1114 regular draws.
 */
export const tiltedPriors: fc.Arbitrary<AuctionPrior> = fc.tuple(intArray(3, 0, 6), intArray(6, 0, 1), fc.boolean()).map(([low, rest, swap]) => {
  const e = [...low.slice().sort((a, b) => a - b), ...rest];
  const w = e.map((x) => 2 ** x);
  // profile index v = 3·k1 + k2; swap transposes the table
  return auctionPrior(2, 3, swap ? [0, 3, 6, 1, 4, 7, 2, 5, 8].map((k) => w[k]!) : w);
});

/** The regular priors used by `ce2007-maxmin`: the generator's, skewed ones and tilted ones (filtered for regularity). */
export const regularPriors: fc.Arbitrary<AuctionPrior> = fc.oneof(
  { weight: 2, arbitrary: generatorRegularPriors },
  { weight: 1, arbitrary: powerPriors({ n: 2, K: 3 }).filter(isRegular) },
  { weight: 1, arbitrary: tiltedPriors.filter(isRegular) },
);
