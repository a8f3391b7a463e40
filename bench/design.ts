/**
 * Benchmark of `design` (src/design/design.ts) on a 3-agent, 10-type environment: 1,000 profiles,
 * lotteries over 3 decisions (3,000 allocation columns + 3,000 payment columns), BIC + interim IR
 * + ex ante budget balance, maximize expected revenue — certified exactly, re-checked by
 * src/concepts — timed against HiGHS's float solve of the same LP (src/lp/engine.ts). Also the
 * variant without ex ante BB (with it, expected revenue is 0 by the constraint itself, so every
 * feasible point is optimal; without it the optimum is a real number).
 *
 *   npx tsx bench/design.ts        → bench/design.md
 *
 * Deterministic: valuations and prior from a fixed linear congruential sequence.
 */
import { writeFileSync } from "node:fs";
import { q, type Q, qstr, ZERO } from "../src/exact/rational.ts";
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import type { Environment } from "../src/model/environment.ts";
import { allProfiles } from "../src/model/profiles.ts";
import { buildDesignLp, designChecked, mechanismAt, recheck, recomputeObjective, type DesignSpec } from "../src/design/design.ts";

const N = 3;
const M = 10;
const D = ["A", "B", "C"];
let seed = 20261206;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 10;

const sizes = Array.from({ length: N }, () => M);
const profiles = [...allProfiles(sizes)];
/** v_i(d, θ_i) ∈ {0..9}, private values. */
const own: number[][][] = Array.from({ length: N }, () => Array.from({ length: M }, () => D.map(() => next())));
const env: Environment = {
  agents: ["a1", "a2", "a3"],
  types: sizes.map(() => Array.from({ length: M }, (_, k) => `t${k}`)),
  decisions: D,
  valuation: own.map((vi, i) => profiles.map((p) => vi[p[i]!]!.map((x) => q(x)))),
};
/** Correlated prior: weight 1 + ((7θ1 + 3θ2 + θ3) mod 5), normalized. */
const w = profiles.map((p) => 1 + ((7 * p[0]! + 3 * p[1]! + p[2]!) % 5));
const total = w.reduce((a, b) => a + b, 0);
const prior: Q[] = w.map((x) => q(x).div(q(total)));

async function main(): Promise<void> {
  await loadLpEngine();
  const highs = await loadHighs();
  const lines: string[] = [];
  lines.push("# `design` benchmark (3 agents × 10 types, 1,000 profiles, lotteries over 3 decisions)", "");
  lines.push("`npx tsx bench/design.ts` (one run, on the shared 2-core machine; times in ms, wall clock).", "");
  lines.push("| question | columns | rows | status | exact value | build | certified solve (float part) | re-check (src/concepts) | HiGHS float solve alone | certified / float |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const [label, axioms] of [
    ["BIC + interim IR + ex ante BB, max revenue", ["bic", "interim-ir", "ex-ante-bb"]],
    ["BIC + interim IR, max revenue", ["bic", "interim-ir"]],
  ] as const) {
    const spec: DesignSpec = { axioms: [...axioms], beliefs: { kind: "common-prior", prior }, objective: { kind: "revenue" } };
    const t0 = performance.now();
    const { lp, model, env: e2 } = buildDesignLp(env, spec);
    const tBuild = performance.now() - t0;
    const tf = performance.now();
    const float = highs.propose(model, DEFAULT_SETTINGS);
    const tFloat = performance.now() - tf;
    const { result, stats } = solveWithStats(model);
    let status: string = result.status;
    let value = "—";
    let tCheck = 0;
    let ok = false;
    if (result.status === "optimal") {
      const tc = performance.now();
      const mech = mechanismAt(lp, result.primal);
      const checks = recheck(e2, mech, spec);
      const rv = recomputeObjective(e2, mech, spec);
      tCheck = performance.now() - tc;
      ok = checks.every((c) => c.holds) && rv !== null && rv.equals(result.value);
      value = qstr(result.value);
      status = `optimal, ${ok ? "re-checked" : "RE-CHECK FAILED"}, certified by ${result.trace?.certifiedBy}`;
      void designChecked;
    }
    lines.push(`| ${label} | ${model.variables.length} | ${model.rows.length} | ${status} | ${value} | ${Math.round(tBuild)} | ${Math.round(stats.totalMs)} (${Math.round(stats.floatMs)}) | ${Math.round(tCheck)} | ${Math.round(tFloat)} (${float.rawStatus}) | ${(stats.totalMs / Math.max(1, tFloat)).toFixed(1)}× |`);
    console.log(label, model.variables.length, model.rows.length, status, value, Math.round(tBuild), Math.round(stats.totalMs), Math.round(tFloat));
  }
  void ZERO;
  lines.push("");
  lines.push("The certified solve includes HiGHS's own proposal, the exact sparse-LU recomputation of the basic solution and duals, and the independent verifier; the re-check rebuilds the mechanism from the LP point and runs isBIC, isInterimIR and isExAnteBudgetBalanced from src/concepts plus the objective recomputed from the tables.");
  lines.push("With ex ante budget balance the expected revenue is fixed at 0 by the constraint itself (every feasible mechanism is optimal); the second row is the meaningful revenue question.");
  writeFileSync(new URL("./design.md", import.meta.url), lines.join("\n") + "\n");
}

await main();
