/**
 * `revenue-equivalence-correlated` (refutation) — [BernardMD3] *Failure of Revenue Equivalence* ("q
 * determines expected payments up to a constant. This is no longer possible when types are
 * interdependent"), against [BernardMD3] *Incentive Compatibility Constraints* (5).
 *
 * The statement refuted is the finite version that IS true for independent types
 * (`revenue-equivalence-grid`), transcribed to correlated ones:
 *
 *   "Single-object grid, private values, full-support common prior (correlation allowed): two BIC
 *    and interim-IR direct mechanisms with the same allocation rule, the same interim utility of
 *    every bidder's lowest type, and every local downward IC constraint binding (type k indifferent
 *    to reporting k − 1) have the same expected revenue."
 *
 * Cases: 2–3 bidders with 1–3 values each (grids from 0..3, steps 1..3) and a random full-support
 * prior; the hypothesis keeps the correlated ones (prior ≠ product of its marginals). The allocation
 * is the efficient one of the second-price auction (highest value wins, ties split uniformly; the
 * object is always sold), and the lowest types' utilities are those of the second-price auction
 * under this prior. An exact LP (src/mechanisms/revenueEquivalenceCorrelated.ts, payments boxed in
 * [−B, B], B = 2·(highest value + 1)) finds the least and the largest expected revenue over all
 * payment tables meeting the conditions — a Crémer–McLean-style use of the correlation: payments
 * whose mean is fixed under one type's belief but not under its neighbour's. When the two differ,
 * both mechanisms are re-certified independently of the LP — isBIC and isInterimIR of src/concepts,
 * every downward constraint's two interim utilities recomputed and compared, the bottom utilities
 * compared — and the revenues are computed from the payment tables: the statement fails. The
 * violation also reports the expected surplus E[max value]: the larger revenue is typically full
 * surplus extraction (every type's rent 0, Crémer–McLean), the second-price auction earns less.
 * Under an independent prior the same LP's min and max coincide (revenue-equivalence-grid).
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { conditionalBeliefs, interimUtility, isBIC, isInterimIR } from "../concepts/index.ts";
import { type Q, q, qstr, ZERO } from "../exact/rational.ts";
import { intArray, normalize } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { lotteryValue, typeSizes } from "../model/environment.ts";
import { auctionDirectMechanism } from "../auctions/gridAuctions.ts";
import { checkIndependence } from "../model/independence.ts";
import { downwardBindingRevenueRange, expectedPayments } from "../auctions/revenueEquivalenceCorrelated.ts";
import { singleObjectGrids } from "../auctions/revenueEquivalenceGrid.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";
import type { Theorem } from "./types.ts";
import { commonPrior, instanceCodec } from "../generators/ruleCases.ts";

/** Without `chain`: fixed-length raw arrays, sliced, so bidders, grid sizes, values and weights shrink independently. */
const arbitrary: fc.Arbitrary<Instance> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
    starts: intArray(3, 0, 3),
    steps: intArray(6, 1, 3),
    weights: intArray(27, 1, 5),
  })
  .map((r): Instance => {
    const values = r.sizes.map((K, i) => {
      const w = [q(r.starts[i]!)];
      for (let k = 1; k < K; k++) w.push(w[k - 1]!.add(q(r.steps[2 * i + k - 1]!)));
      return w;
    });
    const env = singleObjectEnvironment(values, { noSale: true });
    const P = r.sizes.reduce((a, b) => a * b, 1);
    return { environment: env, beliefs: commonPrior(normalize(r.weights.slice(0, P))) };
  });

function priorOf(x: Instance): readonly Q[] {
  return (x.beliefs as { prior: readonly Q[] }).prior;
}

/** Interim utility of every type of every bidder, truthful, under the prior's conditional beliefs. */
function interimUtilities(env: Environment, mech: DirectMechanism, x: Instance): Q[][] {
  const cond = conditionalBeliefs(env, x.beliefs!);
  return typeSizes(env).map((m, i) => Array.from({ length: m }, (_, k) => interimUtility(env, mech, i, k, k, cond[i]![k]!)));
}

/** Every local downward constraint binds: u(k reports k) = u(k reports k − 1), recomputed from the tables. */
function downwardSlacks(env: Environment, mech: DirectMechanism, x: Instance): Q[][] {
  const cond = conditionalBeliefs(env, x.beliefs!);
  return typeSizes(env).map((m, i) => Array.from({ length: m - 1 }, (_, j) => interimUtility(env, mech, i, j + 1, j + 1, cond[i]![j + 1]!).sub(interimUtility(env, mech, i, j + 1, j, cond[i]![j + 1]!))));
}

const table = (t: readonly (readonly Q[])[]) => t.map((r) => r.map(qstr));

export const revenueEquivalenceCorrelated: Theorem<Instance> = {
  id: "revenue-equivalence-correlated",
  kind: "refutation",
  source: "[BernardMD3, Failure of Revenue Equivalence; Incentive Compatibility Constraints (5)]",
  statement:
    "Correlated common prior on a single-object grid: two BIC, interim-IR mechanisms with the same allocation rule, the same utility of every bidder's lowest type and every local downward IC binding have the same expected revenue (true for independent types).",
  trueVersion: "revenue-equivalence-grid",
  arbitrary,
  hypothesis: (x) => {
    if (x.beliefs?.kind !== "common-prior" || x.environment.typeValues === undefined || !("values" in singleObjectGrids(x.environment))) return false;
    const prior = priorOf(x);
    return prior.every((p) => p.n > 0n) && !checkIndependence(typeSizes(x.environment), prior).independent;
  },
  check: (x) => {
    const env = x.environment;
    const prior = priorOf(x);
    const grids = singleObjectGrids(env);
    if (!("values" in grids)) throw new Error(grids.reason);
    const top = grids.values.flat().reduce((a, b) => (b.compare(a) > 0 ? b : a));
    const spa = auctionDirectMechanism(env, "second-price");
    const spaBottom = interimUtilities(env, spa, x).map((u) => u[0]!);
    const range = downwardBindingRevenueRange(env, prior, spa.allocation, spaBottom, { bound: top.add(1).mul(2), interimIR: true });
    if (range.status === "infeasible") {
      return { ok: true, tag: "no BIC, IIR, downward-binding mechanism with the efficient allocation (Farkas-certified)", certificate: { farkas: range.farkas.map(qstr) } };
    }
    if (range.min.revenue.equals(range.max.revenue)) {
      return { ok: true, tag: "revenue pinned for this prior", certificate: { revenue: qstr(range.min.revenue) } };
    }
    // Re-certify both mechanisms without the LP.
    const A = range.min.mechanism;
    const B = range.max.mechanism;
    for (const [name, m] of [["A", A], ["B", B]] as const) {
      const bic = isBIC(env, m, x.beliefs!);
      if (bic.verdict !== "holds") throw new Error(`LP mechanism ${name} is not BIC: ${JSON.stringify(bic.violation)}`);
      const iir = isInterimIR(env, m, x.beliefs!);
      if (iir.verdict !== "holds") throw new Error(`LP mechanism ${name} is not interim IR`);
      if (!downwardSlacks(env, m, x).every((r) => r.every((s) => s.n === 0n))) throw new Error(`LP mechanism ${name}: a local downward IC constraint does not bind`);
      if (!interimUtilities(env, m, x).every((u, i) => u[0]!.equals(spaBottom[i]!))) throw new Error(`LP mechanism ${name}: a lowest type's utility differs from the target`);
    }
    if (!A.allocation.every((row, th) => row.every((p, d) => p.equals(B.allocation[th]![d]!)))) throw new Error("the two mechanisms' allocations differ");
    const rA = expectedPayments(prior, A.payments);
    const rB = expectedPayments(prior, B.payments);
    if (rA.equals(rB)) throw new Error("re-computed revenues coincide although the LP values differ");
    let surplus = ZERO;
    prior.forEach((p, th) => env.agents.forEach((_, i) => (surplus = surplus.add(p.mul(lotteryValue(env, i, th, spa.allocation[th]!))))));
    return {
      ok: false,
      message: `correlated prior: two BIC, interim-IR mechanisms with the efficient allocation, the same bottom utilities (${spaBottom.map(qstr).join(", ")}) and all local downward IC binding earn ${qstr(rA)} and ${qstr(rB)} (second-price auction: ${qstr(expectedPayments(prior, spa.payments))})`,
      violation: {
        lowestTypeUtilities: spaBottom.map(qstr),
        revenueA: qstr(rA),
        revenueB: qstr(rB),
        paymentsA: table(A.payments),
        paymentsB: table(B.payments),
        interimUtilitiesA: table(interimUtilities(env, A, x)),
        interimUtilitiesB: table(interimUtilities(env, B, x)),
        secondPriceRevenue: qstr(expectedPayments(prior, spa.payments)),
        expectedSurplus: qstr(surplus),
        fullSurplusExtraction: rB.equals(surplus),
        independence: checkIndependence(typeSizes(env), prior),
      },
    };
  },
  codec: instanceCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("revenue-equivalence-correlated", instanceCodec)],
};
