/**
 * One agent's strictly increasing value grid, shrinking towards {0, 1, …, m−1}: a start in
 * [0, maxValue] and steps in [1, maxStep], all divided by `valueDenominator`. Shared by
 * `bilateralTrade` and `publicGood` (a helper, not a top-level arbitrary).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { q } from "../exact/rational.ts";
import { intArray } from "./options.ts";

/** Options of a value grid: the largest start, the largest step and the common denominator. */
export interface GridOptions {
  /** Largest start value (default 10). */
  readonly maxValue?: number;
  /** Largest step between consecutive values (default 3). */
  readonly maxStep?: number;
  /** Values are integers / valueDenominator (default 1). */
  readonly valueDenominator?: number;
}

/** An arbitrary of one agent's strictly increasing grid of m exact values, shrinking towards {0, 1, …, m−1}. */
export function valueGrid(m: number, opts: GridOptions = {}): fc.Arbitrary<Q[]> {
  return valueGridOfSize(m, m, opts);
}

/**
 * A grid with between `minSize` and `maxSize` points, without `chain`: the steps are an array whose
 * length shrinks first (fast-check keeps the remaining steps), so fewer points never regenerate the
 * other numbers.
 */
export function valueGridOfSize(minSize: number, maxSize: number, opts: GridOptions = {}): fc.Arbitrary<Q[]> {
  const den = q(BigInt(opts.valueDenominator ?? 1));
  const step = fc.integer({ min: 1, max: Math.max(1, opts.maxStep ?? 3) });
  const steps = minSize === maxSize ? intArray(maxSize - 1, 1, Math.max(1, opts.maxStep ?? 3)) : fc.array(step, { minLength: minSize - 1, maxLength: maxSize - 1 });
  return fc.tuple(steps, fc.integer({ min: 0, max: opts.maxValue ?? 10 })).map(([steps, start]) => {
    const out: Q[] = [];
    let v = start;
    out.push(q(v).div(den));
    for (const s of steps) {
      v += s;
      out.push(q(v).div(den));
    }
    return out;
  });
}
