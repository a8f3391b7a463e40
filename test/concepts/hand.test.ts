/**
 * Hand-derived cases: each expected number is computed in the comment next to it, from the
 * definitions, not from the code under test.
 */
import { describe, expect, it } from "vitest";
import { q, type Q, ZERO, ONE, qstr } from "../../src/exact/rational.ts";
import type { DirectMechanism, Environment } from "../../src/model/environment.ts";
import {
  describeViolation,
  efficientDecisions,
  efficientRule,
  isBIC,
  isDSIC,
  isEPIC,
  isExAnteBudgetBalanced,
  isExPostBudgetBalanced,
  isExPostEfficient,
  isExPostIR,
  isInterimIR,
  isNoDeficit,
  hasPrivateValues,
  ValidationError,
} from "../../src/concepts/index.ts";

const H = q("1/2");
const vals = [1, 2, 3];

/** Two bidders, values {1,2,3} (private), decisions none / to-b1 / to-b2. Profiles: b1 index·3 + b2 index. */
function auctionEnv(): Environment {
  const valuation: Q[][][] = [[], []];
  for (const v1 of vals) for (const v2 of vals) {
    valuation[0]!.push([ZERO, q(v1), ZERO]);
    valuation[1]!.push([ZERO, ZERO, q(v2)]);
  }
  return { agents: ["b1", "b2"], types: [["1", "2", "3"], ["1", "2", "3"]], decisions: ["none", "to-b1", "to-b2"], valuation };
}

/** Highest bid wins, ties split 1/2–1/2; `price(own, other)` is the winner's payment; payments are expected payments. */
function auction(price: (own: number, other: number) => number): DirectMechanism {
  const allocation: Q[][] = [];
  const payments: Q[][] = [];
  for (const b1 of vals) for (const b2 of vals) {
    if (b1 > b2) {
      allocation.push([ZERO, ONE, ZERO]);
      payments.push([q(price(b1, b2)), ZERO]);
    } else if (b2 > b1) {
      allocation.push([ZERO, ZERO, ONE]);
      payments.push([ZERO, q(price(b2, b1))]);
    } else {
      allocation.push([ZERO, H, H]);
      payments.push([H.mul(price(b1, b2)), H.mul(price(b2, b1))]);
    }
  }
  return { kind: "direct", allocation, payments };
}

const uniform = { kind: "common-prior" as const, prior: Array.from({ length: 9 }, () => q("1/9")) };

describe("second-price auction (2 bidders, values {1,2,3}, ties split)", () => {
  const env = auctionEnv();
  const spa = auction((_own, other) => other);
  it("is DSIC and EPIC (private values)", () => {
    expect(hasPrivateValues(env)).toBe(true);
    const d = isDSIC(env, spa);
    expect(d.verdict).toBe("holds");
    // tightest constraint: bidder of value 1 facing a report of 1 (tie, utility ½(1−1) = 0) deviating
    // to 2 (wins, pays 1, utility 0): slack 0.
    if (d.verdict === "holds") expect(d.witness.minSlack!.equals(ZERO)).toBe(true);
    expect(isEPIC(env, spa).verdict).toBe("holds");
  });
  it("is ex post IR, efficient and never runs a deficit, but is not budget balanced", () => {
    expect(isExPostIR(env, spa).verdict).toBe("holds");
    expect(isInterimIR(env, spa, uniform).verdict).toBe("holds");
    expect(isExPostEfficient(env, spa).verdict).toBe("holds");
    expect(isNoDeficit(env, spa).verdict).toBe("holds");
    const bb = isExPostBudgetBalanced(env, spa);
    // at (1,1): each wins w.p. ½ and pays 1 → expected payments ½ + ½ = 1
    expect(bb.verdict).toBe("fails");
    if (bb.verdict === "fails") {
      expect(bb.violation.profile).toEqual([0, 0]);
      expect(qstr(bb.violation.total)).toBe("1");
    }
    // expected revenue under the uniform prior = E[min(v1,v2)] = (1·5 + 2·3 + 3·1)/9 = 14/9
    const ea = isExAnteBudgetBalanced(env, spa, uniform);
    expect(ea.verdict).toBe("fails");
    if (ea.verdict === "fails") expect(qstr(ea.violation.expectedTotal)).toBe("14/9");
  });
});

describe("first-price auction (same environment)", () => {
  const env = auctionEnv();
  const fpa = auction((own) => own);
  it("is not DSIC: value 3 facing a report of 1 gains 1 by reporting 1", () => {
    // value 3 vs report 1: truth wins and pays 3 → 0; report 2 wins pays 2 → 1; report 1 ties → ½(3−1) = 1.
    // value 3 vs 2: best gain ½ (tie at 2); value 2 vs 1: ½. Max gain 1, first report among ties is "1".
    const d = isDSIC(env, fpa);
    expect(d.verdict).toBe("fails");
    if (d.verdict !== "fails") return;
    expect(d.violation).toMatchObject({ code: "dsic", agent: 0, trueProfile: [2, 0], report: 0 });
    expect(qstr(d.violation.gain)).toBe("1");
    expect(describeViolation(env, d.violation)).toBe('agent "b1" of type "3" gains 1 by reporting "1" when the others report ("1"): utility 1 instead of 0');
  });
  it("is not BIC under the uniform prior: value 3 gains 1/2 by bidding 2", () => {
    // value 3: truth → 0 always. Bid 2: vs 1 wins, 3−2 = 1; vs 2 tie ½; vs 3 loses 0 → (1 + ½)/3 = ½.
    // Bid 1: vs 1 tie ½·2 = 1 → 1/3. Value 2 bidding 1: ½·1/3 = 1/6. Max gain ½.
    const b = isBIC(env, fpa, uniform);
    expect(b.verdict).toBe("fails");
    if (b.verdict !== "fails") return;
    expect(b.violation).toMatchObject({ agent: 0, trueType: 2, report: 1 });
    expect(qstr(b.violation.gain)).toBe("1/2");
    expect(qstr(b.violation.deviationUtility)).toBe("1/2");
    expect(describeViolation(env, b.violation)).toContain('agent "b1" of type "3" gains 1/2 in interim expectation by reporting "2"');
  });
  it("runs no deficit and is ex post IR (utility 0 at truth)", () => {
    expect(isNoDeficit(env, fpa).verdict).toBe("holds");
    expect(isExPostIR(env, fpa).verdict).toBe("holds");
  });
});

describe("interdependent values: EPIC but not DSIC ([ChungEly2002, §2.2])", () => {
  // Agent 1 types {0,1}, agent 2 types {0,1}; v_1(a, θ) = θ_1 + θ_2 − 3/2, v_1(b) = 0, agent 2 indifferent.
  // Rule: a iff θ_1 = θ_2 = 1 (i.e. iff v_1(a, θ) > 0), no payments.
  const valuation: Q[][][] = [[], []];
  for (const t1 of [0, 1]) for (const t2 of [0, 1]) {
    valuation[0]!.push([q(t1 + t2).sub(q("3/2")), ZERO]);
    valuation[1]!.push([ZERO, ZERO]);
  }
  const env: Environment = { agents: ["one", "two"], types: [["0", "1"], ["0", "1"]], decisions: ["a", "b"], valuation };
  const A = [ONE, ZERO];
  const B = [ZERO, ONE];
  const mech: DirectMechanism = { kind: "direct", allocation: [B, B, B, A], payments: [[ZERO, ZERO], [ZERO, ZERO], [ZERO, ZERO], [ZERO, ZERO]] };
  it("EPIC holds: truthful reports give agent 1 its best decision at the true state", () => {
    expect(hasPrivateValues(env)).toBe(false);
    expect(isEPIC(env, mech).verdict).toBe("holds");
  });
  it("DSIC fails: at θ = (1,0) with agent 2 reporting 1, truth yields a (value −1/2), reporting 0 yields b (0)", () => {
    const d = isDSIC(env, mech);
    expect(d.verdict).toBe("fails");
    if (d.verdict !== "fails") return;
    expect(d.violation).toMatchObject({ agent: 0, trueProfile: [1, 0], othersReports: [1, 1], report: 0 });
    expect(qstr(d.violation.gain)).toBe("1/2");
    expect(describeViolation(env, d.violation)).toContain('when the others report ("1") (true profile ("1", "0"))');
  });
  it("efficientRule picks a exactly where θ_1 + θ_2 − 3/2 > 0; ties go to the lowest index", () => {
    expect(efficientRule(env)).toEqual([1, 1, 1, 0]);
    const flat: Environment = { ...env, valuation: [[[ZERO, ZERO]], [[ZERO, ZERO]]], types: [["x"], ["y"]] };
    expect(efficientDecisions(flat, 0)).toEqual([0, 1]);
    expect(efficientRule(flat)).toEqual([0]);
  });
  it("an inefficient mechanism: b at (1,1) loses surplus 1/2", () => {
    const bad: DirectMechanism = { ...mech, allocation: [B, B, B, [H, H]] };
    const e = isExPostEfficient(env, bad);
    expect(e.verdict).toBe("fails");
    if (e.verdict === "fails") {
      expect(e.violation).toMatchObject({ profile: [1, 1], decision: 1, bestDecision: 0 });
      expect(qstr(e.violation.loss)).toBe("1/2");
    }
  });
});

describe("IR with reservation levels and zero-probability types", () => {
  it("interim IR fails by exactly the shortfall; a zero-probability type imposes nothing", () => {
    // One agent (a seller), types lo/hi, decisions keep/sell; v(sell) = 0, v(keep) = own cost 1 or 3.
    // Mechanism: always sell at price −2 (the seller receives 2). Reservation = value of keeping.
    const env: Environment = {
      agents: ["seller"],
      types: [["lo", "hi"]],
      decisions: ["keep", "sell"],
      valuation: [[[q(1), ZERO], [q(3), ZERO]]],
      reservation: [[q(1), q(3)]],
    };
    const mech: DirectMechanism = { kind: "direct", allocation: [[ZERO, ONE], [ZERO, ONE]], payments: [[q(-2)], [q(-2)]] };
    // type hi: utility 0 − (−2) = 2 < 3: shortfall 1
    const r = isExPostIR(env, mech);
    expect(r.verdict).toBe("fails");
    if (r.verdict === "fails") expect([r.violation.agent, r.violation.trueProfile, qstr(r.violation.gain)]).toEqual([0, [1], "1"]);
    const i1 = isInterimIR(env, mech, { kind: "common-prior", prior: [q("1/2"), q("1/2")] });
    expect(i1.verdict).toBe("fails");
    expect(isInterimIR(env, mech, { kind: "common-prior", prior: [ONE, ZERO] }).verdict).toBe("holds");
    expect(isBIC(env, mech, { kind: "common-prior", prior: [ONE, ZERO] }).verdict).toBe("holds");
  });
});

describe("malformed input is a MechcheckError naming the field", () => {
  const env = auctionEnv();
  it("a lottery that does not sum to 1", () => {
    const spa = auction((_o, other) => other);
    const bad = { ...spa, allocation: spa.allocation.map((l, k) => (k === 4 ? [ZERO, H, q("1/3")] : l)) };
    expect(() => isDSIC(env, bad)).toThrow(ValidationError);
    try {
      isDSIC(env, bad);
    } catch (e) {
      expect((e as ValidationError).path).toBe("mechanism.allocation[4]");
      expect((e as ValidationError).message).toContain("sum to 5/6");
    }
  });
  it("a negative prior weight and a wrong length, collected together", () => {
    const spa = auction((_o, other) => other);
    const prior = [q("-1/3"), ...Array.from({ length: 7 }, () => q("1/9"))];
    try {
      isBIC(env, spa, { kind: "common-prior", prior });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.code)).toEqual(["wrong-length"]);
    }
    const prior9 = [q("-1/3"), ...Array.from({ length: 8 }, () => q("1/6"))];
    try {
      isBIC(env, spa, { kind: "common-prior", prior: prior9 });
      expect.unreachable();
    } catch (e) {
      const err = e as ValidationError;
      expect(err.issues[0]).toMatchObject({ code: "negative-probability", path: "beliefs.prior[0]" });
      expect(err.message).toContain("weight -1/3 is negative");
    }
  });
  it("ex ante budget balance needs a common prior", () => {
    const spa = auction((_o, other) => other);
    expect(() => isExAnteBudgetBalanced(env, spa, { kind: "per-type", beliefs: [] })).toThrow(/common prior/);
  });
});
