// The judge (verify) on hand-made certificates whose only defect is primal: each bound and each
// row sense must be caught with its own code, and a model term outside the variable range is
// refused before anything else.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { LpBuilder, type LpModel, type LpResult } from "../../../src/lp/model.ts";
import { verify } from "../../../src/lp/verify.ts";

const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));
const problems = (m: LpModel, r: LpResult) => {
  const rep = verify(m, r);
  return rep.ok ? [] : rep.problems;
};

// min 0 s.t. le: x ≤ 4, ge: x ≥ 1, eq: x + y = 2, x ∈ [0, 3], y ≥ 0. Zero objective: y = d = 0
// is dual feasible with dual value 0, so only the primal point decides.
function model(): LpModel {
  const b = new LpBuilder("min");
  b.variable("x", { upper: 3 });
  b.variable("y");
  b.row("le", [["x", 1]], "<=", 4).row("ge", [["x", 1]], ">=", 1).row("eq", [["x", 1], ["y", 1]], "=", 2);
  return b.build();
}
const cert = (x: number | string, y: number | string): LpResult => ({ status: "optimal", value: q(0), primal: Qs(x, y), dual: { rows: Qs(0, 0, 0), reducedCosts: Qs(0, 0) } });

describe("verify: primal feasibility, one defect at a time", () => {
  it("a feasible point passes: x = 1, y = 1", () => {
    expect(verify(model(), cert(1, 1))).toEqual({ ok: true });
  });
  it("below a lower bound: y = −1 (and the ≥ row still holds, the = row with x = 3)", () => {
    const p = problems(model(), cert(3, -1));
    expect(p.map((x) => x.code)).toEqual(["primal-bound-violated"]);
    expect(p[0]!.message).toBe('primal: "y" = -1 is below its lower bound 0 by 1');
  });
  it("above an upper bound: x = 7/2 (x ≤ 4 holds), y = −3/2 also below 0", () => {
    const p = problems(model(), cert("7/2", "-3/2"));
    expect(p.map((x) => x.code)).toEqual(["primal-bound-violated", "primal-bound-violated"]);
    expect(p[0]!.message).toBe('primal: "x" = 7/2 is above its upper bound 3 by 1/2');
  });
  it("a ≥ row violated: x = 1/2 < 1", () => {
    const p = problems(model(), cert("1/2", "3/2"));
    expect(p.map((x) => x.code)).toEqual(["primal-row-violated"]);
    expect(p[0]!.message).toBe('primal: row "ge" has activity 1/2 < 1 (violated by 1/2)');
  });
  it("an = row violated: x + y = 3 ≠ 2", () => {
    const p = problems(model(), cert(1, 2));
    expect(p.map((x) => x.code)).toEqual(["primal-row-violated"]);
    expect(p[0]!.message).toBe('primal: row "eq" has activity 3 ≠ 2 (violated by 1)');
  });
  it("a ≤ row violated (with the bound relaxed): x = 5 > 4", () => {
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("le", [["x", 1]], "<=", 4);
    const p = problems(b.build(), { status: "optimal", value: q(0), primal: Qs(5), dual: { rows: Qs(0), reducedCosts: Qs(0) } });
    expect(p.map((x) => x.code)).toEqual(["primal-row-violated"]);
    expect(p[0]!.message).toBe('primal: row "le" has activity 5 > 4 (violated by 1)');
  });
  it("a term outside the variables is refused first, wherever it is", () => {
    const m = model();
    for (const [bad, where] of [
      [{ ...m, objective: [{ var: 2, coef: q(1) }] }, "objective"],
      [{ ...m, rows: [m.rows[0]!, { ...m.rows[1]!, terms: [{ var: -1, coef: q(1) }] }, m.rows[2]!] }, 'row "ge"'],
      [{ ...m, rows: [{ ...m.rows[0]!, terms: [{ var: 0.5, coef: q(1) }] }, m.rows[1]!, m.rows[2]!] }, 'row "le"'],
    ] as const) {
      const p = problems(bad as LpModel, cert(1, 1));
      expect(p.map((x) => x.code)).toEqual(["model-bad-term"]);
      expect(p[0]!.message).toMatch(new RegExp(`^${where.replace(/"/g, '"')}: variable index .* is out of range 0\\.\\.1$`));
    }
  });
  it("a missing dual is a problem, not a crash", () => {
    const r = { status: "optimal", value: q(0), primal: Qs(1, 1) } as unknown as LpResult;
    expect(problems(model(), r).map((x) => x.code)).toEqual(["missing-vector", "missing-vector"]);
    const f = { status: "infeasible" } as unknown as LpResult;
    expect(problems(model(), f).map((x) => x.code)).toEqual(["missing-vector"]);
  });
});
