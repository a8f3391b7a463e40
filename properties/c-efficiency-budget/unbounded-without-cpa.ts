/**
 * `unbounded-without-cpa` (theorem) and `unbounded-without-cpa-naive` (refutation) — seed 001
 * (Bernard, *Mechanism Design III*), Def 7.17 (*Undominated Mechanisms*) and Prop 7.18 (*No
 * Undominated Mechanisms*): "Suppose utilities are quasi-linear. For generic type spaces without
 * common prior, there is no undominated mechanism with respect to the interim Pareto welfare
 * criterion or the revenue criterion. Idea of proof: … players with differing priors are willing
 * to enter bets … Charge players to enter bets → revenue is unbounded." THEOREMS.md links this to
 * `morris-ic-trade` (seed 000, Morris 1994).
 *
 * Finite transcription (src/constructions/revenueUnbounded.ts). A finite environment whose payoff
 * types are the types (2 agents, 1–3 types, 1–2 decisions, integer valuations, interdependent or
 * private), per-type beliefs π_i(t_{-i} | t_i) (no common prior assumed), a fixed decision rule q
 * (constant, efficient or random). "Revenue is unbounded" := for every M there is a BIC, interim
 * IR mechanism with rule q collecting ≥ M at EVERY report profile, i.e. the exact LP
 * max z s.t. Σ_i p_i(t) ≥ z ∀t, BIC, IIR is unbounded. Hypothesis: some BIC, IIR mechanism with
 * rule q exists (the LP is feasible). Theorem:
 *   revenue unbounded  ⇔  a feasible, acceptable, IC trade exists (Morris's IC-trade LP,
 *   src/constructions/morrisTrade.ts, value 1)  ⇔  beliefs are not noisy concordant.
 * Both sides are solved independently and must agree, each with a certificate: unbounded — the
 * LP's ray turned into a trade (re-checked by `checkTrade`: strictly feasible, acceptable, IC) and
 * the mechanism p + 10⁶·d re-checked BIC and interim IR by src/concepts with revenue ≥ 10⁶·δz more
 * than p at every profile; bounded — the noisy-concordance multipliers (π, λ, μ) read off the
 * trade LP's dual, re-checked by `checkNoisyConcordance`. With a common prior (Morris's plain trade
 * LP value 0), revenue must be bounded (the no-trade theorem). In that case an IC trade γ also
 * dominates every mechanism (p − γ collects weakly more everywhere, strictly somewhere): no
 * undominated mechanism, the slide's conclusion.
 *
 * The naive transcription "on every type space without a common prior revenue is unbounded" drops
 * the slide's "generic": it is FALSE on finite type spaces — beliefs can be noisy concordant
 * without a common prior (Morris's "jumbled" beliefs, seed 000 *Noisy concordant beliefs*), and
 * then no IC trade exists and revenue is bounded. `unbounded-without-cpa-naive` is that statement,
 * kept as a refutation; its minimal counterexample is saved in counterexamples/.
 */
import fc from "fast-check";
import { conditionalsOf, correlatedPrior, perTypeBeliefs } from "../../src/generators/index.ts";
import { isBIC, isInterimIR, efficientRule } from "../../src/concepts/index.ts";
import { checkNoisyConcordance, checkTrade, icTradeLp, multipliersFromTradeDual, plainTradeLp, randomNoisyConcordantTypeSpace } from "../../src/constructions/morrisTrade.ts";
import { guaranteedRevenueLp, harsanyiFromBeliefs, ONE_MILLION, scaledMechanism, tradeFromRay, type PerTypeBeliefs } from "../../src/constructions/revenueUnbounded.ts";
import { ONE, q, qstr, sign, type Q, ZERO } from "../../src/exact/rational.ts";
import type { Instance } from "../../src/instance/index.ts";
import type { LpResult } from "../../src/lp/model.ts";
import { solve } from "../../src/lp/solve.ts";
import { pointMassAllocation, type DirectMechanism, type Environment } from "../../src/model/environment.ts";
import type { CheckResult, Theorem } from "../../src/theorem/types.ts";
import { instanceCodec } from "../support/cases.ts";

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

type BeliefKind = "generic" | "common-prior" | "noisy-concordant";

function beliefsArb(env: Environment, kind: BeliefKind): fc.Arbitrary<PerTypeBeliefs> {
  const sizes = env.types.map((t) => t.length);
  if (kind === "generic") return perTypeBeliefs(env, { maxWeight: 5 }).map((b) => (b.kind === "per-type" ? b.beliefs : []));
  if (kind === "common-prior") return correlatedPrior(env, { maxWeight: 5 }).map((prior) => conditionalsOf(sizes, prior));
  // Morris's jumbled beliefs: noisy concordant by construction, generically without a common prior
  return fc.integer({ min: 0, max: 1_000_000 }).map((seed) => randomNoisyConcordantTypeSpace(seed, { types: sizes, states: 1, maxWeight: 5 }).typeSpace.beliefs);
}

function casesArb(weights: Record<BeliefKind, number>, dims: { minTypes1: number; maxTypes2: number; maxDecisions: number } = { minTypes1: 1, maxTypes2: 3, maxDecisions: 2 }): fc.Arbitrary<Instance> {
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
function solveRevenue(x: Instance): Solved {
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
function hasCommonPrior(x: Instance): boolean {
  const ts = harsanyiFromBeliefs(x.environment, solveRevenue(x).beliefs);
  return optimalValue(solve(plainTradeLp(ts)), "plain trade LP").n === 0n;
}

function check(x: Instance): CheckResult {
  const env = x.environment;
  const { beliefs, allocation, lp, revenue } = solveRevenue(x);
  const ts = harsanyiFromBeliefs(env, beliefs);
  const icModel = icTradeLp(ts);
  const morris = solve(icModel);
  const tradeValue = optimalValue(morris, "IC trade LP");
  const tradeExists = tradeValue.equals(ONE);
  if (!tradeExists && tradeValue.n !== 0n) return { ok: false, violation: { tradeValue: qstr(tradeValue) }, message: `IC trade LP value ${qstr(tradeValue)} is neither 0 nor 1` };
  const cp = hasCommonPrior(x);
  const unbounded = revenue.status === "unbounded";
  if (unbounded !== tradeExists) {
    return { ok: false, violation: { revenueLp: revenue.status, icTrade: tradeExists }, message: `revenue LP is ${revenue.status} but an IC trade ${tradeExists ? "exists" : "does not exist"}` };
  }
  if (unbounded) {
    if (revenue.status !== "unbounded") throw new Error("unreachable");
    if (cp) return { ok: false, violation: { commonPrior: true }, message: "revenue is unbounded although the beliefs admit a common prior (contradicts no-trade)" };
    const gamma = tradeFromRay(env, lp, revenue.ray);
    const tc = checkTrade(ts, gamma, { ic: true });
    if (tc.failures.length > 0) return { ok: false, violation: { failures: tc.failures }, message: `the ray's trade fails: ${tc.failures.join("; ")}` };
    const mech = scaledMechanism(env, lp, allocation, revenue.point, revenue.ray, ONE_MILLION);
    const b: { kind: "per-type"; beliefs: PerTypeBeliefs } = { kind: "per-type", beliefs };
    const bic = isBIC(env, mech, b);
    if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: "the scaled mechanism p + 10⁶·d is not BIC" };
    const ir = isInterimIR(env, mech, b);
    if (ir.verdict === "fails") return { ok: false, violation: ir.violation, message: "the scaled mechanism p + 10⁶·d is not interim IR" };
    const dz = revenue.ray[lp.z]!;
    for (let t = 0; t < mech.payments.length; t++) {
      const gain = mech.payments[t]!.reduce((s, p) => s.add(p), ZERO).sub(env.agents.reduce((s, _, i) => s.add(revenue.point[lp.p(i, t)]!), ZERO));
      if (gain.compare(ONE_MILLION.mul(dz)) < 0 || sign(dz) <= 0) return { ok: false, violation: { profile: t, gain: qstr(gain) }, message: "the scaled mechanism does not raise revenue by 10⁶·δz everywhere" };
    }
    return { ok: true, certificate: { rayRevenueSlope: qstr(dz), trade: gamma.map((g) => g.map(qstr)) }, tag: "unbounded: IC trade exists (no common prior)" };
  }
  if (revenue.status !== "optimal") return { ok: false, violation: { status: revenue.status }, message: `revenue LP status ${revenue.status}` };
  if (morris.status !== "optimal") throw new Error("unreachable");
  const m = multipliersFromTradeDual(ts, morris.dual.rows, { ic: true });
  const bad = checkNoisyConcordance(ts, m);
  if (bad.length > 0) return { ok: false, violation: { failures: bad }, message: `noisy-concordance multipliers fail: ${bad.join("; ")}` };
  return {
    ok: true,
    certificate: { guaranteedRevenue: qstr(revenue.value), noisyConcordance: { pi: m.pi.map(qstr), lambda: m.lambda.map((r) => r.map(qstr)), mu: m.mu.map((r) => r.map((c) => c.map(qstr))) } },
    tag: cp ? "bounded: common prior" : "bounded WITHOUT a common prior (noisy concordant)",
  };
}

export const unboundedWithoutCpa: Theorem<Instance> = {
  id: "unbounded-without-cpa",
  kind: "theorem",
  source: "001 Def 7.17, Prop 7.18; 000 *Farkas dual of trade with IC* (Morris 1994)",
  statement:
    "Finite type space with per-type beliefs and a fixed decision rule admitting a BIC, IIR mechanism: the revenue such mechanisms can guarantee at every profile is unbounded iff a feasible, acceptable, IC trade exists (iff beliefs are not noisy concordant); with a common prior it is bounded.",
  arbitrary: casesArb({ generic: 3, "common-prior": 1, "noisy-concordant": 2 }),
  hypothesis: feasible,
  check,
  codec: instanceCodec,
  defaultRuns: 200,
};

export const unboundedWithoutCpaNaive: Theorem<Instance> = {
  id: "unbounded-without-cpa-naive",
  kind: "refutation",
  source: "001 Prop 7.18 (without \"generic\")",
  statement: "On every finite type space without a common prior, BIC, interim IR mechanisms (fixed feasible rule) have unbounded revenue.",
  trueVersion: "unbounded-without-cpa",
  arbitrary: casesArb({ generic: 1, "common-prior": 0, "noisy-concordant": 3 }, { minTypes1: 2, maxTypes2: 2, maxDecisions: 1 }),
  hypothesis: (x) => feasible(x) && !hasCommonPrior(x),
  check: (x) => {
    const { revenue } = solveRevenue(x);
    if (revenue.status === "unbounded") return { ok: true, tag: "unbounded (an IC trade exists)" };
    const r = check(x); // the true theorem's certificates: noisy-concordance multipliers
    if (!r.ok) return r;
    return {
      ok: false,
      violation: { guaranteedRevenue: revenue.status === "optimal" ? qstr(revenue.value) : revenue.status, certificate: r.certificate },
      message: `no common prior (Morris's plain trade LP finds a trade), yet the guaranteed revenue is bounded (max ${revenue.status === "optimal" ? qstr(revenue.value) : revenue.status}): the beliefs are noisy concordant, so no IC trade exists`,
    };
  },
  codec: instanceCodec,
  defaultRuns: 200,
};
