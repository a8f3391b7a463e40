/** The participation-security and budget-balance test of [BrooksMaxmin2023, Will these bounds coincide in general?], shared by the participation-security-gap family. */
import { participationSecurityViolation } from "../../robust/maxmin.ts";
import { type BridgeCase, bridgeProblem, budgetBalanced } from "../../robust/maxminBridge.ts";

export function psAndBb(x: BridgeCase): boolean {
  return budgetBalanced(x) && participationSecurityViolation(bridgeProblem(x), x.mechanism) === null;
}
