/**
 * Public-good provision on grids and in the continuum (src/publicGoods/provisionImpossibility.ts):
 * [BernardMD3, *Provision of a Public Good*, Prop 6.26]. Expected values are worked out by hand in the
 * comments.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isBIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../../src/concepts/index.ts";
import { pgBound, pgContinuous, pgDecide, pgEnvironment, pgMarginals, pgMaxBudgetLp, pgMechanism, pgTrivial, type PgCase } from "../../src/publicGoods/provisionImpossibility.ts";
import { Distribution } from "../../src/continuous/distribution.ts";
import { q, qstr, type Q } from "../../src/exact/rational.ts";
import { productPrior } from "../../src/generators/independentPrior.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const g = (...xs: number[]): Q[] => xs.map((x) => q(x));
const half = q(1).div(q(2));

describe("public good on grids", () => {
  it("{0,1}², c = 1: R* = −1/4 when ties provide, +1/4 when they do not (by hand)", () => {
    // provide at Σ ≥ 1: Q(0) = 1/2, Q(1) = 1 ⇒ P*(1) = 1/2, E[P*] = 1/4 each; Pr = 3/4 ⇒ R* = 1/2 − 3/4.
    // provide at Σ > 1: Q(0) = 0, Q(1) = 1/2 ⇒ P*(1) = 1/2, E[P*] = 1/4 each; Pr = 1/4 ⇒ R* = 1/2 − 1/4.
    const base = { values: [g(0, 1), g(0, 1)], cost: q(1) };
    expect(qstr(pgBound({ ...base, tie: "provide" }).maxBudget)).toBe("-1/4");
    expect(qstr(pgBound({ ...base, tie: "not" }).maxBudget)).toBe("1/4");
    expect(pgDecide({ ...base, tie: "provide" }).possible).toBe(false);
    expect(pgDecide({ ...base, tie: "not" }).possible).toBe(true);
  });

  it("{0,2}², c = 1/2 (non-trivial, no ties): R* = 5/8 by hand; the mechanism is BIC, IIR, efficient, ex post BB", () => {
    // provide iff someone has 2: Q(0) = 1/2, Q(2) = 1 ⇒ P*(2) = 1, E[P*] = 1/2 each; Pr = 3/4 ⇒ R* = 1 − 3/8.
    const c: PgCase = { values: [g(0, 2), g(0, 2)], cost: half, tie: "provide" };
    expect(pgTrivial(c)).toBe(false);
    expect(qstr(pgBound(c).maxBudget)).toBe("5/8");
    expect(qstr(pgMaxBudgetLp(c))).toBe("5/8");
    const { env } = pgEnvironment(c);
    const m = pgMechanism(c);
    const beliefs = { kind: "common-prior" as const, prior: productPrior(pgMarginals(c)) };
    expect(isBIC(env, m, beliefs).verdict).toBe("holds");
    expect(isInterimIR(env, m, beliefs).verdict).toBe("holds");
    expect(isExPostEfficient(env, m).verdict).toBe("holds");
    expect(isExPostBudgetBalanced(env, m).verdict).toBe("holds");
  });

  it("three agents {0,1}³, c = 3/2, non-uniform marginals: closed form = LP maximum, feasibility ⇔ R* ≥ 0", () => {
    const c: PgCase = { values: [g(0, 1), g(0, 1), g(0, 1)], cost: q(3).div(q(2)), tie: "provide", marginals: [[q(1).div(q(3)), q(2).div(q(3))], [half, half], [q(1).div(q(4)), q(3).div(q(4))]] };
    const b = pgBound(c);
    expect(qstr(pgMaxBudgetLp(c))).toBe(qstr(b.maxBudget));
    expect(pgDecide(c).possible).toBe(b.possible);
  });
});

describe("public good, continuous (two agents)", () => {
  it("uniform [0,1]², c = 1: both routes give −1/6 (2E[(θ1+θ2−1)^+] − 1/2 = 1/3 − 1/2)", () => {
    const U = Distribution.uniform(0, 1);
    const r = pgContinuous(U, U, q(1));
    expect(r.interior).toBe(true);
    expect(qstr(r.virtualBudget)).toBe("-1/6");
    expect(qstr(r.irVcgBudget)).toBe("-1/6");
  });

  it("trivial costs: c ≤ 2v̲ gives 2v̲ − c, c ≥ 2v̄ gives 0", () => {
    const U = Distribution.uniform(1, 2);
    expect(qstr(pgContinuous(U, U, q(1)).irVcgBudget)).toBe("1");
    expect(qstr(pgContinuous(U, U, q(1)).virtualBudget)).toBe("1");
    expect(qstr(pgContinuous(U, U, q(5)).irVcgBudget)).toBe("0");
  });
});
