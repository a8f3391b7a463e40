/**
 * `green-laffont` — [Mishra2020], slides *Bilateral trading
 * model*, *Impossibility* and *Green-Laffont impossibility theorem*: "In the bilateral trading
 * problem, there is no DSIC, efficient, and budget-balanced mechanism" (no participation
 * constraint); also [BernardMD3, Thm 7.6]'s proof (the Lemma 7.5 step).
 *
 * The seed's proof integrates the allocation over a continuum of types (payoff equivalence), so
 * the statement is about connected type sets. This file states exactly WHERE it holds on finite
 * grids.
 *
 * Finite transcription. Buyer values on a grid B, seller values on a grid S (strictly increasing,
 * rational), [BernardMD3]'s utilities u_B = q·b − p_B, u_S = (1 − q)·s − p_S; the efficient rule
 * q = 1{b > s} with a deterministic tie rule at b = s ("trade" = [BernardMD3]'s q = 1{θ_B ≥ θ_S},
 * "no-trade" = [Mishra2020]'s "the seller keeps the good unless v_b > v_s"). THEOREM: an efficient,
 * DSIC, ex post budget-balanced direct mechanism exists iff
 *     max_k lo_k ≤ min_k hi_k
 * over the "price intervals" [lo_k, hi_k] of the split agents: for a seller type s whose buyers
 * split into traders T_s and non-traders N_s (both nonempty), [max N_s, min T_s]; for a buyer type
 * b with trading sellers and non-trading sellers, [max trading s, min non-trading s]. When it holds,
 * the posted-price mechanism "trade efficiently at price π = max lo_k" is one. (Proof in
 * src/constructions/tradeGrids.ts: DSIC makes payments constant on each agent's trade / no-trade
 * sets, budget balance on the connected trade and no-trade cells makes the price difference one
 * constant π.) Consequence on B = S = {0,…,K}: impossibility holds exactly for K ≥ 3, for either
 * deterministic tie rule — and for ANY tie lottery, in particular "split" (1/2): each interior value
 * v ∈ {1,…,K−1} forces π = v (the argument of tradeGrids.ts with the diagonal payments; for a tie
 * probability t the buyer's and seller's local constraints at (v, v) pin the two half-steps to v(1−t)
 * and v·t). K ≤ 2 is possible (π = 1 for K = 2).
 *
 * Each case is decided three ways, and all must agree:
 *  (1) the closed-form criterion (greenLaffontCriterion);
 *  (2) the exact LP of fixedRuleTransfers.ts (DSIC rows + ex post BB rows, efficient lottery rule
 *      fixed, payments free), whose feasible point is re-checked with src/concepts (isDSIC,
 *      isExPostEfficient, isExPostBudgetBalanced) and whose infeasibility comes with a verified
 *      Farkas certificate, shortened to a minimum-L1 certificate (sparseFarkas.ts, typically 10
 *      rows) and listed row by row in the certificate;
 * and when (1) says possible, the posted-price mechanism itself is checked with src/concepts.
 * Cases: random grids (2–3 points each, deterministic ties) and the family {0,…,K}² (K ≤ 3 here, K ≤ 12 in `mechcheck tables`; all
 * three tie rules, where possible ⇔ K ≤ 2 is asserted).
 */
import fc from "fast-check";
import { isDSIC, isExPostBudgetBalanced, isExPostEfficient } from "../concepts/index.ts";
import { decide, describeGridCase, greenLaffontCriterion, gridCaseCodec, impossibilityCertificate, integerGrid, postedPriceMechanism, tradeEnv, type GridCase, type LpDecision, type PriceInterval } from "../trade/tradeGrids.ts";
import { qstr, type Q } from "../exact/rational.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { gridPairArb, integerFamilyArb, integerFamilyK } from "../generators/gridPairs.ts";

function lpCertificate(d: LpDecision): unknown {
  if (d.possible) return { payments: d.mechanism!.payments.map((r) => r.map(qstr)) };
  return impossibilityCertificate(d);
}

const side = (iv: PriceInterval) => (iv.agent === "seller" ? `the buyer's DSIC at seller value ${qstr(iv.value)}` : `the seller's DSIC at buyer value ${qstr(iv.value)}`);

export const greenLaffont: Theorem<GridCase> = {
  id: "green-laffont",
  kind: "theorem",
  source: "[Mishra2020, Green-Laffont impossibility]; [BernardMD3, Thm 7.6 proof]; [GreenLaffont1977]",
  statement:
    "Bilateral trade on finite grids B, S (seller keeps the good, deterministic tie rule): an efficient, DSIC, ex post budget-balanced mechanism exists iff the split agents' price intervals intersect (max lo ≤ min hi), and then a posted price works. On {0,…,K}² (any tie rule, lotteries included) impossibility holds exactly for K ≥ 3.",
  arbitrary: fc.oneof({ weight: 4, arbitrary: gridPairArb(["trade", "no-trade"], 3, 2) }, { weight: 1, arbitrary: integerFamilyArb(3, ["trade", "no-trade", "split"]) }),
  check: (c) => checkGreenLaffont(c),
  codec: gridCaseCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      // kills: green-laffont posted-price check `some` → `every` (a wrong price breaks DSIC only:
      // the mechanism stays efficient and budget balanced, so one failing verdict must suffice)
      name: "posted price outside the interval",
      why: "on B = S = {0, 1, 2} (ties trade) the posted price 1 works; the same mechanism at price 1 + 5 is efficient and budget balanced but not DSIC",
      input: () => ({ buyer: integerGrid(2), seller: integerGrid(2), tie: "trade" as const }),
      check: (c) => checkGreenLaffont(c, { price: (p) => p.add(5) }),
    },
    {
      name: "criterion contradicted",
      why: "B = S = {0,…,3}, deterministic ties: the criterion and the LP say impossible; a check that claims possible there (here: the K ≤ 2 family law applied to K = 3 with a forged possible LP) must fail",
      input: () => ({ buyer: integerGrid(3), seller: integerGrid(3), tie: "trade" as const }),
      check: (c) => checkGreenLaffont(c, { forceFamilyK: 2 }),
    },
  ],
  coverage: {
    classify: (c) => [integerFamilyK(c) !== null ? "{0..K}² family" : "random grids", `buyer types = ${c.buyer.length}`, `tie ${c.tie}`],
    required: { "{0..K}² family": 50, "random grids": 200, "buyer types = 2": 50, "buyer types = 3": 50, "tie trade": 50, "tie no-trade": 50, "tie split": 20 },
  },
};

/** The check; `variant` lets the negative controls run the same logic on a wrong price or family index. */
export function checkGreenLaffont(c: GridCase, variant: { price?: (p: Q) => Q; forceFamilyK?: number } = {}): CheckResult {
  const d = decide("green-laffont", c);
  const where = describeGridCase(c);
  if (d.problems.length > 0) return { ok: false, violation: { case: gridCaseCodec.encode(c), problems: d.problems }, message: `${where}: the LP's point fails ${d.problems.join(", ")} (bug)` };
  const K = variant.forceFamilyK ?? integerFamilyK(c);
  if (K !== null && d.possible !== K <= 2) {
    return { ok: false, violation: { K, tie: c.tie, lpPossible: d.possible }, message: `${where}: the LP says ${d.possible ? "possible" : "impossible"}, but the proof says possible ⇔ K ≤ 2` };
  }
  if (c.tie === "split") return { ok: true, certificate: { K, lp: lpCertificate(d) }, tag: `{0..K}², split ties: ${d.possible ? "possible" : "impossible"}` };

  const crit = greenLaffontCriterion(c.buyer, c.seller, c.tie);
  if (crit.possible !== d.possible) {
    return {
      ok: false,
      violation: { case: gridCaseCodec.encode(c), criterion: crit.possible, lp: d.possible, lower: crit.lower && qstr(crit.lower), upper: crit.upper && qstr(crit.upper) },
      message: `${where}: the closed-form criterion says ${crit.possible ? "possible" : "impossible"} (max lo ${crit.lower ? qstr(crit.lower) : "—"}, min hi ${crit.upper ? qstr(crit.upper) : "—"}), the exact LP says ${d.possible ? "possible" : "impossible"}`,
    };
  }
  const env = tradeEnv(c.buyer, c.seller);
  if (crit.possible) {
    const price = (variant.price ?? ((p: Q) => p))(crit.price!);
    const m = postedPriceMechanism(c.buyer, c.seller, c.tie, price);
    const fails = [isDSIC(env, m).verdict, isExPostEfficient(env, m).verdict, isExPostBudgetBalanced(env, m).verdict];
    if (fails.some((v) => v !== "holds")) {
      return { ok: false, violation: { case: gridCaseCodec.encode(c), price: qstr(price), verdicts: fails }, message: `${where}: the posted price ${qstr(price)} mechanism is not DSIC/efficient/BB (DSIC ${fails[0]}, efficient ${fails[1]}, BB ${fails[2]})` };
    }
    return { ok: true, certificate: { postedPrice: qstr(price), interval: [crit.lower && qstr(crit.lower), crit.upper && qstr(crit.upper)] }, tag: crit.intervals.length === 0 ? "possible: no split agent (trivial case)" : "possible: posted price" };
  }
  const [a, b] = crit.conflict!;
  return {
    ok: true,
    certificate: {
      conflict: `${side(a)} needs π ≥ ${qstr(a.lo)}, ${side(b)} needs π ≤ ${qstr(b.hi)}`,
      lp: lpCertificate(d),
    },
    tag: K !== null ? "impossible: {0..K}², K ≥ 3" : "impossible: intervals disjoint",
  };
}
