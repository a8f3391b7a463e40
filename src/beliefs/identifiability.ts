/**
 * Kosenok–Severinov ([BernardMD3, Def 7.13 *Identifiable Distributions*, Prop 7.14 *Achieving Budget
 * Balance*]), decided exactly on a finite type space with a full-support common prior π.
 *
 * ## Identifiability (Def 7.13)
 * "π satisfies the identifiability condition if, for any other distribution μ ≠ π with μ(τ) > 0 for
 * all τ, there exists i and τ_i such that for any non-negative weights λ, μ(·|τ_i) ≠ Σ_{τ'_i}
 * λ(τ'_i) π(·|τ'_i)." Let
 *   M = { μ ∈ Δ(T) : for every i and τ_i, μ(τ_i, ·) ∈ cone{ π(·|τ'_i) : τ'_i ∈ T_i } },
 * a polyhedron (μ and the weights λ enter linearly; scaling μ(·|τ_i) by μ_i(τ_i) > 0 keeps cone
 * membership). π ∈ M. Identifiability fails iff M contains a full-support μ ≠ π; since π > 0 and M
 * is convex, that happens iff M ≠ {π} (move slightly from π towards any other point of M). And
 * M = {π} iff max_{μ∈M} μ(τ) = π(τ) for EVERY τ (then μ ≤ π everywhere and Σμ = Σπ force μ = π).
 * All |T| coordinates are needed: μ ≤ π on all but one coordinate only gives μ(τ_last) ≥ π(τ_last)
 * (an earlier version skipped the last LP and called a non-identifiable prior identifiable — the
 * kosenok-severinov regression case, where the only coordinate with μ > π is the last profile).
 * So identifiability is |T| exact LPs; a failure comes with the witness μ* (re-checkable: the
 * weights λ are in the LP point) and μ_ε = (1 − ε)π + εμ* is a full-support one.
 *
 * ## From an infeasibility certificate to a non-identifiability witness (`farkasWitness`)
 * If the LP below is infeasible, its Farkas multipliers (z on BB[τ], a on EQ[i,τ_i], w ≥ 0 on
 * BIC[i,τ_i→r]) satisfy, for every i and (τ_i, k): with ν = −z,
 *   ν(τ_i, k) = c_i(τ_i) π(k|τ_i) + Σ_{s≠τ_i} w_i[s→τ_i] π(k|s),   c_i(τ_i) = a_i(τ_i) − Σ_r w_i[τ_i→r],
 * so ν + Kπ has nonnegative cone weights once c_i(τ_i) + Kπ_i(τ_i) > 0 for all i, τ_i: normalized,
 * it is a full-support μ ∈ M. If μ = π, then ν = βπ, and under CM βπ(τ_i, ·) = βπ_i(τ_i)π(·|τ_i)
 * has no other decomposition of this form (another one would put a positive multiple of π(·|τ_i)
 * in the cone of the other types' beliefs, or a nonzero nonnegative combination equal to a
 * nonpositive vector); so w = 0 and a_i = βπ_i, and the certificate's value Σ a_i(τ_i)P_i(τ_i)
 * would be β · (ex ante budget) = 0, not > 0. Hence CM ∧ ex ante budget balance ∧ infeasible ⇒ μ ≠ π, i.e.
 * Prop 7.14 (CM ∧ identifiability ⇒ feasible) is a consequence of LP duality, and every
 * infeasible case yields an independently checkable non-identifiability witness.
 *
 * ## Equivalent BIC, ex post budget-balanced mechanisms (Prop 7.14)
 * For a direct mechanism (q, p) with ex ante budget balance Σ_τ π(τ) Σ_i p_i(τ) = 0, the LP
 *   EQ[i,τ_i]   Σ_k π(k|τ_i) p'_i(τ_i, k) = Σ_k π(k|τ_i) p_i(τ_i, k)        (equivalent: same interim payments)
 *   BIC[i,τ→r]  as in src/beliefs/equivalentBic.ts
 *   BB[τ]       Σ_i p'_i(τ) = 0                                            (ex post budget balance)
 * decides whether an equivalent BIC, ex post budget-balanced mechanism (q, p') exists; Prop 7.14
 * says it does under CM + identifiability.
 */
import { q, type Q, ZERO, ONE } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { lotteryValue, numProfiles, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import { InternalError } from "../errors.ts";

/** cond[i][τ_i][k] = π(k | τ_i) over the others' profiles (othersIndex order). */
export type Conditionals = readonly (readonly (readonly Q[])[])[];

/** The LP max μ(target) over M (columns: μ(τ) for every profile, then λ[i][τ_i][τ'_i] ≥ 0). */
export function identifiabilityLp(sizes: readonly number[], cond: Conditionals, target: number): LpModel {
  const P = profileCount(sizes);
  const lp = new LpBuilder("max");
  for (let t = 0; t < P; t++) lp.variable(`μ[${t}]`, { lower: 0 });
  const lam: number[][][] = sizes.map((m, i) => Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => lp.variable(`λ${i + 1}[${a + 1}←${b + 1}]`, { lower: 0 }))));
  lp.row("SUM", Array.from({ length: P }, (_, t): TermInput => [t, 1]), "=", 1);
  sizes.forEach((m, i) => {
    const K = profileCount(othersSizes(sizes, i));
    for (let a = 0; a < m; a++) {
      for (let k = 0; k < K; k++) {
        // μ(a, k) − Σ_b λ[a←b] π(k | b) = 0
        const terms: TermInput[] = [[profileIndex(sizes, joinProfile(sizes, i, a, k)), 1]];
        for (let b = 0; b < m; b++) {
          const p = cond[i]![b]![k]!;
          if (p.n !== 0n) terms.push([lam[i]![a]![b]!, p.neg()]);
        }
        lp.row(`CONE[i=${i + 1},τ=${a + 1},k=${k}]`, terms, "=", 0);
      }
    }
  });
  lp.objective([[target, 1]]);
  return lp.build();
}

/**
 * Whether a full-support prior is identifiable ([BernardMD3, Def 7.13]), decided by exact LPs; if
 * not, a distribution μ ≠ π in the cone polyhedron M (full support after mixing with π) and the
 * coordinate where it was found.
 */
export type IdentifiabilityVerdict =
  | { readonly identifiable: true }
  | { readonly identifiable: false; /** a μ ∈ M, μ ≠ π (full support after mixing with π) */ readonly mu: readonly Q[]; readonly at: number };

/** Decide Def 7.13 for a full-support prior (see the module comment). */
export function identifiability(sizes: readonly number[], prior: readonly Q[], cond: Conditionals, opts: SolveOptions = {}): IdentifiabilityVerdict {
  const P = profileCount(sizes);
  // every coordinate: max μ(τ) ≤ π(τ) for all τ forces μ = π (skipping one would not — see the module comment)
  for (let t = 0; t < P; t++) {
    const res = solve(identifiabilityLp(sizes, cond, t), opts);
    if (res.status !== "optimal") throw new InternalError(`identifiability LP: status ${res.status} (π itself is feasible and μ ≤ 1)`);
    if (res.value.compare(prior[t]!) > 0) return { identifiable: false, mu: res.primal.slice(0, P), at: t };
  }
  return { identifiable: true };
}

/** Check μ ∈ M exactly, with cone weights found by `solve` on the per-type systems (independent of the big LP). */
export function inM(sizes: readonly number[], cond: Conditionals, mu: readonly Q[]): boolean {
  let sum = ZERO;
  for (const x of mu) {
    if (x.s < 0n && x.n !== 0n) return false;
    sum = sum.add(x);
  }
  if (!sum.equals(ONE)) return false;
  for (let i = 0; i < sizes.length; i++) {
    const m = sizes[i]!;
    const K = profileCount(othersSizes(sizes, i));
    for (let a = 0; a < m; a++) {
      const lp = new LpBuilder("min");
      for (let b = 0; b < m; b++) lp.variable(`λ${b}`, { lower: 0 });
      for (let k = 0; k < K; k++) {
        const terms: TermInput[] = [];
        for (let b = 0; b < m; b++) if (cond[i]![b]![k]!.n !== 0n) terms.push([b, cond[i]![b]![k]!]);
        lp.row(`k${k}`, terms, "=", mu[profileIndex(sizes, joinProfile(sizes, i, a, k))]!);
      }
      if (solve(lp.build()).status !== "optimal") return false;
    }
  }
  return true;
}

/** The LP of Prop 7.14 (columns p'_i(τ) at τ·n + i). */
function budgetBalancedEquivalentLp(env: Environment, cond: Conditionals, mech: DirectMechanism): LpModel {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const P = numProfiles(env);
  const col = (i: number, t: number) => t * n + i;
  const lp = new LpBuilder("min");
  for (let t = 0; t < P; t++) for (let i = 0; i < n; i++) lp.variable(`p'${i + 1}[${t}]`, { lower: null });
  for (let t = 0; t < P; t++) lp.row(`BB[${t}]`, sizes.map((_, i): TermInput => [col(i, t), 1]), "=", 0);
  for (let i = 0; i < n; i++) {
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const b = cond[i]![tau]!;
      const eq: TermInput[] = [];
      let interim = ZERO;
      b.forEach((p, k) => {
        if (p.n === 0n) return;
        const t = profileIndex(sizes, joinProfile(sizes, i, tau, k));
        eq.push([col(i, t), p]);
        interim = interim.add(p.mul(mech.payments[t]![i]!));
      });
      lp.row(`EQ[${i + 1},${tau + 1}]`, eq, "=", interim);
      for (let r = 0; r < sizes[i]!; r++) {
        if (r === tau) continue;
        const terms: TermInput[] = [];
        let rhs = ZERO;
        b.forEach((p, k) => {
          if (p.n === 0n) return;
          const truth = profileIndex(sizes, joinProfile(sizes, i, tau, k));
          const dev = profileIndex(sizes, joinProfile(sizes, i, r, k));
          terms.push([col(i, dev), p], [col(i, truth), p.neg()]);
          rhs = rhs.add(p.mul(lotteryValue(env, i, truth, mech.allocation[dev]!).sub(lotteryValue(env, i, truth, mech.allocation[truth]!))));
        });
        lp.row(`BIC[${i + 1},${tau + 1}→${r + 1}]`, terms, ">=", rhs);
      }
    }
  }
  lp.objective([]);
  return lp.build();
}

/**
 * Whether a mechanism has an equivalent BIC, ex post budget-balanced mechanism ([BernardMD3, Prop
 * 7.14]), by an exact LP: its payments, or the verified Farkas multipliers by row name.
 */
export function budgetBalancedEquivalent(env: Environment, cond: Conditionals, mech: DirectMechanism, opts: SolveOptions = {}): { readonly exists: true; readonly payments: Q[][] } | { readonly exists: false; readonly farkas: Readonly<Record<string, string>> } {
  const model = budgetBalancedEquivalentLp(env, cond, mech);
  const res = solve(model, opts);
  const n = env.agents.length;
  if (res.status === "optimal") return { exists: true, payments: Array.from({ length: numProfiles(env) }, (_, t) => env.agents.map((_, i) => res.primal[t * n + i]!)) };
  if (res.status !== "infeasible") throw new InternalError(`Prop 7.14 LP: unexpected status ${res.status}`);
  const farkas: Record<string, string> = {};
  res.farkas.rows.forEach((y, k) => {
    if (y.n !== 0n) farkas[model.rows[k]!.name] = y.toFraction();
  });
  return { exists: false, farkas };
}

/**
 * The non-identifiability witness carried by an infeasibility certificate of the Prop 7.14 LP (see
 * the module comment): μ = (ν + Kπ)/Σ(ν + Kπ) with ν = −(BB multipliers) and K the least integer
 * making every own-type cone weight c_i(τ_i) + Kπ_i(τ_i) positive. Pure arithmetic on the
 * certificate (row names as written by `budgetBalancedEquivalentLp`); check the result with `inM`.
 */
export function farkasWitness(sizes: readonly number[], prior: readonly Q[], farkas: Readonly<Record<string, string>>): Q[] {
  const P = profileCount(sizes);
  const get = (name: string): Q => (farkas[name] === undefined ? ZERO : q(farkas[name]!, name));
  const nu = Array.from({ length: P }, (_, t) => get(`BB[${t}]`).neg());
  let K = ZERO;
  sizes.forEach((m, i) => {
    const Ki = profileCount(othersSizes(sizes, i));
    for (let a = 0; a < m; a++) {
      let c = get(`EQ[${i + 1},${a + 1}]`);
      for (let r = 0; r < m; r++) if (r !== a) c = c.sub(get(`BIC[${i + 1},${a + 1}→${r + 1}]`));
      let marginal = ZERO;
      for (let k = 0; k < Ki; k++) marginal = marginal.add(prior[profileIndex(sizes, joinProfile(sizes, i, a, k))]!);
      const need = c.neg().div(marginal); // K > need makes the own weight positive
      if (need.compare(K) >= 0) K = need;
    }
  });
  K = K.floor().add(ONE);
  const shifted = nu.map((x, t) => x.add(K.mul(prior[t]!)));
  const total = shifted.reduce((s, x) => s.add(x), ZERO);
  return shifted.map((x) => x.div(total));
}
