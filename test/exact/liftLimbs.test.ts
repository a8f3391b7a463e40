// The fast paths of the exact core added for issue 16: Lehmer's gcd (src/exact/fastRational.ts
// bgcd), the gcd-free fraction.js conversion (ratToQ) and the limb/double residual of the p-adic
// lifting (src/exact/padicLift.ts). Expected values come from plain Euclid written here, from
// fraction.js, or from multiplying the solution back in by bigint arithmetic written here; each
// block has a negative control.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { bgcd, rat, ratToQ } from "../../src/exact/fastRational.ts";
import { modOf, primeField } from "../../src/exact/modular.ts";
import { type IntColumns, liftSolve } from "../../src/exact/padicLift.ts";
import { SparseLu } from "../../src/exact/sparseLu.ts";
import { applyIntColumns as apply } from "../support/modularMatrices.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);
const P = 67108859;

function euclid(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe("bgcd (Lehmer above 2^64)", () => {
  it("equals plain Euclid on numbers of up to 2000 bits, with planted common factors", () => {
    const big = fc.bigInt({ min: -(1n << 2000n), max: 1n << 2000n });
    fc.assert(
      fc.property(big, big, fc.bigInt({ min: 1n, max: 1n << 300n }), (a, b, g) => {
        expect(bgcd(a, b)).toBe(euclid(a, b));
        expect(bgcd(a * g, b * g)).toBe(euclid(a * g, b * g));
      }),
      { numRuns: RUNS, seed: 16 },
    );
    // consecutive Fibonacci numbers: the longest Euclid chain (every quotient 1)
    let [f0, f1] = [1n, 1n];
    for (let i = 0; i < 1500; i++) [f0, f1] = [f1, f0 + f1];
    expect(bgcd(f1, f0)).toBe(1n);
    expect(bgcd(f1 * 12345678901234567890n, f0 * 12345678901234567890n)).toBe(12345678901234567890n);
    expect(bgcd(0n, f1)).toBe(f1);
    expect(bgcd(f1, 0n)).toBe(f1);
    expect(bgcd(0n, 0n)).toBe(0n);
  });

  it("negative control: a planted factor is found, and a wrong candidate is not the gcd", () => {
    const a = (1n << 700n) + 12345n;
    const b = (1n << 650n) + 999n;
    const g = 3n ** 101n;
    const got = bgcd(a * g, b * g);
    expect(got % g).toBe(0n);
    expect(got).not.toBe(g * 2n);
  });
});

describe("ratToQ without a second gcd", () => {
  it("builds the same fraction.js value as new Fraction(n, d): fields, equality, arithmetic", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), fc.bigInt({ min: 1n, max: 1n << 200n }), (n, d) => {
        const r = rat(n, d);
        const got = ratToQ(r);
        const want = new Fraction(n, d);
        expect([got.s, got.n, got.d]).toEqual([want.s, want.n, want.d]);
        expect(got.equals(want)).toBe(true);
        expect(got.add(1).equals(want.add(1))).toBe(true);
        expect(got.toFraction()).toBe(want.toFraction());
      }),
      { numRuns: RUNS, seed: 17 },
    );
    expect(ratToQ(rat(0n)).equals(new Fraction(0))).toBe(true);
    expect(ratToQ(rat(0n)).s).toBe(1n);
  });

  it("negative control: a different value is not equal", () => {
    expect(ratToQ(rat(2n, 3n)).equals(new Fraction(3, 2))).toBe(false);
    expect(ratToQ(rat(-2n, 3n)).equals(new Fraction(2, 3))).toBe(false);
  });
});

/** A random square integer matrix with a dominant diagonal (nonsingular), entries below 2^bits. */
function randomMatrix(m: number, bits: bigint, seed: number, density: number): IntColumns {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
  const big = (): bigint => {
    let v = 0n;
    for (let k = 0n; k < bits; k += 16n) v = (v << 16n) | BigInt(next() & 0xffff);
    return v % (1n << bits);
  };
  const rows: Int32Array[] = [];
  const vals: bigint[][] = [];
  for (let j = 0; j < m; j++) {
    const ri: number[] = [];
    const rv: bigint[] = [];
    for (let i = 0; i < m; i++) {
      if (i === j) {
        ri.push(i);
        rv.push((1n << bits) * BigInt(m) + big());
      } else if (next() % 1000 < density * 1000) {
        ri.push(i);
        rv.push(next() % 2 ? big() : -big());
      }
    }
    rows.push(Int32Array.from(ri));
    vals.push(rv);
  }
  return { m, rows, vals };
}

describe("p-adic lifting: limb and double residuals", () => {
  // small entries: one limb, the residual moves to doubles; large entries: several limbs
  for (const [bits, label] of [
    [8n, "entries below 2^8 (double residual)"],
    [60n, "entries up to 2^61 (several limbs)"],
    [200n, "entries up to 2^200 (too many limbs: plain bigint)"],
  ] as const) {
    it(`A z = b and Aᵀ z = b exactly over many lifting steps, ${label}`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const m = 14;
        const A = randomMatrix(m, bits, seed, 0.4);
        const pb = BigInt(P);
        const F = SparseLu.factorOver(primeField(P), m, A.vals.map((vs, j) => ({ rows: A.rows[j]!, vals: vs.map((v) => modOf(v, P, pb)) })));
        expect(F).toBeInstanceOf(SparseLu);
        // a right-hand side with ~300-bit entries: many lifting steps
        const b = Array.from({ length: m }, (_, i) => ((1n << 300n) / BigInt(i + 3)) * (i % 2 ? -1n : 1n));
        for (const transpose of [false, true]) {
          let steps = 0;
          const z = liftSolve(A, F as SparseLu<number>, P, b, transpose, (k) => (steps = k));
          expect(z).not.toBeNull();
          expect(steps).toBeGreaterThan(3);
          const Az = apply(A, z!.num, transpose);
          Az.forEach((v, i) => expect(v).toBe(z!.den * b[i]!));
          // negative control: one numerator off by one no longer solves the system
          const bad = z!.num.slice();
          bad[0] = bad[0]! + 1n;
          expect(apply(A, bad, transpose).every((v, i) => v === z!.den * b[i]!)).toBe(false);
        }
      }
    });
  }
});
