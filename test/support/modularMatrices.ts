/**
 * Test helpers shared by the modular-LU and p-adic lifting tests (test/exact, test/mutation/exact,
 * test/review): reference arithmetic in BigInt, written independently of src/exact.
 */
import type { ModColumn } from "../../src/exact/modLu.ts";
import type { IntColumns } from "../../src/exact/padicLift.ts";

/** a mod p in [0, p), in BigInt. */
export const bmod = (a: bigint, p: bigint): bigint => ((a % p) + p) % p;

/** B x mod p (x by column, result by row) or Bᵀ z mod p (z by row, result by column), in BigInt. */
export function mulBackMod(cols: readonly ModColumn[], m: number, p: number, v: ArrayLike<number>, transpose: boolean): number[] {
  const P = BigInt(p);
  const out: bigint[] = new Array(m).fill(0n);
  cols.forEach((c, j) => {
    for (let k = 0; k < c.rows.length; k++) {
      const i = c.rows[k]!;
      if (transpose) out[j] = out[j]! + BigInt(c.vals[k]!) * BigInt(v[i]!);
      else out[i] = out[i]! + BigInt(c.vals[k]!) * BigInt(v[j]!);
    }
  });
  return out.map((x) => Number(bmod(x, P)));
}

/**
 * A random m×m matrix mod p by columns (a deterministic LCG from `seed`): a permuted nonzero
 * diagonal (nonsingular unless entries cancel), each other entry present with probability
 * `density`, and the first `denseRows` rows full.
 */
export function randomModColumns(m: number, p: number, density: number, denseRows: number, seed: number): ModColumn[] {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  const perm = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const k = next() % (i + 1);
    [perm[i], perm[k]] = [perm[k]!, perm[i]!];
  }
  const cols: ModColumn[] = [];
  for (let j = 0; j < m; j++) {
    const rows: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < m; i++) {
      if (i === perm[j] || i < denseRows || next() % 1000 < density * 1000) {
        rows.push(i);
        vals.push(1 + (next() % (p - 1)));
      }
    }
    cols.push({ rows, vals });
  }
  return cols;
}

/**
 * A random m×m matrix mod p by columns with no diagonal guarantee (often singular: the pivot
 * searches' singular verdicts are tested on these): each entry present with probability 45 %, from
 * the same LCG as randomModColumns started at `seed` (no zero-seed correction).
 */
export function randomSingularModColumns(m: number, p: number, seed: number): ModColumn[] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  const cols: ModColumn[] = [];
  for (let j = 0; j < m; j++) {
    const rows: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < m; i++)
      if (next() % 100 < 45) {
        rows.push(i);
        vals.push(1 + (next() % (p - 1)));
      }
    cols.push({ rows, vals });
  }
  return cols;
}

/**
 * A factorization's pivot-search outcome (`got`) against a plain model's (`want`) on each matrix of
 * a battery: how many the model factors and finds singular, and the first disagreements, each
 * described with the case, its size and both outcomes (`name` names the factorization).
 */
export function compareWithModel<T extends object>(
  cases: readonly { m: number; p: number; cols: ModColumn[] }[],
  name: string,
  model: (p: number, m: number, cols: ModColumn[]) => T,
  outcome: (p: number, m: number, cols: ModColumn[]) => T,
): { factored: number; singular: number; wrong: string[] } {
  let factored = 0;
  let singular = 0;
  const wrong: string[] = [];
  cases.forEach((c, n) => {
    const want = model(c.p, c.m, c.cols);
    const got = outcome(c.p, c.m, c.cols);
    if ("singular" in want) singular++;
    else factored++;
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`case ${n} (m ${c.m}, p ${c.p}): ${name} ${JSON.stringify(got)}, model ${JSON.stringify(want)}`);
  });
  return { factored, singular, wrong };
}

/** ⌊√a⌋ for a ≥ 1, by Newton's method in BigInt. */
export function isqrt(a: bigint): bigint {
  let x = 1n << BigInt((a.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + a / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** A·z (or Aᵀ·z when `transpose`) for an integer matrix by columns, by plain BigInt arithmetic. */
export function applyIntColumns(A: IntColumns, z: readonly bigint[], transpose: boolean): bigint[] {
  const out: bigint[] = new Array(A.m).fill(0n);
  for (let j = 0; j < A.m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    for (let k = 0; k < ri.length; k++) {
      if (transpose) out[j] = out[j]! + rv[k]! * z[ri[k]!]!;
      else out[ri[k]!] = out[ri[k]!]! + rv[k]! * z[j]!;
    }
  }
  return out;
}
