/**
 * Does a direct mechanism have an EQUIVALENT Bayesian incentive-compatible mechanism? ([BernardMD3,
 * Prop 7.11 and the definition recalled under it]: "two mechanisms are equivalent if they have the
 * same decision rule q and lead to the same interim expected payments E_{τ_i}[p_i(τ_i, T_{-i})] =
 * E_{τ_i}[p'_i(τ_i, T_{-i})]".) Decided exactly by linear programming, agent by agent (agent i's
 * constraints involve only p'_i):
 *
 *   variables  p'_i(r) free, r over report profiles
 *   EQ[τ]      Σ_k π(k|τ) p'_i(τ, k) = Σ_k π(k|τ) p_i(τ, k)                         for all τ ∈ T_i
 *   BIC[τ→r]   Σ_k π(k|τ) [v_i(q(τ,k), (τ,k)) − p'_i(τ,k)] ≥ Σ_k π(k|τ) [v_i(q(r,k), (τ,k)) − p'_i(r,k)]
 *
 * with π(·|τ) agent i's belief of type τ over the others' profiles k (common-prior conditionals
 * or per-type beliefs). Feasible: the LP's point is an equivalent BIC payment rule (re-checked by
 * the caller with src/concepts). Infeasible: a verified Farkas certificate (src/lp/solve.ts).
 * Independent of the Farkas-lottery construction of src/beliefs/cremerMcLean.ts, which proves
 * feasibility under the Crémer–McLean condition; when the condition fails the LP tells whether
 * THIS mechanism can still be fixed.
 */
import { type Q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { lotteryValue, numProfiles, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, profileIndex } from "../model/profiles.ts";
import { InternalError } from "../errors.ts";

/** beliefs[i][τ][k] = π(k | τ) over the others' profiles (othersIndex order). */
export type AgentBeliefs = readonly (readonly (readonly Q[])[])[];

/** The LP of the module comment for agent i; column r is p'_i at report profile r. */
function equivalentBicLp(env: Environment, beliefs: AgentBeliefs, mech: DirectMechanism, i: number): LpModel {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const lp = new LpBuilder("min");
  for (let r = 0; r < P; r++) lp.variable(`p'${i + 1}[${r}]`, { lower: null });
  for (let tau = 0; tau < sizes[i]!; tau++) {
    const b = beliefs[i]![tau]!;
    const eq: TermInput[] = [];
    let interim = ZERO;
    b.forEach((p, k) => {
      if (p.n === 0n) return;
      const r = profileIndex(sizes, joinProfile(sizes, i, tau, k));
      eq.push([r, p]);
      interim = interim.add(p.mul(mech.payments[r]![i]!));
    });
    lp.row(`EQ[i=${i + 1}, τ=${tau + 1}]`, eq, "=", interim);
    for (let rep = 0; rep < sizes[i]!; rep++) {
      if (rep === tau) continue;
      // Σ_k π(k|τ) [p'(rep,k) − p'(τ,k)] ≥ Σ_k π(k|τ) [v(q(rep,k)) − v(q(τ,k))]
      const terms: TermInput[] = [];
      let rhs = ZERO;
      b.forEach((p, k) => {
        if (p.n === 0n) return;
        const truth = profileIndex(sizes, joinProfile(sizes, i, tau, k));
        const dev = profileIndex(sizes, joinProfile(sizes, i, rep, k));
        terms.push([dev, p], [truth, p.neg()]);
        rhs = rhs.add(p.mul(lotteryValue(env, i, truth, mech.allocation[dev]!).sub(lotteryValue(env, i, truth, mech.allocation[truth]!))));
      });
      lp.row(`BIC[i=${i + 1}, τ=${tau + 1}→${rep + 1}]`, terms, ">=", rhs);
    }
  }
  lp.objective([]);
  return lp.build();
}

/**
 * Whether a direct mechanism has an equivalent BIC mechanism ([BernardMD3, Prop 7.11]; same
 * decision rule and interim payments), decided by exact LPs: the payments of one, or the first
 * agent's verified Farkas multipliers by row name.
 */
export type EquivalentBicResult =
  | { readonly exists: true; /** payments[r][i] */ readonly payments: Q[][] }
  | { readonly exists: false; readonly agent: number; /** verified Farkas multipliers on agent's EQ/BIC rows, by row name */ readonly farkas: Readonly<Record<string, string>> };

/** Decide existence for all agents; an equivalent BIC payment table, or the first agent's Farkas certificate. */
export function equivalentBic(env: Environment, beliefs: AgentBeliefs, mech: DirectMechanism, opts: SolveOptions = {}): EquivalentBicResult {
  const P = numProfiles(env);
  const payments: Q[][] = Array.from({ length: P }, () => env.agents.map(() => ZERO));
  for (let i = 0; i < env.agents.length; i++) {
    const model = equivalentBicLp(env, beliefs, mech, i);
    const res = solve(model, opts); // verified inside solve
    if (res.status === "infeasible") {
      const farkas: Record<string, string> = {};
      res.farkas.rows.forEach((y, k) => {
        if (y.n !== 0n) farkas[model.rows[k]!.name] = y.toFraction();
      });
      return { exists: false, agent: i, farkas };
    }
    if (res.status !== "optimal") throw new InternalError(`equivalent-BIC LP: unexpected status ${res.status}`);
    for (let r = 0; r < P; r++) payments[r]![i] = res.primal[r]!;
  }
  return { exists: true, payments };
}
