/**
 * Public API: src/implementability (the subpath `mechcheck/implementability`): one-agent decision rules, cycle monotonicity [Rochet1987] and weak monotonicity.
 *
 * @module mechcheck/implementability
 */
export * from "./rochet.ts";
