/**
 * `myerson-discrete` (theorem) — [Myerson1981, §6], discrete transcription. Reading checked:
 *
 *   "Independent private values on finite grids (1–2 bidders, 1–3 values each, full-support
 *    priors, regular or not): the optimum of the BIC/interim-IR revenue LP equals the ironed
 *    discrete virtual surplus E[max(max_i φ̄_i(θ_i), 0)]."
 *
 * The LP (src/auctions/optimalBayesianAuction.ts) is solved with a verified certificate; the ironed
 * virtual values (src/auctions/discreteMyerson.ts: discrete virtual values, f-weighted
 * pool-adjacent-violators) are computed without any LP and checked to be nondecreasing. The naive
 * unironed formula is `myerson-discrete-unironed`, the refutation next to it.
 */
import fc from "fast-check";
import { discreteVirtualValues, expectedPositiveMax, gridBiddersCodec, ironed, isRegular, type GridBidders } from "../auctions/discreteMyerson.ts";
import { lpOptimalRevenue } from "../auctions/discreteMyersonLp.ts";
import { qstr, type Q } from "../exact/rational.ts";
import { gridBiddersArbitrary } from "../generators/gridBidders.ts";
import type { CheckResult, Theorem } from "./types.ts";

/** The check with the per-bidder virtual values as a parameter (a negative control passes the unironed ones). */
export function checkMyersonWith(virtual: (w: readonly Q[], f: readonly Q[]) => Q[]): (x: GridBidders) => CheckResult {
  return (x) => {
    const phis = x.values.map((w, i) => virtual(w, x.probs[i]!));
    const bad = phis.findIndex((phi) => phi.some((v, k) => k > 0 && phi[k - 1]!.compare(v) > 0));
    const lp = lpOptimalRevenue(x);
    const formula = expectedPositiveMax(x, phis);
    const cert = { virtualValues: phis.map((r) => r.map(qstr)), lpOptimum: qstr(lp), virtualSurplus: qstr(formula) };
    if (bad >= 0) return { ok: false, violation: cert, message: `bidder ${bad}'s (ironed) virtual values are not nondecreasing: ${phis[bad]!.map(qstr).join(", ")}` };
    if (!lp.equals(formula)) return { ok: false, violation: cert, message: `revenue LP optimum ${qstr(lp)} ≠ ironed virtual surplus ${qstr(formula)}` };
    return { ok: true, certificate: cert, tag: isRegular(x) ? "regular" : "irregular (ironed)" };
  };
}

export const myersonDiscrete: Theorem<GridBidders> = {
  id: "myerson-discrete",
  kind: "theorem",
  source: "[Myerson1981, §6]",
  statement: "Independent private values on finite grids: the optimum of the BIC/IIR revenue LP equals E[max(max_i φ̄_i(θ_i), 0)], φ̄ the ironed discrete virtual values (φ(k) = w(k) − (w(k+1) − w(k))(1 − F(k))/f(k), pooled by pool-adjacent-violators).",
  arbitrary: gridBiddersArbitrary(),
  check: checkMyersonWith((w, f) => ironed(discreteVirtualValues(w, f), f)),
  codec: gridBiddersCodec,
  defaultRuns: 1000,
  coverage: { classify: (x) => [isRegular(x) ? "regular" : "irregular"], required: { regular: 100, irregular: 100 } },
  negativeControls: [
    {
      name: "unironed virtual values",
      why: "on the first generated irregular case, the same check with the unironed virtual values: they are not nondecreasing, and their surplus is not the optimum",
      input: () => {
        for (const x of fc.sample(gridBiddersArbitrary(), { seed: 20261206, numRuns: 500 })) if (!isRegular(x)) return x;
        throw new Error("myerson-discrete: no irregular generated case");
      },
      check: checkMyersonWith(discreteVirtualValues),
    },
  ],
};
