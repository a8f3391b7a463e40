import { beforeAll, describe, expect, it } from "vitest";
import Fraction from "fraction.js";
import { q } from "../../src/exact/rational.ts";
import { certifyBasis, checkFarkas, fromPhaseOne, fromRay, phaseOneModel, rayModel } from "../../src/lp/certify.ts";
import { DEFAULT_SETTINGS, type FloatLpEngine, loadHighs } from "../../src/lp/engine.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import { type BasisHint, LpBuilder, type LpModel } from "../../src/lp/model.ts";
import { ratFromQ } from "../../src/exact/fastRational.ts";
import { verify } from "../../src/lp/verify.ts";

let engine: FloatLpEngine;
beforeAll(async () => {
  engine = await loadHighs();
});

/** max x + y s.t. r1: x + 2y ≤ 4, r2: 3x + y ≤ 6, x, y ≥ 0 (optimum (8/5, 6/5), value 14/5). */
function smallLp(): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y");
  b.row("r1", [[x, 1], [y, 2]], "<=", 4).row("r2", [[x, 3], [y, 1]], "<=", 6).objective([[x, 1], [y, 1]]);
  return b.build();
}

describe("certifyBasis", () => {
  it("hand case: the optimal basis {x, y basic; both rows tight} gives the exact optimum and duals", () => {
    // B = [[1, 2], [3, 1]] (columns x, y), rhs = (4, 6): x = 8/5, y = 6/5.
    // Bᵀ y = c_B = (1, 1): y1 + 3y2 = 1, 2y1 + y2 = 1 → (2/5, 1/5); reduced costs 0.
    const model = smallLp();
    const basis: BasisHint = { colStatus: ["basic", "basic"], rowStatus: ["upper", "upper"] };
    const c = certifyBasis(model, basis);
    if (!c.ok) throw new Error(c.reason);
    expect(c.result.value.toFraction()).toBe("14/5");
    expect(c.result.primal.map((v) => v.toFraction())).toEqual(["8/5", "6/5"]);
    expect(c.result.dual.rows.map((v) => v.toFraction())).toEqual(["2/5", "1/5"]);
    expect(c.result.dual.reducedCosts.map((v) => v.toFraction())).toEqual(["0", "0"]);
    expect(verify(model, c.result)).toEqual({ ok: true });
  });

  it("hand case: a feasible but non-optimal basis is rejected as dual infeasible", () => {
    // Slack basis: x = y = 0 (both at lower), rows basic. y = 0, d = c = (1, 1) > 0 in a max
    // problem at the lower bound: not optimal.
    const c = certifyBasis(smallLp(), { colStatus: ["lower", "lower"], rowStatus: ["basic", "basic"] });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.code).toBe("dual-infeasible-basis");
  });

  it("hand case: a primal infeasible basis is rejected", () => {
    // x basic, r1 tight, y at 0: x = 4 from r1, then r2 activity 12 > 6.
    const c = certifyBasis(smallLp(), { colStatus: ["basic", "lower"], rowStatus: ["upper", "basic"] });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.code).toBe("primal-infeasible-basis");
  });

  it("wrong basis size and singular bases are reasons, not exceptions", () => {
    const model = smallLp();
    const c1 = certifyBasis(model, { colStatus: ["basic", "basic"], rowStatus: ["basic", "upper"] });
    expect(!c1.ok && c1.code).toBe("basis-size");
    const c2 = certifyBasis(model, { colStatus: ["basic"], rowStatus: ["basic", "upper"] });
    expect(!c2.ok && c2.code).toBe("basis-shape");
    // rows x + y ≤ 2 and 2x + 2y ≤ 4 with x, y basic: B = [[1,1],[2,2]] is singular.
    const b = new LpBuilder("max");
    const x = b.variable("x");
    const y = b.variable("y");
    b.row("a", [[x, 1], [y, 1]], "<=", 2).row("b", [[x, 2], [y, 2]], "<=", 4).objective([[x, 1]]);
    const c3 = certifyBasis(b.build(), { colStatus: ["basic", "basic"], rowStatus: ["upper", "upper"] });
    expect(!c3.ok && c3.code).toBe("singular");
  });

  it("degenerate optimal basis certifies (basic variable at a bound)", () => {
    // max x + y, a: x ≤ 1, b: y ≤ 1, c: x + y ≤ 2. Basis: x, y, and row c basic (c is tight but basic,
    // activity 2 = rhs: degenerate). y_a = 1, y_b = 1, y_c = 0; value 2.
    const b = new LpBuilder("max");
    const x = b.variable("x");
    const y = b.variable("y");
    b.row("a", [[x, 1]], "<=", 1).row("b", [[y, 1]], "<=", 1).row("c", [[x, 1], [y, 1]], "<=", 2).objective([[x, 1], [y, 1]]);
    const model = b.build();
    const c = certifyBasis(model, { colStatus: ["basic", "basic"], rowStatus: ["upper", "upper", "basic"] });
    if (!c.ok) throw new Error(c.reason);
    expect(c.result.value.toFraction()).toBe("2");
    expect(c.result.dual.rows.map((v) => v.toFraction())).toEqual(["1", "1", "0"]);
    expect(verify(model, c.result)).toEqual({ ok: true });
  });

  it("nonbasic free variable at zero, variable at its upper bound", () => {
    // min −y + 0·z s.t. row: y − z ≤ 5, 0 ≤ y ≤ 3, z free. Basis: row basic (activity 3 ≤ 5),
    // y at upper (3), z nonbasic free at 0. y = 0 → d_y = −1 < 0 at its upper bound (min: ok),
    // d_z = 0. Value −3.
    const b = new LpBuilder("min");
    const y = b.variable("y", { upper: 3 });
    const z = b.variable("z", { lower: null });
    b.row("row", [[y, 1], [z, -1]], "<=", 5).objective([[y, -1]]);
    const model = b.build();
    const c = certifyBasis(model, { colStatus: ["upper", "zero"], rowStatus: ["basic"] });
    if (!c.ok) throw new Error(c.reason);
    expect(c.result.value.toFraction()).toBe("-3");
    expect(c.result.primal.map((v) => v.toFraction())).toEqual(["3", "0"]);
    expect(verify(model, c.result)).toEqual({ ok: true });
  });
});

describe("auxiliary LPs", () => {
  it("phase 1 of an infeasible LP has a positive optimum whose duals are Farkas multipliers", () => {
    // u ≥ 3 and u ≤ 2 (u ≥ 0): phase 1 = min p + n s.t. u + p ≥ 3, u − n ≤ 2: optimum 1.
    const b = new LpBuilder("min");
    const u = b.variable("u");
    b.row("a", [[u, 1]], ">=", 3).row("b", [[u, 1]], "<=", 2).objective([[u, 1]]);
    const model = b.build();
    const p1 = exactSimplex(phaseOneModel(model));
    if (p1.status !== "optimal") throw new Error("phase 1 must have an optimum");
    expect(p1.value.toFraction()).toBe("1");
    const f = fromPhaseOne(model, p1);
    if (f.kind !== "infeasible") throw new Error("expected infeasible");
    expect(verify(model, f.result)).toEqual({ ok: true });
    // a wrong-signed multiplier vector is refused by the internal check
    expect(checkFarkas(model, [q(-1), q(1)].map(ratFromQ))).toMatch(/wrong sign/);
    expect(checkFarkas(model, [q(1), q(-1)].map(ratFromQ))).toBeNull();
  });

  it("ray LP gives an improving ray; a bounded LP gives 'not-unbounded'", () => {
    // max w + z s.t. w − z ≥ 3, w ≥ 0, z free: rays r with r_w ≥ 0, r_w − r_z ≥ 0; box optimum at
    // r = (1, 1), objective 2.
    const b = new LpBuilder("max");
    const w = b.variable("w");
    const z = b.variable("z", { lower: null });
    b.row("a", [[w, 1], [z, -1]], ">=", 3).objective([[w, 1], [z, 1]]);
    const model = b.build();
    const rl = exactSimplex(rayModel(model));
    if (rl.status !== "optimal") throw new Error("ray LP must have an optimum");
    expect(rl.value.toFraction()).toBe("2");
    const u = fromRay(model, [q(3), q(0)], rl);
    if (!u.ok) throw new Error(u.reason);
    expect(verify(model, u.result)).toEqual({ ok: true });
    // an infeasible point is refused
    expect(fromRay(model, [q(0), q(0)], rl).ok).toBe(false);
    const bounded = smallLp();
    const rb = exactSimplex(rayModel(bounded));
    if (rb.status !== "optimal") throw new Error("ray LP must have an optimum");
    const nb = fromRay(bounded, [q(0), q(0)], rb);
    expect(!nb.ok && nb.code).toBe("not-unbounded");
  });
});

/**
 * A transportation LP: S suppliers, D customers; ship 0 ≤ x_ij ≤ 20 on a sparse set of routes (each
 * customer reachable from K random suppliers), Σ_j x_ij ≤ supply_i, Σ_i x_ij ≥ demand_j,
 * min Σ c_ij x_ij with fractional exact costs. D + S rows.
 */
export function transportationLp(S: number, D: number, K: number, seed = 7): LpModel {
  let st = seed;
  const rnd = (k: number) => {
    st = (st * 1103515245 + 12345) % 2147483648;
    return Math.floor(st / 65536) % k; // high bits: the low bits of this LCG have short periods
  };
  const b = new LpBuilder("min");
  const supplyTerms: [number, number][][] = Array.from({ length: S }, () => []);
  const obj: [number, Fraction][] = [];
  for (let j = 0; j < D; j++) {
    const terms: [number, number][] = [];
    const used = new Set<number>();
    while (used.size < K) used.add(rnd(S));
    for (const i of used) {
      const v = b.variable(`x_${i}_${j}`, { upper: 20 });
      terms.push([v, 1]);
      supplyTerms[i]!.push([v, 1]);
      obj.push([v, new Fraction(1 + rnd(50), 1 + rnd(3))]);
    }
    b.row(`demand_${j}`, terms, ">=", 1 + (j % 9)); // total demand ≈ 5·D
  }
  for (let i = 0; i < S; i++) b.row(`supply_${i}`, supplyTerms[i]!, "<=", Math.ceil((20 * D) / S)); // total supply ≈ 20·D
  b.objective(obj);
  return b.build();
}

describe("certification on a larger LP (sparse LU path)", () => {
  it("certifies HiGHS's basis for a transportation LP with a few thousand rows", () => {
    const model = transportationLp(60, 2500, 3);
    expect(model.rows.length).toBeGreaterThan(2500);
    const p = engine.propose(model, DEFAULT_SETTINGS);
    expect(p.status).toBe("optimal");
    if (!p.basis) throw new Error("HiGHS gave no basis");
    const stats = { luMs: 0, totalMs: 0 };
    const c = certifyBasis(model, p.basis, stats);
    if (!c.ok) throw new Error(c.reason);
    expect(verify(model, c.result)).toEqual({ ok: true });
    // the exact value agrees with HiGHS's float value to float accuracy
    const floatValue = model.objective.reduce((s, t) => s + t.coef.valueOf() * p.x![t.var]!, 0);
    expect(Math.abs(c.result.value.valueOf() - floatValue)).toBeLessThan(1e-6 * Math.max(1, Math.abs(floatValue)));
    expect(stats.luMs).toBeLessThan(10_000);
  });
});
