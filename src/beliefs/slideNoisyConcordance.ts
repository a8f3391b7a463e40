/** Noisy concordance as the slide words it ([BrooksExPost2023, Farkas dual of trade with IC]): multipliers λ ≥ 0 (zeros allowed), reported with the types whose λ is zero. */
import { checkNoisyConcordance, noisyConcordanceLp } from "./noTrade.ts";
import { multipliersFromNoisyConcordancePrimal, checkSurplusTrade, nonPositiveLambdas, tradeFromNoisyConcordanceFarkas } from "./noTradeAlternatives.ts";
import { solve } from "../lp/solve.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";

/** The slide's noisy-concordance LP (λ not all zero): feasible multipliers, re-checked, or null. */
export function slideNoisyConcordance(ts: HarsanyiTypeSpace): { holds: boolean; zeroLambdas: string[]; error?: string } {
  const nc = solve(noisyConcordanceLp(ts));
  if (nc.status === "optimal") {
    const m = multipliersFromNoisyConcordancePrimal(ts, nc.primal);
    const f = checkNoisyConcordance(ts, m);
    if (f.length > 0) return { holds: true, zeroLambdas: [], error: `noisy-concordance multipliers fail their re-check: ${f.join("; ")}` };
    return { holds: true, zeroLambdas: nonPositiveLambdas(m).map(([i, t]) => `λ${i + 1}(${ts.types[i]![t]})`) };
  }
  if (nc.status !== "infeasible") return { holds: false, zeroLambdas: [], error: `noisy-concordance LP is ${nc.status}` };
  const gamma = tradeFromNoisyConcordanceFarkas(ts, nc.farkas.rows);
  const f = checkSurplusTrade(ts, gamma);
  if (f.length > 0) return { holds: false, zeroLambdas: [], error: `the Farkas certificate is not an IC trade with strict surplus: ${f.join("; ")}` };
  return { holds: false, zeroLambdas: [] };
}
