// The judge's answers to malformed certificates (what is missing, of the wrong length, inexact; an
// unknown status), assertVerified's error (every problem on its own line, the problems as value),
// and a ray that leaves the objective unchanged in a max problem.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { LpBuilder, type LpModel, type LpResult } from "../../../src/lp/model.ts";
import { assertVerified, verify } from "../../../src/lp/verify.ts";
import { caught } from "../support.ts";

/** max x s.t. r: x ≤ 2, x ≥ 0 — optimum x = 2, y = 1, d = 0. */
function model(direction: "max" | "min" = "max"): LpModel {
  const b = new LpBuilder(direction);
  b.variable("x");
  b.row("r", [["x", 1]], "<=", 2).objective([["x", 1]]);
  return b.build();
}
const good = { status: "optimal", value: q(2), primal: [q(2)], dual: { rows: [q(1)], reducedCosts: [q(0)] } } as const;
const problems = (m: LpModel, r: unknown) => {
  const rep = verify(m, r as LpResult);
  return rep.ok ? [] : rep.problems;
};

describe("verify: malformed certificates", () => {
  it("the optimal certificate passes", () => {
    expect(verify(model(), good)).toEqual({ ok: true });
  });
  it("a missing vector, named", () => {
    expect(problems(model(), { ...good, primal: undefined })).toEqual([{ code: "missing-vector", message: "primal is missing" }]);
    expect(problems(model(), { ...good, dual: undefined })).toEqual([
      { code: "missing-vector", message: "dual.rows is missing" },
      { code: "missing-vector", message: "dual.reducedCosts is missing" },
    ]);
    expect(problems(model(), { status: "infeasible", farkas: {} })).toEqual([{ code: "missing-vector", message: "farkas.rows is missing" }]);
    expect(problems(model(), { status: "unbounded", point: [q(0)] })).toEqual([{ code: "missing-vector", message: "ray is missing" }]);
  });
  it("a vector of the wrong length", () => {
    expect(problems(model(), { ...good, dual: { rows: [], reducedCosts: [q(0)] } })).toEqual([{ code: "length-mismatch", message: "dual.rows has length 0, expected 1" }]);
    expect(problems(model(), { status: "unbounded", point: [q(0), q(1)], ray: [q(1)] })).toEqual([{ code: "length-mismatch", message: "point has length 2, expected 1" }]);
  });
  it("an entry or the value that is not an exact rational", () => {
    expect(problems(model(), { ...good, dual: { rows: [q(1)], reducedCosts: [0] } })).toEqual([{ code: "not-exact", message: "dual.reducedCosts[0] is not an exact rational" }]);
    expect(problems(model(), { ...good, value: 2 })).toEqual([{ code: "not-exact", message: "value is not an exact rational" }]);
  });
  it("an unknown status", () => {
    expect(problems(model(), { status: "feasible" })).toEqual([{ code: "unknown-status", message: 'unknown status "feasible"' }]);
  });
});

describe("verify: a ray must strictly improve", () => {
  // max x s.t. r: x ≤ 2: the ray (0) changes nothing (c·r = 0)
  it("max: c·r = 0 is not an improvement; min: neither", () => {
    expect(problems(model(), { status: "unbounded", point: [q(0)], ray: [q(0)] })).toEqual([{ code: "ray-not-improving", message: "ray: c·r = 0 does not strictly increase the objective" }]);
    expect(problems(model("min"), { status: "unbounded", point: [q(0)], ray: [q(0)] })).toEqual([{ code: "ray-not-improving", message: "ray: c·r = 0 does not strictly decrease the objective" }]);
  });
});

describe("assertVerified", () => {
  it("passes a good certificate silently", () => {
    expect(() => assertVerified(model(), good)).not.toThrow();
  });
  it("certificate-rejected: one line per problem, the problems as the error's value", () => {
    const bad = { ...good, value: q(3), primal: [q(3)] };
    const e = caught(() => assertVerified(model(), bad));
    expect(e.code).toBe("certificate-rejected");
    const expected = [
      { code: "primal-row-violated", message: 'primal: row "r" has activity 3 > 2 (violated by 1)' },
    ];
    expect(problems(model(), bad)).toEqual(expected);
    expect(e.value).toEqual(expected);
    expect(e.message).toBe('the optimal certificate was rejected:\n  [primal-row-violated] primal: row "r" has activity 3 > 2 (violated by 1)');
    const two = caught(() => assertVerified(model(), { ...good, primal: undefined, dual: undefined } as never));
    expect(two.message).toBe("the optimal certificate was rejected:\n  [missing-vector] primal is missing\n  [missing-vector] dual.rows is missing\n  [missing-vector] dual.reducedCosts is missing");
  });
});
