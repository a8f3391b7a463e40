/** The hypothesis of the grid revenue-equivalence theorems ([BernardMD3, Incentive Compatibility Constraints]): independent types on single-object grids. */
import type { Instance } from "../../instance/index.ts";
import { typeSizes } from "../../model/environment.ts";
import { checkIndependence } from "../../model/independence.ts";
import { singleObjectGrids } from "../../auctions/revenueEquivalenceGrid.ts";
import { direct } from "../../generators/gridAuctionCase.ts";

/** The hypothesis: a single-object grid environment with an independent, full-support common prior. */
export function gridHypothesis(x: Instance): boolean {
  if (x.mechanism?.kind !== "direct" || x.beliefs?.kind !== "common-prior") return false;
  if (!("values" in singleObjectGrids(x.environment))) return false;
  const ind = checkIndependence(typeSizes(x.environment), x.beliefs.prior);
  return ind.independent && ind.marginals.every((m) => m.every((p) => p.n > 0n));
}
