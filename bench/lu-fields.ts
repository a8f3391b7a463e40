/**
 * The same sparse LU (src/exact/sparseLu.ts) over fraction.js (`Q_FIELD`) and over the hot-loop
 * rational (`RAT_FIELD`, src/exact/fastRational.ts), on HiGHS's optimal basis of a few bench
 * instances: the measurement behind using `Rat` as the hot-loop rational (not part of `npm run bench`).
 *
 *   node --import tsx bench/lu-fields.ts [seed,seed,…]
 */
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import type { BasisHint, LpModel } from "../src/lp/model.ts";
import { Q_FIELD, RAT_FIELD } from "../src/exact/field.ts";
import { ratFromQ } from "../src/exact/fastRational.ts";
import { SparseLu } from "../src/exact/sparseLu.ts";
import { q, type Q } from "../src/exact/rational.ts";
import { benchInstances } from "./families.ts";

function basisCols(model: LpModel, basis: BasisHint): { m: number; cols: { rows: number[]; vals: Q[] }[] } {
  const n = model.variables.length;
  const m = model.rows.length;
  const colRows: number[][] = Array.from({ length: n }, () => []);
  const colVals: Q[][] = Array.from({ length: n }, () => []);
  model.rows.forEach((r, i) => r.terms.forEach((t) => (colRows[t.var]!.push(i), colVals[t.var]!.push(t.coef))));
  const cols: { rows: number[]; vals: Q[] }[] = [];
  for (let j = 0; j < n; j++) if (basis.colStatus[j] === "basic") cols.push({ rows: colRows[j]!, vals: colVals[j]! });
  for (let i = 0; i < m; i++) if (basis.rowStatus[i] === "basic") cols.push({ rows: [i], vals: [q(-1)] });
  return { m, cols };
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const engine = await loadHighs();
for (const seed of (process.argv[2] ?? "bench-T-cp-1,bench-T-ind-1,bench-P-2-20").split(",")) {
  const inst = benchInstances().find((i) => i.seed === seed)!;
  const model = inst.build();
  const { basis } = engine.propose(model, DEFAULT_SETTINGS);
  const { m, cols } = basisCols(model, basis!);
  const rcols = cols.map((c) => ({ rows: c.rows, vals: c.vals.map(ratFromQ) }));
  const tq: number[] = [];
  const tr: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    SparseLu.factorOver(RAT_FIELD, m, rcols);
    tr.push(performance.now() - t);
    t = performance.now();
    SparseLu.factorOver(Q_FIELD, m, cols);
    tq.push(performance.now() - t);
  }
  console.log(`${seed} m=${m}: factor over Rat ${median(tr).toFixed(0)} ms, over fraction.js ${median(tq).toFixed(0)} ms (×${(median(tq) / median(tr)).toFixed(2)})`);
}
