/**
 * `bbm-fpa` — [BrooksMaxmin2023], Bergemann–Brooks–Morris: slides *First-price
 * auction recap*, *Other mechanisms in the worst-case type space*, *Standard mechanisms*,
 * *Strategic equivalence* (Proposition and proof), *Robust optimality of the FPA* (Theorem and
 * proof), *A saddle point*, *Posted prices on T\**.
 *
 * Seed statements. On the worst-case type space T\* (types iid F^{1/n} on [v̲, v̄], value = the
 * highest type): the FPA has the equilibrium β^FPA(t) = F(t)^{−(n−1)/n} ∫_{v̲}^t x dF(x)^{(n−1)/n}
 * with revenue R^FPA = ∫ β^FPA dF; a standard mechanism's symmetric monotone equilibrium on T^IPV
 * (the same types as private values) is an equilibrium on T\*, with revenue R^FPA, hence every
 * standard mechanism's minimum BCE revenue is ≤ R^FPA; but the posted price
 * p = ∫ x dF^{(n−1)/n} (= E[v | t_i = v̲]) is accepted by every type, so p ≥ R^FPA.
 *
 * Exact transcription (src/constructions/bbm.ts): F = H^n with H a polynomial CDF on a rational
 * interval (the uniform, power, Bernstein and raw families of src/generators/
 * auctionContinuous.ts), n ∈ {2, 3, 4}; "exact for polynomial F" is read as F an n-th power of a
 * polynomial CDF (F = x^{kn}, …), the case where F^{1/n} — and so everything — stays polynomial.
 * The check:
 *  (a) R^FPA from the seed's formula (n ∫ P h, P = ∫ x dG, G = H^{n−1}) equals, exactly, the
 *      revenue computed from the bids of the first-price, second-price, all-pay and bid-then-lottery
 *      auctions on T^IPV (each equilibrium certified: interim payment ≡ P and monotone bids,
 *      src/mechanisms/revenueEquivalenceContinuous.ts) and E[second-highest of n draws of H]: the
 *      standard mechanisms earn R^FPA on T^IPV;
 *  (b) the seed's β^FPA = P/G coincides with the IPV first-price bid t − ∫G/G of src/continuous
 *      (two formulas, two code paths) on a rational grid, and β^FPA and each standard mechanism's
 *      IPV equilibrium are equilibria on T\*: exact payoffs U(t, t′) on T\* computed from the
 *      definition on a 5 × 5 rational type grid never exceed U(t, t), with exact indifference for
 *      t′ ≥ t (strategic equivalence: U_M = U^FPA since the interim payments agree);
 *  (c) the posted price p = P(v̄) equals E[max of n − 1 draws of H] (the order statistic, computed
 *      from its CDF) and E[v | t_i = v̲] = V(v̲); the interim value V(t) = E[max(t, Y)] is
 *      non-decreasing on the grid, so every type buys and the posted price earns p; and p > R^FPA.
 */
import { fpaBid, fpaRevenue, interimValue, postedPrice, spotCheckTStar, tStarPayoff, tStarPayoffFromPayment, typeGrid, worstCaseTypeSpace } from "../robust/firstPriceInformation.ts";
import { bidAt } from "../auctions/continuousAuctions.ts";
import { AUCTION_FORMATS } from "../auctions/continuousAuctions.ts";
import { type Q, q, qstr } from "../exact/rational.ts";
import { auctionSetting, bidOf, certifyEquilibrium, interimPaymentFromBids, revenueFromBidsOf, ruleName, type PaymentRule } from "../auctions/revenueEquivalenceContinuous.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { continuousAuctionCase, continuousAuctionCodec, distributionOf, type ContinuousAuctionCase } from "../generators/continuousAuctionCase.ts";

export const bbmFpa: Theorem<ContinuousAuctionCase> = {
  id: "bbm-fpa",
  kind: "theorem",
  source: "[BrooksMaxmin2023, Robust optimality of the FPA, Strategic equivalence, Posted prices on T*]; [BergemannBrooksMorris2017]",
  statement:
    "Worst-case type space T* (types iid H = F^{1/n}, value = highest type), H a polynomial CDF, n ≤ 4: β^FPA = F^{-(n−1)/n}∫x dF^{(n−1)/n} is an equilibrium on T* with revenue R^FPA = ∫β^FPA dF; the first-price, second-price, all-pay and bid-then-lottery auctions earn exactly R^FPA on T^IPV and their IPV equilibria are equilibria on T*; the posted price p = ∫x dF^{(n−1)/n} is accepted by every type and p > R^FPA.",
  arbitrary: continuousAuctionCase,
  hypothesis: (x) => typeof distributionOf(x) !== "string",
  check: (x) => checkBbmFpa(x),
  codec: continuousAuctionCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "R^FPA off by 1/7",
      why: "the seed's revenue formula n ∫ P h raised by 1/7: on the first generated case (fixed seed) the first-price auction's revenue computed from its bids on T^IPV no longer equals it",
      input: () => firstSample(bbmFpa.arbitrary, (x) => typeof distributionOf(x) !== "string", "with a polynomial CDF"),
      check: (x) => checkBbmFpa(x, { fpaRevenue: (ts) => fpaRevenue(ts).add(q(1).div(7)) }),
    },
  ],
};

/** The check, with the closed form R^FPA as a parameter (default: fpaRevenue, the seed's formula). */
export function checkBbmFpa(x: ContinuousAuctionCase, variant: { fpaRevenue?: typeof fpaRevenue } = {}): CheckResult {
  const H = distributionOf(x);
  if (typeof H === "string") throw new Error(H);
  const n = x.bidders;
  const ts = worstCaseTypeSpace(H, n);
  const R = (variant.fpaRevenue ?? fpaRevenue)(ts);
  const grid = typeGrid(ts, 4);
  // (b) the seed's bid vs the IPV first-price bid of src/continuous/auctions.ts
  const ipvFpa = bidOf(H, n, "first-price");
  for (const t of grid) {
    if (!fpaBid(ts, t).equals(bidAt(ipvFpa, t))) return { ok: false, violation: { t: qstr(t), seed: qstr(fpaBid(ts, t)), ipv: qstr(bidAt(ipvFpa, t)) }, message: `β^FPA(${qstr(t)}) = ${qstr(fpaBid(ts, t))} differs from the IPV first-price bid ${qstr(bidAt(ipvFpa, t))}` };
  }
  const fpaOnTStar = spotCheckTStar(ts, (t, t2) => tStarPayoff(ts, t, t2), 4);
  if (!fpaOnTStar.ok) return { ok: false, violation: fpaOnTStar, message: `β^FPA is not an equilibrium on T*: ${fpaOnTStar.reason}` };
  // (a) + (b) standard mechanisms on T^IPV and T*
  const st = auctionSetting(H, n);
  const rules: PaymentRule[] = [...AUCTION_FORMATS, { bidThenLottery: x.p }];
  const revenues: Record<string, string> = { "R^FPA (seed formula)": qstr(R) };
  for (const rule of rules) {
    const b = bidOf(H, n, rule);
    const c = certifyEquilibrium(st, rule, b);
    if (!c.ok) return { ok: false, violation: c, message: `${ruleName(rule)}: IPV equilibrium not certified: ${c.reason}` };
    const rev = revenueFromBidsOf(st, b, rule);
    revenues[ruleName(rule)] = qstr(rev);
    if (!rev.equals(R)) return { ok: false, violation: { revenues }, message: `${ruleName(rule)} earns ${qstr(rev)} on T^IPV, not R^FPA = ${qstr(R)}` };
    const m = interimPaymentFromBids(st, b, rule);
    const onTStar = spotCheckTStar(ts, tStarPayoffFromPayment(ts, (t2: Q) => m.eval(t2)), 4);
    if (!onTStar.ok) return { ok: false, violation: onTStar, message: `${ruleName(rule)}'s IPV equilibrium is not an equilibrium on T*: ${onTStar.reason}` };
  }
  const second = H.expectedOrderStatistic(n, 2);
  revenues["E[2nd highest of n]"] = qstr(second);
  if (!second.equals(R)) return { ok: false, violation: { revenues }, message: `E[second-highest type] = ${qstr(second)} ≠ R^FPA = ${qstr(R)}` };
  // (c) posted price
  const p = postedPrice(ts);
  const maxOthers = H.expectedOrderStatistic(n - 1, 1);
  if (!p.equals(maxOthers)) return { ok: false, violation: { p: qstr(p), maxOthers: qstr(maxOthers) }, message: `posted price ∫x dF^{(n−1)/n} = ${qstr(p)} ≠ E[max of n − 1 types] = ${qstr(maxOthers)}` };
  if (!interimValue(ts, H.lo).equals(p)) return { ok: false, violation: { p: qstr(p), lowest: qstr(interimValue(ts, H.lo)) }, message: "p is not E[v | t_i = v̲]" };
  for (let j = 1; j < grid.length; j++) {
    if (interimValue(ts, grid[j]!).compare(interimValue(ts, grid[j - 1]!)) < 0) return { ok: false, violation: { t: qstr(grid[j]!) }, message: `interim value decreases at ${qstr(grid[j]!)}` };
  }
  if (p.compare(R) <= 0) return { ok: false, violation: { p: qstr(p), R: qstr(R) }, message: `posted price ${qstr(p)} ≤ R^FPA ${qstr(R)}` };
  return {
    ok: true,
    tag: `n=${n}, ${x.family}`,
    certificate: { R: qstr(R), postedPrice: qstr(p), premium: qstr(p.sub(R)), revenues, spotChecks: fpaOnTStar.spotChecks * (rules.length + 1) },
  };

}
