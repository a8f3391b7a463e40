/**
 * `ce2007-not-common-prior` (refutation) — [BrooksExPost2023], slide
 * *Chung and Ely show that these minmax beliefs violate the common prior assumption*.
 *
 * Transcription refuted: "for every regular full-support prior f on a value grid, the maxmin
 * beliefs π\*_i(v_{-i} | v_i) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) / Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i})
 * admit a common prior" (a p ∈ Δ(Vⁿ) giving every value positive probability whose conditionals
 * are π\*). Decided by the common-prior LP (`commonPriorLp`, morrisAlternative.ts): when it is
 * infeasible its Farkas certificate is a feasible, acceptable trade on T\* (re-checked with
 * `checkTrade`, no IC), exactly the slide's "So, there should be a feasible and admissible trade";
 * the plain trade LP is solved independently and must agree. The violation also records the
 * slide's resolution, "The answer is IC": the slide's noisy-concordance multipliers for π\*
 * (`ce2007-noisy-concordant`, the true statement next to this one) are re-checked, so no IC trade
 * with a strict surplus (no money pump) exists.
 *
 * (With independent values, f = Π f_i, π\* is f_{-i} for every type and f is a common prior: the
 * claim holds then; correlation breaks it. Minimal counterexample: counterexamples/ce2007-not-common-prior/.)
 */
import { savedCaseControl } from "./support/controls.ts";
import { piStar, piStarMultipliers, valueTypeSpace } from "../robust/worstCaseBeliefs.ts";
import { checkCommonPrior, commonPriorLp, priorFromCommonPriorPrimal, tradeFromCommonPriorFarkas } from "../beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance, checkTrade, plainTradeLp } from "../beliefs/noTrade.ts";
import { isRegular, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { ONE } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { generatorRegularPriors, priorCodec } from "../generators/ce2007Priors.ts";

export const ce2007NotCommonPrior: Theorem<AuctionPrior> = {
  id: "ce2007-not-common-prior",
  kind: "refutation",
  source: "[BrooksExPost2023, *Chung and Ely show that these minmax beliefs violate the common prior assumption*]",
  statement: "Regular full-support prior f on a value grid: the maxmin beliefs π* admit a common prior (every value of positive probability).",
  trueVersion: "ce2007-noisy-concordant",
  arbitrary: generatorRegularPriors,
  hypothesis: isRegular,
  check: (prior): CheckResult => {
    const ts = valueTypeSpace(prior, piStar(prior));
    const cp = solve(commonPriorLp(ts), { exactOnly: true });
    const trade = solve(plainTradeLp(ts), { exactOnly: true });
    if (trade.status !== "optimal") throw new Error(`trade LP is ${trade.status} (bug)`);
    if (cp.status === "optimal") {
      const f = checkCommonPrior(ts, priorFromCommonPriorPrimal(ts, cp.primal));
      if (f.length > 0) throw new Error(`common prior fails Bayes' rule: ${f.join("; ")}`);
      if (!trade.value.equals(0)) throw new Error("a common prior and a trade (bug)");
      return { ok: true, tag: "π* admits a common prior" };
    }
    if (cp.status !== "infeasible") throw new Error(`common-prior LP is ${cp.status} (bug)`);
    const gamma = tradeFromCommonPriorFarkas(ts, cp.farkas.rows);
    const chk = checkTrade(ts, gamma, { ic: false });
    if (chk.failures.length > 0) throw new Error(`Farkas trade fails its re-check: ${chk.failures.join("; ")}`);
    if (!trade.value.equals(ONE)) throw new Error("no common prior but no trade (bug)");
    const icCheck = checkTrade(ts, gamma, { ic: true }).failures.filter((x) => x.startsWith("not IC"));
    const nc = checkNoisyConcordance(ts, piStarMultipliers(prior));
    if (nc.length > 0) throw new Error(`π* multipliers fail: ${nc.join("; ")}`);
    return {
      ok: false,
      violation: {
        trade: gamma.map((g) => g.map((x) => x.toFraction())),
        interimGains: chk.gains.map((g) => g.map((x) => x.toFraction())),
        tradeIcFailures: icCheck,
        noisyConcordant: true,
      },
      message: `π* admits no common prior: the common-prior LP is infeasible and its Farkas certificate is a feasible, acceptable trade (re-checked; interim gains ${chk.gains.map((g, i) => `bidder ${i + 1}: ${g.map((x) => x.toFraction()).join(", ")}`).join("; ")})${icCheck.length > 0 ? `, which is not IC (${icCheck[0]})` : ""}; yet π* is noisy concordant (the slide's multipliers re-checked), so no IC trade with a strict surplus exists`,
    };
  },
  codec: priorCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("ce2007-not-common-prior", priorCodec)],
};
