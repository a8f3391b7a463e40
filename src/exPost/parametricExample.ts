/**
 * The Jehiel–Meyer-ter-Vehn–Moldovanu–Zame parametric example on finite signal grids ([BrooksExPost2023,
 * slides *The setting of JMMZ*, *Using indifference*, *The differential equation*, *A parametric
 * example*]).
 *
 * Exact transcription of the slides. Two agents i ∈ {1, 2}, two alternatives k, l. Agent i has a
 * two-dimensional signal s_i = (s_{i,k}, s_{i,l}) ∈ [0, 1]^2 and
 *
 *   v_{i,k}(s) = s_{i,k}(a_{i,k} + b_{i,k} s_{-i,k}),   v_{i,l}(s) = s_{i,l}(a_{i,l} + b_{i,l} s_{-i,l}),
 *
 * so the value difference is
 *
 *   μ_i(s) = v_{i,k}(s) − v_{i,l}(s) = a_{i,k}s_{i,k} − a_{i,l}s_{i,l} + b_{i,k}s_{i,k}s_{-i,k} − b_{i,l}s_{i,l}s_{-i,l}.
 *
 * A mechanism is q(s) ∈ {k, l} with transfers; ex post IC forces agent i's payment to depend on s_i
 * only through the outcome, t_{i,k}(s_{-i}), t_{i,l}(s_{-i}), and τ_i(s_{-i}) = t_{i,k} − t_{i,l}.
 * On the continuum, with a smooth boundary of {q = k} and differentiable τ, both agents are
 * indifferent on the boundary (μ_i = τ_i), the two normals are proportional, and in the parametric
 * example the s_i-gradient identity
 *   (a_{i,k} + b_{i,k}s_{-i,k}, −a_{i,l} − b_{i,l}s_{-i,l}) = α(s)(b_{-i,k}s_{-i,k} − τ'_{-i,k}(s_i), b_{-i,l}s_{-i,l} − τ'_{-i,l}(s_i))
 * forces b_{i,k} = α b_{-i,k}, b_{i,l} = α b_{-i,l}, i.e. b_{i,k}b_{-i,l} = b_{i,l}b_{-i,k}.
 *
 * Finite environment: agent i's signals are a finite set G_i ⊂ [0, 1]^2 (types), decisions
 * ["k", "l"] (indices 0, 1), valuation[i][θ] = [v_{i,k}(s), v_{i,l}(s)] (no money in v; payments
 * are the mechanism's). Agents are indexed 0, 1 here (agent 0 = the slides' agent 1).
 *
 * On a grid nothing is differentiable and no boundary is smooth, and there is an exact
 * characterization instead (`monotoneViolation`): a deterministic two-alternative rule is EPIC
 * implementable iff for each i and each s_{-i}, μ_i(·, s_{-i}) is weakly larger on {q = k} than on
 * {q = l} (transfers: τ_i(s_{-i}) = min over {q = k} of μ_i(·, s_{-i})). Proof: with s_{-i} fixed,
 * two reports with the same outcome must cost the same (else report the cheaper one), so payments
 * are t_{i,k}(s_{-i}), t_{i,l}(s_{-i}); IC at a k-signal is μ_i ≥ τ_i and at an l-signal μ_i ≤ τ_i;
 * a τ_i between them exists iff max over l-signals ≤ min over k-signals.
 */
import { isEPIC } from "../concepts/index.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import { type Q, ZERO, q, qstr } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import { type DecisionRule, type DirectMechanism, type Environment, pointMassAllocation, typeSizes } from "../model/environment.ts";
import { allProfiles, profileIndex } from "../model/profiles.ts";
import { InternalError } from "../errors.ts";

/** A signal s_i = (s_{i,k}, s_{i,l}). */
export type Signal = readonly [Q, Q];

/** Coefficients: a[i] = [a_{i,k}, a_{i,l}], b[i] = [b_{i,k}, b_{i,l}], i ∈ {0, 1}. */
export interface Parametric {
  readonly a: readonly [readonly [Q, Q], readonly [Q, Q]];
  readonly b: readonly [readonly [Q, Q], readonly [Q, Q]];
}

/**
 * The two agents' finite signal grids G_0, G_1 ⊂ [0, 1]² of the JMMZ parametric example
 * ([BrooksExPost2023, *A parametric example*]).
 */
export type Grids = readonly [readonly Signal[], readonly Signal[]];

const K = 0;
const L = 1;

/** v_{i,m}(s) for alternative m ∈ {K, L}: s_{i,m}(a_{i,m} + b_{i,m}s_{-i,m}). */
function value(P: Parametric, i: number, m: number, own: Signal, other: Signal): Q {
  return own[m]!.mul(P.a[i]![m]!.add(P.b[i]![m]!.mul(other[m]!)));
}

/** μ_i(s) = v_{i,k}(s) − v_{i,l}(s). */
export function mu(P: Parametric, i: number, own: Signal, other: Signal): Q {
  return value(P, i, K, own, other).sub(value(P, i, L, own, other));
}

/** The slide's expanded form a_{i,k}s_{i,k} − a_{i,l}s_{i,l} + b_{i,k}s_{i,k}s_{-i,k} − b_{i,l}s_{i,l}s_{-i,l}. */
export function muExpanded(P: Parametric, i: number, own: Signal, other: Signal): Q {
  const [a, b] = [P.a[i]!, P.b[i]!];
  return a[K]!.mul(own[K]!).sub(a[L]!.mul(own[L]!)).add(b[K]!.mul(own[K]!).mul(other[K]!)).sub(b[L]!.mul(own[L]!).mul(other[L]!));
}

/** b_{1,k}b_{2,l} − b_{1,l}b_{2,k} (zero iff the slides' condition b_{i,k}b_{-i,l} = b_{i,l}b_{-i,k} holds, for either i). */
export function bDeterminant(P: Parametric): Q {
  return P.b[0]![K]!.mul(P.b[1]![L]!).sub(P.b[0]![L]!.mul(P.b[1]![K]!));
}

/** The signals of the profile θ = (index into G_0, index into G_1) of agent i and of the other agent. */
function signalsAt(grids: Grids, prof: readonly number[], i: number): [Signal, Signal] {
  const s0 = grids[0][prof[0]!]!;
  const s1 = grids[1][prof[1]!]!;
  return i === 0 ? [s0, s1] : [s1, s0];
}

/** A signal's label "(s_k,s_l)" with exact numbers. */
export function signalLabel(s: Signal): string {
  return `(${qstr(s[0])},${qstr(s[1])})`;
}

/** The finite parametric environment on G_0 × G_1 (profile order of profiles.ts: agent 1's signal varies fastest). */
export function parametricEnvironment(P: Parametric, grids: Grids): Environment {
  const profiles = [...allProfiles([grids[0].length, grids[1].length])];
  return {
    agents: ["agent 1", "agent 2"],
    types: [grids[0].map(signalLabel), grids[1].map(signalLabel)],
    decisions: ["k", "l"],
    valuation: [0, 1].map((i) =>
      profiles.map((prof) => {
        const [own, other] = signalsAt(grids, prof, i);
        return [value(P, i, K, own, other), value(P, i, L, own, other)];
      }),
    ),
  };
}

/** A witness that a two-alternative rule is not weakly monotone in μ_i: at s_{-i}, μ_i(s_i^k) < μ_i(s_i^l) with q(s_i^k) = k, q(s_i^l) = l. */
export interface MonotoneViolation {
  readonly agent: number;
  readonly others: number;
  readonly kSignal: number;
  readonly lSignal: number;
  readonly muAtK: Q;
  readonly muAtL: Q;
}

/** μ_i at profile index θ of a two-decision environment (valuation[i][θ][0] − valuation[i][θ][1]). */
function envMu(env: Environment, i: number, th: number): Q {
  const v = env.valuation[i]![th]!;
  return v[0]!.sub(v[1]!);
}

function profileWith(i: number, own: number, other: number): number[] {
  return i === 0 ? [own, other] : [other, own];
}

/**
 * The exact characterization on finite grids (module comment): null iff for each agent i and each
 * s_{-i}, min over {q = k} of μ_i(·, s_{-i}) ≥ max over {q = l}; otherwise a witness.
 * Two agents, decisions [k, l].
 */
export function monotoneViolation(env: Environment, rule: DecisionRule): MonotoneViolation | null {
  const sizes = typeSizes(env);
  for (let i = 0; i < 2; i++) {
    for (let o = 0; o < sizes[1 - i]!; o++) {
      for (let x = 0; x < sizes[i]!; x++) {
        const tx = profileIndex(sizes, profileWith(i, x, o));
        if (rule[tx] !== K) continue;
        for (let y = 0; y < sizes[i]!; y++) {
          const ty = profileIndex(sizes, profileWith(i, y, o));
          if (rule[ty] !== L) continue;
          const [mx, my] = [envMu(env, i, tx), envMu(env, i, ty)];
          if (mx.compare(my) < 0) return { agent: i, others: o, kSignal: x, lSignal: y, muAtK: mx, muAtL: my };
        }
      }
    }
  }
  return null;
}

/**
 * The explicit EPIC payments of a weakly monotone rule: agent i pays τ_i(s_{-i}) = min over
 * {q = k} of μ_i(·, s_{-i}) when k is chosen, 0 when l is chosen.
 */
export function monotonePayments(env: Environment, rule: DecisionRule): Q[][] {
  const sizes = typeSizes(env);
  const tau = [0, 1].map((i) =>
    Array.from({ length: sizes[1 - i]! }, (_, o) => {
      let m: Q | null = null;
      for (let x = 0; x < sizes[i]!; x++) {
        const th = profileIndex(sizes, profileWith(i, x, o));
        if (rule[th] === K) {
          const v = envMu(env, i, th);
          if (m === null || v.compare(m) < 0) m = v;
        }
      }
      return m ?? ZERO;
    }),
  );
  return [...allProfiles(sizes)].map((prof, th) => [0, 1].map((i) => (rule[th] === K ? tau[i]![prof[1 - i]!]! : ZERO)));
}

/** The direct mechanism of a deterministic decision rule and a payment table. */
export function directMechanism(env: Environment, rule: DecisionRule, payments: Q[][]): DirectMechanism {
  return { kind: "direct", allocation: pointMassAllocation(env, rule), payments };
}

/** Index of s_i* ∈ G_i with μ_i(s_i*, s_{-i}) ≥ μ_i(s_i, s_{-i}) for all s_i ∈ G_i, s_{-i} ∈ G_{-i} (a uniform maximizer), or null. */
export function uniformMaximizer(P: Parametric, grids: Grids, i: number): number | null {
  const own = grids[i]!;
  const others = grids[1 - i]!;
  for (let x = 0; x < own.length; x++) {
    if (own.every((y) => others.every((o) => mu(P, i, own[x]!, o).compare(mu(P, i, y, o)) >= 0))) return x;
  }
  return null;
}

/** v_{i,k} and v_{i,l} nondecreasing in the own signal on the grid: a_{i,m} + b_{i,m}s_{-i,m} ≥ 0 for m ∈ {k, l}, s_{-i} ∈ G_{-i}. */
export function ownMonotone(P: Parametric, grids: Grids, i: number): boolean {
  return grids[1 - i]!.every((o) => [K, L].every((m) => P.a[i]![m]!.add(P.b[i]![m]!.mul(o[m]!)).compare(ZERO) >= 0));
}

/** The rule "k iff s_i = G_i[x]" (l elsewhere). */
export function dictatorialRule(grids: Grids, i: number, x: number): number[] {
  return [...allProfiles([grids[0].length, grids[1].length])].map((prof) => (prof[i] === x ? K : L));
}

/** Payments of the dictatorial rule: agent i pays μ_i(G_i[x], s_{-i}) when k is chosen; everything else 0. */
export function dictatorialPayments(P: Parametric, grids: Grids, i: number, x: number): Q[][] {
  return [...allProfiles([grids[0].length, grids[1].length])].map((prof) =>
    [0, 1].map((j) => (j === i && prof[i] === x ? mu(P, i, grids[i]![x]!, grids[1 - i]![prof[1 - i]!]!) : ZERO)),
  );
}

/** Whether a decision rule chooses the same decision at every profile. */
export function isConstant(rule: DecisionRule): boolean {
  return rule.every((d) => d === rule[0]);
}

/** A non-constant rule with EPIC payments from the exact transfers LP, re-checked by isEPIC. */
export interface NonConstantEpic {
  readonly how: "dictatorial" | "search";
  readonly rule: readonly number[];
  readonly payments: readonly (readonly Q[])[];
}

/** Exact EPIC payments for `rule` via epicTransfersLp + solve, re-checked with isEPIC; null iff the LP is infeasible. */
export function lpEpicPayments(env: Environment, rule: DecisionRule): Q[][] | null {
  const lp = epicTransfersLp(env, rule);
  const r = solve(lp.model, { exactOnly: true });
  if (r.status !== "optimal") return null;
  const payments = rule.map((_, th) => [r.primal[lp.payment(0, th)]!, r.primal[lp.payment(1, th)]!]);
  if (isEPIC(env, directMechanism(env, rule, payments)).verdict !== "holds") throw new InternalError("jmmz: LP payments fail isEPIC (bug)");
  return payments;
}

/**
 * Search for a non-constant EPIC rule: first the dictatorial rule at a uniform maximizer of either
 * agent, then (when |G_0||G_1| ≤ maxExhaustive) every non-constant rule, filtered by the
 * characterization and confirmed by the LP. Returns null when none exists among those tried;
 * `exhaustive` says whether every rule was tried.
 */
export function findNonConstantEpic(P: Parametric, grids: Grids, maxExhaustive = 10): { found: NonConstantEpic | null; exhaustive: boolean } {
  const env = parametricEnvironment(P, grids);
  const n = grids[0].length * grids[1].length;
  for (const i of [0, 1]) {
    if (grids[i]!.length < 2) continue;
    const x = uniformMaximizer(P, grids, i);
    if (x === null) continue;
    const rule = dictatorialRule(grids, i, x);
    const payments = lpEpicPayments(env, rule);
    if (payments === null) throw new InternalError("jmmz: dictatorial rule at a uniform maximizer not EPIC (bug)");
    return { found: { how: "dictatorial", rule, payments }, exhaustive: false };
  }
  if (n > maxExhaustive) return { found: null, exhaustive: false };
  for (let mask = 1; mask < 2 ** n - 1; mask++) {
    const rule = Array.from({ length: n }, (_, th) => ((mask >> th) & 1 ? K : L));
    if (monotoneViolation(env, rule) !== null) continue;
    const payments = lpEpicPayments(env, rule);
    if (payments === null) throw new InternalError("jmmz: monotone rule has no EPIC payments (characterization bug)");
    return { found: { how: "search", rule, payments }, exhaustive: true };
  }
  return { found: null, exhaustive: true };
}

/** Integer coefficients → Parametric. */
export function parametricOf(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Parametric {
  const pair = (x: readonly number[]) => [q(x[0]!), q(x[1]!)] as const;
  return { a: [pair(a[0]!), pair(a[1]!)], b: [pair(b[0]!), pair(b[1]!)] };
}

/**
 * The corner rule on the CONTINUUM [0, 1]^2 × [0, 1]^2: "k iff s_i = (1, 0)", agent i paying
 * τ_i(s_{-i}) = μ_i((1, 0), s_{-i}) on k, agent −i paying nothing. Agent −i never affects the outcome;
 * agent i's gain from lying to (1, 0) at s is μ_i(s) − μ_i((1, 0), s_{-i}), and truth at (1, 0) gives
 * 0 either way. So the rule is EPIC on the continuum iff
 *   D_i(s) = μ_i((1, 0), s_{-i}) − μ_i(s) = (1 − s_{i,k})(a_{i,k} + b_{i,k}s_{-i,k}) + s_{i,l}(a_{i,l} + b_{i,l}s_{-i,l}) ≥ 0
 * on [0, 1]^4. D_i is multilinear (degree ≤ 1 in each coordinate), so its minimum over the box is
 * attained at one of the 16 vertices: this returns that exact minimum and a vertex attaining it.
 */
export function cornerRuleContinuumSlack(P: Parametric, i: number): { min: Q; at: [Signal, Signal] } {
  const corner: Signal = [q(1), ZERO];
  let best: { min: Q; at: [Signal, Signal] } | null = null;
  for (let m = 0; m < 16; m++) {
    const own: Signal = [q(m & 1), q((m >> 1) & 1)];
    const other: Signal = [q((m >> 2) & 1), q((m >> 3) & 1)];
    const d = mu(P, i, corner, other).sub(mu(P, i, own, other));
    if (best === null || d.compare(best.min) < 0) best = { min: d, at: [own, other] };
  }
  return best!;
}
