import { qstr } from "../exact/rational.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { savedCaseControl } from "./support/controls.ts";
import { hasCommonPrior } from "./support/unboundedRevenue.ts";
import { fail, decideUndominated, generic2x2, feasible } from "./support/undominatedRevenue.ts";

export const noUndominatedWithoutCpa: Theorem<Instance> = {
  id: "no-undominated-without-cpa",
  kind: "refutation",
  source: "[BernardMD3, Prop 7.18] on a fixed finite type set (\"generic\" = outside a null set of beliefs)",
  statement:
    "Naive finite transcription of Prop 7.18 (revenue criterion): on 2 × 2 type spaces with generic full-support beliefs and no common prior, no BIC, interim IR mechanism is undominated (false because noisy concordance with π > 0 and no common prior holds on an open set of beliefs, where the π-weighted revenue maximizer is undominated).",
  trueVersion: "undominated-revenue-dual",
  arbitrary: generic2x2,
  hypothesis: (x) => feasible(x) && !hasCommonPrior(x),
  check: (x) => {
    const r = decideUndominated(x);
    if ("error" in r) return r.error;
    if (r.side.kind === "dominated") return { ok: true, tag: "no undominated mechanism (weak-surplus IC trade)" };
    return fail(
      { pi: r.side.pi.map(qstr), undominatedRevenue: r.side.revenue.map(qstr), payments: r.side.mechanism.payments.map((row) => row.map(qstr)) },
      `no common prior, yet the mechanism collecting (${r.side.revenue.map(qstr).join(", ")}) at the four profiles is undominated for the revenue criterion: noisy-concordance weights π = (${r.side.pi.map(qstr).join(", ")}) > 0 make it the π-weighted maximizer (domination LP re-checked)`,
    );
  },
  codec: instanceCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("no-undominated-without-cpa", instanceCodec)],
};
