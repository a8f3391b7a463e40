// The hot-loop rational (src/exact/fastRational.ts), Z/pZ (src/exact/modular.ts), the field
// instances (src/exact/field.ts) and rational reconstruction (src/exact/ratRecon.ts) on values
// worked out by hand: normal forms (zero is 0/1, the denominator positive), the double/bigint gcd
// split, residues at 0 and p, inverses, the field guards, and Wang's reconstruction step by step.
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import {
  bgcd,
  rat,
  RAT_ONE,
  RAT_ZERO,
  ratAdd,
  ratCmp,
  ratDiv,
  ratEq,
  ratFromQ,
  ratInv,
  ratIsZero,
  ratLcmDenominator,
  ratMul,
  ratNeg,
  ratSign,
  ratSub,
  ratSubMul,
  ratToQ,
  type Rat,
} from "../../../src/exact/fastRational.ts";
import { Q_FIELD, RAT_FIELD } from "../../../src/exact/field.ts";
import { invMod, MAX_WORD_PRIME, modOf, primeField } from "../../../src/exact/modular.ts";
import { bsqrt, ratRecon, reconstructVector } from "../../../src/exact/ratRecon.ts";
import { caught } from "../support.ts";

const R = (n: bigint | number, d: bigint | number = 1) => rat(BigInt(n), BigInt(d));
/** The exact pair, so that a non-normalized result (e.g. 0/3 or 2/4) is seen. */
const pair = (x: Rat) => [x.n, x.d];
const TWO53 = 9007199254740991n; // 2^53 − 1

describe("bgcd", () => {
  it("small, signed and zero arguments", () => {
    expect(bgcd(12n, 18n)).toBe(6n);
    expect(bgcd(-12n, 18n)).toBe(6n);
    expect(bgcd(12n, -18n)).toBe(6n);
    expect(bgcd(0n, 5n)).toBe(5n);
    expect(bgcd(5n, 0n)).toBe(5n);
    expect(bgcd(0n, 0n)).toBe(0n);
    expect(bgcd(17n, 5n)).toBe(1n);
  });
  it("one argument beyond 2^53 is not rounded through a double", () => {
    // 2^60 + 3 is odd and ≡ 1 (mod 3) (2^60 = 4^30 ≡ 1): gcd with 6 is 1
    expect(bgcd((1n << 60n) + 3n, 6n)).toBe(1n);
    // 3·2^60 and 6: gcd 6; as doubles 3·2^60 is exact but (3·2^60 + 1) is not
    expect(bgcd(3n * (1n << 60n), 6n)).toBe(6n);
    expect(bgcd(6n, 3n * (1n << 60n) + 3n)).toBe(3n);
    expect(bgcd(5n * (1n << 80n), 3n * (1n << 80n))).toBe(1n << 80n);
    // exactly at 2^53 − 1 (the largest double-path value) and one above
    // 2^53 − 1 = 6361 · 69431 · 20394401
    expect(bgcd(TWO53, 6361n * 5n)).toBe(6361n);
    expect(bgcd(TWO53 + 1n, 1n << 20n)).toBe(1n << 20n);
  });
});

describe("Rat normal form and arithmetic", () => {
  it("rat normalizes sign and common factors; zero is 0/1", () => {
    expect(pair(R(2, 4))).toEqual([1n, 2n]);
    expect(pair(R(2, -4))).toEqual([-1n, 2n]);
    expect(pair(R(-2, -4))).toEqual([1n, 2n]);
    expect(pair(R(0, -5))).toEqual([0n, 1n]);
    expect(pair(R(6, 3))).toEqual([2n, 1n]);
    expect(pair(R(7))).toEqual([7n, 1n]);
    expect(pair(R(-7, -1))).toEqual([7n, 1n]);
    const e = caught(() => R(1, 0));
    expect([e.code, e.message]).toEqual(["division-by-zero", "rational with denominator zero"]);
    expect([pair(RAT_ZERO), pair(RAT_ONE)]).toEqual([[0n, 1n], [1n, 1n]]);
  });
  it("conversions from and to fraction.js", () => {
    expect(pair(ratFromQ(q("-3/4")))).toEqual([-3n, 4n]);
    expect(pair(ratFromQ(q("3/4")))).toEqual([3n, 4n]);
    expect(pair(ratFromQ(q(0)))).toEqual([0n, 1n]);
    expect(ratToQ(R(-3, 4)).equals(new Fraction(-3, 4))).toBe(true);
  });
  it("predicates: zero, sign, equality, comparison", () => {
    expect([ratIsZero(R(0)), ratIsZero(R(1, 3)), ratIsZero(R(-1, 3))]).toEqual([true, false, false]);
    expect([ratSign(R(-1, 3)), ratSign(R(0)), ratSign(R(1, 3))]).toEqual([-1, 0, 1]);
    expect([ratEq(R(1, 2), R(2, 4)), ratEq(R(1, 2), R(1, 3)), ratEq(R(1, 2), R(-1, 2)), ratEq(R(2), R(2, 3))]).toEqual([true, false, false, false]);
    // same denominator: numerators compared; different: cross products
    expect([ratCmp(R(1, 3), R(2, 3)), ratCmp(R(2, 3), R(1, 3)), ratCmp(R(2, 3), R(2, 3))]).toEqual([-1, 1, 0]);
    expect([ratCmp(R(1, 2), R(2, 3)), ratCmp(R(2, 3), R(1, 2)), ratCmp(R(1, 2), R(1, 2))]).toEqual([-1, 1, 0]);
    expect([ratCmp(R(-1, 2), R(1, 3)), ratCmp(R(3), R(5)), ratCmp(R(5), R(3)), ratCmp(R(4), R(4))]).toEqual([-1, -1, 1, 0]);
  });
  it("negation and inverse keep the denominator positive", () => {
    expect(pair(ratNeg(R(2, 3)))).toEqual([-2n, 3n]);
    expect(pair(ratNeg(R(-2, 3)))).toEqual([2n, 3n]);
    expect(pair(ratNeg(R(0)))).toEqual([0n, 1n]);
    expect(pair(ratInv(R(-2, 3)))).toEqual([-3n, 2n]);
    expect(pair(ratInv(R(2, 3)))).toEqual([3n, 2n]);
    expect(pair(ratInv(R(-5)))).toEqual([-1n, 5n]);
    expect(caught(() => ratInv(R(0))).message).toBe("division by an exact zero");
  });
  it("sums: integers, equal and unequal denominators, zero operands, cancellation to 0/1", () => {
    expect(pair(ratAdd(R(2), R(3)))).toEqual([5n, 1n]);
    expect(pair(ratAdd(R(2), R(-2)))).toEqual([0n, 1n]);
    expect(pair(ratAdd(R(1, 6), R(1, 6)))).toEqual([1n, 3n]);
    expect(pair(ratAdd(R(1, 6), R(-1, 6)))).toEqual([0n, 1n]);
    expect(pair(ratAdd(R(1, 2), R(1, 3)))).toEqual([5n, 6n]);
    expect(pair(ratAdd(R(1, 6), R(1, 3)))).toEqual([1n, 2n]);
    expect(pair(ratAdd(R(2), R(1, 3)))).toEqual([7n, 3n]);
    expect(pair(ratAdd(R(1, 3), R(2)))).toEqual([7n, 3n]);
    expect(pair(ratAdd(R(0), R(1, 3)))).toEqual([1n, 3n]);
    expect(pair(ratAdd(R(1, 3), R(0)))).toEqual([1n, 3n]);
    expect(pair(ratSub(R(1, 2), R(1, 3)))).toEqual([1n, 6n]);
    expect(pair(ratSub(R(1, 2), R(0)))).toEqual([1n, 2n]);
    expect(pair(ratSub(R(0), R(1, 2)))).toEqual([-1n, 2n]);
    expect(pair(ratSub(R(1, 2), R(1, 2)))).toEqual([0n, 1n]);
  });
  it("products: integers, cross-cancellation on either side, zero operands give 0/1", () => {
    expect(pair(ratMul(R(3), R(-4)))).toEqual([-12n, 1n]);
    expect(pair(ratMul(R(2, 3), R(3, 4)))).toEqual([1n, 2n]);
    expect(pair(ratMul(R(3, 4), R(2, 3)))).toEqual([1n, 2n]);
    expect(pair(ratMul(R(6), R(1, 4)))).toEqual([3n, 2n]);
    expect(pair(ratMul(R(1, 4), R(6)))).toEqual([3n, 2n]);
    expect(pair(ratMul(R(0), R(1, 3)))).toEqual([0n, 1n]);
    expect(pair(ratMul(R(1, 3), R(0)))).toEqual([0n, 1n]);
    expect(pair(ratDiv(R(1, 2), R(-3, 4)))).toEqual([-2n, 3n]);
    expect(pair(ratSubMul(R(1), R(1, 2), R(2, 3)))).toEqual([2n, 3n]);
    expect(pair(ratSubMul(R(1, 3), R(1, 2), R(2, 3)))).toEqual([0n, 1n]);
  });
  it("the lcm of the denominators", () => {
    expect(ratLcmDenominator([])).toBe(1n);
    expect(ratLcmDenominator([R(3), R(-5)])).toBe(1n);
    expect(ratLcmDenominator([R(1, 4), R(1, 6)])).toBe(12n);
    expect(ratLcmDenominator([R(1, 6), R(1, 3), R(1, 2)])).toBe(6n);
    expect(ratLcmDenominator([R(1, 3), R(1, 5), R(1, 7)])).toBe(105n);
    expect(ratLcmDenominator(new Set([R(1, 8), R(3, 4)]))).toBe(8n);
  });
});

describe("Z/pZ", () => {
  const F7 = primeField(7);
  it("modOf: canonical residues in [0, p) for small and huge, positive and negative values", () => {
    expect(modOf(10n, 7, 7n)).toBe(3);
    expect(modOf(-10n, 7, 7n)).toBe(4);
    expect(modOf(-1n, 7, 7n)).toBe(6);
    expect(modOf(0n, 7, 7n) === 0).toBe(true);
    expect(modOf(-7n, 7, 7n) === 0).toBe(true);
    // 2^64 = (2^32)^2 and 2^32 ≡ 4 (mod 7) (2^3 ≡ 1, 32 = 3·10 + 2): 2^64 ≡ 16 ≡ 2
    expect(modOf(1n << 64n, 7, 7n)).toBe(2);
    expect(modOf(-(1n << 64n), 7, 7n)).toBe(5);
    // the largest values of the double path and the first of the bigint path
    expect(modOf(TWO53, 1000, 1000n)).toBe(991);
    expect(modOf(-TWO53, 1000, 1000n)).toBe(9);
    expect(modOf(TWO53 + 2n, 1000, 1000n)).toBe(993);
    expect(modOf(-TWO53 - 2n, 1000, 1000n)).toBe(7);
  });
  it("invMod by hand: 3·5 ≡ 1, 2·4 ≡ 1, 6·6 ≡ 1 (mod 7); 1 and p − 1 are their own inverses", () => {
    expect([invMod(3, 7), invMod(2, 7), invMod(6, 7), invMod(1, 7), invMod(5, 7)]).toEqual([5, 4, 6, 1, 3]);
    expect(invMod(10, 101)).toBe(91); // 10·91 = 910 = 9·101 + 1
  });
  it("the field operations wrap at p exactly", () => {
    expect([F7.zero, F7.one, F7.p]).toEqual([0, 1, 7]);
    expect([F7.isZero(0), F7.isZero(3)]).toEqual([true, false]);
    expect([F7.add(3, 4), F7.add(3, 3), F7.add(6, 6), F7.add(0, 0)]).toEqual([0, 6, 5, 0]);
    expect([F7.mul(3, 5), F7.mul(6, 6), F7.mul(0, 4)]).toEqual([1, 1, 0]);
    expect([F7.neg(0), F7.neg(3), F7.neg(6)]).toEqual([0, 4, 1]);
    expect([F7.inv(3), F7.inv(6)]).toEqual([5, 6]);
    // subMul(a, l, b) = a − l·b: 1 − 6 = −5 ≡ 2; 6 − 6 = 0; 5 − 4·5 = −15 ≡ 6; 4 − 0 = 4
    expect([F7.subMul(1, 2, 3), F7.subMul(6, 2, 3), F7.subMul(5, 4, 5), F7.subMul(4, 0, 3)]).toEqual([2, 0, 6, 4]);
  });
  it("primeField accepts moduli in [2, 2^26) and refuses the rest with the limit", () => {
    expect(MAX_WORD_PRIME).toBe(67108864);
    expect(primeField(2).add(1, 1)).toBe(0);
    expect(primeField(MAX_WORD_PRIME - 5).p).toBe(67108859);
    for (const p of [1, 0, -7, 7.5, MAX_WORD_PRIME, Number.NaN]) {
      const e = caught(() => primeField(p));
      expect([e.code, e.message, e.value, e.limit]).toEqual(["bad-argument", `modulus ${p} is not an integer in [2, 2^26)`, p, MAX_WORD_PRIME]);
    }
  });
});

describe("field instances", () => {
  it("RAT_FIELD and Q_FIELD: the same operations on the two representations", () => {
    const a = R(1, 2);
    const b = R(2, 3);
    expect([RAT_FIELD.zero, RAT_FIELD.one].map(pair)).toEqual([[0n, 1n], [1n, 1n]]);
    expect([RAT_FIELD.isZero(R(0)), RAT_FIELD.isZero(a)]).toEqual([true, false]);
    expect([RAT_FIELD.add(a, b), RAT_FIELD.mul(a, b), RAT_FIELD.neg(a), RAT_FIELD.inv(b), RAT_FIELD.subMul(a, a, b)].map(pair)).toEqual([
      [7n, 6n],
      [1n, 3n],
      [-1n, 2n],
      [3n, 2n],
      [1n, 6n],
    ]);
    const x = q("1/2");
    const y = q("2/3");
    expect([Q_FIELD.zero, Q_FIELD.one].map((v) => v.toFraction())).toEqual(["0", "1"]);
    expect([Q_FIELD.isZero(q(0)), Q_FIELD.isZero(x), Q_FIELD.isZero(q(-1))]).toEqual([true, false, false]);
    expect([Q_FIELD.add(x, y), Q_FIELD.mul(x, y), Q_FIELD.neg(x), Q_FIELD.inv(y), Q_FIELD.subMul(x, x, y)].map((v) => v.toFraction())).toEqual(["7/6", "1/3", "-1/2", "3/2", "1/6"]);
    const e = caught(() => Q_FIELD.inv(q(0)));
    expect([e.code, e.message]).toEqual(["division-by-zero", "division by an exact zero"]);
  });
});

describe("rational reconstruction (M = 101, N = ⌊√50⌋ = 7)", () => {
  const M = 101n;
  const N = 7n;
  it("bsqrt: ⌊√a⌋ at and around perfect squares", () => {
    const cases: [bigint, bigint][] = [[0n, 0n], [1n, 1n], [2n, 1n], [3n, 1n], [4n, 2n], [8n, 2n], [9n, 3n], [15n, 3n], [16n, 4n], [50n, 7n], [99n, 9n], [100n, 10n], [101n, 10n]];
    for (const [a, r] of cases) expect([a, bsqrt(a)]).toEqual([a, r]);
    expect(bsqrt(10n ** 40n)).toBe(10n ** 20n);
    expect(bsqrt(10n ** 40n - 1n)).toBe(10n ** 20n - 1n);
    expect(bsqrt((1n << 127n) + 5n)).toBe(13043817825332782212n); // ⌊2^63.5⌋ = ⌊√2 · 2^63⌋
  });
  it("ratRecon: 2/3 ≡ 68, −2/3 ≡ 33, −1/2 ≡ 50, 5 ≡ 5, 0 ≡ 0", () => {
    // 3⁻¹ ≡ 34 (3·34 = 102), so 2/3 ≡ 68 and −2/3 ≡ 101 − 68 = 33
    expect(ratRecon(68n, M, N)).toEqual({ n: 2n, d: 3n });
    expect(ratRecon(33n, M, N)).toEqual({ n: -2n, d: 3n });
    // 50: 101 = 2·50 + 1 → remainder 1 with t = −2: −1/2 (and −1/2 ≡ −51 ≡ 50)
    expect(ratRecon(50n, M, N)).toEqual({ n: -1n, d: 2n });
    expect(ratRecon(5n, M, N)).toEqual({ n: 5n, d: 1n });
    expect(ratRecon(7n, M, N)).toEqual({ n: 7n, d: 1n });
    expect(ratRecon(0n, M, N)).toEqual({ n: 0n, d: 1n });
  });
  it("ratRecon: no fraction within the bounds → null", () => {
    // 2/5 ≡ 2·81 = 162 ≡ 61 (5·81 = 405 ≡ 1) is found with N = 7 …
    expect(ratRecon(61n, M, N)).toEqual({ n: 2n, d: 5n });
    // … but not with N = 4: remainders 61, 40, 21, 19, 2 with t = 1, −1, 2, −3, 5; the first
    // remainder ≤ 4 is 2 with t = 5 > 4 → null
    expect(ratRecon(61n, M, 4n)).toBe(null);
    // M = 10, u = 5, N = 2: 10 = 2·5 + 0 → the first remainder ≤ 2 is 0, with t1 = −2 → 0/2
    // (0 ≡ 2·5 mod 10; the sign is moved to the numerator)
    expect(ratRecon(5n, 10n, 2n)).toEqual({ n: 0n, d: 2n });
    // u = 0 at once (t1 = 1); a remainder equal to N is accepted
    expect(ratRecon(4n, 9n, 4n)).toEqual({ n: 4n, d: 1n });
  });
  it("a remainder ≤ N reached with t1 = 0 (only for u ≥ M, outside the contract): null", () => {
    // (r0, r1, t0, t1) = (3, 10, 0, 1) → q = 0 → (10, 3, 1, 0): 3 ≤ 5 with t1 = 0
    expect(ratRecon(10n, 3n, 5n)).toBe(null);
  });
  it("reconstructVector: one shared denominator, numerators rescaled when it grows, null beyond N", () => {
    // 2/3 ≡ 68, 0, 1/3 ≡ 34: D = 3 after the first entry; 34·3 = 102 ≡ 1 is already small
    expect(reconstructVector([68n, 0n, 34n], M)).toEqual({ num: [2n, 0n, 1n], den: 3n });
    // 5 then 2/3: the 5 becomes 15/3
    expect(reconstructVector([5n, 68n], M)).toEqual({ num: [15n, 2n], den: 3n });
    // −2/3 ≡ 33: D·u = 33 ≤ 50 but |33| > 7 → reconstructed
    expect(reconstructVector([33n], M)).toEqual({ num: [-2n], den: 3n });
    // 1/2 ≡ 51 (> M/2: read as −50) then 1/5 ≡ 81: D = 2·5 = 10 > 7 → null
    expect(reconstructVector([51n, 81n], M)).toBe(null);
    // 100 ≡ −1 (above M/2, small after subtracting M)
    expect(reconstructVector([100n, 1n], M)).toEqual({ num: [-1n, 1n], den: 1n });
    expect(reconstructVector([], M)).toEqual({ num: [], den: 1n });
    // an entry with no reconstruction at all: 61 with M = 101 has 2/5; use M = 29 (N = 3): 
    // 2/5 ≡ 2·6 = 12 (5·6 = 30 ≡ 1) → remainders 29, 12, 5, 2 with t 0, 1, −2, 5 → 5 > 3 → null
    expect(reconstructVector([12n], 29n)).toBe(null);
  });
});
