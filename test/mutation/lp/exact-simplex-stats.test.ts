// exactSimplexStats (src/lp/exactSimplex.ts): the pivot counts of the last solve, on LPs whose
// simplex path is forced, traced by hand. Both LPs start from the slack basis, which is feasible
// (every row's slack value 0 lies within its bounds), so there is no phase-1 pivot.
import { describe, expect, it } from "vitest";
import { exactSimplex, exactSimplexStats } from "../../../src/lp/exactSimplex.ts";
import { LpBuilder } from "../../../src/lp/model.ts";
import { verify } from "../../../src/lp/verify.ts";

describe("exactSimplexStats: pivots counted by hand", () => {
  it("max x + y s.t. x + y ≤ 1: exactly one pivot (in doubles)", () => {
    // Phase 2: x or y enters (reduced cost −1 in the internal min form; x, y have no upper bound,
    // so no bound flip); the row's slack leaves at ratio 1. The other variable's reduced cost is
    // then 1 − 1 = 0: optimal after one pivot. Small integer data: the pivot runs in doubles.
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r", [["x", 1], ["y", 1]], "<=", 1).objective([["x", 1], ["y", 1]]);
    const m = b.build();
    const r = exactSimplex(m);
    expect(verify(m, r)).toEqual({ ok: true });
    expect(r.status === "optimal" && r.value.toFraction()).toBe("1");
    expect({ ...exactSimplexStats }).toEqual({ pivots: 1, smallPivots: 1, grewToBigint: false });
  });

  it("max x + y s.t. x ≤ 1, y ≤ 1 (as rows): exactly two pivots; the counters restart per solve", () => {
    // The optimum (1, 1) is unique and needs both x and y basic (nonbasic, each would sit at its
    // lower bound 0): each enters once, its row's slack leaving; neither leaves again (the other
    // row does not contain it, so no ratio test can pick it). Two pivots, both in doubles.
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", 1]], "<=", 1).row("r2", [["y", 1]], "<=", 1).objective([["x", 1], ["y", 1]]);
    const m = b.build();
    const r = exactSimplex(m);
    expect(verify(m, r)).toEqual({ ok: true });
    expect(r.status === "optimal" && r.value.toFraction()).toBe("2");
    expect({ ...exactSimplexStats }).toEqual({ pivots: 2, smallPivots: 2, grewToBigint: false });
    // negative control: a second solve of the one-pivot LP resets the counters (not 2 + 1)
    const b1 = new LpBuilder("max");
    b1.variable("x");
    b1.row("r", [["x", 1]], "<=", 1).objective([["x", 1]]);
    exactSimplex(b1.build());
    expect(exactSimplexStats.pivots).toBe(1);
  });

  it("bigintOnly: the same pivots, none of them in doubles", () => {
    const b = new LpBuilder("max");
    b.variable("x");
    b.variable("y");
    b.row("r1", [["x", 1]], "<=", 1).row("r2", [["y", 1]], "<=", 1).objective([["x", 1], ["y", 1]]);
    exactSimplex(b.build(), { bigintOnly: true });
    expect({ ...exactSimplexStats }).toEqual({ pivots: 2, smallPivots: 0, grewToBigint: false });
  });
});
