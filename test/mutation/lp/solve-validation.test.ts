// solve's model validation: every malformed field is refused before any solving, with its code,
// the field's path, the offending value and a one-line message naming it. Each model below is
// well-formed except for the one field named in the test.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import type { LpModel } from "../../../src/lp/model.ts";
import { solve } from "../../../src/lp/solve.ts";
import { caught } from "../support.ts";

const ok = (): LpModel => ({
  direction: "min",
  variables: [{ name: "v", lower: q(0), upper: q(5) }, { name: "w", lower: null, upper: null }],
  rows: [{ name: "r", terms: [{ var: 0, coef: q(1) }, { var: 1, coef: q(1) }], sense: ">=", rhs: q(1) }, { name: "s", terms: [{ var: 1, coef: q(1) }], sense: "=", rhs: q(0) }],
  objective: [{ var: 0, coef: q(2) }],
  objectiveConstant: q(0),
});
const err = (m: unknown) => {
  const e = caught(() => solve(m as LpModel, { exactOnly: true }));
  return { code: e.code, message: e.message, path: e.path, value: e.value };
};

describe("solve refuses a malformed model, naming the field", () => {
  it("the well-formed base model solves: min 2v with v + w ≥ 1, w = 0, 0 ≤ v ≤ 5 ⇒ v = 1, value 2", () => {
    const r = solve(ok(), { exactOnly: true });
    expect(r.status === "optimal" && r.value.toFraction()).toBe("2");
  });
  it("direction", () => {
    expect(err({ ...ok(), direction: "maximize" })).toEqual({ code: "invalid-model", message: 'LP direction "maximize" is not "max" or "min"', path: "direction", value: "maximize" });
  });
  it("objective constant not exact", () => {
    expect(err({ ...ok(), objectiveConstant: 0.5 })).toEqual({ code: "invalid-model", message: "objective constant is not an exact rational", path: "objectiveConstant", value: undefined });
  });
  it("a bound that is not exact, lower or upper", () => {
    for (const v of [{ name: "v", lower: 0, upper: null }, { name: "v", lower: null, upper: 3 }]) {
      expect(err({ ...ok(), variables: [v, ok().variables[1]] })).toEqual({ code: "invalid-model", message: 'variable "v": bounds must be exact rationals or null', path: "variables.v", value: undefined });
    }
  });
  it("empty bounds (lower > upper), but equal bounds are fine", () => {
    expect(err({ ...ok(), variables: [{ name: "v", lower: q(3), upper: q("5/2") }, ok().variables[1]] })).toEqual({
      code: "empty-bounds",
      message: 'variable "v": lower bound 3 exceeds upper bound 5/2',
      path: "variables.v",
      value: ["3", "5/2"],
    });
    const fixed = solve({ ...ok(), variables: [{ name: "v", lower: q(3), upper: q(3) }, ok().variables[1]!] }, { exactOnly: true });
    expect(fixed.status === "optimal" && fixed.value.toFraction()).toBe("6");
  });
  it("a term's variable index out of range (negative, too large, not an integer), in the objective or a row", () => {
    for (const bad of [-1, 2, 0.5]) {
      expect(err({ ...ok(), objective: [{ var: bad, coef: q(1) }] })).toEqual({ code: "invalid-model", message: `objective: variable index ${bad} is out of range 0..1`, path: "objective", value: bad });
    }
    const rows = ok().rows.map((r) => ({ ...r }));
    rows[1] = { ...rows[1]!, terms: [{ var: 2, coef: q(1) }] };
    expect(err({ ...ok(), rows })).toEqual({ code: "invalid-model", message: 'row "s": variable index 2 is out of range 0..1', path: 'row "s"', value: 2 });
    // the last valid index is accepted
    expect(solve({ ...ok(), objective: [{ var: 1, coef: q(0) }] }, { exactOnly: true }).status).toBe("optimal");
  });
  it("a coefficient that is not exact", () => {
    expect(err({ ...ok(), objective: [{ var: 1, coef: 2 }] })).toEqual({ code: "invalid-model", message: "objective: coefficient of variable 1 is not an exact rational", path: "objective", value: undefined });
  });
  it("a row sense or right-hand side", () => {
    const withRow = (r: object) => ({ ...ok(), rows: [ok().rows[0], { ...ok().rows[1], ...r }] });
    expect(err(withRow({ sense: "<" }))).toEqual({ code: "invalid-model", message: 'row "s": sense "<" is not one of <=, >=, =', path: "rows.s.sense", value: "<" });
    expect(err(withRow({ rhs: 0 }))).toEqual({ code: "invalid-model", message: 'row "s": right-hand side is not an exact rational', path: "rows.s.rhs", value: undefined });
    // each sense is accepted
    for (const sense of ["<=", ">=", "="]) expect(solve(withRow({ sense }) as LpModel, { exactOnly: true }).status).toBe("optimal");
  });
});
