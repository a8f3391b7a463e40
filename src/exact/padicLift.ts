/**
 * Dixon's p-adic lifting: the exact rational solution of an integer system A z = b (or Aᵀ z = b)
 * from one factorization of A modulo a word-size prime p (src/exact/sparseLu.ts over
 * src/exact/modular.ts's `primeField`). Each step solves mod p and divides the residual by p, so
 * A·Σ_k p^k z_k ≡ b (mod p^K); rational reconstruction (src/exact/ratRecon.ts) of the p-adic
 * solution gives a candidate with one shared denominator, accepted only if it checks exactly.
 * The factorization and the triangular solves work on doubles below 2^52, so their cost does not
 * grow with the size of the exact answer; the lifting costs one sparse pass per 26 bits of it.
 */
import { modOf } from "./modular.ts";
import { reconstructVector } from "./ratRecon.ts";
import type { SparseLu } from "./sparseLu.ts";

/** Integer columns of a square matrix (rows and columns numbered 0..m−1, no repeated row in a column). */
export interface IntColumns {
  readonly m: number;
  readonly rows: Int32Array[];
  readonly vals: bigint[][];
}

/** log2 |a| (a ≠ 0), roughly, for bounds. */
function log2Abs(a: bigint): number {
  const s = (a < 0n ? -a : a).toString(16);
  return (s.length - 1) * 4 + Math.log2(parseInt(s[0]!, 16) + 1);
}

/**
 * The exact solution num/den (one common denominator) of A z = b (or Aᵀ z = b) by p-adic lifting
 * on F, the factorization of A modulo the prime p, or null if no candidate checked within the
 * Hadamard bound (which does not happen for a nonsingular A; the caller then falls back to the
 * rational LU). `onSteps` receives the number of lifting steps taken.
 */
export function liftSolve(
  A: IntColumns,
  F: SparseLu<number>,
  p: number,
  b: readonly bigint[],
  transpose: boolean,
  onSteps?: (k: number) => void,
): { num: bigint[]; den: bigint } | null {
  const m = A.m;
  const pb = BigInt(p);
  // Hadamard: |det A| and every Cramer numerator are ≤ Π (column (row) norms) · max(1, ‖b‖), so
  // reconstruction is guaranteed once p^k > 2H²; computed only if the lifting gets that far
  const liftLimit = (): number => {
    let logH = 0;
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (const v of A.vals[j]!) s += Math.pow(2, 2 * log2Abs(v));
        logH += 0.5 * Math.log2(s);
      }
    } else {
      const rs = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        for (let k = 0; k < ri.length; k++) rs[ri[k]!] += Math.pow(2, 2 * log2Abs(rv[k]!));
      }
      for (let i = 0; i < m; i++) if (rs[i]! > 0) logH += 0.5 * Math.log2(rs[i]!);
    }
    let bn = 0;
    for (const v of b) if (v !== 0n) bn += Math.pow(2, 2 * log2Abs(v));
    logH += Math.max(0, 0.5 * Math.log2(bn));
    if (!Number.isFinite(logH)) logH = 1e9; // absurdly large entries: lift until a candidate checks
    return Math.ceil((2 * logH + 2) / Math.log2(p)) + 1;
  };
  let kMax = Infinity;

  const res: bigint[] = b.slice(); // residual r_k (exact integers)
  const X: bigint[] = new Array(m).fill(0n); // Σ p^i x_i
  let M = 1n; // p^k
  const w: number[] = new Array(m).fill(0);
  const xk: number[] = new Array(m).fill(0);
  let nextTry = 1;
  for (let k = 1; k <= kMax; k++) {
    if (k === 12) kMax = Math.max(k, liftLimit());
    let zero = true;
    for (let i = 0; i < m; i++) {
      const v = res[i]!;
      if (v !== 0n) zero = false;
      w[i] = v === 0n ? 0 : modOf(v, p, pb);
    }
    if (zero) {
      // A X = b exactly
      onSteps?.(k - 1);
      return { num: X, den: 1n };
    }
    if (transpose) F.solveTransposeInPlace(w, xk);
    else F.solveInPlace(w, xk);
    // res ← (res − A xk) / p, X ← X + M·xk
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        const xj = xk[j]!;
        if (xj === 0) continue;
        const xb = BigInt(xj);
        X[j] = X[j]! + M * xb;
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        for (let t = 0; t < ri.length; t++) res[ri[t]!] = res[ri[t]!]! - rv[t]! * xb;
      }
    } else {
      const xb: bigint[] = new Array(m);
      for (let i = 0; i < m; i++) {
        const xi = xk[i]!;
        xb[i] = xi === 0 ? 0n : BigInt(xi);
        if (xi !== 0) X[i] = X[i]! + M * xb[i]!;
      }
      for (let j = 0; j < m; j++) {
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        let s = 0n;
        for (let t = 0; t < ri.length; t++) {
          const v = xb[ri[t]!]!;
          if (v !== 0n) s += rv[t]! * v;
        }
        if (s !== 0n) res[j] = res[j]! - s;
      }
    }
    for (let i = 0; i < m; i++) if (res[i] !== 0n) res[i] = res[i]! / pb;
    M *= pb;
    if (k === nextTry || k === kMax) {
      nextTry = Math.max(k + 1, Math.ceil(k * 1.5));
      const cand = reconstructVector(X, M);
      if (cand !== null && checkIntegerSolution(A, b, cand, transpose)) {
        onSteps?.(k);
        return cand;
      }
    }
  }
  return null;
}

/** A (num/den) = b (or Aᵀ …) exactly. */
export function checkIntegerSolution(A: IntColumns, b: readonly bigint[], z: { num: readonly bigint[]; den: bigint }, transpose: boolean): boolean {
  const m = A.m;
  const { num, den } = z;
  if (!transpose) {
    const acc: bigint[] = new Array(m).fill(0n);
    for (let j = 0; j < m; j++) {
      const zj = num[j]!;
      if (zj === 0n) continue;
      const ri = A.rows[j]!;
      const rv = A.vals[j]!;
      for (let t = 0; t < ri.length; t++) acc[ri[t]!] = acc[ri[t]!]! + rv[t]! * zj;
    }
    for (let i = 0; i < m; i++) if (acc[i] !== den * b[i]!) return false;
    return true;
  }
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    let s = 0n;
    for (let t = 0; t < ri.length; t++) {
      const v = num[ri[t]!]!;
      if (v !== 0n) s += rv[t]! * v;
    }
    if (s !== den * b[j]!) return false;
  }
  return true;
}
