import { savedCaseControl } from "./support/controls.ts";
import { analyzeChungEly, saddlePointByCertificates, solveSmall, bayesianAuctionLp, piStar } from "../robust/worstCaseBeliefs.ts";
import { isRegular, optimalExPostAuctionLp, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import type { CheckResult, Theorem } from "./types.ts";
import fc from "fast-check";
import { powerPriors, priorCodec, tiltedPriors } from "../generators/ce2007Priors.ts";
import { crossWitness } from "./support/localVirtualValues.ts";

export const ce2007MaxminSlide: Theorem<AuctionPrior> = {
  id: "ce2007-maxmin-slide",
  kind: "refutation",
  source: "[BrooksExPost2023, *Chung and Ely (2007)*, *Deriving π\\**] (\"under the regularity hypothesis, only local downward IC and IR for the lowest type are binding\"), the slide's definition of regularity",
  statement: "Slide's regularity (φ̃_i non-decreasing in the own value v_i only), full-support prior f on a value grid, correlation allowed: value(P) = value(P′ on π*) (false because correlation lets another bidder's φ̃_j rise with v_i, so no pointwise maximizer of the Lagrangian is monotone; not a grid effect — with independent or cross-monotone f the saddle point holds, see the true version).",
  trueVersion: "ce2007-maxmin",
  // Skewed and tilted priors at n = 2, K = 3 (see ce2007-cases.ts for how often the claim fails).
  arbitrary: fc.oneof(powerPriors({ n: 2, K: 3, maxExp: 5 }), tiltedPriors),
  hypothesis: isRegular,
  check: (prior): CheckResult => {
    // Exact shortcut: a monotone maximizer certifies value(P) = value(P′) = LVV without solving either.
    const cert = saddlePointByCertificates(prior);
    if (cert !== null) {
      if (cert.problems.length > 0) throw new Error(`certificate failed: ${cert.problems.join("; ")}`);
      return { ok: true, tag: "equal (certified by a monotone maximizer)" };
    }
    const rP = solveSmall(optimalExPostAuctionLp(prior));
    const rPp = solveSmall(bayesianAuctionLp(prior, piStar(prior)));
    if (rP.status !== "optimal" || rPp.status !== "optimal") throw new Error("(P) or (P′) not optimal (bug)");
    if (rP.value.equals(rPp.value)) return { ok: true, tag: "equal (solved)" };
    const a = analyzeChungEly(prior);
    if (a.problems.length > 0) throw new Error(`certificate failed: ${a.problems.join("; ")}`);
    return {
      ok: false,
      violation: { P: rP.value.toFraction(), PprimeOnPiStar: rPp.value.toFraction(), LVV: a.lvv.toFraction(), gap: rPp.value.sub(rP.value).toFraction(), regular: true, correlation: crossWitness(prior) },
      message: `f is regular, yet value(P) = ${rP.value.toFraction()} < value(P′ on π*) = ${rPp.value.toFraction()} (Σ f·max(0, max φ̃) = ${a.lvv.toFraction()}): no pointwise maximizer of Σ q_i φ̃_i is monotone in own value, so the local multipliers are not optimal for (P)`,
    };
  },
  codec: priorCodec,
  defaultRuns: 3000,
  negativeControls: [savedCaseControl("ce2007-maxmin-slide", priorCodec)],
};
