/**
 * `revenue-equivalence-grid-naive` (refutation) — [BernardMD3] *Incentive Compatibility Constraints*
 * (eq. (5): "q determines expected payments up to a constant"); [Mishra2020] *IC Characterization*;
 * [BrooksMaxmin2023] *Generalized revenue equivalence*. The naive finite transcription:
 *
 *   "Single-object grid, private values, independent full-support prior: two BIC direct mechanisms
 *    with the same interim allocation Q_i(·) for every bidder and the same interim utility of every
 *    bidder's lowest type have the same expected revenue."
 *
 * False on grids: between neighbouring types the payment difference may sit anywhere in
 * [w(k−1)ΔQ, w(k)ΔQ] (src/mechanisms/revenueEquivalenceGrid.ts), so with ΔQ > 0 the revenue moves.
 * The smallest counterexample is one bidder with two values (a posted price anywhere between them
 * sells to the high type only). A case is two mechanisms on one environment and prior; both are
 * certified BIC by isBIC (hypothesis), their interim allocations and bottom utilities are compared
 * exactly, and the revenues are computed from the ex post payment tables. The true version —
 * revenue is pinned when every local downward IC binds, and always lies in [R_up, R_down] — is
 * `revenue-equivalence-grid`.
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { isBIC } from "../concepts/index.ts";
import { ONE, type Q, q, qstr, ZERO } from "../exact/rational.ts";
import { intArray, normalize } from "../generators/index.ts";
import { instanceToJson, parseInstance, type Instance } from "../instance/index.ts";
import type { DirectMechanism } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { checkIndependence, productOfMarginals } from "../model/independence.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";
import { expectedRevenue, interimPaymentsAt, interimTables, paymentsWithInterim, singleObjectGrids } from "../auctions/revenueEquivalenceGrid.ts";
import type { CaseCodec, Theorem } from "./types.ts";
import { direct, handicapAllocation } from "../generators/gridAuctionCase.ts";
import { commonPrior } from "../generators/ruleCases.ts";
import { gridHypothesis } from "./support/revenueEquivalenceGrid.ts";

/** Two mechanisms on the same environment and prior. */
export interface MechanismPair {
  readonly a: Instance;
  readonly b: Instance;
}

export const pairCodec: CaseCodec<MechanismPair> = {
  encode: (x) => ({ a: instanceToJson(x.a), b: instanceToJson(x.b) }),
  decode: (j) => {
    const o = j as { a: unknown; b: unknown };
    return { a: parseInstance(o.a), b: parseInstance(o.b) };
  },
};

const LAMBDAS: readonly Q[] = [ONE, ZERO, q(1).div(q(2)), q(1).div(q(4)), q(3).div(q(4))];

/**
 * Built without `chain` (fixed-length raw arrays, sliced), so every component shrinks on its own
 * and the failure shrinks to its minimal size: bidders, then grid sizes, then values, weights,
 * handicaps and reserve, then the two mechanisms' positions λ in the local intervals (index into
 * LAMBDAS: 1 = downward binds, 0 = upward binds, interior points). Both mechanisms share the
 * allocation (a handicap auction with reserve: monotone) and the bottom payments.
 */
const arbitrary: fc.Arbitrary<MechanismPair> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    starts: intArray(3, 0, 3),
    steps: intArray(6, 1, 3),
    weights: intArray(9, 1, 4),
    bias: intArray(3, -2, 2),
    reserve: fc.integer({ min: 0, max: 4 }),
    bottom: intArray(3, -3, 3),
    lambdaA: intArray(9, 0, LAMBDAS.length - 1),
    lambdaB: intArray(9, 0, LAMBDAS.length - 1),
  })
  .map((r): MechanismPair => {
    const values = r.sizes.map((K, i) => {
      const w = [q(r.starts[i]!)];
      for (let k = 1; k < K; k++) w.push(w[k - 1]!.add(q(r.steps[2 * i + k - 1]!)));
      return w;
    });
    const env = singleObjectEnvironment(values, { noSale: true });
    const marginals = r.sizes.map((K, i) => normalize(r.weights.slice(3 * i, 3 * i + K)));
    const prior = productOfMarginals(marginals);
    const allocation = handicapAllocation(env, r.bias, r.reserve);
    const { Q: Qs } = interimTables(values, marginals, direct(allocation, allocation.map(() => env.agents.map(() => ZERO))));
    const mk = (lam: readonly number[]): Instance => {
      const target = values.map((w, i) => interimPaymentsAt(w, Qs[i]!, q(r.bottom[i]!), w.map((_, k) => LAMBDAS[lam[3 * i + k]!]!)));
      return { environment: env, beliefs: commonPrior(prior), mechanism: direct(allocation, paymentsWithInterim(marginals, target)) };
    };
    return { a: mk(r.lambdaA), b: mk(r.lambdaB) };
  });

const fr = (rows: readonly (readonly Q[])[]) => rows.map((r) => r.map(qstr));

function tablesOf(x: Instance) {
  const grids = singleObjectGrids(x.environment);
  if (!("values" in grids)) throw new Error(grids.reason);
  const prior = (x.beliefs as { prior: readonly Q[] }).prior;
  const marginals = checkIndependence(typeSizes(x.environment), prior).marginals;
  const mech = x.mechanism as DirectMechanism;
  return { tables: interimTables(grids.values, marginals, mech), revenue: expectedRevenue(marginals, mech.payments) };
}

const sameRows = (a: readonly (readonly Q[])[], b: readonly (readonly Q[])[]) => a.every((r, i) => r.every((x, k) => x.equals(b[i]![k]!)));

export const revenueEquivalenceGridNaive: Theorem<MechanismPair> = {
  id: "revenue-equivalence-grid-naive",
  kind: "refutation",
  source: "[BernardMD3, Incentive Compatibility Constraints (5)]; [Mishra2020, IC Characterization]; [BrooksMaxmin2023, Generalized revenue equivalence]",
  statement: "Naive grid transcription: two BIC single-object mechanisms (independent private values on grids) with the same interim allocation and the same utility of every bidder's lowest type have the same expected revenue.",
  trueVersion: "revenue-equivalence-grid",
  arbitrary,
  hypothesis: (x) => {
    if (!gridHypothesis(x.a) || !gridHypothesis(x.b)) return false;
    if (JSON.stringify(instanceToJson({ environment: x.a.environment, beliefs: x.a.beliefs! })) !== JSON.stringify(instanceToJson({ environment: x.b.environment, beliefs: x.b.beliefs! }))) return false;
    if (isBIC(x.a.environment, x.a.mechanism as DirectMechanism, x.a.beliefs!).verdict !== "holds") return false;
    if (isBIC(x.b.environment, x.b.mechanism as DirectMechanism, x.b.beliefs!).verdict !== "holds") return false;
    const A = tablesOf(x.a).tables;
    const B = tablesOf(x.b).tables;
    return sameRows(A.Q, B.Q) && A.U.every((u, i) => u[0]!.equals(B.U[i]![0]!));
  },
  check: (x) => {
    const A = tablesOf(x.a);
    const B = tablesOf(x.b);
    const cert = {
      interimAllocation: fr(A.tables.Q),
      lowestTypeUtility: A.tables.U.map((u) => qstr(u[0]!)),
      interimPaymentsA: fr(A.tables.P),
      interimPaymentsB: fr(B.tables.P),
      revenueA: qstr(A.revenue),
      revenueB: qstr(B.revenue),
    };
    if (!A.revenue.equals(B.revenue)) {
      return { ok: false, violation: cert, message: `both BIC, same interim allocation and bottom utilities, yet expected revenue ${qstr(A.revenue)} ≠ ${qstr(B.revenue)}` };
    }
    return { ok: true, certificate: cert, tag: sameRows(A.tables.P, B.tables.P) ? "same interim payments" : "different interim payments, same revenue" };
  },
  codec: pairCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("revenue-equivalence-grid-naive", pairCodec)],
};
