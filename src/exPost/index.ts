/**
 * Public API: src/exPost (the subpath `mechcheck/ex-post`).
 *
 * @module mechcheck/ex-post
 */
export * from "./implementation.ts";
export * from "./knownPayoffTypes.ts";
export * from "./parametricExample.ts";
export * from "./payoffEquivalence.ts";
export * from "./pseudoEfficiency.ts";
export * from "./separableEnvironments.ts";
// Two modules name their section verdict SectionVerdict: the plain name is the implementation's.
export type { SectionVerdict } from "./implementation.ts";
export type { SectionVerdict as PseudoEfficiencySectionVerdict } from "./pseudoEfficiency.ts";
