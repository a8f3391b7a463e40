/**
 * The recorded CPU cost of each catalogue id at its default number of cases (ms, one thread, fixed
 * seed), and whether it grows with `--scale` (theorems check every case; refutations stop at their
 * first counterexample and examples run once). The check pool (pool.ts) hands out ids longest first
 * by this table; it only orders the work, so a stale or missing entry costs wall time, never a
 * different result. Regenerate: `npx tsx bench/suite-cost.ts --write` (bench/RESULTS.md, issue 16).
 */

/** id → [CPU ms at the default runs, grows with --scale]. */
export const SUITE_COST: Readonly<Record<string, readonly [number, boolean]>> = {
  "dsic-implies-epic": [311, true],
  "epic-iff-bic-every-prior": [394, true],
  "ex-post-implies-kpt": [529, true],
  "bm-separability": [1034, true],
  "bm-nonseparable": [313, false],
  "bm-example": [133, false],
  "ce-pseudo-efficiency": [1056, true],
  "ce-separable-monotone": [1338, true],
  "ce-payoff-equivalence-finite": [18, false],
  "ce-payoff-equivalence": [1049, true],
  "ce-trade-deficit": [445, true],
  "ce-trade-deficit-grid": [166, false],
  "ce-trade-bb-grid": [701, true],
  "ce-trade-surplus-example": [57, false],
  "ce-public-goods": [843, true],
  "ce-common-values-exact-bb": [5, false],
  "ce-common-values-equal-shares": [427, true],
  "ce-contingent-contribution": [2413, true],
  "ce-contingent-contribution-literal": [39, false],
  "jmmz-parametric": [19, false],
  "jmmz-parametric-finite": [118, true],
  "morris-ic-trade": [4513, true],
  "morris-ic-trade-slide": [488, false],
  "morris-ic-trade-surplus": [960, true],
  "no-trade-common-prior": [808, true],
  "no-trade-ic-example": [78, false],
  "ce2007-maxmin": [4814, true],
  "ce2007-maxmin-slide": [108, false],
  "ce2007-local-virtual-values": [1372, true],
  "ce2007-local-virtual-values-slide": [88, false],
  "ce2007-irregular": [8, false],
  "ce2007-ironed": [375, true],
  "ce2007-noisy-concordant": [1183, true],
  "ce2007-not-common-prior": [8, false],
  "maxmin-weak-duality": [519, true],
  "svo-ivo-duality": [1239, true],
  "brooks-du-auction": [1807, true],
  "bbm-fpa": [1995, true],
  "participation-security-gap": [695, true],
  "participation-security-gap-single-state": [150, false],
  "vcg-dsic": [262, true],
  "ir-vcg-optimal": [840, true],
  "dsic-efficient-is-groves": [13, false],
  "dsic-efficient-is-groves-tie-free": [19, false],
  "dsic-efficient-groves-finite": [744, true],
  "budget-balancing": [690, true],
  "expected-externality": [744, true],
  "dagv-interim-ir": [4, false],
  "lemma-7-5": [1160, true],
  "green-laffont": [1795, true],
  "green-laffont-all-grids": [10, false],
  "myerson-satterthwaite": [2418, true],
  "myerson-satterthwaite-all-grids": [5, false],
  "public-good-impossibility": [1022, true],
  "public-good-impossibility-grid": [9, false],
  "bayes-optimal-public-good": [17, false],
  "cremer-mclean": [3266, true],
  "cremer-mclean-examples": [25, false],
  "common-prior-conditional-independence": [386, true],
  "unbounded-without-cpa": [1275, true],
  "unbounded-without-cpa-naive": [48, false],
  "undominated-revenue-dual": [1097, true],
  "no-undominated-without-cpa": [68, false],
  "kosenok-severinov": [2072, true],
  "cgk-dissolution": [2604, true],
  "cgk-dissolution-grid": [35, false],
  "cavallo": [479, true],
  "green-laffont-mechanism": [530, true],
  "revenue-equivalence": [2113, true],
  "revenue-equivalence-grid": [829, true],
  "revenue-equivalence-grid-naive": [97, false],
  "revenue-equivalence-correlated": [229, false],
  "rochet-cycle-monotonicity": [383, true],
  "weak-monotonicity-finite": [16, false],
  "weak-monotonicity-two-outcomes": [195, true],
  "border-reduced-form": [597, true],
  "myerson-discrete": [858, true],
  "myerson-discrete-unironed": [93, false],
  "bulow-klemperer-grid": [3, false],
  "bulow-klemperer-grid-always-sell": [349, true],
  "gibbard-satterthwaite-sat": [1361, false],
  "myerson-continuous": [2444, true],
  "bulow-klemperer-continuous": [1171, true],
};

/** An id not in the table (new since the last measurement): assumed as long as a typical theorem. */
export const UNKNOWN_COST_MS = 1000;

/** The expected CPU ms of `id` at `runsScale` (default 1), for ordering the pool's work. */
export function suiteCostMs(id: string, runsScale = 1): number {
  const e = Object.hasOwn(SUITE_COST, id) ? SUITE_COST[id] : undefined;
  if (e === undefined) return UNKNOWN_COST_MS * runsScale;
  return e[1] ? e[0] * runsScale : e[0];
}
