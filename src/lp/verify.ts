/**
 * The judge: an independent, exact check of an LP certificate against the model's data, following
 * the conventions in model.ts's header comment and nothing else (no solver, no other lp module).
 *
 * Every check is an exact rational identity or inequality; a certificate passes only if all hold.
 * Problems are returned as data (`code` + a message naming the row/variable and the exact amount).
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import { type Q, ZERO, qstr } from "../exact/rational.ts";
import type { LpModel, LpResult, LpRow, LpTerm } from "./model.ts";

export type VerifyProblem = { code: string; message: string };
export type VerifyReport = { ok: true } | { ok: false; problems: VerifyProblem[] };

/**
 * Exact arithmetic without a gcd per operation. A rational a/b (b > 0, not necessarily reduced)
 * is a pair of bigints. Each row is scaled once by the lcm of its coefficients' denominators
 * (integer row A_i = D_i·a_i), each certificate vector by one common denominator, so a row
 * activity, (Aᵀy)_j or c·x is a pure BigInt dot product; comparisons are cross-multiplications.
 * Only a failing check builds Fractions (for its message). Nothing here is shared with the
 * certifier: the judge stays independent.
 */
interface Big {
  readonly n: bigint;
  readonly d: bigint;
}
const big = (f: Q): Big => ({ n: f.s < 0n ? -f.n : f.n, d: f.d });
const bigAbs = (a: bigint) => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
/** lcm(L, d) for L, d > 0 (one gcd only when d does not already divide L). */
const lcm = (L: bigint, d: bigint) => (d === 1n || L % d === 0n ? L : (L / gcd(L, d)) * d);
/** sign(a − b) for rationals a, b. */
const cmpBig = (a: Big, b: Big): number => {
  const l = a.d === b.d ? a.n : a.n * b.d;
  const r = a.d === b.d ? b.n : b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const sgn = (a: bigint) => (a < 0n ? -1 : a > 0n ? 1 : 0);

/** Σ k·(p/q) with integer k, kept over one growing denominator (a gcd only on a new denominator). */
class Accumulator {
  num = 0n;
  den = 1n;
  add(k: bigint, x: Big): void {
    if (k === 0n || x.n === 0n) return;
    if (x.d === this.den) this.num += k * x.n;
    else if (this.den % x.d === 0n) this.num += k * x.n * (this.den / x.d);
    else {
      const L = lcm(this.den, x.d);
      this.num = this.num * (L / this.den) + k * x.n * (L / x.d);
      this.den = L;
    }
  }
  /** this / scale as a reduced Fraction */
  fraction(scale = 1n): Q {
    return new Fraction(this.num, this.den * scale);
  }
}

/** Terms of one row (or the objective) as integers over one denominator. */
interface ScaledRow {
  readonly den: bigint;
  readonly vars: Int32Array;
  readonly ints: bigint[];
}
function scaleRow(terms: readonly LpTerm[]): ScaledRow {
  let D = 1n;
  for (const t of terms) D = lcm(D, t.coef.d);
  const vars = new Int32Array(terms.length);
  const ints: bigint[] = new Array(terms.length);
  terms.forEach((t, k) => {
    vars[k] = t.var;
    const num = t.coef.s < 0n ? -t.coef.n : t.coef.n;
    ints[k] = t.coef.d === D ? num : num * (D / t.coef.d);
  });
  return { den: D, vars, ints };
}
/** The lcm of a row's coefficient denominators (1 for an integer row, without a gcd). */
function rowDen(terms: readonly LpTerm[]): bigint {
  let D = 1n;
  for (let k = 0; k < terms.length; k++) {
    const d = terms[k]!.coef.d;
    if (d !== 1n) D = lcm(D, d);
  }
  return D;
}
/** Σ_k (D·a_k)·X[var_k] for the row's terms (D = rowDen(terms)), without building the scaled row. */
function dotTerms(terms: readonly LpTerm[], D: bigint, X: readonly bigint[]): bigint {
  let s = 0n;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    const xv = X[t.var]!;
    if (xv === 0n) continue;
    const c = t.coef;
    const num = c.s < 0n ? -c.n : c.n;
    s += (c.d === D ? num : num * (D / c.d)) * xv;
  }
  return s;
}
/** A vector as integers over one common denominator. */
function scaleVector(x: readonly Q[]): { den: bigint; ints: bigint[] } {
  let D = 1n;
  for (const v of x) if (v.d !== 1n) D = lcm(D, v.d);
  return { den: D, ints: x.map((v) => (v.s < 0n ? -v.n : v.n) * (v.d === D ? 1n : D / v.d)) };
}
const dotInt = (row: ScaledRow, X: readonly bigint[]) => {
  let s = 0n;
  for (let k = 0; k < row.ints.length; k++) {
    const xv = X[row.vars[k]!]!;
    if (xv !== 0n) s += row.ints[k]! * xv;
  }
  return s;
};

/** 2^53: integers of smaller magnitude, and sums of them below it, are exact in doubles. */
const EXACT_FLOAT = 2 ** 53;
const EXACT_FLOAT_BIG = 2n ** 53n;
/** At most this many coefficient objects are remembered per verify call (models that share them gain; others are not taxed). */
const SMALL_COEF_CACHE = 4096;
/** The integers as doubles when every one is below 2^53 in magnitude (exactly representable), else null. */
function floatVector(ints: readonly bigint[]): Float64Array | null {
  const out = new Float64Array(ints.length);
  for (let j = 0; j < ints.length; j++) {
    const v = ints[j]!;
    if (v >= EXACT_FLOAT_BIG || v <= -EXACT_FLOAT_BIG) return null;
    out[j] = Number(v);
  }
  return out;
}
/**
 * sign(a·x − b) for a row with integer coefficients, x = Xf / xDen (Xf exact integers in doubles),
 * computed in doubles when that is provably exact: every product |a_k|·|Xf_k| and their running sum
 * stay below 2^53 (the sum of magnitudes is checked; each partial sum of integers below 2^53 is
 * exact). Then a·x·xDen = S exactly, and for b = 0 the sign is sign(S); otherwise S is compared with
 * b·xDen in BigInt. Returns null when the row is not covered (a fractional or large coefficient, or
 * the bound exceeded): the caller uses the BigInt path.
 */
function floatActivitySign(r: LpRow, Xf: Float64Array, xDen: bigint, small: Map<Q, number>): number | null {
  const terms = r.terms;
  let S = 0;
  let mag = 0;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    const c = t.coef;
    let a = small.get(c);
    if (a === undefined) {
      // the coefficient as an exact double if it is an integer below 2^53 in magnitude, else NaN
      a = c.d !== 1n || c.n >= EXACT_FLOAT_BIG ? NaN : c.s < 0n ? -Number(c.n) : Number(c.n);
      if (small.size < SMALL_COEF_CACHE) small.set(c, a);
    }
    if (Number.isNaN(a)) return null;
    const p = a * Xf[t.var]!;
    mag += Math.abs(p);
    S += p;
  }
  if (!(mag < EXACT_FLOAT)) return null;
  const b = r.rhs;
  if (b.n === 0n) return S < 0 ? -1 : S > 0 ? 1 : 0;
  const l = BigInt(S) * b.d;
  const rr = (b.s < 0n ? -b.n : b.n) * xDen;
  return l < rr ? -1 : l > rr ? 1 : 0;
}

/**
 * A program whose rows are produced on demand, by index, instead of held in an array (e.g. the
 * 10⁶ incentive rows of a large auction LP): the same columns, objective and certificate
 * conventions as `LpModel` (model.ts), with `rowCount` rows, row i being `row(i)` — the same row
 * on every call. `verify` checks a certificate against every one of its rows, as for an LpModel.
 */
export interface ImplicitLpModel {
  readonly direction: LpModel["direction"];
  readonly variables: LpModel["variables"];
  readonly objective: LpModel["objective"];
  readonly objectiveConstant: LpModel["objectiveConstant"];
  /** The number of rows. */
  readonly rowCount: number;
  /** Row i (0 ≤ i < rowCount): the same row on every call. */
  row(i: number): LpRow;
}
/** An LpModel or an ImplicitLpModel: what the judge and row generation accept. */
export type AnyLpModel = LpModel | ImplicitLpModel;
/** Whether a model gives its rows on demand (ImplicitLpModel) rather than as an array. */
export function isImplicitModel(model: AnyLpModel): model is ImplicitLpModel {
  return typeof (model as ImplicitLpModel).row === "function";
}
/** The number of rows of either kind of model. */
export function modelRowCount(model: AnyLpModel): number {
  return isImplicitModel(model) ? model.rowCount : model.rows.length;
}
/** Row i of either kind of model. */
export function modelRow(model: AnyLpModel, i: number): LpRow {
  return isImplicitModel(model) ? model.row(i) : model.rows[i]!;
}

/**
 * Check `result`'s certificate for `model` exactly: every row, whether the model holds its rows in
 * an array or produces them on demand (ImplicitLpModel: one pass over the rows, each row built,
 * checked and dropped; only the rows with a non-zero multiplier are kept for yᵀA).
 */
export function verify(model: AnyLpModel, result: LpResult): VerifyReport {
  const problems: VerifyProblem[] = [];
  const bad = (code: string, message: string) => problems.push({ code, message });
  const n = model.variables.length;
  const m = modelRowCount(model);
  const rowAt = isImplicitModel(model) ? (i: number) => model.row(i) : (i: number) => model.rows[i]!;
  const rowName = (row: LpRow) => JSON.stringify(row.name);
  const varName = (j: number) => JSON.stringify(model.variables[j]!.name);

  // variable indices of the objective's and every row's terms (rows checked in the pass below)
  const badTerms: VerifyProblem[] = [];
  /** Whether every term's variable index is in range (each bad one recorded, `where` built only then). */
  const termsOk = (terms: readonly LpTerm[], where: LpRow | null) => {
    let ok = true;
    for (let k = 0; k < terms.length; k++) {
      const v = terms[k]!.var;
      if (!Number.isInteger(v) || v < 0 || v >= n) {
        badTerms.push({ code: "model-bad-term", message: `${where === null ? "objective" : `row ${rowName(where)}`}: variable index ${v} is out of range 0..${n - 1}` });
        ok = false;
      }
    }
    return ok;
  };
  termsOk(model.objective, null);
  /** Whether the row's sense is ≤, ≥ or = and its numbers are exact rationals (else recorded). */
  const rowOk = (r: LpRow) => {
    const senseOk = r.sense === "<=" || r.sense === ">=" || r.sense === "=";
    let exact = r.rhs instanceof Fraction;
    for (let k = 0; exact && k < r.terms.length; k++) exact = r.terms[k]!.coef instanceof Fraction;
    if (!senseOk) badTerms.push({ code: "model-bad-row", message: `row ${rowName(r)}: sense ${JSON.stringify(r.sense)} is not one of <=, >=, =` });
    if (!exact) badTerms.push({ code: "model-bad-row", message: `row ${rowName(r)}: a coefficient or the right-hand side is not an exact rational` });
    return senseOk && exact;
  };

  /** A vector of exact rationals of the expected length, or null (with a problem recorded). */
  const vec = (what: string, v: unknown, len: number): readonly Q[] | null => {
    if (!Array.isArray(v)) return bad("missing-vector", `${what} is missing`), null;
    if (v.length !== len) return bad("length-mismatch", `${what} has length ${v.length}, expected ${len}`), null;
    for (let k = 0; k < len; k++) {
      if (!(v[k] instanceof Fraction)) return bad("not-exact", `${what}[${k}] is not an exact rational`), null;
    }
    return v as Q[];
  };
  /** The slow exact dot product with Fractions: only to word a failure's message. */
  const dot = (terms: readonly LpTerm[], x: readonly Q[]) => terms.reduce((s, t) => s.add(t.coef.mul(x[t.var]!)), ZERO);

  const obj = scaleRow(model.objective.filter((t) => Number.isInteger(t.var) && t.var >= 0 && t.var < n));
  const lower = model.variables.map((v) => (v.lower === null ? null : big(v.lower)));
  const upper = model.variables.map((v) => (v.upper === null ? null : big(v.upper)));
  const max = model.direction === "max";

  // What to check in the pass over the rows: a point x (feasibility), a ray r (direction), and
  // multipliers y with their sign rule (y ≥ 0 on `nonneg` rows, ≤ 0 on the opposite inequality).
  let x: readonly Q[] | null = null;
  let ray: readonly Q[] | null = null;
  let y: readonly Q[] | null = null;
  let nonneg: ">=" | "<=" = ">=";
  let xWhat = "primal";
  let yWhat = "dual.rows";
  let d: readonly Q[] | null = null;
  let checkRows = false;
  switch (result.status) {
    case "optimal": {
      x = vec("primal", result.primal, n);
      y = vec("dual.rows", result.dual?.rows, m);
      d = vec("dual.reducedCosts", result.dual?.reducedCosts, n);
      if (!(result.value instanceof Fraction)) bad("not-exact", "value is not an exact rational");
      checkRows = !!x && !!y && !!d && result.value instanceof Fraction;
      nonneg = max ? "<=" : ">=";
      break;
    }
    case "infeasible": {
      y = vec("farkas.rows", result.farkas?.rows, m);
      yWhat = "farkas.rows";
      checkRows = !!y;
      break;
    }
    case "unbounded": {
      x = vec("point", result.point, n);
      xWhat = "point";
      ray = vec("ray", result.ray, n);
      checkRows = !!x && !!ray;
      break;
    }
    default:
      bad("unknown-status", `unknown status ${JSON.stringify((result as { status: unknown }).status)}`);
  }
  if (!checkRows) x = ray = y = null;

  // bounds at x (reported before the rows)
  const boundProblems: VerifyProblem[] = [];
  if (x) {
    model.variables.forEach((v, j) => {
      const xj = big(x[j]!);
      if (v.lower !== null && cmpBig(xj, lower[j]!) < 0) boundProblems.push({ code: "primal-bound-violated", message: `${xWhat}: ${varName(j)} = ${qstr(x[j]!)} is below its lower bound ${qstr(v.lower)} by ${qstr(v.lower.sub(x[j]!))}` });
      if (v.upper !== null && cmpBig(xj, upper[j]!) > 0) boundProblems.push({ code: "primal-bound-violated", message: `${xWhat}: ${varName(j)} = ${qstr(x[j]!)} is above its upper bound ${qstr(v.upper)} by ${qstr(x[j]!.sub(v.upper))}` });
    });
  }
  const X = x ? scaleVector(x) : null;
  const Xf = X === null ? null : floatVector(X.ints);
  /** Coefficient objects seen in the pass → their value as an exact double, or NaN (rows share coefficient objects). */
  const smallCoefs = new Map<Q, number>();
  const R = ray ? scaleVector(ray) : null;

  // One pass over the rows: term indices, feasibility at x, the ray's direction, the sign rule on
  // y; rows with y_i ≠ 0 are kept (scaled) for yᵀA.
  const rowProblems: VerifyProblem[] = [];
  const rayProblems: VerifyProblem[] = [];
  const signProblems: VerifyProblem[] = [];
  const active: { i: number; row: ScaledRow; rhs: Big }[] = [];
  for (let i = 0; i < m; i++) {
    const r = rowAt(i);
    if (!termsOk(r.terms, r) || !rowOk(r) || badTerms.length > 0) continue;
    if (X !== null) {
      // sign(activity − b): in doubles where provably exact, else BigInt (activity·D·X.den = S)
      let c = Xf === null ? null : floatActivitySign(r, Xf, X.den, smallCoefs);
      if (c === null) {
        const D = rowDen(r.terms);
        const S = dotTerms(r.terms, D, X.ints);
        const b = r.rhs;
        const l = S * b.d;
        const rr = (b.s < 0n ? -b.n : b.n) * D * X.den;
        c = l < rr ? -1 : l > rr ? 1 : 0;
      }
      if ((r.sense === "<=" && c > 0) || (r.sense === ">=" && c < 0) || (r.sense === "=" && c !== 0)) {
        const act = dot(r.terms, x!);
        rowProblems.push({ code: "primal-row-violated", message: `${xWhat}: row ${rowName(r)} has activity ${qstr(act)} ${r.sense === "=" ? "≠" : r.sense === "<=" ? ">" : "<"} ${qstr(r.rhs)} (violated by ${qstr(act.sub(r.rhs).abs())})` });
      }
    }
    if (R !== null) {
      const s = sgn(dotTerms(r.terms, rowDen(r.terms), R.ints)); // denominators are positive
      if ((r.sense === "<=" && s > 0) || (r.sense === ">=" && s < 0) || (r.sense === "=" && s !== 0)) {
        rayProblems.push({ code: "ray-row", message: `ray: row ${rowName(r)} (${r.sense}) has direction ${qstr(dot(r.terms, ray!))}` });
      }
    }
    if (y !== null) {
      const yi = y[i]!;
      if (yi.n === 0n) continue;
      if (r.sense !== "=" && ((r.sense === nonneg && yi.s < 0n) || (r.sense !== nonneg && yi.s > 0n))) {
        signProblems.push({ code: "dual-sign", message: `${yWhat}[${i}] on ${r.sense} row ${rowName(r)} is ${qstr(yi)}: wrong sign` });
      }
      active.push({ i, row: scaleRow(r.terms), rhs: big(r.rhs) });
    }
  }
  if (badTerms.length > 0) return { ok: false, problems: badTerms };
  problems.push(...boundProblems, ...rowProblems);
  if (result.status !== "unbounded") problems.push(...signProblems);

  /**
   * g = yᵀA, column by column, as integers G over one denominator W (g_j = G_j / W): with
   * w_i = y_i / D_i over the common denominator W, g_j = Σ_i A_ij·W_i / W. Also Σ_i y_i b_i
   * (= Σ_i W_i·D_i·b_i / W) as an accumulator over W. Only rows with y_i ≠ 0 contribute.
   */
  const rowCombination = (yv: readonly Q[]) => {
    const wn: bigint[] = new Array(active.length);
    const wd: bigint[] = new Array(active.length);
    let W = 1n;
    active.forEach(({ i, row }, k) => {
      const yi = yv[i]!;
      const D = row.den;
      const num = yi.s < 0n ? -yi.n : yi.n;
      const g = D === 1n ? 1n : gcd(num, D);
      wn[k] = num / g;
      wd[k] = yi.d * (D / g);
      if (wd[k] !== 1n) W = lcm(W, wd[k]!);
    });
    const G: bigint[] = new Array(n).fill(0n);
    const yb = new Accumulator();
    active.forEach(({ row, rhs }, k) => {
      const Wi = wd[k] === W ? wn[k]! : wn[k]! * (W / wd[k]!);
      for (let t = 0; t < row.ints.length; t++) G[row.vars[t]!] += row.ints[t]! * Wi;
      yb.add(Wi * row.den, rhs);
    });
    return { G, W, yb };
  };

  // c_j = C_j / obj.den (duplicate objective terms summed)
  const C: bigint[] = new Array(n).fill(0n);
  for (let k = 0; k < obj.ints.length; k++) C[obj.vars[k]!] += obj.ints[k]!;
  const cQ = (j: number): Q => new Fraction(C[j]!, obj.den);

  if (checkRows && result.status === "optimal") {
    const { G, W, yb } = rowCombination(y!);
    // Dual value: Σ y_i b_i + Σ_j d_j·(the bound d_j's sign points to) + c0.
    const dBound = new Accumulator();
    model.variables.forEach((_v, j) => {
      // c_j = g_j + d_j  ⇔  C_j·W·s = G_j·Dc·s + r·Dc·W  with d_j = r/s
      const dj = big(d![j]!);
      const Dc = obj.den;
      if (C[j]! * W * dj.d !== G[j]! * Dc * dj.d + dj.n * Dc * W) {
        const cj = new Fraction(G[j]!, W).add(d![j]!);
        bad("dual-equation", `column ${varName(j)}: c_j = ${qstr(cQ(j))} but (Aᵀy)_j + d_j = ${qstr(cj)}`);
      }
      if (dj.n === 0n) return;
      const positive = dj.n > 0n;
      const needsUpper = positive === max;
      const bound = needsUpper ? upper[j]! : lower[j]!;
      if (bound === null) {
        bad("reduced-cost-sign", `column ${varName(j)}: reduced cost ${qstr(d![j]!)} needs a finite ${needsUpper ? "upper" : "lower"} bound, which it lacks`);
      } else {
        dBound.add(1n, { n: dj.n * bound.n, d: dj.d * bound.d });
      }
    });
    const primalValue = new Fraction(dotInt(obj, X!.ints), obj.den * X!.den).add(model.objectiveConstant);
    if (!primalValue.equals(result.value)) bad("value-mismatch", `value ${qstr(result.value)} ≠ c·x + c0 = ${qstr(primalValue)}`);
    if (problems.length === 0) {
      const dualValue = yb.fraction(W).add(dBound.fraction()).add(model.objectiveConstant);
      if (!dualValue.equals(primalValue)) bad("duality-gap", `primal value ${qstr(primalValue)} ≠ dual value ${qstr(dualValue)} (gap ${qstr(primalValue.sub(dualValue))})`);
    }
  } else if (checkRows && result.status === "infeasible") {
    const { G, W, yb } = rowCombination(y!);
    const maxG = new Accumulator(); // W · (max over l ≤ x ≤ u of g·x)
    model.variables.forEach((_v, j) => {
      const s = sgn(G[j]!);
      if (s === 0) return;
      const bound = s > 0 ? upper[j]! : lower[j]!;
      if (bound === null) {
        bad("farkas-unbounded-term", `farkas: combined coefficient ${qstr(new Fraction(G[j]!, W))} on ${varName(j)} needs a finite ${s > 0 ? "upper" : "lower"} bound, which it lacks`);
      } else {
        maxG.add(G[j]!, bound);
      }
    });
    // maxG.num/maxG.den ≥ yb.num/yb.den (both scaled by W > 0)?
    if (problems.length === 0 && maxG.num * yb.den >= yb.num * maxG.den) {
      bad("farkas-no-contradiction", `farkas: max of yᵀA·x over the bounds is ${qstr(maxG.fraction(W))}, not below yᵀb = ${qstr(yb.fraction(W))}`);
    }
  } else if (checkRows && result.status === "unbounded") {
    const r = ray!;
    model.variables.forEach((v, j) => {
      if (v.lower !== null && r[j]!.s < 0n && r[j]!.n !== 0n) bad("ray-bound", `ray: ${varName(j)} has a finite lower bound but ray entry ${qstr(r[j]!)} < 0`);
      if (v.upper !== null && r[j]!.s > 0n && r[j]!.n !== 0n) bad("ray-bound", `ray: ${varName(j)} has a finite upper bound but ray entry ${qstr(r[j]!)} > 0`);
    });
    problems.push(...rayProblems);
    const crs = sgn(dotInt(obj, R!.ints));
    if ((max && crs <= 0) || (!max && crs >= 0)) bad("ray-not-improving", `ray: c·r = ${qstr(dot(model.objective, r))} does not strictly ${max ? "increase" : "decrease"} the objective`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Throw MechcheckError("certificate-rejected") listing every problem, unless the certificate passes. */
export function assertVerified(model: AnyLpModel, result: LpResult): void {
  const report = verify(model, result);
  if (!report.ok) {
    throw new MechcheckError(
      "certificate-rejected",
      `the ${result.status} certificate was rejected:\n${report.problems.map((p) => `  [${p.code}] ${p.message}`).join("\n")}`,
      { value: report.problems },
    );
  }
}
