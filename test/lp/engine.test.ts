import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, DUAL_SIMPLEX, type FloatLpEngine, IPM_CROSSOVER, loadHighs, PRESOLVE_OFF, PRIMAL_SIMPLEX, toHighsModelData } from "../../src/lp/engine.ts";
import { LpBuilder, type LpModel } from "../../src/lp/model.ts";
import { isLpEngineLoaded, solve } from "../../src/lp/solve.ts";
import { verify } from "../../src/lp/verify.ts";

let engine: FloatLpEngine;
beforeAll(async () => {
  engine = await loadHighs();
});

const ALL = [DEFAULT_SETTINGS, PRESOLVE_OFF, IPM_CROSSOVER, DUAL_SIMPLEX, PRIMAL_SIMPLEX];

function lp(kind: "optimal" | "infeasible" | "unbounded"): LpModel {
  const b = new LpBuilder("max");
  const x = b.variable("x");
  const y = b.variable("y", { lower: null, upper: "5/2" });
  if (kind === "optimal") {
    // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, y ≤ 5/2: optimum (8/5, 6/5), value 14/5
    b.row("r1", [[x, 1], [y, 2]], "<=", 4).row("r2", [[x, 3], [y, 1]], "<=", 6).objective([[x, 1], [y, 1]]);
  } else if (kind === "infeasible") {
    b.row("a", [[x, 1]], ">=", 3).row("b", [[x, 1]], "<=", 2).objective([[x, 1]]);
  } else {
    // x unbounded above and nothing stops it
    b.row("a", [[x, 1], [y, -1]], ">=", 0).objective([[x, 1]]);
  }
  return b.build();
}

describe("solve without the engine", () => {
  it("before loadLpEngine, solve runs the exact simplex (still exact and verified)", () => {
    // loadHighs() in this file's beforeAll does not register the engine with solve.ts
    expect(isLpEngineLoaded()).toBe(false);
    const model = lp("optimal");
    const r = solve(model);
    expect(r.status === "optimal" && r.value.toFraction()).toBe("14/5");
    expect(r.trace?.certifiedBy).toBe("exact-simplex");
    expect(r.trace?.attempts[0]?.settings).toBe("engine-not-loaded");
    expect(verify(model, r)).toEqual({ ok: true });
  });
});

describe("HiGHS engine", () => {
  it("loads once (cached)", async () => {
    expect(await loadHighs()).toBe(engine);
    expect(engine.name).toBe("highs");
  });

  it("converts the model: senses to row bounds, bounds with infinities, max sense", () => {
    const data = toHighsModelData(lp("optimal"), { infinity: Infinity, constants: { objectiveSense: { minimize: 1, maximize: -1 } } as never });
    expect(data.numCols).toBe(2);
    expect(data.numRows).toBe(2);
    expect(Array.from(data.rowUpper as Float64Array)).toEqual([4, 6]);
    expect(Array.from(data.rowLower as Float64Array)).toEqual([-Infinity, -Infinity]);
    expect(Array.from(data.colLower as Float64Array)).toEqual([0, -Infinity]);
    expect(Array.from(data.colUpper as Float64Array)).toEqual([Infinity, 2.5]);
    expect(data.sense).toBe(-1);
  });

  it("proposes the optimum with a basis under every setting, silently", () => {
    const spyOut = vi.spyOn(process.stdout, "write");
    const spyLog = vi.spyOn(console, "log");
    try {
      for (const s of ALL) {
        const p = engine.propose(lp("optimal"), s);
        expect(p.status, s.name).toBe("optimal");
        expect(p.x![0]).toBeCloseTo(1.6, 9);
        expect(p.x![1]).toBeCloseTo(1.2, 9);
        expect(p.rowDuals![0]).toBeCloseTo(0.4, 9);
        expect(p.basis!.colStatus).toEqual(["basic", "basic"]);
        expect(p.basis!.rowStatus).toEqual(["upper", "upper"]);
      }
      expect(spyOut).not.toHaveBeenCalled();
      expect(spyLog).not.toHaveBeenCalled();
    } finally {
      spyOut.mockRestore();
      spyLog.mockRestore();
    }
  });

  it("reports infeasible and unbounded (possibly as 'unknown' when HiGHS cannot tell which)", () => {
    for (const s of ALL) {
      const pi = engine.propose(lp("infeasible"), s);
      expect(["infeasible", "unknown"], s.name).toContain(pi.status);
      const pu = engine.propose(lp("unbounded"), s);
      expect(["unbounded", "unknown"], s.name).toContain(pu.status);
      expect(pu.rawStatus).toMatch(/nbounded/);
    }
    expect(engine.propose(lp("infeasible"), PRESOLVE_OFF).status).toBe("infeasible");
    expect(engine.propose(lp("unbounded"), PRESOLVE_OFF).status).toBe("unbounded");
  });

  it("handles a model with no rows and one with no variables", () => {
    const b = new LpBuilder("min");
    const x = b.variable("x", { lower: -2, upper: 3 });
    b.objective([[x, 1]]);
    const p = engine.propose(b.build(), DEFAULT_SETTINGS);
    expect(p.status).toBe("optimal");
    expect(p.x![0]).toBe(-2);
    const e = engine.propose(new LpBuilder("min").build(), DEFAULT_SETTINGS);
    expect(e.status).toBe("optimal");
  });

  it("proposing one model object again (its HiGHS form cached) gives the same proposal; another model does not", () => {
    const m = lp("optimal");
    const first = engine.propose(m, DEFAULT_SETTINGS);
    for (const s of [DEFAULT_SETTINGS, PRESOLVE_OFF, DEFAULT_SETTINGS]) {
      const again = engine.propose(m, s);
      expect(again.status).toBe("optimal");
      expect(Array.from(again.x!)).toEqual(Array.from(first.x!));
      expect(again.basis).toEqual(first.basis);
    }
    // the optimum (8/5, 6/5) of the exact model, so the cached float data is the model's
    expect(first.x![0]).toBeCloseTo(1.6, 9);
    expect(first.x![1]).toBeCloseTo(1.2, 9);
    // negative control: a different model object with other data is not served from the cache
    const other = engine.propose(lp("infeasible"), DEFAULT_SETTINGS);
    expect(other.status).not.toBe("optimal");
  });
});
