/**
 * Chung and Ely (2007): the optimal ex post auction as an exact LP, and the local virtual values.
 *
 * Source: [BrooksExPost2023],
 * slides *Auctions with ex post implementation*, *Profit maximization with ex post
 * implementation* (the program (P)), *Applying what we learned from the single agent solution*,
 * *Analyzing the Lagrangian*, *Regular case*, *Deriving π\**; catalogue ids `ce2007-maxmin`,
 * `ce2007-local-virtual-values`, `ce2007-irregular`, with the formula of *Regular case* corrected.
 *
 * ## Environment
 * n bidders, private values v_i ∈ V, V evenly spaced in increments of Δ:
 * V = {low, low + Δ, …, low + (K−1)Δ} (default low = Δ = 1, i.e. V = {1, …, K}). A value profile is
 * a tuple of grid indices k_i ∈ {0, …, K−1} (v_i = low + k_i Δ), tables "by profile" use the
 * mixed-radix order of src/model/profiles.ts (bidder n varies fastest). The seller's prior
 * f ∈ Δ(Vⁿ) is exact and may be correlated.
 *
 * ## The program (P) (slide *Profit maximization with ex post implementation*)
 *
 *   max_{(q,t)}  Σ_{v∈Vⁿ} Σ_i t_i(v) f(v)
 *   s.t.  q_i(v) ≥ 0 ∀ i, v;   Σ_i q_i(v) ≤ 1 ∀ v                                  FEAS[v]
 *         v_i q_i(v) − t_i(v) ≥ 0 ∀ i, v                                           EPIR[i, v]
 *         v_i q_i(v) − t_i(v) ≥ v_i q_i(v'_i, v_{-i}) − t_i(v'_i, v_{-i}) ∀ i, v, v'_i   EPIC[i, v, report v'_i]
 *
 * The slide quantifies EPIC over all reports v'_i (all pairs); that is the default here
 * (`ic: "all"`: n·Kⁿ·(K−1) EPIC rows, 15 200 at n = 2, K = 20). `ic: "local"` keeps only the
 * reports v'_i = v_i ± Δ (2n(K−1)K^{n−1} rows); with one-dimensional private values the local
 * constraints imply all the others (adding the local downward constraints telescopes to
 * monotonicity of q_i(·, v_{-i}) and then to every downward/upward constraint), so both programs
 * have the same feasible set; the tests check equal optimal values.
 * The payments t_i of the slide are the variables named `p1(3,2)` here; allocations `q1(3,2)`
 * (names show bidder and grid indices, 1-based). q_i ≥ 0 and free payments, exactly as in (P);
 * q_i ≤ 1 follows from FEAS and is not stated twice.
 *
 * ## Local virtual values (slide *Regular case*, with the slide's formula corrected)
 *   φ̃_i(v) = v_i − Δ · Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v)
 * (the multipliers α_i(v, v_i − Δ) = Σ_{v'_i ≥ v_i} f(v'_i, v_{-i}) on local downward IC and the
 * bottom IR, which satisfy transfer neutrality). f is *regular* if φ̃_i(v) is non-decreasing in
 * v_i for all i, v_{-i}. By weak duality with these multipliers, for every f with full support,
 * value(P) ≤ Σ_v f(v) · max(0, max_i φ̃_i(v)) (slide *Analyzing the Lagrangian*: allocate to the
 * highest non-negative virtual value); for regular f the local multipliers are optimal and the
 * two are equal (`ce2007-local-virtual-values`).
 */
import seedrandom from "seedrandom";
import { MechcheckError } from "../errors.ts";
import { ONE, q, qsum, ZERO, type Q, type QInput } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type LpResult, type LpRow, type LpTerm, type LpVariable, type TermInput } from "../lp/model.ts";
import { type RowGenerationStats, solveByRowGenerationWithStats } from "../lp/rowGeneration.ts";
import type { ImplicitLpModel } from "../lp/verify.ts";
import { profileAt, profileCount, profileIndex, withEntry } from "../model/profiles.ts";

/** A prior on the value grid: f[profileIndex] = f(v), v_i = low + k_i·Δ for grid index k_i ∈ [0, K). */
export interface AuctionPrior {
  readonly n: number;
  readonly K: number;
  readonly delta: Q;
  readonly low: Q;
  /** f(v) for every profile v, in profiles.ts order over sizes [K, …, K]; sums to 1. */
  readonly f: readonly Q[];
}

/**
 * The value grid of the Chung–Ely auction ([BrooksExPost2023, *Auctions with ex post
 * implementation*]): the step Δ and the lowest value.
 */
export interface GridOptions {
  /** Δ, the grid step (default 1). */
  delta?: QInput;
  /** The lowest value (default Δ, so that V = {Δ, 2Δ, …, KΔ}). */
  low?: QInput;
}

/** Which EPIC rows the program (P) has: "all" reports (the slide's) or only the "local" adjacent ones. */
export type IcScope = "all" | "local";

/** Sizes [K, …, K] of the value-profile space. */
export function gridSizes(n: number, K: number): number[] {
  return new Array<number>(n).fill(K);
}

/**
 * An exact prior from non-negative weights (normalised to sum 1). `weights[profileIndex]`.
 */
export function auctionPrior(n: number, K: number, weights: readonly QInput[], opts: GridOptions = {}): AuctionPrior {
  if (!Number.isInteger(n) || n < 1) throw new MechcheckError("bad-size", `number of bidders must be a positive integer, got ${n}`, { path: "n", value: n });
  if (!Number.isInteger(K) || K < 1) throw new MechcheckError("bad-size", `grid size K must be a positive integer, got ${K}`, { path: "K", value: K });
  const count = profileCount(gridSizes(n, K));
  if (weights.length !== count) {
    throw new MechcheckError("bad-size", `prior: expected ${count} weights (K^n = ${K}^${n}), got ${weights.length}`, { path: "f", value: weights.length });
  }
  const w = weights.map((x, k) => q(x, `f[${k}]`));
  w.forEach((x, k) => {
    if (x.s < 0n && x.n !== 0n) throw new MechcheckError("negative-probability", `prior weight f[${k}] = ${x.toFraction()} is negative`, { path: `f[${k}]`, value: x.toFraction() });
  });
  const total = qsum(w);
  if (total.n === 0n) throw new MechcheckError("zero-prior", "prior weights sum to zero", { path: "f" });
  const delta = q(opts.delta ?? 1, "delta");
  if (delta.s < 0n || delta.n === 0n) throw new MechcheckError("bad-grid", `grid step Δ must be positive, got ${delta.toFraction()}`, { path: "delta", value: delta.toFraction() });
  const low = opts.low === undefined ? delta : q(opts.low, "low");
  return Object.freeze({ n, K, delta, low, f: Object.freeze(w.map((x) => x.div(total))) });
}

/** The value of grid index k: low + k·Δ. */
export function gridValue(prior: Pick<AuctionPrior, "low" | "delta">, k: number): Q {
  return prior.low.add(prior.delta.mul(k));
}

/** "(3,2)": a profile's 1-based grid indices. */
export function profileLabel(v: readonly number[]): string {
  return `(${v.map((k) => k + 1).join(",")})`;
}

/** Column index of q_i(v) (bidder i 0-based, v a profile index) in the model built here. */
export function auctionQVar(prior: Pick<AuctionPrior, "n" | "K">, i: number, v: number): number {
  return i * profileCount(gridSizes(prior.n, prior.K)) + v;
}
/** Column index of the payment p_i(v) = t_i(v). */
export function auctionPVar(prior: Pick<AuctionPrior, "n" | "K">, i: number, v: number): number {
  const P = profileCount(gridSizes(prior.n, prior.K));
  return prior.n * P + i * P + v;
}

/** Variable and row counts of (P): 2n·Kⁿ columns; Kⁿ FEAS + n·Kⁿ EPIR + EPIC rows. */
export function auctionLpCounts(n: number, K: number, ic: IcScope = "all"): { variables: number; rows: number; feas: number; epir: number; epic: number } {
  const P = K ** n;
  const feas = P;
  const epir = n * P;
  const epic = ic === "all" ? n * P * (K - 1) : n * 2 * (K - 1) * K ** (n - 1);
  return { variables: 2 * n * P, rows: feas + epir + epic, feas, epir, epic };
}

/**
 * The part shared by (P) here and (P′) in chungEly.ts: a "max" builder with the columns q_i(v)
 * (`auctionQVar`, lower 0) then p_i(v) (`auctionPVar`, free), the revenue objective
 * Σ_v f(v) Σ_i p_i(v), and the rows FEAS[v]: Σ_i q_i(v) ≤ 1. Also returns the profile labels.
 */
export function auctionLpSkeleton(prior: AuctionPrior): { b: LpBuilder; labels: string[] } {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  const b = new LpBuilder("max");
  const labels: string[] = [];
  for (let v = 0; v < P; v++) labels.push(profileLabel(profileAt(sizes, v)));
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) b.variable(`q${i + 1}${labels[v]}`, { lower: 0 });
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) b.variable(`p${i + 1}${labels[v]}`, { lower: null });

  const obj: TermInput[] = [];
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) obj.push([auctionPVar(prior, i, v), prior.f[v]!]);
  b.objective(obj);

  for (let v = 0; v < P; v++) {
    const terms: TermInput[] = [];
    for (let i = 0; i < n; i++) terms.push([auctionQVar(prior, i, v), 1]);
    b.row(`FEAS[v=${labels[v]}]`, terms, "<=", 1);
  }
  return { b, labels };
}

/** The coefficients (P)'s EPIR and EPIC rows are made of: the grid values v_k, their negatives, 1, −1 and 0. */
function rowCoefficients(prior: AuctionPrior): { values: Q[]; negValues: Q[]; one: Q; minusOne: Q; zero: Q } {
  const values: Q[] = [];
  for (let k = 0; k < prior.K; k++) values.push(gridValue(prior, k));
  return { values, negValues: values.map((x) => x.neg()), one: q(1), minusOne: q(-1), zero: q(0) };
}

/**
 * Chung–Ely's program (P) for the prior f (slide *Profit maximization with ex post
 * implementation*). Columns: q_i(v) for all i, v (indices `auctionQVar`), then p_i(v)
 * (`auctionPVar`). Rows: FEAS[v] for all v; then for each bidder i and profile v: EPIR[i, v] and
 * EPIC[i, v, report k] for each report k ≠ v_i (all reports, or only v_i ± Δ with ic "local").
 */
export function optimalExPostAuctionLp(prior: AuctionPrior, opts: { ic?: IcScope } = {}): LpModel {
  const ic = opts.ic ?? "all";
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  if (prior.f.length !== P) throw new MechcheckError("bad-size", `prior has ${prior.f.length} entries, expected ${P}`, { path: "f" });
  const { b, labels } = auctionLpSkeleton(prior);
  const base = b.build();
  // EPIR and EPIC rows built directly as frozen data (the same rows LpBuilder.row would build:
  // terms sorted by column, zero coefficients dropped; measured 2-3× faster on 10⁵–10⁶ rows)
  const { values, negValues, one, minusOne, zero } = rowCoefficients(prior);
  const term = (v: number, coef: Q): LpTerm => Object.freeze({ var: v, coef });
  const rows: LpRow[] = base.rows.slice();
  for (let i = 0; i < n; i++) {
    const stride = K ** (n - 1 - i); // profile index step of bidder i's grid index
    for (let v = 0; v < P; v++) {
      const ki = Math.floor(v / stride) % K;
      const vi = values[ki]!;
      const viZero = vi.n === 0n;
      const qv = auctionQVar(prior, i, v);
      const pv = auctionPVar(prior, i, v);
      const qvTerm = viZero ? null : term(qv, vi);
      const pvTerm = term(pv, minusOne);
      rows.push(Object.freeze({ name: `EPIR[i=${i + 1}, v=${labels[v]}]`, terms: Object.freeze(qvTerm ? [qvTerm, pvTerm] : [pvTerm]), sense: ">=" as const, rhs: zero }));
      for (let k = 0; k < K; k++) {
        if (k === ki) continue;
        if (ic === "local" && Math.abs(k - ki) !== 1) continue;
        const w = v + (k - ki) * stride;
        const qw = auctionQVar(prior, i, w);
        const pw = auctionPVar(prior, i, w);
        // v_i q_i(v) − t_i(v) − v_i q_i(k, v_{-i}) + t_i(k, v_{-i}) ≥ 0
        const qTerms = viZero ? [] : k < ki ? [term(qw, negValues[ki]!), qvTerm!] : [qvTerm!, term(qw, negValues[ki]!)];
        const pTerms = k < ki ? [term(pw, one), pvTerm] : [pvTerm, term(pw, one)];
        rows.push(Object.freeze({ name: `EPIC[i=${i + 1}, v=${labels[v]}, report ${k + 1}]`, terms: Object.freeze([...qTerms, ...pTerms]), sense: ">=" as const, rhs: zero }));
      }
    }
  }
  return Object.freeze({ ...base, rows: Object.freeze(rows) });
}

/**
 * An EPIR (report −1) or EPIC row of (P) made on demand by `optimalExPostAuctionRows`: its name is
 * built only when read (a check over 10⁶ rows reads none unless one fails).
 */
class AuctionRow implements LpRow {
  readonly sense = ">=" as const;
  constructor(
    private readonly labels: readonly string[],
    private readonly i: number,
    private readonly v: number,
    private readonly report: number,
    readonly terms: readonly LpTerm[],
    readonly rhs: Q,
  ) {}
  get name(): string {
    return this.report < 0 ? `EPIR[i=${this.i + 1}, v=${this.labels[this.v]}]` : `EPIC[i=${this.i + 1}, v=${this.labels[this.v]}, report ${this.report + 1}]`;
  }
}

/**
 * The all-pairs (P) of `optimalExPostAuctionLp(prior)` (ic "all") as an ImplicitLpModel
 * (src/lp/verify.ts): the same columns, objective and rows in the same order, row i built on demand
 * by `row(i)` (its name only when read), so that a certificate can be checked on all n·Kⁿ·K rows
 * without holding them (10⁶ rows at n = 4, K = 12). Only the Kⁿ FEAS rows are held.
 * Row order: FEAS[v] for every v; then for each bidder i and profile v, EPIR[i, v] followed by
 * EPIC[i, v, report k] for each k ≠ v_i in increasing k.
 */
export function optimalExPostAuctionRows(prior: AuctionPrior): ImplicitLpModel {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  if (prior.f.length !== P) throw new MechcheckError("bad-size", `prior has ${prior.f.length} entries, expected ${P}`, { path: "f" });
  const { values, negValues, one, minusOne, zero } = rowCoefficients(prior);
  const strides = Array.from({ length: n }, (_, i) => K ** (n - 1 - i));
  const term = (v: number, coef: Q): LpTerm => Object.freeze({ var: v, coef });
  // columns, objective and FEAS rows as auctionLpSkeleton's LpBuilder makes them (names, bounds,
  // terms sorted by column, zero objective terms dropped), built directly as frozen data
  const labels: string[] = [];
  for (let v = 0; v < P; v++) labels.push(profileLabel(profileAt(sizes, v)));
  const variables: LpVariable[] = [];
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) variables.push(Object.freeze({ name: `q${i + 1}${labels[v]}`, lower: ZERO, upper: null }));
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) variables.push(Object.freeze({ name: `p${i + 1}${labels[v]}`, lower: null, upper: null }));
  const objective: LpTerm[] = [];
  for (let i = 0; i < n; i++) for (let v = 0; v < P; v++) if (prior.f[v]!.n !== 0n) objective.push(term(n * P + i * P + v, prior.f[v]!));
  const feas: LpRow[] = [];
  for (let v = 0; v < P; v++) {
    const terms: LpTerm[] = [];
    for (let i = 0; i < n; i++) terms.push(term(i * P + v, one));
    feas.push(Object.freeze({ name: `FEAS[v=${labels[v]}]`, terms: Object.freeze(terms), sense: "<=" as const, rhs: one }));
  }
  const base = { direction: "max" as const, variables: Object.freeze(variables), rows: feas, objective: Object.freeze(objective), objectiveConstant: ZERO };
  // the terms that depend on one column only, built once: v_i·q_i(v), −t_i(v), +t_i(w)
  const qvTerms: (LpTerm | null)[] = new Array(n * P);
  const pvTerms: LpTerm[] = new Array(n * P);
  const pwTerms: LpTerm[] = new Array(n * P);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < P; v++) {
      const vi = values[Math.floor(v / strides[i]!) % K]!;
      qvTerms[i * P + v] = vi.n === 0n ? null : term(i * P + v, vi);
      pvTerms[i * P + v] = term(n * P + i * P + v, minusOne);
      pwTerms[i * P + v] = term(n * P + i * P + v, one);
    }
  }
  const rowCount = P + n * P * K;
  const row = (r: number): LpRow => {
    if (!Number.isInteger(r) || r < 0 || r >= rowCount) throw new MechcheckError("bad-option", `(P) has rows 0..${rowCount - 1}, not ${r}`, { value: r });
    if (r < P) return base.rows[r]!;
    const t = r - P;
    const block = Math.floor(t / K); // i·P + v
    const within = t - block * K; // 0: EPIR; else the (within)-th report other than v_i
    const i = Math.floor(block / P);
    const v = block - i * P;
    const stride = strides[i]!;
    const ki = Math.floor(v / stride) % K;
    const qvTerm = qvTerms[block]!;
    const pvTerm = pvTerms[block]!;
    if (within === 0) return new AuctionRow(labels, i, v, -1, qvTerm ? [qvTerm, pvTerm] : [pvTerm], zero);
    const k = within - 1 < ki ? within - 1 : within;
    const w = v + (k - ki) * stride;
    const pwTerm = pwTerms[i * P + w]!;
    // v_i q_i(v) − t_i(v) − v_i q_i(k, v_{-i}) + t_i(k, v_{-i}) ≥ 0, terms sorted by column
    if (qvTerm === null) return new AuctionRow(labels, i, v, k, k < ki ? [pwTerm, pvTerm] : [pvTerm, pwTerm], zero);
    const qwTerm = term(i * P + w, negValues[ki]!);
    return new AuctionRow(labels, i, v, k, k < ki ? [qwTerm, qvTerm, pwTerm, pvTerm] : [qvTerm, qwTerm, pvTerm, pwTerm], zero);
  };
  return Object.freeze({ direction: base.direction, variables: base.variables, objective: base.objective, objectiveConstant: base.objectiveConstant, rowCount, row });
}

/**
 * Where row generation starts on the all-pairs (P) (`optimalExPostAuctionLp(prior)`, ic "all"):
 * - "local": every FEAS row, EPIR only at the bottom value v_i = low, and EPIC only for the adjacent
 *   reports v_i ± Δ. This subset implies every other row of (P) (so row generation ends after one
 *   round): local EPIC implies all EPIC (module comment), and with q ≥ 0 the local downward EPIC
 *   chains EPIR down to the bottom value, u_i(v) ≥ u_i(v − Δe_i) + Δ·q_i(v − Δe_i) ≥ … ≥ u_i(low, v_{-i}) ≥ 0.
 * - "local-downward": as "local" without the upward reports v_i + Δ (the relaxed program of the
 *   slide *Applying what we learned from the single agent solution*); on irregular priors its
 *   optimum may break monotonicity, and row generation adds the violated rows.
 * Returns indices of the full model's rows, increasing.
 */
export type AuctionRowStart = "local" | "local-downward";
/** The indices of the full (P)'s rows that row generation starts from (AuctionRowStart above), increasing. */
export function optimalExPostAuctionInitialRows(prior: Pick<AuctionPrior, "n" | "K">, start: AuctionRowStart = "local"): number[] {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  const out: number[] = [];
  for (let v = 0; v < P; v++) out.push(v);
  let row = P;
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < P; v++) {
      const ki = profileAt(sizes, v)[i]!;
      if (ki === 0) out.push(row);
      row++;
      for (let k = 0; k < K; k++) {
        if (k === ki) continue;
        if (k === ki - 1 || (k === ki + 1 && start === "local")) out.push(row);
        row++;
      }
    }
  }
  return out;
}

/**
 * (P) with all-pairs EPIC solved by exact row generation (src/lp/rowGeneration.ts) from the local
 * rows (`optimalExPostAuctionInitialRows`): the result is a certificate for the FULL program
 * `optimalExPostAuctionLp(prior)` (ic "all"), verified on every one of its rows, given on demand by
 * `optimalExPostAuctionRows(prior)` (`implicitModel`), so only the generated rows are ever held.
 * `model` is the full program as an LpModel, built on first access (not by the solve).
 */
export function solveOptimalExPostAuction(
  prior: AuctionPrior,
  opts: { start?: AuctionRowStart; solveReduced?: (m: LpModel) => LpResult; batch?: number } = {},
): { readonly model: LpModel; readonly implicitModel: ImplicitLpModel; readonly result: LpResult; readonly stats: RowGenerationStats } {
  const implicitModel = optimalExPostAuctionRows(prior);
  const { result, stats } = solveByRowGenerationWithStats(implicitModel, {
    initialRows: optimalExPostAuctionInitialRows(prior, opts.start ?? "local"),
    expectComplete: (opts.start ?? "local") === "local",
    ...(opts.solveReduced ? { solveReduced: opts.solveReduced } : {}),
    ...(opts.batch !== undefined ? { batch: opts.batch } : {}),
  });
  let model: LpModel | undefined;
  return {
    get model() {
      return (model ??= optimalExPostAuctionLp(prior, { ic: "all" }));
    },
    implicitModel,
    result,
    stats,
  };
}

/**
 * Expected revenue Σ_v f(v) Σ_i t_i(v) of a mechanism given as tables q[i][v], t[i][v], and
 * whether it satisfies every constraint of (P) (checked directly from the slide's inequalities,
 * independently of the LP rows). For cross-checking LP solutions.
 */
export function checkAuctionMechanism(
  prior: AuctionPrior,
  alloc: readonly (readonly Q[])[],
  pay: readonly (readonly Q[])[],
): { revenue: Q; violations: string[] } {
  const { n, K } = prior;
  const sizes = gridSizes(n, K);
  const P = profileCount(sizes);
  const violations: string[] = [];
  let revenue = ZERO;
  for (let v = 0; v < P; v++) {
    const prof = profileAt(sizes, v);
    let total = ZERO;
    for (let i = 0; i < n; i++) {
      const qi = alloc[i]![v]!;
      if (qi.s < 0n && qi.n !== 0n) violations.push(`q${i + 1}${profileLabel(prof)} < 0`);
      total = total.add(qi);
      revenue = revenue.add(prior.f[v]!.mul(pay[i]![v]!));
      const vi = gridValue(prior, prof[i]!);
      const u = vi.mul(qi).sub(pay[i]![v]!);
      if (u.s < 0n && u.n !== 0n) violations.push(`EPIR i=${i + 1} v=${profileLabel(prof)}`);
      for (let k = 0; k < K; k++) {
        const w = profileIndex(sizes, withEntry(prof, i, k));
        const dev = vi.mul(alloc[i]![w]!).sub(pay[i]![w]!);
        if (u.compare(dev) < 0) violations.push(`EPIC i=${i + 1} v=${profileLabel(prof)} report ${k + 1}`);
      }
    }
    if (total.compare(ONE) > 0) violations.push(`FEAS v=${profileLabel(prof)}`);
  }
  return { revenue, violations };
}

/** Split an LP primal vector of `optimalExPostAuctionLp(prior)` into q[i][v] and t[i][v]. */
export function auctionMechanismFromPrimal(prior: AuctionPrior, x: readonly Q[]): { q: Q[][]; t: Q[][] } {
  const P = profileCount(gridSizes(prior.n, prior.K));
  const qq: Q[][] = [];
  const tt: Q[][] = [];
  for (let i = 0; i < prior.n; i++) {
    qq.push(Array.from({ length: P }, (_, v) => x[auctionQVar(prior, i, v)]!));
    tt.push(Array.from({ length: P }, (_, v) => x[auctionPVar(prior, i, v)]!));
  }
  return { q: qq, t: tt };
}

function requireFullSupport(prior: AuctionPrior): void {
  const k = prior.f.findIndex((x) => x.n === 0n);
  if (k >= 0) {
    throw new MechcheckError("not-full-support", `local virtual values need f(v) > 0 everywhere; f${profileLabel(profileAt(gridSizes(prior.n, prior.K), k))} = 0`, { path: `f[${k}]`, value: "0" });
  }
}

/**
 * φ̃_i(v) = v_i − Δ · Σ_{v'_i > v_i} f(v'_i, v_{-i}) / f(v) (slide *Regular case*, its formula
 * corrected). `v` is a profile index; i 0-based. Needs f(v) > 0.
 */
export function localVirtualValue(prior: AuctionPrior, i: number, v: number): Q {
  const sizes = gridSizes(prior.n, prior.K);
  const prof = profileAt(sizes, v);
  const fv = prior.f[v]!;
  if (fv.n === 0n) throw new MechcheckError("not-full-support", `φ̃ at v=${profileLabel(prof)}: f(v) = 0`, { path: `f[${v}]`, value: "0" });
  let above = ZERO;
  for (let k = prof[i]! + 1; k < prior.K; k++) above = above.add(prior.f[profileIndex(sizes, withEntry(prof, i, k))]!);
  return gridValue(prior, prof[i]!).sub(prior.delta.mul(above).div(fv));
}

/** All local virtual values: phi[i][v]. */
export function localVirtualValues(prior: AuctionPrior): Q[][] {
  requireFullSupport(prior);
  const P = prior.f.length;
  const out: Q[][] = [];
  for (let i = 0; i < prior.n; i++) out.push(Array.from({ length: P }, (_, v) => localVirtualValue(prior, i, v)));
  return out;
}

/**
 * Every step up by one grid point in one bidder's value: bidder i, profile index v (values `prof`)
 * and the index w of `next` = prof with v_i raised by one step (profiles with v_i at the top skipped).
 */
export function* ownValueSteps(prior: AuctionPrior): Generator<{ i: number; v: number; w: number; prof: number[]; next: number[] }> {
  const sizes = gridSizes(prior.n, prior.K);
  for (let i = 0; i < prior.n; i++) {
    for (let v = 0; v < prior.f.length; v++) {
      const prof = profileAt(sizes, v);
      if (prof[i]! + 1 >= prior.K) continue;
      const next = withEntry(prof, i, prof[i]! + 1);
      yield { i, v, w: profileIndex(sizes, next), prof, next };
    }
  }
}

/**
 * Regularity (slide *Regular case*): φ̃_i(v) non-decreasing in v_i for every i and v_{-i}.
 * Returns null when regular, else the first witness (i, v, v + Δ·e_i) with φ̃ decreasing.
 */
export function regularityViolation(prior: AuctionPrior): { i: number; v: number[]; next: number[]; phi: Q; phiNext: Q } | null {
  const phi = localVirtualValues(prior);
  for (const { i, v, w, prof, next } of ownValueSteps(prior)) {
    if (phi[i]![v]!.compare(phi[i]![w]!) > 0) return { i, v: prof, next, phi: phi[i]![v]!, phiNext: phi[i]![w]! };
  }
  return null;
}

/**
 * Whether a prior is regular: every local virtual value non-decreasing in the own value
 * ([BrooksExPost2023, *Regular case*]), exactly.
 */
export function isRegular(prior: AuctionPrior): boolean {
  return regularityViolation(prior) === null;
}

/**
 * Σ_v f(v) · max(0, max_i φ̃_i(v)) (slide *Analyzing the Lagrangian* with the local multipliers).
 * An upper bound on value(P) for every full-support f; equal to it for regular f.
 */
export function localVirtualValueRevenue(prior: AuctionPrior): Q {
  return expectedPositiveMax(prior, localVirtualValues(prior));
}

/** Σ_v f(v) · max(0, max_i phi[i][v]) for per-bidder values phi[i][v] on the prior's profiles. */
export function expectedPositiveMax(prior: AuctionPrior, phi: readonly (readonly Q[])[]): Q {
  let total = ZERO;
  for (let v = 0; v < prior.f.length; v++) {
    let best = ZERO;
    for (let i = 0; i < prior.n; i++) if (phi[i]![v]!.compare(best) > 0) best = phi[i]![v]!;
    total = total.add(prior.f[v]!.mul(best));
  }
  return total;
}

/** Options of `randomCorrelatedPrior`: the value grid and the range of the integer weights. */
export interface RandomPriorOptions extends GridOptions {
  /** Integer weights are drawn uniformly from [minWeight, maxWeight] (default 1..20). */
  minWeight?: number;
  maxWeight?: number;
}

/**
 * A random (generically correlated) full-support prior from a seed: independent integer weights
 * per profile, uniform in [minWeight, maxWeight], normalised exactly. Floats are used only to draw.
 */
export function randomCorrelatedPrior(seed: string | number, n: number, K: number, opts: RandomPriorOptions = {}): AuctionPrior {
  const lo = opts.minWeight ?? 1;
  const hi = opts.maxWeight ?? 20;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo < 1 || hi < lo) {
    throw new MechcheckError("bad-option", `weights range [${lo}, ${hi}] must be positive integers with min ≤ max`, { value: [lo, hi] });
  }
  const rng = seedrandom(`auction-prior:${seed}`);
  const P = profileCount(gridSizes(n, K));
  const w: number[] = [];
  for (let v = 0; v < P; v++) w.push(lo + Math.floor(rng() * (hi - lo + 1)));
  return auctionPrior(n, K, w, opts);
}

/**
 * A random regular correlated prior: near-uniform integer weights in [M, M + ⌊M/(2K)⌋] with
 * M = 40K (each slice's ratios stay within 1 ± 1/(2K), which keeps φ̃ increasing), checked with
 * `isRegular` and redrawn (up to `tries` times) if not.
 */
export function randomRegularPrior(seed: string | number, n: number, K: number, opts: GridOptions & { tries?: number } = {}): AuctionPrior {
  const M = 40 * K;
  const tries = opts.tries ?? 20;
  for (let attempt = 0; attempt < tries; attempt++) {
    const prior = randomCorrelatedPrior(`${seed}/regular/${attempt}`, n, K, { ...opts, minWeight: M, maxWeight: M + Math.floor(M / (2 * K)) });
    if (isRegular(prior)) return prior;
  }
  throw new MechcheckError("generator-failed", `no regular prior found in ${tries} draws (seed ${seed}, n=${n}, K=${K})`, { value: seed });
}
