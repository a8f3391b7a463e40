/**
 * (P) of [BrooksExPost2023] given row by row on demand (`optimalExPostAuctionRows`, an
 * ImplicitLpModel): row for row the program `optimalExPostAuctionLp` builds; the judge `verify`
 * checks a certificate on every implicit row exactly as on the materialized program (same verdict,
 * same problems), and catches a tampered certificate or a violated row that is not in the reduced
 * program. Priors from fixed seeds.
 */
import Fraction from "fraction.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Q } from "../../src/exact/rational.ts";
import type { LpResult, LpRow } from "../../src/lp/model.ts";
import { extendByZeros, reducedModel, solveByRowGeneration } from "../../src/lp/rowGeneration.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import {
  auctionLpCounts,
  auctionPrior,
  type AuctionPrior,
  optimalExPostAuctionInitialRows,
  optimalExPostAuctionLp,
  optimalExPostAuctionRows,
  randomCorrelatedPrior,
  solveOptimalExPostAuction,
} from "../../src/robust/optimalExPostAuction.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const rowText = (r: LpRow) => `${r.name}: ${r.terms.map((t) => `${(t.coef as Q).toFraction()}·x${t.var}`).join(" + ")} ${r.sense} ${(r.rhs as Q).toFraction()}`;

const priors: AuctionPrior[] = [
  randomCorrelatedPrior("impl-1", 1, 5),
  randomCorrelatedPrior("impl-2", 2, 4),
  randomCorrelatedPrior("impl-3", 3, 3),
  auctionPrior(2, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9], { low: 0, delta: "1/2" }), // v = 0 at the bottom: zero coefficients dropped
  auctionPrior(2, 2, [1, 1, 1, 1], { low: "-1", delta: 2 }),
  auctionPrior(2, 3, [0, 1, 2, 0, 3, 1, 1, 0, 2]), // zero weights: their objective terms dropped
];

describe("optimalExPostAuctionRows: the all-pairs (P) on demand", () => {
  it("has the materialized program's columns, objective and rows, in the same order", () => {
    for (const prior of priors) {
      const full = optimalExPostAuctionLp(prior);
      const impl = optimalExPostAuctionRows(prior);
      expect(impl.rowCount).toBe(full.rows.length);
      expect(impl.rowCount).toBe(auctionLpCounts(prior.n, prior.K, "all").rows);
      expect(impl.variables).toEqual(full.variables);
      expect(impl.objective.map((t) => `${t.var}:${t.coef.toFraction()}`)).toEqual(full.objective.map((t) => `${t.var}:${t.coef.toFraction()}`));
      for (let i = 0; i < full.rows.length; i++) expect(rowText(impl.row(i)), `row ${i}`).toBe(rowText(full.rows[i]!));
    }
  });
  it("rejects a row index out of range", () => {
    const impl = optimalExPostAuctionRows(priors[1]!);
    expect(() => impl.row(impl.rowCount)).toThrow(/rows 0\.\./);
    expect(() => impl.row(-1)).toThrow(/rows 0\.\./);
  });
});

describe("verify on the implicit (P)", () => {
  it("the row-generation certificate checks on the implicit and on the materialized program alike", () => {
    for (const prior of priors) {
      const { implicitModel, model, result } = solveOptimalExPostAuction(prior);
      expect(result.status).toBe("optimal");
      expect(verify(implicitModel, result)).toEqual({ ok: true });
      expect(verify(model, result)).toEqual({ ok: true });
      const direct = solve(optimalExPostAuctionLp(prior));
      expect(direct.status === "optimal" && result.status === "optimal" && direct.value.equals(result.value)).toBe(true);
    }
  });

  it("negative control: a downward-only reduced optimum (dual extended by zeros) fails on a row outside the reduced program, on both forms", () => {
    let caught = 0;
    for (const seed of ["b", "c", "e"]) {
      const prior = randomCorrelatedPrior(`rg-${seed}`, 2, seed === "b" ? 4 : seed === "c" ? 5 : 6);
      const impl = optimalExPostAuctionRows(prior);
      const full = optimalExPostAuctionLp(prior);
      const keep = optimalExPostAuctionInitialRows(prior, "local-downward");
      const r = solve(reducedModel(impl, keep));
      if (r.status !== "optimal") continue;
      const cert: LpResult = { ...r, dual: { rows: extendByZeros(r.dual.rows, keep, impl.rowCount), reducedCosts: r.dual.reducedCosts } };
      const a = verify(impl, cert);
      const b = verify(full, cert);
      expect(a).toEqual(b); // same verdict, same problems, same messages
      if (!a.ok) {
        caught++;
        expect(a.problems.every((p) => p.code === "primal-row-violated")).toBe(true);
        const kept = new Set(keep.map((i) => impl.row(i).name));
        // every violated row named is outside the reduced program
        for (const p of a.problems) expect([...kept].some((name) => p.message.includes(JSON.stringify(name)))).toBe(false);
      }
    }
    expect(caught).toBeGreaterThan(0);
  });

  it("negative control: a tampered certificate is rejected on the implicit program as on the materialized one", () => {
    const prior = randomCorrelatedPrior("impl-2", 2, 4);
    const { implicitModel, model, result } = solveOptimalExPostAuction(prior);
    if (result.status !== "optimal") throw new Error("expected optimal");
    const bump = (v: readonly Q[], k: number, by: Q) => v.map((x, i) => (i === k ? x.add(by) : x));
    const nz = result.dual.rows.findIndex((y) => y.n !== 0n);
    const tampered: LpResult[] = [
      { ...result, value: result.value.add(new Fraction(1, 7)) },
      { ...result, primal: bump(result.primal, result.primal.length - 1, new Fraction(1, 3)) }, // a payment raised: some EPIR/EPIC row breaks
      { ...result, primal: bump(result.primal, 0, new Fraction(5)) }, // an allocation above 1: FEAS breaks
      { ...result, dual: { ...result.dual, rows: bump(result.dual.rows, nz, new Fraction(1, 5)) } },
      { ...result, dual: { ...result.dual, rows: bump(result.dual.rows, result.dual.rows.length - 1, new Fraction(-1, 5)) } }, // a multiplier on a row outside the reduced program
      { ...result, dual: { ...result.dual, reducedCosts: bump(result.dual.reducedCosts, 3, new Fraction(1, 9)) } },
    ];
    for (const t of tampered) {
      const a = verify(implicitModel, t);
      expect(a.ok).toBe(false);
      expect(a).toEqual(verify(model, t));
    }
  });

  it("negative control: an implicit row with a sense that is not ≤, ≥, = or an inexact coefficient is reported, not skipped", () => {
    const prior = randomCorrelatedPrior("impl-2", 2, 4);
    const { implicitModel, result } = solveOptimalExPostAuction(prior);
    const broken = (k: number, what: "sense" | "coef") => ({
      ...implicitModel,
      rowCount: implicitModel.rowCount,
      row: (i: number): LpRow => {
        const r = implicitModel.row(i);
        if (i !== k) return r;
        return what === "sense" ? { name: r.name, terms: r.terms, sense: "≥" as never, rhs: r.rhs } : { name: r.name, terms: r.terms.map((t) => ({ var: t.var, coef: 1 as never })), sense: r.sense, rhs: r.rhs };
      },
    });
    const k = implicitModel.rowCount - 1;
    for (const what of ["sense", "coef"] as const) {
      const rep = verify(broken(k, what), result);
      expect(rep.ok).toBe(false);
      expect(!rep.ok && rep.problems.map((p) => p.code)).toEqual(["model-bad-row"]);
      expect(!rep.ok && rep.problems[0]!.message).toContain(JSON.stringify(implicitModel.row(k).name));
    }
  });

  it("the implicit path (HiGHS basis certified directly) gives the same result and trace as row generation through solve on the materialized program", () => {
    for (const prior of priors.slice(1, 3)) {
      const { result } = solveOptimalExPostAuction(prior);
      const full = optimalExPostAuctionLp(prior);
      const viaSolve = solveByRowGeneration(full, { initialRows: optimalExPostAuctionInitialRows(prior), expectComplete: true });
      expect(result.trace).toEqual(viaSolve.trace);
      expect(result.trace?.attempts.map((a) => a.engine)).toEqual(["highs", "row-generation"]);
      expect(result.status === "optimal" && viaSolve.status === "optimal" && result.value.equals(viaSolve.value)).toBe(true);
    }
  });
});
