/**
 * Sparse LU factorization of a square matrix modulo a word-size prime p < 2^26, on typed arrays:
 * the modular factorization of the LP basis solves (src/lp/basisSolve.ts, lifted p-adically by
 * src/exact/padicLift.ts). It computes what `SparseLu.factorOver(primeField(p), …)`
 * (src/exact/sparseLu.ts) computes — same Markowitz pivot rule, same elimination — but keeps the
 * active rows in plain number arrays with a dense scatter map instead of Maps and Sets, and stores
 * the factors in flat typed arrays, so a factorization and a triangular solve cost a few array
 * passes. Residues are doubles in [0, p): a product of two is below 2^52, reduced by `mulMod` (modular.ts).
 * Any nonzero residue is an exact pivot; a column (or row) left without entries means the matrix
 * is singular modulo p (`factorMod` returns `{ singular }`).
 */
import { MechcheckError } from "../errors.ts";
import { invMod, MAX_WORD_PRIME, mulMod } from "./modular.ts";
import type { LuSingular } from "./sparseLu.ts";

/** One column of the matrix: row indices (no repeats) and residues in [0, p). */
export interface ModColumn {
  readonly rows: ArrayLike<number>;
  readonly vals: ArrayLike<number>;
}

const SEARCH_LIMIT = 4;
/** rows longer than this keep a dense position map (m Int32 entries) while they are active … */
const LONG_ROW = 4;
/** … as long as all the maps together hold at most this many entries (64 MB) */
const MAP_BUDGET = 1 << 24;

/** Remove the first occurrence of x from the list (order is not kept). */
function drop(list: number[], x: number): void {
  const at = list.indexOf(x);
  if (at < 0) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}

/**
 * M·B = U′ modulo p (M a product of elementary row eliminations, U′ a row- and column-permuted
 * upper triangle), factors in compressed form: pivot k has row pivRow[k], column pivCol[k], the
 * inverse pivot pivInv[k], the U entries uIdx/uVal[uStart[k]..uStart[k+1]) (columns) and the L
 * multipliers lIdx/lVal[lStart[k]..lStart[k+1]) (rows).
 */
export class ModLu {
  private constructor(
    readonly p: number,
    readonly m: number,
    private readonly pivRow: Int32Array,
    private readonly pivCol: Int32Array,
    private readonly pivInv: Float64Array,
    private readonly uStart: Int32Array,
    private readonly uIdx: Int32Array,
    private readonly uVal: Float64Array,
    private readonly lStart: Int32Array,
    private readonly lIdx: Int32Array,
    private readonly lVal: Float64Array,
  ) {}

  /** Off-diagonal nonzeros of L and U. */
  get nnzL(): number {
    return this.lStart[this.m]!;
  }
  get nnzU(): number {
    return this.uStart[this.m]!;
  }

  /**
   * Factor the m×m matrix with columns `cols` modulo the prime p (primality is the caller's
   * promise); `{ singular }` if it is singular mod p. Throws MechcheckError "bad-matrix" for a row
   * index out of range, a repeated row in a column or a value outside [0, p), "bad-argument" for p.
   * `mapBudget` bounds the entries of the long rows' position maps (tests lower it to exercise the
   * scatter-only path).
   */
  static factor(p: number, m: number, cols: readonly ModColumn[], mapBudget: number = MAP_BUDGET): ModLu | LuSingular {
    if (!Number.isInteger(p) || p < 2 || p >= MAX_WORD_PRIME) {
      throw new MechcheckError("bad-argument", `modulus ${p} is not an integer in [2, 2^26)`, { value: p, limit: MAX_WORD_PRIME });
    }
    if (cols.length !== m) throw new MechcheckError("bad-matrix", `${cols.length} columns for ${m} rows`, { value: cols.length });
    // active rows: parallel arrays of column indices and residues; columns: lists of row indices
    const rc: number[][] = new Array(m);
    const rv: number[][] = new Array(m);
    const cl: number[][] = new Array(m);
    for (let i = 0; i < m; i++) {
      rc[i] = [];
      rv[i] = [];
    }
    const mark = new Int32Array(m).fill(-1);
    for (let j = 0; j < m; j++) {
      const c = cols[j]!;
      const list: number[] = [];
      for (let k = 0; k < c.rows.length; k++) {
        const i = c.rows[k]!;
        const v = c.vals[k]!;
        if (!Number.isInteger(i) || i < 0 || i >= m) throw new MechcheckError("bad-matrix", `column ${j}: row index ${i} out of range 0..${m - 1}`, { value: i });
        if (mark[i] === j) throw new MechcheckError("bad-matrix", `column ${j}: row ${i} repeated`, { value: i });
        mark[i] = j;
        if (!Number.isInteger(v) || v < 0 || v >= p) throw new MechcheckError("bad-matrix", `column ${j}: value ${v} is not a residue mod ${p}`, { value: v });
        if (v === 0) continue;
        rc[i]!.push(j);
        rv[i]!.push(v);
        list.push(i);
      }
      cl[j] = list;
    }
    const rowActive = new Uint8Array(m).fill(1);
    const colActive = new Uint8Array(m).fill(1);
    const colBucket: number[][] = [];
    const rowBucket: number[][] = [];
    const push = (b: number[][], c: number, x: number) => {
      let a = b[c];
      if (a === undefined) b[c] = a = [];
      a.push(x);
    };
    for (let i = 0; i < m; i++) push(rowBucket, rc[i]!.length, i);
    for (let j = 0; j < m; j++) push(colBucket, cl[j]!.length, j);

    const pivRow = new Int32Array(m);
    const pivCol = new Int32Array(m);
    const pivInv = new Float64Array(m);
    const uStart = new Int32Array(m + 1);
    const lStart = new Int32Array(m + 1);
    const uI: number[] = [];
    const uV: number[] = [];
    const lI: number[] = [];
    const lV: number[] = [];
    // pos[j] = index of column j in the row being updated (−1 if absent)
    const pos = new Int32Array(m).fill(-1);
    const rpos: (Int32Array | null)[] = new Array(m).fill(null);
    let budget = mapBudget;
    const pinv = 1 / p;

    for (let k = 0; k < m; k++) {
      let bestI = -1;
      let bestJ = -1;
      let bestCost = Infinity;
      let examined = 0;
      for (let cnt = 0; cnt <= m; cnt++) {
        const cb = colBucket[cnt];
        if (cb !== undefined) {
          for (let t = cb.length - 1; t >= 0; t--) {
            const j = cb[t]!;
            if (!colActive[j] || cl[j]!.length !== cnt) {
              cb[t] = cb[cb.length - 1]!;
              cb.pop();
              continue;
            }
            if (cnt === 0) return { singular: "column", index: j };
            const cj = cl[j]!;
            for (let s = 0; s < cj.length; s++) {
              const i = cj[s]!;
              const cost = (rc[i]!.length - 1) * (cnt - 1);
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
            if (!rowActive[i] || rc[i]!.length !== cnt) {
              rb[t] = rb[rb.length - 1]!;
              rb.pop();
              continue;
            }
            if (cnt === 0) return { singular: "row", index: i };
            const ri = rc[i]!;
            for (let s = 0; s < ri.length; s++) {
              const j = ri[s]!;
              const cost = (cnt - 1) * (cl[j]!.length - 1);
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
      const piv = bestI;
      const qc = bestJ;
      const prc = rc[piv]!;
      const prv = rv[piv]!;
      // the pivot row leaves the active matrix: into U (without the pivot entry)
      let pv = 0;
      const ucStart = uI.length;
      for (let s = 0; s < prc.length; s++) {
        const j = prc[s]!;
        drop(cl[j]!, piv);
        if (j === qc) pv = prv[s]!;
        else {
          uI.push(j);
          uV.push(prv[s]!);
        }
      }
      const inv = invMod(pv, p);
      pivRow[k] = piv;
      pivCol[k] = qc;
      pivInv[k] = inv;
      uStart[k + 1] = uI.length;
      rowActive[piv] = 0;
      colActive[qc] = 0;
      rc[piv] = [];
      rv[piv] = [];
      if (rpos[piv] !== null) budget += m;
      rpos[piv] = null;
      const ucEnd = uI.length;
      // eliminate column qc from the other rows
      const others = cl[qc]!;
      for (let o = 0; o < others.length; o++) {
        const i = others[o]!;
        const ric = rc[i]!;
        const riv = rv[i]!;
        // positions of row i's columns: its own map if the row is long, else scattered into pos
        let P = rpos[i]!;
        const scattered = P === null;
        if (scattered) {
          P = pos;
          for (let s = 0; s < ric.length; s++) P[ric[s]!] = s;
        }
        const at = P[qc]!;
        const l = mulMod(riv[at]!, inv, p, pinv);
        lI.push(i);
        lV.push(l);
        // remove the entry of column qc (swap with the last)
        const last = ric.length - 1;
        P[qc] = -1;
        if (at !== last) {
          ric[at] = ric[last]!;
          riv[at] = riv[last]!;
          P[ric[at]!] = at;
        }
        ric.pop();
        riv.pop();
        let cancelled = false;
        for (let s = ucStart; s < ucEnd; s++) {
          const j = uI[s]!;
          const lu = mulMod(l, uV[s]!, p, pinv);
          const q = P[j]!;
          if (q < 0) {
            // fill-in: −l·u (nonzero: l, u ≢ 0 and p is prime)
            P[j] = ric.length;
            ric.push(j);
            riv.push(p - lu);
            cl[j]!.push(i);
          } else {
            const nv = riv[q]! - lu;
            riv[q] = nv < 0 ? nv + p : nv;
            if (nv === 0) cancelled = true;
          }
        }
        if (cancelled) {
          // drop entries that cancelled to exactly zero
          let w = 0;
          for (let s = 0; s < ric.length; s++) {
            const j = ric[s]!;
            if (riv[s] === 0) {
              drop(cl[j]!, i);
              P[j] = -1;
              continue;
            }
            ric[w] = j;
            riv[w] = riv[s]!;
            P[j] = w;
            w++;
          }
          ric.length = w;
          riv.length = w;
        }
        if (scattered) {
          for (let s = 0; s < ric.length; s++) pos[ric[s]!] = -1;
          if (ric.length > LONG_ROW && budget >= m) {
            budget -= m;
            // a long row keeps its own position map: later eliminations cost |U row|, not |row|
            const own = new Int32Array(m).fill(-1);
            for (let s = 0; s < ric.length; s++) own[ric[s]!] = s;
            rpos[i] = own;
          }
        }
        push(rowBucket, ric.length, i);
      }
      lStart[k + 1] = lI.length;
      cl[qc] = [];
      for (let s = ucStart; s < ucEnd; s++) {
        const j = uI[s]!;
        push(colBucket, cl[j]!.length, j);
      }
    }
    return new ModLu(p, m, pivRow, pivCol, pivInv, uStart, Int32Array.from(uI), Float64Array.from(uV), lStart, Int32Array.from(lI), Float64Array.from(lV));
  }

  /** x (by column) with B x = w (by row) mod p, written into x; w (length m) is overwritten. */
  solveInPlace(w: number[] | Float64Array, x: number[] | Float64Array): void {
    const p = this.p;
    const m = this.m;
    const { pivRow, pivCol, pivInv, uStart, uIdx, uVal, lStart, lIdx, lVal } = this;
    const pinv = 1 / p;
    for (let k = 0; k < m; k++) {
      const wp = w[pivRow[k]!]!;
      if (wp === 0) continue;
      const e = lStart[k + 1]!;
      for (let t = lStart[k]!; t < e; t++) {
        const i = lIdx[t]!;
        const v = w[i]! - mulMod(lVal[t]!, wp, p, pinv);
        w[i] = v < 0 ? v + p : v;
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      let s = w[pivRow[k]!]!;
      const e = uStart[k + 1]!;
      for (let t = uStart[k]!; t < e; t++) {
        const xj = x[uIdx[t]!]!;
        if (xj === 0) continue;
        const v = s - mulMod(uVal[t]!, xj, p, pinv);
        s = v < 0 ? v + p : v;
      }
      x[pivCol[k]!] = s === 0 ? 0 : mulMod(s, pivInv[k]!, p, pinv);
    }
  }

  /** z (by row) with Bᵀ z = cc (by column) mod p, written into z; cc (length m) is overwritten. */
  solveTransposeInPlace(cc: number[] | Float64Array, z: number[] | Float64Array): void {
    const p = this.p;
    const m = this.m;
    const { pivRow, pivCol, pivInv, uStart, uIdx, uVal, lStart, lIdx, lVal } = this;
    const pinv = 1 / p;
    for (let k = 0; k < m; k++) {
      const s = cc[pivCol[k]!]!;
      const zp = s === 0 ? 0 : mulMod(s, pivInv[k]!, p, pinv);
      z[pivRow[k]!] = zp;
      if (zp === 0) continue;
      const e = uStart[k + 1]!;
      for (let t = uStart[k]!; t < e; t++) {
        const j = uIdx[t]!;
        const v = cc[j]! - mulMod(uVal[t]!, zp, p, pinv);
        cc[j] = v < 0 ? v + p : v;
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      const b = lStart[k]!;
      const e = lStart[k + 1]!;
      if (b === e) continue;
      const r = pivRow[k]!;
      let s = z[r]!;
      for (let t = b; t < e; t++) {
        const zi = z[lIdx[t]!]!;
        if (zi === 0) continue;
        const v = s - mulMod(lVal[t]!, zi, p, pinv);
        s = v < 0 ? v + p : v;
      }
      z[r] = s;
    }
  }
}
