/**
 * Guaranteed revenue of BIC, interim IR mechanisms without a common prior (seed 001 Prop 7.18):
 * bounded under a common prior, unbounded with disagreeing beliefs (the ray is an IC trade, seed
 * 000 Morris 1994), bounded again on noisy concordant beliefs that admit no common prior.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isBIC, isInterimIR } from "../../src/concepts/index.ts";
import { checkTrade, plainTradeLp, randomNoisyConcordantTypeSpace } from "../../src/constructions/morrisTrade.ts";
import { guaranteedRevenueLp, harsanyiFromBeliefs, ONE_MILLION, scaledMechanism, tradeFromRay } from "../../src/constructions/revenueUnbounded.ts";
import { q, ZERO, ONE } from "../../src/exact/rational.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { pointMassAllocation, type Environment } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

/** 2×2 types, one decision worth 1 to everybody (so IIR is slack), constant rule. */
const env: Environment = { agents: ["1", "2"], types: [["a", "b"], ["x", "y"]], decisions: ["d"], valuation: [[[ONE], [ONE], [ONE], [ONE]], [[ONE], [ONE], [ONE], [ONE]]] };
const alloc = pointMassAllocation(env, [0, 0, 0, 0]);
const fr = (s: string) => q(s);

describe("guaranteedRevenueLp", () => {
  it("common prior: bounded (max guaranteed revenue 2 = everybody's value)", () => {
    // the conditionals of the prior (a,x), (a,y), (b,x), (b,y) = 4, 1, 1, 4 (/10)
    const beliefs = [
      [[fr("4/5"), fr("1/5")], [fr("1/5"), fr("4/5")]],
      [[fr("4/5"), fr("1/5")], [fr("1/5"), fr("4/5")]],
    ];
    const lp = guaranteedRevenueLp(env, beliefs, alloc);
    const r = solve(lp.model);
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") expect(r.value.equals(q(2))).toBe(true);
  });

  it("opposed beliefs: unbounded; the ray is a strictly feasible IC trade and p + 10⁶·d is BIC and IIR", () => {
    const beliefs = [
      [[fr("3/4"), fr("1/4")], [fr("1/2"), fr("1/2")]],
      [[fr("1/4"), fr("3/4")], [fr("1/2"), fr("1/2")]],
    ];
    const lp = guaranteedRevenueLp(env, beliefs, alloc);
    const r = solve(lp.model);
    expect(r.status).toBe("unbounded");
    if (r.status !== "unbounded") return;
    const ts = harsanyiFromBeliefs(env, beliefs);
    expect(checkTrade(ts, tradeFromRay(env, lp, r.ray), { ic: true }).failures).toEqual([]);
    const mech = scaledMechanism(env, lp, alloc, r.point, r.ray, ONE_MILLION);
    const b = { kind: "per-type" as const, beliefs };
    expect(isBIC(env, mech, b).verdict).toBe("holds");
    expect(isInterimIR(env, mech, b).verdict).toBe("holds");
  });

  it("noisy concordant beliefs without a common prior: bounded", () => {
    let found = false;
    for (let seed = 0; seed < 20 && !found; seed++) {
      const { typeSpace } = randomNoisyConcordantTypeSpace(seed, { types: [2, 2], states: 1, maxWeight: 5 });
      const plain = solve(plainTradeLp(typeSpace));
      if (plain.status !== "optimal" || plain.value.equals(ZERO)) continue; // has a common prior
      found = true;
      const r = solve(guaranteedRevenueLp(env, typeSpace.beliefs, alloc).model);
      expect(r.status).toBe("optimal");
    }
    expect(found).toBe(true);
  });
});
