/**
 * The DPLL's trail recording (dpllRefutation) keeps dpllSatisfiable's verdicts, and the refutation it
 * records is a valid proof: replayed, every forced step is unit under the assignments before it and
 * every leaf's clause is falsified. On the cached n = 2 core (docs/gibbard-satterthwaite-core.json).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dpllRefutation, dpllSatisfiable, gsFormula, solveWithLogicSolver, type Clause, type Refutation } from "../../src/socialChoice/gibbardSatterthwaite.ts";

const f = gsFormula(2);
const core: Clause[] = (JSON.parse(readFileSync("docs/gibbard-satterthwaite-core.json", "utf8")) as { indices: number[] }).indices.map((i) => f[i]!);
const ordered = ["non-dictatorial", "onto", "strategy-proof", "at-least-one"].flatMap((k) => core.filter((c) => c.kind === k));

/** Replays a refutation; returns the number of leaves, throws on an invalid step. */
function replay(r: Refutation, a: Map<string, boolean>): number {
  const b = new Map(a);
  const val = (c: Clause) => c.lits.map(([x, pos]) => (b.has(x) ? b.get(x) === pos : undefined));
  for (const s of r.trail) {
    if (b.has(s.lit[0])) throw new Error(`${s.lit[0]} assigned twice`);
    if (s.reason !== null) {
      const vs = val(s.reason);
      const open = s.reason.lits.filter(([x]) => !b.has(x));
      if (vs.some((x) => x === true) || open.length !== 1 || open[0]![0] !== s.lit[0] || open[0]![1] !== s.lit[1]) throw new Error(`step ${s.lit[0]} is not forced by its clause`);
    }
    b.set(s.lit[0], s.lit[1]);
  }
  if (r.kind === "conflict") {
    if (!val(r.conflict).every((x) => x === false)) throw new Error("leaf clause not falsified");
    return 1;
  }
  if (b.has(r.variable)) throw new Error("split on an assigned variable");
  const t = r.ifTrue.trail[0];
  const e = r.ifFalse.trail[0];
  if (t?.reason !== null || t.lit[0] !== r.variable || t.lit[1] !== true || e?.reason !== null || e.lit[0] !== r.variable || e.lit[1] !== false) throw new Error("split branches do not start with the two decisions");
  return replay(r.ifTrue, b) + replay(r.ifFalse, b);
}

const lit = (x: string, pos: boolean) => [x, pos] as const;
const cl = (...lits: (readonly [string, boolean])[]): Clause => ({ kind: "at-least-one", lits, text: "" });

describe("dpllRefutation (the DPLL with its trail)", () => {
  it("the cached core is UNSAT for logic-solver, dpllSatisfiable and dpllRefutation, and the refutation replays", () => {
    expect(solveWithLogicSolver(core)).toBe(null);
    expect(dpllSatisfiable(core)).toBe(false);
    const r = dpllRefutation(ordered);
    expect(r).not.toBe(null);
    expect(replay(r!, new Map())).toBeGreaterThan(0);
    expect(dpllRefutation(core)).not.toBe(null);
  });
  it("same verdict as dpllSatisfiable: the core minus one clause is SAT for both (minimality), on a sample", () => {
    for (const k of [0, 3, 40, 100, 213]) {
      const rest = core.filter((_, j) => j !== k);
      expect(dpllSatisfiable(rest)).toBe(true);
      expect(dpllRefutation(rest)).toBe(null);
    }
  });
  it("same verdict on small formulas (SAT and UNSAT controls)", () => {
    const unsat = [cl(lit("x", true), lit("y", true)), cl(lit("x", false), lit("y", true)), cl(lit("x", true), lit("y", false)), cl(lit("x", false), lit("y", false))];
    const sat = unsat.slice(0, 3);
    expect(dpllSatisfiable(unsat)).toBe(false);
    expect(replay(dpllRefutation(unsat)!, new Map())).toBe(2);
    expect(dpllSatisfiable(sat)).toBe(true);
    expect(dpllRefutation(sat)).toBe(null);
    expect(dpllRefutation([cl()])).toEqual({ kind: "conflict", trail: [], conflict: cl() });
  });
});
