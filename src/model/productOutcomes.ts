/** Product outcome sets X = X_0 × X_1 × … × X_N (a public part and one private part per agent), deterministic (random ones: src/generators/productOutcomes.ts). */
import type { Label } from "./environment.ts";
import { allProfiles, profileIndex } from "./profiles.ts";

/**
 * A product outcome set X = X_0 × X_1 × … × X_N (a public component and one private component per
 * agent), with the components of each decision.
 */
export interface ProductOutcomes {
  /** X_0: public component labels ("a", "b", …). */
  readonly publicLabels: readonly Label[];
  /** X_i: agent i's private component labels ("x1", "x2", … for agent 1, "y1", … for agent 2, …). */
  readonly privateLabels: readonly (readonly Label[])[];
  /** components[d] = [x_0, x_1, …, x_N], indices into the factor label lists. */
  readonly components: readonly (readonly number[])[];
}

const PRIVATE_LETTERS = ["x", "y", "z", "w", "u", "v"];

/**
 * The product outcome set with a public component of the given size and private components of the
 * given sizes, decisions in mixed-radix order.
 */
export function productOutcomes(publicSize: number, privateSizes: readonly number[]): ProductOutcomes {
  const publicLabels = Array.from({ length: publicSize }, (_, k) => String.fromCharCode(97 + k));
  const privateLabels = privateSizes.map((m, i) =>
    Array.from({ length: m }, (_, k) => (i < PRIVATE_LETTERS.length ? `${PRIVATE_LETTERS[i]}${k + 1}` : `p${i + 1}_${k + 1}`)),
  );
  const components = [...allProfiles([publicSize, ...privateSizes])];
  return { publicLabels, privateLabels, components };
}

/** The decisions' labels of a product outcome set, components joined by "|" (e.g. "a|x1|y2"). */
export function productLabels(o: ProductOutcomes): Label[] {
  return o.components.map((c) => c.map((x, f) => (f === 0 ? o.publicLabels[x]! : o.privateLabels[f - 1]![x]!)).join("|"));
}

/** The decision index of components (x_0, x_1, …, x_N). */
export function decisionOf(o: ProductOutcomes, components: readonly number[]): number {
  return profileIndex([o.publicLabels.length, ...o.privateLabels.map((l) => l.length)], components);
}
