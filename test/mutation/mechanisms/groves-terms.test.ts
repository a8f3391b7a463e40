// Groves-family mechanisms on hand-solved environments: pivot and IR-VCG terms, their payments,
// shape errors, and the agent-count guards of Green–Laffont, Cavallo and budget balancing.
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../../src/exact/rational.ts";
import type { DirectMechanism, Environment } from "../../../src/model/environment.ts";
import { budgetBalance } from "../../../src/budgetBalance/budgetBalancing.ts";
import { cavalloMechanism } from "../../../src/budgetBalance/cavallo.ts";
import { greenLaffontMechanism } from "../../../src/budgetBalance/greenLaffontMechanism.ts";
import { singleObjectEnvironment } from "../../../src/model/singleObject.ts";
import { grovesMechanism, irVcgMechanism, irVcgTerms, pivotMechanism, pivotTerms, vcgMechanism } from "../../../src/mechanisms/vcg.ts";
import { caught } from "../support.ts";

const S = (xs: readonly (readonly Q[])[]) => xs.map((r) => r.map((x) => x.toFraction()));

// Agent a0 has types l, h; agent a1 has one type; decisions A, B (private values).
// v0(A) = 0, v0(B) = 1 (type l) or 3 (type h); v1(A) = 2, v1(B) = 0.
// Surplus: at l, A = 2 > B = 1 → A; at h, A = 2 < B = 3 → B.
function env2(reservation?: Q[][]): Environment {
  const v0 = [[q(0), q(1)], [q(0), q(3)]];
  const v1 = [[q(2), q(0)], [q(2), q(0)]];
  return { agents: ["a0", "a1"], types: [["l", "h"], ["only"]], decisions: ["A", "B"], valuation: [v0, v1], ...(reservation ? { reservation } : {}) };
}

describe("pivot (Clarke) terms and payments", () => {
  it("h_i(θ_-i) = max_q Σ_{j≠i} v_j(q): h_0 = max(2, 0) = 2; h_1 = (max(0,1), max(0,3)) = (1, 3)", () => {
    expect(S(pivotTerms(env2()))).toEqual([["2"], ["1", "3"]]);
  });
  it("payments h_i − Σ_{j≠i} v_j(q(θ)): at l (A): (2−2, 1−0) = (0, 1); at h (B): (2−0, 3−3) = (2, 0)", () => {
    const m = pivotMechanism(env2());
    expect(m.kind).toBe("direct");
    expect(S(m.payments)).toEqual([["0", "1"], ["2", "0"]]);
    expect(S(m.allocation)).toEqual([["1", "0"], ["0", "1"]]);
  });
  it("the maximum is over the decisions only: when every decision is worth −1 to the others, h = −1 (not 0)", () => {
    const env: Environment = { agents: ["a", "b"], types: [["t"], ["u"]], decisions: ["X", "Y"], valuation: [[[q(5), q(1)]], [[q(-1), q(-1)]]] };
    expect(S(pivotTerms(env))).toEqual([["-1"], ["5"]]);
  });
});

describe("IR-VCG terms: h_i(θ_-i) = min over θ_i of [surplus at q(θ) − r_i(θ_i)]", () => {
  it("reservation 0: h_0 = min(2, 3) = 2; h_1 = (2, 3) (one type of a1 per others' profile)", () => {
    expect(S(irVcgTerms(env2()))).toEqual([["2"], ["2", "3"]]);
    // payments: at l (A): (2 − 2, 2 − 0) = (0, 2); at h (B): (2 − 0, 3 − 3) = (2, 0)
    const m = irVcgMechanism(env2());
    expect(S(m.payments)).toEqual([["0", "2"], ["2", "0"]]);
  });
  it("reservations r_0 = (1, 0): h_0 = min(2 − 1, 3 − 0) = 1", () => {
    const env = env2([[q(1), q(0)], [q(0)]]);
    expect(S(irVcgTerms(env))).toEqual([["1"], ["2", "3"]]);
  });
});

describe("grovesMechanism: shape of the Groves terms", () => {
  const env = env2();
  const rule = [0, 1];
  it("one row per agent", () => {
    const e = caught(() => grovesMechanism(env, rule, [[q(0)]]));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "h", 1, "Groves terms: expected 2 agents, got 1"]);
  });
  it("row i has one entry per profile of the others, for every agent", () => {
    const e = caught(() => grovesMechanism(env, rule, [[q(0)], [q(0)]]));
    expect([e.code, e.path, e.value]).toEqual(["dimension", "h[1]", 1]);
    expect(e.message).toBe("Groves terms h[1]: expected 2 entries (one per profile of the others), got 1");
    const e0 = caught(() => grovesMechanism(env, rule, [[q(0), q(0)], [q(0), q(0)]]));
    expect([e0.path, e0.value]).toEqual(["h[0]", 2]);
  });
  it("vcgMechanism with h = 0: each agent is paid the others' value", () => {
    const m = vcgMechanism(env, [[q(0)], [q(0), q(0)]]);
    expect(m.kind).toBe("direct");
    expect(S(m.payments)).toEqual([["-2", "0"], ["0", "-3"]]);
  });
});

describe("agent-count guards", () => {
  it("Green–Laffont needs 2 agents", () => {
    const e = caught(() => greenLaffontMechanism(singleObjectEnvironment([[1, 2]])));
    expect([e.code, e.path, e.value]).toEqual(["too-few-agents", "agents", 1]);
    expect(e.message).toBe("environment.agents: the Green–Laffont mechanism needs at least 2 agents, got 1");
    expect(greenLaffontMechanism(singleObjectEnvironment([[1], [2]])).kind).toBe("direct");
  });
  it("Cavallo needs 3 agents", () => {
    const e = caught(() => cavalloMechanism(singleObjectEnvironment([[1], [2]])));
    expect([e.code, e.path, e.value]).toEqual(["too-few-agents", "agents", 2]);
    expect(e.message).toBe("environment.agents: Cavallo's mechanism needs at least 3 agents, got 2");
  });
  it("budget balancing needs 1 agent", () => {
    const env: Environment = { agents: [], types: [], decisions: ["d"], valuation: [] };
    const mech: DirectMechanism = { kind: "direct", allocation: [[q(1)]], payments: [[]] };
    const e = caught(() => budgetBalance(env, mech, []));
    expect([e.code, e.path, e.value, e.message]).toEqual(["dimension", "agents", 0, "environment.agents: at least one agent is needed"]);
  });
  it("budget balancing returns a fresh allocation table (the input's rows are not shared)", () => {
    const env = singleObjectEnvironment([[0, 1], [0, 1]]);
    const alloc = greenLaffontMechanism(env);
    const res = budgetBalance(env, alloc, [["1/2", "1/2"], ["1/2", "1/2"]]);
    expect(res.mechanism.kind).toBe("direct");
    expect(S(res.mechanism.allocation)).toEqual(S(alloc.allocation));
    res.mechanism.allocation.forEach((row, t) => expect(row).not.toBe(alloc.allocation[t]));
  });
});
