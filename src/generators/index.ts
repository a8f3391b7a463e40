/**
 * fast-check arbitraries for mechcheck's data model (see options.ts for sizes and shrinking).
 *
 * @module mechcheck/generators
 */
export * from "./options.ts";
export * from "./sample.ts";
export * from "./privateValues.ts";
export * from "./interdependentValues.ts";
export * from "./independentPrior.ts";
export * from "./correlatedPrior.ts";
export * from "./commonPrior.ts";
export * from "./perTypeBeliefs.ts";
export * from "./regularPrior.ts";
export * from "./kptTypeSpace.ts";
export * from "./harsanyiTypeSpace.ts";
export * from "./productOutcomes.ts";
export * from "./separable.ts";
export * from "./nonSeparable.ts";
export * from "./chungElySeparable.ts";
export * from "./valueGrid.ts";
export * from "./bilateralTrade.ts";
export * from "./publicGood.ts";
export * from "./singleObjectAuction.ts";
export * from "./randomDirectMechanism.ts";
export * from "./monotoneMechanism.ts";
export * from "./efficientMechanism.ts";
export * from "./socialChoiceCorrespondence.ts";
export * from "./oneAgentRule.ts";
export * from "./reducedForm.ts";
export * from "./gridBidders.ts";
export * from "./iidGrid.ts";
