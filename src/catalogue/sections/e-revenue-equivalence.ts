/** Section E of the catalogue: revenue equivalence (seeds 001, 002, 004). */
import type { Theorem } from "../types.ts";
import { revenueEquivalence } from "../revenue-equivalence.ts";
import { revenueEquivalenceCorrelated } from "../revenue-equivalence-correlated.ts";
import { revenueEquivalenceGrid } from "../revenue-equivalence-grid.ts";
import { revenueEquivalenceGridNaive } from "../revenue-equivalence-grid-naive.ts";

export const SECTION_E: readonly Theorem[] = [revenueEquivalence, revenueEquivalenceGrid, revenueEquivalenceGridNaive, revenueEquivalenceCorrelated];
