// The concept checkers on a hand-solved one-agent environment: the "holds" witnesses (how many
// constraints, the tightest slack), the reported violation (code, place; the first among equal
// losses), budget ranges and the ex ante / common-prior entry points.
//
// Environment E: one agent, types x and y, decisions D0 and D1; v(x) = (2, 0), v(y) = (0, 1).
// Mechanism M (truthful efficient, no payments): x → D0, y → D1.
//   IC constraints (one per type and misreport): x reporting y gets 0 instead of 2 (slack 2),
//   y reporting x gets 0 instead of 1 (slack 1): 2 constraints, tightest slack 1 (the second).
//   IR constraints (reservation 0): utilities 2 and 1: 2 constraints, tightest slack 1.
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../../src/exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../../../src/model/environment.ts";
import { isExAnteBudgetBalanced, isExPostBudgetBalanced, isNoDeficit } from "../../../src/concepts/budget.ts";
import { efficientDecisions, isExPostEfficient } from "../../../src/concepts/efficiency.ts";
import { interimUtility, isBIC, isDSIC, isEPIC, priorOf } from "../../../src/concepts/incentives.ts";
import { isExPostIR, isInterimIR } from "../../../src/concepts/participation.ts";
import { caught } from "../support.ts";

const Q_ = (...xs: (number | string)[]) => xs.map((x) => q(x));
const E = (reservation?: Q[][]): Environment => ({
  agents: ["a"],
  types: [["x", "y"]],
  decisions: ["D0", "D1"],
  valuation: [[Q_(2, 0), Q_(0, 1)]],
  ...(reservation ? { reservation } : {}),
});
const mech = (alloc: number[], pay: (number | string)[]): DirectMechanism => ({
  kind: "direct",
  allocation: alloc.map((d) => (d === 0 ? Q_(1, 0) : Q_(0, 1))),
  payments: pay.map((p) => [q(p)]),
});
const M = mech([0, 1], [0, 0]);
const prior: Beliefs = { kind: "common-prior", prior: Q_("1/2", "1/2") };

describe("holds: the witness counts the constraints and names the tightest slack", () => {
  it("DSIC, EPIC, BIC: 2 constraints (no 'deviation' to the true type), slack 1", () => {
    for (const v of [isDSIC(E(), M), isEPIC(E(), M), isBIC(E(), M, prior)]) {
      expect(v.verdict).toBe("holds");
      if (v.verdict !== "holds") continue;
      expect(v.witness.constraints).toBe(2);
      expect(v.witness.minSlack!.toFraction()).toBe("1");
    }
  });
  it("ex post and interim IR: 2 constraints, slack 1", () => {
    for (const v of [isExPostIR(E(), M), isInterimIR(E(), M, prior)]) {
      expect(v.verdict).toBe("holds");
      if (v.verdict !== "holds") continue;
      expect(v.witness.constraints).toBe(2);
      expect(v.witness.minSlack!.toFraction()).toBe("1");
    }
  });
  it("interimUtility: type x reporting y gets D1, worth 0; truthful y gets 1", () => {
    expect(interimUtility(E(), M, 0, 0, 1, Q_(1)).toFraction()).toBe("0");
    expect(interimUtility(E(), M, 0, 1, 1, Q_(1)).toFraction()).toBe("1");
  });
});

describe("fails: codes of the violations", () => {
  it("EPIC on the swapped mechanism (x → D1, y → D0): x gains 2 by reporting y", () => {
    const v = isEPIC(E(), mech([1, 0], [0, 0]));
    expect(v.verdict).toBe("fails");
    if (v.verdict === "fails") expect([v.violation.code, v.violation.trueProfile, v.violation.report, v.violation.gain.toFraction()]).toEqual(["epic", [0], 1, "2"]);
  });
  it("IR with reservations (5, 0): type x has utility 2, short by 3", () => {
    const env = E([Q_(5, 0)]);
    const a = isExPostIR(env, M);
    const b = isInterimIR(env, M, prior);
    expect(a.verdict === "fails" && [a.violation.code, a.violation.trueProfile, a.violation.gain.toFraction()]).toEqual(["expost-ir", [0], "3"]);
    expect(b.verdict === "fails" && [b.violation.code, b.violation.trueType, b.violation.gain.toFraction()]).toEqual(["interim-ir", 0, "3"]);
  });
});

describe("budget", () => {
  it("ex post budget balance: fails at the first nonzero total; holds with the range of totals", () => {
    const v = isExPostBudgetBalanced(E(), mech([0, 1], [3, -1]));
    expect(v.verdict === "fails" && [v.violation.code, v.violation.profile, v.violation.total.toFraction()]).toEqual(["budget-balance", [0], "3"]);
    const h = isExPostBudgetBalanced(E(), M);
    expect(h.verdict === "holds" && [h.witness.minTotal.toFraction(), h.witness.maxTotal.toFraction()]).toEqual(["0", "0"]);
  });
  it("no deficit: the range of totals in either order; the largest deficit at its own profile", () => {
    for (const [pay, lo, hi] of [[[1, 2], "1", "2"], [[2, 1], "1", "2"]] as const) {
      const v = isNoDeficit(E(), mech([0, 1], [...pay]));
      expect(v.verdict === "holds" && [v.witness.minTotal.toFraction(), v.witness.maxTotal.toFraction()]).toEqual([lo, hi]);
    }
    const f = isNoDeficit(E(), mech([0, 1], [3, -1]));
    expect(f.verdict === "fails" && [f.violation.code, f.violation.profile, f.violation.total.toFraction()]).toEqual(["no-deficit", [1], "-1"]);
  });
  it("ex ante: expected total 1/2·1 + 1/2·(−1) = 0 holds; 1/2·1 + 1/2·0 = 1/2 fails; prior as an array or as Beliefs", () => {
    for (const p of [prior, Q_("1/2", "1/2")]) {
      const h = isExAnteBudgetBalanced(E(), mech([0, 1], [1, -1]), p);
      expect(h.verdict === "holds" && h.witness.expectedTotal.toFraction()).toBe("0");
      const f = isExAnteBudgetBalanced(E(), mech([0, 1], [1, 0]), p);
      expect(f.verdict === "fails" && [f.violation.code, f.violation.expectedTotal.toFraction()]).toEqual(["ex-ante-budget-balance", "1/2"]);
    }
  });
  it("ex ante: per-type beliefs are refused (needs a common prior), and a prior that is not a distribution", () => {
    const perType: Beliefs = { kind: "per-type", beliefs: [[Q_(1), Q_(1)]] };
    const e = caught(() => isExAnteBudgetBalanced(E(), M, perType));
    expect([e.code, e.path, e.value]).toEqual(["needs-common-prior", "prior", "per-type"]);
    expect(e.message).toBe("prior: this concept needs a common prior, got per-type beliefs");
    expect(caught(() => priorOf(perType)).path).toBe("beliefs");
    const bad = caught(() => isExAnteBudgetBalanced(E(), M, Q_("1/2", "1/3")));
    expect(bad.message).toContain("prior");
    expect(bad.message).toContain("5/6");
  });
});

describe("efficiency", () => {
  it("efficientDecisions: all maximisers, ascending; by index or by profile", () => {
    const env: Environment = { agents: ["a"], types: [["t"]], decisions: ["A", "B", "C"], valuation: [[Q_(1, 1, 0)]] };
    expect(efficientDecisions(env, 0)).toEqual([0, 1]);
    expect(efficientDecisions(env, [0])).toEqual([0, 1]);
    expect(efficientDecisions(E(), [1])).toEqual([1]);
    expect(efficientDecisions(E(), 0)).toEqual([0]);
  });
  it("a profile that is not one of the environment's: bad-profile, naming it and the range", () => {
    for (const bad of [2, -1, 0.5, [2]] as const) {
      const e = caught(() => efficientDecisions(E(), bad as never));
      expect([e.code, e.path, e.value]).toEqual(["bad-profile", "theta", bad]);
      expect(e.message).toBe(`profile ${JSON.stringify(bad)} is not a type profile of this environment (0..1)`);
    }
  });
  it("the largest loss is reported, the first among equal losses; holds counts the profiles", () => {
    // v(x) = (2, 0), v(y) = (0, 2): choosing D1 at x and D0 at y loses 2 at both profiles
    const env: Environment = { ...E(), valuation: [[Q_(2, 0), Q_(0, 2)]] };
    const v = isExPostEfficient(env, mech([1, 0], [0, 0]));
    expect(v.verdict === "fails" && [v.violation.code, v.violation.profile, v.violation.loss.toFraction()]).toEqual(["efficiency", [0], "2"]);
    const h = isExPostEfficient(E(), M);
    expect(h.verdict === "holds" && h.witness).toEqual({ profiles: 2 });
  });
});
