/**
 * Public API: src/beliefs (the subpath `mechcheck/beliefs`).
 *
 * @module mechcheck/beliefs
 */
export * from "./beliefTypes.ts";
export * from "./cremerMcLean.ts";
export * from "./equivalentBic.ts";
export * from "./identifiability.ts";
export * from "./noTrade.ts";
export * from "./noTradeAlternatives.ts";
export * from "./revenueWithoutCommonPrior.ts";
export * from "./undominatedMechanisms.ts";
export * from "./slideNoisyConcordance.ts";
