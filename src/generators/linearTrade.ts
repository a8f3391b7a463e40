/** Linear interdependent bilateral-trade cases ([ChungEly2002, §4]): the arbitrary, its codec, and the assumptions of Lemma 4 / Thm 5 (increasing valuations, strong single crossing, non-trivial trade). */
import fc from "fast-check";
import { type Q, q, qstr } from "../exact/rational.ts";
import { increasingValuations, nonTrivial, strongSingleCrossing, type LinearTrade } from "../trade/interdependentTrade.ts";
import type { CaseCodec } from "../model/caseCodec.ts";

export const linearTradeCodec: CaseCodec<LinearTrade> = {
  encode: (L) => Object.fromEntries(Object.entries(L).map(([k, v]) => [k, qstr(v as Q)])),
  decode: (j) => {
    const o = j as Record<string, string>;
    return { aB: q(o.aB!), bB: q(o.bB!), cB: q(o.cB!), aS: q(o.aS!), bS: q(o.bS!), cS: q(o.cS!) };
  },
};

/**
 * Linear trade problems satisfying §4's assumptions by construction: aB = bS + d/2, aS = bB + e/2
 * (kB = d/2 > 0 > kS = −e/2), and k0 = cB − cS = −d/2 + t(d + e)/16 with 1 ≤ t ≤ 7, strictly
 * between −kB and −kS, so Δv(1, 0) > 0 > Δv(0, 1) (non-trivial).
 */
export const linearTradeArb: fc.Arbitrary<LinearTrade> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: -8, max: 8 }), fc.integer({ min: 1, max: 7 }))
  .map(([bB, bS, d, e, cS, t]) => {
    const h = (k: number) => q(k).div(2);
    const k0 = q(-d).div(2).add(q(t * (d + e)).div(16));
    return { aB: h(bS).add(h(d)), bB: h(bB), cB: h(cS).add(k0), aS: h(bB).add(h(e)), bS: h(bS), cS: h(cS) };
  });

export const tradeAssumptions = (L: LinearTrade): boolean => increasingValuations(L) && strongSingleCrossing(L) && nonTrivial(L);
