/**
 * Deterministic sampling outside fast-check's runner (for the CLI and examples): the same
 * (arbitrary, seed, index) always gives the same value — the index-th value fast-check would draw
 * with that seed.
 */
import fc from "fast-check";
import { MechcheckError } from "../errors.ts";

/** The first `count` values drawn from `arb` with `seed`. */
export function sampleWithSeed<T>(arb: fc.Arbitrary<T>, seed: number, count: number): T[] {
  if (!Number.isSafeInteger(seed)) throw new MechcheckError("bad-seed", `seed must be an integer, got ${String(seed)}`, { path: "seed", value: seed });
  if (!Number.isSafeInteger(count) || count < 0) throw new MechcheckError("bad-count", `count must be a non-negative integer, got ${String(count)}`, { path: "count", value: count });
  if (count === 0) return [];
  return fc.sample(arb, { seed, numRuns: count });
}

/** The `index`-th value (0-based) drawn from `arb` with `seed`. */
export function generate<T>(arb: fc.Arbitrary<T>, seed: number, index = 0): T {
  if (!Number.isSafeInteger(index) || index < 0) throw new MechcheckError("bad-index", `index must be a non-negative integer, got ${String(index)}`, { path: "index", value: index });
  return sampleWithSeed(arb, seed, index + 1)[index]!;
}
