// Lehmer's gcd in bgcd (src/exact/fastRational.ts) on inputs built to hit its decisions: the two
// quotient bounds of the leading 48 bits disagree (a = k·b ± small), one operand tiny and the other
// far beyond 2^1024 (the leading-bit doubles overflow), operands around 2^64 and 2^53, equal or
// zero operands, negative operands. Expected values: plain Euclid on bigints written here, and
// gcd(k·b + d, b) = gcd(d, b) worked out by hand where stated.
import { describe, expect, it } from "vitest";
import { bgcd } from "../../../src/exact/fastRational.ts";

function euclid(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe("bgcd: Lehmer's quotient test", () => {
  it("b = 2^70 + 1, a = 2b − 1: the leading bits give quotients 2 and 1, the true quotient is 1; gcd = gcd(b, 1) = 1", () => {
    const b = (1n << 70n) + 1n;
    expect(bgcd(2n * b - 1n, b)).toBe(1n);
    expect(bgcd(b, 2n * b - 1n)).toBe(1n);
    // with a planted factor 3·5·7 = 105 on both
    expect(bgcd(105n * (2n * b - 1n), 105n * b)).toBe(105n);
  });
  it("a = k·b + d for b just above 2^e: gcd(a, b) = gcd(d, b), equal to plain Euclid", () => {
    for (const e of [65n, 70n, 100n, 101n, 150n, 300n]) {
      for (const s of [1n, 3n, 12345n, (1n << 30n) + 1n]) {
        const b = (1n << e) + s;
        for (const k of [1n, 2n, 3n, 4n, 5n, 7n, 8n]) {
          for (const d of [-1n, 0n, 1n, -s, 1n << (e - 50n)]) {
            const want = euclid(d, b);
            expect(euclid(k * b + d, b)).toBe(want);
            expect(bgcd(k * b + d, b)).toBe(want);
            expect(bgcd(-(k * b + d), b)).toBe(want);
          }
        }
      }
    }
  });
  it("one operand tiny (or zero), the other up to 2^2100: both orders", () => {
    for (const e of [70n, 100n, 700n, 980n, 1030n, 1100n, 1500n, 2100n]) {
      const b = (1n << e) + 12345678901n;
      for (const a of [0n, 1n, 3n, 12345n, (1n << 40n) + 7n, (1n << 47n) + 1n, (1n << 60n) + 3n, (1n << 66n) + 5n]) {
        const want = euclid(a, b);
        expect(bgcd(a, b)).toBe(want);
        expect(bgcd(b, a)).toBe(want);
        expect(bgcd(6n * a, 6n * b)).toBe(6n * want);
      }
    }
    // by hand: 2^1100 + 12345678901 is odd, so its gcd with 2^66 is 1 and with 0 is itself
    const b = (1n << 1100n) + 12345678901n;
    expect(bgcd(1n << 66n, b)).toBe(1n);
    expect(bgcd(0n, b)).toBe(b);
  });
  it("operands at 2^64 and 2^53 boundaries, equal operands, negative operands", () => {
    const T64 = 1n << 64n;
    const T53 = 1n << 53n;
    for (const a of [T64 - 1n, T64, T64 + 1n, 2n * T64, T53 - 1n, T53, T53 + 1n]) {
      for (const b of [T64 - 1n, T64, T64 + 1n, 3n, 0n, 1n, T53 - 1n, T53 + 1n]) {
        expect(bgcd(a, b)).toBe(euclid(a, b));
        expect(bgcd(-a, b)).toBe(euclid(a, b));
      }
    }
    // by hand: gcd(x, x) = x; gcd(2^64, 2^64 − 1) = 1; gcd(2^65, 2^64) = 2^64
    expect(bgcd(T64 + 1n, T64 + 1n)).toBe(T64 + 1n);
    expect(bgcd(T64, T64 - 1n)).toBe(1n);
    expect(bgcd(2n * T64, T64)).toBe(T64);
  });
  it("negative control: a result off by the planted factor is detected", () => {
    const b = (1n << 70n) + 1n;
    expect(bgcd(105n * (2n * b - 1n), 105n * b)).not.toBe(1n);
    expect(euclid(105n * (2n * b - 1n), 105n * b)).not.toBe(1n);
  });
});
