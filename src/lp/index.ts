/**
 * Public API: src/lp (the subpath `mechcheck/lp`): LPs built exactly, solved by HiGHS, verified exactly.
 *
 * @module mechcheck/lp
 */
export { LpBuilder, type LpModel, type LpResult, type LpRow, type LpVariable, type RowSense, type Direction } from "./model.ts";
export { solve, loadLpEngine, isLpEngineLoaded } from "./solve.ts";
export { verify, assertVerified, isImplicitModel, modelRowCount, modelRow, type ImplicitLpModel, type AnyLpModel } from "./verify.ts";
export { feasibleNonnegative, feasibleInequalities } from "./alternatives.ts";
export { parseLpJson, lpModelFromObject, lpModelToJson } from "./jsonModel.ts";
export { infeasibilityProof, renderProof, renderTerms, type Proof, type ProofRow, type BoundUse } from "./proof.ts";
export { solveByRowGeneration, solveByRowGenerationWithStats, reducedModel, extendByZeros, type RowGenerationOptions, type RowGenerationStats } from "./rowGeneration.ts";
export { lpModelToLpFormat, parseLpFormat } from "./lpFormat.ts";
