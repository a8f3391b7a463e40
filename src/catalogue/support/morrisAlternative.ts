/** The alternative of [Morris1994] (trade, or noisy concordance with or without a common prior), shared by morris-ic-trade and no-trade-ic-example. */
import { checkNoisyConcordance, checkTrade, icTradeLp, multipliersFromTradeDual, tradeFromPrimal, type NoisyConcordanceMultipliers } from "../../beliefs/noTrade.ts";
import { checkCommonPrior, multipliersFromStrictNcPrimal, nonPositiveLambdas, strictNoisyConcordanceLp, tradeFromStrictNcFarkas } from "../../beliefs/noTradeAlternatives.ts";
import { ONE, qsum } from "../../exact/rational.ts";
import { solve } from "../../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../../model/environment.ts";
import type { CheckResult } from "../types.ts";

/**
 * Decide both sides of Morris's alternative on ts with the two LPs, re-check every certificate,
 * and return which side holds (`fail` when a certificate fails or the sides do not disagree).
 * `commonPriorSeen`: some multipliers found had μ = 0, so their π (normalised) is a common prior
 * giving every type positive probability — re-checked by Bayes' rule (`checkCommonPrior`).
 */
export function morrisAlternative(ts: HarsanyiTypeSpace, variant: { noisyConcordant?: (ts: HarsanyiTypeSpace) => boolean } = {}): { trade: boolean; fail?: CheckResult; commonPriorSeen?: boolean } {
  const fail = (message: string, violation: unknown): { trade: boolean; fail: CheckResult } => ({ trade: false, fail: { ok: false, message, violation } });
  // Multipliers with every λ > 0 and μ = 0 are a common prior (π, normalised) giving every type positive probability.
  let commonPriorSeen = false;
  const noMu = (m: NoisyConcordanceMultipliers) => m.mu.every((mi) => mi.every((row) => row.every((x) => x.n === 0n))) && checkCommonPrior(ts, m.pi.map((x) => x.div(qsum(m.pi)))).length === 0;
  // Side (i): the trade LP.
  const tr = solve(icTradeLp(ts), { exactOnly: true });
  if (tr.status !== "optimal") return fail(`the trade LP is ${tr.status} (it is bounded by NORM and γ = 0 is feasible)`, { tradeLp: tr.status });
  const tradeExists = tr.value.equals(ONE);
  if (!tradeExists && tr.value.n !== 0n) return fail(`the trade LP has value ${tr.value.toFraction()}, neither 0 nor 1`, { tradeLp: tr.value.toFraction() });
  if (tradeExists) {
    const chk = checkTrade(ts, tradeFromPrimal(ts, tr.primal), { ic: true });
    if (chk.failures.length > 0) return fail("the trade LP's trade fails its re-check", { failures: chk.failures });
  } else {
    const m = multipliersFromTradeDual(ts, tr.dual.rows, { ic: true });
    const f = [...checkNoisyConcordance(ts, m), ...nonPositiveLambdas(m).map(([i, t]) => `λ${i + 1}(${t + 1}) ≤ 0`)];
    if (f.length > 0) return fail("the trade LP's dual multipliers fail the noisy-concordance re-check", { failures: f });
    commonPriorSeen ||= noMu(m);
  }
  // Side (ii): the noisy-concordance LP, solved on its own (or a replacement decision: negative controls only).
  if (variant.noisyConcordant) {
    const holds = variant.noisyConcordant(ts);
    if (tradeExists === holds) return fail(tradeExists ? "both hold: an IC trade exists and the beliefs are noisy concordant" : "neither holds", { trade: tradeExists, noisyConcordant: holds });
    return { trade: tradeExists, commonPriorSeen };
  }
  const nc = solve(strictNoisyConcordanceLp(ts));
  if (nc.status === "unbounded") return fail("the noisy-concordance LP is unbounded (objective 0: impossible)", { ncLp: nc.status });
  const ncHolds = nc.status === "optimal";
  if (nc.status === "optimal") {
    const m = multipliersFromStrictNcPrimal(ts, nc.primal);
    const f = [...checkNoisyConcordance(ts, m), ...nonPositiveLambdas(m).map(([i, t]) => `λ${i + 1}(${t + 1}) ≤ 0`)];
    if (f.length > 0) return fail("the noisy-concordance multipliers fail their re-check", { failures: f });
    commonPriorSeen ||= noMu(m);
  } else {
    const chk = checkTrade(ts, tradeFromStrictNcFarkas(ts, nc.farkas.rows), { ic: true });
    if (chk.failures.length > 0) return fail("the Farkas certificate of the noisy-concordance LP is not a feasible, acceptable, IC trade", { failures: chk.failures });
  }
  if (tradeExists === ncHolds) {
    return fail(
      tradeExists ? "both hold: an IC trade exists and the beliefs are noisy concordant with every λ > 0" : "neither holds: no IC trade, yet no noisy-concordance multipliers with every λ > 0",
      { trade: tradeExists, noisyConcordant: ncHolds },
    );
  }
  return { trade: tradeExists, commonPriorSeen };
}
