// solveNonsingular (src/exact/linalg.ts): A·X = B by hand on 2×2 systems, with the exact errors
// for a right-hand side of the wrong shape and a singular A (default name "A").
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../../src/exact/rational.ts";
import { solveNonsingular } from "../../../src/exact/linalg.ts";
import { caught } from "../support.ts";

const M = (rows: (number | string)[][]): Q[][] => rows.map((r) => r.map((x) => q(x)));
const S = (X: Q[][]) => X.map((r) => r.map((x) => x.toFraction()));

describe("solveNonsingular", () => {
  it("[[2, 1], [1, 1]] X = [[3, 1], [2, 0]]: X = [[1, 1], [1, −1]] (two right-hand sides at once)", () => {
    expect(S(solveNonsingular(M([[2, 1], [1, 1]]), M([[3, 1], [2, 0]])))).toEqual([["1", "1"], ["1", "-1"]]);
    // a right-hand side with no columns, and the 0×0 system
    expect(S(solveNonsingular(M([[2, 1], [1, 1]]), [[], []]))).toEqual([[], []]);
    expect(solveNonsingular([], [])).toEqual([]);
  });
  it("a singular A: its name (default 'A'), size and rank", () => {
    const e = caught(() => solveNonsingular(M([[1, 2], [2, 4]]), M([[1], [2]])));
    expect([e.code, e.path, e.value, e.message]).toEqual(["singular", "A", 1, "A: the 2×2 matrix is singular (rank 1)"]);
    expect(caught(() => solveNonsingular(M([[0, 0], [0, 0]]), M([[1], [2]]), "S")).message).toBe("S: the 2×2 matrix is singular (rank 0)");
    expect(caught(() => solveNonsingular(M([[1, 2, 3]]), M([[1]]))).path).toBe("A");
  });
  it("B with the wrong number of rows, or ragged", () => {
    const e = caught(() => solveNonsingular(M([[2, 1], [1, 1]]), M([[3]])));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "B", 1, "B: has 1 rows, expected 2"]);
    const r = caught(() => solveNonsingular(M([[2, 1], [1, 1]]), [[q(1)], [q(1), q(2)]]));
    expect([r.code, r.path]).toEqual(["dimension", "B[1]"]);
  });
});
