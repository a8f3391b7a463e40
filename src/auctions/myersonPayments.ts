/**
 * Myerson's payment formula for single-object mechanisms whose allocation depends on an agent's
 * RANK among the reported values ([Mishra2020, *IC Characterization*]; [BernardMD3, *Incentive
 * Compatibility Constraints*], eq. (5), ex post form): on the interval domain of own values, a
 * rule x_i(s, v_{-i}) non-decreasing in s is DSIC with payments (paid BY agent i)
 *   p_i(v) = v_i·x_i(v) − ∫_lo^{v_i} x_i(s, v_{-i}) ds + h_i(v_{-i}),
 * and, the domain being connected, these are the only DSIC payments (h_i arbitrary).
 *
 * Here x_i(s, v_{-i}) = shares[k] where k is the number of other agents whose value exceeds s: a
 * step function of s, constant between the others' values, so the integral is an exact finite
 * sum (evaluated at the midpoints of the steps, where no tie occurs). Used as an INDEPENDENT
 * derivation of the payments of [Mishra2020]'s *Relax efficiency* (Green–Laffont) and *Cavallo*
 * mechanisms, which src/mechanisms/ builds differently (an exclusion lottery of Vickrey auctions;
 * a Groves mechanism with redistribution).
 */
import { MechcheckError } from "../errors.ts";
import { q, qstr, type Q, ZERO } from "../exact/rational.ts";

/** x(s) = shares[#{others with value > s}] (shares beyond the list are 0). */
export function rankShare(shares: readonly Q[], others: readonly Q[], s: Q): Q {
  let k = 0;
  for (const o of others) if (o.compare(s) > 0) k++;
  return shares[k] ?? ZERO;
}

/** ∫_from^to x(s) ds for x = rankShare(shares, others, ·), exactly (from ≤ to). */
export function integrateRankShare(shares: readonly Q[], others: readonly Q[], from: Q, to: Q): Q {
  if (from.compare(to) > 0) throw new MechcheckError("bad-interval", `integrateRankShare: from ${qstr(from)} > to ${qstr(to)}`);
  const cuts = [from, ...others.filter((o) => o.compare(from) > 0 && o.compare(to) < 0), to].sort((a, b) => a.compare(b));
  let total = ZERO;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!;
    const b = cuts[k + 1]!;
    if (a.equals(b)) continue;
    const mid = a.add(b).div(q(2));
    total = total.add(rankShare(shares, others, mid).mul(b.sub(a)));
  }
  return total;
}

/**
 * Myerson's payment without the h_i term: v·x(v) − ∫_lo^v x(s) ds, where `allocationAtV` is the
 * probability the mechanism actually gives the agent at v (it may differ from the step function
 * at a tie, a point of measure zero for the integral).
 */
export function myersonPayment(shares: readonly Q[], others: readonly Q[], v: Q, allocationAtV: Q, lo: Q = ZERO): Q {
  return v.mul(allocationAtV).sub(integrateRankShare(shares, others, lo, v));
}
