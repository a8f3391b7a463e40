/**
 * `ce-public-goods` — seed 003 §5, Theorems 7, 8, 9 (Chung–Ely 2002): two agents, signals in
 * [0, 1], cost c, values weakly increasing and strictly increasing in the own signal.
 *
 * Exact continuous linear case (src/mechanisms/chungElyPublicGood.ts): v_1 = a1·s_1 + b1·s_2 + c1,
 * v_2 = a2·s_2 + b2·s_1 + c2 (a_i > 0, b_i ≥ 0, rational), V(0, 0) < c < V(1, 1). Checked per case:
 *  Thm 7 — the efficient rule (provide iff V ≥ c) is monotone (K1, K2 > 0), and its generalized
 *    VCG mechanism restricted to a random rational sub-grid (with the cutoffs added) is EPIC and
 *    ex post IR by isEPIC / isExPostIR.
 *  Thm 8 — B(s) = t_1 + t_2 − c over the closed provide region, decided exactly on the polygon
 *    cells where the cutoffs are affine (vertex evaluation):
 *    (1) increasing differences (a1 > b2, a2 > b1): B < 0 at an exhibited interior provide state,
 *        so the efficient rule is not budget-balanced (and no EPIC, EPIR payments for it are: by
 *        payoff equivalence and EPIR at the cutoff types, they collect at most the VCG payments);
 *    (2) decreasing differences (a1 < b2, a2 < b1): min B ≥ 0 (budget-balanced);
 *    (3) pure common values (v_1 ≡ v_2): min B ≥ 0, and B = 0 on every cell where both cutoffs are
 *        interior to (0, 1). The generalized VCG payments are exactly budget balanced only there:
 *        where a cutoff clamps at the signal boundary they run a strict surplus (the naive reading
 *        refuted in `ce-common-values-exact-bb`). Exact budget balance itself holds with equal
 *        cost shares (`ce-common-values-equal-shares`).
 *  Thm 9 (sufficiency; undominatedness and necessity are not checked) — for s̄ on the efficient
 *    boundary V(s̄) = c inside the square and v̄_i = v_i(s̄) (so v̄_1 + v̄_2 = c), the threshold
 *    contribution rule {v_1 ≥ v̄_1, v_2 ≥ v̄_2} is EPIC and EPIR (grid restriction) and its
 *    generalized VCG is budget-balanced (min B ≥ 0 over its provide region, exactly).
 */
import fc from "fast-check";
import { isEPIC, isExPostIR } from "../../src/concepts/index.ts";
import { type Q, ONE, ZERO, q, qstr } from "../../src/exact/rational.ts";
import {
  budgetRange,
  cutoff,
  differencesClass,
  efficientRegion,
  increasingValues,
  interiorCutoffs,
  linearPublicGoodEnvironment,
  nonTrivialProvision,
  provideCells,
  ruleOnGrid,
  thresholdRegion,
  total,
  value,
  vcgOnGrid,
  vcgPayments,
  area2,
  type HalfPlane,
  type LinearPublicGood,
} from "../../src/mechanisms/chungElyPublicGood.ts";
import { pointMassAllocation } from "../../src/model/environment.ts";
import type { CaseCodec, CheckResult, Theorem } from "../../src/theorem/types.ts";

export const publicGoodCodec: CaseCodec<LinearPublicGood> = {
  encode: (G) => Object.fromEntries(Object.entries(G).map(([k, v]) => [k, qstr(v as Q)])),
  decode: (j) => {
    const o = j as Record<string, string>;
    return { a1: q(o.a1!), b1: q(o.b1!), c1: q(o.c1!), a2: q(o.a2!), b2: q(o.b2!), c2: q(o.c2!), cost: q(o.cost!) };
  },
};

const half = (k: number) => q(k).div(2);
/** Cost strictly between V(0, 0) and V(1, 1). */
function withCost(G: Omit<LinearPublicGood, "cost">, t: number): LinearPublicGood {
  const lo = G.c1.add(G.c2);
  const hi = G.a1.add(G.b1).add(G.c1).add(G.a2).add(G.b2).add(G.c2);
  return { ...G, cost: lo.add(hi.sub(lo).mul(t).div(8)) };
}
const coef = fc.integer({ min: 0, max: 6 });
const pos = fc.integer({ min: 1, max: 6 });
const cst = fc.integer({ min: -4, max: 4 });
const tArb = fc.integer({ min: 1, max: 7 });

export const publicGoodArb: fc.Arbitrary<LinearPublicGood> = fc.oneof(
  // any increasing values (often increasing differences)
  fc.tuple(pos, coef, cst, pos, coef, cst, tArb).map(([a1, b1, c1, a2, b2, c2, t]) => withCost({ a1: half(a1), b1: half(b1), c1: half(c1), a2: half(a2), b2: half(b2), c2: half(c2) }, t)),
  // decreasing differences: b2 = a1 + d, b1 = a2 + e
  fc.tuple(pos, pos, cst, pos, pos, cst, tArb).map(([a1, e, c1, a2, d, c2, t]) => withCost({ a1: half(a1), b1: half(a2 + e), c1: half(c1), a2: half(a2), b2: half(a1 + d), c2: half(c2) }, t)),
  // pure common values
  commonValuesArb(),
);

export function commonValuesArb(): fc.Arbitrary<LinearPublicGood> {
  return fc.tuple(pos, pos, cst, tArb).map(([a1, a2, c1, t]) => withCost({ a1: half(a1), b1: half(a2), c1: half(c1), a2: half(a2), b2: half(a1), c2: half(c1) }, t));
}

const subgrid = (picks: readonly number[]): Q[] => [...new Set([0, 12, ...picks])].sort((a, b) => a - b).map((k) => q(k).div(12));

/** The VCG mechanism of a provide region, restricted to a rational grid with its cutoffs added: EPIC and EPIR? */
function gridCheck(G: LinearPublicGood, region: readonly HalfPlane[], picks1: number[], picks2: number[]): string | null {
  const add = (grid: Q[], i: 0 | 1, other: Q[]) => {
    const all = [...grid, ...other.map((o) => cutoff(region, i, o)).filter((c): c is Q => c !== null)].sort((u, v) => u.compare(v));
    return all.filter((u, k) => k === 0 || !u.equals(all[k - 1]!));
  };
  const g1base = subgrid(picks1);
  const g2base = subgrid(picks2);
  const g1 = add(g1base, 0, g2base);
  const g2 = add(g2base, 1, g1base);
  const env = linearPublicGoodEnvironment(G, g1, g2);
  const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, ruleOnGrid(region, g1, g2)), payments: vcgOnGrid(G, region, g1, g2) };
  if (isEPIC(env, mech).verdict !== "holds") return "not EPIC on a rational grid";
  if (isExPostIR(env, mech).verdict !== "holds") return "not ex post IR on a rational grid";
  return null;
}

type Case = { G: LinearPublicGood; p1: number[]; p2: number[]; r: number };

/** A point s̄ on the efficient boundary V = c strictly inside the square (r ∈ [1, 7] picks where on the segment). */
export function boundaryPoint(G: LinearPublicGood, r: number): [Q, Q] {
  const K1 = G.a1.add(G.b2);
  const K2 = G.a2.add(G.b1);
  const K0 = G.c1.add(G.c2).sub(G.cost);
  // s_2 = −(K1 s_1 + K0)/K2 ∈ [0, 1] ⇔ s_1 ∈ [(−K2 − K0)/K1, −K0/K1]
  const lo = K2.neg().sub(K0).div(K1);
  const hi = K0.neg().div(K1);
  const l = lo.compare(ZERO) > 0 ? lo : ZERO;
  const h = hi.compare(ONE) < 0 ? hi : ONE;
  const s1 = l.add(h.sub(l).mul(r).div(8));
  return [s1, K1.mul(s1).add(K0).neg().div(K2)];
}

function check(x: Case): CheckResult {
  const G = x.G;
  const fail = (message: string, violation: unknown = null): CheckResult => ({ ok: false, violation, message });
  const eff = efficientRegion(G);
  // Thm 7
  const g = gridCheck(G, eff, x.p1, x.p2);
  if (g) return fail(`Thm 7: the efficient rule's generalized VCG mechanism is ${g}`);
  // Thm 8
  const B = budgetRange(G, eff);
  if (B === null) return fail("empty provide region (non-triviality should prevent it)");
  const cls = differencesClass(G);
  let thm8 = "";
  if (cls === "increasing") {
    if (B.strictDeficitAt === null) return fail("Thm 8(1): increasing differences but the efficient VCG never runs a deficit", { min: qstr(B.min) });
    const [t1, t2] = vcgPayments(G, eff, B.strictDeficitAt[0], B.strictDeficitAt[1]);
    if (t1.add(t2).compare(G.cost) >= 0 || total(G, ...B.strictDeficitAt).compare(G.cost) <= 0) return fail("Thm 8(1): the exhibited state is not a strict-deficit interior provide state");
    thm8 = "(1) increasing differences: efficient VCG not BB";
  } else if (cls === "decreasing") {
    if (B.min.compare(ZERO) < 0) return fail("Thm 8(2): decreasing differences but the efficient VCG runs a deficit", { at: B.argmin.map(qstr), B: qstr(B.min) });
    thm8 = "(2) decreasing differences: efficient VCG BB";
  } else if (cls === "common values") {
    if (B.min.compare(ZERO) < 0) return fail("Thm 8(3): common values but the efficient VCG runs a deficit", { at: B.argmin.map(qstr) });
    for (const poly of provideCells(eff)) {
      if (poly.length < 3 || area2(poly).compare(ZERO) === 0) continue;
      const n = q(poly.length);
      const c: [Q, Q] = [poly.reduce((s, p) => s.add(p[0]), ZERO).div(n), poly.reduce((s, p) => s.add(p[1]), ZERO).div(n)];
      if (!interiorCutoffs(eff, c[0], c[1])) continue;
      for (const p of poly) {
        const [t1, t2] = vcgPayments(G, eff, p[0], p[1]);
        if (!t1.add(t2).equals(G.cost)) return fail("Thm 8(3): common values, interior cutoffs, but t_1 + t_2 ≠ c", { at: p.map(qstr) });
      }
    }
    thm8 = `(3) common values: BB, exact where cutoffs are interior${B.max.compare(ZERO) > 0 ? ", strict surplus where a cutoff clamps" : ", exact everywhere"}`;
  } else thm8 = "mixed differences (no Thm 8 claim)";
  // Thm 9 sufficiency
  const sbar = boundaryPoint(G, x.r);
  if (!total(G, sbar[0], sbar[1]).equals(G.cost)) return fail("boundary point off the line V = c (bug)");
  const thr = thresholdRegion(G, value(G, 0, sbar[0], sbar[1]), value(G, 1, sbar[0], sbar[1]));
  const Bt = budgetRange(G, thr);
  if (Bt === null || Bt.min.compare(ZERO) < 0) return fail("Thm 9: the threshold contribution rule's VCG is not budget-balanced", { sbar: sbar.map(qstr), min: Bt && qstr(Bt.min), at: Bt?.argmin.map(qstr) });
  const gt = gridCheck(G, thr, x.p1, x.p2);
  if (gt) return fail(`Thm 9: the threshold contribution rule's VCG is ${gt}`);
  return { ok: true, certificate: { efficientBudget: [qstr(B.min), qstr(B.max)], thresholdBudget: [qstr(Bt.min), qstr(Bt.max)], sbar: sbar.map(qstr) }, tag: thm8 };
}

export const cePublicGoods: Theorem<Case> = {
  id: "ce-public-goods",
  kind: "theorem",
  source: "003 §5, Thm 7, 8, 9",
  statement:
    "Public good, two agents, linear values on [0, 1]² (increasing, strictly in the own signal): the efficient rule is EPIC (Thm 7); its generalized VCG budget t_1 + t_2 − c is < 0 somewhere under increasing differences, ≥ 0 under decreasing differences, ≥ 0 under common values with equality where both cutoffs are interior (Thm 8, exact); threshold contribution rules through a point of V = c are EPIC, EPIR and budget-balanced (Thm 9, sufficiency).",
  arbitrary: fc
    .tuple(publicGoodArb, fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), fc.integer({ min: 1, max: 7 }))
    .map(([G, p1, p2, r]) => ({ G, p1, p2, r })),
  hypothesis: (x) => increasingValues(x.G) && nonTrivialProvision(x.G),
  check,
  codec: {
    encode: (x) => ({ problem: publicGoodCodec.encode(x.G), subgrid1In12ths: x.p1, subgrid2In12ths: x.p2, boundaryPointEighth: x.r }),
    decode: (j) => {
      const o = j as { problem: unknown; subgrid1In12ths: number[]; subgrid2In12ths: number[]; boundaryPointEighth: number };
      return { G: publicGoodCodec.decode(o.problem), p1: o.subgrid1In12ths, p2: o.subgrid2In12ths, r: o.boundaryPointEighth };
    },
  },
  defaultRuns: 200,
};
