/**
 * Exact certification from a proposed basis.
 *
 * Internal form: A x − r = 0 with l ≤ x ≤ u and the row activity r_i bounded by its row
 * (≤: r_i ≤ b_i, ≥: r_i ≥ b_i, =: r_i = b_i). A basis picks m basic variables among the n columns
 * x_j and the m row activities r_i (column −e_i). Nonbasic columns sit at a bound (the one named by
 * the status if finite, else the other finite one, else 0); a nonbasic row activity sits at b_i
 * (every row has exactly one finite bound value, b_i). One sparse exact LU of the basis gives
 *   x_B  from  B x_B = −Σ_{nonbasic j} A_j x_j + Σ_{nonbasic i} e_i b_i,
 *   y    from  Bᵀ y = c_B   (c = 0 on row activities),   d = c − Aᵀ y.
 * The reduced cost of r_i is y_i, so model.ts's shadow-price signs are exactly the usual simplex
 * optimality conditions. Everything is checked exactly here (primal feasibility, dual signs,
 * complementary slackness, hence value = dual value); a failure is returned as a reason so the
 * caller can try another basis. `verify` re-checks the final certificate independently.
 *
 * Infeasible and unbounded LPs are certified through auxiliary LPs that always have an optimum
 * (so they are certified by the same basis route):
 * - phase 1 (`phaseOneModel`): min Σ artificials with one artificial per violable row side. If its
 *   optimal value v > 0, its optimal row duals y are Farkas multipliers: with g = yᵀA = −d on the
 *   original columns, max_{l≤x≤u} g·x = yᵀb − v < yᵀb. If v = 0, its x part is a feasible point.
 * - ray LP (`rayModel`): same objective and direction, homogeneous rows (rhs 0), r_j ≥ 0 where l_j
 *   is finite, r_j ≤ 0 where u_j is finite, and the box −1 ≤ r_j ≤ 1. Its optimum improves on 0
 *   iff the (feasible) LP is unbounded, and then its optimal point is a ray.
 */
import { MechcheckError } from "../errors.ts";
import type { Q } from "../exact/rational.ts";
import type { BasisHint, LpModel, LpResult, LpRow, LpTerm, LpVariable } from "./model.ts";
import { bgcd, RAT_ONE, RAT_ZERO, type Rat, ratAdd, ratCmp, ratFromQ, ratMul, ratNeg, ratSign, ratSub, ratToQ } from "../exact/fastRational.ts";
import type { SparseColumn } from "../exact/sparseLu.ts";
import { solveBasisSystems } from "./basisSolve.ts";

export type CertifyOutcome<R extends LpResult = LpResult> =
  | { readonly ok: true; readonly result: R }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/** Exact data of a model in the internal (Rat, column-wise) form, cached per model object. */
interface Prepared {
  readonly n: number;
  readonly m: number;
  readonly colRows: Int32Array[];
  readonly colVals: Rat[][];
  readonly cost: Rat[];
  readonly lower: (Rat | null)[];
  readonly upper: (Rat | null)[];
  readonly rhs: Rat[];
  readonly c0: Rat;
  /**
   * per row, the lcm D_i of its coefficients' denominators, computed when first needed (only rows
   * with a nonzero multiplier are: `rowDenOf`)
   */
  readonly rowDen: (bigint | undefined)[];
  readonly rowTerms: readonly (readonly LpTerm[])[];
}

/*
 * Integer-scaled products (no gcd per operation): with w_i = y_i / D_i over one common
 * denominator W (W_i = w_i·W integers), (Aᵀy)_j = Σ_i D_i·a_ij·W_i / W — a BigInt dot product
 * over the rows with W_i ≠ 0 (D_i·a_ij is an integer).
 */
/** gcd(|a|, |b|): fastRational's bgcd (doubles below 2^53, Lehmer above 2^64). */
const gcdBig = bgcd;
const lcmBig = (L: bigint, d: bigint) => (d === 1n || L % d === 0n ? L : (L / gcdBig(L, d)) * d);
/** a/b normalized (b > 0): one gcd. */
const ratOf = (a: bigint, b: bigint): Rat => {
  if (a === 0n) return RAT_ZERO;
  const g = gcdBig(a, b);
  return g === 1n ? { n: a, d: b } : { n: a / g, d: b / g };
};

/** Integer multipliers W_i and denominator W of y_i / D_i (see above). */
function scaledMultipliers(P: Prepared, y: readonly Rat[]): { W: bigint; Wi: bigint[] } {
  const wn: bigint[] = new Array(P.m);
  const wd: bigint[] = new Array(P.m);
  let W = 1n;
  for (let i = 0; i < P.m; i++) {
    const yi = y[i]!;
    if (yi.n === 0n) {
      wn[i] = 0n;
      wd[i] = 1n;
      continue;
    }
    const D = rowDenOf(P, i);
    const g = D === 1n ? 1n : gcdBig(yi.n, D);
    wn[i] = yi.n / g;
    wd[i] = yi.d * (D / g);
    W = lcmBig(W, wd[i]!);
  }
  const Wi = wn.map((v, i) => (v === 0n || wd[i] === W ? v : v * (W / wd[i]!)));
  return { W, Wi };
}

/** G_j = W·(Aᵀy)_j for column j. */
function scaledColumnDot(P: Prepared, j: number, Wi: readonly bigint[]): bigint {
  const rows = P.colRows[j]!;
  const vals = P.colVals[j]!;
  let s = 0n;
  for (let k = 0; k < rows.length; k++) {
    const w = Wi[rows[k]!]!;
    if (w === 0n) continue;
    const v = vals[k]!;
    const D = P.rowDen[rows[k]!]!; // set by scaledMultipliers for every row with W_i ≠ 0
    s += (v.d === D ? v.n : v.n * (D / v.d)) * w;
  }
  return s;
}

/** D_i, the lcm of row i's denominators (cached in P.rowDen). */
function rowDenOf(P: Prepared, i: number): bigint {
  const hit = P.rowDen[i];
  if (hit !== undefined) return hit;
  let L = 1n;
  for (const t of P.rowTerms[i]!) L = lcmBig(L, t.coef.d);
  P.rowDen[i] = L;
  return L;
}

const preparedCache = new WeakMap<LpModel, Prepared>();
const MINUS_ONE: Rat = ratNeg(RAT_ONE);

function prepare(model: LpModel): Prepared {
  const hit = preparedCache.get(model);
  if (hit) return hit;
  const n = model.variables.length;
  const m = model.rows.length;
  const counts = new Int32Array(n);
  for (const r of model.rows) for (const t of r.terms) counts[t.var]++;
  const colRows: Int32Array[] = new Array(n);
  const colVals: Rat[][] = new Array(n);
  for (let j = 0; j < n; j++) {
    colRows[j] = new Int32Array(counts[j]!);
    colVals[j] = new Array(counts[j]!);
  }
  const fill = new Int32Array(n);
  model.rows.forEach((r, i) => {
    for (const t of r.terms) {
      const k = fill[t.var]!++;
      colRows[t.var]![k] = i;
      colVals[t.var]![k] = ratFromQ(t.coef);
    }
  });
  const cost: Rat[] = new Array(n).fill(RAT_ZERO);
  for (const t of model.objective) cost[t.var] = ratAdd(cost[t.var]!, ratFromQ(t.coef));
  const p: Prepared = {
    n,
    m,
    colRows,
    colVals,
    cost,
    lower: model.variables.map((v) => (v.lower === null ? null : ratFromQ(v.lower))),
    upper: model.variables.map((v) => (v.upper === null ? null : ratFromQ(v.upper))),
    rhs: model.rows.map((r) => ratFromQ(r.rhs)),
    c0: ratFromQ(model.objectiveConstant),
    rowDen: new Array(m).fill(undefined),
    rowTerms: model.rows.map((r) => r.terms),
  };
  preparedCache.set(model, p);
  return p;
}

export interface CertifyStats {
  /** ms spent factoring and solving (exact linear algebra) */
  luMs: number;
  /** ms in the whole certification call */
  totalMs: number;
}

/**
 * Exact optimality certificate from a basis (see the module comment). Returns a reason instead of
 * throwing when the basis is the wrong size, singular, primal infeasible or not dual feasible.
 */
export function certifyBasis(model: LpModel, basis: BasisHint, stats?: CertifyStats): CertifyOutcome<Extract<LpResult, { status: "optimal" }>> {
  const t0 = performance.now();
  const P = prepare(model);
  const { n, m } = P;
  if (basis.colStatus.length !== n || basis.rowStatus.length !== m) {
    return { ok: false, code: "basis-shape", reason: `basis has ${basis.colStatus.length} column and ${basis.rowStatus.length} row statuses for ${n} columns and ${m} rows` };
  }
  // basic variables: index < n is a column, n + i is row activity i
  const basic: number[] = [];
  for (let j = 0; j < n; j++) if (basis.colStatus[j] === "basic") basic.push(j);
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] === "basic") basic.push(n + i);
  if (basic.length !== m) return { ok: false, code: "basis-size", reason: `basis has ${basic.length} basic variables for ${m} rows` };

  // nonbasic column values
  const x: Rat[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const st = basis.colStatus[j];
    if (st === "basic") continue;
    const lo = P.lower[j]!;
    const up = P.upper[j]!;
    x[j] = st === "upper" ? (up ?? lo ?? RAT_ZERO) : st === "zero" ? (lo === null && up === null ? RAT_ZERO : (lo ?? up)!) : (lo ?? up ?? RAT_ZERO);
  }
  const rhs: Rat[] = new Array(m).fill(RAT_ZERO);
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] !== "basic") rhs[i] = P.rhs[i]!;
  for (let j = 0; j < n; j++) {
    if (basis.colStatus[j] === "basic") continue;
    const xj = x[j]!;
    if (xj.n === 0n) continue;
    const rows = P.colRows[j]!;
    const vals = P.colVals[j]!;
    for (let k = 0; k < rows.length; k++) rhs[rows[k]!] = ratSub(rhs[rows[k]!]!, ratMul(vals[k]!, xj));
  }
  const cols: SparseColumn[] = basic.map((v) =>
    v < n ? { rows: P.colRows[v]!, vals: P.colVals[v]! } : { rows: [v - n], vals: [MINUS_ONE] },
  );
  const tl = performance.now();
  const cB = basic.map((v) => (v < n ? P.cost[v]! : RAT_ZERO));
  // exact x_B and y: p-adic lifting on a mod-p factorization, the rational sparse LU as fallback;
  // the same (unique) rationals either way
  let xB: Rat[];
  let y: Rat[];
  try {
    const s = solveBasisSystems(m, cols, rhs, cB);
    xB = s.x!;
    y = s.y!;
  } catch (e) {
    if (e instanceof MechcheckError && e.code === "singular") return { ok: false, code: "singular", reason: e.message };
    throw e;
  }
  if (stats) stats.luMs = performance.now() - tl;

  // full primal: x and row activities
  const act: Rat[] = new Array(m);
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] !== "basic") act[i] = P.rhs[i]!;
  basic.forEach((v, k) => {
    if (v < n) x[v] = xB[k]!;
    else act[v - n] = xB[k]!;
  });
  for (let j = 0; j < n; j++) {
    const lo = P.lower[j]!;
    const up = P.upper[j]!;
    if ((lo !== null && ratCmp(x[j]!, lo) < 0) || (up !== null && ratCmp(x[j]!, up) > 0)) {
      return { ok: false, code: "primal-infeasible-basis", reason: `variable ${JSON.stringify(model.variables[j]!.name)} = ${ratToQ(x[j]!).toFraction()} violates its bounds at this basis` };
    }
  }
  for (let i = 0; i < m; i++) {
    const c = ratCmp(act[i]!, P.rhs[i]!);
    const s = model.rows[i]!.sense;
    if ((s === "<=" && c > 0) || (s === ">=" && c < 0) || (s === "=" && c !== 0)) {
      return { ok: false, code: "primal-infeasible-basis", reason: `row ${JSON.stringify(model.rows[i]!.name)} activity ${ratToQ(act[i]!).toFraction()} violates ${s} ${ratToQ(P.rhs[i]!).toFraction()} at this basis` };
    }
  }
  // duals: d = c − Aᵀ y; shadow-price signs (max flips them) with complementary slackness
  const flip = model.direction === "max" ? -1 : 1;
  const d: Rat[] = new Array(n);
  const { W, Wi } = scaledMultipliers(P, y);
  for (let j = 0; j < n; j++) {
    // d_j = c_j − G_j / W
    const cj = P.cost[j]!;
    const G = scaledColumnDot(P, j, Wi);
    const s = G === 0n ? cj : ratOf(cj.n * W - G * cj.d, cj.d * W);
    d[j] = s;
    const sg = ratSign(s) * flip; // +1: wants x_j at its lower bound (min sense), −1: at its upper bound
    if (sg === 0) continue;
    const bound = sg > 0 ? P.lower[j]! : P.upper[j]!;
    if (bound === null || ratCmp(x[j]!, bound) !== 0) {
      return { ok: false, code: "dual-infeasible-basis", reason: `reduced cost of ${JSON.stringify(model.variables[j]!.name)} is ${ratToQ(s).toFraction()} but it is not at its ${sg > 0 ? "lower" : "upper"} bound (${model.direction} problem)` };
    }
  }
  for (let i = 0; i < m; i++) {
    const sg = ratSign(y[i]!) * flip;
    if (sg === 0) continue;
    const s = model.rows[i]!.sense;
    const okSign = s === "=" || (s === ">=" ? sg > 0 : sg < 0);
    if (!okSign || ratCmp(act[i]!, P.rhs[i]!) !== 0) {
      return { ok: false, code: "dual-infeasible-basis", reason: `row dual of ${JSON.stringify(model.rows[i]!.name)} is ${ratToQ(y[i]!).toFraction()}, of the wrong sign for a ${s} row in a ${model.direction} problem` };
    }
  }
  // value = c0 + Σ c_j x_j over one growing common denominator (a gcd only for a new denominator), reduced once
  let vn = P.c0.n;
  let vd = P.c0.d;
  for (let j = 0; j < n; j++) {
    const cj = P.cost[j]!;
    const xj = x[j]!;
    if (cj.n === 0n || xj.n === 0n) continue;
    const tn = cj.n * xj.n;
    const td = cj.d * xj.d;
    if (vd % td !== 0n) {
      const L = lcmBig(vd, td);
      vn *= L / vd;
      vd = L;
    }
    vn += tn * (vd / td);
  }
  const value = ratOf(vn, vd);
  const result = {
    status: "optimal" as const,
    value: ratToQ(value),
    primal: x.map(ratToQ),
    dual: { rows: y.map(ratToQ), reducedCosts: d.map(ratToQ) },
  };
  if (stats) stats.totalMs = performance.now() - t0;
  return { ok: true, result };
}

function frozenModel(direction: LpModel["direction"], variables: LpVariable[], rows: LpRow[], objective: LpTerm[], objectiveConstant: Q): LpModel {
  return Object.freeze({ direction, variables: Object.freeze(variables), rows: Object.freeze(rows), objective: Object.freeze(objective), objectiveConstant });
}

/**
 * Phase-1 LP: min Σ artificials s.t. a_i x − n_i ≤ b_i (≤ rows), a_i x + p_i ≥ b_i (≥ rows),
 * a_i x + p_i − n_i = b_i (= rows), original bounds on x, artificials ≥ 0. Rows keep their order,
 * names and senses; columns 0..n−1 are the original variables. Always feasible and bounded below.
 */
export function phaseOneModel(model: LpModel): LpModel {
  const ZERO_Q = ratToQ(RAT_ZERO);
  const ONE_Q = ratToQ(RAT_ONE);
  const MINUS_ONE_Q = ratToQ(ratNeg(RAT_ONE));
  const variables: LpVariable[] = model.variables.slice();
  const objective: LpTerm[] = [];
  const art = (name: string): number => {
    const idx = variables.length;
    variables.push(Object.freeze({ name, lower: ZERO_Q, upper: null }));
    objective.push(Object.freeze({ var: idx, coef: ONE_Q }));
    return idx;
  };
  const rows: LpRow[] = model.rows.map((r, i) => {
    const terms = r.terms.slice();
    if (r.sense !== "<=") terms.push(Object.freeze({ var: art(`__phase1_plus_${i}`), coef: ONE_Q }));
    if (r.sense !== ">=") terms.push(Object.freeze({ var: art(`__phase1_minus_${i}`), coef: MINUS_ONE_Q }));
    return Object.freeze({ name: r.name, terms: Object.freeze(terms), sense: r.sense, rhs: r.rhs });
  });
  return frozenModel("min", variables, rows, objective, ZERO_Q);
}

/**
 * The classical phase-1 starting basis for `phaseOneModel(model)`, which is primal feasible:
 * every original column nonbasic at a bound (lower if finite, else upper, else free at 0); for a
 * row satisfied at that point its activity is basic; otherwise the artificial that absorbs the
 * violation is basic (value |b_i − a_i x| ≥ 0) and the row sits at its rhs.
 */
export function phaseOneStartBasis(model: LpModel): BasisHint {
  const P = prepare(model);
  const x: Rat[] = new Array(P.n);
  const colStatus: BasisHint["colStatus"][number][] = [];
  for (let j = 0; j < P.n; j++) {
    const lo = P.lower[j]!;
    const up = P.upper[j]!;
    x[j] = lo ?? up ?? RAT_ZERO;
    colStatus.push(lo !== null ? "lower" : up !== null ? "upper" : "zero");
  }
  const act: Rat[] = new Array(P.m).fill(RAT_ZERO);
  for (let j = 0; j < P.n; j++) {
    if (x[j]!.n === 0n) continue;
    const rows = P.colRows[j]!;
    const vals = P.colVals[j]!;
    for (let k = 0; k < rows.length; k++) act[rows[k]!] = ratAdd(act[rows[k]!]!, ratMul(vals[k]!, x[j]!));
  }
  const rowStatus: BasisHint["rowStatus"][number][] = [];
  const artStatus: BasisHint["colStatus"][number][] = [];
  model.rows.forEach((r, i) => {
    const c = ratCmp(act[i]!, P.rhs[i]!);
    const needPlus = c < 0 && r.sense !== "<="; // activity too low: a_i x + p_i = b_i
    const needMinus = c > 0 && r.sense !== ">="; // activity too high: a_i x − n_i = b_i
    rowStatus.push(needPlus || needMinus ? (r.sense === "<=" ? "upper" : "lower") : "basic");
    if (r.sense !== "<=") artStatus.push(needPlus ? "basic" : "lower");
    if (r.sense !== ">=") artStatus.push(needMinus ? "basic" : "lower");
  });
  return { colStatus: [...colStatus, ...artStatus], rowStatus };
}

/**
 * Ray LP: same direction and objective (no constant), rows a_i r (sense) 0, and per variable
 * r_j ∈ [l_j finite ? 0 : −1, u_j finite ? 0 : 1]. Always feasible (r = 0) and bounded.
 */
export function rayModel(model: LpModel): LpModel {
  const ZERO_Q = ratToQ(RAT_ZERO);
  const ONE_Q = ratToQ(RAT_ONE);
  const MINUS_ONE_Q = ratToQ(ratNeg(RAT_ONE));
  const variables: LpVariable[] = model.variables.map((v) =>
    Object.freeze({ name: v.name, lower: v.lower === null ? MINUS_ONE_Q : ZERO_Q, upper: v.upper === null ? ONE_Q : ZERO_Q }),
  );
  const rows: LpRow[] = model.rows.map((r) => Object.freeze({ name: r.name, terms: r.terms, sense: r.sense, rhs: ZERO_Q }));
  return frozenModel(model.direction, variables, rows, model.objective.slice(), ZERO_Q);
}

type Optimal = Extract<LpResult, { status: "optimal" }>;

/**
 * From an optimal certified phase-1 result: either an infeasibility certificate (value > 0) or a
 * feasible point of the original model (value = 0). Checked exactly here.
 */
export function fromPhaseOne(
  model: LpModel,
  phase1: Optimal,
): { kind: "infeasible"; result: Extract<LpResult, { status: "infeasible" }> } | { kind: "feasible"; point: Q[] } | { kind: "error"; reason: string } {
  const P = prepare(model);
  const v = ratFromQ(phase1.value);
  if (ratSign(v) < 0) return { kind: "error", reason: `phase-1 value ${phase1.value.toFraction()} is negative` };
  if (ratSign(v) === 0) {
    const point = phase1.primal.slice(0, P.n);
    return { kind: "feasible", point };
  }
  const y = phase1.dual.rows.map(ratFromQ);
  const check = checkFarkas(model, y);
  if (check !== null) return { kind: "error", reason: check };
  return { kind: "infeasible", result: { status: "infeasible", farkas: { rows: phase1.dual.rows.slice() } } };
}

/** null if y is a valid Farkas certificate for `model` (model.ts conventions), else why not. */
export function checkFarkas(model: LpModel, y: readonly Rat[]): string | null {
  const P = prepare(model);
  let yb = RAT_ZERO;
  for (let i = 0; i < P.m; i++) {
    const s = model.rows[i]!.sense;
    const sg = ratSign(y[i]!);
    if ((s === ">=" && sg < 0) || (s === "<=" && sg > 0)) return `Farkas multiplier of row ${JSON.stringify(model.rows[i]!.name)} has the wrong sign`;
    yb = ratAdd(yb, ratMul(y[i]!, P.rhs[i]!));
  }
  let maxGx = RAT_ZERO;
  const { W, Wi } = scaledMultipliers(P, y);
  for (let j = 0; j < P.n; j++) {
    const G = scaledColumnDot(P, j, Wi);
    if (G === 0n) continue;
    const g = ratOf(G, W);
    const sg = ratSign(g);
    if (sg === 0) continue;
    const bound = sg > 0 ? P.upper[j]! : P.lower[j]!;
    if (bound === null) return `Farkas combination has coefficient ${ratToQ(g).toFraction()} on unbounded variable ${JSON.stringify(model.variables[j]!.name)}`;
    maxGx = ratAdd(maxGx, ratMul(g, bound));
  }
  if (ratCmp(maxGx, yb) >= 0) return `Farkas bound ${ratToQ(maxGx).toFraction()} is not below yᵀb = ${ratToQ(yb).toFraction()}`;
  return null;
}

/**
 * From a feasible point and an optimal certified ray-LP result: an unboundedness certificate if the
 * ray improves the objective (checked exactly, including the point's feasibility), else a reason.
 */
export function fromRay(model: LpModel, point: readonly Q[], rayResult: Optimal): CertifyOutcome<Extract<LpResult, { status: "unbounded" }>> {
  const P = prepare(model);
  const r = rayResult.primal.map(ratFromQ);
  const x = point.map(ratFromQ);
  const flip = model.direction === "max" ? 1 : -1;
  let cr = RAT_ZERO;
  for (let j = 0; j < P.n; j++) cr = ratAdd(cr, ratMul(P.cost[j]!, r[j]!));
  if (ratSign(cr) * flip <= 0) return { ok: false, code: "not-unbounded", reason: `best ray in the box changes the objective by ${ratToQ(cr).toFraction()}: the LP is bounded` };
  for (let j = 0; j < P.n; j++) {
    const lo = P.lower[j]!;
    const up = P.upper[j]!;
    if ((lo !== null && (ratSign(r[j]!) < 0 || ratCmp(x[j]!, lo) < 0)) || (up !== null && (ratSign(r[j]!) > 0 || ratCmp(x[j]!, up) > 0))) {
      return { ok: false, code: "bad-ray", reason: `ray or point violates the bounds of ${JSON.stringify(model.variables[j]!.name)}` };
    }
  }
  const ar: Rat[] = new Array(P.m).fill(RAT_ZERO);
  const ax: Rat[] = new Array(P.m).fill(RAT_ZERO);
  for (let j = 0; j < P.n; j++) {
    const rows = P.colRows[j]!;
    const vals = P.colVals[j]!;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      if (r[j]!.n !== 0n) ar[i] = ratAdd(ar[i]!, ratMul(vals[k]!, r[j]!));
      if (x[j]!.n !== 0n) ax[i] = ratAdd(ax[i]!, ratMul(vals[k]!, x[j]!));
    }
  }
  for (let i = 0; i < P.m; i++) {
    const s = model.rows[i]!.sense;
    const sr = ratSign(ar[i]!);
    const cx = ratCmp(ax[i]!, P.rhs[i]!);
    if ((s === "<=" && (sr > 0 || cx > 0)) || (s === ">=" && (sr < 0 || cx < 0)) || (s === "=" && (sr !== 0 || cx !== 0))) {
      return { ok: false, code: "bad-ray", reason: `ray or point violates row ${JSON.stringify(model.rows[i]!.name)}` };
    }
  }
  return { ok: true, result: { status: "unbounded", point: point.slice(), ray: rayResult.primal.slice() } };
}
