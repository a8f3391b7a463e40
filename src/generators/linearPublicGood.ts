/** Linear interdependent public-good cases ([ChungEly2002, §5]): the arbitraries (general and common values), the codec, and a point on the boundary of the provision region. */
import fc from "fast-check";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { type LinearPublicGood } from "../publicGoods/interdependentPublicGood.ts";
import type { CaseCodec } from "../model/caseCodec.ts";

export const publicGoodCodec: CaseCodec<LinearPublicGood> = {
  encode: (G) => Object.fromEntries(Object.entries(G).map(([k, v]) => [k, qstr(v as Q)])),
  decode: (j) => {
    const o = j as Record<string, string>;
    return { a1: q(o.a1!), b1: q(o.b1!), c1: q(o.c1!), a2: q(o.a2!), b2: q(o.b2!), c2: q(o.c2!), cost: q(o.cost!) };
  },
};

const half = (k: number) => q(k).div(2);
/** Cost strictly between V(0, 0) and V(1, 1). */
function withCost(G: Omit<LinearPublicGood, "cost">, t: number): LinearPublicGood {
  const lo = G.c1.add(G.c2);
  const hi = G.a1.add(G.b1).add(G.c1).add(G.a2).add(G.b2).add(G.c2);
  return { ...G, cost: lo.add(hi.sub(lo).mul(t).div(8)) };
}
const coef = fc.integer({ min: 0, max: 6 });
const pos = fc.integer({ min: 1, max: 6 });
const cst = fc.integer({ min: -4, max: 4 });
const tArb = fc.integer({ min: 1, max: 7 });

export const publicGoodArb: fc.Arbitrary<LinearPublicGood> = fc.oneof(
  // any increasing values (often increasing differences)
  fc.tuple(pos, coef, cst, pos, coef, cst, tArb).map(([a1, b1, c1, a2, b2, c2, t]) => withCost({ a1: half(a1), b1: half(b1), c1: half(c1), a2: half(a2), b2: half(b2), c2: half(c2) }, t)),
  // decreasing differences: b2 = a1 + d, b1 = a2 + e
  fc.tuple(pos, pos, cst, pos, pos, cst, tArb).map(([a1, e, c1, a2, d, c2, t]) => withCost({ a1: half(a1), b1: half(a2 + e), c1: half(c1), a2: half(a2), b2: half(a1 + d), c2: half(c2) }, t)),
  // pure common values
  commonValuesArb(),
);

export function commonValuesArb(): fc.Arbitrary<LinearPublicGood> {
  return fc.tuple(pos, pos, cst, tArb).map(([a1, a2, c1, t]) => withCost({ a1: half(a1), b1: half(a2), c1: half(c1), a2: half(a2), b2: half(a1), c2: half(c1) }, t));
}

/** A point s̄ on the efficient boundary V = c strictly inside the square (r ∈ [1, 7] picks where on the segment). */
export function boundaryPoint(G: LinearPublicGood, r: number): [Q, Q] {
  const K1 = G.a1.add(G.b2);
  const K2 = G.a2.add(G.b1);
  const K0 = G.c1.add(G.c2).sub(G.cost);
  // s_2 = −(K1 s_1 + K0)/K2 ∈ [0, 1] ⇔ s_1 ∈ [(−K2 − K0)/K1, −K0/K1]
  const lo = K2.neg().sub(K0).div(K1);
  const hi = K0.neg().div(K1);
  const l = lo.compare(ZERO) > 0 ? lo : ZERO;
  const h = hi.compare(ONE) < 0 ? hi : ONE;
  const s1 = l.add(h.sub(l).mul(r).div(8));
  return [s1, K1.mul(s1).add(K0).neg().div(K2)];
}
