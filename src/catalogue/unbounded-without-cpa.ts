/**
 * `unbounded-without-cpa` (theorem) and `unbounded-without-cpa-naive` (refutation) —
 * [BernardMD3], Def 7.17 (*Undominated Mechanisms*) and Prop 7.18 (*No
 * Undominated Mechanisms*): "Suppose utilities are quasi-linear. For generic type spaces without
 * common prior, there is no undominated mechanism with respect to the interim Pareto welfare
 * criterion or the revenue criterion. Idea of proof: … players with differing priors are willing
 * to enter bets … Charge players to enter bets → revenue is unbounded." The catalogue links this to
 * [Morris1994] ([BrooksExPost2023]).
 *
 * Finite transcription (src/constructions/revenueUnbounded.ts). A finite environment whose payoff
 * types are the types (2 agents, 1–3 types, 1–2 decisions, integer valuations, interdependent or
 * private), per-type beliefs π_i(t_{-i} | t_i) (no common prior assumed), a fixed decision rule q
 * (constant, efficient or random). "Revenue is unbounded" := for every M there is a BIC, interim
 * IR mechanism with rule q collecting ≥ M at EVERY report profile, i.e. the exact LP
 * max z s.t. Σ_i p_i(t) ≥ z ∀t, BIC, IIR is unbounded. Hypothesis: some BIC, IIR mechanism with
 * rule q exists (the LP is feasible). Theorem:
 *   revenue unbounded  ⇔  an acceptable, IC trade with a strict budget surplus Σ_i γ_i(t) < 0 at
 *   EVERY profile exists (`surplusTradeLp`, morrisAlternative.ts)  ⇔  the beliefs are not noisy
 *   concordant in the "λ not all zero" sense (`noisyConcordanceLp`, morrisTrade.ts, infeasible).
 * Derivation (revenueUnbounded.ts module comment): a feasible LP is unbounded iff it has an
 * improving recession direction (d, δz > 0); the homogeneous rows say exactly that γ = −d is
 * acceptable, IC and has surplus ≥ δz at every profile, and conversely. Farkas on that cone gives
 * π, λ, μ ≥ 0 with the noisy-concordance equations and Σ π = Σ_{t_i} λ_i(t_i) > 0; the revenue
 * LP's own dual is that system (π = −y_REV, λ = −y_IIR, μ = −y_BIC), so its optimal dual is a
 * noisy-concordance certificate and, by weak duality, a revenue bound.
 *
 * NOT the right middle term (an earlier version of this theorem used it, refuted by review and
 * pinned by counterexamples/unbounded-without-cpa/case-9708dc584e75.json): Morris's IC-trade LP
 * (`icTradeLp`, value 1: acceptable, IC, Σ_i γ_i ≤ 0, SOME type gains strictly). Its trade may be
 * a pure transfer with Σ_i γ_i(t) = 0 at some profile, which raises no guaranteed revenue; its
 * alternative is noisy concordance with EVERY λ > 0. On Chung–Ely's maxmin beliefs π* an IC trade
 * exists while revenue is bounded.
 *
 * Three LPs are solved independently and must agree, each certificate re-checked exactly:
 *   revenue LP — unbounded: the ray's γ = −d passes `checkSurplusTrade` and the mechanism
 *     p + 10⁶·d passes BIC and interim IR (src/concepts) with revenue ≥ 10⁶·δz more than p at
 *     every profile; optimal: the dual's (π, λ, μ) pass `checkNoisyConcordance` with Σ π = 1, the
 *     weak-duality bound they prove equals the LP value, and the primal mechanism is BIC, IIR and
 *     collects ≥ that value at every profile (so the maximum is exactly that value);
 *   `surplusTradeLp` — feasible: its trade passes `checkSurplusTrade`; infeasible: its Farkas
 *     certificate read as multipliers passes `checkNoisyConcordance`;
 *   `noisyConcordanceLp` — feasible: its multipliers pass `checkNoisyConcordance`; infeasible: its
 *     Farkas certificate read as a trade passes `checkSurplusTrade`.
 * Beliefs are generic, sparse (zero entries allowed: where an IC trade can coexist with bounded
 * revenue), common-prior posteriors, or Morris's jumbled noisy-concordant beliefs. "Common prior"
 * below is `hasCommonPrior`: Morris's plain (non-IC) trade LP has value 0, i.e. no acceptable trade
 * at all (for full-support beliefs, exactly a common prior; with zeros, a weaker no-trade
 * condition). Then revenue must be bounded (no-trade); the check enforces it. The
 * bounded-without-common-prior tag says whether Morris's IC-trade LP nevertheless has value 1
 * (the cases that separated the old and new statements). When revenue is unbounded the strict-
 * surplus trade γ dominates every mechanism for the revenue criterion (p − γ collects strictly
 * more at every profile, still BIC and IIR): no undominated mechanism, the slide's conclusion.
 *
 * Which reading each id checks: this theorem and the naive refutation read the proof sketch
 * ("revenue is unbounded"); `undominated-revenue-dual` / `no-undominated-without-cpa`
 * (undominated-without-cpa.ts) read the proposition itself ("no undominated mechanism"), whose
 * dual is noisy concordance with π > 0 at every profile — a stronger condition than the Σ π > 0
 * here, so revenue can be bounded while every mechanism is dominated.
 *
 * The naive transcription "on every type space without a common prior revenue is unbounded" drops
 * the slide's "generic": it is FALSE on finite type spaces — beliefs can be noisy concordant
 * without a common prior (Morris's "jumbled" beliefs, [BrooksExPost2023, Noisy concordant beliefs]), and
 * then no strict-surplus IC trade exists and revenue is bounded. `unbounded-without-cpa-naive` is
 * that statement, kept as a refutation; its minimal counterexample is saved in counterexamples/.
 */
import { savedCases } from "./support/controls.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import { qsum } from "../exact/rational.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { casesArb, solveRevenue, feasible, check } from "./support/unboundedRevenue.ts";

export const unboundedWithoutCpa: Theorem<Instance> = {
  id: "unbounded-without-cpa",
  kind: "theorem",
  source: "[BernardMD3, Def 7.17, Prop 7.18, idea of proof]; [BrooksExPost2023, Farkas dual of trade with IC] ([Morris1994]), strict-surplus form",
  statement:
    "Reading: the proof sketch's 'revenue is unbounded' (revenue guaranteed at every profile), not the proposition's 'no undominated mechanism' (that is undominated-revenue-dual). Finite type space with per-type beliefs and a fixed decision rule admitting a BIC, IIR mechanism: the revenue such mechanisms can guarantee at every profile is unbounded iff an acceptable, IC trade with a strict budget surplus at every profile exists iff the beliefs are not noisy concordant (multipliers with λ not all zero); with a common prior it is bounded.",
  arbitrary: casesArb({ generic: 3, sparse: 2, "common-prior": 1, "noisy-concordant": 2 }),
  hypothesis: feasible,
  check: (x) => check(x),
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "revenue LP's dual π off by 1/7",
      why: "the naive refutation's saved case (bounded revenue, no common prior): the revenue LP's dual multipliers with π at the first profile raised by 1/7 no longer form a noisy-concordance certificate with Σ π = 1",
      input: () => {
        const xs = savedCases("unbounded-without-cpa-naive", instanceCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for unbounded-without-cpa-naive");
        return xs[0]!;
      },
      check: (x) => check(x, { dualMultipliers: (m) => ({ ...m, pi: m.pi.map((p, t) => (t === 0 ? p.add(SEVENTH) : p)) }) }),
    },
    {
      name: "ray's trade without its strict surplus",
      why: "the first generated case (fixed seed) with unbounded revenue: the ray's trade γ with agent 1's entry at the first profile set so that Σ_i γ_i = 0 there has no strict budget surplus at every profile",
      input: () => generatedCase(unboundedWithoutCpa.arbitrary, (x) => feasible(x) && solveRevenue(x).revenue.status === "unbounded", "unbounded"),
      check: (x) => check(x, { rayTrade: (g) => g.map((row, i) => row.map((v, t) => (i === 0 && t === 0 ? qsum(g.slice(1).map((r) => r[0]!)).neg() : v))) }),
    },
  ],
};
