/**
 * Public API: src/trade (the subpath `mechcheck/trade`).
 *
 * @module mechcheck/trade
 */
export * from "./continuousTrade.ts";
export * from "./gridTables.ts";
export * from "./interdependentTrade.ts";
export * from "./partnership.ts";
export * from "./partnershipContinuous.ts";
export * from "./partnershipLp.ts";
export * from "./tradeGrids.ts";
// Two modules name their result CgkResult: the plain name is the finite (grid) mechanism's.
export type { CgkResult } from "./partnership.ts";
export type { CgkResult as CgkContinuousResult } from "./continuousTrade.ts";
