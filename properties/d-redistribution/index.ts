/** Section D of the catalogue: redistribution (seed 004). */
import type { Theorem } from "../../src/theorem/types.ts";

export const SECTION_D: readonly Theorem[] = [];
