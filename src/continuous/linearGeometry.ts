/**
 * Exact planar geometry shared by the linear Chung–Ely mechanisms (chungElyPublicGood.ts,
 * chungElyTrade.ts): points of the signal square [0, 1]², convex polygons clipped by a closed
 * half-plane {g ≥ 0} with g affine (Sutherland–Hodgman, exact), twice the area, the vertex
 * average, and the sorted breakpoints of a piecewise-linear cutoff.
 */
import { type Q, ZERO, ONE, q } from "../exact/rational.ts";

/** A point (s_1, s_2) of the signal square. */
export type Point = readonly [Q, Q];

/** Clip a convex polygon with the closed half-plane {g ≥ 0}, g affine (Sutherland–Hodgman, exact); repeated vertices dropped. */
export function clipPolygon(poly: readonly Point[], g: (s1: Q, s2: Q) => Q): Point[] {
  const out: Point[] = [];
  for (let k = 0; k < poly.length; k++) {
    const P = poly[k]!;
    const R = poly[(k + 1) % poly.length]!;
    const gp = g(P[0], P[1]);
    const gr = g(R[0], R[1]);
    if (gp.compare(ZERO) >= 0) out.push(P);
    if ((gp.compare(ZERO) > 0 && gr.compare(ZERO) < 0) || (gp.compare(ZERO) < 0 && gr.compare(ZERO) > 0)) {
      const t = gp.div(gp.sub(gr));
      out.push([P[0].add(R[0].sub(P[0]).mul(t)), P[1].add(R[1].sub(P[1]).mul(t))]);
    }
  }
  // drop repeated vertices
  return out.filter((p, k) => {
    const r = out[(k + 1) % out.length]!;
    return out.length === 1 || !(p[0].equals(r[0]) && p[1].equals(r[1]));
  });
}

/** Twice the (unsigned) area of a polygon (shoelace). */
export function area2(poly: readonly Point[]): Q {
  let a = ZERO;
  for (let k = 0; k < poly.length; k++) {
    const P = poly[k]!;
    const R = poly[(k + 1) % poly.length]!;
    a = a.add(P[0].mul(R[1]).sub(R[0].mul(P[1])));
  }
  return a.abs();
}

/** The average of a polygon's vertices (an interior point when the polygon is convex with positive area). */
export function vertexAverage(poly: readonly Point[]): Point {
  const n = q(poly.length);
  return [poly.reduce((s, p) => s.add(p[0]), ZERO).div(n), poly.reduce((s, p) => s.add(p[1]), ZERO).div(n)];
}

/** The candidates xs that lie in (0, 1), with 0 and 1, sorted and without repeats. */
export function unitBreaks(xs: readonly Q[]): Q[] {
  const all = [ZERO, ONE, ...xs.filter((x) => x.compare(ZERO) > 0 && x.compare(ONE) < 0)];
  all.sort((u, v) => u.compare(v));
  return all.filter((x, k) => k === 0 || !x.equals(all[k - 1]!));
}
