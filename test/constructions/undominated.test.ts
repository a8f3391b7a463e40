/**
 * Undominated mechanisms for the revenue criterion ([BernardMD3, Def 7.17, Prop 7.18]) by LP
 * duality (src/beliefs/undominatedMechanisms.ts): the π > 0 noisy-concordance LP and the weak-surplus
 * IC trade LP are alternatives; the domination LP re-checks Def 7.17 directly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { guaranteedRevenueLp, harsanyiFromBeliefs, mechanismAt, type PerTypeBeliefs } from "../../src/beliefs/revenueWithoutCommonPrior.ts";
import { checkWeakSurplusTrade, dominationModel, positiveNoisyConcordanceLp, weakSurplusTradeLp, weightedRevenueModel } from "../../src/beliefs/undominatedMechanisms.ts";
import { tradeFromPrimal } from "../../src/beliefs/noTrade.ts";
import { ONE, q, qsum, ZERO, type Q } from "../../src/exact/rational.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { pointMassAllocation, type Environment } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const env: Environment = { agents: ["1", "2"], types: [["a", "b"], ["a", "b"]], decisions: ["d"], valuation: [0, 1].map(() => Array.from({ length: 4 }, () => [ZERO])) };
const alloc = pointMassAllocation(env, [0, 0, 0, 0]);
const rows = (xs: string[][][]): PerTypeBeliefs => xs.map((a) => a.map((b) => b.map((x) => q(x))));

describe("undominated mechanisms, revenue criterion", () => {
  it("a full-support common prior: π > 0 noisy concordance, no weak-surplus trade, the π-weighted maximizer is undominated", () => {
    // prior (profiles aa, ab, ba, bb) = 1/10, 2/10, 3/10, 4/10 → conditionals by Bayes' rule
    const beliefs = rows([[["1/3", "2/3"], ["3/7", "4/7"]], [["1/4", "3/4"], ["1/3", "2/3"]]]);
    const ts = harsanyiFromBeliefs(env, beliefs);
    const nc = solve(positiveNoisyConcordanceLp(ts));
    expect(nc.status).toBe("optimal");
    expect(solve(weakSurplusTradeLp(ts)).status).toBe("infeasible");
    const lp = guaranteedRevenueLp(env, beliefs, alloc);
    const w = solve(weightedRevenueModel(lp, 2, [q(1), q(2), q(3), q(4)]));
    expect(w.status).toBe("optimal");
    if (w.status !== "optimal") return;
    const R = mechanismAt(env, lp, alloc, w.primal).payments.map((r) => qsum(r));
    const dom = solve(dominationModel(lp, 2, R));
    expect(dom.status).toBe("optimal");
    if (dom.status === "optimal") expect(dom.value.equals(qsum(R))).toBe(true);
    // negative control: revenue R* lowered by 1 at one profile is dominated (by the maximizer itself)
    const lower: Q[] = R.map((r, t) => (t === 2 ? r.sub(ONE) : r));
    const dom2 = solve(dominationModel(lp, 2, lower));
    expect(dom2.status).toBe("optimal");
    if (dom2.status === "optimal") expect(dom2.value.compare(qsum(lower))).toBeGreaterThan(0);
  });

  it("a profile nobody expects carries a free surplus: no π > 0, a weak-surplus IC trade dominates every mechanism", () => {
    // type a of agent 1 is sure of b; type b of agent 1 is sure of b; agent 2 types are sure of b: profile (a, a) has belief 0 for everyone
    const beliefs = rows([[["0", "1"], ["0", "1"]], [["0", "1"], ["0", "1"]]]);
    const ts = harsanyiFromBeliefs(env, beliefs);
    expect(solve(positiveNoisyConcordanceLp(ts)).status).toBe("infeasible");
    const tr = solve(weakSurplusTradeLp(ts));
    expect(tr.status).toBe("optimal");
    if (tr.status !== "optimal") return;
    const gamma = tradeFromPrimal(ts, tr.primal);
    expect(checkWeakSurplusTrade(ts, gamma)).toEqual([]);
    // negative control: the zero trade is no certificate
    expect(checkWeakSurplusTrade(ts, gamma.map((g) => g.map(() => ZERO))).length).toBeGreaterThan(0);
  });
});
