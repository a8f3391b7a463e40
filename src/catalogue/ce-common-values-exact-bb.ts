/**
 * `ce-common-values-exact-bb` (refutation) — [ChungEly2002, §5.2, Thm 8(3)]: "With pure common
 * values, efficient provision rules are exactly budget-balanced."
 *
 * Which reading is refuted: the NAIVE reading that combines Thm 8(3) with the definition the paper
 * gives just after Thm 8 ("f is budget-balanced if its associated generalized VCG mechanism is"):
 * the efficient rule's generalized VCG payments t_i(s) = inf{v_i(s̃_i, s_{-i}) : f(s̃_i, s_{-i}) = 1}
 * satisfy t_1 + t_2 = c at every provide state. Continuum, exact, linear common values
 * v_1 = v_2 = a1·s_1 + a2·s_2 + c0 on [0, 1]², V(0, 0) < c < V(1, 1); decided by the polygon-cell
 * analysis of src/mechanisms/chungElyPublicGood.ts (min and max of t_1 + t_2 − c over the provide
 * region). False because a cutoff clamps at the signal boundary: if even s_i = 0 provides at s_{-i},
 * then t_i = v(0, s_{-i}) > c/2 and the generalized VCG collects more than c. The counterexample
 * reports the state of maximal surplus and its payments.
 *
 * The source's claim itself — read as Thm 8's header reads it, that exact budget balance is
 * achievable with an efficient, EPIC, ex post IR mechanism — is TRUE: equal cost shares c/2 do it
 * (`ce-common-values-equal-shares`, the true version). The generalized VCG budget (≥ c everywhere,
 * = c where both cutoffs are interior) is checked in `ce-public-goods` (3).
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { qstr } from "../exact/rational.ts";
import { budgetRange, cutoff, differencesClass, efficientRegion, increasingValues, nonTrivialProvision, vcgPayments } from "../publicGoods/interdependentPublicGood.ts";
import type { LinearPublicGood } from "../publicGoods/interdependentPublicGood.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { commonValuesArb, publicGoodCodec } from "../generators/linearPublicGood.ts";

function check(G: LinearPublicGood): CheckResult {
  const eff = efficientRegion(G);
  const B = budgetRange(G, eff)!;
  if (B.min.equals(B.max) && B.min.n === 0n) return { ok: true, tag: "exactly balanced on the whole provide region" };
  const at = B.max.n !== 0n ? B.argmax : B.argmin;
  const [t1, t2] = vcgPayments(G, eff, at[0], at[1]);
  return {
    ok: false,
    violation: {
      state: at.map(qstr),
      payments: [qstr(t1), qstr(t2)],
      cost: qstr(G.cost),
      cutoffs: { g1: qstr(cutoff(eff, 0, at[1])!), g2: qstr(cutoff(eff, 1, at[0])!) },
      budgetRange: [qstr(B.min), qstr(B.max)],
    },
    message: `common values, efficient provision: at s = (${at.map(qstr).join(", ")}) the generalized VCG collects ${qstr(t1.add(t2))} ≠ c = ${qstr(G.cost)}`,
  };
}

export const ceCommonValuesExactBb: Theorem<LinearPublicGood> = {
  id: "ce-common-values-exact-bb",
  kind: "refutation",
  source: "[ChungEly2002, §5.2, Thm 8(3)] with the definition after Thm 8 (naive reading)",
  statement:
    "Naive reading (budget balance of a rule = budget balance of its generalized VCG payments): with pure common values (linear, on [0, 1]²) the efficient rule's generalized VCG payments are exactly budget balanced, t_1 + t_2 = c at every provide state (false: where a cutoff clamps at s_i = 0, t_i = v(0, s_{-i}) > c/2; exact budget balance itself is achievable — see the true version).",
  trueVersion: "ce-common-values-equal-shares",
  arbitrary: commonValuesArb(),
  hypothesis: (G) => increasingValues(G) && nonTrivialProvision(G) && differencesClass(G) === "common values",
  check,
  codec: publicGoodCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("ce-common-values-exact-bb", publicGoodCodec)],
};
