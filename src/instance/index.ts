/**
 * The instance file format: parse, serialize, types.
 *
 * @module mechcheck/instance
 */
export { parseInstance, profileKeys } from "./parse.ts";
export { serializeInstance, instanceToJson } from "./serialize.ts";
export { CONCEPT_IDS, INSTANCE_VERSION, type ConceptId, type Instance, type Question } from "./types.ts";
