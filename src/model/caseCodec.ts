/**
 * How a case (an environment, a mechanism, a type space, any value a theorem quantifies over) is
 * turned into the semantic JSON saved with counterexamples, and back — never generator bytes, so a
 * saved case survives changes to the generators. Subject modules, generators and the catalogue use it.
 */
export interface CaseCodec<T> {
  /** A case as semantic JSON (numbers as exact strings), never generator bytes. */
  encode(x: T): unknown;
  /** The case back from its JSON; malformed JSON is a MechcheckError naming the field. */
  decode(json: unknown): T;
}
