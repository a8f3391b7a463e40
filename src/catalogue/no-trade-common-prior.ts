/**
 * `no-trade-common-prior` (theorem) — [BrooksExPost2023], slides *Chung
 * and Ely show that these minmax beliefs violate the common prior assumption* ("Morris's theorem
 * … shows that beliefs satisfy the CPA if and only if there is no trade … a feasible and
 * admissible trade … every agent has an interim expected non-negative net payoff, and some agent
 * has a strictly positive net payoff") and *Aside on no-trade with IC*.
 *
 * Finite transcription. A finite Harsanyi type space (beliefs π_i(t_{-i}, θ | t_i), no common
 * prior assumed). Exactly one of
 *   (a) a common prior with every type of positive probability: p ∈ Δ(T × Θ) with
 *       p(t_i) := Σ_{t_{-i},θ} p(θ, t_i, t_{-i}) > 0 and p(θ, t) = p(t_i) π_i(t_{-i}, θ | t_i) for all i, t, θ
 *       ("full support" on the types; when every belief has full support this is full support on
 *       T × Θ);
 *   (b) a feasible (Σ_i γ_i(t,θ) ≤ 0) and acceptable (every E_i[γ_i | t_i] ≥ 0, some > 0) trade,
 *       no IC required.
 * The positivity in (a) matters: a common prior that gives some type probability 0 says nothing
 * about that type's belief, and such a type can be offered a bet (the `zeros` spaces exercise it).
 *
 * Check, both directions exactly, with two independent LPs (src/lp/solve.ts, certificates verified):
 *   - `commonPriorLp` (morrisAlternative.ts: p ≥ 0, type weights m_i(t_i) ≥ 1, p = m_i π_i):
 *     feasible ⇒ the normalised p is re-checked by Bayes' rule from the definition
 *     (`checkCommonPrior`); infeasible ⇒ its Farkas certificate, read as a trade, is re-checked
 *     feasible and acceptable (`checkTrade`, no IC);
 *   - the plain trade LP `plainTradeLp` (morrisTrade.ts): value 1 ⇒ its trade is re-checked
 *     (`checkTrade`); value 0 ⇒ its dual (π, λ ≥ 1, μ = 0) is re-checked as noisy concordance with
 *     μ = 0, and π normalised is re-checked as a common prior (`checkCommonPrior`).
 * Exactly one of (a), (b) must be certified by each LP, and the two LPs must agree.
 */
import { checkNoisyConcordance, checkTrade, icTradeLp, multipliersFromTradeDual, plainTradeLp, tradeFromPrimal } from "../beliefs/noTrade.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { checkCommonPrior, commonPriorLp, priorFromCommonPriorPrimal, tradeFromCommonPriorFarkas } from "../beliefs/noTradeAlternatives.ts";
import { ONE, qsum } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { morrisSpaces, typeSpaceCodec } from "../generators/morrisTypeSpaces.ts";

export const noTradeCommonPrior: Theorem<HarsanyiTypeSpace> = {
  id: "no-trade-common-prior",
  kind: "theorem",
  source: "[BrooksExPost2023, *Chung and Ely show that these minmax beliefs violate the common prior assumption*, *Aside on no-trade with IC*]; [Morris1994]",
  statement:
    "Finite type space: a common prior giving every type positive probability exists iff no feasible, acceptable trade (all interim gains ≥ 0, some > 0; no IC) exists. Common-prior LP and trade LP solved exactly and independently; each side certified.",
  arbitrary: morrisSpaces({ zeros: true }),
  check: (ts) => checkNoTradeCommonPrior(ts),
  codec: typeSpaceCodec,
  defaultRuns: 500,
  negativeControls: [
    {
      name: "trade side restricted to IC trades",
      why: "the no-trade theorem is about trades without IC; deciding side (b) with the IC trade LP instead fails on the first generated type space (fixed seed) that has no common prior yet no IC trade (noisy concordant without a common prior): the check must reject it",
      input: () => firstSample(noTradeCommonPrior.arbitrary, (ts) => !checkNoTradeCommonPrior(ts, { ic: true }).ok, "broken by IC-only trades"),
      check: (ts) => checkNoTradeCommonPrior(ts, { ic: true }),
    },
  ],
};

/** The check, with the trade notion of side (b) as a parameter (default: no IC, as in the theorem). */
export function checkNoTradeCommonPrior(ts: HarsanyiTypeSpace, variant: { ic?: boolean } = {}): CheckResult {
  const bad = (message: string, violation: unknown): CheckResult => ({ ok: false, message, violation });
  // (a) the common-prior LP
  const cp = solve(commonPriorLp(ts), { exactOnly: true });
  if (cp.status === "unbounded") return bad("common-prior LP unbounded (objective 0: impossible)", { cp: cp.status });
  const prior = cp.status === "optimal";
  if (cp.status === "optimal") {
    const f = checkCommonPrior(ts, priorFromCommonPriorPrimal(ts, cp.primal));
    if (f.length > 0) return bad("the common-prior LP's prior fails Bayes' rule", { failures: f });
  } else {
    const f = checkTrade(ts, tradeFromCommonPriorFarkas(ts, cp.farkas.rows), { ic: false }).failures;
    if (f.length > 0) return bad("the common-prior LP's Farkas certificate is not a feasible, acceptable trade", { failures: f });
  }
  // (b) the trade LP, on its own
  const ic = variant.ic ?? false;
  const tr = solve(ic ? icTradeLp(ts) : plainTradeLp(ts), { exactOnly: true });
  if (tr.status !== "optimal") return bad(`trade LP is ${tr.status}`, { trade: tr.status });
  const trade = tr.value.equals(ONE);
  if (!trade && tr.value.n !== 0n) return bad(`trade LP value ${tr.value.toFraction()} is neither 0 nor 1`, { trade: tr.value.toFraction() });
  if (trade) {
    const f = checkTrade(ts, tradeFromPrimal(ts, tr.primal), { ic }).failures;
    if (f.length > 0) return bad("the trade LP's trade fails its re-check", { failures: f });
  } else {
    const m = multipliersFromTradeDual(ts, tr.dual.rows, { ic });
    const f = checkNoisyConcordance(ts, m);
    const tot = qsum(m.pi);
    if (f.length > 0 || tot.n === 0n) return bad("the trade LP's dual is not a common prior up to scale", { failures: f });
    const g = checkCommonPrior(ts, m.pi.map((x) => x.div(tot)));
    if (g.length > 0) return bad("the trade LP's dual, normalised, fails Bayes' rule", { failures: g });
  }
  if (prior === trade) {
    return bad(prior ? "both: a common prior with every type positive AND a feasible acceptable trade" : "neither: no common prior and no trade", { commonPrior: prior, trade });
  }
  return { ok: true, tag: prior ? "common prior (every type positive), no trade" : "no common prior, a feasible acceptable trade" };

}
