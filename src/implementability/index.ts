/** Public API: src/implementability (the subpath `mechcheck/implementability`): one-agent decision rules, cycle monotonicity [Rochet1987] and weak monotonicity. */
export * from "./rochet.ts";
