/**
 * Independent bidders on value grids (src/auctions/discreteMyerson.ts): 1..2 bidders, 1..3 values
 * each (start 0..3, steps 1..3), full-support weights 1..6; with `dip` the interior values get weight 1
 * and the end values 3..18, so irregular priors (non-monotone discrete virtual values) are frequent. Fixed-length raw arrays, sliced,
 * so every component shrinks on its own.
 */
import fc from "fast-check";
import { q, type Q } from "../exact/rational.ts";
import type { GridBidders } from "../auctions/discreteMyerson.ts";
import { intArray, normalize } from "./options.ts";

/**
 * An arbitrary of independent bidders on value grids with full-support exact priors (irregular
 * priors frequent), every component shrinking on its own.
 */
export function gridBiddersArbitrary(maxBidders = 2, maxValues = 3): fc.Arbitrary<GridBidders> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: maxValues }), { minLength: 1, maxLength: maxBidders }),
      starts: intArray(maxBidders, 0, 3),
      steps: intArray(maxBidders * maxValues, 1, 3),
      weights: intArray(maxBidders * maxValues, 1, 6),
      dip: fc.boolean(),
    })
    .map(({ sizes, starts, steps, weights, dip }): GridBidders => {
      const values = sizes.map((K, i) => {
        const w: Q[] = [q(starts[i]!)];
        for (let k = 1; k < K; k++) w.push(w[k - 1]!.add(q(steps[i * maxValues + k]!)));
        return w;
      });
      const probs = sizes.map((K, i) => normalize(weights.slice(i * maxValues, i * maxValues + K).map((v, k) => (dip && k > 0 && k < K - 1 ? 1 : dip ? 3 * v : v))));
      return { values, probs };
    });
}
