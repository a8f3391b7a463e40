/**
 * The theorem registry: every id of ../shared/THEOREMS.md that is implemented, section by section
 * in catalogue order. Each entry's statement, source and code live in
 * properties/<section>/<id>.ts; its saved counterexamples in counterexamples/<id>/.
 */
import type { Theorem } from "./types.ts";
import { SECTION_A } from "./sections/a-implementation.ts";
import { SECTION_B } from "./sections/b-trade-beliefs.ts";
import { SECTION_C } from "./sections/c-efficiency-budget.ts";
import { SECTION_D } from "./sections/d-redistribution.ts";
import { SECTION_E } from "./sections/e-revenue-equivalence.ts";
import { rochetCycleMonotonicity } from "./rochet-cycle-monotonicity.ts";
import { weakMonotonicityFinite } from "./weak-monotonicity-finite.ts";
import { weakMonotonicityTwoOutcomes } from "./weak-monotonicity-two-outcomes.ts";

export const THEOREMS: readonly Theorem[] = [...SECTION_A, ...SECTION_B, ...SECTION_C, ...SECTION_D, ...SECTION_E, rochetCycleMonotonicity, weakMonotonicityFinite, weakMonotonicityTwoOutcomes];

export function findTheorem(id: string): Theorem | undefined {
  return THEOREMS.find((t) => t.id === id);
}
