/**
 * Public API: src/mechanisms (the subpath `mechcheck/mechanisms`).
 *
 * @module mechcheck/mechanisms
 */
export * from "./fixedRuleTransfers.ts";
export * from "./vcg.ts";
