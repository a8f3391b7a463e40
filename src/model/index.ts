/**
 * Public API: src/model (the subpath `mechcheck/model`).
 *
 * @module mechcheck/model
 */
export * from "./bilateralTrade.ts";
export * from "./caseCodec.ts";
export * from "./environment.ts";
export * from "./harsanyi.ts";
export * from "./independence.ts";
export * from "./productOutcomes.ts";
export * from "./profiles.ts";
export * from "./singleObject.ts";
export * from "./validate.ts";
export * from "./labels.ts";
