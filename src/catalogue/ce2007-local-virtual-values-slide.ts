import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { isRegular, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import type { Theorem } from "./types.ts";
import { powerPriors, priorCodec, tiltedPriors } from "../generators/ce2007Priors.ts";
import { formulaCheck } from "./support/localVirtualValues.ts";

export const ce2007LocalVirtualValuesSlide: Theorem<AuctionPrior> = {
  id: "ce2007-local-virtual-values-slide",
  kind: "refutation",
  source: "[BrooksExPost2023, *Regular case* (\"If f is regular … the local multipliers are optimal\"), *Analyzing the Lagrangian*], the slide's definition of regularity",
  statement: "Slide's regularity (φ̃_i non-decreasing in the own value v_i only), full-support prior f on a value grid, correlation allowed: optimal ex post revenue = Σ_v f(v)·max(0, max_i φ̃_i(v)) (false because correlation lets another bidder's φ̃_j rise with v_i, so the highest-φ̃ allocation is not monotone; not a grid effect — true when f is independent or every φ̃_j is non-increasing in v_i, see the true version).",
  trueVersion: "ce2007-local-virtual-values",
  arbitrary: fc.oneof(powerPriors({ n: 2, K: 3, maxExp: 5 }), tiltedPriors),
  hypothesis: isRegular,
  check: (prior) => formulaCheck(prior, "f is regular"),
  codec: priorCodec,
  defaultRuns: 3000,
  negativeControls: [savedCaseControl("ce2007-local-virtual-values-slide", priorCodec)],
};
