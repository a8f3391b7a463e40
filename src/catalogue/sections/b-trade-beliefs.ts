/** Section B of the catalogue: trade, beliefs and maxmin (seeds 000, 002). */
import type { Theorem } from "../types.ts";
import { maxminWeakDuality } from "../maxmin-weak-duality.ts";
import { svoIvoDuality } from "../svo-ivo-duality.ts";
import { brooksDuAuction } from "../brooks-du-auction.ts";
import { bbmFpa } from "../bbm-fpa.ts";
import { participationSecurityGap, participationSecurityGapSingleState } from "../participation-security-gap.ts";
import { morrisIcTrade } from "../morris-ic-trade.ts";
import { morrisIcTradeSlide, morrisIcTradeSurplus } from "../morris-ic-trade-slide.ts";
import { noTradeCommonPrior } from "../no-trade-common-prior.ts";
import { noTradeIcExample } from "../no-trade-ic-example.ts";
import { ce2007Maxmin, ce2007MaxminSlide } from "../ce2007-maxmin.ts";
import { ce2007LocalVirtualValues, ce2007LocalVirtualValuesSlide } from "../ce2007-local-virtual-values.ts";
import { ce2007Irregular } from "../ce2007-irregular.ts";
import { ce2007Ironed } from "../ce2007-ironed.ts";
import { ce2007NoisyConcordant } from "../ce2007-noisy-concordant.ts";
import { ce2007NotCommonPrior } from "../ce2007-not-common-prior.ts";

/** In catalogue order (../shared/THEOREMS.md); ids added beyond the catalogue sit next to the entry they qualify. */
export const SECTION_B: readonly Theorem[] = [
  morrisIcTrade,
  morrisIcTradeSlide,
  morrisIcTradeSurplus,
  noTradeCommonPrior,
  noTradeIcExample,
  ce2007Maxmin,
  ce2007MaxminSlide,
  ce2007LocalVirtualValues,
  ce2007LocalVirtualValuesSlide,
  ce2007Irregular,
  ce2007Ironed,
  ce2007NoisyConcordant,
  ce2007NotCommonPrior,
  maxminWeakDuality,
  svoIvoDuality,
  brooksDuAuction,
  bbmFpa,
  participationSecurityGap,
  participationSecurityGapSingleState,
];
