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
  const dot = (terms: readonly LpTerm[], x: readonly Q[]) => terms.reduce((s, t) => s.add(t.coef.mul(x[t.var]!)), ZERO);

  /** Rows and bounds hold at x. */
  const checkFeasible = (what: string, x: readonly Q[]) => {
    model.variables.forEach((v, j) => {
      if (v.lower !== null && x[j]!.compare(v.lower) < 0) bad("primal-bound-violated", `${what}: ${varName(j)} = ${qstr(x[j]!)} is below its lower bound ${qstr(v.lower)} by ${qstr(v.lower.sub(x[j]!))}`);
      if (v.upper !== null && x[j]!.compare(v.upper) > 0) bad("primal-bound-violated", `${what}: ${varName(j)} = ${qstr(x[j]!)} is above its upper bound ${qstr(v.upper)} by ${qstr(x[j]!.sub(v.upper))}`);
    });
    model.rows.forEach((r, i) => {
      const act = dot(r.terms, x);
      const c = act.compare(r.rhs);
      if ((r.sense === "<=" && c > 0) || (r.sense === ">=" && c < 0) || (r.sense === "=" && c !== 0)) {
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

  /** g = yᵀA, column by column. */
  const rowCombination = (y: readonly Q[]) => {
    const g: Q[] = new Array(n).fill(ZERO);
    model.rows.forEach((r, i) => {
      if (y[i]!.n === 0n) return;
      for (const t of r.terms) g[t.var] = g[t.var]!.add(y[i]!.mul(t.coef));
    });
    return g;
  };

  const c: Q[] = new Array(n).fill(ZERO);
  for (const t of model.objective) c[t.var] = c[t.var]!.add(t.coef);
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
      const g = rowCombination(y);
      // Dual value: Σ y_i b_i + Σ_j d_j·(the bound d_j's sign points to) + c0.
      let dualValue = model.objectiveConstant;
      model.rows.forEach((r, i) => (dualValue = dualValue.add(y[i]!.mul(r.rhs))));
      model.variables.forEach((v, j) => {
        const cj = g[j]!.add(d[j]!);
        if (!cj.equals(c[j]!)) bad("dual-equation", `column ${varName(j)}: c_j = ${qstr(c[j]!)} but (Aᵀy)_j + d_j = ${qstr(cj)}`);
        if (d[j]!.n === 0n) return;
        const positive = d[j]!.s > 0n;
        const needsUpper = positive === max;
        const bound = needsUpper ? v.upper : v.lower;
        if (bound === null) {
          bad("reduced-cost-sign", `column ${varName(j)}: reduced cost ${qstr(d[j]!)} needs a finite ${needsUpper ? "upper" : "lower"} bound, which it lacks`);
        } else {
          dualValue = dualValue.add(d[j]!.mul(bound));
        }
      });
      const primalValue = dot(model.objective, x).add(model.objectiveConstant);
      if (!primalValue.equals(result.value)) bad("value-mismatch", `value ${qstr(result.value)} ≠ c·x + c0 = ${qstr(primalValue)}`);
      if (problems.length === 0 && !dualValue.equals(primalValue)) bad("duality-gap", `primal value ${qstr(primalValue)} ≠ dual value ${qstr(dualValue)} (gap ${qstr(primalValue.sub(dualValue))})`);
      break;
    }
    case "infeasible": {
      const y = vec("farkas.rows", result.farkas?.rows, m);
      if (!y) break;
      checkRowSigns("farkas.rows", y, ">=");
      const g = rowCombination(y);
      let maxG = ZERO; // max over l ≤ x ≤ u of g·x
      model.variables.forEach((v, j) => {
        if (g[j]!.n === 0n) return;
        const bound = g[j]!.s > 0n ? v.upper : v.lower;
        if (bound === null) {
          bad("farkas-unbounded-term", `farkas: combined coefficient ${qstr(g[j]!)} on ${varName(j)} needs a finite ${g[j]!.s > 0n ? "upper" : "lower"} bound, which it lacks`);
        } else {
          maxG = maxG.add(g[j]!.mul(bound));
        }
      });
      const yb = model.rows.reduce((s, r, i) => s.add(y[i]!.mul(r.rhs)), ZERO);
      if (problems.length === 0 && maxG.compare(yb) >= 0) bad("farkas-no-contradiction", `farkas: max of yᵀA·x over the bounds is ${qstr(maxG)}, not below yᵀb = ${qstr(yb)}`);
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
      model.rows.forEach((row, i) => {
        const a = dot(row.terms, r);
        const s = a.compare(ZERO);
        if ((row.sense === "<=" && s > 0) || (row.sense === ">=" && s < 0) || (row.sense === "=" && s !== 0)) {
          bad("ray-row", `ray: row ${rowName(i)} (${row.sense}) has direction ${qstr(a)}`);
        }
      });
      const cr = dot(model.objective, r);
      if ((max && cr.compare(ZERO) <= 0) || (!max && cr.compare(ZERO) >= 0)) bad("ray-not-improving", `ray: c·r = ${qstr(cr)} does not strictly ${max ? "increase" : "decrease"} the objective`);
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
