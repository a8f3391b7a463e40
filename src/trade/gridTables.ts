/**
 * The grid tables of `mechcheck tables` (docs/grid-tables.md): for B = S = {0,…,K}, uniform
 * priors, K = 1…maxK and each tie rule at b = s, whether an efficient mechanism exists that is
 *  - Green–Laffont ([Mishra2020]): DSIC + ex post budget balanced (no IR), and
 *  - Myerson–Satterthwaite ([BernardMD3, Thm 7.6]): BIC + interim IR + ex post budget balanced,
 * each entry certified: a feasible LP point re-checked by src/concepts, or a Farkas certificate
 * (verified by solve and again here by src/lp/verify.ts). Next to each entry the independent
 * closed forms of tradeGrids.ts: the Green–Laffont price-interval criterion (deterministic ties)
 * and the Myerson–Satterthwaite bound R* (= the LP maximum of expected revenue over efficient
 * BIC + IIR mechanisms, also solved and compared). The Lemma 7.5 column says whether an ex post
 * budget-balanced VCG (Groves) mechanism exists (mechanisms/lemma75.ts): it never does for K ≥ 1,
 * so the DSIC mechanisms found for K ≤ 2 are not Groves — Holmström's theorem fails on grids.
 *
 * For the smallest impossible K of each problem and tie rule the table also carries a SHORT proof:
 * a minimum-L1 Farkas certificate (sparseFarkas.ts) reduced to a support-minimal set of rows and
 * rendered by src/lp/proof.ts.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { qstr } from "../exact/rational.ts";
import type { LpModel } from "../lp/model.ts";
import { verify } from "../lp/verify.ts";
import { lemma75 } from "../budgetBalance/balancedVcg.ts";
import { sparseFarkas } from "../lp/sparseFarkas.ts";
import { infeasibilityProof, renderProof } from "../lp/proof.ts";
import { conceptProblems, decide, greenLaffontCriterion, integerGrid, msMaxRevenueLp, msRevenueBound, postedPriceMechanism, TIE_RULES, tradeEnv, uniformMarginal, type Problem, type TieRule } from "./tradeGrids.ts";

/**
 * One entry of the grid tables (K, tie rule): whether efficient trade is possible, its certificate
 * (a mechanism re-checked by src/concepts, or a verified Farkas certificate), the closed form's
 * verdict, and whether the routes agree.
 */
export interface TableEntry {
  readonly K: number;
  readonly tie: TieRule;
  readonly possible: boolean;
  /** "mechanism": the LP's point passed the concept checks; "farkas": infeasibility certificate verified. */
  readonly certificate:
    | { readonly kind: "mechanism"; readonly verified: boolean; readonly payments: readonly (readonly string[])[]; readonly postedPrice?: string }
    | { readonly kind: "farkas"; readonly verified: boolean; readonly rows: number };
  /** Green–Laffont, deterministic ties: the closed-form criterion's verdict and interval [max lo, min hi]. */
  readonly criterion?: { readonly possible: boolean; readonly lower: string | null; readonly upper: string | null };
  /** Myerson–Satterthwaite: R* (closed form) and the LP maximum of expected revenue. */
  readonly maxRevenue?: { readonly closedForm: string; readonly lp: string };
  readonly agrees: boolean;
}

/**
 * A short readable impossibility proof for the smallest impossible K of a problem and tie rule: a
 * minimum-L1 Farkas certificate reduced to a support-minimal set of rows, as text lines.
 */
export interface ShortProof {
  readonly problem: Problem;
  readonly K: number;
  readonly tie: TieRule;
  readonly rows: number;
  readonly lines: readonly string[];
}

/**
 * The grid tables of `mechcheck tables` (docs/grid-tables.md): the Green–Laffont and
 * Myerson–Satterthwaite entries for K = 1…maxK, the [BernardMD3, Lemma 7.5] column, and the short
 * proofs.
 */
export interface GridTables {
  readonly maxK: number;
  readonly greenLaffont: readonly TableEntry[];
  readonly myersonSatterthwaite: readonly TableEntry[];
  /** Lemma 7.5 on {0,…,K}²: is Σ_i v_i(q(θ)) = Σ_i H_i(θ_{-i}) solvable (an ex post BB VCG mechanism exists)? */
  readonly lemma75: readonly { readonly K: number; readonly solvable: boolean; readonly certificateProfiles: number }[];
  readonly proofs: readonly ShortProof[];
  readonly ms: number;
}

function entry(problem: Problem, K: number, tie: TieRule): { e: TableEntry; model: LpModel } {
  const g = integerGrid(K);
  const d = decide(problem, { buyer: g, seller: g, tie });
  const certificate: TableEntry["certificate"] = d.possible
    ? { kind: "mechanism", verified: d.problems.length === 0, payments: d.mechanism!.payments.map((r) => r.map(qstr)) }
    : { kind: "farkas", verified: verify(d.model, d.result).ok, rows: d.farkasSupport!.length };
  if (problem === "green-laffont") {
    if (tie === "split") return { e: { K, tie, possible: d.possible, certificate, agrees: certificate.verified && d.possible === K <= 2 }, model: d.model };
    const c = greenLaffontCriterion(g, g, tie);
    let cert = certificate;
    let postedOk = true;
    if (c.possible) {
      // the posted-price mechanism itself, checked by the same concept checks
      const m = postedPriceMechanism(g, g, tie, c.price!);
      postedOk = conceptProblems("green-laffont", tradeEnv(g, g), m, []).length === 0;
      cert = { kind: "mechanism", verified: certificate.verified && postedOk, payments: m.payments.map((r) => r.map(qstr)), postedPrice: qstr(c.price!) };
    }
    return {
      e: { K, tie, possible: d.possible, certificate: cert, criterion: { possible: c.possible, lower: c.lower && qstr(c.lower), upper: c.upper && qstr(c.upper) }, agrees: cert.verified && c.possible === d.possible },
      model: d.model,
    };
  }
  const u = uniformMarginal(K + 1);
  const R = msRevenueBound(g, g, u, u, tie).maxRevenue;
  const lp = msMaxRevenueLp({ buyer: g, seller: g, tie }).value;
  return { e: { K, tie, possible: d.possible, certificate, maxRevenue: { closedForm: qstr(R), lp: qstr(lp) }, agrees: certificate.verified && R.equals(lp) && (R.s >= 0n || R.n === 0n) === d.possible }, model: d.model };
}

/** Compute both tables for K = 1…maxK (maxK ≥ 1). */
export function gridTables(maxK = 12): GridTables {
  if (!Number.isSafeInteger(maxK) || maxK < 1 || maxK > 40) throw new MechcheckError("usage", `tables: --max-k must be an integer in 1…40, got ${maxK}`, { path: "--max-k", value: maxK });
  const t0 = performance.now();
  const gl: TableEntry[] = [];
  const ms: TableEntry[] = [];
  const proofs: ShortProof[] = [];
  for (const [problem, out] of [["green-laffont", gl], ["myerson-satterthwaite", ms]] as const) {
    for (const tie of TIE_RULES) {
      let proved = false;
      for (let K = 1; K <= maxK; K++) {
        const { e, model } = entry(problem, K, tie);
        out.push(e);
        if (!e.possible && !proved) {
          proved = true;
          const s = sparseFarkas(model);
          if (s === null) throw new InternalError(`tables: ${problem} K = ${K} (${tie}) is infeasible but has no sparse certificate`);
          const proof = infeasibilityProof(model, s.rows);
          proofs.push({ problem, K, tie, rows: proof.rows.length, lines: renderProof(model, proof).split("\n") });
        }
      }
    }
  }
  const l75 = [];
  for (let K = 1; K <= maxK; K++) {
    const g = integerGrid(K);
    const r = lemma75(tradeEnv(g, g));
    l75.push({ K, solvable: r.solvable, certificateProfiles: r.solvable ? 0 : r.y.filter((w) => w.n !== 0n).length });
  }
  return { maxK, greenLaffont: gl, myersonSatterthwaite: ms, lemma75: l75, proofs, ms: Math.round(performance.now() - t0) };
}
