/**
 * Identifiability (seed 001 Def 7.13) and the Prop 7.14 LP: independent priors are identifiable
 * (μ(τ_i, ·) ∝ π_{-i} for all i forces μ = π) although CM fails; the correlated 2×2 prior
 * 4, 1, 1, 4 (/10) satisfies CM but is not identifiable (the uniform μ lies in every cone); a
 * BIC, budget-balanced mechanism is its own equivalent.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { conditionalBeliefs } from "../../src/concepts/index.ts";
import { budgetBalancedEquivalent, identifiability, inM } from "../../src/constructions/identifiability.ts";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import type { DirectMechanism, Environment } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const env = (sizes: number[]): Environment => {
  const P = sizes.reduce((a, b) => a * b, 1);
  return { agents: sizes.map((_, i) => String(i + 1)), types: sizes.map((m) => Array.from({ length: m }, (_, k) => `t${k}`)), decisions: ["d"], valuation: sizes.map(() => Array.from({ length: P }, () => [ZERO])) };
};
const cond = (e: Environment, prior: Q[]) => conditionalBeliefs(e, { kind: "common-prior", prior }).map((r) => r.map((b) => b!));

describe("identifiability", () => {
  it("an independent prior (3 agents) is identifiable", () => {
    const m = [[q("1/3"), q("2/3")], [q("1/4"), q("3/4")], [q("1/2"), q("1/2")]];
    const prior: Q[] = [];
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) for (let c = 0; c < 2; c++) prior.push(m[0]![a]!.mul(m[1]![b]!).mul(m[2]![c]!));
    const e = env([2, 2, 2]);
    expect(identifiability([2, 2, 2], prior, cond(e, prior)).identifiable).toBe(true);
  });

  it("the 2×2 prior 4, 1, 1, 4 is not identifiable; the witness lies in M", () => {
    const prior = [4, 1, 1, 4].map((x) => q(x).div(q(10)));
    const e = env([2, 2]);
    const c = cond(e, prior);
    const v = identifiability([2, 2], prior, c);
    expect(v.identifiable).toBe(false);
    if (!v.identifiable) {
      expect(inM([2, 2], c, v.mu)).toBe(true);
      expect(v.mu.some((x, t) => !x.equals(prior[t]!))).toBe(true);
    }
    expect(inM([2, 2], c, [q("1/4"), q("1/4"), q("1/4"), q("1/4")])).toBe(true);
    expect(inM([2, 2], c, [q("1/2"), q("1/2"), ZERO, ZERO])).toBe(false);
  });

  it("a BIC, budget-balanced mechanism is its own equivalent", () => {
    const prior = [4, 1, 1, 4].map((x) => q(x).div(q(10)));
    const e = env([2, 2]);
    const m: DirectMechanism = { kind: "direct", allocation: [[ONE], [ONE], [ONE], [ONE]], payments: [[ONE, q(-1)], [ONE, q(-1)], [ONE, q(-1)], [ONE, q(-1)]] };
    expect(budgetBalancedEquivalent(e, cond(e, prior), m).exists).toBe(true);
  });
});
