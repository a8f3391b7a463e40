/**
 * Exact dense linear algebra over Q (rational Gauss–Jordan elimination on fraction.js values).
 *
 * Matrices are `readonly (readonly Q[])[]`, row-major; inputs are never mutated, outputs are fresh
 * arrays. An m×n matrix with m = 0 has no rows and is taken to have 0 columns, unless a function
 * takes the column count explicitly. Shapes are validated: a ragged row or a non-rational entry
 * throws a MechcheckError naming the offending row (`A[2]`) or entry (`A[2][1]`).
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import { ONE, ZERO, type Q } from "./rational.ts";

export type Matrix = readonly (readonly Q[])[];
export type Vector = readonly Q[];

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** Validate that `A` is a rectangular matrix of rationals; returns its shape. */
export function shapeOf(A: Matrix, where = "A"): Shape {
  if (!Array.isArray(A)) throw new MechcheckError("dimension", `${where}: expected an array of rows`, { path: where, value: A });
  const rows = A.length;
  if (rows === 0) return { rows: 0, cols: 0 };
  const first = A[0];
  if (!Array.isArray(first)) throw new MechcheckError("dimension", `${where}[0]: expected a row (an array)`, { path: `${where}[0]`, value: first });
  const cols = first.length;
  for (let i = 0; i < rows; i++) {
    const row = A[i];
    if (!Array.isArray(row)) throw new MechcheckError("dimension", `${where}[${i}]: expected a row (an array)`, { path: `${where}[${i}]`, value: row });
    if (row.length !== cols) {
      throw new MechcheckError("dimension", `${where}[${i}]: row has length ${row.length}, expected ${cols} (the length of ${where}[0])`, { path: `${where}[${i}]`, value: row.length });
    }
    for (let j = 0; j < cols; j++) {
      if (!(row[j] instanceof Fraction)) {
        throw new MechcheckError("bad-entry", `${where}[${i}][${j}]: ${String(row[j])} is not an exact rational`, { path: `${where}[${i}][${j}]`, value: row[j] });
      }
    }
  }
  return { rows, cols };
}

function checkVector(b: Vector, length: number, where: string): void {
  if (!Array.isArray(b)) throw new MechcheckError("dimension", `${where}: expected an array`, { path: where, value: b });
  if (b.length !== length) throw new MechcheckError("dimension", `${where}: has length ${b.length}, expected ${length}`, { path: where, value: b.length });
  for (let i = 0; i < length; i++) {
    if (!(b[i] instanceof Fraction)) throw new MechcheckError("bad-entry", `${where}[${i}]: ${String(b[i])} is not an exact rational`, { path: `${where}[${i}]`, value: b[i] });
  }
}

function checkSquare(A: Matrix, where: string): number {
  const { rows, cols } = shapeOf(A, where);
  if (rows !== cols) throw new MechcheckError("not-square", `${where}: is ${rows}×${cols}, expected a square matrix`, { path: where, value: [rows, cols] });
  return rows;
}

function copy(A: Matrix): Q[][] {
  return A.map((r) => r.slice());
}

export interface RrefResult {
  /** The reduced row echelon form (pivots 1, zeros above and below each pivot). */
  readonly matrix: Q[][];
  /** The pivot column of each nonzero row, increasing; its length is the rank. */
  readonly pivots: number[];
}

/**
 * Reduced row echelon form. `limitCols` (default all) restricts pivot search to the first columns,
 * which is how an augmented matrix [A | B] is reduced on A's columns only.
 */
function rrefInPlace(M: Q[][], cols: number, limitCols = cols): number[] {
  const rows = M.length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < limitCols && r < rows; c++) {
    let p = -1;
    for (let i = r; i < rows; i++) {
      if (M[i]![c]!.n !== 0n) {
        p = i;
        break;
      }
    }
    if (p < 0) continue;
    if (p !== r) [M[p], M[r]] = [M[r]!, M[p]!];
    const pr = M[r]!;
    const inv = ONE.div(pr[c]!);
    for (let j = c; j < cols; j++) pr[j] = pr[j]!.mul(inv);
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const row = M[i]!;
      const f = row[c]!;
      if (f.n === 0n) continue;
      for (let j = c; j < cols; j++) {
        const v = pr[j]!;
        if (v.n !== 0n) row[j] = row[j]!.sub(f.mul(v));
      }
    }
    pivots.push(c);
    r++;
  }
  return pivots;
}

/** Reduced row echelon form of A, with its pivot columns. */
export function rref(A: Matrix): RrefResult {
  const { cols } = shapeOf(A);
  const M = copy(A);
  const pivots = rrefInPlace(M, cols);
  return { matrix: M, pivots };
}

export function rank(A: Matrix): number {
  return rref(A).pivots.length;
}

/**
 * A solution x of A·x = b, or null when the system is inconsistent. For a singular consistent
 * system, the particular solution with every free variable 0.
 */
export function solve(A: Matrix, b: Vector): Q[] | null {
  const { rows, cols } = shapeOf(A);
  checkVector(b, rows, "b");
  const M = A.map((r, i) => [...r, b[i]!]);
  const pivots = rrefInPlace(M, cols + 1, cols);
  for (let i = pivots.length; i < rows; i++) if (M[i]![cols]!.n !== 0n) return null;
  const x: Q[] = new Array<Q>(cols).fill(ZERO);
  pivots.forEach((c, i) => {
    x[c] = M[i]![cols]!;
  });
  return x;
}

/**
 * A basis of {x : A·x = 0}: one vector per non-pivot column f, with x_f = 1 and zeros on the
 * other free columns. `cols` gives the column count when A has no rows.
 */
export function nullSpace(A: Matrix, cols?: number): Q[][] {
  const shape = shapeOf(A);
  const n = shape.rows === 0 ? (cols ?? 0) : shape.cols;
  if (cols !== undefined && cols !== n) throw new MechcheckError("dimension", `A: has ${n} columns, expected ${cols}`, { path: "A", value: n });
  const { matrix: R, pivots } = rref(A);
  const isPivot = new Set(pivots);
  const basis: Q[][] = [];
  for (let f = 0; f < n; f++) {
    if (isPivot.has(f)) continue;
    const v: Q[] = new Array<Q>(n).fill(ZERO);
    v[f] = ONE;
    pivots.forEach((c, i) => {
      v[c] = R[i]![f]!.neg();
    });
    basis.push(v);
  }
  return basis;
}

/** The inverse of a square matrix; throws MechcheckError "singular" when there is none. */
export function inverse(A: Matrix): Q[][] {
  const n = checkSquare(A, "A");
  const M = A.map((r, i) => {
    const row = r.slice();
    for (let j = 0; j < n; j++) row.push(i === j ? ONE : ZERO);
    return row;
  });
  const pivots = rrefInPlace(M, 2 * n, n);
  if (pivots.length < n) {
    throw new MechcheckError("singular", `A: the ${n}×${n} matrix is singular (rank ${pivots.length}); it has no inverse`, { path: "A", value: pivots.length });
  }
  return M.map((r) => r.slice(n));
}

/**
 * X with A·X = B, for a square nonsingular A (B has A's row count and any number of columns);
 * throws MechcheckError "singular" when A is singular, naming `where`.
 */
export function solveNonsingular(A: Matrix, B: Matrix, where = "A"): Q[][] {
  const n = checkSquare(A, where);
  const k = n === 0 ? 0 : shapeOf(B, "B").cols;
  if (B.length !== n) throw new MechcheckError("dimension", `B: has ${B.length} rows, expected ${n}`, { path: "B", value: B.length });
  const M = A.map((r, i) => [...r, ...B[i]!]);
  const pivots = rrefInPlace(M, n + k, n);
  if (pivots.length < n) {
    throw new MechcheckError("singular", `${where}: the ${n}×${n} matrix is singular (rank ${pivots.length})`, { path: where, value: pivots.length });
  }
  return M.map((r) => r.slice(n));
}

/** The determinant of a square matrix (Gaussian elimination; exact). det of the 0×0 matrix is 1. */
export function determinant(A: Matrix): Q {
  const n = checkSquare(A, "A");
  const M = copy(A);
  let det = ONE;
  for (let c = 0; c < n; c++) {
    let p = -1;
    for (let i = c; i < n; i++) {
      if (M[i]![c]!.n !== 0n) {
        p = i;
        break;
      }
    }
    if (p < 0) return ZERO;
    if (p !== c) {
      [M[p], M[c]] = [M[c]!, M[p]!];
      det = det.neg();
    }
    const pr = M[c]!;
    const piv = pr[c]!;
    det = det.mul(piv);
    for (let i = c + 1; i < n; i++) {
      const row = M[i]!;
      if (row[c]!.n === 0n) continue;
      const f = row[c]!.div(piv);
      for (let j = c; j < n; j++) row[j] = row[j]!.sub(f.mul(pr[j]!));
    }
  }
  return det;
}

/* Small helpers, exact, with shape checks. */

export function transpose(A: Matrix, cols?: number): Q[][] {
  const shape = shapeOf(A);
  const n = shape.rows === 0 ? (cols ?? 0) : shape.cols;
  const T: Q[][] = [];
  for (let j = 0; j < n; j++) T.push(A.map((r) => r[j]!));
  return T;
}

export function matMul(A: Matrix, B: Matrix): Q[][] {
  const a = shapeOf(A, "A");
  const b = shapeOf(B, "B");
  if (a.cols !== b.rows) throw new MechcheckError("dimension", `A·B: A is ${a.rows}×${a.cols} but B is ${b.rows}×${b.cols}`, { path: "B", value: [b.rows, b.cols] });
  const out: Q[][] = [];
  for (let i = 0; i < a.rows; i++) {
    const row: Q[] = [];
    for (let j = 0; j < b.cols; j++) {
      let s = ZERO;
      for (let k = 0; k < a.cols; k++) s = s.add(A[i]![k]!.mul(B[k]![j]!));
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

export function matVec(A: Matrix, x: Vector): Q[] {
  const { rows, cols } = shapeOf(A);
  if (rows === 0) return [];
  checkVector(x, cols, "x");
  return A.map((r) => {
    let s = ZERO;
    for (let k = 0; k < cols; k++) s = s.add(r[k]!.mul(x[k]!));
    return s;
  });
}

export function identity(n: number): Q[][] {
  const I: Q[][] = [];
  for (let i = 0; i < n; i++) {
    const row: Q[] = [];
    for (let j = 0; j < n; j++) row.push(i === j ? ONE : ZERO);
    I.push(row);
  }
  return I;
}
