/**
 * Per-type beliefs, possibly without a common prior: each type θ_i holds its own belief
 * π_i(θ_{-i} | θ_i) over the others' profiles ([BrooksExPost2023, *Morris (1994)*, *Aside on no-trade*]:
 * beliefs need not come from a common prior; [BernardMD3, Prop 7.18]).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ZERO } from "../exact/rational.ts";
import type { Beliefs, Environment } from "../model/environment.ts";
import { allProfiles, othersIndex, othersSizes, profileCount } from "../model/profiles.ts";
import { DEFAULT_MAX_WEIGHT, distributionsOfWidths, normalize } from "./options.ts";
import type { PriorOptions } from "./independentPrior.ts";

/**
 * Random per-type beliefs beliefs[i][θ_i][k] = π_i(θ_{-i} = k | θ_i), each row from independent
 * integer weights (full support by default). Generically no common prior exists; shrinks towards
 * uniform beliefs (which do come from the uniform prior).
 */
export function perTypeBeliefs(env: Pick<Environment, "types">, opts: PriorOptions = {}): fc.Arbitrary<Beliefs> {
  const sizes = env.types.map((t) => t.length);
  const rows: { i: number; width: number }[] = [];
  sizes.forEach((m, i) => {
    const width = profileCount(othersSizes(sizes, i));
    for (let t = 0; t < m; t++) rows.push({ i, width });
  });
  return distributionsOfWidths(
    rows.map((r) => r.width),
    opts.maxWeight ?? DEFAULT_MAX_WEIGHT,
    opts.fullSupport ?? true,
  ).map((dists): Beliefs => {
    const beliefs: Q[][][] = sizes.map(() => []);
    rows.forEach((r, k) => beliefs[r.i]!.push(dists[k]!));
    return { kind: "per-type", beliefs };
  });
}

/**
 * The conditionals π_i(θ_{-i} | θ_i) of a prior over profiles. A type of zero marginal probability
 * gets the uniform belief (any belief is consistent there; uniform keeps rows well formed).
 */
export function conditionalsOf(sizes: readonly number[], prior: readonly Q[]): Q[][][] {
  return sizes.map((m, i) => {
    const width = profileCount(othersSizes(sizes, i));
    const rows: Q[][] = Array.from({ length: m }, () => new Array<Q>(width).fill(ZERO));
    let idx = 0;
    for (const p of allProfiles(sizes)) {
      rows[p[i]!]![othersIndex(sizes, p, i)] = prior[idx++]!;
    }
    return rows.map((row) => {
      const tot = row.reduce((a, b) => a.add(b), ZERO);
      return tot.n === 0n ? row.map(() => normalizeUniform(width)) : row.map((x) => x.div(tot));
    });
  });
}

function normalizeUniform(width: number): Q {
  return normalize(new Array<number>(width).fill(1))[0]!;
}
