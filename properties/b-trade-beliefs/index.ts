/** Section B of the catalogue: trade, beliefs and maxmin (seeds 000, 002). */
import type { Theorem } from "../../src/theorem/types.ts";

export const SECTION_B: readonly Theorem[] = [];
