/**
 * Chung–Ely (2002) separable environments ([ChungEly2002, Definition 6 and Theorem 2]): agent i's
 * valuation is h_i(q)·v_i(s), with h_i : Q → [0, 1] and v_i strictly increasing in the own signal
 * s_i; then a decision rule f is EPIC iff h_i(f(s_{-i}, s_i)) is non-decreasing in s_i.
 *
 * Finite form: signals s_i ∈ {0, 1/(m_i−1), …, 1} (typeValues; {0} if m_i = 1), h_i(q) ∈
 * {0, 1/H, …, 1}, and v_i(s) = b_i(s_{-i}) + Σ_{k' ≤ k} c_i(k', s_{-i}) with integer steps c ≥ 1,
 * so v_i is strictly increasing in s_i exactly.
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles, othersIndex, othersSizes, profileCount } from "../model/profiles.ts";
import { agentLabels, decisionLabels, dimsArbitrary, intArray, resolveSizes, typeLabels, type SizeOptions } from "./options.ts";

/**
 * Options of `chungElySeparable`: SizeOptions, the grid 1/H of the weights h_i(q), the largest step
 * of v_i in the own signal, and whether values are private.
 */
export interface ChungElyOptions extends SizeOptions {
  /** h_i(q) ∈ {0, 1/H, …, 1} with H = hDenominator (default 2). */
  readonly hDenominator?: number;
  /** Largest step of v_i in the own signal (default 3; steps are in [1, maxStep]). */
  readonly maxStep?: number;
  /** v_i depends on s_i only (default false: interdependent). */
  readonly privateValues?: boolean;
}

/**
 * A generated Chung–Ely separable environment (valuations h_i(q)·v_i(s), v_i strictly increasing in
 * the own signal; [ChungEly2002, Def 6]) with its h and v tables.
 */
export interface ChungElyInstance {
  readonly env: Environment;
  /** h[i][q] ∈ [0, 1]. */
  readonly h: readonly (readonly Q[])[];
  /** v[i][s] (s a profile index): strictly increasing in s_i. */
  readonly v: readonly (readonly Q[])[];
}

/**
 * An arbitrary of Chung–Ely separable environments ([ChungEly2002, Def 6, Thm 2]), values exact and
 * v_i strictly increasing in the own signal.
 */
export function chungElySeparable(opts: ChungElyOptions = {}): fc.Arbitrary<ChungElyInstance> {
  const s = resolveSizes(opts);
  const H = Math.max(1, opts.hDenominator ?? 2);
  const maxStep = Math.max(1, opts.maxStep ?? 3);
  const den = q(BigInt(s.valueDenominator));
  return dimsArbitrary(s).chain(({ typeCounts, decisions }) => {
    const n = typeCounts.length;
    const widths = typeCounts.map((_, i) => (opts.privateValues ? 1 : profileCount(othersSizes(typeCounts, i))));
    const baseLen = widths.reduce((a, b) => a + b, 0);
    const stepLen = typeCounts.reduce((acc, m, i) => acc + (m - 1) * widths[i]!, 0);
    return fc
      .tuple(intArray(n * decisions, 0, H), intArray(baseLen, s.allowNegative ? -s.maxValue : 0, s.maxValue), intArray(stepLen, 1, maxStep))
      .map(([hs, bases, steps]): ChungElyInstance => {
        const h = Array.from({ length: n }, (_, i) => hs.slice(i * decisions, (i + 1) * decisions).map((k) => q(k).div(q(H))));
        let b = 0;
        let c = 0;
        // table[i][k][w] = v_i at own signal k, others' profile index w (w = 0 under private values)
        const table = typeCounts.map((m, i) => {
          const base = bases.slice(b, (b += widths[i]!));
          const rows: number[][] = [base];
          for (let k = 1; k < m; k++) {
            const st = steps.slice(c, (c += widths[i]!));
            rows.push(rows[k - 1]!.map((x, w) => x + st[w]!));
          }
          return rows;
        });
        const profiles = [...allProfiles(typeCounts)];
        const v = typeCounts.map((_, i) =>
          profiles.map((p) => q(table[i]![p[i]!]![opts.privateValues ? 0 : othersIndex(typeCounts, p, i)]!).div(den)),
        );
        const env: Environment = {
          agents: agentLabels(n),
          types: typeCounts.map(typeLabels),
          typeValues: typeCounts.map((m) => Array.from({ length: m }, (_, k) => (m === 1 ? q(0) : q(k).div(q(m - 1))))),
          decisions: decisionLabels(decisions),
          valuation: v.map((vi, i) => vi.map((x) => h[i]!.map((hq) => hq.mul(x)))),
        };
        return { env, h, v };
      });
  });
}
