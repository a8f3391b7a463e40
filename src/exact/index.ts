/**
 * Public API: src/exact (the subpath `mechcheck/exact`): exact rationals and exact JSON.
 *
 * @module mechcheck/exact
 */
export * from "./rational.ts";
export * from "./exactJson.ts";
