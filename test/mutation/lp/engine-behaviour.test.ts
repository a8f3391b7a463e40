// The HiGHS engine (engine.ts) through what it returns: the model data it hands to HiGHS, and
// proposals whose status, values, basis and rays follow from small LPs solved by hand. Each
// setting is seen through an effect HiGHS makes observable: a time limit of 0 returns the
// starting basis (so a warm basis shows), interior point without crossover has no basis, presolve
// and the primal simplex change what an infeasible LP reports.
import { beforeAll, describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { type FloatLpEngine, loadHighs, type Proposal, toHighsModelData } from "../../../src/lp/engine.ts";
import { LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import { caught } from "../support.ts";

let h: FloatLpEngine;
beforeAll(async () => {
  h = await loadHighs();
});

const arr = (a: ArrayLike<number> | null | undefined) => (a ? Array.from(a) : a);
const view = (p: Proposal) => ({ status: p.status, rawStatus: p.rawStatus, x: arr(p.x), rowDuals: arr(p.rowDuals), basis: p.basis, dualRay: arr(p.dualRay), primalRay: arr(p.primalRay) });

/** max x + 2y s.t. x + y ≤ 4, 0 ≤ x ≤ 3, y ≥ 0: optimum (0, 4), value 8, row dual 2; basis x at lower, y basic, row at upper. */
function lp(): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x", { upper: 3 });
  const y = b.variable("y");
  b.row("r", [[x, 1], [y, 1]], "<=", 4).objective([[x, 1], [y, 2]]);
  return b.build();
}
const OPTIMAL_BASIS = { colStatus: ["lower", "basic"], rowStatus: ["upper"] } as const;
const LOGICAL_BASIS = { colStatus: ["lower", "lower"], rowStatus: ["basic"] } as const;

describe("toHighsModelData", () => {
  it("sums repeated objective terms, maps senses to row bounds, writes the matrix row by row (CSR), min sense and offset", () => {
    const m: LpModel = {
      direction: "min",
      variables: [{ name: "a", lower: q(-1), upper: null }, { name: "b", lower: null, upper: q("1/4") }, { name: "c", lower: q(0), upper: q(2) }],
      rows: [
        { name: "le", terms: [{ var: 0, coef: q(1) }, { var: 2, coef: q(-2) }], sense: "<=", rhs: q(5) },
        { name: "ge", terms: [{ var: 1, coef: q("1/2") }], sense: ">=", rhs: q(-3) },
        { name: "eq", terms: [{ var: 0, coef: q(3) }, { var: 1, coef: q(4) }, { var: 2, coef: q(5) }], sense: "=", rhs: q("7/2") },
      ],
      objective: [{ var: 1, coef: q(2) }, { var: 1, coef: q(3) }, { var: 2, coef: q(-1) }],
      objectiveConstant: q("3/4"),
    };
    const d = toHighsModelData(m, { infinity: Infinity, constants: { objectiveSense: { minimize: 1, maximize: -1 } } as never });
    expect(d.numCols).toBe(3);
    expect(d.numRows).toBe(3);
    expect(d.sense).toBe(1);
    expect(d.offset).toBe(0.75);
    expect(arr(d.colCost as Float64Array)).toEqual([0, 5, -1]);
    expect(arr(d.colLower as Float64Array)).toEqual([-1, -Infinity, 0]);
    expect(arr(d.colUpper as Float64Array)).toEqual([Infinity, 0.25, 2]);
    expect(arr(d.rowLower as Float64Array)).toEqual([-Infinity, -3, 3.5]);
    expect(arr(d.rowUpper as Float64Array)).toEqual([5, Infinity, 3.5]);
    const mat = d.matrix as { format: string; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
    expect({ format: mat.format, numRows: mat.numRows, numCols: mat.numCols }).toEqual({ format: "csr", numRows: 3, numCols: 3 });
    expect(arr(mat.starts)).toEqual([0, 2, 3, 6]);
    expect(arr(mat.indices)).toEqual([0, 2, 1, 0, 1, 2]);
    expect(arr(mat.values)).toEqual([1, -2, 0.5, 3, 4, 5]);
  });
});

describe("HighsEngine.propose", () => {
  it("an optimum: values, the row dual and the basis", () => {
    expect(view(h.propose(lp(), { name: "default" }))).toEqual({ status: "optimal", rawStatus: "Optimal", x: [0, 4], rowDuals: [2], basis: OPTIMAL_BASIS, dualRay: undefined, primalRay: undefined });
  });
  it("a model with no rows is optimal; with no rows and no columns HiGHS says 'Empty', still optimal", () => {
    const one = new LpBuilder("min");
    one.variable("z");
    expect(view(h.propose(one.build(), { name: "default" }))).toEqual({ status: "optimal", rawStatus: "Optimal", x: [0], rowDuals: [], basis: { colStatus: ["lower"], rowStatus: [] }, dualRay: undefined, primalRay: undefined });
    const none = h.propose(new LpBuilder("min").build(), { name: "default" });
    expect([none.status, none.rawStatus, none.basis]).toEqual(["optimal", "Empty", null]);
  });
  it("a time limit of 0: 'Time limit reached' (unknown), at the starting basis — the logical one, or a warm basis of the right shape", () => {
    expect(view(h.propose(lp(), { name: "t", timeLimit: 0 }))).toMatchObject({ status: "unknown", rawStatus: "Time limit reached", x: [0, 0], rowDuals: null, basis: LOGICAL_BASIS });
    // warm: x at its upper bound 3, y basic = 1 (row tight)
    const warm = { colStatus: ["upper", "basic"], rowStatus: ["upper"] } as const;
    expect(view(h.propose(lp(), { name: "t", timeLimit: 0 }, warm))).toMatchObject({ status: "unknown", x: [3, 1], basis: warm });
    // a warm basis of the wrong length (columns or rows) is ignored
    for (const bad of [{ colStatus: ["upper"], rowStatus: ["upper"] }, { colStatus: ["upper", "basic"], rowStatus: [] }] as const) {
      expect(view(h.propose(lp(), { name: "t", timeLimit: 0 }, bad))).toMatchObject({ x: [0, 0], basis: LOGICAL_BASIS });
    }
    // the optimal basis as warm start: already optimal, nothing to iterate
    expect(view(h.propose(lp(), { name: "t", timeLimit: 0 }, OPTIMAL_BASIS))).toMatchObject({ status: "optimal", x: [0, 4], basis: OPTIMAL_BASIS });
  });
  it("interior point: a basis only with crossover", () => {
    expect(view(h.propose(lp(), { name: "ipm", solver: "ipm", crossover: true }))).toMatchObject({ status: "optimal", basis: OPTIMAL_BASIS });
    expect(view(h.propose(lp(), { name: "ipm", solver: "ipm" }))).toMatchObject({ status: "optimal", basis: OPTIMAL_BASIS });
    const noX = view(h.propose(lp(), { name: "ipm", solver: "ipm", crossover: false }));
    expect([noX.status, noX.basis, noX.rowDuals]).toEqual(["unknown", null, null]);
  });
  it("an infeasible LP (a ≥ 3, a ≤ 2): the dual ray (1, −1) by default; presolve off adds a basis; the primal simplex has no ray", () => {
    const b = new LpBuilder("min");
    const a = b.variable("a");
    b.row("p", [[a, 1]], ">=", 3).row("q", [[a, 1]], "<=", 2);
    const m = b.build();
    const d = view(h.propose(m, { name: "default" }));
    expect(d).toMatchObject({ status: "infeasible", rawStatus: "Infeasible", x: null, basis: null, dualRay: [1, -1], primalRay: undefined });
    const off = view(h.propose(m, { name: "off", presolve: "off" }));
    expect(off).toMatchObject({ status: "infeasible", dualRay: [1, -1] });
    expect(off.basis).not.toBeNull();
    const primal = view(h.propose(m, { name: "primal", solver: "simplex", simplexStrategy: 4, presolve: "off" }));
    expect(primal).toMatchObject({ status: "infeasible", dualRay: undefined });
  });
  it("an unbounded LP (max u s.t. u − v ≥ 1): a feasible point and the primal ray (1, 0)", () => {
    const b = new LpBuilder("max");
    const u = b.variable("u");
    const v = b.variable("v");
    b.row("p", [[u, 1], [v, -1]], ">=", 1).objective([[u, 1]]);
    expect(view(h.propose(b.build(), { name: "default" }))).toEqual({
      status: "unbounded",
      rawStatus: "Unbounded",
      x: [1, 0],
      rowDuals: null,
      basis: { colStatus: ["basic", "lower"], rowStatus: ["lower"] },
      dualRay: undefined,
      primalRay: [1, 0],
    });
  });
  it("a native failure is engine-error, naming the settings and HiGHS's reason", () => {
    const m = lp();
    const e = caught(() => h.propose({ ...m, rows: [{ name: "r", terms: [{ var: 5, coef: q(1) }], sense: "<=", rhs: q(1) }] }, { name: "mine" }));
    expect(e.code).toBe("engine-error");
    expect(e.message).toBe("HiGHS failed (settings mine): matrix.indices[0] is outside the model");
  });
});
