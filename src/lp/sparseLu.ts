/**
 * Sparse exact rational LU factorization of a square basis matrix B (given by columns), with
 * solves B x = r and Bᵀ y = c.
 *
 * Pivots are chosen Markowitz-style (minimum (r_i − 1)(c_j − 1) over a few candidates of the
 * smallest row/column counts), so singleton columns — the slack columns of an LP basis — are
 * pivoted first with no arithmetic and no fill-in: they only move their row into U.
 * Any nonzero pivot is exact, so no numerical threshold is needed; an entry that cancels to exactly
 * zero is dropped, and a column (or row) left without entries means B is singular
 * (MechcheckError "singular-basis").
 *
 * Arithmetic uses a lightweight bigint rational (`Rat`, a normalized {n, d} pair with integer fast
 * paths), which is several times cheaper than fraction.js objects in the inner loops; convert at
 * the boundary with `ratFromQ` / `ratToQ`.
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import type { Q } from "../exact/rational.ts";

/** An exact rational n/d with d > 0 and gcd(n, d) = 1. Treat as immutable. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

export const RAT_ZERO: Rat = Object.freeze({ n: 0n, d: 1n });
export const RAT_ONE: Rat = Object.freeze({ n: 1n, d: 1n });

function babs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  if (a <= 9007199254740991n && b <= 9007199254740991n) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return BigInt(x);
  }
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d normalized (d ≠ 0). */
export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new MechcheckError("division-by-zero", "rational with denominator zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return RAT_ZERO;
  if (d === 1n) return { n, d };
  const g = bgcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function ratFromQ(x: Q): Rat {
  const n = x.s < 0n ? -x.n : x.n;
  return n === 0n ? RAT_ZERO : { n, d: x.d };
}

export function ratToQ(x: Rat): Q {
  return new Fraction(x.n, x.d);
}

export function ratIsZero(a: Rat): boolean {
  return a.n === 0n;
}

export function ratSign(a: Rat): -1 | 0 | 1 {
  return a.n === 0n ? 0 : a.n < 0n ? -1 : 1;
}

export function ratNeg(a: Rat): Rat {
  return a.n === 0n ? a : { n: -a.n, d: a.d };
}

export function ratAdd(a: Rat, b: Rat): Rat {
  if (a.n === 0n) return b;
  if (b.n === 0n) return a;
  if (a.d === 1n && b.d === 1n) {
    const n = a.n + b.n;
    return n === 0n ? RAT_ZERO : { n, d: 1n };
  }
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function ratSub(a: Rat, b: Rat): Rat {
  if (b.n === 0n) return a;
  return ratAdd(a, { n: -b.n, d: b.d });
}

export function ratMul(a: Rat, b: Rat): Rat {
  if (a.n === 0n || b.n === 0n) return RAT_ZERO;
  if (a.d === 1n && b.d === 1n) return { n: a.n * b.n, d: 1n };
  // cross-cancel keeps the result normalized without a gcd of the full products
  const g1 = b.d === 1n ? 1n : bgcd(a.n, b.d);
  const g2 = a.d === 1n ? 1n : bgcd(b.n, a.d);
  return { n: (a.n / g1) * (b.n / g2), d: (a.d / g2) * (b.d / g1) };
}

export function ratDiv(a: Rat, b: Rat): Rat {
  if (b.n === 0n) throw new MechcheckError("division-by-zero", "division by an exact zero");
  return ratMul(a, b.n < 0n ? { n: -b.d, d: -b.n } : { n: b.d, d: b.n });
}

/** a − l·b */
function ratSubMul(a: Rat, l: Rat, b: Rat): Rat {
  return ratSub(a, ratMul(l, b));
}

export function ratCmp(a: Rat, b: Rat): -1 | 0 | 1 {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function ratEq(a: Rat, b: Rat): boolean {
  return a.n === b.n && a.d === b.d;
}

/** One column of the matrix to factor: parallel arrays of row indices and exact values. */
export interface SparseColumn {
  readonly rows: readonly number[];
  readonly vals: readonly Rat[];
}

export interface LuStats {
  readonly m: number;
  /** nonzeros of the input */
  readonly nnzB: number;
  /** off-diagonal nonzeros stored in L and U */
  readonly nnzL: number;
  readonly nnzU: number;
  /** pivots taken from singleton columns (slack-like, no arithmetic) */
  readonly singletonColumnPivots: number;
}

const SEARCH_LIMIT = 4;

/**
 * A factorization M·B = U′ (M a product of elementary row eliminations, U′ a row- and
 * column-permuted upper triangle). Columns are addressed by their position in the input array,
 * rows by their row index.
 */
export class SparseLu {
  private constructor(
    readonly m: number,
    private readonly pivRow: Int32Array,
    private readonly pivCol: Int32Array,
    private readonly pivVal: Rat[],
    private readonly uIdx: Int32Array[],
    private readonly uVal: Rat[][],
    private readonly lIdx: Int32Array[],
    private readonly lVal: Rat[][],
    readonly stats: LuStats,
  ) {}

  /** Factor the m×m matrix whose columns are `cols`; throws MechcheckError "singular-basis". */
  static factor(m: number, cols: readonly SparseColumn[]): SparseLu {
    if (cols.length !== m) {
      throw new MechcheckError("singular-basis", `basis matrix is not square: ${cols.length} columns for ${m} rows`, { value: [cols.length, m] });
    }
    // Active submatrix: row-wise values, column-wise patterns.
    const rows: Map<number, Rat>[] = new Array(m);
    for (let i = 0; i < m; i++) rows[i] = new Map();
    const colSets: Set<number>[] = new Array(m);
    let nnzB = 0;
    for (let j = 0; j < m; j++) {
      const c = cols[j]!;
      const s = new Set<number>();
      for (let k = 0; k < c.rows.length; k++) {
        const i = c.rows[k]!;
        const v = c.vals[k]!;
        if (!Number.isInteger(i) || i < 0 || i >= m) throw new MechcheckError("bad-matrix", `column ${j}: row index ${i} out of range 0..${m - 1}`, { value: i });
        if (v.n === 0n) continue;
        const prev = rows[i]!.get(j);
        const nv = prev === undefined ? v : ratAdd(prev, v);
        if (nv.n === 0n) {
          rows[i]!.delete(j);
          s.delete(i);
        } else {
          rows[i]!.set(j, nv);
          s.add(i);
        }
      }
      colSets[j] = s;
    }
    const rowCnt = new Int32Array(m);
    const colCnt = new Int32Array(m);
    const rowActive = new Uint8Array(m).fill(1);
    const colActive = new Uint8Array(m).fill(1);
    // lazy buckets: bucket[c] may hold stale entries; validity is checked on use
    const colBucket: number[][] = [];
    const rowBucket: number[][] = [];
    const push = (b: number[][], c: number, x: number) => {
      let a = b[c];
      if (a === undefined) b[c] = a = [];
      a.push(x);
    };
    for (let i = 0; i < m; i++) {
      rowCnt[i] = rows[i]!.size;
      nnzB += rowCnt[i]!;
      push(rowBucket, rowCnt[i]!, i);
    }
    for (let j = 0; j < m; j++) {
      colCnt[j] = colSets[j]!.size;
      push(colBucket, colCnt[j]!, j);
    }
    const singular = (what: string, idx: number): never => {
      throw new MechcheckError("singular-basis", `basis matrix is singular (${what} ${idx} has no remaining nonzero)`, { value: idx });
    };

    const pivRow = new Int32Array(m);
    const pivCol = new Int32Array(m);
    const pivVal: Rat[] = new Array(m);
    const uIdx: Int32Array[] = new Array(m);
    const uVal: Rat[][] = new Array(m);
    const lIdx: Int32Array[] = new Array(m);
    const lVal: Rat[][] = new Array(m);
    let nnzL = 0;
    let nnzU = 0;
    let singletonColumnPivots = 0;

    for (let k = 0; k < m; k++) {
      // ---- pivot search ----
      let bestI = -1;
      let bestJ = -1;
      let bestCost = Infinity;
      let examined = 0;
      for (let cnt = 0; cnt <= m; cnt++) {
        const cb = colBucket[cnt];
        if (cb !== undefined) {
          for (let t = cb.length - 1; t >= 0; t--) {
            const j = cb[t]!;
            if (!colActive[j] || colCnt[j] !== cnt) {
              cb[t] = cb[cb.length - 1]!;
              cb.pop();
              continue;
            }
            if (cnt === 0) singular("column", j);
            for (const i of colSets[j]!) {
              const cost = (rowCnt[i]! - 1) * (cnt - 1);
              if (cost < bestCost) {
                bestCost = cost;
                bestI = i;
                bestJ = j;
              }
            }
            examined++;
            if (bestCost <= (cnt - 1) * (cnt - 1) || examined >= SEARCH_LIMIT) break;
          }
        }
        if (bestI >= 0 && (bestCost <= (cnt - 1) * (cnt - 1) || examined >= SEARCH_LIMIT)) break;
        const rb = rowBucket[cnt];
        if (rb !== undefined) {
          for (let t = rb.length - 1; t >= 0; t--) {
            const i = rb[t]!;
            if (!rowActive[i] || rowCnt[i] !== cnt) {
              rb[t] = rb[rb.length - 1]!;
              rb.pop();
              continue;
            }
            if (cnt === 0) singular("row", i);
            for (const j of rows[i]!.keys()) {
              const cost = (cnt - 1) * (colCnt[j]! - 1);
              if (cost < bestCost) {
                bestCost = cost;
                bestI = i;
                bestJ = j;
              }
            }
            examined++;
            if (bestCost <= cnt * (cnt - 1) || examined >= SEARCH_LIMIT) break;
          }
        }
        if (bestI >= 0 && (bestCost <= cnt * cnt || examined >= SEARCH_LIMIT)) break;
      }
      if (bestI < 0) singular("column", -1);
      const p = bestI;
      const qc = bestJ;
      const prow = rows[p]!;
      const a = prow.get(qc)!;
      pivRow[k] = p;
      pivCol[k] = qc;
      pivVal[k] = a;
      if (colCnt[qc] === 1) singletonColumnPivots++;

      // U row: the rest of the pivot row
      const ui = new Int32Array(prow.size - 1);
      const uv: Rat[] = new Array(prow.size - 1);
      let t = 0;
      for (const [j, v] of prow) {
        colSets[j]!.delete(p);
        if (j === qc) continue;
        ui[t] = j;
        uv[t] = v;
        t++;
      }
      uIdx[k] = ui;
      uVal[k] = uv;
      nnzU += ui.length;
      rowActive[p] = 0;
      colActive[qc] = 0;

      // eliminate column qc from the other rows
      const others = colSets[qc]!;
      const li = new Int32Array(others.size);
      const lv: Rat[] = new Array(others.size);
      t = 0;
      for (const i of others) {
        const rowi = rows[i]!;
        const l = ratDiv(rowi.get(qc)!, a);
        rowi.delete(qc);
        li[t] = i;
        lv[t] = l;
        t++;
        for (let s = 0; s < ui.length; s++) {
          const j = ui[s]!;
          const old = rowi.get(j);
          if (old === undefined) {
            rowi.set(j, ratNeg(ratMul(l, uv[s]!)));
            colSets[j]!.add(i);
          } else {
            const nv = ratSubMul(old, l, uv[s]!);
            if (nv.n === 0n) {
              rowi.delete(j);
              colSets[j]!.delete(i);
            } else rowi.set(j, nv);
          }
        }
        const rc = rowi.size;
        if (rc !== rowCnt[i]) {
          rowCnt[i] = rc;
          push(rowBucket, rc, i);
        }
      }
      lIdx[k] = li;
      lVal[k] = lv;
      nnzL += li.length;
      others.clear();
      rows[p] = new Map();
      for (let s = 0; s < ui.length; s++) {
        const j = ui[s]!;
        const cc = colSets[j]!.size;
        if (cc !== colCnt[j]) {
          colCnt[j] = cc;
          push(colBucket, cc, j);
        }
      }
    }
    return new SparseLu(m, pivRow, pivCol, pivVal, uIdx, uVal, lIdx, lVal, { m, nnzB, nnzL, nnzU, singletonColumnPivots });
  }

  /** x with B x = r; r is indexed by row, x by column position. */
  solve(r: readonly Rat[]): Rat[] {
    const m = this.m;
    if (r.length !== m) throw new MechcheckError("dimension-mismatch", `right-hand side has length ${r.length}, expected ${m}`, { value: r.length });
    const w = r.slice();
    for (let k = 0; k < m; k++) {
      const wp = w[this.pivRow[k]!]!;
      if (wp.n === 0n) continue;
      const li = this.lIdx[k]!;
      const lv = this.lVal[k]!;
      for (let t = 0; t < li.length; t++) {
        const i = li[t]!;
        w[i] = ratSubMul(w[i]!, lv[t]!, wp);
      }
    }
    const x: Rat[] = new Array(m);
    for (let k = m - 1; k >= 0; k--) {
      let s = w[this.pivRow[k]!]!;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const xj = x[ui[t]!]!;
        if (xj.n !== 0n) s = ratSubMul(s, uv[t]!, xj);
      }
      x[this.pivCol[k]!] = s.n === 0n ? RAT_ZERO : ratDiv(s, this.pivVal[k]!);
    }
    return x;
  }

  /** y with Bᵀ y = c; c is indexed by column position, y by row. */
  solveTranspose(c: readonly Rat[]): Rat[] {
    const m = this.m;
    if (c.length !== m) throw new MechcheckError("dimension-mismatch", `right-hand side has length ${c.length}, expected ${m}`, { value: c.length });
    const cc = c.slice();
    const z: Rat[] = new Array(m);
    for (let k = 0; k < m; k++) {
      const s = cc[this.pivCol[k]!]!;
      const zp = s.n === 0n ? RAT_ZERO : ratDiv(s, this.pivVal[k]!);
      z[this.pivRow[k]!] = zp;
      if (zp.n === 0n) continue;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const j = ui[t]!;
        cc[j] = ratSubMul(cc[j]!, uv[t]!, zp);
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      const li = this.lIdx[k]!;
      if (li.length === 0) continue;
      const lv = this.lVal[k]!;
      const p = this.pivRow[k]!;
      let s = z[p]!;
      for (let t = 0; t < li.length; t++) {
        const zi = z[li[t]!]!;
        if (zi.n !== 0n) s = ratSubMul(s, lv[t]!, zi);
      }
      z[p] = s;
    }
    return z;
  }

  /** `solve` on fraction.js values. */
  solveQ(r: readonly Q[]): Q[] {
    return this.solve(r.map(ratFromQ)).map(ratToQ);
  }

  /** `solveTranspose` on fraction.js values. */
  solveTransposeQ(c: readonly Q[]): Q[] {
    return this.solveTranspose(c.map(ratFromQ)).map(ratToQ);
  }
}

/** Factor an m×m matrix given by columns of fraction.js values. */
export function factorSparse(m: number, cols: readonly { readonly rows: readonly number[]; readonly vals: readonly Q[] }[]): SparseLu {
  return SparseLu.factor(
    m,
    cols.map((c) => ({ rows: c.rows, vals: c.vals.map(ratFromQ) })),
  );
}
