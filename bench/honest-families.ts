/**
 * The LP families of the honest bench (bench/honest.ts), every instance fixed by its seed:
 * Chung–Ely's optimal ex post auction LP (P) [ChungEly2002] and Morris's trade-with-IC LP
 * [Morris1994] on common-prior, independent-belief and noisy-concordant type spaces.
 */
import { optimalExPostAuctionLp, randomCorrelatedPrior } from "../src/robust/optimalExPostAuction.ts";
import { randomNoisyConcordantTypeSpace, randomTypeSpace, tradeLp } from "../src/beliefs/noTrade.ts";
import type { LpModel } from "../src/lp/model.ts";

export interface HonestInstance {
  readonly key: string;
  readonly family: string;
  readonly label: string;
  build(): LpModel;
}

const auction = (n: number, K: number): HonestInstance => ({
  key: `P-${n}-${K}`,
  family: "(P) optimal ex post auction",
  label: `n=${n}, K=${K}`,
  build: () => optimalExPostAuctionLp(randomCorrelatedPrior(`bench-P-${n}-${K}`, n, K)),
});
const trade = (kind: "common-prior" | "independent" | "noisy-concordant", a: number, s: number, seed: string): HonestInstance => ({
  key: `T-${kind}-${a}-${s}`,
  family: `trade with IC, ${kind}`,
  label: `${a}×${a} types, ${s} states`,
  build: () =>
    tradeLp(kind === "noisy-concordant" ? randomNoisyConcordantTypeSpace(seed, { types: [a, a], states: s }).typeSpace : randomTypeSpace(seed, { types: [a, a], states: s, kind }), { ic: true }),
});

export const HONEST_INSTANCES: readonly HonestInstance[] = [
  auction(2, 20),
  auction(3, 10),
  trade("common-prior", 6, 3, "bench-T-cp-1"),
  trade("noisy-concordant", 6, 3, "bench-T-nc-1"),
  trade("independent", 6, 3, "bench-T-ind-1"),
  trade("independent", 10, 4, "bench-T-ind-10-4"),
];
