/**
 * The recorded CPU cost of each catalogue id at its default number of cases (ms, one thread, fixed
 * seed), and whether it grows with `--scale` (theorems check every case; refutations stop at their
 * first counterexample and examples run once). The check pool (pool.ts) hands out ids longest first
 * by this table; it only orders the work, so a stale or missing entry costs wall time, never a
 * different result. Regenerate with the CLI's V8 interrupt budget (bin/mechcheck.mjs):
 * `node --interrupt-budget=1081344 --import tsx bench/suite-cost.ts --write` (bench/RESULTS.md, issue 16).
 */

/** id → [CPU ms at the default runs, grows with --scale]. */
export const SUITE_COST: Readonly<Record<string, readonly [number, boolean]>> = {
  "dsic-implies-epic": [178, true],
  "epic-iff-bic-every-prior": [197, true],
  "ex-post-implies-kpt": [282, true],
  "bm-separability": [652, true],
  "bm-nonseparable": [143, false],
  "bm-example": [80, false],
  "ce-pseudo-efficiency": [284, true],
  "ce-separable-monotone": [444, true],
  "ce-payoff-equivalence-finite": [11, false],
  "ce-payoff-equivalence": [797, true],
  "ce-trade-deficit": [355, true],
  "ce-trade-deficit-grid": [60, false],
  "ce-trade-bb-grid": [434, true],
  "ce-trade-surplus-example": [21, false],
  "ce-public-goods": [510, true],
  "ce-common-values-exact-bb": [4, false],
  "ce-common-values-equal-shares": [157, true],
  "ce-contingent-contribution": [1379, true],
  "ce-contingent-contribution-literal": [20, false],
  "jmmz-parametric": [11, false],
  "jmmz-parametric-finite": [60, true],
  "morris-ic-trade": [2753, true],
  "morris-ic-trade-slide": [379, false],
  "morris-ic-trade-surplus": [911, true],
  "no-trade-common-prior": [978, true],
  "no-trade-ic-example": [116, false],
  "ce2007-maxmin": [5023, true],
  "ce2007-maxmin-slide": [176, false],
  "ce2007-local-virtual-values": [1282, true],
  "ce2007-local-virtual-values-slide": [94, false],
  "ce2007-irregular": [9, false],
  "ce2007-ironed": [389, true],
  "ce2007-noisy-concordant": [1791, true],
  "ce2007-not-common-prior": [11, false],
  "maxmin-weak-duality": [284, true],
  "svo-ivo-duality": [778, true],
  "brooks-du-auction": [1401, true],
  "bbm-fpa": [1300, true],
  "participation-security-gap": [420, true],
  "participation-security-gap-single-state": [65, false],
  "vcg-dsic": [115, true],
  "ir-vcg-optimal": [388, true],
  "dsic-efficient-is-groves": [7, false],
  "dsic-efficient-is-groves-tie-free": [8, false],
  "dsic-efficient-groves-finite": [925, true],
  "budget-balancing": [496, true],
  "expected-externality": [510, true],
  "dagv-interim-ir": [9, false],
  "lemma-7-5": [962, true],
  "green-laffont": [1267, true],
  "green-laffont-all-grids": [6, false],
  "myerson-satterthwaite": [2038, true],
  "myerson-satterthwaite-all-grids": [7, false],
  "public-good-impossibility": [557, true],
  "public-good-impossibility-grid": [8, false],
  "bayes-optimal-public-good": [18, false],
  "cremer-mclean": [1999, true],
  "cremer-mclean-examples": [16, false],
  "common-prior-conditional-independence": [182, true],
  "unbounded-without-cpa": [793, true],
  "unbounded-without-cpa-naive": [30, false],
  "undominated-revenue-dual": [592, true],
  "no-undominated-without-cpa": [55, false],
  "kosenok-severinov": [1464, true],
  "cgk-dissolution": [1485, true],
  "cgk-dissolution-grid": [21, false],
  "cavallo": [298, true],
  "green-laffont-mechanism": [369, true],
  "revenue-equivalence": [1808, true],
  "revenue-equivalence-grid": [553, true],
  "revenue-equivalence-grid-naive": [63, false],
  "revenue-equivalence-correlated": [146, false],
  "rochet-cycle-monotonicity": [492, true],
  "weak-monotonicity-finite": [35, false],
  "weak-monotonicity-two-outcomes": [162, true],
  "border-reduced-form": [555, true],
  "myerson-discrete": [636, true],
  "myerson-discrete-unironed": [62, false],
  "bulow-klemperer-grid": [4, false],
  "bulow-klemperer-grid-always-sell": [321, true],
  "gibbard-satterthwaite-sat": [1060, false],
  "myerson-continuous": [1399, true],
  "bulow-klemperer-continuous": [723, true],
};

/** An id not in the table (new since the last measurement): assumed as long as a typical theorem. */
export const UNKNOWN_COST_MS = 1000;

/** The expected CPU ms of `id` at `runsScale` (default 1), for ordering the pool's work. */
export function suiteCostMs(id: string, runsScale = 1): number {
  const e = Object.hasOwn(SUITE_COST, id) ? SUITE_COST[id] : undefined;
  if (e === undefined) return UNKNOWN_COST_MS * runsScale;
  return e[1] ? e[0] * runsScale : e[0];
}
