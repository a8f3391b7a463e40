/** Section C of the catalogue: efficiency, budget balance and correlation (seed 001). */
import type { Theorem } from "../types.ts";
import { vcgDsic } from "../vcg-dsic.ts";
import { dsicEfficientGrovesFinite, dsicEfficientIsGroves, dsicEfficientIsGrovesTieFree } from "../dsic-efficient-is-groves.ts";
import { cremerMcLean } from "../cremer-mclean.ts";
import { cremerMcLeanExamples } from "../cremer-mclean-examples.ts";
import { bayesOptimalPublicGood } from "../bayes-optimal-public-good.ts";
import { commonPriorConditionalIndependence } from "../common-prior-conditional-independence.ts";
import { unboundedWithoutCpa, unboundedWithoutCpaNaive } from "../unbounded-without-cpa.ts";
import { kosenokSeverinov } from "../kosenok-severinov.ts";
import { noUndominatedWithoutCpa, undominatedRevenueDual } from "../undominated-without-cpa.ts";
import { irVcgOptimal } from "../ir-vcg-optimal.ts";
import { budgetBalancing } from "../budget-balancing.ts";
import { expectedExternality } from "../expected-externality.ts";
import { dagvInterimIr } from "../dagv-interim-ir.ts";
import { lemma75Theorem } from "../lemma-7-5.ts";
import { greenLaffont } from "../green-laffont.ts";
import { greenLaffontAllGrids } from "../green-laffont-all-grids.ts";
import { myersonSatterthwaite } from "../myerson-satterthwaite.ts";
import { myersonSatterthwaiteAllGrids } from "../myerson-satterthwaite-all-grids.ts";
import { publicGoodImpossibility } from "../public-good-impossibility.ts";
import { publicGoodImpossibilityGrid } from "../public-good-impossibility-grid.ts";

/** In catalogue order (../shared/THEOREMS.md); ids added beyond the catalogue sit next to the entry they qualify. */
export const SECTION_C: readonly Theorem[] = [
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
];
