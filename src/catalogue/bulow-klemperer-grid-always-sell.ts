/**
 * `bulow-klemperer-grid-always-sell` (theorem) — the true grid version of [BulowKlemperer1996, Thm 1]
 * next to `bulow-klemperer-grid`. Reading checked:
 *
 *   "n i.i.d. bidders with values on a finite grid (w(0) ≥ 0, any full-support prior, regular or
 *    not): the best always-selling auction with n + 1 bidders, E[max_{i≤n+1} φ̄(θ_i)], earns at least
 *    the optimal auction with n bidders, E[max(max_{i≤n} φ̄(θ_i), 0)]; the second-price auction with
 *    n + 1 bidders earns at most the former (it always sells and is implementable)."
 *
 * Exact revenues from src/auctions/bulowKlemperer.ts (ironed discrete virtual values; their
 * optimum form is `myerson-discrete`). The hypothesis-dropped control is not available (no
 * hypothesis); the controls run the same comparison with the second-price revenue in place of the
 * always-selling optimum on the refutation's saved case, and with the optimum perturbed by 1/7.
 */
import { alwaysSellRevenueIid, optimalRevenueIid, secondPriceRevenueIid } from "../auctions/bulowKlemperer.ts";
import { isRegular } from "../auctions/discreteMyerson.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import { iidGridAuctionArbitrary, type IidGridAuction } from "../generators/iidGrid.ts";
import { savedCases } from "./support/controls.ts";
import { iidGridCodec } from "./support/iidGridCodec.ts";
import type { CheckResult, Theorem } from "./types.ts";

type Rev = (w: readonly Q[], f: readonly Q[], m: number) => Q;

export function checkBkWith(alwaysSell: Rev, spa: Rev): (x: IidGridAuction) => CheckResult {
  return (x) => {
    const w = x.grid.values[0]!;
    const f = x.grid.probs[0]!;
    const opt = optimalRevenueIid(w, f, x.n);
    const sell = alwaysSell(w, f, x.n + 1);
    const sp = spa(w, f, x.n + 1);
    const cert = { optimalWithN: qstr(opt), alwaysSellWithNPlus1: qstr(sell), secondPriceWithNPlus1: qstr(sp) };
    if (sell.compare(opt) < 0) return { ok: false, violation: cert, message: `always-selling optimum with ${x.n + 1} bidders ${qstr(sell)} < optimum with ${x.n} ${qstr(opt)}` };
    if (sp.compare(sell) > 0) return { ok: false, violation: cert, message: `second-price with ${x.n + 1} bidders ${qstr(sp)} exceeds the always-selling optimum ${qstr(sell)}` };
    return { ok: true, certificate: cert, tag: `${isRegular(x.grid) ? "regular" : "irregular"}, ${sp.compare(opt) >= 0 ? "second-price also beats the optimum" : "second-price falls short"}` };
  };
}

export const bulowKlempererGridAlwaysSell: Theorem<IidGridAuction> = {
  id: "bulow-klemperer-grid-always-sell",
  kind: "theorem",
  source: "[BulowKlemperer1996, Thm 1]",
  statement: "i.i.d. values on a finite grid (w(0) ≥ 0, any full-support prior): the best always-selling auction with n + 1 bidders (E[max φ̄] over n + 1) earns at least the optimal auction with n bidders, and at least the second-price auction with n + 1.",
  arbitrary: iidGridAuctionArbitrary(),
  check: checkBkWith(alwaysSellRevenueIid, secondPriceRevenueIid),
  codec: iidGridCodec,
  defaultRuns: 1000,
  coverage: { classify: (x) => [isRegular(x.grid) ? "regular" : "irregular"], required: { regular: 100, irregular: 100 } },
  negativeControls: [
    {
      name: "second price in place of the always-selling optimum",
      why: "the naive refutation's saved case with the second-price revenue standing in for the always-selling optimum: it falls short of the n-bidder optimum",
      input: () => {
        const xs = savedCases("bulow-klemperer-grid", iidGridCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for bulow-klemperer-grid");
        return xs[0]!;
      },
      check: checkBkWith(secondPriceRevenueIid, secondPriceRevenueIid),
    },
    {
      name: "always-selling optimum lowered by 1/7 below the second price",
      why: "the always-selling optimum replaced by the second-price revenue minus 1/7 on the grid {0, 1} with equal weights and n = 1: it falls below the one-bidder optimum (and below the second price)",
      input: () => ({ grid: { values: [[q(0), q(1)]], probs: [[q("1/2"), q("1/2")]] }, n: 1 }),
      check: checkBkWith((w, f, m) => secondPriceRevenueIid(w, f, m).sub(q(1).div(7)), secondPriceRevenueIid),
    },
  ],
};
