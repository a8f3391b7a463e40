/**
 * Ex post payoff equivalence, exactly ([ChungEly2002, §3.3, Lemma 3, Theorem 3]).
 *
 * For an EPIC deterministic rule f, the set of EPIC payment rules is a polyhedron; on each section
 * (i, s_{-i}) its projection onto a difference p_i(b, s_{-i}) − p_i(a, s_{-i}) is an interval
 * [lo, hi]. Payoff equivalence (payments unique up to a constant per section) is lo = hi for every
 * pair. Two independent computations of the interval:
 *  - `differenceIntervalLp`: maximise and minimise the difference over the exact transfers LP of
 *    src/concepts/transfers.ts (src/lp: verified optimal certificates; the optimal payment rules
 *    are returned, two explicit EPIC mechanisms);
 *  - `differenceIntervalPaths`: difference constraints p(y) − p(x) ≥ w(x → y) on the section, so
 *    max (p(b) − p(a)) = −(longest path b ⇝ a) and min = longest path a ⇝ b (Floyd–Warshall in
 *    the max-plus semiring; finite because a positive cycle would make f non-EPIC).
 *
 * The continuous single-crossing case (Lemma 3's setting with Θ = [0, 1]): v(x) = β + αx + γx²
 * strictly increasing on [0, 1], an allocation level H(x) = h(f(x)) that is a non-decreasing step
 * function with rational cutoffs 0 < c_1 < … < c_r < 1 (H = H_j on [c_j, c_{j+1}), c_0 = 0). The
 * envelope formula gives the unique transfer difference
 *   p(1) − p(0) = H(1)v(1) − H(0)v(0) − ∫_0^1 H v' dx = Σ_j (H_j − H_{j−1})·v(c_j)   (D*),
 * exact in rationals. On the grid {0, 1/K, …, 1} the feasible differences form
 *   [Σ_k (H(s_{k+1}) − H(s_k))·v(s_k),  Σ_k (H(s_{k+1}) − H(s_k))·v(s_{k+1})]
 * (the local constraints bind in single-crossing problems), which contains D*, is nested under
 * refinement (G_K ⊂ G_{2K}: restricting an EPIC rule to fewer types keeps it EPIC) and has width
 * ≤ (H_r − H_0)·max_k (v(s_{k+1}) − v(s_k)) ≤ (H_r − H_0)·max(α, α + 2γ)/K.
 */
import { type Q, ZERO, ONE, q } from "../exact/rational.ts";
import { InternalError, MechcheckError } from "../errors.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import type { LpModel } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import type { Environment } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { sectionGain, sectionProfile } from "./implementation.ts";

/**
 * The interval [lo, hi] of a payment difference p_i(b, s_{-i}) − p_i(a, s_{-i}) over all EPIC
 * payment rules ([ChungEly2002, §3.3]); payoff equivalence is lo = hi.
 */
export interface DifferenceInterval {
  readonly lo: Q;
  readonly hi: Q;
}

/** A difference interval computed by the exact transfers LP, with the payments of an EPIC rule attaining each end. */
export interface LpDifferenceInterval extends DifferenceInterval {
  /** payments[θ][i] of an EPIC rule attaining lo, and one attaining hi. */
  readonly paymentsLo: readonly (readonly Q[])[];
  readonly paymentsHi: readonly (readonly Q[])[];
}

/** [min, max] of p_i(b, o) − p_i(a, o) over all EPIC payment rules for `rule`; null if none exists. */
export function differenceIntervalLp(env: Environment, rule: readonly number[], i: number, o: number, a: number, b: number): LpDifferenceInterval | null {
  const lp = epicTransfersLp(env, rule);
  const sizes = typeSizes(env);
  const pa = lp.payment(i, sectionProfile(sizes, i, a, o));
  const pb = lp.payment(i, sectionProfile(sizes, i, b, o));
  const P = rule.length;
  const n = sizes.length;
  const opt = (direction: "max" | "min") => {
    const model: LpModel = { ...lp.model, direction, objective: [{ var: pb, coef: ONE }, { var: pa, coef: ONE.neg() }], objectiveConstant: ZERO };
    return solve(model, { exactOnly: true });
  };
  const hi = opt("max");
  if (hi.status === "infeasible") return null;
  const lo = opt("min");
  if (hi.status !== "optimal" || lo.status !== "optimal") throw new InternalError(`differenceIntervalLp: unexpected LP status ${hi.status}/${lo.status} (a bounded difference was expected)`);
  const table = (x: readonly Q[]) => Array.from({ length: P }, (_, th) => Array.from({ length: n }, (_, j) => x[lp.payment(j, th)]!));
  return { lo: lo.value, hi: hi.value, paymentsLo: table(lo.primal), paymentsHi: table(hi.primal) };
}

/** The same interval by longest paths on the section's deviation graph; null if a positive cycle exists. */
export function differenceIntervalPaths(env: Environment, rule: readonly number[], i: number, o: number, a: number, b: number): DifferenceInterval | null {
  const sizes = typeSizes(env);
  const m = sizes[i]!;
  const d = (k: number) => rule[sectionProfile(sizes, i, k, o)]!;
  // L[x][y] = longest path weight x ⇝ y with edge weights w(x → y) (the graph is complete)
  const L: Q[][] = Array.from({ length: m }, (_, x) => Array.from({ length: m }, (_, y) => (x === y ? ZERO : sectionGain(env, i, o, x, d(x), d(y)))));
  for (let k = 0; k < m; k++) for (let x = 0; x < m; x++) for (let y = 0; y < m; y++) {
    const via = L[x]![k]!.add(L[k]![y]!);
    if (via.compare(L[x]![y]!) > 0) L[x]![y] = via;
  }
  for (let x = 0; x < m; x++) if (L[x]![x]!.compare(ZERO) > 0) return null;
  return { lo: L[a]![b]!, hi: L[b]![a]!.neg() };
}

// ---------------------------------------------------------------- the continuous step problem

/**
 * The continuous single-crossing problem of [ChungEly2002, Lemma 3]: v(x) = β + αx + γx² strictly
 * increasing on [0, 1], and a step allocation level H with rational cutoffs.
 */
export interface StepProblem {
  /** v(x) = beta + alpha·x + gamma·x², strictly increasing on [0, 1]. */
  readonly beta: Q;
  readonly alpha: Q;
  readonly gamma: Q;
  /** 0 < c_1 < … < c_r < 1. */
  readonly cutoffs: readonly Q[];
  /** H_0 ≤ H_1 ≤ … ≤ H_r in [0, 1]: the level on [c_j, c_{j+1}). */
  readonly levels: readonly Q[];
}

/** v(x) = β + αx + γx² of a step problem, exact. */
export function stepValue(p: StepProblem, x: Q): Q {
  return p.beta.add(p.alpha.mul(x)).add(p.gamma.mul(x).mul(x));
}

/** The level index at x (H = H_j on [c_j, c_{j+1})). */
export function levelIndex(p: StepProblem, x: Q): number {
  let j = 0;
  while (j < p.cutoffs.length && x.compare(p.cutoffs[j]!) >= 0) j++;
  return j;
}

/** v strictly increasing on [0, 1] ⇔ v'(x) = α + 2γx > 0 on [0, 1] ⇔ α > 0 and α + 2γ > 0 (v' is affine). */
export function isStrictlyIncreasing(p: StepProblem): boolean {
  return p.alpha.compare(ZERO) > 0 && p.alpha.add(p.gamma.mul(2)).compare(ZERO) > 0;
}

/** Lipschitz constant of v on [0, 1]: max(α, α + 2γ) (v' affine, positive). */
export function lipschitz(p: StepProblem): Q {
  const e = p.alpha.add(p.gamma.mul(2));
  return e.compare(p.alpha) > 0 ? e : p.alpha;
}

/** D* = Σ_j (H_j − H_{j−1})·v(c_j): the continuous (envelope) transfer difference p(1) − p(0). */
export function continuousDifference(p: StepProblem): Q {
  let s = ZERO;
  for (let j = 1; j < p.levels.length; j++) s = s.add(p.levels[j]!.sub(p.levels[j - 1]!).mul(stepValue(p, p.cutoffs[j - 1]!)));
  return s;
}

/**
 * The single-agent grid environment on {0, 1/K, …, 1}: decision j = "level H_j", valuation
 * H_j·v(s); the rule f(s) = levelIndex(s). typeValues are the grid points.
 */
export function gridEnvironment(p: StepProblem, K: number): { env: Environment; rule: number[] } {
  const grid = Array.from({ length: K + 1 }, (_, k) => q(k).div(q(K)));
  const env: Environment = {
    agents: ["1"],
    types: [grid.map((x) => x.toFraction())],
    typeValues: [grid],
    decisions: p.levels.map((_, j) => `H${j}`),
    valuation: [grid.map((x) => p.levels.map((h) => h.mul(stepValue(p, x))))],
  };
  return { env, rule: grid.map((x) => levelIndex(p, x)) };
}

/**
 * The step problem's own hypotheses, which the closed form relies on: v strictly increasing on
 * [0, 1], 0 < c_1 < … < c_r < 1, H_0 ≤ … ≤ H_r in [0, 1] with r + 1 levels, K a positive integer.
 * Anything else is refused (MechcheckError "bad-step-problem"), never computed silently.
 */
function validateStepProblem(p: StepProblem, K: number): void {
  const bad = (path: string, msg: string, value: unknown) => {
    throw new MechcheckError("bad-step-problem", `${path}: ${msg}`, { path, value });
  };
  if (!Number.isInteger(K) || K < 1) bad("K", `the grid {0, 1/K, …, 1} needs a positive integer K, got ${String(K)}`, K);
  if (!isStrictlyIncreasing(p)) bad("alpha", `v(x) = β + αx + γx² must be strictly increasing on [0, 1] (α = ${p.alpha.toFraction()}, α + 2γ = ${p.alpha.add(p.gamma.mul(2)).toFraction()})`, p.alpha.toFraction());
  if (p.levels.length !== p.cutoffs.length + 1) bad("levels", `expected ${p.cutoffs.length + 1} levels for ${p.cutoffs.length} cutoffs, got ${p.levels.length}`, p.levels.length);
  p.cutoffs.forEach((c, j) => {
    const prev = j === 0 ? ZERO : p.cutoffs[j - 1]!;
    if (c.compare(prev) <= 0 || c.compare(ONE) >= 0) bad(`cutoffs[${j}]`, `${c.toFraction()} is not in (${prev.toFraction()}, 1)`, c.toFraction());
  });
  p.levels.forEach((h, j) => {
    if (h.compare(ZERO) < 0 || h.compare(ONE) > 0) bad(`levels[${j}]`, `${h.toFraction()} is not in [0, 1]`, h.toFraction());
    if (j > 0 && h.compare(p.levels[j - 1]!) < 0) bad(`levels[${j}]`, `levels must be non-decreasing (${p.levels[j - 1]!.toFraction()} then ${h.toFraction()})`, h.toFraction());
  });
}

/** The closed-form grid interval of p(1) − p(0) (module comment). Validates the step problem first. */
export function gridIntervalFormula(p: StepProblem, K: number): DifferenceInterval {
  validateStepProblem(p, K);
  let lo = ZERO;
  let hi = ZERO;
  for (let k = 0; k < K; k++) {
    const s0 = q(k).div(q(K));
    const s1 = q(k + 1).div(q(K));
    const dH = p.levels[levelIndex(p, s1)]!.sub(p.levels[levelIndex(p, s0)]!);
    lo = lo.add(dH.mul(stepValue(p, s0)));
    hi = hi.add(dH.mul(stepValue(p, s1)));
  }
  return { lo, hi };
}
