/**
 * `bulow-klemperer-continuous` (theorem) — [BulowKlemperer1996, Thm 1] on the continuum. Reading
 * checked, for n ∈ {2, 3, 4} with values i.i.d. F, F a polynomial CDF of degree ≤ 3 on a rational
 * [lo, hi] (src/generators/continuousAuctionCase.ts), hypothesis: F a valid regular CDF:
 *
 *   E[revenue of the second-price auction with n + 1 bidders, no reserve] ≥ Myerson's optimum with
 *   n bidders, E[max(φ(v₍₁₎), 0)] = ∫_{r*}^hi n F^{n−1}(v f − (1 − F)) dv.
 *
 * The left side is E[v₍₂₎] of n + 1 draws, an exact rational (from the CDF of the second-highest),
 * checked equal to the payments formula of src/auctions/continuousMyerson.ts at reserve lo. The
 * right side is V(r*) for the polynomial V(r) = ∫_r^hi n F^{n−1} K and the algebraic r*; the sign of
 * E[v₍₂₎] − V(r*) = (E[v₍₂₎] − V)(r*) is decided exactly (a polynomial's sign at an algebraic
 * number: interval enclosure on the root's bracket, exact zero test by gcd). That r* is the optimal
 * reserve is `myerson-continuous`.
 */
import { bulowKlempererContinuous } from "../auctions/continuousMyerson.ts";
import { q, qstr } from "../exact/rational.ts";
import { continuousAuctionCase, continuousAuctionCodec, distributionOf, type ContinuousAuctionCase } from "../generators/continuousAuctionCase.ts";
import type { CheckResult, Theorem } from "./types.ts";

/** The check with the number of extra bidders as a parameter (a negative control passes 0). */
export function checkBulowKlempererContinuous(x: ContinuousAuctionCase, extra = 1): CheckResult {
  const F = distributionOf(x);
  if (typeof F === "string") throw new Error(F);
  const r = bulowKlempererContinuous(F, x.bidders, extra);
  const m = x.bidders + extra;
  const cert = { bidders: x.bidders, secondPriceBidders: m, secondPrice: qstr(r.secondPrice), optimum: r.optimum.toString(), reserve: r.reserve.toString(), sign: r.sign };
  if (!r.secondPrice.equals(r.secondPriceFromPayments)) return { ok: false, violation: { ...cert, fromPayments: qstr(r.secondPriceFromPayments) }, message: `E[v₍₂₎] of ${m} draws ${qstr(r.secondPrice)} ≠ the payments formula ${qstr(r.secondPriceFromPayments)}` };
  if (r.sign < 0) return { ok: false, violation: cert, message: `second price with ${m} bidders earns ${qstr(r.secondPrice)} < the optimum with ${x.bidders}, ${r.optimum.toString()}` };
  return { ok: true, certificate: cert, tag: r.sign === 0 ? "equal" : "strict" };
}

export const bulowKlempererContinuousTheorem: Theorem<ContinuousAuctionCase> = {
  id: "bulow-klemperer-continuous",
  kind: "theorem",
  source: "[BulowKlemperer1996, Thm 1]",
  statement:
    "n ≤ 4 bidders, values i.i.d. with a regular polynomial CDF F (degree ≤ 3): the second-price auction with n + 1 bidders and no reserve earns at least Myerson's optimum with n bidders, E[max(φ(v₍₁₎), 0)] (sign of the difference decided exactly at the algebraic reserve).",
  arbitrary: continuousAuctionCase,
  hypothesis: (x) => {
    const F = distributionOf(x);
    return typeof F !== "string" && F.regularity().regular;
  },
  check: (x) => checkBulowKlempererContinuous(x),
  codec: continuousAuctionCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "no extra bidder",
      why: "values i.i.d. U[0, 1], two bidders: the second-price auction with the same n = 2 bidders earns 1/3 < 5/12, the optimum (reserve 1/2)",
      input: uniformTwoBidders,
      check: (x) => checkBulowKlempererContinuous(x, 0),
    },
  ],
};

/** Values i.i.d. uniform on [0, 1], two bidders (r* = 1/2, optimum 5/12). */
function uniformTwoBidders(): ContinuousAuctionCase {
  return { family: "uniform", coeffs: [q(0), q(1)], lo: q(0), hi: q(1), bidders: 2, p: q(0) };
}
