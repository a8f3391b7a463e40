/**
 * `morris-ic-trade-slide` (refutation) and `morris-ic-trade-surplus` (theorem) — [BrooksExPost2023]
 * (Brooks, *Ex post implementation*), slide *Farkas dual of trade with IC* (Theorem (Morris, 1994)).
 *
 * The slide's wording, transcribed literally: exactly one of (i) a feasible, acceptable (every
 * interim gain ≥ 0, some > 0), IC trade exists; (ii) there are π(θ,t) ≥ 0, λ_i(t_i) ≥ 0 "not all
 * zero" and μ_i(t_i,t'_i) ≥ 0 satisfying the noisy-concordance equations. This is FALSE on
 * finite type spaces: both can hold — when the multipliers must vanish at some type (every
 * solution has λ_i(t_i) = 0 there), an IC trade can make exactly such types strictly better off
 * while every other type breaks even. The refutation solves `icTradeLp` and the slide's
 * `noisyConcordanceLp` (morrisTrade.ts: Σ π = 1, which is "λ not all zero" since Σ_{t_i} λ_i(t_i)
 * = Σ π for every i) and fails when both are feasible, with both certificates re-checked.
 * counterexamples/morris-ic-trade-slide/ holds the minimal counterexample the search finds (2 × 2
 * types, 2 states, zero-probability types) and a curated full-support one: the maxmin beliefs π\*
 * of Chung and Ely (slide *Deriving π\**) for the regular prior f ∝ (1,1,1; 1,1,2; 2,1,1) on
 * {1,2,3}², where an IC trade makes bidders' values 2 and 3 strictly better off while the slide's
 * own multipliers (λ_i = 0 above the bottom value) prove noisy concordance.
 *
 * The true finite statements: `morris-ic-trade` (the trade of the slide against λ_i(t_i) > 0 for
 * EVERY type, as the slide's *Lemma (Morris' theorem)* has it) and, for the "not all zero"
 * wording, `morris-ic-trade-surplus`: exactly one of (i′) a feasible IC trade, acceptable for every
 * type, with a strict budget surplus Σ_i γ_i(t,θ) < 0 in every state (equivalently, after sharing
 * the surplus, strictly profitable for every type — the "money pump" of slide *Chung and Ely show
 * that these minmax beliefs violate the common prior assumption*); (ii′) noisy concordance with λ
 * not all zero. Both sides are LPs solved exactly and independently (`surplusTradeLp` of
 * morrisAlternative.ts, `noisyConcordanceLp`); the trade is re-checked with `checkTrade` plus the
 * strict surplus, the multipliers with `checkNoisyConcordance`, and each LP's Farkas certificate
 * is read as the other side's object and re-checked too.
 */
import { savedCaseControl } from "./support/controls.ts";
import { checkTrade, icTradeLp, tradeFromPrimal } from "../beliefs/noTrade.ts";
import { ONE } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { morrisSpaces, typeSpaceCodec } from "../generators/morrisTypeSpaces.ts";
import { slideNoisyConcordance } from "../beliefs/slideNoisyConcordance.ts";

export const morrisIcTradeSlide: Theorem<HarsanyiTypeSpace> = {
  id: "morris-ic-trade-slide",
  kind: "refutation",
  source: "[BrooksExPost2023, *Farkas dual of trade with IC*, Theorem], literal wording; [Morris1994]",
  statement:
    "Exactly one of (i) a feasible, acceptable (all interim gains ≥ 0, some > 0), IC trade exists; (ii) noisy-concordance multipliers exist with λ_i(t_i) not all zero.",
  trueVersion: "morris-ic-trade",
  arbitrary: morrisSpaces({ zeros: true }),
  check: (ts): CheckResult => {
    const tr = solve(icTradeLp(ts));
    if (tr.status !== "optimal") throw new Error(`trade LP is ${tr.status} (bug)`);
    const trade = tr.value.equals(ONE);
    const nc = slideNoisyConcordance(ts);
    if (nc.error) throw new Error(nc.error);
    if (trade !== nc.holds) return { ok: true, tag: trade ? "(i) only" : "(ii) only" };
    if (!trade) throw new Error("neither side holds (bug: the trade LP's dual is noisy concordant)");
    const gamma = tradeFromPrimal(ts, tr.primal);
    const chk = checkTrade(ts, gamma, { ic: true });
    if (chk.failures.length > 0) throw new Error(`trade LP primal fails its re-check: ${chk.failures.join("; ")}`);
    return {
      ok: false,
      violation: {
        trade: gamma.map((g) => g.map((x) => x.toFraction())),
        interimGains: chk.gains.map((g) => g.map((x) => x.toFraction())),
        lambdaZeroInTheMultipliersFound: nc.zeroLambdas,
      },
      message: `both hold: the trade (re-checked: feasible, IC, interim gains ${chk.gains.map((g, i) => `agent ${ts.agents[i]}: ${g.map((x) => x.toFraction()).join(", ")}`).join("; ")}) makes some type strictly better off, and noisy-concordance multipliers with λ not all zero exist (re-checked; λ = 0 at ${nc.zeroLambdas.join(", ") || "no type"})`,
    };
  },
  codec: typeSpaceCodec,
  defaultRuns: 300,
  negativeControls: [savedCaseControl("morris-ic-trade-slide", typeSpaceCodec)],
};
