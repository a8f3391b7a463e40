// Boundary cases of Z/pZ (src/exact/modular.ts), the fraction.js field (src/exact/field.ts) and the
// shared-denominator rational reconstruction (src/exact/ratRecon.ts) that the other mutation tests
// leave open: a residue of exactly 0 on the bigint path of modOf, a cancellation to an exact zero
// over Q_FIELD, and a shared denominator equal to the bound N. Expected values are worked out by
// hand (stated in the comments) or checked by bigint multiplication.
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { Q_FIELD } from "../../../src/exact/field.ts";
import { invMod, modOf } from "../../../src/exact/modular.ts";
import { bsqrt, reconstructVector } from "../../../src/exact/ratRecon.ts";
import { SparseLu } from "../../../src/exact/sparseLu.ts";

describe("modOf on the bigint path (|a| ≥ 2^53)", () => {
  it("a multiple of p gives residue 0, not p (positive and negative)", () => {
    const a = 7n * (1n << 60n); // > 2^53, divisible by 7
    expect(modOf(a, 7, 7n)).toBe(0);
    expect(modOf(-a, 7, 7n)).toBe(0);
    // negative control: one more is 1 and one less is 6
    expect(modOf(a + 1n, 7, 7n)).toBe(1);
    expect(modOf(a - 1n, 7, 7n)).toBe(6);
  });
  it("invMod is in (0, p) and an inverse for every residue of a small prime (bigint check)", () => {
    for (const p of [2, 3, 5, 7, 11, 101, 65521]) {
      for (let a = 1; a < Math.min(p, 300); a++) {
        const t = invMod(a, p);
        expect(t > 0 && t < p).toBe(true);
        expect((BigInt(a) * BigInt(t)) % BigInt(p)).toBe(1n);
      }
    }
  });
});

describe("Q_FIELD: an entry that cancels to an exact zero is dropped", () => {
  it("[[1, 2], [2, 4]] over fraction.js values is singular at column 0 (row 1 cancels), not a division by zero", () => {
    // pivot (0, 1) = 2 (see sparse-lu-steps.test.ts); l = 4/2 = 2; row 1, column 0: 2 − 2·1 = 0,
    // which must be recognised as zero (isZero) and dropped, leaving column 0 empty.
    const got = SparseLu.factorOver(Q_FIELD, 2, [
      { rows: [0, 1], vals: [q(1), q(2)] },
      { rows: [0, 1], vals: [q(2), q(4)] },
    ]);
    expect(got).toEqual({ singular: "column", index: 0 });
    expect(Q_FIELD.isZero(new Fraction(0))).toBe(true);
    expect(Q_FIELD.isZero(new Fraction(-1, 3))).toBe(false);
  });
});

describe("reconstructVector: the shared denominator may equal the bound N", () => {
  it("M = 73: N = ⌊√36⌋ = 6, and 1/6 ≡ 61 (6·61 = 366 = 5·73 + 1) is recovered with den = 6 = N", () => {
    expect(bsqrt(73n / 2n)).toBe(6n);
    expect((6n * 61n) % 73n).toBe(1n);
    expect(reconstructVector([61n], 73n)).toEqual({ num: [1n], den: 6n });
    // 1/2 and 1/3 (2⁻¹ ≡ 37, 3⁻¹ ≡ 49 mod 73): shared denominator lcm(2, 3) = 6 = N, numerators 3 and 2
    expect((2n * 37n) % 73n).toBe(1n);
    expect((3n * 49n) % 73n).toBe(1n);
    expect(reconstructVector([37n, 49n], 73n)).toEqual({ num: [3n, 2n], den: 6n });
  });
  it("negative control: 1/2 and 1/5 need den 10 > N = 6: no reconstruction", () => {
    // 5⁻¹ ≡ 44 (5·44 = 220 = 3·73 + 1)
    expect((5n * 44n) % 73n).toBe(1n);
    expect(reconstructVector([37n, 44n], 73n)).toBeNull();
  });
});
