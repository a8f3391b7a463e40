/**
 * `ce-trade-deficit` — [ChungEly2002, §4.1]–4.2, Lemma 4, Theorem 5, Theorem 6 (Chung–Ely 2002):
 * bilateral trade with interdependent values, signals s_β, s_σ ∈ [0, 1], valuations continuous,
 * weakly increasing and strictly increasing in the own signal, neither common knowledge of gains
 * nor of no gains. Lemma 4: every deterministic, efficient, EPIC, ex post IR trading mechanism runs
 * a deficit (t_β + t_σ ≤ 0 everywhere, < 0 somewhere); Theorem 5: no efficient, EPIC, EPIR,
 * budget-balanced mechanism.
 *
 * Exact continuous case checked (src/mechanisms/chungElyTrade.ts): linear valuations
 * v_β = aB·s_β + bB·s_σ + cB, v_σ = aS·s_σ + bS·s_β + cS with rational coefficients, aB, aS > 0,
 * bB, bS ≥ 0, strong single crossing (aB > bS, aS > bB: the efficient rule "trade iff Δv > 0" is
 * monotone, hence EPIC, and unique off the null line Δv = 0 — so it is also Theorem 6's
 * deficit-minimizing rule f*, with g_* the clamped root), and non-triviality on [0, 1]². Per case:
 *  (1) Lemma 4 on the continuum, exactly: the generalized VCG deficit D = −(t_β + t_σ) (seed eqs.
 *      (5)–(6)) is linear on each cell cut by the clamp breakpoints; clipping each cell with the
 *      closed trade half-plane and evaluating D at the vertices gives min D ≥ 0 over the whole
 *      trade region, and a state with Δv > 0 and D > 0 (interior point of a cell) is exhibited;
 *  (2) the continuous (f, t) restricted to random finite rational sub-grids of [0, 1]² (including
 *      0, 1 and the cutoff points g_β, g_σ of the grid's signals) is EPIC and ex post IR by
 *      src/concepts isEPIC / isExPostIR (a restriction of an EPIC/EPIR mechanism must be), with
 *      deficit ≥ 0 at every grid state.
 * Theorem 5 then follows in the continuum by payoff equivalence (Thm 3): any EPIC payments for f
 * are t_β = t_β^VCG + k_β(s_σ), t_σ = t_σ^VCG + k_σ(s_β), and EPIR at the lowest buyer / highest
 * seller type (zero utility under VCG) forces k ≤ 0, so t_β + t_σ ≤ −D < 0 somewhere. That last
 * step uses connectedness — on grids it fails (`ce-trade-deficit-grid`).
 */
import fc from "fast-check";
import { isEPIC, isExPostIR } from "../concepts/index.ts";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { buyerCutoff, deficitAnalysis, efficientTradeRule, linearTradeEnvironment, sellerCutoff, vcgOnGrid, type LinearTrade } from "../trade/interdependentTrade.ts";
import { pointMassAllocation } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { linearTradeCodec, linearTradeArb, tradeAssumptions } from "../generators/linearTrade.ts";

const subgrid = (picks: readonly number[]): Q[] => [...new Set([0, 12, ...picks])].sort((a, b) => a - b).map((k) => q(k).div(12));

const arbitrary = fc.tuple(linearTradeArb, fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 })).map(([L, b, s]) => ({ L, b, s }));
type Case = { L: LinearTrade; b: number[]; s: number[] };

/**
 * The check, with the grid payments as a parameter (default: the generalized VCG payments
 * restricted to the grid) so a negative control can feed wrong ones.
 */
export function checkTradeDeficit(x: Case, variant: { payments?: typeof vcgOnGrid } = {}): CheckResult {
  const L = x.L;
  const a = deficitAnalysis(L);
  if (a.minDeficit.compare(ZERO) < 0) return { ok: false, violation: { at: a.argmin.map(qstr), deficit: qstr(a.minDeficit) }, message: "the generalized VCG mechanism runs a surplus at a trade state (Lemma 4 fails)" };
  if (a.positivePoint === null || a.positivePoint.deficit.compare(ZERO) <= 0 || a.positivePoint.gains.compare(ZERO) <= 0) {
    return { ok: false, violation: { minDeficit: qstr(a.minDeficit) }, message: "no state with positive gains and a strict deficit (Lemma 4's strict part fails)" };
  }
  // the continuous mechanism restricted to a finite rational sub-grid, with the cutoffs added
  const gb = subgrid(x.b);
  const gs = subgrid(x.s);
  const withCutoffs = (grid: Q[], cut: (y: Q) => Q | null, other: Q[]) => {
    const extra = other.map(cut).filter((c): c is Q => c !== null);
    const all = [...grid, ...extra].sort((u, v) => u.compare(v));
    return all.filter((u, k) => k === 0 || !u.equals(all[k - 1]!));
  };
  const B = withCutoffs(gb, (ss) => buyerCutoff(L, ss), gs);
  const S = withCutoffs(gs, (sb) => sellerCutoff(L, sb), gb);
  const env = linearTradeEnvironment(L, B, S);
  const rule = efficientTradeRule(L, B, S);
  const payments = (variant.payments ?? vcgOnGrid)(L, B, S);
  const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, rule), payments };
  const epic = isEPIC(env, mech);
  if (epic.verdict === "fails") return { ok: false, violation: epic.violation, message: "the generalized VCG mechanism restricted to a rational grid is not EPIC" };
  const ir = isExPostIR(env, mech);
  if (ir.verdict === "fails") return { ok: false, violation: ir.violation, message: "the generalized VCG mechanism restricted to a rational grid is not ex post IR" };
  if (payments.some(([tb, ts]) => tb!.add(ts!).compare(ZERO) > 0)) return { ok: false, violation: null, message: "a grid state with a surplus" };
  const pp = a.positivePoint;
  return {
    ok: true,
    certificate: { minDeficit: qstr(a.minDeficit), strictDeficitAt: pp.point.map(qstr), deficit: qstr(pp.deficit), gains: qstr(pp.gains), gridChecked: [B.length, S.length] },
    tag: a.minDeficit.equals(ZERO) ? "min D = 0 (tie line), D > 0 at an interior trade state" : "D > 0 on the whole closed trade region",
  };
}

export const ceTradeDeficit: Theorem<Case> = {
  id: "ce-trade-deficit",
  kind: "theorem",
  source: "[ChungEly2002, Lemma 4, Thm 5, Thm 6]",
  statement:
    "Bilateral trade on [0, 1]², linear valuations increasing (strictly in the own signal), strong single crossing, non-trivial: the efficient (and deficit-minimizing) rule's generalized VCG mechanism is EPIC and ex post IR and runs a deficit — ≥ 0 in every trade state (decided exactly on the polygon cells) and > 0 at an exhibited state with positive gains.",
  arbitrary,
  hypothesis: (x) => tradeAssumptions(x.L),
  check: (x) => checkTradeDeficit(x),
  negativeControls: [
    {
      name: "buyer's payment raised by 1",
      why: "private values v_β = s_β, v_σ = s_σ on [0, 1]²: the generalized VCG payments with the buyer paying 1 more at every state stay EPIC (a constant shift) but the buyer of value 0, who never trades, now pays 1 — not ex post IR",
      input: () => ({ L: { aB: ONE, bB: ZERO, cB: ZERO, aS: ONE, bS: ZERO, cS: ZERO }, b: [], s: [] }),
      check: (x) => checkTradeDeficit(x, { payments: (L, B, S) => vcgOnGrid(L, B, S).map(([tb, ts]) => [tb!.add(ONE), ts!]) }),
    },
  ],
  codec: {
    encode: (x) => ({ valuations: linearTradeCodec.encode(x.L), buyerSubgrid12ths: x.b, sellerSubgrid12ths: x.s }),
    decode: (j) => {
      const o = j as { valuations: unknown; buyerSubgrid12ths: number[]; sellerSubgrid12ths: number[] };
      return { L: linearTradeCodec.decode(o.valuations), b: o.buyerSubgrid12ths, s: o.sellerSubgrid12ths };
    },
  },
  defaultRuns: 200,
};
