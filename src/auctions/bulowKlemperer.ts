/**
 * [BulowKlemperer1996] on value grids: n i.i.d. bidders with values w(0) < … < w(K−1) (prior f)
 * against n + 1. Three exact revenues, no LP:
 *   - the optimal auction with n bidders, E[max(max_{i≤n} φ̄(θ_i), 0)] (ironed discrete virtual
 *     values, src/auctions/discreteMyerson.ts; equal to the revenue LP's optimum by `myerson-discrete`);
 *   - the second-price auction with n + 1 bidders (random tie-breaking: a tie at the top pays the tied
 *     value), E[second-highest of n + 1 values];
 *   - the best always-selling auction with n + 1 bidders, E[max_{i≤n+1} φ̄(θ_i)] (allocate to the highest
 *     ironed virtual value even when negative). On the continuum with a regular prior the last two
 *     coincide; on a grid they do not, and the theorem survives only in the second form: since
 *     E[φ̄] = E[φ] = w(0) ≥ 0 (the sum telescopes), E[max(a, φ̄(θ_{n+1}))] ≥ max(a, w(0)) ≥ max(a, 0).
 */
import { ONE, ZERO, type Q } from "../exact/rational.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import { discreteVirtualValues, ironed } from "./discreteMyerson.ts";

/** E[g(θ_1, …, θ_m)] for m i.i.d. draws from f. */
function expectation(f: readonly Q[], m: number, g: (ks: readonly number[]) => Q): Q {
  const sizes = new Array<number>(m).fill(f.length);
  let total = ZERO;
  for (let th = 0; th < profileCount(sizes); th++) {
    const ks = profileAt(sizes, th);
    total = total.add(ks.reduce((p, k) => p.mul(f[k]!), ONE).mul(g(ks)));
  }
  return total;
}

const maxOf = (xs: readonly Q[], floor: Q | null): Q => xs.reduce((a, b) => (a === null || b.compare(a) > 0 ? b : a), floor as Q);

/**
 * The optimal (Myerson) revenue with n i.i.d. bidders on a value grid: E[max(max_i φ̄(θ_i), 0)]
 * with ironed discrete virtual values ([BulowKlemperer1996]; [Myerson1981, §6]), exact.
 */
export function optimalRevenueIid(w: readonly Q[], f: readonly Q[], n: number): Q {
  const phi = ironed(discreteVirtualValues(w, f), f);
  return expectation(f, n, (ks) => maxOf(ks.map((k) => phi[k]!), ZERO));
}

/**
 * The revenue of the second-price auction with m i.i.d. bidders on a value grid, E[second-highest
 * value] (0 for m < 2), exact.
 */
export function secondPriceRevenueIid(w: readonly Q[], f: readonly Q[], m: number): Q {
  if (m < 2) return ZERO;
  return expectation(f, m, (ks) => w[[...ks].sort((a, b) => b - a)[1]!]!);
}

/**
 * The revenue of the best always-selling auction with m i.i.d. bidders on a value grid, E[max_i
 * φ̄(θ_i)] with ironed discrete virtual values, exact ([BulowKlemperer1996] on a grid).
 */
export function alwaysSellRevenueIid(w: readonly Q[], f: readonly Q[], m: number): Q {
  const phi = ironed(discreteVirtualValues(w, f), f);
  return expectation(f, m, (ks) => maxOf(ks.map((k) => phi[k]!), null));
}
