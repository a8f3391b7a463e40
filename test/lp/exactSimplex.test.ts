import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMechcheckError } from "../../src/errors.ts";
import { ZERO, q } from "../../src/exact/rational.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import { type BasisHint, LpBuilder, type LpModel, type LpResult } from "../../src/lp/model.ts";
import { verify } from "../../src/lp/verify.ts";
import { bruteForce } from "../support/vertexOracle.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

function solveChecked(m: LpModel, opts?: Parameters<typeof exactSimplex>[1]): LpResult {
  const r = exactSimplex(m, opts);
  expect(verify(m, r)).toEqual({ ok: true });
  return r;
}
const valueOf = (r: LpResult) => (r.status === "optimal" ? r.value.toFraction() : r.status);

// Beale (1955): the textbook rule (largest coefficient, smallest-index ties) cycles on it.
// max 3/4 x4 − 20 x5 + 1/2 x6 − 6 x7
//   1/4 x4 −  8 x5 −     x6 + 9 x7 ≤ 0
//   1/2 x4 − 12 x5 − 1/2 x6 + 3 x7 ≤ 0
//                        x6        ≤ 1,   x ≥ 0.
// Optimum on paper: x4 = 1, x6 = 1 (row 1 slack 3/4; rows 2, 3 tight), value 3/4 + 1/2 = 5/4.
// Duals: y1 = 0 (slack); x4 basic: 3/4 = y2/2 → y2 = 3/2; x6 basic: 1/2 = −y2/2 + y3 → y3 = 5/4;
// d5 = −20 + 12·y2 = −2 ≤ 0, d7 = −6 − 3·y2 = −21/2 ≤ 0 (max: fine at lower bounds). Dual value y3·1 = 5/4.
function beale(): LpModel {
  const b = new LpBuilder("max");
  for (const v of ["x4", "x5", "x6", "x7"]) b.variable(v);
  b.row("c1", [["x4", "1/4"], ["x5", -8], ["x6", -1], ["x7", 9]], "<=", 0);
  b.row("c2", [["x4", "1/2"], ["x5", -12], ["x6", "-1/2"], ["x7", 3]], "<=", 0);
  b.row("c3", [["x6", 1]], "<=", 1);
  return b.objective([["x4", "3/4"], ["x5", -20], ["x6", "1/2"], ["x7", -6]]).build();
}

describe("exactSimplex: hand-derived LPs", () => {
  it("Beale's cycling example terminates at 5/4 under both pivot rules", () => {
    const m = beale();
    const paper: LpResult = { status: "optimal", value: q("5/4"), primal: [1, 0, 1, 0].map((x) => q(x)), dual: { rows: [q(0), q("3/2"), q("5/4")], reducedCosts: [q(0), q(-2), q(0), q("-21/2")] } };
    expect(verify(m, paper)).toEqual({ ok: true });
    for (const pivotRule of ["devex", "bland"] as const) {
      const r = solveChecked(m, { pivotRule, maxIterations: 1000 });
      expect(valueOf(r)).toBe("5/4");
    }
  });

  it("free variables and equalities: x + 2y = 4, x − y = 1 (free) has the single point (2,1)", () => {
    const b = new LpBuilder("max");
    b.variable("x", { lower: null });
    b.variable("y", { lower: null });
    b.row("e1", [["x", 1], ["y", 2]], "=", 4).row("e2", [["x", 1], ["y", -1]], "=", 1);
    const r = solveChecked(b.objective([["x", 1], ["y", 1]]).build());
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") expect(r.primal.map((v) => v.toFraction())).toEqual(["2", "1"]);
  });

  it("free variable bounded only by a row: min x s.t. x ≥ −7/2 → −7/2", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: null });
    b.row("r", [["x", 1]], ">=", "-7/2");
    expect(valueOf(solveChecked(b.objective([["x", 1]]).build()))).toBe("-7/2");
  });

  it("fixed variables and ranges: max x + y, x fixed at 3/2, y ∈ [−1, 2], x + y ≤ 3 → 3", () => {
    const b = new LpBuilder("max");
    b.variable("x", { lower: "3/2", upper: "3/2" });
    b.variable("y", { lower: -1, upper: 2 });
    b.row("r", [["x", 1], ["y", 1]], "<=", 3);
    const r = solveChecked(b.objective([["x", 1], ["y", 1]], 1).build());
    expect(valueOf(r)).toBe("4"); // x + y = 3 at most (the row), plus the constant 1
  });

  it("infeasible: x + y ≤ 1 and x + y ≥ 2", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y");
    b.row("lo", [["x", 1], ["y", 1]], "<=", 1).row("hi", [["x", 1], ["y", 1]], ">=", 2);
    expect(solveChecked(b.build()).status).toBe("infeasible");
  });

  it("infeasible through bounds alone: x ∈ [0,1], row x ≥ 2", () => {
    const b = new LpBuilder("max");
    b.variable("x", { upper: 1 });
    b.row("r", [["x", 1]], ">=", 2);
    expect(solveChecked(b.objective([["x", 1]]).build()).status).toBe("infeasible");
  });

  it("unbounded: max x with x − y ≤ 1 (y free), and with no rows at all", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y", { lower: null });
    b.row("r", [["x", 1], ["y", -1]], "<=", 1);
    expect(solveChecked(b.objective([["x", 1]]).build()).status).toBe("unbounded");
    const b2 = new LpBuilder("min");
    b2.variable("z", { lower: null, upper: 5 });
    expect(solveChecked(b2.objective([["z", 1]]).build()).status).toBe("unbounded");
  });

  it("warm start from the optimal basis needs no pivots; a cold start does", () => {
    // lp: max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6: optimum (4,0) with x basic, y at lower, r1 tight, r2 basic.
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", 1], ["y", 1]], "<=", 4).row("r2", [["x", 1], ["y", 3]], "<=", 6);
    const m = b.objective([["x", 3], ["y", 2]]).build();
    const hint: BasisHint = { colStatus: ["basic", "lower"], rowStatus: ["upper", "basic"] };
    expect(valueOf(solveChecked(m, { warmBasis: hint, maxIterations: 0 }))).toBe("12");
    expect(() => exactSimplex(m, { maxIterations: 0 })).toThrow(expect.objectContaining({ code: "simplex-limit" }));
    // A hint with the wrong number of basics (cold start), and two feasible non-optimal bases
    // ({x,y}: the point (3,1); {y, slack r1}: the point (0,2)) all end at 12.
    for (const h of [
      { colStatus: ["basic", "lower"], rowStatus: ["upper", "upper"] },
      { colStatus: ["basic", "basic"], rowStatus: ["upper", "upper"] },
      { colStatus: ["lower", "basic"], rowStatus: ["basic", "upper"] },
    ] as BasisHint[]) {
      expect(valueOf(solveChecked(m, { warmBasis: h }))).toBe("12");
    }
    // Infeasible warm basis: x basic in r2 (x = 6) violates r1; falls back to a cold start.
    expect(valueOf(solveChecked(m, { warmBasis: { colStatus: ["basic", "lower"], rowStatus: ["basic", "upper"] } }))).toBe("12");
  });

  it("limits throw MechcheckError simplex-limit", () => {
    try {
      exactSimplex(beale(), { maxIterations: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isMechcheckError(e) && e.code).toBe("simplex-limit");
    }
    // A deadline already passed (−1 ms) stops before the first pivot.
    expect(() => exactSimplex(beale(), { deadlineMs: -1 })).toThrow(expect.objectContaining({ code: "simplex-limit" }));
  });
});

const tinyLp = fc
  .record({
    n: fc.integer({ min: 2, max: 3 }),
    m: fc.integer({ min: 1, max: 4 }),
    dir: fc.constantFrom("max" as const, "min" as const),
    vals: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 40, maxLength: 40 }),
    kinds: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ n, m, dir, vals, kinds }) => {
    let k = 0;
    const next = () => vals[k++ % vals.length]!;
    const b = new LpBuilder(dir);
    for (let j = 0; j < n; j++) {
      const kind = kinds[j]! % 3; // every variable keeps a finite bound, so the polyhedron is pointed
      const l = next();
      b.variable(`x${j}`, kind === 0 ? {} : kind === 1 ? { lower: l, upper: l + Math.abs(next()) } : { lower: null, upper: l });
    }
    for (let i = 0; i < m; i++) {
      const terms: [number, number][] = [];
      for (let j = 0; j < n; j++) terms.push([j, next()]);
      b.row(`r${i}`, terms, (["<=", ">=", "=", "<=", ">="] as const)[kinds[4 + i]! % 5]!, next());
    }
    const obj: [number, number][] = [];
    for (let j = 0; j < n; j++) obj.push([j, next()]);
    return b.objective(obj, next()).build();
  });

describe("exactSimplex vs brute-force vertex enumeration", () => {
  it("agrees on status and value, and every result verifies", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tinyLp, (m) => {
        const r = solveChecked(m);
        seen.add(r.status);
        expect(valueOf(r)).toBe(bruteForce(m));
      }),
      RUNS,
    );
    expect([...seen].sort()).toEqual(["infeasible", "optimal", "unbounded"]);
  });

  it("agrees under Bland's rule and from cold on degenerate LPs (all right-hand sides 0)", () => {
    fc.assert(
      fc.property(tinyLp, (m0) => {
        const m: LpModel = { ...m0, rows: m0.rows.map((r) => ({ ...r, rhs: ZERO })) };
        const a = solveChecked(m, { pivotRule: "bland" });
        const b = solveChecked(m);
        expect(valueOf(a)).toBe(bruteForce(m));
        expect(valueOf(b)).toBe(valueOf(a));
      }),
      RUNS,
    );
  });
});

describe("exactSimplex: medium random LP", () => {
  it("solves a 60×60 sparse LP and the certificate verifies", () => {
    // Feasible by construction: the rows hold at an integer point x0 inside the box.
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const b = new LpBuilder("max");
    const x0: number[] = [];
    for (let j = 0; j < 60; j++) {
      b.variable(`x${j}`, { upper: 10 });
      x0.push(Math.floor(rnd() * 6));
    }
    for (let i = 0; i < 60; i++) {
      const terms: [number, number][] = [];
      let act = 0;
      for (let k = 0; k < 4; k++) {
        const j = Math.floor(rnd() * 60);
        const c = rnd() < 0.5 ? -1 : 1;
        terms.push([j, c]);
        act += c * x0[j]!;
      }
      const t = rnd();
      b.row(`r${i}`, terms, t < 0.6 ? "<=" : t < 0.9 ? ">=" : "=", t < 0.6 ? act + 1 : t < 0.9 ? act - 1 : act);
    }
    const obj: [number, number][] = [];
    for (let j = 0; j < 60; j++) obj.push([j, Math.floor(rnd() * 11) - 3]);
    const r = solveChecked(b.objective(obj).build());
    expect(r.status).toBe("optimal");
  });
});
