/**
 * The local-multiplier bounding programs of [BrooksMaxmin2023, slides]
 * *Local multipliers for the potential*, *Local multipliers for guarantee*, *Revisiting
 * participation security*, *Simplifying a bit further* (two slides), *"Almost" a dual pair*,
 * *Complementary slackness*, on finite primitives (src/robust/maxmin.ts).
 *
 * Grid. The seed sets A_i = T_i = {0, Δ, 2Δ, …, 1/Δ}: step Δ, top 1/Δ, i.e. K = 1/Δ² steps (the
 * signals live on ℝ₊ in the continuum limit, where they are iid standard exponential). Here the grid
 * is indexed k = 0..K with step Δ; K and Δ are independent parameters (K ≥ 1, Δ > 0) and the notes'
 * grid is the case K = 1/Δ². Nothing below depends on K = 1/Δ²: the multipliers are non-negative for
 * every choice, so every bound is valid for every (K, Δ).
 *
 * Multipliers (reconstructed from the slides): α_i(k, k−1) = 1/Δ for 0 < k < K, α_i(K, K−1) = 1
 * (the notes' "1/Δ + 𝕀_{t_i = 1/Δ}(1 − 1/Δ)"), β_i(0) = 1/Δ (IR only at the bottom), all others 0.
 * Hence the backward difference
 *     ∇⁻_i g(x|t) = g(t)/Δ (t_i = 0);  [g(t) − g(t − e_i)]/Δ (0 < t_i < K);  g(t) − g(t − e_i) (t_i = K),
 * and its adjoint from summation by parts (slide *Simplifying a bit further*, second one)
 *     ∇̃⁺_i π(θ, t) = −π(t) (t_i = K);  π(t + e_i) − π(t)/Δ (t_i = K − 1);  [π(t + e_i) − π(t)]/Δ (else),
 * so that Σ_t π(θ,t) Σ_x u ∇⁻_i g = −Σ_t Σ_x g(x|t) u ∇̃⁺_i π(θ,t) exactly (checked by
 * `summationByPartsGap`). On the guarantee side, "local up" multipliers α_i(a_i, a_i + Δ) = 1/Δ give
 *     ∇⁺_i g(x|a) = 𝕀_{a_i < K} [g(a + e_i) − g(a)]/Δ.
 * (The slide's ∇⁺ carries a stray u_i(x, θ) factor in its first display — extraction noise; the
 * second display, without it, is the one used.)
 *
 * The three LPs (all exact, solved by src/lp/solve.ts):
 *  - IVO, the min-potential upper bound ("informational virtual objective"):
 *      min Σ_t γ(t)  s.t.  π ≥ 0, Σ_t π(θ, t) = μ(θ), γ(t) ≥ Σ_θ [w(x,θ) π(θ,t) − Σ_i u_i(x,θ) ∇̃⁺_i π(θ,t)] ∀ t, x.
 *  - SVO⁻, the same bound with the order of moves switched (slide *"Almost" a dual pair*):
 *      max Σ_θ μ(θ) λ(θ)  s.t.  g(·|t) ∈ Δ(X), λ(θ) ≤ Σ_x [w(x,θ) g(x|t) + Σ_i u_i(x,θ) ∇⁻_i g(x|t)] ∀ θ, t.
 *    It is exactly the LP dual of IVO: π(θ, t) is the multiplier of the (θ, t) row, g(x|t) of the (t, x) row.
 *  - SVO⁺, the max-guarantee lower bound ("strategic virtual objective") with the lowest action
 *    participation secure (slides *Revisiting participation security*, *Simplifying a bit further*):
 *      max Σ_θ μ(θ) λ(θ)  s.t.  g(·|a) ∈ Δ(X), λ(θ) ≤ Σ_x [w g(x|a) + Σ_i u_i ∇⁺_i g(x|a)] ∀ θ, a,
 *      Σ_x u_i(x, θ) g(x | 0, a_{-i}) ≥ 0 ∀ i, a_{-i}, θ.
 *    (The slide's p.s. row "Σ_x u_i(0, a_{-i}, θ) g(x|a) ≥ 0" is garbled; this is its evident meaning.)
 *
 * Sandwich (every step a theorem; the "almost"): SVO⁺ ≤ guarantee(g⁺) ≤ potential(T_grid, π*) ≤ IVO
 * = SVO⁻, for g⁺ optimal in SVO⁺ and π* optimal in IVO: the first by the Lagrangian lower bound
 * (obedience weighted by α ≥ 0), the second by weak duality (`maxmin-weak-duality`: g⁺ is
 * participation secure), the third by the Lagrangian upper bound (IIC/IIR weighted by α, β ≥ 0).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, q, type QInput, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpResult, type TermInput } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { type DesignProblem, type FiniteMechanism, type PriorTypeSpace, validateDesignProblem } from "./maxmin.ts";

/** The grid {0, Δ, …, KΔ} for every agent. */
export interface LocalGrid {
  readonly K: number;
  readonly delta: Q;
}

/** Check a local grid: K an integer ≥ 1 and Δ > 0; otherwise a MechcheckError "bad-grid". */
export function checkGrid(g: LocalGrid): void {
  if (!Number.isSafeInteger(g.K) || g.K < 1) throw new MechcheckError("bad-grid", `K = ${g.K}: need an integer ≥ 1`, { path: "K", value: g.K });
  if (g.delta.compare(0) <= 0) throw new MechcheckError("bad-grid", `Δ must be positive`, { path: "delta" });
}

/** The notes' grid {0, Δ, …, 1/Δ} for Δ = 1/m: K = m². */
export function seedGrid(delta: QInput): LocalGrid {
  const d = q(delta, "delta");
  const K = ONE.div(d.mul(d));
  if (K.d !== 1n) throw new MechcheckError("bad-grid", `1/Δ² must be an integer (Δ = 1/m)`, { path: "delta" });
  return { K: Number(K.n), delta: d };
}

/** A linear difference operator at one profile as (profile index, coefficient) pairs, exact. */
export type Stencil = readonly (readonly [number, Q])[];

/** ∇⁻_i as a stencil on profile indices: ∇⁻_i g(t) = Σ c·g(t′). */
export function nablaMinus(sizes: readonly number[], grid: LocalGrid, i: number, t: number): Stencil {
  const p = profileAt(sizes, t);
  const inv = ONE.div(grid.delta);
  const k = p[i]!;
  if (k === 0) return [[t, inv]];
  const down = p.slice();
  down[i] = k - 1;
  const c = k === grid.K ? ONE : inv;
  return [[t, c], [profileIndex(sizes, down), c.neg()]];
}

/** ∇̃⁺_i as a stencil: ∇̃⁺_i π(θ, t) = Σ c·π(θ, t′). */
export function nablaTildePlus(sizes: readonly number[], grid: LocalGrid, i: number, t: number): Stencil {
  const p = profileAt(sizes, t);
  const inv = ONE.div(grid.delta);
  const k = p[i]!;
  if (k === grid.K) return [[t, ONE.neg()]];
  const up = p.slice();
  up[i] = k + 1;
  const u = profileIndex(sizes, up);
  if (k === grid.K - 1) return [[u, ONE], [t, inv.neg()]];
  return [[u, inv], [t, inv.neg()]];
}

/** ∇⁺_i (guarantee side) as a stencil. */
export function nablaPlus(sizes: readonly number[], grid: LocalGrid, i: number, a: number): Stencil {
  const p = profileAt(sizes, a);
  if (p[i]! >= grid.K) return [];
  const up = p.slice();
  up[i] = p[i]! + 1;
  const inv = ONE.div(grid.delta);
  return [[profileIndex(sizes, up), inv], [a, inv.neg()]];
}

/** The sizes [K + 1, …, K + 1] of the signal-profile grid of a design problem. */
export function gridSizes(p: DesignProblem, grid: LocalGrid): number[] {
  return Array.from({ length: p.agents }, () => grid.K + 1);
}

type Optimal = Extract<LpResult, { status: "optimal" }>;
function optimal(r: LpResult, what: string): Optimal {
  if (r.status !== "optimal") throw new MechcheckError("lp-status", `${what}: the LP is ${r.status}`);
  return r;
}

/** Σ_x [w(x,θ) g(x|t) + Σ_i u_i(x,θ) D_i g(x|t)] for a stencil family D (∇⁻ or ∇⁺), as LP terms or values. */
function svoTerms(p: DesignProblem, sizes: readonly number[], s: number, t: number, D: (i: number, t: number) => Stencil, gv: (t: number, x: number) => number): TermInput[] {
  const X = p.outcomes.length;
  const terms: TermInput[] = [];
  for (let x = 0; x < X; x++) terms.push([gv(t, x), p.designer[s]![x]!]);
  for (let i = 0; i < p.agents; i++) {
    for (const [t2, c] of D(i, t)) for (let x = 0; x < X; x++) terms.push([gv(t2, x), c.mul(p.utility[i]![s]![x]!)]);
  }
  return terms;
}

/** The value Σ_x [w g + Σ_i u_i D_i g](θ, t) of a mechanism table g[t][x]. */
function svoValue(p: DesignProblem, sizes: readonly number[], s: number, t: number, D: (i: number, t: number) => Stencil, g: readonly (readonly Q[])[]): Q {
  let r = ZERO;
  const X = p.outcomes.length;
  for (let x = 0; x < X; x++) r = r.add(p.designer[s]![x]!.mul(g[t]![x]!));
  for (let i = 0; i < p.agents; i++) for (const [t2, c] of D(i, t)) for (let x = 0; x < X; x++) r = r.add(c.mul(p.utility[i]![s]![x]!).mul(g[t2]![x]!));
  return r;
}

/** The informational virtual objective Σ_θ [w(x,θ) π(θ,t) − Σ_i u_i(x,θ) ∇̃⁺_i π(θ,t)] of pi[θ][t]. */
function ivoValue(p: DesignProblem, sizes: readonly number[], grid: LocalGrid, t: number, x: number, pi: readonly (readonly Q[])[]): Q {
  let r = ZERO;
  for (let s = 0; s < p.states.length; s++) {
    r = r.add(p.designer[s]![x]!.mul(pi[s]![t]!));
    for (let i = 0; i < p.agents; i++) for (const [t2, c] of nablaTildePlus(sizes, grid, i, t)) r = r.sub(p.utility[i]![s]![x]!.mul(c).mul(pi[s]![t2]!));
  }
  return r;
}

/**
 * The min-potential upper bound ([BrooksMaxmin2023, *Local multipliers for the potential*]): the
 * IVO LP's exact value, an optimal π(θ, t) and γ(t), and the verified LP answer.
 */
export interface IvoResult {
  readonly value: Q;
  /** pi[θ][t] */
  readonly pi: Q[][];
  readonly gamma: Q[];
  readonly lp: Optimal;
}

/** The min-potential upper bound (IVO LP). */
export function solveIvo(p: DesignProblem, grid: LocalGrid): IvoResult {
  validateDesignProblem(p);
  checkGrid(grid);
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  const S = p.states.length;
  const X = p.outcomes.length;
  const lp = new LpBuilder("min");
  const piv: number[][] = Array.from({ length: S }, (_, s) => Array.from({ length: T }, (_, t) => lp.variable(`pi[s=${s};t=${profileAt(sizes, t).join(",")}]`)));
  const gam = Array.from({ length: T }, (_, t) => lp.variable(`gamma[t=${profileAt(sizes, t).join(",")}]`, { lower: null }));
  for (let s = 0; s < S; s++) lp.row(`marg[s=${s}]`, piv[s]!.map((v): TermInput => [v, 1]), "=", p.mu[s]!);
  for (let t = 0; t < T; t++) {
    for (let x = 0; x < X; x++) {
      const terms: TermInput[] = [[gam[t]!, 1]];
      for (let s = 0; s < S; s++) {
        terms.push([piv[s]![t]!, p.designer[s]![x]!.neg()]);
        for (let i = 0; i < p.agents; i++) for (const [t2, c] of nablaTildePlus(sizes, grid, i, t)) terms.push([piv[s]![t2]!, c.mul(p.utility[i]![s]![x]!)]);
      }
      lp.row(`ivo[t=${t};x=${x}]`, terms, ">=", 0);
    }
  }
  lp.objective(gam.map((v): TermInput => [v, 1]));
  const r = optimal(solve(lp.build()), "IVO (min potential bound)");
  return { value: r.value, pi: piv.map((row) => row.map((v) => r.primal[v]!)), gamma: gam.map((v) => r.primal[v]!), lp: r };
}

/**
 * A max-guarantee bound ([BrooksMaxmin2023, *Local multipliers for guarantee*]): the SVO LP's exact
 * value, an optimal mechanism g(x | t) and λ(θ), and the verified LP answer.
 */
export interface SvoResult {
  readonly value: Q;
  /** g[t][x] */
  readonly g: Q[][];
  readonly lambda: Q[];
  readonly lp: Optimal;
}

function solveSvo(p: DesignProblem, grid: LocalGrid, side: "minus" | "plus"): SvoResult {
  validateDesignProblem(p);
  checkGrid(grid);
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  const S = p.states.length;
  const X = p.outcomes.length;
  const lp = new LpBuilder("max");
  const gvars: number[] = [];
  for (let t = 0; t < T; t++) for (let x = 0; x < X; x++) gvars.push(lp.variable(`g[t=${profileAt(sizes, t).join(",")};x=${x}]`, { lower: 0, upper: 1 }));
  const gv = (t: number, x: number) => gvars[t * X + x]!;
  const lam = Array.from({ length: S }, (_, s) => lp.variable(`lambda[s=${s}]`, { lower: null }));
  for (let t = 0; t < T; t++) lp.row(`prob[t=${t}]`, Array.from({ length: X }, (_, x): TermInput => [gv(t, x), 1]), "=", 1);
  const D = side === "minus" ? (i: number, t: number) => nablaMinus(sizes, grid, i, t) : (i: number, t: number) => nablaPlus(sizes, grid, i, t);
  for (let s = 0; s < S; s++) {
    for (let t = 0; t < T; t++) {
      const terms: TermInput[] = [[lam[s]!, 1], ...svoTerms(p, sizes, s, t, D, gv).map(([v, c]): TermInput => [v, q(c).neg()])];
      lp.row(`svo[s=${s};t=${t}]`, terms, "<=", 0);
    }
  }
  if (side === "plus") {
    for (let t = 0; t < T; t++) {
      const prof = profileAt(sizes, t);
      for (let i = 0; i < p.agents; i++) {
        if (prof[i] !== 0) continue;
        for (let s = 0; s < S; s++) {
          lp.row(`ps[i=${i};a=${prof.join(",")};s=${s}]`, Array.from({ length: X }, (_, x): TermInput => [gv(t, x), p.utility[i]![s]![x]!]), ">=", 0);
        }
      }
    }
  }
  lp.objective(lam.map((v, s): TermInput => [v, p.mu[s]!]));
  const r = optimal(solve(lp.build()), side === "minus" ? "SVO⁻ (dual of IVO)" : "SVO⁺ (max guarantee bound)");
  return {
    value: r.value,
    g: Array.from({ length: T }, (_, t) => Array.from({ length: X }, (_, x) => r.primal[gv(t, x)]!)),
    lambda: lam.map((v) => r.primal[v]!),
    lp: r,
  };
}

/** The min-potential bound with the order of moves switched (exact LP dual of IVO). */
export function solveSvoMinus(p: DesignProblem, grid: LocalGrid): SvoResult {
  return solveSvo(p, grid, "minus");
}

/** The max-guarantee lower bound (strategic virtual objective with ∇⁺, lowest action p.s.). */
export function solveSvoPlus(p: DesignProblem, grid: LocalGrid): SvoResult {
  return solveSvo(p, grid, "plus");
}

/** The grid mechanism (A_i = {0..K}) of a table g[a][x]. */
export function gridMechanism(p: DesignProblem, grid: LocalGrid, g: readonly (readonly Q[])[]): FiniteMechanism {
  return { actions: gridSizes(p, grid).map((m) => Array.from({ length: m }, (_, k) => `a${k}`)), g };
}

/** The grid type space (T_i = {0..K}) with prior π(θ, t) = pi[θ][t]. */
export function gridTypeSpace(p: DesignProblem, grid: LocalGrid, pi: readonly (readonly Q[])[]): PriorTypeSpace {
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  const S = p.states.length;
  const prior: Q[] = new Array<Q>(T * S);
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) prior[t * S + s] = pi[s]![t]!;
  return { types: sizes.map((m) => Array.from({ length: m }, (_, k) => `t${k}`)), prior };
}

/**
 * Σ_{t,θ,x} π(θ,t)[w g + Σ_i u_i ∇⁻_i g] − Σ_{t,θ,x} g(x|t)[w π − Σ_i u_i ∇̃⁺_i π]: zero for every
 * π, g iff ∇̃⁺ is the adjoint of −∇⁻ (the notes' summation by parts).
 */
export function summationByPartsGap(p: DesignProblem, grid: LocalGrid, pi: readonly (readonly Q[])[], g: readonly (readonly Q[])[]): Q {
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  let left = ZERO;
  let right = ZERO;
  const D = (i: number, t: number) => nablaMinus(sizes, grid, i, t);
  for (let s = 0; s < p.states.length; s++) for (let t = 0; t < T; t++) left = left.add(pi[s]![t]!.mul(svoValue(p, sizes, s, t, D, g)));
  for (let t = 0; t < T; t++) for (let x = 0; x < p.outcomes.length; x++) right = right.add(g[t]![x]!.mul(ivoValue(p, sizes, grid, t, x, pi)));
  return left.sub(right);
}

/**
 * Complementary slackness between IVO and SVO⁻ solutions ([BrooksMaxmin2023, *Complementary
 * slackness*]), computed from the definitions: every nonzero product (all must be 0) and every
 * primal infeasibility.
 */
export interface SlacknessReport {
  /** max over (θ,t) of π(θ,t)·(SVO⁻(θ,t) − λ(θ)) and over (t,x) of g(x|t)·(γ(t) − IVO(x,t)); both must be 0 */
  readonly nonzero: { readonly where: string; readonly product: Q }[];
  /** primal feasibility of each side, re-checked from the definitions */
  readonly infeasible: string[];
}

/**
 * Complementary slackness between an IVO solution (π, γ) and an SVO⁻ solution (g, λ), computed
 * from the definitions (not from LP rows): every product must be exactly 0.
 */
export function complementarySlackness(p: DesignProblem, grid: LocalGrid, ivo: { pi: readonly (readonly Q[])[]; gamma: readonly Q[] }, svo: { g: readonly (readonly Q[])[]; lambda: readonly Q[] }): SlacknessReport {
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  const S = p.states.length;
  const X = p.outcomes.length;
  const nonzero: { where: string; product: Q }[] = [];
  const infeasible: string[] = [];
  const D = (i: number, t: number) => nablaMinus(sizes, grid, i, t);
  for (let s = 0; s < S; s++) {
    let m = ZERO;
    for (let t = 0; t < T; t++) {
      const pr = ivo.pi[s]![t]!;
      if (pr.compare(0) < 0) infeasible.push(`π(${s},${t}) < 0`);
      m = m.add(pr);
      const slack = svoValue(p, sizes, s, t, D, svo.g).sub(svo.lambda[s]!);
      if (slack.compare(0) < 0) infeasible.push(`λ(${s}) > SVO⁻(${s},${t})`);
      const prod = pr.mul(slack);
      if (prod.n !== 0n) nonzero.push({ where: `π(θ=${s}, t=${profileAt(sizes, t).join(",")})·slack`, product: prod });
    }
    if (!m.equals(p.mu[s]!)) infeasible.push(`Σ_t π(${s}, t) ≠ μ`);
  }
  for (let t = 0; t < T; t++) {
    let tot = ZERO;
    for (let x = 0; x < X; x++) {
      const gx = svo.g[t]![x]!;
      if (gx.compare(0) < 0) infeasible.push(`g(${x}|${t}) < 0`);
      tot = tot.add(gx);
      const slack = ivo.gamma[t]!.sub(ivoValue(p, sizes, grid, t, x, ivo.pi));
      if (slack.compare(0) < 0) infeasible.push(`γ(${t}) < IVO(${t},${x})`);
      const prod = gx.mul(slack);
      if (prod.n !== 0n) nonzero.push({ where: `g(x=${x} | t=${profileAt(sizes, t).join(",")})·slack`, product: prod });
    }
    if (!tot.equals(ONE)) infeasible.push(`Σ_x g(x|${t}) ≠ 1`);
  }
  return { nonzero, infeasible };
}

/**
 * The adjoint identity behind *Simplifying a bit further*, checked as a bilinear form: the
 * coefficient of π(θ, t)·g(x | t′) in Σ π[w g + Σ_i u_i ∇⁻_i g] equals its coefficient in
 * Σ g[w π − Σ_i u_i ∇̃⁺_i π], for every θ, t, t′, x. Returns the first mismatch or null — a proof of
 * the summation by parts for this problem and grid (both sides are bilinear).
 */
export function adjointMismatch(p: DesignProblem, grid: LocalGrid): { state: number; t: number; t2: number; x: number; left: Q; right: Q } | null {
  const sizes = gridSizes(p, grid);
  const T = profileCount(sizes);
  const X = p.outcomes.length;
  for (let s = 0; s < p.states.length; s++) {
    const L = new Map<string, Q>();
    const R = new Map<string, Q>();
    const add = (m: Map<string, Q>, k: string, c: Q) => m.set(k, (m.get(k) ?? ZERO).add(c));
    for (let t = 0; t < T; t++) {
      for (let x = 0; x < X; x++) {
        // left: π(θ,t) · [w(x,θ) g(x|t) + Σ_i u_i(x,θ) ∇⁻_i g(x|t)]
        add(L, `${t}|${t}|${x}`, p.designer[s]![x]!);
        for (let i = 0; i < p.agents; i++) for (const [t2, c] of nablaMinus(sizes, grid, i, t)) add(L, `${t}|${t2}|${x}`, c.mul(p.utility[i]![s]![x]!));
        // right: g(x|t) · [w(x,θ) π(θ,t) − Σ_i u_i(x,θ) ∇̃⁺_i π(θ,t)]
        add(R, `${t}|${t}|${x}`, p.designer[s]![x]!);
        for (let i = 0; i < p.agents; i++) for (const [t2, c] of nablaTildePlus(sizes, grid, i, t)) add(R, `${t2}|${t}|${x}`, c.mul(p.utility[i]![s]![x]!).neg());
      }
    }
    for (const k of new Set([...L.keys(), ...R.keys()])) {
      const l = L.get(k) ?? ZERO;
      const r = R.get(k) ?? ZERO;
      if (!l.equals(r)) {
        const [t, t2, x] = k.split("|").map(Number) as [number, number, number];
        return { state: s, t, t2, x, left: l, right: r };
      }
    }
  }
  return null;
}
