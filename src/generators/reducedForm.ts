/**
 * Symmetric reduced forms [Border1991] (src/auctions/border.ts): n = 1..3 bidders, 1..3 i.i.d. types
 * with a full-support prior (weights 1..4), and an interim rule Q built from a random ex post
 * allocation — weights per profile for each bidder and for "no sale" (zero when `alwaysSell`, so
 * the aggregate inequality binds), symmetrized by averaging the bidders' interim rules — then
 * scaled by 1, 9/8, 5/4 or 3/2 (capped at 1). Scale 1 is feasible by construction; larger scales
 * are feasible or not depending on the slack. Fixed-length raw arrays, sliced, so every component
 * shrinks on its own.
 */
import fc from "fast-check";
import { ONE, q, ZERO, type Q } from "../exact/rational.ts";
import type { ReducedForm } from "../auctions/border.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import { intArray, normalize } from "./options.ts";

const MAX_N = 3;
const MAX_T = 3;
const SCALES: readonly Q[] = [ONE, q(9).div(8), q(5).div(4), q(3).div(2)];

/**
 * An arbitrary of symmetric reduced forms [Border1991]: 1 to 3 bidders, 1 to 3 i.i.d. types, and an
 * interim rule from a random ex post allocation, scaled up to 3/2 (feasible or not).
 */
export function reducedFormArbitrary(): fc.Arbitrary<ReducedForm> {
  const maxP = MAX_T ** MAX_N;
  return fc
    .record({
      n: fc.integer({ min: 1, max: MAX_N }),
      T: fc.integer({ min: 1, max: MAX_T }),
      prior: intArray(MAX_T, 1, 4),
      weights: intArray(maxP * (MAX_N + 1), 0, 3),
      alwaysSell: fc.boolean(),
      scale: fc.integer({ min: 0, max: SCALES.length - 1 }),
    })
    .map(({ n, T, prior, weights, alwaysSell, scale }): ReducedForm => {
      const f = normalize(prior.slice(0, T));
      const sizes = new Array<number>(n).fill(T);
      const P = profileCount(sizes);
      const sumQ: Q[] = new Array<Q>(T).fill(ZERO);
      for (let th = 0; th < P; th++) {
        const prof = profileAt(sizes, th);
        const w = weights.slice(th * (MAX_N + 1), th * (MAX_N + 1) + n + 1);
        if (alwaysSell) w[n] = 0;
        let total = w.reduce((a, b) => a + b, 0);
        if (total === 0) {
          w.fill(1, 0, n);
          if (alwaysSell) w[n] = 0;
          total = w.reduce((a, b) => a + b, 0);
        }
        for (let i = 0; i < n; i++) {
          let pr = ONE;
          prof.forEach((s, j) => {
            if (j !== i) pr = pr.mul(f[s]!);
          });
          sumQ[prof[i]!] = sumQ[prof[i]!]!.add(pr.mul(q(w[i]!).div(total)));
        }
      }
      const interim = sumQ.map((s) => {
        const v = s.div(n).mul(SCALES[scale]!);
        return v.compare(ONE) > 0 ? ONE : v;
      });
      return { bidders: n, prior: f, interim };
    });
}
