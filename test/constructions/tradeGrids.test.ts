/**
 * Bilateral trade on grids (src/trade/tradeGrids.ts, fixedRuleTransfers.ts,
 * sparseFarkas.ts, gridTables.ts): [Mishra2020, *Green-Laffont impossibility theorem*], [BernardMD3,
 * Thm 7.6] (Myerson–Satterthwaite). Expected values are worked out by hand in the comments.
 * Random cases use fixed fast-check seeds.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dsicTransfersLp, isBIC, isDSIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../../src/concepts/index.ts";
import { fixedRuleTransfersLp, mechanismFromPoint } from "../../src/mechanisms/fixedRuleTransfers.ts";
import { gridTables } from "../../src/trade/gridTables.ts";
import { studyCommand } from "../../src/cli/commands/study.ts";

const tablesCommand = (args: string[], io: { out: (s: string) => void; err: (s: string) => void }) => studyCommand(["grid-tables", ...args], io);
import { sparseFarkas } from "../../src/lp/sparseFarkas.ts";
import {
  decide,
  efficientTradeAllocation,
  greenLaffontCriterion,
  gridCaseCodec,
  impossibilityLp,
  integerGrid,
  msMaxRevenueLp,
  msMechanism,
  msRevenueBound,
  postedPriceMechanism,
  readableProof,
  TIE_RULES,
  tradeEnv,
  uniformMarginal,
  type TieRule,
} from "../../src/trade/tradeGrids.ts";
import { q, qstr, type Q } from "../../src/exact/rational.ts";
import { privateValuesEnvironment } from "../../src/generators/index.ts";
import { productPrior } from "../../src/generators/independentPrior.ts";
import { valueGridOfSize } from "../../src/generators/valueGrid.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import { efficientDecisionRule } from "../../src/mechanisms/vcg.ts";
import { pointMassAllocation } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const g = (...xs: number[]): Q[] => xs.map((x) => q(x));

/** R*(K) on {0,…,K}², uniform, by hand: P*(b) = b(b+1)/(2(K+1)) ⇒ E[P*] = K(K+2)/(6(K+1)); E[T*] = K(K−1)/(3(K+1)) + (K/(K+1))·t, t the tie probability. */
function handRevenue(K: number, tie: TieRule): Q {
  const t = tie === "trade" ? q(1) : tie === "no-trade" ? q(0) : q(1).div(q(2));
  const k = q(K);
  const EP = k.mul(k.add(q(2))).div(q(6).mul(k.add(q(1))));
  const ET = k.mul(k.sub(q(1))).div(q(3).mul(k.add(q(1)))).add(k.div(k.add(q(1))).mul(t));
  return EP.sub(ET);
}

describe("fixedRuleTransfersLp agrees with concepts' dsicTransfersLp (deterministic rules)", () => {
  it("random private-values environments and bilateral grids, with and without ex post BB / IR (seed 42)", () => {
    const envs = fc.oneof(
      privateValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 5 }),
      fc.tuple(valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 }), valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 })).map(([b, s]) => tradeEnv(b, s)),
    );
    fc.assert(
      fc.property(envs, fc.boolean(), fc.boolean(), (env, bb, ir) => {
        const rule = efficientDecisionRule(env);
        const mine = fixedRuleTransfersLp(env, pointMassAllocation(env, rule), { ic: "dsic", budgetBalanced: bb, ir: ir ? "expost" : "none" });
        const theirs = dsicTransfersLp(env, rule, { budgetBalanced: bb, expostIR: ir });
        const a = solve(mine.model, { exactOnly: true });
        const b = solve(theirs.model, { exactOnly: true });
        expect(a.status).toBe(b.status);
        if (a.status === "optimal") {
          const m = mechanismFromPoint(env, pointMassAllocation(env, rule), mine, a.primal);
          expect(isDSIC(env, m).verdict).toBe("holds");
          if (bb) expect(isExPostBudgetBalanced(env, m).verdict).toBe("holds");
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("BIC + interim IR rows: an LP point passes isBIC and isInterimIR (seed 7)", () => {
    const cases = fc.tuple(valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 }), valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 }), fc.constantFrom(...TIE_RULES));
    fc.assert(
      fc.property(cases, ([b, s, tie]) => {
        const env = tradeEnv(b, s);
        const prior = productPrior([uniformMarginal(b.length), uniformMarginal(s.length)]);
        const alloc = efficientTradeAllocation(b, s, tie);
        const lp = fixedRuleTransfersLp(env, alloc, { ic: "bic", prior, ir: "interim" });
        const r = solve(lp.model, { exactOnly: true });
        expect(r.status).toBe("optimal"); // no budget rows: the IR-VCG mechanism is always a feasible point
        if (r.status !== "optimal") return;
        const m = mechanismFromPoint(env, alloc, lp, r.primal);
        const beliefs = { kind: "common-prior" as const, prior };
        expect(isBIC(env, m, beliefs).verdict).toBe("holds");
        expect(isInterimIR(env, m, beliefs).verdict).toBe("holds");
        expect(isExPostEfficient(env, m).verdict).toBe("holds");
      }),
      { seed: 7, numRuns: 80 },
    );
  });
});

describe("Green–Laffont on grids", () => {
  it("{0,1,2}²: the intervals meet at π = 1 (both deterministic tie rules); the posted price 1 is DSIC, efficient, BB", () => {
    for (const tie of ["trade", "no-trade"] as const) {
      const c = greenLaffontCriterion(integerGrid(2), integerGrid(2), tie);
      expect(c.possible).toBe(true);
      expect(qstr(c.lower!)).toBe("1");
      expect(qstr(c.upper!)).toBe("1");
      const env = tradeEnv(integerGrid(2), integerGrid(2));
      const m = postedPriceMechanism(integerGrid(2), integerGrid(2), tie, q(1));
      expect(isDSIC(env, m).verdict).toBe("holds");
      expect(isExPostBudgetBalanced(env, m).verdict).toBe("holds");
      // price 0 is not DSIC on {0,1,2}²: with trade ties, the seller of value 2 facing buyer 2 would rather not sell at 0
      expect(isDSIC(env, postedPriceMechanism(integerGrid(2), integerGrid(2), tie, q(0))).verdict).toBe("fails");
    }
  });

  it("{0,…,3}²: values 1 and 2 force π = 1 and π = 2 — impossible; the shortest certificate has 10 rows, the readable proof ends in 0 ≥ 1", () => {
    const c = greenLaffontCriterion(integerGrid(3), integerGrid(3), "trade");
    expect(c.possible).toBe(false);
    expect([qstr(c.lower!), qstr(c.upper!)]).toEqual(["2", "1"]);
    const { lp } = impossibilityLp("green-laffont", { buyer: integerGrid(3), seller: integerGrid(3), tie: "trade" });
    const s = sparseFarkas(lp.model)!;
    expect(s.support).toBe(10);
    expect(verify(lp.model, { status: "infeasible", farkas: { rows: s.rows } })).toEqual({ ok: true });
    const text = readableProof(lp.model, s.rows);
    expect(text.split("\n").pop()).toBe("⇒ 0 ≥ 1, a contradiction");
  });

  it("sparseFarkas returns null on a feasible LP", () => {
    const { lp } = impossibilityLp("green-laffont", { buyer: integerGrid(2), seller: integerGrid(2), tie: "split" });
    expect(sparseFarkas(lp.model)).toBeNull();
  });

  it("closed-form criterion = exact LP on random grids (seed 3)", () => {
    const cases = fc.tuple(valueGridOfSize(1, 4, { maxValue: 3, maxStep: 2 }), valueGridOfSize(1, 4, { maxValue: 3, maxStep: 2 }), fc.constantFrom("trade" as const, "no-trade" as const));
    fc.assert(
      fc.property(cases, ([b, s, tie]) => {
        expect(decide("green-laffont", { buyer: b, seller: s, tie }).possible).toBe(greenLaffontCriterion(b, s, tie).possible);
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});

describe("Myerson–Satterthwaite on grids", () => {
  it("R* on {0,…,K}², K ≤ 6, equals the hand formula and the LP maximum", () => {
    for (const tie of TIE_RULES) {
      for (let K = 1; K <= 6; K++) {
        const u = uniformMarginal(K + 1);
        const R = msRevenueBound(integerGrid(K), integerGrid(K), u, u, tie).maxRevenue;
        expect(qstr(R)).toBe(qstr(handRevenue(K, tie)));
        if (K <= 4) expect(qstr(msMaxRevenueLp({ buyer: integerGrid(K), seller: integerGrid(K), tie }).value)).toBe(qstr(R));
      }
    }
    // spot values: −1/4 (K = 1, trade), 0 (K = 4, no-trade), 0 (K = 1, split)
    expect(qstr(handRevenue(1, "trade"))).toBe("-1/4");
    expect(qstr(handRevenue(4, "no-trade"))).toBe("0");
    expect(qstr(handRevenue(1, "split"))).toBe("0");
  });

  it("B = {0, 2}, S = {0, 1}, trade ties: R* = 0 by hand (E[P*] = 1/2 = E[T*]); the constructed mechanism is BIC, IIR, efficient, ex post BB", () => {
    // Q_B(0) = 1/2, Q_B(2) = 1 ⇒ P*(0) = 0, P*(2) = 2·1/2 = 1; Q_S(0) = 1, Q_S(1) = 1/2 ⇒ T*(1) = 1/2, T*(0) = 1/2.
    const b = g(0, 2);
    const s = g(0, 1);
    const u = uniformMarginal(2);
    const bound = msRevenueBound(b, s, u, u, "trade");
    expect(bound.buyerPayments.map(qstr)).toEqual(["0", "1"]);
    expect(bound.sellerTransfers.map(qstr)).toEqual(["1/2", "1/2"]);
    expect(qstr(bound.maxRevenue)).toBe("0");
    const env = tradeEnv(b, s);
    const m = msMechanism(b, s, u, u, "trade");
    const beliefs = { kind: "common-prior" as const, prior: productPrior([u, u]) };
    expect(isBIC(env, m, beliefs).verdict).toBe("holds");
    expect(isInterimIR(env, m, beliefs).verdict).toBe("holds");
    expect(isExPostEfficient(env, m).verdict).toBe("holds");
    expect(isExPostBudgetBalanced(env, m).verdict).toBe("holds");
    expect(decide("myerson-satterthwaite", { buyer: b, seller: s, tie: "trade" }).possible).toBe(true);
  });

  it("{0, 1}², trade ties: infeasible, 8-row proof (IIR of buyer 0 and seller 1, both local ICs, the four BB rows)", () => {
    const d = decide("myerson-satterthwaite", { buyer: integerGrid(1), seller: integerGrid(1), tie: "trade" });
    expect(d.possible).toBe(false);
    expect(d.farkasSupport!.map((f) => f.row).sort()).toEqual(
      ["BB(buyer=0, seller=0)", "BB(buyer=0, seller=1)", "BB(buyer=1, seller=0)", "BB(buyer=1, seller=1)", "IC[buyer: 1→0]", "IC[seller: 0→1]", "IIR[buyer: 0]", "IIR[seller: 1]"].sort(),
    );
  });
});

describe("grid case codec and tables", () => {
  it("round-trips a case with marginals", () => {
    const c = { buyer: g(0, 2), seller: g(1, 3), tie: "split" as const, buyerMarginal: [q(1).div(q(3)), q(2).div(q(3))], sellerMarginal: uniformMarginal(2) };
    const back = gridCaseCodec.decode(JSON.parse(JSON.stringify(gridCaseCodec.encode(c))));
    expect(gridCaseCodec.encode(back)).toEqual(gridCaseCodec.encode(c));
    expect(() => gridCaseCodec.decode({ buyer: ["1", "0"], seller: ["0"], tie: "trade" })).toThrow(/increase strictly/);
    expect(() => gridCaseCodec.decode({ buyer: ["0"], seller: ["0"], tie: "maybe" })).toThrow(/tie/);
  });

  it("gridTables(5): Green–Laffont possible exactly for K ≤ 2 (all ties); Myerson–Satterthwaite never / K ≤ 4 / K ≤ 1; every entry certified", () => {
    const t = gridTables(5);
    const possible = (entries: typeof t.greenLaffont, tie: TieRule) => entries.filter((e) => e.tie === tie && e.possible).map((e) => e.K);
    for (const tie of TIE_RULES) expect(possible(t.greenLaffont, tie)).toEqual([1, 2]);
    expect(possible(t.myersonSatterthwaite, "trade")).toEqual([]);
    expect(possible(t.myersonSatterthwaite, "no-trade")).toEqual([1, 2, 3, 4]);
    expect(possible(t.myersonSatterthwaite, "split")).toEqual([1]);
    expect([...t.greenLaffont, ...t.myersonSatterthwaite].every((e) => e.agrees)).toBe(true);
    expect(t.lemma75.every((l) => !l.solvable && l.certificateProfiles === 4)).toBe(true);
    expect(t.proofs.map((p) => `${p.problem}/${p.tie}/K=${p.K}/${p.rows}`)).toEqual([
      "green-laffont/trade/K=3/10",
      "green-laffont/no-trade/K=3/10",
      "green-laffont/split/K=3/12",
      "myerson-satterthwaite/trade/K=1/8",
      "myerson-satterthwaite/no-trade/K=5/48",
      "myerson-satterthwaite/split/K=2/15",
    ]);
  });

  it("`mechcheck study grid-tables --max-k 3 --json` prints exact data and exits 0; text and Markdown name the patterns", async () => {
    const out: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => out.push(x) };
    expect(await tablesCommand(["--max-k", "3", "--json"], io)).toBe(0);
    const data = JSON.parse(out.join("\n"));
    expect(data.maxK).toBe(3);
    expect(data.myersonSatterthwaite.find((e: { K: number; tie: string }) => e.K === 1 && e.tie === "trade").maxRevenue).toEqual({ closedForm: "-1/4", lp: "-1/4" });
    out.length = 0;
    expect(await tablesCommand(["--max-k", "3"], io)).toBe(0);
    expect(out.join("\n")).toContain("no-trade: possible exactly for K ∈ {1, 2, 3}");
    out.length = 0;
    expect(await tablesCommand(["--max-k", "3", "--markdown"], io)).toBe(0);
    expect(out.join("\n")).toContain("| 3 | impossible (Farkas");
    await expect(tablesCommand(["--max-k", "0"], io)).rejects.toThrow(/max-k/);
  });
});
