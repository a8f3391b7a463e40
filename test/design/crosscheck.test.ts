/**
 * Catalogue existence theorems re-checked through `design` as a second, independent route: the
 * design LP (src/design/axioms.ts rows, efficient lotteries pinned by substitution) against the
 * catalogue's own LPs (fixedRuleTransfers.ts via tradeGrids.ts / publicGoodGrids.ts) and closed forms.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { q, type Q } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { productPrior } from "../../src/model/environment.ts";
import { decide, efficientTradeAllocation, greenLaffontCriterion, msRevenueBound, tradeEnv, type TieRule } from "../../src/trade/tradeGrids.ts";
import { pgAllocation, pgBound, pgDecide, pgEnvironment, pgMarginals, type PgCase } from "../../src/publicGoods/provisionImpossibility.ts";
import { design, designChecked, designFeasible } from "../../src/design/design.ts";

beforeAll(async () => {
  await loadLpEngine();
});

/** Every subset of {0,1,2,3} with 2 or 3 elements (10 grids). */
const GRIDS: Q[][] = [];
for (let mask = 0; mask < 16; mask++) {
  const g = [0, 1, 2, 3].filter((k) => mask & (1 << k)).map((k) => q(k));
  if (g.length === 2 || g.length === 3) GRIDS.push(g);
}

describe("green-laffont through design: efficient (tie rule pinned) + DSIC + ex post BB", () => {
  it("agrees with the catalogue LP and the closed-form interval criterion on all 100 grid pairs × 2 deterministic tie rules", () => {
    let possible = 0;
    let impossible = 0;
    for (const B of GRIDS) for (const S of GRIDS) for (const tie of ["trade", "no-trade"] as const) {
      const env = tradeEnv(B, S);
      const r = design(env, { axioms: ["efficient", "dsic", "ex-post-bb"], tieLottery: efficientTradeAllocation(B, S, tie), skipIis: true, skipProof: true });
      expect(designChecked(r)).toBe(true);
      const catalogue = decide("green-laffont", { buyer: B, seller: S, tie }).possible;
      const closed = greenLaffontCriterion(B, S, tie).possible;
      expect(r.status !== "infeasible").toBe(catalogue);
      expect(catalogue).toBe(closed);
      if (catalogue) possible++;
      else impossible++;
    }
    // both answers occur (the check can fail either way)
    expect(possible).toBeGreaterThan(0);
    expect(impossible).toBeGreaterThan(0);
  });
});

describe("myerson-satterthwaite through design: efficient + BIC + interim IR + ex post BB, and the revenue optimum", () => {
  it("feasibility agrees with the catalogue LP; max revenue over efficient BIC IIR equals the closed form R* (non-uniform priors)", () => {
    let possible = 0;
    let impossible = 0;
    const tieRules: TieRule[] = ["trade", "no-trade", "split"];
    GRIDS.forEach((B, bi) => GRIDS.forEach((S, si) => {
      if ((bi + si) % 3 !== 0) return; // a third of the pairs: 34 pairs × 3 ties
      const mB = B.map((_, k) => q(k + 1));
      const mS = S.map((_, k) => q(S.length - k));
      const nB = mB.map((x) => x.div(mB.reduce((a, b) => a.add(b))));
      const nS = mS.map((x) => x.div(mS.reduce((a, b) => a.add(b))));
      for (const tie of tieRules) {
        const env = tradeEnv(B, S);
        const beliefs = { kind: "common-prior" as const, prior: productPrior([nB, nS]) };
        const tieLottery = efficientTradeAllocation(B, S, tie);
        const feas = designFeasible(env, { axioms: ["efficient", "bic", "interim-ir", "ex-post-bb"], beliefs, tieLottery }).feasible;
        const catalogue = decide("myerson-satterthwaite", { buyer: B, seller: S, tie, buyerMarginal: nB, sellerMarginal: nS }).possible;
        expect(feas).toBe(catalogue);
        const rev = design(env, { axioms: ["efficient", "bic", "interim-ir"], beliefs, tieLottery, objective: { kind: "revenue" } });
        expect(rev.status).toBe("optimal");
        if (rev.status === "optimal") {
          expect(designChecked(rev)).toBe(true);
          expect(rev.value!.equals(msRevenueBound(B, S, nB, nS, tie).maxRevenue)).toBe(true);
        }
        if (catalogue) possible++;
        else impossible++;
      }
    }));
    expect(possible).toBeGreaterThan(0);
    expect(impossible).toBeGreaterThan(0);
  });
});

describe("public-good-impossibility (grids) through design with a FIXED allocation (payments only)", () => {
  it("agrees with pgDecide and the closed form R* on 2- and 3-agent cases", () => {
    const cases: PgCase[] = [
      { values: [[q(0), q(1), q(2)], [q(0), q(1), q(2)]], cost: q(2), tie: "provide" },
      { values: [[q(0), q(1), q(2)], [q(0), q(1), q(2)]], cost: q(2), tie: "not" },
      { values: [[q(0), q(2)], [q(1), q(3)]], cost: q(3), tie: "provide" },
      { values: [[q(0), q(1)], [q(0), q(1)], [q(0), q(1)]], cost: q(1), tie: "provide" },
      { values: [[q(0), q(1)], [q(0), q(1)], [q(0), q(1)]], cost: q(2), tie: "not" },
      { values: [[q(1), q(3)], [q(1), q(3)]], cost: q(3), tie: "not", marginals: [[q(1).div(q(4)), q(3).div(q(4))], [q(1).div(q(2)), q(1).div(q(2))]] },
    ];
    const seen = new Set<boolean>();
    for (const c of cases) {
      const { env } = pgEnvironment(c);
      const beliefs = { kind: "common-prior" as const, prior: productPrior(pgMarginals(c)) };
      const r = design(env, { axioms: ["bic", "interim-ir", "ex-post-bb"], beliefs, allocation: { kind: "fixed", allocation: pgAllocation(c) }, skipIis: true });
      expect(designChecked(r)).toBe(true);
      const catalogue = pgDecide(c).possible;
      expect(r.status !== "infeasible").toBe(catalogue);
      expect(pgBound(c).possible).toBe(catalogue);
      seen.add(catalogue);
    }
    expect(seen.size).toBe(2);
  });
});
