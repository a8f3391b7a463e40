/**
 * Readable proofs of infeasibility. A Farkas certificate (model.ts conventions) is reduced to a
 * support-minimal set of named rows (no proper subset of them, with the variable bounds, is
 * infeasible), its multipliers made positive integers with no common factor, and each row shown as
 * the inequality it contributes, all in one direction. The sum's left side, cancelled to the terms
 * that remain, is then bounded by the variable bounds, giving a contradiction between exact numbers.
 *
 * The reduced certificate is re-checked with `verify` before it is returned.
 */
import { MechcheckError } from "../errors.ts";
import { type Q, ZERO, ONE, qstr } from "../exact/rational.ts";
import { exactSimplex } from "./exactSimplex.ts";
import type { LpModel, LpRow, LpTerm } from "./model.ts";
import { verify } from "./verify.ts";

/**
 * One row of a readable infeasibility proof: the model row, its positive integer multiplier,
 * whether it was flipped to face the proof's sense, and the inequality it contributes.
 */
export interface ProofRow {
  /** Index of the row in the model. */
  readonly row: number;
  readonly name: string;
  /** Positive multiplier. */
  readonly multiplier: Q;
  /** True if the row's own inequality was multiplied by −1 to face `Proof.sense`. */
  readonly flipped: boolean;
  /** The inequality as contributed: terms `sense` rhs. */
  readonly terms: readonly LpTerm[];
  readonly rhs: Q;
}

/**
 * A variable bound used to bound the summed inequality's left side: the variable, its coefficient
 * in the sum, which bound and its value.
 */
export interface BoundUse {
  readonly var: number;
  readonly name: string;
  /** The coefficient of the variable in the summed inequality. */
  readonly coef: Q;
  readonly bound: "lower" | "upper";
  readonly value: Q;
}

/**
 * A readable proof that an LP is infeasible: a support-minimal set of rows with integer
 * multipliers, their sum, and the bound on the sum's left side that contradicts its right side, all
 * in exact numbers.
 */
export interface Proof {
  /** Every row is presented (and summed) as `terms ≥ rhs` or as `terms ≤ rhs`. */
  readonly sense: ">=" | "<=";
  readonly rows: readonly ProofRow[];
  /** Σ multiplier × row: `terms sense rhs`, terms with zero coefficient cancelled. */
  readonly sum: { readonly terms: readonly LpTerm[]; readonly rhs: Q };
  /**
   * The bound on the sum's left side over the variable bounds: for sense ≥ its maximum
   * (so `value ≥ rhs` is the contradiction, value < rhs), for ≤ its minimum (value > rhs).
   */
  readonly bound: { readonly value: Q; readonly uses: readonly BoundUse[] };
  /** The reduced certificate in model.ts's convention (length = #rows), verified. */
  readonly farkas: readonly Q[];
}

/** Reduce a Farkas certificate to a support-minimal, readable proof. */
export function infeasibilityProof(model: LpModel, farkas: readonly Q[]): Proof {
  const initial = verify(model, { status: "infeasible", farkas: { rows: farkas } });
  if (!initial.ok) {
    throw new MechcheckError("certificate-rejected", `infeasibilityProof: the Farkas certificate is not valid: ${initial.problems.map((p) => p.message).join("; ")}`, { path: "farkas", value: initial.problems });
  }
  const y = normalize(minimizeSupport(model, farkas));
  const check = verify(model, { status: "infeasible", farkas: { rows: y } });
  if (!check.ok) {
    throw new MechcheckError("proof-rejected", `infeasibilityProof: the reduced certificate failed verification: ${check.problems.map((p) => p.message).join("; ")}`, { value: check.problems });
  }
  return buildProof(model, y);
}

/** The model restricted to a subset of its rows, with a zero objective. */
function subModel(model: LpModel, rows: readonly number[]): LpModel {
  return { direction: "min", variables: model.variables, rows: rows.map((i) => model.rows[i]!), objective: [], objectiveConstant: ZERO };
}

/**
 * Deletion filter with support shrinking: try dropping each row of the current support; if the
 * rest is still infeasible, take the new certificate (its support is a subset of the rest) and
 * continue with it. Every row that remains was necessary when tested, hence necessary for the
 * final (smaller) set: the final support is an irreducible infeasible subsystem of rows.
 */
function minimizeSupport(model: LpModel, farkas: readonly Q[]): Q[] {
  let y = farkas.slice();
  const necessary = new Set<number>();
  for (;;) {
    const support = y.flatMap((v, i) => (v.n !== 0n ? [i] : []));
    const candidate = support.find((i) => !necessary.has(i));
    if (candidate === undefined) return y;
    const rest = support.filter((i) => i !== candidate);
    const result = exactSimplex(subModel(model, rest));
    if (result.status === "infeasible") {
      const next: Q[] = new Array(model.rows.length).fill(ZERO);
      rest.forEach((i, k) => (next[i] = result.farkas.rows[k]!));
      y = next;
    } else {
      necessary.add(candidate);
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** Scale by a positive factor so the multipliers are integers with no common factor. */
function normalize(y: readonly Q[]): Q[] {
  let l = 1n;
  for (const v of y) if (v.n !== 0n) l = (l / gcd(l, v.d)) * v.d;
  let g = 0n;
  for (const v of y) if (v.n !== 0n) g = gcd(g, v.n);
  const scale = ONE.mul(l).div(g === 0n ? 1n : g);
  return y.map((v) => v.mul(scale));
}

function buildProof(model: LpModel, y: readonly Q[]): Proof {
  const used = y.flatMap((v, i) => (v.n !== 0n ? [i] : []));
  // Present in the direction that needs fewer flips (ties: ≥). y > 0 means "row as ≥".
  const leq = used.filter((i) => y[i]!.s < 0n && model.rows[i]!.sense === "<=").length;
  const geq = used.filter((i) => y[i]!.s > 0n && model.rows[i]!.sense === ">=").length;
  const sense: ">=" | "<=" = leq > geq ? "<=" : ">=";
  const orient = sense === ">=" ? ONE : ONE.neg(); // row contributes orient·y_i·(a_i x ≥ b_i)
  const acc = new Map<number, Q>();
  let rhs = ZERO;
  const rows: ProofRow[] = used.map((i) => {
    const r: LpRow = model.rows[i]!;
    const mult = y[i]!.abs();
    const f = y[i]!.mul(orient).div(mult); // ±1: the factor applied to the row as written
    const flipped = r.sense === "=" ? f.s < 0n : r.sense !== sense;
    const terms = r.terms.map((t) => ({ var: t.var, coef: t.coef.mul(f) }));
    for (const t of terms) acc.set(t.var, (acc.get(t.var) ?? ZERO).add(t.coef.mul(mult)));
    rhs = rhs.add(r.rhs.mul(f).mul(mult));
    return { row: i, name: r.name, multiplier: mult, flipped, terms, rhs: r.rhs.mul(f) };
  });
  const sumTerms = [...acc.entries()].filter(([, c]) => c.n !== 0n).sort((a, b) => a[0] - b[0]).map(([v, coef]) => ({ var: v, coef }));
  let value = ZERO;
  const uses: BoundUse[] = sumTerms.map((t) => {
    const v = model.variables[t.var]!;
    // ≥: maximize the left side (upper bound for positive coefficients); ≤: minimize it.
    const upper = (t.coef.s > 0n) === (sense === ">=");
    const b = upper ? v.upper : v.lower;
    if (b === null) throw new MechcheckError("proof-rejected", `infeasibilityProof: ${v.name} needs a finite ${upper ? "upper" : "lower"} bound`, { value: v.name });
    value = value.add(t.coef.mul(b));
    return { var: t.var, name: v.name, coef: t.coef, bound: upper ? "upper" : "lower", value: b };
  });
  const contradiction = sense === ">=" ? value.compare(rhs) < 0 : value.compare(rhs) > 0;
  if (!contradiction) throw new MechcheckError("proof-rejected", "infeasibilityProof: the summed inequality is not contradictory (internal error)");
  return { sense, rows, sum: { terms: sumTerms, rhs }, bound: { value, uses }, farkas: y.slice() };
}

const MINUS = "\u2212";

/** `a − 2 b + 3/2 c` (terms in the given order; "0" when empty). */
export function renderTerms(model: LpModel, terms: readonly LpTerm[]): string {
  if (terms.length === 0) return "0";
  return terms
    .map((t, k) => {
      const neg = t.coef.s < 0n;
      const a = t.coef.abs();
      const coef = a.equals(ONE) ? "" : `${qstr(a)} `;
      const name = model.variables[t.var]!.name;
      return k === 0 ? `${neg ? MINUS : ""}${coef}${name}` : ` ${neg ? MINUS : "+"} ${coef}${name}`;
    })
    .join("");
}

function num(x: Q): string {
  return x.s < 0n && x.n !== 0n ? MINUS + qstr(x.abs()) : qstr(x);
}

/** Render a proof as plain text, one inequality per line, ending in the contradiction. */
export function renderProof(model: LpModel, proof: Proof): string {
  const rel = proof.sense === ">=" ? "\u2265" : "\u2264";
  const labels = proof.rows.map((r) => `${qstr(r.multiplier)} \u00d7 ${r.name}${r.flipped ? " (negated)" : ""}:`);
  const width = Math.max(...labels.map((l) => l.length));
  const lines = proof.rows.map((r, k) => `${k === 0 ? "  " : "+ "}${labels[k]!.padEnd(width)}  ${renderTerms(model, r.terms)} ${rel} ${num(r.rhs)}`);
  const lhs = renderTerms(model, proof.sum.terms);
  lines.push(`\u21d2 ${lhs} ${rel} ${num(proof.sum.rhs)}`);
  if (proof.sum.terms.length > 0) {
    const other = proof.sense === ">=" ? "\u2264" : "\u2265";
    const why = proof.bound.uses.map((u) => `${u.name} ${u.bound === "upper" ? "\u2264" : "\u2265"} ${num(u.value)}`).join(", ");
    lines.push(`  but ${lhs} ${other} ${num(proof.bound.value)}  (since ${why})`);
    lines.push(`\u21d2 ${num(proof.bound.value)} ${rel} ${num(proof.sum.rhs)}, a contradiction`);
  } else {
    lines[lines.length - 1] = `\u21d2 0 ${rel} ${num(proof.sum.rhs)}, a contradiction`;
  }
  return lines.join("\n");
}
