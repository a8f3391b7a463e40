/**
 * Chung–Ely (2002) bilateral trade with interdependent values, exact in the linear case ([ChungEly2002,
 * §4]: signals s_β, s_σ ∈ [0, 1]; the buyer's value v_β(s), the seller's opportunity cost v_σ(s);
 * payoffs V_β = f·v_β − t_β, V_σ = −f·v_σ − t_σ, t paid BY the agent; ex post IR: V ≥ 0).
 *
 * Linear valuations v_β(s) = aB·s_β + bB·s_σ + cB and v_σ(s) = aS·s_σ + bS·s_β + cS, rational.
 * The gains Δv(s) = v_β − v_σ = kB·s_β + kS·s_σ + k0 with kB = aB − bS, kS = bB − aS, k0 = cB − cS.
 * Strong single crossing ([ChungEly2002, Def 7 in this setting]): kB > 0 > kS, so the efficient rule
 * f(s) = 1 iff Δv(s) > 0 (ties, a null set, go to no trade) is monotone, hence EPIC (Thm 2).
 *
 * Generalized VCG ([ChungEly2002, eqs. (5), (6)]): on trade, t_β(s) = v_β(g_β(s_σ), s_σ),
 * t_σ(s) = −v_σ(s_β, g_σ(s_β)), with g_β(s_σ) = inf{s_β : f = 1} = clamp(−(kS·s_σ + k0)/kB) and
 * g_σ(s_β) = sup{s_σ : f = 1} = clamp(−(kB·s_β + k0)/kS) (clamp to [0, 1]); 0 without trade.
 * The deficit is D(s) = −(t_β(s) + t_σ(s)). Both cutoffs are piecewise linear (breaks where the
 * clamp binds), so D is linear on each cell of the grid of those breaks: `deficitAnalysis` clips
 * each cell with the closed trade half-plane (exact polygon clipping) and evaluates D at the
 * vertices, which decides min D over the trade region exactly and finds an interior point of
 * strictly positive deficit when there is one (the average of a cell polygon's vertices).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, ZERO, ONE, qmax, qmin, qstr } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { area2, clipPolygon, unitBreaks, vertexAverage, type Point } from "../continuous/linearGeometry.ts";

export type { Point }; // (s_β, s_σ)

/**
 * Chung–Ely bilateral trade with linear interdependent valuations ([ChungEly2002, §4]): v_β(s) =
 * aB·s_β + bB·s_σ + cB and v_σ(s) = aS·s_σ + bS·s_β + cS, rational coefficients.
 */
export interface LinearTrade {
  readonly aB: Q;
  readonly bB: Q;
  readonly cB: Q;
  readonly aS: Q;
  readonly bS: Q;
  readonly cS: Q;
}


const vBuyer = (L: LinearTrade, sb: Q, ss: Q): Q => L.aB.mul(sb).add(L.bB.mul(ss)).add(L.cB);
const vSeller = (L: LinearTrade, sb: Q, ss: Q): Q => L.aS.mul(ss).add(L.bS.mul(sb)).add(L.cS);
/** The gains from trade Δv(s) = v_β(s) − v_σ(s) at signals (s_β, s_σ), exact. */
export const gains = (L: LinearTrade, sb: Q, ss: Q): Q => vBuyer(L, sb, ss).sub(vSeller(L, sb, ss));

function gainCoefficients(L: LinearTrade): { kB: Q; kS: Q; k0: Q } {
  return { kB: L.aB.sub(L.bS), kS: L.bB.sub(L.aS), k0: L.cB.sub(L.cS) };
}

const clamp = (x: Q): Q => qmin(ONE, qmax(ZERO, x));

/**
 * The continuum model's signals live in [0, 1] and the cutoffs are clamped to it: a signal outside
 * [0, 1] is refused, never clamped (on a grid such as {0, …, 3} the clamped cutoffs gave payments
 * that are not EPIC, silently). For other grids use `gridVcgOnGrid`.
 */
function requireUnit(x: Q, path: string): void {
  if (x.compare(ZERO) < 0 || x.compare(ONE) > 0) {
    throw new MechcheckError("outside-domain", `${path} = ${qstr(x)} is outside the signal interval [0, 1] of the continuum Chung–Ely model (use the grid generalized VCG for other grids)`, { path, value: qstr(x) });
  }
}

/** Strong single crossing in the linear case: kB > 0 > kS. */
export function strongSingleCrossing(L: LinearTrade): boolean {
  const { kB, kS } = gainCoefficients(L);
  return kB.compare(ZERO) > 0 && kS.compare(ZERO) < 0;
}

/** The standing assumptions of [ChungEly2002, §4]: values weakly increasing, strictly in the own signal. */
export function increasingValuations(L: LinearTrade): boolean {
  return L.aB.compare(ZERO) > 0 && L.aS.compare(ZERO) > 0 && L.bB.compare(ZERO) >= 0 && L.bS.compare(ZERO) >= 0;
}

/** Non-trivial: Δv > 0 somewhere and Δv < 0 somewhere on [0, 1]² (Δv is linear: check the corners). */
export function nonTrivial(L: LinearTrade): boolean {
  const corners: Point[] = [[ZERO, ZERO], [ONE, ZERO], [ZERO, ONE], [ONE, ONE]];
  return corners.some(([b, s]) => gains(L, b, s).compare(ZERO) > 0) && corners.some(([b, s]) => gains(L, b, s).compare(ZERO) < 0);
}

/** g_β(s_σ), or null when no buyer type trades at s_σ (needs kB > 0). */
export function buyerCutoff(L: LinearTrade, ss: Q): Q | null {
  requireUnit(ss, "s_σ");
  const { kB, kS, k0 } = gainCoefficients(L);
  const root = kS.mul(ss).add(k0).neg().div(kB); // Δv(s_β, s_σ) > 0 ⇔ s_β > root
  return root.compare(ONE) >= 0 ? null : clamp(root);
}

/** g_σ(s_β), or null when no seller type trades at s_β (needs kS < 0). */
export function sellerCutoff(L: LinearTrade, sb: Q): Q | null {
  requireUnit(sb, "s_β");
  const { kB, kS, k0 } = gainCoefficients(L);
  const root = kB.mul(sb).add(k0).neg().div(kS); // Δv > 0 ⇔ s_σ < root (kS < 0)
  return root.compare(ZERO) <= 0 ? null : clamp(root);
}

/** Whether the efficient rule trades at (s_β, s_σ): Δv(s) > 0 (ties go to no trade). */
export const trades = (L: LinearTrade, sb: Q, ss: Q): boolean => gains(L, sb, ss).compare(ZERO) > 0;

/** Generalized VCG payments [t_β, t_σ] at s (paid BY each agent). */
export function vcgPayments(L: LinearTrade, sb: Q, ss: Q): [Q, Q] {
  requireUnit(sb, "s_β");
  requireUnit(ss, "s_σ");
  if (!trades(L, sb, ss)) return [ZERO, ZERO];
  const gb = buyerCutoff(L, ss);
  const gs = sellerCutoff(L, sb);
  if (gb === null || gs === null) throw new InternalError("vcgPayments: a trade state without a cutoff (bug)");
  return [vBuyer(L, gb, ss), vSeller(L, sb, gs).neg()];
}

/** D on the closed trade region (the continuous extension of −(t_β + t_σ) to the line Δv = 0). */
function deficitOnClosure(L: LinearTrade, sb: Q, ss: Q): Q {
  const { kB, kS, k0 } = gainCoefficients(L);
  const gb = clamp(kS.mul(ss).add(k0).neg().div(kB));
  const gs = clamp(kB.mul(sb).add(k0).neg().div(kS));
  return vSeller(L, sb, gs).sub(vBuyer(L, gb, ss));
}

/**
 * The generalized VCG deficit over the trade region ([ChungEly2002, eqs. (5), (6)]), decided
 * exactly by polygon clipping: the smallest deficit and a vertex attaining it, an interior point of
 * strictly positive deficit (or null), and the number of cells.
 */
export interface DeficitAnalysis {
  /** The smallest deficit on the closed trade region and where (a vertex). */
  readonly minDeficit: Q;
  readonly argmin: Point;
  /** A point with Δv > 0 and D > 0 (interior of a cell polygon), or null if none exists. */
  readonly positivePoint: { readonly point: Point; readonly deficit: Q; readonly gains: Q } | null;
  readonly cells: number;
}

/**
 * The closed trade region cut into cells on which D is linear: each cell of the breakpoint grid
 * (where a clamp binds) clipped with {Δv ≥ 0}; empty cells dropped. Needs kB > 0 > kS.
 */
export function tradeCells(L: LinearTrade): Point[][] {
  const { kB, kS, k0 } = gainCoefficients(L);
  // g_β's root −(kS s_σ + k0)/kB hits 0 or 1 at s_σ = −k0/kS, (−kB − k0)/kS
  const ssBreaks = unitBreaks([k0.neg().div(kS), kB.neg().sub(k0).div(kS)]);
  // g_σ's root −(kB s_β + k0)/kS hits 0 or 1 at s_β = −k0/kB, (−kS − k0)/kB
  const sbBreaks = unitBreaks([k0.neg().div(kB), kS.neg().sub(k0).div(kB)]);
  const out: Point[][] = [];
  for (let x = 0; x + 1 < sbBreaks.length; x++) {
    for (let y = 0; y + 1 < ssBreaks.length; y++) {
      const rect: Point[] = [[sbBreaks[x]!, ssBreaks[y]!], [sbBreaks[x + 1]!, ssBreaks[y]!], [sbBreaks[x + 1]!, ssBreaks[y + 1]!], [sbBreaks[x]!, ssBreaks[y + 1]!]];
      const poly = clipPolygon(rect, (sb, ss) => gains(L, sb, ss)); // {Δv ≥ 0}
      if (poly.length > 0) out.push(poly);
    }
  }
  return out;
}

/** Exact analysis of D over the trade region (module comment). Needs kB > 0 > kS. */
export function deficitAnalysis(L: LinearTrade): DeficitAnalysis {
  let minDeficit: Q | null = null;
  let argmin: Point = [ZERO, ZERO];
  let positivePoint: DeficitAnalysis["positivePoint"] = null;
  const cells = tradeCells(L);
  for (const poly of cells) {
    const ds = poly.map((p) => deficitOnClosure(L, p[0], p[1]));
    ds.forEach((d, k) => {
      if (minDeficit === null || d.compare(minDeficit) < 0) {
        minDeficit = d;
        argmin = poly[k]!;
      }
    });
    if (positivePoint === null && poly.length >= 3 && area2(poly).compare(ZERO) > 0 && ds.some((d) => d.compare(ZERO) > 0)) {
      const c = vertexAverage(poly);
      const [tb, ts] = vcgPayments(L, c[0], c[1]);
      positivePoint = { point: c, deficit: tb.add(ts).neg(), gains: gains(L, c[0], c[1]) };
    }
  }
  if (minDeficit === null) throw new MechcheckError("invalid-input", "deficitAnalysis: no trade region (the problem is trivial)");
  return { minDeficit, argmin, positivePoint, cells: cells.length };
}

/**
 * The constant c with D = c·Δv on the whole closed trade region, or null if there is none. Exact:
 * on each cell polygon of positive area D and Δv are linear, so D = c·Δv there iff it holds at the
 * polygon's vertices (three of them are affinely independent); degenerate cells lie in the closure
 * of the others. Then the sign of c is the sign of the deficit in every state with trade (Δv > 0).
 */
export function deficitGainsRatio(L: LinearTrade): Q | null {
  let c: Q | null = null;
  for (const poly of tradeCells(L)) {
    if (poly.length < 3 || area2(poly).compare(ZERO) === 0) continue;
    for (const p of poly) {
      const g = gains(L, p[0], p[1]);
      const d = deficitOnClosure(L, p[0], p[1]);
      if (g.compare(ZERO) === 0) {
        if (!d.equals(ZERO)) return null;
        continue;
      }
      const r = d.div(g);
      if (c === null) c = r;
      else if (!c.equals(r)) return null;
    }
  }
  return c;
}

/**
 * The trade environment on finite signal grids ("cost" convention of [ChungEly2002]: trade is worth
 * v_β(s) to the buyer and −v_σ(s) to the seller, no trade 0, reservation 0). Decisions
 * ["trade", "no-trade"]; agents ["buyer", "seller"]; typeValues are the signals.
 */
export function linearTradeEnvironment(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[]): Environment {
  const profiles = [...allProfiles([buyerGrid.length, sellerGrid.length])];
  return {
    agents: ["buyer", "seller"],
    types: [buyerGrid.map((x) => x.toFraction()), sellerGrid.map((x) => x.toFraction())],
    typeValues: [buyerGrid.slice(), sellerGrid.slice()],
    decisions: ["trade", "no-trade"],
    valuation: [
      profiles.map(([b, s]) => [vBuyer(L, buyerGrid[b!]!, sellerGrid[s!]!), ZERO]),
      profiles.map(([b, s]) => [vSeller(L, buyerGrid[b!]!, sellerGrid[s!]!).neg(), ZERO]),
    ],
  };
}

/** The efficient rule on the grid (trade iff Δv > 0), decision indices. */
export function efficientTradeRule(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[]): number[] {
  return [...allProfiles([buyerGrid.length, sellerGrid.length])].map(([b, s]) => (trades(L, buyerGrid[b!]!, sellerGrid[s!]!) ? 0 : 1));
}

/**
 * The continuous generalized VCG mechanism restricted to grid points (payments table). The grids
 * must lie in [0, 1] (else MechcheckError "outside-domain").
 */
export function vcgOnGrid(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[]): Q[][] {
  return [...allProfiles([buyerGrid.length, sellerGrid.length])].map(([b, s]) => vcgPayments(L, buyerGrid[b!]!, sellerGrid[s!]!));
}

/**
 * The generalized VCG mechanism OF THE FINITE GRID for the efficient rule (trade iff Δv > 0), any
 * rational grids (any range): on trade the buyer pays v_β(b*, s_σ), b* the lowest trading buyer
 * signal of the grid at s_σ, and the seller pays −v_σ(s_β, σ*), σ* the highest trading seller
 * signal at s_β; 0 without trade. EPIC and ex post IR under the standing assumptions (aB, aS > 0)
 * and strong single crossing; otherwise refused with a MechcheckError (code "non-monotone").
 */
export function gridVcgOnGrid(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[]): Q[][] {
  if (L.aB.compare(ZERO) <= 0 || L.aS.compare(ZERO) <= 0) {
    throw new MechcheckError("non-monotone", `gridVcgOnGrid: values must increase strictly in the own signal (aB = ${qstr(L.aB)}, aS = ${qstr(L.aS)})`, { path: L.aB.compare(ZERO) <= 0 ? "aB" : "aS", value: qstr(L.aB.compare(ZERO) <= 0 ? L.aB : L.aS) });
  }
  if (!strongSingleCrossing(L)) {
    const { kB, kS } = gainCoefficients(L);
    throw new MechcheckError("non-monotone", `gridVcgOnGrid: needs strong single crossing kB > 0 > kS (kB = ${qstr(kB)}, kS = ${qstr(kS)}); the efficient rule is not monotone otherwise`, { path: "valuations", value: { kB: qstr(kB), kS: qstr(kS) } });
  }
  return [...allProfiles([buyerGrid.length, sellerGrid.length])].map(([b, s]) => {
    const sb = buyerGrid[b!]!;
    const ss = sellerGrid[s!]!;
    if (!trades(L, sb, ss)) return [ZERO, ZERO];
    const bStar = buyerGrid.filter((x) => trades(L, x, ss)).reduce((m, x) => (x.compare(m) < 0 ? x : m));
    const sStar = sellerGrid.filter((y) => trades(L, sb, y)).reduce((m, y) => (y.compare(m) > 0 ? y : m));
    return [vBuyer(L, bStar, ss), vSeller(L, sb, sStar).neg()];
  });
}

/**
 * Exactly when an efficient (trade iff Δv > 0), EPIC, ex post IR and exactly budget-balanced
 * trading mechanism exists on finite signal grids B × S (any rational points), under strong
 * single crossing and with both a trade and a no-trade profile on the grid. Closed form:
 *   lo = max( {v_σ(s) : s trades} ∪ {v_β(s) : s does not trade, and the seller's signal s_σ is split} ),
 *   hi = min( {v_β(s) : s trades}  ∪ {v_σ(s) : s does not trade, and the buyer's signal s_β is split} ),
 * ("split": both outcomes occur along that section); a mechanism exists iff lo ≤ hi, and then the
 * posted price p ∈ [lo, hi] (buyer pays p to the seller on trade, nothing otherwise) is one.
 * Proof. EPIC makes the buyer's payment at s_σ depend on her report only through the outcome (x on
 * trade, y otherwise), the seller's likewise (z, w). Under strong single crossing the trade
 * sections are nested upper sets in s_β and lower sets in s_σ (all containing the top buyer
 * signal, resp. the bottom seller signal), so the bipartite graph of trade profiles is connected,
 * and likewise for no-trade profiles: budget balance x + z = 0, y + w = 0 makes x ≡ a, z ≡ −a,
 * y ≡ c, w ≡ −c. Ex post IR on a no-trade profile gives −c ≥ 0 (buyer) and c ≥ 0 (seller): c = 0.
 * What remains — buyer IR/IC a ≤ v_β on trade, a ≥ v_β on no-trade profiles of split sections;
 * seller IR/IC a ≥ v_σ on trade, a ≤ v_σ on no-trade profiles of split sections — is lo ≤ a ≤ hi.
 * Returns null when the hypothesis fails (no strong single crossing, or the grid has no trade or no
 * no-trade profile).
 */
export function bbPriceInterval(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[]): { lo: Q; hi: Q; exists: boolean; loAt: string; hiAt: string } | null {
  if (!strongSingleCrossing(L)) return null;
  const t = (b: Q, s: Q) => trades(L, b, s);
  const anyTrade = buyerGrid.some((b) => sellerGrid.some((s) => t(b, s)));
  const anyNo = buyerGrid.some((b) => sellerGrid.some((s) => !t(b, s)));
  if (!anyTrade || !anyNo) return null;
  const splitSeller = (s: Q) => buyerGrid.some((b) => t(b, s)) && buyerGrid.some((b) => !t(b, s));
  const splitBuyer = (b: Q) => sellerGrid.some((s) => t(b, s)) && sellerGrid.some((s) => !t(b, s));
  let lo: { v: Q; at: string } | null = null;
  let hi: { v: Q; at: string } | null = null;
  const up = (v: Q, at: string) => { if (lo === null || v.compare(lo.v) > 0) lo = { v, at }; };
  const down = (v: Q, at: string) => { if (hi === null || v.compare(hi.v) < 0) hi = { v, at }; };
  for (const b of buyerGrid) for (const s of sellerGrid) {
    const at = `(${qstr(b)}, ${qstr(s)})`;
    if (t(b, s)) {
      up(vSeller(L, b, s), `v_σ${at}, a trade profile (seller IR)`);
      down(vBuyer(L, b, s), `v_β${at}, a trade profile (buyer IR)`);
    } else {
      if (splitSeller(s)) up(vBuyer(L, b, s), `v_β${at}, a no-trade profile (buyer IC)`);
      if (splitBuyer(b)) down(vSeller(L, b, s), `v_σ${at}, a no-trade profile (seller IC)`);
    }
  }
  const l = lo as unknown as { v: Q; at: string };
  const h = hi as unknown as { v: Q; at: string };
  return { lo: l.v, hi: h.v, exists: l.v.compare(h.v) <= 0, loAt: l.at, hiAt: h.at };
}

/** The posted-price mechanism's payments: on trade the buyer pays p and the seller pays −p; nothing otherwise. */
export function postedPricePayments(L: LinearTrade, buyerGrid: readonly Q[], sellerGrid: readonly Q[], p: Q): Q[][] {
  return [...allProfiles([buyerGrid.length, sellerGrid.length])].map(([b, s]) => (trades(L, buyerGrid[b!]!, sellerGrid[s!]!) ? [p, p.neg()] : [ZERO, ZERO]));
}
