/**
 * Identifiability ([BernardMD3, Def 7.13]) and the Prop 7.14 LP: independent priors are identifiable
 * (μ(τ_i, ·) ∝ π_{-i} for all i forces μ = π) although CM fails; the correlated 2×2 prior
 * 4, 1, 1, 4 (/10) satisfies CM but is not identifiable (the uniform μ lies in every cone); a
 * BIC, budget-balanced mechanism is its own equivalent.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { conditionalBeliefs } from "../../src/concepts/index.ts";
import { budgetBalancedEquivalent, farkasWitness, identifiability, identifiabilityLp, inM } from "../../src/beliefs/identifiability.ts";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
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

  // issue 11, finding 0: the kosenok-severinov case found at --scale 10 (3 agents × 2 types, one decision).
  // Its prior satisfies CM but is NOT identifiable; the only coordinate where a μ ∈ M exceeds π is the
  // last profile, which the old test skipped ("μ ≤ π elsewhere forces μ = π there" — it forces μ ≥ π).
  const ksPrior = ["2/13", "9/52", "3/26", "7/52", "7/52", "2/13", "3/26", "1/52"].map((x) => q(x));
  const ksMech: DirectMechanism = {
    kind: "direct",
    allocation: Array.from({ length: 8 }, () => [ONE]),
    payments: Array.from({ length: 8 }, (_, t) => [q("1/52"), t === 7 ? q(-1) : ZERO, ZERO]),
  };
  // worked by hand (exact fractions, outside the project): ν = −(BB multipliers) + 5π, normalized
  const ksMu = ["65036/435279", "292727/1741116", "32583/290186", "74987/580372", "227821/1741116", "64711/435279", "31023/290186", "31661/580372"].map((x) => q(x));

  it("the kosenok-severinov regression prior is not identifiable (a full-support μ ∈ M exceeds π only at the last profile)", () => {
    const e = env([2, 2, 2]);
    const c = cond(e, ksPrior);
    expect(ksMu.reduce((s, x) => s.add(x), ZERO).equals(ONE)).toBe(true);
    expect(inM([2, 2, 2], c, ksMu)).toBe(true);
    ksMu.forEach((m, t) => expect(m.compare(ksPrior[t]!)).toBe(t === 7 ? 1 : -1));
    // the old shortcut (LPs for all but the last profile) would have passed: max μ(τ) = π(τ) there
    for (let t = 0; t < 7; t++) {
      const r = solve(identifiabilityLp([2, 2, 2], c, t), { exactOnly: true });
      expect(r.status).toBe("optimal");
      if (r.status === "optimal") expect(r.value.equals(ksPrior[t]!)).toBe(true);
    }
    const v = identifiability([2, 2, 2], ksPrior, c, { exactOnly: true });
    expect(v.identifiable).toBe(false);
    if (!v.identifiable) {
      expect(v.at).toBe(7);
      expect(inM([2, 2, 2], c, v.mu)).toBe(true);
    }
  });

  it("the regression mechanism has no equivalent BIC + ex post BB mechanism, and the Farkas certificate yields a μ ∈ M, μ ≠ π", () => {
    const e = env([2, 2, 2]);
    const c = cond(e, ksPrior);
    const r = budgetBalancedEquivalent(e, c, ksMech);
    expect(r.exists).toBe(false);
    if (!r.exists) {
      const mu = farkasWitness([2, 2, 2], ksPrior, r.farkas);
      expect(mu.every((x) => x.s > 0n && x.n !== 0n)).toBe(true);
      expect(mu.some((x, t) => !x.equals(ksPrior[t]!))).toBe(true);
      expect(inM([2, 2, 2], c, mu)).toBe(true);
      // negative control: a tampered certificate (one BB multiplier changed) no longer gives a point of M
      const bad = { ...r.farkas, "BB[0]": q(r.farkas["BB[0]"] ?? "0").add(ONE).toFraction() };
      expect(inM([2, 2, 2], c, farkasWitness([2, 2, 2], ksPrior, bad))).toBe(false);
    }
  });
});

