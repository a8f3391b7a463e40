/**
 * The exact solves of an LP basis: x with B x = r and y with Bᵀ y = c, by modular arithmetic and
 * p-adic lifting (src/exact/padicLift.ts), with the rational sparse LU (src/exact/sparseLu.ts) as
 * the fallback that decides every irregular case. certify.ts calls `solveBasisSystems`.
 */
import { MechcheckError } from "../errors.ts";
import { bgcd, RAT_ZERO, type Rat, rat, ratAdd, ratDiv, ratLcmDenominator, ratMul, ratSub, ratVectorOver } from "../exact/fastRational.ts";
import { ModLu } from "../exact/modLu.ts";
import { modOf } from "../exact/modular.ts";
import { type IntColumns, liftSolve } from "../exact/padicLift.ts";
import { type SparseColumn, SparseLu } from "../exact/sparseLu.ts";

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
 *    A′ once modulo a word-size prime p with the same sparse LU (over Z/pZ; nonsingular mod p proves
 *    B nonsingular), then lift (src/exact/padicLift.ts) until a reconstructed candidate checks
 *    exactly. The factorization and the triangular solves work on doubles below 2^52, so their cost
 *    no longer grows with the exact intermediate entries (ratios of minors, hundreds of bits on the
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
  const srat: Rat[][] = new Array(n); // the same entries B_{ic} as rationals
  for (let t = 0; t < n; t++) {
    const j = coreCols[t]!;
    const ri = B.rows[j]!;
    const rv = B.vals[j]!;
    const l = ratLcmDenominator(rv);
    scale[t] = l;
    const ci: number[] = [];
    const cv: bigint[] = [];
    const si: number[] = [];
    const sv: bigint[] = [];
    const sr: Rat[] = [];
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
        sr.push(v);
      }
    }
    if (ci.length === 0) return rational(); // only slack rows: singular
    crow[t] = Int32Array.from(ci);
    cval[t] = cv;
    srow[t] = Int32Array.from(si);
    sval[t] = sv;
    srat[t] = sr;
  }
  const A: IntColumns = { m: n, rows: crow, vals: cval };

  for (const p of primes) {
    if (st) st.primesTried++;
    let F: ModLu | null = null;
    if (n > 0) {
      const pb = BigInt(p);
      const f = ModLu.factor(
        p,
        n,
        cval.map((vs, t) => ({ rows: crow[t]!, vals: vs.map((v) => modOf(v, p, pb)) })),
      );
      if (!(f instanceof ModLu)) continue; // singular mod p
      F = f;
      if (st) {
        st.nnzL = F.nnzL;
        st.nnzU = F.nnzU;
      }
    }
    let x: Rat[] | null = null;
    let y: Rat[] | null = null;
    if (r !== null) {
      x = new Array(m);
      // A (S⁻¹x_C) = r_R with integer right-hand side R·r_R, reconstructed as S·(S⁻¹x_C)·R = R·x_C
      // (liftSolve's outScale): the common denominator is that of x_C, not of S⁻¹x_C, which can be
      // larger by factors of the s_c (40 bits more on T-independent-6-3: two lifting steps);
      // x_c = num_c/(D·R)
      const rr: Rat[] = new Array(n);
      for (let t = 0; t < n; t++) rr[t] = r[coreRows[t]!]!;
      const { ints, den } = integerVector(rr);
      const z = n === 0 ? { num: [], den: 1n } : liftSolve(A, F!, p, ints, false, st ? (k) => (st.liftSteps[0] = k) : undefined, scale);
      if (z === null) return rational();
      const DR = z.den * den;
      const xs = ratVectorOver(z.num, DR);
      for (let t = 0; t < n; t++) x[coreCols[t]!] = xs[t]!;
      // slack rows: d·x_j = r_i − Σ_c B_{ic} x_c = r_i − (Σ_c B_{ic} num_c)/(D·R), the sum over one
      // common denominator a_d per row: a_n/a_d
      const accN = new Map<number, bigint>();
      const accD = new Map<number, bigint>();
      for (let t = 0; t < n; t++) {
        const zt = z.num[t]!;
        if (zt === 0n) continue;
        const si = srow[t]!;
        const sv = srat[t]!;
        for (let k = 0; k < si.length; k++) {
          const i = si[k]!;
          const v = sv[k]!;
          const an = accN.get(i) ?? 0n;
          const ad = accD.get(i) ?? 1n;
          if (v.d === ad) accN.set(i, an + v.n * zt);
          else if (ad % v.d === 0n) accN.set(i, an + v.n * zt * (ad / v.d));
          else {
            const L = (ad / bgcd(ad, v.d)) * v.d;
            accN.set(i, an * (L / ad) + v.n * zt * (L / v.d));
            accD.set(i, L);
          }
        }
      }
      for (let i = 0; i < m; i++) {
        const j = slackOfRow[i]!;
        if (j < 0) continue;
        const d = B.vals[j]![0]!;
        const a = accN.get(i);
        const ri = r[i]!;
        if (a === undefined || a === 0n) x[j] = ri.n === 0n ? RAT_ZERO : ratDiv(ri, d);
        else {
          const aDR = (accD.get(i) ?? 1n) * DR;
          x[j] = rat((ri.n * aDR - a * ri.d) * d.d, ri.d * aDR * d.n); // (r_i − a_n/(a_d·D·R))/d, one gcd
        }
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
      const z = n === 0 ? { num: [], den: 1n } : liftSolve(A, F!, p, ints, true, st ? (k) => (st.liftSteps[1] = k) : undefined);
      if (z === null) return rational();
      const DC = z.den * den;
      const ys = ratVectorOver(z.num, DC);
      for (let t = 0; t < n; t++) y[coreRows[t]!] = ys[t]!;
    }
    return { x, y };
  }
  return rational();
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
    let ri: ArrayLike<number> = c.rows;
    let rv: ArrayLike<Rat> = c.vals;
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
  const l = ratLcmDenominator(v);
  return { ints: v.map((x) => (x.d === l ? x.n : x.n * (l / x.d))), den: l };
}
