/**
 * A pure exact bounded-variable primal simplex (rational arithmetic throughout, dense tableau with
 * sparse-aware pivots). It returns full certificates in model.ts's conventions, which `verify`
 * checks independently.
 *
 * Internal form (always minimization; a max problem is solved as min −c and its duals negated):
 *   A x − s = 0,  l ≤ x ≤ u,  s_i ∈ [b_i, b_i] (=), [b_i, ∞) (≥), (−∞, b_i] (≤).
 * Variables are numbered: structurals 0..n−1, slacks n..n+m−1; an artificial t_i of row i
 * (phase 1) has the implicit column σ_i e_i and is dropped for good once it leaves the basis.
 * The tableau T = B⁻¹[A, −I]; the reduced cost of slack i is the row dual y_i = (c_B B⁻¹)_i.
 *
 * Pricing: Dantzig's largest |d_j|; after DEGENERATE_SWITCH consecutive degenerate pivots it
 * switches to Bland's rule (smallest eligible index entering; ratio-test ties to the smallest
 * index) until a nondegenerate step. Termination: each nondegenerate step strictly decreases the
 * objective (so no basis/bound configuration recurs across them), and Bland's rule cannot cycle
 * within a degenerate stretch; the problem itself changes only when an artificial is dropped
 * (at most m times).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, ZERO } from "../exact/rational.ts";
import type { BasisHint, LpModel, LpResult } from "./model.ts";

export interface ExactSimplexOptions {
  /** A basis to start phase 2 from, when nonsingular and primal feasible (else cold start). */
  warmBasis?: BasisHint;
  /** Throw MechcheckError("simplex-limit") after this many pivots/bound flips. */
  maxIterations?: number;
  /** Throw MechcheckError("simplex-limit") once Date.now() passes this many ms after the start. */
  deadlineMs?: number;
  /** "dantzig" (default: largest |d_j| with a fallback to Bland on degenerate stretches) or "bland" throughout. */
  pivotRule?: "dantzig" | "bland";
}

const DEGENERATE_SWITCH = 20;

export function exactSimplex(model: LpModel, opts: ExactSimplexOptions = {}): LpResult {
  return new Simplex(model, opts).run();
}

class Simplex {
  private readonly n: number;
  private readonly m: number;
  private readonly N: number;
  private readonly lo: (Q | null)[];
  private readonly up: (Q | null)[];
  private T: Q[][] = [];
  private beta: Q[] = [];
  /** basis[i] = variable basic in row i (≥ N: artificial of row basis[i] − N). */
  private basis: number[] = [];
  /** pos[k] = row where k is basic, −1 if nonbasic (k < N). */
  private pos: Int32Array;
  /** value of each nonbasic variable (k < N). */
  private xN: Q[];
  private d: Q[] = [];
  /** Upper bound of basic artificials (null in phase 1, ZERO afterwards). */
  private artUp: Q | null = null;
  private iterations = 0;
  private readonly started = Date.now();
  private degenerateRun = 0;

  constructor(
    private readonly model: LpModel,
    private readonly opts: ExactSimplexOptions,
  ) {
    this.n = model.variables.length;
    this.m = model.rows.length;
    this.N = this.n + this.m;
    this.lo = [...model.variables.map((v) => v.lower), ...model.rows.map((r) => (r.sense === "<=" ? null : r.rhs))];
    this.up = [...model.variables.map((v) => v.upper), ...model.rows.map((r) => (r.sense === ">=" ? null : r.rhs))];
    this.pos = new Int32Array(this.N).fill(-1);
    this.xN = new Array(this.N).fill(ZERO);
    for (const t of [...model.objective, ...model.rows.flatMap((r) => r.terms)]) {
      if (!Number.isInteger(t.var) || t.var < 0 || t.var >= this.n) {
        throw new MechcheckError("unknown-variable", `LP model: term variable index ${t.var} is out of range`, { path: "terms", value: t.var });
      }
    }
  }

  run(): LpResult {
    if (!(this.opts.warmBasis && this.warmStart(this.opts.warmBasis))) {
      this.coldStart();
      const phase1 = this.iterate();
      if (phase1 !== "optimal") throw new Error("exactSimplex: phase 1 cannot be unbounded (internal error)");
      let z = ZERO;
      for (let i = 0; i < this.m; i++) if (this.basis[i]! >= this.N) z = z.add(this.beta[i]!);
      if (z.n !== 0n) {
        // Phase-1 duals w_i = d_{s_i} are Farkas multipliers (see the header and model.ts).
        return { status: "infeasible", farkas: { rows: this.d.slice(this.n, this.N) } };
      }
      this.artUp = ZERO;
      this.driveOutArtificials();
    }
    this.setPhase2Costs();
    const status = this.iterate();
    const x = this.structuralValues();
    if (status !== "optimal") {
      const { q: enter, dir } = status;
      const ray: Q[] = new Array(this.n).fill(ZERO);
      if (enter < this.n) ray[enter] = dir > 0 ? ONE : ONE.neg();
      for (let i = 0; i < this.m; i++) {
        const k = this.basis[i]!;
        if (k < this.n && this.T[i]![enter]!.n !== 0n) ray[k] = dir > 0 ? this.T[i]![enter]!.neg() : this.T[i]![enter]!;
      }
      return { status: "unbounded", point: x, ray };
    }
    const flip = this.model.direction === "max";
    const sgn = (v: Q) => (flip ? v.neg() : v);
    const rows = this.d.slice(this.n, this.N).map(sgn);
    const reducedCosts = this.d.slice(0, this.n).map(sgn);
    let value = this.model.objectiveConstant;
    for (const t of this.model.objective) value = value.add(t.coef.mul(x[t.var]!));
    return { status: "optimal", value, primal: x, dual: { rows, reducedCosts } };
  }

  private structuralValues(): Q[] {
    const x = this.xN.slice(0, this.n);
    for (let i = 0; i < this.m; i++) if (this.basis[i]! < this.n) x[this.basis[i]!] = this.beta[i]!;
    return x;
  }

  /** Tableau with every slack basic: row i = [−A_i, e_i]. */
  private slackTableau(): void {
    const { n, m, N } = this;
    this.T = this.model.rows.map((r, i) => {
      const row: Q[] = new Array(N).fill(ZERO);
      for (const t of r.terms) row[t.var] = t.coef.neg();
      row[n + i] = ONE;
      return row;
    });
    this.basis = Array.from({ length: m }, (_, i) => n + i);
    this.pos.fill(-1);
    for (let i = 0; i < m; i++) this.pos[n + i] = i;
  }

  /** A nonbasic variable's default value: its lower bound, else its upper bound, else 0. */
  private defaultValue(k: number): Q {
    return this.lo[k] ?? this.up[k] ?? ZERO;
  }

  private basicValues(): void {
    this.beta = this.T.map((row) => {
      let v = ZERO;
      for (let j = 0; j < this.N; j++) if (this.pos[j] === -1 && row[j]!.n !== 0n && this.xN[j]!.n !== 0n) v = v.sub(row[j]!.mul(this.xN[j]!));
      return v;
    });
  }

  private coldStart(): void {
    const { n, N } = this;
    this.slackTableau();
    for (let j = 0; j < N; j++) this.xN[j] = this.defaultValue(j);
    this.basicValues();
    // Rows whose slack value v_i violates its bounds get an artificial: slack nonbasic at the
    // violated bound β_i, t_i = σ_i(β_i − v_i) ≥ 0 basic, row of T multiplied by −σ_i.
    for (let i = 0; i < this.m; i++) {
      const v = this.beta[i]!;
      const k = n + i;
      const bnd = this.lo[k] !== null && v.compare(this.lo[k]!) < 0 ? this.lo[k]! : this.up[k] !== null && v.compare(this.up[k]!) > 0 ? this.up[k]! : null;
      if (bnd === null) continue;
      const sigmaPos = bnd.compare(v) > 0;
      this.xN[k] = bnd;
      this.pos[k] = -1;
      this.basis[i] = N + i;
      this.beta[i] = sigmaPos ? bnd.sub(v) : v.sub(bnd);
      if (sigmaPos) this.T[i] = this.T[i]!.map((a) => (a.n === 0n ? a : a.neg()));
    }
    // Phase-1 reduced costs: d_j = −Σ_{rows with artificial basic} T[i][j].
    this.d = new Array(N).fill(ZERO);
    for (let i = 0; i < this.m; i++) {
      if (this.basis[i]! < N) continue;
      const row = this.T[i]!;
      for (let j = 0; j < N; j++) if (row[j]!.n !== 0n) this.d[j] = this.d[j]!.sub(row[j]!);
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
        if (k >= n && !basicRows.has(k - n) && this.T[i]![j]!.n !== 0n) {
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
      const row = this.T[r]!;
      for (let j = 0; j < this.N; j++) {
        if (this.pos[j] === -1 && row[j]!.n !== 0n) {
          // θ = 0: values unchanged; the entering variable keeps its nonbasic value.
          this.beta[r] = this.xN[j]!;
          this.pivot(r, j, true);
          break;
        }
      }
    }
  }

  private setPhase2Costs(): void {
    const { N } = this;
    const c: Q[] = new Array(N).fill(ZERO);
    const flip = this.model.direction === "max";
    for (const t of this.model.objective) c[t.var] = flip ? t.coef.neg() : t.coef;
    this.d = c.slice();
    for (let i = 0; i < this.m; i++) {
      const k = this.basis[i]!;
      const cb = k < N ? c[k]! : ZERO;
      if (cb.n === 0n) continue;
      const row = this.T[i]!;
      for (let j = 0; j < N; j++) if (row[j]!.n !== 0n) this.d[j] = this.d[j]!.sub(cb.mul(row[j]!));
    }
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

  /** Iterate to optimality for the current costs `d`; or report an unbounded edge. */
  private iterate(): "optimal" | { q: number; dir: 1 | -1 } {
    const { N, m } = this;
    for (;;) {
      this.checkLimits();
      const bland = this.opts.pivotRule === "bland" || this.degenerateRun >= DEGENERATE_SWITCH;
      // Pricing.
      let q = -1;
      let best: Q = ZERO;
      for (let j = 0; j < N; j++) {
        if (this.pos[j] !== -1) continue;
        const dj = this.d[j]!;
        if (dj.n === 0n) continue;
        const lo = this.lo[j], up = this.up[j];
        if (lo !== null && up !== null && lo.equals(up)) continue;
        const eligible = dj.s < 0n ? up === null || this.xN[j]!.compare(up) < 0 : lo === null || this.xN[j]!.compare(lo) > 0;
        if (!eligible) continue;
        if (bland) {
          q = j;
          break;
        }
        const a = dj.abs();
        if (q < 0 || a.compare(best) > 0) {
          q = j;
          best = a;
        }
      }
      if (q < 0) return "optimal";
      const dir: 1 | -1 = this.d[q]!.s < 0n ? 1 : -1;
      // Ratio test: basic k in row i moves at rate ρ = −dir·T[i][q].
      let theta: Q | null = null;
      let leaveRow = -1;
      let leaveVar = Infinity;
      let leaveAtUpper = false;
      for (let i = 0; i < m; i++) {
        const a = this.T[i]![q]!;
        if (a.n === 0n) continue;
        const k = this.basis[i]!;
        const [lo, up] = this.bounds(k);
        const decreasing = (a.s > 0n) === (dir > 0);
        const bound = decreasing ? lo : up;
        if (bound === null) continue;
        const t = decreasing ? this.beta[i]!.sub(bound).div(a.abs()) : bound.sub(this.beta[i]!).div(a.abs());
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
          const a = this.T[i]![q]!;
          if (a.n !== 0n) this.beta[i] = this.beta[i]!.sub(a.mul(step));
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

  /** Pivot: q enters in row r (the leaving variable's value must already be recorded). */
  private pivot(r: number, q: number, updateCosts: boolean): void {
    const { N, m } = this;
    const prow = this.T[r]!;
    const p = prow[q]!;
    const J: number[] = [];
    for (let j = 0; j < N; j++) {
      if (prow[j]!.n === 0n) continue;
      prow[j] = prow[j]!.div(p);
      J.push(j);
    }
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const row = this.T[i]!;
      const f = row[q]!;
      if (f.n === 0n) continue;
      for (const j of J) row[j] = row[j]!.sub(f.mul(prow[j]!));
      row[q] = ZERO;
    }
    if (updateCosts) {
      const f = this.d[q]!;
      if (f.n !== 0n) {
        for (const j of J) this.d[j] = this.d[j]!.sub(f.mul(prow[j]!));
        this.d[q] = ZERO;
      }
    }
    const leaving = this.basis[r]!;
    if (leaving < N) this.pos[leaving] = -1;
    this.basis[r] = q;
    this.pos[q] = r;
  }
}
