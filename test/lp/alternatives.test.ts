import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { q, type Q, sign, ZERO } from "../../src/exact/rational.ts";
import { feasibleInequalities, feasibleNonnegative } from "../../src/lp/alternatives.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

beforeAll(async () => {
  await loadLpEngine();
});

const entry = fc.integer({ min: -3, max: 3 }).map((v) => new Fraction(v));
const system = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([m, n]) => fc.tuple(fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }), fc.array(entry, { minLength: m, maxLength: m })));

const dot = (a: readonly Q[], b: readonly Q[]) => a.reduce((s, v, i) => s.add(v.mul(b[i]!)), ZERO);
const col = (A: Q[][], j: number) => A.map((r) => r[j]!);

describe("feasibleNonnegative (Farkas)", () => {
  it("returns a checked witness for whichever side holds; both sides occur", () => {
    const seen = { feasible: 0, infeasible: 0 };
    fc.assert(
      fc.property(system, ([A, b]) => {
        const r = feasibleNonnegative(A, b);
        if (r.feasible) {
          seen.feasible++;
          expect(r.x.every((v) => sign(v) >= 0)).toBe(true);
          A.forEach((row, i) => expect(dot(row, r.x).equals(b[i]!)).toBe(true));
        } else {
          seen.infeasible++;
          for (let j = 0; j < A[0]!.length; j++) expect(sign(dot(col(A, j), r.y))).toBeGreaterThanOrEqual(0);
          expect(sign(dot(r.y, b))).toBe(-1);
        }
      }),
      { seed: 42, numRuns: RUNS },
    );
    expect(seen.feasible).toBeGreaterThan(0);
    expect(seen.infeasible).toBeGreaterThan(0);
  });

  it("hand case: x1 + x2 = −1 has no nonnegative solution; y = (1) up to scale", () => {
    // yᵀA = (y, y) ≥ 0 and yᵀb = −y < 0 ⇒ any y > 0.
    const r = feasibleNonnegative([[1, 1]], [-1]);
    expect(r.feasible).toBe(false);
    if (!r.feasible) expect(sign(r.y[0]!)).toBe(1);
  });

  it("hand case: x1 − x2 = 1/2 is solvable with x ≥ 0", () => {
    const r = feasibleNonnegative([[1, -1]], ["1/2"]);
    expect(r.feasible).toBe(true);
    if (r.feasible) expect(r.x[0]!.sub(r.x[1]!).equals(new Fraction(1, 2))).toBe(true);
  });

  it("rejects ragged input with a MechcheckError naming the row", () => {
    expect(() => feasibleNonnegative([[1, 2], [3]], [1, 2])).toThrow(/row 1 of A/);
    expect(() => feasibleNonnegative([[1]], [1, 2])).toThrow(expect.objectContaining({ code: "dimension" }));
    expect(() => feasibleNonnegative([[0.5]], [1])).toThrow(expect.objectContaining({ code: "float-not-exact" }));
  });

  it("no rows: feasible with x = 0 of the given width", () => {
    const r = feasibleNonnegative([], [], { columns: 2 });
    expect(r.feasible && r.x.length).toBe(2);
  });
});

describe("feasibleInequalities (Gale)", () => {
  it("returns a checked witness for whichever side holds; both sides occur", () => {
    const seen = { feasible: 0, infeasible: 0 };
    fc.assert(
      fc.property(system, ([A, b]) => {
        const r = feasibleInequalities(A, b);
        if (r.feasible) {
          seen.feasible++;
          A.forEach((row, i) => expect(dot(row, r.x).compare(b[i]!)).toBeLessThanOrEqual(0));
        } else {
          seen.infeasible++;
          expect(r.y.every((v) => sign(v) >= 0)).toBe(true);
          for (let j = 0; j < A[0]!.length; j++) expect(dot(col(A, j), r.y).n).toBe(0n);
          expect(sign(dot(r.y, b))).toBe(-1);
        }
      }),
      { seed: 43, numRuns: RUNS },
    );
    expect(seen.feasible).toBeGreaterThan(0);
    expect(seen.infeasible).toBeGreaterThan(0);
  });

  it("hand case: x ≤ 1 and −x ≤ −2 (x ≥ 2) conflict; y = (1, 1) up to scale", () => {
    // yᵀA = y1 − y2 = 0 ⇒ y1 = y2; yᵀb = y1 − 2y2 = −y1 < 0.
    const r = feasibleInequalities([[1], [-1]], [1, -2]);
    expect(r.feasible).toBe(false);
    if (!r.feasible) {
      expect(r.y[0]!.equals(r.y[1]!)).toBe(true);
      expect(sign(r.y[0]!)).toBe(1);
    }
    const ok = feasibleInequalities([[1], [-1]], [q(2), q(-2)]); // x = 2 exactly
    expect(ok.feasible && ok.x[0]!.toFraction()).toBe("2");
  });
});
