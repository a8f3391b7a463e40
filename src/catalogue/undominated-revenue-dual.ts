/**
 * `undominated-revenue-dual` (theorem) and `no-undominated-without-cpa` (refutation) — the claim of
 * [BernardMD3, Prop 7.18] itself, "for generic type spaces without common prior, there is no
 * undominated mechanism with respect to … the revenue criterion" ([BernardMD3, Def 7.17]), read
 * through its LP dual (src/constructions/undominated.ts), next to `unbounded-without-cpa`, which
 * checks the proof sketch's reading ("charge players to enter bets → revenue is unbounded").
 *
 * Theorem (exact alternative, any finite type space with per-type beliefs and a decision rule q
 * admitting a BIC, interim IR mechanism): exactly one of
 *   (i)  noisy-concordance multipliers with π(t) > 0 at EVERY profile [Morris1994]; then the
 *        π-weighted revenue maximizer g* (with rule q) is undominated — re-checked directly from
 *        Def 7.17 by the domination LP (no BIC, IIR g' with the same q has R' ≥ R*, R' ≠ R*);
 *  (ii) an acceptable, IC trade γ with Σ_i γ_i(t) ≤ 0 at every t and < 0 at some t; then every
 *        mechanism g is dominated by g − γ (re-checked on a concrete g: BIC, IIR, revenue ≥ and ≠).
 * Both LPs are solved independently; exactly one must be feasible; each side's point re-checked.
 *
 * Refutation: the proposition on a FIXED finite type set (2 agents × 2 types, one decision,
 * random full-support beliefs — "generic" read as "outside a null set of belief profiles"): no
 * common prior ⇒ no undominated mechanism for the revenue criterion. False: noisy concordance with
 * π > 0 holds on an open set of belief profiles without a common prior (strict inequalities
 * survive small perturbations of the beliefs), where (i) exhibits an undominated mechanism. So
 * "generic" does not rescue the finite reading; the slide does not define "generic", and a reading
 * over type spaces of growing size is not what this id checks. Measured by
 * `npx tsx bench/undominated-generic.ts`: among 300 seeded random full-support 2 × 2 belief
 * profiles, how many have no common prior yet π > 0 (and every λ > 0) noisy concordance.
 */
import fc from "fast-check";
import { noisyConcordanceLp } from "../beliefs/noTrade.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { casesArb } from "./support/unboundedRevenue.ts";
import { theoremCheck, generic2x2, feasible, BOUNDED_BUT_DOMINATED } from "./support/undominatedRevenue.ts";

export const undominatedRevenueDual: Theorem<Instance> = {
  id: "undominated-revenue-dual",
  kind: "theorem",
  source: "[BernardMD3, Def 7.17, Prop 7.18] (the proposition's claim, revenue criterion) via [Morris1994]",
  statement:
    "Reading: Prop 7.18's own claim (undominated mechanisms, revenue criterion), by LP duality. Finite type space, per-type beliefs, a rule q admitting a BIC, IIR mechanism: exactly one of (i) noisy-concordance multipliers with π(t) > 0 at every profile — then the π-weighted revenue maximizer is undominated (re-checked from Def 7.17 by a domination LP); (ii) an acceptable IC trade with Σ_i γ_i ≤ 0 everywhere, < 0 somewhere — then every mechanism g is dominated by g − γ.",
  arbitrary: fc.oneof({ weight: 3, arbitrary: casesArb({ generic: 3, sparse: 2, "common-prior": 1, "noisy-concordant": 2 }) }, { weight: 1, arbitrary: generic2x2 }),
  hypothesis: feasible,
  check: (x) => theoremCheck(x),
  codec: instanceCodec,
  defaultRuns: 150,
  negativeControls: [
    {
      name: "π ≥ 0 instead of π > 0",
      why: "the same check with the noisy-concordance LP of the proof sketch's reading (π ≥ 0, Σ π = 1) in place of π > 0: on beliefs where both that system and a weak-surplus IC trade exist (revenue bounded, yet every mechanism dominated; found by the generator, seed 7) it must report both sides",
      input: () => instanceCodec.decode(BOUNDED_BUT_DOMINATED),
      check: (x) => theoremCheck(x, noisyConcordanceLp),
    },
  ],
};
