/**
 * Theorems of the alternative, exactly, via `solve`.
 *
 * Farkas' lemma: exactly one of  {Ax = b, x ≥ 0}  and  {yᵀA ≥ 0, yᵀb < 0}  has a solution.
 * Its inequality form (Gale / Fourier–Motzkin): exactly one of  {Ax ≤ b}  and
 * {y ≥ 0, yᵀA = 0, yᵀb < 0}  has a solution.
 *
 * This is the pattern behind the duality arguments of mechanism design that mechcheck checks:
 * Morris (1994) (no-trade / common-prior characterisations as the alternative to a betting
 * scheme), Crémer–McLean (full surplus extraction exists iff no belief is a convex combination of
 * the others — the alternative is a separating multiplier), and Lemma 7.5 (a mechanism satisfying
 * the linear incentive constraints exists iff no nonnegative combination of them is
 * contradictory). Each function returns the witness for whichever side holds, and re-checks that
 * witness exactly before returning (a failing check would be a bug: it throws).
 */
import { MechcheckError } from "../errors.ts";
import { q, type Q, type QInput, sign, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel } from "./model.ts";
import { solve, type SolveOptions } from "./solve.ts";

export type AlternativeResult =
  | { readonly feasible: true; readonly x: readonly Q[] }
  | { readonly feasible: false; readonly y: readonly Q[] };

export interface AlternativeOptions extends SolveOptions {
  /** Number of columns of A; needed only when A has no rows. */
  readonly columns?: number;
}

function readSystem(A: readonly (readonly QInput[])[], b: readonly QInput[], columns: number | undefined, name: string): { A: Q[][]; b: Q[]; n: number } {
  if (!Array.isArray(A)) throw new MechcheckError("bad-matrix", `${name}: A must be an array of rows`, { path: "A", value: A });
  if (!Array.isArray(b)) throw new MechcheckError("bad-matrix", `${name}: b must be an array`, { path: "b", value: b });
  if (b.length !== A.length) throw new MechcheckError("dimension", `${name}: A has ${A.length} rows but b has length ${b.length}`, { path: "b", value: b.length });
  const n = A.length > 0 ? A[0]!.length : (columns ?? 0);
  if (columns !== undefined && columns !== n) throw new MechcheckError("dimension", `${name}: A has ${n} columns, but columns = ${columns}`, { path: "columns", value: columns });
  const Aq = A.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new MechcheckError("dimension", `${name}: row ${i} of A has length ${Array.isArray(row) ? row.length : "?"}, expected ${n}`, { path: `A[${i}]`, value: Array.isArray(row) ? row.length : row });
    }
    return row.map((v, j) => q(v, `${name}: A[${i}][${j}]`));
  });
  return { A: Aq, b: b.map((v, i) => q(v, `${name}: b[${i}]`)), n };
}

function buildLp(A: Q[][], b: Q[], n: number, sense: "=" | "<=", lower: null | "zero"): LpModel {
  const lb = new LpBuilder("min");
  for (let j = 0; j < n; j++) lb.variable(`x${j}`, lower === null ? { lower: null } : {});
  A.forEach((row, i) => {
    const terms: [number, Q][] = [];
    row.forEach((a, j) => {
      if (a.n !== 0n) terms.push([j, a]);
    });
    lb.row(`r${i}`, terms, sense, b[i]!);
  });
  return lb.build();
}

const rowDot = (row: readonly Q[], x: readonly Q[]) => row.reduce((s, a, j) => s.add(a.mul(x[j]!)), ZERO);
const colDot = (A: readonly (readonly Q[])[], y: readonly Q[], j: number) => A.reduce((s, row, i) => s.add(row[j]!.mul(y[i]!)), ZERO);
const vecDot = (a: readonly Q[], b: readonly Q[]) => a.reduce((s, v, i) => s.add(v.mul(b[i]!)), ZERO);

function bug(what: string): never {
  throw new MechcheckError("alternative-check-failed", `internal error: the ${what} returned by the LP failed its exact re-check`);
}

/**
 * {Ax = b, x ≥ 0}: either `{ feasible: true, x }` with Ax = b, x ≥ 0, or `{ feasible: false, y }`
 * with yᵀA ≥ 0 and yᵀb < 0 (Farkas). Both checked exactly here.
 */
export function feasibleNonnegative(A: readonly (readonly QInput[])[], b: readonly QInput[], opts: AlternativeOptions = {}): AlternativeResult {
  const sys = readSystem(A, b, opts.columns, "feasibleNonnegative");
  const res = solve(buildLp(sys.A, sys.b, sys.n, "=", "zero"), opts);
  if (res.status === "optimal") {
    const x = res.primal.slice();
    if (x.some((v) => sign(v) < 0) || sys.A.some((row, i) => !rowDot(row, x).equals(sys.b[i]!))) bug("solution x");
    return { feasible: true, x };
  }
  if (res.status !== "infeasible") bug(`status ${res.status}`);
  // model.ts: every feasible x has (yᵀA)x ≥ yᵀb and max_{x≥0} (yᵀA)x < yᵀb, i.e. yᵀA ≤ 0 < yᵀb; negate.
  const y = res.farkas.rows.map((v) => v.neg());
  for (let j = 0; j < sys.n; j++) if (sign(colDot(sys.A, y, j)) < 0) bug("Farkas vector y (yᵀA ≥ 0)");
  if (vecDot(y, sys.b).compare(ZERO) >= 0) bug("Farkas vector y (yᵀb < 0)");
  return { feasible: false, y };
}

/**
 * {Ax ≤ b} (x free): either `{ feasible: true, x }` with Ax ≤ b, or `{ feasible: false, y }` with
 * y ≥ 0, yᵀA = 0 and yᵀb < 0. Both checked exactly here.
 */
export function feasibleInequalities(A: readonly (readonly QInput[])[], b: readonly QInput[], opts: AlternativeOptions = {}): AlternativeResult {
  const sys = readSystem(A, b, opts.columns, "feasibleInequalities");
  const res = solve(buildLp(sys.A, sys.b, sys.n, "<=", null), opts);
  if (res.status === "optimal") {
    const x = res.primal.slice();
    if (sys.A.some((row, i) => rowDot(row, x).compare(sys.b[i]!) > 0)) bug("solution x");
    return { feasible: true, x };
  }
  if (res.status !== "infeasible") bug(`status ${res.status}`);
  // model.ts: y ≤ 0 on ≤ rows; x free forces yᵀA = 0, and then 0 < yᵀb; negate.
  const y = res.farkas.rows.map((v) => v.neg());
  if (y.some((v) => sign(v) < 0)) bug("Farkas vector y (y ≥ 0)");
  for (let j = 0; j < sys.n; j++) if (colDot(sys.A, y, j).n !== 0n) bug("Farkas vector y (yᵀA = 0)");
  if (vecDot(y, sys.b).compare(ZERO) >= 0) bug("Farkas vector y (yᵀb < 0)");
  return { feasible: false, y };
}
