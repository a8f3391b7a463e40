/**
 * One-agent implementability problems (src/implementability/rochet.ts): a finite type set, a finite
 * outcome set, small integer values and a deterministic rule. Built from fixed-length raw arrays,
 * sliced, so every component shrinks on its own (types, then outcomes, then values and rule).
 */
import fc from "fast-check";
import { q } from "../exact/rational.ts";
import type { OneAgentRule } from "../implementability/rochet.ts";

/**
 * Options of the one-agent rule generator: type and outcome counts, the integer value range, and
 * whether half the cases are affine maximizers (implementable by construction).
 */
export interface OneAgentRuleOptions {
  readonly minTypes?: number;
  readonly maxTypes?: number;
  readonly minOutcomes?: number;
  readonly maxOutcomes?: number;
  /** Values are integers in [lo, hi]. */
  readonly lo?: number;
  readonly hi?: number;
  /** Default true: half the cases are affine maximizers (implementable by construction); false: every rule arbitrary. */
  readonly affineHalf?: boolean;
}

/**
 * `affine` (when enabled) picks the rule argmax_o v(t, o) − c(o), implementable with payments
 * c(f(t)); otherwise the raw rule entries (mod the outcome count) are used.
 */
export function oneAgentRuleArbitrary(opts: OneAgentRuleOptions = {}): fc.Arbitrary<OneAgentRule> {
  const maxT = opts.maxTypes ?? 5;
  const maxO = opts.maxOutcomes ?? 4;
  return fc
    .record({
      T: fc.integer({ min: opts.minTypes ?? 2, max: maxT }),
      O: fc.integer({ min: opts.minOutcomes ?? 2, max: maxO }),
      vals: fc.array(fc.integer({ min: opts.lo ?? -3, max: opts.hi ?? 3 }), { minLength: maxT * maxO, maxLength: maxT * maxO }),
      raw: fc.array(fc.nat({ max: maxO - 1 }), { minLength: maxT, maxLength: maxT }),
      costs: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: maxO, maxLength: maxO }),
      affine: opts.affineHalf === false ? fc.constant(false) : fc.boolean(),
    })
    .map(({ T, O, vals, raw, costs, affine }) => {
      const values = Array.from({ length: T }, (_, t) => Array.from({ length: O }, (_, o) => q(vals[t * maxO + o]!)));
      const rule = values.map((row, t) => {
        if (!affine) return raw[t]! % O;
        let best = 0;
        for (let o = 1; o < O; o++) if (row[o]!.sub(q(costs[o]!)).compare(row[best]!.sub(q(costs[best]!))) > 0) best = o;
        return best;
      });
      return { values, rule };
    });
}
