/** Beliefs of a Harsanyi type space derived from a prior over (types, states): deterministic (the random spaces are in src/generators/harsanyiTypeSpace.ts). */
import { ONE, q, ZERO, type Q } from "../exact/rational.ts";
import { allProfiles, othersIndex, othersSizes, profileCount } from "./profiles.ts";

/** Conditionals π_i(t_{-i}, θ | t_i) of a prior over (t, θ) (index t·|Θ| + s); uniform where t_i has probability 0. */
export function harsanyiConditionals(typeSizes: readonly number[], states: number, prior: readonly Q[]): Q[][][] {
  return typeSizes.map((m, i) => {
    const width = profileCount(othersSizes(typeSizes, i)) * states;
    const rows: Q[][] = Array.from({ length: m }, () => new Array<Q>(width).fill(ZERO));
    let t = 0;
    for (const p of allProfiles(typeSizes)) {
      for (let s = 0; s < states; s++) rows[p[i]!]![othersIndex(typeSizes, p, i) * states + s] = prior[t * states + s]!;
      t++;
    }
    return rows.map((row) => {
      const tot = row.reduce((a, b) => a.add(b), ZERO);
      return tot.n === 0n ? new Array<Q>(width).fill(ONE.div(q(width))) : row.map((x) => x.div(tot));
    });
  });
}
