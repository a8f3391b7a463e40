// The LP JSON reader's refusals by error code (missing vs. wrong type vs. unsupported), with the
// path and the offending value; the writer's exact text (line breaks) and its refusal of an
// objective constant. Each case breaks one field of a well-formed model.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { lpModelFromObject, lpModelToJson, parseLpJson } from "../../../src/lp/jsonModel.ts";
import { LpBuilder } from "../../../src/lp/model.ts";
import { caught } from "../support.ts";

const base = () => ({ optimize: "p", opType: "max", constraints: { c: { max: 4 } }, variables: { x: { p: 1, c: 1 } } }) as Record<string, unknown>;
const err = (m: unknown) => {
  const e = caught(() => lpModelFromObject(m));
  return { code: e.code, path: e.path, message: e.message };
};

describe("lpModelFromObject: codes", () => {
  it("the root", () => {
    expect(err(undefined)).toEqual({ code: "missing-field", path: "model", message: "model: expected an object, found missing" });
    expect(err(null)).toEqual({ code: "wrong-type", path: "model", message: "model: expected an object, found null" });
    expect(err({ ...base(), extra: 1 })).toMatchObject({ code: "unknown-field", message: "extra: unknown field (expected one of optimize, opType, constraints, variables, unrestricted, ints, binaries, name, options, tolerance, timeout)" });
  });
  it("optimize and opType: missing, wrong type, empty, multi-objective", () => {
    const { optimize: _o, ...noOpt } = base();
    expect(err(noOpt)).toMatchObject({ code: "missing-field", path: "optimize" });
    expect(err({ ...base(), optimize: 3 })).toMatchObject({ code: "wrong-type", path: "optimize" });
    expect(err({ ...base(), optimize: "" })).toEqual({ code: "wrong-type", path: "optimize", message: "optimize: the objective attribute name is empty" });
    expect(err({ ...base(), optimize: { a: "max" } })).toMatchObject({ code: "not-supported", path: "optimize" });
    const { opType: _t, ...noOp } = base();
    expect(err(noOp)).toMatchObject({ code: "missing-field", path: "opType" });
    expect(err({ ...base(), opType: "maximize" })).toMatchObject({ code: "wrong-type", path: "opType" });
  });
  it("ints, binaries, name, options", () => {
    expect(err({ ...base(), ints: [] })).toEqual({ code: "wrong-type", path: "ints", message: "ints: expected an object, found an array" });
    expect(err({ ...base(), binaries: { x: 1 } })).toMatchObject({ code: "not-supported", path: "binaries.x" });
    expect(lpModelFromObject({ ...base(), ints: {}, name: "n" }).variables.length).toBe(1);
    expect(err({ ...base(), name: 5 })).toEqual({ code: "wrong-type", path: "name", message: "name: expected a string, found number 5" });
    expect(err({ ...base(), options: "fast" })).toMatchObject({ code: "wrong-type", path: "options" });
  });
  it("constraints: missing, soft, unknown keys, empty, a clash with the objective or between rows", () => {
    const { constraints: _c, ...noCons } = base();
    expect(err(noCons)).toMatchObject({ code: "missing-field", path: "constraints" });
    expect(err({ ...base(), constraints: { c: { max: 4, priority: 1 } } })).toMatchObject({ code: "not-supported", path: "constraints.c.priority" });
    expect(err({ ...base(), constraints: { c: { max: 4, weight: 1 } } })).toMatchObject({ code: "not-supported", path: "constraints.c.weight" });
    expect(err({ ...base(), constraints: { c: { max: 4, most: 1 } } })).toMatchObject({ code: "unknown-field", path: "constraints.c.most" });
    expect(err({ ...base(), constraints: { c: {} } })).toMatchObject({ code: "missing-field", path: "constraints.c" });
    expect(err({ ...base(), constraints: { p: { max: 1 } } })).toMatchObject({ code: "name-clash", path: "constraints.p" });
    expect(err({ ...base(), constraints: { c: { min: 1, max: 2 }, "c.min": { max: 3 } } })).toMatchObject({ code: "name-clash", path: "constraints[\"c.min\"].max" });
  });
  it("a bound that is not a rational names its own key", () => {
    expect(err({ ...base(), constraints: { c: { equal: true } } })).toMatchObject({ code: "not-a-rational", path: "constraints.c.equal" });
    expect(err({ ...base(), constraints: { c: { min: null, max: 3 } } })).toMatchObject({ code: "not-a-rational", path: "constraints.c.min" });
  });
  it("unrestricted flags: true/false/1/0 only", () => {
    expect(lpModelFromObject({ ...base(), unrestricted: { x: true } }).variables[0]!.lower).toBeNull();
    expect(lpModelFromObject({ ...base(), unrestricted: { x: "1" } }).variables[0]!.lower).toBeNull();
    expect(lpModelFromObject({ ...base(), unrestricted: { x: 0 } }).variables[0]!.lower!.toFraction()).toBe("0");
    expect(err({ ...base(), unrestricted: { x: null } })).toEqual({ code: "wrong-type", path: "unrestricted.x", message: "unrestricted.x: null is not a flag (expected 1, 0, true or false)" });
    expect(err({ ...base(), unrestricted: { x: "2" } })).toEqual({ code: "wrong-type", path: "unrestricted.x", message: "unrestricted.x: 2 is not a flag (expected 1, 0, true or false)" });
    const long = "s".repeat(70);
    expect(err({ ...base(), unrestricted: { x: [long] } }).message).toBe("unrestricted.x: an array is not a flag (expected 1, 0, true or false)");
    expect(err({ ...base(), opType: long }).message).toBe(`opType: expected "max" or "min", found the string "${"s".repeat(60)}…"`);
    expect(err({ ...base(), opType: "s".repeat(60) }).message).toBe(`opType: expected "max" or "min", found the string "${"s".repeat(60)}"`);
  });
});

describe("lpModelToJson", () => {
  it("writes one field per line, ending in a newline; refuses an objective constant", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("c", [["x", 1]], ">=", 1).objective([["x", 2]]);
    const text = lpModelToJson(b.build());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n").slice(0, 3)).toEqual(["{", '  "optimize": "objective",', '  "opType": "min",']);
    expect(parseLpJson(text).rows.length).toBe(1);
    const k = new LpBuilder("min");
    k.variable("x");
    k.objective([["x", 1]], q("1/2"));
    const e = caught(() => lpModelToJson(k.build()));
    expect([e.code, e.path, e.value, e.message]).toEqual(["not-expressible", "objective constant", "1/2", "objective constant: 1/2 cannot be written in javascript-lp-solver's format (it has no objective constant)"]);
  });
});
