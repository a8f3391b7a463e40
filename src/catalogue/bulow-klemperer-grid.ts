/**
 * `bulow-klemperer-grid` (refutation) — [BulowKlemperer1996, Thm 1] transcribed naively to grids:
 *
 *   "n i.i.d. bidders with values on a finite grid and a regular prior (nondecreasing discrete
 *    virtual values): the second-price auction with n + 1 bidders earns at least the optimal
 *    auction with n bidders."
 *
 * False: on a grid the second-price auction leaves the between-grid-point rent to a lone top bidder,
 * so it is not the optimal always-selling auction as on the continuum. Exact revenues from
 * src/auctions/bulowKlemperer.ts; the shrunk counterexample is in the store. The true grid version
 * is `bulow-klemperer-grid-always-sell`.
 */
import { isRegular } from "../auctions/discreteMyerson.ts";
import { optimalRevenueIid, secondPriceRevenueIid } from "../auctions/bulowKlemperer.ts";
import { qstr } from "../exact/rational.ts";
import { iidGridAuctionArbitrary, type IidGridAuction } from "../generators/iidGrid.ts";
import { savedCaseControl } from "./support/controls.ts";
import { iidGridCodec } from "./support/iidGridCodec.ts";
import type { Theorem } from "./types.ts";

export const bulowKlempererGrid: Theorem<IidGridAuction> = {
  id: "bulow-klemperer-grid",
  kind: "refutation",
  source: "[BulowKlemperer1996, Thm 1]",
  statement: "Naive grid transcription: i.i.d. values on a finite grid, regular prior (nondecreasing discrete virtual values): the second-price auction with n + 1 bidders earns at least the optimal auction with n bidders.",
  trueVersion: "bulow-klemperer-grid-always-sell",
  arbitrary: iidGridAuctionArbitrary(),
  hypothesis: (x) => isRegular(x.grid),
  check: (x) => {
    const w = x.grid.values[0]!;
    const f = x.grid.probs[0]!;
    const opt = optimalRevenueIid(w, f, x.n);
    const spa = secondPriceRevenueIid(w, f, x.n + 1);
    const cert = { optimalWithN: qstr(opt), secondPriceWithNPlus1: qstr(spa) };
    if (spa.compare(opt) < 0) return { ok: false, violation: cert, message: `second-price with ${x.n + 1} bidders earns ${qstr(spa)} < ${qstr(opt)}, the optimum with ${x.n}` };
    return { ok: true, certificate: cert, tag: `n = ${x.n}` };
  },
  codec: iidGridCodec,
  defaultRuns: 1000,
  negativeControls: [savedCaseControl("bulow-klemperer-grid", iidGridCodec)],
};
