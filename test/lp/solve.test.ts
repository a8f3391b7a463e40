import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { q, type Q } from "../../src/exact/rational.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import type { FloatLpEngine, Proposal } from "../../src/lp/engine.ts";
import { type BasisStatus, LpBuilder, type LpModel, type LpResult, type RowSense } from "../../src/lp/model.ts";
import { isLpEngineLoaded, loadLpEngine, solve, solveWithStats } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

beforeAll(async () => {
  await loadLpEngine();
});

const coef = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }).map((v) => new Fraction(v)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => new Fraction(a, b)) },
);
const bounds = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ lower: 0 as number | null, upper: null as number | null }) }, // x ≥ 0
  { weight: 1, arbitrary: fc.constant({ lower: null, upper: null }) }, // free
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }).chain((l) => fc.integer({ min: l, max: l + 4 }).map((u) => ({ lower: l as number | null, upper: u as number | null }))) }, // ranged / fixed
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((u) => ({ lower: null, upper: u as number | null })) }, // x ≤ u
);

/**
 * Random small LPs: mixed senses, free/ranged/fixed variables, equality rows; optionally a
 * duplicated row (degenerate on purpose), a zero-rhs fan of rows through the origin (degenerate
 * vertex), or a contradictory pair of rows (infeasible).
 */
export const randomLp: fc.Arbitrary<LpModel> = fc
  .record({
    direction: fc.constantFrom("max" as const, "min" as const),
    n: fc.integer({ min: 1, max: 5 }),
    m: fc.integer({ min: 0, max: 5 }),
    twist: fc.constantFrom("none", "none", "none", "duplicate", "duplicate", "fan", "contradiction"),
    seedCoefs: fc.array(coef, { minLength: 60, maxLength: 60 }),
    rhs: fc.array(fc.integer({ min: -4, max: 6 }), { minLength: 8, maxLength: 8 }),
    /** "anchored": rows are built to hold at an integer point x0 (slack 0 ⇒ tight, degenerate when many are); "random": random rhs */
    rhsMode: fc.constantFrom("anchored", "anchored", "anchored", "random"),
    x0: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 5, maxLength: 5 }),
    slack: fc.array(fc.constantFrom(0, 0, 1, 2), { minLength: 8, maxLength: 8 }),
    senses: fc.array(fc.constantFrom<RowSense>("<=", ">=", "=", "<=", ">="), { minLength: 8, maxLength: 8 }),
    bnds: fc.array(bounds, { minLength: 5, maxLength: 5 }),
    density: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    c0: fc.integer({ min: -2, max: 2 }),
  })
  .map(({ direction, n, m, twist, seedCoefs, rhs, rhsMode, x0, slack, senses, bnds, density, c0 }) => {
    const b = new LpBuilder(direction);
    // clamp x0 into the bounds so that anchored rows give a feasible LP
    const x: Q[] = [];
    for (let j = 0; j < n; j++) {
      const bd = bnds[j]!;
      b.variable(`x${j}`, bd);
      let v = x0[j]!;
      if (bd.lower !== null) v = Math.max(v, bd.lower);
      if (bd.upper !== null) v = Math.min(v, bd.upper);
      x.push(q(v));
    }
    let k = 0;
    const next = () => seedCoefs[k++ % seedCoefs.length]!;
    const rowTerms: [number, Q][][] = [];
    const rowRhs: Q[] = [];
    for (let i = 0; i < m; i++) {
      const terms: [number, Q][] = [];
      for (let j = 0; j < n; j++) {
        const c = next();
        if (density[(i * n + j) % density.length]) terms.push([j, c]);
      }
      rowTerms.push(terms);
      const act = terms.reduce((s, [j, c]) => s.add(c.mul(x[j]!)), q(0));
      const sense = senses[i]!;
      const r = rhsMode === "random" ? q(rhs[i]!) : sense === "<=" ? act.add(slack[i]!) : sense === ">=" ? act.sub(slack[i]!) : act;
      rowRhs.push(r);
      b.row(`r${i}`, terms, sense, r);
    }
    if (twist === "duplicate" && m > 0) b.row("dup", rowTerms[0]!, senses[0]!, rowRhs[0]!);
    if (twist === "fan") {
      for (let i = 0; i < 3; i++) b.row(`fan${i}`, [[0, next()], [n - 1, next()]], "<=", 0);
    }
    if (twist === "contradiction") {
      const t: [number, Q][] = [[0, q(1)], [n - 1, q(1)]];
      b.row("c1", t, ">=", 3).row("c2", t, "<=", 1);
    }
    const obj: [number, Q][] = [];
    for (let j = 0; j < n; j++) obj.push([j, next()]);
    b.objective(obj, c0);
    return b.build();
  });

function sameOutcome(a: LpResult, b: LpResult): void {
  expect(a.status).toBe(b.status);
  if (a.status === "optimal" && b.status === "optimal") expect(a.value.equals(b.value)).toBe(true);
}

describe("solve", () => {
  it("engine is loaded in these tests", () => {
    expect(isLpEngineLoaded()).toBe(true);
  });

  it("agrees with the exact simplex on status and exact value; every certificate verifies", () => {
    const seen = { optimal: 0, infeasible: 0, unbounded: 0 };
    fc.assert(
      fc.property(randomLp, (model) => {
        const r = solve(model, { smallModelCells: 0 });
        expect(verify(model, r)).toEqual({ ok: true });
        expect(r.trace).toBeDefined();
        sameOutcome(r, exactSimplex(model));
        seen[r.status]++;
      }),
      { seed: 42, numRuns: RUNS },
    );
    // the generator covers every outcome
    expect(seen.optimal).toBeGreaterThan(0);
    expect(seen.infeasible).toBeGreaterThan(0);
    expect(seen.unbounded).toBeGreaterThan(0);
  });

  it("exactOnly gives the same verdict, certified by the exact simplex", () => {
    fc.assert(
      fc.property(randomLp, (model) => {
        const a = solve(model, { smallModelCells: 0 });
        const b = solve(model, { exactOnly: true });
        sameOutcome(a, b);
        expect(b.trace?.certifiedBy).toBe("exact-simplex");
        expect(verify(model, b)).toEqual({ ok: true });
      }),
      { seed: 7, numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });

  it("a tampered certificate is rejected by verify", () => {
    fc.assert(
      fc.property(randomLp, fc.constantFrom(1, -1), (model, delta) => {
        const r = solve(model, { smallModelCells: 0 });
        const d = new Fraction(delta, 7);
        let tampered: LpResult;
        if (r.status === "optimal") {
          // change the claimed value: value = c·x + c0 must fail
          tampered = { ...r, value: r.value.add(d) };
        } else if (r.status === "infeasible") {
          // zero the Farkas vector: g = 0 and yᵀb = 0, so "max g·x < yᵀb" must fail
          tampered = { ...r, farkas: { rows: r.farkas.rows.map(() => new Fraction(0)) } };
        } else {
          // a ray that no longer improves: negate it (c·r changes sign)
          tampered = { ...r, ray: r.ray.map((v) => v.neg()) };
        }
        expect(verify(model, tampered).ok).toBe(false);
      }),
      { seed: 3, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
    );
  });

  it("tampering one primal entry of an optimal certificate is rejected", () => {
    // max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6,  x, y ≥ 0.
    // Vertex of both rows: x + 2y = 4, 3x + y = 6 → x = 8/5, y = 6/5, value 14/5.
    // Duals: y1 + 3y2 = 1, 2y1 + y2 = 1 → y1 = 2/5, y2 = 1/5; dual value 4·2/5 + 6·1/5 = 14/5.
    const b = new LpBuilder("max");
    const x = b.variable("x");
    const y = b.variable("y");
    b.row("r1", [[x, 1], [y, 2]], "<=", 4).row("r2", [[x, 3], [y, 1]], "<=", 6).objective([[x, 1], [y, 1]]);
    const model = b.build();
    const r = solve(model, { smallModelCells: 0 }); // through the engine + basis certification
    if (r.status !== "optimal") throw new Error("expected optimal");
    expect(r.value.toFraction()).toBe("14/5");
    expect(r.primal.map((v) => v.toFraction())).toEqual(["8/5", "6/5"]);
    expect(r.dual.rows.map((v) => v.toFraction())).toEqual(["2/5", "1/5"]);
    expect(r.trace?.certifiedBy).toBe("basis-lu");
    const primal = r.primal.slice();
    primal[0] = primal[0]!.add(new Fraction(1, 1000));
    expect(verify(model, { ...r, primal }).ok).toBe(false);
  });

  it("hand case: free and ranged variables, equality row", () => {
    // min x − y  s.t.  x + y = 2,  x free,  −1 ≤ y ≤ 5/2.
    // x = 2 − y, objective 2 − 2y, minimized at y = 5/2 (upper bound): x = −1/2, value −3.
    // Dual: row y1 free; x basic → d_x = 0 → y1 = 1; d_y = −1 − 1 = −2 < 0 at upper bound (ok for min).
    // Dual value = 2·1 + (−2)·(5/2) = −3.
    const b = new LpBuilder("min");
    const x = b.variable("x", { lower: null });
    const y = b.variable("y", { lower: -1, upper: "5/2" });
    b.row("sum", [[x, 1], [y, 1]], "=", 2).objective([[x, 1], [y, -1]]);
    const r = solve(b.build(), { smallModelCells: 0 });
    if (r.status !== "optimal") throw new Error("expected optimal");
    expect(r.value.toFraction()).toBe("-3");
    expect(r.primal.map((v) => v.toFraction())).toEqual(["-1/2", "5/2"]);
    expect(r.dual.rows.map((v) => v.toFraction())).toEqual(["1"]);
    expect(r.dual.reducedCosts.map((v) => v.toFraction())).toEqual(["0", "-2"]);
  });

  it("hand case: degenerate vertex (three constraints through the optimum)", () => {
    // max x + y  s.t.  x ≤ 1, y ≤ 1, x + y ≤ 2,  x, y ≥ 0.  Optimum (1,1), value 2, with three
    // tight rows at a 2-D vertex (degenerate). Any optimal duals work; the value is 2.
    const b = new LpBuilder("max");
    const x = b.variable("x");
    const y = b.variable("y");
    b.row("a", [[x, 1]], "<=", 1).row("b", [[y, 1]], "<=", 1).row("c", [[x, 1], [y, 1]], "<=", 2).objective([[x, 1], [y, 1]]);
    const model = b.build();
    const r = solve(model, { smallModelCells: 0 });
    if (r.status !== "optimal") throw new Error("expected optimal");
    expect(r.value.toFraction()).toBe("2");
    expect(r.primal.map((v) => v.toFraction())).toEqual(["1", "1"]);
    expect(verify(model, r)).toEqual({ ok: true });
  });

  it("hand case: infeasible, Farkas multipliers", () => {
    // min u  s.t.  u ≥ 3 (row a),  u ≤ 2 (row b),  u ≥ 0.
    // y = (1, −1): g = yᵀA = 1 − 1 = 0, yᵀb = 3 − 2 = 1 > 0 = max g·u. Any positive multiple works.
    const b = new LpBuilder("min");
    const u = b.variable("u");
    b.row("a", [[u, 1]], ">=", 3).row("b", [[u, 1]], "<=", 2).objective([[u, 1]]);
    const r = solve(b.build(), { smallModelCells: 0 });
    if (r.status !== "infeasible") throw new Error("expected infeasible");
    const [ya, yb] = r.farkas.rows;
    expect(ya!.compare(0)).toBeGreaterThan(0);
    expect(ya!.add(yb!).n).toBe(0n); // y proportional to (1, −1)
    // one number tampered: a ≥ row's multiplier made negative breaks the sign rule
    expect(verify(b.build(), { ...r, farkas: { rows: [ya!.neg(), yb!] } }).ok).toBe(false);
  });

  it("hand case: unbounded, point and ray", () => {
    // max w + z  s.t.  w − z ≥ 3,  w ≥ 0, z free.  Ray (1, 1): w − z unchanged, objective +2.
    const b = new LpBuilder("max");
    const w = b.variable("w");
    const z = b.variable("z", { lower: null });
    b.row("a", [[w, 1], [z, -1]], ">=", 3).objective([[w, 1], [z, 1]]);
    const model = b.build();
    const r = solve(model, { smallModelCells: 0 });
    if (r.status !== "unbounded") throw new Error("expected unbounded");
    const [rw, rz] = r.ray;
    expect(rw!.compare(0)).toBeGreaterThanOrEqual(0);
    expect(rw!.sub(rz!).compare(0)).toBeGreaterThanOrEqual(0);
    expect(rw!.add(rz!).compare(0)).toBeGreaterThan(0);
  });

  it("empty model and a model with no rows", () => {
    // min 0 over nothing: value = constant 5.
    const e = new LpBuilder("min").objective([], 5).build();
    const r = solve(e);
    expect(r.status === "optimal" && r.value.toFraction()).toBe("5");
    // max 2x with 0 ≤ x ≤ 7/2 and no rows: value 7.
    const b = new LpBuilder("max");
    const x = b.variable("x", { upper: "7/2" });
    b.objective([[x, 2]]);
    const r2 = solve(b.build());
    expect(r2.status === "optimal" && r2.value.toFraction()).toBe("7");
  });

  it("a lying engine (random statuses and bases) cannot make solve wrong: it falls back and still agrees", () => {
    let fellBack = 0;
    fc.assert(
      fc.property(randomLp, fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (model, noise) => {
        let t = 0;
        const pick = () => noise[t++ % noise.length]!;
        const liar: FloatLpEngine = {
          name: "liar",
          propose(mdl: LpModel): Proposal {
            const n = mdl.variables.length;
            const m = mdl.rows.length;
            const sts: BasisStatus[] = ["lower", "upper", "zero", "basic"];
            const colStatus = Array.from({ length: n }, () => sts[pick() % 4]!);
            const rowStatus = Array.from({ length: m }, () => sts[pick() % 4]!);
            const status = (["optimal", "infeasible", "unbounded", "unknown"] as const)[pick() % 4]!;
            return { status, rawStatus: `lie ${status}`, x: null, rowDuals: null, basis: { colStatus, rowStatus } };
          },
        };
        const r = solve(model, { engine: liar });
        expect(verify(model, r)).toEqual({ ok: true });
        sameOutcome(r, exactSimplex(model));
        if (r.trace?.certifiedBy === "exact-simplex") fellBack++;
      }),
      { seed: 11, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
    );
    expect(fellBack).toBeGreaterThan(0);
  });

  it("exactness beyond floats: x ≤ 1 and x ≥ 1 + 10⁻³⁰ is infeasible (HiGHS cannot see the gap)", () => {
    // In doubles 1 + 10⁻³⁰ = 1, so the float engine proposes x = 1 as optimal; certification must
    // reject that basis exactly, and the final verdict is infeasible with y = (−1, 1) up to scale:
    // g = −x + x = 0, yᵀb = −1 + (1 + 10⁻³⁰) = 10⁻³⁰ > 0.
    const b = new LpBuilder("min");
    const x = b.variable("x");
    b.row("le", [[x, 1]], "<=", 1).row("ge", [[x, 1]], ">=", "1.000000000000000000000000000001").objective([[x, 1]]);
    const model = b.build();
    const r = solve(model, { smallModelCells: 0 });
    expect(r.status).toBe("infeasible");
    expect(verify(model, r)).toEqual({ ok: true });
    // and the tiny-gap feasible twin (≥ 1 − 10⁻³⁰) is optimal with the exact value 1 − 10⁻³⁰
    const b2 = new LpBuilder("min");
    const x2 = b2.variable("x");
    b2.row("le", [[x2, 1]], "<=", 1).row("ge", [[x2, 1]], ">=", "0.999999999999999999999999999999").objective([[x2, 1]]);
    const r2 = solve(b2.build(), { smallModelCells: 0 });
    expect(r2.status === "optimal" && r2.value.equals(q("0.999999999999999999999999999999"))).toBe(true);
  });

  it("when every route fails (engine lies, exact simplex hits its limit) solve throws lp-not-certified", () => {
    const liar: FloatLpEngine = {
      name: "liar",
      propose: () => ({ status: "unknown", rawStatus: "lie", x: null, rowDuals: null, basis: null }),
    };
    // needs at least one pivot: max x + y with two binding rows (the small hand LP above)
    const b = new LpBuilder("max");
    const x = b.variable("x");
    const y = b.variable("y");
    b.row("r1", [[x, 1], [y, 2]], "<=", 4).row("r2", [[x, 3], [y, 1]], "<=", 6).objective([[x, 1], [y, 1]]);
    try {
      solve(b.build(), { engine: liar, maxIterations: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isMechcheckError(e) && e.code).toBe("lp-not-certified");
      expect((e as Error).message).toMatch(/attempts: .*liar/);
    }
  });

  it("rejects malformed models with a MechcheckError naming the field", () => {
    const bad: LpModel = {
      direction: "min",
      variables: [{ name: "v", lower: q(2), upper: q(1) }],
      rows: [],
      objective: [],
      objectiveConstant: q(0),
    };
    expect(() => solve(bad)).toThrow(expect.objectContaining({ code: "empty-bounds" }));
    const bad2: LpModel = { ...bad, variables: [{ name: "v", lower: q(0), upper: null }], rows: [{ name: "r", terms: [{ var: 3, coef: q(1) }], sense: "<=", rhs: q(1) }] };
    try {
      solve(bad2);
      expect.unreachable();
    } catch (e) {
      expect(isMechcheckError(e) && e.code === "invalid-model" && /row "r"/.test(e.message)).toBe(true);
    }
  });

  it("solveWithStats reports timings that add up", () => {
    const b = new LpBuilder("min");
    const x = b.variable("x");
    b.row("r", [[x, 1]], ">=", 1).objective([[x, 1]]);
    const { result, stats } = solveWithStats(b.build());
    expect(result.status).toBe("optimal");
    expect(stats.floatMs).toBeGreaterThanOrEqual(0);
    expect(stats.luMs).toBeLessThanOrEqual(stats.certifyMs + 1e-9);
    expect(stats.floatMs + stats.certifyMs + stats.verifyMs).toBeLessThanOrEqual(stats.totalMs + 1e-6);
  });
});
