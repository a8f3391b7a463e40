/**
 * `ce-trade-bb-grid` (theorem) — the finite characterization next to [ChungEly2002, Lemma 4,
 * Thm 5] (as `green-laffont` is next to the Green–Laffont impossibility): on finite signal grids,
 * EXACTLY WHEN an efficient, EPIC, ex post IR and budget-balanced trading mechanism exists.
 *
 * Setting: bilateral trade with interdependent linear values (src/mechanisms/chungElyTrade.ts),
 * v_β = aB·s_β + bB·s_σ + cB, v_σ = aS·s_σ + bS·s_β + cS, strong single crossing (kB > 0 > kS),
 * finite grids B, S of rational signals (random subsets of {0, 1/12, …, 1}, uniform grids
 * {0, 1/K, …, 1} included), the efficient rule "trade iff Δv > 0" (ties: no trade), budget
 * balance t_β + t_σ = 0 at every profile, ex post IR at reservation 0. Hypothesis: the grid has a
 * trade and a no-trade profile.
 *
 * Statement (proof in `bbPriceInterval`): with
 *   lo = max( v_σ on trade profiles ∪ v_β on no-trade profiles whose seller section is split ),
 *   hi = min( v_β on trade profiles ∪ v_σ on no-trade profiles whose buyer section is split ),
 * a mechanism exists iff lo ≤ hi, and then the posted price p = lo (any p ∈ [lo, hi]) is one.
 * On the continuum the split sections are dense and lo ≤ hi fails whenever trade is non-trivial
 * (that is Thm 5, checked in `ce-trade-deficit`); on a coarse grid the interval can be non-empty
 * (the naive transcription refuted in `ce-trade-deficit-grid`).
 *
 * Checked both ways per case: the exact transfers LP (epicTransfersLp with ex post IR and
 * budget-balance rows, src/lp solve) is feasible iff lo ≤ hi; when feasible, the LP's payments
 * and the posted price lo pass isEPIC, isExPostIR and isExPostBudgetBalanced; when infeasible, the
 * Farkas certificate passes the independent verifier (src/lp/verify.ts). Negative controls: a
 * posted price just outside [lo, hi] fails a solution concept; a case with lo > hi fed with the
 * posted price lo fails; an unequal budget (price p for the buyer, p − 1 for the seller) fails
 * budget balance.
 */
import fc from "fast-check";
import { isEPIC, isExPostBudgetBalanced, isExPostIR } from "../concepts/index.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { solve } from "../lp/solve.ts";
import { verify } from "../lp/verify.ts";
import { bbPriceInterval, efficientTradeRule, increasingValuations, linearTradeEnvironment, postedPricePayments, strongSingleCrossing, type LinearTrade } from "../trade/interdependentTrade.ts";
import { pointMassAllocation } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { linearTradeArb, linearTradeCodec } from "../generators/linearTrade.ts";

export interface TradeGridCase {
  readonly L: LinearTrade;
  /** Grid points in twelfths (0 … 12), distinct. */
  readonly b: readonly number[];
  readonly s: readonly number[];
}

const grid = (ks: readonly number[]): Q[] => [...new Set(ks)].sort((x, y) => x - y).map((k) => q(k).div(12));

/** Which solution concept a payment table fails, or null. */
export function mechanismFailure(x: TradeGridCase, payments: Q[][]): string | null {
  const B = grid(x.b);
  const S = grid(x.s);
  const env = linearTradeEnvironment(x.L, B, S);
  const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, efficientTradeRule(x.L, B, S)), payments };
  if (isEPIC(env, mech).verdict !== "holds") return "not EPIC";
  if (isExPostIR(env, mech).verdict !== "holds") return "not ex post IR";
  if (isExPostBudgetBalanced(env, mech).verdict !== "holds") return "not budget balanced";
  return null;
}

export function check(x: TradeGridCase): CheckResult {
  const B = grid(x.b);
  const S = grid(x.s);
  const I = bbPriceInterval(x.L, B, S);
  if (I === null) throw new Error("ce-trade-bb-grid: hypothesis not met (the runner filters it)");
  const env = linearTradeEnvironment(x.L, B, S);
  const rule = efficientTradeRule(x.L, B, S);
  const lp = epicTransfersLp(env, rule, { expostIR: true, budgetBalanced: true });
  const r = solve(lp.model, { exactOnly: true });
  const where = `${B.length}×${S.length} grid, [lo, hi] = [${qstr(I.lo)}, ${qstr(I.hi)}]`;
  const fail = (message: string, violation: unknown): CheckResult => ({ ok: false, message: `${where}: ${message}`, violation: { grids: { buyer: B.map(qstr), seller: S.map(qstr) }, lo: `${qstr(I.lo)} = ${I.loAt}`, hi: `${qstr(I.hi)} = ${I.hiAt}`, ...(violation as object) } });
  if (r.status === "optimal") {
    if (!I.exists) return fail("the exact LP finds an efficient, EPIC, ex post IR, budget-balanced mechanism although lo > hi", { lp: "feasible" });
    const payments = rule.map((_, th) => [r.primal[lp.payment(0, th)]!, r.primal[lp.payment(1, th)]!]);
    const f1 = mechanismFailure(x, payments);
    if (f1) return fail(`the LP's payments are ${f1} (re-check)`, {});
    const f2 = mechanismFailure(x, postedPricePayments(x.L, B, S, I.lo));
    if (f2) return fail(`the posted price lo = ${qstr(I.lo)} is ${f2}`, {});
    return { ok: true, tag: `exists (posted price in [lo, hi]${I.lo.equals(I.hi) ? ", a single price" : ""})`, certificate: { lo: qstr(I.lo), hi: qstr(I.hi) } };
  }
  if (r.status !== "infeasible") return fail(`the LP is ${r.status}`, {});
  const v = verify(lp.model, r);
  if (!v.ok) return fail("the Farkas certificate fails the independent verifier", { problems: v.problems });
  if (I.exists) return fail("lo ≤ hi, yet the exact LP is infeasible (verified Farkas certificate)", { lp: "infeasible" });
  return { ok: true, tag: `does not exist (lo > hi, Farkas certificate verified)${B.length === 2 && S.length === 2 ? ", 2×2" : ""}` };
}

const picks = fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 });
const uniform = fc.integer({ min: 1, max: 4 }).map((K) => Array.from({ length: K + 1 }, (_, k) => (k * 12) / K).filter((k) => Number.isInteger(k)));

export const hasBothOutcomes = (x: TradeGridCase): boolean => strongSingleCrossing(x.L) && bbPriceInterval(x.L, grid(x.b), grid(x.s)) !== null;

/** A case with lo > hi: private values v_β = s_β, v_σ = s_σ on {0, 1/3, 2/3, 1}² (lo = 2/3, hi = 1/3: Green–Laffont's K = 3). */
const impossibleCase: TradeGridCase = { L: { aB: ONE, bB: ZERO, cB: ZERO, aS: ONE, bS: ZERO, cS: ZERO }, b: [0, 4, 8, 12], s: [0, 4, 8, 12] };
/** A case with lo ≤ hi: the same values on {0, 1}²: trade only at (1, 0), any price in [0, 1]. */
const possibleCase: TradeGridCase = { L: { aB: ONE, bB: ZERO, cB: ZERO, aS: ONE, bS: ZERO, cS: ZERO }, b: [0, 12], s: [0, 12] };

export const ceTradeBbGrid: Theorem<TradeGridCase> = {
  id: "ce-trade-bb-grid",
  kind: "theorem",
  source: "[ChungEly2002, Lemma 4, Thm 5], finite characterization",
  statement:
    "Bilateral trade on finite signal grids (linear values increasing, strictly in the own signal, strong single crossing; efficient rule trade iff Δv > 0; a trade and a no-trade profile on the grid): an efficient, EPIC, ex post IR, budget-balanced mechanism exists iff lo ≤ hi, lo = max(v_σ on trade profiles ∪ v_β on no-trade profiles of split seller sections), hi = min(v_β on trade profiles ∪ v_σ on no-trade profiles of split buyer sections); then a posted price in [lo, hi] works. Exact LP certified both ways (feasible point re-checked / Farkas certificate verified).",
  arbitrary: fc.tuple(linearTradeArb, fc.oneof(picks, uniform), fc.oneof(picks, uniform)).map(([L, b, s]) => ({ L, b, s })),
  hypothesis: (x) => increasingValuations(x.L) && hasBothOutcomes(x),
  check,
  codec: {
    encode: (x) => ({ valuations: linearTradeCodec.encode(x.L), buyerGrid12ths: x.b, sellerGrid12ths: x.s }),
    decode: (j) => {
      const o = j as { valuations: unknown; buyerGrid12ths: number[]; sellerGrid12ths: number[] };
      return { L: linearTradeCodec.decode(o.valuations), b: o.buyerGrid12ths, s: o.sellerGrid12ths };
    },
  },
  defaultRuns: 200,
  minHypothesisRate: 0.3,
  negativeControls: [
    {
      name: "posted price above hi",
      why: "on {0, 1}² with v_β = s_β, v_σ = s_σ the interval is [0, 1]; at the price 2 the buyer of value 1 gets 1 − 2 < 0 and gains by reporting 0 (not EPIC, not ex post IR)",
      input: () => possibleCase,
      check: (x) => {
        const f = mechanismFailure(x, postedPricePayments(x.L, grid(x.b), grid(x.s), q(2)));
        return f === null ? { ok: true } : { ok: false, violation: f, message: `price 2: ${f}` };
      },
    },
    {
      name: "posted price lo where lo > hi",
      why: "private values on {0, 1/3, 2/3, 1}²: lo = v_β(2/3, 2/3) = 2/3 (buyer IC) > hi = v_β(1/3, 0) = 1/3 (buyer IR); at the price 2/3 the buyer of value 1/3 facing seller 0 would rather not trade (not EPIC)",
      input: () => impossibleCase,
      check: (x) => {
        const I = bbPriceInterval(x.L, grid(x.b), grid(x.s))!;
        const f = mechanismFailure(x, postedPricePayments(x.L, grid(x.b), grid(x.s), I.lo));
        return f === null && I.exists ? { ok: true } : { ok: false, violation: { lo: qstr(I.lo), hi: qstr(I.hi), failure: f }, message: `lo = ${qstr(I.lo)} > hi = ${qstr(I.hi)}; the price lo is ${f ?? "fine (?)"}` };
      },
    },
    {
      name: "unbalanced budget",
      why: "on {0, 1}² the posted price 1/2 plus a subsidy of 1 to the seller at every profile: EPIC and ex post IR, but t_β + t_σ = −1 ≠ 0 (not budget balanced)",
      input: () => possibleCase,
      check: (x) => {
        const pay = postedPricePayments(x.L, grid(x.b), grid(x.s), q(1).div(2)).map(([tb, ts]) => [tb!, ts!.sub(ONE)]);
        const f = mechanismFailure(x, pay);
        return f === null ? { ok: true } : { ok: false, violation: f, message: f };
      },
    },
  ],
};
