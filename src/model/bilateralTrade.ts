/** Bilateral trade environments for given value grids (deterministic builders; the random ones are in src/generators/bilateralTrade.ts). */
import { ZERO, qstr, type Q } from "../exact/rational.ts";
import type { Environment } from "./environment.ts";
import { allProfiles } from "./profiles.ts";

/** The buyer's agent index in a bilateral trade environment. */
export const BUYER = 0;
/** The seller's agent index in a bilateral trade environment. */
export const SELLER = 1;
/** The decision index of "trade" in a bilateral trade environment. */
export const TRADE = 0;
/** The decision index of "no trade" in a bilateral trade environment. */
export const NO_TRADE = 1;

/** The environment for given buyer and seller grids (deterministic; exported for examples). */
export function bilateralTradeEnvironment(buyer: readonly Q[], seller: readonly Q[], convention: "keeps-good" | "cost" = "keeps-good"): Environment {
  const sizes = [buyer.length, seller.length];
  const profiles = [...allProfiles(sizes)];
  const keeps = convention === "keeps-good";
  return {
    agents: ["buyer", "seller"],
    types: [buyer.map(qstr), seller.map(qstr)],
    typeValues: [buyer.slice(), seller.slice()],
    decisions: ["trade", "no-trade"],
    valuation: [
      profiles.map((p) => [buyer[p[0]!]!, ZERO]),
      profiles.map((p) => (keeps ? [ZERO, seller[p[1]!]!] : [seller[p[1]!]!.neg(), ZERO])),
    ],
    reservation: [buyer.map(() => ZERO), keeps ? seller.slice() : seller.map(() => ZERO)],
  };
}
