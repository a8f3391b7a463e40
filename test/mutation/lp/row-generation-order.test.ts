// solveByRowGeneration: which violated rows are added first (point before ray, bigger first with
// rows scaled by their largest coefficient, ties by index), batch and `added`, violations too small
// or too big for a float, fractional rows checked exactly, the trace line it appends, the option
// refusals (code, path, value, message) and extendByZeros / reducedModel. The LPs are solved by
// hand in the comments; the reduced models each round sees are recorded by a spy solver.
import { beforeAll, describe, expect, it } from "vitest";
import Fraction from "fraction.js";
import type { Q } from "../../../src/exact/rational.ts";
import { LpBuilder, type LpModel, type LpResult } from "../../../src/lp/model.ts";
import { extendByZeros, reducedModel, solveByRowGeneration, solveByRowGenerationWithStats } from "../../../src/lp/rowGeneration.ts";
import { loadLpEngine, solve } from "../../../src/lp/solve.ts";
import { verify } from "../../../src/lp/verify.ts";
import { caught } from "../support.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const F = (x: string | number | bigint) => new Fraction(x as string);

/** A solver that records the row names of every model it is given, then solves it. */
function spy(inner: (m: LpModel) => LpResult = solve) {
  const seen: string[][] = [];
  return { seen, solveReduced: (m: LpModel) => (seen.push(m.rows.map((r) => r.name)), inner(m)) };
}

/** max x (one column, x ≥ 0) over rows `c<k>: coef_k·x ≤ rhs_k`. */
function upperRows(rows: readonly (readonly [string | number | bigint, string | number | bigint])[]): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  rows.forEach(([a, r], k) => b.row(`c${k}`, [["x", a as string]], "<=", r as string));
  b.objective([["x", 1]]);
  return b.build();
}

/**
 * Hand solver for upperRows models with positive coefficients: x = min_k rhs_k / a_k, the dual is
 * 1/a_k on the first row attaining it, 0 elsewhere, reduced cost 0 (c = 1 = a_k · 1/a_k).
 */
function handSolve(m: LpModel): LpResult {
  let best = -1;
  let x: Q = F(0);
  m.rows.forEach((r, k) => {
    const v = r.rhs.div(r.terms[0]!.coef);
    if (best < 0 || v.compare(x) < 0) [best, x] = [k, v];
  });
  return { status: "optimal", value: x, primal: [x], dual: { rows: m.rows.map((r, k) => (k === best ? F(1).div(r.terms[0]!.coef) : F(0))), reducedCosts: [F(0)] } };
}

describe("row generation: which rows come first", () => {
  it("the most violated row first, sizes scaled by the row's largest coefficient, ties by index", () => {
    // x ≤ 10 (start): x = 10 violates x ≤ 8 by 2, x ≤ 6 by 4, 2x ≤ 12 by 8/2 = 4 (tie, later index), x ≤ 9 by 1
    const model = upperRows([[1, 10], [1, 8], [1, 6], [2, 12], [1, 9]]);
    const s = spy();
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 1, solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["c0"], ["c0", "c2"]]);
    expect(result.status === "optimal" && result.value.toFraction()).toBe("6");
    expect(stats).toMatchObject({ rounds: 2, reducedRows: [1, 2], added: 1, fellBack: false });
    // batch 3: the three largest (c2, c3, c1) at once; added counts only what was added
    const s3 = spy();
    const r3 = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 3, solveReduced: s3.solveReduced });
    expect(s3.seen).toEqual([["c0"], ["c0", "c1", "c2", "c3"]]);
    expect(r3.stats).toMatchObject({ rounds: 2, reducedRows: [1, 4], added: 3 });
    // batch larger than the violations: all 4 added, added = 4
    const s9 = spy();
    const r9 = solveByRowGenerationWithStats(model, { initialRows: [0], batch: 9, solveReduced: s9.solveReduced });
    expect(s9.seen[1]).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(r9.stats.added).toBe(4);
  });

  it("a row scaled down is as violated as the same row unscaled: the tie goes to the lower index", () => {
    // x ≤ 10 (start); x = 10: c1 = (1/2)x ≤ 3 is violated by 2/(1/2) = 4, c2 = x ≤ 6 by 4: tie → c1
    const model = upperRows([[1, 10], ["1/2", 3], [1, 6]]);
    const s = spy();
    solveByRowGeneration(model, { initialRows: [0], batch: 1, solveReduced: s.solveReduced });
    expect(s.seen[1]).toEqual(["c0", "c1"]);
    // c1 = (1/2)x ≤ 5/2 is violated by 5 > 4: first although its raw gap 5/2 is smaller than 4
    const model2 = upperRows([[1, 10], ["1/2", "5/2"], [1, 6]]);
    const s2 = spy();
    const r2 = solveByRowGeneration(model2, { initialRows: [0], batch: 1, solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["c0"], ["c0", "c1"]]);
    expect(r2.status === "optimal" && r2.value.toFraction()).toBe("5");
  });

  it("point violations before ray violations, even smaller ones; ray ties by index", () => {
    // max x over r0: x − y ≤ 1 (start). Round 1 (hand-made): point (1, 0), ray (1, 1).
    // r1: y ≤ 2 — point holds, ray moves against it by 1; r2: 2x ≤ 1 — the point breaks it by 1/2 / 2 = 1/4;
    // r3: 3y ≤ 3 — ray by 3/3 = 1 (tie with r1, later index). Then x ≤ 1/2, optimum 1/2.
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r0", [["x", 1], ["y", -1]], "<=", 1).row("r1", [["y", 1]], "<=", 2).row("r2", [["x", 2]], "<=", 1).row("r3", [["y", 3]], "<=", 3);
    b.objective([["x", 1]]);
    const model = b.build();
    const firstUnbounded = (m: LpModel): LpResult =>
      m.rows.length === 1 ? { status: "unbounded", point: [F(1), F(0)], ray: [F(1), F(1)] } : solve(m);
    const run = (batch: number) => {
      const s = spy(firstUnbounded);
      const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0], batch, solveReduced: s.solveReduced });
      expect(result.status === "optimal" && result.value.toFraction()).toBe("1/2");
      return { seen: s.seen, stats };
    };
    expect(run(1).seen).toEqual([["r0"], ["r0", "r2"]]);
    expect(run(2).seen).toEqual([["r0"], ["r0", "r1", "r2"]]);
    expect(run(2).stats.added).toBe(2);
  });

  it("a full-model unbounded certificate: neither point nor ray breaks a row not generated", () => {
    // max x + y over x − y ≤ 1 (start) and −x + 2y ≥ −5, y ≥ −3... all hold along the ray (1, 1) from (1, 0)
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r0", [["x", 1], ["y", -1]], "<=", 1).row("r1", [["x", -1], ["y", 2]], ">=", -5).row("r2", [["y", 1]], ">=", -3);
    b.objective([["x", 1], ["y", 1]]);
    const model = b.build();
    const s = spy((m) => (m.rows.length === 1 ? { status: "unbounded", point: [F(1), F(0)], ray: [F(1), F(1)] } : solve(m)));
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: [0], solveReduced: s.solveReduced });
    expect(result.status).toBe("unbounded");
    expect(result.status === "unbounded" && [result.point.map(String), result.ray.map(String)]).toEqual([["1", "0"], ["1", "1"]]);
    expect(stats).toMatchObject({ rounds: 1, added: 0 });
    // control: with −x + 2y ≥ 0 instead the point (1, 0) breaks it (−1 < 0): a second round
    const c = new LpBuilder("max");
    c.variable("x");
    c.variable("y");
    c.row("r0", [["x", 1], ["y", -1]], "<=", 1).row("r1", [["x", -1], ["y", 2]], ">=", 0);
    c.objective([["x", 1], ["y", 1]]);
    const s2 = spy((m) => (m.rows.length === 1 ? { status: "unbounded", point: [F(1), F(0)], ray: [F(1), F(1)] } : solve(m)));
    const r2 = solveByRowGenerationWithStats(c.build(), { initialRows: [0], solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["r0"], ["r0", "r1"]]);
    expect(r2.result.status).toBe("unbounded");
  });

  it("violations a float cannot size: 10^-400 still counts; gaps over 80-bit denominators are ordered", () => {
    // x ≤ 1 (start), x ≤ 1 − 10^-400: the reduced x = 1 breaks it by 10^-400 (0 as a float)
    const tiny = `${10n ** 400n - 1n}/${10n ** 400n}`;
    const s = spy(handSolve);
    const r = solveByRowGeneration(upperRows([[1, 1], [1, tiny]]), { initialRows: [0], solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["c0"], ["c0", "c1"]]);
    expect(r.status === "optimal" && r.value.toFraction()).toBe(tiny);
    // 80-bit denominators (the float sizing shifts both parts): x ≤ 10 (start), x ≤ 9 + 1/3^50
    // (gap 1 − 1/3^50), x ≤ 8 + 1/3^50 (gap 2 − 1/3^50, larger): c2 first
    const d = 3n ** 50n;
    const s2 = spy(handSolve);
    solveByRowGeneration(upperRows([[1, 10], [1, `${9n * d + 1n}/${d}`], [1, `${8n * d + 1n}/${d}`]]), { initialRows: [0], batch: 1, solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["c0"], ["c0", "c2"]]);
  });

  it("sizes are gap / denominator (not a product), also with a fractional point and 1,100-bit denominators", () => {
    // x ≤ 10 (start): c1 = x ≤ 19/2 (gap 1/2), c2 = x ≤ 9 (gap 1): c2 first
    const s = spy(handSolve);
    solveByRowGeneration(upperRows([[1, 10], [1, "19/2"], [1, 9]]), { initialRows: [0], batch: 1, solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["c0"], ["c0", "c2"]]);
    // x ≤ 10/3 (start, x = 10/3): c1 = x ≤ 3 (gap 1/3), c2 = x ≤ 2 (gap 4/3): c2 first
    const s2 = spy(handSolve);
    solveByRowGeneration(upperRows([[1, "10/3"], [1, 3], [1, 2]]), { initialRows: [0], batch: 1, solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["c0"], ["c0", "c2"]]);
    // denominators 3^700 (1,110 bits, beyond a double): gaps 1 − 1/3^700 and 2 − 1/3^700: c2 first
    const d = 3n ** 700n;
    const s3 = spy(handSolve);
    solveByRowGeneration(upperRows([[1, 10], [1, `${9n * d + 1n}/${d}`], [1, `${8n * d + 1n}/${d}`]]), { initialRows: [0], batch: 1, solveReduced: s3.solveReduced });
    expect(s3.seen).toEqual([["c0"], ["c0", "c2"]]);
  });

  it("a lying reduced solver: expectComplete stops at round 1, otherwise rows are added first; rows in the model are not re-checked", () => {
    const model = upperRows([[1, 10], [1, 8]]);
    // the liar's value is off by 1 and its x = 10 breaks the dropped row x ≤ 8
    const liar = (m: LpModel): LpResult => {
      const r = handSolve(m);
      return r.status === "optimal" ? { ...r, value: r.value.add(1) } : r;
    };
    const early = spy(liar);
    const e = caught(() => solveByRowGeneration(model, { initialRows: [0], solveReduced: early.solveReduced, expectComplete: true }));
    expect(early.seen).toEqual([["c0"]]);
    expect(e.message).not.toContain("primal-row-violated");
    expect(e.message).toContain("[");
    const late = spy(liar);
    expect(caught(() => solveByRowGeneration(model, { initialRows: [0], solveReduced: late.solveReduced })).code).toBe("certificate-rejected");
    expect(late.seen).toEqual([["c0"], ["c0", "c1"]]);
    // a solver whose x = 11 breaks its own (generated) row x ≤ 10: not re-added, the judge refuses at once
    const own = spy((m) => ({ status: "optimal", value: F(11), primal: [F(11)], dual: { rows: m.rows.map(() => F(1)), reducedCosts: [F(0)] } }));
    expect(caught(() => solveByRowGeneration(upperRows([[1, 10]]), { initialRows: [0], solveReduced: own.solveReduced })).code).toBe("certificate-rejected");
    expect(own.seen).toEqual([["c0"]]);
  });

  it("a tight equality row is not added; among 40 equal violations the lowest index comes first", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.row("cap", [["x", 1]], "<=", 5).row("eq", [["x", 1]], "=", 5);
    b.objective([["x", 1]]);
    const s = spy();
    solveByRowGeneration(b.build(), { initialRows: [0], solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["cap"]]);
    const s2 = spy(handSolve);
    solveByRowGeneration(upperRows([[1, 10], ...Array.from({ length: 40 }, () => [1, 5] as const)]), { initialRows: [0], batch: 1, solveReduced: s2.solveReduced });
    expect(s2.seen[1]).toEqual(["c0", "c1"]);
  });

  it("60-bit gaps over denominator 1 are sized (≤ rows: positive gaps; ≥ rows: negative gaps)", () => {
    const two = (e: number) => 2n ** BigInt(e);
    // max x, x ≤ 2^60 (start, x = 2^60): c1 = x ≤ 2^60 − (2^59 + 1) (gap 2^59 + 1, 60 bits), c2 = x ≤ 2^60 − 2^58 (gap 2^58): c1 first
    const s = spy(handSolve);
    solveByRowGeneration(upperRows([[1, two(60)], [1, two(60) - two(59) - 1n], [1, two(60) - two(58)]]), { initialRows: [0], batch: 1, solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["c0"], ["c0", "c1"]]);
    // min x, x ≥ 0 (start, x = 0): c1 = x ≥ 2^59 + 1 (gap 2^59 + 1), c2 = x ≥ 2^58: c1 first.
    // Hand solver: x = the largest rhs, dual 1 on its row (≥ row in a min: y ≥ 0), reduced cost 0.
    const b = new LpBuilder("min");
    b.variable("x");
    for (const [k, r] of [0n, two(59) + 1n, two(58)].entries()) b.row(`c${k}`, [["x", 1]], ">=", r as unknown as string);
    b.objective([["x", 1]]);
    const minSolve = (m: LpModel): LpResult => {
      let best = 0;
      m.rows.forEach((r, k) => {
        if (r.rhs.compare(m.rows[best]!.rhs) > 0) best = k;
      });
      const x = m.rows[best]!.rhs;
      return { status: "optimal", value: x, primal: [x], dual: { rows: m.rows.map((_, k) => (k === best ? F(1) : F(0))), reducedCosts: [F(0)] } };
    };
    const s2 = spy(minSolve);
    const r2 = solveByRowGeneration(b.build(), { initialRows: [0], batch: 1, solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["c0"], ["c0", "c1"]]);
    expect(r2.status === "optimal" && r2.value.toFraction()).toBe(`${two(59) + 1n}`);
  });

  it("fractional and negative coefficients are checked exactly (tight is not violated)", () => {
    // x ≤ 1/3 and y ≤ 1/2 (start) → (1/3, 1/2); −(1/2)x − (1/3)y ≥ −1/3 is tight there (1/6 + 1/6):
    // not added; −(1/2)x − (1/3)y ≥ −1/3 + 10^-30 is broken: added
    const build = (rhs: string) => {
      const b = new LpBuilder("max");
      b.variable("x");
      b.variable("y");
      b.row("bx", [["x", 1]], "<=", "1/3").row("by", [["y", 1]], "<=", "1/2").row("mix", [["x", "-1/2"], ["y", "-1/3"]], ">=", rhs);
      b.objective([["x", 1], ["y", 1]]);
      return b.build();
    };
    const s = spy();
    const r = solveByRowGenerationWithStats(build("-1/3"), { initialRows: [0, 1], solveReduced: s.solveReduced });
    expect(s.seen).toEqual([["bx", "by"]]);
    expect(r.result.status === "optimal" && r.result.value.toFraction()).toBe("5/6");
    const rhs = F(-1).div(3).add(F(1).div(F(10n ** 30n as unknown as string)));
    const s2 = spy();
    solveByRowGeneration(build(rhs.toFraction()), { initialRows: [0, 1], solveReduced: s2.solveReduced });
    expect(s2.seen).toEqual([["bx", "by"], ["bx", "by", "mix"]]);
  });

  it("initial rows by predicate; the = sense; the trace line", () => {
    // max x over x ≤ 5 (start, by predicate), x = 2: x = 5 breaks the equality; then x = 2
    const b = new LpBuilder("max");
    b.variable("x");
    b.row("cap", [["x", 1]], "<=", 5).row("fix", [["x", 1]], "=", 2).row("loose", [["x", 1]], ">=", 0);
    b.objective([["x", 1]]);
    const model = b.build();
    const seenArgs: [string, number][] = [];
    const { result, stats } = solveByRowGenerationWithStats(model, { initialRows: (r, i) => (seenArgs.push([r.name, i]), r.name === "cap") });
    expect(seenArgs).toEqual([["cap", 0], ["fix", 1], ["loose", 2]]);
    expect(stats.reducedRows).toEqual([1, 2]);
    expect(result.status === "optimal" && result.value.toFraction()).toBe("2");
    expect(result.trace?.attempts.at(-1)).toEqual({ engine: "row-generation", settings: "2 rounds, rows 1 → 2 of 3", outcome: "verified on the full model" });
    const one = solveByRowGeneration(model, { initialRows: [0, 1, 2] });
    expect(one.trace?.attempts.at(-1)).toEqual({ engine: "row-generation", settings: "1 round, rows 3 of 3", outcome: "verified on the full model" });
    // the attempts before it are the last reduced solve's
    const direct = solve(model);
    expect(one.trace?.attempts.slice(0, -1).map((a) => a.engine)).toEqual(direct.trace?.attempts.map((a) => a.engine));
    const fell = solveByRowGenerationWithStats(upperRows([[1, 10], [1, 9], [1, 8]]), { initialRows: [0], batch: 1, maxRounds: 1 });
    expect(fell.result.trace?.attempts.at(-1)).toEqual({ engine: "row-generation", settings: "1 round, rows 1 of 3", outcome: "fell back to the full model; verified" });
    expect(fell.stats).toMatchObject({ fellBack: true, rounds: 1, reducedRows: [1], added: 1 });
    // a reduced solver without a trace: no trace on the result
    expect("trace" in solveByRowGeneration(upperRows([[1, 10], [1, 8]]), { initialRows: [0], solveReduced: handSolve })).toBe(false);
  });

  it("maxRounds 2: two reduced rounds, then the full model", () => {
    const s = spy();
    const { result, stats } = solveByRowGenerationWithStats(upperRows([[1, 10], [1, 9], [1, 8], [1, 7]]), { initialRows: [0], batch: 1, maxRounds: 2, solveReduced: s.solveReduced });
    // round 1 adds x ≤ 7 (largest gap 3): optimum 7, nothing violated after round 2 → no fallback
    expect(s.seen).toEqual([["c0"], ["c0", "c3"]]);
    expect(stats.fellBack).toBe(false);
    expect(result.status === "optimal" && result.value.toFraction()).toBe("7");
    const s1 = spy();
    const r1 = solveByRowGenerationWithStats(upperRows([[1, 10], [1, 9], [1, 8], [1, 7]]), { initialRows: [0], batch: 1, maxRounds: 1, solveReduced: s1.solveReduced });
    expect(s1.seen).toEqual([["c0"], ["c0", "c1", "c2", "c3"]]);
    expect(r1.stats.fellBack).toBe(true);
  });

  it("expectComplete: a certificate wrong for other reasons than dropped rows is refused with its problems", () => {
    const model = upperRows([[1, 10], [1, 8]]);
    const liar = (m: LpModel): LpResult => {
      const r = handSolve(m);
      return r.status === "optimal" ? { ...r, value: r.value.add(1) } : r;
    };
    const e = caught(() => solveByRowGeneration(model, { initialRows: [0, 1], solveReduced: liar, expectComplete: true }));
    expect(e.code).toBe("certificate-rejected");
    expect(e.message.split("\n")[0]).toBe("the optimal certificate was rejected:");
    expect(e.message.split("\n").slice(1).every((l) => /^ {2}\[[a-z-]+\] /.test(l))).toBe(true);
    expect(e.message.split("\n").length - 1).toBe((e.value as unknown[]).length);
    expect(Array.isArray(e.value) && (e.value as { code: string }[]).every((p) => p.code !== "primal-row-violated")).toBe(true);
    // control: the honest hand solver passes, in one round, with only the start rows
    const ok = solveByRowGenerationWithStats(model, { initialRows: [0, 1], solveReduced: handSolve, expectComplete: true });
    expect(ok.stats.rounds).toBe(1);
    expect(verify(model, ok.result)).toEqual({ ok: true });
  });
});

describe("row generation: stats timings", () => {
  it("each phase's time is in [0, totalMs] and totalMs within the call's wall time", () => {
    for (const opts of [{ initialRows: [0], batch: 1 }, { initialRows: [0], batch: 1, maxRounds: 1 }, { initialRows: [0, 1, 2, 3], expectComplete: true }]) {
      const t0 = performance.now();
      const { stats } = solveByRowGenerationWithStats(upperRows([[1, 10], [1, 9], [1, 8], [1, 7]]), opts);
      const wall = performance.now() - t0;
      for (const k of ["solveMs", "checkMs", "verifyMs"] as const) {
        expect(stats[k], k).toBeGreaterThanOrEqual(0);
        expect(stats[k], k).toBeLessThanOrEqual(stats.totalMs);
      }
      expect(stats.solveMs + stats.checkMs + stats.verifyMs).toBeLessThanOrEqual(stats.totalMs + 1e-6);
      expect(stats.totalMs).toBeGreaterThan(0);
      expect(stats.totalMs).toBeLessThanOrEqual(wall);
    }
  });
});

describe("row generation: refusals and helpers", () => {
  const model = upperRows([[1, 10], [1, 8]]);
  it("option refusals name the option and the value", () => {
    const err = (o: Parameters<typeof solveByRowGeneration>[1]) => {
      const e = caught(() => solveByRowGeneration(model, o));
      return [e.code, e.path, e.value, e.message];
    };
    for (const i of [2, -1, 0.5]) expect(err({ initialRows: [i] })).toEqual(["bad-option", "initialRows", i, `row generation: initial row index ${i} is out of range 0..1`]);
    for (const batch of [0, -2, 1.5]) expect(err({ initialRows: [], batch })).toEqual(["bad-option", "batch", batch, `row generation: batch must be a positive integer, got ${batch}`]);
    for (const maxRounds of [0, 2.5]) expect(err({ initialRows: [], maxRounds })).toEqual(["bad-option", "maxRounds", maxRounds, `row generation: maxRounds must be a positive integer, got ${maxRounds}`]);
    // controls: the edges accepted
    expect(solveByRowGeneration(model, { initialRows: [1], batch: 1, maxRounds: 1 }).status).toBe("optimal");
    expect(solveByRowGeneration(model, { initialRows: [0] }).status).toBe("optimal");
  });

  it("extendByZeros and reducedModel", () => {
    expect(extendByZeros([F("1/2"), F(-3)], [1, 3], 4).map((v) => v.toFraction())).toEqual(["0", "1/2", "0", "-3"]);
    expect(extendByZeros([], [], 2).map((v) => v.toFraction())).toEqual(["0", "0"]);
    const e = caught(() => extendByZeros([F(1)], [0, 1], 3));
    expect([e.code, e.message]).toEqual(["lp-solver-failed", "row generation: reduced vector has 1 entries for 2 rows"]);
    const b = new LpBuilder("min");
    b.variable("x", { lower: -1 });
    b.row("a", [["x", 1]], "<=", 1).row("b", [["x", 1]], ">=", -1).row("c", [["x", 2]], "<=", 3);
    b.objective([["x", 1]], 7);
    const m = b.build();
    const red = reducedModel(m, [0, 2]);
    expect(red.rows.map((r) => r.name)).toEqual(["a", "c"]);
    expect(red.direction).toBe("min");
    expect(red.variables).toBe(m.variables);
    expect(red.objective).toBe(m.objective);
    expect(red.objectiveConstant.toFraction()).toBe("7");
    expect(Object.isFrozen(red) && Object.isFrozen(red.rows)).toBe(true);
  });
});
