/**
 * Harsanyi type spaces with a separate finite state set Θ ([BrooksExPost2023, *Review of basic setup*]: "a
 * Harsanyi type space (T, π)", *Farkas dual of trade with IC* / Morris (1994), *Aside on
 * no-trade*; [BrooksMaxmin2023, *Primitives*]). beliefs[i][t_i][k·|Θ| + s] = π_i(t_{-i} = k, θ = s | t_i).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ZERO } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import { allProfiles, othersIndex, othersSizes, profileCount } from "../model/profiles.ts";
import { DEFAULT_MAX_WEIGHT, agentLabels, distribution, distributionsOfWidths, intArray, normalize, typeLabels } from "./options.ts";
import { harsanyiConditionals } from "../model/harsanyi.ts";

/**
 * Options of the Harsanyi type-space generator ([BrooksExPost2023, *Review of basic setup*]):
 * agents, types per agent, states, the belief weights, full support, and whether beliefs come from
 * a common prior.
 */
export interface HarsanyiOptions {
  /** Number of agents (default 2, as in Morris (1994) trade). */
  readonly agents?: number;
  /** Most types per agent (default 3); fewest `minTypes` (default 1). */
  readonly maxTypes?: number;
  readonly minTypes?: number;
  /** Most states (default 3); fewest `minStates` (default 1). */
  readonly maxStates?: number;
  readonly minStates?: number;
  /** Integer weights in [1, maxWeight] (or [0, maxWeight]); default 5. */
  readonly maxWeight?: number;
  /** Full-support beliefs / prior (default true). */
  readonly fullSupport?: boolean;
  /**
   * true: draw one prior over (t, θ) and set beliefs to its conditionals (the `prior` field is
   * set). false (default): each type's belief is drawn independently (no common prior in general).
   */
  readonly commonPrior?: boolean;
}

export { harsanyiConditionals } from "../model/harsanyi.ts";

/**
 * A random Harsanyi type space: agents "1".."n", types "t1".., states "s1"... Shrinks states and
 * types first (after the agent count, which is fixed by `agents`), then the weights.
 */
export function harsanyiTypeSpace(opts: HarsanyiOptions = {}): fc.Arbitrary<HarsanyiTypeSpace> {
  const n = opts.agents ?? 2;
  const minT = opts.minTypes ?? 1;
  const maxT = opts.maxTypes ?? 3;
  const minS = opts.minStates ?? 1;
  const maxS = opts.maxStates ?? 3;
  if (!(n >= 1 && minT >= 1 && maxT >= minT && minS >= 1 && maxS >= minS)) {
    throw new MechcheckError("bad-generator-option", "harsanyiTypeSpace: need agents ≥ 1, 1 ≤ minTypes ≤ maxTypes, 1 ≤ minStates ≤ maxStates", { value: opts });
  }
  const maxWeight = opts.maxWeight ?? DEFAULT_MAX_WEIGHT;
  const fullSupport = opts.fullSupport ?? true;
  return fc.tuple(intArray(n, minT, maxT), fc.integer({ min: minS, max: maxS })).chain(([sizes, S]) => {
    const base = { agents: agentLabels(n), types: sizes.map(typeLabels), states: Array.from({ length: S }, (_, s) => `s${s + 1}`) };
    if (opts.commonPrior) {
      return distribution(profileCount(sizes) * S, maxWeight, fullSupport).map((prior): HarsanyiTypeSpace => {
        return { ...base, beliefs: harsanyiConditionals(sizes, S, prior), prior };
      });
    }
    const widths = sizes.map((_, i) => profileCount(othersSizes(sizes, i)) * S);
    const rowWidths = sizes.flatMap((m, i) => new Array<number>(m).fill(widths[i]!));
    return distributionsOfWidths(rowWidths, maxWeight, fullSupport).map((dists): HarsanyiTypeSpace => {
      let k = 0;
      const beliefs = sizes.map((m) => Array.from({ length: m }, () => dists[k++]!));
      return { ...base, beliefs };
    });
  });
}
