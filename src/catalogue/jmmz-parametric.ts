/**
 * `jmmz-parametric` (refutation) and `jmmz-parametric-finite` (theorem) — [BrooksExPost2023], slides *The
 * setting of JMMZ*, *Using indifference*, *The differential equation*, *A parametric example*
 * (Jehiel, Meyer-ter-Vehn, Moldovanu and Zame 2006).
 *
 * Exact transcription of the slide. Two agents i, two alternatives k, l, signals s_i =
 * (s_{i,k}, s_{i,l}) ∈ [0, 1]^2, valuations v_{i,k}(s) = s_{i,k}(a_{i,k} + b_{i,k}s_{-i,k}) (and the
 * same with l), value difference
 *   μ_i(s) = a_{i,k}s_{i,k} − a_{i,l}s_{i,l} + b_{i,k}s_{i,k}s_{-i,k} − b_{i,l}s_{i,l}s_{-i,l}.
 * EPIC transfers depend on s_i only through the outcome, τ_i(s_{-i}) = t_{i,k}(s_{-i}) − t_{i,l}(s_{-i}).
 * With a non-constant rule q whose boundary is smooth and differentiable τ, both agents are
 * indifferent on the boundary (μ_i = τ_i), the normals are proportional with α(s) > 0, and
 *   (a_{i,k} + b_{i,k}s_{-i,k}, −a_{i,l} − b_{i,l}s_{-i,l}) = α(s)(b_{-i,k}s_{-i,k} − τ_{-i,k}(s_i), b_{-i,l}s_{-i,l} − τ_{-i,l}(s_i))
 * "can only hold if b_{i,k} = α(s)b_{-i,k} and b_{i,l} = α(s)b_{-i,l}, i.e. b_{i,k}b_{-i,l} = b_{i,l}b_{-i,k}",
 * a non-generic condition. Finite environment: src/constructions/jmmz.ts (signal grids G_i ⊂ [0, 1]^2).
 *
 * Naive finite transcription refuted (`jmmz-parametric`): "on finite signal grids, if
 * b_{1,k}b_{2,l} ≠ b_{1,l}b_{2,k} then every deterministic EPIC rule is constant". Cases are
 * NON-DEGENERATE: the generator and the hypothesis require that each agent has at least two signals
 * and that each agent's value difference μ_i is not identically zero on the grid (so no valuation
 * table is identically zero and each agent cares about the decision somewhere). Each case is searched for a non-constant rule with EPIC payments:
 * the rule "k iff s_i = s_i*" at a uniform maximizer s_i* of μ_i(·, s_{-i}) (e.g. s_i* = (1, 0) when
 * v_{i,k}, v_{i,l} are nondecreasing in the own signal), paying τ_i(s_{-i}) = μ_i(s_i*, s_{-i}); else
 * every non-constant rule on small grids. Payments come from the exact transfers LP
 * (epicTransfersLp + src/lp solve) and are re-checked with isEPIC.
 *
 * Why the transcription is false — NOT because the grid is finite: the same rule "k iff s_i = (1, 0)"
 * with agent i paying μ_i((1, 0), s_{-i}) is EPIC on the continuum [0, 1]^2 × [0, 1]^2 too, for every
 * b (generic or not) with values nondecreasing in the own signal: (1, 0) maximizes μ_i(·, s_{-i}),
 * agent i gets μ_i(s) − μ_i((1, 0), s_{-i}) ≤ 0 from k, so it reports (1, 0) exactly when that is
 * its signal (ties are harmless), and agent −i's report never matters. The slide's argument
 * [BrooksExPost2023, *Using indifference*, *A parametric example*] rests on its own hypotheses: "the
 * boundary is nice" — the set {q = k} has a boundary hypersurface on which BOTH agents are pivotal,
 * hence both indifferent (μ_i = τ_i and μ_{-i} = τ_{-i}) with proportional normals — and
 * "transfers are differentiable". The corner rule violates the first even on the continuum ({q = k}
 * has empty interior and agent −i is never pivotal), and the finite version drops both: a grid has
 * no boundary hypersurface (no normal, no indifference forced — a whole interval of τ_i separates
 * the k-signals from the l-signals) and nothing to differentiate. The genericity theorem of
 * [JehielEtAl2006] (only constant deterministic rules are ex post implementable for generic
 * valuations with multidimensional signals) is not what this id checks; its own regularity
 * assumptions on signal spaces and rules are not transcribed here.
 *
 * True finite statement (`jmmz-parametric-finite`), checked exactly on random (a, b, grids, rule):
 *  (1) the slide's expansion of μ_i equals v_{i,k} − v_{i,l};
 *  (2) construction: for every b and grids, if s_i* ∈ G_i is a uniform maximizer of μ_i(·, s_{-i})
 *      over G_i for all s_{-i} ∈ G_{-i} — in particular s_i* = (1, 0) whenever (1, 0) ∈ G_i and
 *      a_{i,m} + b_{i,m}s_{-i,m} ≥ 0 (m = k, l) on G_{-i} — then "k iff s_i = s_i*" with agent i
 *      paying μ_i(s_i*, s_{-i}) when k is chosen (nothing otherwise) is EPIC (isEPIC), and non-constant
 *      when |G_i| ≥ 2;
 *  (3) converse characterization: a deterministic rule q on G_1 × G_2 has EPIC payments iff for
 *      each i and s_{-i}, min over {s_i : q = k} of μ_i ≥ max over {s_i : q = l} of μ_i (decided
 *      both ways: the exact LP is feasible iff the condition holds; when it holds the explicit
 *      payments τ_i(s_{-i}) = min over {q = k} of μ_i pass isEPIC). This is the finite shadow of
 *      "indifference on the boundary": the gap between the two sides replaces μ_i = τ_i.
 */
import { savedCaseControl } from "./support/controls.ts";
import { bDeterminant } from "../exPost/parametricExample.ts";
import { ZERO, q } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { type JmmzCase, nonDegenerate, jmmzCaseArb, jmmzCodec, checkNaive } from "./support/jmmzParametric.ts";

export const jmmzParametric: Theorem<JmmzCase> = {
  id: "jmmz-parametric",
  kind: "refutation",
  source: "[BrooksExPost2023, A parametric example]; [JehielEtAl2006]",
  statement:
    "Naive finite transcription: on finite signal grids in the JMMZ parametric model (v_{i,k} = s_{i,k}(a_{i,k} + b_{i,k}s_{-i,k}); |G_i| ≥ 2 and μ_i not identically zero for each i), if b_{1,k}b_{2,l} ≠ b_{1,l}b_{2,k} then every EPIC deterministic rule is constant (false because the slide's hypotheses — a nice boundary of {q = k} on which both agents are pivotal and indifferent, differentiable transfers — are dropped: 'k iff s_i = s_i*' at a maximizer of μ_i is EPIC, on the continuum [0, 1]^2 too when s_i* = (1, 0)).",
  trueVersion: "jmmz-parametric-finite",
  arbitrary: jmmzCaseArb.filter(nonDegenerate),
  hypothesis: (x) => nonDegenerate(x) && !bDeterminant(x.P).equals(ZERO),
  check: checkNaive,
  codec: jmmzCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("jmmz-parametric", jmmzCodec)],
};
