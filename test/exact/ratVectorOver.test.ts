// ratVectorOver (src/exact/fastRational.ts): a vector over one common denominator normalized with
// one gcd for the whole vector. Expected values: each entry reduced by plain Euclid written here.
// Cases: denominators with small-prime parts (powers of 2, 3, 5, 1021) times a large part L,
// numerators with planted small cofactors, planted factors of L (the bisection down to single
// entries), zeros and signs, den = 1; negative controls: an entry sharing a large prime with L is
// still reduced (not left as num/den), and a non-positive denominator is refused.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ratVectorOver } from "../../src/exact/fastRational.ts";
import { caught } from "../mutation/support.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
const reduce = (n: bigint, d: bigint) => {
  if (n === 0n) return { n: 0n, d: 1n };
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};

describe("ratVectorOver", () => {
  it("equals entry-by-entry reduction, with small-prime and large common factors", () => {
    const big = fc.bigInt({ min: 1n, max: 1n << 300n });
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(12), fc.nat(6), fc.nat(4), fc.nat(2)),
        big,
        fc.array(fc.tuple(fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }), fc.nat(5), fc.boolean()), { minLength: 0, maxLength: 40 }),
        ([e2, e3, e5, e1021], Lr, entries) => {
          const L = Lr | 1n; // odd; may itself have small factors too
          const den = 2n ** BigInt(e2) * 3n ** BigInt(e3) * 5n ** BigInt(e5) * 1021n ** BigInt(e1021) * L;
          const smalls = [1n, 2n, 3n, 5n, 9n, 1021n];
          const num = entries.map(([v, k, shareL]) => (k === 5 ? 0n : v * smalls[k]! * (shareL ? L : 1n)));
          const got = ratVectorOver(num, den);
          expect(got).toEqual(num.map((v) => reduce(v, den)));
        },
      ),
      { seed: 22, numRuns: RUNS },
    );
  });

  it("den = 1, a shared large prime (the bisection), and a non-positive denominator", () => {
    expect(ratVectorOver([3n, 0n, -4n], 1n)).toEqual([{ n: 3n, d: 1n }, { n: 0n, d: 1n }, { n: -4n, d: 1n }]);
    // a denominator below 2^64 (entry by entry)
    expect(ratVectorOver([6n, -10n, 0n, 7n], 12n)).toEqual([{ n: 1n, d: 2n }, { n: -5n, d: 6n }, { n: 0n, d: 1n }, { n: 7n, d: 12n }]);
    const P = (1n << 127n) - 1n; // a Mersenne prime, far above the small primes
    const den = 12n * P * 1000003n;
    const num = Array.from({ length: 33 }, (_, i) => BigInt(2 * i + 1) * 7n);
    num[17] = 5n * P; // shares P with den: must come out as 5/(12·1000003)
    const got = ratVectorOver(num, den);
    expect(got[17]).toEqual({ n: 5n, d: 12n * 1000003n });
    expect(got[17]).not.toEqual({ n: num[17], d: den }); // negative control: not left unreduced
    expect(got).toEqual(num.map((v) => reduce(v, den)));
    expect(caught(() => ratVectorOver([1n], 0n))).toMatchObject({ code: "division-by-zero" });
    expect(caught(() => ratVectorOver([1n], -3n))).toMatchObject({ code: "division-by-zero" });
  });
});
