/**
 * `myerson-satterthwaite` — [BernardMD3], Thm 7.6
 * (Myerson–Satterthwaite) and its proof (Steps 1–3, *Conclusion of proof*): bilateral trade with
 * independent values, u_S = (1 − q)θ_S − p_S, u_B = qθ_B − p_B: "An incentive-compatible,
 * individually rational, ex-post efficient mechanism exists if and only if v̲_B ≥ v̄_S or
 * v̲_S ≥ v̄_B" (budget balance is part of the problem: the proof goes through Lemma 7.5, "no IR-VCG
 * mechanism runs an expected surplus", Thm 6.24.2 and Cor 7.3). Finite transcription: efficient
 * rule, BIC, interim IR (levels 0 for the buyer, θ_S for the seller), ex post budget balance.
 *
 * Two exact routes, both checked here:
 *
 * (a) Continuous (the seed's setting): B ~ F_B on [b̲, b̄], S ~ F_S on [s̲, s̄], polynomial CDFs
 *     F(x) = ((x − lo)/(hi − lo))^k or 1 − ((hi − x)/(hi − lo))^k (density > 0 inside). The seed's
 *     proof reduces existence to the IR-VCG expected revenue E[R] ≥ 0, computed exactly by
 *     src/continuous/trade.ts. Checked: E[R] equals the independent closed form
 *         E[R] = −∫_{b̲}^{s̄} (1 − F_B(t)) F_S(t) dt  if b̲ < s̄,   E[R] = b̲ − s̄  otherwise
 *     (R = −(min(B, s̄) − max(S, b̲))^+ pointwise, and E[(X − Y)^+] = ∫ P(Y < t < X) dt), and
 *     "E[R] ≥ 0 ⇔ the supports do not overlap (no interior)" — the theorem.
 *
 * (b) Finite grids, which the theorem does NOT cover as stated (see the refutation
 *     `myerson-satterthwaite-all-grids` and docs/grid-tables.md). The TRUE finite statement
 *     (proof in src/constructions/tradeGrids.ts): with independent full-support priors and any tie
 *     rule (trade / no-trade / split at b = s), an efficient, BIC, IIR, ex post BB mechanism exists
 *         ⇔ R* = E[P*(B)] − E[T*(S)] ≥ 0,
 *     P* the largest buyer interim payments (IIR of the lowest buyer, upward-adjacent IC binding),
 *     T* the smallest seller interim transfers (IIR of the highest seller, IC binding). Checked
 *     three ways: R* (closed-form recursion) = the exact LP maximum of expected revenue over
 *     efficient BIC + IIR mechanisms; the exact feasibility LP (BIC + IIR + ex post BB rows) is
 *     feasible ⇔ R* ≥ 0, its point re-checked by src/concepts, its infeasibility with a verified
 *     Farkas certificate; and when R* ≥ 0 the explicit mechanism (P* − R*, −T*, then Prop 7.1's
 *     budget balancing) passes isBIC, isInterimIR, isExPostEfficient, isExPostBudgetBalanced.
 *     On the uniform family B = S = {0,…,K} the hand-computed
 *         R*(K) = −K(K+2)/(6(K+1)) (trade ties), K(4−K)/(6(K+1)) (no-trade), K(1−K)/(6(K+1)) (split)
 *     is asserted too (K ≤ 3 in the suite, K ≤ 12 in `mechcheck tables`; the formula itself is
 *     derived for every K from the recursions: P*(b) = b(b+1)/(2(K+1)) for both deterministic rules,
 *     T* shifted by K/(K+1) resp. K/(2(K+1)) for trade resp. split ties): Myerson–Satterthwaite
 *     holds on {0,…,K}² for every K ≥ 1 with trade ties, exactly for K ≥ 5 with no-trade ties,
 *     exactly for K ≥ 2 with split ties.
 */
import fc from "fast-check";
import { Poly } from "../continuous/polynomial.ts";
import { bilateralTrade as continuousTrade } from "../trade/continuousTrade.ts";
import { conceptProblems, decide, describeGridCase, gridCaseCodec, impossibilityCertificate, integerGrid, marginalsOf, msMaxRevenueLp, msMechanism, msRevenueBound, TIE_RULES, tradeEnv, type GridCase, type TieRule } from "../trade/tradeGrids.ts";
import { MechcheckError } from "../errors.ts";
import { q, qmax, qmin, qstr, sign, type Q } from "../exact/rational.ts";
import { productPrior } from "../generators/independentPrior.ts";
import type { DirectMechanism } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { shiftPayment } from "./support/controls.ts";
import { SEVENTH } from "./support/controlsSectionsCDE.ts";
import { gridPairArb, integerFamilyArb, integerFamilyK } from "../generators/gridPairs.ts";
import { type DistSpec, distribution } from "../generators/distSpecs.ts";

export type MsCase = { readonly kind: "grid"; readonly grid: GridCase } | { readonly kind: "continuous"; readonly buyer: DistSpec; readonly seller: DistSpec };

const distArb: fc.Arbitrary<DistSpec> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
  .map(([a, w, k, mirror]) => ({ lo: q(a).div(q(2)), hi: q(a + w).div(q(2)), k, mirror }));

/** Full-support marginals from integer weights 1…3. */
function marginalArb(m: number): fc.Arbitrary<Q[]> {
  return fc.array(fc.integer({ min: 1, max: 3 }), { minLength: m, maxLength: m }).map((w) => {
    const t = w.reduce((a, b) => a + b, 0);
    return w.map((x) => q(x).div(q(t)));
  });
}

const gridWithPriorArb: fc.Arbitrary<GridCase> = gridPairArb(TIE_RULES, 3, 2).chain((c) =>
  fc.tuple(marginalArb(c.buyer.length), marginalArb(c.seller.length)).map(([mb, ms]) => ({ ...c, buyerMarginal: mb, sellerMarginal: ms })),
);

const arbitrary: fc.Arbitrary<MsCase> = fc.oneof(
  { weight: 8, arbitrary: gridWithPriorArb.map((grid): MsCase => ({ kind: "grid", grid })) },
  { weight: 1, arbitrary: integerFamilyArb(3, TIE_RULES).map((grid): MsCase => ({ kind: "grid", grid })) },
  { weight: 4, arbitrary: fc.tuple(distArb, distArb).map(([buyer, seller]): MsCase => ({ kind: "continuous", buyer, seller })) },
);

/** R*(K) on B = S = {0,…,K} with uniform priors, by hand (see the module comment). */
export function uniformFamilyRevenue(K: number, tie: TieRule): Q {
  const k = q(K);
  const den = q(6).mul(k.add(q(1)));
  if (tie === "trade") return k.mul(k.add(q(2))).neg().div(den);
  if (tie === "no-trade") return k.mul(q(4).sub(k)).div(den);
  return k.mul(q(1).sub(k)).div(den);
}

const specJson = (d: DistSpec) => ({ lo: qstr(d.lo), hi: qstr(d.hi), k: d.k, mirror: d.mirror });
const specParse = (j: unknown, where: string): DistSpec => {
  const o = j as Record<string, unknown>;
  if (typeof o !== "object" || o === null || typeof o.k !== "number" || typeof o.mirror !== "boolean") throw new MechcheckError("bad-case", `${where}: expected {lo, hi, k, mirror}`, { path: where });
  return { lo: q(o.lo as string, `${where}.lo`), hi: q(o.hi as string, `${where}.hi`), k: o.k, mirror: o.mirror };
};

export const msCaseCodec = {
  encode: (c: MsCase): unknown => (c.kind === "grid" ? { kind: "grid", ...(gridCaseCodec.encode(c.grid) as object) } : { kind: "continuous", buyer: specJson(c.buyer), seller: specJson(c.seller) }),
  decode: (j: unknown): MsCase => {
    const o = j as Record<string, unknown>;
    if (o?.kind === "continuous") return { kind: "continuous", buyer: specParse(o.buyer, "buyer"), seller: specParse(o.seller, "seller") };
    return { kind: "grid", grid: gridCaseCodec.decode(o) };
  },
};

/**
 * What the negative controls perturb (all absent in the theorem's own check): trade.ts's E[R], the
 * closed-form R*, the hand formula R*(K), the constructed mechanism.
 */
export interface MsVariant {
  readonly expectedRevenue?: (er: Q) => Q;
  readonly maxRevenue?: (r: Q) => Q;
  readonly familyRevenue?: (K: number, tie: TieRule) => Q;
  readonly mechanism?: (m: DirectMechanism) => DirectMechanism;
}

function checkContinuous(bs: DistSpec, ss: DistSpec, variant: MsVariant = {}) {
  const B = distribution(bs);
  const S = distribution(ss);
  const v = continuousTrade(B, S);
  const ER = (variant.expectedRevenue ?? ((x: Q) => x))(v.irVcgExpectedRevenue);
  // Independent closed form.
  let expected: Q;
  if (B.lo.compare(S.hi) < 0) {
    const L = qmin(B.lo, S.lo);
    const U = qmax(B.hi, S.hi);
    const integrand = B.extendedCdf(L, U).map((p) => Poly.one.sub(p)).mul(S.extendedCdf(L, U));
    expected = integrand.integrate(B.lo, S.hi).neg();
  } else expected = B.lo.sub(S.hi);
  const where = `B ~ ${B.name}, S ~ ${S.name}`;
  if (!ER.equals(expected)) return { ok: false as const, violation: { ER: qstr(ER), expected: qstr(expected) }, message: `${where}: trade.ts's E[R] = ${qstr(ER)} but −∫(1 − F_B)F_S = ${qstr(expected)}` };
  const overlap = qmax(B.lo, S.lo).compare(qmin(B.hi, S.hi)) < 0;
  if (overlap !== v.supportsOverlap) return { ok: false as const, violation: { overlap }, message: `${where}: overlap computed differently` };
  if ((sign(ER) >= 0) === overlap) {
    return { ok: false as const, violation: { ER: qstr(ER), overlap }, message: `${where}: E[R] = ${qstr(ER)} but the supports ${overlap ? "overlap" : "do not overlap"}` };
  }
  return { ok: true as const, certificate: { irVcgExpectedRevenue: qstr(ER), terms: { buyerCharge: qstr(v.terms.buyerCharge), sellerCharge: qstr(v.terms.sellerCharge), welfare: qstr(v.terms.welfare) } }, tag: overlap ? "continuous: overlap, E[R] < 0 (impossible)" : "continuous: no overlap, E[R] ≥ 0 (possible)" };
}

function checkGrid(c: GridCase, variant: MsVariant = {}) {
  const where = describeGridCase(c);
  const [mb, ms] = marginalsOf(c);
  const bound0 = msRevenueBound(c.buyer, c.seller, mb, ms, c.tie);
  const bound = variant.maxRevenue ? { ...bound0, maxRevenue: variant.maxRevenue(bound0.maxRevenue) } : bound0;
  const lpMax = msMaxRevenueLp(c).value;
  if (!lpMax.equals(bound.maxRevenue)) {
    return { ok: false as const, violation: { case: gridCaseCodec.encode(c), closedForm: qstr(bound.maxRevenue), lp: qstr(lpMax) }, message: `${where}: closed-form R* = ${qstr(bound.maxRevenue)} but the LP's max expected revenue (BIC + IIR) is ${qstr(lpMax)}` };
  }
  const K = integerFamilyK(c);
  const family = variant.familyRevenue ?? uniformFamilyRevenue;
  if (K !== null && !c.buyerMarginal && !bound.maxRevenue.equals(family(K, c.tie))) {
    return { ok: false as const, violation: { K, tie: c.tie, R: qstr(bound.maxRevenue) }, message: `${where}: R* = ${qstr(bound.maxRevenue)} but the hand formula gives ${qstr(family(K, c.tie))}` };
  }
  const d = decide("myerson-satterthwaite", c);
  if (d.problems.length > 0) return { ok: false as const, violation: { case: gridCaseCodec.encode(c), problems: d.problems }, message: `${where}: the LP's point fails ${d.problems.join(", ")} (bug)` };
  if (d.possible !== bound.possible) {
    return { ok: false as const, violation: { case: gridCaseCodec.encode(c), R: qstr(bound.maxRevenue), lp: d.possible }, message: `${where}: R* = ${qstr(bound.maxRevenue)} but the exact feasibility LP says ${d.possible ? "possible" : "impossible"}` };
  }
  const tag = `${K !== null && !c.buyerMarginal ? "{0..K}² uniform" : "grid"}, ${c.tie} ties: ${bound.possible ? "possible" : "impossible"}`;
  if (bound.possible) {
    const m = (variant.mechanism ?? ((x: DirectMechanism) => x))(msMechanism(c.buyer, c.seller, mb, ms, c.tie));
    const problems = conceptProblems("myerson-satterthwaite", tradeEnv(c.buyer, c.seller), m, productPrior([mb, ms]));
    if (problems.length > 0) return { ok: false as const, violation: { case: gridCaseCodec.encode(c), problems }, message: `${where}: the constructed mechanism fails ${problems.join(", ")}` };
    return { ok: true as const, certificate: { R: qstr(bound.maxRevenue), payments: m.payments.map((r) => r.map(qstr)) }, tag };
  }
  return { ok: true as const, certificate: { R: qstr(bound.maxRevenue), infeasibility: impossibilityCertificate(d) }, tag };
}

export const myersonSatterthwaite: Theorem<MsCase> = {
  id: "myerson-satterthwaite",
  kind: "theorem",
  source: "[BernardMD3, Thm 7.6 and its proof]; [MyersonSatterthwaite1983]",
  statement:
    "Continuous (polynomial CDFs): efficient, BIC, IIR, BB trade exists iff the supports do not overlap, by the exact IR-VCG expected revenue E[R] = −∫(1 − F_B)F_S. Finite grids (independent full-support priors, any tie rule): it exists iff R* = E[P*] − E[T*] ≥ 0 (LP-certified both ways); on uniform {0,…,K}² that is never (trade ties), K ≤ 4 (no-trade ties), K ≤ 1 (split ties).",
  arbitrary,
  check: (c) => checkMyersonSatterthwaite(c),
  codec: msCaseCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "hand formula R*(K) off by 1/7",
      why: "uniform {0,…,3}², ties trade: the hand-computed R*(K) + 1/7 must disagree with the recursion's R* (= the LP maximum)",
      input: () => ({ kind: "grid", grid: { buyer: integerGrid(3), seller: integerGrid(3), tie: "trade" } }),
      check: (c) => checkMyersonSatterthwaite(c, { familyRevenue: (K, tie) => uniformFamilyRevenue(K, tie).add(SEVENTH) }),
    },
    {
      name: "closed-form R* off by 1/7",
      why: "uniform {0, 1, 2}², ties no-trade: the closed-form R* (recursions for P*, T*) + 1/7 must disagree with the exact LP maximum of expected revenue",
      input: () => ({ kind: "grid", grid: { buyer: integerGrid(2), seller: integerGrid(2), tie: "no-trade" } }),
      check: (c) => checkMyersonSatterthwaite(c, { maxRevenue: (r) => r.add(SEVENTH) }),
    },
    {
      name: "constructed mechanism with one payment shifted",
      why: "uniform {0, 1, 2}², ties no-trade (possible: R* = K(4 − K)/(6(K + 1)) = 2/9 ≥ 0): the constructed mechanism with the buyer's payment at the first profile raised by 1 is no longer budget balanced",
      input: () => ({ kind: "grid", grid: { buyer: integerGrid(2), seller: integerGrid(2), tie: "no-trade" } }),
      check: (c) => checkMyersonSatterthwaite(c, { mechanism: (m) => shiftPayment(m, 0, 0) }),
    },
    {
      name: "E[R] off by 1/7",
      why: "B, S ~ U[0, 1] (overlapping supports): trade.ts's IR-VCG expected revenue + 1/7 must disagree with the closed form −∫(1 − F_B)F_S",
      input: () => ({ kind: "continuous", buyer: { lo: q(0), hi: q(1), k: 1, mirror: false }, seller: { lo: q(0), hi: q(1), k: 1, mirror: false } }),
      check: (c) => checkMyersonSatterthwaite(c, { expectedRevenue: (er) => er.add(SEVENTH) }),
    },
  ],
};

/** The check; `variant` (default none) lets the negative controls perturb one computed object. */
export function checkMyersonSatterthwaite(c: MsCase, variant: MsVariant = {}): CheckResult {
  return c.kind === "continuous" ? checkContinuous(c.buyer, c.seller, variant) : checkGrid(c.grid, variant);
}
