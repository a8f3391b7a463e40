/**
 * Bergemann–Morris (2005) separable environments and the construction in their proof ([BrooksExPost2023,
 * *Separable environments*], corrected: the right-hand side of the displayed
 * inequality is ũ_i(f_0(θ'_i, θ_{-i}), g_{i,θ−i}(θ'_i, θ_{-i}), θ)).
 *
 * (Θ, X, u, F) is separable if X = X_0 × Π_i X_i, u_i(x, θ) = ũ_i(x_0, x_i, θ), and
 * F(θ) = {f_0(θ)} × Π_i F_i(θ). `checkSeparable` verifies all three on the finite tables (exact).
 *
 * The construction: for each i and θ_{-i}, a mechanism on the test type space T_i = Θ_i,
 * T_j = {θ_j} is a section selection g_{i,θ−i}(·) with g(θ'_i) ∈ F(θ'_i, θ_{-i}) (and payments
 * p_{i,θ−i}(θ'_i) in the money case). Its public component is forced, f_0(θ'_i, θ_{-i}); only its
 * private component x_i matters to agent i (separability). Then
 *   f′(θ) = (f_0(θ), x_1(g_{1,θ−1}(θ_1)), …, x_N(g_{N,θ−N}(θ_N))),   p′_i(θ) = p_{i,θ−i}(θ_i)
 * satisfies f′(θ) ∈ F(θ) (product form of F) and is EPIC: agent i's utility at f′(θ'_i, θ_{-i}) is
 * ũ_i(f_0(θ'_i, θ_{-i}), x_i(g_{i,θ−i}(θ'_i)), θ) − p_{i,θ−i}(θ'_i), exactly its utility from
 * reporting θ'_i on the test type space.
 */
import { type Q } from "../exact/rational.ts";
import type { Environment, SocialChoiceCorrespondence } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { othersIndex, profileAt } from "../model/profiles.ts";
import type { ProductOutcomes } from "../model/productOutcomes.ts";
import { decisionOf } from "../model/productOutcomes.ts";
import type { ExPostSelection, SectionSolution } from "./implementation.ts";

/**
 * A claimed separable structure of (env, F) ([BrooksExPost2023, *Separable environments*]): the
 * product outcome set, the public rule f_0 and the private sets F_i(θ).
 */
export interface SeparableStructure {
  readonly outcomes: ProductOutcomes;
  /** f_0(θ) ∈ X_0. */
  readonly publicRule: readonly number[];
  /** F_i(θ) ⊆ X_i: privateSets[i][θ]. */
  readonly privateSets: readonly (readonly (readonly number[])[])[];
}

/**
 * Why (env, F) is not separable for a given structure: the outcomes are not the product, a utility
 * depends on another agent's private component, or F is not of product form at a profile.
 */
export type SeparabilityFailure =
  | { readonly code: "outcomes"; readonly message: string }
  | { readonly code: "utility"; readonly agent: number; readonly profile: number; readonly decisions: readonly [number, number]; readonly message: string }
  | { readonly code: "scc"; readonly profile: number; readonly message: string };

/** Verify separability of (env, F) for the given product structure, exactly; null if separable. */
export function checkSeparable(env: Environment, scc: SocialChoiceCorrespondence, s: SeparableStructure): SeparabilityFailure | null {
  const n = env.agents.length;
  const o = s.outcomes;
  if (o.privateLabels.length !== n) return { code: "outcomes", message: `${o.privateLabels.length} private components for ${n} agents` };
  if (o.components.length !== env.decisions.length) return { code: "outcomes", message: "decisions are not the product outcomes" };
  for (let d = 0; d < o.components.length; d++) if (decisionOf(o, o.components[d]!) !== d) return { code: "outcomes", message: `decision ${d} is out of product order` };
  const P = numProfiles(env);
  // u_i(x, θ) depends on x only through (x_0, x_i)
  for (let i = 0; i < n; i++) {
    for (let th = 0; th < P; th++) {
      const seen = new Map<string, number>();
      for (let d = 0; d < o.components.length; d++) {
        const c = o.components[d]!;
        const key = `${c[0]}|${c[1 + i]}`;
        const d0 = seen.get(key);
        if (d0 === undefined) seen.set(key, d);
        else if (!env.valuation[i]![th]![d]!.equals(env.valuation[i]![th]![d0]!)) {
          return { code: "utility", agent: i, profile: th, decisions: [d0, d], message: `u_${i + 1} differs between ${env.decisions[d0]} and ${env.decisions[d]}, which share x_0 and x_${i + 1}` };
        }
      }
    }
  }
  // F(θ) = {f_0(θ)} × Π F_i(θ)
  for (let th = 0; th < P; th++) {
    const want = o.components
      .map((c, d) => (c[0] === s.publicRule[th] && c.slice(1).every((x, i) => s.privateSets[i]![th]!.includes(x)) ? d : -1))
      .filter((d) => d >= 0);
    const got = scc.sets[th]!.slice().sort((a, b) => a - b);
    if (want.length === 0 || want.length !== got.length || want.some((d, k) => d !== got[k])) {
      return { code: "scc", profile: th, message: `F at profile ${th} is not {f_0} × Π F_i` };
    }
  }
  return null;
}

/** BM's f′ and p′ from the test-space mechanisms solutions[i][θ_{-i} index]. */
export function bmConstruction(env: Environment, s: SeparableStructure, solutions: readonly (readonly SectionSolution[])[]): ExPostSelection {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const rule: number[] = [];
  const payments: Q[][] = [];
  for (let th = 0; th < P; th++) {
    const prof = profileAt(sizes, th);
    const comps = [s.publicRule[th]!];
    const pay: Q[] = [];
    for (let i = 0; i < sizes.length; i++) {
      const sol = solutions[i]![othersIndex(sizes, prof, i)]!;
      const g = sol.choices[prof[i]!]!; // g_{i,θ−i}(θ) ∈ F(θ)
      comps.push(s.outcomes.components[g]![1 + i]!); // its private component x_i
      pay.push(sol.payments[prof[i]!]!);
    }
    rule.push(decisionOf(s.outcomes, comps));
    payments.push(pay);
  }
  return { rule, payments };
}
