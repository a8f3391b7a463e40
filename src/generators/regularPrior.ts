/**
 * Regular priors in Chung–Ely (2007)'s sense, for auctions on evenly spaced value grids ([BrooksExPost2023,
 * *Regular case*], the slide's formula corrected): the local virtual value is
 *
 *     φ̃_i(v) = v_i − Δ · Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v),
 *
 * and f is **regular** if φ̃_i(v) is non-decreasing in v_i for all i and v_{-i}. (This needs
 * f(v) > 0, so regular priors here have full support.)
 *
 * Construction (no unbounded rejection): draw integer weights w(v) ≥ 1 on the profiles; if w
 * (normalised) is regular, keep it (this reaches regular priors that are not monotone); otherwise
 * use the lower-set sums f(v) ∝ Σ_{u ≤ v componentwise} w(u). Such an f is non-decreasing in every
 * coordinate, and every f non-decreasing in own value is regular. Proof: fix i, v_{-i}, write
 * g(k) = f(v_k, v_{-i}) > 0, G(k) = Σ_{k'>k} g(k') and r(k) = G(k)/g(k), so φ̃(k) = v_k − Δ·r(k)
 * and φ̃(k+1) − φ̃(k) = Δ·(1 − (r(k+1) − r(k))). Since G(k) = g(k+1) + G(k+1),
 * r(k+1) − r(k) = G(k+1)·(1/g(k+1) − 1/g(k)) − g(k+1)/g(k) ≤ 0 when g(k) ≤ g(k+1). (A
 * non-increasing f need not be regular: g = (100, 1, 1, 1, 1) gives r(1) − r(0) > 1.)
 * `isRegularPrior` is the exact check; the tests apply it to every generated prior.
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ONE, ZERO } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles, profileAt, profileIndex, withEntry } from "../model/profiles.ts";
import { DEFAULT_MAX_WEIGHT, normalize, weightArray } from "./options.ts";

/**
 * Options of the regular-prior generator (priors whose local virtual values are non-decreasing;
 * [BrooksExPost2023, *Regular case*]): the largest integer weight.
 */
export interface RegularPriorOptions {
  /** Integer weights in [1, maxWeight] (default 5). */
  readonly maxWeight?: number;
}

/** Grid spacing Δ_i of agent i's typeValues (must be strictly increasing and evenly spaced). */
export function gridSpacing(env: Pick<Environment, "typeValues">, i: number): Q | undefined {
  const vals = env.typeValues?.[i];
  if (!vals) throw new MechcheckError("no-type-values", `regular prior: agent ${i + 1} has no typeValues (a value grid is needed)`, { path: `typeValues[${i}]` });
  if (vals.length < 2) return undefined;
  const d = vals[1]!.sub(vals[0]!);
  for (let k = 1; k < vals.length; k++) {
    if (vals[k]!.sub(vals[k - 1]!).compare(d) !== 0 || d.compare(ZERO) <= 0) {
      throw new MechcheckError("not-a-grid", `regular prior: agent ${i + 1}'s values are not an increasing evenly spaced grid`, { path: `typeValues[${i}]` });
    }
  }
  return d;
}

/**
 * The local virtual value φ̃_i(v) = v_i − Δ_i · Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v) at profile
 * index `v`; undefined when f(v) = 0.
 */
export function localVirtualValue(env: Pick<Environment, "types" | "typeValues">, prior: readonly Q[], i: number, v: number): Q | undefined {
  const sizes = env.types.map((t) => t.length);
  const p = profileAt(sizes, v);
  const fv = prior[v]!;
  if (fv.n === 0n) return undefined;
  const own = env.typeValues![i]![p[i]!]!;
  const delta = gridSpacing(env, i);
  if (delta === undefined) return own;
  let above = ZERO;
  for (let k = p[i]! + 1; k < sizes[i]!; k++) above = above.add(prior[profileIndex(sizes, withEntry(p, i, k))]!);
  return own.sub(delta.mul(above).div(fv));
}

/** Whether φ̃_i(v) is defined (f(v) > 0) and non-decreasing in v_i for every i and v_{-i}. */
export function isRegularPrior(env: Pick<Environment, "types" | "typeValues">, prior: readonly Q[]): boolean {
  const sizes = env.types.map((t) => t.length);
  for (const p of allProfiles(sizes)) {
    for (let i = 0; i < sizes.length; i++) {
      const here = localVirtualValue(env, prior, i, profileIndex(sizes, p));
      if (here === undefined) return false;
      if (p[i]! + 1 < sizes[i]!) {
        const next = localVirtualValue(env, prior, i, profileIndex(sizes, withEntry(p, i, p[i]! + 1)));
        if (next === undefined || next.compare(here) < 0) return false;
      }
    }
  }
  return true;
}

/** f(v) = Σ_{u ≤ v componentwise} w(u): non-decreasing in every coordinate. */
export function lowerSetSums(sizes: readonly number[], w: readonly number[]): number[] {
  const out = w.slice();
  // prefix sums along each axis in turn (profile indices increase with every coordinate)
  for (let axis = 0; axis < sizes.length; axis++) {
    for (let idx = 0; idx < out.length; idx++) {
      const p = profileAt(sizes, idx);
      if (p[axis]! > 0) out[idx]! += out[profileIndex(sizes, withEntry(p, axis, p[axis]! - 1))]!;
    }
  }
  return out;
}

/**
 * A random regular (full-support) prior over the env's value profiles. The env needs typeValues on
 * an evenly spaced increasing grid per agent (e.g. `singleObjectAuction`). Shrinks towards the
 * uniform prior (regular: φ̃ rises by 2Δ per step).
 */
export function regularPrior(env: Pick<Environment, "types" | "typeValues">, opts: RegularPriorOptions = {}): fc.Arbitrary<Q[]> {
  const sizes = env.types.map((t) => t.length);
  sizes.forEach((_, i) => gridSpacing(env, i)); // validate eagerly
  const P = sizes.reduce((a, b) => a * b, 1);
  if (P === 1) return fc.constant([ONE]);
  return weightArray(P, opts.maxWeight ?? DEFAULT_MAX_WEIGHT, true).map((w) => {
    const direct = normalize(w);
    if (isRegularPrior(env, direct)) return direct;
    return normalize(lowerSetSums(sizes, w));
  });
}
