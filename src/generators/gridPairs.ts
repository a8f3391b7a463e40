/** Pairs of finite value grids (a bilateral-trade or two-agent case), and the integer family {0..K}/K used by [GreenLaffont1979] and [MyersonSatterthwaite1983] cases. */
import fc from "fast-check";
import { integerGrid, type GridCase, type TieRule } from "../trade/tradeGrids.ts";
import { type Q } from "../exact/rational.ts";
import { valueGridOfSize } from "./valueGrid.ts";

/** Random grid pairs: minTypes–maxTypes points each, integer values from 0…3 in steps of 1–2. */
export function gridPairArb(ties: readonly TieRule[], maxTypes = 4, minTypes = 1): fc.Arbitrary<GridCase> {
  return fc
    .tuple(valueGridOfSize(minTypes, maxTypes, { maxValue: 3, maxStep: 2 }), valueGridOfSize(minTypes, maxTypes, { maxValue: 3, maxStep: 2 }), fc.constantFrom(...ties))
    .map(([buyer, seller, tie]) => ({ buyer, seller, tie }));
}

/** The family B = S = {0,…,K}. */
export function integerFamilyArb(maxK: number, ties: readonly TieRule[]): fc.Arbitrary<GridCase> {
  return fc.tuple(fc.integer({ min: 1, max: maxK }), fc.constantFrom(...ties)).map(([K, tie]) => ({ buyer: integerGrid(K), seller: integerGrid(K), tie }));
}

/** K if the case is B = S = {0,…,K}, else null. */
export function integerFamilyK(c: GridCase): number | null {
  const K = c.buyer.length - 1;
  const g = integerGrid(K);
  const same = (x: readonly Q[]) => x.length === g.length && x.every((v, k) => v.equals(g[k]!));
  return same(c.buyer) && same(c.seller) ? K : null;
}
