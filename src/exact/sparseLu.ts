/**
 * Sparse exact LU factorization of a square matrix B (given by columns) over any field
 * (src/exact/field.ts): the rationals (`SparseLu.factor`, on the hot-loop rational of
 * src/exact/fastRational.ts) and the prime fields Z/pZ (`SparseLu.factorOver(primeField(p), …)`,
 * the modular path of the LP basis solves, src/lp/basisSolve.ts). Solves B x = r and Bᵀ y = c.
 *
 * Pivots are chosen Markowitz-style (minimum (r_i − 1)(c_j − 1) over a few candidates of the
 * smallest row/column counts), so singleton columns — the slack columns of an LP basis — are
 * pivoted first with no arithmetic and no fill-in: they only move their row into U.
 * Any nonzero pivot is exact, so no numerical threshold is needed; an entry that cancels to exactly
 * zero is dropped, and a column (or row) left without entries means B is singular (over that
 * field): `factorOver` returns `{ singular }`, `factor` throws MechcheckError "singular".
 */
import { MechcheckError } from "../errors.ts";
import { type Field, RAT_FIELD } from "./field.ts";
import { type Rat, ratFromQ, ratToQ } from "./fastRational.ts";
import type { Q } from "./rational.ts";

/** One column of the matrix to factor: parallel arrays of row indices and field values. */
export interface SparseColumn<T = Rat> {
  readonly rows: ArrayLike<number>;
  readonly vals: ArrayLike<T>;
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

/** Where elimination found B singular: a column (or row) with no remaining nonzero. */
export interface LuSingular {
  readonly singular: "column" | "row";
  readonly index: number;
}

const SEARCH_LIMIT = 4;

/**
 * A factorization M·B = U′ (M a product of elementary row eliminations, U′ a row- and
 * column-permuted upper triangle). Columns are addressed by their position in the input array,
 * rows by their row index.
 */
export class SparseLu<T = Rat> {
  private constructor(
    readonly field: Field<T>,
    readonly m: number,
    private readonly pivRow: Int32Array,
    private readonly pivCol: Int32Array,
    /** inverses of the pivots */
    private readonly pivInv: T[],
    private readonly uIdx: Int32Array[],
    private readonly uVal: T[][],
    private readonly lIdx: Int32Array[],
    private readonly lVal: T[][],
    readonly stats: LuStats,
  ) {}

  /** Factor the m×m rational matrix whose columns are `cols`; throws MechcheckError "singular". */
  static factor(m: number, cols: readonly SparseColumn<Rat>[]): SparseLu<Rat> {
    if (cols.length !== m) {
      throw new MechcheckError("singular", `basis matrix is not square: ${cols.length} columns for ${m} rows`, { value: [cols.length, m] });
    }
    const f = SparseLu.factorOver(RAT_FIELD, m, cols);
    if (f instanceof SparseLu) return f;
    throw new MechcheckError("singular", `basis matrix is singular (${f.singular} ${f.index} has no remaining nonzero)`, { value: f.index });
  }

  /**
   * Factor the m×m matrix over `field` (cols.length must be m; repeated row indices in a column
   * are summed); `{ singular }` if it is singular over the field. Throws MechcheckError
   * "bad-matrix" for a row index out of range.
   */
  static factorOver<T>(field: Field<T>, m: number, cols: readonly SparseColumn<T>[]): SparseLu<T> | LuSingular {
    const F = field;
    // Active submatrix: row-wise values, column-wise patterns.
    const rows: Map<number, T>[] = new Array(m);
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
        if (F.isZero(v)) continue;
        const prev = rows[i]!.get(j);
        const nv = prev === undefined ? v : F.add(prev, v);
        if (F.isZero(nv)) {
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

    const pivRow = new Int32Array(m);
    const pivCol = new Int32Array(m);
    const pivInv: T[] = new Array(m);
    const uIdx: Int32Array[] = new Array(m);
    const uVal: T[][] = new Array(m);
    const lIdx: Int32Array[] = new Array(m);
    const lVal: T[][] = new Array(m);
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
            if (cnt === 0) return { singular: "column", index: j };
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
            if (cnt === 0) return { singular: "row", index: i };
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
      if (bestI < 0) return { singular: "column", index: -1 };
      const p = bestI;
      const qc = bestJ;
      const prow = rows[p]!;
      const inv = F.inv(prow.get(qc)!);
      pivRow[k] = p;
      pivCol[k] = qc;
      pivInv[k] = inv;
      if (colCnt[qc] === 1) singletonColumnPivots++;

      // U row: the rest of the pivot row
      const ui = new Int32Array(prow.size - 1);
      const uv: T[] = new Array(prow.size - 1);
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
      const lv: T[] = new Array(others.size);
      t = 0;
      for (const i of others) {
        const rowi = rows[i]!;
        const l = F.mul(rowi.get(qc)!, inv);
        rowi.delete(qc);
        li[t] = i;
        lv[t] = l;
        t++;
        for (let s = 0; s < ui.length; s++) {
          const j = ui[s]!;
          const old = rowi.get(j);
          if (old === undefined) {
            rowi.set(j, F.neg(F.mul(l, uv[s]!)));
            colSets[j]!.add(i);
          } else {
            const nv = F.subMul(old, l, uv[s]!);
            if (F.isZero(nv)) {
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
    return new SparseLu(F, m, pivRow, pivCol, pivInv, uIdx, uVal, lIdx, lVal, { m, nnzB, nnzL, nnzU, singletonColumnPivots });
  }

  /** x with B x = r; r is indexed by row, x by column position. */
  solve(r: readonly T[]): T[] {
    const m = this.m;
    if (r.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${r.length}, expected ${m}`, { value: r.length });
    const x: T[] = new Array(m);
    this.solveInPlace(r.slice(), x);
    return x;
  }

  /** x (by column) with B x = w (by row), written into x; w (length m) is overwritten. */
  solveInPlace(w: T[], x: T[]): void {
    const F = this.field;
    const m = this.m;
    for (let k = 0; k < m; k++) {
      const wp = w[this.pivRow[k]!]!;
      if (F.isZero(wp)) continue;
      const li = this.lIdx[k]!;
      const lv = this.lVal[k]!;
      for (let t = 0; t < li.length; t++) {
        const i = li[t]!;
        w[i] = F.subMul(w[i]!, lv[t]!, wp);
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      let s: T = w[this.pivRow[k]!]!;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const xj = x[ui[t]!]!;
        if (!F.isZero(xj)) s = F.subMul(s, uv[t]!, xj);
      }
      x[this.pivCol[k]!] = F.isZero(s) ? F.zero : F.mul(s, this.pivInv[k]!);
    }
  }

  /** y with Bᵀ y = c; c is indexed by column position, y by row. */
  solveTranspose(c: readonly T[]): T[] {
    const m = this.m;
    if (c.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${c.length}, expected ${m}`, { value: c.length });
    const z: T[] = new Array(m);
    this.solveTransposeInPlace(c.slice(), z);
    return z;
  }

  /** z (by row) with Bᵀ z = cc (by column), written into z; cc (length m) is overwritten. */
  solveTransposeInPlace(cc: T[], z: T[]): void {
    const F = this.field;
    const m = this.m;
    for (let k = 0; k < m; k++) {
      const s = cc[this.pivCol[k]!]!;
      const zp = F.isZero(s) ? F.zero : F.mul(s, this.pivInv[k]!);
      z[this.pivRow[k]!] = zp;
      if (F.isZero(zp)) continue;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const j = ui[t]!;
        cc[j] = F.subMul(cc[j]!, uv[t]!, zp);
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      const li = this.lIdx[k]!;
      if (li.length === 0) continue;
      const lv = this.lVal[k]!;
      const p = this.pivRow[k]!;
      let s: T = z[p]!;
      for (let t = 0; t < li.length; t++) {
        const zi = z[li[t]!]!;
        if (!F.isZero(zi)) s = F.subMul(s, lv[t]!, zi);
      }
      z[p] = s;
    }
  }

  /** `solve` of a rational factorization on fraction.js values. */
  solveQ(this: SparseLu<Rat>, r: readonly Q[]): Q[] {
    return this.solve(r.map(ratFromQ)).map(ratToQ);
  }

  /** `solveTranspose` of a rational factorization on fraction.js values. */
  solveTransposeQ(this: SparseLu<Rat>, c: readonly Q[]): Q[] {
    return this.solveTranspose(c.map(ratFromQ)).map(ratToQ);
  }
}

/** Factor an m×m matrix given by columns of fraction.js values (over the rationals). */
export function factorSparse(m: number, cols: readonly { readonly rows: readonly number[]; readonly vals: readonly Q[] }[]): SparseLu<Rat> {
  return SparseLu.factor(
    m,
    cols.map((c) => ({ rows: c.rows, vals: c.vals.map(ratFromQ) })),
  );
}
