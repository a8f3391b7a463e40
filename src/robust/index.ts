/**
 * Public API: src/robust (the subpath `mechcheck/robust`).
 *
 * @module mechcheck/robust
 */
export * from "./commonValueAuction.ts";
export * from "./commonValueAuctionTable.ts";
export * from "./firstPriceInformation.ts";
export * from "./maxmin.ts";
export * from "./maxminBounds.ts";
export * from "./maxminBridge.ts";
export * from "./maxminCases.ts";
export * from "./optimalExPostAuction.ts";
export * from "./worstCaseBeliefs.ts";
// Two modules name a grid helper gridSizes: the plain name is the maxmin bounds' one.
export { gridSizes } from "./maxminBounds.ts";
export { gridSizes as optimalExPostGridSizes } from "./optimalExPostAuction.ts";
