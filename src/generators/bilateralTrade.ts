/**
 * Bilateral trade with private values on finite grids ([BernardMD3, *Bilateral Trade*, Thm 7.6]
 * Myerson–Satterthwaite: u_S = (1 − q)θ_S − p_S, u_B = qθ_B − p_B; [Mishra2020, *Bilateral trading
 * model*], Green–Laffont; [ChungEly2002, §4] with the seller's value as an opportunity cost).
 */
import fc from "fast-check";
import { ZERO, qstr } from "../exact/rational.ts";
import type { Q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { valueGridOfSize, type GridOptions } from "./valueGrid.ts";
import { bilateralTradeEnvironment } from "../model/bilateralTrade.ts";

/**
 * Options of `bilateralTrade` ([BernardMD3, *Bilateral Trade*]): GridOptions, grid sizes of the
 * traders, and how the seller's value enters.
 */
export interface BilateralTradeOptions extends GridOptions {
  /** Most grid points per trader (default 3). */
  readonly maxTypes?: number;
  /** Fewest grid points per trader (default 1). */
  readonly minTypes?: number;
  /**
   * "keeps-good" (default, [BernardMD3]): the seller values no-trade at θ_S and her IR level
   * (reservation) is θ_S. "cost" ([ChungEly2002], [Mishra2020]): the seller's value of trade is −θ_S, no-trade 0,
   * reservation 0. Payoff differences between the two are the same; IR levels shift accordingly.
   */
  readonly convention?: "keeps-good" | "cost";
}

export { BUYER, SELLER, TRADE, NO_TRADE, bilateralTradeEnvironment } from "../model/bilateralTrade.ts";

/**
 * A random bilateral-trade environment: agents "buyer" and "seller", decisions "trade" and
 * "no-trade", strictly increasing value grids (typeValues; labels are the values). Built without
 * `chain`: the buyer's grid size shrinks first, then the seller's, keeping the other numbers;
 * then the grids shrink towards {0, 1, …}.
 */
export function bilateralTrade(opts: BilateralTradeOptions = {}): fc.Arbitrary<Environment> {
  const minT = opts.minTypes ?? 1;
  const maxT = opts.maxTypes ?? 3;
  return fc
    .tuple(valueGridOfSize(minT, maxT, opts), valueGridOfSize(minT, maxT, opts))
    .map(([b, s]) => bilateralTradeEnvironment(b, s, opts.convention ?? "keeps-good"));
}
