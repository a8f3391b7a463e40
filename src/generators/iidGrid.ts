/**
 * An i.i.d. grid auction for [BulowKlemperer1996] (src/auctions/bulowKlemperer.ts): one value grid
 * and prior from gridBiddersArbitrary (1..3 values, regular or not), and the number n = 1..3 of
 * bidders of the smaller auction.
 */
import fc from "fast-check";
import type { GridBidders } from "../auctions/discreteMyerson.ts";
import { gridBiddersArbitrary } from "./gridBidders.ts";

export interface IidGridAuction {
  /** One bidder's grid (values[0], probs[0]); every bidder draws from it. */
  readonly grid: GridBidders;
  readonly n: number;
}

export function iidGridAuctionArbitrary(): fc.Arbitrary<IidGridAuction> {
  return fc.record({ grid: gridBiddersArbitrary(1, 3), n: fc.integer({ min: 1, max: 3 }) });
}
