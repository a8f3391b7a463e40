/**
 * `ce-public-goods` — [ChungEly2002, §5], Theorems 7, 8, 9 (Chung–Ely 2002): two agents, signals in
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
 *  Thm 9 [ChungEly2002, Thm 9] — sufficiency: for s̄ on the efficient boundary V(s̄) = c inside
 *    the square and v̄_i = v_i(s̄) (so v̄_1 + v̄_2 = c), the threshold contribution rule
 *    {v_1 ≥ v̄_1, v_2 ≥ v̄_2} is EPIC and EPIR (grid restriction) and its generalized VCG is
 *    budget-balanced (min B ≥ 0 over its provide region, exactly). Under increasing differences
 *    also: undominated — for the drawn point and every point of the 1/4-grid that could be added
 *    (V ≥ c, not provided), adding it (with its upper closure, as monotonicity forces) makes the
 *    VCG run a deficit at an exhibited state (`thm9Undominated`; sampled additions, each exact);
 *    necessity within the threshold rules — a threshold rule with pivots v̄ = v(s^u), s^u in the
 *    square, is budget balanced and undominated only if v̄_1 + v̄_2 = c: below c its VCG runs a
 *    deficit, above c it is dominated by an exhibited budget-balanced threshold rule through V = c
 *    (`thm9Necessity`). Necessity over ALL monotone rules (the paper's full claim) is not checked:
 *    the candidate rules are not a finite family.
 */
import fc from "fast-check";
import { isEPIC, isExPostIR } from "../concepts/index.ts";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { budgetRange, cutoff, provides, differencesClass, efficientRegion, increasingValues, interiorCutoffs, linearPublicGoodEnvironment, nonTrivialProvision, provideCells, ruleOnGrid, thresholdRegion, total, value, vcgOnGrid, vcgPayments, area2, type HalfPlane, type LinearPublicGood } from "../publicGoods/interdependentPublicGood.ts";
import { pointMassAllocation } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { publicGoodCodec, publicGoodArb, boundaryPoint } from "../generators/linearPublicGood.ts";

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

type Case = { G: LinearPublicGood; p1: number[]; p2: number[]; r: number; u: [number, number]; d: [number, number] };

/**
 * The check, with Thm 9's pivotal values as a parameter (default v̄_i = v_i(s̄), on V = c) so a
 * negative control can run the same logic on pivots off the boundary.
 */
export function checkPublicGoods(x: Case, variant: { pivots?: (G: LinearPublicGood, sbar: [Q, Q]) => [Q, Q] } = {}): CheckResult {
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
  const pv = variant.pivots ? variant.pivots(G, sbar) : [value(G, 0, sbar[0], sbar[1]), value(G, 1, sbar[0], sbar[1])];
  const thr = thresholdRegion(G, pv[0], pv[1]);
  const Bt = budgetRange(G, thr);
  if (Bt === null || Bt.min.compare(ZERO) < 0) return fail("Thm 9: the threshold contribution rule's VCG is not budget-balanced", { sbar: sbar.map(qstr), min: Bt && qstr(Bt.min), at: Bt?.argmin.map(qstr) });
  const gt = gridCheck(G, thr, x.p1, x.p2);
  if (gt) return fail(`Thm 9: the threshold contribution rule's VCG is ${gt}`);
  let thm9 = "";
  if (cls === "increasing") {
    const u = thm9Necessity(G, [q(x.u[0]).div(12), q(x.u[1]).div(12)]);
    if (!u.ok) return fail(`Thm 9 (necessity, threshold rules): ${u.message}`, u.violation);
    // undominated: the drawn addition and every addition on the 1/4-grid of the square
    let tried = 0;
    const quarters = [0, 3, 6, 9, 12];
    for (const [a, b] of [x.d, ...quarters.flatMap((a) => quarters.map((b) => [a, b] as [number, number]))]) {
      const d = thm9Undominated(G, sbar, [q(a).div(12), q(b).div(12)]);
      if (!d.ok) return fail(`Thm 9 (undominated): ${d.message}`, d.violation);
      if (d.tag !== "no candidate addition drawn") tried++;
    }
    thm9 = `; Thm 9: ${u.tag}, ${tried > 0 ? "additions force a deficit" : "no addition on the grid"}`;
  }
  return { ok: true, certificate: { efficientBudget: [qstr(B.min), qstr(B.max)], thresholdBudget: [qstr(Bt.min), qstr(Bt.max)], sbar: sbar.map(qstr) }, tag: thm8 + thm9 };
}

type Sub = { ok: true; tag: string } | { ok: false; message: string; violation: unknown };

/**
 * Thm 9, necessity within the threshold contribution rules (increasing differences): the rule with
 * pivotal values v̄ = v(s^u), s^u in the square, is budget balanced and undominated only if
 * v̄_1 + v̄_2 = c. If V(s^u) < c its VCG runs a deficit (at s^u it collects v̄_1 + v̄_2 < c); if
 * V(s^u) > c it is budget balanced but dominated: moving s^u down (diagonally, then along the
 * square's edge) reaches s̄′ with V(s̄′) = c and v(s̄′) ≤ v̄, and the threshold rule at v(s̄′) is
 * budget balanced (exact), contains the old rule, differs from it at s̄′, and adds only states
 * with V ≥ c (each v_i ≥ v_i(s̄′) there).
 */
export function thm9Necessity(G: LinearPublicGood, su: [Q, Q]): Sub {
  const vbar: [Q, Q] = [value(G, 0, su[0], su[1]), value(G, 1, su[0], su[1])];
  const V = vbar[0].add(vbar[1]);
  const region = thresholdRegion(G, vbar[0], vbar[1]);
  const Bu = budgetRange(G, region);
  const c = V.compare(G.cost);
  if (c === 0) return { ok: true, tag: "pivots on V = c" };
  if (c < 0) {
    if (Bu === null || Bu.min.compare(ZERO) >= 0) return { ok: false, message: `pivotal values (${qstr(vbar[0])}, ${qstr(vbar[1])}) sum to less than c, yet the VCG is budget balanced`, violation: { su: su.map(qstr) } };
    return { ok: true, tag: "pivots below c: deficit" };
  }
  if (Bu === null || Bu.min.compare(ZERO) < 0) return { ok: false, message: `pivotal values sum to more than c, yet the VCG runs a deficit`, violation: { su: su.map(qstr) } };
  // s̄′: first diagonally down, then along the edge, to V = c (V(0, 0) < c by non-triviality)
  const K1 = G.a1.add(G.b2);
  const K2 = G.a2.add(G.b1);
  const excess = V.sub(G.cost);
  const m = su[0].compare(su[1]) < 0 ? su[0] : su[1];
  const diagDrop = K1.add(K2).mul(m);
  let sp: [Q, Q];
  if (diagDrop.compare(excess) >= 0) {
    const t = excess.div(K1.add(K2));
    sp = [su[0].sub(t), su[1].sub(t)];
  } else {
    const rest = excess.sub(diagDrop);
    const s0: [Q, Q] = [su[0].sub(m), su[1].sub(m)];
    sp = s0[0].compare(ZERO) === 0 ? [ZERO, s0[1].sub(rest.div(K2))] : [s0[0].sub(rest.div(K1)), ZERO];
  }
  const inSquare = sp.every((z) => z.compare(ZERO) >= 0 && z.compare(ONE) <= 0);
  if (!inSquare || !total(G, sp[0], sp[1]).equals(G.cost)) return { ok: false, message: "construction of s̄′ failed (bug)", violation: { sp: sp.map(qstr) } };
  const vp: [Q, Q] = [value(G, 0, sp[0], sp[1]), value(G, 1, sp[0], sp[1])];
  if (vp[0].compare(vbar[0]) > 0 || vp[1].compare(vbar[1]) > 0) return { ok: false, message: "v(s̄′) ≰ v̄: the new rule does not contain the old one", violation: { sp: sp.map(qstr) } };
  const dom = thresholdRegion(G, vp[0], vp[1]);
  const Bd = budgetRange(G, dom);
  if (Bd === null || Bd.min.compare(ZERO) < 0) return { ok: false, message: "the dominating threshold rule through s̄′ is not budget balanced", violation: { sp: sp.map(qstr) } };
  if (!provides(dom, sp[0], sp[1]) || provides(region, sp[0], sp[1])) return { ok: false, message: "the dominating rule does not differ from the old one at s̄′", violation: { sp: sp.map(qstr) } };
  return { ok: true, tag: "pivots above c: dominated" };
}

/**
 * Thm 9, undominatedness of the threshold rule f through s̄ (increasing differences), on one
 * candidate addition s^d with V(s^d) ≥ c and f(s^d) = 0: every EPIC rule f̃ ⊇ f with f̃(s^d) = 1
 * contains U = f ∪ ↑s^d (monotonicity), and its VCG payments are at most U's on U (lower cutoffs);
 * so it suffices that U's VCG runs a deficit at some state of U. Exhibited exactly, at the state
 * (s̄_i, s^d_{-i}) of the paper's proof (i an agent with v_i(s^d) < v̄_i) or at s^d.
 */
export function thm9Undominated(G: LinearPublicGood, sbar: [Q, Q], sd: [Q, Q]): Sub {
  const vbar: [Q, Q] = [value(G, 0, sbar[0], sbar[1]), value(G, 1, sbar[0], sbar[1])];
  const thr = thresholdRegion(G, vbar[0], vbar[1]);
  if (total(G, sd[0], sd[1]).compare(G.cost) < 0 || provides(thr, sd[0], sd[1])) return { ok: true, tag: "no candidate addition drawn" };
  const inU = (y: readonly [Q, Q]) => provides(thr, y[0], y[1]) || (y[0].compare(sd[0]) >= 0 && y[1].compare(sd[1]) >= 0);
  const pay = (y: readonly [Q, Q], j: 0 | 1): Q => {
    const other = y[1 - j]!;
    const gThr = cutoff(thr, j, other);
    const gUp = other.compare(sd[1 - j]!) >= 0 ? sd[j]! : null;
    const g = gThr === null ? gUp! : gUp === null || gThr.compare(gUp) <= 0 ? gThr : gUp;
    return j === 0 ? value(G, 0, g, other) : value(G, 1, other, g);
  };
  const i = value(G, 0, sd[0], sd[1]).compare(vbar[0]) < 0 ? 0 : 1;
  const candidates: [Q, Q][] = [i === 0 ? [sbar[0], sd[1]] : [sd[0], sbar[1]], sd];
  for (const y of candidates) {
    if (!inU(y)) continue;
    const collected = pay(y, 0).add(pay(y, 1));
    if (collected.compare(G.cost) < 0) return { ok: true, tag: "a candidate addition forces a deficit" };
  }
  return { ok: false, message: `adding s = (${sd.map(qstr).join(", ")}) (V ≥ c) to the threshold rule through s̄ = (${sbar.map(qstr).join(", ")}) leaves a budget-balanced VCG at the exhibited states`, violation: { sbar: sbar.map(qstr), added: sd.map(qstr) } };
}

const twelfths = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }));

export const cePublicGoods: Theorem<Case> = {
  id: "ce-public-goods",
  kind: "theorem",
  source: "[ChungEly2002, §5, Thm 7, 8, 9]",
  statement:
    "Public good, two agents, linear values on [0, 1]² (increasing, strictly in the own signal): the efficient rule is EPIC (Thm 7); its generalized VCG budget t_1 + t_2 − c is < 0 somewhere under increasing differences, ≥ 0 under decreasing differences, ≥ 0 under common values with equality where both cutoffs are interior (Thm 8, exact); threshold contribution rules through a point of V = c are EPIC, EPIR and budget-balanced, and (increasing differences) undominated against every addition drawn from a grid, while threshold rules pivoting off V = c are not budget-balanced or are dominated (Thm 9: sufficiency, undominatedness on sampled additions, necessity within threshold rules).",
  arbitrary: fc
    .tuple(publicGoodArb, fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), fc.integer({ min: 1, max: 7 }), twelfths, twelfths)
    .map(([G, p1, p2, r, u, d]) => ({ G, p1, p2, r, u, d })),
  hypothesis: (x) => increasingValues(x.G) && nonTrivialProvision(x.G),
  check: (x) => checkPublicGoods(x),
  negativeControls: [
    {
      name: "pivots below the boundary",
      why: "Thm 9's threshold rule with pivotal values v̄_i = v_i(s̄) − 1/7 (so v̄_1 + v̄_2 = c − 2/7 < c): at the state where both agents are pivotal its VCG collects c − 2/7, a deficit — on the first generated case (fixed seed) meeting the hypothesis the check must reject it",
      input: () => firstSample(cePublicGoods.arbitrary, (x) => cePublicGoods.hypothesis!(x) && !checkPublicGoods(x, { pivots: lowered }).ok, "broken by lowered pivots"),
      check: (x) => checkPublicGoods(x, { pivots: lowered }),
    },
  ],
  codec: {
    encode: (x) => ({ problem: publicGoodCodec.encode(x.G), subgrid1In12ths: x.p1, subgrid2In12ths: x.p2, boundaryPointEighth: x.r, pivotPointIn12ths: x.u, addedPointIn12ths: x.d }),
    decode: (j) => {
      const o = j as { problem: unknown; subgrid1In12ths: number[]; subgrid2In12ths: number[]; boundaryPointEighth: number; pivotPointIn12ths?: [number, number]; addedPointIn12ths?: [number, number] };
      return { G: publicGoodCodec.decode(o.problem), p1: o.subgrid1In12ths, p2: o.subgrid2In12ths, r: o.boundaryPointEighth, u: o.pivotPointIn12ths ?? [6, 6], d: o.addedPointIn12ths ?? [12, 12] };
    },
  },
  defaultRuns: 200,
};

/** The pivotal values of s̄ lowered by 1/7 each (a known-bad threshold rule: pivots sum below c). */
function lowered(G: LinearPublicGood, sbar: [Q, Q]): [Q, Q] {
  const d = q(1).div(7);
  return [value(G, 0, sbar[0], sbar[1]).sub(d), value(G, 1, sbar[0], sbar[1]).sub(d)];
}
