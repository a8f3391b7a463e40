/**
 * The theorem registry: every id of ../shared/THEOREMS.md that is implemented, in catalogue order.
 * Each entry's statement, source and code live in properties/<section>/<id>.ts; its saved
 * counterexamples in counterexamples/<id>/.
 */
import type { Theorem } from "../src/theorem/types.ts";

export const THEOREMS: readonly Theorem[] = [];

export function findTheorem(id: string): Theorem | undefined {
  return THEOREMS.find((t) => t.id === id);
}
