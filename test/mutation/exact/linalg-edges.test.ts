// Edges of src/exact/linalg.ts found by mutation testing: every shape/entry error carries its code,
// the offending field's path and value; empty matrices with an explicit column count. Expected
// values by hand.
import { describe, expect, it } from "vitest";
import { determinant, inverse, matMul, matVec, nullSpace, rank, shapeOf, solve, transpose } from "../../../src/exact/linalg.ts";
import { q, type Q } from "../../../src/exact/rational.ts";
import { caught } from "../support.ts";

const M = (rows: (number | string)[][]): Q[][] => rows.map((r) => r.map((x) => q(x)));
const V = (xs: (number | string)[]): Q[] => xs.map((x) => q(x));
const S = (A: readonly (readonly Q[])[]) => A.map((r) => r.map((x) => x.toFraction()));

describe("shapeOf: what is not a matrix", () => {
  it("not an array", () => {
    const e = caught(() => shapeOf(undefined as never, "G"));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "G", undefined, "G: expected an array of rows"]);
    const e2 = caught(() => shapeOf("ab" as never));
    expect([e2.code, e2.path, e2.value]).toEqual(["dimension", "A", "ab"]);
  });
  it("a first row that is not an array", () => {
    const e = caught(() => shapeOf([5] as never, "G"));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "G[0]", 5, "G[0]: expected a row (an array)"]);
  });
  it("a later row that is not an array", () => {
    const e = caught(() => shapeOf([V([1]), "x"] as never, "G"));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "G[1]", "x", "G[1]: expected a row (an array)"]);
  });
  it("a ragged row", () => {
    const e = caught(() => shapeOf([V([1, 2]), V([3])], "G"));
    expect([e.code, e.path, e.value]).toEqual(["dimension", "G[1]", 1]);
  });
  it("an entry that is a float, not a rational", () => {
    const e = caught(() => shapeOf([V([1, 2]), [q(3), 0.5]] as never, "G"));
    expect([e.code, e.path, e.value, e.message]).toEqual(["bad-entry", "G[1][1]", 0.5, "G[1][1]: 0.5 is not an exact rational"]);
  });
});

describe("vectors: b of solve, x of matVec", () => {
  const A = M([[1, 0], [0, 1]]);
  it("not an array", () => {
    const e = caught(() => solve(A, undefined as never));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "b", undefined, "b: expected an array"]);
  });
  it("wrong length", () => {
    const e = caught(() => solve(A, V([1])));
    expect([e.code, e.path, e.value]).toEqual(["dimension", "b", 1]);
    expect(e.message).toBe("b: has length 1, expected 2");
  });
  it("an entry that is not a rational, at any position", () => {
    for (const [b, i] of [[[1, q(2)], 0], [[q(1), 2], 1]] as const) {
      const e = caught(() => solve(A, b as never));
      expect([e.code, e.path, e.value]).toEqual(["bad-entry", `b[${i}]`, b[i]]);
      expect(e.message).toBe(`b[${i}]: ${String(b[i])} is not an exact rational`);
    }
    const e = caught(() => matVec(A, [q(1), "2"] as never));
    expect([e.code, e.path]).toEqual(["bad-entry", "x[1]"]);
  });
});

describe("square matrices", () => {
  it("not square: code, path, shape", () => {
    for (const f of [inverse, determinant]) {
      const e = caught(() => f(M([[1, 2, 3], [4, 5, 6]])));
      expect([e.code, e.path, e.value]).toEqual(["not-square", "A", [2, 3]]);
      expect(e.message).toBe("A: is 2×3, expected a square matrix");
    }
  });
  it("a ragged argument to inverse is named A[i]", () => {
    const e = caught(() => inverse([V([1, 2]), V([3])]));
    expect(e.path).toBe("A[1]");
  });
  it("singular: rank in the error", () => {
    // [[1,2],[2,4]]: second row = 2·first, rank 1
    const e = caught(() => inverse(M([[1, 2], [2, 4]])));
    expect([e.code, e.path, e.value]).toEqual(["singular", "A", 1]);
    expect(e.message).toBe("A: the 2×2 matrix is singular (rank 1); it has no inverse");
  });
  it("a pivot found below needs a row swap: det [[0,1],[1,0]] = −1, inverse is itself", () => {
    expect(determinant(M([[0, 1], [1, 0]])).toFraction()).toBe("-1");
    expect(S(inverse(M([[0, 1], [1, 0]])))).toEqual([["0", "1"], ["1", "0"]]);
  });
  it("rank with more columns than rows, and rows beyond the rank", () => {
    expect(rank(M([[1, 2, 3]]))).toBe(1);
    expect(rank(M([[1, 2], [2, 4], [3, 6]]))).toBe(1);
    expect(rank(M([[0, 0], [0, 0]]))).toBe(0);
  });
});

describe("matrices with no rows", () => {
  it("transpose of a 0×3 matrix is 3×0", () => {
    expect(transpose([], 3)).toEqual([[], [], []]);
    expect(transpose([])).toEqual([]);
  });
  it("nullSpace of a 0×2 matrix is the standard basis of Q²", () => {
    expect(S(nullSpace([], 2))).toEqual([["1", "0"], ["0", "1"]]);
  });
  it("nullSpace refuses a column count that disagrees with A", () => {
    const e = caught(() => nullSpace(M([[1, 2, 3]]), 2));
    expect([e.code, e.path, e.value]).toEqual(["dimension", "A", 3]);
    expect(e.message).toBe("A: has 3 columns, expected 2");
    expect(S(nullSpace(M([[1, 1]]), 2))).toEqual([["-1", "1"]]);
  });
  it("matVec of a 0×n matrix is the empty vector, whatever x", () => {
    expect(matVec([], [])).toEqual([]);
    expect(matVec([], V([1, 2]))).toEqual([]);
  });
});

describe("matMul shapes", () => {
  it("inner dimensions must agree", () => {
    const e = caught(() => matMul(M([[1, 2]]), M([[1, 2]])));
    expect([e.code, e.path, e.value]).toEqual(["dimension", "B", [1, 2]]);
    expect(e.message).toBe("A·B: A is 1×2 but B is 1×2");
  });
  it("each argument is named in its own shape error", () => {
    expect(caught(() => matMul([V([1]), V([1, 2])], M([[1]]))).path).toBe("A[1]");
    expect(caught(() => matMul(M([[1]]), [V([1]), V([1, 2])])).path).toBe("B[1]");
  });
  it("(1×2)·(2×1): [1 2]·[3;4] = 11", () => {
    expect(S(matMul(M([[1, 2]]), M([[3], [4]])))).toEqual([["11"]]);
  });
});
