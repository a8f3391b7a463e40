/**
 * Belief types and Prop 7.15 of [BernardMD3, *Common Prior*]: hand-made common priors where types
 * pool into belief classes, and a control where conditioning on the wrong partition (all types
 * pooled) exposes the correlation the belief types absorb.
 */
import { describe, expect, it } from "vitest";
import { beliefClasses, conditionalIndependence, typeBelief, type PayoffTypeSpace } from "../../src/beliefs/beliefTypes.ts";
import { q } from "../../src/exact/rational.ts";

/** π(τ) = a_1(τ_1) a_2(τ_2) g(c_1(τ_1), c_2(τ_2)) / Z with classes {0,1},{2} for agent 1 and {0},{1,2} for agent 2. */
function pooled(): PayoffTypeSpace {
  const a1 = [1, 2, 1];
  const a2 = [3, 1, 2];
  const c1 = [0, 0, 1];
  const c2 = [0, 1, 1];
  const g = [
    [1, 3],
    [2, 1],
  ];
  const w: number[] = [];
  for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) w.push(a1[x]! * a2[y]! * g[c1[x]!]![c2[y]!]!);
  const Z = w.reduce((s, v) => s + v, 0);
  return { sizes: [3, 3], thetaSizes: [2, 2], payoffType: [[0, 1, 1], [0, 0, 1]], prior: w.map((v) => q(v).div(q(Z))) };
}

describe("beliefTypes", () => {
  it("types with proportional rows share a belief type", () => {
    const ts = pooled();
    expect(beliefClasses(ts)).toEqual([
      [0, 0, 1],
      [0, 1, 1],
    ]);
    const b0 = typeBelief(ts, 0, 0);
    const b1 = typeBelief(ts, 0, 1);
    expect(b0.every((x, k) => x.equals(b1[k]!))).toBe(true);
  });

  it("Prop 7.15: given the belief profile, payoff types (and types) are independent", () => {
    const r = conditionalIndependence(pooled());
    expect(r.holds).toBe(true);
    if (r.holds) {
      expect(r.beliefProfiles).toBe(4);
      expect(r.nontrivialProfiles).toBe(1); // β = (class 0, class 1): both agents' payoff types vary
    }
  });

  it("control: conditioning on nothing (one pooled class) shows the correlation", () => {
    const r = conditionalIndependence(pooled(), [
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(r.holds).toBe(false);
  });

  it("a generic correlated prior has singleton belief classes", () => {
    const ts: PayoffTypeSpace = { sizes: [2, 2], thetaSizes: [2, 2], payoffType: [[0, 1], [0, 1]], prior: ["1/10", "2/10", "3/10", "4/10"].map((x) => q(x)) };
    expect(beliefClasses(ts)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(conditionalIndependence(ts).holds).toBe(true);
  });
});
