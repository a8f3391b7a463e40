/** Section A of the catalogue: implementation concepts and ex post mechanisms (seeds 000, 003). */
import type { Theorem } from "../types.ts";
import { dsicImpliesEpic } from "../dsic-implies-epic.ts";
import { epicIffBicEveryPrior } from "../epic-iff-bic-every-prior.ts";
import { bmSeparability } from "../bm-separability.ts";
import { bmNonseparable } from "../bm-nonseparable.ts";
import { bmExample } from "../bm-example.ts";
import { exPostImpliesKpt } from "../ex-post-implies-kpt.ts";
import { ceSeparableMonotone } from "../ce-separable-monotone.ts";
import { cePayoffEquivalenceFinite } from "../ce-payoff-equivalence-finite.ts";
import { cePayoffEquivalence } from "../ce-payoff-equivalence.ts";
import { ceTradeDeficit } from "../ce-trade-deficit.ts";
import { ceTradeDeficitGrid } from "../ce-trade-deficit-grid.ts";
import { ceTradeBbGrid } from "../ce-trade-bb-grid.ts";
import { ceTradeSurplusExample } from "../ce-trade-surplus-example.ts";
import { cePublicGoods } from "../ce-public-goods.ts";
import { ceCommonValuesExactBb } from "../ce-common-values-exact-bb.ts";
import { ceCommonValuesEqualShares } from "../ce-common-values-equal-shares.ts";
import { cePseudoEfficiency } from "../ce-pseudo-efficiency.ts";
import { ceContingentContribution, ceContingentContributionLiteral } from "../ce-contingent-contribution.ts";
import { jmmzParametric, jmmzParametricFinite } from "../jmmz-parametric.ts";

/** In catalogue order (../shared/THEOREMS.md); ids added beyond the catalogue sit next to the entry they qualify. */
export const SECTION_A: readonly Theorem[] = [
  dsicImpliesEpic,
  epicIffBicEveryPrior,
  exPostImpliesKpt,
  bmSeparability,
  bmNonseparable,
  bmExample,
  cePseudoEfficiency,
  ceSeparableMonotone,
  cePayoffEquivalenceFinite,
  cePayoffEquivalence,
  ceTradeDeficit,
  ceTradeDeficitGrid,
  ceTradeBbGrid,
  ceTradeSurplusExample,
  cePublicGoods,
  ceCommonValuesExactBb,
  ceCommonValuesEqualShares,
  ceContingentContribution,
  ceContingentContributionLiteral,
  jmmzParametric,
  jmmzParametricFinite,
];
