// sparseFarkas (the minimum-L1 Farkas certificate of an LP with free columns) on small LPs whose
// certificates are derived by hand. For free columns a certificate is y with yᵀA = 0,
// y ≥ 0 on ≥ rows, y ≤ 0 on ≤ rows, y free on = rows, normalised to yᵀb = 1; sparseFarkas
// minimises Σ|y_i|.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { LpBuilder } from "../../../src/lp/model.ts";
import { sparseFarkas } from "../../../src/lp/sparseFarkas.ts";
import { verify } from "../../../src/lp/verify.ts";
import { caught } from "../support.ts";

const strs = (ys: readonly { toFraction(): string }[]) => ys.map((y) => y.toFraction());

describe("sparseFarkas: the shortest contradiction, by hand", () => {
  it("x ≥ 2, x ≤ 0, x ≥ 1: y = (y_a, y_b, y_c) with y_a + y_b + y_c = 0 and 2y_a + y_c = 1; min 2(y_a + y_c) ⇒ y = (1/2, −1/2, 0)", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: null });
    b.row("a", [["x", 1]], ">=", 2).row("b", [["x", 1]], "<=", 0).row("c", [["x", 1]], ">=", 1);
    const m = b.build();
    const s = sparseFarkas(m);
    expect(s).not.toBeNull();
    expect(strs(s!.rows)).toEqual(["1/2", "-1/2", "0"]);
    expect(s!.l1.toFraction()).toBe("1");
    expect(s!.support).toBe(2);
    // it is a Farkas certificate for the judge
    expect(verify(m, { status: "infeasible", farkas: { rows: s!.rows } })).toEqual({ ok: true });
  });

  it("an = row used with a positive weight: x + z = 5, z ≤ 4, x ≤ 0 (x, z free): columns force y_b = y_e = −y_d, yᵀb = y_d = 1", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: null });
    b.variable("z", { lower: null });
    b.row("d", [["x", 1], ["z", 1]], "=", 5).row("e", [["z", 1]], "<=", 4).row("b", [["x", 1]], "<=", 0);
    const s = sparseFarkas(b.build())!;
    expect(strs(s.rows)).toEqual(["1", "-1", "-1"]);
    expect(s.l1.toFraction()).toBe("3");
    expect(s.support).toBe(3);
  });

  it("an = row used with a negative weight: −x − z = −5 (the same row negated) ⇒ y_d = −1", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: null });
    b.variable("z", { lower: null });
    b.row("d", [["x", -1], ["z", -1]], "=", -5).row("e", [["z", 1]], "<=", 4).row("b", [["x", 1]], "<=", 0);
    const s = sparseFarkas(b.build())!;
    expect(strs(s.rows)).toEqual(["-1", "-1", "-1"]);
    expect(s.l1.toFraction()).toBe("3");
  });

  it("≥ rows only, with a column that no row uses: x ≥ 1, −x ≥ 0 (w free, unused) ⇒ y = (1, 1)", () => {
    const b = new LpBuilder("min");
    b.variable("w", { lower: null });
    b.variable("x", { lower: null });
    b.row("p", [["x", 1]], ">=", 1).row("n", [["x", -1]], ">=", 0);
    const s = sparseFarkas(b.build())!;
    expect(strs(s.rows)).toEqual(["1", "1"]);
    expect(s.l1.toFraction()).toBe("2");
    expect(s.support).toBe(2);
  });

  it("a feasible LP has no certificate: x ≥ 1, x ≤ 2 ⇒ null", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: null });
    b.row("lo", [["x", 1]], ">=", 1).row("hi", [["x", 1]], "<=", 2);
    expect(sparseFarkas(b.build())).toBeNull();
  });

  it("feasible LPs with rows of one sense have no certificate: x ≤ 1, −x ≤ 0 and x ≥ 1, −x ≥ −2 ⇒ null (a multiplier of the wrong sign would 'prove' them infeasible)", () => {
    const le = new LpBuilder("min");
    le.variable("x", { lower: null });
    le.row("p", [["x", 1]], "<=", 1).row("r", [["x", -1]], "<=", 0);
    expect(sparseFarkas(le.build())).toBeNull();
    const ge = new LpBuilder("min");
    ge.variable("x", { lower: null });
    ge.row("p", [["x", 1]], ">=", 1).row("r", [["x", -1]], ">=", -2);
    expect(sparseFarkas(ge.build())).toBeNull();
  });

  it("refuses a column with a finite bound, lower or upper", () => {
    for (const opts of [{}, { lower: null, upper: 3 }, { lower: -1, upper: null }]) {
      const b = new LpBuilder("min");
      b.variable("x", opts);
      b.row("a", [["x", 1]], ">=", q(2));
      const e = caught(() => sparseFarkas(b.build()));
      expect(e.code).toBe("invalid-model");
      expect(e.message).toBe("sparseFarkas: every column must be free");
    }
  });
});
