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
import type { LpModel, LpResult, LpTerm } from "./model.ts";

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
/** A vector as integers over one common denominator. */
function scaleVector(x: readonly Q[]): { den: bigint; ints: bigint[] } {
  let D = 1n;
  for (const v of x) D = lcm(D, v.d);
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

/** Check `result`'s certificate for `model` exactly. */
export function verify(model: LpModel, result: LpResult): VerifyReport {
  const problems: VerifyProblem[] = [];
  const bad = (code: string, message: string) => problems.push({ code, message });
  const n = model.variables.length;
  const m = model.rows.length;
  const rowName = (i: number) => JSON.stringify(model.rows[i]!.name);
  const varName = (j: number) => JSON.stringify(model.variables[j]!.name);

  for (const [where, terms] of [["objective", model.objective] as const, ...model.rows.map((r, i) => [`row ${rowName(i)}`, r.terms] as const)]) {
    for (const t of terms) {
      if (!Number.isInteger(t.var) || t.var < 0 || t.var >= n) bad("model-bad-term", `${where}: variable index ${t.var} is out of range 0..${n - 1}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

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

  // the model's rows and objective over integers (once per call)
  const rows = model.rows.map((r) => scaleRow(r.terms));
  const rhs = model.rows.map((r) => big(r.rhs));
  const obj = scaleRow(model.objective);
  const lower = model.variables.map((v) => (v.lower === null ? null : big(v.lower)));
  const upper = model.variables.map((v) => (v.upper === null ? null : big(v.upper)));
  /** sign(activity_i − b_i) where activity_i·D_i·den = S */
  const rowCmp = (i: number, S: bigint, den: bigint) => {
    const b = rhs[i]!;
    const l = S * b.d;
    const r = b.n * rows[i]!.den * den;
    return l < r ? -1 : l > r ? 1 : 0;
  };

  /** Rows and bounds hold at x. */
  const checkFeasible = (what: string, x: readonly Q[]) => {
    const xb = x.map(big);
    model.variables.forEach((v, j) => {
      if (v.lower !== null && cmpBig(xb[j]!, lower[j]!) < 0) bad("primal-bound-violated", `${what}: ${varName(j)} = ${qstr(x[j]!)} is below its lower bound ${qstr(v.lower)} by ${qstr(v.lower.sub(x[j]!))}`);
      if (v.upper !== null && cmpBig(xb[j]!, upper[j]!) > 0) bad("primal-bound-violated", `${what}: ${varName(j)} = ${qstr(x[j]!)} is above its upper bound ${qstr(v.upper)} by ${qstr(x[j]!.sub(v.upper))}`);
    });
    const X = scaleVector(x);
    model.rows.forEach((r, i) => {
      const c = rowCmp(i, dotInt(rows[i]!, X.ints), X.den);
      if ((r.sense === "<=" && c > 0) || (r.sense === ">=" && c < 0) || (r.sense === "=" && c !== 0)) {
        const act = dot(r.terms, x);
        bad("primal-row-violated", `${what}: row ${rowName(i)} has activity ${qstr(act)} ${r.sense === "=" ? "≠" : r.sense === "<=" ? ">" : "<"} ${qstr(r.rhs)} (violated by ${qstr(act.sub(r.rhs).abs())})`);
      }
    });
  };

  /** Sign rule for multipliers y: y ≥ 0 on `nonneg` rows, y ≤ 0 on the opposite inequality rows. */
  const checkRowSigns = (what: string, y: readonly Q[], nonneg: ">=" | "<=") => {
    model.rows.forEach((r, i) => {
      if (r.sense === "=") return;
      const s = y[i]!.s * (y[i]!.n === 0n ? 0n : 1n);
      if ((r.sense === nonneg && s < 0n) || (r.sense !== nonneg && s > 0n)) {
        bad("dual-sign", `${what}[${i}] on ${r.sense} row ${rowName(i)} is ${qstr(y[i]!)}: wrong sign`);
      }
    });
  };

  /**
   * g = yᵀA, column by column, as integers G over one denominator W (g_j = G_j / W): with
   * w_i = y_i / D_i over the common denominator W, g_j = Σ_i A_ij·W_i / W. Also Σ_i y_i b_i
   * (= Σ_i W_i·D_i·b_i / W) as an accumulator over W.
   */
  const rowCombination = (y: readonly Q[]) => {
    const wn: bigint[] = new Array(m);
    const wd: bigint[] = new Array(m);
    let W = 1n;
    for (let i = 0; i < m; i++) {
      const yi = y[i]!;
      const D = rows[i]!.den;
      const num = yi.s < 0n ? -yi.n : yi.n;
      if (num === 0n) {
        wn[i] = 0n;
        wd[i] = 1n;
        continue;
      }
      const g = D === 1n ? 1n : gcd(num, D);
      wn[i] = num / g;
      wd[i] = yi.d * (D / g);
      W = lcm(W, wd[i]!);
    }
    const G: bigint[] = new Array(n).fill(0n);
    const yb = new Accumulator();
    for (let i = 0; i < m; i++) {
      if (wn[i] === 0n) continue;
      const Wi = wd[i] === W ? wn[i]! : wn[i]! * (W / wd[i]!);
      const row = rows[i]!;
      for (let k = 0; k < row.ints.length; k++) G[row.vars[k]!] += row.ints[k]! * Wi;
      yb.add(Wi * row.den, rhs[i]!);
    }
    return { G, W, yb };
  };

  // c_j = C_j / obj.den (duplicate objective terms summed)
  const C: bigint[] = new Array(n).fill(0n);
  for (let k = 0; k < obj.ints.length; k++) C[obj.vars[k]!] += obj.ints[k]!;
  const cQ = (j: number): Q => new Fraction(C[j]!, obj.den);
  const max = model.direction === "max";

  switch (result.status) {
    case "optimal": {
      const x = vec("primal", result.primal, n);
      const y = vec("dual.rows", result.dual?.rows, m);
      const d = vec("dual.reducedCosts", result.dual?.reducedCosts, n);
      if (!(result.value instanceof Fraction)) bad("not-exact", "value is not an exact rational");
      if (!x || !y || !d || !(result.value instanceof Fraction)) break;
      checkFeasible("primal", x);
      checkRowSigns("dual.rows", y, max ? "<=" : ">=");
      const { G, W, yb } = rowCombination(y);
      // Dual value: Σ y_i b_i + Σ_j d_j·(the bound d_j's sign points to) + c0.
      const dBound = new Accumulator();
      model.variables.forEach((v, j) => {
        // c_j = g_j + d_j  ⇔  C_j·W·s = G_j·Dc·s + r·Dc·W  with d_j = r/s
        const dj = big(d[j]!);
        const Dc = obj.den;
        if (C[j]! * W * dj.d !== G[j]! * Dc * dj.d + dj.n * Dc * W) {
          const cj = new Fraction(G[j]!, W).add(d[j]!);
          bad("dual-equation", `column ${varName(j)}: c_j = ${qstr(cQ(j))} but (Aᵀy)_j + d_j = ${qstr(cj)}`);
        }
        if (dj.n === 0n) return;
        const positive = dj.n > 0n;
        const needsUpper = positive === max;
        const bound = needsUpper ? upper[j]! : lower[j]!;
        if (bound === null) {
          bad("reduced-cost-sign", `column ${varName(j)}: reduced cost ${qstr(d[j]!)} needs a finite ${needsUpper ? "upper" : "lower"} bound, which it lacks`);
        } else {
          dBound.add(1n, { n: dj.n * bound.n, d: dj.d * bound.d });
        }
      });
      const X = scaleVector(x);
      const primalValue = new Fraction(dotInt(obj, X.ints), obj.den * X.den).add(model.objectiveConstant);
      if (!primalValue.equals(result.value)) bad("value-mismatch", `value ${qstr(result.value)} ≠ c·x + c0 = ${qstr(primalValue)}`);
      if (problems.length === 0) {
        const dualValue = yb.fraction(W).add(dBound.fraction()).add(model.objectiveConstant);
        if (!dualValue.equals(primalValue)) bad("duality-gap", `primal value ${qstr(primalValue)} ≠ dual value ${qstr(dualValue)} (gap ${qstr(primalValue.sub(dualValue))})`);
      }
      break;
    }
    case "infeasible": {
      const y = vec("farkas.rows", result.farkas?.rows, m);
      if (!y) break;
      checkRowSigns("farkas.rows", y, ">=");
      const { G, W, yb } = rowCombination(y);
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
      break;
    }
    case "unbounded": {
      const x = vec("point", result.point, n);
      const r = vec("ray", result.ray, n);
      if (!x || !r) break;
      checkFeasible("point", x);
      model.variables.forEach((v, j) => {
        if (v.lower !== null && r[j]!.s < 0n && r[j]!.n !== 0n) bad("ray-bound", `ray: ${varName(j)} has a finite lower bound but ray entry ${qstr(r[j]!)} < 0`);
        if (v.upper !== null && r[j]!.s > 0n && r[j]!.n !== 0n) bad("ray-bound", `ray: ${varName(j)} has a finite upper bound but ray entry ${qstr(r[j]!)} > 0`);
      });
      const R = scaleVector(r);
      model.rows.forEach((row, i) => {
        const s = sgn(dotInt(rows[i]!, R.ints)); // denominators are positive
        if ((row.sense === "<=" && s > 0) || (row.sense === ">=" && s < 0) || (row.sense === "=" && s !== 0)) {
          bad("ray-row", `ray: row ${rowName(i)} (${row.sense}) has direction ${qstr(dot(row.terms, r))}`);
        }
      });
      const crs = sgn(dotInt(obj, R.ints));
      if ((max && crs <= 0) || (!max && crs >= 0)) bad("ray-not-improving", `ray: c·r = ${qstr(dot(model.objective, r))} does not strictly ${max ? "increase" : "decrease"} the objective`);
      break;
    }
    default:
      bad("unknown-status", `unknown status ${JSON.stringify((result as { status: unknown }).status)}`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Throw MechcheckError("certificate-rejected") listing every problem, unless the certificate passes. */
export function assertVerified(model: LpModel, result: LpResult): void {
  const report = verify(model, result);
  if (!report.ok) {
    throw new MechcheckError(
      "certificate-rejected",
      `the ${result.status} certificate was rejected:\n${report.problems.map((p) => `  [${p.code}] ${p.message}`).join("\n")}`,
      { value: report.problems },
    );
  }
}
