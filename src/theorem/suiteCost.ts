/**
 * The recorded CPU cost of each catalogue id at its default number of cases (ms, one thread, fixed
 * seed), and whether it grows with `--scale` (theorems check every case; refutations stop at their
 * first counterexample and examples run once). The check pool (pool.ts) hands out ids longest first
 * by this table; it only orders the work, so a stale or missing entry costs wall time, never a
 * different result. Regenerate: `npx tsx bench/suite-cost.ts --write` (bench/RESULTS.md, issue 16).
 */

/** id → [CPU ms at the default runs, grows with --scale]. */
export const SUITE_COST: Readonly<Record<string, readonly [number, boolean]>> = {
  "dsic-implies-epic": [398, true],
  "epic-iff-bic-every-prior": [395, true],
  "ex-post-implies-kpt": [502, true],
  "bm-separability": [1423, true],
  "bm-nonseparable": [347, false],
  "bm-example": [157, false],
  "ce-pseudo-efficiency": [642, true],
  "ce-separable-monotone": [1187, true],
  "ce-payoff-equivalence-finite": [22, false],
  "ce-payoff-equivalence": [1075, true],
  "ce-trade-deficit": [364, true],
  "ce-trade-deficit-grid": [122, false],
  "ce-trade-bb-grid": [524, true],
  "ce-trade-surplus-example": [56, false],
  "ce-public-goods": [864, true],
  "ce-common-values-exact-bb": [7, false],
  "ce-common-values-equal-shares": [309, true],
  "ce-contingent-contribution": [1841, true],
  "ce-contingent-contribution-literal": [20, false],
  "jmmz-parametric": [34, false],
  "jmmz-parametric-finite": [139, true],
  "morris-ic-trade": [3556, true],
  "morris-ic-trade-slide": [402, false],
  "morris-ic-trade-surplus": [979, true],
  "no-trade-common-prior": [932, true],
  "no-trade-ic-example": [155, false],
  "ce2007-maxmin": [4100, true],
  "ce2007-maxmin-slide": [98, false],
  "ce2007-local-virtual-values": [888, true],
  "ce2007-local-virtual-values-slide": [71, false],
  "ce2007-irregular": [5, false],
  "ce2007-ironed": [302, true],
  "ce2007-noisy-concordant": [1101, true],
  "ce2007-not-common-prior": [10, false],
  "maxmin-weak-duality": [454, true],
  "svo-ivo-duality": [1052, true],
  "brooks-du-auction": [1672, true],
  "bbm-fpa": [1246, true],
  "participation-security-gap": [553, true],
  "participation-security-gap-single-state": [92, false],
  "vcg-dsic": [202, true],
  "ir-vcg-optimal": [513, true],
  "dsic-efficient-is-groves": [11, false],
  "dsic-efficient-is-groves-tie-free": [16, false],
  "dsic-efficient-groves-finite": [520, true],
  "budget-balancing": [560, true],
  "expected-externality": [610, true],
  "dagv-interim-ir": [4, false],
  "lemma-7-5": [990, true],
  "green-laffont": [1538, true],
  "green-laffont-all-grids": [4, false],
  "myerson-satterthwaite": [1793, true],
  "myerson-satterthwaite-all-grids": [5, false],
  "public-good-impossibility": [842, true],
  "public-good-impossibility-grid": [14, false],
  "bayes-optimal-public-good": [19, false],
  "cremer-mclean": [2934, true],
  "cremer-mclean-examples": [14, false],
  "common-prior-conditional-independence": [333, true],
  "unbounded-without-cpa": [1201, true],
  "unbounded-without-cpa-naive": [55, false],
  "undominated-revenue-dual": [1156, true],
  "no-undominated-without-cpa": [43, false],
  "kosenok-severinov": [1660, true],
  "cgk-dissolution": [1901, true],
  "cgk-dissolution-grid": [32, false],
  "cavallo": [468, true],
  "green-laffont-mechanism": [548, true],
  "revenue-equivalence": [1478, true],
  "revenue-equivalence-grid": [668, true],
  "revenue-equivalence-grid-naive": [94, false],
  "revenue-equivalence-correlated": [154, false],
  "rochet-cycle-monotonicity": [536, true],
  "weak-monotonicity-finite": [17, false],
  "weak-monotonicity-two-outcomes": [231, true],
  "border-reduced-form": [639, true],
  "myerson-discrete": [978, true],
  "myerson-discrete-unironed": [132, false],
  "bulow-klemperer-grid": [8, false],
  "bulow-klemperer-grid-always-sell": [378, true],
  "gibbard-satterthwaite-sat": [1203, false],
  "myerson-continuous": [1339, true],
  "bulow-klemperer-continuous": [546, true],
};

/** An id not in the table (new since the last measurement): assumed as long as a typical theorem. */
export const UNKNOWN_COST_MS = 1000;

/** The expected CPU ms of `id` at `runsScale` (default 1), for ordering the pool's work. */
export function suiteCostMs(id: string, runsScale = 1): number {
  const e = Object.hasOwn(SUITE_COST, id) ? SUITE_COST[id] : undefined;
  if (e === undefined) return UNKNOWN_COST_MS * runsScale;
  return e[1] ? e[0] * runsScale : e[0];
}
