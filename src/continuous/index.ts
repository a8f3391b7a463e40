/**
 * Public API: src/continuous (the subpath `mechcheck/continuous`).
 *
 * @module mechcheck/continuous
 */
export * from "./distribution.ts";
export * from "./linearGeometry.ts";
export * from "./polynomial.ts";
