import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMechcheckError } from "../../src/errors.ts";
import { type Q, ZERO, q } from "../../src/exact/rational.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import { LpBuilder, type LpModel, type RowSense } from "../../src/lp/model.ts";
import { infeasibilityProof, renderProof } from "../../src/lp/proof.ts";
import { verify } from "../../src/lp/verify.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));
const restrict = (m: LpModel, keep: readonly number[]): LpModel => ({ ...m, rows: keep.map((i) => m.rows[i]!), objective: [], objectiveConstant: ZERO });

// IC: t2 − t1 ≥ 1 and BB: t1 − t2 ≥ 0 add up to 0 ≥ 1. CAP: t1 + t2 ≤ 100 is irrelevant.
// X: t1 ≤ −1 contradicts the bound t1 ≥ 0 on its own.
function model(): LpModel {
  const b = new LpBuilder("min");
  b.variable("t1");
  b.variable("t2");
  b.row("IC[2→1]", [["t2", 1], ["t1", -1]], ">=", 1);
  b.row("BB", [["t1", 1], ["t2", -1]], ">=", 0);
  b.row("CAP", [["t1", 1], ["t2", 1]], "<=", 100);
  b.row("X", [["t1", 1]], "<=", -1);
  return b.build();
}

describe("infeasibilityProof: hand-derived", () => {
  it("renders a cancelling combination as 0 ≥ 1", () => {
    const m = model();
    // Scaled multipliers (3, 3, 0, 0) normalize to (1, 1).
    const p = infeasibilityProof(m, Qs(3, 3, 0, 0));
    expect(p.rows.map((r) => [r.name, r.multiplier.toFraction(), r.flipped])).toEqual([["IC[2→1]", "1", false], ["BB", "1", false]]);
    expect(p.sum.terms).toEqual([]);
    expect(p.sum.rhs.toFraction()).toBe("1");
    expect(renderProof(m, p)).toBe(["  1 × IC[2→1]:  −t1 + t2 ≥ 1", "+ 1 × BB:       t1 − t2 ≥ 0", "⇒ 0 ≥ 1, a contradiction"].join("\n"));
  });

  it("reduces a non-minimal certificate to the single infeasible row, bounded by t1 ≥ 0", () => {
    const m = model();
    // (1, 1, 0, −1): g = (−1, 0), max g·x over t ≥ 0 is 0 < yᵀb = 1 + 0 + 1 = 2 — valid, 3 rows.
    expect(verify(m, { status: "infeasible", farkas: { rows: Qs(1, 1, 0, -1) } })).toEqual({ ok: true });
    const p = infeasibilityProof(m, Qs(1, 1, 0, -1));
    // The filter first drops IC: BB + X is still infeasible, and {BB} alone is feasible, so the new
    // certificate uses X; {X} alone is infeasible with t1 ≥ 0, so the only minimal result is {X}.
    expect(p.rows.map((r) => r.name)).toEqual(["X"]);
    expect(p.sense).toBe("<=");
    expect(renderProof(m, p)).toBe(["  1 × X:  t1 ≤ −1", "⇒ t1 ≤ −1", "  but t1 ≥ 0  (since t1 ≥ 0)", "⇒ 0 ≤ −1, a contradiction"].join("\n"));
  });

  it("flips a ≤ row presented in ≥ form and shows fractions", () => {
    // A: 2x + y ≥ 3 (≥), B: x ≤ 1/2 (≤), y ∈ [0, 1]. (1/2)·A − B: x... take y_A = 1, y_B = −2:
    // 2x + y − 2x ≥ 3 − 1 ⇒ y ≥ 2, but y ≤ 1. One ≥ row and one ≤ row: ties go to ≥ form.
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y", { upper: 1 });
    b.row("A", [["x", 2], ["y", 1]], ">=", 3).row("B", [["x", 1]], "<=", "1/2");
    const m = b.build();
    const p = infeasibilityProof(m, Qs("1/2", -1));
    expect(p.rows.map((r) => [r.name, r.multiplier.toFraction(), r.flipped])).toEqual([["A", "1", false], ["B", "2", true]]);
    expect(renderProof(m, p)).toBe(
      ["  1 × A:            2 x + y ≥ 3", "+ 2 × B (negated):  −x ≥ −1/2", "⇒ y ≥ 2", "  but y ≤ 1  (since y ≤ 1)", "⇒ 1 ≥ 2, a contradiction"].join("\n"),
    );
  });

  it("rejects an invalid certificate", () => {
    try {
      infeasibilityProof(model(), Qs(1, 0, 0, 0));
      expect.unreachable();
    } catch (e) {
      expect(isMechcheckError(e) && e.code).toBe("certificate-rejected");
    }
  });
});

// Random infeasible systems: rows over 2–4 variables, with some contradictory pairs planted.
const infeasibleLp = fc
  .record({
    n: fc.integer({ min: 2, max: 4 }),
    m: fc.integer({ min: 2, max: 7 }),
    vals: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 60, maxLength: 60 }),
    senses: fc.array(fc.constantFrom<RowSense>("<=", ">=", "="), { minLength: 8, maxLength: 8 }),
  })
  .map(({ n, m, vals, senses }) => {
    let k = 0;
    const next = () => vals[k++ % vals.length]!;
    const b = new LpBuilder("min");
    for (let j = 0; j < n; j++) b.variable(`v${j}`, next() > 0 ? { lower: null } : { upper: 3 });
    for (let i = 0; i < m; i++) {
      const terms: [number, number][] = [];
      for (let j = 0; j < n; j++) terms.push([j, next()]);
      b.row(`R${i}`, terms, senses[i]!, next());
    }
    return b.build();
  });

describe("infeasibilityProof: random infeasible LPs", () => {
  it("is a verified, support-minimal proof that renders", () => {
    let count = 0;
    fc.assert(
      fc.property(infeasibleLp, (m) => {
        const r = exactSimplex(m);
        if (r.status !== "infeasible") return;
        count++;
        const p = infeasibilityProof(m, r.farkas.rows);
        expect(verify(m, { status: "infeasible", farkas: { rows: p.farkas as Q[] } })).toEqual({ ok: true });
        const used = p.rows.map((row) => row.row);
        expect(used).toEqual(p.farkas.flatMap((v, i) => (v.n !== 0n ? [i] : [])));
        // The proof's rows alone are infeasible; removing any one of them leaves a feasible system.
        expect(exactSimplex(restrict(m, used)).status).toBe("infeasible");
        for (const drop of used) expect(exactSimplex(restrict(m, used.filter((i) => i !== drop))).status).toBe("optimal");
        // Multipliers positive integers without a common factor; the sum's contradiction is strict.
        expect(p.rows.every((row) => row.multiplier.s > 0n && row.multiplier.d === 1n)).toBe(true);
        expect(p.sense === ">=" ? p.bound.value.compare(p.sum.rhs) < 0 : p.bound.value.compare(p.sum.rhs) > 0).toBe(true);
        const text = renderProof(m, p);
        expect(text.split("\n").length).toBeGreaterThanOrEqual(p.rows.length + 1);
        for (const row of p.rows) expect(text).toContain(row.name);
        expect(text).toMatch(/a contradiction$/);
      }),
      RUNS,
    );
    expect(count).toBeGreaterThan(5);
  });
});
