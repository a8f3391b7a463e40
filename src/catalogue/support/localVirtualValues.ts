/** Checks shared by the local-virtual-values family of [ChungEly2007] as presented in [BrooksExPost2023, Regular case]: the LVV formula against the exact optimum, and the cross-monotonicity witness. */
import { crossMonotonicityViolation, saddlePointByCertificates, solveSmall } from "../../robust/worstCaseBeliefs.ts";
import { isRegular, localVirtualValueRevenue, optimalExPostAuctionLp, type AuctionPrior } from "../../robust/optimalExPostAuction.ts";
import type { CheckResult } from "../types.ts";

/** Where another bidder's φ̃ rises with v_i (the correlation effect), in words; null if nowhere. */
export function crossWitness(prior: AuctionPrior): string | null {
  const w = crossMonotonicityViolation(prior);
  if (w === null) return null;
  const lab = (p: readonly number[]) => `(${p.map((k) => k + 1).join(", ")})`;
  return `φ̃_${w.j + 1} rises from ${w.phi.toFraction()} at v = ${lab(w.v)} to ${w.phiNext.toFraction()} at v = ${lab(w.next)} (bidder ${w.i + 1}'s value up one step, values indexed 1…K)`;
}

/** The naive formula's check, shared with `ce2007-irregular`: exact, LP-free when a monotone maximizer certifies equality. */
export function formulaCheck(prior: AuctionPrior, hypothesisWords: string): CheckResult {
  const cert = saddlePointByCertificates(prior);
  if (cert !== null) {
    if (cert.problems.length > 0) throw new Error(`certificate failed: ${cert.problems.join("; ")}`);
    return { ok: true, tag: "value(P) = LVV (certified by a monotone maximizer)" };
  }
  const lvv = localVirtualValueRevenue(prior);
  const r = solveSmall(optimalExPostAuctionLp(prior));
  if (r.status !== "optimal") throw new Error(`(P) is ${r.status} (bug)`);
  if (r.value.equals(lvv)) return { ok: true, tag: "value(P) = LVV (solved)" };
  return {
    ok: false,
    violation: { P: r.value.toFraction(), LVV: lvv.toFraction(), gap: lvv.sub(r.value).toFraction(), regular: isRegular(prior), correlation: crossWitness(prior) },
    message: `${hypothesisWords}, yet the optimal ex post revenue value(P) = ${r.value.toFraction()} < Σ_v f(v)·max(0, max_i φ̃_i(v)) = ${lvv.toFraction()}: no pointwise maximizer of Σ q_i φ̃_i is monotone in own value`,
  };
}
