import { savedCaseControl } from "./support/controls.ts";
import type { Theorem } from "./types.ts";
import { type ContingentCase, contingentArb, contingentCodec, hypothesis, checkLiteral } from "./support/contingentContribution.ts";

export const ceContingentContributionLiteral: Theorem<ContingentCase> = {
  id: "ce-contingent-contribution-literal",
  kind: "refutation",
  source: "[ChungEly2002, §5.3]",
  statement:
    "Linear values on [0, 1]² with increasing differences (private values included), Thm 9 threshold rule f: the seed's contingent-contribution strategies approve the project at s iff f(s) = 1, at every s ∈ [0, 1]² (false on the segment s_i = x where b_i = 0 and v_i(x, ·) ≡ v̄_i).",
  trueVersion: "ce-contingent-contribution",
  arbitrary: contingentArb,
  hypothesis,
  check: checkLiteral,
  codec: contingentCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("ce-contingent-contribution-literal", contingentCodec)],
};
