// The theorems of the alternative (alternatives.ts): input refusals with code, path, value and the
// exact message; the witnesses on hand-solved systems (including the no-row and zero-entry edges).
import { describe, expect, it } from "vitest";
import { feasibleInequalities, feasibleNonnegative } from "../../../src/lp/alternatives.ts";
import { caught } from "../support.ts";

const err = (f: () => unknown) => {
  const e = caught(f);
  return { code: e.code, message: e.message, path: e.path, value: e.value };
};
const fr = (xs: readonly { toFraction(): string }[]) => xs.map((x) => x.toFraction());

describe("readSystem refuses, naming the field", () => {
  it("A or b not an array", () => {
    expect(err(() => feasibleNonnegative("A" as never, []))).toEqual({ code: "bad-matrix", message: "feasibleNonnegative: A must be an array of rows", path: "A", value: "A" });
    expect(err(() => feasibleInequalities([], 3 as never))).toEqual({ code: "bad-matrix", message: "feasibleInequalities: b must be an array", path: "b", value: 3 });
  });
  it("b's length is not A's number of rows", () => {
    expect(err(() => feasibleNonnegative([[1]], [1, 2]))).toEqual({ code: "dimension", message: "feasibleNonnegative: A has 1 rows but b has length 2", path: "b", value: 2 });
  });
  it("columns disagreeing with A's width; a ragged or non-array row", () => {
    expect(err(() => feasibleNonnegative([[1, 2]], [1], { columns: 3 }))).toEqual({ code: "dimension", message: "feasibleNonnegative: A has 2 columns, but columns = 3", path: "columns", value: 3 });
    expect(err(() => feasibleInequalities([[1, 2], [3]], [1, 2]))).toEqual({ code: "dimension", message: "feasibleInequalities: row 1 of A has length 1, expected 2", path: "A[1]", value: 1 });
    expect(err(() => feasibleInequalities([[1, 2], 7 as never], [1, 2]))).toEqual({ code: "dimension", message: "feasibleInequalities: row 1 of A has length ?, expected 2", path: "A[1]", value: 7 });
  });
  it("an inexact entry names its place", () => {
    expect(caught(() => feasibleNonnegative([[1, 0.5]], [1])).message).toContain("feasibleNonnegative: A[0][1]");
    expect(caught(() => feasibleInequalities([[1]], [0.5])).message).toContain("feasibleInequalities: b[0]");
  });
});

describe("witnesses on hand-solved systems", () => {
  it("no rows: x = 0 of the given width (columns), or of width 0", () => {
    const r = feasibleNonnegative([], [], { columns: 3 });
    expect(r.feasible && fr(r.x)).toEqual(["0", "0", "0"]);
    const r0 = feasibleInequalities([], []);
    expect(r0.feasible && r0.x).toEqual([]);
    // columns agreeing with A is fine
    expect(feasibleNonnegative([[1, 1]], [2], { columns: 2 }).feasible).toBe(true);
  });
  it("Ax = b, x ≥ 0 with a zero entry: x1 = 2, 0·x1 + x2 = 3 — the unique solution (2, 3)", () => {
    const r = feasibleNonnegative([[1, 0], [0, 1]], [2, 3]);
    expect(r.feasible && fr(r.x)).toEqual(["2", "3"]);
  });
  it("Farkas: x1 − x2 = 1 and x2 − x1 = 1 add up to 0 = 2; y weighs both rows equally and negatively (yᵀA = 0, yᵀb < 0)", () => {
    const r = feasibleNonnegative([[1, -1], [-1, 1]], [1, 1]);
    expect(r.feasible).toBe(false);
    if (r.feasible) return;
    // yᵀA ≥ 0 and yᵀb < 0 for the returned y: both rows get the same negative weight
    expect(r.y[0]!.equals(r.y[1]!)).toBe(true);
    expect(r.y[0]!.s).toBe(-1n);
  });
  it("Gale: x ≤ 1 and −x ≤ −2 conflict; y ≥ 0, yᵀA = 0 forces y1 = y2, yᵀb = −y1 < 0", () => {
    const r = feasibleInequalities([[1], [-1]], [1, -2]);
    expect(r.feasible).toBe(false);
    if (r.feasible) return;
    expect(r.y[0]!.equals(r.y[1]!)).toBe(true);
    expect(r.y[0]!.s).toBe(1n);
  });
  it("Ax ≤ b with free x: x ≤ −1 has the solution x = −1 or below (x is free, not ≥ 0)", () => {
    const r = feasibleInequalities([[1]], [-1]);
    expect(r.feasible && r.x[0]!.compare(-1) <= 0).toBe(true);
  });
});
