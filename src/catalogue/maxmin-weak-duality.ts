/**
 * `maxmin-weak-duality` — [BrooksMaxmin2023], slide *Looking for saddle
 * points*: "we have an analogue of weak duality: Max guarantee ≤ min potential. Why? Suppose (A, g)
 * achieves the max guarantee W̲; then for any type space, the designer could run (A, g), and in
 * every equilibrium welfare will be at least W̲, so every type space has a potential greater than W̲."
 * Definitions from *Primitives*, *Guarantee*, *Participation security*, *Potential*, *Upper bounding
 * the potential*, *Lower bounding the guarantee*.
 *
 * Finite transcription (pairwise form, which implies max guarantee ≤ min potential): for finite
 * primitives (N agents, states Θ with μ, outcomes X with an outside option x0, u_i(x, θ), w(x, θ)),
 * every participation-secure finite mechanism (A, g) and every finite common-prior type space (T, π)
 * with state marginal μ satisfy
 *     G := guarantee(A, g) = min over BCE of the basic game (an exact LP built with bceConstraints)
 *       ≤ B := min over BCE of (A, g) on (T, π)                       (an exact LP, bceConstraints)
 *       ≤ P := potential(T, π) = max over IIC/IIR direct mechanisms on (T, π)   (an exact LP).
 * G ≤ P is the seed's statement; B is the intermediate step of its proof (a BNE of (A, g) on (T, π)
 * is a BCE on (T, π); its induced direct mechanism is IIC, and IIR by participation security).
 * Participation security is the hypothesis (checked exactly; the generator builds it in).
 *
 * Certificates: the three LP optima are exact and verified (primal and dual); in addition the
 * minimizing decision rules are re-checked obedient and the maximizing direct mechanism IIC/IIR
 * from the definitions (src/constructions/maxmin.ts, not from the LP rows), and their payoffs are
 * recomputed. Tags report whether the duality gap P − G is zero or positive, and where it opens.
 */
import { bceMin, bceWelfare, directWelfare, guarantee, interimViolation, obedienceViolation, participationSecurityViolation, potential, trivialTypeSpace } from "../robust/maxmin.ts";
import { describeCase, maxminCase, maxminCaseCodec, type MaxminCase } from "../robust/maxminCases.ts";
import { ONE, q, qstr, ZERO } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";

export const maxminWeakDuality: Theorem<MaxminCase> = {
  id: "maxmin-weak-duality",
  kind: "theorem",
  source: "[BrooksMaxmin2023, Looking for saddle points (Primitives, Guarantee, Participation security, Potential)]",
  statement:
    "Finite primitives, a participation-secure finite mechanism (A, g) and a finite common-prior type space (T, π) with state marginal μ: guarantee(A, g) = min over BCE of the basic game ≤ min over BCE of (A, g) on (T, π) ≤ potential(T, π) = max over IIC/IIR direct mechanisms on (T, π); all three exact LPs.",
  arbitrary: maxminCase(),
  hypothesis: (x) => participationSecurityViolation(x.problem, x.mechanism) === null,
  check: (x) => {
    const { problem, mechanism, typeSpace } = x;
    const G = guarantee(problem, mechanism);
    const B = bceMin(problem, mechanism, typeSpace);
    const P = potential(problem, typeSpace);
    // Independent re-checks of the optimal solutions (definitions, not LP rows).
    const ob0 = obedienceViolation(problem, mechanism, trivialTypeSpace(problem), G.sigma);
    if (ob0 !== null) return { ok: false, violation: { ob0 }, message: `the guarantee LP's minimizer is not a BCE (${JSON.stringify(ob0)})` };
    const ob1 = obedienceViolation(problem, mechanism, typeSpace, B.sigma);
    if (ob1 !== null) return { ok: false, violation: { ob1 }, message: `the BCE-on-(T, π) LP's minimizer is not a BCE (${JSON.stringify(ob1)})` };
    if (!bceWelfare(problem, mechanism, trivialTypeSpace(problem), G.sigma).equals(G.value) || !bceWelfare(problem, mechanism, typeSpace, B.sigma).equals(B.value)) {
      return { ok: false, violation: {}, message: "a BCE LP value differs from the recomputed payoff of its minimizer" };
    }
    const iv = interimViolation(problem, typeSpace, P.direct);
    if (iv !== null) return { ok: false, violation: { iv }, message: `the potential LP's maximizer is not IIC/IIR (${iv.kind})` };
    if (!directWelfare(problem, typeSpace, P.direct).equals(P.value)) return { ok: false, violation: {}, message: "the potential LP value differs from the recomputed payoff" };
    const values = { guarantee: qstr(G.value), bceOnT: qstr(B.value), potential: qstr(P.value) };
    if (G.value.compare(B.value) > 0) return { ok: false, violation: { values }, message: `guarantee ${values.guarantee} > min BCE payoff on (T, π) ${values.bceOnT} (${describeCase(x)})` };
    if (B.value.compare(P.value) > 0) return { ok: false, violation: { values }, message: `min BCE payoff on (T, π) ${values.bceOnT} > potential ${values.potential} (${describeCase(x)})` };
    const gap = P.value.sub(G.value);
    const where = gap.n === 0n ? "zero gap (G = B = P)" : `positive gap (${G.value.equals(B.value) ? "G = B" : "G < B"}, ${B.value.equals(P.value) ? "B = P" : "B < P"})`;
    return {
      ok: true,
      tag: where,
      certificate: { ...values, gap: qstr(gap), worstBce: G.sigma.map((r) => r.map((s) => s.map(qstr))), potentialMechanism: P.direct.map((r) => r.map(qstr)) },
    };
  },
  codec: maxminCaseCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "participation security dropped",
      why: "one agent, one state, outcomes x0 (u = 0, w = 0) and x1 (u = −1, w = 5), the mechanism with a single action that always gives x1: not participation secure (the only action is worth −1); its guarantee 5 exceeds the potential 0 (every IIR direct mechanism gives x0), so without its hypothesis the statement fails and the check must say so",
      input: (): MaxminCase => ({
        problem: { agents: 1, states: ["θ"], mu: [ONE], outcomes: ["x0", "x1"], utility: [[[ZERO, q(-1)]]], designer: [[ZERO, q(5)]] },
        mechanism: { actions: [["a"]], g: [[ZERO, ONE]] },
        typeSpace: { types: [["·"]], prior: [ONE] },
      }),
    },
  ],
};
