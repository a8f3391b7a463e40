// solve's policy, seen through the SolveTrace it returns: which engine proposed under which
// settings, what became of each proposal, which route certified the verdict. The engines are
// HiGHS itself or wrappers around it that fail in one scripted way; every verdict is also checked
// against its hand-derived value.
import { beforeAll, describe, expect, it } from "vitest";
import { type FloatLpEngine, IPM_CROSSOVER, loadHighs, PRESOLVE_OFF } from "../../../src/lp/engine.ts";
import { LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import { isLpEngineLoaded, loadLpEngine, solve } from "../../../src/lp/solve.ts";
import { caught } from "../support.ts";

let highs: FloatLpEngine;
beforeAll(async () => {
  highs = await loadHighs();
});

/** max x s.t. x + y ≤ 4, x, y ≥ 0: optimum 4 at (4, 0). */
function optimalLp(): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y");
  b.row("r", [[x, 1], [y, 1]], "<=", 4).objective([[x, 1]]);
  return b.build();
}
/** x ≥ 3 and x + y ≤ 2 with x, y ≥ 0: infeasible; Farkas y = (1, −1): x − (x + y) = −y ≤ 0 < 3 − 2. */
function infeasibleLp(): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y");
  b.row("a", [[x, 1]], ">=", 3).row("b", [[x, 1], [y, 1]], "<=", 2).objective([[x, 1]]);
  return b.build();
}
/** max x s.t. x − y ≥ 1, x, y ≥ 0: unbounded along (1, 0) (or (1, 1)). */
function unboundedLp(): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y");
  b.row("a", [[x, 1], [y, -1]], ">=", 1).objective([[x, 1]]);
  return b.build();
}
const value = (r: ReturnType<typeof solve>) => (r.status === "optimal" ? r.value.toFraction() : r.status);

/** HiGHS, except that the calls numbered in `failOn` (0-based) fail as `how` says. */
function scripted(how: "throw" | "no-basis" | "bad-basis" | "unknown", failOn: number[]): FloatLpEngine {
  let call = 0;
  return {
    name: "scripted",
    propose(model, settings, warm) {
      const k = call++;
      if (!failOn.includes(k)) return highs.propose(model, settings, warm);
      if (how === "throw") throw new Error(`boom ${k}`);
      const p = highs.propose(model, settings, warm);
      if (how === "no-basis") return { ...p, basis: null };
      if (how === "unknown") return { ...p, status: "unknown", rawStatus: "Unknown" };
      // every column nonbasic at its lower bound, the row basic: the vertex (0, 0), not optimal
      return { ...p, basis: { colStatus: model.variables.map(() => "lower" as const), rowStatus: model.rows.map(() => "basic" as const) } };
    },
  };
}

describe("solve's trace", () => {
  it("an optimum certified from HiGHS's first basis", () => {
    const r = solve(optimalLp(), { engine: highs });
    expect(value(r)).toBe("4");
    expect(r.trace).toEqual({ attempts: [{ engine: "highs", settings: "default", outcome: "Optimal: certified" }], certifiedBy: "basis-lu" });
  });

  it("an infeasible LP: certified through phase 1 (primal simplex first)", () => {
    const r = solve(infeasibleLp(), { engine: highs });
    expect(r.status).toBe("infeasible");
    expect(r.trace).toEqual({
      attempts: [
        { engine: "highs", settings: "default", outcome: "Infeasible: checking via auxiliary LPs" },
        { engine: "highs", settings: "phase-1/primal-simplex", outcome: "Optimal: certified" },
        { engine: "certify", settings: "auxiliary", outcome: "certified infeasible" },
      ],
      certifiedBy: "basis-lu",
    });
  });

  it("an unbounded LP: phase 1 gives the point, the ray LP the ray", () => {
    const r = solve(unboundedLp(), { engine: highs });
    expect(r.status).toBe("unbounded");
    expect(r.trace).toEqual({
      attempts: [
        { engine: "highs", settings: "default", outcome: "Unbounded: checking via auxiliary LPs" },
        { engine: "highs", settings: "phase-1/primal-simplex", outcome: "Optimal: certified" },
        { engine: "highs", settings: "ray/default", outcome: "Optimal: certified" },
        { engine: "certify", settings: "auxiliary", outcome: "certified unbounded" },
      ],
      certifiedBy: "basis-lu",
    });
  });

  it("an engine error is recorded and the next settings are tried", () => {
    const r = solve(optimalLp(), { engine: scripted("throw", [0]) });
    expect(value(r)).toBe("4");
    expect(r.trace!.attempts).toEqual([
      { engine: "scripted", settings: "default", outcome: "engine error: boom 0" },
      { engine: "scripted", settings: "presolve-off", outcome: "Optimal: certified" },
    ]);
  });

  it("an optimum without a basis cannot be certified: the next settings are tried", () => {
    const r = solve(optimalLp(), { engine: scripted("no-basis", [0]) });
    expect(r.trace!.attempts.map((a) => a.outcome)).toEqual(["Optimal: no basis to certify", "Optimal: certified"]);
  });

  it("a basis that is not optimal is not certified, with the certifier's code", () => {
    const r = solve(optimalLp(), { engine: scripted("bad-basis", [0]) });
    expect(value(r)).toBe("4");
    expect(r.trace!.attempts[0]!.outcome).toMatch(/^Optimal: not certified \([a-z-]+: .+\)$/);
    expect(r.trace!.attempts[1]).toEqual({ engine: "scripted", settings: "presolve-off", outcome: "Optimal: certified" });
  });

  it("an 'unknown' status on an optimal LP: the auxiliary LPs find it feasible and not unbounded", () => {
    const r = solve(optimalLp(), { engine: scripted("unknown", [0]) });
    expect(value(r)).toBe("4");
    const a = r.trace!.attempts;
    expect(a[0]).toEqual({ engine: "scripted", settings: "default", outcome: "Unknown: checking via auxiliary LPs" });
    expect(a.find((x) => x.engine === "certify")!.outcome).toMatch(/^not certified: /);
    expect(a.at(-1)).toEqual({ engine: "scripted", settings: "presolve-off", outcome: "Optimal: certified" });
  });

  it("every engine attempt fails: the exact simplex runs cold (no basis seen), or warm from a proposed basis", () => {
    const cold = solve(optimalLp(), { engine: scripted("throw", [0, 1, 2]) });
    expect(value(cold)).toBe("4");
    expect(cold.trace!.certifiedBy).toBe("exact-simplex");
    expect(cold.trace!.attempts.map((a) => `${a.settings}: ${a.outcome}`)).toEqual([
      "default: engine error: boom 0",
      "presolve-off: engine error: boom 1",
      "ipm-crossover: engine error: boom 2",
      "cold: optimal",
    ]);
    const warm = solve(optimalLp(), { engine: scripted("bad-basis", [0, 1, 2]) });
    expect(value(warm)).toBe("4");
    expect(warm.trace!.certifiedBy).toBe("exact-simplex");
    expect(warm.trace!.attempts.at(-1)).toEqual({ engine: "exact-simplex", settings: "warm", outcome: "optimal" });
  });

  it("the settings option replaces the default sequence", () => {
    const r = solve(optimalLp(), { engine: scripted("throw", [0]), settings: [IPM_CROSSOVER, PRESOLVE_OFF] });
    expect(r.trace!.attempts.map((a) => a.settings)).toEqual(["ipm-crossover", "presolve-off"]);
  });

  it("the exact simplex's limit is lp-not-certified, naming the model's size and every attempt", () => {
    const e = caught(() => solve(optimalLp(), { exactOnly: true, maxIterations: 0 }));
    expect(e.code).toBe("lp-not-certified");
    expect(e.message).toMatch(/^could not certify the LP \(2 variables, 1 rows\); attempts: exact-simplex\/exact-only: failed: .+$/);
    const e2 = caught(() => solve(optimalLp(), { engine: scripted("throw", [0, 1, 2]), maxIterations: 0 }));
    expect(e2.message).toContain("attempts: scripted/default: engine error: boom 0; scripted/presolve-off: engine error: boom 1; scripted/ipm-crossover: engine error: boom 2; exact-simplex/cold: failed: ");
  });
});

describe("which route solve takes", () => {
  it("without the engine: the exact simplex; exactOnly: the exact simplex, labelled so", () => {
    expect(isLpEngineLoaded()).toBe(false);
    expect(solve(optimalLp()).trace!.attempts).toEqual([{ engine: "exact-simplex", settings: "engine-not-loaded", outcome: "optimal" }]);
  });
  it("with the engine loaded: small models (rows × max(1, columns) ≤ smallModelCells) skip it", async () => {
    await loadLpEngine();
    expect(isLpEngineLoaded()).toBe(true);
    const m = optimalLp(); // 1 row × 2 columns = 2 cells
    expect(solve(m).trace!.attempts[0]!.settings).toBe("small-model");
    expect(solve(m, { smallModelCells: 2 }).trace!.attempts[0]!.settings).toBe("small-model");
    expect(solve(m, { smallModelCells: 1 }).trace).toEqual({ attempts: [{ engine: "highs", settings: "default", outcome: "Optimal: certified" }], certifiedBy: "basis-lu" });
    expect(solve(m, { exactOnly: true }).trace!.attempts[0]!.settings).toBe("exact-only");
    // no columns: 2 rows count as 2 cells
    const b = new LpBuilder("min");
    b.row("p", [], ">=", -1).row("q", [], "<=", 1);
    const empty = b.build();
    expect(solve(empty, { smallModelCells: 2 }).trace!.attempts[0]!.settings).toBe("small-model");
    expect(solve(empty, { smallModelCells: 1 }).trace!.attempts[0]!.engine).toBe("highs");
    // a given engine is always used, however small the model
    expect(solve(m, { engine: highs }).trace!.attempts[0]!.engine).toBe("highs");
  });
});
