/**
 * Guaranteed revenue of BIC, interim IR mechanisms without a common prior ([BernardMD3, Prop 7.18]):
 * bounded under a common prior, unbounded with disagreeing beliefs (the ray is an IC trade, seed
 * 000 Morris 1994) with a strict surplus at every profile, bounded again on noisy concordant beliefs
 * that admit no common prior — including Chung–Ely's maxmin beliefs, where an IC trade (some type
 * strictly better off) exists but no strict-surplus one, so revenue stays bounded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isBIC, isInterimIR } from "../../src/concepts/index.ts";
import { checkSurplusTrade, surplusTradeLp } from "../../src/beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance, checkTrade, icTradeLp, plainTradeLp, randomNoisyConcordantTypeSpace } from "../../src/beliefs/noTrade.ts";
import {
  guaranteedRevenueLp,
  harsanyiFromBeliefs,
  multipliersFromRevenueDual,
  ONE_MILLION,
  revenueBoundFromMultipliers,
  scaledMechanism,
  tradeFromRay,
} from "../../src/beliefs/revenueWithoutCommonPrior.ts";
import { q, qsum, ZERO, ONE } from "../../src/exact/rational.ts";
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
    if (r.status !== "optimal") return;
    expect(r.value.equals(q(2))).toBe(true);
    // the dual is a noisy-concordance certificate (Σ π = 1) whose weak-duality bound is the value
    const ts = harsanyiFromBeliefs(env, beliefs);
    const m = multipliersFromRevenueDual(env, lp, r.dual.rows);
    expect(checkNoisyConcordance(ts, m)).toEqual([]);
    expect(qsum(m.pi).equals(ONE)).toBe(true);
    expect(revenueBoundFromMultipliers(env, lp, m).equals(q(2))).toBe(true);
  });

  it("opposed beliefs: unbounded; the ray is a strict-surplus IC trade and p + 10⁶·d is BIC and IIR", () => {
    const beliefs = [
      [[fr("3/4"), fr("1/4")], [fr("1/2"), fr("1/2")]],
      [[fr("1/4"), fr("3/4")], [fr("1/2"), fr("1/2")]],
    ];
    const lp = guaranteedRevenueLp(env, beliefs, alloc);
    const r = solve(lp.model);
    expect(r.status).toBe("unbounded");
    if (r.status !== "unbounded") return;
    const ts = harsanyiFromBeliefs(env, beliefs);
    expect(checkSurplusTrade(ts, tradeFromRay(env, lp, r.ray))).toEqual([]);
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

  it("Chung–Ely's maxmin beliefs π* (f ∝ (1,1,1; 1,1,2; 2,1,1)): an IC trade exists, yet revenue is bounded (no strict-surplus trade)", () => {
    const names = ["v1", "v2", "v3"];
    const env3: Environment = { agents: ["1", "2"], types: [names, names], decisions: ["d"], valuation: [0, 1].map(() => Array.from({ length: 9 }, () => [ZERO])) };
    const beliefs = [
      [["4/11", "3/11", "4/11"], ["3/8", "1/4", "3/8"], ["1/2", "1/4", "1/4"]],
      [["3/11", "4/11", "4/11"], ["2/7", "3/7", "2/7"], ["1/4", "1/2", "1/4"]],
    ].map((bi) => bi.map((row) => row.map(fr)));
    const ts = harsanyiFromBeliefs(env3, beliefs);
    const ic = solve(icTradeLp(ts));
    expect(ic.status === "optimal" && ic.value.equals(ONE)).toBe(true); // Morris's IC-trade LP: some type gains strictly
    expect(solve(surplusTradeLp(ts)).status).toBe("infeasible");
    const lp = guaranteedRevenueLp(env3, beliefs, pointMassAllocation(env3, new Array<number>(9).fill(0)));
    const r = solve(lp.model);
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    expect(r.value.equals(ZERO)).toBe(true);
    const m = multipliersFromRevenueDual(env3, lp, r.dual.rows);
    expect(checkNoisyConcordance(ts, m)).toEqual([]);
    expect(revenueBoundFromMultipliers(env3, lp, m).equals(ZERO)).toBe(true);
    if (ic.status === "optimal") {
      // the IC trade is not a strict-surplus trade
      const gamma = ts.types.map((_, i) => Array.from({ length: 9 }, (_, t) => ic.primal[i * 9 + t]!));
      expect(checkTrade(ts, gamma, { ic: true }).failures).toEqual([]);
      expect(checkSurplusTrade(ts, gamma).length).toBeGreaterThan(0);
    }
  });
});
