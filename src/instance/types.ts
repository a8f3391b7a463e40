/**
 * An instance: an environment with (optionally) beliefs, a mechanism, a Harsanyi type space with a
 * strategy profile, and a question. In memory it is model data (src/model/environment.ts); on disk
 * it is the versioned JSON format of schema/instance.schema.json (parse.ts, serialize.ts).
 */
import type { Beliefs, Environment, HarsanyiTypeSpace, Mechanism } from "../model/environment.ts";
import type { Strategy } from "../model/validate.ts";

/** The version of the instance file format, written as the `mechcheck` field. */
export const INSTANCE_VERSION = 1;

/** The concepts `mechcheck eval` can report, by id (also the Violation codes, except "efficiency"). */
export const CONCEPT_IDS = ["dsic", "epic", "bic", "expost-ir", "interim-ir", "budget-balance", "ex-ante-budget-balance", "no-deficit", "efficiency", "bne"] as const;
/** A concept `mechcheck eval` can report, by id (one of CONCEPT_IDS). */
export type ConceptId = (typeof CONCEPT_IDS)[number];

/**
 * What to ask of an instance: which concepts to evaluate and, optionally, the expected verdicts
 * (`mechcheck eval` exits 1 when one is not met).
 */
export interface Question {
  /** Which concepts to evaluate (default: every applicable one). */
  readonly concepts?: readonly ConceptId[];
  /** Expected verdicts; `mechcheck eval` exits 1 when one is not met. */
  readonly expect?: Readonly<Partial<Record<ConceptId, "holds" | "fails">>>;
}

/**
 * An environment with, optionally, beliefs, a mechanism, a Harsanyi type space with a strategy
 * profile, and a question: the content of an instance file.
 */
export interface Instance {
  readonly name?: string;
  readonly description?: string;
  readonly environment: Environment;
  readonly beliefs?: Beliefs;
  readonly mechanism?: Mechanism;
  /** States are the environment's payoff profiles (labels = their profile keys, e.g. "3,1"). */
  readonly typeSpace?: HarsanyiTypeSpace;
  /** strategy[i][t_i][a_i] = β_i(a_i | t_i), for an indirect mechanism on `typeSpace`. */
  readonly strategy?: Strategy;
  readonly question?: Question;
}
