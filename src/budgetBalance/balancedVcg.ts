/**
 * [BernardMD3, Lemma 7.5] ("Cheat code for dominant-strategy implementability"), private values:
 * an incentive-compatible, ex post budget-balanced VCG mechanism implementing the ex post
 * efficient q exists iff there are H_i : Θ_{-i} → R with
 *
 *   Σ_i v_i(q(θ), θ_i) = Σ_i H_i(θ_{-i})      for every θ ∈ Θ.
 *
 * This is a linear system A·H = b in the unknowns H_i(θ_{-i}) (one row per profile θ, one column
 * per pair (i, θ_{-i}); A[θ][(i, k)] = 1 iff θ_{-i} = k; b[θ] = the efficient surplus). It is
 * decided exactly by Gauss–Jordan elimination over Q on [A | b | I]:
 * - solvable: H (free unknowns 0), and the notes' sufficiency construction h_i = (n−1)·H_i,
 *   p_i(θ) = h_i(θ_{-i}) − Σ_{j≠i} v_j(q(θ), θ_j), which is ex post budget balanced;
 * - not solvable: a certificate y (one weight per profile) with yᵀA = 0 and yᵀb ≠ 0 — i.e. for every
 *   agent i and every θ_{-i}, the weights of the profiles agreeing on θ_{-i} sum to zero, yet the
 *   weighted surplus is not zero (the notes' Thm 7.6 argument, eqs. (1)+(4) vs (2)+(3), is such a y
 *   with weights ±1 on four profiles). y is scaled to coprime integers with yᵀb > 0.
 * Both sides are re-checked exactly before returning.
 */
import { MechcheckError } from "../errors.ts";
import { rref } from "../exact/linalg.ts";
import { ONE, q, type Q, qstr, sign, ZERO } from "../exact/rational.ts";
import { numProfiles, surplus, typeSizes, type DecisionRule, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles, othersIndex, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import { efficientDecisionRule, grovesMechanism } from "../mechanisms/vcg.ts";
import { requirePrivateValues } from "../model/independence.ts";

/**
 * The linear system A·H = b of [BernardMD3, Lemma 7.5]: one row per profile, one column per pair
 * (agent i, others' profile θ_{-i}), b the efficient surplus.
 */
export interface Lemma75System {
  /** A[θ][c], column c = (agent, others' profile index). */
  readonly A: readonly (readonly Q[])[];
  /** b[θ] = Σ_i v_i(q(θ), θ_i). */
  readonly b: readonly Q[];
  readonly columns: readonly { readonly agent: number; readonly others: number }[];
  /** offset[i]: index of the first column of agent i. */
  readonly offset: readonly number[];
  readonly rule: DecisionRule;
}

/**
 * The exact answer to [BernardMD3, Lemma 7.5]: solvable, with H and the Groves terms h = (n−1)·H of
 * a budget-balanced VCG mechanism, or not, with integer profile weights y (yᵀA = 0, yᵀb > 0)
 * proving no such mechanism exists; both re-checked exactly.
 */
export type Lemma75Result =
  | {
      readonly solvable: true;
      readonly system: Lemma75System;
      /** H[i][k] = H_i(θ_{-i} = k). */
      readonly H: readonly (readonly Q[])[];
      /** h[i][k] = (n − 1)·H_i(k): the Groves terms of the budget-balanced VCG mechanism. */
      readonly h: readonly (readonly Q[])[];
      readonly mechanism: DirectMechanism;
    }
  | {
      readonly solvable: false;
      readonly system: Lemma75System;
      /** y[θ]: yᵀA = 0, yᵀb = yTb > 0. */
      readonly y: readonly Q[];
      readonly yTb: Q;
    };

function requireEfficientRule(env: Environment, rule: DecisionRule): void {
  const m = numProfiles(env);
  if (!Array.isArray(rule) || rule.length !== m) throw new MechcheckError("dimension", `rule: expected ${m} decisions (one per profile), got ${Array.isArray(rule) ? rule.length : typeof rule}`, { path: "rule", value: Array.isArray(rule) ? rule.length : rule });
  for (let t = 0; t < m; t++) {
    const d = rule[t]!;
    if (!Number.isInteger(d) || d < 0 || d >= env.decisions.length) throw new MechcheckError("bad-decision", `rule[${t}]: ${d} is not a decision index`, { path: `rule[${t}]`, value: d });
    const s = surplus(env, t, d);
    for (let e = 0; e < env.decisions.length; e++) {
      if (surplus(env, t, e).compare(s) > 0) {
        throw new MechcheckError("not-efficient", `rule[${t}]: decision ${d} is not efficient at profile ${t}: decision ${e} has surplus ${qstr(surplus(env, t, e))} > ${qstr(s)}`, { path: `rule[${t}]`, value: d });
      }
    }
  }
}

/** Build the linear system of Lemma 7.5 for an efficient rule (default: vcg.ts's efficient rule). */
function lemma75System(env: Environment, rule?: DecisionRule): Lemma75System {
  requirePrivateValues(env);
  const q0 = rule ?? efficientDecisionRule(env);
  requireEfficientRule(env, q0);
  const sizes = typeSizes(env);
  const n = env.agents.length;
  const offset: number[] = [];
  const columns: { agent: number; others: number }[] = [];
  for (let i = 0; i < n; i++) {
    offset.push(columns.length);
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) columns.push({ agent: i, others: k });
  }
  const A: Q[][] = [];
  const b: Q[] = [];
  for (const prof of allProfiles(sizes)) {
    const t = profileIndex(sizes, prof);
    const row = columns.map(() => ZERO);
    for (let i = 0; i < n; i++) row[offset[i]! + othersIndex(sizes, prof, i)] = ONE;
    A.push(row);
    b.push(surplus(env, t, q0[t]!));
  }
  return { A, b, columns, offset, rule: q0.slice() };
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Scale a nonzero rational vector to coprime integers. */
function integerScale(y: Q[]): Q[] {
  let l = 1n;
  for (const v of y) l = (l / gcd(l, v.d)) * v.d;
  const ints = y.map((v) => (v.n * (v.s < 0n ? -1n : 1n) * l) / v.d);
  let g = 0n;
  for (const v of ints) g = gcd(g, v);
  if (g === 0n) return y;
  return ints.map((v) => q(v / g));
}

/** Decide Lemma 7.5 exactly; see the module comment. */
export function lemma75(env: Environment, rule?: DecisionRule): Lemma75Result {
  const system = lemma75System(env, rule);
  const { A, b } = system;
  const m = A.length;
  const N = system.columns.length;
  const aug = A.map((row, r) => [...row, b[r]!, ...Array.from({ length: m }, (_, c) => (c === r ? ONE : ZERO))]);
  const { matrix: R, pivots } = rref(aug);
  // Rows whose pivot lies in the b column are inconsistent: 0 = 1 with the multipliers in the I block.
  const badRow = pivots.findIndex((c) => c === N);
  if (badRow >= 0) {
    let y = R[badRow]!.slice(N + 1);
    y = integerScale(y);
    let yTb = y.reduce((s, v, r) => s.add(v.mul(b[r]!)), ZERO);
    if (sign(yTb) < 0) {
      y = y.map((v) => v.neg());
      yTb = yTb.neg();
    }
    for (let c = 0; c < N; c++) {
      let s = ZERO;
      for (let r = 0; r < m; r++) if (A[r]![c]!.n !== 0n) s = s.add(y[r]!.mul(A[r]![c]!));
      if (s.n !== 0n) throw new MechcheckError("certificate-check-failed", `internal error: Lemma 7.5 certificate fails yᵀA = 0 at column ${c}`);
    }
    if (sign(yTb) <= 0) throw new MechcheckError("certificate-check-failed", "internal error: Lemma 7.5 certificate has yᵀb = 0");
    return { solvable: false, system, y, yTb };
  }
  const x: Q[] = Array.from({ length: N }, () => ZERO);
  pivots.forEach((c, r) => {
    if (c < N) x[c] = R[r]![N]!;
  });
  for (let r = 0; r < m; r++) {
    let s = ZERO;
    for (let c = 0; c < N; c++) if (A[r]![c]!.n !== 0n) s = s.add(A[r]![c]!.mul(x[c]!));
    if (!s.equals(b[r]!)) throw new MechcheckError("certificate-check-failed", `internal error: Lemma 7.5 solution fails equation ${r}`);
  }
  const n = env.agents.length;
  const H = env.agents.map((_, i) => system.columns.flatMap((col, c) => (col.agent === i ? [x[c]!] : [])));
  const h = H.map((Hi) => Hi.map((v) => v.mul(q(n - 1))));
  const mechanism = grovesMechanism(env, system.rule, h);
  return { solvable: true, system, H, h, mechanism };
}
