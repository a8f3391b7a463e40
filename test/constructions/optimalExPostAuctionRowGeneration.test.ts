/**
 * (P) of [BrooksExPost2023] (slide *Profit maximization with ex post implementation*) solved by exact
 * row generation from the local rows: the same exact value as the plain solve of the all-pairs
 * program, a certificate that checks on the full program, and the directly built rows equal to the
 * rows a plain LpBuilder makes from the slide's inequalities. Priors from fixed seeds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Q } from "../../src/exact/rational.ts";
import { extendByZeros, reducedModel } from "../../src/lp/rowGeneration.ts";
import { LpBuilder, type LpModel } from "../../src/lp/model.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";
import { profileAt, profileIndex, withEntry } from "../../src/model/profiles.ts";
import { analyzeChungEly } from "../../src/robust/worstCaseBeliefs.ts";
import {
  auctionLpCounts,
  auctionMechanismFromPrimal,
  auctionPrior,
  type AuctionPrior,
  auctionPVar,
  auctionQVar,
  checkAuctionMechanism,
  gridSizes,
  gridValue,
  optimalExPostAuctionInitialRows,
  optimalExPostAuctionLp,
  randomCorrelatedPrior,
  solveOptimalExPostAuction,
} from "../../src/robust/optimalExPostAuction.ts";

beforeAll(async () => {
  await loadLpEngine();
});

/** (P) written with LpBuilder straight from the slide's inequalities (the reference for the direct build). */
function referenceP(prior: AuctionPrior, ic: "all" | "local"): LpModel {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = K ** n;
  const b = new LpBuilder("max");
  const label = (v: number) => `(${profileAt(sizes, v).map((k) => k + 1).join(",")})`;
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) b.variable(`q${i + 1}${label(v)}`, { lower: 0 });
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) b.variable(`p${i + 1}${label(v)}`, { lower: null });
  b.objective(Array.from({ length: n * P }, (_, k) => [auctionPVar(prior, Math.floor(k / P), k % P), prior.f[k % P]!] as const));
  for (let v = 0; v < P; v++) b.row(`FEAS[v=${label(v)}]`, Array.from({ length: n }, (_, i) => [auctionQVar(prior, i, v), 1] as const), "<=", 1);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < P; v++) {
      const prof = profileAt(sizes, v);
      const vi = gridValue(prior, prof[i]!);
      b.row(`EPIR[i=${i + 1}, v=${label(v)}]`, [[auctionQVar(prior, i, v), vi], [auctionPVar(prior, i, v), -1]], ">=", 0);
      for (let k = 0; k < K; k++) {
        if (k === prof[i] || (ic === "local" && Math.abs(k - prof[i]!) !== 1)) continue;
        const w = profileIndex(sizes, withEntry(prof, i, k));
        b.row(`EPIC[i=${i + 1}, v=${label(v)}, report ${k + 1}]`, [[auctionQVar(prior, i, v), vi], [auctionPVar(prior, i, v), -1], [auctionQVar(prior, i, w), vi.neg()], [auctionPVar(prior, i, w), 1]], ">=", 0);
      }
    }
  }
  return b.build();
}

const text = (m: LpModel) => JSON.stringify(m, (_k, v: unknown) => (typeof v === "object" && v !== null && "s" in v && "n" in v && "d" in v ? (v as Q).toFraction() : typeof v === "bigint" ? String(v) : v));

describe("(P): the direct build", () => {
  const priors: AuctionPrior[] = [
    randomCorrelatedPrior("rg-build-1", 1, 4),
    randomCorrelatedPrior("rg-build-2", 2, 3),
    randomCorrelatedPrior("rg-build-3", 3, 3),
    auctionPrior(2, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9], { low: 0, delta: "1/2" }), // v = 0 at the bottom: zero coefficients dropped
    auctionPrior(2, 2, [1, 1, 1, 1], { low: "-1", delta: 2 }),
  ];
  it("equals the LpBuilder model from the slide's inequalities (names, order, terms, senses), all-pairs and local", () => {
    for (const prior of priors) for (const ic of ["all", "local"] as const) expect(text(optimalExPostAuctionLp(prior, { ic }))).toBe(text(referenceP(prior, ic)));
  });
  it("control: the reference differs from a model with one EPIC coefficient changed", () => {
    const prior = priors[1]!;
    const m = optimalExPostAuctionLp(prior);
    const k = m.rows.findIndex((r) => r.name.startsWith("EPIC"));
    const bad = { ...m, rows: m.rows.map((r, i) => (i === k ? { ...r, terms: r.terms.map((t, j) => (j === 0 ? { ...t, coef: t.coef.add(1) } : t)) } : r)) };
    expect(text(bad)).not.toBe(text(referenceP(prior, "all")));
  });
});

describe("(P) by row generation", () => {
  it("starts from FEAS, EPIR at the bottom value and the adjacent EPIC rows (found by name, independently)", () => {
    for (const [n, K] of [[1, 5], [2, 4], [3, 3]] as const) {
      const prior = randomCorrelatedPrior(`rg-rows-${n}-${K}`, n, K);
      const m = optimalExPostAuctionLp(prior);
      const byName = m.rows.flatMap((r, i) => {
        const epir = /^EPIR\[i=(\d+), v=\(([\d,]+)\)\]$/.exec(r.name);
        const epic = /^EPIC\[i=(\d+), v=\(([\d,]+)\), report (\d+)\]$/.exec(r.name);
        const own = (mm: RegExpExecArray) => Number(mm[2]!.split(",")[Number(mm[1]) - 1]);
        const keep = r.name.startsWith("FEAS") || (epir !== null && own(epir) === 1) || (epic !== null && Math.abs(Number(epic[3]) - own(epic)) === 1);
        return keep ? [i] : [];
      });
      expect(optimalExPostAuctionInitialRows(prior)).toEqual(byName);
      const c = auctionLpCounts(n, K, "local");
      expect(byName.length).toBe(c.feas + n * K ** (n - 1) + c.epic);
      const down = optimalExPostAuctionInitialRows(prior, "local-downward");
      const downEpic = down.map((i) => /^EPIC\[i=(\d+), v=\(([\d,]+)\), report (\d+)\]$/.exec(m.rows[i]!.name)).filter((x) => x !== null);
      expect(downEpic.length).toBe(c.epic / 2);
      expect(downEpic.every((mm) => Number(mm[3]) === Number(mm[2]!.split(",")[Number(mm[1]) - 1]) - 1)).toBe(true);
      expect(down.length).toBe(byName.length - c.epic / 2);
    }
  });

  it("gives the plain solve's exact value; its certificate checks on the full all-pairs program; the mechanism re-checks", () => {
    let severalRounds = 0;
    for (const [n, K, seed] of [[1, 6, "a"], [2, 4, "b"], [2, 5, "c"], [3, 3, "d"], [2, 6, "e"]] as const) {
      const prior = randomCorrelatedPrior(`rg-${seed}`, n, K);
      const direct = solve(optimalExPostAuctionLp(prior));
      for (const start of ["local", "local-downward"] as const) {
        const { model, result, stats } = solveOptimalExPostAuction(prior, { start });
        expect(result.status).toBe("optimal");
        if (result.status !== "optimal" || direct.status !== "optimal") return;
        expect(result.value.toFraction()).toBe(direct.value.toFraction());
        expect(verify(model, result)).toEqual({ ok: true });
        expect(model.rows.length).toBe(auctionLpCounts(n, K, "all").rows);
        const mech = auctionMechanismFromPrimal(prior, result.primal);
        const c = checkAuctionMechanism(prior, mech.q, mech.t);
        expect(c.violations).toEqual([]);
        expect(c.revenue.equals(result.value)).toBe(true);
        if (start === "local") expect(stats.rounds).toBe(1); // the local rows imply all others
        else if (stats.rounds > 1) severalRounds++;
      }
    }
    expect(severalRounds, "some downward-only start needs rows added").toBeGreaterThan(0);
  });

  it("control: a downward-only reduced optimum, dual extended by zeros, is rejected on the full program", () => {
    let rejected = 0;
    for (const seed of ["b", "c", "e"]) {
      const prior = randomCorrelatedPrior(`rg-${seed}`, 2, seed === "b" ? 4 : seed === "c" ? 5 : 6);
      const full = optimalExPostAuctionLp(prior);
      const keep = optimalExPostAuctionInitialRows(prior, "local-downward");
      const r = solve(reducedModel(full, keep));
      if (r.status !== "optimal") continue;
      const rep = verify(full, { ...r, dual: { rows: extendByZeros(r.dual.rows, keep, full.rows.length), reducedCosts: r.dual.reducedCosts } });
      if (!rep.ok) {
        rejected++;
        expect(rep.problems.map((p) => p.code)).toContain("primal-row-violated");
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });
});

describe("analyzeChungEly past the exact simplex's size", () => {
  it("(P) by row generation (n=2, K=5: 27,500 cells): the plain solve's value, no failed re-check", () => {
    const prior = randomCorrelatedPrior("rg-analyze", 2, 5);
    const c = auctionLpCounts(2, 5, "all");
    expect(c.rows * c.variables).toBeGreaterThan(6000);
    const a = analyzeChungEly(prior);
    const direct = solve(optimalExPostAuctionLp(prior));
    expect(direct.status === "optimal" && direct.value.toFraction()).toBe(a.exPost.value.toFraction());
    expect(a.problems).toEqual([]);
  });
});
