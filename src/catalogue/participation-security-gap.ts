/**
 * `participation-security-gap` (theorem, the slide's reading) and
 * `participation-security-gap-single-state` (refutation of a literal one-state reading) —
 * [BrooksMaxmin2023, Will these bounds coincide in general?] (the bridge), with
 * [BrooksMaxmin2023, Participation security] for the definition.
 *
 * The slide: society wants a bridge costing c, each of N members values it at v, c > v > c/N,
 * budget balance, welfare objective, complete information. "Min potential is just Nv − c, since
 * sharing the cost equally would satisfy participation constraints. But in a participation secure
 * mechanism, each agent has the ability to 'opt out' and not pay anything, [so] any participation
 * secure mechanism will have an opt out equilibrium, in which case welfare is zero. As such, the
 * duality gap in this problem is Nv − c."
 *
 * The theorem (`participation-security-gap`) reads "opt out and not pay anything" as the slide
 * does: the opt-out action must be safe also at a state where the bridge is worthless (a citizen
 * who does not value it pays nothing in expectation by opting out; μ gives that state probability
 * 0). Then, for every budget-balanced mechanism of this kind: the all-opt-out profile is a (pure)
 * Nash equilibrium with welfare 0 (checked with isBayesNashEquilibrium), the guarantee LP is
 * exactly 0, the potential LP of the complete-information type space is exactly Nv − c, and the
 * duality gap is Nv − c.
 *
 * The refutation (`participation-security-gap-single-state`) reads participation security
 * literally with the single true state v only (action 0 gives a non-negative expected payoff at
 * every state of the model, which is {v}) — a reading the slide excludes. Then opting out need not
 * mean paying nothing: "always build, each pays c/N" is participation secure because
 * v − c/N > 0, every equilibrium of it builds, its guarantee is Nv − c and there is no gap. It
 * searches random finite budget-balanced participation-secure mechanisms
 * (src/constructions/maxminBridge.ts) for one whose guarantee — the exact min over BCE, i.e. over
 * all type spaces and equilibria — is positive: then no equilibrium has welfare 0.
 */
import { savedCases } from "./support/controls.ts";
import { asEnvironment, asHarsanyi, asIndirectMechanism, guarantee, interimViolation, lotteryWelfare, potential, trivialTypeSpace } from "../robust/maxmin.ts";
import { type BridgeCase, bridgeCase, bridgeCodec, bridgeProblem } from "../robust/maxminBridge.ts";
import { isBayesNashEquilibrium } from "../concepts/bayes.ts";
import { ONE, q, qstr, ZERO } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { psAndBb } from "./support/participationSecurity.ts";

export const participationSecurityGap: Theorem<BridgeCase> = {
  id: "participation-security-gap",
  kind: "theorem",
  source: "[BrooksMaxmin2023, Will these bounds coincide in general?] (opting out = paying nothing)",
  statement:
    "The slide's reading: bridge (complete information, budget balance, c/N < v < c), mechanisms participation secure also at a state where the bridge is worthless (opting out pays nothing in expectation): all-opt-out is a Nash equilibrium with welfare 0, the guarantee is exactly 0, the potential exactly Nv − c, so the duality gap is Nv − c.",
  arbitrary: bridgeCase("worthless"),
  hypothesis: psAndBb,
  check: (x) => {
    const problem = bridgeProblem(x);
    const n = x.N;
    const strategy = x.mechanism.actions.map((a) => [a.map((_, k) => (k === 0 ? ONE : ZERO))]);
    const ne = isBayesNashEquilibrium(asEnvironment(problem), asIndirectMechanism(problem, x.mechanism), asHarsanyi(problem, trivialTypeSpace(problem)), strategy);
    if (ne.verdict !== "holds") return { ok: false, violation: ne.violation, message: "the all-opt-out profile is not a Nash equilibrium" };
    const w0 = lotteryWelfare(problem, 0, x.mechanism.g[0]!);
    if (w0.n !== 0n) return { ok: false, violation: { welfare: qstr(w0) }, message: `welfare at the all-opt-out profile is ${qstr(w0)}, not 0` };
    const G = guarantee(problem, x.mechanism);
    if (!G.value.equals(ZERO)) return { ok: false, violation: { guarantee: qstr(G.value) }, message: `guarantee ${qstr(G.value)} ≠ 0` };
    const ts = trivialTypeSpace(problem);
    const P = potential(problem, ts);
    const first = q(n).mul(x.v).sub(x.c);
    if (interimViolation(problem, ts, P.direct) !== null) return { ok: false, violation: {}, message: "the potential LP's mechanism violates IR" };
    if (!P.value.equals(first)) return { ok: false, violation: { potential: qstr(P.value), firstBest: qstr(first) }, message: `potential ${qstr(P.value)} ≠ Nv − c = ${qstr(first)}` };
    const builds = x.mechanism.g.some((l) => l.some((p, k) => p.n !== 0n && x.outcomes[k]!.build));
    return {
      ok: true,
      tag: `N=${n}, ${builds ? "mechanism builds at some profile" : "mechanism never builds"}`,
      certificate: { guarantee: "0", potential: qstr(P.value), gap: qstr(P.value.sub(G.value)), equilibrium: "all play action 0", potentialMechanism: P.direct.map((r) => r.map(qstr)) },
    };
  },
  codec: bridgeCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "secure at the true state only",
      why: "the single-state refutation's saved mechanism (secure at v, not at the worthless state): its guarantee is positive, so the theorem's check must fail on it",
      input: () => {
        const xs = savedCases("participation-security-gap-single-state", bridgeCodec);
        if (xs.length === 0) throw new Error("no saved case for participation-security-gap-single-state");
        return xs[0]!;
      },
    },
  ],
};
