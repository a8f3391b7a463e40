/**
 * `ce-contingent-contribution` (theorem) and `ce-contingent-contribution-literal` (refutation) —
 * [ChungEly2002, §5.3] "Detail-Free Implementation" (Chung–Ely 2002), with Thm 9 and Def 12.
 *
 * Setting (exact, continuum): two agents, signals s ∈ [0, 1]², linear values v_1 = a1·s_1 + b1·s_2 +
 * c1, v_2 = a2·s_2 + b2·s_1 + c2 (rational, a_i > 0, b_i ≥ 0), cost c with V(0, 0) < c < V(1, 1),
 * increasing differences (Def 11: a1 > b2 and a2 > b1; private values b_i = 0 included, as the
 * seed says). A Thm 9 threshold rule: s̄ ∈ [0, 1]² with V(s̄) = c, v̄_i = v_i(s̄) (so v̄_1 + v̄_2 = c),
 * f(s) = 1 iff v_1(s) ≥ v̄_1 and v_2(s) ≥ v̄_2.
 * The game: i announces (d_i, p_i) ∈ ℝ²; produced iff p_1 ≥ d_2 and p_2 ≥ d_1; then i pays d_{−i}.
 * The seed's strategies: F_i(s_i) = {s_{−i} : v_i(s) > v̄_i, v_{−i}(s) > v̄_{−i}}, φ_{−i}(s_i) =
 * inf F_i(s_i) (1 if empty); if F_i(s_i) = [0, 1]: (d_i, p_i) = (v̄_{−i}, v_i(s_i, 0)); otherwise
 * (d_i, p_i) = (v_{−i}(s_i, φ_{−i}(s_i)), v_i(s_i, φ_{−i}(s_i))).
 *
 * The seed claims: "this strategy profile is an ex post equilibrium in which the project is
 * approved at state s iff f(s) = 1".
 *
 * `ce-contingent-contribution-literal` (refutation) transcribes exactly that, at every s ∈ [0, 1]².
 * It is false: with b_i = 0 (e.g. private values) and x with v_i(x, ·) ≡ v̄_i, F_i(x) is empty
 * (strict inequality), φ_{−i}(x) = 1 and i demands d_i = v_{−i}(x, 1), so the project is not
 * approved on the segment {s_i = x, s_{−i} ∈ [g, 1)} where f = 1 (v_1 = s_1, v_2 = s_2, c = 1,
 * s̄ = (½, ½): at s = (½, ½) both demand 1 and pledge ½). The proof's step "d_{−i} > v̄_i ⇒
 * v_{−i}(φ_i(s_{−i}), s_{−i}) = v̄_{−i} by the definition of φ_i" fails when φ_i = 1 by the
 * empty-set convention.
 *
 * `ce-contingent-contribution` (theorem, the true version), decided exactly over all of [0, 1]² by
 * the cell analysis of src/constructions/contingentContribution.ts (pieces where the strategies
 * are affine; each claim's violation set per cell decided by Fourier–Motzkin with a witness that
 * is replayed in the game):
 *  (a) the seed's strategies form an ex post equilibrium at every s (no report (d, p) ∈ ℝ² of
 *      either agent does better; the deviation payoff takes only the values 0 and v_i(s) − d_{−i}),
 *      hence ex post IR (blocking is a deviation worth 0), and d_1 + d_2 ≥ c whenever the project
 *      is produced (budget balance);
 *  (b) the project is approved iff f(s) = 1 at every s off the exceptional segments
 *      E = ∪_i {s : b_i = 0, v_i(s_i, ·) ≡ v̄_i} (E = ∅ when b_1, b_2 > 0);
 *  (c) with ≥ instead of > in F_i (the only change), (a) and approval iff f(s) = 1 hold at every
 *      s ∈ [0, 1]², E included.
 */
import { savedCases } from "./support/controls.ts";
import type { Theorem } from "./types.ts";
import { type ContingentCase, contingentArb, contingentCodec, hypothesis, checkTheorem } from "./support/contingentContribution.ts";

export const ceContingentContribution: Theorem<ContingentCase> = {
  id: "ce-contingent-contribution",
  kind: "theorem",
  source: "[ChungEly2002, §5.3 (with Thm 9, Def 12)]",
  statement:
    "Linear values on [0, 1]² with increasing differences, threshold rule f through s̄ with V(s̄) = c: in the contingent-contribution game the seed's strategies are an ex post equilibrium at every state (any deviation in ℝ²), ex post IR and budget-balanced, and approve the project iff f(s) = 1 at every state off the exceptional segments E = {s_i = x : b_i = 0, v_i(x, ·) ≡ v̄_i}; with ≥ in F_i the approval equals f everywhere. Exact cell analysis over the whole square.",
  arbitrary: contingentArb,
  hypothesis,
  check: (x) => checkTheorem(x),
  codec: contingentCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "exceptional segments not exempted",
      why: "the literal refutation's saved case (b_i = 0, so E ≠ ∅): without the exemption of E, claim (b) 'approved iff f(s) = 1' fails on E for the seed's strategies — the theorem's check must see it",
      input: () => {
        const xs = savedCases("ce-contingent-contribution-literal", contingentCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for ce-contingent-contribution-literal");
        return xs[0]!;
      },
      check: (x) => checkTheorem(x, { exceptional: () => [null, null] }),
    },
  ],
};
