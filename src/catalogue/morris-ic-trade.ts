/**
 * `morris-ic-trade` (theorem) — [BrooksExPost2023], slides *Aside on
 * no-trade with IC*, *Lemma (Morris' theorem)*, *Farkas dual of trade with IC*; Morris (1994).
 *
 * Finite transcription. A finite Harsanyi type space (T, Θ, π) whose beliefs π_i(t_{-i}, θ | t_i)
 * need not come from a common prior. A trade γ_i(t, θ) is feasible if Σ_i γ_i(t, θ) ≤ 0 for all
 * (t, θ); acceptable if E_i[γ_i(t_i, ·) | t_i] ≥ 0 for all i, t_i with some strict inequality; IC
 * if E_i[γ_i(t_i, ·) − γ_i(t'_i, ·) | t_i] ≥ 0 for all i, t_i, t'_i. Beliefs are noisy concordant
 * if there are π(θ, t) ≥ 0, λ_i(t_i) > 0 FOR EVERY i AND t_i, and μ_i(t_i, t'_i) ≥ 0 with
 *   π(θ,t) = λ_i(t_i)π_i(t_{-i},θ|t_i) + Σ_{t'_i}[μ_i(t_i,t'_i)π_i(t_{-i},θ|t_i) − μ_i(t'_i,t_i)π_i(t_{-i},θ|t'_i)]
 * for all i, t, θ. Statement: exactly one of (i) a feasible, acceptable, IC trade exists; (ii) the
 * beliefs are noisy concordant.
 *
 * "λ_i(t_i) > 0 for every type" is what the slide's *Lemma (Morris' theorem)* gives (x_j > 0 for
 * ALL j ∈ S, S = the λ columns, against a trade strict for SOME type). The slide's theorem
 * writes "λ_i(t_i) not all zero"; with that wording the statement is false — both sides can hold —
 * and is kept as the refutation `morris-ic-trade-slide`; "λ not all zero" is the exact
 * alternative of a trade with a strict surplus in every state (`morris-ic-trade-surplus`).
 *
 * Check, on every case, two independent exact LPs (src/lp/solve.ts, certificates verified):
 *   - the trade LP `icTradeLp` (morrisTrade.ts): value 1 iff (i); its primal trade is re-checked
 *     with `checkTrade` (feasibility, acceptability with a strict gain, IC, from the definitions);
 *     at value 0 its dual gives (π, λ ≥ 1, μ), re-checked with `checkNoisyConcordance`;
 *   - the noisy-concordance LP `strictNoisyConcordanceLp` (morrisAlternative.ts, λ ≥ 1 up to
 *     scale): feasible iff (ii); its primal multipliers are re-checked with
 *     `checkNoisyConcordance` and λ > 0; its Farkas certificate IS a trade, re-checked with
 *     `checkTrade`.
 * Exactly one side must be feasible. Tags count how often each side occurs; side (ii) is split
 * by whether the beliefs also admit a common prior giving every type positive probability
 * (multipliers found with μ = 0 are one; otherwise `commonPriorLp` decides): noisy concordance
 * without a common prior is where IC matters (slide *No trade without CPA but with IC*).
 */
import type fc from "fast-check";
import { commonPriorLp } from "../beliefs/noTradeAlternatives.ts";
import { solve } from "../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { morrisSpaces, typeSpaceCodec } from "../generators/morrisTypeSpaces.ts";
import { slideNoisyConcordance } from "../beliefs/slideNoisyConcordance.ts";
import { savedCases } from "./support/controls.ts";
import { morrisAlternative } from "./support/morrisAlternative.ts";

const arbitrary: fc.Arbitrary<HarsanyiTypeSpace> = morrisSpaces({ zeros: true });

export const TAG_TRADE = "(i) feasible, acceptable, IC trade";
export const TAG_NC_CP = "(ii) noisy concordant (all λ > 0), common prior";
export const TAG_NC_NO_CP = "(ii) noisy concordant (all λ > 0), no common prior";

export const morrisIcTrade: Theorem<HarsanyiTypeSpace> = {
  id: "morris-ic-trade",
  kind: "theorem",
  source: "[BrooksExPost2023, *Farkas dual of trade with IC*, *Lemma (Morris' theorem)*]; [Morris1994]",
  statement:
    "Finite type space (beliefs need not share a prior): exactly one of (i) a feasible, acceptable (all interim gains ≥ 0, some > 0), IC trade exists; (ii) beliefs are noisy concordant with λ_i(t_i) > 0 for every type. Both LPs solved exactly; the side that holds is certified.",
  arbitrary,
  check: (ts) => checkMorrisIcTrade(ts),
  codec: typeSpaceCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "the slide's λ not all zero",
      why: "side (ii) decided with the slide's wording (noisy-concordance multipliers with λ not all zero) instead of λ_i(t_i) > 0 for every type: on the saved counterexample of morris-ic-trade-slide both sides then hold, and the check must reject it",
      input: () => {
        const xs = savedCases("morris-ic-trade-slide", typeSpaceCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for morris-ic-trade-slide");
        return xs[0]!;
      },
      check: (ts) => checkMorrisIcTrade(ts, { noisyConcordant: (t) => slideNoisyConcordance(t).holds }),
    },
  ],
};

/** The check, with side (ii)'s decision as a parameter (default: the strict noisy-concordance LP, certified). */
export function checkMorrisIcTrade(ts: HarsanyiTypeSpace, variant: { noisyConcordant?: (ts: HarsanyiTypeSpace) => boolean } = {}): CheckResult {
  const r = morrisAlternative(ts, variant);
  if (r.fail) return r.fail;
  if (r.trade) return { ok: true, tag: TAG_TRADE };
  if (r.commonPriorSeen) return { ok: true, tag: TAG_NC_CP };
  const cp = solve(commonPriorLp(ts), { exactOnly: true });
  return { ok: true, tag: cp.status === "optimal" ? TAG_NC_CP : TAG_NC_NO_CP };
}
