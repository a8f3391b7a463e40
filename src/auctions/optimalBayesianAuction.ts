/**
 * The revenue-maximizing single-object auction under a (possibly correlated) common prior, as an
 * exact LP ([BernardMD3, *Auction of an Indivisible Good*]: "How does the revenue-maximizing auction
 * look like?"; *Yet Another Auction*: "optimal allocation and optimal IR and IC(v_4, v_5)"):
 *
 *   variables  x_i(θ) ∈ [0, 1] (probability that i gets the object at report profile θ),
 *              p_i(θ) free (payment BY i)
 *   FEAS[θ]    Σ_i x_i(θ) ≤ 1                                   (the object may stay unsold)
 *   IIR[i,τ]   Σ_k π(τ, k) [w_i(τ) x_i(τ, k) − p_i(τ, k)] ≥ 0
 *   BIC[i,τ→r] Σ_k π(τ, k) [w_i(τ) x_i(τ, k) − p_i(τ, k) − w_i(τ) x_i(r, k) + p_i(r, k)] ≥ 0
 *              for all (i, τ, r), or only for a given list of pairs (a relaxation)
 *   maximize   Σ_θ π(θ) Σ_i p_i(θ)
 *
 * with π(τ, k) the prior of the profile where i has type τ and the others' profile is k (the
 * notes' constraints multiplied by the marginal of τ; a type of probability 0 gets none). Private
 * values w_i(θ_i). By interim IR, revenue ≤ expected surplus E[max_i w_i], so the LP is bounded.
 * The LP's value is certified by src/lp/solve.ts (verified primal and dual).
 */
import { MechcheckError } from "../errors.ts";
import { type Q, type QInput, q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";

/**
 * Options of the optimal-auction LP: which BIC pairs (agent, true type, report) to impose (default
 * all; fewer is a relaxation).
 */
export interface OptimalAuctionOptions {
  /** BIC pairs [agent, true type, report] to impose; default all. */
  readonly bic?: readonly (readonly [number, number, number])[];
}

/**
 * The exact revenue-maximizing auction LP under a common prior ([BernardMD3, *Auction of an
 * Indivisible Good*]), with the columns of each allocation probability x_i(θ) and payment p_i(θ).
 */
export interface OptimalAuctionLp {
  readonly model: LpModel;
  /** Column of x_i(θ) and p_i(θ). */
  x(i: number, theta: number): number;
  /** The column of the payment p_i(θ). */
  p(i: number, theta: number): number;
}

/** values[i][τ] = w_i(τ); prior over profiles (mixed-radix order of src/model/profiles.ts). */
function optimalAuctionLp(valuesInput: readonly (readonly QInput[])[], priorInput: readonly QInput[], opts: OptimalAuctionOptions = {}): OptimalAuctionLp {
  const values = valuesInput.map((r, i) => r.map((v, k) => q(v, `values[${i}][${k}]`)));
  const sizes = values.map((r) => r.length);
  const P = profileCount(sizes);
  const n = sizes.length;
  const prior = priorInput.map((v, k) => q(v, `prior[${k}]`));
  if (prior.length !== P) throw new MechcheckError("dimension", `prior: expected ${P} entries, got ${prior.length}`, { path: "prior", value: prior.length });
  const lp = new LpBuilder("max");
  const xcol = (i: number, t: number) => t * 2 * n + i;
  const pcol = (i: number, t: number) => t * 2 * n + n + i;
  for (const prof of allProfiles(sizes)) {
    const key = prof.map((k) => k + 1).join(",");
    for (let i = 0; i < n; i++) lp.variable(`x${i + 1}(${key})`, { lower: 0, upper: 1 });
    for (let i = 0; i < n; i++) lp.variable(`p${i + 1}(${key})`, { lower: null });
  }
  for (let t = 0; t < P; t++) lp.row(`FEAS[${t}]`, sizes.map((_, i): TermInput => [xcol(i, t), 1]), "<=", 1);
  const pairs: (readonly [number, number, number])[] = opts.bic ? opts.bic.slice() : sizes.flatMap((m, i) => Array.from({ length: m }, (_, tau) => Array.from({ length: m }, (_, r) => [i, tau, r] as const).filter(([, a, b]) => a !== b)).flat());
  const K = (i: number) => profileCount(othersSizes(sizes, i));
  for (let i = 0; i < n; i++) {
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const terms: TermInput[] = [];
      for (let k = 0; k < K(i); k++) {
        const t = profileIndex(sizes, joinProfile(sizes, i, tau, k));
        const w = prior[t]!;
        if (w.n === 0n) continue;
        terms.push([xcol(i, t), w.mul(values[i]![tau]!)], [pcol(i, t), w.neg()]);
      }
      if (terms.length > 0) lp.row(`IIR[${i + 1},${tau + 1}]`, terms, ">=", 0);
    }
  }
  for (const [i, tau, r] of pairs) {
    const terms: TermInput[] = [];
    for (let k = 0; k < K(i); k++) {
      const t = profileIndex(sizes, joinProfile(sizes, i, tau, k));
      const d = profileIndex(sizes, joinProfile(sizes, i, r, k));
      const w = prior[t]!;
      if (w.n === 0n) continue;
      terms.push([xcol(i, t), w.mul(values[i]![tau]!)], [pcol(i, t), w.neg()], [xcol(i, d), w.mul(values[i]![tau]!).neg()], [pcol(i, d), w]);
    }
    if (terms.length > 0) lp.row(`BIC[${i + 1},${tau + 1}→${r + 1}]`, terms, ">=", 0);
  }
  const obj: TermInput[] = [];
  for (let t = 0; t < P; t++) for (let i = 0; i < n; i++) if (prior[t]!.n !== 0n) obj.push([pcol(i, t), prior[t]!]);
  lp.objective(obj);
  return { model: lp.build(), x: xcol, p: pcol };
}

/** The optimal expected revenue (certified), with an optimal allocation x[θ][i] and payments p[θ][i]. */
export function optimalAuctionRevenue(values: readonly (readonly QInput[])[], prior: readonly QInput[], opts: OptimalAuctionOptions & SolveOptions = {}): { value: Q; x: Q[][]; p: Q[][] } {
  const lp = optimalAuctionLp(values, prior, opts);
  const res = solve(lp.model, opts);
  if (res.status !== "optimal") throw new MechcheckError("lp-status", `optimal auction LP: status ${res.status} (expected optimal: revenue is bounded by the expected surplus)`);
  const sizes = values.map((r) => r.length);
  const P = profileCount(sizes);
  const x: Q[][] = [];
  const p: Q[][] = [];
  for (let t = 0; t < P; t++) {
    x.push(sizes.map((_, i) => res.primal[lp.x(i, t)] ?? ZERO));
    p.push(sizes.map((_, i) => res.primal[lp.p(i, t)] ?? ZERO));
  }
  return { value: res.value, x, p };
}
