// The fixed-rule transfer LP (src/mechanisms/fixedRuleTransfers.ts) on a 2×2 environment whose
// every row is computed by hand below: names, coefficients, senses and right-hand sides of the
// DSIC, BIC, interim-IR, ex post IR and budget-balance rows, the revenue objective, the rows a
// zero-probability type drops, the input guards, and mechanismFromPoint.
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../../src/exact/rational.ts";
import type { LpModel } from "../../../src/lp/model.ts";
import type { Environment } from "../../../src/model/environment.ts";
import { fixedRuleTransfersLp, mechanismFromPoint } from "../../../src/mechanisms/fixedRuleTransfers.ts";
import { caught } from "../support.ts";

// Agent a: types l, h; agent b: types x, y; decisions N, Y; private values.
//   v_a(N) = 0, v_a(Y) = 1 (l) or 3 (h);   v_b(N) = 0, v_b(Y) = −1 (x) or 2 (y).
// Profiles in index order: θ0 = (l, x), θ1 = (l, y), θ2 = (h, x), θ3 = (h, y).
// Reservations r_a = (1, 0), r_b = (0, 1/2).
const VA = [q(1), q(3)];
const VB = [q(-1), q(2)];
const PROFILES: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
function env(privateValues = true): Environment {
  return {
    agents: ["a", "b"],
    types: [["l", "h"], ["x", "y"]],
    decisions: ["N", "Y"],
    // a non-private-values variant: a's value of Y also depends on b's type
    valuation: [
      PROFILES.map(([ta, tb]) => [q(0), privateValues ? VA[ta]! : VA[ta]!.add(q(tb))]),
      PROFILES.map(([, tb]) => [q(0), VB[tb]!]),
    ],
    reservation: [[q(1), q(0)], [q(0), q("1/2")]],
  };
}
// Probability of Y per profile: 0, 1/2, 1, 1 (a lottery at θ1).
const ALLOC: Q[][] = [[q(1), q(0)], [q("1/2"), q("1/2")], [q(0), q(1)], [q(0), q(1)]];
const PRIOR = [q("1/8"), q("1/4"), q("3/8"), q("1/4")];

const P = (agent: string, theta: number) => `p_${agent}(a=${["l", "l", "h", "h"][theta]}, b=${["x", "y", "x", "y"][theta]})`;

/** A row as text-free data: name → [ {variable name: coefficient}, sense, rhs ]. */
function rows(m: LpModel): [string, Record<string, string>, string, string][] {
  return m.rows.map((r) => [r.name, Object.fromEntries(r.terms.map((t) => [m.variables[t.var]!.name, t.coef.toFraction()])), r.sense, r.rhs.toFraction()]);
}

describe("fixedRuleTransfersLp: columns", () => {
  it("one free column p_i(θ) per agent and profile, named by the agent and the profile; payment(i, θ) finds it", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "none" });
    expect(lp.model.variables.map((v) => [v.name, v.lower, v.upper])).toEqual(
      [0, 1, 2, 3].flatMap((t) => [[P("a", t), null, null], [P("b", t), null, null]]),
    );
    for (let t = 0; t < 4; t++) {
      expect(lp.model.variables[lp.payment(0, t)]!.name).toBe(P("a", t));
      expect(lp.model.variables[lp.payment(1, t)]!.name).toBe(P("b", t));
    }
    // no property asked: no rows, a feasibility problem
    expect(lp.model.rows).toEqual([]);
    expect(lp.model.direction).toBe("min");
    expect(lp.model.objective).toEqual([]);
  });
});

describe("fixedRuleTransfersLp: DSIC rows p_i(θ'_i, r) − p_i(θ_i, r) ≥ v_i(x(θ'_i, r)) − v_i(x(θ_i, r))", () => {
  it("eight rows, one per agent, true type, other type and others' type; no row to the own type", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "dsic" });
    // a, l→h at b=x: truth θ0 (Y prob 0), deviation θ2 (Y prob 1): 1·1 − 0·1 = 1
    // a, l→h at b=y: θ1 (1/2) → θ3 (1): 1 − 1/2 = 1/2;  a, h→l at b=x: θ2 → θ0: 0·3 − 1·3 = −3
    // a, h→l at b=y: θ3 → θ1: 3/2 − 3 = −3/2;  b, x→y at a=l: θ0 → θ1: (1/2)(−1) − 0 = −1/2
    // b, x→y at a=h: θ2 → θ3: −1 − (−1) = 0;  b, y→x at a=l: θ1 → θ0: 0 − (1/2)·2 = −1;  b, y→x at a=h: 2 − 2 = 0
    expect(rows(lp.model)).toEqual([
      ["IC[a: l→h | b=x]", { [P("a", 0)]: "-1", [P("a", 2)]: "1" }, ">=", "1"],
      ["IC[a: l→h | b=y]", { [P("a", 1)]: "-1", [P("a", 3)]: "1" }, ">=", "1/2"],
      ["IC[a: h→l | b=x]", { [P("a", 0)]: "1", [P("a", 2)]: "-1" }, ">=", "-3"],
      ["IC[a: h→l | b=y]", { [P("a", 1)]: "1", [P("a", 3)]: "-1" }, ">=", "-3/2"],
      ["IC[b: x→y | a=l]", { [P("b", 0)]: "-1", [P("b", 1)]: "1" }, ">=", "-1/2"],
      ["IC[b: x→y | a=h]", { [P("b", 2)]: "-1", [P("b", 3)]: "1" }, ">=", "0"],
      ["IC[b: y→x | a=l]", { [P("b", 0)]: "1", [P("b", 1)]: "-1" }, ">=", "-1"],
      ["IC[b: y→x | a=h]", { [P("b", 2)]: "1", [P("b", 3)]: "-1" }, ">=", "0"],
    ]);
  });
  it("refuses an environment without private values (a's value depends on b's type)", () => {
    const e = caught(() => fixedRuleTransfersLp(env(false), ALLOC, { ic: "dsic" }));
    expect([e.code, e.message]).toEqual(["not-private-values", "fixedRuleTransfersLp: the DSIC rows are written for private values"]);
    // the same environment is fine for BIC (no private-values requirement)
    expect(fixedRuleTransfersLp(env(false), ALLOC, { ic: "bic", prior: PRIOR }).model.rows.length).toBe(4);
  });
});

describe("fixedRuleTransfersLp: BIC and interim IR rows (weighted by the prior 1/8, 1/4, 3/8, 1/4)", () => {
  it("one BIC row per agent and pair of types, then one IIR row per type", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "bic", ir: "interim", prior: PRIOR });
    // IC[a: l→h]: 1/8·(1) + 1/4·(1/2) = 1/4;  IC[a: h→l]: 3/8·(−3) + 1/4·(−3/2) = −3/2
    // IC[b: x→y]: 1/8·(−1/2) + 3/8·0 = −1/16;  IC[b: y→x]: 1/4·(−1) + 1/4·0 = −1/4
    // IIR[a: l]: −(1/8·0 + 1/4·1/2) + (3/8)·1 = 1/4;   IIR[a: h]: −(3/8·3 + 1/4·3) + 0 = −15/8
    // IIR[b: x]: −(1/8·0 + 3/8·(−1)) + 0 = 3/8;       IIR[b: y]: −(1/4·1 + 1/4·2) + (1/2)(1/2) = −1/2
    expect(rows(lp.model)).toEqual([
      ["IC[a: l→h]", { [P("a", 0)]: "-1/8", [P("a", 1)]: "-1/4", [P("a", 2)]: "1/8", [P("a", 3)]: "1/4" }, ">=", "1/4"],
      ["IIR[a: l]", { [P("a", 0)]: "-1/8", [P("a", 1)]: "-1/4" }, ">=", "1/4"],
      ["IC[a: h→l]", { [P("a", 0)]: "3/8", [P("a", 1)]: "1/4", [P("a", 2)]: "-3/8", [P("a", 3)]: "-1/4" }, ">=", "-3/2"],
      ["IIR[a: h]", { [P("a", 2)]: "-3/8", [P("a", 3)]: "-1/4" }, ">=", "-15/8"],
      ["IC[b: x→y]", { [P("b", 0)]: "-1/8", [P("b", 1)]: "1/8", [P("b", 2)]: "-3/8", [P("b", 3)]: "3/8" }, ">=", "-1/16"],
      ["IIR[b: x]", { [P("b", 0)]: "-1/8", [P("b", 2)]: "-3/8" }, ">=", "3/8"],
      ["IC[b: y→x]", { [P("b", 0)]: "1/4", [P("b", 1)]: "-1/4", [P("b", 2)]: "1/4", [P("b", 3)]: "-1/4" }, ">=", "-1/4"],
      ["IIR[b: y]", { [P("b", 1)]: "-1/4", [P("b", 3)]: "-1/4" }, ">=", "-1/2"],
    ]);
  });
  it("a type of probability zero (b = y) gives no BIC row and no IIR row; zero-weight profiles add no terms", () => {
    const prior = [q("1/2"), q(0), q("1/2"), q(0)];
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "bic", ir: "interim", prior });
    // IC[a: l→h]: 1/2·1 = 1/2;  IIR[a: l]: −(1/2·0) + 1/2·1 = 1/2;  IC[a: h→l]: 1/2·(−3) = −3/2
    // IIR[a: h]: −(1/2·3) = −3/2;  IC[b: x→y]: 1/2·(−1/2) + 1/2·0 = −1/4;  IIR[b: x]: −(0 + 1/2·(−1)) = 1/2
    expect(rows(lp.model)).toEqual([
      ["IC[a: l→h]", { [P("a", 0)]: "-1/2", [P("a", 2)]: "1/2" }, ">=", "1/2"],
      ["IIR[a: l]", { [P("a", 0)]: "-1/2" }, ">=", "1/2"],
      ["IC[a: h→l]", { [P("a", 0)]: "1/2", [P("a", 2)]: "-1/2" }, ">=", "-3/2"],
      ["IIR[a: h]", { [P("a", 2)]: "-1/2" }, ">=", "-3/2"],
      ["IC[b: x→y]", { [P("b", 0)]: "-1/2", [P("b", 1)]: "1/2", [P("b", 2)]: "-1/2", [P("b", 3)]: "1/2" }, ">=", "-1/4"],
      ["IIR[b: x]", { [P("b", 0)]: "-1/2", [P("b", 2)]: "-1/2" }, ">=", "1/2"],
    ]);
  });
  it("interim IR alone (no IC rows) and BIC alone (no IR rows)", () => {
    const iir = rows(fixedRuleTransfersLp(env(), ALLOC, { ic: "none", ir: "interim", prior: PRIOR }).model).map((r) => r[0]);
    expect(iir).toEqual(["IIR[a: l]", "IIR[a: h]", "IIR[b: x]", "IIR[b: y]"]);
    const bic = rows(fixedRuleTransfersLp(env(), ALLOC, { ic: "bic", prior: PRIOR }).model).map((r) => r[0]);
    expect(bic).toEqual(["IC[a: l→h]", "IC[a: h→l]", "IC[b: x→y]", "IC[b: y→x]"]);
  });
});

describe("fixedRuleTransfersLp: ex post IR, budget balance and the revenue objective", () => {
  it("ex post IR −p_i(θ) ≥ r_i(θ_i) − v_i(x(θ), θ), one row per profile and agent", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "none", ir: "expost" });
    // θ0: a 1 − 0 = 1, b 0 − 0 = 0;  θ1: a 1 − 1/2 = 1/2, b 1/2 − 1 = −1/2
    // θ2: a 0 − 3 = −3, b 0 − (−1) = 1;  θ3: a 0 − 3 = −3, b 1/2 − 2 = −3/2
    const L = ["(a=l, b=x)", "(a=l, b=y)", "(a=h, b=x)", "(a=h, b=y)"];
    const rhs = [["1", "0"], ["1/2", "-1/2"], ["-3", "1"], ["-3", "-3/2"]];
    expect(rows(lp.model)).toEqual(
      [0, 1, 2, 3].flatMap((t) => [
        [`IR[a at ${L[t]}]`, { [P("a", t)]: "-1" }, ">=", rhs[t]![0]],
        [`IR[b at ${L[t]}]`, { [P("b", t)]: "-1" }, ">=", rhs[t]![1]],
      ]),
    );
  });
  it("budget balance Σ_i p_i(θ) = 0 per profile", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "none", budgetBalanced: true });
    expect(rows(lp.model)).toEqual(
      [0, 1, 2, 3].map((t) => [`BB(a=${["l", "l", "h", "h"][t]}, b=${["x", "y", "x", "y"][t]})`, { [P("a", t)]: "1", [P("b", t)]: "1" }, "=", "0"]),
    );
    expect(rows(fixedRuleTransfersLp(env(), ALLOC, { ic: "none", budgetBalanced: false }).model)).toEqual([]);
  });
  it("revenue: maximize Σ_θ π(θ) Σ_i p_i(θ)", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "none", objective: "revenue", prior: PRIOR });
    expect(lp.model.direction).toBe("max");
    expect(lp.model.objective.map((t) => [lp.model.variables[t.var]!.name, t.coef.toFraction()])).toEqual(
      [0, 1, 2, 3].flatMap((t) => [[P("a", t), PRIOR[t]!.toFraction()], [P("b", t), PRIOR[t]!.toFraction()]]),
    );
    const feas = fixedRuleTransfersLp(env(), ALLOC, { ic: "none", objective: "feasibility", prior: PRIOR });
    expect([feas.model.direction, feas.model.objective.length]).toEqual(["min", 0]);
  });
});

describe("fixedRuleTransfersLp: input guards", () => {
  it("one lottery per profile", () => {
    const e = caught(() => fixedRuleTransfersLp(env(), ALLOC.slice(1), { ic: "none" }));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "allocation", 3, "allocation: expected 4 lotteries, got 3"]);
  });
  it("BIC, interim IR and the revenue objective each need a prior of one entry per profile; DSIC and ex post IR do not", () => {
    const msg = "fixedRuleTransfersLp: BIC, interim IR and the revenue objective need a prior over the 4 profiles";
    for (const opts of [{ ic: "bic" as const }, { ic: "none" as const, ir: "interim" as const }, { ic: "none" as const, objective: "revenue" as const }]) {
      const e = caught(() => fixedRuleTransfersLp(env(), ALLOC, opts));
      expect([e.code, e.path, e.message]).toEqual(["needs-common-prior", "prior", msg]);
      const short = caught(() => fixedRuleTransfersLp(env(), ALLOC, { ...opts, prior: PRIOR.slice(0, 3) }));
      expect(short.code).toBe("needs-common-prior");
    }
    expect(fixedRuleTransfersLp(env(), ALLOC, { ic: "dsic", ir: "expost", budgetBalanced: true }).model.rows.length).toBe(8 + 8 + 4);
  });
});

describe("mechanismFromPoint", () => {
  it("keeps the allocation (copied) and reads p_i(θ) from the point's column payment(i, θ)", () => {
    const lp = fixedRuleTransfersLp(env(), ALLOC, { ic: "none" });
    // x[col] = col + 1, so p_a(θ) = 2θ + 1 and p_b(θ) = 2θ + 2 (columns θ·2 + i)
    const x = Array.from({ length: 8 }, (_, c) => q(c + 1));
    const m = mechanismFromPoint(env(), ALLOC, lp, x);
    expect(m.kind).toBe("direct");
    expect(m.payments.map((r) => r.map((v) => v.toFraction()))).toEqual([["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]]);
    expect(m.allocation.map((r) => r.map((v) => v.toFraction()))).toEqual(ALLOC.map((r) => r.map((v) => v.toFraction())));
    m.allocation.forEach((r, t) => expect(r).not.toBe(ALLOC[t]));
  });
});
