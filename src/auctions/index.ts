/**
 * Public API: src/auctions (the subpath `mechcheck/auctions`).
 *
 * @module mechcheck/auctions
 */
export * from "./continuousAuctions.ts";
export * from "./gridAuctions.ts";
export * from "./myersonPayments.ts";
export * from "./optimalBayesianAuction.ts";
export * from "./revenueEquivalenceContinuous.ts";
export * from "./revenueEquivalenceCorrelated.ts";
export * from "./revenueEquivalenceGrid.ts";
export * from "./border.ts";
export * from "./bulowKlemperer.ts";
export * from "./discreteMyerson.ts";
export * from "./discreteMyersonLp.ts";
export * from "./continuousMyerson.ts";
