import { savedCaseControl } from "./support/controls.ts";
import { qstr } from "../exact/rational.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { casesArb, solveRevenue, feasible, hasCommonPrior, check } from "./support/unboundedRevenue.ts";

export const unboundedWithoutCpaNaive: Theorem<Instance> = {
  id: "unbounded-without-cpa-naive",
  kind: "refutation",
  source: "[BernardMD3, Prop 7.18, idea of proof] (\"charge players to enter bets → revenue is unbounded\"), on fixed finite type sets",
  statement: "Naive finite transcription of the proof sketch: on every finite type space without a common prior, BIC, interim IR mechanisms (fixed feasible rule) have unbounded guaranteed revenue (false because noisy-concordant beliefs without a common prior bound it, and they form an open set of beliefs, so 'generic' does not rescue it: 140 of 300 random full-support 2 × 2 belief profiles, bench/undominated-generic.ts).",
  trueVersion: "unbounded-without-cpa",
  arbitrary: casesArb({ generic: 1, sparse: 0, "common-prior": 0, "noisy-concordant": 3 }, { minTypes1: 2, maxTypes2: 2, maxDecisions: 1 }),
  hypothesis: (x) => feasible(x) && !hasCommonPrior(x),
  check: (x) => {
    const { revenue } = solveRevenue(x);
    if (revenue.status === "unbounded") return { ok: true, tag: "unbounded (a strict-surplus IC trade exists)" };
    const r = check(x); // the true theorem's certificates: noisy-concordance multipliers
    if (!r.ok) return r;
    return {
      ok: false,
      violation: { guaranteedRevenue: revenue.status === "optimal" ? qstr(revenue.value) : revenue.status, certificate: r.certificate },
      message: `no common prior (Morris's plain trade LP finds a trade), yet the guaranteed revenue is bounded (max ${revenue.status === "optimal" ? qstr(revenue.value) : revenue.status}): the beliefs are noisy concordant (λ not all zero), so no acceptable IC trade has a strict surplus at every profile`,
    };
  },
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("unbounded-without-cpa-naive", instanceCodec)],
};
