/**
 * Sparse exact rational LU factorization of a square basis matrix B (given by columns), with
 * solves B x = r and Bᵀ y = c.
 *
 * Pivots are chosen Markowitz-style (minimum (r_i − 1)(c_j − 1) over a few candidates of the
 * smallest row/column counts), so singleton columns — the slack columns of an LP basis — are
 * pivoted first with no arithmetic and no fill-in: they only move their row into U.
 * Any nonzero pivot is exact, so no numerical threshold is needed; an entry that cancels to exactly
 * zero is dropped, and a column (or row) left without entries means B is singular
 * (MechcheckError "singular").
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

  /** Factor the m×m matrix whose columns are `cols`; throws MechcheckError "singular". */
  static factor(m: number, cols: readonly SparseColumn[]): SparseLu {
    if (cols.length !== m) {
      throw new MechcheckError("singular", `basis matrix is not square: ${cols.length} columns for ${m} rows`, { value: [cols.length, m] });
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
      throw new MechcheckError("singular", `basis matrix is singular (${what} ${idx} has no remaining nonzero)`, { value: idx });
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
    if (r.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${r.length}, expected ${m}`, { value: r.length });
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
    if (c.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${c.length}, expected ${m}`, { value: c.length });
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

// ---------------------------------------------------------------------------------------------
// Exact solves through modular arithmetic (p-adic lifting), with the rational LU as fallback.
// ---------------------------------------------------------------------------------------------

/**
 * Primes below 2^26: a product of two residues is below 2^52, so `(a * b) % p` is exact in doubles.
 */
export const LIFT_PRIMES: readonly number[] = Object.freeze([67108859, 67108837]);

export interface BasisSolveStats {
  /** "modular": factored mod p and lifted p-adically; "rational": the rational SparseLu fallback */
  method: "modular" | "rational";
  /** primes tried by the modular path (a prime dividing det B is skipped) */
  primesTried: number;
  /** p-adic lifting steps for B x = r and Bᵀ y = c */
  liftSteps: [number, number];
  /** nonzeros off the diagonal of the mod-p factors */
  nnzL: number;
  nnzU: number;
}

export interface BasisSolveOptions {
  /** primes (each < 2^26) for the modular path; [] forces the rational LU (tests) */
  readonly primes?: readonly number[];
  readonly stats?: BasisSolveStats;
}

/**
 * x with B x = r and y with Bᵀ y = c (either side may be null), for the m×m matrix B whose columns
 * are `cols` — the same normalized rationals as `SparseLu.factor(m, cols).solve(r)` /
 * `.solveTranspose(c)` (the solutions are unique), and the same errors (MechcheckError
 * "singular", "bad-matrix").
 *
 * Method:
 * 1. Singleton columns (the slacks of an LP basis, d·e_i) are eliminated first, exactly and without
 *    any factorization: their rows S and the remaining columns C leave a core A = B[R, C] (R the other
 *    rows) with B block triangular, so B x = r needs A x_C = r_R and then x_slack = (r_i − B_{iC} x_C)/d,
 *    and Bᵀ y = c needs y_S = c_slack/d and then Aᵀ y_R = c_C − B_{SC}ᵀ y_S.
 * 2. The core is solved by Dixon's p-adic lifting: scale each column to integers (A′ = A·S), factor
 *    A′ once modulo a word-size prime p with the same Markowitz pivoting as SparseLu (nonsingular mod
 *    p proves B nonsingular), then lift: z_k = A′⁻¹ r_k mod p, r_{k+1} = (r_k − A′ z_k)/p, so that
 *    A′·Σ p^k z_k ≡ r mod p^K. Rational reconstruction of the p-adic solution (one shared
 *    denominator) gives a candidate that is checked exactly against A′ z = r before it is accepted;
 *    lifting continues (up to the Hadamard bound, where reconstruction is guaranteed) until one
 *    checks. The factorization and the triangular solves work on doubles below 2^52, so their cost no
 *    longer grows with the exact intermediate entries (ratios of minors, hundreds of bits on the
 *    trade-with-IC bases), which is what made the rational LU slow; the lifting costs one sparse
 *    pass per 26 bits of the answer, and the answers of the LPs here are small.
 * If B is singular modulo every prime tried, or anything is irregular (bad index, empty column, two
 * slacks on one row), the rational LU decides, so errors and results are exactly SparseLu's.
 */
export function solveBasisSystems(
  m: number,
  cols: readonly SparseColumn[],
  r: readonly Rat[] | null,
  c: readonly Rat[] | null,
  opts: BasisSolveOptions = {},
): { x: Rat[] | null; y: Rat[] | null } {
  const st = opts.stats;
  if (st) {
    st.method = "modular";
    st.primesTried = 0;
    st.liftSteps = [0, 0];
    st.nnzL = 0;
    st.nnzU = 0;
  }
  const rational = () => {
    if (st) st.method = "rational";
    const lu = SparseLu.factor(m, cols);
    if (st) {
      st.nnzL = lu.stats.nnzL;
      st.nnzU = lu.stats.nnzU;
    }
    return { x: r === null ? null : lu.solve(r), y: c === null ? null : lu.solveTranspose(c) };
  };
  if (r !== null && r.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${r.length}, expected ${m}`, { value: r.length });
  if (c !== null && c.length !== m) throw new MechcheckError("dimension", `right-hand side has length ${c.length}, expected ${m}`, { value: c.length });
  const primes = opts.primes ?? LIFT_PRIMES;
  if (cols.length !== m || primes.length === 0) return rational();
  const B = cleanColumns(m, cols);
  if (B === null) return rational(); // bad index or an empty column: the rational LU reports it

  // 1. singleton columns: slackOfRow[i] = the column j = d·e_i claiming row i
  const slackOfRow = new Int32Array(m).fill(-1);
  const isSlack = new Uint8Array(m);
  let nSlack = 0;
  for (let j = 0; j < m; j++) {
    if (B.rows[j]!.length !== 1) continue;
    const i = B.rows[j]![0]!;
    if (slackOfRow[i] >= 0) return rational(); // two multiples of e_i: singular
    slackOfRow[i] = j;
    isSlack[j] = 1;
    nSlack++;
  }
  const n = m - nSlack;
  const coreCols = new Int32Array(n); // core index → column
  const coreRowOf = new Int32Array(m).fill(-1); // row → core index (−1 for slack rows)
  const coreRows = new Int32Array(n);
  {
    let t = 0;
    for (let j = 0; j < m; j++) if (!isSlack[j]) coreCols[t++] = j;
    t = 0;
    for (let i = 0; i < m; i++) if (slackOfRow[i] < 0) {
      coreRowOf[i] = t;
      coreRows[t++] = i;
    }
  }
  // core columns scaled to integers by the lcm s_c of the denominators of the WHOLE column c, so
  // B_{ic} = A′-entry / s_c also on slack rows (used to substitute back)
  const scale: bigint[] = new Array(n);
  const crow: Int32Array[] = new Array(n);
  const cval: bigint[][] = new Array(n);
  const srow: Int32Array[] = new Array(n); // entries of core column t on slack rows (scaled)
  const sval: bigint[][] = new Array(n);
  for (let t = 0; t < n; t++) {
    const j = coreCols[t]!;
    const ri = B.rows[j]!;
    const rv = B.vals[j]!;
    let l = 1n;
    for (const v of rv) if (v.d !== 1n && l % v.d !== 0n) l = (l / bgcd(l, v.d)) * v.d;
    scale[t] = l;
    const ci: number[] = [];
    const cv: bigint[] = [];
    const si: number[] = [];
    const sv: bigint[] = [];
    for (let k = 0; k < ri.length; k++) {
      const v = rv[k]!;
      const e = v.d === l ? v.n : v.n * (l / v.d);
      const ti = coreRowOf[ri[k]!]!;
      if (ti >= 0) {
        ci.push(ti);
        cv.push(e);
      } else {
        si.push(ri[k]!);
        sv.push(e);
      }
    }
    if (ci.length === 0) return rational(); // only slack rows: singular
    crow[t] = Int32Array.from(ci);
    cval[t] = cv;
    srow[t] = Int32Array.from(si);
    sval[t] = sv;
  }
  const A: IntColumns = { m: n, rows: crow, vals: cval };

  for (const p of primes) {
    if (st) st.primesTried++;
    const F = n === 0 ? null : ModLu.factor(n, A, p);
    if (F === null && n > 0) continue;
    if (st && F) {
      st.nnzL = F.nnzL;
      st.nnzU = F.nnzU;
    }
    let x: Rat[] | null = null;
    let y: Rat[] | null = null;
    if (r !== null) {
      x = new Array(m);
      // A (S⁻¹x_C) = r_R with integer right-hand side R·r_R; x_c = s_c·num_c/(D·R)
      const rr: Rat[] = new Array(n);
      for (let t = 0; t < n; t++) rr[t] = r[coreRows[t]!]!;
      const { ints, den } = integerVector(rr);
      const z = n === 0 ? { num: [], den: 1n } : liftSolve(A, F!, ints, false, st ? (k) => (st.liftSteps[0] = k) : undefined);
      if (z === null) return rational();
      const DR = z.den * den;
      for (let t = 0; t < n; t++) x[coreCols[t]!] = rat(scale[t]! * z.num[t]!, DR);
      // slack rows: d·x_j = r_i − Σ_c B_{ic} x_c = r_i − (Σ_c A′_{ic} num_c)/(D·R)
      const acc = new Map<number, bigint>();
      for (let t = 0; t < n; t++) {
        const zt = z.num[t]!;
        if (zt === 0n) continue;
        const si = srow[t]!;
        const sv = sval[t]!;
        for (let k = 0; k < si.length; k++) acc.set(si[k]!, (acc.get(si[k]!) ?? 0n) + sv[k]! * zt);
      }
      for (let i = 0; i < m; i++) {
        const j = slackOfRow[i]!;
        if (j < 0) continue;
        const d = B.vals[j]![0]!;
        const a = acc.get(i);
        const ri = r[i]!;
        if (a === undefined || a === 0n) x[j] = ri.n === 0n ? RAT_ZERO : ratDiv(ri, d);
        else x[j] = rat((ri.n * DR - a * ri.d) * d.d, ri.d * DR * d.n); // (r_i − a/DR)/d, one gcd
      }
    }
    if (c !== null) {
      y = new Array(m);
      // slack rows: y_i = c_j / d
      for (let i = 0; i < m; i++) {
        const j = slackOfRow[i]!;
        if (j < 0) continue;
        const cj = c[j]!;
        y[i] = cj.n === 0n ? RAT_ZERO : ratDiv(cj, B.vals[j]![0]!);
      }
      // A′ᵀ y_R = S (c_C − B_{SC}ᵀ y_S) = s_c c_c − Σ_{i∈S} A′_{ic} y_i
      const sc: Rat[] = new Array(n);
      for (let t = 0; t < n; t++) {
        let v = ratMul(c[coreCols[t]!]!, { n: scale[t]!, d: 1n });
        const si = srow[t]!;
        const sv = sval[t]!;
        for (let k = 0; k < si.length; k++) {
          const yi = y[si[k]!]!;
          if (yi.n !== 0n) v = ratSub(v, ratMul({ n: sv[k]!, d: 1n }, yi));
        }
        sc[t] = v;
      }
      const { ints, den } = integerVector(sc);
      const z = n === 0 ? { num: [], den: 1n } : liftSolve(A, F!, ints, true, st ? (k) => (st.liftSteps[1] = k) : undefined);
      if (z === null) return rational();
      const DC = z.den * den;
      for (let t = 0; t < n; t++) y[coreRows[t]!] = rat(z.num[t]!, DC);
    }
    return { x, y };
  }
  return rational();
}

/** Integer columns (a square core, rows and columns renumbered 0..m−1). */
interface IntColumns {
  readonly m: number;
  readonly rows: Int32Array[];
  readonly vals: bigint[][];
}

/** Columns with repeated row indices merged (as SparseLu.factor does) and zeros dropped; null if irregular. */
function cleanColumns(m: number, cols: readonly SparseColumn[]): { rows: Int32Array[]; vals: Rat[][] } | null {
  const rows: Int32Array[] = new Array(m);
  const vals: Rat[][] = new Array(m);
  const mark = new Int32Array(m).fill(-1);
  for (let j = 0; j < m; j++) {
    const c = cols[j]!;
    let dup = false;
    for (let k = 0; k < c.rows.length; k++) {
      const i = c.rows[k]!;
      if (!Number.isInteger(i) || i < 0 || i >= m) return null;
      if (mark[i] === j) dup = true;
      mark[i] = j;
    }
    let ri: readonly number[] = c.rows;
    let rv: readonly Rat[] = c.vals;
    if (dup) {
      const merged = new Map<number, Rat>();
      for (let k = 0; k < c.rows.length; k++) {
        const prev = merged.get(c.rows[k]!);
        merged.set(c.rows[k]!, prev === undefined ? c.vals[k]! : ratAdd(prev, c.vals[k]!));
      }
      ri = [...merged.keys()];
      rv = [...merged.values()];
    }
    const oi: number[] = [];
    const ov: Rat[] = [];
    for (let k = 0; k < ri.length; k++) {
      if (rv[k]!.n === 0n) continue;
      oi.push(ri[k]!);
      ov.push(rv[k]!);
    }
    if (oi.length === 0) return null;
    rows[j] = Int32Array.from(oi);
    vals[j] = ov;
  }
  return { rows, vals };
}

/** Integers ints and den > 0 with v = ints / den (den = lcm of the denominators). */
function integerVector(v: readonly Rat[]): { ints: bigint[]; den: bigint } {
  let l = 1n;
  for (const x of v) if (x.d !== 1n && l % x.d !== 0n) l = (l / bgcd(l, x.d)) * x.d;
  return { ints: v.map((x) => (x.d === l ? x.n : x.n * (l / x.d))), den: l };
}

function modOf(a: bigint, p: number, pb: bigint): number {
  if (a >= -9007199254740991n && a <= 9007199254740991n) {
    const r = Number(a) % p;
    return r < 0 ? r + p : r;
  }
  const r = Number(a % pb);
  return r < 0 ? r + p : r;
}

function invMod(a: number, p: number): number {
  let t = 0;
  let nt = 1;
  let r = p;
  let nr = a;
  while (nr !== 0) {
    const q = Math.floor(r / nr);
    [t, nt] = [nt, t - q * nt];
    [r, nr] = [nr, r - q * nr];
  }
  return t < 0 ? t + p : t;
}

/** M·B′ = U′ modulo p (same layout as SparseLu), residues in [0, p). */
class ModLu {
  private constructor(
    readonly m: number,
    readonly p: number,
    readonly pivRow: Int32Array,
    readonly pivCol: Int32Array,
    readonly pivInv: Float64Array,
    readonly uIdx: Int32Array[],
    readonly uVal: Float64Array[],
    readonly lIdx: Int32Array[],
    readonly lVal: Float64Array[],
    readonly nnzL: number,
    readonly nnzU: number,
  ) {}

  /** null if B′ is singular modulo p */
  static factor(m: number, B: IntColumns, p: number): ModLu | null {
    const pb = BigInt(p);
    const rows: Map<number, number>[] = new Array(m);
    for (let i = 0; i < m; i++) rows[i] = new Map();
    const colSets: Set<number>[] = new Array(m);
    for (let j = 0; j < m; j++) {
      const ri = B.rows[j]!;
      const rv = B.vals[j]!;
      const s = new Set<number>();
      for (let k = 0; k < ri.length; k++) {
        const v = modOf(rv[k]!, p, pb);
        if (v === 0) continue;
        rows[ri[k]!]!.set(j, v);
        s.add(ri[k]!);
      }
      colSets[j] = s;
    }
    const rowCnt = new Int32Array(m);
    const colCnt = new Int32Array(m);
    const rowActive = new Uint8Array(m).fill(1);
    const colActive = new Uint8Array(m).fill(1);
    const colBucket: number[][] = [];
    const rowBucket: number[][] = [];
    const push = (b: number[][], c: number, x: number) => {
      let a = b[c];
      if (a === undefined) b[c] = a = [];
      a.push(x);
    };
    for (let i = 0; i < m; i++) {
      rowCnt[i] = rows[i]!.size;
      push(rowBucket, rowCnt[i]!, i);
    }
    for (let j = 0; j < m; j++) {
      colCnt[j] = colSets[j]!.size;
      push(colBucket, colCnt[j]!, j);
    }
    const pivRow = new Int32Array(m);
    const pivCol = new Int32Array(m);
    const pivInv = new Float64Array(m);
    const uIdx: Int32Array[] = new Array(m);
    const uVal: Float64Array[] = new Array(m);
    const lIdx: Int32Array[] = new Array(m);
    const lVal: Float64Array[] = new Array(m);
    let nnzL = 0;
    let nnzU = 0;
    for (let k = 0; k < m; k++) {
      // Markowitz pivot search, as in SparseLu.factor
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
            if (cnt === 0) return null;
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
            if (cnt === 0) return null;
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
      if (bestI < 0) return null;
      const pr = bestI;
      const qc = bestJ;
      const prow = rows[pr]!;
      const inv = invMod(prow.get(qc)!, p);
      pivRow[k] = pr;
      pivCol[k] = qc;
      pivInv[k] = inv;
      const ui = new Int32Array(prow.size - 1);
      const uv = new Float64Array(prow.size - 1);
      let t = 0;
      for (const [j, v] of prow) {
        colSets[j]!.delete(pr);
        if (j === qc) continue;
        ui[t] = j;
        uv[t] = v;
        t++;
      }
      uIdx[k] = ui;
      uVal[k] = uv;
      nnzU += ui.length;
      rowActive[pr] = 0;
      colActive[qc] = 0;
      const others = colSets[qc]!;
      const li = new Int32Array(others.size);
      const lv = new Float64Array(others.size);
      t = 0;
      for (const i of others) {
        const rowi = rows[i]!;
        const l = (rowi.get(qc)! * inv) % p;
        rowi.delete(qc);
        li[t] = i;
        lv[t] = l;
        t++;
        for (let s = 0; s < ui.length; s++) {
          const j = ui[s]!;
          const lu = (l * uv[s]!) % p;
          const old = rowi.get(j);
          if (old === undefined) {
            rowi.set(j, lu === 0 ? 0 : p - lu);
            colSets[j]!.add(i);
          } else {
            let nv = old - lu;
            if (nv < 0) nv += p;
            if (nv === 0) {
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
      rows[pr] = new Map();
      for (let s = 0; s < ui.length; s++) {
        const j = ui[s]!;
        const cc = colSets[j]!.size;
        if (cc !== colCnt[j]) {
          colCnt[j] = cc;
          push(colBucket, cc, j);
        }
      }
    }
    return new ModLu(m, p, pivRow, pivCol, pivInv, uIdx, uVal, lIdx, lVal, nnzL, nnzU);
  }

  /** x (by column) with B′ x ≡ w (by row) mod p; w is overwritten. */
  solveInPlace(w: Float64Array, x: Float64Array): void {
    const { m, p } = this;
    for (let k = 0; k < m; k++) {
      const wp = w[this.pivRow[k]!]!;
      if (wp === 0) continue;
      const li = this.lIdx[k]!;
      const lv = this.lVal[k]!;
      for (let t = 0; t < li.length; t++) {
        const i = li[t]!;
        let v = w[i]! - ((lv[t]! * wp) % p);
        if (v < 0) v += p;
        w[i] = v;
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      let s = w[this.pivRow[k]!]!;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const xj = x[ui[t]!]!;
        if (xj !== 0) {
          s -= (uv[t]! * xj) % p;
          if (s < 0) s += p;
        }
      }
      x[this.pivCol[k]!] = s === 0 ? 0 : (s * this.pivInv[k]!) % p;
    }
  }

  /** y (by row) with B′ᵀ y ≡ cc (by column) mod p; cc is overwritten. */
  solveTransposeInPlace(cc: Float64Array, z: Float64Array): void {
    const { m, p } = this;
    for (let k = 0; k < m; k++) {
      const s = cc[this.pivCol[k]!]!;
      const zp = s === 0 ? 0 : (s * this.pivInv[k]!) % p;
      z[this.pivRow[k]!] = zp;
      if (zp === 0) continue;
      const ui = this.uIdx[k]!;
      const uv = this.uVal[k]!;
      for (let t = 0; t < ui.length; t++) {
        const j = ui[t]!;
        let v = cc[j]! - ((uv[t]! * zp) % p);
        if (v < 0) v += p;
        cc[j] = v;
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      const li = this.lIdx[k]!;
      if (li.length === 0) continue;
      const lv = this.lVal[k]!;
      const pr = this.pivRow[k]!;
      let s = z[pr]!;
      for (let t = 0; t < li.length; t++) {
        const zi = z[li[t]!]!;
        if (zi !== 0) {
          s -= (lv[t]! * zi) % p;
          if (s < 0) s += p;
        }
      }
      z[pr] = s;
    }
  }
}

/** log2 |a| (a ≠ 0), roughly, for bounds. */
function log2Abs(a: bigint): number {
  const s = (a < 0n ? -a : a).toString(16);
  return (s.length - 1) * 4 + Math.log2(parseInt(s[0]!, 16) + 1);
}

/**
 * Rational reconstruction: n/d with |n| ≤ N, 0 < d ≤ N and n ≡ d·u (mod M), or null.
 * (u in [0, M).)
 */
function ratRecon(u: bigint, M: bigint, N: bigint): { n: bigint; d: bigint } | null {
  let r0 = M;
  let r1 = u;
  let t0 = 0n;
  let t1 = 1n;
  while (r1 > N) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n) return null;
  let n = r1;
  let d = t1;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d > N) return null;
  return { n, d };
}

/**
 * The exact solution num/den (one common denominator) of B′ z = b (or B′ᵀ z = b) by p-adic
 * lifting on the factorization F, or null if no candidate checked within the Hadamard bound
 * (which does not happen for a nonsingular B′; the caller then falls back to the rational LU).
 */
function liftSolve(B: IntColumns, F: ModLu, b: readonly bigint[], transpose: boolean, onSteps?: (k: number) => void): { num: bigint[]; den: bigint } | null {
  const m = B.m;
  const p = F.p;
  const pb = BigInt(p);
  // Hadamard: |det B′| and every Cramer numerator are ≤ Π (column (row) norms) · max(1, ‖b‖), so
  // reconstruction is guaranteed once p^k > 2H²; computed only if the lifting gets that far
  const liftLimit = (): number => {
    let logH = 0;
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (const v of B.vals[j]!) s += Math.pow(2, 2 * log2Abs(v));
        logH += 0.5 * Math.log2(s);
      }
    } else {
      const rs = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const ri = B.rows[j]!;
        const rv = B.vals[j]!;
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
  const w = new Float64Array(m);
  const xk = new Float64Array(m);
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
      // B′ X = b exactly
      onSteps?.(k - 1);
      return { num: X, den: 1n };
    }
    if (transpose) F.solveTransposeInPlace(w, xk);
    else F.solveInPlace(w, xk);
    // res ← (res − B′ xk) / p, X ← X + M·xk
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        const xj = xk[j]!;
        if (xj === 0) continue;
        const xb = BigInt(xj);
        X[j] = X[j]! + M * xb;
        const ri = B.rows[j]!;
        const rv = B.vals[j]!;
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
        const ri = B.rows[j]!;
        const rv = B.vals[j]!;
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
      const cand = reconstruct(X, M);
      if (cand !== null && checkCandidate(B, b, cand, transpose)) {
        onSteps?.(k);
        return cand;
      }
    }
  }
  return null;
}

/** Componentwise rational reconstruction with a shared denominator, or null. */
function reconstruct(X: readonly bigint[], M: bigint): { num: bigint[]; den: bigint } | null {
  // N = floor(sqrt(M / 2))
  const N = bsqrt(M / 2n);
  const m = X.length;
  const num: bigint[] = new Array(m);
  let D = 1n;
  for (let i = 0; i < m; i++) {
    const u = X[i]!;
    if (u === 0n) {
      num[i] = 0n;
      continue;
    }
    // value ≡ u; with the denominator D found so far, D·u (mod M) is often already small
    let v = (u * D) % M;
    if (v > M / 2n) v -= M;
    const av = v < 0n ? -v : v;
    if (av <= N) {
      num[i] = v;
      continue;
    }
    const rr = ratRecon(v < 0n ? v + M : v, M, N);
    if (rr === null) return null;
    // u·D ≡ n/d  ⇒  u ≡ n/(d·D): rescale the numerators found so far
    if (rr.d !== 1n) for (let t = 0; t < i; t++) num[t] = num[t]! * rr.d;
    num[i] = rr.n;
    D *= rr.d;
    if (D > N) return null;
  }
  return { num, den: D };
}

function bsqrt(a: bigint): bigint {
  if (a < 2n) return a;
  // Newton from above: start at 2^ceil(bits/2) ≥ √a; the iterates decrease to ⌊√a⌋
  let x = 1n << BigInt((a.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + a / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** B′ (num/den) = b (or B′ᵀ …) exactly. */
function checkCandidate(B: IntColumns, b: readonly bigint[], z: { num: bigint[]; den: bigint }, transpose: boolean): boolean {
  const m = B.m;
  const { num, den } = z;
  if (!transpose) {
    const acc: bigint[] = new Array(m).fill(0n);
    for (let j = 0; j < m; j++) {
      const zj = num[j]!;
      if (zj === 0n) continue;
      const ri = B.rows[j]!;
      const rv = B.vals[j]!;
      for (let t = 0; t < ri.length; t++) acc[ri[t]!] = acc[ri[t]!]! + rv[t]! * zj;
    }
    for (let i = 0; i < m; i++) if (acc[i] !== den * b[i]!) return false;
    return true;
  }
  for (let j = 0; j < m; j++) {
    const ri = B.rows[j]!;
    const rv = B.vals[j]!;
    let s = 0n;
    for (let t = 0; t < ri.length; t++) {
      const v = num[ri[t]!]!;
      if (v !== 0n) s += rv[t]! * v;
    }
    if (s !== den * b[j]!) return false;
  }
  return true;
}
