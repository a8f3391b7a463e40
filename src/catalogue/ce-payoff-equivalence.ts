/**
 * `ce-payoff-equivalence` — [ChungEly2002, §3.3, Lemma 3 and Theorem 3] (Chung–Ely 2002): with finitely
 * many decisions, a connected signal space and v continuous in s_i, EPIC payments are unique up to
 * a constant per section (i, s_{-i}). The theorem is per section (Prop 5 reduces it to Lemma 3's
 * single-agent case), so it is checked on one section: Θ = [0, 1], valuation H_q·v(x).
 *
 * What holds exactly, checked here (exPostPayoffEquivalence.ts):
 *  Setting: v(x) = β + αx + γx² with rational coefficients, strictly increasing on [0, 1]
 *  (α > 0, α + 2γ > 0); the allocation level H(x) = h(f(x)) a non-decreasing step function with
 *  rational cutoffs 0 < c_1 < … < c_r < 1 and levels 0 ≤ H_0 ≤ … ≤ H_r ≤ 1 (H = H_j on
 *  [c_j, c_{j+1})) — an EPIC rule by Theorem 2. Continuum: the unique difference is the envelope
 *  value D* = p(1) − p(0) = Σ_j (H_j − H_{j−1})·v(c_j) (computed twice: by that sum, and as
 *  H(1)v(1) − H(0)v(0) − ∫_0^1 H v' with the integral taken piece by piece).
 *  Grids G_K = {0, 1/K, …, 1}: let I_K = [L_K, U_K] be the exact set of p(1) − p(0) over all EPIC
 *  payment rules of f restricted to G_K. Then, for every K:
 *   (a) I_K from the exact transfers LP (max/min) = I_K from longest paths = the closed form
 *       [Σ_k ΔH_k·v(s_k), Σ_k ΔH_k·v(s_{k+1})];
 *   (b) D* ∈ I_K;
 *   (c) I_{2K} ⊆ I_K (nested under refinement);
 *   (d) width U_K − L_K ≤ (H_r − H_0)·max(α, α + 2γ)/K.
 *  Hence ∩_K I_{2^j K} = {D*}: payoff equivalence is recovered exactly in the limit, and on a
 *  finite grid the slack is at most O(1/K) (it is positive whenever H jumps: see
 *  `ce-payoff-equivalence-finite`).
 */
import fc from "fast-check";
import {
  continuousDifference,
  differenceIntervalLp,
  differenceIntervalPaths,
  gridEnvironment,
  gridIntervalFormula,
  isStrictlyIncreasing,
  lipschitz,
  stepValue,
  type StepProblem,
} from "../exPost/payoffEquivalence.ts";
import { type Q, ZERO, q, qstr } from "../exact/rational.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";

export interface StepCase {
  readonly problem: StepProblem;
  readonly K: number;
}

const codec: CaseCodec<StepCase> = {
  encode: (x) => ({
    K: x.K,
    v: { beta: qstr(x.problem.beta), alpha: qstr(x.problem.alpha), gamma: qstr(x.problem.gamma) },
    cutoffs: x.problem.cutoffs.map(qstr),
    levels: x.problem.levels.map(qstr),
  }),
  decode: (j) => {
    const o = j as { K: number; v: { beta: string; alpha: string; gamma: string }; cutoffs: string[]; levels: string[] };
    return { K: o.K, problem: { beta: q(o.v.beta), alpha: q(o.v.alpha), gamma: q(o.v.gamma), cutoffs: o.cutoffs.map((s) => q(s)), levels: o.levels.map((s) => q(s)) } };
  },
};

const arbitrary: fc.Arbitrary<StepCase> = fc
  .tuple(
    fc.integer({ min: -5, max: 5 }),
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: -2, max: 4 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 1, max: 6 }),
  )
  .map(([b, a, g, cuts, lv, K]): StepCase => {
    const cutoffs = cuts.slice().sort((x, y) => x - y).map((c) => q(c).div(12));
    const levels = lv.slice(0, cutoffs.length + 1).sort((x, y) => x - y).map((l) => q(l).div(4));
    return { problem: { beta: q(b), alpha: q(a), gamma: q(g).div(2), cutoffs, levels }, K };
  });

/** The closed-form reference values the check compares against (parameters, so a negative control can feed wrong ones). */
export interface PayoffEquivalenceReferences {
  readonly gridIntervalFormula?: typeof gridIntervalFormula;
  readonly lipschitz?: typeof lipschitz;
}

function interval(p: StepProblem, K: number, refs: PayoffEquivalenceReferences = {}): { lo: Q; hi: Q } | string {
  const { env, rule } = gridEnvironment(p, K);
  const lp = differenceIntervalLp(env, rule, 0, 0, 0, K);
  const paths = differenceIntervalPaths(env, rule, 0, 0, 0, K);
  const form = (refs.gridIntervalFormula ?? gridIntervalFormula)(p, K);
  if (lp === null || paths === null) return `K = ${K}: the monotone step rule is not EPIC on the grid`;
  for (const [name, iv] of [["longest paths", paths], ["closed form", form]] as const) {
    if (!iv.lo.equals(lp.lo) || !iv.hi.equals(lp.hi)) return `K = ${K}: LP interval [${qstr(lp.lo)}, ${qstr(lp.hi)}] ≠ ${name} [${qstr(iv.lo)}, ${qstr(iv.hi)}]`;
  }
  return { lo: lp.lo, hi: lp.hi };
}

export function checkPayoffEquivalence(x: StepCase, refs: PayoffEquivalenceReferences = {}): CheckResult {
  const p = x.problem;
  const K = x.K;
  const fail = (message: string, violation: unknown = null): CheckResult => ({ ok: false, violation, message });
  // D*, twice
  const dStar = continuousDifference(p);
  const r = p.cutoffs.length;
  const bounds = [ZERO, ...p.cutoffs, q(1)];
  let integral = ZERO; // ∫_0^1 H v' = Σ_j H_j (v(c_{j+1}) − v(c_j))
  for (let j = 0; j <= r; j++) integral = integral.add(p.levels[j]!.mul(stepValue(p, bounds[j + 1]!).sub(stepValue(p, bounds[j]!))));
  const envelope = p.levels[r]!.mul(stepValue(p, q(1))).sub(p.levels[0]!.mul(stepValue(p, ZERO))).sub(integral);
  if (!envelope.equals(dStar)) return fail("the two computations of the envelope value disagree", { sum: qstr(dStar), envelope: qstr(envelope) });
  const iK = interval(p, K, refs);
  if (typeof iK === "string") return fail(iK);
  const i2K = interval(p, 2 * K, refs);
  if (typeof i2K === "string") return fail(i2K);
  const show = (iv: { lo: Q; hi: Q }) => [qstr(iv.lo), qstr(iv.hi)];
  if (dStar.compare(iK.lo) < 0 || dStar.compare(iK.hi) > 0) return fail("the continuous value D* is outside the grid interval", { K, interval: show(iK), dStar: qstr(dStar) });
  if (i2K.lo.compare(iK.lo) < 0 || i2K.hi.compare(iK.hi) > 0) return fail("the interval does not shrink under refinement", { K, intervalK: show(iK), interval2K: show(i2K) });
  const width = iK.hi.sub(iK.lo);
  const bound = p.levels[r]!.sub(p.levels[0]!).mul((refs.lipschitz ?? lipschitz)(p)).div(q(K));
  if (width.compare(bound) > 0) return fail("width above (H_r − H_0)·Lip(v)/K", { K, width: qstr(width), bound: qstr(bound) });
  return {
    ok: true,
    certificate: { dStar: qstr(dStar), intervalK: show(iK), interval2K: show(i2K), widthBound: qstr(bound) },
    tag: width.equals(ZERO) ? "no jump on the grid: pinned down" : i2K.hi.sub(i2K.lo).compare(width) < 0 ? "width > 0, strictly shrinks at 2K" : "width > 0, same at 2K",
  };
}

export const cePayoffEquivalence: Theorem<StepCase> = {
  id: "ce-payoff-equivalence",
  kind: "theorem",
  source: "[ChungEly2002, §3.3, Lemma 3, Thm 3]",
  statement:
    "One section, Θ = [0, 1], valuation H·v(x) (v quadratic, strictly increasing), H = h∘f a monotone step function: the exact set I_K of EPIC transfer differences p(1) − p(0) on the grid of step 1/K (LP = longest paths = closed form) contains the envelope value D* = Σ_j ΔH_j·v(c_j), satisfies I_{2K} ⊆ I_K, and has width ≤ (H_r − H_0)·Lip(v)/K → 0.",
  arbitrary,
  hypothesis: (x) => isStrictlyIncreasing(x.problem),
  check: (x) => checkPayoffEquivalence(x),
  codec,
  defaultRuns: 150,
  negativeControls: [
    {
      name: "closed form off by 1/7",
      why: "the closed-form interval [Σ ΔH_k v(s_k), Σ ΔH_k v(s_{k+1})] with its upper end raised by 1/7 must disagree with the exact LP (v(x) = x, one jump of H from 0 to 1 at 5/12, K = 2)",
      input: () => oneJumpCase(),
      check: (x) => checkPayoffEquivalence(x, { gridIntervalFormula: (p, K) => { const f = gridIntervalFormula(p, K); return { ...f, hi: f.hi.add(q(1).div(7)) }; } }),
    },
    {
      name: "Lipschitz constant halved",
      why: "with v(x) = x and one jump of H from 0 to 1 at 5/12, on the grid {0, 1/2, 1} the interval is [v(0), v(1/2)] of width 1/2 = ΔH·Lip(v)/K exactly: the width bound with Lip(v)/2 must fail",
      input: () => oneJumpCase(),
      check: (x) => checkPayoffEquivalence(x, { lipschitz: (p) => lipschitz(p).div(2) }),
    },
  ],
};

/** v(x) = x, H = 0 below 5/12 and 1 from 5/12 on, grid step 1/2. */
function oneJumpCase(): StepCase {
  return { K: 2, problem: { beta: ZERO, alpha: q(1), gamma: ZERO, cutoffs: [q(5).div(12)], levels: [ZERO, q(1)] } };
}
