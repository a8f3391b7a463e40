// The judge's integer-scaled arithmetic (one denominator per row, BigInt dot products) against a
// reference: the former Fraction-by-Fraction verifier, kept verbatim below. On random LPs with
// fractional data (duplicate terms, free and boxed variables, every row sense), on their exact
// certificates and on certificates tampered by 1/7 in one entry, both must return the same
// problems (codes and messages) — so every tampered certificate the reference rejects is rejected.
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { type Q, q, qstr, ZERO } from "../../src/exact/rational.ts";
import type { LpModel, LpResult, LpTerm, RowSense } from "../../src/lp/model.ts";
import { solve } from "../../src/lp/solve.ts";
import { verify, type VerifyProblem, type VerifyReport } from "../../src/lp/verify.ts";

/** The former verifier (Fraction arithmetic in every operation), verbatim: the reference. */
function referenceVerify(model: LpModel, result: LpResult): VerifyReport {
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

/** Deterministic PRNG (mulberry32) so the cases are fixed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DENS = [1, 1, 1, 2, 3, 4, 5, 6, 7, 9, 10, 12];
function randomModel(seed: number): LpModel {
  const r = rng(seed);
  const int = (k: number) => Math.floor(r() * k);
  const frac = (k: number): Q => new Fraction(int(2 * k + 1) - k, DENS[int(DENS.length)]!);
  const n = 2 + int(4);
  const m = 1 + int(4);
  const variables = Array.from({ length: n }, (_, j) => {
    const kind = int(4); // 0: [0, ∞), 1: [l, u], 2: free, 3: (−∞, u]
    const l = frac(3);
    const u = l.add(new Fraction(int(5), DENS[int(DENS.length)]!));
    return Object.freeze({ name: `x${j}`, lower: kind === 0 ? ZERO : kind === 1 ? l : null, upper: kind === 1 || kind === 3 ? u : null });
  });
  const terms = (): LpTerm[] => {
    const ts: LpTerm[] = [];
    for (let j = 0; j < n; j++) if (r() < 0.6) ts.push(Object.freeze({ var: j, coef: frac(5) }));
    return ts;
  };
  const senses: RowSense[] = ["<=", ">=", "="];
  const rows = Array.from({ length: m }, (_, i) => Object.freeze({ name: `r${i}`, terms: Object.freeze(terms()), sense: senses[int(3)]!, rhs: frac(6) }));
  return Object.freeze({ direction: r() < 0.5 ? "max" : "min", variables: Object.freeze(variables), rows: Object.freeze(rows), objective: Object.freeze(terms()), objectiveConstant: frac(2) }) as LpModel;
}

/**
 * The same LP with every term split in two (coef − 1/3 and 1/3): duplicate terms, which model.ts
 * sums. (The solvers expect merged terms, so certificates come from the merged model.)
 */
function splitTerms(model: LpModel): LpModel {
  const third = new Fraction(1, 3);
  const split = (ts: readonly LpTerm[]) => Object.freeze(ts.flatMap((t) => [Object.freeze({ var: t.var, coef: t.coef.sub(third) }), Object.freeze({ var: t.var, coef: third })]));
  return Object.freeze({ ...model, rows: Object.freeze(model.rows.map((r) => Object.freeze({ ...r, terms: split(r.terms) }))), objective: split(model.objective) });
}

/** Every one-entry change by +1/7 of the certificate's vectors (and of the value). */
function tamperings(res: LpResult): LpResult[] {
  const bump = (v: readonly Q[], k: number) => v.map((x, i) => (i === k ? x.add(new Fraction(1, 7)) : x));
  const out: LpResult[] = [];
  if (res.status === "optimal") {
    out.push({ ...res, value: res.value.add(new Fraction(1, 7)) });
    res.primal.forEach((_x, k) => out.push({ ...res, primal: bump(res.primal, k) }));
    res.dual.rows.forEach((_x, k) => out.push({ ...res, dual: { ...res.dual, rows: bump(res.dual.rows, k) } }));
    res.dual.reducedCosts.forEach((_x, k) => out.push({ ...res, dual: { ...res.dual, reducedCosts: bump(res.dual.reducedCosts, k) } }));
  } else if (res.status === "infeasible") {
    res.farkas.rows.forEach((_x, k) => out.push({ ...res, farkas: { rows: bump(res.farkas.rows, k) } }));
    res.farkas.rows.forEach((_x, k) => out.push({ ...res, farkas: { rows: res.farkas.rows.map((x, i) => (i === k ? x.neg() : x)) } }));
  } else {
    res.point.forEach((_x, k) => out.push({ ...res, point: bump(res.point, k) }));
    res.ray.forEach((_x, k) => out.push({ ...res, ray: bump(res.ray, k) }));
    res.ray.forEach((_x, k) => out.push({ ...res, ray: res.ray.map((x, i) => (i === k ? x.neg() : x)) }));
  }
  return out;
}

describe("verify (integer-scaled) agrees with the Fraction reference", () => {
  it("on 200 random LPs: every exact certificate accepted, every tampering judged the same", () => {
    const statuses = new Map<string, number>();
    let accepted = 0;
    let rejected = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const model = randomModel(seed);
      const res = solve(model, { exactOnly: true });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(verify(model, res)).toEqual({ ok: true });
      expect(referenceVerify(model, res)).toEqual({ ok: true });
      const split = splitTerms(model);
      expect(verify(split, res)).toEqual({ ok: true });
      for (const t of tamperings(res)) {
        const got = verify(model, t);
        expect(got, `seed ${seed}`).toEqual(referenceVerify(model, t));
        expect(verify(split, t), `seed ${seed}, split terms`).toEqual(referenceVerify(split, t));
        if (got.ok) accepted++;
        else rejected++;
      }
    }
    // the sample covers every status, and tamperings that must fail (and some that may pass:
    // e.g. a slack row's multiplier or a point moved inside the box)
    expect([...statuses.keys()].sort()).toEqual(["infeasible", "optimal", "unbounded"]);
    expect(rejected).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(0);
  });
  it("negative control: a value off by 1/7 on a fractional LP is a value-mismatch, with its exact amount", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const model = randomModel(seed);
      const res = solve(model, { exactOnly: true });
      if (res.status !== "optimal") continue;
      const rep = verify(model, { ...res, value: res.value.add(new Fraction(1, 7)) });
      expect(rep.ok).toBe(false);
      expect(!rep.ok && rep.problems.map((p) => p.code)).toEqual(["value-mismatch"]);
      expect(!rep.ok && rep.problems[0]!.message).toContain(`c·x + c0 = ${qstr(res.value)}`);
      return;
    }
    throw new Error("no optimal case among the seeds");
  });
});
