/**
 * `revenue-equivalence` — [BernardMD3] *Incentive Compatibility Constraints* (eq. (5): p̄(θ) =
 * −U(θ̲) + q̄(θ)θ − ∫ q̄); [Mishra2020] *IC Characterization*; [BrooksMaxmin2023] *Generalized revenue
 * equivalence* ("expected revenue is the expected virtual value of the bidder who is allocated the
 * good"). Exact continuous transcription.
 *
 * Class: n ∈ {2, 3, 4} bidders with independent private values iid F on [lo, hi], F a polynomial
 * CDF of degree ≤ 3 with rational coefficients (uniform, powers, Bernstein-density and random
 * small-coefficient CDFs; src/generators/auctionContinuous.ts), lo ∈ [0, 3]. The hypothesis is
 * that F is a valid CDF (F(lo) = 0, F(hi) = 1, f ≥ 0 on [lo, hi], decided by exact root isolation).
 * For the symmetric equilibria of src/continuous/auctions.ts of
 *   first-price, second-price, all-pay, and the bid-then-lottery mixture (after bidding, the
 *   first-price rule applies with probability p ∈ {0, 1/4, …, 1}, else the all-pay rule),
 * the check
 *  (a) certifies each bid function as a symmetric Bayes–Nash equilibrium, exactly: the interim
 *      payment computed from the bids and the payment rule equals ∫_lo^w x dG(x) (G = F^{n−1}) as a
 *      polynomial identity and the bid is strictly increasing (src/mechanisms/revenueEquivalenceContinuous.ts
 *      explains why this is a proof);
 *  (b) computes each format's expected revenue from the same (certified) bids by its payment rule:
 *      the winner's bid against the density of v₍₁₎ (first price), the runner-up's bid against the
 *      density of v₍₂₎ (second price), n·E[b(v)] (all-pay), n·E[b(v)(pG(v) + 1 − p)] (mixture);
 *  (c) computes E[v₍₂₎] = lo + ∫(1 − G₍₂₎) from the CDF of the second-highest value, and
 *      E[φ(v₍₁₎)] = ∫ φ(v) d(F^n)(v) = ∫ n F^{n−1}(v f − (1 − F)) dv, the expected virtual value of
 *      the winner with φ = v − (1 − F)/f — with NO truncation at 0: without a reserve the object is
 *      always sold, also when the winner's virtual value is negative (then E[φ(v₍₁₎)] is below the
 *      optimal revenue E[max(0, φ(v₍₁₎))] for regular F);
 * and requires all of (b) and (c) to be one and the same rational number.
 */
import { AUCTION_FORMATS, revenueEquivalenceBenchmarks } from "../auctions/continuousAuctions.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import { auctionSetting, bidOf, certifyEquilibrium, revenueFromBidsOf, ruleName, virtualValueSignAtLow, type EquilibriumCertificate, type PaymentRule } from "../auctions/revenueEquivalenceContinuous.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { SEVENTH } from "./support/controlsSectionsCDE.ts";
import { continuousAuctionCase, continuousAuctionCodec, distributionOf, type ContinuousAuctionCase } from "../generators/continuousAuctionCase.ts";

export const revenueEquivalence: Theorem<ContinuousAuctionCase> = {
  id: "revenue-equivalence",
  kind: "theorem",
  source: "[BernardMD3, Incentive Compatibility Constraints (5)]; [BrooksMaxmin2023, Generalized revenue equivalence]; [Mishra2020, IC Characterization]",
  statement:
    "IPV, n ≤ 4 bidders, values iid with a polynomial CDF F: the first-price, second-price, all-pay and bid-then-lottery (first-price w.p. p, all-pay otherwise) auctions, each at its exactly certified symmetric equilibrium, have the same expected revenue = E[v₍₂₎] = E[φ(v₍₁₎)] (winner's virtual value, negative values included).",
  arbitrary: continuousAuctionCase,
  hypothesis: (x) => typeof distributionOf(x) !== "string",
  check: (x) => checkRevenueEquivalence(x),
  codec: continuousAuctionCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "first-price bidders bid their value",
      why: "values iid U[0, 1], 2 bidders: truthful bidding (the second-price equilibrium) used as the first-price bid function is not an equilibrium there — the interim payment from the bids is not ∫ x dG",
      input: () => uniformCase(),
      check: (x) => checkRevenueEquivalence(x, { bid: (F, n, rule) => bidOf(F, n, rule === "first-price" ? "second-price" : rule) }),
    },
    {
      name: "E[v₍₂₎] off by 1/7",
      why: "the same case: the benchmark E[v₍₂₎] = lo + ∫(1 − G₍₂₎) + 1/7 must differ from every format's revenue",
      input: () => uniformCase(),
      check: (x) =>
        checkRevenueEquivalence(x, {
          benchmarks: (F, n) => {
            const b = revenueEquivalenceBenchmarks(F, n);
            return { ...b, expectedSecondHighest: b.expectedSecondHighest.add(SEVENTH) };
          },
        }),
    },
  ],
};

/** Values iid uniform on [0, 1] (F(x) = x), two bidders, the lottery at p = 1/2. */
function uniformCase(): ContinuousAuctionCase {
  return { family: "uniform", coeffs: [q(0), q(1)], lo: q(0), hi: q(1), bidders: 2, p: q(1).div(q(2)) };
}

/** The check; `variant` (default none) lets the negative controls swap a bid function or a benchmark. */
export function checkRevenueEquivalence(x: ContinuousAuctionCase, variant: { bid?: typeof bidOf; benchmarks?: typeof revenueEquivalenceBenchmarks } = {}): CheckResult {
  {
    const F = distributionOf(x);
    if (typeof F === "string") throw new Error(F);
    const n = x.bidders;
    const st = auctionSetting(F, n);
    const rules: PaymentRule[] = [...AUCTION_FORMATS, { bidThenLottery: x.p }];
    const certificates: EquilibriumCertificate[] = [];
    const revenues: [string, Q][] = [];
    for (const rule of rules) {
      const b = (variant.bid ?? bidOf)(F, n, rule);
      const c = certifyEquilibrium(st, rule, b);
      if (!c.ok) return { ok: false, violation: c, message: `${c.rule}: the bids are not certified as an equilibrium: ${c.reason}` };
      certificates.push(c);
      revenues.push([`${ruleName(rule)} (from bids)`, revenueFromBidsOf(st, b, rule)]);
    }
    const { expectedSecondHighest, expectedVirtualValueOfWinner } = (variant.benchmarks ?? revenueEquivalenceBenchmarks)(F, n);
    revenues.push(["E[v(2)]", expectedSecondHighest], ["E[phi(v(1))]", expectedVirtualValueOfWinner]);
    const table = Object.fromEntries(revenues.map(([k, v]) => [k, qstr(v)]));
    const first = revenues[0]![1];
    const differ = revenues.find(([, v]) => !v.equals(first));
    if (differ) return { ok: false, violation: { distribution: F.name, bidders: n, revenues: table }, message: `${differ[0]} = ${qstr(differ[1])} ≠ ${revenues[0]![0]} = ${qstr(first)}` };
    const s = virtualValueSignAtLow(F);
    return {
      ok: true,
      tag: `${x.family}, ${s < 0 ? "φ(v̲) < 0: winner's virtual value can be negative" : "φ ≥ 0 at v̲"}`,
      certificate: { distribution: F.name, bidders: n, revenue: qstr(first), revenues: table, equilibria: certificates },
    };
  }
}
