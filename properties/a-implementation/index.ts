/** Section A of the catalogue: implementation concepts and ex post mechanisms (seeds 000, 003). */
import type { Theorem } from "../../src/theorem/types.ts";
import { dsicImpliesEpic } from "./dsic-implies-epic.ts";
import { epicIffBicEveryPrior } from "./epic-iff-bic-every-prior.ts";
import { bmSeparability } from "./bm-separability.ts";
import { cePseudoEfficiency } from "./ce-pseudo-efficiency.ts";

export const SECTION_A: readonly Theorem[] = [dsicImpliesEpic, epicIffBicEveryPrior, cePseudoEfficiency, bmSeparability];
