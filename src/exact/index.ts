/** Public API: src/exact (the subpath `mechcheck/exact`): exact rationals and exact JSON. */
export * from "./rational.ts";
export * from "./exactJson.ts";
