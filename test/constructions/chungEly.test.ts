/**
 * src/robust/worstCaseBeliefs.ts and `mechcheck study ce2007` (src/studies/chungEly2007.ts): Chung and Ely
 * (2007) — [BrooksExPost2023, slides *Regular case*] (its formula
 * corrected), *Analyzing the Lagrangian*, *A worst-case belief structure*, *Deriving π\**, *Noisy
 * concordance in the maxmin beliefs*. Expected numbers are derived by hand in the comments.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTED_WEIGHTS } from "../../src/studies/chungEly2007.ts";
import { studyCommand } from "../../src/cli/commands/study.ts";
import {
  allocationFromColumns,
  analyzeChungEly,
  bayesianAuctionLp,
  checkBayesianMechanism,
  dualUpperBound,
  envelopePayments,
  localDualForP,
  localDualForPPrime,
  monotoneMaximizerLp,
  piStar,
  piStarMultipliers,
  priorFromJson,
  priorToJson,
  saddlePointByCertificates,
  solveSmall,
  valueTypeSpace,
} from "../../src/robust/worstCaseBeliefs.ts";
import { commonPriorLp } from "../../src/beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance } from "../../src/beliefs/noTrade.ts";
import { auctionPrior, checkAuctionMechanism, isRegular, localVirtualValueRevenue, optimalExPostAuctionLp, randomCorrelatedPrior } from "../../src/robust/optimalExPostAuction.ts";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const strs = (xs: readonly Q[]) => xs.map((x) => x.toFraction());
const value = (r: ReturnType<typeof solve>): string => {
  if (r.status !== "optimal") throw new Error(r.status);
  return r.value.toFraction();
};

describe("π* (slide *Deriving π\\**)", () => {
  it("n = 2, K = 2, f = (1, 1; 2, 1)/5 (rows v_1): beliefs by hand, and no common prior", () => {
    // Bidder 1: α_1(1, v_2) = f(1, v_2) + f(2, v_2) = (3, 2)/5 → (3/5, 2/5); α_1(2, ·) = (2, 1)/5 → (2/3, 1/3).
    // Bidder 2: α_2(1, v_1) = f(v_1, 1) + f(v_1, 2) = (2, 3)/5 → (2/5, 3/5); α_2(2, ·) = (1, 1)/5 → (1/2, 1/2).
    const f = auctionPrior(2, 2, [1, 1, 2, 1]);
    const b = piStar(f);
    expect(b.map((bi) => bi.map(strs))).toEqual([
      [["3/5", "2/5"], ["2/3", "1/3"]],
      [["2/5", "3/5"], ["1/2", "1/2"]],
    ]);
    // A common prior p = (3a, 2a; 2b, b) (rows from bidder 1) needs (3a, 2b) ∝ (2, 3), i.e. b = 9a/4,
    // and (2a, b) ∝ (1, 1), i.e. b = 2a: impossible.
    expect(solve(commonPriorLp(valueTypeSpace(f, b))).status).toBe("infeasible");
  });

  it("independent f: π* is the other bidder's marginal for every value, and f is a common prior", () => {
    // f = (1, 2) ⊗ (1, 3): α_1(k, ·) ∝ (1, 3) for every k.
    const f = auctionPrior(2, 2, [1, 3, 2, 6]);
    expect(piStar(f).map((bi) => bi.map(strs))).toEqual([
      [["1/4", "3/4"], ["1/4", "3/4"]],
      [["1/3", "2/3"], ["1/3", "2/3"]],
    ]);
    expect(solve(commonPriorLp(valueTypeSpace(f, piStar(f)))).status).toBe("optimal");
  });

  it("the slide's multipliers solve the noisy-concordance equations (random priors), and a perturbed one does not", () => {
    for (const seed of [1, 2, 3]) {
      const f = randomCorrelatedPrior(seed, 2, 3);
      const ts = valueTypeSpace(f, piStar(f));
      const m = piStarMultipliers(f);
      expect(checkNoisyConcordance(ts, m)).toEqual([]);
      expect(strs(m.lambda.map((l) => l[0]!))).toEqual(["1", "1"]);
      const mu = m.mu.map((mi) => mi.map((row) => row.slice()));
      mu[0]![2]![1] = mu[0]![2]![1]!.add(q("1/100"));
      expect(checkNoisyConcordance(ts, { ...m, mu }).length).toBeGreaterThan(0);
    }
  });
});

describe("(P′) and the local duals", () => {
  it("one bidder, f = (1/2, 1/2) on {1, 2}: (P) = (P′) = LVV = 1 (price 1 or 2 both earn 1; φ̃ = (0, 2))", () => {
    const f = auctionPrior(1, 2, [1, 1]);
    expect(localVirtualValueRevenue(f).toFraction()).toBe("1");
    expect(value(solve(optimalExPostAuctionLp(f)))).toBe("1");
    expect(value(solve(bayesianAuctionLp(f, piStar(f))))).toBe("1");
  });

  it("the local multipliers are dual solutions of (P) and (P′) with value LVV; a wrong sign is caught", () => {
    const f = randomCorrelatedPrior(5, 2, 3);
    const lvv = localVirtualValueRevenue(f);
    const P = optimalExPostAuctionLp(f);
    const Pp = bayesianAuctionLp(f, piStar(f));
    const d1 = dualUpperBound(P, localDualForP(f, P));
    const d2 = dualUpperBound(Pp, localDualForPPrime(f, Pp));
    expect(d1.ok && d1.bound.equals(lvv)).toBe(true);
    expect(d2.ok && d2.bound.equals(lvv)).toBe(true);
    const y = localDualForP(f, P);
    const k = y.findIndex((x) => x.n !== 0n && x.s < 0n);
    y[k] = y[k]!.neg();
    expect(dualUpperBound(P, y).ok).toBe(false);
  });

  it("checkBayesianMechanism: the zero mechanism is feasible; charging a loser violates interim IR", () => {
    const f = auctionPrior(2, 2, [1, 1, 2, 1]);
    const b = piStar(f);
    const zero = [new Array<Q>(4).fill(ZERO), new Array<Q>(4).fill(ZERO)];
    expect(checkBayesianMechanism(f, b, zero, zero)).toEqual({ revenue: ZERO, violations: [] });
    const pay = [new Array<Q>(4).fill(ONE), new Array<Q>(4).fill(ZERO)];
    expect(checkBayesianMechanism(f, b, zero, pay).violations).toContain("IIR i=1 v=1");
  });

  it("envelope payments of q = (0, 1, 1) on {1, 2, 3} are the posted price 2", () => {
    const f = auctionPrior(1, 3, [1, 1, 1]);
    const t = envelopePayments(f, [[ZERO, ONE, ONE]]);
    expect(strs(t[0]!)).toEqual(["0", "2", "2"]);
    expect(checkAuctionMechanism(f, [[ZERO, ONE, ONE]], t).violations).toEqual([]);
  });
});

describe("the regular counterexample f ∝ (1, 8, 16; 1, 2, 1; 1, 2, 1) (rows v_1, columns v_2; counterexamples/ce2007-*-slide/)", () => {
  // φ̃ by hand, (φ̃_1, φ̃_2) at (v_1, v_2):
  //   v_1 = 1: (−1, −23), (1/2, 0), (7/8, 3)     v_1 = 2: (1, −2), (1, 3/2), (1, 3)     v_1 = 3: (3, −2), (3, 3/2), (3, 3)
  // Each φ̃_i is non-decreasing in v_i: f is regular. LVV = (8·1/2 + 16·3 + 1 + 2·3/2 + 3 + 3 + 2·3 + 3)/33 = 71/33.
  // The highest-φ̃ allocation gives (1,2) to bidder 1 and (2,2) to bidder 2 (3/2 > 1): q_1(·, 2) = (1, 0, 1) is not monotone.
  // Giving (2,2) to bidder 1 instead costs f(2,2)·(3/2 − 1) = 1/33 and is monotone: revenue 70/33.
  const f = auctionPrior(2, 3, [1, 8, 16, 1, 2, 1, 1, 2, 1]);
  it("is regular, LVV = 71/33, and no monotone maximizer exists", () => {
    expect(isRegular(f)).toBe(true);
    expect(localVirtualValueRevenue(f).toFraction()).toBe("71/33");
    expect(solve(monotoneMaximizerLp(f)).status).toBe("infeasible");
    expect(saddlePointByCertificates(f)).toBeNull();
  });

  it("value(P) = 70/33, attained by the hand-made monotone allocation; (P′ on π*) lies strictly between", () => {
    const winner = [2, 1, 2, 1, 1, 2, 1, 1, 0]; // 1 or 2 = bidder, 0 = split at (3,3)
    const q1 = winner.map((w, v) => (v === 0 ? ZERO : w === 1 ? ONE : w === 2 ? ZERO : q("1/2")));
    const q2 = winner.map((w, v) => (v === 0 ? ZERO : w === 2 ? ONE : w === 1 ? ZERO : q("1/2")));
    const alloc = [q1, q2];
    const c = checkAuctionMechanism(f, alloc, envelopePayments(f, alloc));
    expect(c.violations).toEqual([]);
    expect(c.revenue.toFraction()).toBe("70/33");
    const a = analyzeChungEly(f);
    expect(a.problems).toEqual([]);
    expect(a.exPost.value.toFraction()).toBe("70/33");
    // Bidder 1's values 2 and 3 hold the same belief: α_1(2, ·) = (2, 4, 2)/33 and α_1(3, ·) = (1, 2, 1)/33.
    expect(strs(a.piStar[0]![1]!)).toEqual(strs(a.piStar[0]![2]!));
    expect(a.exPost.value.compare(a.bayes.value)).toBe(-1);
    expect(a.bayes.value.compare(a.lvv)).toBe(-1);
  });
});

describe("monotone maximizers and the single-bidder ironing example f = (5, 1, 3)/9 (counterexamples/ce2007-irregular/)", () => {
  it("φ̃ = (1/5, −1, 3): irregular, no monotone maximizer, value(P) = 1 < LVV = 10/9", () => {
    // φ̃(1) = 1 − 4/5, φ̃(2) = 2 − 3/1, φ̃(3) = 3; LVV = (5·1/5 + 3·3)/9 = 10/9. Posted price 1 or 3 both earn 1.
    const f = auctionPrior(1, 3, [5, 1, 3]);
    expect(isRegular(f)).toBe(false);
    expect(localVirtualValueRevenue(f).toFraction()).toBe("10/9");
    expect(solve(monotoneMaximizerLp(f)).status).toBe("infeasible");
    expect(value(solve(optimalExPostAuctionLp(f)))).toBe("1");
  });

  it("regular priors with K = 2: a monotone maximizer whose envelope mechanism earns LVV", () => {
    for (const seed of [1, 2, 3, 4]) {
      const f = randomCorrelatedPrior(seed, 2, 2);
      const r = solveSmall(monotoneMaximizerLp(f));
      if (r.status !== "optimal") throw new Error(r.status);
      const qq = allocationFromColumns(f, r.primal);
      const c = checkAuctionMechanism(f, qq, envelopePayments(f, qq));
      expect(c.violations).toEqual([]);
      expect(c.revenue.equals(localVirtualValueRevenue(f))).toBe(true);
    }
  });

  it("priors round-trip through JSON", () => {
    const f = auctionPrior(2, 2, [1, 1, 2, 1]);
    expect(strs(priorFromJson(JSON.parse(JSON.stringify(priorToJson(f)))).f)).toEqual(strs(f.f));
  });
});

describe("mechcheck study ce2007", () => {
  async function run(args: string[]): Promise<{ code: number; out: string }> {
    const out: string[] = [];
    const code = await studyCommand(["ce2007", ...args], { out: (s) => out.push(s), err: (s) => out.push(s) });
    return { code, out: out.join("\n") };
  }

  it("the documented instance: (P), (P′ on π*) and LVV are all 59/30", async () => {
    // φ̃ by hand for f ∝ (6, 3, 1; 3, 4, 3; 1, 3, 6)/30: (1/3, 1/3), (−4/3, 5/3), (−8, 3); (5/3, −4/3), (5/4, 5/4), (0, 3);
    // (3, −8), (3, 0), (3, 3). LVV = (6·1/3 + 3·5/3 + 3 + 3·5/3 + 4·5/4 + 3·3 + 3 + 3·3 + 6·3)/30 = 59/30.
    expect(DOCUMENTED_WEIGHTS.slice()).toEqual([6, 3, 1, 3, 4, 3, 1, 3, 6]);
    const { code, out } = await run(["--json"]);
    expect(code).toBe(0);
    const j = JSON.parse(out) as Record<string, unknown>;
    expect([j.P, j.PprimeOnPiStar, j.LVV, j.allEqual, j.regular, j.certified, j.piStarCommonPrior]).toEqual(["59/30", "59/30", "59/30", true, true, true, false]);
    const text = await run([]);
    expect(text.code).toBe(0);
    expect(text.out.match(/= 59\/30/g)?.length).toBe(3);
  });

  it("the counterexample by --weights: a gap, exit 0 (everything certified)", async () => {
    const { code, out } = await run(["--weights", "1,8,16,1,2,1,1,2,1", "--json"]);
    expect(code).toBe(0);
    const j = JSON.parse(out) as Record<string, unknown>;
    expect([j.P, j.LVV, j.allEqual, j.monotoneMaximizer]).toEqual(["70/33", "71/33", false, false]);
  });

  it("--n 3 --K 2 --seed 4 and bad input", async () => {
    const { code, out } = await run(["--n", "3", "--K", "2", "--seed", "4", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { certified: boolean }).certified).toBe(true);
    await expect(run(["--weights", "1,2"])).rejects.toThrow(/needs 9 integers/);
    await expect(run(["--seed", "1", "--weights", "1,1,1,1,1,1,1,1,1"])).rejects.toThrow(/not both/);
  });
});
