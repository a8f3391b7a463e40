/**
 * Cases of section D's single-object theorems (`cavallo`, `green-laffont-mechanism`): n agents,
 * each with a finite grid of distinct nonnegative integer values (types are labelled by their
 * values). Values may tie ACROSS agents, so the tie rule (lower agent index ranks first) is
 * exercised. The codec saves the value grids as exact strings.
 */
import fc from "fast-check";
import { q, qstr, type Q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";
import type { CaseCodec } from "../model/caseCodec.ts";

export interface SingleObjectCase {
  /** values[i] = agent i's value grid, strictly increasing. */
  readonly values: readonly (readonly Q[])[];
}

/** n ∈ [minAgents, maxAgents] agents, 1..maxTypes values each in [0, maxValue]. */
export function singleObjectCases(opts: { minAgents: number; maxAgents: number; maxTypes: number; maxValue: number }): fc.Arbitrary<SingleObjectCase> {
  const grid = fc.uniqueArray(fc.integer({ min: 0, max: opts.maxValue }), { minLength: 1, maxLength: opts.maxTypes }).map((xs) => xs.slice().sort((a, b) => a - b).map((x) => q(x)));
  return fc.array(grid, { minLength: opts.minAgents, maxLength: opts.maxAgents }).map((values) => ({ values }));
}

export function caseEnvironment(x: SingleObjectCase): Environment {
  return singleObjectEnvironment(x.values);
}

export const singleObjectCodec: CaseCodec<SingleObjectCase> = {
  encode: (x) => ({ values: x.values.map((g) => g.map(qstr)) }),
  decode: (j) => {
    const o = j as { values: string[][] };
    return { values: o.values.map((g, i) => g.map((v, k) => q(v, `values[${i}][${k}]`))) };
  },
};

/** The values sorted from highest to lowest, with multiplicity (v₍₁₎ ≥ v₍₂₎ ≥ …). */
export function orderStatistics(vals: readonly Q[]): Q[] {
  return vals.slice().sort((a, b) => b.compare(a));
}

/** Agents by rank: highest value first, among equal values the lower index first. */
export function ranking(vals: readonly Q[]): number[] {
  return vals.map((_, i) => i).sort((a, b) => vals[b]!.compare(vals[a]!) || a - b);
}
