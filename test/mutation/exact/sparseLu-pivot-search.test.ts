// The Markowitz pivot search of SparseLu (src/exact/sparseLu.ts, lines ~108–195) over
// primeField(p): which pivot it takes decides the fill (stats.nnzL, nnzU), the count of
// singleton-column pivots and, for a singular matrix, which empty column or row it reports. The
// expected values come from a second, plain implementation of the documented rule written here
// (`model`; the ModLu analogue is test/mutation/exact/modLu-pivot-search.test.ts, whose search
// rule is the same but whose list updates differ, so its model cannot be reused as is):
//   * entries of a row in insertion order (initially by column; fill-in appended; a removed or
//     cancelled entry taken out without reordering the rest — the semantics of SparseLu's Maps and
//     Sets), a column's rows likewise;
//   * count lists ("buckets") read from their end; an entry whose column (row) is no longer active
//     or whose recorded count differs is removed by moving the list's last entry into its place;
//     an empty column or row met there is the singularity reported;
//   * a column j with c entries costs (|row i| − 1)(c − 1) per row i, a row i costs
//     (c − 1)(|col j| − 1) per column j, the first strictly cheapest is kept; stops: inside a column
//     list at ≤ (c − 1)² or 4 examined, inside a row list at ≤ c(c − 1) or 4, after the row list at
//     ≤ c² or 4;
//   * after a pivot, each updated row whose count changed is appended to the list of its new count
//     (in the order of the pivot column's rows), then each of the pivot row's other columns whose
//     count changed.
// The model holds entries in plain arrays with BigInt arithmetic mod p (no Maps, Sets or field
// object). A negative control runs the model with the mutant of line 115 (a new count list created
// holding a junk first entry, later dropped as stale — which moves that list's last entry to the
// front) and checks that it disagrees with SparseLu on some of the matrices.
import { describe, expect, it } from "vitest";
import { primeField } from "../../../src/exact/modular.ts";
import { type LuSingular, SparseLu } from "../../../src/exact/sparseLu.ts";
import type { ModColumn } from "../../../src/exact/modLu.ts";
import { compareWithModel, mulBackMod, randomModColumns, randomSingularModColumns } from "../../support/modularMatrices.ts";

type Outcome = LuSingular | { nnzL: number; nnzU: number; singletons: number };

const bm = (a: bigint, P: bigint) => ((a % P) + P) % P;
function invP(a: bigint, P: bigint): bigint {
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
/** Remove x from an ordered list, keeping the order of the rest. */
function without(list: number[], x: number): void {
  const t = list.indexOf(x);
  if (t < 0) throw new Error(`model: ${x} not in list`);
  list.splice(t, 1);
}
/** Remove position t of a count list by moving its last entry there. */
function removeAt(list: number[], t: number): void {
  list[t] = list[list.length - 1]!;
  list.pop();
}

function model(p: number, m: number, cols: readonly ModColumn[], junk = false): Outcome {
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
  const rowCnt = rowCols.map((r) => r.length);
  const colCnt = colRows.map((c) => c.length);
  const colsByCount = new Map<number, number[]>();
  const rowsByCount = new Map<number, number[]>();
  const file = (b: Map<number, number[]>, c: number, x: number) => {
    if (!b.has(c)) b.set(c, junk ? [-1] : []); // -1: the mutant's junk entry, never a live index
    b.get(c)!.push(x);
  };
  for (let i = 0; i < m; i++) file(rowsByCount, rowCnt[i]!, i);
  for (let j = 0; j < m; j++) file(colsByCount, colCnt[j]!, j);
  let nnzL = 0;
  let nnzU = 0;
  let singletons = 0;
  for (let k = 0; k < m; k++) {
    let best: [number, number] | null = null;
    let bestCost = Infinity;
    let examined = 0;
    search: for (let c = 0; c <= m; c++) {
      const cl = colsByCount.get(c) ?? [];
      for (let t = cl.length - 1; t >= 0; t--) {
        const j = cl[t]!;
        if (j < 0 || !colLive[j] || colCnt[j] !== c) {
          removeAt(cl, t);
          continue;
        }
        if (c === 0) return { singular: "column", index: j };
        for (const i of colRows[j]!) {
          const cost = (rowCnt[i]! - 1) * (c - 1);
          if (cost < bestCost) [bestCost, best] = [cost, [i, j]];
        }
        examined++;
        if (bestCost <= (c - 1) * (c - 1) || examined >= 4) break;
      }
      if (best !== null && (bestCost <= (c - 1) * (c - 1) || examined >= 4)) break search;
      const rl = rowsByCount.get(c) ?? [];
      for (let t = rl.length - 1; t >= 0; t--) {
        const i = rl[t]!;
        if (i < 0 || !rowLive[i] || rowCnt[i] !== c) {
          removeAt(rl, t);
          continue;
        }
        if (c === 0) return { singular: "row", index: i };
        for (const j of rowCols[i]!) {
          const cost = (c - 1) * (colCnt[j]! - 1);
          if (cost < bestCost) [bestCost, best] = [cost, [i, j]];
        }
        examined++;
        if (bestCost <= c * (c - 1) || examined >= 4) break;
      }
      if (best !== null && (bestCost <= c * c || examined >= 4)) break search;
    }
    if (best === null) return { singular: "column", index: -1 };
    const [r, q] = best;
    if (colCnt[q] === 1) singletons++;
    const uCols: number[] = [];
    const uVals: bigint[] = [];
    let pivot = 0n;
    rowCols[r]!.forEach((j, s) => {
      without(colRows[j]!, r);
      if (j === q) pivot = rowVals[r]![s]!;
      else {
        uCols.push(j);
        uVals.push(rowVals[r]![s]!);
      }
    });
    nnzU += uCols.length;
    rowLive[r] = false;
    colLive[q] = false;
    const inv = invP(pivot, P);
    for (const i of colRows[q]!) {
      const rc = rowCols[i]!;
      const rv = rowVals[i]!;
      const at = rc.indexOf(q);
      const l = bm(rv[at]! * inv, P);
      rc.splice(at, 1);
      rv.splice(at, 1);
      nnzL++;
      uCols.forEach((j, s) => {
        const lu = bm(l * uVals[s]!, P);
        const t = rc.indexOf(j);
        if (t < 0) {
          rc.push(j);
          rv.push(bm(-lu, P));
          colRows[j]!.push(i);
        } else {
          const nv = bm(rv[t]! - lu, P);
          if (nv === 0n) {
            rc.splice(t, 1);
            rv.splice(t, 1);
            without(colRows[j]!, i);
          } else rv[t] = nv;
        }
      });
      if (rc.length !== rowCnt[i]) {
        rowCnt[i] = rc.length;
        file(rowsByCount, rc.length, i);
      }
    }
    colRows[q] = [];
    rowCols[r] = [];
    rowVals[r] = [];
    for (const j of uCols) {
      if (colRows[j]!.length !== colCnt[j]) {
        colCnt[j] = colRows[j]!.length;
        file(colsByCount, colCnt[j]!, j);
      }
    }
  }
  return { nnzL, nnzU, singletons };
}

function outcome(p: number, m: number, cols: readonly ModColumn[]): Outcome {
  const F = SparseLu.factorOver(primeField(p), m, cols);
  return F instanceof SparseLu ? { nnzL: F.stats.nnzL, nnzU: F.stats.nnzU, singletons: F.stats.singletonColumnPivots } : { singular: F.singular, index: F.index };
}

/** Structured random matrices (permuted diagonal, some dense rows) and fully random ones (often singular), m = 2 … 24. */
function battery(): { m: number; p: number; cols: ModColumn[] }[] {
  const out: { m: number; p: number; cols: ModColumn[] }[] = [];
  let seed = 1;
  for (const m of [2, 3, 4, 5, 6, 8, 10, 12, 16, 24])
    for (const p of [2, 3, 7, 67108859])
      for (const dens of [0.15, 0.3, 0.5])
        for (const dr of [0, 1, 2]) for (let rep = 0; rep < 3; rep++) out.push({ m, p, cols: randomModColumns(m, p, dens, dr, seed++) });
  for (const m of [3, 4, 5, 6, 8, 12])
    for (const p of [2, 3, 7])
      for (let rep = 0; rep < 30; rep++) out.push({ m, p, cols: randomSingularModColumns(m, p, seed++) });
  return out;
}

describe("SparseLu's pivot search against a plain model of the documented rule", () => {
  const cases = battery();

  it("hand check: [[1, 1, 0], [1, 1, 1], [0, 1, 1]] mod 7", () => {
    // Counts: columns 2, 3, 2; rows 2, 3, 2. c = 2, column list [0, 2] read from the end: column 2
    // (rows 1: cost (3−1)(2−1) = 2, then 2: cost (2−1)·1 = 1) → best (row 2, column 2), 1 ≤ (2−1)²:
    // stop. U row 2 = {column 1}; row 1 − 1·row 2: column 1 cancels (1 − 1 = 0), row 1 keeps
    // column 0 only; L gets row 1. Column 1 now holds row 0 only (count 3 → 1), column 0 rows
    // 0, 1. Next, c = 1: column 1 (row 0, cost (2−1)·0 = 0) → pivot (0, 1), a singleton column;
    // U gets column 0, L nothing. Last, column 0 = {row 1}: singleton, no fill.
    // nnzL = 1, nnzU = 2, singleton-column pivots 2.
    const cols = [
      { rows: [0, 1], vals: [1, 1] },
      { rows: [0, 1, 2], vals: [1, 1, 1] },
      { rows: [1, 2], vals: [1, 1] },
    ];
    expect(model(7, 3, cols)).toEqual({ nnzL: 1, nnzU: 2, singletons: 2 });
    expect(outcome(7, 3, cols)).toEqual({ nnzL: 1, nnzU: 2, singletons: 2 });
  });

  it(`same fill, singleton pivots or singular column / row on ${cases.length} matrices`, () => {
    const { factored, singular, wrong } = compareWithModel(cases, "SparseLu", model, outcome);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(factored).toBeGreaterThan(300);
    expect(singular).toBeGreaterThan(300);
  });

  it("the factorizations compared are right (solutions multiplied back in BigInt)", () => {
    let checked = 0;
    for (const c of cases.slice(0, 300)) {
      const F = SparseLu.factorOver(primeField(c.p), c.m, c.cols);
      if (!(F instanceof SparseLu)) continue;
      const w = Array.from({ length: c.m }, (_, i) => (i * 31 + 5) % c.p);
      expect(mulBackMod(c.cols, c.m, c.p, F.solve(w), false)).toEqual(w);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("negative control: the model with line 115's mutant (a junk first entry in each new count list) disagrees on some matrices", () => {
    const differ = cases.filter((c) => JSON.stringify(model(c.p, c.m, c.cols, true)) !== JSON.stringify(outcome(c.p, c.m, c.cols))).length;
    expect(differ).toBeGreaterThan(0);
  });
});
