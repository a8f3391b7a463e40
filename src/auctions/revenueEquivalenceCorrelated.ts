/**
 * Revenue equivalence with correlated types ([BernardMD3, *Failure of Revenue Equivalence*]): with a
 * common prior that is not a product, a type's belief about the others depends on the type, so
 * interim payments are no longer pinned by the allocation ("This is no longer possible when types
 * are interdependent"). This module measures exactly how far they are from pinned.
 *
 * Given a finite private-values environment whose types are ordered by index (type 0 = lowest), a
 * full-support common prior π, a fixed allocation (lotteries q(θ)) and target interim utilities
 * U_i(0) of the lowest types, it solves two exact LPs over ex post payment tables p_i(θ) ∈ [−B, B]:
 *
 *   min / max   E_π[Σ_i p_i(θ)]
 *   s.t.  BIC:        for all i, k ≠ j:  E[v_i(q(k, θ_{-i})) − p_i(k, θ_{-i}) | k] ≥ E[v_i(q(j, θ_{-i})) − p_i(j, θ_{-i}) | k]
 *         downward:   for all i, k ≥ 1:  the BIC constraint (k, j = k − 1) holds with equality
 *         bottom:     for all i:         E[v_i(q(0, θ_{-i})) − p_i(0, θ_{-i}) | 0] = U_i(0)
 *         interim IR: for all i, k:      E[v_i(q(k, θ_{-i})) − p_i(k, θ_{-i}) | k] ≥ r_i(k)   (optional)
 *
 * (each row multiplied by the marginal π_i(k) > 0, so every coefficient is a prior weight). Under
 * an independent prior on a single-object grid the downward and bottom rows pin the revenue (see
 * revenueEquivalenceGrid.ts), so min = max; a gap min < max with correlated types is the failure of
 * revenue equivalence. The LP solutions are only proposals: callers re-certify the two mechanisms
 * with the concept checkers (isBIC, isInterimIR, interim utilities) before using them.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, type QInput, q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpResult, type TermInput } from "../lp/model.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { lotteryValue, numProfiles, reservationOf, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";

/**
 * Options of the correlated revenue-range LPs ([BernardMD3, *Failure of Revenue Equivalence*]): the
 * payment box [−bound, bound], whether interim IR rows are added (default true), and solver
 * options.
 */
export interface RangeOptions extends SolveOptions {
  /** Payments are boxed in [−bound, bound] (the LP is unbounded otherwise under correlation). */
  readonly bound: QInput;
  /** Add interim IR rows (default true). */
  readonly interimIR?: boolean;
}

/**
 * The exact range of expected revenue over BIC mechanisms with a fixed allocation, binding local
 * downward constraints and given bottom utilities ([BernardMD3, *Failure of Revenue Equivalence*]):
 * its minimum and maximum with mechanisms attaining them, or a Farkas certificate that none exists.
 */
export type DownwardBindingRange =
  | { readonly status: "infeasible"; readonly farkas: readonly Q[] }
  | {
      readonly status: "range";
      readonly min: { readonly revenue: Q; readonly mechanism: DirectMechanism };
      readonly max: { readonly revenue: Q; readonly mechanism: DirectMechanism };
    };

/** E_π[Σ_i p_i(θ)] straight from a payment table. */
export function expectedPayments(prior: readonly Q[], payments: readonly (readonly Q[])[]): Q {
  let s = ZERO;
  prior.forEach((p, th) => {
    if (p.n !== 0n) for (const x of payments[th]!) s = s.add(p.mul(x));
  });
  return s;
}

/** Build the LP of the module comment (direction as given). Exported for tests. */
function downwardBindingLp(env: Environment, prior: readonly Q[], allocation: readonly (readonly Q[])[], lowestUtility: readonly Q[], direction: "min" | "max", opts: RangeOptions): { model: ReturnType<LpBuilder["build"]>; variable: (i: number, th: number) => number } {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const P = numProfiles(env);
  if (prior.length !== P) throw new MechcheckError("dimension", `prior: expected ${P} probabilities, got ${prior.length}`, { path: "prior", value: prior.length });
  if (prior.some((p) => p.n <= 0n)) throw new MechcheckError("zero-probability-type", "prior: a full-support prior is needed (every profile positive)", { path: "prior" });
  const bound = q(opts.bound, "bound");
  const b = new LpBuilder(direction);
  const vars: number[][] = [];
  for (let i = 0; i < n; i++) {
    vars.push([]);
    for (let th = 0; th < P; th++) vars[i]!.push(b.variable(`p[${i};${th}]`, { lower: bound.neg(), upper: bound }));
  }
  const variable = (i: number, th: number) => vars[i]![th]!;
  for (let i = 0; i < n; i++) {
    const K = profileCount(othersSizes(sizes, i));
    const at = (k: number, o: number) => profileIndex(sizes, joinProfile(sizes, i, k, o));
    // value of type k (true state (k, o)) for the outcome of report j: Σ_o π(k, o) v_i(q(j, o), (k, o))
    const value = (k: number, j: number) => {
      let s = ZERO;
      for (let o = 0; o < K; o++) s = s.add(prior[at(k, o)]!.mul(lotteryValue(env, i, at(k, o), allocation[at(j, o)]!)));
      return s;
    };
    const marginal = (k: number) => {
      let s = ZERO;
      for (let o = 0; o < K; o++) s = s.add(prior[at(k, o)]!);
      return s;
    };
    for (let k = 0; k < sizes[i]!; k++) {
      for (let j = 0; j < sizes[i]!; j++) {
        if (j === k) continue;
        // −Σ π(k,o) p(k,o) + Σ π(k,o) p(j,o) ≥ value(k, j) − value(k, k)
        const terms: TermInput[] = [];
        for (let o = 0; o < K; o++) {
          terms.push([variable(i, at(k, o)), prior[at(k, o)]!.neg()]);
          terms.push([variable(i, at(j, o)), prior[at(k, o)]!]);
        }
        b.row(`bic[${i};${k}>${j}]`, terms, j === k - 1 ? "=" : ">=", value(k, j).sub(value(k, k)));
      }
      if (opts.interimIR ?? true) {
        const terms: TermInput[] = [];
        for (let o = 0; o < K; o++) terms.push([variable(i, at(k, o)), prior[at(k, o)]!]);
        b.row(`iir[${i};${k}]`, terms, "<=", value(k, k).sub(marginal(k).mul(reservationOf(env, i, k))));
      }
    }
    const terms: TermInput[] = [];
    for (let o = 0; o < K; o++) terms.push([variable(i, at(0, o)), prior[at(0, o)]!]);
    b.row(`bottom[${i}]`, terms, "=", value(0, 0).sub(marginal(0).mul(lowestUtility[i]!)));
  }
  const obj: TermInput[] = [];
  for (let i = 0; i < n; i++) for (let th = 0; th < P; th++) obj.push([variable(i, th), prior[th]!]);
  b.objective(obj);
  return { model: b.build(), variable };
}

/** Solve the min and the max LP; see the module comment. */
export function downwardBindingRevenueRange(env: Environment, prior: readonly Q[], allocation: readonly (readonly Q[])[], lowestUtility: readonly Q[], opts: RangeOptions): DownwardBindingRange {
  const n = env.agents.length;
  const P = numProfiles(env);
  const run = (direction: "min" | "max"): LpResult & { table?: Q[][] } => {
    const { model, variable } = downwardBindingLp(env, prior, allocation, lowestUtility, direction, opts);
    const r = solve(model, opts);
    if (r.status !== "optimal") return r;
    const table = Array.from({ length: P }, (_, th) => Array.from({ length: n }, (_, i) => r.primal[variable(i, th)]!));
    return { ...r, table };
  };
  const lo = run("min");
  if (lo.status === "infeasible") return { status: "infeasible", farkas: lo.farkas.rows };
  if (lo.status !== "optimal") throw new InternalError("downwardBindingRevenueRange: the boxed LP cannot be unbounded");
  const hi = run("max");
  if (hi.status !== "optimal") throw new InternalError(`downwardBindingRevenueRange: the max LP is ${hi.status} although the min LP is feasible`);
  const mech = (t: Q[][]): DirectMechanism => ({ kind: "direct", allocation: allocation.map((r) => r.slice()), payments: t });
  return {
    status: "range",
    min: { revenue: expectedPayments(prior, lo.table!), mechanism: mech(lo.table!) },
    max: { revenue: expectedPayments(prior, hi.table!), mechanism: mech(hi.table!) },
  };
}
