// The doubles path of src/lp/exactSimplex.ts (smallPivotSafe, lines ~657–681): a pivot runs in
// doubles only when (bound on the pivot row) × (bound on every row it updates, the cost row
// included) < SMALL_PRODUCT = 2^51; otherwise the tableau moves to bigints for good. The LPs
// below are traced by hand so that this product sits exactly at or just across 2^51 at a known
// pivot; each expects the pivot counts (exactSimplexStats) on both sides of the boundary — the
// pairs are each other's negative control — and the exact optimum, primal and duals, derived by
// hand and equal to the bigintOnly run.
//
// Notation of the trace: the internal form is min −c·x with slacks s_i = row_i·x; the slack
// tableau has row i = [−Â_i, e_i] over G = 1, per-row bound fMax_i = max(1, max_j |Â_ij|);
// the phase-2 cost row is d = −c (fDMax = max |c_j|). Every LP here is feasible at the slack
// basis (rhs ≥ 0, x = 0), so there is no phase 1.
import { describe, expect, it } from "vitest";
import { exactSimplex, exactSimplexStats } from "../../../src/lp/exactSimplex.ts";
import { LpBuilder, type LpModel, type LpResult } from "../../../src/lp/model.ts";
import { verify } from "../../../src/lp/verify.ts";

const P51 = 2 ** 51;

interface Shown {
  status: string;
  value?: string;
  primal?: string[];
  rows?: string[];
}
function show(r: LpResult): Shown {
  if (r.status !== "optimal") return { status: r.status };
  return { status: r.status, value: r.value.toFraction(), primal: r.primal.map((x) => x.toFraction()), rows: r.dual.rows.map((y) => y.toFraction()) };
}
/** Solve in the default mode, check it against verify, the bigintOnly run and the hand answer; return the stats. */
function solveChecked(m: LpModel, expected: Shown): { pivots: number; smallPivots: number; grewToBigint: boolean } {
  const r = exactSimplex(m);
  const stats = { ...exactSimplexStats };
  expect(verify(m, r)).toEqual({ ok: true });
  expect(show(r)).toEqual(expected);
  const rb = exactSimplex(m, { bigintOnly: true });
  expect(show(rb)).toEqual(expected);
  expect(exactSimplexStats.smallPivots).toBe(0);
  expect(exactSimplexStats.pivots).toBe(stats.pivots); // the same pivots in either representation
  return stats;
}
const frac = (n: number, d: number): string => {
  // n/d in lowest terms, written as fraction.js does ("a/b" or "a")
  let a = n, b = d;
  while (b !== 0) [a, b] = [b, a % b];
  const nn = n / a, dd = d / a;
  return dd === 1 ? `${nn}` : `${nn}/${dd}`;
};

describe("one pivot: max c·x s.t. a·x ≤ a (the pivot row against the cost row)", () => {
  // x enters (d_x = −c < 0), the row's slack leaves at ratio 1: one pivot on p = −a. Pivot row
  // bound pr = max(fMax_0 = a, |G| = 1) = a; the only other updated row is the cost row, bound
  // |c| (over fDDen = G = 1). Doubles iff max(a, c)·a < 2^51. Optimum x = 1, value c, y_r = c/a.
  const lp = (a: number, c: number): LpModel => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.row("r", [["x", a]], "<=", a).objective([["x", c]]);
    return b.build();
  };
  const answer = (a: number, c: number): Shown => ({ status: "optimal", value: `${c}`, primal: ["1"], rows: [frac(c, a)] });
  const cases: [string, number, number, boolean][] = [
    // [what, a, c, in doubles]
    ["c·a = 2^51 − 2^25 (c = 2^26 − 1, a = 2^25)", 2 ** 25, 2 ** 26 - 1, true],
    ["c·a = 2^51 exactly (c = 2^26, a = 2^25): not below, bigints", 2 ** 25, 2 ** 26, false],
    ["cost row dominates: c·a = 2^51 (c = 2^31, a = 2^20)", 2 ** 20, 2 ** 31, false],
    ["cost row dominates: c·a = 2^51 − 2^20 (c = 2^31 − 1, a = 2^20)", 2 ** 20, 2 ** 31 - 1, true],
    ["pivot row alone: a² < 2^51 (a = 47453132 = ⌊2^25.5⌋)", 47453132, 1, true],
    ["pivot row alone: a² > 2^51 (a = 47453133)", 47453133, 1, false],
  ];
  for (const [what, a, c, small] of cases) {
    it(what, () => {
      expect(a < 2 ** 26).toBe(true); // the tableau starts in doubles
      expect(Math.max(a, c) * a < P51).toBe(small); // the hand criterion, evaluated exactly (products < 2^53)
      const st = solveChecked(lp(a, c), answer(a, c));
      expect(st).toEqual(small ? { pivots: 1, smallPivots: 1, grewToBigint: false } : { pivots: 1, smallPivots: 0, grewToBigint: true });
    });
  }
});

describe("one pivot, other rows: only rows with a nonzero entry in the entering column count", () => {
  // max x s.t. r1: a·x ≤ a, plus rows with small rhs-ratio > 1. x enters; ratio r1 = 1 is the
  // smallest, so r1's slack leaves (p = −a, pr = a). Cost row bound 1. A row with a nonzero x
  // entry and fMax = B is updated: doubles iff max(a, B)·a < 2^51. With a = 2^25 + 1 alone,
  // a² = 2^50 + 2^26 + 1 < 2^51 (doubles); with B = 2^26 − 1 in an updated row,
  // B·a = 2^51 + 2^25 − 1 > 2^51 (bigints). y and z have cost 0 and reduced cost 0: they stay
  // nonbasic at 0. Optimum x = 1, value 1, y_r1 = 1/a, the other rows' duals 0.
  const a = 2 ** 25 + 1;
  const B = 2 ** 26 - 1;
  it("the hand criterion on these numbers", () => {
    expect(a * a < P51).toBe(true);
    expect(B * a > P51).toBe(true);
    expect(B * 2 ** 25 < P51).toBe(true);
  });
  it("r2: x + B·y ≤ 2 is updated by the pivot: bigints", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", a]], "<=", a).row("r2", [["x", 1], ["y", B]], "<=", 2).objective([["x", 1]]);
    const st = solveChecked(b.build(), { status: "optimal", value: "1", primal: ["1", "0"], rows: [`1/${a}`, "0"] });
    expect(st).toEqual({ pivots: 1, smallPivots: 0, grewToBigint: true });
  });
  it("the same with a = 2^25: B·a < 2^51, doubles", () => {
    const a0 = 2 ** 25;
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", a0]], "<=", a0).row("r2", [["x", 1], ["y", B]], "<=", 2).objective([["x", 1]]);
    const st = solveChecked(b.build(), { status: "optimal", value: "1", primal: ["1", "0"], rows: [`1/${a0}`, "0"] });
    expect(st).toEqual({ pivots: 1, smallPivots: 1, grewToBigint: false });
  });
  it("a later updated row with small entries does not hide the large one (r3: x + z ≤ 3 after r2)", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.variable("z");
    b.row("r1", [["x", a]], "<=", a).row("r2", [["x", 1], ["y", B]], "<=", 2).row("r3", [["x", 1], ["z", 1]], "<=", 3).objective([["x", 1]]);
    const st = solveChecked(b.build(), { status: "optimal", value: "1", primal: ["1", "0", "0"], rows: [`1/${a}`, "0", "0"] });
    expect(st).toEqual({ pivots: 1, smallPivots: 0, grewToBigint: true });
  });
  it("r2: B·y ≤ 1 has no x entry, so the pivot does not touch it: doubles", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", a]], "<=", a).row("r2", [["y", B]], "<=", 1).objective([["x", 1]]);
    const st = solveChecked(b.build(), { status: "optimal", value: "1", primal: ["1", "0"], rows: [`1/${a}`, "0"] });
    expect(st).toEqual({ pivots: 1, smallPivots: 1, grewToBigint: false });
  });
});

describe("two pivots: a row left at denominator 1 is measured at the new determinant", () => {
  // max 2x + y s.t. r1: a·x ≤ a, r2: B·y ≤ B. Devex with unit weights: x first (d_x² = 4 > 1).
  // Pivot 1 on (r1, x), p = −a: pr = a, cost bound 2, doubles iff a² < 2^51 (all cases below).
  // After it: G = −a; r2 untouched (denominator 1, fMax = B); cost row over −a: d_y = (−1)(−a) −
  // (−2)·0 = a, d_s1 = 2, so fDMax = a. Pivot 2 on (r2, y) (ratio 1): r2 must be brought to G,
  // its bound becomes B·|G| = B·a (or "too large" when B·a ≥ 2^51); pr = max(B·a, a) = B·a, the
  // cost row (at G) bound a ≤ B·a. Doubles iff (B·a)² < 2^51, i.e. B·a ≤ 47453132.
  // Optimum x = y = 1, value 3, y_r1 = 2/a, y_r2 = 1/B.
  const lp = (a: number, B: number): LpModel => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", a]], "<=", a).row("r2", [["y", B]], "<=", B).objective([["x", 2], ["y", 1]]);
    return b.build();
  };
  const answer = (a: number, B: number): Shown => ({ status: "optimal", value: "3", primal: ["1", "1"], rows: [frac(2, a), frac(1, B)] });
  const cases: [string, number, number, number][] = [
    // [what, a, B, pivots in doubles]
    ["B·a = 47452160 ≤ ⌊2^25.5⌋: both pivots in doubles", 4096, 11585, 2],
    ["B·a = 47456256 > 2^25.5: the second pivot in bigints", 4096, 11586, 1],
    ["B·a ≥ 2^51 (a = 4·10^7, B = 2^26 − 1): the second pivot in bigints although a² < 2^51", 40_000_000, 2 ** 26 - 1, 1],
  ];
  for (const [what, a, B, small] of cases) {
    it(what, () => {
      expect(a * a < P51).toBe(true); // pivot 1 in doubles
      const ba = B * a;
      expect(ba < P51 && ba * ba < P51).toBe(small === 2); // the hand criterion for pivot 2 (ba² < 2^53 when true: exact)
      const st = solveChecked(lp(a, B), answer(a, B));
      expect(st).toEqual({ pivots: 2, smallPivots: small, grewToBigint: small < 2 });
    });
  }
});

describe("two pivots: an updated row at denominator 1 whose rescaled bound reaches 2^51", () => {
  // max 2x + y s.t. r1: a·x ≤ a, r2: y ≤ 1, r3: y + B3·w ≤ 2 (w cost 0), a = 4·10^7 (a² < 2^51).
  // Pivot 1 on (r1, x) as in the block above (doubles); G = −a, cost row over −a with bound a.
  // Pivot 2: y enters, ratios r2: 1 < r3: 2, so r2's slack leaves; r2 (denominator 1, fMax 1)
  // scales to bound a: pr = a. r3 has a y entry and is updated: its bound B3 (denominator 1) times
  // |G| = a. With B3 = 2^26 − 1, B3·a ≥ 2^51: "too large" — bigints. With B3 = 1: a·a < 2^51,
  // doubles. Optimum x = y = 1, w = 0, value 3, y_r1 = 2/a, y_r2 = 1, y_r3 = 0.
  const a = 40_000_000;
  const lp = (B3: number): LpModel => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.variable("w");
    b.row("r1", [["x", a]], "<=", a).row("r2", [["y", 1]], "<=", 1).row("r3", [["y", 1], ["w", B3]], "<=", 2).objective([["x", 2], ["y", 1]]);
    return b.build();
  };
  const answer: Shown = { status: "optimal", value: "3", primal: ["1", "1", "0"], rows: [frac(2, a), "1", "0"] };
  it("B3 = 2^26 − 1: B3·a ≥ 2^51, the second pivot in bigints", () => {
    expect(a * a < P51 && (2 ** 26 - 1) * a >= P51).toBe(true);
    expect(solveChecked(lp(2 ** 26 - 1), answer)).toEqual({ pivots: 2, smallPivots: 1, grewToBigint: true });
  });
  it("B3 = 1: both pivots in doubles", () => {
    expect(solveChecked(lp(1), answer)).toEqual({ pivots: 2, smallPivots: 2, grewToBigint: false });
  });
});

describe("three pivots: a row left at denominator p1 is rescaled by |G|/|p1| (not ·|p1|)", () => {
  // max 3x + 2y + z s.t. r1: a·x + z ≤ a, r2: b·y ≤ b, r3: 2z ≤ 1, a = 1000.
  // Pivot 1 (devex: d_x² = 9 largest) on (r1, x), p1 = −a: pr = a, cost bound 3: doubles.
  //   r1 stays at denominator −a with bound a. Cost row over −a: y: 2a, z: a − 3, s1: 3.
  // Pivot 2: y (d = −2) beats z (d = −(a − 3)/a) at unit weights; r2 (denominator 1, bound b)
  //   scales to bound a·b: pr = ab, cost row bound 2a: doubles iff (ab)² < 2^51. The pivot is
  //   r2's rescaled y entry, p2 = ab; r1 has no y entry and is not touched. Cost row over ab:
  //   z: −(a − 3)b, s1: −3b, s2: −2a.
  // Pivot 3: z enters (s1, s2 sit at their upper bounds); ratios r1: a, r3: 1/2, so r3's slack
  //   leaves. r3 (denominator 1, bound 2) scales to 2ab = pr. r1 has a z entry: bound a at
  //   denominator −a, rescaled to a·|ab|/|−a| = ab. Cost row bound (a − 3)b. Doubles iff
  //   (2ab)² < 2^51: with a = 1000, b = 23726: 4·(23726000)² = 2251692304000000 < 2^51;
  //   b = 23727: 2251882116000000 > 2^51 (pivot 2 stays in doubles: (ab)² < 2^51).
  // Optimum: z = 1/2, x = 1 − 1/(2a), y = 1; value 3 − 3/(2a) + 5/2; duals y_r1 = 3/a,
  // y_r2 = 2/b, y_r3 = (1 − 3/a)/2.
  const a = 1000;
  const lp = (b: number): LpModel => {
    const B = new LpBuilder("max");
    B.variable("x");
    B.variable("y");
    B.variable("z");
    B.row("r1", [["x", a], ["z", 1]], "<=", a).row("r2", [["y", b]], "<=", b).row("r3", [["z", 2]], "<=", 1).objective([["x", 3], ["y", 2], ["z", 1]]);
    return B.build();
  };
  const answer = (b: number): Shown => ({
    status: "optimal",
    value: frac(11 * a - 3, 2 * a), // 3 − 3/(2a) + 5/2 = (11a − 3)/(2a)
    primal: [frac(2 * a - 1, 2 * a), "1", "1/2"],
    rows: [frac(3, a), frac(2, b), frac(a - 3, 2 * a)],
  });
  for (const [b, small] of [
    [23726, 3],
    [23727, 2],
  ] as const) {
    it(`b = ${b}: ${small === 3 ? "all three pivots in doubles" : "the third pivot in bigints"}`, () => {
      const ab = a * b;
      expect(ab * ab < P51).toBe(true);
      expect(4 * ab * ab < P51).toBe(small === 3);
      expect(solveChecked(lp(b), answer(b))).toEqual({ pivots: 3, smallPivots: small, grewToBigint: small < 3 });
    });
  }
});

describe("phase 1 then phase 2: the bound rescale gives a row when the phase-2 costs are set", () => {
  // max z − x s.t. r1: a·x + C·z = a, r2: b·y ≥ b (x, y, z ≥ 0), Bland's rule throughout,
  // a = 2, b = 2^12, C = 2^20 (control: C = 2^10).
  // Slack basis: both rows violated at 0, so both get an artificial and are negated:
  //   r1 = [a, 0, C, −1, 0], r2 = [0, b, 0, 0, −1] (columns x, y, z, s1, s2); phase-1 costs
  //   d = −(r1 + r2) = [−a, −b, −C, 1, 1], bound C.
  // Pivot 1 (Bland: x) on r1, p = a: pr = fMax_r1 = C, cost bound C: C² < 2^51, doubles. r1 keeps
  //   bound C at denominator a. Costs become a·(d + r1) = [0, −ab, 0, 0, a] over a.
  // Pivot 2 (y) on r2: r2 (denominator 1, bound b) scales to ab = pr; cost bound ab: doubles;
  //   p = ab = G. Phase 1 ends (no artificial basic).
  // Phase-2 costs (min x − z): x is basic in r1 (denominator a ≠ G), so r1 is rescaled to G:
  //   z: C·ab/a = Cb = 2^32, s1: −b; its bound becomes max(Cb, |G|) = Cb. Costs d = c·G − r1:
  //   z: −ab − Cb, s1: b, bound Cb + ab.
  // Pivot 3 (z enters; x leaves at θ = a/C): pr = Cb, cost bound Cb + ab: (Cb + ab)·Cb ≈ 2^64 ≥
  //   2^51, bigints. (Had r1's rescaled bound been |G| = ab instead of Cb, the product would be
  //   (Cb + ab)·ab ≈ 2^45: doubles.) With C = 2^10: (2^22 + 2^13)·2^22 < 2^51, doubles.
  // Optimum: x = 0, y = 1, z = a/C, value a/C; duals y_r1 = 1/C (c_z = y_r1·C), y_r2 = 0.
  const a = 2, b = 2 ** 12;
  const lp = (C: number): LpModel => {
    const B = new LpBuilder("max");
    B.variable("x");
    B.variable("y");
    B.variable("z");
    B.row("r1", [["x", a], ["z", C]], "=", a).row("r2", [["y", b]], ">=", b).objective([["z", 1], ["x", -1]]);
    return B.build();
  };
  const answer = (C: number): Shown => ({ status: "optimal", value: frac(a, C), primal: ["0", "1", frac(a, C)], rows: [frac(1, C), "0"] });
  for (const [C, small] of [
    [2 ** 20, 2],
    [2 ** 10, 3],
  ] as const) {
    it(`C = 2^${Math.log2(C)}: ${small === 3 ? "all three pivots in doubles" : "the phase-2 pivot in bigints"}`, () => {
      expect(C * C < P51 && a * b * a * b < P51).toBe(true); // the phase-1 pivots in doubles
      expect((C * b + a * b) * C * b < P51).toBe(small === 3);
      expect((C * b + a * b) * a * b < P51).toBe(true); // what a bound of |G| would give
      const m = lp(C);
      const r = exactSimplex(m, { pivotRule: "bland" });
      const st = { ...exactSimplexStats };
      expect(verify(m, r)).toEqual({ ok: true });
      expect(show(r)).toEqual(answer(C));
      expect(show(exactSimplex(m, { pivotRule: "bland", bigintOnly: true }))).toEqual(answer(C));
      expect(exactSimplexStats.pivots).toBe(3);
      expect(st).toEqual({ pivots: 3, smallPivots: small, grewToBigint: small < 3 });
    });
  }
});
