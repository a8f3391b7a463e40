/**
 * Chung and Ely (2007): the worst-case beliefs π\*, the Bayesian program (P′) on them, and the
 * slide's noisy-concordance multipliers for π\*. Builds on src/robust/optimalExPostAuction.ts
 * (the prior on a value grid, the program (P), local virtual values), which is used, not changed.
 *
 * Source: [BrooksExPost2023],
 * slides *Chung and Ely (2007)* / *A worst-case belief structure* (the program (P′)), *Deriving
 * π\**, *Reinterpretation as beliefs*, *Where does this depend on regularity?*, *Noisy concordance
 * in the maxmin beliefs* (corrected: the sums in λ_i(0) and μ_i(v_i, v_i − Δ)
 * run over v'_i ≥ v_i and v'_{-i}).
 *
 * ## π\* (slides *Deriving π\**, *Reinterpretation as beliefs*)
 * The optimal multiplier of the local downward EPIC constraint of (i, v) (and of EPIR at the
 * bottom value) is α_i(v) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}); with C_i(v_i) = 1 / Σ_{v'_{-i}} α_i(v_i, v'_{-i}),
 *   π\*_i(v_{-i} | v_i) = α_i(v_i, v_{-i}) / Σ_{v'_{-i}} α_i(v_i, v'_{-i})
 *                      = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) / Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i}),
 * the conditional of v_{-i} given V_i ≥ v_i under f. Defined when every such denominator is
 * positive (always when f has full support).
 *
 * ## (P′) (slide *A worst-case belief structure*)
 *   max_{(q,t)} Σ_v Σ_i t_i(v) f(v)
 *   s.t. q_i(v) ≥ 0, Σ_i q_i(v) ≤ 1                                                   FEAS[v]
 *        Σ_{v_{-i}} π_i(v_{-i}|v_i) (v_i q_i(v) − t_i(v)) ≥ 0                           IIR[i, v_i]
 *        Σ_{v_{-i}} π_i(v_{-i}|v_i) (v_i q_i(v) − t_i(v) − v_i q_i(v'_i,v_{-i}) + t_i(v'_i,v_{-i})) ≥ 0   BIC[i, v_i, report v'_i]
 * for every report v'_i ≠ v_i. The objective is the seller's prior f; only the constraints use the
 * bidders' beliefs π. Columns as in (P) (`auctionQVar`, `auctionPVar`), so mechanisms compare
 * directly. Every mechanism feasible in (P) is feasible in (P′) (IIR and BIC are π-weighted sums
 * of EPIR and EPIC), so value(P′) ≥ value(P) for any beliefs.
 *
 * ## Multipliers (slide *Noisy concordance in the maxmin beliefs*)
 * In the type space T\* (types = values, one state), with baseline π(v) = f(v): all multipliers
 * zero except λ_i(v_low) = Σ_{v'_i ≥ v_low, v'_{-i}} f(v') (= 1) and
 * μ_i(v_i, v_i − Δ) = Σ_{v'_i ≥ v_i, v'_{-i}} f(v'_i, v'_{-i}) for v_i > v_low.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, qsum, ZERO, type Q } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex, withEntry } from "../model/profiles.ts";
import type { NoisyConcordanceMultipliers } from "../beliefs/noTrade.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import type { LpResult } from "../lp/model.ts";
import {
  auctionMechanismFromPrimal,
  auctionPrior,
  auctionLpSkeleton,
  auctionPVar,
  auctionQVar,
  checkAuctionMechanism,
  expectedPositiveMax,
  gridSizes,
  gridValue,
  isRegular,
  localVirtualValueRevenue,
  localVirtualValues,
  optimalExPostAuctionLp,
  auctionLpCounts,
  solveOptimalExPostAuction,
  ownValueSteps,
  profileLabel as label,
  type AuctionPrior,
} from "./optimalExPostAuction.ts";

/** Per-bidder beliefs about the others' values: beliefs[i][k][j] = π_i(v_{-i} = j | v_i = k), j an index over the others' profiles (profiles.ts order). */
export type ValueBeliefs = readonly (readonly (readonly Q[])[])[];

/** α_i(v) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) at profile index v (slide *Deriving π\**). */
function alphaMultiplier(prior: AuctionPrior, i: number, v: number): Q {
  const sizes = gridSizes(prior.n, prior.K);
  const prof = profileAt(sizes, v);
  let s = ZERO;
  for (let k = prof[i]!; k < prior.K; k++) s = s.add(prior.f[profileIndex(sizes, withEntry(prof, i, k))]!);
  return s;
}

/** π\*_i(v_{-i} | v_i) ∝ α_i(v_i, v_{-i}) (slide *Reinterpretation as beliefs*). Throws if some Σ_{v'_{-i}} α_i(v_i, v'_{-i}) = 0. */
export function piStar(prior: AuctionPrior): Q[][][] {
  const sizes = gridSizes(prior.n, prior.K);
  const out: Q[][][] = [];
  for (let i = 0; i < prior.n; i++) {
    const J = profileCount(othersSizes(sizes, i));
    const rows: Q[][] = [];
    for (let k = 0; k < prior.K; k++) {
      const a = Array.from({ length: J }, (_, j) => alphaMultiplier(prior, i, profileIndex(sizes, joinProfile(sizes, i, k, j))));
      const tot = qsum(a);
      if (tot.n === 0n) throw new MechcheckError("not-full-support", `π*: bidder ${i + 1} has no mass at values ≥ grid index ${k + 1}`, { path: "f" });
      rows.push(a.map((x) => x.div(tot)));
    }
    out.push(rows);
  }
  return out;
}

/** The type space T\*: bidder i's types are the grid values, one (payoff-irrelevant) state, beliefs π. */
export function valueTypeSpace(prior: Pick<AuctionPrior, "n" | "K" | "low" | "delta">, beliefs: ValueBeliefs): HarsanyiTypeSpace {
  const values = Array.from({ length: prior.K }, (_, k) => gridValue(prior, k).toFraction());
  return {
    agents: Array.from({ length: prior.n }, (_, i) => `${i + 1}`),
    types: Array.from({ length: prior.n }, () => values),
    states: ["·"],
    beliefs: beliefs.map((bi) => bi.map((row) => row.slice())),
  };
}

/** (P′): the optimal BIC / interim-IR auction when bidders hold beliefs π and the seller's prior is f (module comment). */
export function bayesianAuctionLp(prior: AuctionPrior, beliefs: ValueBeliefs): LpModel {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  if (beliefs.length !== n) throw new MechcheckError("bad-size", `beliefs for ${beliefs.length} bidders, expected ${n}`, { path: "beliefs" });
  const { b } = auctionLpSkeleton(prior);
  for (let i = 0; i < n; i++) {
    const J = profileCount(othersSizes(sizes, i));
    if (beliefs[i]!.length !== K) throw new MechcheckError("bad-size", `beliefs[${i}] has ${beliefs[i]!.length} rows, expected ${K}`, { path: `beliefs[${i}]` });
    for (let k = 0; k < K; k++) {
      const bel = beliefs[i]![k]!;
      if (bel.length !== J) throw new MechcheckError("bad-size", `beliefs[${i}][${k}] has ${bel.length} entries, expected ${J}`, { path: `beliefs[${i}][${k}]` });
      const vi = gridValue(prior, k);
      // interim utility of value k reporting r, as terms
      const util = (r: number, sign: 1 | -1): TermInput[] => {
        const out: TermInput[] = [];
        for (let j = 0; j < J; j++) {
          const w = bel[j]!;
          if (w.n === 0n) continue;
          const v = profileIndex(sizes, joinProfile(sizes, i, r, j));
          const c = sign === 1 ? w : w.neg();
          out.push([auctionQVar(prior, i, v), c.mul(vi)], [auctionPVar(prior, i, v), c.neg()]);
        }
        return out;
      };
      const own = util(k, 1);
      b.row(`IIR[i=${i + 1}, v${i + 1}=${k + 1}]`, own, ">=", 0);
      for (let r = 0; r < K; r++) if (r !== k) b.row(`BIC[i=${i + 1}, v${i + 1}=${k + 1}, report ${r + 1}]`, [...own, ...util(r, -1)], ">=", 0);
    }
  }
  return b.build();
}

/**
 * Revenue Σ_v f(v) Σ_i t_i(v) and the violated constraints of (P′), evaluated directly from the
 * slide's inequalities (independently of the LP rows).
 */
export function checkBayesianMechanism(prior: AuctionPrior, beliefs: ValueBeliefs, alloc: readonly (readonly Q[])[], pay: readonly (readonly Q[])[]): { revenue: Q; violations: string[] } {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  const violations: string[] = [];
  let revenue = ZERO;
  for (let v = 0; v < P; v++) {
    let tot = ZERO;
    for (let i = 0; i < n; i++) {
      const x = alloc[i]![v]!;
      if (x.s < 0n && x.n !== 0n) violations.push(`q${i + 1}${label(profileAt(sizes, v))} < 0`);
      tot = tot.add(x);
      revenue = revenue.add(prior.f[v]!.mul(pay[i]![v]!));
    }
    if (tot.compare(ONE) > 0) violations.push(`FEAS v=${label(profileAt(sizes, v))}`);
  }
  for (let i = 0; i < n; i++) {
    const J = profileCount(othersSizes(sizes, i));
    for (let k = 0; k < K; k++) {
      const vi = gridValue(prior, k);
      const u = (r: number) => {
        let s = ZERO;
        for (let j = 0; j < J; j++) {
          const v = profileIndex(sizes, joinProfile(sizes, i, r, j));
          s = s.add(beliefs[i]![k]![j]!.mul(vi.mul(alloc[i]![v]!).sub(pay[i]![v]!)));
        }
        return s;
      };
      const truth = u(k);
      if (truth.s < 0n && truth.n !== 0n) violations.push(`IIR i=${i + 1} v=${k + 1}`);
      for (let r = 0; r < K; r++) if (r !== k && truth.compare(u(r)) < 0) violations.push(`BIC i=${i + 1} v=${k + 1} report ${r + 1}`);
    }
  }
  return { revenue, violations };
}

/** The slide's multipliers (π = f, λ_i(v_low), μ_i(v_i, v_i − Δ)) for π\* in `valueTypeSpace` (module comment; erratum applied). */
export function piStarMultipliers(prior: AuctionPrior): NoisyConcordanceMultipliers {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  // A_i(k) = Σ_{v'_i ≥ k, v'_{-i}} f(v'_i, v'_{-i}), summed straight from f.
  const upper = (i: number, k: number) => {
    let s = ZERO;
    prior.f.forEach((x, v) => {
      if (profileAt(sizes, v)[i]! >= k) s = s.add(x);
    });
    return s;
  };
  const lambda = Array.from({ length: n }, (_, i) => Array.from({ length: K }, (_, k) => (k === 0 ? upper(i, 0) : ZERO)));
  const mu = Array.from({ length: n }, (_, i) => Array.from({ length: K }, (_, a) => Array.from({ length: K }, (_, b) => (b === a - 1 ? upper(i, a) : ZERO))));
  return { pi: prior.f.slice(), lambda, mu };
}

/** Σ_i-free check: every row of beliefs is a probability vector (exact). */
function beliefsAreDistributions(beliefs: ValueBeliefs): boolean {
  return beliefs.every((bi) => bi.every((row) => row.every((x) => !(x.s < 0n && x.n !== 0n)) && qsum(row).equals(ONE)));
}

/** Whether f is a product of its marginals (independent values). */
export function isIndependentPrior(prior: AuctionPrior): boolean {
  const sizes = gridSizes(prior.n, prior.K);
  const marg = Array.from({ length: prior.n }, () => new Array<Q>(prior.K).fill(ZERO));
  prior.f.forEach((x, v) => profileAt(sizes, v).forEach((k, i) => (marg[i]![k] = marg[i]![k]!.add(x))));
  return prior.f.every((x, v) => profileAt(sizes, v).reduce((p, k, i) => p.mul(marg[i]![k]!), ONE).equals(x));
}

// ---------------------------------------------------------------------------------------------
// Exact solving of the small LPs of this module and certificates built by hand.

/**
 * Models up to this many row × column cells are solved by the exact simplex directly
 * (`solve(model, { exactOnly: true })`; still verified by src/lp/verify.ts). Measured on (P) and
 * (P′) with n = 2, K = 3 (36 columns, 27–63 rows): 0.7–0.9 ms exact vs 2.4–8.5 ms through HiGHS
 * plus basis certification, whose per-call overhead dominates on models this small.
 */
const EXACT_ONLY_CELLS = 6000;

/** `solve`, going straight to the exact simplex on small models (see EXACT_ONLY_CELLS). */
export function solveSmall(model: LpModel, opts: SolveOptions = {}): LpResult {
  const cells = model.rows.length * Math.max(1, model.variables.length);
  return solve(model, cells <= EXACT_ONLY_CELLS ? { ...opts, exactOnly: true } : opts);
}

/**
 * Weak duality by hand, for a max model: row multipliers y (y ≥ 0 on ≤ rows, y ≤ 0 on ≥ rows,
 * free on = rows; model.ts conventions) and reduced costs d = c − Aᵀy, with d_j > 0 only where
 * x_j has a finite upper bound and d_j < 0 only where it has a finite lower bound. Then every
 * feasible x has c·x + c0 ≤ Σ y_i b_i + Σ_{d_j>0} d_j u_j + Σ_{d_j<0} d_j l_j + c0 =: bound.
 * Returns the bound, or the problems found (a certificate that does not check is never used).
 */
export function dualUpperBound(model: LpModel, y: readonly Q[]): { ok: true; bound: Q } | { ok: false; problems: string[] } {
  if (model.direction !== "max") return { ok: false, problems: ["dualUpperBound needs a max model"] };
  if (y.length !== model.rows.length) return { ok: false, problems: [`y has ${y.length} entries, the model ${model.rows.length} rows`] };
  const problems: string[] = [];
  const d = new Array<Q>(model.variables.length).fill(ZERO);
  for (const t of model.objective) d[t.var] = d[t.var]!.add(t.coef);
  let bound = model.objectiveConstant;
  model.rows.forEach((r, i) => {
    const yi = y[i]!;
    if (yi.n === 0n) return;
    if (r.sense === "<=" && yi.s < 0n) problems.push(`row ${r.name}: multiplier ${yi.toFraction()} < 0 on a ≤ row`);
    if (r.sense === ">=" && yi.s > 0n) problems.push(`row ${r.name}: multiplier ${yi.toFraction()} > 0 on a ≥ row`);
    for (const t of r.terms) d[t.var] = d[t.var]!.sub(t.coef.mul(yi));
    bound = bound.add(yi.mul(r.rhs));
  });
  model.variables.forEach((v, j) => {
    const dj = d[j]!;
    if (dj.n === 0n) return;
    if (dj.s > 0n) {
      if (v.upper === null) problems.push(`reduced cost of ${v.name} is ${dj.toFraction()} > 0 but it has no upper bound`);
      else bound = bound.add(dj.mul(v.upper));
    } else {
      if (v.lower === null) problems.push(`reduced cost of ${v.name} is ${dj.toFraction()} < 0 but it has no lower bound`);
      else bound = bound.add(dj.mul(v.lower));
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bound };
}

/** A_i(k) = Σ_{v'_i ≥ k, v'_{-i}} f(v'_i, v'_{-i}): the mass of bidder i's values at or above grid index k. */
function upperMass(prior: AuctionPrior, i: number, k: number): Q {
  const sizes = gridSizes(prior.n, prior.K);
  let s = ZERO;
  prior.f.forEach((x, v) => {
    if (profileAt(sizes, v)[i]! >= k) s = s.add(x);
  });
  return s;
}

/** Σ_v f(v)·max(0, max_i φ̃_i(v)) per profile: z(v) (the FEAS multipliers of the local dual). */
function localFeasMultipliers(prior: AuctionPrior): Q[] {
  const phi = localVirtualValues(prior);
  return prior.f.map((fv, v) => {
    let best = ZERO;
    for (let i = 0; i < prior.n; i++) if (phi[i]![v]!.compare(best) > 0) best = phi[i]![v]!;
    return fv.mul(best);
  });
}

function rowIndex(model: LpModel): Map<string, number> {
  return new Map(model.rows.map((r, k) => [r.name, k]));
}

/**
 * The local multipliers of slides *Regular case* / *Analyzing the Lagrangian* as a dual vector
 * for `optimalExPostAuctionLp(prior)` (rows found by name, so any row order or the all-pairs /
 * local EPIC scope works): FEAS[v] ↦ f(v)·max(0, max_i φ̃_i(v)); EPIR[i, v] at the bottom value
 * ↦ −α_i(v); EPIC[i, v, report v_i − Δ] ↦ −α_i(v), α_i(v) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}); all
 * others 0. With `dualUpperBound` this certifies value(P) ≤ Σ_v f(v)·max(0, max_i φ̃_i(v)).
 */
export function localDualForP(prior: AuctionPrior, model: LpModel): Q[] {
  const sizes = gridSizes(prior.n, prior.K);
  const idx = rowIndex(model);
  const y = new Array<Q>(model.rows.length).fill(ZERO);
  const set = (name: string, val: Q) => {
    const k = idx.get(name);
    if (k === undefined) throw new MechcheckError("invalid-model", `(P) has no row named ${JSON.stringify(name)}`);
    y[k] = val;
  };
  const z = localFeasMultipliers(prior);
  for (let v = 0; v < prior.f.length; v++) {
    const prof = profileAt(sizes, v);
    const lab = label(prof);
    set(`FEAS[v=${lab}]`, z[v]!);
    for (let i = 0; i < prior.n; i++) {
      const a = alphaMultiplier(prior, i, v).neg();
      if (prof[i] === 0) set(`EPIR[i=${i + 1}, v=${lab}]`, a);
      else set(`EPIC[i=${i + 1}, v=${lab}, report ${prof[i]!}]`, a);
    }
  }
  return y;
}

/**
 * The same multipliers aggregated for (P′) on π\* (`bayesianAuctionLp(prior, piStar(prior))`):
 * FEAS[v] ↦ f(v)·max(0, max_i φ̃_i(v)); IIR[i, bottom] ↦ −A_i(0); BIC[i, v_i, report v_i − Δ] ↦
 * −A_i(v_i), A_i(k) = `upperMass`; others 0 (A_i(v_i)·π\*_i(v_{-i}|v_i) = α_i(v), slide *Deriving
 * π\**). With `dualUpperBound` this certifies value(P′ on π\*) ≤ Σ_v f(v)·max(0, max_i φ̃_i(v)).
 */
export function localDualForPPrime(prior: AuctionPrior, model: LpModel): Q[] {
  const sizes = gridSizes(prior.n, prior.K);
  const idx = rowIndex(model);
  const y = new Array<Q>(model.rows.length).fill(ZERO);
  const set = (name: string, val: Q) => {
    const k = idx.get(name);
    if (k === undefined) throw new MechcheckError("invalid-model", `(P′) has no row named ${JSON.stringify(name)}`);
    y[k] = val;
  };
  const z = localFeasMultipliers(prior);
  for (let v = 0; v < prior.f.length; v++) set(`FEAS[v=${label(profileAt(sizes, v))}]`, z[v]!);
  for (let i = 0; i < prior.n; i++) {
    set(`IIR[i=${i + 1}, v${i + 1}=1]`, upperMass(prior, i, 0).neg());
    for (let k = 1; k < prior.K; k++) set(`BIC[i=${i + 1}, v${i + 1}=${k + 1}, report ${k}]`, upperMass(prior, i, k).neg());
  }
  return y;
}

/**
 * Does some pointwise maximizer of the Lagrangian Σ_i q_i(v) φ̃_i(v) (over q ≥ 0, Σ_i q_i ≤ 1)
 * have q_i(·, v_{-i}) non-decreasing in v_i? Feasibility LP: q_i(v) fixed to 0 unless
 * φ̃_i(v) = max_j φ̃_j(v) ≥ 0; TOTAL[v]: Σ_i q_i(v) = 1 if max_j φ̃_j(v) > 0, ≤ 1 if it is 0;
 * MONO[i, v]: q_i(v) − q_i(v + Δe_i) ≤ 0. Columns q_i(v) at `auctionQVar` (the same as in (P)).
 */
export function monotoneMaximizerLp(prior: AuctionPrior): LpModel {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  const phi = localVirtualValues(prior);
  const maxPhi = Array.from({ length: P }, (_, v) => {
    let m = phi[0]![v]!;
    for (let i = 1; i < n; i++) if (phi[i]![v]!.compare(m) > 0) m = phi[i]![v]!;
    return m;
  });
  const inW = (i: number, v: number) => maxPhi[v]!.s >= 0n || maxPhi[v]!.n === 0n ? phi[i]![v]!.equals(maxPhi[v]!) : false;
  const b = new LpBuilder("min");
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) b.variable(`q${i + 1}${label(profileAt(sizes, v))}`, inW(i, v) ? { lower: 0 } : { lower: 0, upper: 0 });
  for (let v = 0; v < P; v++) {
    const terms: TermInput[] = [];
    for (let i = 0; i < n; i++) if (inW(i, v)) terms.push([auctionQVar(prior, i, v), 1]);
    if (terms.length === 0) continue;
    b.row(`TOTAL[v=${label(profileAt(sizes, v))}]`, terms, maxPhi[v]!.n === 0n ? "<=" : "=", 1);
  }
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < P; v++) {
      const prof = profileAt(sizes, v);
      if (prof[i]! + 1 >= K) continue;
      const w = profileIndex(sizes, withEntry(prof, i, prof[i]! + 1));
      b.row(`MONO[i=${i + 1}, v=${label(prof)}]`, [[auctionQVar(prior, i, v), 1], [auctionQVar(prior, i, w), -1]], "<=", 0);
    }
  }
  b.objective([]);
  return b.build();
}

/**
 * The mechanism of an allocation q (q[i][v]) with local downward EPIC and bottom EPIR binding:
 * t_i(v) = v_i q_i(v) − Δ Σ_{k < v_i} q_i(k, v_{-i}) (the randomized posted price of slide *The
 * optimal multipliers*). EPIC exactly when q is monotone; check with `checkAuctionMechanism`.
 */
export function envelopePayments(prior: AuctionPrior, alloc: readonly (readonly Q[])[]): Q[][] {
  const sizes = gridSizes(prior.n, prior.K);
  return alloc.map((qi, i) =>
    qi.map((x, v) => {
      const prof = profileAt(sizes, v);
      let rent = ZERO;
      for (let k = 0; k < prof[i]!; k++) rent = rent.add(qi[profileIndex(sizes, withEntry(prof, i, k))]!);
      return gridValue(prior, prof[i]!).mul(x).sub(prior.delta.mul(rent));
    }),
  );
}

/** Split a primal point of `monotoneMaximizerLp` (or of (P)) into q[i][v]. */
export function allocationFromColumns(prior: AuctionPrior, x: readonly Q[]): Q[][] {
  const P = profileCount(gridSizes(prior.n, prior.K));
  return Array.from({ length: prior.n }, (_, i) => Array.from({ length: P }, (_, v) => x[auctionQVar(prior, i, v)]!));
}

/** Encode / decode a prior as plain JSON (exact strings). */
export function priorToJson(prior: AuctionPrior): unknown {
  return { n: prior.n, K: prior.K, delta: prior.delta.toFraction(), low: prior.low.toFraction(), f: prior.f.map((x) => x.toFraction()) };
}
/**
 * Read an auction prior from JSON (n, K, f and optionally Δ and low, numbers as exact strings); a
 * malformed one is a MechcheckError.
 */
export function priorFromJson(j: unknown): AuctionPrior {
  const o = j as { n: number; K: number; delta?: string; low?: string; f: string[] };
  if (!o || typeof o.n !== "number" || typeof o.K !== "number" || !Array.isArray(o.f)) throw new MechcheckError("bad-prior", "prior JSON needs n, K and f");
  return auctionPrior(o.n, o.K, o.f.map((x, k) => q(x, `f[${k}]`)), { ...(o.delta !== undefined ? { delta: o.delta } : {}), ...(o.low !== undefined ? { low: o.low } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Everything about one prior, each number with its certificate (used by the ce2007 theorems and
// `mechcheck ce2007`).

/**
 * The Chung–Ely (2007) analysis of a prior ([BrooksExPost2023, *Chung and Ely (2007)*]):
 * regularity, the local-virtual-value revenue, value(P) and value(P′ on π*) with their re-checked
 * mechanisms, the dual bounds, a monotone maximizer, and every certificate that failed its
 * re-check.
 */
export interface ChungElyAnalysis {
  readonly regular: boolean;
  /** Σ_v f(v)·max(0, max_i φ̃_i(v)). */
  readonly lvv: Q;
  /** value(P), its optimal mechanism (re-checked with `checkAuctionMechanism` against all reports). */
  readonly exPost: { readonly value: Q; readonly q: Q[][]; readonly t: Q[][] };
  /** π\* and value(P′ on π\*), its optimal mechanism (re-checked with `checkBayesianMechanism`). */
  readonly piStar: Q[][][];
  readonly bayes: { readonly value: Q; readonly q: Q[][]; readonly t: Q[][] };
  /** The local multipliers as duals: upper bounds on value(P) and value(P′), both = lvv when they check (dualP: false skips (P)'s and reports lvv). */
  readonly dualBoundP: Q;
  readonly dualBoundPPrime: Q;
  /** A monotone pointwise maximizer of Σ_i q_i φ̃_i and its envelope mechanism, or null (selection LP infeasible, Farkas verified). */
  readonly monotoneMaximizer: { readonly q: Q[][]; readonly t: Q[][]; readonly revenue: Q } | null;
  /** Every certificate that failed its re-check (empty = all certified). */
  readonly problems: readonly string[];
}

/**
 * Solve (P), (P′ on π\*) and the monotone-maximizer LP exactly, and re-check every certificate
 * independently of the LP rows: the optimal mechanisms against the slides' inequalities, the
 * (P)-optimal mechanism against (P′)'s (so value(P) ≤ value(P′) is witnessed), the local
 * multipliers as dual bounds of (P) and (P′), and the envelope mechanism of a monotone maximizer
 * (EPIC, EPIR, revenue = lvv). Throws only on an LP status that is impossible ((P), (P′) are
 * feasible and bounded for full-support f); certificate failures are reported in `problems`.
 */
export function analyzeChungEly(prior: AuctionPrior, opts: { dualP?: boolean; ic?: "all" | "local" } = {}): ChungElyAnalysis {
  const problems: string[] = [];
  const lvv = localVirtualValueRevenue(prior);
  const regular = isRegular(prior);
  const pStar = piStar(prior);
  if (!beliefsAreDistributions(pStar)) problems.push("π* is not a family of probability vectors");

  // With ic "local", (P) keeps only the reports v_i ± Δ: a relaxation, so its value is ≥ value(P);
  // its optimal mechanism is re-checked below against EVERY EPIC constraint (checkAuctionMechanism
  // tries all reports), so it is feasible in the full (P) and the two values are equal.
  // Past the exact simplex's size (EXACT_ONLY_CELLS), the all-pairs (P) is solved by exact row
  // generation from its local rows (solveOptimalExPostAuction): the certificate is for the full (P).
  const ic = opts.ic ?? "all";
  const counts = auctionLpCounts(prior.n, prior.K, "all");
  const byRows = ic === "all" && counts.rows * counts.variables > EXACT_ONLY_CELLS ? solveOptimalExPostAuction(prior) : null;
  const pModel = byRows?.model ?? optimalExPostAuctionLp(prior, { ic });
  const rP = byRows?.result ?? solveSmall(pModel);
  if (rP.status !== "optimal") throw new MechcheckError("lp-status", `(P) is ${rP.status}`);
  const mP = auctionMechanismFromPrimal(prior, rP.primal);
  const cP = checkAuctionMechanism(prior, mP.q, mP.t);
  if (cP.violations.length > 0 || !cP.revenue.equals(rP.value)) problems.push(`the (P)-optimal mechanism fails its re-check: ${cP.violations.join("; ")} revenue ${cP.revenue.toFraction()}`);
  const inPPrime = checkBayesianMechanism(prior, pStar, mP.q, mP.t);
  if (inPPrime.violations.length > 0) problems.push(`the (P)-optimal mechanism is not feasible in (P′): ${inPPrime.violations.join("; ")}`);

  const ppModel = bayesianAuctionLp(prior, pStar);
  const rPp = solveSmall(ppModel);
  if (rPp.status !== "optimal") throw new MechcheckError("lp-status", `(P′) on π* is ${rPp.status}`);
  const mPp = auctionMechanismFromPrimal(prior, rPp.primal);
  const cPp = checkBayesianMechanism(prior, pStar, mPp.q, mPp.t);
  if (cPp.violations.length > 0 || !cPp.revenue.equals(rPp.value)) problems.push(`the (P′)-optimal mechanism fails its re-check: ${cPp.violations.join("; ")}`);

  const dP = opts.dualP === false ? ({ ok: true, bound: lvv } as const) : dualUpperBound(pModel, localDualForP(prior, pModel));
  const dPp = dualUpperBound(ppModel, localDualForPPrime(prior, ppModel));
  if (!dP.ok) problems.push(`local multipliers are not a dual of (P): ${dP.problems.join("; ")}`);
  if (!dPp.ok) problems.push(`local multipliers are not a dual of (P′): ${dPp.problems.join("; ")}`);

  const sel = solveSmall(monotoneMaximizerLp(prior));
  let monotoneMaximizer: ChungElyAnalysis["monotoneMaximizer"] = null;
  if (sel.status === "optimal") {
    const qq = allocationFromColumns(prior, sel.primal);
    const tt = envelopePayments(prior, qq);
    const c = checkAuctionMechanism(prior, qq, tt);
    if (c.violations.length > 0) problems.push(`the envelope mechanism of the monotone maximizer is not EPIC/EPIR: ${c.violations.join("; ")}`);
    if (!c.revenue.equals(lvv)) problems.push(`the envelope mechanism earns ${c.revenue.toFraction()}, not Σ f·max(0, max φ̃) = ${lvv.toFraction()}`);
    monotoneMaximizer = { q: qq, t: tt, revenue: c.revenue };
  } else if (sel.status !== "infeasible") throw new MechcheckError("lp-status", `monotone-maximizer LP is ${sel.status}`);
  return {
    regular,
    lvv,
    exPost: { value: rP.value, q: mP.q, t: mP.t },
    piStar: pStar,
    bayes: { value: rPp.value, q: mPp.q, t: mPp.t },
    dualBoundP: dP.ok ? dP.bound : lvv,
    dualBoundPPrime: dPp.ok ? dPp.bound : lvv,
    monotoneMaximizer,
    problems,
  };
}

/**
 * value(P) = lvv decided WITHOUT solving (P) or (P′): when the monotone-maximizer LP is feasible
 * its envelope mechanism (re-checked EPIC/EPIR, revenue lvv) and the local dual bounds (re-checked)
 * give value(P) = value(P′ on π\*) = lvv exactly; returns null when the LP is infeasible (then
 * solve). A cheap exact path for searches over many priors.
 */
export function saddlePointByCertificates(prior: AuctionPrior): { lvv: Q; problems: string[] } | null {
  const sel = solveSmall(monotoneMaximizerLp(prior));
  if (sel.status !== "optimal") return null;
  const lvv = localVirtualValueRevenue(prior);
  const problems: string[] = [];
  const qq = allocationFromColumns(prior, sel.primal);
  const c = checkAuctionMechanism(prior, qq, envelopePayments(prior, qq));
  if (c.violations.length > 0 || !c.revenue.equals(lvv)) problems.push(`envelope mechanism: ${c.violations.join("; ")} revenue ${c.revenue.toFraction()} vs ${lvv.toFraction()}`);
  const pModel = optimalExPostAuctionLp(prior);
  const dP = dualUpperBound(pModel, localDualForP(prior, pModel));
  if (!dP.ok || !dP.bound.equals(lvv)) problems.push("local dual of (P) fails");
  const ppModel = bayesianAuctionLp(prior, piStar(prior));
  const dPp = dualUpperBound(ppModel, localDualForPPrime(prior, ppModel));
  if (!dPp.ok || !dPp.bound.equals(lvv)) problems.push("local dual of (P′) fails");
  const inPPrime = checkBayesianMechanism(prior, piStar(prior), qq, envelopePayments(prior, qq));
  if (inPPrime.violations.length > 0) problems.push("envelope mechanism infeasible in (P′)");
  return { lvv, problems };
}

/**
 * Cross-monotonicity of the local virtual values: φ̃_j(v) non-increasing in v_i for every j ≠ i.
 * With the slide's (own-value) regularity it makes the allocation "to the highest non-negative φ̃,
 * ties to the lowest index" monotone in own value (raising v_i raises φ̃_i and lowers every φ̃_j,
 * so a winner keeps winning): then value(P) = LVV(f). Independent priors satisfy it trivially
 * (φ̃_j depends on v_j only). Returns null when it holds, else a witness (j's φ̃ rises when i's value does).
 */
export function crossMonotonicityViolation(prior: AuctionPrior): { i: number; j: number; v: number[]; next: number[]; phi: Q; phiNext: Q } | null {
  const phi = localVirtualValues(prior);
  for (const { i, v, w, prof, next } of ownValueSteps(prior)) {
    for (let j = 0; j < prior.n; j++) {
      if (j !== i && phi[j]![w]!.compare(phi[j]![v]!) > 0) return { i, j, v: prof, next, phi: phi[j]![v]!, phiNext: phi[j]![w]! };
    }
  }
  return null;
}

/**
 * Ironed local virtual values φ̄_i(v): on each section (i, v_{-i}), with weights w_k = f(k, v_{-i})
 * and φ̃_k = φ̃_i(k, v_{-i}) (k = 0 … K−1, low to high), the points (Q_k, R_k) = (Σ_{j ≥ k} w_j,
 * Σ_{j ≥ k} w_j φ̃_j), k = 0 … K (Q_K = R_K = 0), are replaced by their least concave majorant R̄
 * (as a function of Q), and φ̄_k = (R̄_k − R̄_{k+1}) / w_k — non-decreasing in k, equal to φ̃ where
 * φ̃ is already non-decreasing. For a non-decreasing q (Abel summation, increments q_k − q_{k−1} ≥ 0):
 *   Σ_k w_k φ̃_k q_k = Σ_k (q_k − q_{k−1}) R_k ≤ Σ_k (q_k − q_{k−1}) R̄_k = Σ_k w_k φ̄_k q_k,
 * with equality iff q only jumps where R̄ = R. Exact. Needs a full-support prior.
 */
export function ironedLocalVirtualValues(prior: AuctionPrior): Q[][] {
  const phi = localVirtualValues(prior);
  const sizes = gridSizes(prior.n, prior.K);
  const out: Q[][] = phi.map((row) => row.slice());
  for (let i = 0; i < prior.n; i++) {
    for (let v = 0; v < prior.f.length; v++) {
      const prof = profileAt(sizes, v);
      if (prof[i] !== 0) continue; // one section per (i, v_{-i}), started from its bottom profile
      const idx = Array.from({ length: prior.K }, (_, k) => profileIndex(sizes, withEntry(prof, i, k)));
      const w = idx.map((t) => prior.f[t]!);
      const Qs: Q[] = new Array(prior.K + 1).fill(ZERO);
      const Rs: Q[] = new Array(prior.K + 1).fill(ZERO);
      for (let k = prior.K - 1; k >= 0; k--) {
        Qs[k] = Qs[k + 1]!.add(w[k]!);
        Rs[k] = Rs[k + 1]!.add(w[k]!.mul(phi[i]![idx[k]!]!));
      }
      // upper hull over x = Q increasing, i.e. k = K, K−1, …, 0
      const hull: number[] = [];
      for (let k = prior.K; k >= 0; k--) {
        while (hull.length >= 2) {
          const a = hull[hull.length - 2]!;
          const b = hull[hull.length - 1]!;
          // drop b if it lies on or below the chord a → k
          const cross = Qs[b]!.sub(Qs[a]!).mul(Rs[k]!.sub(Rs[a]!)).sub(Rs[b]!.sub(Rs[a]!).mul(Qs[k]!.sub(Qs[a]!)));
          if (cross.compare(ZERO) >= 0) hull.pop();
          else break;
        }
        hull.push(k);
      }
      const Rbar: Q[] = Rs.slice();
      for (let h = 0; h + 1 < hull.length; h++) {
        const a = hull[h]!;
        const b = hull[h + 1]!; // a > b (Q_a < Q_b)
        for (let k = a - 1; k > b; k--) Rbar[k] = Rs[a]!.add(Rs[b]!.sub(Rs[a]!).mul(Qs[k]!.sub(Qs[a]!)).div(Qs[b]!.sub(Qs[a]!)));
      }
      for (let k = 0; k < prior.K; k++) out[i]![idx[k]!] = Rbar[k]!.sub(Rbar[k + 1]!).div(w[k]!);
    }
  }
  return out;
}

/** ILVV(f) = Σ_v f(v)·max(0, max_i φ̄_i(v)): an upper bound on value(P) for every full-support f (ironing inequality). */
export function ironedLvv(prior: AuctionPrior): Q {
  return expectedPositiveMax(prior, ironedLocalVirtualValues(prior));
}
