import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rank } from "../../src/exact/linalg.ts";
import type { Q } from "../../src/exact/rational.ts";
import type { Environment } from "../../src/model/environment.ts";
import { lemma75 } from "../../src/budgetBalance/balancedVcg.ts";
import { budget, count, decode, fr, isEfficient, maxDsicGain, pvEnv, RUNS, sizesOf, Z } from "./bruteForce.ts";

/** Bilateral trade ([BernardMD3, *Bilateral Trade*]): agent 0 seller, 1 buyer; q ∈ {no trade, trade}; u_S = (1−q)θ_S, u_B = qθ_B. */
function trade(seller: number[], buyer: number[]): Environment {
  const sizes = [seller.length, buyer.length];
  return {
    agents: ["S", "B"],
    types: [seller.map(String), buyer.map(String)],
    decisions: ["no trade", "trade"],
    valuation: [
      Array.from({ length: count(sizes) }, (_, t) => [fr(seller[decode(sizes, t)[0]!]!), Z]),
      Array.from({ length: count(sizes) }, (_, t) => [Z, fr(buyer[decode(sizes, t)[1]!]!)]),
    ],
  };
}

/** Independent check of a certificate: for every agent i and θ_{-i}, the weights of profiles agreeing on θ_{-i} sum to 0; yᵀb ≠ 0. */
function checkCertificate(env: Environment, y: readonly Q[], rule: readonly number[]): boolean {
  const sizes = sizesOf(env);
  const sums = new Map<string, Q>();
  let yb = Z;
  for (let t = 0; t < count(sizes); t++) {
    const p = decode(sizes, t);
    for (let i = 0; i < sizes.length; i++) {
      const key = `${i}|${p.filter((_, j) => j !== i).join(",")}`;
      sums.set(key, (sums.get(key) ?? Z).add(y[t]!));
    }
    const S = env.valuation.reduce((a, vi) => a.add(vi[t]![rule[t]!]!), Z);
    yb = yb.add(y[t]!.mul(S));
  }
  return [...sums.values()].every((s) => s.equals(0)) && !yb.equals(0);
}

describe("Lemma 7.5", () => {
  it("bilateral trade with overlapping values {1,2}: no BB VCG; the certificate is Thm 7.6's four-profile argument", () => {
    // Efficient surplus max(θ_S, θ_B): (1,1) → 1, (1,2) → 2, (2,1) → 2, (2,2) → 2.
    // y = (+1, −1, −1, +1) on (1,1),(1,2),(2,1),(2,2): row/column sums vanish, yᵀb = 1 − 2 − 2 + 2 = −1 ≠ 0.
    const env = trade([1, 2], [1, 2]);
    const res = lemma75(env);
    expect(res.solvable).toBe(false);
    if (!res.solvable) {
      expect(res.y.map((x) => x.toFraction())).toEqual(["-1", "1", "1", "-1"]);
      expect(res.yTb.toFraction()).toBe("1");
      expect(checkCertificate(env, res.y, res.system.rule)).toBe(true);
    }
  });

  it("bilateral trade with separated supports (seller {1,2}, buyer {3,4}): solvable, the constructed VCG is BB and DSIC", () => {
    // Trade is always efficient: surplus = θ_B = H_S(θ_B) + H_B(θ_S), e.g. H_S = θ_B, H_B = 0.
    const env = trade([1, 2], [3, 4]);
    const res = lemma75(env);
    expect(res.solvable).toBe(true);
    if (res.solvable) {
      expect(budget(res.mechanism).every((b) => b.equals(0))).toBe(true);
      expect(maxDsicGain(env, res.mechanism).compare(0)).toBeLessThanOrEqual(0);
      expect(isEfficient(env, res.mechanism)).toBe(true);
      // h = (n−1)H with n = 2: h equals H
      expect(res.h.map((r) => r.map((x) => x.toFraction()))).toEqual(res.H.map((r) => r.map((x) => x.toFraction())));
    }
  });

  it("random private-values environments: the verdict agrees with rank(A) = rank([A|b]), and each side is certified", () => {
    const seen = { yes: 0, no: 0 };
    fc.assert(
      fc.property(pvEnv({ maxTypes: 3 }), (env) => {
        const res = lemma75(env);
        const { A, b } = res.system;
        const augmented = A.map((r, k) => [...r, b[k]!]);
        expect(res.solvable).toBe(rank(A) === rank(augmented));
        if (res.solvable) {
          seen.yes++;
          const n = env.agents.length;
          expect(budget(res.mechanism).every((x) => x.equals(0))).toBe(true);
          expect(maxDsicGain(env, res.mechanism).compare(0)).toBeLessThanOrEqual(0);
          expect(isEfficient(env, res.mechanism)).toBe(true);
          res.h.forEach((row, i) => row.forEach((x, k) => expect(x.equals(res.H[i]![k]!.mul(n - 1))).toBe(true)));
        } else {
          seen.no++;
          expect(checkCertificate(env, res.y, res.system.rule)).toBe(true);
        }
      }),
      RUNS,
    );
    expect(seen.yes).toBeGreaterThan(0);
    expect(seen.no).toBeGreaterThan(0);
  });

  it("refuses an inefficient rule", () => {
    const env = trade([1, 2], [1, 2]);
    expect(() => lemma75(env, [1, 1, 1, 1])).toThrow(/rule\[2\].*not efficient/);
  });
});
