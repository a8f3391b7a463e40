import { savedCases } from "./support/controls.ts";
import { checkNoisyConcordance } from "../beliefs/noTrade.ts";
import { multipliersFromSurplusFarkas, checkSurplusTrade, strictNoisyConcordanceLp, surplusTradeLp, tradeFromSurplusPrimal } from "../beliefs/noTradeAlternatives.ts";
import { solve } from "../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { morrisSpaces, typeSpaceCodec } from "../generators/morrisTypeSpaces.ts";
import { slideNoisyConcordance } from "../beliefs/slideNoisyConcordance.ts";

export const morrisIcTradeSurplus: Theorem<HarsanyiTypeSpace> = {
  id: "morris-ic-trade-surplus",
  kind: "theorem",
  source: "[BrooksExPost2023, *Farkas dual of trade with IC*, *Chung and Ely show that these minmax beliefs…* (money pump)]; [Morris1994]",
  statement:
    "Finite type space: exactly one of (i′) a feasible IC trade with a strict budget surplus in every state and every interim gain ≥ 0 (equivalently: every type gains strictly); (ii′) noisy-concordance multipliers with λ_i(t_i) not all zero. Both LPs solved exactly; both sides certified.",
  arbitrary: morrisSpaces({ zeros: true }),
  check: (ts) => checkSurplusAlternative(ts),
  codec: typeSpaceCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "every λ > 0 demanded",
      why: "side (ii′) decided with Morris's Lemma form (λ_i(t_i) > 0 for every type) instead of λ not all zero: on the saved counterexample of morris-ic-trade-slide there is no surplus trade (the slide's multipliers exist) and no strict multipliers either (an IC trade exists), so neither side holds and the check must reject it",
      input: () => {
        const xs = savedCases("morris-ic-trade-slide", typeSpaceCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for morris-ic-trade-slide");
        return xs[0]!;
      },
      check: (ts) => checkSurplusAlternative(ts, { noisyConcordance: (t) => ({ holds: solve(strictNoisyConcordanceLp(t), { exactOnly: true }).status === "optimal", zeroLambdas: [] }) }),
    },
  ],
};

/** The check of morris-ic-trade-surplus, with side (ii′)'s decision as a parameter (default: the slide's noisy-concordance LP, certified). */
export function checkSurplusAlternative(ts: HarsanyiTypeSpace, variant: { noisyConcordance?: typeof slideNoisyConcordance } = {}): CheckResult {
  const sp = solve(surplusTradeLp(ts));
  if (sp.status === "unbounded") return { ok: false, violation: { surplusLp: sp.status }, message: "surplus-trade LP unbounded (objective 0: impossible)" };
  const surplus = sp.status === "optimal";
  if (surplus) {
    const gamma = tradeFromSurplusPrimal(ts, sp.primal);
    const f = checkSurplusTrade(ts, gamma);
    if (f.length > 0) return { ok: false, violation: { failures: f }, message: "the surplus trade fails its re-check" };
  } else {
    const f = checkNoisyConcordance(ts, multipliersFromSurplusFarkas(ts, sp.farkas.rows));
    if (f.length > 0) return { ok: false, violation: { failures: f }, message: "the surplus-trade LP's Farkas certificate fails the noisy-concordance re-check" };
  }
  const nc = (variant.noisyConcordance ?? slideNoisyConcordance)(ts);
  if (nc.error) return { ok: false, violation: { error: nc.error }, message: nc.error };
  if (surplus === nc.holds) {
    return { ok: false, violation: { surplusTrade: surplus, noisyConcordant: nc.holds }, message: surplus ? "both hold" : "neither holds" };
  }
  return { ok: true, tag: surplus ? "(i′) IC trade with strict surplus (money pump)" : nc.zeroLambdas.length > 0 ? "(ii′) noisy concordant, λ = 0 at some type in the multipliers found" : "(ii′) noisy concordant, every λ > 0 in the multipliers found" };
}
