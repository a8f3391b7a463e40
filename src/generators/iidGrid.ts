/**
 * An i.i.d. grid auction for [BulowKlemperer1996] (src/auctions/bulowKlemperer.ts): one value grid
 * and prior from gridBiddersArbitrary (1..3 values, regular or not), and the number n = 1..3 of
 * bidders of the smaller auction.
 */
import fc from "fast-check";
import type { GridBidders } from "../auctions/discreteMyerson.ts";
import { gridBiddersArbitrary } from "./gridBidders.ts";

/**
 * An i.i.d. grid auction for [BulowKlemperer1996]: one bidder's grid and prior, and the number n of
 * bidders of the smaller auction.
 */
export interface IidGridAuction {
  /** One bidder's grid (values[0], probs[0]); every bidder draws from it. */
  readonly grid: GridBidders;
  readonly n: number;
}

/**
 * An arbitrary of i.i.d. grid auctions for [BulowKlemperer1996]: a grid of 1 to 3 values with its
 * prior, and n = 1 to 3 bidders.
 */
export function iidGridAuctionArbitrary(): fc.Arbitrary<IidGridAuction> {
  return fc.record({ grid: gridBiddersArbitrary(1, 3), n: fc.integer({ min: 1, max: 3 }) });
}
