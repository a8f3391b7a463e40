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
 * Basic values, ratios and the outputs are exact rationals (fraction.js).
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
import Fraction from "fraction.js";
import { InternalError, MechcheckError } from "../errors.ts";
import { ONE, type Q, ZERO } from "../exact/rational.ts";
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
}

const DEGENERATE_SWITCH = 20;

export function exactSimplex(model: LpModel, opts: ExactSimplexOptions = {}): LpResult {
  return new Simplex(model, opts).run();
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function lcmDen(xs: Iterable<Q>): bigint {
  let l = 1n;
  for (const x of xs) l = (l / gcd(l, x.d)) * x.d;
  return l;
}
const frac = (n: bigint, d: bigint): Q => (n === 0n ? ZERO : new Fraction(n, d));
/** ln|x| for a nonzero bigint (a float heuristic for pricing only). */
function logAbs(x: bigint): number {
  if (x < 0n) x = -x;
  const f = Number(x);
  if (f < 1e300) return Math.log(f);
  const bits = x.toString(16).length * 4;
  return Math.log(Number(x >> BigInt(bits - 64))) + (bits - 64) * Math.LN2;
}

class Simplex {
  private readonly n: number;
  private readonly m: number;
  private readonly N: number;
  /** Bounds (slacks in scaled units λ_i·b_i). */
  private readonly lo: (Q | null)[];
  private readonly up: (Q | null)[];
  private readonly rowScale: bigint[];
  private readonly costScale: bigint;
  /** Tableau numerators and per-row denominators: T_i = num[i] / den[i]. */
  private num: bigint[][] = [];
  private den: bigint[] = [];
  /** Reduced costs: d = dNum / dDen. */
  private dNum: bigint[] = [];
  private dDen = 1n;
  /** The current basis determinant (up to sign): every row times G is integral. */
  private G = 1n;
  private beta: Q[] = [];
  /** basis[i] = variable basic in row i (≥ N: artificial of row basis[i] − N). */
  private basis: number[] = [];
  /** pos[k] = row where k is basic, −1 if nonbasic (k < N). */
  private pos: Int32Array;
  /** value of each nonbasic variable (k < N). */
  private xN: Q[];
  /** Upper bound of basic artificials (null in phase 1, ZERO afterwards). */
  private artUp: Q | null = null;
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
    for (const t of [...model.objective, ...model.rows.flatMap((r) => r.terms)]) {
      if (!Number.isInteger(t.var) || t.var < 0 || t.var >= this.n) {
        throw new MechcheckError("unknown-variable", `LP model: term variable index ${t.var} is out of range`, { path: "terms", value: t.var });
      }
    }
    this.rowScale = model.rows.map((r) => lcmDen(r.terms.map((t) => t.coef)));
    this.costScale = lcmDen(model.objective.map((t) => t.coef));
    const scaled = (i: number) => model.rows[i]!.rhs.mul(this.rowScale[i]!);
    this.lo = [...model.variables.map((v) => v.lower), ...model.rows.map((r, i) => (r.sense === "<=" ? null : scaled(i)))];
    this.up = [...model.variables.map((v) => v.upper), ...model.rows.map((r, i) => (r.sense === ">=" ? null : scaled(i)))];
    this.pos = new Int32Array(this.N).fill(-1);
    this.xN = new Array(this.N).fill(ZERO);
  }

  run(): LpResult {
    const { n, N } = this;
    if (!(this.opts.warmBasis && this.warmStart(this.opts.warmBasis))) {
      this.coldStart();
      const phase1 = this.iterate();
      if (phase1 !== "optimal") throw new InternalError("exactSimplex: phase 1 cannot be unbounded (internal error)");
      let z = ZERO;
      for (let i = 0; i < this.m; i++) if (this.basis[i]! >= N) z = z.add(this.beta[i]!);
      if (z.n !== 0n) {
        // Phase-1 duals w_i = d_{s_i} (scaled rows) give Farkas multipliers y = Λw.
        return { status: "infeasible", farkas: { rows: this.model.rows.map((_, i) => frac(this.dNum[n + i]! * this.rowScale[i]!, this.dDen)) } };
      }
      this.artUp = ZERO;
      this.driveOutArtificials();
    }
    this.setPhase2Costs();
    const status = this.iterate();
    const x = this.structuralValues();
    if (status !== "optimal") {
      const { q: enter, dir } = status;
      const ray: Q[] = new Array(n).fill(ZERO);
      if (enter < n) ray[enter] = dir > 0 ? ONE : ONE.neg();
      for (let i = 0; i < this.m; i++) {
        const k = this.basis[i]!;
        const a = this.num[i]![enter]!;
        if (k < n && a !== 0n) ray[k] = frac(dir > 0 ? -a : a, this.den[i]!);
      }
      return { status: "unbounded", point: x, ray };
    }
    // d (true, internal min units) = dNum/(dDen·λ_c); y_i = λ_i·d_{s_i}; negate for max.
    const scale = this.model.direction === "max" ? -this.dDen * this.costScale : this.dDen * this.costScale;
    const rows = this.model.rows.map((_, i) => frac(this.dNum[n + i]! * this.rowScale[i]!, scale));
    const reducedCosts = this.dNum.slice(0, n).map((v) => frac(v, scale));
    let value = this.model.objectiveConstant;
    for (const t of this.model.objective) value = value.add(t.coef.mul(x[t.var]!));
    return { status: "optimal", value, primal: x, dual: { rows, reducedCosts } };
  }

  private structuralValues(): Q[] {
    const x = this.xN.slice(0, this.n);
    for (let i = 0; i < this.m; i++) if (this.basis[i]! < this.n) x[this.basis[i]!] = this.beta[i]!;
    return x;
  }

  /** Tableau with every slack basic: row i = [−Â_i, e_i], G = 1 (B = −I). */
  private slackTableau(): void {
    const { n, m, N } = this;
    this.num = this.model.rows.map((r, i) => {
      const row: bigint[] = new Array(N).fill(0n);
      const lam = this.rowScale[i]!;
      for (const t of r.terms) row[t.var] -= (t.coef.s * t.coef.n * lam) / t.coef.d; // repeated terms add up
      row[n + i] = 1n;
      return row;
    });
    this.den = new Array(m).fill(1n);
    this.G = 1n;
    this.basis = Array.from({ length: m }, (_, i) => n + i);
    this.pos.fill(-1);
    for (let i = 0; i < m; i++) this.pos[n + i] = i;
  }

  /** A nonbasic variable's default value: its lower bound, else its upper bound, else 0. */
  private defaultValue(k: number): Q {
    return this.lo[k] ?? this.up[k] ?? ZERO;
  }

  /** β = −T_N x_N. */
  private basicValues(): void {
    this.beta = this.num.map((row, i) => {
      let v = ZERO;
      for (let j = 0; j < this.N; j++) if (this.pos[j] === -1 && row[j] !== 0n && this.xN[j]!.n !== 0n) v = v.sub(this.xN[j]!.mul(row[j]!));
      return v.div(this.den[i]!);
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
      const bnd = this.lo[k] !== null && v.compare(this.lo[k]!) < 0 ? this.lo[k]! : this.up[k] !== null && v.compare(this.up[k]!) > 0 ? this.up[k]! : null;
      if (bnd === null) continue;
      const sigmaPos = bnd.compare(v) > 0;
      this.xN[k] = bnd;
      this.pos[k] = -1;
      this.basis[i] = N + i;
      this.beta[i] = sigmaPos ? bnd.sub(v) : v.sub(bnd);
      if (sigmaPos) this.num[i] = this.num[i]!.map((a) => -a);
    }
    // Phase-1 reduced costs: d_j = −Σ_{rows with an artificial basic} T[i][j] (all over G = 1).
    this.dNum = new Array(N).fill(0n);
    this.dDen = 1n;
    for (let i = 0; i < m; i++) {
      if (this.basis[i]! < N) continue;
      const row = this.num[i]!;
      for (let j = 0; j < N; j++) if (row[j] !== 0n) this.dNum[j] = this.dNum[j]! - row[j]!;
    }
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
        if (k >= n && !basicRows.has(k - n) && this.num[i]![j] !== 0n) {
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
      if ((this.lo[k] !== null && this.beta[i]!.compare(this.lo[k]!) < 0) || (this.up[k] !== null && this.beta[i]!.compare(this.up[k]!) > 0)) return false;
    }
    this.artUp = ZERO;
    return true;
  }

  /** After phase 1 (all artificials at 0), pivot basic artificials out where the row allows. */
  private driveOutArtificials(): void {
    for (let r = 0; r < this.m; r++) {
      if (this.basis[r]! < this.N) continue;
      const row = this.num[r]!;
      for (let j = 0; j < this.N; j++) {
        if (this.pos[j] === -1 && row[j] !== 0n) {
          // θ = 0: values unchanged; the entering variable keeps its nonbasic value.
          this.beta[r] = this.xN[j]!;
          this.pivot(r, j, false);
          break;
        }
      }
    }
  }

  /** d = ĉ − ĉ_B T, over the denominator G. */
  private setPhase2Costs(): void {
    const { N, G } = this;
    const c: bigint[] = new Array(N).fill(0n);
    const flip = this.model.direction === "max" ? -1n : 1n;
    for (const t of this.model.objective) c[t.var] += (flip * t.coef.s * t.coef.n * this.costScale) / t.coef.d; // repeated terms add up
    this.dNum = c.map((v) => v * G);
    this.dDen = G;
    const cols = this.liveColumns();
    for (let i = 0; i < this.m; i++) {
      const k = this.basis[i]!;
      const cb = k < N ? c[k]! : 0n;
      if (cb === 0n) continue;
      this.rescale(i, cols);
      const row = this.num[i]!;
      for (const j of cols) if (row[j] !== 0n) this.dNum[j] = this.dNum[j]! - cb * row[j]!;
    }
    for (let j = 0; j < N; j++) if (this.pos[j] !== -1) this.dNum[j] = 0n;
  }

  private bounds(k: number): [Q | null, Q | null] {
    return k < this.N ? [this.lo[k], this.up[k]] : [ZERO, this.artUp];
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

  /** Iterate to optimality for the current costs; or report an unbounded edge. */
  private iterate(): "optimal" | { q: number; dir: 1 | -1 } {
    const { N, m } = this;
    this.weights = new Float64Array(N).fill(1);
    for (;;) {
      const bland = this.opts.pivotRule === "bland" || this.degenerateRun >= DEGENERATE_SWITCH;
      const dNeg = this.dDen < 0n;
      // Pricing.
      let q = -1;
      let best = -Infinity;
      for (let j = 0; j < N; j++) {
        if (this.pos[j] !== -1) continue;
        const dj = this.dNum[j]!;
        if (dj === 0n) continue;
        const lo = this.lo[j], up = this.up[j];
        if (lo !== null && up !== null && lo.equals(up)) continue;
        const negative = dj < 0n !== dNeg;
        const eligible = negative ? up === null || this.xN[j]!.compare(up) < 0 : lo === null || this.xN[j]!.compare(lo) > 0;
        if (!eligible) continue;
        if (bland) {
          q = j;
          break;
        }
        const a = 2 * logAbs(dj) - Math.log(this.weights[j]!);
        if (q < 0 || a > best) {
          q = j;
          best = a;
        }
      }
      if (q < 0) return "optimal";
      this.checkLimits();
      const dir: 1 | -1 = this.dNum[q]! < 0n !== dNeg ? 1 : -1;
      // Ratio test: basic k in row i moves at rate −dir·T[i][q].
      let theta: Q | null = null;
      let leaveRow = -1;
      let leaveVar = Infinity;
      let leaveAtUpper = false;
      for (let i = 0; i < m; i++) {
        const a = this.num[i]![q]!;
        if (a === 0n) continue;
        const k = this.basis[i]!;
        const [lo, up] = this.bounds(k);
        const decreasing = a > 0n !== this.den[i]! < 0n === dir > 0;
        const bound = decreasing ? lo : up;
        if (bound === null) continue;
        const gap = decreasing ? this.beta[i]!.sub(bound) : bound.sub(this.beta[i]!);
        const t = gap.n === 0n ? ZERO : gap.mul(frac(this.den[i]!, a).abs());
        const c = theta === null ? -1 : t.compare(theta);
        if (c < 0 || (c === 0 && k < leaveVar)) {
          theta = t;
          leaveRow = i;
          leaveVar = k;
          leaveAtUpper = !decreasing;
        }
      }
      const lo = this.lo[q], up = this.up[q];
      const range = lo !== null && up !== null ? up.sub(lo) : null;
      if (range !== null && (theta === null || range.compare(theta) <= 0)) {
        theta = range;
        leaveRow = -1;
      }
      if (theta === null) return { q, dir };
      this.iterations++;
      this.degenerateRun = theta.n === 0n ? this.degenerateRun + 1 : 0;
      // Move.
      const step = dir > 0 ? theta : theta.neg();
      if (theta.n !== 0n) {
        for (let i = 0; i < m; i++) {
          const a = this.num[i]![q]!;
          if (a !== 0n) this.beta[i] = this.beta[i]!.sub(step.mul(frac(a, this.den[i]!)));
        }
      }
      const enterValue = this.xN[q]!.add(step);
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

  /** Bring row i to the denominator G (exact on live columns: T_i·G is integral). */
  private rescale(i: number, cols: readonly number[]): void {
    const D = this.den[i]!;
    if (D === this.G) return;
    const row = this.num[i]!;
    const G = this.G;
    for (const j of cols) if (row[j] !== 0n) row[j] = (row[j]! * G) / D;
    this.den[i] = G;
  }

  /**
   * Pivot: q enters in row r (the leaving variable's value must already be recorded). Entries in
   * basic columns are not maintained; the leaving column is restored to its unit vector first.
   */
  private pivot(r: number, q: number, updateCosts: boolean): void {
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
      // Devex: w_j ← max(w_j, α_rj²·w_q) with α_rj = prow_j / p; the leaving column gets max(w_q/α_rq², 1).
      const w = this.weights;
      const lp = logAbs(p);
      const wq = w[q]!;
      for (const j of cols) {
        if (prow[j] === 0n || j === q) continue;
        const v = Math.exp(2 * (logAbs(prow[j]!) - lp)) * wq;
        if (v > w[j]!) w[j] = Math.min(v, 1e300);
      }
      if (leaving < N) w[leaving] = Math.min(Math.max(wq * Math.exp(2 * (logAbs(G) - lp)), 1), 1e300);
      if (this.dDen !== G) {
        for (const j of cols) if (this.dNum[j] !== 0n) this.dNum[j] = (this.dNum[j]! * G) / this.dDen;
      }
      if (this.dNum[q] !== 0n) update(this.dNum);
      else for (const j of cols) if (this.dNum[j] !== 0n) this.dNum[j] = (this.dNum[j]! * p) / G;
      this.dDen = p;
    }
    this.den[r] = p;
    this.G = p;
    if (leaving < N) this.pos[leaving] = -1;
    this.basis[r] = q;
    this.pos[q] = r;
  }
}
