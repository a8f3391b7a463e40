// The sparse LU (src/exact/sparseLu.ts) on matrices small enough to follow by hand: which pivot the
// Markowitz search takes (seen in the stats: singleton pivots, fill in L and U), where a singular
// matrix is detected (column or row, and its index), the input guards, repeated row indices,
// cancellation, and the fraction.js entry points.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { rat, ratToQ, type Rat } from "../../../src/exact/fastRational.ts";
import { Q_FIELD, RAT_FIELD } from "../../../src/exact/field.ts";
import { primeField } from "../../../src/exact/modular.ts";
import { factorSparse, SparseLu } from "../../../src/exact/sparseLu.ts";
import { caught } from "../support.ts";

const R = (n: number, d = 1) => rat(BigInt(n), BigInt(d));
const col = (rows: number[], vals: number[]) => ({ rows, vals: vals.map((v) => R(v)) });
const txt = (xs: readonly Rat[]) => xs.map((x) => ratToQ(x).toFraction());

describe("factor: guards and singular matrices", () => {
  it("not square: MechcheckError singular naming both counts", () => {
    const e = caught(() => SparseLu.factor(2, [col([0], [1])]));
    expect([e.code, e.message, e.value]).toEqual(["singular", "basis matrix is not square: 1 columns for 2 rows", [1, 2]]);
  });
  it("an empty column is found at once: column 1", () => {
    expect(SparseLu.factorOver(RAT_FIELD, 2, [col([0], [1]), col([], [])])).toEqual({ singular: "column", index: 1 });
    const e = caught(() => SparseLu.factor(2, [col([0], [1]), col([], [])]));
    expect([e.code, e.message, e.value]).toEqual(["singular", "basis matrix is singular (column 1 has no remaining nonzero)", 1]);
  });
  it("an empty row (both columns in row 0): row 1", () => {
    expect(SparseLu.factorOver(RAT_FIELD, 2, [col([0], [1]), col([0], [2])])).toEqual({ singular: "row", index: 1 });
  });
  it("[[1, 2], [2, 4]]: the pivot 2 at (0, 1) cancels row 1 entirely, leaving column 0 empty", () => {
    // pivot search: every count is 2; column 1 is examined first (buckets are read from the end),
    // its first row 0 has cost (2−1)(2−1) = 1 ≤ (2−1)², so (0, 1) is taken; l = 4/2 = 2 and
    // row 1's entry in column 0 becomes 2 − 2·1 = 0.
    expect(SparseLu.factorOver(RAT_FIELD, 2, [col([0, 1], [1, 2]), col([0, 1], [2, 4])])).toEqual({ singular: "column", index: 0 });
    const e = caught(() => SparseLu.factor(2, [col([0, 1], [1, 2]), col([0, 1], [2, 4])]));
    expect(e.message).toBe("basis matrix is singular (column 0 has no remaining nonzero)");
  });
  it("row indices out of range (too large, negative, not an integer) are refused", () => {
    for (const [i, shown] of [[2, "2"], [-1, "-1"], [0.5, "0.5"]] as const) {
      const e = caught(() => SparseLu.factorOver(RAT_FIELD, 2, [col([0], [1]), col([1, i], [1, 1])]));
      expect([e.code, e.message, e.value]).toEqual(["bad-matrix", `column 1: row index ${shown} out of range 0..1`, i]);
    }
  });
  it("repeated row indices are summed; a sum that cancels leaves no entry; explicit zeros are ignored", () => {
    // column 0: 1 + 2 = 3 in row 0; column 1: 5 − 5 = 0 in row 0 plus 0 in row 1 → empty → singular
    expect(SparseLu.factorOver(RAT_FIELD, 2, [col([0, 0], [1, 2]), col([0, 0, 1], [5, -5, 0])])).toEqual({ singular: "column", index: 1 });
    // a cancelled entry does not count in its row either: rows 0 and 1 each hold one entry
    const lu = SparseLu.factor(2, [col([0, 0, 1], [1, 2, 0]), col([1, 0, 0], [4, 7, -7])]);
    expect(lu.stats).toEqual({ m: 2, nnzB: 2, nnzL: 0, nnzU: 0, singletonColumnPivots: 2 });
    expect(txt(lu.solve([R(6), R(2)]))).toEqual(["2", "1/2"]);
    // cancelling then re-adding in the same column keeps the entry: 3 − 3 + 4 = 4
    const lu2 = SparseLu.factor(1, [col([0, 0, 0], [3, -3, 4])]);
    expect(txt(lu2.solve([R(2)]))).toEqual(["1/2"]);
  });
});

describe("factor: pivots and fill, by hand", () => {
  it("[[2, 1], [0, 3]]: two singleton-column pivots, one entry in U, none in L", () => {
    // k = 0: column 0 is the only column of count 1 → pivot (0, 0), cost 0; U gets row 0's entry
    // in column 1, which then has count 1 → pivot (1, 1).
    const lu = SparseLu.factor(2, [col([0], [2]), col([0, 1], [1, 3])]);
    expect(lu.stats).toEqual({ m: 2, nnzB: 3, nnzL: 0, nnzU: 1, singletonColumnPivots: 2 });
    // x = (3/2, 2) for r = (5, 6); Bᵀ y = (2, 0): y = (1, −1/3)
    expect(txt(lu.solve([R(5), R(6)]))).toEqual(["3/2", "2"]);
    expect(txt(lu.solveTranspose([R(2), R(0)]))).toEqual(["1", "-1/3"]);
  });
  it("[[1, 1], [1, 2]]: a dense pivot first (one entry in L and one in U), then a singleton", () => {
    // k = 0: pivot (0, 1) (see above); l = 2, row 1 column 0 becomes 1 − 2·1 = −1; column 0 then
    // holds row 1 only → a singleton pivot.
    const lu = SparseLu.factor(2, [col([0, 1], [1, 1]), col([0, 1], [1, 2])]);
    expect(lu.stats).toEqual({ m: 2, nnzB: 4, nnzL: 1, nnzU: 1, singletonColumnPivots: 1 });
    // B x = (3, 5): x = (1, 2);  Bᵀ y = (3, 4) with Bᵀ = [[1, 1], [1, 2]]: y = (2, 1)
    expect(txt(lu.solve([R(3), R(5)]))).toEqual(["1", "2"]);
    expect(txt(lu.solveTranspose([R(3), R(4)]))).toEqual(["2", "1"]);
  });
  it("a row singleton with no column singleton: the row buckets give the first pivot", () => {
    // B = [[1, 0, 0], [1, 1, 1], [0, 1, 2]]: column counts 2, 2, 2; row counts 1, 3, 2.
    // k = 0: no column of count ≤ 1; row 0 (count 1) → pivot (0, 0), cost 0 ≤ 1·0; no U entry, L gets row 1.
    // k = 1: columns 1, 2 have count 2; column 2 first, row 1 costs (2−1)(2−1) = 1 ≤ 1 → pivot (1, 2) = 1;
    //   U gets (row 1, column 1); row 2 − 2·row 1 leaves −1 in column 1; L gets row 2.
    // k = 2: column 1 holds row 2 only → singleton pivot (2, 1) = −1.
    const lu = SparseLu.factor(3, [col([0, 1], [1, 1]), col([1, 2], [1, 1]), col([1, 2], [1, 2])]);
    expect(lu.stats).toEqual({ m: 3, nnzB: 6, nnzL: 2, nnzU: 1, singletonColumnPivots: 1 });
    // x = (1, 2, 3): B x = (1, 6, 8);  y = (1, 1, 1): Bᵀ y = (2, 2, 3)
    expect(txt(lu.solve([R(1), R(6), R(8)]))).toEqual(["1", "2", "3"]);
    expect(txt(lu.solveTranspose([R(2), R(2), R(3)]))).toEqual(["1", "1", "1"]);
  });
  it("a column permutation of the identity: every pivot a singleton, no arithmetic", () => {
    const lu = SparseLu.factor(3, [col([2], [1]), col([0], [1]), col([1], [1])]);
    expect(lu.stats).toEqual({ m: 3, nnzB: 3, nnzL: 0, nnzU: 0, singletonColumnPivots: 3 });
    expect(txt(lu.solve([R(7), R(8), R(9)]))).toEqual(["9", "7", "8"]);
    expect(txt(lu.solveTranspose([R(7), R(8), R(9)]))).toEqual(["8", "9", "7"]);
  });
  it("a lower-triangular 3×3 solved both ways (forward and backward substitution through L)", () => {
    // B = [[1, 0, 0], [2, 1, 0], [3, 4, 1]] (columns: (1, 2, 3), (0, 1, 4), (0, 0, 1))
    const lu = SparseLu.factor(3, [col([0, 1, 2], [1, 2, 3]), col([1, 2], [1, 4]), col([2], [1])]);
    // B x = (1, 4, 14): x0 = 1, x1 = 4 − 2 = 2, x2 = 14 − 3 − 8 = 3
    expect(txt(lu.solve([R(1), R(4), R(14)]))).toEqual(["1", "2", "3"]);
    // Bᵀ y = (14, 6, 1): y2 = 1, y1 = 6 − 4 = 2, y0 = 14 − 4 − 3 = 7
    expect(txt(lu.solveTranspose([R(14), R(6), R(1)]))).toEqual(["7", "2", "1"]);
    // zero right-hand sides give zeros
    expect(txt(lu.solve([R(0), R(0), R(0)]))).toEqual(["0", "0", "0"]);
    expect(txt(lu.solveTranspose([R(0), R(0), R(0)]))).toEqual(["0", "0", "0"]);
  });
  it("a dense 3×3 that needs fill-in: [[2, 1, 1], [4, 3, 3], [8, 7, 9]]", () => {
    const lu = SparseLu.factor(3, [col([0, 1, 2], [2, 4, 8]), col([0, 1, 2], [1, 3, 7]), col([0, 1, 2], [1, 3, 9])]);
    // x = (1, 1, 1) gives r = (4, 10, 24); Bᵀ y = c with y = (1, −1, 1): c = (2 − 4 + 8, 1 − 3 + 7, 1 − 3 + 9) = (6, 5, 7)
    expect(txt(lu.solve([R(4), R(10), R(24)]))).toEqual(["1", "1", "1"]);
    expect(txt(lu.solveTranspose([R(6), R(5), R(7)]))).toEqual(["1", "-1", "1"]);
    // k = 0: every count is 3; column 2 is examined first, row 0 costs (3−1)(3−1) = 4 ≤ (3−1)²:
    //   pivot (0, 2) = 1, U gets columns 0 and 1 of row 0; row 1 − 3·row 0 = (−2, 0, ·) (column 1
    //   cancels), row 2 − 9·row 0 = (−10, −2, ·): L gets rows 1 and 2.
    // k = 1: column 1 holds row 2 only → singleton pivot (2, 1) = −2; U gets (row 2, column 0).
    // k = 2: column 0 holds row 1 only → singleton pivot (1, 0).
    expect(lu.stats).toEqual({ m: 3, nnzB: 9, nnzL: 2, nnzU: 3, singletonColumnPivots: 2 });
  });
});

describe("solve guards and the other fields", () => {
  it("a right-hand side of the wrong length is refused (both directions); the input is not modified", () => {
    const lu = SparseLu.factor(2, [col([0], [2]), col([0, 1], [1, 3])]);
    const e = caught(() => lu.solve([R(1)]));
    expect([e.code, e.message, e.value]).toEqual(["dimension", "right-hand side has length 1, expected 2", 1]);
    const e2 = caught(() => lu.solveTranspose([R(1), R(2), R(3)]));
    expect([e2.code, e2.message, e2.value]).toEqual(["dimension", "right-hand side has length 3, expected 2", 3]);
    const r = [R(5), R(6)];
    lu.solve(r);
    lu.solveTranspose(r);
    expect(txt(r)).toEqual(["5", "6"]);
  });
  it("fraction.js entry points: factorSparse, solveQ, solveTransposeQ", () => {
    const lu = factorSparse(2, [{ rows: [0], vals: [q(2)] }, { rows: [0, 1], vals: [q(1), q(3)] }]);
    expect(lu.solveQ([q(5), q(6)]).map((x) => x.toFraction())).toEqual(["3/2", "2"]);
    expect(lu.solveTransposeQ([q(2), q(0)]).map((x) => x.toFraction())).toEqual(["1", "-1/3"]);
    expect(() => factorSparse(2, [{ rows: [0], vals: [q(2)] }, { rows: [0], vals: [q(1)] }])).toThrow(expect.objectContaining({ code: "singular" }));
  });
  it("over fraction.js values (Q_FIELD) and mod 7 the same hand example", () => {
    const luq = SparseLu.factorOver(Q_FIELD, 2, [{ rows: [0], vals: [q(2)] }, { rows: [0, 1], vals: [q(1), q(3)] }]);
    if (!(luq instanceof SparseLu)) throw new Error("expected a factorization");
    expect(luq.solve([q(5), q(6)]).map((x) => x.toFraction())).toEqual(["3/2", "2"]);
    // mod 7: 3/2 ≡ 3·4 = 12 ≡ 5; −1/3 ≡ −5 ≡ 2 (3·5 = 15 ≡ 1)
    const lu7 = SparseLu.factorOver(primeField(7), 2, [{ rows: [0], vals: [2] }, { rows: [0, 1], vals: [1, 3] }]);
    if (!(lu7 instanceof SparseLu)) throw new Error("expected a factorization");
    expect(lu7.solve([5, 6])).toEqual([5, 2]);
    expect(lu7.solveTranspose([2, 0])).toEqual([1, 2]);
    expect(lu7.field).toBeDefined();
    expect(lu7.m).toBe(2);
  });
});
