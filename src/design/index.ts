/**
 * Public API: src/design (the subpath `mechcheck/design`).
 *
 * @module mechcheck/design
 */
export * from "./atlas.ts";
export * from "./axioms.ts";
export * from "./design.ts";
export * from "./families.ts";
export * from "./readouts.ts";
export * from "./render.ts";
