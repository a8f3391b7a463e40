// The exact simplex on LPs solved by hand: certificates (values, primal, row duals, reduced costs),
// scaled rows, bound flips, max direction, the limits' errors, bad terms, and which warm bases
// are used (an accepted optimal warm basis needs no pivot, so it passes maxIterations: 0; a
// refused one falls back to a cold start, which needs pivots and hits the limit).
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { exactSimplex } from "../../../src/lp/exactSimplex.ts";
import { type BasisStatus, LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import { verify } from "../../../src/lp/verify.ts";
import { caught } from "../support.ts";

const S = (xs: readonly { toFraction(): string }[]) => xs.map((x) => x.toFraction());
const cert = (m: LpModel, opts = {}) => {
  const r = exactSimplex(m, opts);
  expect(verify(m, r)).toEqual({ ok: true });
  if (r.status !== "optimal") return r.status;
  return { value: r.value.toFraction(), primal: S(r.primal), rows: S(r.dual.rows), reducedCosts: S(r.dual.reducedCosts) };
};

/** max 3x + 2y s.t. h: x/2 + y/2 ≤ 2, k: x + 3y ≤ 7, 0 ≤ x ≤ 3, y ≥ 0. Optimum (3, 1) = 11: h tight (dual 4), x at its upper bound (reduced cost 3 − 4·1/2 = 1). */
function maxLp(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x", { upper: 3 });
  b.variable("y");
  b.row("h", [["x", "1/2"], ["y", "1/2"]], "<=", 2).row("k", [["x", 1], ["y", 3]], "<=", 7).objective([["x", 3], ["y", 2]]);
  return b.build();
}
const OPT: { colStatus: BasisStatus[]; rowStatus: BasisStatus[] } = { colStatus: ["upper", "basic"], rowStatus: ["upper", "basic"] };

describe("exactSimplex: hand-solved certificates", () => {
  it("max with scaled rows: (3, 1), value 11, duals (4, 0), reduced costs (1, 0)", () => {
    expect(cert(maxLp())).toEqual({ value: "11", primal: ["3", "1"], rows: ["4", "0"], reducedCosts: ["1", "0"] });
    expect(cert(maxLp(), { pivotRule: "bland" })).toEqual({ value: "11", primal: ["3", "1"], rows: ["4", "0"], reducedCosts: ["1", "0"] });
  });
  it("the same LP as min −(3x + 2y) + 5: value −6, the duals' signs flip", () => {
    const b = new LpBuilder("min");
    b.variable("x", { upper: 3 });
    b.variable("y");
    b.row("h", [["x", "1/2"], ["y", "1/2"]], "<=", 2).row("k", [["x", 1], ["y", 3]], "<=", 7).objective([["x", -3], ["y", -2]], 5);
    expect(cert(b.build())).toEqual({ value: "-6", primal: ["3", "1"], rows: ["-4", "0"], reducedCosts: ["-1", "0"] });
  });
  it("bound flips only: max x + y, x, y ∈ [0, 1], x + y ≤ 5 → (1, 1), value 2, reduced costs (1, 1)", () => {
    const b = new LpBuilder("max");
    b.variable("x", { upper: 1 });
    b.variable("y", { upper: 1 });
    b.row("r", [["x", 1], ["y", 1]], "<=", 5).objective([["x", 1], ["y", 1]]);
    expect(cert(b.build())).toEqual({ value: "2", primal: ["1", "1"], rows: ["0"], reducedCosts: ["1", "1"] });
  });
  it("a ≥ row and an = row from a cold start with artificials: min x + y s.t. x + y ≥ 2, x − y = 1 → (3/2, 1/2), value 2", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y");
    b.row("g", [["x", 1], ["y", 1]], ">=", 2).row("e", [["x", 1], ["y", -1]], "=", 1).objective([["x", 1], ["y", 1]]);
    // duals: 1 = y_g + y_e, 1 = y_g − y_e ⇒ y_g = 1, y_e = 0
    expect(cert(b.build())).toEqual({ value: "2", primal: ["3/2", "1/2"], rows: ["1", "0"], reducedCosts: ["0", "0"] });
  });
  it("a free variable and a variable fixed by its bounds: min z s.t. z − w ≥ −5/2, w ∈ [1, 1], z free → z = −3/2", () => {
    const b = new LpBuilder("min");
    b.variable("z", { lower: null });
    b.variable("w", { lower: 1, upper: 1 });
    b.row("r", [["z", 1], ["w", -1]], ">=", "-5/2").objective([["z", 1]]);
    expect(cert(b.build())).toEqual({ value: "-3/2", primal: ["-3/2", "1"], rows: ["1"], reducedCosts: ["0", "1"] });
  });
  it("infeasible through bounds: x + y ≥ 3 with x, y ∈ [0, 1]: Farkas multiplier on the row is positive", () => {
    const b = new LpBuilder("min");
    b.variable("x", { upper: 1 });
    b.variable("y", { upper: 1 });
    b.row("r", [["x", 1], ["y", 1]], ">=", 3);
    const m = b.build();
    const r = exactSimplex(m);
    expect(r.status).toBe("infeasible");
    if (r.status !== "infeasible") return;
    expect(r.farkas.rows[0]!.s).toBe(1n);
    expect(verify(m, r)).toEqual({ ok: true });
  });
  it("unbounded: max y s.t. y − x ≤ 1 (x ≥ 0) — a verified point and ray; and min −x with no rows", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r", [["y", 1], ["x", -1]], "<=", 1).objective([["y", 1]]);
    const m = b.build();
    const r = exactSimplex(m);
    expect(r.status).toBe("unbounded");
    expect(verify(m, r)).toEqual({ ok: true });
    const f = new LpBuilder("min");
    f.variable("x", { lower: null, upper: 4 });
    f.objective([["x", 1]]);
    const free = exactSimplex(f.build());
    expect(free.status === "unbounded" && S(free.ray)).toEqual(["-1"]);
    expect(verify(f.build(), free)).toEqual({ ok: true });
  });
});

describe("exactSimplex: refusals and limits", () => {
  it("a term outside the variables", () => {
    const m = maxLp();
    const e = caught(() => exactSimplex({ ...m, objective: [{ var: 2, coef: q(1) }] }));
    expect([e.code, e.message, e.path, e.value]).toEqual(["unknown-variable", "LP model: term variable index 2 is out of range", "terms", 2]);
    expect(caught(() => exactSimplex({ ...m, rows: [{ ...m.rows[0]!, terms: [{ var: -1, coef: q(1) }] }] })).code).toBe("unknown-variable");
  });
  it("the iteration limit and the deadline", () => {
    const e = caught(() => exactSimplex(maxLp(), { maxIterations: 1 }));
    expect([e.code, e.message, e.path, e.value]).toEqual(["simplex-limit", "exact simplex: iteration limit 1 reached", "maxIterations", 1]);
    const d = caught(() => exactSimplex(maxLp(), { deadlineMs: -1 }));
    expect([d.code, d.message, d.path, d.value]).toEqual(["simplex-limit", "exact simplex: deadline of -1 ms passed after 0 iterations", "deadlineMs", -1]);
    // enough iterations: fine
    expect(exactSimplex(maxLp(), { maxIterations: 10, deadlineMs: 60_000 }).status).toBe("optimal");
  });
});

describe("exactSimplex: warm bases", () => {
  it("the optimal basis is used as is: no pivot needed", () => {
    expect(cert(maxLp(), { warmBasis: OPT, maxIterations: 0 })).toEqual({ value: "11", primal: ["3", "1"], rows: ["4", "0"], reducedCosts: ["1", "0"] });
  });
  it("a basis of the wrong shape, of the wrong size, singular or primal infeasible is ignored (cold start: the limit)", () => {
    const refused: { colStatus: BasisStatus[]; rowStatus: BasisStatus[] }[] = [
      { colStatus: ["upper"], rowStatus: ["upper", "basic"] },
      { colStatus: ["upper", "basic"], rowStatus: ["upper"] },
      { colStatus: ["upper", "basic"], rowStatus: ["basic", "basic"] },
      // y basic in row k's place while k is kept basic too: columns y and the slack of k do not span row h
      { colStatus: ["basic", "basic"], rowStatus: ["upper", "upper"] },
      // x at 0 and y basic with h tight: y = 4 > 7/3 breaks row k
      { colStatus: ["lower", "basic"], rowStatus: ["upper", "basic"] },
    ];
    for (const warmBasis of refused) expect(caught(() => exactSimplex(maxLp(), { warmBasis, maxIterations: 0 })).code, JSON.stringify(warmBasis)).toBe("simplex-limit");
    // and each still solves without the limit
    for (const warmBasis of refused) expect(cert(maxLp(), { warmBasis })).toMatchObject({ value: "11" });
  });
});
