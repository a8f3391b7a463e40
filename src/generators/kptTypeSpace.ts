/**
 * Known-payoff-type (KPT) type spaces over an environment ([BrooksExPost2023, *Bergemann and Morris
 * (2005)*]: Θ = Π_i Θ_i, finite types T_i, a map θ̂_i : T_i → Θ_i, beliefs π̂_i : T_i → Δ(T_{-i})).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import type { Environment, KptTypeSpace } from "../model/environment.ts";
import { othersSizes, profileCount } from "../model/profiles.ts";
import { DEFAULT_MAX_WEIGHT, distributionsOfWidths, intArray } from "./options.ts";

/**
 * Options of the KPT type-space generator ([BrooksExPost2023, *Bergemann and Morris (2005)*]): how
 * many epistemic types per agent beyond its payoff types, the belief weights and whether beliefs
 * have full support.
 */
export interface KptOptions {
  /** Most extra epistemic types per agent beyond |Θ_i| (default 1). */
  readonly maxExtraTypes?: number;
  /** Integer belief weights in [1, maxWeight] (or [0, maxWeight]); default 5. */
  readonly maxWeight?: number;
  /** Every belief has full support on T_{-i} (default true). */
  readonly fullSupport?: boolean;
}

/**
 * A random KPT type space: |T_i| = |Θ_i| + e_i types; the first |Θ_i| map onto Θ_i in order (so θ̂_i
 * is onto), the e_i extra ones to random payoff types; labels "<payoff type>#<k>". Beliefs are
 * random per type (not from a common prior). Shrinks towards e_i = 0 (T_i = Θ_i, θ̂_i the
 * identity) and uniform beliefs.
 */
export function kptTypeSpace(env: Pick<Environment, "types">, opts: KptOptions = {}): fc.Arbitrary<KptTypeSpace> {
  const thetaSizes = env.types.map((t) => t.length);
  const n = thetaSizes.length;
  const maxExtra = opts.maxExtraTypes ?? 1;
  const maxWeight = opts.maxWeight ?? DEFAULT_MAX_WEIGHT;
  const fullSupport = opts.fullSupport ?? true;
  return intArray(n, 0, maxExtra).chain((extra) => {
    const tSizes = thetaSizes.map((m, i) => m + extra[i]!);
    const widths = tSizes.flatMap((m, i) => new Array<number>(m).fill(profileCount(othersSizes(tSizes, i))));
    const extraMaps = extra.map((e, i) => intArray(e, 0, thetaSizes[i]! - 1));
    return fc.tuple(fc.tuple(...extraMaps), distributionsOfWidths(widths, maxWeight, fullSupport)).map(([maps, dists]): KptTypeSpace => {
      const payoffType = thetaSizes.map((m, i) => [...Array.from({ length: m }, (_, k) => k), ...maps[i]!]);
      const counters = env.types.map((labels) => labels.map(() => 0));
      const types = payoffType.map((row, i) => row.map((th) => `${env.types[i]![th]!}#${++counters[i]![th]!}`));
      let k = 0;
      const beliefs: Q[][][] = tSizes.map((m) => Array.from({ length: m }, () => dists[k++]!));
      return { types, payoffType, beliefs };
    });
  });
}
