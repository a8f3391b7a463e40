// The Markowitz pivot search of the typed-array modular LU (src/exact/modLu.ts, lines 130–187):
// which pivot it takes decides the fill of L and U (ModLu.nnzL / nnzU, reported in the basis-solve
// stats) and, for a singular matrix, which empty column or row it reports. The expected values come
// from a second, plain implementation of the documented search, written here (`model`): entries as
// BigInt residues in per-row lists, the elimination in BigInt arithmetic mod p, and the search rule
// spelled out step by step —
//   * candidates are read by entry count c = 0, 1, …, m: first the columns with c entries, then the
//     rows with c entries; each count's list is read from its end, and an entry whose column (row)
//     has left the active matrix or changed count is removed by moving the list's last entry into
//     its place (an empty column or row found there is the singularity reported);
//   * a column j costs (|row i| − 1)(c − 1) for each of its rows i, a row i costs (c − 1)(|col j| − 1)
//     for each of its columns j; the first strictly cheapest candidate is kept;
//   * the search stops inside a column list when the best cost is ≤ (c − 1)² (no later candidate
//     can be cheaper) or after 4 columns and rows examined, inside a row list at ≤ c(c − 1) or 4
//     examined, and after the row list at ≤ c² or 4 examined;
//   * lists are updated as ModLu documents: a row's entries in column order, an entry removed by
//     moving the row's last entry into its place, fill-in appended, cancelled entries dropped in
//     order; a column's rows likewise; after a pivot, the updated rows are appended to the lists of
//     their new counts (in the order of the pivot column's rows), then the pivot row's other columns.
// The model shares the rule, not the code (no typed arrays, no position maps, BigInt arithmetic,
// no map budget), so a change to any stopping test, cost or list update of ModLu's search that
// changes a pivot shows up as a different fill or singular verdict on some of the matrices below.
// A negative control checks that the comparison notices a search with a different stopping rule.
import { describe, expect, it } from "vitest";
import { ModLu, type ModColumn } from "../../../src/exact/modLu.ts";
import { compareWithModel, mulBackMod, randomModColumns, randomSingularModColumns } from "../../support/modularMatrices.ts";

type Outcome = { singular: "column" | "row"; index: number } | { nnzL: number; nnzU: number };

interface Rule {
  limit: number;
  /** the stopping bound inside the column list for count c (ModLu: (c − 1)²) */
  colBound: (c: number) => number;
}
const MODLU_RULE: Rule = { limit: 4, colBound: (c) => (c - 1) * (c - 1) };

/** Move the last entry of `list` into position t and shorten the list by one. */
function removeAt<T>(list: T[], t: number): void {
  list[t] = list[list.length - 1]!;
  list.pop();
}
function dropValue(list: number[], x: number): void {
  const t = list.indexOf(x);
  if (t < 0) throw new Error(`model: ${x} not in list`);
  removeAt(list, t);
}
const bm = (a: bigint, P: bigint) => ((a % P) + P) % P;
function invP(a: bigint, P: bigint): bigint {
  // Fermat: a^(P−2) mod P
  let r = 1n;
  let b = bm(a, P);
  let e = P - 2n;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return r;
}

function model(p: number, m: number, cols: readonly ModColumn[], rule: Rule = MODLU_RULE): Outcome {
  const P = BigInt(p);
  const rowCols: number[][] = Array.from({ length: m }, () => []);
  const rowVals: bigint[][] = Array.from({ length: m }, () => []);
  const colRows: number[][] = [];
  cols.forEach((c, j) => {
    const list: number[] = [];
    for (let k = 0; k < c.rows.length; k++) {
      if (c.vals[k] === 0) continue;
      rowCols[c.rows[k]!]!.push(j);
      rowVals[c.rows[k]!]!.push(BigInt(c.vals[k]!));
      list.push(c.rows[k]!);
    }
    colRows.push(list);
  });
  const rowLive = new Array<boolean>(m).fill(true);
  const colLive = new Array<boolean>(m).fill(true);
  const colsByCount = new Map<number, number[]>();
  const rowsByCount = new Map<number, number[]>();
  const file = (b: Map<number, number[]>, c: number, x: number) => {
    if (!b.has(c)) b.set(c, []);
    b.get(c)!.push(x);
  };
  for (let i = 0; i < m; i++) file(rowsByCount, rowCols[i]!.length, i);
  for (let j = 0; j < m; j++) file(colsByCount, colRows[j]!.length, j);
  let nnzL = 0;
  let nnzU = 0;
  for (let k = 0; k < m; k++) {
    let best: [number, number] | null = null;
    let bestCost = Infinity;
    let examined = 0;
    search: for (let c = 0; c <= m; c++) {
      const cl = colsByCount.get(c) ?? [];
      for (let t = cl.length - 1; t >= 0; t--) {
        const j = cl[t]!;
        if (!colLive[j] || colRows[j]!.length !== c) {
          removeAt(cl, t);
          continue;
        }
        if (c === 0) return { singular: "column", index: j };
        for (const i of colRows[j]!) {
          const cost = (rowCols[i]!.length - 1) * (c - 1);
          if (cost < bestCost) [bestCost, best] = [cost, [i, j]];
        }
        examined++;
        if (bestCost <= rule.colBound(c) || examined >= rule.limit) break;
      }
      if (best !== null && (bestCost <= rule.colBound(c) || examined >= rule.limit)) break search;
      const rl = rowsByCount.get(c) ?? [];
      for (let t = rl.length - 1; t >= 0; t--) {
        const i = rl[t]!;
        if (!rowLive[i] || rowCols[i]!.length !== c) {
          removeAt(rl, t);
          continue;
        }
        if (c === 0) return { singular: "row", index: i };
        for (const j of rowCols[i]!) {
          const cost = (c - 1) * (colRows[j]!.length - 1);
          if (cost < bestCost) [bestCost, best] = [cost, [i, j]];
        }
        examined++;
        if (bestCost <= c * (c - 1) || examined >= rule.limit) break;
      }
      if (best !== null && (bestCost <= c * c || examined >= rule.limit)) break search;
    }
    if (best === null) throw new Error("model: no candidate");
    const [r, q] = best;
    // the pivot row: its other entries form the U row
    const uCols: number[] = [];
    const uVals: bigint[] = [];
    let pivot = 0n;
    rowCols[r]!.forEach((j, s) => {
      dropValue(colRows[j]!, r);
      if (j === q) pivot = rowVals[r]![s]!;
      else {
        uCols.push(j);
        uVals.push(rowVals[r]![s]!);
      }
    });
    nnzU += uCols.length;
    rowLive[r] = false;
    colLive[q] = false;
    rowCols[r] = [];
    rowVals[r] = [];
    const inv = invP(pivot, P);
    for (const i of colRows[q]!) {
      const rc = rowCols[i]!;
      const rv = rowVals[i]!;
      const at = rc.indexOf(q);
      const l = bm(rv[at]! * inv, P);
      nnzL++;
      removeAt(rc, at);
      removeAt(rv, at);
      let cancelled = false;
      uCols.forEach((j, s) => {
        const lu = bm(l * uVals[s]!, P);
        const t = rc.indexOf(j);
        if (t < 0) {
          rc.push(j);
          rv.push(bm(-lu, P));
          colRows[j]!.push(i);
        } else {
          rv[t] = bm(rv[t]! - lu, P);
          if (rv[t] === 0n) cancelled = true;
        }
      });
      if (cancelled) {
        const keepC: number[] = [];
        const keepV: bigint[] = [];
        rc.forEach((j, s) => {
          if (rv[s] === 0n) dropValue(colRows[j]!, i);
          else {
            keepC.push(j);
            keepV.push(rv[s]!);
          }
        });
        rowCols[i] = keepC;
        rowVals[i] = keepV;
      }
      file(rowsByCount, rowCols[i]!.length, i);
    }
    colRows[q] = [];
    for (const j of uCols) file(colsByCount, colRows[j]!.length, j);
  }
  return { nnzL, nnzU };
}

function outcome(p: number, m: number, cols: readonly ModColumn[]): Outcome {
  const F = ModLu.factor(p, m, cols);
  return F instanceof ModLu ? { nnzL: F.nnzL, nnzU: F.nnzU } : { singular: F.singular, index: F.index };
}

/** The matrices compared: structured random ones (permuted diagonal, some dense rows) and fully random ones (often singular). */
function battery(): { m: number; p: number; cols: ModColumn[] }[] {
  const out: { m: number; p: number; cols: ModColumn[] }[] = [];
  let seed = 1;
  for (const m of [2, 3, 4, 5, 6, 7, 8, 10, 12])
    for (const p of [2, 3, 7, 67108859])
      for (const dens of [0.2, 0.35, 0.5, 0.7])
        for (const dr of [0, 1, 2]) for (let rep = 0; rep < 4; rep++) out.push({ m, p, cols: randomModColumns(m, p, dens, dr, seed++) });
  for (const m of [2, 3, 4, 5, 6, 8])
    for (const p of [2, 3, 7])
      for (let rep = 0; rep < 30; rep++) out.push({ m, p, cols: randomSingularModColumns(m, p, seed++) });
  return out;
}

/** Larger sparse matrices (m = 10 … 40, a nonzero diagonal plus random entries; moduli 2, 3 and a large prime), where the search runs past its first bucket, tie order matters over many steps, and the rarer stopping tests decide. */
function largerBattery(): { m: number; p: number; cols: ModColumn[] }[] {
  const out: { m: number; p: number; cols: ModColumn[] }[] = [];
  let seed = 100000;
  for (const m of [10, 16, 24, 40])
    for (let rep = 0; rep < 150; rep++) {
      let s = seed++ >>> 0;
      const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
      const p = rep % 3 === 0 ? 2 : rep % 3 === 1 ? 3 : 67108859;
      const dens = [0.1, 0.15, 0.25][rep % 3]!;
      const cols: ModColumn[] = [];
      for (let j = 0; j < m; j++) {
        const rows: number[] = [];
        const vals: number[] = [];
        for (let i = 0; i < m; i++)
          if (next() % 1000 < dens * 1000 || i === j) {
            rows.push(i);
            vals.push(1 + (next() % (p - 1)));
          }
        cols.push({ rows, vals });
      }
      out.push({ m, p, cols }, { m, p, cols: randomModColumns(m, p, dens / 2, rep % 4, seed * 7) });
    }
  return out;
}

describe("ModLu's pivot search against a plain model of the documented rule", () => {
  const cases = battery();

  it("hand check of the model: [[1, 1, 0], [1, 1, 1], [0, 1, 1]] mod 7", () => {
    // counts: columns 2, 3, 2; rows 2, 3, 2. c = 2: column 2 first (lists are read from the end):
    // rows 1 (3 entries, cost 2·1 = 2) and 2 (cost 1·1 = 1) → best (2, 2) at cost 1 ≤ (2−1)²: stop.
    // U row 2 = {column 1}; row 1 − 1·row 2 leaves (1, 0) in columns 0, 1 → column 1 cancels
    // (1 − 1 = 0), L gets row 1. Then column 1 holds row 0 only, column 0 rows 0, 1:
    // c = 1: column 1 (row 0, cost (2−1)·0 = 0) → pivot (0, 1), U gets column 0, L nothing;
    // row 1 is then the last pivot. nnzL = 1, nnzU = 2.
    const cols = [
      { rows: [0, 1], vals: [1, 1] },
      { rows: [0, 1, 2], vals: [1, 1, 1] },
      { rows: [1, 2], vals: [1, 1] },
    ];
    expect(model(7, 3, cols)).toEqual({ nnzL: 1, nnzU: 2 });
    expect(outcome(7, 3, cols)).toEqual({ nnzL: 1, nnzU: 2 });
  });

  it("same fill (nnzL, nnzU) or the same singular column / row on 2,268 small matrices (m = 2 … 12)", () => {
    const { factored, singular, wrong } = compareWithModel(cases, "ModLu", model, outcome);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(factored).toBeGreaterThan(500);
    expect(singular).toBeGreaterThan(500);
  });

  it("the same on 1,200 larger sparse matrices (m = 10 … 40)", () => {
    const { factored, singular, wrong } = compareWithModel(largerBattery(), "ModLu", model, outcome);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(factored).toBeGreaterThan(400);
    expect(singular).toBeGreaterThan(400);
  });

  it("the factorizations compared are right (solutions multiplied back in BigInt)", () => {
    for (const c of cases.slice(0, 400)) {
      const F = ModLu.factor(c.p, c.m, c.cols);
      if (!(F instanceof ModLu)) continue;
      const w = Array.from({ length: c.m }, (_, i) => (i * 31 + 5) % c.p);
      const x = new Array<number>(c.m).fill(-1);
      F.solveInPlace(w.slice(), x);
      expect(mulBackMod(c.cols, c.m, c.p, x, false)).toEqual(w);
    }
  });

  it("negative control: a search stopping after 3 examined, or never inside a column list, disagrees on some matrices", () => {
    const other = (rule: Rule) => cases.filter((c) => JSON.stringify(model(c.p, c.m, c.cols, rule)) !== JSON.stringify(outcome(c.p, c.m, c.cols))).length;
    expect(other({ limit: 3, colBound: MODLU_RULE.colBound })).toBeGreaterThan(0);
    expect(other({ limit: 4, colBound: () => -1 })).toBeGreaterThan(0);
  });
});
