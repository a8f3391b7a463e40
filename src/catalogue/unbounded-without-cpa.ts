/**
 * `unbounded-without-cpa` (theorem) and `unbounded-without-cpa-naive` (refutation) —
 * [BernardMD3], Def 7.17 (*Undominated Mechanisms*) and Prop 7.18 (*No
 * Undominated Mechanisms*): "Suppose utilities are quasi-linear. For generic type spaces without
 * common prior, there is no undominated mechanism with respect to the interim Pareto welfare
 * criterion or the revenue criterion. Idea of proof: … players with differing priors are willing
 * to enter bets … Charge players to enter bets → revenue is unbounded." THEOREMS.md links this to
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
import { savedCaseControl, savedCases } from "./support/controls.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import fc from "fast-check";
import { conditionalsOf, correlatedPrior, perTypeBeliefs } from "../generators/index.ts";
import { isBIC, isInterimIR, efficientRule } from "../concepts/index.ts";
import { checkNoisyConcordance, icTradeLp, noisyConcordanceLp, plainTradeLp, randomNoisyConcordantTypeSpace, type NoisyConcordanceMultipliers } from "../beliefs/noTrade.ts";
import {
  checkSurplusTrade,
  multipliersFromNoisyConcordancePrimal,
  multipliersFromSurplusFarkas,
  surplusTradeLp,
  tradeFromNoisyConcordanceFarkas,
  tradeFromSurplusPrimal,
} from "../beliefs/noTradeAlternatives.ts";
import {
  guaranteedRevenueLp,
  harsanyiFromBeliefs,
  mechanismAt,
  multipliersFromRevenueDual,
  ONE_MILLION,
  revenueBoundFromMultipliers,
  scaledMechanism,
  tradeFromRay,
  type PerTypeBeliefs,
} from "../beliefs/revenueWithoutCommonPrior.ts";
import { ONE, q, qstr, qsum, sign, type Q, ZERO } from "../exact/rational.ts";
import type { Instance } from "../instance/index.ts";
import type { LpResult } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { pointMassAllocation, type DirectMechanism, type Environment } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";

// ————————————————————————————————————————————————————————————— cases

function envWith(typeCounts: readonly number[], D: number, flat: readonly number[], privateValues: boolean): Environment {
  const n = typeCounts.length;
  const P = typeCounts.reduce((a, b) => a * b, 1);
  const m1 = typeCounts[1]!;
  return {
    agents: typeCounts.map((_, i) => String(i + 1)),
    types: typeCounts.map((m) => Array.from({ length: m }, (_, k) => `t${k + 1}`)),
    decisions: Array.from({ length: D }, (_, d) => `d${d + 1}`),
    valuation: Array.from({ length: n }, (_, i) =>
      Array.from({ length: P }, (_, t) => {
        // private values: agent i's row depends on its own type only
        const key = privateValues ? (i === 0 ? Math.floor(t / m1) : t % m1) : t;
        return Array.from({ length: D }, (_, d) => q(flat[(i * P + key) * D + d]!));
      }),
    ),
  };
}

type BeliefKind = "generic" | "sparse" | "common-prior" | "noisy-concordant";

function beliefsArb(env: Environment, kind: BeliefKind): fc.Arbitrary<PerTypeBeliefs> {
  const sizes = env.types.map((t) => t.length);
  if (kind === "generic") return perTypeBeliefs(env, { maxWeight: 5 }).map((b) => (b.kind === "per-type" ? b.beliefs : []));
  // beliefs with zero entries: where an IC trade can exist with bounded revenue (IC trade ≠ strict-surplus trade)
  if (kind === "sparse") return perTypeBeliefs(env, { maxWeight: 3, fullSupport: false }).map((b) => (b.kind === "per-type" ? b.beliefs : []));
  if (kind === "common-prior") return correlatedPrior(env, { maxWeight: 5 }).map((prior) => conditionalsOf(sizes, prior));
  // Morris's jumbled beliefs: noisy concordant by construction, generically without a common prior
  return fc.integer({ min: 0, max: 1_000_000 }).map((seed) => randomNoisyConcordantTypeSpace(seed, { types: sizes, states: 1, maxWeight: 5 }).typeSpace.beliefs);
}

export function casesArb(weights: Record<BeliefKind, number>, dims: { minTypes1: number; maxTypes2: number; maxDecisions: number } = { minTypes1: 1, maxTypes2: 3, maxDecisions: 2 }): fc.Arbitrary<Instance> {
  return fc
    .tuple(fc.integer({ min: dims.minTypes1, max: 3 }), fc.integer({ min: 2, max: dims.maxTypes2 }), fc.integer({ min: 1, max: dims.maxDecisions }), fc.boolean())
    .chain(([m0, m1, D, pv]) => {
      const typeCounts = [m0, m1];
      const P = m0 * m1;
      return fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2 * P * D, maxLength: 2 * P * D }).chain((flat) => {
        const env = envWith(typeCounts, D, flat, pv);
        const kinds = (Object.keys(weights) as BeliefKind[]).filter((k) => weights[k] > 0).map((k) => ({ weight: weights[k], arbitrary: beliefsArb(env, k) }));
        const rule = fc.oneof(
          fc.integer({ min: 0, max: D - 1 }).map((d) => new Array<number>(P).fill(d)),
          fc.constant(efficientRule(env)),
          fc.array(fc.integer({ min: 0, max: D - 1 }), { minLength: P, maxLength: P }),
        );
        return fc.tuple(fc.oneof(...kinds), rule).map(([beliefs, r]): Instance => ({
          environment: env,
          beliefs: { kind: "per-type", beliefs },
          mechanism: { kind: "direct", allocation: pointMassAllocation(env, r), payments: r.map(() => env.agents.map(() => ZERO)) },
        }));
      });
    });
}

// ————————————————————————————————————————————————————————————— the two sides

interface Solved {
  readonly beliefs: PerTypeBeliefs;
  readonly allocation: readonly (readonly Q[])[];
  readonly lp: ReturnType<typeof guaranteedRevenueLp>;
  readonly revenue: LpResult;
}

const cache = new WeakMap<Instance, Solved>();
export function solveRevenue(x: Instance): Solved {
  let s = cache.get(x);
  if (!s) {
    const beliefs = (x.beliefs as { kind: "per-type"; beliefs: PerTypeBeliefs }).beliefs;
    const allocation = (x.mechanism as DirectMechanism).allocation;
    const lp = guaranteedRevenueLp(x.environment, beliefs, allocation);
    s = { beliefs, allocation, lp, revenue: solve(lp.model) };
    cache.set(x, s);
  }
  return s;
}

const feasible = (x: Instance) => solveRevenue(x).revenue.status !== "infeasible";

function optimalValue(r: LpResult, what: string): Q {
  if (r.status !== "optimal") throw new Error(`${what}: status ${r.status}`);
  return r.value;
}

/** Does a common prior (full type support) exist? Morris's plain trade LP has value 0. */
export function hasCommonPrior(x: Instance): boolean {
  const ts = harsanyiFromBeliefs(x.environment, solveRevenue(x).beliefs);
  return optimalValue(solve(plainTradeLp(ts)), "plain trade LP").n === 0n;
}

const fail = (violation: unknown, message: string): CheckResult => ({ ok: false, violation, message });
const ncJson = (m: NoisyConcordanceMultipliers) => ({ pi: m.pi.map(qstr), lambda: m.lambda.map((r) => r.map(qstr)), mu: m.mu.map((r) => r.map((c) => c.map(qstr))) });

/** Is the mechanism BIC and interim IR under the per-type beliefs, and what does it collect at the worst profile? */
export function certifyMechanism(env: Environment, mech: DirectMechanism, beliefs: PerTypeBeliefs, what: string): { error: CheckResult } | { revenue: Q[] } {
  const b: { kind: "per-type"; beliefs: PerTypeBeliefs } = { kind: "per-type", beliefs };
  const bic = isBIC(env, mech, b);
  if (bic.verdict === "fails") return { error: fail(bic.violation, `${what} is not BIC`) };
  const ir = isInterimIR(env, mech, b);
  if (ir.verdict === "fails") return { error: fail(ir.violation, `${what} is not interim IR`) };
  return { revenue: mech.payments.map((row) => qsum(row)) };
}

/** What the negative controls perturb (absent in the theorem's own check): the ray's trade, the revenue LP's dual multipliers. */
export interface UnboundedVariant {
  readonly rayTrade?: (gamma: Q[][]) => Q[][];
  readonly dualMultipliers?: (m: NoisyConcordanceMultipliers) => NoisyConcordanceMultipliers;
}

function check(x: Instance, variant: UnboundedVariant = {}): CheckResult {
  const env = x.environment;
  const { beliefs, allocation, lp, revenue } = solveRevenue(x);
  const ts = harsanyiFromBeliefs(env, beliefs);
  if (revenue.status === "infeasible") return fail({ revenueLp: "infeasible" }, "revenue LP infeasible although the hypothesis holds");
  const unbounded = revenue.status === "unbounded";

  // side 2: the strict-surplus trade LP (feasibility; objective 0), certificate either way
  const sp = solve(surplusTradeLp(ts));
  if (sp.status === "unbounded") return fail({ surplusTradeLp: "unbounded" }, "surplus-trade LP unbounded (objective 0: impossible)");
  const surplusTrade = sp.status === "optimal";
  if (surplusTrade) {
    const f = checkSurplusTrade(ts, tradeFromSurplusPrimal(ts, sp.primal));
    if (f.length > 0) return fail({ failures: f }, `the surplus-trade LP's trade fails its re-check: ${f.join("; ")}`);
  } else {
    const f = checkNoisyConcordance(ts, multipliersFromSurplusFarkas(ts, sp.farkas.rows));
    if (f.length > 0) return fail({ failures: f }, `the surplus-trade LP's Farkas certificate fails the noisy-concordance re-check: ${f.join("; ")}`);
  }

  // side 3: noisy concordance with λ not all zero (Σ π = 1), certificate either way
  const nc = solve(noisyConcordanceLp(ts));
  if (nc.status === "unbounded") return fail({ noisyConcordanceLp: "unbounded" }, "noisy-concordance LP unbounded (objective 0: impossible)");
  const noisyConcordant = nc.status === "optimal";
  if (noisyConcordant) {
    const f = checkNoisyConcordance(ts, multipliersFromNoisyConcordancePrimal(ts, nc.primal));
    if (f.length > 0) return fail({ failures: f }, `the noisy-concordance LP's multipliers fail their re-check: ${f.join("; ")}`);
  } else {
    const f = checkSurplusTrade(ts, tradeFromNoisyConcordanceFarkas(ts, nc.farkas.rows));
    if (f.length > 0) return fail({ failures: f }, `the noisy-concordance LP's Farkas certificate is not a strict-surplus IC trade: ${f.join("; ")}`);
  }

  if (unbounded !== surplusTrade || surplusTrade === noisyConcordant) {
    return fail(
      { revenueLp: revenue.status, strictSurplusTrade: surplusTrade, noisyConcordant },
      `revenue LP is ${revenue.status}, a strict-surplus acceptable IC trade ${surplusTrade ? "exists" : "does not exist"}, the beliefs are ${noisyConcordant ? "" : "not "}noisy concordant`,
    );
  }
  const cp = hasCommonPrior(x);

  if (revenue.status === "unbounded") {
    if (cp) return fail({ commonPrior: true }, "revenue is unbounded although the beliefs admit a common prior (contradicts no-trade)");
    const dz = revenue.ray[lp.z]!;
    if (sign(dz) <= 0) return fail({ rayRevenueSlope: qstr(dz) }, "the revenue LP's ray does not raise z");
    const gamma = (variant.rayTrade ?? ((g: Q[][]) => g))(tradeFromRay(env, lp, revenue.ray));
    const tc = checkSurplusTrade(ts, gamma);
    if (tc.length > 0) return fail({ failures: tc }, `the ray's trade γ = −d is not a strict-surplus acceptable IC trade: ${tc.join("; ")}`);
    const base = certifyMechanism(env, mechanismAt(env, lp, allocation, revenue.point), beliefs, "the LP point's mechanism p");
    if ("error" in base) return base.error;
    const scaled = certifyMechanism(env, scaledMechanism(env, lp, allocation, revenue.point, revenue.ray, ONE_MILLION), beliefs, "the scaled mechanism p + 10⁶·d");
    if ("error" in scaled) return scaled.error;
    for (let t = 0; t < scaled.revenue.length; t++) {
      const gain = scaled.revenue[t]!.sub(base.revenue[t]!);
      if (gain.compare(ONE_MILLION.mul(dz)) < 0) return fail({ profile: t, gain: qstr(gain) }, "the scaled mechanism does not raise revenue by 10⁶·δz everywhere");
    }
    return { ok: true, certificate: { rayRevenueSlope: qstr(dz), strictSurplusTrade: gamma.map((g) => g.map(qstr)) }, tag: "unbounded: strict-surplus IC trade (not noisy concordant)" };
  }

  // bounded: the revenue LP's dual is a noisy-concordance certificate and a revenue bound
  const m = (variant.dualMultipliers ?? ((d: NoisyConcordanceMultipliers) => d))(multipliersFromRevenueDual(env, lp, revenue.dual.rows));
  const bad = checkNoisyConcordance(ts, m);
  if (bad.length > 0) return fail({ failures: bad }, `the revenue LP's dual multipliers fail the noisy-concordance re-check: ${bad.join("; ")}`);
  if (!qsum(m.pi).equals(ONE)) return fail({ piSum: qstr(qsum(m.pi)) }, "the revenue LP's dual π does not sum to 1");
  const bound = revenueBoundFromMultipliers(env, lp, m);
  if (!bound.equals(revenue.value)) return fail({ bound: qstr(bound), value: qstr(revenue.value) }, `weak-duality bound ${qstr(bound)} ≠ LP value ${qstr(revenue.value)}`);
  const opt = certifyMechanism(env, mechanismAt(env, lp, allocation, revenue.primal), beliefs, "the revenue LP's optimal mechanism");
  if ("error" in opt) return opt.error;
  const worst = opt.revenue.reduce((a, b) => (b.compare(a) < 0 ? b : a));
  if (!worst.equals(bound)) return fail({ worstProfileRevenue: qstr(worst), bound: qstr(bound) }, `the optimal mechanism guarantees ${qstr(worst)}, not the bound ${qstr(bound)}`);
  let tag: string;
  if (cp) tag = "bounded: common prior";
  else {
    const ic = solve(icTradeLp(ts));
    const icValue = optimalValue(ic, "IC trade LP");
    tag = icValue.equals(ONE) ? "bounded: noisy concordant, no common prior, an IC trade exists (no strict surplus)" : icValue.n === 0n ? "bounded: noisy concordant, no common prior, no IC trade" : `bounded: IC trade LP value ${qstr(icValue)} (neither 0 nor 1)`;
  }
  return { ok: true, certificate: { guaranteedRevenue: qstr(revenue.value), noisyConcordance: ncJson(m) }, tag };
}

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

export const unboundedWithoutCpaNaive: Theorem<Instance> = {
  id: "unbounded-without-cpa-naive",
  kind: "refutation",
  source: "[BernardMD3, Prop 7.18, idea of proof] (\"charge players to enter bets → revenue is unbounded\"), on fixed finite type sets",
  statement: "Naive finite transcription of the proof sketch: on every finite type space without a common prior, BIC, interim IR mechanisms (fixed feasible rule) have unbounded guaranteed revenue (false because noisy-concordant beliefs without a common prior bound it, and they form an open set of beliefs, so 'generic' does not rescue it: 140 of 300 random full-support 2 × 2 belief profiles, bench/undominated-generic.ts).",
  trueVersion: "unbounded-without-cpa",
  arbitrary: casesArb({ generic: 1, sparse: 0, "common-prior": 0, "noisy-concordant": 3 }, { minTypes1: 2, maxTypes2: 2, maxDecisions: 1 }),
  hypothesis: (x) => feasible(x) && !hasCommonPrior(x),
  check: (x) => {
    const { revenue } = solveRevenue(x);
    if (revenue.status === "unbounded") return { ok: true, tag: "unbounded (a strict-surplus IC trade exists)" };
    const r = check(x); // the true theorem's certificates: noisy-concordance multipliers
    if (!r.ok) return r;
    return {
      ok: false,
      violation: { guaranteedRevenue: revenue.status === "optimal" ? qstr(revenue.value) : revenue.status, certificate: r.certificate },
      message: `no common prior (Morris's plain trade LP finds a trade), yet the guaranteed revenue is bounded (max ${revenue.status === "optimal" ? qstr(revenue.value) : revenue.status}): the beliefs are noisy concordant (λ not all zero), so no acceptable IC trade has a strict surplus at every profile`,
    };
  },
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("unbounded-without-cpa-naive", instanceCodec)],
};
