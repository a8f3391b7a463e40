// The residual paths of the p-adic lifting (src/exact/padicLift.ts) on matrices whose entries all
// have one sign (the limb width must see every entry's bit length), right-hand sides that are all
// negative or mixed (the move of the residual to doubles must check both bounds), a small prime
// (p = 97: residues of negative doubles), and integer solutions, for which the number of lifting
// steps is known independently: the p-adic expansion of a nonnegative integer vector z ends after
// D = (number of base-p digits of max z) steps, and reconstruction cannot succeed earlier (a value
// of D digits exceeds ⌊√(p^k/2)⌋ for k < D), so exactly D steps are reported. Solutions are checked
// by multiplying back with bigint arithmetic written here.
import { describe, expect, it } from "vitest";
import { modOf, primeField } from "../../../src/exact/modular.ts";
import { type IntColumns, liftSolve } from "../../../src/exact/padicLift.ts";
import { SparseLu } from "../../../src/exact/sparseLu.ts";
import { applyIntColumns as apply } from "../../support/modularMatrices.ts";

/** A square matrix with a dominant diagonal; sign 1 / −1: every entry of that sign; 0: mixed. */
function matrix(m: number, bits: bigint, seed: number, density: number, sign: 1 | -1 | 0): IntColumns {
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
      const sg = sign !== 0 ? BigInt(sign) : next() % 2 ? 1n : -1n;
      if (i === j) {
        ri.push(i);
        rv.push(((1n << bits) * BigInt(m) + big()) * (sign !== 0 ? sg : 1n));
      } else if (next() % 1000 < density * 1000) {
        ri.push(i);
        rv.push(sg * (big() >> 3n));
      }
    }
    rows.push(Int32Array.from(ri));
    vals.push(rv);
  }
  return { m, rows, vals };
}

function factor(A: IntColumns, p: number): SparseLu<number> {
  const pb = BigInt(p);
  const F = SparseLu.factorOver(primeField(p), A.m, A.vals.map((vs, j) => ({ rows: A.rows[j]!, vals: vs.map((v) => modOf(v, p, pb)) })));
  if (!(F instanceof SparseLu)) throw new Error("test matrix singular mod p");
  return F;
}

function digits(z: readonly bigint[], p: number): number {
  let max = 0n;
  for (const v of z) if (v > max) max = v;
  let d = 0;
  for (let x = max; x > 0n; x /= BigInt(p)) d++;
  return d;
}

const CASES: [number, bigint, number, number, 1 | -1 | 0][] = [
  [4, 60n, 11, 0.5, 1],
  [4, 60n, 12, 0.5, -1],
  [4, 20n, 13, 0.7, 1],
  [3, 8n, 14, 1, -1],
  [5, 100n, 15, 0.5, 1],
  [6, 20n, 4, 0.5, 0],
  [5, 8n, 3, 0.5, 0],
];
const PRIMES = [67108859, 1000003, 97];

describe("p-adic lifting: one-signed entries, negative right-hand sides, a small prime", () => {
  it("every system is solved and the solution multiplies back to den·b", () => {
    for (const [m, bits, seed, density, sign] of CASES) {
      const A = matrix(m, bits, seed, density, sign);
      for (const p of PRIMES) {
        const F = factor(A, p);
        const rhs: bigint[][] = [
          Array.from({ length: m }, (_, i) => -((1n << 200n) / BigInt(i + 2))),
          Array.from({ length: m }, (_, i) => -(1n << 30n) - BigInt(i)),
          Array.from({ length: m }, (_, i) => -BigInt(i + 1) * 12345n),
          Array.from({ length: m }, (_, i) => BigInt(i + 1) * (i % 2 ? -1n : 1n)),
          Array.from({ length: m }, (_, i) => ((1n << 300n) / BigInt(i + 3)) * (i % 2 ? -1n : 1n)),
        ];
        for (const b of rhs) {
          for (const transpose of [false, true]) {
            const z = liftSolve(A, F, p, b, transpose);
            expect(z).not.toBeNull();
            expect(z!.den > 0n).toBe(true);
            expect(apply(A, z!.num, transpose)).toEqual(b.map((v) => v * z!.den));
          }
        }
      }
    }
  });

  it("b = A z for a nonnegative integer z: z itself, after exactly D steps (D base-p digits of max z); b = 0: zero steps", () => {
    for (const [m, bits, seed, density, sign] of CASES) {
      const A = matrix(m, bits, seed, density, sign);
      for (const p of PRIMES) {
        const F = factor(A, p);
        for (const scale of [3n, 1000n, 123456789n]) {
          const z = Array.from({ length: m }, (_, i) => BigInt(i * 7 + 1) * scale);
          for (const transpose of [false, true]) {
            const b = apply(A, z, transpose);
            let steps = -1;
            const got = liftSolve(A, F, p, b, transpose, (k) => (steps = k));
            expect(got).toEqual({ num: z, den: 1n });
            expect(steps).toBe(digits(z, p));
          }
        }
        for (const transpose of [false, true]) {
          let steps = -1;
          const zero = new Array<bigint>(m).fill(0n);
          expect(liftSolve(A, F, p, zero, transpose, (k) => (steps = k))).toEqual({ num: zero, den: 1n });
          expect(steps).toBe(0);
        }
      }
    }
  });

  it("negative controls: the digit count of the oracle, and a wrong solution does not multiply back", () => {
    // 108 = 1·97 + 11: two base-97 digits; 96: one; 97² = 9409: three
    expect([digits([108n], 97), digits([96n], 97), digits([9409n], 97), digits([0n], 97)]).toEqual([2, 1, 3, 0]);
    const A = matrix(4, 60n, 11, 0.5, 1);
    const z = [1n, 2n, 3n, 4n];
    const b = apply(A, z, false);
    expect(apply(A, [1n, 2n, 3n, 5n], false)).not.toEqual(b);
  });
});
