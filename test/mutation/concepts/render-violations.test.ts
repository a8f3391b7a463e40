// describeViolation: every violation code in words, with the environment's labels (quoted), the
// agents in order, the others' profile (skipping the deviating agent), the belief's support only,
// and the exact amounts. One- and multi-agent environments take different phrasings.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { describeViolation } from "../../../src/concepts/render.ts";
import type { Environment } from "../../../src/model/environment.ts";

// Labels only matter here (render reads agents, types, decisions).
const env3: Environment = { agents: ["A", "B", "C"], types: [["lo", "hi"], ["x", "y"], ["u", "v"]], decisions: ["D0", "D1", "D2"], valuation: [] };
const env1: Environment = { agents: ["solo"], types: [["t0", "t1", "t2"]], decisions: ["keep", "sell"], valuation: [] };
const Q = (s: string | number) => q(s);

describe("describeViolation: one sentence per code", () => {
  it("dsic, several agents: the others' reports skip the deviator; the true profile only when it differs", () => {
    const base = { code: "dsic" as const, agent: 1, report: 0, truthfulUtility: Q("1/3"), deviationUtility: Q(2), gain: Q("5/3") };
    expect(describeViolation(env3, { ...base, trueProfile: [1, 1, 0], othersReports: [1, 1, 0] })).toBe(
      'agent "B" of type "y" gains 5/3 by reporting "x" when the others report ("hi", "u"): utility 2 instead of 1/3',
    );
    expect(describeViolation(env3, { ...base, trueProfile: [0, 1, 1], othersReports: [1, 1, 0] })).toBe(
      'agent "B" of type "y" gains 5/3 by reporting "x" when the others report ("hi", "u") (true profile ("lo", "y", "v")): utility 2 instead of 1/3',
    );
    // only the others' entries are compared: a differing own entry is no different state
    expect(describeViolation(env3, { ...base, trueProfile: [1, 1, 0], othersReports: [1, 0, 0] })).toBe(
      'agent "B" of type "y" gains 5/3 by reporting "x" when the others report ("hi", "u"): utility 2 instead of 1/3',
    );
  });
  it("dsic, one agent: no others, no true profile", () => {
    expect(describeViolation(env1, { code: "dsic", agent: 0, trueProfile: [2], othersReports: [2], report: 1, truthfulUtility: Q(-1), deviationUtility: Q(0), gain: Q(1) })).toBe(
      'agent "solo" of type "t2" gains 1 by reporting "t1": utility 0 instead of -1',
    );
  });
  it("epic: the others report truthfully (several agents) or are absent (one agent)", () => {
    const v = { code: "epic" as const, agent: 2, trueProfile: [0, 1, 1], report: 0, truthfulUtility: Q(0), deviationUtility: Q("7/2"), gain: Q("7/2") };
    expect(describeViolation(env3, v)).toBe('agent "C" of type "v" gains 7/2 by reporting "u" when the others truthfully report ("lo", "y"): utility 7/2 instead of 0');
    expect(describeViolation(env1, { ...v, agent: 0, trueProfile: [0], report: 2 })).toBe('agent "solo" of type "t0" gains 7/2 by reporting "t2": utility 7/2 instead of 0');
  });
  it("bic: the belief lists the others' profiles of positive weight, labelled past the deviator", () => {
    // agent B (index 1); the others are A (lo, hi) and C (u, v): others' profile k = 2·a + c
    const v = { code: "bic" as const, agent: 1, trueType: 0, report: 1, belief: [Q(0), Q("1/4"), Q("3/4"), Q(0)], truthfulUtility: Q(1), deviationUtility: Q("3/2"), gain: Q("1/2") };
    expect(describeViolation(env3, v)).toBe(
      'agent "B" of type "x" gains 1/2 in interim expectation by reporting "y": expected utility 3/2 instead of 1 (belief about the others: ("lo", "v") w.p. 1/4, ("hi", "u") w.p. 3/4)',
    );
    // agent A (index 0): the others are B and C, both shifted by one
    expect(describeViolation(env3, { ...v, agent: 0, belief: [Q(1), Q(0), Q(0), Q(0)] })).toContain('(belief about the others: ("x", "u") w.p. 1)');
    // agent C (index 2): the others are A and B, not shifted
    expect(describeViolation(env3, { ...v, agent: 2, belief: [Q(0), Q(0), Q(0), Q(1)] })).toContain('(belief about the others: ("hi", "y") w.p. 1)');
    expect(describeViolation(env1, { ...v, agent: 0, trueType: 1, report: 0, belief: [Q(1)] })).toBe(
      'agent "solo" of type "t1" gains 1/2 in interim expectation by reporting "t0": expected utility 3/2 instead of 1',
    );
  });
  it("ex post and interim IR", () => {
    expect(describeViolation(env3, { code: "expost-ir", agent: 0, trueProfile: [1, 0, 1], utility: Q(-2), reservation: Q(1), gain: Q(3) })).toBe(
      'agent "A" at type profile ("hi", "x", "v") gets utility -2, below its reservation level 1 by 3',
    );
    expect(describeViolation(env3, { code: "interim-ir", agent: 2, trueType: 1, belief: [Q(1), Q(0), Q(0), Q(0)], utility: Q("-1/2"), reservation: Q(0), gain: Q("1/2") })).toBe(
      'agent "C" of type "v" expects utility -1/2, below its reservation level 0 by 1/2',
    );
  });
  it("budget balance (ex post, ex ante) and no deficit", () => {
    expect(describeViolation(env3, { code: "budget-balance", profile: [0, 1, 0], total: Q("-5/4") })).toBe('at reports ("lo", "y", "u") the payments sum to -5/4, not 0');
    expect(describeViolation(env3, { code: "ex-ante-budget-balance", expectedTotal: Q("1/8") })).toBe("the expected sum of payments is 1/8, not 0");
    expect(describeViolation(env3, { code: "no-deficit", profile: [1, 1, 1], total: Q(-3) })).toBe('at reports ("hi", "y", "v") the payments sum to -3: a deficit of 3');
  });
  it("efficiency names both decisions, the probability and the loss", () => {
    expect(
      describeViolation(env3, { code: "efficiency", profile: [0, 0, 1], decision: 2, probability: Q("1/2"), surplus: Q(1), bestDecision: 0, bestSurplus: Q(4), loss: Q(3) }),
    ).toBe('at type profile ("lo", "x", "v") decision "D2" (probability 1/2) has surplus 1, below the maximum 4 of "D0" by 3');
  });
  it("bne: labels from the type space and mechanism when given, indices otherwise", () => {
    const v = { code: "bne" as const, agent: 1, trueType: 1, action: 0, equilibriumUtility: Q(2), deviationUtility: Q("5/2"), gain: Q("1/2") };
    expect(describeViolation(env3, v)).toBe('agent "B" of type "1" gains 1/2 by playing "0": expected utility 5/2 instead of 2');
    const typeSpace = { types: [["p"], ["s", "t"]], beliefs: [] } as never;
    const mechanism = { actions: [["L"], ["U", "D"]], outcome: [], payments: [] } as never;
    expect(describeViolation(env3, v, { typeSpace, mechanism })).toBe('agent "B" of type "t" gains 1/2 by playing "U": expected utility 5/2 instead of 2');
    // a type space or mechanism without this agent: indices, not a crash
    const short = { types: [["p"]], beliefs: [] } as never;
    const shortMech = { actions: [["L"]], outcome: [], payments: [] } as never;
    expect(describeViolation(env3, v, { typeSpace: short, mechanism: shortMech })).toBe('agent "B" of type "1" gains 1/2 by playing "0": expected utility 5/2 instead of 2');
  });
  it("an unknown code is an internal error, not a silent empty string", () => {
    expect(() => describeViolation(env3, { code: "nope" } as never)).toThrow('unexpected violation: {"code":"nope"}');
  });
});
