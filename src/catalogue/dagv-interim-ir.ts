/**
 * `dagv-interim-ir` (refutation) — [Mishra2020], slide after
 * the dAGV theorem's proof: "Main issue: participation constraint. The dAGV may give negative
 * interim payoffs to agents (even in a simple bilateral trading problem)."
 *
 * Naive transcription (FALSE, as the seed says): "the dAGV mechanism (efficient rule, payments
 * p_i = (1/(n−1)) Σ_{j≠i} r_j(v_j) − r_i(v_i), mechanisms/expectedExternality.ts) is interim IR" —
 * quantified over bilateral trade on finite grids with overlapping value ranges ([BernardMD3]'s utilities: the seller keeps the good
 * unless trade, IR levels 0 for the buyer and θ_S for the seller) with uniform independent priors.
 * The check computes the dAGV mechanism and decides interim IR exactly (isInterimIR); a failing
 * type with its exact shortfall is the counterexample, shrunk and saved in
 * counterexamples/dagv-interim-ir/.
 *
 * Saved minimal counterexample: B = S = {0, 1}, trade ties, uniform: the seller of value 1 expects
 * 3/4 under dAGV but keeps 1 by not participating.
 *
 * What is true instead: `expected-externality` — dAGV (and Bernard's expected-externality form) is
 * efficient, ex post BB and BIC; the expected-externality form is interim IR when nobody has
 * property rights (valuations ≥ 0, reservations 0), which bilateral trade violates (the seller's
 * IR level θ_S is a property right). Whether ANY efficient, BIC, IIR, BB mechanism exists is
 * `myerson-satterthwaite` (on grids: iff R* ≥ 0).
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { isInterimIR } from "../concepts/index.ts";
import { describeGridCase, gridCaseCodec, supportsOverlap, tradeEnv, uniformMarginal, type GridCase } from "../trade/tradeGrids.ts";
import { qstr } from "../exact/rational.ts";
import { productPrior } from "../generators/independentPrior.ts";
import { dagvMechanism } from "../budgetBalance/expectedExternality.ts";
import type { Theorem } from "./types.ts";
import { gridPairArb } from "../generators/gridPairs.ts";

const arbitrary: fc.Arbitrary<GridCase> = gridPairArb(["trade"], 3);

export const dagvInterimIr: Theorem<GridCase> = {
  id: "dagv-interim-ir",
  kind: "refutation",
  source: "[Mishra2020, Main issue: participation constraint]; [dAspremontGerardVaret1979]",
  statement: "The dAGV mechanism is interim IR (bilateral trade on finite grids, uniform independent priors, the IR levels 0 and θ_S of [BernardMD3]).",
  trueVersion: "expected-externality",
  arbitrary,
  // The non-trivial case (values overlap). Without it the minimal failure is B = {0}, S = {1}: no
  // trade ever, yet dAGV moves 1 from the seller to the buyer (r_B counts the seller's kept good as
  // "the others' welfare") — true, but an artefact of normalisation rather than of trade.
  hypothesis: (c) => supportsOverlap(c.buyer, c.seller),
  check: (c) => {
    const env = tradeEnv(c.buyer, c.seller);
    const marginals = [uniformMarginal(c.buyer.length), uniformMarginal(c.seller.length)];
    const m = dagvMechanism(env, marginals);
    const v = isInterimIR(env, m, { kind: "common-prior", prior: productPrior(marginals) });
    if (v.verdict === "holds") return { ok: true, tag: "dAGV interim IR here" };
    const { agent, trueType, utility, reservation, gain } = v.violation;
    return {
      ok: false,
      violation: { case: gridCaseCodec.encode(c), agent: env.agents[agent], type: env.types[agent]![trueType], interimUtility: qstr(utility), reservation: qstr(reservation), shortfall: qstr(gain), payments: m.payments.map((r) => r.map(qstr)) },
      message: `${describeGridCase(c)}, uniform priors: under dAGV the ${env.agents[agent]} of type ${env.types[agent]![trueType]} expects ${qstr(utility)} but can secure ${qstr(reservation)} by not participating (short by ${qstr(gain)})`,
    };
  },
  codec: gridCaseCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dagv-interim-ir", gridCaseCodec)],
};
