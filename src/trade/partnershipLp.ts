/**
 * Exact partnership dissolvability on a finite grid ([Mishra2020, *Dissolving a partnership
 * efficiently*]: "there exists a feasible (allocation feasibility and budget balance), efficient,
 * Bayesian incentive compatible and individually rational mechanism"), as an LP feasibility problem
 * for a GIVEN efficient allocation (src/budgetBalance/expectedExternality.ts; ties split uniformly by
 * default) and independent marginals:
 *
 *   variables  p_i(θ) free (payment BY agent i at report profile θ)
 *   BB[θ]      Σ_i p_i(θ) = 0
 *   BIC[i,τ→r] E_{θ_{-i}}[v_i(q(τ,·)) − p_i(τ,·)] ≥ E_{θ_{-i}}[v_i(q(r,·)) − p_i(r,·)]   (true type τ)
 *   IIR[i,τ]   E_{θ_{-i}}[v_i(q(τ,·)) − p_i(τ,·)] ≥ r_i w(τ)                          (property right)
 *
 * with the expectation over the others' independent types ([Mishra2020]'s interim rules q_i, t_i). On
 * grids the notes' necessity argument (payoff equivalence) is unavailable, so this LP — not the
 * sign of Σ_i W_i — is the exact finite test. Feasible: the point (re-checkable by src/concepts);
 * infeasible: a verified Farkas certificate (src/lp/solve.ts).
 */
import { type Q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { lotteryValue, numProfiles, reservationOf, typeSizes, type Environment } from "../model/environment.ts";
import { joinProfile, profileIndex } from "../model/profiles.ts";
import { othersProbabilities, type Marginals } from "../model/independence.ts";
import { InternalError } from "../errors.ts";

function dissolutionLp(env: Environment, marginals: Marginals, allocation: readonly (readonly Q[])[]): LpModel {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const P = numProfiles(env);
  const lp = new LpBuilder("min");
  const col = (i: number, t: number) => t * n + i;
  for (let t = 0; t < P; t++) for (let i = 0; i < n; i++) lp.variable(`p${i + 1}[${t}]`, { lower: null });
  for (let t = 0; t < P; t++) lp.row(`BB[${t}]`, sizes.map((_, i): TermInput => [col(i, t), 1]), "=", 0);
  for (let i = 0; i < n; i++) {
    const probs = othersProbabilities(marginals, i);
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const ir: TermInput[] = [];
      let value = ZERO;
      probs.forEach((w, k) => {
        if (w.n === 0n) return;
        const t = profileIndex(sizes, joinProfile(sizes, i, tau, k));
        ir.push([col(i, t), w.neg()]);
        value = value.add(w.mul(lotteryValue(env, i, t, allocation[t]!)));
      });
      lp.row(`IIR[${i + 1},${tau + 1}]`, ir, ">=", reservationOf(env, i, tau).sub(value));
      for (let r = 0; r < sizes[i]!; r++) {
        if (r === tau) continue;
        const terms: TermInput[] = [];
        let rhs = ZERO;
        probs.forEach((w, k) => {
          if (w.n === 0n) return;
          const truth = profileIndex(sizes, joinProfile(sizes, i, tau, k));
          const dev = profileIndex(sizes, joinProfile(sizes, i, r, k));
          terms.push([col(i, dev), w], [col(i, truth), w.neg()]);
          rhs = rhs.add(w.mul(lotteryValue(env, i, truth, allocation[dev]!).sub(lotteryValue(env, i, truth, allocation[truth]!))));
        });
        lp.row(`BIC[${i + 1},${tau + 1}→${r + 1}]`, terms, ">=", rhs);
      }
    }
  }
  lp.objective([]);
  return lp.build();
}

/** Feasible: payments[θ][i] of a dissolving mechanism; infeasible: the Farkas multipliers by row name. */
export function dissolvableOnGrid(env: Environment, marginals: Marginals, allocation: readonly (readonly Q[])[], opts: SolveOptions = {}): { readonly dissolvable: true; readonly payments: Q[][] } | { readonly dissolvable: false; readonly farkas: Readonly<Record<string, string>> } {
  const model = dissolutionLp(env, marginals, allocation);
  const res = solve(model, opts);
  const n = env.agents.length;
  if (res.status === "optimal") return { dissolvable: true, payments: Array.from({ length: numProfiles(env) }, (_, t) => env.agents.map((_, i) => res.primal[t * n + i]!)) };
  if (res.status !== "infeasible") throw new InternalError(`dissolution LP: unexpected status ${res.status}`);
  const farkas: Record<string, string> = {};
  res.farkas.rows.forEach((y, k) => {
    if (y.n !== 0n) farkas[model.rows[k]!.name] = y.toFraction();
  });
  return { dissolvable: false, farkas };
}
