/**
 * A hand-built model (not through LpBuilder, which merges) may repeat a variable inside one row or
 * the objective: the terms add up. The exact simplex used to keep only the last term (found in the
 * issue-16 verifier work); its answer must equal the merged model's, and verify must accept it.
 */
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.ts";
import { exactSimplex } from "../../src/lp/exactSimplex.ts";
import { LpBuilder, type LpModel } from "../../src/lp/model.ts";
import { verify } from "../../src/lp/verify.ts";

function merged(): LpModel {
  // max 3x + y  s.t.  x + y ≤ 4,  x ≤ 3,  x, y ≥ 0  → optimum 10 at (3, 1)
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y");
  b.row("cap", [[x, 1], [y, 1]], "<=", 4);
  b.row("xmax", [[x, 1]], "<=", 3);
  b.objective([[x, 3], [y, 1]]);
  return b.build();
}

function repeated(): LpModel {
  const m = merged();
  const t = (v: number, c: number | string) => ({ var: v, coef: q(c) });
  return {
    ...m,
    rows: [
      { ...m.rows[0]!, terms: [t(0, "1/2"), t(1, 1), t(0, "1/2")] },
      { ...m.rows[1]!, terms: [t(0, 2), t(0, -1)] },
    ],
    objective: [t(0, 1), t(1, 1), t(0, 2)],
  };
}

describe("exact simplex: repeated terms add up", () => {
  it("the merged model's optimum is 10 at (3, 1) (hand-derived)", () => {
    const r = exactSimplex(merged());
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") expect(r.value.toFraction()).toBe("10");
  });
  it("the same model with split terms has the same optimum, and verify accepts the certificate", () => {
    const m = repeated();
    const r = exactSimplex(m);
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    expect(r.value.toFraction()).toBe("10");
    expect(r.primal.map((v) => v.toFraction())).toEqual(["3", "1"]);
    expect(verify(m, r)).toEqual({ ok: true });
  });
});
