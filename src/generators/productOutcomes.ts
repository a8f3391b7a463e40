/**
 * Product outcome spaces X = X_0 × X_1 × … × X_N encoded as a flat decision list ([BrooksExPost2023,
 * *Separable environments*]). Helper for `separableEnvironment` and `nonSeparableEnvironment`.
 *
 * Decision d ↔ components (x_0, x_1, …, x_N) in the mixed-radix order of profiles.ts over the
 * sizes (|X_0|, |X_1|, …, |X_N|); its label joins the component labels with "|", e.g. "a|x1|y2".
 */
import fc from "fast-check";
import type { Label, SocialChoiceCorrespondence } from "../model/environment.ts";
import { allProfiles, profileIndex } from "../model/profiles.ts";
import { intArray, subsetMasks, type ResolvedSizes } from "./options.ts";
import { productOutcomes, productLabels, decisionOf, type ProductOutcomes } from "../model/productOutcomes.ts";

export { productOutcomes, productLabels, decisionOf } from "../model/productOutcomes.ts";
export type { ProductOutcomes } from "../model/productOutcomes.ts";

/** Dimensions: per agent (type count, |X_i|), and |X_0|; agents shrink first. */
export interface ProductDims {
  readonly agents: readonly (readonly [number, number])[];
  readonly publicSize: number;
}

/** An arbitrary of product-outcome dimensions (per agent: type count and |X_i|; and |X_0|), shrinking agents first. */
export function productDims(s: ResolvedSizes, minPrivate: number, maxPrivate: number, maxPublic: number): fc.Arbitrary<ProductDims> {
  return fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: s.minTypes, max: s.maxTypes }), fc.integer({ min: minPrivate, max: maxPrivate })), {
        minLength: s.minAgents,
        maxLength: s.maxAgents,
      }),
      fc.integer({ min: 1, max: maxPublic }),
    )
    .map(([agents, publicSize]) => ({ agents, publicSize }));
}

/**
 * A separable SCC F(θ) = {f_0(θ)} × Π_i F_i(θ): f_0(θ) ∈ X_0 and nonempty F_i(θ) ⊆ X_i (from bits;
 * all-false means {first}). Shrinks towards f_0 ≡ first and F_i ≡ {first}.
 */
export interface ProductScc {
  readonly publicRule: readonly number[];
  readonly privateSets: readonly (readonly (readonly number[])[])[];
  readonly scc: SocialChoiceCorrespondence;
}

/**
 * An arbitrary of separable social choice correspondences F(θ) = {f_0(θ)} × Π_i F_i(θ) on a product
 * outcome set, shrinking towards f_0 ≡ first and F_i ≡ {first}.
 */
export function productScc(o: ProductOutcomes, numProfiles: number): fc.Arbitrary<ProductScc> {
  const X0 = o.publicLabels.length;
  const sizes = o.privateLabels.map((l) => l.length);
  return fc.tuple(intArray(numProfiles, 0, X0 - 1), fc.tuple(...sizes.map((m) => subsetMasks(numProfiles, m)))).map(([publicRule, privateSets]) => {
    const sets = Array.from({ length: numProfiles }, (_, th) => {
      const out: number[] = [];
      for (const c of o.components) {
        if (c[0] !== publicRule[th]) continue;
        if (c.slice(1).every((x, i) => privateSets[i]![th]!.includes(x))) out.push(decisionOf(o, c));
      }
      return out.sort((a, b) => a - b);
    });
    return { publicRule, privateSets, scc: { sets } };
  });
}
