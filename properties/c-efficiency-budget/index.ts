/** Section C of the catalogue: efficiency, budget balance and correlation (seed 001). */
import type { Theorem } from "../../src/theorem/types.ts";
import { vcgDsic } from "./vcg-dsic.ts";

export const SECTION_C: readonly Theorem[] = [vcgDsic];
