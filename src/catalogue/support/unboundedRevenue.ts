/** The revenue LP of a fixed finite type space without a common prior ([BernardMD3, Def 7.17, Prop 7.18]; [Morris1994]): generated cases, the exact solve (cached per case), the certified mechanism and the check of unboundedness, shared by the unbounded-without-cpa family and the undominated-revenue family. */
import fc from "fast-check";
import { conditionalsOf, correlatedPrior, perTypeBeliefs } from "../../generators/index.ts";
import { isBIC, isInterimIR, efficientRule } from "../../concepts/index.ts";
import { checkNoisyConcordance, icTradeLp, noisyConcordanceLp, plainTradeLp, randomNoisyConcordantTypeSpace, type NoisyConcordanceMultipliers } from "../../beliefs/noTrade.ts";
import { checkSurplusTrade, multipliersFromNoisyConcordancePrimal, multipliersFromSurplusFarkas, surplusTradeLp, tradeFromNoisyConcordanceFarkas, tradeFromSurplusPrimal } from "../../beliefs/noTradeAlternatives.ts";
import { guaranteedRevenueLp, harsanyiFromBeliefs, mechanismAt, multipliersFromRevenueDual, ONE_MILLION, revenueBoundFromMultipliers, scaledMechanism, tradeFromRay, type PerTypeBeliefs } from "../../beliefs/revenueWithoutCommonPrior.ts";
import { ONE, q, qstr, qsum, sign, type Q, ZERO } from "../../exact/rational.ts";
import type { Instance } from "../../instance/index.ts";
import type { LpResult } from "../../lp/model.ts";
import { solve } from "../../lp/solve.ts";
import { pointMassAllocation, type DirectMechanism, type Environment } from "../../model/environment.ts";
import type { CheckResult } from "../types.ts";

// ————————————————————————————————————————————————————————————— cases

export function envWith(typeCounts: readonly number[], D: number, flat: readonly number[], privateValues: boolean): Environment {
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

export type BeliefKind = "generic" | "sparse" | "common-prior" | "noisy-concordant";

export function beliefsArb(env: Environment, kind: BeliefKind): fc.Arbitrary<PerTypeBeliefs> {
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

export interface Solved {
  readonly beliefs: PerTypeBeliefs;
  readonly allocation: readonly (readonly Q[])[];
  readonly lp: ReturnType<typeof guaranteedRevenueLp>;
  readonly revenue: LpResult;
}

export const cache = new WeakMap<Instance, Solved>();
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

export const feasible = (x: Instance) => solveRevenue(x).revenue.status !== "infeasible";

export function optimalValue(r: LpResult, what: string): Q {
  if (r.status !== "optimal") throw new Error(`${what}: status ${r.status}`);
  return r.value;
}

/** Does a common prior (full type support) exist? Morris's plain trade LP has value 0. */
export function hasCommonPrior(x: Instance): boolean {
  const ts = harsanyiFromBeliefs(x.environment, solveRevenue(x).beliefs);
  return optimalValue(solve(plainTradeLp(ts)), "plain trade LP").n === 0n;
}

export const fail = (violation: unknown, message: string): CheckResult => ({ ok: false, violation, message });
export const ncJson = (m: NoisyConcordanceMultipliers) => ({ pi: m.pi.map(qstr), lambda: m.lambda.map((r) => r.map(qstr)), mu: m.mu.map((r) => r.map((c) => c.map(qstr))) });

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

export function check(x: Instance, variant: UnboundedVariant = {}): CheckResult {
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
