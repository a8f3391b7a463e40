import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMechcheckError } from "../../src/errors.ts";
import { type Q, q } from "../../src/exact/rational.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import { LpBuilder, type LpModel, type LpResult, type RowSense } from "../../src/lp/model.ts";
import { assertVerified, verify } from "../../src/lp/verify.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));
const codes = (m: LpModel, r: LpResult) => {
  const rep = verify(m, r);
  return rep.ok ? [] : rep.problems.map((p) => p.code);
};

// max 3x + 2y  s.t.  r1: x + y ≤ 4,  r2: x + 3y ≤ 6,  x, y ≥ 0.
// Vertices: (0,0)→0, (4,0)→12, (0,2)→4, (3,1)→11: optimum x=(4,0), value 12.
// r2 is slack (4 < 6) so y2 = 0; x basic so d_x = 0 and 3 = y1 → y1 = 3;
// d_y = 2 − (y1·1 + y2·3) = −1 (max: d < 0 needs the finite lower bound 0).
// Dual value = 3·4 + 0·6 + (−1)·0 = 12.
function lp1(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("r1", [["x", 1], ["y", 1]], "<=", 4).row("r2", [["x", 1], ["y", 3]], "<=", 6);
  return b.objective([["x", 3], ["y", 2]]).build();
}
const lp1Opt: LpResult = { status: "optimal", value: q(12), primal: Qs(4, 0), dual: { rows: Qs(3, 0), reducedCosts: Qs(0, -1) } };

// min −x + y + 5  s.t.  a: x + y ≥ 1,  x ∈ [0,1], y free.
// For fixed x the best y is 1 − x, objective 6 − 2x, so x = 1, y = 0, value 4.
// y free ⇒ d_y = 0 ⇒ y_a = 1 (≥ row in a min: y_a ≥ 0 ✓); d_x = −1 − y_a = −2 (needs u_x = 1 ✓).
// Dual value = 1·1 + (−2)·1 + 5 = 4.
function lp2(): LpModel {
  const b = new LpBuilder("min");
  b.variable("x", { upper: 1 });
  b.variable("y", { lower: null });
  b.row("a", [["x", 1], ["y", 1]], ">=", 1);
  return b.objective([["x", -1], ["y", 1]], 5).build();
}
const lp2Opt: LpResult = { status: "optimal", value: q(4), primal: Qs(1, 0), dual: { rows: Qs(1), reducedCosts: Qs(-2, 0) } };

// min 2p + 3q  s.t.  e: p + q = 10,  p ∈ [0,4], q ≥ 0. Cheapest: p as large as possible → p=4, q=6, value 26.
// q basic ⇒ y_e = 3; d_p = 2 − 3 = −1 (needs u_p = 4 ✓). Dual value = 3·10 + (−1)·4 = 26.
function lp3(): LpModel {
  const b = new LpBuilder("min");
  b.variable("p", { upper: 4 });
  b.variable("q");
  b.row("e", [["p", 1], ["q", 1]], "=", 10);
  return b.objective([["p", 2], ["q", 3]]).build();
}
const lp3Opt: LpResult = { status: "optimal", value: q(26), primal: Qs(4, 6), dual: { rows: Qs(3), reducedCosts: Qs(-1, 0) } };

// r1: x + y ≥ 5, r2: x ≤ 2, y ∈ [0,2]: y1 = 1, y2 = −1 gives g = (0, 1), max g·x = 2 < yᵀb = 3.
function lpInf(): LpModel {
  const b = new LpBuilder("min");
  b.variable("x");
  b.variable("y", { upper: 2 });
  b.row("r1", [["x", 1], ["y", 1]], ">=", 5).row("r2", [["x", 1]], "<=", 2);
  return b.build();
}
const lpInfCert: LpResult = { status: "infeasible", farkas: { rows: Qs(1, -1) } };

// max x + y s.t. r: x − y ≤ 1, x, y ≥ 0. Point (0,0), ray (1,1): a·r = 0, c·r = 2 > 0.
function lpUnb(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("r", [["x", 1], ["y", -1]], "<=", 1);
  return b.objective([["x", 1], ["y", 1]]).build();
}
const lpUnbCert: LpResult = { status: "unbounded", point: Qs(0, 0), ray: Qs(1, 1) };

describe("verify: hand-derived certificates", () => {
  it("accepts the paper certificates", () => {
    for (const [m, r] of [[lp1(), lp1Opt], [lp2(), lp2Opt], [lp3(), lp3Opt], [lpInf(), lpInfCert], [lpUnb(), lpUnbCert]] as const) {
      expect(verify(m, r)).toEqual({ ok: true });
      expect(() => assertVerified(m, r)).not.toThrow();
    }
  });

  it("rejects specific breakages with specific codes", () => {
    const m = lp1();
    // x = (5,0) breaks r1 by exactly 1 (and the value then is 15).
    const r = verify(m, { ...lp1Opt, primal: Qs(5, 0), value: q(15) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.code)).toContain("primal-row-violated");
      expect(r.problems.find((p) => p.code === "primal-row-violated")!.message).toContain('"r1"');
      expect(r.problems.find((p) => p.code === "primal-row-violated")!.message).toContain("violated by 1");
    }
    // A feasible but suboptimal point (3,1) with value 11: no dual can certify it with these duals.
    expect(codes(m, { ...lp1Opt, primal: Qs(3, 1), value: q(11) })).toContain("duality-gap");
    // Wrong dual sign on a ≤ row of a max problem.
    expect(codes(m, { ...lp1Opt, dual: { rows: Qs(3, -1), reducedCosts: Qs(1, 1) } })).toContain("dual-sign");
    // d_x > 0 in a max needs an upper bound x lacks.
    expect(codes(m, { ...lp1Opt, dual: { rows: Qs(2, 0), reducedCosts: Qs(1, 0) } })).toContain("reduced-cost-sign");
    // Lengths.
    expect(codes(m, { ...lp1Opt, primal: Qs(4) })).toContain("length-mismatch");
    expect(codes(m, { ...lp1Opt, dual: { rows: Qs(3), reducedCosts: Qs(0, -1) } })).toContain("length-mismatch");
    // Floats are not exact rationals.
    expect(codes(m, { ...lp1Opt, primal: [4, 0] as unknown as Q[] })).toContain("not-exact");
    // A free variable cannot carry a reduced cost.
    expect(codes(lp2(), { ...lp2Opt, dual: { rows: Qs(2), reducedCosts: Qs(-3, -1) }, value: q(4) })).toContain("reduced-cost-sign");
  });

  it("rejects bad infeasibility and unboundedness certificates", () => {
    // Farkas with y2 ≥ 0 on a ≤ row.
    expect(codes(lpInf(), { status: "infeasible", farkas: { rows: Qs(1, 1) } })).toContain("dual-sign");
    // Without r2: g = (1,1) needs an upper bound on x (none).
    expect(codes(lpInf(), { status: "infeasible", farkas: { rows: Qs(1, 0) } })).toContain("farkas-unbounded-term");
    // All zero: 0 < 0 fails.
    expect(codes(lpInf(), { status: "infeasible", farkas: { rows: Qs(0, 0) } })).toContain("farkas-no-contradiction");
    // If y ≤ 3 the contradiction disappears: y1=1,y2=−1 gives max g·x = 3 = yᵀb.
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y", { upper: 3 });
    b.row("r1", [["x", 1], ["y", 1]], ">=", 5).row("r2", [["x", 1]], "<=", 2);
    expect(codes(b.build(), lpInfCert)).toContain("farkas-no-contradiction");
    // Ray (1,2) has a·r = −1 ≤ 0 and c·r = 3: valid; ray (2,1) has a·r = 1 > 0: rejected.
    expect(verify(lpUnb(), { ...lpUnbCert, ray: Qs(1, 2) })).toEqual({ ok: true });
    expect(codes(lpUnb(), { ...lpUnbCert, ray: Qs(2, 1) })).toContain("ray-row");
    expect(codes(lpUnb(), { ...lpUnbCert, ray: Qs(-1, -1) })).toEqual(expect.arrayContaining(["ray-bound", "ray-not-improving"]));
    expect(codes(lpUnb(), { ...lpUnbCert, point: Qs(2, 0) })).toContain("primal-row-violated");
  });

  it("assertVerified throws certificate-rejected listing the problems", () => {
    try {
      assertVerified(lp1(), { ...lp1Opt, value: q(13) });
      expect.unreachable();
    } catch (e) {
      expect(isMechcheckError(e) && e.code).toBe("certificate-rejected");
      expect(String((e as Error).message)).toContain("value-mismatch");
    }
  });
});

// ---- random LPs (small, mixed senses/bounds) solved by exactSimplex, then tampered ----
const small = fc.integer({ min: -4, max: 4 });
const lpArb = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    m: fc.integer({ min: 1, max: 4 }),
    dir: fc.constantFrom("max" as const, "min" as const),
    seedVals: fc.array(small, { minLength: 64, maxLength: 64 }),
    kinds: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ n, m, dir, seedVals, kinds }) => {
    let k = 0;
    const next = () => seedVals[k++ % seedVals.length]!;
    const b = new LpBuilder(dir);
    for (let j = 0; j < n; j++) {
      const kind = kinds[j]! % 4; // 0: [0,∞), 1: [l,u], 2: free, 3: (−∞,u]
      const l = -Math.abs(next()) % 3;
      b.variable(`x${j}`, kind === 0 ? {} : kind === 1 ? { lower: l, upper: l + Math.abs(next()) } : kind === 2 ? { lower: null } : { lower: null, upper: next() });
    }
    for (let i = 0; i < m; i++) {
      const terms: [number, string][] = [];
      for (let j = 0; j < n; j++) terms.push([j, `${next()}/${1 + (Math.abs(next()) % 2)}`]);
      const sense: RowSense = (["<=", ">=", "=", "<=", ">=", "<="] as const)[kinds[8 + i]! % 6]!;
      b.row(`r${i}`, terms, sense, next() * 2);
    }
    const obj: [number, number][] = [];
    for (let j = 0; j < n; j++) obj.push([j, next()]);
    return b.objective(obj, next()).build();
  });

describe("verify: exactSimplex certificates on random LPs, and tampering", () => {
  it("accepts every certificate exactSimplex returns", () => {
    fc.assert(
      fc.property(lpArb, (m) => {
        const r = exactSimplex(m);
        expect(verify(m, r)).toEqual({ ok: true });
      }),
      RUNS,
    );
  });

  // Each tampering provably breaks a checked identity:
  //  optimal: value ± δ breaks value = c·x + c0; d_j ± δ breaks column j of c = Aᵀy + d;
  //           y_i ± δ on a row with a term breaks c = Aᵀy + d on that term's column;
  //           x_j ± δ with c_j ≠ 0 breaks value = c·x + c0 (value is left as stated).
  //  infeasible: giving an inequality row's multiplier the wrong sign breaks the sign rule.
  //  unbounded: negating the ray makes c·r ≤ 0 (c·r was strictly improving).
  const delta = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 7 }), fc.boolean()).map(([a, b, neg]) => q(`${neg ? "-" : ""}${a}/${b}`));
  it("rejects every provably-breaking tampering", () => {
    let tampered = 0;
    fc.assert(
      fc.property(lpArb, fc.nat(), fc.nat(), delta, (m, pick, which, dl) => {
        const r = exactSimplex(m);
        let bad: LpResult | null = null;
        if (r.status === "optimal") {
          const kind = which % 4;
          if (kind === 0) bad = { ...r, value: r.value.add(dl) };
          else if (kind === 1) {
            const d = r.dual.reducedCosts.slice();
            const j = pick % d.length;
            d[j] = d[j]!.add(dl);
            bad = { ...r, dual: { ...r.dual, reducedCosts: d } };
          } else if (kind === 2) {
            const rowsWithTerms = m.rows.flatMap((row, i) => (row.terms.length > 0 ? [i] : []));
            if (rowsWithTerms.length === 0) return;
            const i = rowsWithTerms[pick % rowsWithTerms.length]!;
            const y = r.dual.rows.slice();
            y[i] = y[i]!.add(dl);
            bad = { ...r, dual: { ...r.dual, rows: y } };
          } else {
            if (m.objective.length === 0) return;
            const j = m.objective[pick % m.objective.length]!.var;
            const x = r.primal.slice();
            x[j] = x[j]!.add(dl);
            bad = { ...r, primal: x };
          }
        } else if (r.status === "infeasible") {
          const ineq = m.rows.flatMap((row, i) => (row.sense !== "=" ? [i] : []));
          if (ineq.length === 0) return;
          const i = ineq[pick % ineq.length]!;
          const y = r.farkas.rows.slice();
          y[i] = m.rows[i]!.sense === ">=" ? dl.abs().neg() : dl.abs(); // ≥ rows need y ≥ 0, ≤ rows y ≤ 0
          bad = { ...r, farkas: { rows: y } };
        } else {
          bad = { ...r, ray: r.ray.map((v) => v.neg()) };
        }
        tampered++;
        const rep = verify(m, bad);
        expect(rep.ok).toBe(false);
      }),
      RUNS,
    );
    expect(tampered).toBeGreaterThan(RUNS.numRuns / 2);
  });
});
