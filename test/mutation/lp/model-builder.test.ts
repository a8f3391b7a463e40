// LpBuilder (model.ts): the data it builds (default bounds, merged and sorted terms, zero terms
// dropped, the objective and its constant, frozen output) and every refusal with its code, path,
// value and message.
import { describe, expect, it } from "vitest";
import { LpBuilder } from "../../../src/lp/model.ts";
import { caught } from "../support.ts";

const fr = (x: { toFraction(): string } | null) => (x === null ? null : x.toFraction());
const err = (f: () => unknown) => {
  const e = caught(f);
  return { code: e.code, message: e.message, path: e.path, value: e.value };
};

describe("LpBuilder builds", () => {
  it("variables: ≥ 0 by default, null for an infinite side, exact bounds from strings and numbers; indices in order", () => {
    const b = new LpBuilder("max");
    expect(b.variable("a")).toBe(0);
    expect(b.variable("f", { lower: null })).toBe(1);
    expect(b.variable("r", { lower: "-1/2", upper: 3 })).toBe(2);
    expect(b.variable("u", { upper: null })).toBe(3);
    expect(b.variable("e", { lower: 2, upper: "2" })).toBe(4); // equal bounds are a fixed variable
    expect(b.variable("p", { lower: 7 })).toBe(5); // a positive lower bound with no upper bound is not empty
    expect(b.index("r")).toBe(2);
    const m = b.build();
    expect(m.variables.map((v) => [v.name, fr(v.lower), fr(v.upper)])).toEqual([
      ["a", "0", null],
      ["f", null, null],
      ["r", "-1/2", "3"],
      ["u", "0", null],
      ["e", "2", "2"],
      ["p", "7", null],
    ]);
    expect(m.direction).toBe("max");
    expect(m.objective).toEqual([]);
    expect(fr(m.objectiveConstant)).toBe("0");
  });
  it("terms by name or index: repeated variables summed, zero sums dropped, sorted by index", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y");
    b.variable("z");
    b.row("r", [["z", 2], [0, "1/3"], ["x", "2/3"], ["y", 5], [1, -5]], "<=", "7/2");
    b.objective([["y", 1], ["x", -1], [0, 1]], "-3/4");
    const m = b.build();
    const r = m.rows[0]!;
    expect([r.name, r.sense, fr(r.rhs)]).toEqual(["r", "<=", "7/2"]);
    expect(r.terms.map((t) => [t.var, fr(t.coef)])).toEqual([
      [0, "1"],
      [2, "2"],
    ]);
    expect(m.objective.map((t) => [t.var, fr(t.coef)])).toEqual([[1, "1"]]);
    expect(fr(m.objectiveConstant)).toBe("-3/4");
  });
  it("rows keep their order and sense; row() chains", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    expect(b.row("p", [["x", 1]], ">=", 1).row("q", [["x", 1]], "=", 2)).toBe(b);
    expect(b.build().rows.map((r) => `${r.name} ${r.sense} ${fr(r.rhs)}`)).toEqual(["p >= 1", "q = 2"]);
  });
  it("the model is frozen: its arrays and records cannot be changed", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("p", [["x", 1]], ">=", 1).objective([["x", 1]]);
    const m = b.build();
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.variables)).toBe(true);
    expect(Object.isFrozen(m.variables[0])).toBe(true);
    expect(Object.isFrozen(m.rows)).toBe(true);
    expect(Object.isFrozen(m.rows[0])).toBe(true);
    expect(Object.isFrozen(m.rows[0]!.terms)).toBe(true);
    expect(Object.isFrozen(m.rows[0]!.terms[0])).toBe(true);
    expect(Object.isFrozen(m.objective)).toBe(true);
    // a second build is a separate snapshot of the same data
    expect(b.build().variables).not.toBe(m.variables);
    expect(b.build().rows).not.toBe(m.rows);
  });
});

describe("LpBuilder refuses", () => {
  it("a variable or row declared twice", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    expect(err(() => b.variable("x"))).toEqual({ code: "duplicate-name", message: 'variable "x" is declared twice', path: "variables.x", value: "x" });
    b.row("r", [["x", 1]], ">=", 0);
    expect(err(() => b.row("r", [["x", 1]], "<=", 1))).toEqual({ code: "duplicate-name", message: 'row "r" is declared twice', path: "rows.r", value: "r" });
  });
  it("empty bounds", () => {
    expect(err(() => new LpBuilder("min").variable("v", { lower: 3, upper: "5/2" }))).toEqual({
      code: "empty-bounds",
      message: "variable v: lower bound 3 exceeds upper bound 5/2",
      path: "variables.v",
      value: ["3", "5/2"],
    });
  });
  it("a bad sense (and the failed row is not half-added)", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    expect(err(() => b.row("r", [["x", 1]], "<" as never, 1))).toEqual({ code: "bad-sense", message: 'row r: sense "<" is not one of <=, >=, =', path: "rows.r.sense", value: "<" });
    b.row("r", [["x", 1]], "=", 1);
    expect(b.build().rows.length).toBe(1);
  });
  it("an unknown variable name, an index out of range", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    expect(err(() => b.index("nope"))).toEqual({ code: "unknown-variable", message: 'no variable named "nope"', path: "variables", value: "nope" });
    expect(err(() => b.row("r", [["nope", 1]], "=", 1))).toMatchObject({ code: "unknown-variable", value: "nope" });
    for (const bad of [1, -1, 0.5]) {
      expect(err(() => b.row(`r${bad}`, [[bad, 1]], "=", 1))).toEqual({ code: "unknown-variable", message: `row r${bad}: variable index ${bad} is out of range`, path: `row r${bad}`, value: bad });
    }
    expect(err(() => b.objective([[3, 1]]))).toEqual({ code: "unknown-variable", message: "objective: variable index 3 is out of range", path: "objective", value: 3 });
  });
  it("inexact numbers, naming where they are", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    expect(caught(() => b.row("r", [["x", 0.1]], "=", 1)).message).toContain("row r: coefficient of x");
    // a refused row leaves no trace: its name is still free
    expect(caught(() => b.row("r", [["x", 1]], "=", 0.1)).message).toContain("row r: right-hand side");
    expect(caught(() => b.row("r", [["nope", 1]], "=", 1)).code).toBe("unknown-variable");
    b.row("r", [["x", 1]], "=", 1);
    expect(b.build().rows.map((r) => r.name)).toEqual(["r"]);
    const c = new LpBuilder("min");
    c.variable("x");
    expect(caught(() => c.objective([["x", 1]], 0.1)).message).toContain("objective constant");
    expect(caught(() => c.variable("y", { lower: 0.1 })).message).toContain("variable y: lower bound");
    expect(caught(() => c.variable("z", { upper: 0.1 })).message).toContain("variable z: upper bound");
  });
  it("any change after build", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.build();
    const frozen = { code: "model-frozen", message: "the LP model was already built; it is read-only", path: undefined, value: undefined };
    expect(err(() => b.variable("y"))).toEqual(frozen);
    expect(err(() => b.row("r", [], "=", 0))).toEqual(frozen);
    expect(err(() => b.objective([]))).toEqual(frozen);
  });
});
