/**
 * Chung–Ely (2002) §5: two agents, signals s_1, s_2 ∈ [0, 1], a public project of cost c, values
 * v_i(s) weakly increasing and strictly increasing in the own signal; value of no project 0;
 * deterministic provision rules f : S → {0, 1}; budget balance: f(s) = 1 ⇒ t_1(s) + t_2(s) ≥ c
 * (exact: = c); payments paid BY the agents.
 *
 * Exact linear case: v_1 = a1·s_1 + b1·s_2 + c1, v_2 = a2·s_2 + b2·s_1 + c2 (rational), so
 * V = v_1 + v_2 = K1·s_1 + K2·s_2 + K0 with K1 = a1 + b2, K2 = a2 + b1, K0 = c1 + c2.
 * A provision rule given by a closed convex "provide" region P (the efficient rule: V ≥ c; a
 * threshold contribution rule, Def 12: v_1 ≥ v̄_1 and v_2 ≥ v̄_2) has generalized VCG payments
 * (seed: proof of Thm 9) t_i(s) = inf{v_i(s̃_i, s_{-i}) : (s̃_i, s_{-i}) ∈ P} on P, 0 off P; with
 * v_i increasing in s_i that is v_i(g_i(s_{-i}), s_{-i}), g_i the lowest provide signal.
 * The budget B(s) = t_1 + t_2 − c is linear on each cell where the cutoffs g_i are affine;
 * `budgetRange` clips the cells with P and evaluates B at the vertices (exact).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, ZERO, ONE, qmax, qstr } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { area2, clipPolygon, unitBreaks, vertexAverage, type Point } from "../continuous/linearGeometry.ts";

export { area2, type Point };

/**
 * A two-agent public good with linear interdependent values ([ChungEly2002, §5]): v_1 = a1·s_1 +
 * b1·s_2 + c1, v_2 = a2·s_2 + b2·s_1 + c2 and cost c, rational.
 */
export interface LinearPublicGood {
  readonly a1: Q;
  readonly b1: Q;
  readonly c1: Q;
  readonly a2: Q;
  readonly b2: Q;
  readonly c2: Q;
  readonly cost: Q;
}

/** A half-plane {s : k1·s_1 + k2·s_2 + k0 ≥ 0}. */
export interface HalfPlane {
  readonly k1: Q;
  readonly k2: Q;
  readonly k0: Q;
}

/** Agent i's value v_i(s_1, s_2) of the project, exact. */
export const value = (G: LinearPublicGood, i: 0 | 1, s1: Q, s2: Q): Q => (i === 0 ? G.a1.mul(s1).add(G.b1.mul(s2)).add(G.c1) : G.a2.mul(s2).add(G.b2.mul(s1)).add(G.c2));
/** The total value v_1(s) + v_2(s) of the project, exact. */
export const total = (G: LinearPublicGood, s1: Q, s2: Q): Q => value(G, 0, s1, s2).add(value(G, 1, s1, s2));

/** Values weakly increasing, strictly in the own signal. */
export const increasingValues = (G: LinearPublicGood): boolean =>
  G.a1.compare(ZERO) > 0 && G.a2.compare(ZERO) > 0 && G.b1.compare(ZERO) >= 0 && G.b2.compare(ZERO) >= 0;

/** V(0, 0) < c < V(1, 1): the project is sometimes, not always, efficient. */
export const nonTrivialProvision = (G: LinearPublicGood): boolean => total(G, ZERO, ZERO).compare(G.cost) < 0 && total(G, ONE, ONE).compare(G.cost) > 0;

/** Def 11 in the linear case: d/ds_1 (v_1 − v_2) = a1 − b2, d/ds_2 (v_2 − v_1) = a2 − b1. */
export function differencesClass(G: LinearPublicGood): "common values" | "increasing" | "decreasing" | "mixed" {
  if (G.a1.equals(G.b2) && G.a2.equals(G.b1) && G.c1.equals(G.c2)) return "common values";
  const d1 = G.a1.compare(G.b2);
  const d2 = G.a2.compare(G.b1);
  if (d1 > 0 && d2 > 0) return "increasing";
  if (d1 < 0 && d2 < 0) return "decreasing";
  return "mixed";
}

/** The efficient rule's provide region V(s) ≥ c, as half-planes. */
export const efficientRegion = (G: LinearPublicGood): HalfPlane[] => [{ k1: G.a1.add(G.b2), k2: G.a2.add(G.b1), k0: G.c1.add(G.c2).sub(G.cost) }];

/**
 * The provide region of a threshold contribution rule ([ChungEly2002, Def 12]): v_1(s) ≥ v̄_1 and
 * v_2(s) ≥ v̄_2, as half-planes.
 */
export const thresholdRegion = (G: LinearPublicGood, vbar1: Q, vbar2: Q): HalfPlane[] => [
  { k1: G.a1, k2: G.b1, k0: G.c1.sub(vbar1) },
  { k1: G.b2, k2: G.a2, k0: G.c2.sub(vbar2) },
];

const evalH = (h: HalfPlane, s1: Q, s2: Q): Q => h.k1.mul(s1).add(h.k2.mul(s2)).add(h.k0);
/** Whether a state lies in a provide region (every half-plane ≥ 0), exact. */
export const provides = (region: readonly HalfPlane[], s1: Q, s2: Q): boolean => region.every((h) => evalH(h, s1, s2).compare(ZERO) >= 0);

/**
 * The lowest own signal of agent i at which the project is provided given the other's signal
 * (the region is closed, so the infimum is attained), or null if never. Each half-plane is a
 * lower bound on s_i when its s_i-coefficient is positive, and a constant test when it is zero
 * (negative coefficients are not used: the regions here are monotone).
 */
export function cutoff(region: readonly HalfPlane[], i: 0 | 1, other: Q): Q | null {
  requireUnit(other, `s_${2 - i}`);
  let lo = ZERO;
  for (const h of region) {
    const own = i === 0 ? h.k1 : h.k2;
    const rest = (i === 0 ? h.k2 : h.k1).mul(other).add(h.k0);
    if (own.compare(ZERO) < 0) throw new MechcheckError("non-monotone", `cutoff: the provide region decreases in agent ${i + 1}'s own signal (coefficient ${qstr(own)} < 0); the generalized VCG needs a monotone rule`, { path: `region.k${i + 1}`, value: qstr(own) });
    if (own.compare(ZERO) === 0) {
      if (rest.compare(ZERO) < 0) return null;
      continue;
    }
    lo = qmax(lo, rest.neg().div(own));
  }
  return lo.compare(ONE) > 0 ? null : lo;
}

/**
 * The continuum model's signals live in [0, 1] (the cutoffs are infima over [0, 1]): a signal
 * outside it is refused, never clamped (a clamped cutoff on a grid such as {0, …, 3} gave payments
 * that are not EPIC, silently). For other grids use `gridVcgOnGrid`.
 */
function requireUnit(x: Q, path: string): void {
  if (x.compare(ZERO) < 0 || x.compare(ONE) > 0) {
    throw new MechcheckError("outside-domain", `${path} = ${qstr(x)} is outside the signal interval [0, 1] of the continuum Chung–Ely model (use the grid generalized VCG for other grids)`, { path, value: qstr(x) });
  }
}

/** Generalized VCG payments [t_1, t_2] at s ∈ [0, 1]² (the continuum mechanism; signals outside [0, 1] are refused). */
export function vcgPayments(G: LinearPublicGood, region: readonly HalfPlane[], s1: Q, s2: Q): [Q, Q] {
  requireUnit(s1, "s_1");
  requireUnit(s2, "s_2");
  if (!provides(region, s1, s2)) return [ZERO, ZERO];
  const g1 = cutoff(region, 0, s2);
  const g2 = cutoff(region, 1, s1);
  if (g1 === null || g2 === null) throw new InternalError("vcgPayments: a provide state without a cutoff (bug)");
  return [value(G, 0, g1, s2), value(G, 1, s1, g2)];
}

/** Signals in (0, 1) where some bound of some cutoff of agent i crosses 0 or 1, or where two bounds cross. */
function cutoffBreaks(region: readonly HalfPlane[], i: 0 | 1): Q[] {
  const xs: Q[] = [];
  const bound = (h: HalfPlane) => ({ own: i === 0 ? h.k1 : h.k2, slope: i === 0 ? h.k2 : h.k1, k0: h.k0 });
  for (const h of region) {
    const { own, slope, k0 } = bound(h);
    if (slope.compare(ZERO) === 0) continue;
    if (own.compare(ZERO) === 0) {
      xs.push(k0.neg().div(slope)); // the constant test changes sign
      continue;
    }
    // −(slope·x + k0)/own ∈ {0, 1}
    xs.push(k0.neg().div(slope), own.neg().sub(k0).div(slope));
  }
  for (let a = 0; a < region.length; a++) for (let b = a + 1; b < region.length; b++) {
    const A = bound(region[a]!);
    const B = bound(region[b]!);
    if (A.own.compare(ZERO) === 0 || B.own.compare(ZERO) === 0) continue;
    // −(A.slope x + A.k0)/A.own = −(B.slope x + B.k0)/B.own
    const lhs = A.slope.mul(B.own).sub(B.slope.mul(A.own));
    if (lhs.compare(ZERO) !== 0) xs.push(B.k0.mul(A.own).sub(A.k0.mul(B.own)).div(lhs));
  }
  return unitBreaks(xs);
}

/** The provide region cut into cells on which both cutoffs (hence B) are affine. */
export function provideCells(region: readonly HalfPlane[]): Point[][] {
  const xs = cutoffBreaks(region, 1); // g_2 depends on s_1
  const ys = cutoffBreaks(region, 0); // g_1 depends on s_2
  const out: Point[][] = [];
  for (let x = 0; x + 1 < xs.length; x++) for (let y = 0; y + 1 < ys.length; y++) {
    let poly: Point[] = [[xs[x]!, ys[y]!], [xs[x + 1]!, ys[y]!], [xs[x + 1]!, ys[y + 1]!], [xs[x]!, ys[y + 1]!]];
    for (const h of region) poly = clipPolygon(poly, (s1, s2) => evalH(h, s1, s2));
    if (poly.length > 0) out.push(poly);
  }
  return out;
}

/**
 * The exact minimum and maximum of the generalized VCG budget B = t_1 + t_2 − c over a closed
 * provide region, where they are attained, an interior state of strict deficit if any, and the
 * number of cells.
 */
export interface BudgetRange {
  readonly min: Q;
  readonly argmin: Point;
  readonly max: Q;
  readonly argmax: Point;
  /** An interior provide state (vertex average of a positive-area cell) with B < 0, if any. */
  readonly strictDeficitAt: Point | null;
  readonly cells: number;
}

/** min and max of B = t_1 + t_2 − c over the closed provide region, exactly. */
export function budgetRange(G: LinearPublicGood, region: readonly HalfPlane[]): BudgetRange | null {
  const cells = provideCells(region);
  let r: { min: Q; argmin: Point; max: Q; argmax: Point } | null = null;
  let strict: Point | null = null;
  for (const poly of cells) {
    const bs = poly.map((p) => {
      const [t1, t2] = vcgPayments(G, region, p[0], p[1]);
      return t1.add(t2).sub(G.cost);
    });
    bs.forEach((b, k) => {
      if (r === null) r = { min: b, argmin: poly[k]!, max: b, argmax: poly[k]! };
      else {
        if (b.compare(r.min) < 0) r = { ...r, min: b, argmin: poly[k]! };
        if (b.compare(r.max) > 0) r = { ...r, max: b, argmax: poly[k]! };
      }
    });
    if (strict === null && poly.length >= 3 && area2(poly).compare(ZERO) > 0 && bs.some((b) => b.compare(ZERO) < 0)) strict = vertexAverage(poly);
  }
  if (r === null) return null;
  const rr = r as { min: Q; argmin: Point; max: Q; argmax: Point };
  return { ...rr, strictDeficitAt: strict, cells: cells.length };
}

/** Both cutoffs strictly inside (0, 1) at s (neither clamps at the signal boundary). */
export function interiorCutoffs(region: readonly HalfPlane[], s1: Q, s2: Q): boolean {
  const g1 = cutoff(region, 0, s2);
  const g2 = cutoff(region, 1, s1);
  return g1 !== null && g2 !== null && g1.compare(ZERO) > 0 && g2.compare(ZERO) > 0;
}

/** The grid environment: decisions ["provide", "not"], v_i(provide) = v_i(s) (the cost is paid from the payments). */
export function linearPublicGoodEnvironment(G: LinearPublicGood, grid1: readonly Q[], grid2: readonly Q[]): Environment {
  const profiles = [...allProfiles([grid1.length, grid2.length])];
  return {
    agents: ["1", "2"],
    types: [grid1.map((x) => x.toFraction()), grid2.map((x) => x.toFraction())],
    typeValues: [grid1.slice(), grid2.slice()],
    decisions: ["provide", "not"],
    valuation: [0, 1].map((i) => profiles.map(([a, b]) => [value(G, i as 0 | 1, grid1[a!]!, grid2[b!]!), ZERO])),
  };
}

/** A provide region as a decision rule on a grid of signals (decision 0 = provide, 1 = not), in profile order. */
export function ruleOnGrid(region: readonly HalfPlane[], grid1: readonly Q[], grid2: readonly Q[]): number[] {
  return [...allProfiles([grid1.length, grid2.length])].map(([a, b]) => (provides(region, grid1[a!]!, grid2[b!]!) ? 0 : 1));
}

/**
 * The continuum generalized VCG mechanism restricted to the grid points (payments table). The grids
 * must lie in [0, 1] (else MechcheckError "outside-domain"): there, with the region monotone and
 * values strictly increasing in the own signal, the restriction is EPIC and ex post IR on any grid.
 */
export function vcgOnGrid(G: LinearPublicGood, region: readonly HalfPlane[], grid1: readonly Q[], grid2: readonly Q[]): Q[][] {
  return [...allProfiles([grid1.length, grid2.length])].map(([a, b]) => vcgPayments(G, region, grid1[a!]!, grid2[b!]!));
}

/**
 * The generalized VCG mechanism OF THE FINITE GRID, for any rational grids (any range, any order):
 * on provide, t_i(s) = v_i(g, s_{-i}) with g the lowest own grid signal that provides at s_{-i};
 * 0 otherwise. EPIC and ex post IR whenever each v_i is strictly increasing in the own signal and
 * the region is monotone (provide sets are upper sets of each section); anything else is refused
 * with a MechcheckError (code "non-monotone").
 */
export function gridVcgOnGrid(G: LinearPublicGood, region: readonly HalfPlane[], grid1: readonly Q[], grid2: readonly Q[]): Q[][] {
  if (G.a1.compare(ZERO) <= 0) throw new MechcheckError("non-monotone", `gridVcgOnGrid: v_1 must increase strictly in s_1 (a1 = ${qstr(G.a1)})`, { path: "a1", value: qstr(G.a1) });
  if (G.a2.compare(ZERO) <= 0) throw new MechcheckError("non-monotone", `gridVcgOnGrid: v_2 must increase strictly in s_2 (a2 = ${qstr(G.a2)})`, { path: "a2", value: qstr(G.a2) });
  region.forEach((h, k) => {
    for (const [c, name] of [[h.k1, "k1"], [h.k2, "k2"]] as const) {
      if (c.compare(ZERO) < 0) throw new MechcheckError("non-monotone", `gridVcgOnGrid: region[${k}].${name} = ${qstr(c)} < 0 (the rule would not be monotone)`, { path: `region[${k}].${name}`, value: qstr(c) });
    }
  });
  const lowest = (xs: readonly Q[], ok: (x: Q) => boolean): Q | null => xs.filter(ok).reduce<Q | null>((m, x) => (m === null || x.compare(m) < 0 ? x : m), null);
  return [...allProfiles([grid1.length, grid2.length])].map(([a, b]) => {
    const s1 = grid1[a!]!;
    const s2 = grid2[b!]!;
    if (!provides(region, s1, s2)) return [ZERO, ZERO];
    const g1 = lowest(grid1, (x) => provides(region, x, s2))!;
    const g2 = lowest(grid2, (y) => provides(region, s1, y))!;
    return [value(G, 0, g1, s2), value(G, 1, s1, g2)];
  });
}

