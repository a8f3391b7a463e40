/**
 * An LP oracle independent of every solver in src/lp: enumerate the vertices of a tiny pointed
 * polyhedron exactly (fraction.js Gaussian elimination on each n-subset of the rows and bounds
 * taken as equalities) and decide unboundedness from the recession cone cut by a box.
 */
import { type Q, ONE, ZERO } from "../../src/exact/rational.ts";
import type { LpModel, RowSense } from "../../src/lp/model.ts";

type Ineq = { a: Q[]; sense: RowSense; b: Q };

function solveSquare(A: Q[][], b: Q[]): Q[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = M.findIndex((row, i) => i >= c && row[c]!.n !== 0n);
    if (p < 0) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let i = 0; i < n; i++) {
      if (i === c || M[i]![c]!.n === 0n) continue;
      const f = M[i]![c]!.div(M[c]![c]!);
      M[i] = M[i]!.map((v, k) => v.sub(f.mul(M[c]![k]!)));
    }
  }
  return M.map((row, i) => row[n]!.div(row[i]!));
}
function holds(ineq: Ineq, x: Q[]): boolean {
  const act = ineq.a.reduce((s, a, j) => s.add(a.mul(x[j]!)), ZERO);
  const c = act.compare(ineq.b);
  return ineq.sense === "<=" ? c <= 0 : ineq.sense === ">=" ? c >= 0 : c === 0;
}
function subsets(k: number, n: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(k, n - 1), ...subsets(k - 1, n - 1).map((s) => [...s, n - 1])];
}
/** Best vertex of {x : ineqs}, assumed pointed; null if no vertex is feasible. */
function bestVertex(ineqs: Ineq[], c: Q[], max: boolean): Q | null {
  const n = c.length;
  let best: Q | null = null;
  for (const s of subsets(n, ineqs.length)) {
    const x = solveSquare(s.map((i) => ineqs[i]!.a), s.map((i) => ineqs[i]!.b));
    if (!x || !ineqs.every((h) => holds(h, x))) continue;
    const v = c.reduce((acc, cj, j) => acc.add(cj.mul(x[j]!)), ZERO);
    if (best === null || (max ? v.compare(best) > 0 : v.compare(best) < 0)) best = v;
  }
  return best;
}
/** "infeasible", "unbounded" or the optimal value as a fraction string (the polyhedron must be pointed). */
export function bruteForce(m: LpModel): string {
  const n = m.variables.length;
  const dense = (terms: LpModel["objective"]) => {
    const a: Q[] = new Array(n).fill(ZERO);
    for (const t of terms) a[t.var] = t.coef;
    return a;
  };
  const unit = (j: number, s = ONE) => Array.from({ length: n }, (_, k) => (k === j ? s : ZERO));
  const rows: Ineq[] = m.rows.map((r) => ({ a: dense(r.terms), sense: r.sense, b: r.rhs }));
  const bounds: Ineq[] = m.variables.flatMap((v, j) => [
    ...(v.lower !== null ? [{ a: unit(j), sense: ">=" as const, b: v.lower }] : []),
    ...(v.upper !== null ? [{ a: unit(j), sense: "<=" as const, b: v.upper }] : []),
  ]);
  const c = dense(m.objective);
  const max = m.direction === "max";
  const best = bestVertex([...rows, ...bounds], c, max);
  if (best === null) return "infeasible";
  // Recession cone ∩ box [−1,1]ⁿ (a polytope): an improving direction exists iff its optimum improves on 0.
  const cone: Ineq[] = [
    ...rows.map((r) => ({ ...r, b: ZERO })),
    ...bounds.map((h) => ({ ...h, b: ZERO })),
    ...Array.from({ length: n }, (_, j) => [{ a: unit(j), sense: "<=" as const, b: ONE }, { a: unit(j), sense: ">=" as const, b: ONE.neg() }]).flat(),
  ];
  const dirBest = bestVertex(cone, c, max)!; // r = 0 is always feasible
  if (max ? dirBest.compare(ZERO) > 0 : dirBest.compare(ZERO) < 0) return "unbounded";
  return best.add(m.objectiveConstant).toFraction();
}
