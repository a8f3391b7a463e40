// infeasibilityProof / renderProof on small infeasible systems solved by hand: the ≤ presentation
// (more ≤ rows than ≥ rows), equality rows flipped or not by the multiplier's sign, lower and upper
// bounds used by the sign of the summed coefficient, multipliers normalised to coprime integers
// (from integer and fractional certificates), label padding, renderTerms, and the refusal of an
// invalid certificate with its path and the judge's problems.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { LpBuilder } from "../../../src/lp/model.ts";
import { infeasibilityProof, renderProof, renderTerms } from "../../../src/lp/proof.ts";
import { verify } from "../../../src/lp/verify.ts";
import { caught } from "../support.ts";

const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));
const plain = (p: ReturnType<typeof infeasibilityProof>) => ({
  sense: p.sense,
  rows: p.rows.map((r) => [r.row, r.name, r.multiplier.toFraction(), r.flipped, r.terms.map((t) => [t.var, t.coef.toFraction()]), r.rhs.toFraction()]),
  sum: [p.sum.terms.map((t) => [t.var, t.coef.toFraction()]), p.sum.rhs.toFraction()],
  bound: [p.bound.value.toFraction(), p.bound.uses.map((u) => [u.var, u.name, u.coef.toFraction(), u.bound, u.value.toFraction()])],
  farkas: p.farkas.map((v) => v.toFraction()),
});

// x ∈ [1, 4], y ∈ [0, 2]; P: x + y ≤ 1, Q: x − y = 2. P forces (1, 0), Q forces x = 2 + y ≥ 2.
// In ≤ form: P (x + y ≤ 1) + Q negated (−x + y ≤ −2) = 2y ≤ −1, but 2y ≥ 0 (y ≥ 0).
// Model convention (y_i > 0: row as ≥): y = (−1, 1): −x − y + x − y = −2y ≥ −1 + 2 = 1, max −2y = 0 < 1.
function pq() {
  const b = new LpBuilder("min");
  b.variable("x", { lower: 1, upper: 4 });
  b.variable("y", { upper: 2 });
  b.row("P", [["x", 1], ["y", 1]], "<=", 1);
  b.row("Q", [["x", 1], ["y", -1]], "=", 2);
  return b.build();
}

describe("infeasibilityProof: hand-solved", () => {
  it("≤ presentation, an equality row negated, a lower bound used; multipliers normalised", () => {
    const m = pq();
    const expected = {
      sense: "<=",
      rows: [
        [0, "P", "1", false, [[0, "1"], [1, "1"]], "1"],
        [1, "Q", "1", true, [[0, "-1"], [1, "1"]], "-2"],
      ],
      sum: [[[1, "2"]], "-1"],
      bound: ["0", [[1, "y", "2", "lower", "0"]]],
      farkas: ["-1", "1"],
    };
    for (const y of [Qs(-1, 1), Qs(-3, 3), Qs("-1/2", "1/2"), Qs("-7/3", "7/3")]) expect(plain(infeasibilityProof(m, y))).toEqual(expected);
    expect(renderProof(m, infeasibilityProof(m, Qs(-3, 3)))).toBe(
      ["  1 × P:            x + y ≤ 1", "+ 1 × Q (negated):  −x + y ≤ −2", "⇒ 2 y ≤ −1", "  but 2 y ≥ 0  (since y ≥ 0)", "⇒ 0 ≤ −1, a contradiction"].join("\n"),
    );
  });

  it("unequal multipliers from fractions: (2/3, −1/3) → (2, −1)", () => {
    // x ≥ 0, A: x ≥ 2, B: 2x ≤ 1.: y = (2/3, −1/3) normalises to (2, −1): 2·(x ≥ 2) + 1·(−2x ≥ −1) ⇒ 0 ≥ 3.
    const b = new LpBuilder("min");
    b.variable("x");
    b.row("A", [["x", 1]], ">=", 2).row("B", [["x", 2]], "<=", 1);
    const m = b.build();
    const p = infeasibilityProof(m, Qs("2/3", "-1/3"));
    expect(plain(p)).toEqual({
      sense: ">=",
      rows: [
        [0, "A", "2", false, [[0, "1"]], "2"],
        [1, "B", "1", true, [[0, "-2"]], "-1"],
      ],
      sum: [[], "3"],
      bound: ["0", []],
      farkas: ["2", "-1"],
    });
    expect(renderProof(m, p)).toBe(["  2 × A:            x ≥ 2", "+ 1 × B (negated):  −2 x ≥ −1", "⇒ 0 ≥ 3, a contradiction"].join("\n"));
  });

  it("≥ presentation: a negative summed coefficient is bounded by the lower bound; equality rows by sign", () => {
    // x ∈ [1, 5], A: −x ≥ 0: max −x = −1 < 0
    const a = new LpBuilder("min");
    a.variable("x", { lower: 1, upper: 5 });
    a.row("A", [["x", -1]], ">=", 0);
    const ma = a.build();
    const pa = infeasibilityProof(ma, Qs(4));
    expect(plain(pa).bound).toEqual(["-1", [[0, "x", "-1", "lower", "1"]]]);
    expect(renderProof(ma, pa)).toBe(["  1 × A:  −x ≥ 0", "⇒ −x ≥ 0", "  but −x ≤ −1  (since x ≥ 1)", "⇒ −1 ≥ 0, a contradiction"].join("\n"));
    // x ∈ [0, 1], E: x = 3 with y = 1: x ≥ 3, max x = 1 (not negated)
    const e = new LpBuilder("min");
    e.variable("x", { upper: 1 });
    e.row("E", [["x", 1]], "=", 3);
    const me = e.build();
    const pe = infeasibilityProof(me, Qs(1));
    expect(plain(pe)).toMatchObject({ sense: ">=", rows: [[0, "E", "1", false, [[0, "1"]], "3"]], bound: ["1", [[0, "x", "1", "upper", "1"]]] });
    expect(renderProof(me, pe)).toBe(["  1 × E:  x ≥ 3", "⇒ x ≥ 3", "  but x ≤ 1  (since x ≤ 1)", "⇒ 1 ≥ 3, a contradiction"].join("\n"));
    // x ∈ [2, 5], E: x = 1 with y = −1: −x ≥ −1 (negated), max −x = −2
    const f = new LpBuilder("min");
    f.variable("x", { lower: 2, upper: 5 });
    f.row("E", [["x", 1]], "=", 1);
    const mf = f.build();
    const pf = infeasibilityProof(mf, Qs(-1));
    expect(plain(pf)).toMatchObject({ sense: ">=", rows: [[0, "E", "1", true, [[0, "-1"]], "-1"]], bound: ["-2", [[0, "x", "-1", "lower", "2"]]] });
    expect(renderProof(mf, pf)).toBe(["  1 × E (negated):  −x ≥ −1", "⇒ −x ≥ −1", "  but −x ≤ −2  (since x ≥ 2)", "⇒ −2 ≥ −1, a contradiction"].join("\n"));
  });

  it("two ≤ rows against one ≥ row: presented as ≤ (labels padded to the longest), the ≥ row negated", () => {
    // x, y ≥ 0. L1: x ≤ 1, L2: y ≤ 1, G: x + y ≥ 3. In ≤ form: L1 + L2 + (−x − y ≤ −3) ⇒ 0 ≤ −1.
    const b = new LpBuilder("min");
    b.variable("x");
    b.variable("y");
    b.row("L1", [["x", 1]], "<=", 1).row("L2", [["y", 1]], "<=", 1).row("G", [["x", 1], ["y", 1]], ">=", 3);
    const m = b.build();
    const p = infeasibilityProof(m, Qs(-1, -1, 1));
    expect(plain(p)).toMatchObject({
      sense: "<=",
      rows: [
        [0, "L1", "1", false, [[0, "1"]], "1"],
        [1, "L2", "1", false, [[1, "1"]], "1"],
        [2, "G", "1", true, [[0, "-1"], [1, "-1"]], "-3"],
      ],
      sum: [[], "-1"],
    });
    expect(renderProof(m, p)).toBe(["  1 × L1:           x ≤ 1", "+ 1 × L2:           y ≤ 1", "+ 1 × G (negated):  −x − y ≤ −3", "⇒ 0 ≤ −1, a contradiction"].join("\n"));
  });

  it("the summed terms in variable order; several bounds listed", () => {
    // x, y ∈ [0, 1], w ≥ 0. R0: 2y − w ≥ 0, R1: x + w ≥ 4. Sum: x + 2y ≥ 4, but x + 2y ≤ 3.
    // (R0 alone: y = w = 0; R1 alone: w = 4.) R0 brings y first, so the sum must be sorted.
    const b = new LpBuilder("min");
    b.variable("x", { upper: 1 });
    b.variable("y", { upper: 1 });
    b.variable("w");
    b.row("R0", [["y", 2], ["w", -1]], ">=", 0).row("R1", [["x", 1], ["w", 1]], ">=", 4);
    const m = b.build();
    const p = infeasibilityProof(m, Qs(1, 1));
    expect(plain(p).sum).toEqual([[[0, "1"], [1, "2"]], "4"]);
    expect(plain(p).bound).toEqual(["3", [[0, "x", "1", "upper", "1"], [1, "y", "2", "upper", "1"]]]);
    expect(renderProof(m, p)).toBe(["  1 × R0:  2 y − w ≥ 0", "+ 1 × R1:  x + w ≥ 4", "⇒ x + 2 y ≥ 4", "  but x + 2 y ≤ 3  (since x ≤ 1, y ≤ 1)", "⇒ 3 ≥ 4, a contradiction"].join("\n"));
  });

  it("refuses an invalid certificate with the judge's problems", () => {
    const m = pq();
    const bad = Qs(1, 0);
    const report = verify(m, { status: "infeasible", farkas: { rows: bad } });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    const e = caught(() => infeasibilityProof(m, bad));
    expect([e.code, e.path, e.message]).toEqual(["certificate-rejected", "farkas", `infeasibilityProof: the Farkas certificate is not valid: ${report.problems.map((p) => p.message).join("; ")}`]);
    expect(e.value).toEqual(report.problems);
    // several problems are joined by "; ": two ≤ rows with positive multipliers (x, y ≥ 0: x ≤ 1, y ≤ 1)
    const t = new LpBuilder("min");
    t.variable("x");
    t.variable("y");
    t.row("L1", [["x", 1]], "<=", 1).row("L2", [["y", 1]], "<=", 1);
    const mt = t.build();
    const rep2 = verify(mt, { status: "infeasible", farkas: { rows: Qs(1, 1) } });
    expect(!rep2.ok && rep2.problems.length).toBeGreaterThan(1);
    if (!rep2.ok) expect(caught(() => infeasibilityProof(mt, Qs(1, 1))).message).toBe(`infeasibilityProof: the Farkas certificate is not valid: ${rep2.problems.map((p) => p.message).join("; ")}`);
    // a certificate of the wrong length is refused too
    expect(caught(() => infeasibilityProof(m, Qs(-1))).code).toBe("certificate-rejected");
  });
});

describe("renderTerms", () => {
  it("signs, unit coefficients, fractions, the empty sum", () => {
    const m = pq();
    expect(renderTerms(m, [])).toBe("0");
    expect(renderTerms(m, [{ var: 0, coef: q(-1) }, { var: 1, coef: q("3/2") }])).toBe("−x + 3/2 y");
    expect(renderTerms(m, [{ var: 1, coef: q("-5/2") }, { var: 0, coef: q(-2) }, { var: 1, coef: q(1) }])).toBe("−5/2 y − 2 x + y");
    expect(renderTerms(m, [{ var: 0, coef: q(2) }])).toBe("2 x");
  });
});
