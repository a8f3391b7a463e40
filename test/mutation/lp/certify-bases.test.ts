// certify.ts on hand-picked bases of tiny LPs: each outcome (certified, or the code and reason
// of the first failed check) is derived by hand from the basis, and the auxiliary-LP helpers
// (phase 1, its starting basis, the ray LP, Farkas and ray checks) on models small enough to read.
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../../src/exact/rational.ts";
import { ratFromQ } from "../../../src/exact/fastRational.ts";
import { certifyBasis, checkFarkas, fromPhaseOne, fromRay, phaseOneModel, phaseOneStartBasis, rayModel } from "../../../src/lp/certify.ts";
import { type BasisStatus, LpBuilder, type LpModel, type VariableOptions } from "../../../src/lp/model.ts";

const S = (xs: readonly Q[]) => xs.map((x) => x.toFraction());
const basis = (colStatus: BasisStatus[], rowStatus: BasisStatus[]) => ({ colStatus, rowStatus });
const failure = (o: ReturnType<typeof certifyBasis>) => (o.ok ? "certified" : `${o.code}: ${o.reason}`);
const optimal = (value: Q, primal: Q[], rows: Q[]) => ({ status: "optimal" as const, value, primal, dual: { rows, reducedCosts: primal.map(() => q(0)) } });

/** max x s.t. r: x ≥ 1, 0 ≤ x ≤ 10 — optimum x = 10. */
function maxX(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x", { upper: 10 });
  b.row("r", [["x", 1]], ">=", 1).objective([["x", 1]]);
  return b.build();
}

describe("certifyBasis: the checks, one failing basis each", () => {
  it("the optimal basis (x at its upper bound, the row basic) is certified with value 10 and reduced cost 1", () => {
    const o = certifyBasis(maxX(), basis(["upper"], ["basic"]));
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.result.value.toFraction()).toBe("10");
    expect(S(o.result.primal)).toEqual(["10"]);
    expect(S(o.result.dual.rows)).toEqual(["0"]);
    expect(S(o.result.dual.reducedCosts)).toEqual(["1"]);
  });
  it("wrong shape, wrong number of basic variables", () => {
    expect(failure(certifyBasis(maxX(), basis([], ["basic"])))).toBe("basis-shape: basis has 0 column and 1 row statuses for 1 columns and 1 rows");
    expect(failure(certifyBasis(maxX(), basis(["upper"], [])))).toBe("basis-shape: basis has 1 column and 0 row statuses for 1 columns and 1 rows");
    expect(failure(certifyBasis(maxX(), basis(["basic"], ["basic"])))).toBe("basis-size: basis has 2 basic variables for 1 rows");
    expect(failure(certifyBasis(maxX(), basis(["lower"], ["lower"])))).toBe("basis-size: basis has 0 basic variables for 1 rows");
  });
  it("the row at its bound with x basic: x = 1, row dual y = 1 — the wrong sign for a ≥ row of a max problem", () => {
    expect(failure(certifyBasis(maxX(), basis(["basic"], ["lower"])))).toBe('dual-infeasible-basis: row dual of "r" is 1, of the wrong sign for a >= row in a max problem');
  });
  it("the same LP as min −x: the row dual −1 has the wrong sign for a ≥ row of a min problem", () => {
    const b = new LpBuilder("min");
    b.variable("x", { upper: 10 });
    b.row("r", [["x", 1]], ">=", 1).objective([["x", -1]]);
    expect(failure(certifyBasis(b.build(), basis(["basic"], ["lower"])))).toBe('dual-infeasible-basis: row dual of "r" is -1, of the wrong sign for a >= row in a min problem');
    // and the optimal basis is certified in min form too
    expect(certifyBasis(b.build(), basis(["upper"], ["basic"])).ok).toBe(true);
  });
  it("a ≤ row with a nonzero dual of the right sign but not tight is refused (complementary slackness)", () => {
    // min −x s.t. r: x ≤ 10, 0 ≤ x ≤ 4, basis x basic and r nonbasic: x = 10 > 4 — primal infeasible first
    const b = new LpBuilder("min");
    b.variable("x", { upper: 4 });
    b.row("r", [["x", 1]], "<=", 10).objective([["x", -1]]);
    expect(failure(certifyBasis(b.build(), basis(["basic"], ["upper"])))).toBe('primal-infeasible-basis: variable "x" = 10 violates its bounds at this basis');
    // an = row's dual may have either sign: min −x s.t. e: x = 3 (x ≥ 0): y = −1 is fine
    const e = new LpBuilder("min");
    e.variable("x");
    e.row("e", [["x", 1]], "=", 3).objective([["x", -1]]);
    const o = certifyBasis(e.build(), basis(["basic"], ["lower"]));
    expect(o.ok && S(o.result.dual.rows)).toEqual(["-1"]);
    const e2 = new LpBuilder("max");
    e2.variable("x");
    e2.row("e", [["x", 1]], "=", 3).objective([["x", -1]]);
    const o2 = certifyBasis(e2.build(), basis(["basic"], ["lower"]));
    expect(o2.ok && S(o2.result.dual.rows)).toEqual(["-1"]);
  });
  it("a row activity outside its row, for each sense", () => {
    // x nonbasic at 0: the ≥ row's activity 0 < 1
    expect(failure(certifyBasis(maxX(), basis(["lower"], ["basic"])))).toBe('primal-infeasible-basis: row "r" activity 0 violates >= 1 at this basis');
    const le = new LpBuilder("min");
    le.variable("x", { lower: 2, upper: 5 });
    le.row("r", [["x", 1]], "<=", 1);
    expect(failure(certifyBasis(le.build(), basis(["lower"], ["basic"])))).toBe('primal-infeasible-basis: row "r" activity 2 violates <= 1 at this basis');
    const eq = new LpBuilder("min");
    eq.variable("x", { lower: 2, upper: 5 });
    eq.variable("z");
    eq.row("r", [["x", 1]], "=", 3).row("s", [["z", 1]], "=", 0);
    expect(failure(certifyBasis(eq.build(), basis(["upper", "basic"], ["basic", "lower"])))).toBe('primal-infeasible-basis: row "r" activity 5 violates = 3 at this basis');
  });
  it("a basic variable below its lower bound", () => {
    const b = new LpBuilder("min");
    b.variable("x", { upper: 2 });
    b.row("e", [["x", 1]], "=", -1);
    expect(failure(certifyBasis(b.build(), basis(["basic"], ["lower"])))).toBe('primal-infeasible-basis: variable "x" = -1 violates its bounds at this basis');
  });
  it("a reduced cost that points to a missing bound, or to the bound the variable is not at", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.row("r", [["x", 1]], "<=", 10).objective([["x", 1]]);
    expect(failure(certifyBasis(b.build(), basis(["lower"], ["basic"])))).toBe('dual-infeasible-basis: reduced cost of "x" is 1 but it is not at its upper bound (max problem)');
    const m = new LpBuilder("min");
    m.variable("x", { lower: -5, upper: 3 });
    m.row("r", [["x", 1]], "<=", 10).objective([["x", 1]]);
    expect(failure(certifyBasis(m.build(), basis(["upper"], ["basic"])))).toBe('dual-infeasible-basis: reduced cost of "x" is 1 but it is not at its lower bound (min problem)');
    const ok = certifyBasis(m.build(), basis(["lower"], ["basic"]));
    expect(ok.ok && ok.result.value.toFraction()).toBe("-5");
  });
  it("a singular basis is refused with code singular", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", 1], ["y", 1]], ">=", 1).row("r2", [["x", 2], ["y", 2]], ">=", 2);
    const o = certifyBasis(b.build(), basis(["basic", "basic"], ["lower", "lower"]));
    expect(o.ok ? "certified" : o.code).toBe("singular");
  });
  it("a basic row activity that is not row 0: min x s.t. r0: x ≥ 1 (tight), r1: x ≤ 5 (basic) → x = 1, y = (1, 0)", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("r0", [["x", 1]], ">=", 1).row("r1", [["x", 1]], "<=", 5).objective([["x", 1]]);
    const o = certifyBasis(b.build(), basis(["basic"], ["lower", "basic"]));
    expect(o.ok && [o.result.value.toFraction(), S(o.result.primal), S(o.result.dual.rows)]).toEqual(["1", ["1"], ["1", "0"]]);
  });
  it("a tight ≤ row is feasible: min −x s.t. r: x ≤ 3 → x = 3, y = −1", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("r", [["x", 1]], "<=", 3).objective([["x", -1]]);
    const o = certifyBasis(b.build(), basis(["basic"], ["upper"]));
    expect(o.ok && [o.result.value.toFraction(), S(o.result.dual.rows)]).toEqual(["-3", ["-1"]]);
  });
  it("fractional costs and duals: min x/2 s.t. r: 3x ≥ 1 → x = 1/3, y = 1/6, reduced cost 1/2 − 3·1/6 = 0", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("z", { upper: 2 });
    b.row("r", [["x", 3]], ">=", 1).objective([["x", "1/2"], ["z", "-2/3"]]);
    // z nonbasic at its upper bound 2 with reduced cost −2/3 (min: negative wants the upper bound)
    const o = certifyBasis(b.build(), basis(["basic", "upper"], ["lower"]));
    expect(o.ok && [o.result.value.toFraction(), S(o.result.primal), S(o.result.dual.rows), S(o.result.dual.reducedCosts)]).toEqual(["-7/6", ["1/3", "2"], ["1/6"], ["0", "-2/3"]]);
  });
  it("stats: the exact solve's time is part of the total", () => {
    const stats = { luMs: -1, totalMs: -1 };
    expect(certifyBasis(maxX(), basis(["upper"], ["basic"]), stats).ok).toBe(true);
    expect(stats.luMs).toBeGreaterThan(0);
    expect(stats.luMs).toBeLessThanOrEqual(stats.totalMs);
    expect(stats.totalMs).toBeLessThan(60_000);
  });
  it("the objective constant is part of the value", () => {
    const b = new LpBuilder("max");
    b.variable("x", { upper: 10 });
    b.row("r", [["x", 1]], ">=", 1).objective([["x", 1]], "-7/2");
    const o = certifyBasis(b.build(), basis(["upper"], ["basic"]));
    expect(o.ok && o.result.value.toFraction()).toBe("13/2");
  });
});

describe("certifyBasis: where a nonbasic column sits, by status and bounds", () => {
  // x ∈ [0, 0] basic, row e: x + z = 0, z nonbasic: x = −z shows z's value (a violation when z ≠ 0)
  const at = (z: VariableOptions, st: BasisStatus) => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: 0, upper: 0 });
    b.variable("z", z);
    b.row("e", [["x", 1], ["z", 1]], "=", 0);
    return failure(certifyBasis(b.build(), basis(["basic", st], ["lower"])));
  };
  const zIs = (v: string) => `primal-infeasible-basis: variable "x" = ${v} violates its bounds at this basis`;
  it("upper: the upper bound, else the lower, else 0", () => {
    expect(at({ lower: 2, upper: 7 }, "upper")).toBe(zIs("-7"));
    expect(at({ lower: 2, upper: null }, "upper")).toBe(zIs("-2"));
    expect(at({ lower: null, upper: null }, "upper")).toBe("certified");
  });
  it("lower (and any other nonbasic status): the lower bound, else the upper, else 0", () => {
    expect(at({ lower: 2, upper: 7 }, "lower")).toBe(zIs("-2"));
    expect(at({ lower: null, upper: 7 }, "lower")).toBe(zIs("-7"));
    expect(at({ lower: null, upper: 7 }, "nonbasic")).toBe(zIs("-7"));
    expect(at({ lower: null, upper: null }, "lower")).toBe("certified");
  });
  it("zero: 0 for a free column, else its lower bound, else its upper", () => {
    expect(at({ lower: null, upper: null }, "zero")).toBe("certified");
    expect(at({ lower: 2, upper: 7 }, "zero")).toBe(zIs("-2"));
    expect(at({ lower: null, upper: 7 }, "zero")).toBe(zIs("-7"));
    expect(at({ lower: -3, upper: null }, "zero")).toBe(zIs("3"));
  });
});

// F: x ∈ [0, 2]; a: x ≥ 3, b: x ≤ 5, e: x = 1 — infeasible (a against the bound).
function farkasModel(upper: number | null = 2): LpModel {
  const b = new LpBuilder("min");
  b.variable("x", { upper });
  b.row("a", [["x", 1]], ">=", 3).row("b", [["x", 1]], "<=", 5).row("e", [["x", 1]], "=", 1);
  return b.build();
}

describe("phase 1 and the ray LP", () => {
  it("phaseOneModel: one artificial per violable side, min Σ artificials, rows keep name, sense and rhs", () => {
    const p = phaseOneModel(farkasModel());
    expect(p.direction).toBe("min");
    expect(p.variables.map((v) => `${v.name}[${v.lower?.toFraction()},${v.upper?.toFraction() ?? "inf"}]`)).toEqual([
      "x[0,2]",
      "__phase1_plus_0[0,inf]",
      "__phase1_minus_1[0,inf]",
      "__phase1_plus_2[0,inf]",
      "__phase1_minus_2[0,inf]",
    ]);
    expect(p.objective.map((t) => `${t.var}:${t.coef.toFraction()}`)).toEqual(["1:1", "2:1", "3:1", "4:1"]);
    expect(p.objectiveConstant.toFraction()).toBe("0");
    expect(p.rows.map((r) => `${r.name} ${r.sense} ${r.rhs.toFraction()}: ${r.terms.map((t) => `${t.var}:${t.coef.toFraction()}`).join(" ")}`)).toEqual([
      "a >= 3: 0:1 1:1",
      "b <= 5: 0:1 2:-1",
      "e = 1: 0:1 3:1 4:-1",
    ]);
  });
  it("phaseOneStartBasis: columns at a bound; a violated row at its rhs with the absorbing artificial basic", () => {
    // x = 0: a (0 < 3) needs its plus artificial, b holds, e (0 < 1) needs its plus artificial
    expect(phaseOneStartBasis(farkasModel())).toEqual({ colStatus: ["lower", "basic", "lower", "basic", "lower"], rowStatus: ["lower", "basic", "lower"] });
    // columns with only an upper bound (at 4), and free (at 0): g: u + w ≤ 1 is violated (4 > 1) — its minus artificial; h: u = 4 holds
    const b = new LpBuilder("min");
    b.variable("u", { lower: null, upper: 4 });
    b.variable("w", { lower: null });
    b.row("g", [["u", 1], ["w", 1]], "<=", 1).row("h", [["u", 1]], "=", 4).row("k", [["u", 1]], ">=", 5);
    expect(phaseOneStartBasis(b.build())).toEqual({
      colStatus: ["upper", "zero", "basic", "lower", "lower", "basic"],
      rowStatus: ["upper", "basic", "lower"],
    });
  });
  it("rayModel: rhs 0, each bound replaced by 0 where finite and ±1 where infinite, same objective without constant", () => {
    const b = new LpBuilder("max");
    b.variable("p");
    b.variable("f", { lower: null });
    b.variable("u", { lower: null, upper: 3 });
    b.variable("z", { lower: 1, upper: 2 });
    b.row("r", [["p", 1], ["f", -1]], ">=", 4).objective([["p", 2]], 9);
    const r = rayModel(b.build());
    expect(r.direction).toBe("max");
    expect(r.variables.map((v) => `${v.name}[${v.lower!.toFraction()},${v.upper!.toFraction()}]`)).toEqual(["p[0,1]", "f[-1,1]", "u[-1,0]", "z[0,0]"]);
    expect(r.rows.map((x) => `${x.name} ${x.sense} ${x.rhs.toFraction()}`)).toEqual(["r >= 0"]);
    expect(r.objective.map((t) => `${t.var}:${t.coef.toFraction()}`)).toEqual(["0:2"]);
    expect(r.objectiveConstant.toFraction()).toBe("0");
  });
});

describe("Farkas and ray checks", () => {
  const Y = (...xs: (number | string)[]) => xs.map((x) => ratFromQ(q(x)));
  it("checkFarkas: valid multipliers; a wrong sign on a ≥ or ≤ row; a needed bound missing; no contradiction", () => {
    expect(checkFarkas(farkasModel(), Y(1, 0, 0))).toBeNull(); // x ≤ 2 < 3
    expect(checkFarkas(farkasModel(), Y("1/2", 0, 0))).toBeNull();
    expect(checkFarkas(farkasModel(), Y(0, 0, -1))).toBe("Farkas bound 0 is not below yᵀb = -1"); // = row: either sign; −x ≤ 0 vs −1
    expect(checkFarkas(farkasModel(), Y(-1, 0, 0))).toBe('Farkas multiplier of row "a" has the wrong sign');
    expect(checkFarkas(farkasModel(), Y(0, 1, 0))).toBe('Farkas multiplier of row "b" has the wrong sign');
    expect(checkFarkas(farkasModel(null), Y(1, 0, 0))).toBe('Farkas combination has coefficient 1 on unbounded variable "x"');
    expect(checkFarkas(farkasModel(), Y(1, -1, 0))).toBe("Farkas bound 0 is not below yᵀb = -2");
    // a negative combined coefficient uses the lower bound: −(x = 1)·1 + (x ≥ 3): g = 0; (x ≤ 5)·(−1) + (x = 1)·1: g = 0, yᵀb = −4
    expect(checkFarkas(farkasModel(), Y(0, -1, 0))).toBe("Farkas bound 0 is not below yᵀb = -5");
    expect(checkFarkas(farkasModel(), Y(1, 0, 1))).toBe("Farkas bound 4 is not below yᵀb = 4");
  });
  it("fromPhaseOne: a negative value is an error, 0 gives the feasible point, a positive value the Farkas rows", () => {
    const F = farkasModel();
    expect(fromPhaseOne(F, optimal(q(-1), [q(0)], [q(0), q(0), q(0)]))).toEqual({ kind: "error", reason: "phase-1 value -1 is negative" });
    const feas = fromPhaseOne(F, optimal(q(0), [q(1), q(0), q(2)], [q(0), q(0), q(0)]));
    expect(feas.kind === "feasible" && S(feas.point)).toEqual(["1"]);
    const inf = fromPhaseOne(F, optimal(q(1), [q(2), q(1), q(0)], [q(1), q(0), q(0)]));
    expect(inf.kind === "infeasible" && S(inf.result.farkas.rows)).toEqual(["1", "0", "0"]);
    expect(fromPhaseOne(F, optimal(q(1), [q(2)], [q(-1), q(0), q(0)]))).toEqual({ kind: "error", reason: 'Farkas multiplier of row "a" has the wrong sign' });
  });
  it("fromRay: an improving ray from a feasible point; otherwise the first reason", () => {
    // max x s.t. a: x − y ≥ 1, x ≥ 0, y ≤ 3 (y's lower bound free)
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y", { lower: null, upper: 3 });
    b.row("a", [["x", 1], ["y", -1]], ">=", 1).objective([["x", 1]]);
    const U = b.build();
    const ray = (...r: number[]) => optimal(q(0), r.map((v) => q(v)), [q(0)]);
    const pt = (...p: number[]) => p.map((v) => q(v));
    const o = fromRay(U, pt(1, 0), ray(1, 0));
    expect(o.ok && [o.result.status, S(o.result.point), S(o.result.ray)]).toEqual(["unbounded", ["1", "0"], ["1", "0"]]);
    expect(fromRay(U, pt(1, 0), ray(0, -1))).toEqual({ ok: false, code: "not-unbounded", reason: "best ray in the box changes the objective by 0: the LP is bounded" });
    expect(fromRay(U, pt(1, 0), ray(-1, -1))).toMatchObject({ code: "not-unbounded" });
    expect(fromRay(U, pt(-1, -2), ray(1, 0))).toEqual({ ok: false, code: "bad-ray", reason: 'ray or point violates the bounds of "x"' });
    expect(fromRay(U, pt(5, 4), ray(1, 0))).toEqual({ ok: false, code: "bad-ray", reason: 'ray or point violates the bounds of "y"' });
    expect(fromRay(U, pt(1, 0), ray(1, 1))).toEqual({ ok: false, code: "bad-ray", reason: 'ray or point violates the bounds of "y"' });
    expect(fromRay(U, pt(1, 1), ray(1, 0))).toEqual({ ok: false, code: "bad-ray", reason: 'ray or point violates row "a"' });
    // min −x s.t. a: x ≤ 4, e: x = 0: the ray 1 improves (c·r = −1) but leaves the ≤ row
    const m = new LpBuilder("min");
    m.variable("x");
    m.row("a", [["x", 1]], "<=", 4).row("e", [["x", 1]], "=", 0);
    m.objective([["x", -1]]);
    const M = m.build();
    expect(fromRay(M, pt(0), ray(1))).toEqual({ ok: false, code: "bad-ray", reason: 'ray or point violates row "a"' });
    expect(fromRay(M, pt(5), optimal(q(0), [q(0)], [q(0), q(0)]))).toMatchObject({ code: "not-unbounded" });
  });
});
