/**
 * mechcheck's public API, for conjectures (`mechcheck conjecture file.ts`) and for users' own test
 * suites (`import { … } from "mechcheck"` with vitest + fast-check). Everything is exact.
 *
 * `fc` is fast-check itself, re-exported as mechcheck uses it, so a conjecture's generators need no
 * separate install; its reference is fast-check's own documentation.
 *
 * @module mechcheck
 */
export { MechcheckError, isMechcheckError } from "./errors.ts";
export * from "./exact/rational.ts";
export { LpBuilder, type LpModel, type LpResult, type LpRow, type LpVariable, type RowSense, type Direction } from "./lp/model.ts";
export { solve, loadLpEngine, isLpEngineLoaded } from "./lp/solve.ts";
export { verify, assertVerified } from "./lp/verify.ts";
export { feasibleNonnegative, feasibleInequalities } from "./lp/alternatives.ts";
export * from "./model/environment.ts";
export * from "./model/profiles.ts";
export * from "./concepts/index.ts";
export * from "./mechanisms/vcg.ts";
export * from "./generators/index.ts";
export { parseInstance, serializeInstance, instanceToJson, type Instance } from "./instance/index.ts";
export { conjecture, exactJsonCodec, type ConjectureSpec, type Conjecture, type ParamDecl, type ParamValues } from "./theorem/conjecture.ts";
export { runTheorem, type RunOptions } from "./theorem/runner.ts";
export type { Theorem, CheckResult, TheoremRun, CaseCodec } from "./catalogue/types.ts";
export { design, designChecked, designFeasible, irreducibleAxioms, type DesignSpec, type DesignResult, type Objective } from "./design/design.ts";
export { parseAxioms, AXIOMS, type Axiom, type UserConstraint } from "./design/axioms.ts";
export { atlas, mergeAtlas, thresholds, type AtlasResult } from "./design/atlas.ts";
// fast-check, as mechcheck uses it: a conjecture's generators need no separate install.
export * as fc from "fast-check";
