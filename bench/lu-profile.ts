/**
 * Focused profile of the exact basis solves (not part of `npm run bench`): for a few bench
 * instances, HiGHS proposes an optimal basis once; then the modular path certify.ts uses
 * (`solveBasisSystems`: mod-p LU + p-adic lifting) and the rational SparseLu (factor, primal solve
 * B x = r, dual solve Bᵀ y = c_B, timed separately) run on it (median of --runs, default 5), next
 * to HiGHS alone and the whole certified `solveWithStats`. Also checks that both paths give the
 * same rationals and reports fill and the size (bits) of the solutions.
 *
 *   node --import tsx bench/lu-profile.ts [--runs N] [--only SUBSTR] [--no-solve] [--no-rational]
 */
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import type { BasisHint, LpModel } from "../src/lp/model.ts";
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import { RAT_ONE, RAT_ZERO, type Rat, ratFromQ, ratMul, ratNeg, ratSub } from "../src/exact/fastRational.ts";
import { type SparseColumn, SparseLu } from "../src/exact/sparseLu.ts";
import { type BasisSolveStats, solveBasisSystems } from "../src/lp/basisSolve.ts";
import { benchInstances } from "./families.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1]! : dflt;
};
const RUNS = Number(opt("--runs", "5"));
const ONLY = opt("--only", "");
const NO_SOLVE = args.includes("--no-solve");
const NO_RATIONAL = args.includes("--no-rational");
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;

/** The LU inputs certifyBasis builds from a basis (same construction as certify.ts). */
function luInputs(model: LpModel, basis: BasisHint): { m: number; cols: SparseColumn[]; rhs: Rat[]; cB: Rat[] } {
  const n = model.variables.length;
  const m = model.rows.length;
  const colRows: number[][] = Array.from({ length: n }, () => []);
  const colVals: Rat[][] = Array.from({ length: n }, () => []);
  model.rows.forEach((r, i) => {
    for (const t of r.terms) {
      colRows[t.var]!.push(i);
      colVals[t.var]!.push(ratFromQ(t.coef));
    }
  });
  const cost: Rat[] = new Array(n).fill(RAT_ZERO);
  for (const t of model.objective) cost[t.var] = ratFromQ(t.coef);
  const basic: number[] = [];
  for (let j = 0; j < n; j++) if (basis.colStatus[j] === "basic") basic.push(j);
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] === "basic") basic.push(n + i);
  const rhs: Rat[] = new Array(m).fill(RAT_ZERO);
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] !== "basic") rhs[i] = ratFromQ(model.rows[i]!.rhs);
  for (let j = 0; j < n; j++) {
    const st = basis.colStatus[j];
    if (st === "basic") continue;
    const v = model.variables[j]!;
    const lo = v.lower === null ? null : ratFromQ(v.lower);
    const up = v.upper === null ? null : ratFromQ(v.upper);
    const xj = st === "upper" ? (up ?? lo ?? RAT_ZERO) : (lo ?? up ?? RAT_ZERO);
    if (xj.n === 0n) continue;
    colRows[j]!.forEach((i, k) => (rhs[i] = ratSub(rhs[i]!, ratMul(colVals[j]![k]!, xj))));
  }
  const cols = basic.map((v) => (v < n ? { rows: colRows[v]!, vals: colVals[v]! } : { rows: [v - n], vals: [ratNeg(RAT_ONE)] }));
  const cB = basic.map((v) => (v < n ? cost[v]! : RAT_ZERO));
  return { m, cols, rhs, cB };
}

async function main() {
  const engine = await loadHighs();
  await loadLpEngine();
  const wanted = ["n=2, K=20", "bench-T-cp-1", "bench-T-cp-2", "bench-T-nc-1", "bench-T-ind-1", "bench-T-cp-10", "bench-P-3-10"];
  const insts = benchInstances().filter((i) => wanted.some((w) => i.label === w || i.seed === w) && (ONLY === "" || i.seed.includes(ONLY) || i.label.includes(ONLY)));
  // warm the JIT
  {
    const w = benchInstances().find((i) => i.seed === "bench-T-cp-1")!.build();
    solveWithStats(w);
  }
  for (const inst of insts) {
    const model = inst.build();
    const tf: number[] = [];
    let basis: BasisHint | null = null;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const p = engine.propose(inst.build(), DEFAULT_SETTINGS);
      tf.push(performance.now() - t);
      basis = p.basis;
    }
    if (!basis) throw new Error(`no basis for ${inst.seed}`);
    const { m, cols, rhs, cB } = luInputs(model, basis);
    const tMod: number[] = [];
    const ms = {} as BasisSolveStats;
    let xm: Rat[] = [];
    let ym: Rat[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const s = solveBasisSystems(m, cols, rhs, cB, { stats: ms });
      tMod.push(performance.now() - t);
      xm = s.x!;
      ym = s.y!;
    }
    const tFac: number[] = [];
    const tSol: number[] = [];
    const tSolT: number[] = [];
    let lu: SparseLu | null = null;
    let x: Rat[] = xm;
    let y: Rat[] = ym;
    for (let r = 0; r < (NO_RATIONAL ? 0 : RUNS); r++) {
      let t = performance.now();
      lu = SparseLu.factor(m, cols);
      tFac.push(performance.now() - t);
      t = performance.now();
      x = lu.solve(rhs);
      tSol.push(performance.now() - t);
      t = performance.now();
      y = lu.solveTranspose(cB);
      tSolT.push(performance.now() - t);
    }
    const same = (a: Rat[], b: Rat[]) => a.length === b.length && a.every((v, i) => v.n === b[i]!.n && v.d === b[i]!.d);
    const maxBits = (v: Rat[]) => v.reduce((a, r) => [Math.max(a[0]!, bits(r.n)), Math.max(a[1]!, bits(r.d))], [0, 0]);
    const tCert: number[] = [];
    const luMs: number[] = [];
    if (!NO_SOLVE) {
      for (let r = 0; r < RUNS; r++) {
        const mm = inst.build();
        const t = performance.now();
        const { stats } = solveWithStats(mm);
        tCert.push(performance.now() - t);
        luMs.push(stats.luMs);
      }
    }
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `${inst.seed} (${inst.label}) ${m}×${model.variables.length}: highs ${f(median(tf))}; modular ${f(median(tMod))} ` +
        `(${ms.method}, primes ${ms.primesTried}, lift steps ${ms.liftSteps.join("/")}, L ${ms.nnzL} U ${ms.nnzU})` +
        (lu ? `; rational factor ${f(median(tFac))}, solve ${f(median(tSol))}, solveT ${f(median(tSolT))}; same x ${same(x, xm)} y ${same(y, ym)}` : "") +
        (NO_SOLVE ? "" : `; certified ${f(median(tCert))} (LU ${f(median(luMs))}), certified/highs ${(median(tCert) / median(tf)).toFixed(2)}×`) +
        `\n   bits x ${maxBits(xm).join("/")} y ${maxBits(ym).join("/")}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
