/**
 * Existence of transfers for a deterministic decision rule f: Θ → Q, as LP feasibility.
 *
 * [ChungEly2002, Lemma 1 / Prop 4.4]: f is EPIC (there are payments t making (f, t) ex post IC) iff for
 * every i and θ_{-i} the section f(·, θ_{-i}) is pseudo-efficient w.r.t. v_i(·, θ_{-i}, ·). The
 * LP here is the direct side of that equivalence: its variables are the payments p_i(θ) (free,
 * paid BY agent i) and its rows the IC constraints, linear in p for a fixed f. Feasible ⇔
 * transfers exist; an infeasibility (Farkas) certificate is a nonnegative combination of IC rows,
 * i.e. a cycle of deviations with positive total gain (Rochet's cyclical monotonicity).
 *
 * Row conventions (all "≥"):
 *   EPIC  `epic[i=…;θ=…;r=…]`:  p_i(θ'_i, θ_{-i}) − p_i(θ) ≥ v_i(f(θ'_i, θ_{-i}), θ) − v_i(f(θ), θ)
 *   DSIC  `dsic[i=…;r=…;θi=…>…]` for each i, others' reports r_{-i}, θ_i ≠ θ'_i:
 *         p_i(θ'_i, r_{-i}) − p_i(θ_i, r_{-i}) ≥ max_{θ_{-i}} [v_i(f(θ'_i, r_{-i}), θ) − v_i(f(θ_i, r_{-i}), θ)],  θ = (θ_i, θ_{-i})
 *         (the DSIC definition of incentives.ts; for a fixed (i, r_{-i}, θ_i, θ'_i) the constraints over
 *         the true θ_{-i} differ only in their right-hand side, so only the largest is kept — exact).
 *   optional ex post IR `ir[i=…;θ=…]`: −p_i(θ) ≥ r_i(θ_i) − v_i(f(θ), θ);
 *   optional ex post budget balance `bb[θ=…]`: Σ_i p_i(θ) = 0.
 * Objective: none (minimize 0), a pure feasibility problem.
 */
import { type Q } from "../exact/rational.ts";
import { LpBuilder, type LpModel } from "../lp/model.ts";
import type { DecisionRule, Environment } from "../model/environment.ts";
import { numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { validateDecisionRule, validateEnvironment } from "../model/validate.ts";

/**
 * An LP whose columns are the payments p_i(θ) of a fixed decision rule and whose rows are its
 * incentive (and optional IR and budget) constraints: feasible iff such transfers exist
 * ([ChungEly2002, Lemma 1]).
 */
export interface TransfersLp {
  readonly model: LpModel;
  /** LP column of p_i(θ), θ a profile index. */
  payment(i: number, theta: number): number;
}

/** Optional rows of a transfers LP: ex post IR against env.reservation, and ex post budget balance. */
export interface TransfersOptions {
  /** Add ex post IR rows (reservation levels of env.reservation). */
  readonly expostIR?: boolean;
  /** Add ex post budget-balance rows Σ_i p_i(θ) = 0. */
  readonly budgetBalanced?: boolean;
}

function start(env: Environment, rule: DecisionRule): { b: LpBuilder; payment: (i: number, th: number) => number; key: (th: number) => string } {
  validateEnvironment(env);
  validateDecisionRule(env, rule);
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const n = sizes.length;
  const b = new LpBuilder("min");
  const key = (th: number) => profileAt(sizes, th).join(",");
  const cols: number[] = [];
  for (let th = 0; th < P; th++) for (let i = 0; i < n; i++) cols.push(b.variable(`p[i=${i};θ=${key(th)}]`, { lower: null }));
  return { b, payment: (i, th) => cols[th * n + i]!, key };
}

function finish(env: Environment, rule: DecisionRule, s: ReturnType<typeof start>, opts: TransfersOptions): TransfersLp {
  const { b, payment, key } = s;
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  if (opts.expostIR) {
    for (let th = 0; th < P; th++) {
      const prof = profileAt(sizes, th);
      for (let i = 0; i < sizes.length; i++) {
        b.row(`ir[i=${i};θ=${key(th)}]`, [[payment(i, th), -1]], ">=", reservationOf(env, i, prof[i]!).sub(env.valuation[i]![th]![rule[th]!]!));
      }
    }
  }
  if (opts.budgetBalanced) {
    for (let th = 0; th < P; th++) b.row(`bb[θ=${key(th)}]`, sizes.map((_, i) => [payment(i, th), 1] as const), "=", 0);
  }
  b.objective([]);
  return { model: b.build(), payment };
}

/** The LP "payments making the deterministic rule EPIC exist" ([ChungEly2002, Lemma 1]). */
export function epicTransfersLp(env: Environment, rule: DecisionRule, opts: TransfersOptions = {}): TransfersLp {
  const s = start(env, rule);
  const sizes = typeSizes(env);
  for (let i = 0; i < sizes.length; i++) {
    for (let th = 0; th < numProfiles(env); th++) {
      const prof = profileAt(sizes, th);
      const vi = env.valuation[i]![th]!;
      for (let k = 0; k < sizes[i]!; k++) {
        if (k === prof[i]) continue;
        const dev = profileIndex(sizes, prof.map((x, j) => (j === i ? k : x)));
        s.b.row(`epic[i=${i};θ=${s.key(th)};r=${s.key(dev)}]`, [[s.payment(i, dev), 1], [s.payment(i, th), -1]], ">=", vi[rule[dev]!]!.sub(vi[rule[th]!]!));
      }
    }
  }
  return finish(env, rule, s, opts);
}

/** The LP "payments making the deterministic rule DSIC exist" (DSIC as in incentives.ts). */
export function dsicTransfersLp(env: Environment, rule: DecisionRule, opts: TransfersOptions = {}): TransfersLp {
  const s = start(env, rule);
  const sizes = typeSizes(env);
  for (let i = 0; i < sizes.length; i++) {
    const K = profileCount(othersSizes(sizes, i));
    for (let r = 0; r < K; r++) {
      for (let ti = 0; ti < sizes[i]!; ti++) {
        const truthRep = profileIndex(sizes, joinProfile(sizes, i, ti, r));
        for (let k = 0; k < sizes[i]!; k++) {
          if (k === ti) continue;
          const devRep = profileIndex(sizes, joinProfile(sizes, i, k, r));
          let rhs: Q | null = null;
          for (let o = 0; o < K; o++) {
            const state = profileIndex(sizes, joinProfile(sizes, i, ti, o));
            const vi = env.valuation[i]![state]!;
            const c = vi[rule[devRep]!]!.sub(vi[rule[truthRep]!]!);
            if (rhs === null || c.compare(rhs) > 0) rhs = c;
          }
          s.b.row(`dsic[i=${i};r=${s.key(truthRep)};θi=${ti}>${k}]`, [[s.payment(i, devRep), 1], [s.payment(i, truthRep), -1]], ">=", rhs!);
        }
      }
    }
  }
  return finish(env, rule, s, opts);
}
