/**
 * How a case (an environment, a mechanism, a type space, any value a theorem quantifies over) is
 * turned into the semantic JSON saved with counterexamples, and back — never generator bytes, so a
 * saved case survives changes to the generators. Subject modules, generators and the catalogue use it.
 */
export interface CaseCodec<T> {
  encode(x: T): unknown;
  decode(json: unknown): T;
}
