/**
 * Morris (1994) trade LPs: [BrooksExPost2023, slides *Aside on no-trade
 * with IC*, *Farkas dual of trade with IC*, *Noisy concordant beliefs*, *No trade without CPA but
 * with IC*, *Chung and Ely show that these minmax beliefs violate the common prior assumption*].
 * Random type spaces use fixed seeds (given in each test).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ONE, q, type Q, ZERO } from "../../src/exact/rational.ts";
import {
  checkNoisyConcordance,
  checkTrade,
  multipliersFromTradeDual,
  noisyConcordanceLp,
  randomNoisyConcordantTypeSpace,
  randomTypeSpace,
  tradeFromPrimal,
  tradeLp,
  tradeLpCounts,
  tradeVar,
  typeSpaceFromPrior,
  validateTypeSpace,
} from "../../src/beliefs/noTrade.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import type { LpModel, LpResult } from "../../src/lp/model.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import type { HarsanyiTypeSpace } from "../../src/model/environment.ts";
import { profileAt } from "../../src/model/profiles.ts";

beforeAll(async () => {
  await loadLpEngine();
});

type Optimal = Extract<LpResult, { status: "optimal" }>;

function solved(model: LpModel, r: LpResult = solve(model)): LpResult {
  expect(verify(model, r)).toEqual({ ok: true });
  return r;
}
function optimal(model: LpModel, r?: LpResult): Optimal {
  const res = solved(model, r);
  if (res.status !== "optimal") throw new Error(`expected optimal, got ${res.status}`);
  return res;
}

/**
 * Slide *No trade without CPA but with IC*: Θ = {0, 1} equally likely, player 1 has one type,
 * T_2 = {0, 1}; player 1 thinks t_2 = θ with probability p, player 2 with probability q.
 */
function slideExample(p: Q, qq: Q): HarsanyiTypeSpace {
  const half = q("1/2");
  // beliefs[0][0][t2·2 + θ] = π_1(t_2, θ) = 1/2 · (p if t_2 = θ else 1 − p)
  const b1 = [0, 1].flatMap((t2) => [0, 1].map((th) => half.mul(t2 === th ? p : ONE.sub(p))));
  // beliefs[1][t2][0·2 + θ] = π_2(θ | t_2) = q if θ = t_2 else 1 − q
  const b2 = [0, 1].map((t2) => [0, 1].map((th) => (t2 === th ? qq : ONE.sub(qq))));
  return { agents: ["1", "2"], types: [["only"], ["0", "1"]], states: ["0", "1"], beliefs: [[b1], b2] };
}

/** γ[i][t·|Θ| + θ] for the slide example: γ_2 = a if t_2 = θ else b, γ_1 = −γ_2 (t = (only, t_2)). */
function exampleTrade(a: Q, b: Q): Q[][] {
  const g2 = [0, 1].flatMap((t2) => [0, 1].map((th) => (t2 === th ? a : b)));
  return [g2.map((x) => x.neg()), g2];
}

describe("trade LPs: shape", () => {
  it("6×6 types, 3 states: 216 columns; 108 FEAS + 12 ACC + 60 IC + NORM rows", () => {
    const ts = randomTypeSpace(1, { types: [6, 6], states: 3, kind: "common-prior" });
    const ic = tradeLp(ts, { ic: true });
    const plain = tradeLp(ts, { ic: false });
    expect([ic.variables.length, ic.rows.length]).toEqual([216, 108 + 12 + 60 + 1]);
    expect([plain.variables.length, plain.rows.length]).toEqual([216, 108 + 12 + 1]);
    expect(tradeLpCounts([6, 6], 3, true)).toEqual({ variables: 216, rows: 181 });
    // NC: π 108 + λ 12 + μ 2·6·5 = 180 columns; rows NC 2·36·3 = 216 + NORM.
    const nc = noisyConcordanceLp(ts);
    expect([nc.variables.length, nc.rows.length]).toEqual([180, 217]);
    expect(ic.variables[tradeVar(ts, 1, 7, 2)]!.name).toBe("γ2(t=(2,2),θ=3)");
    const icRow = ic.rows.find((r) => r.name === "IC[i=2, t2=3, report 5]")!;
    // Σ over t_1, θ of π_2(t_1,θ|t_2=3) [γ_2(t_1,3,θ) − γ_2(t_1,5,θ)]: 2·6·3 terms
    expect([icRow.sense, icRow.terms.length]).toEqual([">=", 36]);
    expect(ic.rows.map((r) => r.name.split("[")[0])).toContain("ACC");
  });

  it("rejects beliefs that are not probability vectors", () => {
    const ts = slideExample(q("3/4"), q("2/3"));
    const bad: HarsanyiTypeSpace = { ...ts, beliefs: [ts.beliefs[0]!, [[q("1/2"), q("1/3")], ts.beliefs[1]![1]!]] };
    expect(() => validateTypeSpace(bad)).toThrow(/sums to 5\/6/);
    expect(() => tradeLp(bad, { ic: false })).toThrow(/sums to 5\/6/);
  });
});

describe("slide *No trade without CPA but with IC* (p = player 1's accuracy, q = player 2's)", () => {
  it("p < q: a feasible, acceptable, IC trade (player 2 pays when wrong)", () => {
    // By hand, p = 2/3, q = 3/4: γ_2 = y when t_2 = θ, −x otherwise. Player 2 gains qy − (1−q)x,
    // player 1 gains (1−p)x − py: both > 0 iff (1−q)/q < y/x < (1−p)/p, i.e. 1/3 < y/x < 1/2.
    // IC for player 2: qy − (1−q)x ≥ (1−q)y − qx ⇔ (2q − 1)(x + y) ≥ 0. Take x = 5, y = 2.
    const ts = slideExample(q("2/3"), q("3/4"));
    const chk = checkTrade(ts, exampleTrade(q(2), q(-5)), { ic: true });
    expect(chk.failures).toEqual([]);
    expect(chk.gains.map((g) => g.map((x) => x.toFraction()))).toEqual([["1/3"], ["1/4", "1/4"]]);
    for (const ic of [false, true]) {
      const m = tradeLp(ts, { ic });
      const r = optimal(m);
      expect(r.value.toFraction()).toBe("1");
      expect(checkTrade(ts, tradeFromPrimal(ts, r.primal), { ic }).failures).toEqual([]);
    }
  });

  it("p > q: a trade without IC (player 2 pays when right), but no IC trade: noisy concordant", () => {
    // By hand, p = 3/4, q = 2/3: γ_2 = −y when t_2 = θ, +x otherwise; player 2 gains (1−q)x − qy,
    // player 1 gains py − (1−p)x: take x = 5, y = 2 (gains 1/3 and 1/4). Misreporting, player 2
    // is wrong w.p. q and gains qx − (1−q)y = 8/3 > 1/3: not IC, as the slide says.
    const ts = slideExample(q("3/4"), q("2/3"));
    const noIc = checkTrade(ts, exampleTrade(q(-2), q(5)), { ic: false });
    expect(noIc.failures).toEqual([]);
    expect(checkTrade(ts, exampleTrade(q(-2), q(5)), { ic: true }).failures).toEqual(["not IC for i=2, t=1, report 2", "not IC for i=2, t=2, report 1"]);
    const plain = tradeLp(ts, { ic: false });
    expect(optimal(plain).value.toFraction()).toBe("1");
    const m = tradeLp(ts, { ic: true });
    const r = optimal(m);
    expect(r.value.toFraction()).toBe("0");
    // The optimal dual is the noisy-concordance system's solution (checked by the definition).
    const mult = multipliersFromTradeDual(ts, r.dual.rows, { ic: true });
    expect(checkNoisyConcordance(ts, mult)).toEqual([]);
    // … and the noisy-concordance LP is feasible, the exact simplex agreeing.
    const nc = noisyConcordanceLp(ts);
    expect(solved(nc).status).toBe("optimal");
    expect(solved(nc, exactSimplex(nc)).status).toBe("optimal");
    expect(optimal(m, exactSimplex(m)).value.toFraction()).toBe("0");
  });

  it("p = q: a common prior, no trade even without IC", () => {
    const p = q("3/4");
    const ts = slideExample(p, p);
    // Common prior P(θ, t_2) = 1/2·(p if t_2 = θ else 1−p): π = P, λ_1 = 1, λ_2(t_2) = 1/2, μ = 0.
    const pi = [0, 1].flatMap((t2) => [0, 1].map((th) => q("1/2").mul(t2 === th ? p : ONE.sub(p))));
    expect(checkNoisyConcordance(ts, { pi, lambda: [[ONE], [q("1/2"), q("1/2")]], mu: [[[ZERO]], [[ZERO, ZERO], [ZERO, ZERO]]] })).toEqual([]);
    const m = tradeLp(ts, { ic: false });
    const r = optimal(m);
    expect(r.value.toFraction()).toBe("0");
    expect(checkNoisyConcordance(ts, multipliersFromTradeDual(ts, r.dual.rows, { ic: false }))).toEqual([]);
  });
});

describe("no trade with a common prior (random type spaces)", () => {
  const sizes: [number[], number][] = [[[2, 2], 2], [[3, 4], 2], [[6, 6], 3]];

  it("common-prior spaces: (π = prior, λ = marginals, μ = 0) solves the concordance equations; no trade with or without IC (seeds 1–2)", () => {
    for (const seed of [1, 2]) {
      for (const [types, states] of sizes) {
        const ts = randomTypeSpace(seed, { types, states, kind: "common-prior" });
        const prior = ts.prior!;
        const lambda = types.map((m, i) =>
          Array.from({ length: m }, (_, ti) => {
            // marginal of t_i = Σ over profiles with t_i and states
            let s = ZERO;
            const T = prior.length / states;
            for (let t = 0; t < T; t++) {
              const prof = profileAt(types, t);
              if (prof[i] === ti) for (let th = 0; th < states; th++) s = s.add(prior[t * states + th]!);
            }
            return s;
          }),
        );
        const mu = types.map((m) => Array.from({ length: m }, () => new Array<Q>(m).fill(ZERO)));
        expect(checkNoisyConcordance(ts, { pi: prior, lambda, mu })).toEqual([]);
        for (const ic of [false, true]) {
          const m = tradeLp(ts, { ic });
          const r = optimal(m);
          expect(r.value.toFraction()).toBe("0");
          expect(checkNoisyConcordance(ts, multipliersFromTradeDual(ts, r.dual.rows, { ic }))).toEqual([]);
        }
        expect(solved(noisyConcordanceLp(ts)).status).toBe("optimal");
      }
    }
  });

  it("independently drawn beliefs: a feasible acceptable trade, even with IC; concordance infeasible (seeds 1–2)", () => {
    for (const seed of [1, 2]) {
      for (const [types, states] of sizes) {
        const ts = randomTypeSpace(seed, { types, states, kind: "independent" });
        for (const ic of [false, true]) {
          const m = tradeLp(ts, { ic });
          const r = optimal(m);
          expect(r.value.toFraction()).toBe("1");
          const chk = checkTrade(ts, tradeFromPrimal(ts, r.primal), { ic });
          expect(chk.failures).toEqual([]);
        }
        const nc = noisyConcordanceLp(ts);
        const r = solved(nc);
        expect(r.status).toBe("infeasible");
      }
    }
  });

  it("noisy-concordant spaces: a trade without IC, none with IC (seeds 1–3)", () => {
    for (const seed of [1, 2, 3]) {
      const { typeSpace: ts, multipliers } = randomNoisyConcordantTypeSpace(seed, { types: [4, 3], states: 2 });
      expect(checkNoisyConcordance(ts, multipliers)).toEqual([]);
      expect(multipliers.mu.some((mi) => mi.some((row) => row.some((x) => x.n !== 0n)))).toBe(true);
      const plain = optimal(tradeLp(ts, { ic: false }));
      expect(plain.value.toFraction()).toBe("1");
      expect(checkTrade(ts, tradeFromPrimal(ts, plain.primal), { ic: false }).failures).toEqual([]);
      const m = tradeLp(ts, { ic: true });
      const r = optimal(m);
      expect(r.value.toFraction()).toBe("0");
      expect(checkNoisyConcordance(ts, multipliersFromTradeDual(ts, r.dual.rows, { ic: true }))).toEqual([]);
    }
  });

  it("the concordance checker rejects perturbed multipliers and the trade checker a deficit", () => {
    const { typeSpace: ts, multipliers } = randomNoisyConcordantTypeSpace(4, { types: [2, 2], states: 2 });
    const pi = multipliers.pi.slice();
    pi[0] = pi[0]!.add(q("1/1000"));
    expect(checkNoisyConcordance(ts, { ...multipliers, pi })).toEqual(["NC[i=1, t=(1,1), θ=1]", "NC[i=2, t=(1,1), θ=1]"]);
    const zeroLambda = { ...multipliers, lambda: multipliers.lambda.map((l) => l.map(() => ZERO)) };
    expect(checkNoisyConcordance(ts, zeroLambda)).toContain("λ all zero");
    const gamma = [new Array<Q>(8).fill(q(1)), new Array<Q>(8).fill(ZERO)];
    expect(checkTrade(ts, gamma, { ic: false }).failures).toContain("infeasible at t=(1,1), θ=1");
  });

  it("typeSpaceFromPrior gives Bayes posteriors", () => {
    // P(t_1, t_2, θ) over 1×2 types, 2 states, weights 1,2,3,4 (order t_2 then θ): type t_2 = 1
    // has posterior (1, 2)/3 over θ, t_2 = 2 has (3, 4)/7; player 1 (one type): (1,2,3,4)/10.
    const ts = typeSpaceFromPrior([1, 2], 2, [1, 2, 3, 4]);
    expect(ts.beliefs[1]!.map((b) => b.map((x) => x.toFraction()))).toEqual([["1/3", "2/3"], ["3/7", "4/7"]]);
    expect(ts.beliefs[0]![0]!.map((x) => x.toFraction())).toEqual(["1/10", "1/5", "3/10", "2/5"]);
  });
});
