// solveBasisSystems on hand-solved bases: slack substitution with a non-zero accumulated term (and
// a zero right-hand side on the slack row), fractional core columns, an all-slack basis (empty
// core), merged duplicate entries and dropped zeros, the irregular inputs that go to the rational LU
// (its errors), the dimension refusals, and the stats (method, primes tried, nnz, lifting steps).
import { describe, expect, it } from "vitest";
import { rat, ratToQ, type Rat } from "../../../src/exact/fastRational.ts";
import { SparseLu } from "../../../src/exact/sparseLu.ts";
import { type BasisSolveStats, solveBasisSystems } from "../../../src/lp/basisSolve.ts";
import { caught } from "../support.ts";

const R = (s: string) => {
  const [n, d] = s.split("/");
  return rat(BigInt(n!), BigInt(d ?? "1"));
};
const show = (v: readonly Rat[] | null) => (v === null ? null : v.map((x) => ratToQ(x).toFraction()));
const col = (rows: number[], vals: string[]) => ({ rows, vals: vals.map(R) });

// B (columns): c0 = 2·e0 (slack of row 0); c1 = (1/3, 1, 0); c2 = (0, 1, 1). Rows 1, 2 form the core.
// B x = r: row 2: x2 = r2; row 1: x1 + x2 = r1; row 0: 2 x0 + x1/3 = r0.
// Bᵀ y = c: 2 y0 = c0; y0/3 + y1 = c1; y1 + y2 = c2.
const B = [col([0], ["2"]), col([0, 1], ["1/3", "1"]), col([1, 2], ["1", "1"])];

describe("solveBasisSystems: hand-solved", () => {
  it("slack substitution through a fractional core column", () => {
    // r = (1, 2, 3): x2 = 3, x1 = −1, x0 = (1 + 1/3)/2 = 2/3; c = (1, 0, 1/2): y0 = 1/2, y1 = −1/6, y2 = 2/3
    const st = {} as BasisSolveStats;
    const got = solveBasisSystems(3, B, [R("1"), R("2"), R("3")], [R("1"), R("0"), R("1/2")], { stats: st });
    expect([show(got.x), show(got.y)]).toEqual([["2/3", "-1", "3"], ["1/2", "-1/6", "2/3"]]);
    // the core [[1, 1], [0, 1]] (rows 1, 2 × columns 1, 2): one off-diagonal entry, in U
    expect(st).toMatchObject({ method: "modular", primesTried: 1, nnzL: 0, nnzU: 1 });
    expect(st.liftSteps[0]).toBeGreaterThanOrEqual(1);
    expect(st.liftSteps[1]).toBeGreaterThanOrEqual(1);
    // r0 = 0 on the slack row: x0 = (0 + 1/3)/2 = 1/6; c0 = 0: y0 = 0, y1 = 0, y2 = c2
    const zero = solveBasisSystems(3, B, [R("0"), R("2"), R("3")], [R("0"), R("0"), R("5/7")]);
    expect([show(zero.x), show(zero.y)]).toEqual([["1/6", "-1", "3"], ["0", "0", "5/7"]]);
    // x1 = 0 (no accumulated term on row 0): x0 = r0/2
    const noAcc = solveBasisSystems(3, B, [R("-3"), R("3"), R("3")], null);
    expect([show(noAcc.x), noAcc.y]).toEqual([["-3/2", "0", "3"], null]);
    // the same via the rational LU (primes [])
    const st2 = {} as BasisSolveStats;
    const rat0 = solveBasisSystems(3, B, [R("1"), R("2"), R("3")], [R("1"), R("0"), R("1/2")], { primes: [], stats: st2 });
    expect([show(rat0.x), show(rat0.y)]).toEqual([["2/3", "-1", "3"], ["1/2", "-1/6", "2/3"]]);
    const lu = SparseLu.factor(3, B);
    expect(st2).toMatchObject({ method: "rational", primesTried: 0, nnzL: lu.stats.nnzL, nnzU: lu.stats.nnzU, liftSteps: [0, 0] });
  });

  it("only one side asked: the other is null, its lifting step count stays 0", () => {
    const st = {} as BasisSolveStats;
    const onlyY = solveBasisSystems(3, B, null, [R("1"), R("0"), R("1/2")], { stats: st });
    expect([onlyY.x, show(onlyY.y)]).toEqual([null, ["1/2", "-1/6", "2/3"]]);
    expect(st.liftSteps[0]).toBe(0);
    expect(st.liftSteps[1]).toBeGreaterThanOrEqual(1);
    const st2 = {} as BasisSolveStats;
    solveBasisSystems(3, B, [R("1"), R("2"), R("3")], null, { stats: st2 });
    expect(st2.liftSteps[1]).toBe(0);
    expect(st2.liftSteps[0]).toBeGreaterThanOrEqual(1);
  });

  it("an all-slack basis (empty core): x_j = r_i/d, y_i = c_j/d", () => {
    // c0 = 2·e1, c1 = −3·e0: −3 x1 = r0, 2 x0 = r1; 2 y1 = c0, −3 y0 = c1
    const st = {} as BasisSolveStats;
    const got = solveBasisSystems(2, [col([1], ["2"]), col([0], ["-3"])], [R("1"), R("0")], [R("0"), R("5")], { stats: st });
    expect([show(got.x), show(got.y)]).toEqual([["0", "-1/3"], ["-5/3", "0"]]);
    expect(st).toMatchObject({ method: "modular", primesTried: 1, liftSteps: [0, 0], nnzL: 0, nnzU: 0 });
  });

  it("duplicate entries are merged and zeros dropped before the slack test", () => {
    // c0 rows [1, 1] vals [1, 1] = 2·e1 (a slack after merging); c1 = (0·e0 dropped) + 4·e0 … written as rows [1, 0] vals [0, 4]
    const cols = [col([1, 1], ["1", "1"]), col([1, 0], ["0", "4"])];
    const st = {} as BasisSolveStats;
    const got = solveBasisSystems(2, cols, [R("8"), R("6")], [R("4"), R("2")], { stats: st });
    // 4 x1 = 8, 2 x0 = 6; 2 y1 = 4, 4 y0 = 2
    expect([show(got.x), show(got.y)]).toEqual([["3", "2"], ["1/2", "2"]]);
    expect(st.method).toBe("modular");
    // a merged column with a core part: c0 = rows [0, 1, 0] vals [1, 1, 1] = (2, 1), c1 = (0, 1): 2 x0 = r0, x0 + x1 = r1
    const got2 = solveBasisSystems(2, [col([0, 1, 0], ["1", "1", "1"]), col([1], ["1"])], [R("1"), R("1")], [R("1"), R("0")]);
    // x0 = 1/2, x1 = 1/2; 2 y0 + y1 = 1, y1 = 0 → y0 = 1/2
    expect([show(got2.x), show(got2.y)]).toEqual([["1/2", "1/2"], ["1/2", "0"]]);
  });

  it("primes: one dividing det is skipped and counted; every prime singular falls back", () => {
    // core [[1, 1], [1, −2]] (det −3) below a slack 3·e0
    const cols = [col([0], ["3"]), col([1, 2], ["1", "1"]), col([1, 2], ["1", "-2"])];
    const r = [R("1"), R("2"), R("1/2")];
    const st = {} as BasisSolveStats;
    const got = solveBasisSystems(3, cols, r, null, { primes: [3, 5], stats: st });
    expect(show(got.x)).toEqual(["1/3", "3/2", "1/2"]);
    expect(st).toMatchObject({ method: "modular", primesTried: 2, nnzL: 1, nnzU: 1 });
    const st3 = {} as BasisSolveStats;
    expect(show(solveBasisSystems(3, cols, r, null, { primes: [3], stats: st3 }).x)).toEqual(["1/3", "3/2", "1/2"]);
    expect(st3).toMatchObject({ method: "rational", primesTried: 1 });
  });

  it("irregular input goes to the rational LU, with its errors", () => {
    const st = {} as BasisSolveStats;
    // two slacks on row 0: singular
    expect(caught(() => solveBasisSystems(2, [col([0], ["1"]), col([0], ["2"])], [R("1"), R("1")], null, { stats: st })).code).toBe("singular");
    expect(st.method).toBe("rational");
    // a core column with entries only on slack rows: c2 = e0 + e1 over slacks e0, e1 (and c… m = 3)
    const st2 = {} as BasisSolveStats;
    expect(caught(() => solveBasisSystems(3, [col([0], ["1"]), col([1], ["1"]), col([0, 1], ["1", "1"])], null, [R("1"), R("1"), R("1")], { stats: st2 })).code).toBe("singular");
    expect(st2.method).toBe("rational");
    for (const bad of [[col([2], ["1"]), col([1], ["1"])], [col([-1], ["1"]), col([1], ["1"])], [col([0.5], ["1"]), col([1], ["1"])], [col([], []), col([1], ["1"])], [col([0], ["0"]), col([1], ["1"])]]) {
      const s = {} as BasisSolveStats;
      let ref: string;
      try {
        SparseLu.factor(2, bad);
        ref = "no error";
      } catch (e) {
        ref = (e as { code: string }).code;
      }
      expect(ref).not.toBe("no error");
      expect(caught(() => solveBasisSystems(2, bad, [R("1"), R("1")], null, { stats: s })).code).toBe(ref);
      expect(s.method).toBe("rational");
    }
    // a column count other than m
    const s3 = {} as BasisSolveStats;
    expect(() => solveBasisSystems(2, [col([0], ["1"])], [R("1"), R("1")], null, { stats: s3 })).toThrow();
    expect(s3.method).toBe("rational");
  });

  it("refuses right-hand sides of the wrong length (code, message, value)", () => {
    for (const [r, c, len] of [[[R("1")], null, 1], [null, [R("1"), R("1"), R("1"), R("1")], 4]] as const) {
      const e = caught(() => solveBasisSystems(3, B, r, c));
      expect([e.code, e.message, e.value]).toEqual(["dimension", `right-hand side has length ${len}, expected 3`, len]);
    }
  });
});
