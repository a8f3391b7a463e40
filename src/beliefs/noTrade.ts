/**
 * Morris (1994): no trade, the common prior, and trade with incentive compatibility, as exact LPs.
 *
 * Source: [BrooksExPost2023],
 * slides *Chung and Ely show that these minmax beliefs violate the common prior assumption*
 * (no trade ⇔ CPA, "Morris's theorem, which we discussed in lecture 2"), *No trade without CPA but
 * with IC*, *Aside on no-trade with IC*, *Lemma (Morris' theorem)*, *Farkas dual of trade with IC*,
 * *Noisy concordant beliefs* (the rearranged formula corrected: π_i(t_{-i},θ|t_i) =
 * [π(θ,t) + Σ_{t'_i} μ_i(t'_i,t_i) π_i(t_{-i},θ|t'_i)] / [λ_i(t_i) + Σ_{t'_i} μ_i(t_i,t'_i)]).
 * Catalogue ids `morris-ic-trade`, `no-trade-common-prior`, `no-trade-ic-example`.
 *
 * ## Type space
 * A finite Harsanyi type space (src/model/environment.ts `HarsanyiTypeSpace`): states θ ∈ Θ, type
 * sets T_i, and per-type beliefs π_i(t_{-i}, θ | t_i) (beliefs[i][t_i][k·|Θ| + s], k the index of
 * t_{-i} among the others' profiles); the beliefs need not come from a common prior.
 *
 * ## Trades (slide *Aside on no-trade with IC*)
 * A trade γ assigns each agent a transfer γ_i(t, θ) at every type profile t and state θ (the slide
 * writes γ : T → ℝⁿ but evaluates γ_i(t_i, t_{-i}, θ), and the dual multiplier π(θ, t) is indexed
 * by (θ, t): feasibility holds state by state). It is
 *   feasible    if Σ_i γ_i(t, θ) ≤ 0 for all (t, θ)                                FEAS[t, θ]
 *   acceptable  if Σ_{t_{-i},θ} π_i(t_{-i},θ|t_i) γ_i(t_i,t_{-i},θ) ≥ 0 for all i, t_i,
 *               with some strict inequality                                        ACC[i, t_i]
 *   IC          if Σ_{t_{-i},θ} π_i(t_{-i},θ|t_i) [γ_i(t_i,t_{-i},θ) − γ_i(t'_i,t_{-i},θ)] ≥ 0
 *               for all i, t_i, t'_i                                              IC[i, t_i, report t'_i]
 *
 * `tradeLp(ts, { ic })` decides existence with the normalisation "with some strict inequality":
 *   max  Σ_{i,t_i} E_i[γ_i | t_i]    s.t. FEAS, ACC, (IC), NORM: Σ_{i,t_i} E_i[γ_i | t_i] ≤ 1,
 * γ free. γ = 0 is feasible and the feasible trades form a cone cut by NORM, so the value is 1 if
 * a feasible acceptable (IC) trade exists and 0 otherwise. At value 0, the optimal dual is the
 * alternative: with y ≥ 0 on FEAS (=: π(θ,t)), −y =: λ'_i(t_i) ≥ 0 on ACC, −y =: μ_i ≥ 0 on IC and
 * s = 0 on NORM, dual feasibility (reduced cost 0 on each free γ_i(t,θ)) reads
 *   π(θ,t) = λ_i(t_i) π_i(t_{-i},θ|t_i) + Σ_{t'_i} [μ_i(t_i,t'_i) π_i(t_{-i},θ|t_i) − μ_i(t'_i,t_i) π_i(t_{-i},θ|t'_i)]
 * with λ_i(t_i) = 1 + λ'_i(t_i) ≥ 1: exactly the noisy-concordance system of slide *Farkas dual of
 * trade with IC* (λ not all zero). Without IC (μ = 0) it says π(θ,t) = λ_i(t_i) π_i(t_{-i},θ|t_i)
 * for all i: π is a common prior (up to scale) giving every type positive weight.
 * `multipliersFromTradeDual` reads (π, λ, μ) off such a dual; `checkNoisyConcordance` re-checks.
 *
 * ## Noisy concordance (slides *Farkas dual of trade with IC*, *Noisy concordant beliefs*)
 * `noisyConcordanceLp(ts)`: variables π(θ,t) ≥ 0, λ_i(t_i) ≥ 0, μ_i(t_i,t'_i) ≥ 0 (t'_i ≠ t_i; a
 * diagonal μ_i(t_i,t_i) cancels out of the equation), rows
 *   NC[i, t, θ]:  π(θ,t) − λ_i(t_i)π_i(t_{-i},θ|t_i) − Σ_{t'_i}[μ_i(t_i,t'_i)π_i(t_{-i},θ|t_i) − μ_i(t'_i,t_i)π_i(t_{-i},θ|t'_i)] = 0
 *   NORM:         Σ_{θ,t} π(θ,t) = 1
 * and objective 0 (a feasibility problem; "NB We could rescale the multipliers so that π integrates
 * to 1"). Summing NC[i,·,·] over (t,θ) gives Σ π = Σ_{t_i} λ_i(t_i) for every i (slide *Noisy
 * concordant beliefs*), so NORM is the same as "λ not all zero" after scaling. A Farkas certificate
 * of infeasibility (multipliers γ_i(t,θ) on NC, z on NORM) has Σ_i γ_i(t,θ) ≤ −z < 0, acceptability
 * and IC as above: a feasible, acceptable, IC trade with a strict surplus in every state.
 */
import seedrandom from "seedrandom";
import { MechcheckError } from "../errors.ts";
import { solveNonsingular } from "../exact/linalg.ts";
import { ONE, q, qsum, ZERO, type Q, type QInput } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import { joinProfile, othersIndex, othersSizes, profileAt, profileCount, profileIndex, withEntry } from "../model/profiles.ts";

/** The number of types of each agent of a Harsanyi type space. */
export function typeSpaceSizes(ts: HarsanyiTypeSpace): number[] {
  return ts.types.map((t) => t.length);
}

/**
 * Check a type space's shape and that every belief is a probability vector (exact). Throws a
 * MechcheckError naming the offending entry.
 */
export function validateTypeSpace(ts: HarsanyiTypeSpace): void {
  const n = ts.types.length;
  if (n < 1 || ts.agents.length !== n) throw new MechcheckError("bad-type-space", `type space: ${ts.agents.length} agents but ${n} type sets`, { path: "types" });
  if (ts.states.length < 1) throw new MechcheckError("bad-type-space", "type space: no states", { path: "states" });
  const sizes = typeSpaceSizes(ts);
  if (sizes.some((m) => m < 1)) throw new MechcheckError("bad-type-space", "type space: an agent has no types", { path: "types" });
  const S = ts.states.length;
  for (let i = 0; i < n; i++) {
    const len = profileCount(othersSizes(sizes, i)) * S;
    const bi = ts.beliefs[i];
    if (!bi || bi.length !== sizes[i]) throw new MechcheckError("bad-type-space", `beliefs[${i}] must have one belief per type (${sizes[i]})`, { path: `beliefs[${i}]` });
    for (let t = 0; t < sizes[i]!; t++) {
      const b = bi[t]!;
      if (b.length !== len) throw new MechcheckError("bad-type-space", `beliefs[${i}][${t}] has ${b.length} entries, expected ${len}`, { path: `beliefs[${i}][${t}]` });
      for (let k = 0; k < len; k++) {
        if (b[k]!.s < 0n && b[k]!.n !== 0n) throw new MechcheckError("negative-probability", `beliefs[${i}][${t}][${k}] is negative`, { path: `beliefs[${i}][${t}][${k}]`, value: b[k]!.toFraction() });
      }
      if (!qsum(b).equals(ONE)) throw new MechcheckError("not-a-distribution", `beliefs[${i}][${t}] sums to ${qsum(b).toFraction()}, not 1`, { path: `beliefs[${i}][${t}]` });
    }
  }
  if (ts.prior) {
    if (ts.prior.length !== profileCount(sizes) * S) throw new MechcheckError("bad-type-space", "prior has the wrong length", { path: "prior" });
    if (!qsum(ts.prior).equals(ONE)) throw new MechcheckError("not-a-distribution", "prior does not sum to 1", { path: "prior" });
  }
}

/** π_i(t_{-i}, θ | t_i) at a full type profile t (array of type indices) and state s. */
export function beliefAt(ts: HarsanyiTypeSpace, i: number, t: readonly number[], s: number): Q {
  const sizes = typeSpaceSizes(ts);
  return ts.beliefs[i]![t[i]!]![othersIndex(sizes, t, i) * ts.states.length + s]!;
}

/** "(2,3)": a type profile's 1-based type indices, as used in row and column names. */
export function tLabel(t: readonly number[]): string {
  return `(${t.map((k) => k + 1).join(",")})`;
}

/** Column of γ_i(t, θ) in `tradeLp` (t a profile index, s a state index): (i·|T| + t)·|Θ| + s. */
export function tradeVar(ts: HarsanyiTypeSpace, i: number, t: number, s: number): number {
  return (i * profileCount(typeSpaceSizes(ts)) + t) * ts.states.length + s;
}

/** Row/column counts of `tradeLp`. */
export function tradeLpCounts(sizes: readonly number[], states: number, ic: boolean): { variables: number; rows: number } {
  const T = profileCount(sizes);
  const n = sizes.length;
  const acc = sizes.reduce((a, m) => a + m, 0);
  const icRows = ic ? sizes.reduce((a, m) => a + m * (m - 1), 0) : 0;
  return { variables: n * T * states, rows: T * states + acc + icRows + 1 };
}

/**
 * The trade LP (value 1 ⇔ a feasible, acceptable (and, with ic, IC) trade exists; value 0 ⇔ none).
 * See the module comment. Columns γ_i(t,θ) named `γ1(t=(2,3),θ=1)` (1-based), at `tradeVar`.
 * Rows in order: FEAS[t, θ] for all (t, θ); then per agent i and type t_i: ACC[i, t_i] and (ic)
 * IC[i, t_i, report t'_i] for t'_i ≠ t_i; finally NORM.
 */
export function tradeLp(ts: HarsanyiTypeSpace, opts: { ic: boolean }): LpModel {
  validateTypeSpace(ts);
  const b = new LpBuilder("max");
  addTradeColumns(b, ts);
  addBudgetRows(b, ts, "FEAS", 0);
  const allGain = addAcceptanceRows(b, ts, opts);
  b.row("NORM", allGain, "<=", 1);
  b.objective(allGain);
  return b.build();
}

/** Add the free columns γ_i(t,θ), named `γ1(t=(2,3),θ=1)`, in `tradeVar` order (call on an empty builder). */
export function addTradeColumns(b: LpBuilder, ts: HarsanyiTypeSpace): void {
  const sizes = typeSpaceSizes(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  for (let i = 0; i < sizes.length; i++) {
    for (let t = 0; t < T; t++) {
      const lab = tLabel(profileAt(sizes, t));
      for (let s = 0; s < S; s++) b.variable(`γ${i + 1}(t=${lab},θ=${s + 1})`, { lower: null });
    }
  }
}

/** Add the budget rows `${name}[t, θ]`: Σ_i γ_i(t, θ) ≤ rhs for every (t, θ) (FEAS with rhs 0; SURPLUS with rhs −1). */
export function addBudgetRows(b: LpBuilder, ts: HarsanyiTypeSpace, name: string, rhs: QInput): void {
  const sizes = typeSpaceSizes(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  for (let t = 0; t < T; t++) {
    const lab = tLabel(profileAt(sizes, t));
    for (let s = 0; s < S; s++) {
      const terms: TermInput[] = [];
      for (let i = 0; i < sizes.length; i++) terms.push([tradeVar(ts, i, t, s), 1]);
      b.row(`${name}[t=${lab}, θ=${s + 1}]`, terms, "<=", rhs);
    }
  }
}

/**
 * Add, per agent i and type t_i, the row ACC[i, t_i]: E_i[γ_i(t_i, ·) | t_i] ≥ 0 and (ic) the rows
 * IC[i, t_i, report t'_i]: E_i[γ_i(t_i, ·) − γ_i(t'_i, ·) | t_i] ≥ 0 for t'_i ≠ t_i. Returns the
 * terms of all the ACC rows together (Σ_{i,t_i} E_i[γ_i | t_i]).
 */
export function addAcceptanceRows(b: LpBuilder, ts: HarsanyiTypeSpace, opts: { ic: boolean }): TermInput[] {
  const sizes = typeSpaceSizes(ts);
  const S = ts.states.length;
  const allGain: TermInput[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const others = othersSizes(sizes, i);
    const K = profileCount(others);
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const belief = ts.beliefs[i]![ti]!;
      // E_i[γ_i(t_i', ·) | t_i] as terms, for a reported type r.
      const gainTerms = (r: number, sign: 1 | -1): TermInput[] => {
        const out: TermInput[] = [];
        for (let k = 0; k < K; k++) {
          const t = profileIndex(sizes, joinProfile(sizes, i, r, k));
          for (let s = 0; s < S; s++) {
            const p = belief[k * S + s]!;
            if (p.n !== 0n) out.push([tradeVar(ts, i, t, s), sign === 1 ? p : p.neg()]);
          }
        }
        return out;
      };
      const own = gainTerms(ti, 1);
      allGain.push(...own);
      b.row(`ACC[i=${i + 1}, t${i + 1}=${ti + 1}]`, own, ">=", 0);
      if (opts.ic) {
        for (let r = 0; r < sizes[i]!; r++) {
          if (r === ti) continue;
          b.row(`IC[i=${i + 1}, t${i + 1}=${ti + 1}, report ${r + 1}]`, [...own, ...gainTerms(r, -1)], ">=", 0);
        }
      }
    }
  }
  return allGain;
}

/**
 * The LP of an acceptable, feasible and incentive-compatible trade on a type space
 * ([BrooksExPost2023, *Aside on no-trade with IC*]; `morris-ic-trade`).
 */
export const icTradeLp = (ts: HarsanyiTypeSpace): LpModel => tradeLp(ts, { ic: true });
/** The trade LP without IC (`no-trade-common-prior`). */
export const plainTradeLp = (ts: HarsanyiTypeSpace): LpModel => tradeLp(ts, { ic: false });

/** Multipliers of the noisy-concordance system: pi[t·|Θ| + s], lambda[i][t_i], mu[i][t_i][t'_i]. */
export interface NoisyConcordanceMultipliers {
  readonly pi: readonly Q[];
  readonly lambda: readonly (readonly Q[])[];
  readonly mu: readonly (readonly (readonly Q[])[])[];
}

/** Column indices in `noisyConcordanceLp`: π(θ,t) first, then λ_i(t_i), then μ_i(t_i,t'_i) (t'_i ≠ t_i). */
export function noisyConcordanceColumns(ts: HarsanyiTypeSpace): {
  /** The column of π(θ = s, t) (t a type-profile index). */
  pi: (t: number, s: number) => number;
  /** The column of λ_i(t_i). */
  lambda: (i: number, ti: number) => number;
  /** The column of μ_i(t_i, t'_i). */
  mu: (i: number, ti: number, tj: number) => number;
  /** The number of columns. */
  count: number;
} {
  const sizes = typeSpaceSizes(ts);
  const S = ts.states.length;
  const T = profileCount(sizes);
  const lamStart: number[] = [];
  let c = T * S;
  for (const m of sizes) {
    lamStart.push(c);
    c += m;
  }
  const muStart: number[] = [];
  for (const m of sizes) {
    muStart.push(c);
    c += m * (m - 1);
  }
  return {
    pi: (t, s) => t * S + s,
    lambda: (i, ti) => lamStart[i]! + ti,
    mu: (i, ti, tj) => {
      if (ti === tj) throw new MechcheckError("bad-index", "μ_i(t_i, t_i) is not a variable");
      const m = sizes[i]!;
      return muStart[i]! + ti * (m - 1) + (tj < ti ? tj : tj - 1);
    },
    count: c,
  };
}

/**
 * The noisy-concordance feasibility LP (see module comment): feasible ⇔ beliefs are noisy
 * concordant ⇔ (Morris 1994) no feasible, acceptable, IC trade exists.
 * Rows: NC[i, t, θ] for each agent i, type profile t, state θ (in that order); then NORM.
 */
export function noisyConcordanceLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const T = profileCount(typeSpaceSizes(ts));
  const S = ts.states.length;
  const b = new LpBuilder("min");
  const cols = addNoisyConcordanceSystem(b, ts, {});
  const norm: TermInput[] = [];
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) norm.push([cols.pi(t, s), 1]);
  b.row("NORM", norm, "=", 1);
  b.objective([]);
  return b.build();
}

/**
 * Add the noisy-concordance system to an empty builder: columns π(θ,t) ≥ 0, λ_i(t_i) ≥ lambdaLower
 * (default 0), μ_i(t_i,t'_i) ≥ 0 in `noisyConcordanceColumns` order, and the rows NC[i, t, θ] (= 0;
 * agent, type profile, state, in that order: row `tradeVar(ts, i, t, s)` of the system). Shared by
 * `noisyConcordanceLp` ("λ not all zero", with NORM) and `strictNoisyConcordanceLp` of
 * noTradeAlternatives.ts (every λ ≥ 1). Returns the column layout.
 */
export function addNoisyConcordanceSystem(b: LpBuilder, ts: HarsanyiTypeSpace, opts: { lambdaLower?: QInput }): ReturnType<typeof noisyConcordanceColumns> {
  const sizes = typeSpaceSizes(ts);
  const n = sizes.length;
  const T = profileCount(sizes);
  const S = ts.states.length;
  const cols = noisyConcordanceColumns(ts);
  for (let t = 0; t < T; t++) {
    const lab = tLabel(profileAt(sizes, t));
    for (let s = 0; s < S; s++) b.variable(`π(t=${lab},θ=${s + 1})`);
  }
  const lambdaOpts = opts.lambdaLower === undefined ? {} : { lower: opts.lambdaLower };
  for (let i = 0; i < n; i++) for (let ti = 0; ti < sizes[i]!; ti++) b.variable(`λ${i + 1}(${ti + 1})`, lambdaOpts);
  for (let i = 0; i < n; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) for (let tj = 0; tj < sizes[i]!; tj++) if (tj !== ti) b.variable(`μ${i + 1}(${ti + 1},${tj + 1})`);
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const prof = profileAt(sizes, t);
      const ti = prof[i]!;
      for (let s = 0; s < S; s++) {
        const own = beliefAt(ts, i, prof, s);
        const terms: TermInput[] = [[cols.pi(t, s), 1], [cols.lambda(i, ti), own.neg()]];
        for (let tj = 0; tj < sizes[i]!; tj++) {
          if (tj === ti) continue;
          terms.push([cols.mu(i, ti, tj), own.neg()]);
          terms.push([cols.mu(i, tj, ti), beliefAt(ts, i, withEntry(prof, i, tj), s)]);
        }
        b.row(`NC[i=${i + 1}, t=${tLabel(prof)}, θ=${s + 1}]`, terms, "=", 0);
      }
    }
  }
  return cols;
}

/**
 * Exact check of the noisy-concordance equations (slide *Farkas dual of trade with IC*):
 * π, λ, μ ≥ 0, λ not all zero, and for every i, t, θ:
 * π(θ,t) = λ_i(t_i)π_i(t_{-i},θ|t_i) + Σ_{t'_i ≠ t_i}[μ_i(t_i,t'_i)π_i(t_{-i},θ|t_i) − μ_i(t'_i,t_i)π_i(t_{-i},θ|t'_i)].
 * Returns the list of failures (empty = the multipliers certify noisy concordance).
 */
export function checkNoisyConcordance(ts: HarsanyiTypeSpace, m: NoisyConcordanceMultipliers): string[] {
  const sizes = typeSpaceSizes(ts);
  const n = sizes.length;
  const S = ts.states.length;
  const T = profileCount(sizes);
  const fails: string[] = [];
  const neg = (x: Q) => x.s < 0n && x.n !== 0n;
  m.pi.forEach((x, k) => neg(x) && fails.push(`π[${k}] < 0`));
  let anyLambda = false;
  for (let i = 0; i < n; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const l = m.lambda[i]![ti]!;
      if (neg(l)) fails.push(`λ${i + 1}(${ti + 1}) < 0`);
      if (l.n !== 0n) anyLambda = true;
      for (let tj = 0; tj < sizes[i]!; tj++) if (tj !== ti && neg(m.mu[i]![ti]![tj]!)) fails.push(`μ${i + 1}(${ti + 1},${tj + 1}) < 0`);
    }
  }
  if (!anyLambda) fails.push("λ all zero");
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const prof = profileAt(sizes, t);
      const ti = prof[i]!;
      for (let s = 0; s < S; s++) {
        const own = beliefAt(ts, i, prof, s);
        let rhs = m.lambda[i]![ti]!.mul(own);
        for (let tj = 0; tj < sizes[i]!; tj++) {
          if (tj === ti) continue;
          rhs = rhs.add(m.mu[i]![ti]![tj]!.mul(own)).sub(m.mu[i]![tj]![ti]!.mul(beliefAt(ts, i, withEntry(prof, i, tj), s)));
        }
        if (!m.pi[t * S + s]!.equals(rhs)) fails.push(`NC[i=${i + 1}, t=${tLabel(prof)}, θ=${s + 1}]`);
      }
    }
  }
  return fails;
}

/**
 * Read (π, λ, μ) off an optimal dual of `tradeLp(ts, {ic})` with value 0 (row duals in the
 * model.ts "max" convention: y ≥ 0 on ≤ rows, y ≤ 0 on ≥ rows): π = y_FEAS,
 * λ_i(t_i) = 1 − y_NORM − y_ACC[i,t_i], μ_i(t_i,t'_i) = −y_IC[i,t_i,t'_i] (zero without IC).
 * (Reduced cost 0 on the free column γ_i(t,θ) is exactly the noisy-concordance equation; see the
 * module comment.) Nothing here is trusted: pass the result to `checkNoisyConcordance`.
 */
export function multipliersFromTradeDual(ts: HarsanyiTypeSpace, rowDuals: readonly Q[], opts: { ic: boolean }): NoisyConcordanceMultipliers {
  const sizes = typeSpaceSizes(ts);
  const n = sizes.length;
  const T = profileCount(sizes);
  const S = ts.states.length;
  let r = 0;
  const pi: Q[] = [];
  for (let k = 0; k < T * S; k++) pi.push(rowDuals[r++]!);
  const lambda: Q[][] = sizes.map((m) => new Array<Q>(m).fill(ZERO));
  const mu: Q[][][] = sizes.map((m) => Array.from({ length: m }, () => new Array<Q>(m).fill(ZERO)));
  const accRow: number[][] = sizes.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      accRow[i]![ti] = r++;
      if (opts.ic) for (let tj = 0; tj < sizes[i]!; tj++) if (tj !== ti) mu[i]![ti]![tj] = rowDuals[r++]!.neg();
    }
  }
  const sNorm = rowDuals[r++]!;
  if (r !== rowDuals.length) throw new MechcheckError("bad-certificate", `trade LP dual has ${rowDuals.length} rows, expected ${r}`);
  for (let i = 0; i < n; i++) for (let ti = 0; ti < sizes[i]!; ti++) lambda[i]![ti] = ONE.sub(sNorm).sub(rowDuals[accRow[i]![ti]!]!);
  return { pi, lambda, mu };
}

/**
 * Evaluate a trade γ[i][t·|Θ| + s] directly from the definitions (independently of the LP rows):
 * feasibility, acceptability (with the strict part), and IC. Returns failures and interim gains.
 */
export function checkTrade(ts: HarsanyiTypeSpace, gamma: readonly (readonly Q[])[], opts: { ic: boolean }): { failures: string[]; gains: Q[][] } {
  const sizes = typeSpaceSizes(ts);
  const n = sizes.length;
  const T = profileCount(sizes);
  const S = ts.states.length;
  const failures: string[] = [];
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) {
      let tot = ZERO;
      for (let i = 0; i < n; i++) tot = tot.add(gamma[i]![t * S + s]!);
      if (tot.s > 0n && tot.n !== 0n) failures.push(`infeasible at t=${tLabel(profileAt(sizes, t))}, θ=${s + 1}`);
    }
  }
  // interim[i][ti][r] = Σ π_i(t_{-i},θ|t_i) γ_i(r, t_{-i}, θ)
  const interim = (i: number, ti: number, r: number): Q => {
    let sum = ZERO;
    const K = profileCount(othersSizes(sizes, i));
    for (let k = 0; k < K; k++) {
      const t = profileIndex(sizes, joinProfile(sizes, i, r, k));
      for (let s = 0; s < S; s++) sum = sum.add(ts.beliefs[i]![ti]![k * S + s]!.mul(gamma[i]![t * S + s]!));
    }
    return sum;
  };
  const gains: Q[][] = [];
  let strict = false;
  for (let i = 0; i < n; i++) {
    gains.push([]);
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const g = interim(i, ti, ti);
      gains[i]!.push(g);
      if (g.s < 0n && g.n !== 0n) failures.push(`not acceptable for i=${i + 1}, t=${ti + 1}`);
      if (g.s > 0n && g.n !== 0n) strict = true;
      if (opts.ic) {
        for (let r = 0; r < sizes[i]!; r++) if (r !== ti && g.compare(interim(i, ti, r)) < 0) failures.push(`not IC for i=${i + 1}, t=${ti + 1}, report ${r + 1}`);
      }
    }
  }
  if (!strict) failures.push("no type gains strictly");
  return { failures, gains };
}

/** Split a `tradeLp` primal into γ[i][t·|Θ| + s]. */
export function tradeFromPrimal(ts: HarsanyiTypeSpace, x: readonly Q[]): Q[][] {
  const T = profileCount(typeSpaceSizes(ts));
  const S = ts.states.length;
  return ts.types.map((_, i) => Array.from({ length: T * S }, (_, k) => x[tradeVar(ts, i, Math.floor(k / S), k % S)]!));
}

/** Posterior beliefs of a prior p[t·|Θ| + s] (every type must have positive marginal). */
export function typeSpaceFromPrior(types: readonly number[], states: number, prior: readonly QInput[]): HarsanyiTypeSpace {
  const sizes = types.slice();
  const T = profileCount(sizes);
  if (prior.length !== T * states) throw new MechcheckError("bad-size", `prior: expected ${T * states} entries, got ${prior.length}`, { path: "prior" });
  const p0 = prior.map((x, k) => q(x, `prior[${k}]`));
  const total = qsum(p0);
  if (total.n === 0n) throw new MechcheckError("zero-prior", "prior sums to zero", { path: "prior" });
  const p = p0.map((x) => x.div(total));
  const beliefs: Q[][][] = [];
  for (let i = 0; i < sizes.length; i++) {
    beliefs.push([]);
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const row = typeSlice(sizes, states, p, i, ti);
      const marg = qsum(row);
      if (marg.n === 0n) throw new MechcheckError("zero-marginal", `type ${ti + 1} of agent ${i + 1} has prior probability 0`, { path: `types[${i}][${ti}]` });
      beliefs[i]!.push(row.map((x) => x.div(marg)));
    }
  }
  return labelledTypeSpace(sizes, states, beliefs, p);
}

/**
 * The entries x[t·|Θ| + s] of a vector over T × Θ at the profiles t with t_i = ti, in belief order
 * (k·|Θ| + s, k the index of t_{-i} among the others' profiles): for a prior, type ti's joint mass row.
 */
export function typeSlice<X>(sizes: readonly number[], states: number, x: readonly X[], i: number, ti: number): X[] {
  const K = profileCount(othersSizes(sizes, i));
  const row: X[] = [];
  for (let k = 0; k < K; k++) {
    const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
    for (let s = 0; s < states; s++) row.push(x[t * states + s]!);
  }
  return row;
}

/** A type space with default labels (agents "1", "2", …; types `t1_1`, …; states `θ1`, …). */
export function labelledTypeSpace(sizes: readonly number[], states: number, beliefs: Q[][][], prior?: Q[]): HarsanyiTypeSpace {
  const ts: HarsanyiTypeSpace = {
    agents: sizes.map((_, i) => `${i + 1}`),
    types: sizes.map((m, i) => Array.from({ length: m }, (_, k) => `t${i + 1}_${k + 1}`)),
    states: Array.from({ length: states }, (_, s) => `θ${s + 1}`),
    beliefs,
    ...(prior ? { prior } : {}),
  };
  return ts;
}

/**
 * Options of `randomTypeSpace`: the number of types per agent and of states, whether beliefs are
 * the posteriors of one prior or drawn independently, and the largest integer weight.
 */
export interface RandomTypeSpaceOptions {
  /** |T_i| per agent, e.g. [6, 6]. */
  types: readonly number[];
  /** |Θ|. */
  states: number;
  /** "common-prior": posteriors of one random full-support prior; "independent": every type's belief drawn on its own (generically no common prior). */
  kind: "common-prior" | "independent";
  /** Integer weights uniform in [1, maxWeight] (default 9), normalised exactly. */
  maxWeight?: number;
}

/** A random finite type space from a seed, with exact rational beliefs (full support). */
export function randomTypeSpace(seed: string | number, opts: RandomTypeSpaceOptions): HarsanyiTypeSpace {
  const sizes = opts.types.slice();
  if (sizes.length < 1 || sizes.some((m) => !Number.isInteger(m) || m < 1) || !Number.isInteger(opts.states) || opts.states < 1) {
    throw new MechcheckError("bad-size", "random type space: type counts and state count must be positive integers", { value: opts });
  }
  const maxW = opts.maxWeight ?? 9;
  const rng = seedrandom(`type-space:${opts.kind}:${seed}`);
  const draw = () => 1 + Math.floor(rng() * maxW);
  const S = opts.states;
  if (opts.kind === "common-prior") {
    const T = profileCount(sizes);
    return typeSpaceFromPrior(sizes, S, Array.from({ length: T * S }, draw));
  }
  const beliefs: Q[][][] = [];
  for (let i = 0; i < sizes.length; i++) {
    const len = profileCount(othersSizes(sizes, i)) * S;
    beliefs.push([]);
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const w = Array.from({ length: len }, () => q(draw()));
      const tot = qsum(w);
      beliefs[i]!.push(w.map((x) => x.div(tot)));
    }
  }
  return labelledTypeSpace(sizes, S, beliefs);
}

/**
 * A random type space whose beliefs are noisy concordant by construction (generically without a
 * common prior), with the multipliers that prove it. Following slide *Noisy concordant beliefs*
 * ("as if the distribution of t_i is jumbled"): draw a full-support prior π(θ,t) and flows
 * μ_i(t_i,t'_i) ≥ 0, set λ_i(t_i) = Σ_{t_{-i},θ} π(θ,t) − Σ_{t'_i}[μ_i(t_i,t'_i) − μ_i(t'_i,t_i)] (> 0 by
 * the choice of μ's range), and solve, for every (t_{-i},θ), the linear system
 *   (λ_i(t_i) + Σ_{t'_i} μ_i(t_i,t'_i)) b_{t_i} − Σ_{t'_i} μ_i(t'_i,t_i) b_{t'_i} = π(θ, t_i, t_{-i})
 * for the beliefs b_{t_i} = π_i(t_{-i},θ|t_i). Its matrix has positive diagonal, non-positive
 * off-diagonal entries and column sums λ > 0 (a nonsingular M-matrix), so b ≥ 0; the choice of λ
 * makes each b_{t_i} sum to 1. With μ = 0 this is the common-prior posterior. By Morris (1994) no
 * feasible, acceptable, IC trade exists on these spaces.
 */
export function randomNoisyConcordantTypeSpace(
  seed: string | number,
  opts: { types: readonly number[]; states: number; maxWeight?: number; maxFlow?: number },
): { typeSpace: HarsanyiTypeSpace; multipliers: NoisyConcordanceMultipliers } {
  const sizes = opts.types.slice();
  const S = opts.states;
  if (sizes.length < 1 || sizes.some((m) => !Number.isInteger(m) || m < 1) || !Number.isInteger(S) || S < 1) {
    throw new MechcheckError("bad-size", "random type space: type counts and state count must be positive integers", { value: opts });
  }
  const rng = seedrandom(`noisy-concordant:${seed}`);
  const maxW = opts.maxWeight ?? 9;
  const T = profileCount(sizes);
  const weights = Array.from({ length: T * S }, () => 1 + Math.floor(rng() * maxW));
  const W = weights.reduce((a, b) => a + b, 0);
  const pi = weights.map((w) => q(w).div(W));
  const lambda: Q[][] = [];
  const mu: Q[][][] = [];
  const beliefs: Q[][][] = [];
  for (let i = 0; i < sizes.length; i++) {
    const m = sizes[i]!;
    const K = profileCount(othersSizes(sizes, i));
    const colOf = (ti: number, k: number, s: number) => profileIndex(sizes, joinProfile(sizes, i, ti, k)) * S + s;
    const marg: number[] = [];
    for (let ti = 0; ti < m; ti++) {
      let tot = 0;
      for (let k = 0; k < K; k++) for (let s = 0; s < S; s++) tot += weights[colOf(ti, k, s)]!;
      marg.push(tot);
    }
    // Integer flows in [0, cap] with (m−1)·cap < min marginal keep λ > 0.
    const cap = m > 1 ? Math.max(0, Math.min(opts.maxFlow ?? Infinity, Math.floor((Math.min(...marg) - 1) / (m - 1)))) : 0;
    const muInt: number[][] = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => (a === b ? 0 : Math.floor(rng() * (cap + 1)))));
    const lamInt = marg.map((p, a) => p - muInt[a]!.reduce((x, y) => x + y, 0) + muInt.reduce((x, row) => x + row[a]!, 0));
    lambda.push(lamInt.map((x) => q(x).div(W)));
    mu.push(muInt.map((row) => row.map((x) => q(x).div(W))));
    // M[a][b]: row a (equation of type a), column b (unknown b_{t_b}).
    const M: Q[][] = Array.from({ length: m }, (_, a) =>
      Array.from({ length: m }, (_, b) => (a === b ? q(lamInt[a]! + muInt[a]!.reduce((x, y) => x + y, 0)) : q(-muInt[b]![a]!))),
    );
    const rhs: Q[][] = Array.from({ length: m }, (_, a) => {
      const row: Q[] = [];
      for (let k = 0; k < K; k++) for (let s = 0; s < S; s++) row.push(q(weights[colOf(a, k, s)]!));
      return row;
    });
    beliefs.push(solveNonsingular(M, rhs, "the noisy-concordance generator"));
  }
  const typeSpace = labelledTypeSpace(sizes, S, beliefs);
  validateTypeSpace(typeSpace);
  return { typeSpace, multipliers: { pi, lambda, mu } };
}
