/**
 * A pure exact bounded-variable primal simplex. It returns full certificates in model.ts's
 * conventions, which `verify` checks independently.
 *
 * Internal form (always minimization; a max problem is solved as min −c and its duals negated):
 *   Â x − s = 0,  l ≤ x ≤ u,  s_i ∈ [b̂_i, b̂_i] (=), [b̂_i, ∞) (≥), (−∞, b̂_i] (≤),
 * where row i is scaled by λ_i > 0 (the lcm of its coefficients' denominators) so Â = ΛA is
 * integral, b̂ = Λb, and the costs ĉ = λ_c·c are integral too. Variables are numbered:
 * structurals 0..n−1, slacks n..n+m−1; an artificial t_i of row i (phase 1) has the implicit
 * column σ_i e_i and is dropped for good once it leaves the basis.
 *
 * Arithmetic: a fraction-free (Edmonds/Bareiss) tableau T = B⁻¹[Â, −I] and reduced-cost row,
 * stored as integer numerators with a per-row denominator. With integer data, T·det B and
 * d·det B are integral, so a row touched by a pivot is brought to the current determinant G by
 * an exact division, updated by the exact division (N_i·p − N_iq·N_r)/G, and gets denominator p
 * (the pivot, ±det of the new basis); rows the pivot does not touch are left alone. No gcds.
 *
 * Two representations of the same integers: while they are small the tableau is held in doubles
 * ("small mode": every entry an integer of magnitude < 2^53, exactly representable), and a pivot
 * runs in doubles only when a bound on every product it forms is below 2^52 (checked before the
 * pivot from per-row magnitude bounds; then each product, difference and exact quotient is an
 * integer below 2^53 and floating-point arithmetic is exact). Otherwise the tableau moves to
 * bigints for good ("big mode"), where nothing can overflow. Both hold the very same integers, so
 * the pivots chosen are the same in either. Basic values, bounds, ratios and the outputs are exact
 * rationals (the bigint pair `Rat` of src/exact/fastRational.ts; `Q` at the interface).
 *
 * Certificates: the reduced cost of slack i is w_i = (ĉ_B B⁻¹)_i, so y = Λw/λ_c (phase 2) and
 * the Farkas multipliers are Λw¹ from phase 1's duals.
 *
 * Pricing: Devex (largest d_j²/w_j with float reference weights; floats only choose among valid
 * pivots, never decide anything); after DEGENERATE_SWITCH consecutive degenerate steps it
 * switches to Bland's rule (smallest eligible index entering; ratio-test ties to the smallest
 * index) until a nondegenerate step. Termination: each nondegenerate step strictly decreases the
 * objective (so no basis/bound configuration recurs across them), and Bland's rule cannot cycle
 * within a degenerate stretch; the problem itself changes only when an artificial is dropped
 * (at most m times).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { RAT_ONE, RAT_ZERO, type Rat, rat, ratAdd, ratCmp, ratEq, ratFromQ, ratMul, ratNeg, ratSub, ratToQ } from "../exact/fastRational.ts";
import type { Q } from "../exact/rational.ts";
import type { BasisHint, LpModel, LpResult } from "./model.ts";

export interface ExactSimplexOptions {
  /** A basis to start phase 2 from, when nonsingular and primal feasible (else cold start). */
  warmBasis?: BasisHint;
  /** Throw MechcheckError("simplex-limit") when a pivot/bound flip beyond this many is needed. */
  maxIterations?: number;
  /** Throw MechcheckError("simplex-limit") once this many ms have passed since the start. */
  deadlineMs?: number;
  /** "devex" (default, with a fallback to Bland on degenerate stretches) or "bland" throughout. */
  pivotRule?: "devex" | "bland";
  /**
   * Keep the tableau in bigints from the start (no double-precision small mode). For tests: the
   * two representations must give the same pivots and the same certificates.
   */
  bigintOnly?: boolean;
}

const DEGENERATE_SWITCH = 20;
/** Small mode starts only when every tableau entry is below this magnitude. */
const SMALL_START = 2 ** 26;
/** A small-mode pivot (or rescale) runs only when every product it forms is below this (< 2^53, with a margin for the float estimate). */
const SMALL_PRODUCT = 2 ** 51;

export function exactSimplex(model: LpModel, opts: ExactSimplexOptions = {}): LpResult {
  return new Simplex(model, opts).run();
}
/** Statistics of the last solve in this process (tests: which representation ran). */
export const exactSimplexStats = { pivots: 0, smallPivots: 0, grewToBigint: false };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function lcmDen(xs: Iterable<Q>): bigint {
  let l = 1n;
  for (const x of xs) if (x.d !== 1n && l % x.d !== 0n) l = (l / gcd(l, x.d)) * x.d;
  return l;
}
const qOf = (n: bigint, d: bigint): Q => ratToQ(rat(n, d));
const babs = (x: bigint): bigint => (x < 0n ? -x : x);
/** ln|x| for a nonzero bigint (a float heuristic for pricing only). */
function logAbs(x: bigint): number {
  if (x < 0n) x = -x;
  const f = Number(x);
  if (f < 1e300) return Math.log(f);
  const bits = x.toString(16).length * 4;
  return Math.log(Number(x >> BigInt(bits - 64))) + (bits - 64) * Math.LN2;
}
/** ln|x| for a nonzero integer double: the same value as logAbs(BigInt(x)) below 2^53. */
const logAbsF = (x: number): number => Math.log(Math.abs(x));

class Simplex {
  private readonly n: number;
  private readonly m: number;
  private readonly N: number;
  /** Bounds (slacks in scaled units λ_i·b_i). */
  private readonly lo: (Rat | null)[];
  private readonly up: (Rat | null)[];
  /** fixed[j] = 1 when lo_j = up_j (never priced). */
  private readonly fixed: Uint8Array;
  private readonly rowScale: bigint[];
  private readonly costScale: bigint;
  /** Whether the tableau is held in bigints (big mode) or in doubles (small mode). */
  private big = true;
  // Big mode. Tableau numerators and per-row denominators: T_i = num[i] / den[i].
  private num: bigint[][] = [];
  private den: bigint[] = [];
  /** Reduced costs: d = dNum / dDen. */
  private dNum: bigint[] = [];
  private dDen = 1n;
  /** The current basis determinant (up to sign): every row times G is integral. */
  private G = 1n;
  // Small mode: the same integers as doubles, with an upper bound on each row's live magnitudes.
  private fNum: Float64Array[] = [];
  private fDen: Float64Array = new Float64Array(0);
  private fMax: Float64Array = new Float64Array(0);
  private fD: Float64Array = new Float64Array(0);
  private fDMax = 0;
  private fDDen = 1;
  private fG = 1;
  private beta: Rat[] = [];
  /** basis[i] = variable basic in row i (≥ N: artificial of row basis[i] − N). */
  private basis: number[] = [];
  /** pos[k] = row where k is basic, −1 if nonbasic (k < N). */
  private pos: Int32Array;
  /** value of each nonbasic variable (k < N). */
  private xN: Rat[];
  /** Upper bound of basic artificials (null in phase 1, ZERO afterwards). */
  private artUp: Rat | null = null;
  private iterations = 0;
  private readonly started = Date.now();
  private degenerateRun = 0;
  /** Devex reference weights (floats: they only choose among valid pivots, never decide). */
  private weights: Float64Array = new Float64Array(0);

  constructor(
    private readonly model: LpModel,
    private readonly opts: ExactSimplexOptions,
  ) {
    this.n = model.variables.length;
    this.m = model.rows.length;
    this.N = this.n + this.m;
    const checkTerms = (terms: LpModel["objective"]) => {
      for (const t of terms) {
        if (!Number.isInteger(t.var) || t.var < 0 || t.var >= this.n) {
          throw new MechcheckError("unknown-variable", `LP model: term variable index ${t.var} is out of range`, { path: "terms", value: t.var });
        }
      }
    };
    checkTerms(model.objective);
    for (const r of model.rows) checkTerms(r.terms);
    this.rowScale = model.rows.map((r) => lcmDen(r.terms.map((t) => t.coef)));
    this.costScale = lcmDen(model.objective.map((t) => t.coef));
    const scaled = (i: number) => ratMul(ratFromQ(model.rows[i]!.rhs), { n: this.rowScale[i]!, d: 1n });
    const orNull = (x: Q | null) => (x === null ? null : ratFromQ(x));
    this.lo = [...model.variables.map((v) => orNull(v.lower)), ...model.rows.map((r, i) => (r.sense === "<=" ? null : scaled(i)))];
    this.up = [...model.variables.map((v) => orNull(v.upper)), ...model.rows.map((r, i) => (r.sense === ">=" ? null : scaled(i)))];
    this.fixed = new Uint8Array(this.N);
    for (let j = 0; j < this.N; j++) if (this.lo[j] !== null && this.up[j] !== null && ratEq(this.lo[j]!, this.up[j]!)) this.fixed[j] = 1;
    this.pos = new Int32Array(this.N).fill(-1);
    this.xN = new Array<Rat>(this.N).fill(RAT_ZERO);
    exactSimplexStats.pivots = 0;
    exactSimplexStats.smallPivots = 0;
    exactSimplexStats.grewToBigint = false;
  }

  run(): LpResult {
    const { n, N } = this;
    if (!(this.opts.warmBasis && this.warmStart(this.opts.warmBasis))) {
      this.coldStart();
      const phase1 = this.iterate();
      if (phase1 !== "optimal") throw new InternalError("exactSimplex: phase 1 cannot be unbounded (internal error)");
      let z = RAT_ZERO;
      for (let i = 0; i < this.m; i++) if (this.basis[i]! >= N) z = ratAdd(z, this.beta[i]!);
      if (z.n !== 0n) {
        // Phase-1 duals w_i = d_{s_i} (scaled rows) give Farkas multipliers y = Λw.
        const dDen = this.dDenB();
        return { status: "infeasible", farkas: { rows: this.model.rows.map((_, i) => qOf(this.dB(n + i) * this.rowScale[i]!, dDen)) } };
      }
      this.artUp = RAT_ZERO;
      this.driveOutArtificials();
    }
    this.setPhase2Costs();
    const status = this.iterate();
    const x = this.structuralValues();
    if (status !== "optimal") {
      const { q: enter, dir } = status;
      const ray: Q[] = new Array<Q>(n).fill(ratToQ(RAT_ZERO));
      if (enter < n) ray[enter] = ratToQ(dir > 0 ? RAT_ONE : ratNeg(RAT_ONE));
      for (let i = 0; i < this.m; i++) {
        const k = this.basis[i]!;
        const a = this.ent(i, enter);
        if (k < n && a !== 0n) ray[k] = qOf(dir > 0 ? -a : a, this.denB(i));
      }
      return { status: "unbounded", point: x.map(ratToQ), ray };
    }
    // d (true, internal min units) = dNum/(dDen·λ_c); y_i = λ_i·d_{s_i}; negate for max.
    const dDen = this.dDenB();
    const scale = this.model.direction === "max" ? -dDen * this.costScale : dDen * this.costScale;
    const rows = this.model.rows.map((_, i) => qOf(this.dB(n + i) * this.rowScale[i]!, scale));
    const reducedCosts = Array.from({ length: n }, (_, j) => qOf(this.dB(j), scale));
    let value = ratFromQ(this.model.objectiveConstant);
    for (const t of this.model.objective) value = ratAdd(value, ratMul(ratFromQ(t.coef), x[t.var]!));
    return { status: "optimal", value: ratToQ(value), primal: x.map(ratToQ), dual: { rows, reducedCosts } };
  }

  // ---- entries as bigints, in either mode (cold paths) ----
  private ent(i: number, j: number): bigint {
    return this.big ? this.num[i]![j]! : BigInt(this.fNum[i]![j]!);
  }
  private nz(i: number, j: number): boolean {
    return this.big ? this.num[i]![j] !== 0n : this.fNum[i]![j] !== 0;
  }
  private denB(i: number): bigint {
    return this.big ? this.den[i]! : BigInt(this.fDen[i]!);
  }
  private dB(j: number): bigint {
    return this.big ? this.dNum[j]! : BigInt(this.fD[j]!);
  }
  private dDenB(): bigint {
    return this.big ? this.dDen : BigInt(this.fDDen);
  }
  private GB(): bigint {
    return this.big ? this.G : BigInt(this.fG);
  }

  /** Move a small-mode tableau to bigints for good. */
  private grow(): void {
    if (this.big) return;
    const toBig = (xs: Float64Array): bigint[] => {
      const out = new Array<bigint>(xs.length);
      for (let j = 0; j < xs.length; j++) out[j] = xs[j] === 0 ? 0n : BigInt(xs[j]!);
      return out;
    };
    this.num = this.fNum.map(toBig);
    this.den = toBig(this.fDen);
    this.dNum = toBig(this.fD);
    this.dDen = BigInt(this.fDDen);
    this.G = BigInt(this.fG);
    this.fNum = [];
    this.big = true;
    exactSimplexStats.grewToBigint = true;
  }

  private structuralValues(): Rat[] {
    const x = this.xN.slice(0, this.n);
    for (let i = 0; i < this.m; i++) if (this.basis[i]! < this.n) x[this.basis[i]!] = this.beta[i]!;
    return x;
  }

  /** Tableau with every slack basic: row i = [−Â_i, e_i], G = 1 (B = −I); in doubles when every Â entry is below SMALL_START. */
  private slackTableau(): void {
    const { n, m, N } = this;
    // Â_i's terms as integers (repeated terms of a variable add up).
    const cols: number[][] = [];
    const vals: bigint[][] = [];
    const lim = BigInt(SMALL_START);
    const negLim = -lim;
    let big = this.opts.bigintOnly === true;
    this.model.rows.forEach((r, i) => {
      const lam = this.rowScale[i]!;
      const c: number[] = [];
      const v: bigint[] = [];
      for (const t of r.terms) {
        const { s: sg, n: nu, d: de } = t.coef;
        const a = de === 1n ? (sg < 0n ? -nu : nu) * lam : (sg * nu * lam) / de;
        if (a >= lim || a <= negLim) big = true;
        c.push(t.var);
        v.push(a);
      }
      cols.push(c);
      vals.push(v);
    });
    this.big = big;
    if (big) {
      this.fNum = [];
      this.num = cols.map((c, i) => {
        const row: bigint[] = new Array<bigint>(N).fill(0n);
        c.forEach((j, k) => (row[j] = row[j]! - vals[i]![k]!));
        row[n + i] = 1n;
        return row;
      });
      this.den = new Array<bigint>(m).fill(1n);
      this.dNum = new Array<bigint>(N).fill(0n);
      this.dDen = 1n;
      this.G = 1n;
    } else {
      this.num = [];
      this.fMax = new Float64Array(m);
      this.fNum = cols.map((c, i) => {
        const row = new Float64Array(N);
        const v = vals[i]!;
        for (let k = 0; k < c.length; k++) row[c[k]!] -= Number(v[k]!); // sums of a few terms below 2^26: exact
        row[n + i] = 1;
        let mx = 1;
        for (const j of c) if (Math.abs(row[j]!) > mx) mx = Math.abs(row[j]!);
        this.fMax[i] = mx;
        return row;
      });
      this.fDen = new Float64Array(m).fill(1);
      this.fD = new Float64Array(N);
      this.fDMax = 0;
      this.fDDen = 1;
      this.fG = 1;
    }
    this.basis = Array.from({ length: m }, (_, i) => n + i);
    this.pos.fill(-1);
    for (let i = 0; i < m; i++) this.pos[n + i] = i;
  }

  /** A nonbasic variable's default value: its lower bound, else its upper bound, else 0. */
  private defaultValue(k: number): Rat {
    return this.lo[k] ?? this.up[k] ?? RAT_ZERO;
  }

  /** β = −T_N x_N. */
  private basicValues(): void {
    this.beta = this.basis.map((_, i) => {
      let v = RAT_ZERO;
      for (let j = 0; j < this.N; j++) {
        if (this.pos[j] !== -1 || this.xN[j]!.n === 0n || !this.nz(i, j)) continue;
        v = ratSub(v, ratMul(this.xN[j]!, { n: this.ent(i, j), d: 1n }));
      }
      return v.n === 0n ? RAT_ZERO : ratMul(v, rat(1n, this.denB(i)));
    });
  }

  private coldStart(): void {
    const { n, N, m } = this;
    this.slackTableau();
    for (let j = 0; j < N; j++) this.xN[j] = this.defaultValue(j);
    this.basicValues();
    // Rows whose slack value v_i violates its bounds get an artificial: slack nonbasic at the
    // violated bound β_i, t_i = σ_i(β_i − v_i) ≥ 0 basic, row multiplied by −σ_i (B stays ±I, G = 1).
    for (let i = 0; i < m; i++) {
      const v = this.beta[i]!;
      const k = n + i;
      const bnd = this.lo[k] !== null && ratCmp(v, this.lo[k]!) < 0 ? this.lo[k]! : this.up[k] !== null && ratCmp(v, this.up[k]!) > 0 ? this.up[k]! : null;
      if (bnd === null) continue;
      const sigmaPos = ratCmp(bnd, v) > 0;
      this.xN[k] = bnd;
      this.pos[k] = -1;
      this.basis[i] = N + i;
      this.beta[i] = sigmaPos ? ratSub(bnd, v) : ratSub(v, bnd);
      if (sigmaPos) {
        if (this.big) this.num[i] = this.num[i]!.map((a) => -a);
        else {
          const row = this.fNum[i]!;
          for (let j = 0; j < N; j++) if (row[j] !== 0) row[j] = -row[j]!;
        }
      }
    }
    // Phase-1 reduced costs: d_j = −Σ_{rows with an artificial basic} T[i][j] (all over G = 1;
    // in doubles a sum of at most m entries below SMALL_START, exact).
    for (let i = 0; i < m; i++) {
      if (this.basis[i]! < N) continue;
      if (this.big) {
        const row = this.num[i]!;
        for (let j = 0; j < N; j++) if (row[j] !== 0n) this.dNum[j] = this.dNum[j]! - row[j]!;
      } else {
        const row = this.fNum[i]!;
        for (let j = 0; j < N; j++) if (row[j] !== 0) this.fD[j] = this.fD[j]! - row[j]!;
      }
    }
    if (!this.big) for (let j = 0; j < N; j++) if (Math.abs(this.fD[j]!) > this.fDMax) this.fDMax = Math.abs(this.fD[j]!);
  }

  /** Try to install a warm basis; true if it is nonsingular and primal feasible. */
  private warmStart(hint: BasisHint): boolean {
    const { n, m, N } = this;
    if (hint.colStatus.length !== n || hint.rowStatus.length !== m) return false;
    const basicCols = hint.colStatus.flatMap((s, j) => (s === "basic" ? [j] : []));
    const basicRows = new Set(hint.rowStatus.flatMap((s, i) => (s === "basic" ? [i] : [])));
    if (basicCols.length + basicRows.size !== m) return false;
    this.slackTableau();
    for (const j of basicCols) {
      let r = -1;
      for (let i = 0; i < m; i++) {
        const k = this.basis[i]!;
        if (k >= n && !basicRows.has(k - n) && this.nz(i, j)) {
          r = i;
          break;
        }
      }
      if (r < 0) return false; // singular
      this.pivot(r, j, false);
    }
    for (let j = 0; j < N; j++) {
      const s = j < n ? hint.colStatus[j] : hint.rowStatus[j - n];
      this.xN[j] = s === "upper" && this.up[j] !== null ? this.up[j]! : s === "lower" && this.lo[j] !== null ? this.lo[j]! : this.defaultValue(j);
    }
    this.basicValues();
    for (let i = 0; i < m; i++) {
      const k = this.basis[i]!;
      if ((this.lo[k] !== null && ratCmp(this.beta[i]!, this.lo[k]!) < 0) || (this.up[k] !== null && ratCmp(this.beta[i]!, this.up[k]!) > 0)) return false;
    }
    this.artUp = RAT_ZERO;
    return true;
  }

  /** After phase 1 (all artificials at 0), pivot basic artificials out where the row allows. */
  private driveOutArtificials(): void {
    for (let r = 0; r < this.m; r++) {
      if (this.basis[r]! < this.N) continue;
      for (let j = 0; j < this.N; j++) {
        if (this.pos[j] === -1 && this.nz(r, j)) {
          // θ = 0: values unchanged; the entering variable keeps its nonbasic value.
          this.beta[r] = this.xN[j]!;
          this.pivot(r, j, false);
          break;
        }
      }
    }
  }

  /** d = ĉ − ĉ_B T, over the denominator G (computed in bigints, stored in the current mode). */
  private setPhase2Costs(): void {
    const { N } = this;
    const c: bigint[] = new Array<bigint>(N).fill(0n);
    const flip = this.model.direction === "max" ? -1n : 1n;
    for (const t of this.model.objective) c[t.var] += (flip * t.coef.s * t.coef.n * this.costScale) / t.coef.d; // repeated terms add up
    const cols = this.liveColumns();
    const rowsToScale: number[] = [];
    for (let i = 0; i < this.m; i++) {
      const k = this.basis[i]!;
      if (k < N && c[k] !== 0n) rowsToScale.push(i);
    }
    if (!this.big && rowsToScale.some((i) => this.fMax[i]! * Math.abs(this.fG) >= SMALL_PRODUCT)) this.grow();
    if (!this.big) {
      // In doubles when every product and partial sum is below SMALL_PRODUCT: |ĉ_j·G| + Σ_i |ĉ_B(i)|·max_j |T_ij·G|.
      const lim = BigInt(SMALL_START);
      if (c.every((x) => x < lim && -x < lim)) {
        const cf = Float64Array.from(c, Number);
        const G = this.fG;
        let cMax = 0;
        for (let j = 0; j < N; j++) if (Math.abs(cf[j]!) > cMax) cMax = Math.abs(cf[j]!);
        let bound = cMax * Math.abs(G);
        for (const i of rowsToScale) bound += Math.abs(cf[this.basis[i]!]!) * ((this.fMax[i]! * Math.abs(G)) / Math.abs(this.fDen[i]!));
        if (bound < SMALL_PRODUCT) {
          const d = new Float64Array(N);
          for (let j = 0; j < N; j++) d[j] = cf[j]! * G;
          for (const i of rowsToScale) {
            const cb = cf[this.basis[i]!]!;
            this.rescale(i, cols);
            const row = this.fNum[i]!;
            for (const j of cols) if (row[j] !== 0) d[j] = d[j]! - cb * row[j]!;
          }
          let mx = 0;
          for (let j = 0; j < N; j++) {
            if (this.pos[j] !== -1) d[j] = 0;
            else if (Math.abs(d[j]!) > mx) mx = Math.abs(d[j]!);
          }
          this.fD = d;
          this.fDMax = mx;
          this.fDDen = G;
          return;
        }
      }
    }
    const G = this.GB();
    const d = c.map((v) => v * G);
    for (const i of rowsToScale) {
      const cb = c[this.basis[i]!]!;
      this.rescale(i, cols);
      for (const j of cols) {
        if (!this.nz(i, j)) continue;
        d[j] = d[j]! - cb * this.ent(i, j);
      }
    }
    for (let j = 0; j < N; j++) if (this.pos[j] !== -1) d[j] = 0n;
    if (!this.big) {
      const lim = BigInt(SMALL_PRODUCT);
      if (d.every((x) => x < lim && -x < lim)) {
        this.fD = Float64Array.from(d, Number);
        this.fDMax = 0;
        for (let j = 0; j < N; j++) if (Math.abs(this.fD[j]!) > this.fDMax) this.fDMax = Math.abs(this.fD[j]!);
        this.fDDen = this.fG;
        return;
      }
      this.grow();
    }
    this.dNum = d;
    this.dDen = G;
  }

  private bounds(k: number): [Rat | null, Rat | null] {
    return k < this.N ? [this.lo[k]!, this.up[k]!] : [RAT_ZERO, this.artUp];
  }

  private checkLimits(): void {
    const { maxIterations, deadlineMs } = this.opts;
    if (maxIterations !== undefined && this.iterations >= maxIterations) {
      throw new MechcheckError("simplex-limit", `exact simplex: iteration limit ${maxIterations} reached`, { path: "maxIterations", value: maxIterations });
    }
    if (deadlineMs !== undefined && Date.now() - this.started > deadlineMs) {
      throw new MechcheckError("simplex-limit", `exact simplex: deadline of ${deadlineMs} ms passed after ${this.iterations} iterations`, { path: "deadlineMs", value: deadlineMs });
    }
  }

  /** The entering column by Devex (or Bland), −1 when optimal. */
  private price(bland: boolean): number {
    const { N } = this;
    let q = -1;
    let best = -Infinity;
    const big = this.big;
    const dNeg = big ? this.dDen < 0n : this.fDDen < 0;
    for (let j = 0; j < N; j++) {
      if (this.pos[j] !== -1 || this.fixed[j] === 1) continue;
      let negative: boolean;
      if (big) {
        const dj = this.dNum[j]!;
        if (dj === 0n) continue;
        negative = dj < 0n !== dNeg;
      } else {
        const dj = this.fD[j]!;
        if (dj === 0) continue;
        negative = dj < 0 !== dNeg;
      }
      const lo = this.lo[j]!, up = this.up[j]!;
      const eligible = negative ? up === null || ratCmp(this.xN[j]!, up) < 0 : lo === null || ratCmp(this.xN[j]!, lo) > 0;
      if (!eligible) continue;
      if (bland) return j;
      const a = 2 * (big ? logAbs(this.dNum[j]!) : logAbsF(this.fD[j]!)) - Math.log(this.weights[j]!);
      if (q < 0 || a > best) {
        q = j;
        best = a;
      }
    }
    return q;
  }

  /** Iterate to optimality for the current costs; or report an unbounded edge. */
  private iterate(): "optimal" | { q: number; dir: 1 | -1 } {
    const { N, m } = this;
    this.weights = new Float64Array(N).fill(1);
    for (;;) {
      const bland = this.opts.pivotRule === "bland" || this.degenerateRun >= DEGENERATE_SWITCH;
      const q = this.price(bland);
      if (q < 0) return "optimal";
      this.checkLimits();
      const dir: 1 | -1 = (this.big ? this.dNum[q]! < 0n !== this.dDen < 0n : this.fD[q]! < 0 !== this.fDDen < 0) ? 1 : -1;
      // Ratio test: basic k in row i moves at rate −dir·T[i][q]; the ratio gap·|den_i / a| is
      // kept as the unreduced pair tn/td (compared by cross-multiplication, reduced once).
      let tn = 0n;
      let td = 0n; // td = 0: no bound met yet
      let leaveRow = -1;
      let leaveVar = Infinity;
      let leaveAtUpper = false;
      for (let i = 0; i < m; i++) {
        let aPos: boolean;
        let denNeg: boolean;
        if (this.big) {
          const a = this.num[i]![q]!;
          if (a === 0n) continue;
          aPos = a > 0n;
          denNeg = this.den[i]! < 0n;
        } else {
          const a = this.fNum[i]![q]!;
          if (a === 0) continue;
          aPos = a > 0;
          denNeg = this.fDen[i]! < 0;
        }
        const k = this.basis[i]!;
        const [lo, up] = this.bounds(k);
        const decreasing = aPos !== denNeg === dir > 0;
        const bound = decreasing ? lo : up;
        if (bound === null) continue;
        const gap = decreasing ? ratSub(this.beta[i]!, bound) : ratSub(bound, this.beta[i]!);
        let n: bigint, d: bigint;
        if (gap.n === 0n) {
          n = 0n;
          d = 1n;
        } else {
          n = gap.n * babs(this.denB(i));
          d = gap.d * babs(this.ent(i, q));
        }
        const c = td === 0n ? -1 : n * td < tn * d ? -1 : n * td > tn * d ? 1 : 0;
        if (c < 0 || (c === 0 && k < leaveVar)) {
          tn = n;
          td = d;
          leaveRow = i;
          leaveVar = k;
          leaveAtUpper = !decreasing;
        }
      }
      let theta: Rat | null = td === 0n ? null : rat(tn, td);
      const lo = this.lo[q]!, up = this.up[q]!;
      const range = lo !== null && up !== null ? ratSub(up, lo) : null;
      if (range !== null && (theta === null || ratCmp(range, theta) <= 0)) {
        theta = range;
        leaveRow = -1;
      }
      if (theta === null) return { q, dir };
      this.iterations++;
      this.degenerateRun = theta.n === 0n ? this.degenerateRun + 1 : 0;
      // Move.
      const step = dir > 0 ? theta : ratNeg(theta);
      if (theta.n !== 0n) {
        for (let i = 0; i < m; i++) {
          if (!this.nz(i, q)) continue;
          this.beta[i] = ratSub(this.beta[i]!, ratMul(step, rat(this.ent(i, q), this.denB(i))));
        }
      }
      const enterValue = ratAdd(this.xN[q]!, step);
      if (leaveRow < 0) {
        this.xN[q] = dir > 0 ? up! : lo!; // bound flip
        continue;
      }
      const k = this.basis[leaveRow]!;
      if (k < N) {
        const [klo, kup] = this.bounds(k);
        this.xN[k] = leaveAtUpper ? kup! : klo!;
      }
      this.beta[leaveRow] = enterValue;
      this.pivot(leaveRow, q, true);
    }
  }

  /** Nonbasic columns (plus `extra`): the only tableau columns kept up to date (basic ones are unit vectors). */
  private liveColumns(extra = -1): number[] {
    const cols: number[] = [];
    for (let j = 0; j < this.N; j++) if (this.pos[j] === -1 || j === extra) cols.push(j);
    return cols;
  }

  /** Bring row i to the denominator G (exact on live columns: T_i·G is integral). Small mode: the caller checked fMax[i]·|G| < SMALL_PRODUCT. */
  private rescale(i: number, cols: readonly number[]): void {
    if (this.big) {
      const D = this.den[i]!;
      if (D === this.G) return;
      const row = this.num[i]!;
      const G = this.G;
      for (const j of cols) if (row[j] !== 0n) row[j] = (row[j]! * G) / D;
      this.den[i] = G;
      return;
    }
    const D = this.fDen[i]!;
    const G = this.fG;
    if (D === G) return;
    const row = this.fNum[i]!;
    let mx = 0;
    for (const j of cols) {
      const a = row[j]!;
      if (a === 0) continue;
      const v = (a * G) / D;
      row[j] = v;
      if (v > mx) mx = v;
      else if (-v > mx) mx = -v;
    }
    this.fMax[i] = Math.max(mx, Math.abs(G)); // the leaving column may be set to G next
    this.fDen[i] = G;
  }

  /** Whether a small-mode pivot on (r, q) forms only products below SMALL_PRODUCT (else it must run in bigints). */
  private smallPivotSafe(r: number, q: number, updateCosts: boolean): boolean {
    const G = Math.abs(this.fG);
    const scaledMax = (mx: number, D: number): number | null => {
      if (D === this.fG) return mx;
      if (mx * G >= SMALL_PRODUCT) return null;
      return (mx * G) / Math.abs(D);
    };
    const prScaled = scaledMax(this.fMax[r]!, this.fDen[r]!);
    if (prScaled === null) return false;
    const pr = Math.max(prScaled, G); // the leaving column's entry becomes G
    let worst = pr;
    for (let i = 0; i < this.m; i++) {
      if (i === r || this.fNum[i]![q] === 0) continue;
      const s = scaledMax(this.fMax[i]!, this.fDen[i]!);
      if (s === null) return false;
      if (s > worst) worst = s;
    }
    if (updateCosts) {
      const s = scaledMax(this.fDMax, this.fDDen);
      if (s === null) return false;
      if (s > worst) worst = s;
    }
    return worst * pr < SMALL_PRODUCT;
  }

  /**
   * Pivot: q enters in row r (the leaving variable's value must already be recorded). Entries in
   * basic columns are not maintained; the leaving column is restored to its unit vector first.
   */
  private pivot(r: number, q: number, updateCosts: boolean): void {
    exactSimplexStats.pivots++;
    if (!this.big && !this.smallPivotSafe(r, q, updateCosts)) this.grow();
    if (this.big) this.pivotBig(r, q, updateCosts);
    else {
      exactSimplexStats.smallPivots++;
      this.pivotSmall(r, q, updateCosts);
    }
    const leaving = this.basis[r]!;
    if (leaving < this.N) this.pos[leaving] = -1;
    this.basis[r] = q;
    this.pos[q] = r;
  }

  private pivotBig(r: number, q: number, updateCosts: boolean): void {
    const { N, m } = this;
    const leaving = this.basis[r]!;
    const cols = this.liveColumns(leaving < N ? leaving : -1);
    this.rescale(r, cols);
    const G = this.G;
    if (leaving < N) {
      for (let i = 0; i < m; i++) this.num[i]![leaving] = 0n;
      this.num[r]![leaving] = G; // true entry 1 over the denominator G
      this.dNum[leaving] = 0n;
    }
    const prow = this.num[r]!;
    const p = prow[q]!;
    const update = (row: bigint[]) => {
      const f = row[q]!;
      for (const j of cols) {
        const a = row[j]!, b = prow[j]!;
        if (b === 0n) {
          if (a !== 0n) row[j] = (a * p) / G;
        } else {
          row[j] = (a * p - f * b) / G;
        }
      }
      row[q] = 0n;
    };
    for (let i = 0; i < m; i++) {
      if (i === r || this.num[i]![q] === 0n) continue;
      this.rescale(i, cols);
      update(this.num[i]!);
      this.den[i] = p;
    }
    if (updateCosts) {
      this.devex(cols, q, leaving, (j) => logAbs(prow[j]!), logAbs(p), logAbs(G), (j) => prow[j] !== 0n);
      if (this.dDen !== G) {
        for (const j of cols) if (this.dNum[j] !== 0n) this.dNum[j] = (this.dNum[j]! * G) / this.dDen;
      }
      if (this.dNum[q] !== 0n) update(this.dNum);
      else for (const j of cols) if (this.dNum[j] !== 0n) this.dNum[j] = (this.dNum[j]! * p) / G;
      this.dDen = p;
    }
    this.den[r] = p;
    this.G = p;
  }

  /** The same pivot in doubles (smallPivotSafe held: every product and quotient is an exact integer). */
  private pivotSmall(r: number, q: number, updateCosts: boolean): void {
    const { N, m } = this;
    const leaving = this.basis[r]!;
    const cols = this.liveColumns(leaving < N ? leaving : -1);
    this.rescale(r, cols);
    const G = this.fG;
    if (leaving < N) {
      for (let i = 0; i < m; i++) this.fNum[i]![leaving] = 0;
      this.fNum[r]![leaving] = G; // true entry 1 over the denominator G
      this.fD[leaving] = 0;
    }
    const prow = this.fNum[r]!;
    const p = prow[q]!;
    const update = (row: Float64Array): number => {
      const f = row[q]!;
      let mx = 0;
      for (const j of cols) {
        const a = row[j]!, b = prow[j]!;
        let v: number;
        if (b === 0) {
          if (a === 0) continue;
          v = (a * p) / G;
        } else {
          v = (a * p - f * b) / G;
        }
        row[j] = v;
        if (v > mx) mx = v;
        else if (-v > mx) mx = -v;
      }
      row[q] = 0;
      return mx;
    };
    for (let i = 0; i < m; i++) {
      if (i === r || this.fNum[i]![q] === 0) continue;
      this.rescale(i, cols);
      this.fMax[i] = Math.max(update(this.fNum[i]!), Math.abs(p));
      this.fDen[i] = p;
    }
    if (updateCosts) {
      this.devex(cols, q, leaving, (j) => logAbsF(prow[j]!), logAbsF(p), logAbsF(G), (j) => prow[j] !== 0);
      const d = this.fD;
      if (this.fDDen !== G) {
        const D = this.fDDen;
        for (const j of cols) if (d[j] !== 0) d[j] = (d[j]! * G) / D;
      }
      let mx = 0;
      if (d[q] !== 0) mx = update(d);
      else {
        for (const j of cols) {
          if (d[j] === 0) continue;
          const v = (d[j]! * p) / G;
          d[j] = v;
          if (v > mx) mx = v;
          else if (-v > mx) mx = -v;
        }
      }
      this.fDMax = mx;
      this.fDDen = p;
    }
    let mx = 0;
    for (const j of cols) if (Math.abs(prow[j]!) > mx) mx = Math.abs(prow[j]!);
    this.fMax[r] = mx;
    this.fDen[r] = p;
    this.fG = p;
  }

  /** Devex: w_j ← max(w_j, α_rj²·w_q) with α_rj = prow_j / p; the leaving column gets max(w_q/α_rq², 1). */
  private devex(cols: readonly number[], q: number, leaving: number, logEntry: (j: number) => number, lp: number, lG: number, nonzero: (j: number) => boolean): void {
    const w = this.weights;
    const wq = w[q]!;
    for (const j of cols) {
      if (!nonzero(j) || j === q) continue;
      const v = Math.exp(2 * (logEntry(j) - lp)) * wq;
      if (v > w[j]!) w[j] = Math.min(v, 1e300);
    }
    if (leaving < this.N) w[leaving] = Math.min(Math.max(wq * Math.exp(2 * (lG - lp)), 1), 1e300);
  }
}
