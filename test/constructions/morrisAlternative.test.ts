/**
 * src/beliefs/noTradeAlternatives.ts: Morris (1994) as exact theorems of the alternative —
 * [BrooksExPost2023, slides *Aside on no-trade with IC*, *Lemma (Morris'
 * theorem)*, *Farkas dual of trade with IC*, *Noisy concordant beliefs*, *No trade without CPA but
 * with IC*]. Hand-made type spaces are explained where they are built.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkCommonPrior,
  checkSurplusTrade,
  commonPriorLp,
  multipliersFromStrictNcPrimal,
  multipliersFromSurplusFarkas,
  noisyConcordantFromData,
  nonPositiveLambdas,
  priorFromCommonPriorPrimal,
  signalAccuracySpace,
  strictNoisyConcordanceLp,
  surplusTradeLp,
  tradeFromCommonPriorFarkas,
  tradeFromStrictNcFarkas,
  tradeFromSurplusPrimal,
  typeSpaceFromJson,
  typeSpaceToJson,
} from "../../src/beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance, checkTrade, icTradeLp, noisyConcordanceLp, typeSpaceFromPrior } from "../../src/beliefs/noTrade.ts";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import type { LpModel, LpResult } from "../../src/lp/model.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import type { HarsanyiTypeSpace } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

function solved(model: LpModel): LpResult {
  const r = solve(model);
  expect(verify(model, r)).toEqual({ ok: true });
  return r;
}

const strs = (xs: readonly Q[]) => xs.map((x) => x.toFraction());

/**
 * The minimal counterexample of `morris-ic-trade-slide` (counterexamples/morris-ic-trade-slide/):
 * 2 × 2 types, 2 states. Agent 1's type 2 is sure of (t_2 = 1, θ = 1); agent 2's type 1 is sure of
 * (t_1 = 2, θ = 1); the other two types hold uniform beliefs. The point mass on (t = (2,1), θ = 1)
 * is a common prior for the two "sure" types, with λ_1(2) = λ_2(1) = 1 and λ = 0 for the uniform
 * types, which have probability 0 under it; so noisy concordance holds with λ not all zero but not
 * with every λ > 0, and agent 1's uniform type 1 can be given a strictly profitable bet.
 */
function slideCounterexample(): HarsanyiTypeSpace {
  const u = ["1/4", "1/4", "1/4", "1/4"].map((x) => q(x));
  return {
    agents: ["1", "2"],
    types: [["t1", "t2"], ["t1", "t2"]],
    states: ["s1", "s2"],
    beliefs: [
      [u, [ONE, ZERO, ZERO, ZERO]],
      [[ZERO, ZERO, ONE, ZERO], u],
    ],
  };
}

describe("strict noisy concordance (every λ > 0) vs IC trade", () => {
  it("common-prior posteriors: feasible, the multipliers re-check with every λ > 0", () => {
    const ts = typeSpaceFromPrior([2, 3], 2, [1, 2, 3, 1, 2, 3, 2, 2, 1, 1, 4, 1]);
    const r = solved(strictNoisyConcordanceLp(ts));
    if (r.status !== "optimal") throw new Error(r.status);
    const m = multipliersFromStrictNcPrimal(ts, r.primal);
    expect(checkNoisyConcordance(ts, m)).toEqual([]);
    expect(nonPositiveLambdas(m)).toEqual([]);
    expect(solved(icTradeLp(ts)).status).toBe("optimal");
  });

  it("slide example, p = 3/4 > q = 2/3: noisy concordant (no IC trade); p = 2/3 < q = 3/4: infeasible, the Farkas certificate is an IC trade", () => {
    const noTrade = signalAccuracySpace(q("3/4"), q("2/3"));
    const r1 = solved(strictNoisyConcordanceLp(noTrade));
    expect(r1.status).toBe("optimal");
    const trade = signalAccuracySpace(q("2/3"), q("3/4"));
    const r2 = solved(strictNoisyConcordanceLp(trade));
    if (r2.status !== "infeasible") throw new Error(r2.status);
    expect(checkTrade(trade, tradeFromStrictNcFarkas(trade, r2.farkas.rows), { ic: true }).failures).toEqual([]);
  });

  it("the slide's wording fails on the saved counterexample: an IC trade AND noisy concordance with λ not all zero", () => {
    const ts = slideCounterexample();
    const t = solved(icTradeLp(ts));
    if (t.status !== "optimal") throw new Error(t.status);
    expect(t.value.toFraction()).toBe("1");
    expect(solved(noisyConcordanceLp(ts)).status).toBe("optimal");
    // … but not with every λ > 0: the exact alternative of the trade.
    expect(solved(strictNoisyConcordanceLp(ts)).status).toBe("infeasible");
    // The hand-made multipliers of the comment above.
    const pi = new Array<Q>(8).fill(ZERO);
    pi[2 * 2 + 0] = ONE; // t = (2,1) is profile index 1·2 + 0 = 2; θ = 1
    const m = { pi, lambda: [[ZERO, ONE], [ONE, ZERO]], mu: [[[ZERO, ZERO], [ZERO, ZERO]], [[ZERO, ZERO], [ZERO, ZERO]]] };
    expect(checkNoisyConcordance(ts, m)).toEqual([]);
    expect(nonPositiveLambdas(m)).toEqual([[0, 0], [1, 1]]);
  });
});

describe("strict surplus trade vs noisy concordance with λ not all zero", () => {
  it("independent beliefs: a surplus trade (re-checked); p > q slide example: none, the Farkas certificate is noisy concordance", () => {
    const ts: HarsanyiTypeSpace = { agents: ["1", "2"], types: [["a"], ["b"]], states: ["x", "y"], beliefs: [[[q("1/3"), q("2/3")]], [[q("1/2"), q("1/2")]]] };
    const r = solved(surplusTradeLp(ts));
    if (r.status !== "optimal") throw new Error(r.status);
    expect(checkSurplusTrade(ts, tradeFromSurplusPrimal(ts, r.primal))).toEqual([]);
    const nc = signalAccuracySpace(q("3/4"), q("2/3"));
    const r2 = solved(surplusTradeLp(nc));
    if (r2.status !== "infeasible") throw new Error(r2.status);
    const m = multipliersFromSurplusFarkas(nc, r2.farkas.rows);
    expect(checkNoisyConcordance(nc, m)).toEqual([]);
  });

  it("the saved counterexample has no surplus trade (λ not all zero holds there)", () => {
    expect(solved(surplusTradeLp(slideCounterexample())).status).toBe("infeasible");
  });

  it("checkSurplusTrade rejects a trade without strict surplus", () => {
    const ts: HarsanyiTypeSpace = { agents: ["1", "2"], types: [["a"], ["b"]], states: ["x", "y"], beliefs: [[[q("1/3"), q("2/3")]], [[q("1/2"), q("1/2")]]] };
    expect(checkSurplusTrade(ts, [[ZERO, ZERO], [ZERO, ZERO]])).toEqual(["no strict surplus at t=(1,1), θ=1", "no strict surplus at t=(1,1), θ=2"]);
  });
});

describe("common prior LP", () => {
  it("posteriors of a full-support prior: the LP finds a prior that passes Bayes' rule", () => {
    const ts = typeSpaceFromPrior([2, 2], 2, [1, 2, 3, 4, 5, 6, 7, 8]);
    const r = solved(commonPriorLp(ts));
    if (r.status !== "optimal") throw new Error(r.status);
    const p = priorFromCommonPriorPrimal(ts, r.primal);
    expect(checkCommonPrior(ts, p)).toEqual([]);
    // … and it is the prior itself (unique here: full support, connected).
    expect(strs(p)).toEqual(strs([1, 2, 3, 4, 5, 6, 7, 8].map((w) => q(w).div(36))));
  });

  it("slide example p ≠ q: no common prior, the Farkas certificate is a feasible acceptable trade; p = q: the prior", () => {
    const ts = signalAccuracySpace(q("3/4"), q("2/3"));
    const r = solved(commonPriorLp(ts));
    if (r.status !== "infeasible") throw new Error(r.status);
    expect(checkTrade(ts, tradeFromCommonPriorFarkas(ts, r.farkas.rows), { ic: false }).failures).toEqual([]);
    const same = signalAccuracySpace(q("3/4"), q("3/4"));
    const r2 = solved(commonPriorLp(same));
    if (r2.status !== "optimal") throw new Error(r2.status);
    // P(t_2, θ) = ½·(3/4 if t_2 = θ else 1/4): profile t = (·, t_2), index t_2·2 + θ.
    expect(strs(priorFromCommonPriorPrimal(same, r2.primal))).toEqual(["3/8", "1/8", "1/8", "3/8"]);
  });

  it("checkCommonPrior rejects a prior with a zero-probability type and a wrong conditional", () => {
    const ts = typeSpaceFromPrior([2, 1], 1, [1, 1]);
    expect(checkCommonPrior(ts, [ONE, ZERO])).toContain("type 2 of agent 1 has prior probability 0");
    const ts2 = typeSpaceFromPrior([1, 2], 1, [1, 3]);
    expect(checkCommonPrior(ts2, [q("1/2"), q("1/2")])).toContain("Bayes' rule fails for agent 1, type 1, entry 0");
  });
});

describe("noisyConcordantFromData", () => {
  it("flows 0: the common-prior posteriors", () => {
    const w = [1, 2, 3, 4, 5, 6, 7, 8];
    const { typeSpace } = noisyConcordantFromData([2, 2], 2, w, [[0, 0, 0, 0], [0, 0, 0, 0]]);
    const cp = typeSpaceFromPrior([2, 2], 2, w);
    expect(typeSpace.beliefs.map((bi) => bi.map(strs))).toEqual(cp.beliefs.map((bi) => bi.map(strs)));
  });

  it("with flows: the multipliers solve the concordance equations with every λ > 0, and a trade exists without IC only", () => {
    const { typeSpace, multipliers } = noisyConcordantFromData([2, 3], 2, [5, 1, 2, 4, 3, 3, 1, 5, 2, 2, 4, 1], [[0, 3, 1, 0], [0, 2, 0, 1, 0, 1, 0, 2, 0]]);
    expect(checkNoisyConcordance(typeSpace, multipliers)).toEqual([]);
    expect(nonPositiveLambdas(multipliers)).toEqual([]);
    expect(multipliers.mu.flat(2).some((x) => x.n !== 0n)).toBe(true);
    const r = solved(commonPriorLp(typeSpace));
    expect(r.status).toBe("infeasible");
    const t = solved(icTradeLp(typeSpace));
    if (t.status !== "optimal") throw new Error(t.status);
    expect(t.value.toFraction()).toBe("0");
  });
});

describe("signal accuracy space and JSON", () => {
  it("beliefs as on the slide, and a lossless round trip", () => {
    const ts = signalAccuracySpace(q("3/5"), q("9/10"));
    expect(strs(ts.beliefs[0]![0]!)).toEqual(["3/10", "1/5", "1/5", "3/10"]);
    expect(ts.beliefs[1]!.map(strs)).toEqual([["9/10", "1/10"], ["1/10", "9/10"]]);
    const back = typeSpaceFromJson(JSON.parse(JSON.stringify(typeSpaceToJson(ts))));
    expect(back.beliefs.map((bi) => bi.map(strs))).toEqual(ts.beliefs.map((bi) => bi.map(strs)));
    expect(() => typeSpaceFromJson({ agents: ["1"], types: [["a"]], states: ["x", "y"], beliefs: [[["1/2", "1/3"]]] })).toThrow(/sums to 5\/6/);
  });
});
