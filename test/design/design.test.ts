import { beforeAll, describe, expect, it } from "vitest";
import { ONE, q, type Q, ZERO } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import { productPrior, type Environment } from "../../src/model/environment.ts";
import { allProfiles } from "../../src/model/profiles.ts";
import { isBIC, isInterimIR } from "../../src/concepts/index.ts";
import { decide, greenLaffontCriterion, integerGrid, tradeEnv, TIE_RULES } from "../../src/trade/tradeGrids.ts";
import { optimalAuctionRevenue } from "../../src/auctions/optimalBayesianAuction.ts";
import { design, designChecked, designFeasible, irreducibleAxioms, recheck } from "../../src/design/design.ts";
import { parseAxioms } from "../../src/design/axioms.ts";
import { slackTable, expectedRevenue } from "../../src/design/readouts.ts";
import { auctionDomain } from "../../src/design/families.ts";

beforeAll(async () => {
  await loadLpEngine();
});

/** Two bidders, values {1, 2, 3}, decisions "to b1", "to b2", "keep". */
function auction3x3(): Environment {
  const vals = [q(1), q(2), q(3)];
  const profiles = [...allProfiles([3, 3])];
  const decisions = ["to b1", "to b2", "keep"];
  return {
    agents: ["b1", "b2"],
    types: [["1", "2", "3"], ["1", "2", "3"]],
    decisions,
    valuation: [0, 1].map((i) => profiles.map((p) => decisions.map((_, d) => (d === i ? vals[p[i]!]! : ZERO)))),
  };
}
/** A correlated prior on 3×3 (weights 4 on the diagonal, 2 next to it, 1 in the corners; total 24). */
const CORRELATED: Q[] = [4, 2, 1, 2, 6, 2, 1, 2, 4].map((w) => q(w).div(q(24)));

describe("design: the DSIC + efficient + ex post BB question on trade grids {0..K}², any tie lottery", () => {
  for (let K = 1; K <= 8; K++) {
    it(`K = ${K}`, () => {
      const g = integerGrid(K);
      const env = tradeEnv(g, g);
      const r = design(env, { axioms: ["efficient", "dsic", "ex-post-bb"], skipIis: K > 3 });
      expect(designChecked(r)).toBe(true);
      // independent expectation: with a lottery at ties the LP can only be MORE feasible than with
      // each deterministic tie rule; the closed-form interval criterion decides those.
      const someDeterministic = (["trade", "no-trade"] as const).some((t) => greenLaffontCriterion(g, g, t).possible);
      if (someDeterministic) expect(r.status).toBe("feasible");
      else {
        expect(r.status).toBe("infeasible");
        // …and then every fixed tie rule (split included) is infeasible too, by the grid-table code
        for (const tie of TIE_RULES) expect(decide("green-laffont", { buyer: g, seller: g, tie }).possible).toBe(false);
      }
      if (r.status === "infeasible") {
        expect(verify(r.model, r.result).ok).toBe(true);
        expect(r.proof!.verified).toBe(true);
        expect(r.proof!.text).toMatch(/DSIC\[buyer, /);
        expect(r.proof!.text).toMatch(/⇒ 0 ≥ 1, a contradiction|a contradiction/);
        if (K === 3) expect(r.iis).toEqual(["efficient", "dsic", "ex-post-bb"]);
      }
      if (r.status === "feasible") expect(r.checks.map((c) => c.holds)).toEqual([true, true, true]);
    });
  }
});

describe("design: revenue-optimal BIC + interim IR mechanism on a correlated 3×3 auction", () => {
  it("value equals the independent auction LP of optimalBicAuction.ts; every axiom re-checked; dual verified", () => {
    const env = auction3x3();
    const beliefs = { kind: "common-prior" as const, prior: CORRELATED };
    const r = design(env, { axioms: ["bic", "interim-ir"], beliefs, objective: { kind: "revenue" } });
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    const other = optimalAuctionRevenue([["1", "2", "3"], ["1", "2", "3"]], CORRELATED);
    expect(r.value!.equals(other.value)).toBe(true);
    expect(r.recomputedValue!.equals(r.value!)).toBe(true);
    expect(r.certificate.verified).toBe(true);
    expect(isBIC(env, r.mechanism, beliefs).verdict).toBe("holds");
    expect(isInterimIR(env, r.mechanism, beliefs).verdict).toBe("holds");
    // with a correlated prior satisfying Crémer–McLean the optimum is the full expected surplus E[max value]
    let surplus = ZERO;
    [...allProfiles([3, 3])].forEach((p, th) => (surplus = surplus.add(CORRELATED[th]!.mul(q(Math.max(p[0]!, p[1]!) + 1)))));
    expect(r.value!.equals(surplus)).toBe(true);
    expect(designChecked(r)).toBe(true);
  });

  it("negative control: a perturbed payment fails the independent re-check", () => {
    const env = auction3x3();
    const beliefs = { kind: "common-prior" as const, prior: CORRELATED };
    const spec = { axioms: parseAxioms("bic,iir"), beliefs, objective: { kind: "revenue" as const } };
    const r = design(env, spec);
    if (r.status !== "optimal") throw new Error("expected optimal");
    const bad = { ...r.mechanism, payments: r.mechanism.payments.map((row, th) => (th === 8 ? [row[0]!.add(ONE), row[1]!] : row)) };
    const checks = recheck(env, bad, spec);
    expect(checks.some((c) => !c.holds)).toBe(true);
    expect(slackTable(env, bad, ["bic", "interim-ir"], beliefs).some((s) => s.slack.s < 0n && s.slack.n !== 0n)).toBe(true);
    // and the tampered mechanism's revenue differs from the certified optimum
    expect(expectedRevenue(bad, CORRELATED).equals(r.value!)).toBe(false);
    const tampered = { ...r, checks, recomputedValue: expectedRevenue(bad, CORRELATED) };
    expect(designChecked(tampered)).toBe(false);
  });
});

describe("design: irreducible infeasible axiom subsets", () => {
  it("on {0..3}² (uniform prior, no-trade ties as lotteries free) the IIS is infeasible and each proper drop is feasible", () => {
    const g = integerGrid(3);
    const env = tradeEnv(g, g);
    const u = Array.from({ length: 4 }, () => q(1).div(q(4)));
    const beliefs = { kind: "common-prior" as const, prior: productPrior([u, u]) };
    const spec = { axioms: parseAxioms("efficient,dsic,bic,ir,bb"), beliefs };
    const iis = irreducibleAxioms(env, spec);
    expect(designFeasible(env, { ...spec, axioms: iis }).feasible).toBe(false);
    for (const a of iis) expect(designFeasible(env, { ...spec, axioms: iis.filter((b) => b !== a) }).feasible).toBe(true);
    // negative control: the full set minus BB is feasible (so BB must be in the IIS)
    expect(iis).toContain("ex-post-bb");
  });
});

describe("design: objectives, user constraints, outside options, refusals", () => {
  it("without participation constraints, revenue under BIC is unbounded (a verified ray)", () => {
    const env = auction3x3();
    const r = design(env, { axioms: ["bic"], beliefs: { kind: "common-prior", prior: CORRELATED }, objective: { kind: "revenue" } });
    expect(r.status).toBe("unbounded");
    if (r.status === "unbounded") expect(r.verified).toBe(true);
  });

  it("a user cap on one payment and a linear objective: max p[b1] at (3,1) subject to p[b1](3,1) ≤ 5/2 under DSIC + ex post IR", () => {
    const env = auction3x3();
    const col = "p[b1](b1=3, b2=1)";
    const r = design(env, {
      axioms: ["dsic", "ex-post-ir"],
      constraints: [{ name: "cap", terms: [[col, 1]], sense: "<=", rhs: "5/2" }],
      objective: { kind: "linear", direction: "max", terms: [[col, 1]] },
    });
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    expect(r.value!.equals(q("5/2"))).toBe(true);
    expect(r.checks.find((c) => c.axiom === "user")!.holds).toBe(true);
    // without the cap, ex post IR bounds it by the value 3
    const r2 = design(env, { axioms: ["dsic", "ex-post-ir"], objective: { kind: "linear", direction: "max", terms: [[col, 1]] } });
    expect(r2.status === "optimal" && r2.value!.equals(q(3))).toBe(true);
  });

  it("type-dependent outside options: raising the buyer's outside option to its value makes efficient + IR + no-deficit trade impossible", () => {
    const g = integerGrid(1);
    const env = tradeEnv(g, g);
    const base = design(env, { axioms: ["efficient", "ex-post-ir", "no-deficit"] });
    expect(base.status).toBe("feasible");
    const r = design(env, { axioms: ["efficient", "ex-post-ir", "no-deficit"], outsideOptions: [[q(0), q(1)], [q(0), q(1)]] });
    expect(r.status).toBe("infeasible");
    expect(designChecked(r)).toBe(true);
  });

  it("anonymity: accepted on the symmetric auction (the mechanism is re-checked symmetric), refused on bilateral trade", () => {
    const d = auctionDomain(2, 2);
    const r = design(d.env, { axioms: ["efficient", "dsic", "anonymous"], beliefs: d.beliefs, objective: { kind: "revenue" } });
    // revenue without IR is unbounded; with ex post IR it is bounded
    const r2 = design(d.env, { axioms: ["efficient", "dsic", "ex-post-ir", "anonymous"], beliefs: d.beliefs, objective: { kind: "revenue" } });
    expect(r.status).toBe("unbounded");
    expect(r2.status).toBe("optimal");
    if (r2.status === "optimal") expect(r2.checks.every((c) => c.holds)).toBe(true);
    const g = integerGrid(2);
    expect(() => design(tradeEnv(g, g), { axioms: ["anonymous"] })).toThrow(/not permutation-invariant|anonymous/);
  });

  it("per-type beliefs (the conditionals of the correlated prior): max expected revenue written as a linear functional equals E[max value] = 9/4, as with the common prior", () => {
    const env = auction3x3();
    const cond = [0, 1].map((i) => [0, 1, 2].map((t) => {
      const row = [0, 1, 2].map((k) => CORRELATED[i === 0 ? t * 3 + k : k * 3 + t]!);
      const m = row.reduce((x, y) => x.add(y));
      return row.map((x) => x.div(m));
    }));
    const terms: [string, Q][] = [];
    [...allProfiles([3, 3])].forEach((p, th) => ["b1", "b2"].forEach((a) => terms.push([`p[${a}](b1=${p[0]! + 1}, b2=${p[1]! + 1})`, CORRELATED[th]!])));
    const r = design(env, { axioms: ["bic", "interim-ir"], beliefs: { kind: "per-type", beliefs: cond }, objective: { kind: "linear", direction: "max", terms } });
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") {
      expect(r.value!.equals(q(9).div(q(4)))).toBe(true);
      expect(designChecked(r)).toBe(true);
    }
    // negative control: beliefs that are NOT the prior's conditionals (uniform) give a different optimum
    const uni = [0, 1].map(() => [0, 1, 2].map(() => [0, 1, 2].map(() => q(1).div(q(3)))));
    const r2 = design(env, { axioms: ["bic", "interim-ir"], beliefs: { kind: "per-type", beliefs: uni }, objective: { kind: "linear", direction: "max", terms } });
    expect(r2.status === "optimal" && r2.value!.equals(q(9).div(q(4)))).toBe(false);
  });

  it("bad input is a MechcheckError naming the field", () => {
    expect(() => parseAxioms("dsic,nonsense")).toThrow(/unknown axiom "nonsense"/);
    const env = auction3x3();
    expect(() => design(env, { axioms: ["bic"] })).toThrow(/needs beliefs/);
    expect(() => design(env, { axioms: ["dsic"], objective: { kind: "revenue" } })).toThrow(/common prior/);
    expect(() => design(env, { axioms: ["dsic"], constraints: [{ name: "c", terms: [["p[nobody](b1=1, b2=1)", 1]], sense: "<=", rhs: 0 }] })).toThrow(/no column named/);
    expect(() => design(env, { axioms: ["dsic"], outsideOptions: [[q(0)]] })).toThrow(/outsideOptions/);
    // size guard before any row is built: 2 agents × 100 types, DSIC ≈ 2·100·100·99 rows
    const big: Environment = { agents: ["a", "b"], types: [0, 1].map(() => Array.from({ length: 100 }, (_, k) => `t${k}`)), decisions: ["x"], valuation: [0, 1].map(() => Array.from({ length: 10000 }, () => [ZERO])) };
    expect(() => design(big, { axioms: ["dsic"] })).toThrow(/over the limit 400000/);
  });

  it("fixed allocation: payments only; an inefficient fixed allocation with `efficient` is infeasible with a one-row proof", () => {
    const g = integerGrid(1);
    const env = tradeEnv(g, g);
    const never = Array.from({ length: 4 }, () => [ZERO, ONE]);
    const r = design(env, { axioms: ["efficient"], allocation: { kind: "fixed", allocation: never } });
    expect(r.status).toBe("infeasible");
    if (r.status === "infeasible") expect(r.proof!.rows).toBe(1);
    const ok = design(env, { axioms: ["dsic", "ex-post-bb"], allocation: { kind: "fixed", allocation: never } });
    expect(ok.status).toBe("feasible");
  });
});
