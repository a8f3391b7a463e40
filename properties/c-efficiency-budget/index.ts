/** Section C of the catalogue: efficiency, budget balance and correlation (seed 001). */
import type { Theorem } from "../../src/theorem/types.ts";
import { vcgDsic } from "./vcg-dsic.ts";
import { dsicEfficientGrovesFinite, dsicEfficientIsGroves } from "./dsic-efficient-is-groves.ts";

export const SECTION_C: readonly Theorem[] = [vcgDsic, dsicEfficientIsGroves, dsicEfficientGrovesFinite];
