// The typed-array modular LU (src/exact/modLu.ts) and the double mulMod (src/exact/modular.ts)
// that replaced SparseLu over primeField(p) and `(a * b) % p` on the LP basis path (issue 16).
// Expected values are independent: every solution is multiplied back with bigint arithmetic
// written here; singular matrices are singular by construction (a repeated column, a zero row,
// a column that is a multiple of another mod p); mulMod is compared with BigInt `%`. Negative
// controls: a tampered solution does not multiply back, a tampered factor input gives a different
// solution.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MechcheckError } from "../../src/errors.ts";
import { type ModColumn, ModLu } from "../../src/exact/modLu.ts";
import { modOf, mulMod } from "../../src/exact/modular.ts";
import { type IntColumns, liftSolve } from "../../src/exact/padicLift.ts";
import { bmod, isqrt, mulBackMod as mulBack, randomModColumns as randomCols } from "../support/modularMatrices.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);
const BIG_P = 67108859;




describe("mulMod", () => {
  it("equals BigInt (a·b) mod p for |a·b| < 2^52, including negative a and products near multiples of p", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 26 - 1 }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, fa, fb) => {
        const b = Math.floor(fb * (p - 1));
        const a = Math.trunc(fa * (2 ** 26 - 1));
        const got = mulMod(a, b, p, 1 / p);
        expect(got).toBe(Number(bmod(BigInt(a) * BigInt(b), BigInt(p))));
        expect(got >= 0 && got < p).toBe(true);
      }),
      { numRuns: RUNS * 20, seed: 16 },
    );
    // products just below and at multiples of p (where ⌊x/p⌋ rounding matters)
    for (const p of [BIG_P, 67108837, 7, 65521]) {
      for (const k of [1, 2, 12345, p - 1]) {
        for (const d of [-1, 0, 1]) {
          const x = k * p + d; // write x = a·1
          if (Math.abs(x) >= 2 ** 52) continue;
          expect(mulMod(x, 1, p, 1 / p)).toBe(Number(bmod(BigInt(x), BigInt(p))));
          expect(mulMod(-x, 1, p, 1 / p)).toBe(Number(bmod(BigInt(-x), BigInt(p))));
        }
      }
    }
  });

  it("negative control: a wrong inverse of p gives a wrong residue", () => {
    expect(mulMod(10 ** 7, 10 ** 7, BIG_P, 1 / 1000)).not.toBe(Number(bmod(10n ** 14n, BigInt(BIG_P))));
  });
});

describe("ModLu", () => {
  it("solves B x = w and Bᵀ z = c mod p (checked by multiplying back), on sparse, dense-row and small-prime matrices", () => {
    const cases: [number, number, number, number][] = [
      // m, p, density, dense rows (rows longer than 4 entries keep their own position map while the
      // budget lasts: budget 0 (scatter only), 3 maps (maps freed and reused), the default)
      [1, BIG_P, 0, 0],
      [12, BIG_P, 0.2, 0],
      [60, BIG_P, 0.05, 3],
      [80, 7, 0.04, 2], // p = 7: many entries cancel to exactly 0 during elimination
      [40, 3, 0.1, 40], // fully dense over GF(3)
    ];
    let seed = 1;
    let solved = 0;
    for (const [m, p, dens, dr] of cases) {
      for (let rep = 0; rep < 8; rep++) {
        const cols = randomCols(m, p, dens, dr, seed++);
        const F = ModLu.factor(p, m, cols, rep % 3 === 0 ? 0 : rep % 3 === 1 ? 3 * m : undefined);
        if (!(F instanceof ModLu)) {
          // singular mod p: then no factorization may exist; confirm with a second prime-free check below
          expect(F.singular === "column" || F.singular === "row").toBe(true);
          continue;
        }
        solved++;
        const w = Array.from({ length: m }, (_, i) => (i * 7919 + rep) % p);
        const x = new Array<number>(m).fill(-1);
        F.solveInPlace(w.slice(), x);
        expect(mulBack(cols, m, p, x, false)).toEqual(w);
        const z = new Float64Array(m);
        F.solveTransposeInPlace(Float64Array.from(w), z);
        expect(mulBack(cols, m, p, z, true)).toEqual(w);
        expect(F.nnzL + F.nnzU).toBeGreaterThanOrEqual(0);
        // negative control: change one entry of x and it no longer multiplies back
        const bad = x.slice();
        bad[0] = (bad[0]! + 1) % p;
        expect(mulBack(cols, m, p, bad, false)).not.toEqual(w);
      }
    }
    expect(solved).toBeGreaterThan(25);
  });

  it("agrees on the factor sizes: a permutation matrix has no L or U entries, a full upper triangle has only U", () => {
    const perm = ModLu.factor(BIG_P, 3, [{ rows: [2], vals: [5] }, { rows: [0], vals: [1] }, { rows: [1], vals: [3] }]) as ModLu;
    expect([perm.nnzL, perm.nnzU]).toEqual([0, 0]);
    const x = [0, 0, 0];
    perm.solveInPlace([1, 3, 10], x); // x1 = 1, 3·x2 = 3, 5·x0 = 10
    expect(x).toEqual([2, 1, 1]);
    const tri = ModLu.factor(BIG_P, 2, [{ rows: [0], vals: [2] }, { rows: [0, 1], vals: [1, 1] }]) as ModLu;
    expect([tri.nnzL, tri.nnzU]).toEqual([0, 1]);
  });

  it("reports singular matrices (singular by construction) and rejects bad input with named errors", () => {
    // a zero column
    expect(ModLu.factor(7, 2, [{ rows: [0], vals: [1] }, { rows: [], vals: [] }])).toEqual({ singular: "column", index: 1 });
    // a zero row: both columns live on row 0
    expect(ModLu.factor(7, 2, [{ rows: [0], vals: [1] }, { rows: [0], vals: [2] }])).toEqual({ singular: "row", index: 1 });
    // column 1 = 3·column 0 mod 7: elimination cancels it to nothing
    const s = ModLu.factor(7, 2, [{ rows: [0, 1], vals: [1, 2] }, { rows: [0, 1], vals: [3, 6] }]);
    expect("singular" in s).toBe(true);
    // the same pattern over a prime where 3·2 ≠ 6 mod p is impossible, but with 6 → 5 it is regular
    expect(ModLu.factor(7, 2, [{ rows: [0, 1], vals: [1, 2] }, { rows: [0, 1], vals: [3, 5] }])).toBeInstanceOf(ModLu);
    // zero values are ignored (not entries)
    expect(ModLu.factor(7, 1, [{ rows: [0], vals: [0] }])).toEqual({ singular: "column", index: 0 });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof MechcheckError ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => ModLu.factor(1, 1, [{ rows: [0], vals: [0] }]))).toBe("bad-argument");
    expect(code(() => ModLu.factor(2 ** 26, 1, [{ rows: [0], vals: [1] }]))).toBe("bad-argument");
    expect(code(() => ModLu.factor(7.5, 1, [{ rows: [0], vals: [1] }]))).toBe("bad-argument");
    expect(code(() => ModLu.factor(7, 2, [{ rows: [0], vals: [1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [1], vals: [1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [-1], vals: [1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [0.5], vals: [1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 2, [{ rows: [0, 0], vals: [1, 1] }, { rows: [1], vals: [1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [0], vals: [7] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [0], vals: [-1] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [0], vals: [1.5] }]))).toBe("bad-matrix");
    expect(code(() => ModLu.factor(7, 1, [{ rows: [0], vals: [3] }]))).toBe("none");
  });
});

describe("p-adic lifting on a ModLu factorization", () => {
  it("A z = b and Aᵀ z = b exactly (multiplied back in bigints) for small and 40-bit entries, dense rows, negative and 200-bit right-hand sides", () => {
    let seed = 7;
    let solved = 0;
    for (const [m, bits, p] of [
      [30, 6, BIG_P],
      [45, 40, BIG_P],
      [20, 12, 97],
    ] as const) {
      for (let rep = 0; rep < 3; rep++) {
        const pat = randomCols(m, 2, 0.1, 2, seed++); // pattern only (values are 1)
        let s = seed * 7919;
        const next = () => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return BigInt(s);
        };
        const A: IntColumns = {
          m,
          rows: pat.map((c) => Int32Array.from(c.rows)),
          vals: pat.map((c) => Array.from(c.rows, () => ((next() << 32n) | next()) % (1n << BigInt(bits)) * (next() % 2n ? -1n : 1n) || 1n)),
        };
        const pb = BigInt(p);
        const F = ModLu.factor(p, m, A.vals.map((vs, j) => ({ rows: A.rows[j]!, vals: vs.map((v) => modOf(v, p, pb)) })));
        if (!(F instanceof ModLu)) continue;
        solved++;
        const b = Array.from({ length: m }, (_, i) => (i % 3 === 0 ? -((1n << 200n) / BigInt(i + 1)) : next()));
        for (const transpose of [false, true]) {
          const z = liftSolve(A, F, p, b, transpose);
          expect(z).not.toBeNull();
          const acc: bigint[] = new Array(m).fill(0n);
          for (let j = 0; j < m; j++) {
            for (let k = 0; k < A.rows[j]!.length; k++) {
              const i = A.rows[j]![k]!;
              if (transpose) acc[j] = acc[j]! + A.vals[j]![k]! * z!.num[i]!;
              else acc[i] = acc[i]! + A.vals[j]![k]! * z!.num[j]!;
            }
          }
          acc.forEach((v, i) => expect(v).toBe(z!.den * b[i]!));
          // negative control: the same numerators over den + 1 do not solve the system
          expect(acc.every((v, i) => v === (z!.den + 1n) * b[i]!)).toBe(false);
        }
      }
    }
    expect(solved).toBeGreaterThanOrEqual(6);
  });
});

describe("p-adic lifting: the probe between scheduled tries (systems with ≥ 32 unknowns)", () => {
  // A = 3·I (m × m), b_i = 10^60 + i: z_i = b_i / 3, numerators ~10^60 over the common denominator 3.
  // Reconstruction is possible from the first k with ⌊√(p^k / 2)⌋ ≥ max |b_i| (computed here by
  // bigint search); the scheduled tries are 1, 2, 3, 5, 8, 12, 18, …
  const p = BIG_P;
  const P = BigInt(p);
    const system = (m: number) => {
    const A: IntColumns = { m, rows: Array.from({ length: m }, (_, j) => Int32Array.of(j)), vals: Array.from({ length: m }, () => [3n]) };
    const b = Array.from({ length: m }, (_, i) => 10n ** 60n + BigInt(i));
    const F = ModLu.factor(p, m, Array.from({ length: m }, (_, j) => ({ rows: [j], vals: [3] }))) as ModLu;
    return { A, b, F };
  };
  let kStar = 1;
  while (isqrt(P ** BigInt(kStar) / 2n) < 10n ** 60n + 64n) kStar++;

  it("40 unknowns: found within one step of the first possible k (before the scheduled 18), exactly", () => {
    expect(kStar).toBeGreaterThan(12);
    expect(kStar).toBeLessThan(18);
    const { A, b, F } = system(40);
    for (const transpose of [false, true]) {
      let steps = 0;
      const z = liftSolve(A, F, p, b, transpose, (k) => (steps = k));
      expect(z!.den).toBe(3n);
      z!.num.forEach((v, i) => expect(v).toBe(b[i]!));
      expect(steps).toBeGreaterThanOrEqual(kStar);
      expect(steps).toBeLessThanOrEqual(kStar + 1);
    }
  });

  it("negative control: 31 unknowns are not probed, so the answer comes at the scheduled try 18", () => {
    const { A, b, F } = system(31);
    let steps = 0;
    const z = liftSolve(A, F, p, b, false, (k) => (steps = k));
    expect(z!.den).toBe(3n);
    expect(steps).toBe(18);
  });
});

describe("p-adic lifting refuses a factorization of a different matrix", () => {
  // F factors A′ ≠ A mod p: then A·x_k ≢ residual (mod p) and the residual division leaves a
  // remainder, so liftSolve returns null (the caller falls back to the rational LU) instead of
  // a wrong "solution". Both residual representations: double limbs (small entries) and bigints
  // (200-bit entries, too many limbs). Control: the right factorization solves the same system.
  for (const [label, big] of [
    ["double limbs", 0n],
    ["bigint residual", 1n << 200n],
  ] as const) {
    it(label, () => {
      const p = BIG_P;
      const P = BigInt(p);
      const A: IntColumns = { m: 2, rows: [Int32Array.of(0, 1), Int32Array.of(0, 1)], vals: [[big + 2n, 1n], [1n, 1n]] };
      const res = (v: bigint) => Number(((v % P) + P) % P);
      const right = ModLu.factor(p, 2, A.vals.map((vs, j) => ({ rows: A.rows[j]!, vals: vs.map(res) }))) as ModLu;
      const wrong = ModLu.factor(p, 2, [{ rows: [0, 1], vals: [res(big + 2n), 1] }, { rows: [0, 1], vals: [1, 2] }]) as ModLu;
      const b = [761710n, 768362n];
      for (const transpose of [false, true]) {
        expect(liftSolve(A, wrong, p, b, transpose)).toBeNull();
        const z = liftSolve(A, right, p, b, transpose)!;
        // multiply back: A z = den·b (or Aᵀ z)
        const [a00, a10] = A.vals[0]!;
        const [a01, a11] = A.vals[1]!;
        const got = transpose ? [a00! * z.num[0]! + a10! * z.num[1]!, a01! * z.num[0]! + a11! * z.num[1]!] : [a00! * z.num[0]! + a01! * z.num[1]!, a10! * z.num[0]! + a11! * z.num[1]!];
        expect(got).toEqual(b.map((v) => v * z.den));
      }
    });
  }
});
