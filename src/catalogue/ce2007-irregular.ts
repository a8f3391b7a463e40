/**
 * `ce2007-irregular` (refutation) — [BrooksExPost2023], slide *Where does
 * this depend on regularity?*: "With regularity, for each (v_i, v_{-i}), there is only one binding
 * constraint (local down IC or IR at the bottom) … But in the irregular case, there will be
 * non-local downward constraints that bind, in particular local-downward and local upward."
 *
 * Transcription refuted here: for an IRREGULAR full-support prior f on a value grid (φ̃_i(v)
 * decreasing in v_i somewhere; erratum for φ̃), the optimal ex post revenue still
 * equals Σ_v f(v)·max(0, max_i φ̃_i(v)) (allocate to the highest non-negative local virtual value).
 * False: where φ̃ is not monotone the allocation must be ironed (slide *The optimal
 * multipliers*: local upward IC binds on ironed intervals) and (P) earns strictly less. The check
 * solves (P) exactly (src/lp/solve.ts) and compares with the formula; when a monotone maximizer of
 * Σ q_i φ̃_i exists the equality is certified without the LP (the envelope mechanism and the local
 * dual, see `ce2007-local-virtual-values`: equality iff such a maximizer exists). True version:
 * `ce2007-ironed` — the ironed bound value(P) ≤ Σ f·max(0, max_i φ̄_i), exact for one bidder.
 * Searched with ONE bidder and values {1, 2, 3} (the smallest irregular grid), so that the failure is pure ironing, as on
 * the slide; with two bidders the cross effect of `ce2007-local-virtual-values-slide` fails the
 * formula even for regular f. Many irregular priors still satisfy the formula (irregularity where
 * the good is not sold does not matter); the minimal counterexample is saved in
 * counterexamples/ce2007-irregular/.
 */
import { savedCaseControl } from "./support/controls.ts";
import type fc from "fast-check";
import { auctionPrior, isRegular, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { intArray } from "../generators/index.ts";
import type { Theorem } from "./types.ts";
import { priorCodec } from "../generators/ce2007Priors.ts";
import { formulaCheck } from "./support/localVirtualValues.ts";

/** One bidder, values {1, …, K}, integer weights 1–9. */
const singleBidderPriors = (K: number): fc.Arbitrary<AuctionPrior> => intArray(K, 1, 9).map((w) => auctionPrior(1, K, w));

export const ce2007Irregular: Theorem<AuctionPrior> = {
  id: "ce2007-irregular",
  kind: "refutation",
  source: "[BrooksExPost2023, *Where does this depend on regularity?*]",
  statement: "Irregular full-support prior f on a value grid (one bidder): optimal ex post revenue = Σ_v f(v)·max(0, max_i φ̃_i(v)), with the unironed local virtual values (false because where φ̃ decreases the allocation must be ironed; the ironed formula is exact for one bidder and an upper bound in general — see the true version).",
  trueVersion: "ce2007-ironed",
  // One bidder, so that a failure is pure ironing (with two bidders the cross effect of
  // `ce2007-local-virtual-values-slide` can fail the formula even for regular f).
  arbitrary: singleBidderPriors(3),
  hypothesis: (f) => !isRegular(f),
  check: (prior) => formulaCheck(prior, "f is irregular"),
  codec: priorCodec,
  defaultRuns: 300,
  negativeControls: [savedCaseControl("ce2007-irregular", priorCodec)],
};
