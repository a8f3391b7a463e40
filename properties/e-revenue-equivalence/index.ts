/** Section E of the catalogue: revenue equivalence (seeds 001, 002, 004). */
import type { Theorem } from "../../src/theorem/types.ts";

export const SECTION_E: readonly Theorem[] = [];
