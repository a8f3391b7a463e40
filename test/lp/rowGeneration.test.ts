import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { LpBuilder, type LpModel, type LpResult, type RowSense } from "../../src/lp/model.ts";
import { extendByZeros, reducedModel, solveByRowGeneration, solveByRowGenerationWithStats } from "../../src/lp/rowGeneration.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

beforeAll(async () => {
  await loadLpEngine();
});

const coef = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => `${a}/${b}`) },
);

/** Random small LPs (mixed senses and bounds, some infeasible, some unbounded) and a random initial row subset. */
const lpWithSubset = fc
  .record({
    direction: fc.constantFrom("max" as const, "min" as const),
    n: fc.integer({ min: 1, max: 4 }),
    m: fc.integer({ min: 0, max: 8 }),
    coefs: fc.array(coef, { minLength: 64, maxLength: 64 }),
    rhs: fc.array(fc.integer({ min: -4, max: 6 }), { minLength: 8, maxLength: 8 }),
    senses: fc.array(fc.constantFrom<RowSense>("<=", "<=", ">=", "="), { minLength: 8, maxLength: 8 }),
    obj: fc.array(coef, { minLength: 4, maxLength: 4 }),
    free: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    upper: fc.array(fc.option(fc.integer({ min: 0, max: 5 })), { minLength: 4, maxLength: 4 }),
    keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    batch: fc.integer({ min: 1, max: 3 }),
    expectComplete: fc.boolean(),
  })
  .map(({ direction, n, m, coefs, rhs, senses, obj, free, upper, keep, batch, expectComplete }) => {
    const b = new LpBuilder(direction);
    for (let j = 0; j < n; j++) b.variable(`x${j}`, { lower: free[j] ? null : 0, upper: upper[j] ?? null });
    for (let i = 0; i < m; i++) b.row(`r${i}`, Array.from({ length: n }, (_, j) => [j, coefs[i * 8 + j]!] as const), senses[i]!, rhs[i]!);
    b.objective(Array.from({ length: n }, (_, j) => [j, obj[j]!] as const));
    return { model: b.build(), keep: keep.slice(0, m).flatMap((k, i) => (k ? [i] : [])), batch, expectComplete };
  });

const valueOf = (r: LpResult) => (r.status === "optimal" ? r.value.toFraction() : null);

describe("row generation", () => {
  it("agrees with the plain solve on status and exact value; its certificate checks on the full model", () => {
    const seen = new Map<string, number>();
    const note = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
    fc.assert(
      fc.property(lpWithSubset, ({ model, keep, batch, expectComplete }) => {
        const direct = solve(model);
        const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: keep, batch, expectComplete });
        expect(result.status).toBe(direct.status);
        expect(valueOf(result)).toBe(valueOf(direct));
        expect(verify(model, result)).toEqual({ ok: true });
        expect(stats.rounds).toBeGreaterThanOrEqual(1);
        expect(stats.reducedRows[0]).toBe(keep.length);
        note(result.status);
        if (stats.rounds > 1) note(`several rounds, ${result.status}`);
      }),
      { numRuns: RUNS, seed: 16 },
    );
    // the generator reaches every status, and rounds that add rows (coverage, not luck)
    for (const k of ["optimal", "infeasible", "unbounded", "several rounds, optimal"]) expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  it("adds the violated rows: a reduced optimum that breaks a dropped row is not returned", () => {
    // max x + y, x ≤ 3, y ≤ 2, x + y ≤ 4; start from {x ≤ 3, y ≤ 2}: reduced optimum (3, 2) breaks x + y ≤ 4
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("x", [["x", 1]], "<=", 3).row("y", [["y", 1]], "<=", 2).row("sum", [["x", 1], ["y", 1]], "<=", 4);
    b.objective([["x", 1], ["y", 1]]);
    const model = b.build();
    const reduced = solve(reducedModel(model, [0, 1]));
    expect(reduced.status === "optimal" && reduced.value.toFraction()).toBe("5");
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0, 1] });
    expect(result.status === "optimal" && result.value.toFraction()).toBe("4");
    expect(stats.rounds).toBe(2);
    expect(stats.reducedRows).toEqual([2, 3]);
    expect(stats.added).toBe(1);
    // a wrong expectation (the start does not imply the dropped row) costs a round, not the answer
    const again = solveByRowGenerationWithStats(model, { initialRows: [0, 1], expectComplete: true });
    expect(again.result.status === "optimal" && again.result.value.toFraction()).toBe("4");
    expect(again.stats.rounds).toBe(2);
  });

  it("a reduced model that is unbounded does not make the full model unbounded", () => {
    // max x, x − y ≤ 1, y ≤ 2 (start from the first row only: unbounded along (1,1))
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("diff", [["x", 1], ["y", -1]], "<=", 1).row("cap", [["y", 1]], "<=", 2);
    b.objective([["x", 1]]);
    const model = b.build();
    expect(solve(reducedModel(model, [0])).status).toBe("unbounded");
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0] });
    expect(result.status === "optimal" && result.value.toFraction()).toBe("3");
    expect(stats.rounds).toBe(2);
  });

  it("a reduced infeasibility is the full model's, its Farkas certificate extended by zeros", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("lo", [["x", 1]], ">=", 3).row("free", [["x", 2]], "<=", 100).row("hi", [["x", 1]], "<=", 1);
    b.objective([["x", 1]]);
    const model = b.build();
    const r = solveByRowGeneration(model, { initialRows: [0, 2] });
    expect(r.status).toBe("infeasible");
    if (r.status !== "infeasible") return;
    expect(r.farkas.rows).toHaveLength(3);
    expect(r.farkas.rows[1]!.n).toBe(0n);
    expect(verify(model, r)).toEqual({ ok: true });
  });

  it("falls back to the full model after maxRounds", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    for (let k = 0; k < 5; k++) b.row(`c${k}`, [["x", 1]], "<=", 10 - k);
    b.objective([["x", 1]]);
    const model = b.build();
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 1, maxRounds: 1 });
    expect(result.status === "optimal" && result.value.toFraction()).toBe("6");
    expect(stats.fellBack).toBe(true);
    expect(stats.rounds).toBe(1);
    // without the cap, the most violated row (x ≤ 6) comes first: one more round, no fallback
    const free = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 1 });
    expect(free.stats).toMatchObject({ fellBack: false, rounds: 2, reducedRows: [1, 2] });
  });

  // The most violated row is added first even when the violation's numerator and denominator differ
  // by hundreds of bits: −10^-100·x ≤ −10^-50 (size 10^50 relative to its coefficient; its exact
  // difference 10^100 over 10^150) and −10^100·x ≤ −10^150 (size 10^50; 10^150 over 1), each against
  // −x ≤ −1 (size 1). Added first, the big row makes x = 10^50, which satisfies −x ≤ −1: one added
  // row, two rounds. Ranked last instead (its size computed as 0 or ±Infinity, as the earlier common
  // 60-bit shift of numerator and denominator did), both rows were added over three rounds: both
  // cases failed on that code (checked by reverting src/lp/rowGeneration.ts).
  it.each([
    ["a tiny coefficient", "1/10^100", "1/10^50"],
    ["a huge coefficient", "10^100", "10^150"],
  ])("adds the most violated row first, with %s", (_label, a, rhs) => {
    const pow = (t: string) => {
      const [num, den] = t.includes("/") ? t.split("/") : [t, "1"];
      const big = (u: string) => (u.includes("^") ? 10n ** BigInt(u.split("^")[1]!) : BigInt(u));
      return new Fraction(big(num!), big(den!));
    };
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("cap", [["x", 1]], "<=", new Fraction(10n ** 70n));
    b.row("small", [["x", -1]], "<=", -1);
    b.row("big", [["x", pow(a).neg()]], "<=", pow(rhs).neg());
    b.objective([["x", 1]]);
    const model = b.build();
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 1 });
    expect(result.status === "optimal" && result.value.toFraction()).toBe((10n ** 50n).toString());
    expect(stats).toMatchObject({ fellBack: false, rounds: 2, added: 1, reducedRows: [1, 2] });
    // from the small row's answer (x = 1) the big row is still violated, and added in one round
    const late = solveByRowGenerationWithStats(model, { initialRows: [0, 1], batch: 1 });
    expect(late.stats).toMatchObject({ rounds: 2, added: 1, reducedRows: [2, 3] });
  });

  it("rejects bad options with a one-line error", () => {
    const model = new LpBuilder("max").build();
    for (const o of [{ initialRows: [3] }, { initialRows: [], batch: 0 }, { initialRows: [], maxRounds: 1.5 }]) {
      try {
        solveByRowGeneration(model, o);
        expect.unreachable();
      } catch (e) {
        expect(isMechcheckError(e) && e.code).toBe("bad-option");
        expect((e as Error).message).not.toContain("\n");
      }
    }
  });
});

describe("row generation: negative controls (the full-model judge rejects what the reduced model allows)", () => {
  // max x + y, x ≤ 3, y ≤ 2, x + y ≤ 4: the reduced model without the sum row has optimum (3, 2), value 5.
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("x", [["x", 1]], "<=", 3).row("y", [["y", 1]], "<=", 2).row("sum", [["x", 1], ["y", 1]], "<=", 4);
  b.objective([["x", 1], ["y", 1]]);
  const model = b.build();

  it("a reduced primal that violates a row not generated is rejected", () => {
    const r = solve(reducedModel(model, [0, 1]));
    if (r.status !== "optimal") throw new Error("expected optimal");
    expect(verify(reducedModel(model, [0, 1]), r)).toEqual({ ok: true });
    const extended: LpResult = { status: "optimal", value: r.value, primal: r.primal, dual: { rows: extendByZeros(r.dual.rows, [0, 1], 3), reducedCosts: r.dual.reducedCosts } };
    const rep = verify(model, extended);
    expect(rep.ok).toBe(false);
    expect(!rep.ok && rep.problems.map((p) => p.code)).toContain("primal-row-violated");
  });

  it("a tampered extended dual (a non-zero multiplier on a row not generated) is rejected", () => {
    const good = solveByRowGeneration(model, { initialRows: [0, 1] });
    if (good.status !== "optimal") throw new Error("expected optimal");
    expect(verify(model, good)).toEqual({ ok: true });
    const k = good.dual.rows.findIndex((y) => y.n === 0n);
    expect(k).toBeGreaterThanOrEqual(0);
    const rows = good.dual.rows.slice();
    rows[k] = new Fraction(1);
    const rep = verify(model, { ...good, dual: { rows, reducedCosts: good.dual.reducedCosts } });
    expect(rep.ok).toBe(false);
  });

  it("a lying reduced solver is caught by the final verification on the full model", () => {
    // the reduced solver returns a certificate whose dual was tampered with: value unchanged, duals wrong
    const liar = (mm: LpModel): LpResult => {
      const r = solve(mm);
      if (r.status !== "optimal") return r;
      return { ...r, dual: { rows: r.dual.rows.map((y) => y.add(1)), reducedCosts: r.dual.reducedCosts } };
    };
    expect(() => solveByRowGeneration(model, { initialRows: [0, 1, 2], solveReduced: liar })).toThrow(/certificate was rejected/);
    expect(() => solveByRowGeneration(model, { initialRows: [0, 1], solveReduced: liar, expectComplete: true })).toThrow(/certificate was rejected/);
  });
});
