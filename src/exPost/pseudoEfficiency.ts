/**
 * Pseudo-efficiency ([ChungEly2002, Def 4, Lemma 1, Thm 1]), decided by a negative-cycle search.
 *
 * A section g = f(·, s_{-i}) of a decision rule is pseudo-efficient w.r.t. v = v_i(·, s_{-i}, ·) if
 * there is w : Q → R with g(s_i) ∈ argmax_q v(q, s_i) + w(q) for every s_i. Only decisions in the
 * image U of g constrain w: for a, a' ∈ U the condition reads w(a') − w(a) ≤ c(a, a') with
 * c(a, a') = min_{s_i : g(s_i) = a} v(a, s_i) − v(a', s_i) — a system of difference constraints,
 * feasible iff the graph with edge lengths c has no negative cycle (Bellman–Ford). Decisions
 * outside U get w(a') low enough (computed exactly). Certificates either way:
 *   - pseudo-efficient: the weights w, re-checked exactly against the argmax condition;
 *   - not: a cycle a_1 → … → a_k → a_1 with the types s_i attaining each edge, whose total
 *     Σ [v(a_j, s^j) − v(a_{j+1}, s^j)] is negative: adding the k argmax conditions gives 0 < 0.
 * This uses no LP: it is the independent side of `ce-pseudo-efficiency`.
 */
import { qmin, type Q, ZERO } from "../exact/rational.ts";
import type { DecisionRule, Environment } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";

/**
 * One edge a → a' of a negative cycle refuting pseudo-efficiency ([ChungEly2002, Def 4]): the
 * decisions, the own type attaining the edge length, and the length.
 */
export interface CycleEdge {
  readonly from: number;
  readonly to: number;
  /** The own type s_i with g(s_i) = from attaining the edge length. */
  readonly ownType: number;
  readonly length: Q;
}

/**
 * Pseudo-efficiency of one section ([ChungEly2002, Def 4, Lemma 1]), decided by Bellman–Ford: the
 * weights w (re-checked against the argmax condition), or a negative cycle and its total. Exported
 * as PseudoEfficiencySectionVerdict.
 */
export type SectionVerdict =
  | { readonly pseudoEfficient: true; readonly agent: number; readonly others: number; readonly weights: readonly Q[] }
  | { readonly pseudoEfficient: false; readonly agent: number; readonly others: number; readonly cycle: readonly CycleEdge[]; readonly total: Q };

/** v_i(d, (s_i, s_{-i} = k)). */
function val(env: Environment, i: number, k: number, si: number, d: number): Q {
  const sizes = typeSizes(env);
  return env.valuation[i]![profileIndex(sizes, joinProfile(sizes, i, si, k))]![d]!;
}

function sectionPseudoEfficiency(env: Environment, rule: DecisionRule, i: number, k: number): SectionVerdict {
  const sizes = typeSizes(env);
  const D = env.decisions.length;
  const g = (si: number) => rule[profileIndex(sizes, joinProfile(sizes, i, si, k))]!;
  const used = [...new Set(Array.from({ length: sizes[i]! }, (_, si) => g(si)))].sort((a, b) => a - b);
  // Edge lengths between used decisions, with the attaining own type.
  const edges: CycleEdge[] = [];
  for (const a of used) {
    for (const b of used) {
      if (a === b) continue;
      let best: { len: Q; si: number } | null = null;
      for (let si = 0; si < sizes[i]!; si++) {
        if (g(si) !== a) continue;
        const len = val(env, i, k, si, a).sub(val(env, i, k, si, b));
        if (best === null || len.compare(best.len) < 0) best = { len, si };
      }
      edges.push({ from: a, to: b, ownType: best!.si, length: best!.len });
    }
  }
  // Bellman–Ford from a virtual source at distance 0 to every used decision.
  const dist = new Map<number, Q>(used.map((a) => [a, ZERO]));
  const pred = new Map<number, CycleEdge>();
  let changed: number | null = null;
  for (let round = 0; round < used.length; round++) {
    changed = null;
    for (const e of edges) {
      const cand = dist.get(e.from)!.add(e.length);
      if (cand.compare(dist.get(e.to)!) < 0) {
        dist.set(e.to, cand);
        pred.set(e.to, e);
        changed = e.to;
      }
    }
    if (changed === null) break;
  }
  if (changed !== null) {
    // A relaxation in round |U|: walk predecessors |U| times to land on the cycle, then collect it.
    let x = changed;
    for (let s = 0; s < used.length; s++) x = pred.get(x)!.from;
    const cycle: CycleEdge[] = [];
    let y = x;
    do {
      const e = pred.get(y)!;
      cycle.unshift(e);
      y = e.from;
    } while (y !== x);
    const total = cycle.reduce((s, e) => s.add(e.length), ZERO);
    return { pseudoEfficient: false, agent: i, others: k, cycle, total };
  }
  // w on used decisions: shortest distances; on the others: low enough for every type.
  const w: Q[] = new Array(D).fill(ZERO);
  for (const a of used) w[a] = dist.get(a)!;
  for (let d = 0; d < D; d++) {
    if (used.includes(d)) continue;
    let low: Q | null = null;
    for (let si = 0; si < sizes[i]!; si++) {
      const a = g(si);
      const bound = val(env, i, k, si, a).add(w[a]!).sub(val(env, i, k, si, d));
      low = low === null ? bound : qmin(low, bound);
    }
    w[d] = low ?? ZERO;
  }
  return { pseudoEfficient: true, agent: i, others: k, weights: w };
}

/** Re-check a certificate exactly, using only the environment and the rule. */
export function checkSectionCertificate(env: Environment, rule: DecisionRule, v: SectionVerdict): boolean {
  const sizes = typeSizes(env);
  const i = v.agent;
  const k = v.others;
  const g = (si: number) => rule[profileIndex(sizes, joinProfile(sizes, i, si, k))]!;
  if (v.pseudoEfficient) {
    for (let si = 0; si < sizes[i]!; si++) {
      const a = g(si);
      const mine = val(env, i, k, si, a).add(v.weights[a]!);
      for (let d = 0; d < env.decisions.length; d++) if (val(env, i, k, si, d).add(v.weights[d]!).compare(mine) > 0) return false;
    }
    return true;
  }
  if (v.cycle.length < 2) return false;
  let total = ZERO;
  for (let j = 0; j < v.cycle.length; j++) {
    const e = v.cycle[j]!;
    const next = v.cycle[(j + 1) % v.cycle.length]!;
    if (e.to !== next.from || g(e.ownType) !== e.from) return false;
    total = total.add(val(env, i, k, e.ownType, e.from).sub(val(env, i, k, e.ownType, e.to)));
  }
  return total.compare(ZERO) < 0;
}

/** Theorem 1's right-hand side: every section pseudo-efficient; the first failing section otherwise. */
export function allSectionsPseudoEfficient(env: Environment, rule: DecisionRule): { ok: true; sections: SectionVerdict[] } | { ok: false; failing: SectionVerdict } {
  const sizes = typeSizes(env);
  const sections: SectionVerdict[] = [];
  for (let i = 0; i < sizes.length; i++) {
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
      const v = sectionPseudoEfficiency(env, rule, i, k);
      if (!v.pseudoEfficient) return { ok: false, failing: v };
      sections.push(v);
    }
  }
  return { ok: true, sections };
}

/** Lemma 1's converse, constructively: transfers t_i(s) = −w_{i,s_{-i}}(f(s)) (payments p_i = −t_i... paid BY i: p_i(s) = −w(f(s))). */
export function transfersFromWeights(env: Environment, rule: DecisionRule, sections: readonly SectionVerdict[]): Q[][] {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const P = rule.length;
  const payments: Q[][] = Array.from({ length: P }, () => new Array<Q>(n).fill(ZERO));
  for (const s of sections) {
    if (!s.pseudoEfficient) continue;
    for (let si = 0; si < sizes[s.agent]!; si++) {
      const th = profileIndex(sizes, joinProfile(sizes, s.agent, si, s.others));
      payments[th]![s.agent] = s.weights[rule[th]!]!.neg();
    }
  }
  return payments;
}
