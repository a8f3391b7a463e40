/**
 * The theorem registry: every id of ../shared/THEOREMS.md that is implemented, section by section
 * in catalogue order. Each entry's statement, source and code live in
 * properties/<section>/<id>.ts; its saved counterexamples in counterexamples/<id>/.
 */
import type { Theorem } from "../src/theorem/types.ts";
import { SECTION_A } from "./a-implementation/index.ts";
import { SECTION_B } from "./b-trade-beliefs/index.ts";
import { SECTION_C } from "./c-efficiency-budget/index.ts";
import { SECTION_D } from "./d-redistribution/index.ts";
import { SECTION_E } from "./e-revenue-equivalence/index.ts";

export const THEOREMS: readonly Theorem[] = [...SECTION_A, ...SECTION_B, ...SECTION_C, ...SECTION_D, ...SECTION_E];

export function findTheorem(id: string): Theorem | undefined {
  return THEOREMS.find((t) => t.id === id);
}
