/**
 * Public API: src/budgetBalance (the subpath `mechcheck/budget-balance`).
 *
 * @module mechcheck/budget-balance
 */
export * from "./balancedVcg.ts";
export * from "./budgetBalancing.ts";
export * from "./cavallo.ts";
export * from "./expectedExternality.ts";
export * from "./greenLaffontMechanism.ts";
export * from "./grovesCharacterization.ts";
