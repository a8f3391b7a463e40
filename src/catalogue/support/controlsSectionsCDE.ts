/**
 * Negative-control helpers for sections C, D and E (efficiency and budget, redistribution, revenue
 * equivalence); the shared ones are in controls.ts. Every known-bad input here is derived from the
 * model — a case drawn from the theorem's own arbitrary at a fixed seed, a construction with one
 * number perturbed — never a hand-typed verdict.
 */
import fc from "fast-check";
import { q, type Q } from "../../exact/rational.ts";
import type { CheckResult } from "../types.ts";

/** The seed of every generated control input (fixed: controls are deterministic). */
export const CONTROL_SEED = 20261123;

/** 1/7: the perturbation used by the controls (not a value any construction produces by accident). */
export const SEVENTH: Q = q(1).div(q(7));

/**
 * The first case drawn from `arb` (fixed seed) that satisfies `pred` — a generated, not hand-typed,
 * control input. `pred` may throw (the case is skipped). Throws if none of `tries` draws qualifies.
 */
export function generatedCase<T>(arb: fc.Arbitrary<T>, pred: (x: T) => boolean, what: string, opts: { seed?: number; tries?: number } = {}): T {
  const seed = opts.seed ?? CONTROL_SEED;
  for (const x of fc.sample(arb, { seed, numRuns: opts.tries ?? 300 })) {
    let ok = false;
    try {
      ok = pred(x);
    } catch {
      ok = false;
    }
    if (ok) return x;
  }
  throw new Error(`no generated case (seed ${seed}) is ${what}`);
}

/** `ok` of a check result, for predicates. */
export const passes = (r: CheckResult): boolean => r.ok;
