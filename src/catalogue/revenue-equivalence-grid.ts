/**
 * `revenue-equivalence-grid` — [BernardMD3] *Incentive Compatibility Constraints* (monotonicity (4) and
 * the revenue-equivalence condition (5)); [Mishra2020] *IC Characterization*; [BrooksMaxmin2023] *Generalized
 * revenue equivalence*. The finite-grid transcription.
 *
 * Class: single-object environments (n ≤ 3 bidders, decision i = "bidder i gets the object", plus
 * "no sale"), private values on strictly increasing grids w_i(1) < … < w_i(K_i) (2 ≤ K_i ≤ 3,
 * per bidder), an independent full-support common prior, and a direct mechanism (lotteries, payments
 * paid by the bidders). With Q_i, P_i, U_i the interim allocation, payment and utility of
 * src/mechanisms/revenueEquivalenceGrid.ts, this checks on every case:
 *
 *  (1) BIC (decided by isBIC of src/concepts, by enumeration of all interim constraints)
 *        ⇔  for every i: Q_i non-decreasing, and for k = 2..K_i
 *           w_i(k−1)·(Q_i(k) − Q_i(k−1)) ≤ P_i(k) − P_i(k−1) ≤ w_i(k)·(Q_i(k) − Q_i(k−1))
 *      (local-up bound ≤ payment difference ≤ local-down bound: the two local IC constraints between
 *      neighbours; local IC ⇔ global IC given monotonicity, for one-dimensional types on a grid);
 *      and the bounds alone already imply monotonicity (checked too).
 *  (2) If BIC: the expected revenue R = E[Σ_i p_i(θ)] (from the ex post table) satisfies
 *      R_up ≤ R ≤ R_down, where R_down = E[Σ_i φ_i(θ_i) q_i(θ)] − Σ_i U_i(w_i(1)) with the discrete
 *      virtual values φ_i(k) = w_i(k) − (w_i(k+1) − w_i(k))(1 − M_i(k))/μ_i(k) (the expected virtual
 *      value of the winner, minus the bottom rents) and R_up the same with upward virtual values;
 *      R = R_down ⇔ every local downward constraint binds — revenue is then pinned down by the
 *      allocation and the lowest types' utilities — and R = R_up ⇔ every upward one binds.
 *
 * The continuous statement (payments pinned by q up to a constant) is false on grids without the
 * binding condition: see `revenue-equivalence-grid-naive`.
 */
import fc from "fast-check";
import { isBIC } from "../concepts/index.ts";
import { type Q, qstr } from "../exact/rational.ts";
import type { Instance } from "../instance/index.ts";
import type { DirectMechanism } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { checkIndependence } from "../model/independence.ts";
import { characterize, expectedRevenue, interimTables, revenueBounds, singleObjectGrids } from "../auctions/revenueEquivalenceGrid.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import { allocationArb, direct, gridCase, paymentPlan, realizePlan } from "../generators/gridAuctionCase.ts";
import { commonPrior, instanceCodec } from "../generators/ruleCases.ts";
import { gridHypothesis } from "./support/revenueEquivalenceGrid.ts";

const arbitrary: fc.Arbitrary<Instance> = gridCase({ minTypes: 2 }).chain(({ env, prior, marginals }) => {
  const values = env.typeValues!.map((r) => r.slice());
  return fc
    .tuple(allocationArb(env, true), paymentPlan(env, { outsideWeight: 1, random: true }))
    .map(([allocation, plan]): Instance => ({ environment: env, beliefs: commonPrior(prior), mechanism: direct(allocation, realizePlan(env, values, marginals, allocation, plan)) }));
});

const show = (rows: readonly (readonly { toFraction(): string }[])[]) => rows.map((r) => r.map((x) => x.toFraction()));

export const revenueEquivalenceGrid: Theorem<Instance> = {
  id: "revenue-equivalence-grid",
  kind: "theorem",
  source: "[BernardMD3, Incentive Compatibility Constraints (4)–(5)]; [Mishra2020, IC Characterization]; [BrooksMaxmin2023, Generalized revenue equivalence]",
  statement:
    "Single-object grids, independent full-support prior: BIC ⇔ every interim allocation Q_i is non-decreasing and w_i(k−1)ΔQ_i ≤ ΔP_i ≤ w_i(k)ΔQ_i between neighbouring types; under BIC, R_up ≤ revenue ≤ R_down = E[virtual value of the winner] − Σ bottom utilities, with equality at R_down iff every local downward IC binds (revenue pinned).",
  arbitrary,
  hypothesis: gridHypothesis,
  check: (x) => checkRevenueEquivalenceGrid(x),
  codec: instanceCodec,
  defaultRuns: 400,
  negativeControls: [
    {
      name: "characterization without the payment bounds",
      why: "the first generated case (fixed seed) whose interim allocation is monotone but a payment difference lies outside its local bounds (not BIC): a characterization that asks for monotonicity only calls it BIC, and must disagree with isBIC",
      input: () => generatedCase(arbitrary, (x) => gridHypothesis(x) && (checkRevenueEquivalenceGrid(x).tag ?? "").startsWith("not BIC: Q monotone"), "monotone but not BIC"),
      check: (x) =>
        checkRevenueEquivalenceGrid(x, {
          characterize: (values, tables) => {
            const ch = characterize(values, tables);
            return { ...ch, holds: ch.monotone };
          },
        }),
    },
    {
      name: "R_down off by 1/7",
      why: "the first generated BIC case (fixed seed) where every local downward IC binds: R_down (E[virtual value of the winner] − bottom rents) + 1/7 must differ from the revenue",
      input: () => generatedCase(arbitrary, (x) => gridHypothesis(x) && (checkRevenueEquivalenceGrid(x).tag ?? "").startsWith("BIC: downward IC binds"), "BIC with the downward IC binding"),
      check: (x) =>
        checkRevenueEquivalenceGrid(x, {
          bounds: (...args) => {
            const b = revenueBounds(...args);
            return { ...b, down: b.down.add(SEVENTH) };
          },
        }),
    },
  ],
};

/** The check; `variant` (default none) lets the negative controls run it with a broken characterization or bound. */
export function checkRevenueEquivalenceGrid(x: Instance, variant: { characterize?: typeof characterize; bounds?: typeof revenueBounds } = {}): CheckResult {
  {
    const env = x.environment;
    const mech = x.mechanism as DirectMechanism;
    const prior = (x.beliefs as { prior: readonly Q[] }).prior;
    const grids = singleObjectGrids(env);
    if (!("values" in grids)) throw new Error(grids.reason);
    const values = grids.values;
    const ind = checkIndependence(typeSizes(env), prior);
    const marginals = ind.marginals;
    const tables = interimTables(values, marginals, mech);
    const ch = (variant.characterize ?? characterize)(values, tables);
    const bic = isBIC(env, mech, x.beliefs!);
    const interim = { Q: show(tables.Q), P: show(tables.P) };
    if (ch.withinBounds && !ch.monotone) {
      return { ok: false, violation: { interim, firstDecrease: ch.firstDecrease }, message: "every local bound holds, yet the interim allocation decreases (the bounds must force monotonicity)" };
    }
    if ((bic.verdict === "holds") !== ch.holds) {
      return {
        ok: false,
        violation: { bic, characterization: { monotone: ch.monotone, withinBounds: ch.withinBounds, firstDecrease: ch.firstDecrease, firstOutside: ch.firstOutside }, interim },
        message: bic.verdict === "holds" ? "isBIC says BIC, but the characterization (monotone + local bounds) fails" : "the characterization holds, but isBIC finds a profitable misreport",
      };
    }
    if (bic.verdict === "fails") {
      const tag = ch.monotone ? "not BIC: Q monotone, a payment difference outside its local bounds" : "not BIC: interim allocation not monotone";
      return { ok: true, tag, certificate: { bicViolation: bic.violation, local: ch.monotone ? ch.firstOutside : ch.firstDecrease, interim } };
    }
    const R = expectedRevenue(marginals, mech.payments);
    const bounds = (variant.bounds ?? revenueBounds)(values, marginals, mech.allocation, tables.U.map((u) => u[0]!));
    const cert = { interim, revenue: qstr(R), revenueDownBinding: qstr(bounds.down), revenueUpBinding: qstr(bounds.up), downwardBinding: ch.downwardBinding, upwardBinding: ch.upwardBinding };
    if (R.compare(bounds.down) > 0 || R.compare(bounds.up) < 0) {
      return { ok: false, violation: cert, message: `BIC, yet revenue ${qstr(R)} lies outside [R_up, R_down] = [${qstr(bounds.up)}, ${qstr(bounds.down)}]` };
    }
    if (R.equals(bounds.down) !== ch.downwardBinding) {
      return { ok: false, violation: cert, message: ch.downwardBinding ? "every local downward IC binds, yet revenue differs from E[virtual value of the winner] − bottom rents" : "revenue equals R_down although some local downward IC is slack" };
    }
    if (R.equals(bounds.up) !== ch.upwardBinding) {
      return { ok: false, violation: cert, message: ch.upwardBinding ? "every local upward IC binds, yet revenue differs from R_up" : "revenue equals R_up although some local upward IC is slack" };
    }
    const tag = ch.downwardBinding && ch.upwardBinding
      ? "BIC: interim allocation flat, both bounds bind (R_up = R = R_down)"
      : ch.downwardBinding
        ? "BIC: downward IC binds, revenue pinned at E[φ(winner)] − bottom rents"
        : ch.upwardBinding
          ? "BIC: upward IC binds, revenue = R_up"
          : "BIC: some local IC slack, R_up ≤ R < R_down";
    return { ok: true, tag, certificate: cert };
  }
}
