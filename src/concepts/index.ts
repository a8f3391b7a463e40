/**
 * Solution concepts: exact verdicts with witnesses or violations as data.
 *
 * @module mechcheck/concepts
 */
export * from "./types.ts";
export { hasPrivateValues, isDSIC, isEPIC, isBIC, conditionalBeliefs, interimUtility, priorOf } from "./incentives.ts";
export { isExPostIR, isInterimIR } from "./participation.ts";
export { isExPostBudgetBalanced, isExAnteBudgetBalanced, isNoDeficit, type BudgetWitness } from "./budget.ts";
export { efficientDecisions, efficientRule, isExPostEfficient } from "./efficiency.ts";
export { actionUtility, interimActionUtility, isBayesNashEquilibrium, bceConstraints, type BceVariables, type Strategy } from "./bayes.ts";
export { epicTransfersLp, dsicTransfersLp, type TransfersLp, type TransfersOptions } from "./transfers.ts";
export { describeViolation, type RenderContext } from "./render.ts";
export { ValidationError, IssueList, type Issue } from "../model/validate.ts";
