/** Separability and monotonicity of a rule in a Chung–Ely separable environment ([ChungEly2002, Def 6, Thm 2]), shared by ce-separable-monotone and ce-payoff-equivalence-finite. */
import { ZERO } from "../../exact/rational.ts";
import { type ChungElyInstance } from "../../generators/index.ts";
import { typeSizes } from "../../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../../model/profiles.ts";
import { type SeparableRuleCase } from "../../generators/separableRules.ts";

/** Separability verified on the tables: valuation = h·v, h ∈ [0, 1], v strictly increasing in the own signal (typeValues increasing). */
export function isChungElySeparable(x: ChungElyInstance): boolean {
  const { env, h, v } = x;
  const sizes = typeSizes(env);
  for (let i = 0; i < sizes.length; i++) {
    if (!h[i]!.every((hq) => hq.compare(ZERO) >= 0 && hq.compare(1) <= 0)) return false;
    const tv = env.typeValues?.[i];
    if (!tv) return false;
    for (let k = 1; k < tv.length; k++) if (tv[k]!.compare(tv[k - 1]!) <= 0) return false;
    for (let th = 0; th < v[i]!.length; th++) for (let d = 0; d < env.decisions.length; d++) if (!env.valuation[i]![th]![d]!.equals(h[i]![d]!.mul(v[i]![th]!))) return false;
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      for (let k = 1; k < sizes[i]!; k++) {
        if (v[i]![profileIndex(sizes, joinProfile(sizes, i, k, o))]!.compare(v[i]![profileIndex(sizes, joinProfile(sizes, i, k - 1, o))]!) <= 0) return false;
      }
    }
  }
  return true;
}

/** A monotonicity violation: agent i, others o, own signals lo < hi with h_i(f(lo)) > h_i(f(hi)). */
export interface MonotonicityViolation {
  readonly agent: number;
  readonly others: number;
  readonly lo: number;
  readonly hi: number;
}

export function monotonicityViolation(x: SeparableRuleCase): MonotonicityViolation | null {
  const sizes = typeSizes(x.env);
  for (let i = 0; i < sizes.length; i++) {
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      const H = Array.from({ length: sizes[i]! }, (_, k) => x.h[i]![x.rule[profileIndex(sizes, joinProfile(sizes, i, k, o))]!]!);
      for (let lo = 0; lo < H.length; lo++) for (let hi = lo + 1; hi < H.length; hi++) if (H[lo]!.compare(H[hi]!) > 0) return { agent: i, others: o, lo, hi };
    }
  }
  return null;
}
