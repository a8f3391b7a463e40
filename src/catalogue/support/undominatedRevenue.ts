/** Deciding whether a finite type space has an undominated revenue-maximizing mechanism ([BernardMD3, Def 7.17, Prop 7.18] via [Morris1994]), and the generic 2×2 cases, shared by undominated-revenue-dual and no-undominated-without-cpa. */
import fc from "fast-check";
import { perTypeBeliefs } from "../../generators/index.ts";
import { multipliersFromStrictNcPrimal } from "../../beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance, tradeFromPrimal } from "../../beliefs/noTrade.ts";
import { harsanyiFromBeliefs, mechanismAt, type PerTypeBeliefs } from "../../beliefs/revenueWithoutCommonPrior.ts";
import { checkWeakSurplusTrade, dominationModel, positiveNoisyConcordanceLp, weakSurplusTradeLp, weightedRevenueModel } from "../../beliefs/undominatedMechanisms.ts";
import { qstr, qsum, sign, ZERO, type Q } from "../../exact/rational.ts";
import type { Instance } from "../../instance/index.ts";
import type { LpModel } from "../../lp/model.ts";
import { solve } from "../../lp/solve.ts";
import { pointMassAllocation, type DirectMechanism, type Environment } from "../../model/environment.ts";
import type { CheckResult } from "../types.ts";
import { certifyMechanism, hasCommonPrior, solveRevenue } from "./unboundedRevenue.ts";

export const fail = (violation: unknown, message: string): CheckResult => ({ ok: false, violation, message });

export type Side = { kind: "undominated"; pi: Q[]; mechanism: DirectMechanism; revenue: Q[] } | { kind: "dominated"; gamma: Q[][] };

/**
 * Decide and certify which side of the alternative holds. `ncLp` is the noisy-concordance LP used
 * for side (i) (the theorem uses π ≥ 1; the negative control substitutes π ≥ 0, Σ π = 1).
 */
export function decideUndominated(x: Instance, ncLp: (ts: ReturnType<typeof harsanyiFromBeliefs>) => LpModel = positiveNoisyConcordanceLp): { error: CheckResult } | { side: Side } {
  const env = x.environment;
  const { beliefs, allocation, lp } = solveRevenue(x);
  const ts = harsanyiFromBeliefs(env, beliefs);
  const n = env.agents.length;
  const nc = solve(ncLp(ts));
  const tr = solve(weakSurplusTradeLp(ts));
  const ncFeasible = nc.status === "optimal";
  const trFeasible = tr.status === "optimal";
  if (ncFeasible === trFeasible) return { error: fail({ positiveNoisyConcordance: nc.status, weakSurplusTrade: tr.status }, `both or neither side of the alternative hold: π > 0 noisy concordance ${nc.status}, weak-surplus IC trade ${tr.status}`) };
  if (nc.status === "optimal") {
    const m = multipliersFromStrictNcPrimal(ts, nc.primal);
    const bad = checkNoisyConcordance(ts, m);
    if (bad.length > 0) return { error: fail({ failures: bad }, `the multipliers fail the noisy-concordance re-check: ${bad.join("; ")}`) };
    if (m.pi.some((p) => sign(p) <= 0)) return { error: fail({ pi: m.pi.map(qstr) }, "the noisy-concordance weights π are not positive at every profile") };
    const weighted = solve(weightedRevenueModel(lp, n, m.pi));
    if (weighted.status !== "optimal") return { error: fail({ weightedRevenueLp: weighted.status }, `the π-weighted revenue LP is ${weighted.status} although π > 0 noisy concordance bounds it`) };
    const mech = mechanismAt(env, lp, allocation, weighted.primal);
    const cert = certifyMechanism(env, mech, beliefs, "the π-weighted revenue maximizer");
    if ("error" in cert) return { error: cert.error };
    const dom = solve(dominationModel(lp, n, cert.revenue));
    if (dom.status !== "optimal") return { error: fail({ dominationLp: dom.status }, `the domination LP is ${dom.status}: the π-weighted maximizer is dominated`) };
    if (!dom.value.equals(qsum(cert.revenue))) return { error: fail({ dominationValue: qstr(dom.value), total: qstr(qsum(cert.revenue)) }, `a mechanism with the same rule collects ${qstr(dom.value)} > ${qstr(qsum(cert.revenue))} in total and no less anywhere: the maximizer is dominated`) };
    return { side: { kind: "undominated", pi: m.pi.slice(), mechanism: mech, revenue: cert.revenue } };
  }
  if (tr.status !== "optimal") return { error: fail({}, "unreachable") };
  const gamma = tradeFromPrimal(ts, tr.primal);
  const bad = checkWeakSurplusTrade(ts, gamma);
  if (bad.length > 0) return { error: fail({ failures: bad }, `the weak-surplus trade fails its re-check: ${bad.join("; ")}`) };
  // a concrete feasible mechanism g and g − γ: BIC, IIR, revenue ≥ at every profile and ≠ somewhere
  const rev = solve(lp.model);
  const point = rev.status === "optimal" ? rev.primal : rev.status === "unbounded" ? rev.point : null;
  if (point === null) return { error: fail({ revenueLp: rev.status }, "no BIC, IIR mechanism although the hypothesis holds") };
  const g = mechanismAt(env, lp, allocation, point);
  const gPrime: DirectMechanism = { ...g, payments: g.payments.map((row, t) => row.map((p, i) => p.sub(gamma[i]![t]!))) };
  const a = certifyMechanism(env, g, beliefs, "the mechanism g");
  if ("error" in a) return { error: a.error };
  const b = certifyMechanism(env, gPrime, beliefs, "g − γ");
  if ("error" in b) return { error: b.error };
  let strict = false;
  for (let t = 0; t < a.revenue.length; t++) {
    const d = b.revenue[t]!.sub(a.revenue[t]!);
    if (sign(d) < 0) return { error: fail({ profile: t }, "g − γ collects less than g at some profile") };
    if (sign(d) > 0) strict = true;
  }
  if (!strict) return { error: fail({}, "g − γ collects nowhere more than g") };
  return { side: { kind: "dominated", gamma } };
}

export function theoremCheck(x: Instance, ncLp?: (ts: ReturnType<typeof harsanyiFromBeliefs>) => LpModel): CheckResult {
  const r = decideUndominated(x, ncLp);
  if ("error" in r) return r.error;
  const cp = hasCommonPrior(x);
  const revenueBounded = solveRevenue(x).revenue.status === "optimal";
  // a full-support common prior is π > 0 noisy concordance (μ = 0, λ = marginals); with zero belief
  // entries a profile no type expects can carry a free surplus, so only full support is asserted
  const fullSupport = solveRevenue(x).beliefs.every((bi) => bi.every((b) => b.every((p) => sign(p) > 0)));
  if (r.side.kind === "dominated" && cp && fullSupport) return fail({ commonPrior: true }, "every mechanism is dominated although the full-support beliefs admit a common prior (no-trade)");
  if (r.side.kind === "dominated" && cp) return { ok: true, tag: "no undominated mechanism: common prior, but some profile has belief 0 (free surplus there)" };
  if (r.side.kind === "dominated" && !revenueBounded) return { ok: true, tag: "no undominated mechanism; revenue unbounded" };
  if (r.side.kind === "dominated") return { ok: true, tag: "no undominated mechanism although the guaranteed revenue is bounded (π ≥ 0 but no π > 0)" };
  if (!revenueBounded) return fail({}, "an undominated mechanism exists although the guaranteed revenue is unbounded");
  return { ok: true, certificate: { pi: r.side.pi.map(qstr), revenue: r.side.revenue.map(qstr) }, tag: cp ? "undominated exists: common prior" : "undominated exists: no common prior, π > 0 noisy concordant" };
}

/** 2 agents × 2 types, one decision, zero valuations, generic full-support per-type beliefs. */
export const generic2x2: fc.Arbitrary<Instance> = fc.constant(null).chain(() => {
  const env: Environment = { agents: ["1", "2"], types: [["t1", "t2"], ["t1", "t2"]], decisions: ["d1"], valuation: [0, 1].map(() => Array.from({ length: 4 }, () => [ZERO])) };
  return perTypeBeliefs(env, { maxWeight: 9 }).map((b): Instance => ({
    environment: env,
    beliefs: { kind: "per-type", beliefs: (b.kind === "per-type" ? b.beliefs : []) as PerTypeBeliefs },
    mechanism: { kind: "direct", allocation: pointMassAllocation(env, [0, 0, 0, 0]), payments: Array.from({ length: 4 }, () => [ZERO, ZERO]) },
  }));
});

export const feasible = (x: Instance) => solveRevenue(x).revenue.status !== "infeasible";

/**
 * Found by this theorem's generator (fc.sample seed 7): agent 1 (one type) is sure agent 2 has type
 * t2, both types of agent 2 are sure of agent 1's type. Revenue is bounded (π ≥ 0 noisy concordant),
 * but the profile (t1, t1) is expected only by agent 2's type t1, so no π > 0 exists and a
 * weak-surplus IC trade does.
 */
export const BOUNDED_BUT_DOMINATED = {
  mechcheck: 1,
  environment: { agents: ["1", "2"], types: { "1": ["t1"], "2": ["t1", "t2"] }, decisions: ["d1"], valuation: { "1": { "t1,t1": { d1: "2" }, "t1,t2": { d1: "4" } }, "2": { t1: { d1: "2" }, t2: { d1: "2" } } } },
  beliefs: { perType: { "1": { t1: { t2: "1" } }, "2": { t1: { t1: "1" }, t2: { t1: "1" } } } },
  mechanism: { kind: "direct", allocation: { "t1,t1": "d1", "t1,t2": "d1" } },
};
