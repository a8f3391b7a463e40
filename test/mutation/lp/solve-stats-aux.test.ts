// solve's bookkeeping: solveWithStats' timings (each part counted once, inside the total), and the
// auxiliary-LP route when the engine fails on the auxiliary LPs (trace labels, exact fallback
// warm from phase 1's starting basis, cold for the ray LP). Verdicts derived by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { type FloatLpEngine, loadHighs } from "../../../src/lp/engine.ts";
import { LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import { solveWithStats } from "../../../src/lp/solve.ts";

let highs: FloatLpEngine;
beforeAll(async () => {
  highs = await loadHighs();
});

/** max x s.t. x + y ≤ 4: optimum 4. */
function optimalLp(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("r", [["x", 1], ["y", 1]], "<=", 4).objective([["x", 1]]);
  return b.build();
}
/** max x s.t. x − y ≥ 1: unbounded. */
function unboundedLp(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("a", [["x", 1], ["y", -1]], ">=", 1).objective([["x", 1]]);
  return b.build();
}
/** HiGHS for the first `honest` calls, then `how` on every later call. */
function failingAfter(honest: number, how: "throw" | "unknown"): FloatLpEngine {
  let call = 0;
  return {
    name: "late",
    propose(model, settings, warm) {
      if (call++ < honest) return highs.propose(model, settings, warm);
      if (how === "throw") throw new Error("down");
      return { status: "unknown", rawStatus: "Unknown", x: null, rowDuals: null, basis: null };
    },
  };
}

describe("solveWithStats: timings", () => {
  it("engine route: float and certification time counted, each inside the total", () => {
    const { result, stats } = solveWithStats(optimalLp(), { engine: highs });
    expect(result.status === "optimal" && result.value.toFraction()).toBe("4");
    for (const k of ["floatMs", "certifyMs", "luMs", "verifyMs", "totalMs"] as const) expect(stats[k], k).toBeGreaterThan(0);
    expect(stats.exactSimplexMs).toBe(0);
    expect(stats.luMs).toBeLessThanOrEqual(stats.certifyMs);
    expect(stats.floatMs + stats.certifyMs + stats.verifyMs).toBeLessThanOrEqual(stats.totalMs);
    expect(stats.totalMs).toBeLessThan(60_000);
  });
  it("exact route: exact simplex time, no float time", () => {
    const { stats } = solveWithStats(optimalLp(), { exactOnly: true });
    expect(stats.exactSimplexMs).toBeGreaterThan(0);
    expect(stats.floatMs).toBe(0);
    expect(stats.exactSimplexMs + stats.verifyMs).toBeLessThanOrEqual(stats.totalMs);
    expect(stats.totalMs).toBeLessThan(60_000);
  });
  it("auxiliary route: certification time of phase 1 and the ray counted", () => {
    const { result, stats } = solveWithStats(unboundedLp(), { engine: highs });
    expect(result.status).toBe("unbounded");
    expect(stats.certifyMs).toBeGreaterThan(0);
    expect(stats.floatMs).toBeGreaterThan(0);
    expect(stats.floatMs + stats.certifyMs + stats.verifyMs).toBeLessThanOrEqual(stats.totalMs);
  });
});

describe("auxiliary LPs when the engine fails on them", () => {
  it("phase 1 falls back to the exact simplex, warm from its classical starting basis; the ray LP falls back cold", () => {
    // call 0: the main LP (Unbounded); every auxiliary proposal then throws
    const { result, stats } = solveWithStats(unboundedLp(), { engine: failingAfter(1, "throw") });
    expect(result.status).toBe("unbounded");
    const a = result.trace!.attempts.map((x) => `${x.engine} ${x.settings}: ${x.outcome}`);
    expect(a).toEqual([
      "late default: Unbounded: checking via auxiliary LPs",
      "late phase-1/primal-simplex: engine error: down",
      "late phase-1/ipm-crossover: engine error: down",
      "late phase-1/default: engine error: down",
      "exact-simplex phase-1/warm: optimal",
      "late ray/default: engine error: down",
      "late ray/presolve-off: engine error: down",
      "late ray/ipm-crossover: engine error: down",
      "exact-simplex ray/cold: optimal",
      "certify auxiliary: certified unbounded",
    ]);
    expect(stats.exactSimplexMs).toBeGreaterThan(0);
  });
  it("auxiliary proposals without an optimal basis are recorded as such", () => {
    const { result } = solveWithStats(unboundedLp(), { engine: failingAfter(1, "unknown") });
    expect(result.status).toBe("unbounded");
    expect(result.trace!.attempts.slice(1, 5).map((x) => `${x.settings}: ${x.outcome}`)).toEqual([
      "phase-1/primal-simplex: Unknown: no optimal basis",
      "phase-1/ipm-crossover: Unknown: no optimal basis",
      "phase-1/default: Unknown: no optimal basis",
      "phase-1/warm: optimal",
    ]);
  });
});
