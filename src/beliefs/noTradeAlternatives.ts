/**
 * Morris (1994) as two exact theorems of the alternative, each side its own LP, plus the common
 * prior as an LP. Complements src/beliefs/noTrade.ts (the trade LPs, the slide's
 * noisy-concordance LP, `checkTrade`, `checkNoisyConcordance`), which is used, not changed.
 *
 * Source: [BrooksExPost2023],
 * slides *Aside on no-trade with IC*, *Lemma (Morris' theorem)*, *Farkas dual of trade with IC*,
 * *Noisy concordant beliefs*, *No trade without CPA but with IC*, and *Chung and Ely show that
 * these minmax beliefs violate the common prior assumption* (no trade ⇔ CPA).
 *
 * ## Which multipliers must be positive (a correction to the slide's theorem)
 * The slide's trade is acceptable when every type's interim gain is ≥ 0 "with some strict
 * inequality", and its alternative asks for noisy-concordance multipliers "with λ_i(t_i) not all
 * zero". These two do not form an exact alternative. The slide's own *Lemma (Morris' theorem)* —
 * exactly one of (i) x ≥ 0, Ax = 0, x_j > 0 for ALL j ∈ S; (ii) some j ∈ S and y with yA ≥ 0,
 * strict in column j — applied with x = (π, λ, μ), S = the λ columns and y = the trade γ, pairs
 * "some type gains strictly" with **λ_i(t_i) > 0 for every i and t_i**. Conversely "λ not all
 * zero" is the alternative of a trade with a strict budget surplus in every state (equivalently,
 * after sharing the surplus, every type gains strictly): that is `noisyConcordanceLp` of
 * noTrade.ts, whose Farkas certificate is such a trade. On a type space where some type can be
 * made strictly better off but not every type, both of the slide's (i) and (ii) hold.
 *
 * ## `strictNoisyConcordanceLp(ts)` — noisy concordance with every λ_i(t_i) > 0
 * Variables π(θ,t) ≥ 0, λ_i(t_i) ≥ 1, μ_i(t_i,t'_i) ≥ 0 (t'_i ≠ t_i); rows
 *   NC[i,t,θ]:  π(θ,t) − λ_i(t_i)π_i(t_{-i},θ|t_i) − Σ_{t'_i≠t_i}[μ_i(t_i,t'_i)π_i(t_{-i},θ|t_i) − μ_i(t'_i,t_i)π_i(t_{-i},θ|t'_i)] = 0
 * and objective 0. The solution set is a cone, so λ ≥ 1 is "λ > 0" after scaling; no further
 * normalisation is needed (Σ_{θ,t} π = Σ_{t_i} λ_i(t_i) ≥ |T_i| > 0). A Farkas certificate y
 * (free on the = rows) proves infeasibility when g = yᵀA has g ≤ 0 on every column (π, μ, λ are
 * unbounded above) and Σ_λ g_λ·1 < 0 (model.ts convention). Reading γ_i(t,θ) := y[NC[i,t,θ]]:
 *   g_π(θ,t) = Σ_i γ_i(t,θ) ≤ 0                                        feasible
 *   g_λ(i,t_i) = −E_i[γ_i(t_i,·) | t_i] ≤ 0, some < 0                  acceptable, some type strictly
 *   g_μ(i,t_i,t'_i) = −E_i[γ_i(t_i,·) − γ_i(t'_i,·) | t_i] ≤ 0          IC
 * so the certificate IS a feasible, acceptable, IC trade (`tradeFromStrictNcFarkas`).
 *
 * ## `commonPriorLp(ts)` — a common prior giving every type positive probability
 * Variables p(θ,t) ≥ 0 and m_i(t_i) ≥ 1; rows CP[i,t,θ]: p(θ,t) − m_i(t_i)π_i(t_{-i},θ|t_i) = 0.
 * Summing CP[i,·] over (t_{-i},θ) shows m_i(t_i) = Σ_{t_{-i},θ} p(θ,t_i,t_{-i}), the marginal; so a
 * solution, normalised, is a prior whose conditionals are the beliefs and which gives every type
 * positive probability (the same as full support on T×Θ when every belief has full support). Its
 * Farkas certificate, as above with μ absent, is a feasible, acceptable trade (no IC):
 * `tradeFromCommonPriorFarkas`. `checkCommonPrior` re-checks a prior from the definition.
 */
import { MechcheckError } from "../errors.ts";
import { solveNonsingular } from "../exact/linalg.ts";
import { ONE, q, qsum, ZERO, type Q } from "../exact/rational.ts";
import { LpBuilder, type LpModel } from "../lp/model.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import {
  addAcceptanceRows,
  addBudgetRows,
  addNoisyConcordanceSystem,
  addTradeColumns,
  beliefAt,
  checkTrade,
  labelledTypeSpace,
  noisyConcordanceColumns,
  tLabel,
  tradeFromPrimal,
  tradeVar,
  typeSlice,
  typeSpaceSizes,
  validateTypeSpace,
  type NoisyConcordanceMultipliers,
} from "./noTrade.ts";

// Layouts shared with src/beliefs/noTrade.ts (no aliases): the columns of `strictNoisyConcordanceLp`
// are `noisyConcordanceColumns` (π(θ,t) at t·|Θ| + s, then λ_i(t_i), then μ_i(t_i,t'_i), t'_i ≠ t_i,
// row-major); the row index of NC[i, t, θ] (and of CP[i, t, θ] in `commonPriorLp`) is
// `tradeVar(ts, i, t, θ)` = (i·|T| + t)·|Θ| + s, the order of the trade columns.

/** Noisy concordance with every λ_i(t_i) ≥ 1 (i.e. > 0 up to scale). See the module comment. */
export function strictNoisyConcordanceLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const b = new LpBuilder("min");
  addNoisyConcordanceSystem(b, ts, { lambdaLower: 1 });
  b.objective([]);
  return b.build();
}

/** Split a primal point of `strictNoisyConcordanceLp` into (π, λ, μ) (μ_i(t_i,t_i) = 0). Check it with `checkNoisyConcordance` and `lambdaPositive`. */
export function multipliersFromStrictNcPrimal(ts: HarsanyiTypeSpace, x: readonly Q[]): NoisyConcordanceMultipliers {
  const sizes = typeSpaceSizes(ts);
  const cols = noisyConcordanceColumns(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  if (x.length !== cols.count) throw new MechcheckError("bad-certificate", `strict noisy-concordance primal has ${x.length} entries, expected ${cols.count}`);
  const pi = Array.from({ length: T * S }, (_, k) => x[k]!);
  const lambda = sizes.map((m, i) => Array.from({ length: m }, (_, ti) => x[cols.lambda(i, ti)]!));
  const mu = sizes.map((m, i) => Array.from({ length: m }, (_, ti) => Array.from({ length: m }, (_, tj) => (ti === tj ? ZERO : x[cols.mu(i, ti, tj)]!))));
  return { pi, lambda, mu };
}

/** The types (i, t_i) whose λ_i(t_i) is not strictly positive (empty: every λ > 0). */
export function nonPositiveLambdas(m: NoisyConcordanceMultipliers): [number, number][] {
  const out: [number, number][] = [];
  m.lambda.forEach((row, i) => row.forEach((l, ti) => {
    if (l.s < 0n || l.n === 0n) out.push([i, ti]);
  }));
  return out;
}

/** γ[i][t·|Θ| + s] from the row multipliers y of an = system with rows ordered as `tradeVar`. */
function tradeFromRows(ts: HarsanyiTypeSpace, y: readonly Q[]): Q[][] {
  const sizes = typeSpaceSizes(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  if (y.length !== sizes.length * T * S) throw new MechcheckError("bad-certificate", `Farkas vector has ${y.length} entries, expected ${sizes.length * T * S}`);
  return tradeFromPrimal(ts, y);
}

/** The Farkas certificate of `strictNoisyConcordanceLp` read as a trade γ (feasible, acceptable, IC; see the module comment). Check it with `checkTrade`. */
export function tradeFromStrictNcFarkas(ts: HarsanyiTypeSpace, farkasRows: readonly Q[]): Q[][] {
  return tradeFromRows(ts, farkasRows);
}

/** Common prior with every type of positive probability, as an LP (see the module comment). Columns p(θ,t) at t·|Θ| + s, then m_i(t_i). */
export function commonPriorLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const sizes = typeSpaceSizes(ts);
  const n = sizes.length;
  const T = profileCount(sizes);
  const S = ts.states.length;
  const b = new LpBuilder("min");
  for (let t = 0; t < T; t++) {
    const lab = tLabel(profileAt(sizes, t));
    for (let s = 0; s < S; s++) b.variable(`p(t=${lab},θ=${s + 1})`);
  }
  const mStart: number[] = [];
  let c = T * S;
  for (let i = 0; i < n; i++) {
    mStart.push(c);
    for (let ti = 0; ti < sizes[i]!; ti++) b.variable(`m${i + 1}(${ti + 1})`, { lower: 1 });
    c += sizes[i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const prof = profileAt(sizes, t);
      for (let s = 0; s < S; s++) {
        b.row(`CP[i=${i + 1}, t=${tLabel(prof)}, θ=${s + 1}]`, [[t * S + s, 1], [mStart[i]! + prof[i]!, beliefAt(ts, i, prof, s).neg()]], "=", 0);
      }
    }
  }
  b.objective([]);
  return b.build();
}

/** The prior p(θ,t) (normalised to sum 1) from a primal point of `commonPriorLp`. */
export function priorFromCommonPriorPrimal(ts: HarsanyiTypeSpace, x: readonly Q[]): Q[] {
  const T = profileCount(typeSpaceSizes(ts));
  const p = x.slice(0, T * ts.states.length);
  const tot = qsum(p);
  if (tot.n === 0n) throw new MechcheckError("bad-certificate", "common-prior primal has total mass 0");
  return p.map((v) => v.div(tot));
}

/** The Farkas certificate of `commonPriorLp` read as a feasible, acceptable trade (no IC). Check it with `checkTrade(…, { ic: false })`. */
export function tradeFromCommonPriorFarkas(ts: HarsanyiTypeSpace, farkasRows: readonly Q[]): Q[][] {
  return tradeFromRows(ts, farkasRows);
}

/**
 * Re-check a common prior from the definition: p ≥ 0, Σ p = 1, every type has positive marginal
 * probability, and Bayes' rule p(θ, t_i, t_{-i}) / p(t_i) gives exactly π_i(t_{-i}, θ | t_i).
 * Returns the failures (empty = p is a common prior giving every type positive probability).
 */
export function checkCommonPrior(ts: HarsanyiTypeSpace, p: readonly Q[]): string[] {
  const sizes = typeSpaceSizes(ts);
  const S = ts.states.length;
  const T = profileCount(sizes);
  const fails: string[] = [];
  if (p.length !== T * S) return [`prior has ${p.length} entries, expected ${T * S}`];
  p.forEach((x, k) => {
    if (x.s < 0n && x.n !== 0n) fails.push(`p[${k}] < 0`);
  });
  if (!qsum(p).equals(ONE)) fails.push(`prior sums to ${qsum(p).toFraction()}`);
  for (let i = 0; i < sizes.length; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const row = typeSlice(sizes, S, p, i, ti);
      const marg = qsum(row);
      if (marg.n === 0n) {
        fails.push(`type ${ti + 1} of agent ${i + 1} has prior probability 0`);
        continue;
      }
      row.forEach((x, k) => {
        if (!x.div(marg).equals(ts.beliefs[i]![ti]![k]!)) fails.push(`Bayes' rule fails for agent ${i + 1}, type ${ti + 1}, entry ${k}`);
      });
    }
  }
  return fails;
}

/**
 * A noisy-concordant type space built from integer data, as on slide *Noisy concordant beliefs*
 * ("as if the distribution of t_i is jumbled"), for property generators: baseline prior weights
 * w(θ,t) ≥ 1 (index t·|Θ| + s) and flows F_i(t_i,t'_i) ≥ 0, clipped to ⌊(min marginal − 1)/(|T_i| − 1)⌋
 * so that λ_i(t_i) = w(t_i) − Σ_{t'} F_i(t_i,t') + Σ_{t'} F_i(t',t_i) ≥ 1. The beliefs b_{t_i} = π_i(·|t_i)
 * solve, for every (t_{-i}, θ),
 *   (λ_i(t_i) + Σ_{t'} F_i(t_i,t')) b_{t_i}(t_{-i},θ) − Σ_{t'} F_i(t',t_i) b_{t'}(t_{-i},θ) = w(θ, t_i, t_{-i}),
 * i.e. the rearranged formula of the erratum; the matrix is a nonsingular M-matrix (column sums
 * λ > 0), so b ≥ 0, and each b_{t_i} sums to 1 by the choice of λ. Returns the multipliers
 * (π = w/W, λ/W, μ = F/W with W = Σ w) that prove noisy concordance with every λ > 0.
 * All flows 0 gives the common-prior posteriors of w.
 */
export function noisyConcordantFromData(
  sizes: readonly number[],
  states: number,
  weights: readonly number[],
  flows: readonly (readonly number[])[],
): { typeSpace: HarsanyiTypeSpace; multipliers: NoisyConcordanceMultipliers } {
  const T = profileCount(sizes);
  const S = states;
  if (weights.length !== T * S || weights.some((w) => !Number.isSafeInteger(w) || w < 1)) {
    throw new MechcheckError("bad-size", `noisy-concordant data: need ${T * S} integer weights ≥ 1`, { value: weights });
  }
  const W = weights.reduce((a, b) => a + b, 0);
  const lambda: Q[][] = [];
  const mu: Q[][][] = [];
  const beliefs: Q[][][] = [];
  for (let i = 0; i < sizes.length; i++) {
    const m = sizes[i]!;
    const K = profileCount(othersSizes(sizes, i));
    const col = (ti: number, k: number, s: number) => profileIndex(sizes, joinProfile(sizes, i, ti, k)) * S + s;
    const marg = Array.from({ length: m }, (_, ti) => {
      let tot = 0;
      for (let k = 0; k < K; k++) for (let s = 0; s < S; s++) tot += weights[col(ti, k, s)]!;
      return tot;
    });
    const cap = m > 1 ? Math.floor((Math.min(...marg) - 1) / (m - 1)) : 0;
    const F = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => (a === b ? 0 : Math.min(cap, Math.max(0, flows[i]?.[a * m + b] ?? 0)))));
    const lam = marg.map((w, a) => w - F[a]!.reduce((x, y) => x + y, 0) + F.reduce((x, row) => x + row[a]!, 0));
    lambda.push(lam.map((x) => q(x).div(W)));
    mu.push(F.map((row) => row.map((x) => q(x).div(W))));
    const M = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => (a === b ? lam[a]! + F[a]!.reduce((x, y) => x + y, 0) : -F[b]![a]!)));
    // one right-hand side per (t_{-i}, θ), column k·S + s: the solution's rows are the beliefs b_{t_i}
    const R = Array.from({ length: m }, (_, a) => Array.from({ length: K * S }, (_, ks) => q(weights[col(a, Math.floor(ks / S), ks % S)]!)));
    beliefs.push(solveNonsingular(M.map((row) => row.map((x) => q(x))), R, "noisyConcordantFromData"));
  }
  const typeSpace = labelledTypeSpace(sizes, S, beliefs);
  validateTypeSpace(typeSpace);
  return { typeSpace, multipliers: { pi: weights.map((w) => q(w).div(W)), lambda, mu } };
}

/**
 * Slide *No trade without CPA but with IC*: Θ = {0, 1} equally likely, player 1 has one type,
 * T_2 = {0, 1}. Player 1 thinks player 2's signal is correct (t_2 = θ) with probability p;
 * player 2 thinks so with probability q (both in (1/2, 1)). Beliefs:
 *   π_1(t_2, θ) = 1/2 · (p if t_2 = θ else 1 − p),   π_2(θ | t_2) = q if θ = t_2 else 1 − q.
 * States are indexed θ = 0, 1; types of player 2 are t_2 = 0, 1 (index = signal).
 */
export function signalAccuracySpace(p: Q, qq: Q): HarsanyiTypeSpace {
  const half = q("1/2");
  const b1 = [0, 1].flatMap((t2) => [0, 1].map((th) => half.mul(t2 === th ? p : ONE.sub(p))));
  const b2 = [0, 1].map((t2) => [0, 1].map((th) => (t2 === th ? qq : ONE.sub(qq))));
  const ts: HarsanyiTypeSpace = { agents: ["1", "2"], types: [["·"], ["0", "1"]], states: ["0", "1"], beliefs: [[b1], b2] };
  validateTypeSpace(ts);
  return ts;
}

/** Encode a type space as plain JSON (exact strings) and back, for saved counterexamples. */
export function typeSpaceToJson(ts: HarsanyiTypeSpace): unknown {
  return {
    agents: ts.agents,
    types: ts.types,
    states: ts.states,
    beliefs: ts.beliefs.map((bi) => bi.map((row) => row.map((x) => x.toFraction()))),
    ...(ts.prior ? { prior: ts.prior.map((x) => x.toFraction()) } : {}),
  };
}

/**
 * Read a Harsanyi type space from JSON (numbers as exact strings) and validate it; a malformed one
 * is a MechcheckError naming the field.
 */
export function typeSpaceFromJson(j: unknown): HarsanyiTypeSpace {
  const o = j as { agents: string[]; types: string[][]; states: string[]; beliefs: string[][][]; prior?: string[] };
  if (!o || !Array.isArray(o.agents) || !Array.isArray(o.types) || !Array.isArray(o.states) || !Array.isArray(o.beliefs)) {
    throw new MechcheckError("bad-type-space", "type space JSON needs agents, types, states and beliefs");
  }
  const ts: HarsanyiTypeSpace = {
    agents: o.agents,
    types: o.types,
    states: o.states,
    beliefs: o.beliefs.map((bi, i) => bi.map((row, t) => row.map((x, k) => q(x, `beliefs[${i}][${t}][${k}]`)))),
    ...(o.prior ? { prior: o.prior.map((x, k) => q(x, `prior[${k}]`)) } : {}),
  };
  validateTypeSpace(ts);
  return ts;
}

/**
 * The alternative of the slide's wording "λ_i(t_i) not all zero" (`noisyConcordanceLp` of
 * noTrade.ts): a trade with a strict budget surplus in every state, acceptable (every type's
 * interim gain ≥ 0) and IC. As a feasibility LP with the surplus normalised (the set is a cone):
 *   SURPLUS[t, θ]: Σ_i γ_i(t, θ) ≤ −1;   ACC[i, t_i] ≥ 0;   IC[i, t_i, report t'_i] ≥ 0;   γ free.
 * (Sharing the surplus equally turns such a trade into one where every type gains strictly, and
 * back: subtract the smallest gain.) Columns γ_i(t, θ) at `tradeVar` of noTrade.ts.
 */
export function surplusTradeLp(ts: HarsanyiTypeSpace): LpModel {
  validateTypeSpace(ts);
  const b = new LpBuilder("min");
  addTradeColumns(b, ts);
  addBudgetRows(b, ts, "SURPLUS", -1);
  addAcceptanceRows(b, ts, { ic: true });
  b.objective([]);
  return b.build();
}

/** Split a primal point of `surplusTradeLp` into γ[i][t·|Θ| + s] (its columns are the trade LP's). */
export function tradeFromSurplusPrimal(ts: HarsanyiTypeSpace, x: readonly Q[]): Q[][] {
  return tradeFromPrimal(ts, x);
}

/** The states (t, θ) where Σ_i γ_i(t, θ) is not strictly negative (empty: strict surplus everywhere). */
export function statesWithoutSurplus(ts: HarsanyiTypeSpace, gamma: readonly (readonly Q[])[]): number[] {
  const T = profileCount(typeSpaceSizes(ts));
  const S = ts.states.length;
  const out: number[] = [];
  for (let k = 0; k < T * S; k++) {
    const tot = gamma.reduce((a, g) => a.add(g[k]!), ZERO);
    if (!(tot.s < 0n && tot.n !== 0n)) out.push(k);
  }
  return out;
}

/**
 * The Farkas certificate of `noisyConcordanceLp` (noTrade.ts; rows NC[i,t,θ] in `tradeVar` order,
 * then NORM) read as a trade: γ_i(t,θ) = y[NC[i,t,θ]] has Σ_i γ_i(t,θ) ≤ −y[NORM] < 0,
 * acceptability and IC (the same reading as for `strictNoisyConcordanceLp`, plus the NORM row).
 */
export function tradeFromNoisyConcordanceFarkas(ts: HarsanyiTypeSpace, farkasRows: readonly Q[]): Q[][] {
  const sizes = typeSpaceSizes(ts);
  const m = sizes.length * profileCount(sizes) * ts.states.length;
  return tradeFromRows(ts, farkasRows.slice(0, m));
}

/** Split a primal point of `noisyConcordanceLp` (noTrade.ts) into (π, λ, μ). Same column layout as `strictNoisyConcordanceLp`. */
export function multipliersFromNoisyConcordancePrimal(ts: HarsanyiTypeSpace, x: readonly Q[]): NoisyConcordanceMultipliers {
  return multipliersFromStrictNcPrimal(ts, x);
}

/**
 * The Farkas certificate y of `surplusTradeLp` (y ≤ 0 on SURPLUS rows, y ≥ 0 on ACC and IC rows,
 * yᵀA = 0 on the free columns, −Σ y_SURPLUS > 0) read as noisy-concordance multipliers:
 * π(θ,t) = −y[SURPLUS[t,θ]], λ_i(t_i) = y[ACC[i,t_i]], μ_i(t_i,t'_i) = y[IC[i,t_i,report t'_i]].
 * yᵀA = 0 on column γ_i(t,θ) is exactly the equation NC[i,t,θ], and Σ π = Σ_{t_i} λ_i(t_i) > 0.
 * Check the result with `checkNoisyConcordance`.
 */
export function multipliersFromSurplusFarkas(ts: HarsanyiTypeSpace, y: readonly Q[]): NoisyConcordanceMultipliers {
  const sizes = typeSpaceSizes(ts);
  const T = profileCount(sizes);
  const S = ts.states.length;
  let r = 0;
  const pi: Q[] = [];
  for (let k = 0; k < T * S; k++) pi.push(y[r++]!.neg());
  const lambda: Q[][] = sizes.map((m) => new Array<Q>(m).fill(ZERO));
  const mu: Q[][][] = sizes.map((m) => Array.from({ length: m }, () => new Array<Q>(m).fill(ZERO)));
  for (let i = 0; i < sizes.length; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      lambda[i]![ti] = y[r++]!;
      for (let tj = 0; tj < sizes[i]!; tj++) if (tj !== ti) mu[i]![ti]![tj] = y[r++]!;
    }
  }
  if (r !== y.length) throw new MechcheckError("bad-certificate", `surplus-trade Farkas vector has ${y.length} entries, expected ${r}`);
  return { pi, lambda, mu };
}

/**
 * Re-check a trade with strict surplus from the definitions: IC and every interim gain ≥ 0 (via
 * `checkTrade`; a strict interim gain is NOT required here — sharing the surplus provides it),
 * and Σ_i γ_i(t,θ) < 0 at every (t,θ). Returns the failures (empty = certified).
 */
export function checkSurplusTrade(ts: HarsanyiTypeSpace, gamma: readonly (readonly Q[])[]): string[] {
  const fails = checkTrade(ts, gamma, { ic: true }).failures.filter((f) => f !== "no type gains strictly");
  const S = ts.states.length;
  const sizes = typeSpaceSizes(ts);
  for (const k of statesWithoutSurplus(ts, gamma)) fails.push(`no strict surplus at t=${tLabel(profileAt(sizes, Math.floor(k / S)))}, θ=${(k % S) + 1}`);
  return fails;
}
