/** Section D of the catalogue: redistribution (seed 004). */
import type { Theorem } from "../types.ts";
import { cgkDissolutionGrid, cgkDissolutionTheorem } from "../cgk-dissolution.ts";
import { cavallo } from "../cavallo.ts";
import { greenLaffontMechanismTheorem } from "../green-laffont-mechanism.ts";

export const SECTION_D: readonly Theorem[] = [cgkDissolutionTheorem, cgkDissolutionGrid, cavallo, greenLaffontMechanismTheorem];
