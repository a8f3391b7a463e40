/**
 * `ce-trade-deficit-grid` (refutation) — [ChungEly2002, Lemma 4, Thm 5] on finite signal grids.
 *
 * Naive finite transcription refuted here: with the same linear valuations as `ce-trade-deficit`
 * (increasing, strictly in the own signal, strong single crossing) but signals on grids
 * G_β = {0, 1/K_β, …, 1}, G_σ = {0, 1/K_σ, …, 1}, non-trivial ON THE GRID (Δv > 0 and Δv < 0 at
 * some grid states), "there is no efficient (trade iff Δv > 0), EPIC, ex post IR, budget-balanced
 * mechanism". Decided exactly: the transfers LP of src/concepts (epicTransfersLp with the ex post
 * IR and budget-balance rows) solved by src/lp. A counterexample carries the payment table of a
 * budget-balanced mechanism (re-checked by isEPIC, isExPostIR, isExPostBudgetBalanced).
 *
 * Where it breaks: the continuum proof pins the buyer's price at v_β(g_β(s_σ), s_σ) and the
 * seller's at v_σ(s_β, g_σ(s_β)) through connectedness (payoff equivalence); on a grid each jump of
 * the trade decision leaves an interval of prices between adjacent signals (see
 * `ce-payoff-equivalence-finite`), and when the grid is coarse one price can serve both sides (a
 * posted price between the adjacent values). The violation reports, next to the budget-balanced
 * payments, the grid-restricted continuous VCG deficit (positive somewhere), i.e. the room the
 * grid creates, and the closed-form price interval [lo, hi] of `bbPriceInterval`. True versions:
 * `ce-trade-bb-grid` (exactly when such a mechanism exists on a grid: lo ≤ hi) and
 * `ce-trade-deficit` (the source's continuum theorem, exact).
 */
import fc from "fast-check";
import { isEPIC, isExPostBudgetBalanced, isExPostIR } from "../concepts/index.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import { type Q, ZERO, q, qstr } from "../exact/rational.ts";
import { bbPriceInterval, efficientTradeRule, gains, increasingValuations, linearTradeEnvironment, strongSingleCrossing, vcgOnGrid, type LinearTrade } from "../trade/interdependentTrade.ts";
import { solve } from "../lp/solve.ts";
import { pointMassAllocation } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { linearTradeArb, linearTradeCodec } from "../generators/linearTrade.ts";
import { savedCases } from "./support/controls.ts";

type Case = { L: LinearTrade; kB: number; kS: number };
const grid = (K: number): Q[] => Array.from({ length: K + 1 }, (_, k) => q(k).div(q(K)));

function nonTrivialOnGrid(x: Case): boolean {
  const B = grid(x.kB);
  const S = grid(x.kS);
  const g = B.flatMap((b) => S.map((s) => gains(x.L, b, s)));
  return g.some((d) => d.compare(ZERO) > 0) && g.some((d) => d.compare(ZERO) < 0);
}

function check(x: Case): CheckResult {
  const B = grid(x.kB);
  const S = grid(x.kS);
  const env = linearTradeEnvironment(x.L, B, S);
  const rule = efficientTradeRule(x.L, B, S);
  const lp = epicTransfersLp(env, rule, { expostIR: true, budgetBalanced: true });
  const r = solve(lp.model, { exactOnly: true });
  if (r.status !== "optimal") return { ok: true, tag: `no BB mechanism on the ${B.length}×${S.length} grid` };
  const payments = Array.from({ length: rule.length }, (_, th) => [r.primal[lp.payment(0, th)]!, r.primal[lp.payment(1, th)]!]);
  const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, rule), payments };
  if (isEPIC(env, mech).verdict !== "holds" || isExPostIR(env, mech).verdict !== "holds" || isExPostBudgetBalanced(env, mech).verdict !== "holds") {
    throw new Error("the LP's budget-balanced payments fail a re-check (bug)");
  }
  const vcg = vcgOnGrid(x.L, B, S);
  const profiles = [...allProfiles([B.length, S.length])];
  return {
    ok: false,
    violation: {
      grids: { buyer: B.map(qstr), seller: S.map(qstr) },
      trade: profiles.filter((_, th) => rule[th] === 0).map(([b, s]) => `${qstr(B[b!]!)},${qstr(S[s!]!)}`),
      budgetBalancedPayments: Object.fromEntries(profiles.map(([b, s], th) => [`${qstr(B[b!]!)},${qstr(S[s!]!)}`, `buyer pays ${qstr(payments[th]![0]!)}, seller pays ${qstr(payments[th]![1]!)}`])),
      priceInterval: (() => {
        const I = bbPriceInterval(x.L, B, S);
        return I === null ? null : { lo: `${qstr(I.lo)} = ${I.loAt}`, hi: `${qstr(I.hi)} = ${I.hiAt}` };
      })(),
      continuousVcgDeficitOnGrid: Object.fromEntries(profiles.map(([b, s], th) => [`${qstr(B[b!]!)},${qstr(S[s!]!)}`, qstr(vcg[th]![0]!.add(vcg[th]![1]!).neg())])),
    },
    message: `on the ${B.length}×${S.length} signal grid an efficient, EPIC, ex post IR and budget-balanced trading mechanism exists`,
  };
}

export const ceTradeDeficitGrid: Theorem<Case> = {
  id: "ce-trade-deficit-grid",
  kind: "refutation",
  source: "[ChungEly2002, Lemma 4, Thm 5]",
  statement: "Naive finite transcription: on finite signal grids (linear increasing valuations, strong single crossing, non-trivial on the grid) no efficient, EPIC, ex post IR, budget-balanced trading mechanism exists (false because the continuum proof pins prices through connectedness; on a coarse grid a posted price in [lo, hi] can serve both sides — exactly characterized in the true version; the continuum theorem is ce-trade-deficit).",
  trueVersion: "ce-trade-bb-grid",
  arbitrary: fc.tuple(linearTradeArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).map(([L, kB, kS]) => ({ L, kB, kS })),
  hypothesis: (x) => increasingValuations(x.L) && strongSingleCrossing(x.L) && nonTrivialOnGrid(x),
  check,
  codec: {
    encode: (x) => ({ valuations: linearTradeCodec.encode(x.L), buyerGridSteps: x.kB, sellerGridSteps: x.kS }),
    decode: (j) => {
      const o = j as { valuations: unknown; buyerGridSteps: number; sellerGridSteps: number };
      return { L: linearTradeCodec.decode(o.valuations), kB: o.buyerGridSteps, kS: o.sellerGridSteps };
    },
  },
  defaultRuns: 200,
  negativeControls: [
    {
      name: "saved counterexample",
      why: "the minimal counterexample saved in the store for ce-trade-deficit-grid (a coarse grid where a posted price serves both sides): the naive statement's check must fail on it",
      input: () => {
        const xs = savedCases("ce-trade-deficit-grid", ceTradeDeficitGrid.codec);
        if (xs.length === 0) throw new Error("no saved counterexample for ce-trade-deficit-grid");
        return xs[0]!;
      },
    },
  ],
};
