/**
 * The bridge example of [BrooksMaxmin2023, slide *Will these bounds coincide
 * in general?*]: N citizens each value a bridge at v, it costs c with c/N < v < c (the slide's
 * "c > v > c/N"), all funds must be raised from society (budget balance), the designer maximizes
 * social welfare, complete information.
 *
 * Finite primitives (src/robust/maxmin.ts): outcomes x = (build ∈ {0, 1}, shares s ∈ ℚ^N)
 * with Σ_i s_i = c·build (ex post budget balance); u_i(x) = v·build − s_i; designer payoff
 * w(x) = Σ_i u_i(x) = build·(Nv − c). The outcome set always contains x0 = (no bridge, no payments)
 * and x_eq = (bridge, c/N each) (the slide: "sharing the cost equally would satisfy participation
 * constraints"), plus a few random budget-balanced outcomes.
 *
 * Two readings of participation security:
 *  - "seed": the slide's definition (*Participation security*) at the true state only — action 0
 *    guarantees i a non-negative expected payoff at v. Under it the slide's claim fails: "always
 *    build, equal shares" is participation secure (v − c/N > 0) and every equilibrium builds.
 *  - "worthless": participation security also at a state where the bridge is worth 0 to everyone
 *    (μ puts no mass there; the mechanism must be safe there anyway). Then opting out means paying
 *    nothing in expectation (−E[s_i] ≥ 0), which is what the slide's argument uses ("the ability to
 *    opt out and not pay anything"), and the all-opt-out profile is an equilibrium with welfare 0:
 *    at it Σ E[s_i] = c·P(build) ≤ 0, so nothing is built; a deviator j pays E[s_j] ≥ c·P(build),
 *    so gets P(build)(v − c) ≤ 0.
 */
import fc from "fast-check";
import { ONE, q, type Q, qstr, ZERO } from "../exact/rational.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import type { DesignProblem, FiniteMechanism } from "./maxmin.ts";
import { labels, psLottery } from "./maxminCases.ts";

/**
 * Which participation security the bridge example uses ([BrooksMaxmin2023, *Will these bounds
 * coincide in general?*]): "seed" (the slide's, at the true state only) or "worthless" (also at a
 * state where the bridge is worth 0).
 */
export type PsReading = "seed" | "worthless";

/** An outcome of the bridge example: whether the bridge is built and each citizen's share (summing to c when built). */
export interface BridgeOutcome {
  readonly build: boolean;
  readonly shares: readonly Q[];
}

/**
 * A bridge example ([BrooksMaxmin2023, *Will these bounds coincide in general?*]): N citizens
 * valuing the bridge at v, its cost c (c/N < v < c), the outcomes, a finite mechanism, and the
 * participation-security reading.
 */
export interface BridgeCase {
  readonly N: number;
  readonly v: Q;
  readonly c: Q;
  readonly outcomes: readonly BridgeOutcome[];
  readonly mechanism: FiniteMechanism;
  readonly reading: PsReading;
}

/** The design problem: state "v" (μ = 1) and, for the "worthless" reading, state "0" (μ = 0). */
export function bridgeProblem(b: Pick<BridgeCase, "N" | "v" | "c" | "outcomes" | "reading">): DesignProblem {
  const states = b.reading === "worthless" ? ["v", "worthless"] : ["v"];
  const vals = b.reading === "worthless" ? [b.v, ZERO] : [b.v];
  return {
    agents: b.N,
    states,
    mu: states.map((_, s) => (s === 0 ? ONE : ZERO)),
    outcomes: b.outcomes.map((x, k) => `${x.build ? "build" : "none"}#${k}(${x.shares.map(qstr).join(",")})`),
    utility: Array.from({ length: b.N }, (_, i) => vals.map((val) => b.outcomes.map((x) => (x.build ? val : ZERO).sub(x.shares[i]!)))),
    designer: vals.map((val) => b.outcomes.map((x) => (x.build ? val.mul(q(b.N)).sub(b.c) : ZERO))),
  };
}

/** Is every outcome ex post budget balanced (Σ s = c·build)? */
export function budgetBalanced(b: Pick<BridgeCase, "c" | "outcomes">): boolean {
  return b.outcomes.every((x) => x.shares.reduce((a, s) => a.add(s), ZERO).equals(x.build ? b.c : ZERO));
}

/**
 * Random bridge cases: N ∈ {2, 3}, c ∈ {1, …, 4}, v = c/N + (c − c/N)·k/4 (k = 1..3, so
 * c/N < v < c), outcomes x0, x_eq and up to two random budget-balanced ones (integer shares, last
 * share closing the budget), A_i of size 1..3 with action 0 the opt-out, lotteries made
 * participation secure for the given reading by `psLottery` (src/robust/maxminCases.ts).
 */
export function bridgeCase(reading: PsReading): fc.Arbitrary<BridgeCase> {
  // No fc.chain: every part is drawn at its maximal size and cut to fit, so shrinking can lower N,
  // the action counts and the outcome list independently (minimal saved counterexamples).
  const MAXX = 4;
  return fc
    .record({
      N: fc.integer({ min: 2, max: 3 }),
      c: fc.integer({ min: 1, max: 4 }),
      k: fc.integer({ min: 1, max: 3 }),
      extra: fc.array(fc.record({ build: fc.boolean(), shares: fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 2, maxLength: 2 }) }), { maxLength: MAXX - 2 }),
      A: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      gw: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 27 * MAXX, maxLength: 27 * MAXX }),
    })
    .map(({ N, c, k, extra, A: A3, gw }): BridgeCase => {
      const C = q(c);
      const v = C.div(q(N)).add(C.sub(C.div(q(N))).mul(q(k)).div(q(4)));
      const outcomes: BridgeOutcome[] = [
        { build: false, shares: Array.from({ length: N }, () => ZERO) },
        { build: true, shares: Array.from({ length: N }, () => C.div(q(N))) },
        ...extra.map((e) => {
          const first = Array.from({ length: N - 1 }, (_, i) => q(e.shares[i % 2]!));
          const last = (e.build ? C : ZERO).sub(first.reduce((acc, s) => acc.add(s), ZERO));
          return { build: e.build, shares: [...first, last] };
        }),
      ];
      const X = outcomes.length;
      const A = A3.slice(0, N);
      const problem = bridgeProblem({ N, v, c: C, outcomes, reading });
      const g = Array.from({ length: profileCount(A) }, (_, a) => psLottery(problem, profileAt(A, a), gw.slice(a * MAXX, a * MAXX + X)));
      return { N, v, c: C, outcomes, mechanism: { actions: A.map((m) => labels("a", m)), g }, reading };
    });
}

/** The JSON codec of bridge cases (saved counterexamples), numbers as exact strings. */
export const bridgeCodec = {
  /** A bridge case as JSON, numbers as exact strings. */
  encode: (b: BridgeCase) => ({
    N: b.N,
    v: qstr(b.v),
    c: qstr(b.c),
    reading: b.reading,
    outcomes: b.outcomes.map((x) => ({ build: x.build, shares: x.shares.map(qstr) })),
    mechanism: { actions: b.mechanism.actions, g: b.mechanism.g.map((r) => r.map(qstr)) },
  }),
  /** A bridge case back from its JSON, numbers exact. */
  decode: (j: any): BridgeCase => ({
    N: Number(j.N),
    v: q(String(j.v)),
    c: q(String(j.c)),
    reading: j.reading === "worthless" ? "worthless" : "seed",
    outcomes: j.outcomes.map((x: any) => ({ build: Boolean(x.build), shares: x.shares.map((s: string) => q(s)) })),
    mechanism: { actions: j.mechanism.actions.map((a: string[]) => a.map(String)), g: j.mechanism.g.map((r: string[]) => r.map((s) => q(s))) },
  }),
};
