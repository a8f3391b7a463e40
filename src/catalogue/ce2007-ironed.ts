/**
 * `ce2007-ironed` (theorem) — the ironed local-virtual-value bound, the true version of
 * `ce2007-irregular` ([BrooksExPost2023, *Where does this depend on regularity?*, *The optimal
 * multipliers*]; [ChungEly2007]; ironing as in [Myerson1981]).
 *
 * Setting as in `ce2007-local-virtual-values`: n bidders, private values on {1, …, K} (Δ = 1), a
 * full-support prior f (correlation allowed), (P) the optimal ex post (EPIC, EPIR) auction LP.
 * Ironed local virtual values φ̄_i (`ironedLocalVirtualValues`): on each section (i, v_{-i}) the
 * points (Σ_{j ≥ k} f(j, v_{-i}), Σ_{j ≥ k} f(j, v_{-i}) φ̃_i(j, v_{-i})) are replaced by their least
 * concave majorant, and φ̄ is its slope. ILVV(f) := Σ_v f(v)·max(0, max_i φ̄_i(v)).
 *
 * Claims, checked exactly per prior:
 *   (1) φ̄_i is non-decreasing in v_i on every section, has the same section total Σ_k f φ̄ = Σ_k f φ̃,
 *       and equals φ̃_i on every section where φ̃_i is already non-decreasing (so φ̄ = φ̃ for regular f);
 *   (2) value(P) ≤ ILVV(f) and value(P) ≤ LVV(f) for EVERY full-support f. Why: an EPIC, EPIR
 *       mechanism earns at most Σ_v f Σ_i q_i φ̃_i (local downward EPIC and bottom EPIR), its q_i is
 *       non-decreasing in v_i, and for non-decreasing q the ironing inequality gives
 *       Σ f q φ̃ ≤ Σ f q φ̄ ≤ ILVV. With one bidder also ILVV ≤ LVV (Jensen: max(0, ·) is convex and
 *       ironing averages); with several bidders neither bound dominates (φ̄_1 and φ̄_2 average along
 *       different directions) — found by this check's first version, which claimed ILVV ≤ LVV always;
 *   (3) one bidder: value(P) = ILVV(f) — the ironed formula is exact (q = 1{φ̄ ≥ 0} is monotone and
 *       jumps only at vertices of the majorant);
 *   (4) several bidders: reported by tag only (equality needs a monotone maximizer of Σ_i q_i φ̄_i
 *       that jumps only at majorant vertices; correlation can break it as in
 *       `ce2007-local-virtual-values-slide`).
 * value(P) is the exact LP optimum (src/lp/solve.ts, certificate verified by solve).
 * Negative controls: the unironed LVV in place of ILVV on the saved one-bidder irregular case
 * (claim (3) fails: 1 < 10/9); ILVV lowered by 1/100 (claim (2) fails).
 */
import fc from "fast-check";
import { ironedLocalVirtualValues, ironedLvv, solveSmall } from "../robust/worstCaseBeliefs.ts";
import { auctionPrior, gridSizes, isRegular, localVirtualValueRevenue, localVirtualValues, optimalExPostAuctionLp, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { type Q, ZERO, q } from "../exact/rational.ts";
import { intArray } from "../generators/index.ts";
import { profileAt, profileIndex, withEntry } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { anyPriors, priorCodec } from "../generators/ce2007Priors.ts";

/** The check with the bound as a parameter (the negative controls pass a wrong one). */
export function ironedCheck(prior: AuctionPrior, bound: (f: AuctionPrior) => Q = ironedLvv): CheckResult {
  const sizes = gridSizes(prior.n, prior.K);
  const phi = localVirtualValues(prior);
  const bar = ironedLocalVirtualValues(prior);
  const fail = (message: string, violation: Record<string, unknown> = {}): CheckResult => ({ ok: false, message, violation: { n: prior.n, K: prior.K, ...violation } });
  // (1) per section
  for (let i = 0; i < prior.n; i++) {
    for (let v = 0; v < prior.f.length; v++) {
      const prof = profileAt(sizes, v);
      if (prof[i] !== 0) continue;
      const idx = Array.from({ length: prior.K }, (_, k) => profileIndex(sizes, withEntry(prof, i, k)));
      let totPhi = ZERO;
      let totBar = ZERO;
      let regularSection = true;
      for (let k = 0; k < prior.K; k++) {
        totPhi = totPhi.add(prior.f[idx[k]!]!.mul(phi[i]![idx[k]!]!));
        totBar = totBar.add(prior.f[idx[k]!]!.mul(bar[i]![idx[k]!]!));
        if (k > 0 && bar[i]![idx[k]!]!.compare(bar[i]![idx[k - 1]!]!) < 0) return fail(`φ̄_${i + 1} decreases along a section`, { section: prof });
        if (k > 0 && phi[i]![idx[k]!]!.compare(phi[i]![idx[k - 1]!]!) < 0) regularSection = false;
      }
      if (!totPhi.equals(totBar)) return fail(`ironing changed the section total of f·φ̃_${i + 1}`, { section: prof });
      if (regularSection && idx.some((t) => !bar[i]![t]!.equals(phi[i]![t]!))) return fail(`φ̄_${i + 1} ≠ φ̃_${i + 1} on a section where φ̃ is already non-decreasing`, { section: prof });
    }
  }
  // (2)
  const B = bound(prior);
  const lvv = localVirtualValueRevenue(prior);
  const r = solveSmall(optimalExPostAuctionLp(prior));
  if (r.status !== "optimal") throw new Error(`(P) is ${r.status} (bug)`);
  const P = r.value;
  const vals = { P: P.toFraction(), ILVV: B.toFraction(), LVV: lvv.toFraction(), regular: isRegular(prior) };
  if (P.compare(B) > 0) return fail(`value(P) = ${P.toFraction()} exceeds the ironed bound ${B.toFraction()}`, vals);
  if (P.compare(lvv) > 0) return fail(`value(P) = ${P.toFraction()} exceeds the unironed bound LVV ${lvv.toFraction()}`, vals);
  if (prior.n === 1 && B.compare(lvv) > 0) return fail(`one bidder, yet the ironed bound ${B.toFraction()} exceeds the unironed LVV ${lvv.toFraction()}`, vals);
  // (3)
  if (prior.n === 1 && !P.equals(B)) return fail(`one bidder, yet value(P) = ${P.toFraction()} < ironed bound ${B.toFraction()}`, vals);
  const rel = B.compare(lvv) < 0 ? "; ILVV < LVV (ironing tightens)" : B.equals(lvv) ? "; ILVV = LVV" : "; ILVV > LVV (LVV tighter)";
  const tag = `${prior.n === 1 ? "one bidder" : "several bidders"}: ${P.equals(B) ? "value(P) = ILVV" : "value(P) < ILVV"}${rel}`;
  return { ok: true, tag, certificate: vals };
}

/** One bidder, values {1, …, K}, K ∈ {2, …, 5}, integer weights 1–9. */
const singleBidder: fc.Arbitrary<AuctionPrior> = fc.integer({ min: 2, max: 5 }).chain((K) => intArray(K, 1, 9).map((w) => auctionPrior(1, K, w)));

/** The saved counterexample of ce2007-irregular: one bidder, f = (5, 1, 3)/9. */
const irregularCase = (): AuctionPrior => auctionPrior(1, 3, [5, 1, 3]);

export const ce2007Ironed: Theorem<AuctionPrior> = {
  id: "ce2007-ironed",
  kind: "theorem",
  source: "[BrooksExPost2023, *Where does this depend on regularity?*, *The optimal multipliers*]; [ChungEly2007]; ironing [Myerson1981]",
  statement:
    "Full-support prior f on a value grid (any n, correlation allowed), ironed local virtual values φ̄_i (slopes of the least concave majorant of each section's revenue curve): φ̄_i is non-decreasing in v_i and equals φ̃_i on sections where φ̃_i is; value(P) ≤ ILVV(f) = Σ_v f(v)·max(0, max_i φ̄_i(v)) and value(P) ≤ LVV(f) (neither bound dominates with several bidders); with one bidder value(P) = ILVV(f) ≤ LVV(f) exactly. (P) solved exactly.",
  arbitrary: fc.oneof({ weight: 2, arbitrary: singleBidder }, { weight: 1, arbitrary: anyPriors }),
  check: (prior) => ironedCheck(prior),
  codec: priorCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "unironed formula on the irregular one-bidder case",
      why: "f = (5, 1, 3)/9: value(P) = 1 but the unironed Σ f·max(0, φ̃) = 10/9, so the one-bidder equality fails",
      input: irregularCase,
      check: (f) => ironedCheck(f, localVirtualValueRevenue),
    },
    {
      name: "ironed bound lowered by 1/100",
      why: "f = (5, 1, 3)/9: ILVV − 1/100 = 99/100 < value(P) = 1",
      input: irregularCase,
      check: (f) => ironedCheck(f, (g) => ironedLvv(g).sub(q(1).div(100))),
    },
  ],
};
