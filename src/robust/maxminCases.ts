/**
 * Random finite maxmin cases ([BrooksMaxmin2023, *Primitives*]) for the theorem suite: a design problem with
 * an outside-option outcome x0 (u_i(x0, θ) = 0 for all i, θ: "outside option normalized to 0"),
 * a participation-secure finite mechanism (action 0 is the opt-out), and a full-support
 * common-prior type space whose state marginal defines μ. Plus an exact JSON codec.
 *
 * Participation security is built in, not filtered: at an action profile where some agents play 0,
 * the drawn lottery is kept if it already gives every such agent a non-negative expected utility in
 * every state; otherwise its support is cut to the outcomes that are safe (u_j(x, θ) ≥ 0 for all θ)
 * for every opting-out agent j, and if nothing is left it is the point mass on x0.
 */
import fc from "fast-check";
import { ONE, q, type Q, qstr, qsum, ZERO } from "../exact/rational.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import { type DesignProblem, type FiniteMechanism, lotteryUtility, type PriorTypeSpace, sizesOf } from "./maxmin.ts";

/**
 * A random finite maxmin case ([BrooksMaxmin2023, *Primitives*]): a design problem with an
 * outside-option outcome, a participation-secure finite mechanism, and a full-support common-prior
 * type space.
 */
export interface MaxminCase {
  readonly problem: DesignProblem;
  readonly mechanism: FiniteMechanism;
  readonly typeSpace: PriorTypeSpace;
}

/**
 * Options of `maxminCase`: the largest numbers of agents, states, outcomes, actions and types, and
 * the payoff range.
 */
export interface MaxminCaseOptions {
  readonly maxAgents?: number;
  readonly maxStates?: number;
  readonly maxOutcomes?: number;
  readonly maxActions?: number;
  readonly maxTypes?: number;
  /** utilities and designer payoffs are integers in [−maxPayoff, maxPayoff] */
  readonly maxPayoff?: number;
}

function norm(ws: readonly number[]): Q[] {
  const tot = ws.reduce((a, b) => a + b, 0);
  return ws.map((w) => q(w).div(q(tot)));
}

function ints(len: number, min: number, max: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min, max }), { minLength: len, maxLength: len });
}

/** Labels prefix0, prefix1, …, of n items. */
export function labels(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, k) => `${prefix}${k}`);
}

/** Build the participation-secure lottery at profile `prof` from raw weights (see the module comment). */
export function psLottery(problem: DesignProblem, prof: readonly number[], weights: readonly number[]): Q[] {
  const X = problem.outcomes.length;
  const point0 = Array.from({ length: X }, (_, x) => (x === 0 ? ONE : ZERO));
  const optOut = prof.map((a, i) => (a === 0 ? i : -1)).filter((i) => i >= 0);
  const S = problem.states.length;
  const safeFor = (l: readonly Q[]) => optOut.every((j) => problem.states.every((_, s) => lotteryUtility(problem, j, s, l).compare(0) >= 0));
  const tot = weights.reduce((a, b) => a + b, 0);
  if (tot > 0) {
    const raw = norm(weights);
    if (safeFor(raw)) return raw;
  }
  const cut = weights.map((w, x) => (optOut.every((j) => Array.from({ length: S }, (_, s) => problem.utility[j]![s]![x]!).every((u) => u.compare(0) >= 0)) ? w : 0));
  if (cut.reduce((a, b) => a + b, 0) > 0) return norm(cut);
  return point0;
}

/**
 * An arbitrary of random finite maxmin cases, participation secure by construction (see the module
 * comment), with exact numbers.
 */
export function maxminCase(opts: MaxminCaseOptions = {}): fc.Arbitrary<MaxminCase> {
  const maxN = opts.maxAgents ?? 2;
  const maxS = opts.maxStates ?? 2;
  const maxX = opts.maxOutcomes ?? 3;
  const maxA = opts.maxActions ?? 3;
  const maxT = opts.maxTypes ?? 2;
  const M = opts.maxPayoff ?? 3;
  return fc
    .record({
      N: fc.integer({ min: 1, max: maxN }),
      S: fc.integer({ min: 1, max: maxS }),
      X: fc.integer({ min: 2, max: maxX }),
    })
    .chain(({ N, S, X }) =>
      fc.record({ N: fc.constant(N), S: fc.constant(S), X: fc.constant(X), A: ints(N, 1, maxA), T: ints(N, 1, maxT) }),
    )
    .chain(({ N, S, X, A, T }) => {
      const AP = profileCount(A);
      const TP = profileCount(T);
      return fc
        .record({
          u: ints(N * S * (X - 1), -M, M),
          w: ints(S * X, -M, M),
          gw: ints(AP * X, 0, 3),
          prior: ints(TP * S, 1, 5),
        })
        .map(({ u, w, gw, prior }): MaxminCase => {
          const pr = norm(prior);
          const mu = Array.from({ length: S }, (_, s) => qsum(pr.filter((_, k) => k % S === s)));
          const utility = Array.from({ length: N }, (_, i) => Array.from({ length: S }, (_, s) => Array.from({ length: X }, (_, x) => (x === 0 ? ZERO : q(u[(i * S + s) * (X - 1) + x - 1]!)))));
          const designer = Array.from({ length: S }, (_, s) => Array.from({ length: X }, (_, x) => q(w[s * X + x]!)));
          const problem: DesignProblem = { agents: N, states: labels("θ", S), mu, outcomes: labels("x", X), utility, designer };
          const g = Array.from({ length: AP }, (_, a) => psLottery(problem, profileAt(A, a), gw.slice(a * X, (a + 1) * X)));
          const mechanism: FiniteMechanism = { actions: A.map((m) => labels("a", m)), g };
          const typeSpace: PriorTypeSpace = { types: T.map((m) => labels("t", m)), prior: pr };
          return { problem, mechanism, typeSpace };
        });
    });
}

const S = (x: Q) => qstr(x);
const Qs = (xs: readonly Q[]) => xs.map(S);

/** A maxmin design problem as JSON, numbers as exact strings. */
export function encodeProblem(p: DesignProblem): unknown {
  return { agents: p.agents, states: p.states, mu: Qs(p.mu), outcomes: p.outcomes, utility: p.utility.map((ui) => ui.map(Qs)), designer: p.designer.map(Qs) };
}
/** A maxmin design problem read from JSON (`encodeProblem`'s form), numbers exact. */
export function decodeProblem(j: any): DesignProblem {
  return {
    agents: Number(j.agents),
    states: j.states.map(String),
    mu: j.mu.map((x: string) => q(x)),
    outcomes: j.outcomes.map(String),
    utility: j.utility.map((ui: string[][]) => ui.map((r) => r.map((x) => q(x)))),
    designer: j.designer.map((r: string[]) => r.map((x) => q(x))),
  };
}
function encodeMechanism(m: FiniteMechanism): unknown {
  return { actions: m.actions, g: m.g.map(Qs) };
}
function decodeMechanism(j: any): FiniteMechanism {
  return { actions: j.actions.map((a: string[]) => a.map(String)), g: j.g.map((r: string[]) => r.map((x) => q(x))) };
}
function encodeTypeSpace(t: PriorTypeSpace): unknown {
  return { types: t.types, prior: Qs(t.prior) };
}
function decodeTypeSpace(j: any): PriorTypeSpace {
  return { types: j.types.map((a: string[]) => a.map(String)), prior: j.prior.map((x: string) => q(x)) };
}

/** The JSON codec of maxmin cases (saved counterexamples), numbers as exact strings. */
export const maxminCaseCodec: CaseCodec<MaxminCase> = {
  encode: (x) => ({ problem: encodeProblem(x.problem), mechanism: encodeMechanism(x.mechanism), typeSpace: encodeTypeSpace(x.typeSpace) }),
  decode: (j: any) => ({ problem: decodeProblem(j.problem), mechanism: decodeMechanism(j.mechanism), typeSpace: decodeTypeSpace(j.typeSpace) }),
};

/** |A|, |T| etc. for messages. */
export function describeCase(x: MaxminCase): string {
  return `N=${x.problem.agents}, |Θ|=${x.problem.states.length}, |X|=${x.problem.outcomes.length}, |A_i|=${sizesOf(x.mechanism).join("×")}, |T_i|=${sizesOf(x.typeSpace).join("×")}`;
}

/** A random design problem with outside option x0 (u = 0) and full-support μ (weights 1..5). */
export function designProblemArb(opts: MaxminCaseOptions = {}): fc.Arbitrary<DesignProblem> {
  const maxN = opts.maxAgents ?? 2;
  const maxS = opts.maxStates ?? 2;
  const maxX = opts.maxOutcomes ?? 3;
  const M = opts.maxPayoff ?? 3;
  return fc
    .record({ N: fc.integer({ min: 1, max: maxN }), S: fc.integer({ min: 1, max: maxS }), X: fc.integer({ min: 2, max: maxX }) })
    .chain(({ N, S, X }) =>
      fc.record({ u: ints(N * S * (X - 1), -M, M), w: ints(S * X, -M, M), mu: ints(S, 1, 5) }).map(({ u, w, mu }): DesignProblem => ({
        agents: N,
        states: labels("θ", S),
        mu: norm(mu),
        outcomes: labels("x", X),
        utility: Array.from({ length: N }, (_, i) => Array.from({ length: S }, (_, s) => Array.from({ length: X }, (_, x) => (x === 0 ? ZERO : q(u[(i * S + s) * (X - 1) + x - 1]!))))),
        designer: Array.from({ length: S }, (_, s) => Array.from({ length: X }, (_, x) => q(w[s * X + x]!))),
      })),
    );
}
