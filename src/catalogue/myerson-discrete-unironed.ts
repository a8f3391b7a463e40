/**
 * `myerson-discrete-unironed` (refutation) — [Myerson1981, §6] read without ironing. The naive
 * finite transcription checked here:
 *
 *   "Independent private values on finite grids: the optimum of the BIC/IIR revenue LP equals
 *    E[max(max_i φ_i(θ_i), 0)] with the UNIRONED discrete virtual values
 *    φ(k) = w(k) − (w(k+1) − w(k))(1 − F(k))/f(k)."
 *
 * False for irregular priors: allocating by a non-monotone φ is not implementable, and the formula
 * overstates (or misstates) the optimum. The minimal counterexample is saved in the store; the
 * true version, with ironing, is `myerson-discrete`.
 */
import { discreteVirtualValues, expectedPositiveMax, gridBiddersCodec, isRegular, type GridBidders } from "../auctions/discreteMyerson.ts";
import { lpOptimalRevenue } from "../auctions/discreteMyersonLp.ts";
import { qstr } from "../exact/rational.ts";
import { gridBiddersArbitrary } from "../generators/gridBidders.ts";
import { savedCaseControl } from "./support/controls.ts";
import type { Theorem } from "./types.ts";

export const myersonDiscreteUnironed: Theorem<GridBidders> = {
  id: "myerson-discrete-unironed",
  kind: "refutation",
  source: "[Myerson1981, §6]",
  statement: "Naive transcription: on finite grids (independent private values) the optimal BIC/IIR revenue equals E[max(max_i φ_i(θ_i), 0)] with the unironed discrete virtual values.",
  trueVersion: "myerson-discrete",
  arbitrary: gridBiddersArbitrary(),
  check: (x) => {
    const phis = x.values.map((w, i) => discreteVirtualValues(w, x.probs[i]!));
    const lp = lpOptimalRevenue(x);
    const formula = expectedPositiveMax(x, phis);
    const cert = { virtualValues: phis.map((r) => r.map(qstr)), lpOptimum: qstr(lp), unironedVirtualSurplus: qstr(formula) };
    if (!lp.equals(formula)) return { ok: false, violation: cert, message: `revenue LP optimum ${qstr(lp)} ≠ unironed virtual surplus ${qstr(formula)}` };
    return { ok: true, certificate: cert, tag: isRegular(x) ? "regular" : "irregular, formula still right" };
  },
  codec: gridBiddersCodec,
  defaultRuns: 1000,
  negativeControls: [savedCaseControl("myerson-discrete-unironed", gridBiddersCodec)],
};
