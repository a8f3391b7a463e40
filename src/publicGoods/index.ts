/**
 * Public API: src/publicGoods (the subpath `mechcheck/public-goods`).
 *
 * @module mechcheck/public-goods
 */
export * from "./contingentContribution.ts";
export * from "./interdependentPublicGood.ts";
export * from "./provision.ts";
export * from "./provisionImpossibility.ts";
export * from "./thresholdBudget.ts";
