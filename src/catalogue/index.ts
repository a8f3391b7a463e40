/**
 * The theorem registry: every implemented id, in catalogue order (the order of `mechcheck list` and
 * of `check` output), grouped by section. Each id has its own file src/catalogue/<id>.ts holding its
 * record (statement, citation, generator, hypothesis, check, negative controls, coverage); its saved
 * counterexamples live in counterexamples/<id>/. A new id is one file and one line in this list, next
 * to the entry it qualifies (docs/architecture.md).
 */
import type { Theorem } from "./types.ts";
import { dsicImpliesEpic } from "./dsic-implies-epic.ts";
import { epicIffBicEveryPrior } from "./epic-iff-bic-every-prior.ts";
import { exPostImpliesKpt } from "./ex-post-implies-kpt.ts";
import { bmSeparability } from "./bm-separability.ts";
import { bmNonseparable } from "./bm-nonseparable.ts";
import { bmExample } from "./bm-example.ts";
import { cePseudoEfficiency } from "./ce-pseudo-efficiency.ts";
import { ceSeparableMonotone } from "./ce-separable-monotone.ts";
import { cePayoffEquivalenceFinite } from "./ce-payoff-equivalence-finite.ts";
import { cePayoffEquivalence } from "./ce-payoff-equivalence.ts";
import { ceTradeDeficit } from "./ce-trade-deficit.ts";
import { ceTradeDeficitGrid } from "./ce-trade-deficit-grid.ts";
import { ceTradeBbGrid } from "./ce-trade-bb-grid.ts";
import { ceTradeSurplusExample } from "./ce-trade-surplus-example.ts";
import { cePublicGoods } from "./ce-public-goods.ts";
import { ceCommonValuesExactBb } from "./ce-common-values-exact-bb.ts";
import { ceCommonValuesEqualShares } from "./ce-common-values-equal-shares.ts";
import { ceContingentContribution } from "./ce-contingent-contribution.ts";
import { ceContingentContributionLiteral } from "./ce-contingent-contribution-literal.ts";
import { jmmzParametric } from "./jmmz-parametric.ts";
import { jmmzParametricFinite } from "./jmmz-parametric-finite.ts";
import { morrisIcTrade } from "./morris-ic-trade.ts";
import { morrisIcTradeSlide } from "./morris-ic-trade-slide.ts";
import { morrisIcTradeSurplus } from "./morris-ic-trade-surplus.ts";
import { noTradeCommonPrior } from "./no-trade-common-prior.ts";
import { noTradeIcExample } from "./no-trade-ic-example.ts";
import { ce2007Maxmin } from "./ce2007-maxmin.ts";
import { ce2007MaxminSlide } from "./ce2007-maxmin-slide.ts";
import { ce2007LocalVirtualValues } from "./ce2007-local-virtual-values.ts";
import { ce2007LocalVirtualValuesSlide } from "./ce2007-local-virtual-values-slide.ts";
import { ce2007Irregular } from "./ce2007-irregular.ts";
import { ce2007Ironed } from "./ce2007-ironed.ts";
import { ce2007NoisyConcordant } from "./ce2007-noisy-concordant.ts";
import { ce2007NotCommonPrior } from "./ce2007-not-common-prior.ts";
import { maxminWeakDuality } from "./maxmin-weak-duality.ts";
import { svoIvoDuality } from "./svo-ivo-duality.ts";
import { brooksDuAuction } from "./brooks-du-auction.ts";
import { bbmFpa } from "./bbm-fpa.ts";
import { participationSecurityGap } from "./participation-security-gap.ts";
import { participationSecurityGapSingleState } from "./participation-security-gap-single-state.ts";
import { vcgDsic } from "./vcg-dsic.ts";
import { irVcgOptimal } from "./ir-vcg-optimal.ts";
import { dsicEfficientIsGroves } from "./dsic-efficient-is-groves.ts";
import { dsicEfficientIsGrovesTieFree } from "./dsic-efficient-is-groves-tie-free.ts";
import { dsicEfficientGrovesFinite } from "./dsic-efficient-groves-finite.ts";
import { budgetBalancing } from "./budget-balancing.ts";
import { expectedExternality } from "./expected-externality.ts";
import { dagvInterimIr } from "./dagv-interim-ir.ts";
import { lemma75Theorem } from "./lemma-7-5.ts";
import { greenLaffont } from "./green-laffont.ts";
import { greenLaffontAllGrids } from "./green-laffont-all-grids.ts";
import { myersonSatterthwaite } from "./myerson-satterthwaite.ts";
import { myersonSatterthwaiteAllGrids } from "./myerson-satterthwaite-all-grids.ts";
import { publicGoodImpossibility } from "./public-good-impossibility.ts";
import { publicGoodImpossibilityGrid } from "./public-good-impossibility-grid.ts";
import { bayesOptimalPublicGood } from "./bayes-optimal-public-good.ts";
import { cremerMcLean } from "./cremer-mclean.ts";
import { cremerMcLeanExamples } from "./cremer-mclean-examples.ts";
import { commonPriorConditionalIndependence } from "./common-prior-conditional-independence.ts";
import { unboundedWithoutCpa } from "./unbounded-without-cpa.ts";
import { unboundedWithoutCpaNaive } from "./unbounded-without-cpa-naive.ts";
import { undominatedRevenueDual } from "./undominated-revenue-dual.ts";
import { noUndominatedWithoutCpa } from "./no-undominated-without-cpa.ts";
import { kosenokSeverinov } from "./kosenok-severinov.ts";
import { cgkDissolutionTheorem } from "./cgk-dissolution.ts";
import { cgkDissolutionGrid } from "./cgk-dissolution-grid.ts";
import { cavallo } from "./cavallo.ts";
import { greenLaffontMechanismTheorem } from "./green-laffont-mechanism.ts";
import { revenueEquivalence } from "./revenue-equivalence.ts";
import { myersonContinuousTheorem } from "./myerson-continuous.ts";
import { bulowKlempererContinuousTheorem } from "./bulow-klemperer-continuous.ts";
import { revenueEquivalenceGrid } from "./revenue-equivalence-grid.ts";
import { revenueEquivalenceGridNaive } from "./revenue-equivalence-grid-naive.ts";
import { revenueEquivalenceCorrelated } from "./revenue-equivalence-correlated.ts";
import { rochetCycleMonotonicity } from "./rochet-cycle-monotonicity.ts";
import { weakMonotonicityFinite } from "./weak-monotonicity-finite.ts";
import { weakMonotonicityTwoOutcomes } from "./weak-monotonicity-two-outcomes.ts";
import { borderReducedForm } from "./border-reduced-form.ts";
import { myersonDiscrete } from "./myerson-discrete.ts";
import { myersonDiscreteUnironed } from "./myerson-discrete-unironed.ts";
import { bulowKlempererGrid } from "./bulow-klemperer-grid.ts";
import { bulowKlempererGridAlwaysSell } from "./bulow-klemperer-grid-always-sell.ts";
import { gibbardSatterthwaiteSat } from "./gibbard-satterthwaite-sat.ts";

export const THEOREMS: readonly Theorem[] = [
  // A. Implementation concepts and ex post mechanisms ([BrooksExPost2023], [ChungEly2002], [BergemannMorris2005], [JehielEtAl2006])
  dsicImpliesEpic,
  epicIffBicEveryPrior,
  exPostImpliesKpt,
  bmSeparability,
  bmNonseparable,
  bmExample,
  cePseudoEfficiency,
  ceSeparableMonotone,
  cePayoffEquivalenceFinite,
  cePayoffEquivalence,
  ceTradeDeficit,
  ceTradeDeficitGrid,
  ceTradeBbGrid,
  ceTradeSurplusExample,
  cePublicGoods,
  ceCommonValuesExactBb,
  ceCommonValuesEqualShares,
  ceContingentContribution,
  ceContingentContributionLiteral,
  jmmzParametric,
  jmmzParametricFinite,
  // B. Trade, beliefs and maxmin design ([BrooksExPost2023], [BrooksMaxmin2023], [Morris1994], [ChungEly2007], [BrooksDu2021], [BergemannBrooksMorris2017])
  morrisIcTrade,
  morrisIcTradeSlide,
  morrisIcTradeSurplus,
  noTradeCommonPrior,
  noTradeIcExample,
  ce2007Maxmin,
  ce2007MaxminSlide,
  ce2007LocalVirtualValues,
  ce2007LocalVirtualValuesSlide,
  ce2007Irregular,
  ce2007Ironed,
  ce2007NoisyConcordant,
  ce2007NotCommonPrior,
  maxminWeakDuality,
  svoIvoDuality,
  brooksDuAuction,
  bbmFpa,
  participationSecurityGap,
  participationSecurityGapSingleState,
  // C. Efficiency, budget balance and correlation ([BernardMD3], [Holmstrom1979], [CremerMcLean1988], [KosenokSeverinov2008], [Mishra2020])
  vcgDsic,
  irVcgOptimal,
  dsicEfficientIsGroves,
  dsicEfficientIsGrovesTieFree,
  dsicEfficientGrovesFinite,
  budgetBalancing,
  expectedExternality,
  dagvInterimIr,
  lemma75Theorem,
  greenLaffont,
  greenLaffontAllGrids,
  myersonSatterthwaite,
  myersonSatterthwaiteAllGrids,
  publicGoodImpossibility,
  publicGoodImpossibilityGrid,
  bayesOptimalPublicGood,
  cremerMcLean,
  cremerMcLeanExamples,
  commonPriorConditionalIndependence,
  unboundedWithoutCpa,
  unboundedWithoutCpaNaive,
  undominatedRevenueDual,
  noUndominatedWithoutCpa,
  kosenokSeverinov,
  // D. Redistribution ([Mishra2020], [CramtonGibbonsKlemperer1987], [Cavallo2006], [GreenLaffont1979])
  cgkDissolutionTheorem,
  cgkDissolutionGrid,
  cavallo,
  greenLaffontMechanismTheorem,
  // E. Revenue equivalence ([BernardMD3], [BrooksMaxmin2023], [Mishra2020])
  revenueEquivalence,
  revenueEquivalenceGrid,
  revenueEquivalenceGridNaive,
  revenueEquivalenceCorrelated,
  // F. The canon: implementability, optimal auctions, reduced forms, voting ([Rochet1987], [Bikhchandani2006], [SaksYu2005], [Myerson1981], [Border1991], [BulowKlemperer1996], [Gibbard1973], [Satterthwaite1975])
  rochetCycleMonotonicity,
  weakMonotonicityFinite,
  weakMonotonicityTwoOutcomes,
  borderReducedForm,
  myersonDiscrete,
  myersonDiscreteUnironed,
  bulowKlempererGrid,
  bulowKlempererGridAlwaysSell,
  gibbardSatterthwaiteSat,
  myersonContinuousTheorem,
  bulowKlempererContinuousTheorem,
];

export function findTheorem(id: string): Theorem | undefined {
  return THEOREMS.find((t) => t.id === id);
}
