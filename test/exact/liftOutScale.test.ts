// p-adic lifting with an output scale (src/exact/padicLift.ts liftSolve(…, outScale), used by
// src/lp/basisSolve.ts for B x = r on the column-scaled core A′ = B·S): the vector reconstructed is
// S·z (z = A′⁻¹b), whose denominator can be far smaller than z's. The expected values are checked
// by multiplying back in BigInt written here (A′·(S⁻¹·num/den) = b) and by the denominators'
// lcm; negative controls: a residue vector one off in one entry gives no candidate, and a bad
// scale is refused.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ModLu } from "../../src/exact/modLu.ts";
import { type IntColumns, liftSolve, tryCandidate } from "../../src/exact/padicLift.ts";
import { caught } from "../mutation/support.ts";
import { bmod } from "../support/modularMatrices.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 40);
const P = 67108859;
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

function factor(A: IntColumns): ModLu {
  const F = ModLu.factor(P, A.m, A.rows.map((r, j) => ({ rows: r, vals: A.vals[j]!.map((v) => Number(bmod(v, BigInt(P)))) })));
  if (!(F instanceof ModLu)) throw new Error("singular mod p");
  return F;
}

/** A′·(S⁻¹·num/den) = b, exactly: Σ_j A′_ij·num_j·(L/s_j) = L·den·b_i with L = lcm s_j. */
function checksScaled(A: IntColumns, b: readonly bigint[], s: readonly bigint[], num: readonly bigint[], den: bigint): boolean {
  let L = 1n;
  for (const v of s) L = (L / gcd(L, v)) * v;
  const acc: bigint[] = new Array(A.m).fill(0n);
  for (let j = 0; j < A.m; j++) for (let k = 0; k < A.rows[j]!.length; k++) acc[A.rows[j]![k]!]! += A.vals[j]![k]! * num[j]! * (L / s[j]!);
  return acc.every((v, i) => v === L * den * b[i]!);
}

/** A column-scaled matrix A′ = B·S: B_ij = a_ij/s_j, a dominant diagonal, random integer a_ij. */
function scaledSystem(m: number, seed: number, sBits: number): { A: IntColumns; s: bigint[]; b: bigint[] } {
  let st = seed >>> 0 || 1;
  const next = () => (st = (Math.imul(st, 1103515245) + 12345) >>> 0);
  const s: bigint[] = Array.from({ length: m }, () => 1n + (BigInt(next()) * BigInt(next()) % (1n << BigInt(sBits))));
  const rows: Int32Array[] = [];
  const vals: bigint[][] = [];
  for (let j = 0; j < m; j++) {
    const r: number[] = [];
    const v: bigint[] = [];
    for (let i = 0; i < m; i++) {
      if (i !== j && next() % 4 !== 0) continue;
      r.push(i);
      v.push(i === j ? BigInt(1000 + (next() % 1000)) : BigInt((next() % 21) - 10));
    }
    rows.push(Int32Array.from(r));
    vals.push(v);
  }
  const b = Array.from({ length: m }, () => BigInt((next() % 2001) - 1000));
  return { A: { m, rows, vals }, s, b };
}

describe("liftSolve with outScale", () => {
  it("returns S·z over the lcm of its denominators (checked by multiplying back), with small (no probe) and large (probe, multi-limb weights) systems", () => {
    fc.assert(
      fc.property(fc.constantFrom(5, 12, 40), fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(3, 20, 60), (m, seed, sBits) => {
        const { A, s, b } = scaledSystem(m, seed, sBits);
        let F: ModLu;
        try {
          F = factor(A);
        } catch {
          return; // singular mod p: not this test's business
        }
        const got = liftSolve(A, F, P, b, false, undefined, s);
        expect(got).not.toBeNull();
        expect(checksScaled(A, b, s, got!.num, got!.den)).toBe(true);
        // den is the lcm of the reduced denominators of num_j/den
        let L = 1n;
        for (const v of got!.num) if (v !== 0n) {
          const d = got!.den / gcd(v, got!.den);
          L = (L / gcd(L, d)) * d;
        }
        expect(got!.den).toBe(L);
        // the unscaled lift gives z itself: S·z_unscaled = the scaled result
        const z = liftSolve(A, F, P, b, false)!;
        for (let j = 0; j < m; j++) expect(s[j]! * z.num[j]! * got!.den).toBe(got!.num[j]! * z.den);
      }),
      { seed: 18, numRuns: RUNS },
    );
  });

  it("z = S⁻¹x with x small integers and s_j primes near 2^30: S·z = x is found in fewer lifting steps than z", () => {
    // A′ = B·S with the integer B = [[5, 0, 3], [1, 7, 0], [0, −2, 11]] (columns), x = (1, −2, 3):
    // b = A′ z = B x for z = S⁻¹x, whose denominator is s0·s1·s2 (≈ 2^90)
    const s = [1073741789n, 1073741783n, 1073741741n];
    const Bcols = { rows: [Int32Array.from([0, 1]), Int32Array.from([1, 2]), Int32Array.from([0, 2])], vals: [[5n, 1n], [7n, -2n], [3n, 11n]] };
    const A: IntColumns = { m: 3, rows: Bcols.rows, vals: Bcols.vals.map((v, j) => v.map((e) => e * s[j]!)) };
    const x = [1n, -2n, 3n];
    const b: bigint[] = [0n, 0n, 0n];
    for (let j = 0; j < 3; j++) for (let k = 0; k < 2; k++) b[Bcols.rows[j]![k]!]! += Bcols.vals[j]![k]! * x[j]!;
    const F = factor(A);
    let kPlain = -1;
    let kScaled = -1;
    const plain = liftSolve(A, F, P, b, false, (k) => (kPlain = k))!;
    const scaled = liftSolve(A, F, P, b, false, (k) => (kScaled = k), s)!;
    // z_j = x_j/s_j over the common denominator s0·s1·s2
    const L = s[0]! * s[1]! * s[2]!;
    for (let j = 0; j < 3; j++) expect(plain.num[j]! * s[j]!).toBe(x[j]! * plain.den);
    expect(plain.den % L).toBe(0n);
    expect(scaled).toEqual({ num: x, den: 1n });
    expect(kScaled).toBeLessThan(kPlain);
    expect(kPlain).toBeGreaterThanOrEqual(7); // 2·90 bits need ≥ 7 steps of 26 bits
  });

  it("negative controls: a residue vector one off in one entry gives no candidate; bad scales are refused", () => {
    const { A, s, b } = scaledSystem(6, 7, 20);
    const F = factor(A);
    const z = liftSolve(A, F, P, b, false)!;
    // X ≡ z (mod M) for M = p^40, entry 2 then moved by +1
    const M = BigInt(P) ** 40n;
    const inv = (a: bigint): bigint => {
      let [r0, r1, t0, t1] = [M, bmod(a, M), 0n, 1n];
      while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [t0, t1] = [t1, t0 - q * t1];
      }
      return bmod(t0, M);
    };
    const dInv = inv(z.den);
    const X = z.num.map((v) => bmod(v * dInv, M));
    expect(tryCandidate(A, b, X, M, false, s)).not.toBeNull();
    expect(tryCandidate(A, b, X, M, false, undefined)).not.toBeNull();
    const off = X.slice();
    off[2] = bmod(off[2]! + 1n, M);
    expect(tryCandidate(A, b, off, M, false, s)).toBeNull();
    expect(tryCandidate(A, b, off, M, false, undefined)).toBeNull();
    expect(caught(() => liftSolve(A, F, P, b, false, undefined, [1n, 2n]))).toMatchObject({ code: "bad-argument" });
    expect(caught(() => liftSolve(A, F, P, b, false, undefined, s.map((v, j) => (j === 3 ? 0n : v))))).toMatchObject({ code: "bad-argument" });
    expect(caught(() => liftSolve(A, F, P, b, true, undefined, s))).toMatchObject({ code: "bad-argument" });
  });
});
