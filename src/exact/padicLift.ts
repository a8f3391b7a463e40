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
 * The matrix split into q signed limbs of L bits (a = Σ_l limb_l·2^{lL}, |limb_l| < 2^L), with L
 * small enough that a row's or a column's Σ limb·digit over digits in [0, p) stays below 2^52:
 * one step's A·x_k is then q exact double sparse products and one bigint combination per residual
 * entry, instead of one bigint multiplication per nonzero. With q = 1 (every |a| < 2^L) the
 * residual itself stays a double once it is small (see liftSolve). null: entries too large.
 */
interface Limbs {
  readonly L: number;
  readonly q: number;
  /** start of column j's entries in the flattened CSC order */
  readonly start: Int32Array;
  /** limb l of entry k at limbs[l·nnz + k] */
  readonly limbs: Float64Array;
  /** the largest Σ|a| over a row (A x) and over a column (Aᵀ x) */
  readonly rowSumMax: number;
  readonly colSumMax: number;
}

const MAX_LIMBS = 6;
const limbCache = new WeakMap<IntColumns, Map<number, Limbs | null>>();

function limbsOf(A: IntColumns, p: number): Limbs | null {
  let byP = limbCache.get(A);
  if (byP === undefined) limbCache.set(A, (byP = new Map()));
  const hit = byP.get(p);
  if (hit !== undefined) return hit;
  const m = A.m;
  const start = new Int32Array(m + 1);
  const rowCnt = new Int32Array(m);
  let maxCount = 1;
  let maxBits = 1;
  let bitsLimit = 2n;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    start[j + 1] = start[j]! + ri.length;
    maxCount = Math.max(maxCount, ri.length);
    for (let k = 0; k < ri.length; k++) {
      rowCnt[ri[k]!]++;
      const v = rv[k]!;
      if (v >= bitsLimit || -v >= bitsLimit) {
        maxBits = (v < 0n ? -v : v).toString(2).length;
        bitsLimit = 1n << BigInt(maxBits);
      }
    }
  }
  for (let i = 0; i < m; i++) maxCount = Math.max(maxCount, rowCnt[i]!);
  const L = Math.floor(52 - Math.log2(p) - Math.log2(maxCount));
  const q = L >= 4 ? Math.ceil(maxBits / L) : Infinity;
  if (q > MAX_LIMBS) {
    byP.set(p, null);
    return null;
  }
  const nnz = start[m]!;
  const limbs = new Float64Array(q * nnz);
  const mask = (1n << BigInt(L)) - 1n;
  const rowSum = new Float64Array(m);
  let colSumMax = 0;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    let cs = 0;
    for (let k = 0; k < ri.length; k++) {
      const v = rv[k]!;
      const neg = v < 0n;
      let av = neg ? -v : v;
      const at = start[j]! + k;
      if (q === 1) {
        const x = Number(av);
        limbs[at] = neg ? -x : x;
        rowSum[ri[k]!] += x;
        cs += x;
        continue;
      }
      for (let l = 0; l < q && av !== 0n; l++) {
        const x = Number(av & mask);
        limbs[l * nnz + at] = neg ? -x : x;
        av >>= BigInt(L);
      }
    }
    colSumMax = Math.max(colSumMax, cs);
  }
  let rowSumMax = 0;
  for (let i = 0; i < m; i++) rowSumMax = Math.max(rowSumMax, rowSum[i]!);
  const out: Limbs = { L, q, start, limbs, rowSumMax, colSumMax };
  byP.set(p, out);
  return out;
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
  // the limb split (cached per matrix and prime, so the x and y solves of one basis share it)
  let limbs: Limbs | null = null;
  let twoR = 0n;
  let resD: Float64Array | null = null;
  for (let k = 1; k <= kMax; k++) {
    if (k === 12) kMax = Math.max(k, liftLimit());
    if (k === 1) {
      limbs = limbsOf(A, p);
      if (limbs !== null) twoR = BigInt(2 * (transpose ? limbs.colSumMax : limbs.rowSumMax));
      if (limbs !== null && limbs.q === 1 && res.every((v) => v <= twoR && v >= -twoR)) resD = Float64Array.from(res, Number);
    }
    let zero = true;
    if (resD !== null) {
      for (let i = 0; i < m; i++) {
        const v = resD[i]!;
        if (v !== 0) zero = false;
        const r = v % p;
        w[i] = r < 0 ? r + p : r;
      }
    } else {
      for (let i = 0; i < m; i++) {
        const v = res[i]!;
        if (v !== 0n) zero = false;
        w[i] = v === 0n ? 0 : modOf(v, p, pb);
      }
    }
    if (zero) {
      // A X = b exactly
      onSteps?.(k - 1);
      return { num: X, den: 1n };
    }
    if (transpose) F.solveTransposeInPlace(w, xk);
    else F.solveInPlace(w, xk);
    // X ← X + M·xk
    for (let j = 0; j < m; j++) {
      const xj = xk[j]!;
      if (xj !== 0) X[j] = X[j]! + M * BigInt(xj);
    }
    // res ← (res − A xk) / p (exact: A xk ≡ res mod p)
    if (resD !== null) {
      // double residual (q = 1 limbs, |res| ≤ 2R): every quantity is an integer below 2^53
      const S = limbProduct(limbs!, A, xk, transpose, 0);
      for (let i = 0; i < m; i++) resD[i] = (resD[i]! - S[i]!) / p;
    } else if (limbs !== null) {
      const S: Float64Array[] = [];
      for (let l = 0; l < limbs.q; l++) S.push(limbProduct(limbs, A, xk, transpose, l));
      for (let i = 0; i < m; i++) {
        let delta = 0n;
        for (let l = limbs.q - 1; l >= 0; l--) {
          const v = S[l]![i]!;
          if (l < limbs.q - 1) delta <<= BigInt(limbs.L);
          if (v !== 0) delta += BigInt(v);
        }
        const v = delta === 0n ? res[i]! : res[i]! - delta;
        res[i] = v === 0n ? 0n : v / pb;
      }
      if (limbs.q === 1) {
        // small enough for doubles from now on?
        let fits = true;
        for (let i = 0; i < m && fits; i++) fits = res[i]! <= twoR && res[i]! >= -twoR;
        if (fits) resD = Float64Array.from(res, Number);
      }
    } else if (!transpose) {
      for (let j = 0; j < m; j++) {
        const xj = xk[j]!;
        if (xj === 0) continue;
        const xb = BigInt(xj);
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        for (let t = 0; t < ri.length; t++) res[ri[t]!] = res[ri[t]!]! - rv[t]! * xb;
      }
    } else {
      const xb: bigint[] = new Array(m);
      for (let i = 0; i < m; i++) {
        const xi = xk[i]!;
        xb[i] = xi === 0 ? 0n : BigInt(xi);
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
    if (resD === null && limbs === null) for (let i = 0; i < m; i++) if (res[i] !== 0n) res[i] = res[i]! / pb;
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

/** Limb l of A·x (or Aᵀ·x) in doubles, exact by the choice of L (see Limbs). */
function limbProduct(limbs: Limbs, A: IntColumns, x: readonly number[], transpose: boolean, l: number): Float64Array {
  const m = A.m;
  const out = new Float64Array(m);
  const nnz = limbs.start[m]!;
  const off = l * nnz;
  const lv = limbs.limbs;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const at = off + limbs.start[j]!;
    if (!transpose) {
      const xj = x[j]!;
      if (xj === 0) continue;
      for (let t = 0; t < ri.length; t++) out[ri[t]!] += lv[at + t]! * xj;
    } else {
      let s = 0;
      for (let t = 0; t < ri.length; t++) s += lv[at + t]! * x[ri[t]!]!;
      out[j] = s;
    }
  }
  return out;
}
