/** The BIC/IIR revenue LP (src/auctions/optimalBayesianAuction.ts) on independent grid bidders, product prior. */
import { ONE, type Q } from "../exact/rational.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import { type GridBidders, validateGridBidders } from "./discreteMyerson.ts";
import { optimalAuctionRevenue } from "./optimalBayesianAuction.ts";

/** The product prior over bid profiles of independent grid bidders (mixed-radix order), exact. */
export function productPriorOf(x: GridBidders): Q[] {
  const sizes = x.values.map((w) => w.length);
  return Array.from({ length: profileCount(sizes) }, (_, th) => profileAt(sizes, th).reduce((p, k, i) => p.mul(x.probs[i]![k]!), ONE));
}

/** The certified optimum of the revenue LP (exact simplex: on these ≤ 36-column LPs it beats the float engine's per-call overhead). */
export function lpOptimalRevenue(x: GridBidders): Q {
  validateGridBidders(x);
  return optimalAuctionRevenue(x.values, productPriorOf(x), { exactOnly: true }).value;
}
