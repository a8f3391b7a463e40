/**
 * Row generation (cutting planes) with exact certificates for the FULL model.
 *
 * Many large LPs have far more rows than bind at an optimum (e.g. all-pairs incentive constraints
 * of which only the local ones matter). `solveByRowGeneration` solves a reduced model that keeps
 * the same columns, objective and bounds but only a subset of the rows, with the certified `solve`
 * (for an ImplicitLpModel, whose rows are made on demand: HiGHS's default basis certified exactly
 * by certify.ts, without `solve`'s re-check of the reduced certificate — the judge checks the final
 * one on every row of the full model — and `solve` when that fails);
 * then it checks EVERY row of the full model exactly at the reduced answer and adds the violated
 * ones (most violated first, at most `batch` per round), until nothing is violated:
 *
 * - optimal: the reduced primal x satisfies every row of the full model, hence is feasible for it;
 *   the reduced dual y, extended by zeros on the rows not generated, satisfies c = Aᵀy + d with the
 *   same reduced costs d (a zero multiplier adds nothing to Aᵀy) and the same sign rules, and its
 *   dual value Σ y_i b_i + bound terms is unchanged. So (x, y extended, d) is an optimal
 *   certificate of the full model with the same value.
 * - infeasible: a Farkas certificate of the reduced model, extended by zeros, is one of the full
 *   model (the reduced feasible set contains the full one). No further check needed.
 * - unbounded: the reduced model being unbounded does NOT make the full model unbounded. The
 *   reduced point and ray are checked against every full row (the point must satisfy it, the ray
 *   must not move against it); violated rows are added and the loop goes on. When neither is
 *   violated, (point, ray) is an unbounded certificate of the full model.
 *
 * With `expectComplete`, the first round's certificate goes to the judge on the full model directly
 * (the judge's own row check replaces this module's in that round).
 *
 * The loop adds at least one row per non-final round, so it ends after at most (number of rows)
 * rounds; after `maxRounds` rounds it solves the full model directly instead (recorded in the
 * stats). Every returned certificate is re-checked on the FULL model by the independent judge
 * `assertVerified` (verify.ts) before it is returned; nothing here is trusted.
 *
 * The row check uses its own integer arithmetic (one denominator per row, BigInt dot products,
 * no gcd per operation), not the judge's code. Floats appear only to order violated rows by size.
 */
import { MechcheckError } from "../errors.ts";
import { type Q, ZERO } from "../exact/rational.ts";
import type { LpModel, LpResult, LpRow, LpTerm, SolveTrace } from "./model.ts";
import { certifyBasis } from "./certify.ts";
import { DEFAULT_SETTINGS, loadedHighs } from "./engine.ts";
import { isLpEngineLoaded, type SolveOptions, solve } from "./solve.ts";
import { type AnyLpModel, assertVerified, isImplicitModel, modelRow, modelRowCount, verify } from "./verify.ts";

/**
 * Options of `solveByRowGeneration`: the initial rows, how many violated rows to add per round, the
 * round limit before solving the full model, and how reduced models are solved.
 */
export interface RowGenerationOptions {
  /** The rows of the full model to start with: indices, or a predicate on (row, index). */
  readonly initialRows: readonly number[] | ((row: LpRow, index: number) => boolean);
  /** At most this many violated rows are added per round, the most violated first (default 1000). */
  readonly batch?: number;
  /** After this many rounds the full model is solved directly (default 50). */
  readonly maxRounds?: number;
  /** How each reduced model is solved (default: the certified `solve` with `solveOptions`). */
  readonly solveReduced?: (model: LpModel) => LpResult;
  readonly solveOptions?: SolveOptions;
  /**
   * The initial rows are expected to imply every other row (e.g. local incentive constraints): after
   * the first reduced solve, the judge checks the extended certificate on the full model at once
   * (one pass over the rows instead of a row check and then the judge); if only rows not generated
   * are violated, the loop goes on as usual. Default false.
   */
  readonly expectComplete?: boolean;
}

/**
 * What a row-generation run did: rounds, reduced model sizes, rows added, whether it fell back to
 * the full model, and the time spent solving, checking and verifying.
 */
export interface RowGenerationStats {
  /** rounds = reduced solves (the fallback full solve not counted) */
  rounds: number;
  /** reduced model size (rows) at each round */
  reducedRows: number[];
  /** rows added over all rounds */
  added: number;
  /** whether the full model was solved directly after maxRounds */
  fellBack: boolean;
  /** ms solving reduced models (each certified and verified on the reduced model by `solve`) */
  solveMs: number;
  /** ms checking the full model's rows at reduced answers */
  checkMs: number;
  /** ms in the final independent verify on the full model */
  verifyMs: number;
  totalMs: number;
}

/** Integer form of a row: a·x ≷ b with a = ints / den, b = bn / bd. */
interface IntRow {
  readonly sense: LpRow["sense"];
  readonly den: bigint;
  readonly vars: Int32Array;
  readonly ints: bigint[];
  readonly bn: bigint;
  readonly bd: bigint;
  /** max |a_ij| as a float, to size violations (ordering only) */
  readonly scale: number;
}

const num = (x: Q): bigint => (x.s < 0n ? -x.n : x.n);
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
const lcm = (L: bigint, d: bigint) => (d === 1n || L % d === 0n ? L : (L / gcd(L, d)) * d);

function intRow(row: LpRow): IntRow {
  let D = 1n;
  for (const t of row.terms) D = lcm(D, t.coef.d);
  const vars = new Int32Array(row.terms.length);
  const ints: bigint[] = new Array(row.terms.length);
  let scale = 0;
  row.terms.forEach((t: LpTerm, k) => {
    vars[k] = t.var;
    ints[k] = num(t.coef) * (D / t.coef.d);
    scale = Math.max(scale, Math.abs(ratio(t.coef.n, t.coef.d)));
  });
  return { sense: row.sense, den: D, vars, ints, bn: num(row.rhs), bd: row.rhs.d, scale: scale || 1 };
}

/** A vector as integers over one common denominator. */
function intVector(x: readonly Q[]): { den: bigint; ints: bigint[] } {
  let D = 1n;
  for (const v of x) D = lcm(D, v.d);
  return { den: D, ints: x.map((v) => num(v) * (D / v.d)) };
}

/**
 * n/d (d > 0) as a float for ordering only: each of n and d is cut to its top 60 bits on its own
 * (one common shift would turn the smaller one into 0 when their sizes differ by more than 60
 * bits, giving 0 or ±Infinity), then the exponents are put back; a quotient beyond the double
 * range is clamped to ±Number.MAX_VALUE (0 below it), which keeps the order of anything
 * representable.
 */
function ratio(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const an = n < 0n ? -n : n;
  const sn = Math.max(0, an.toString(2).length - 60);
  const sd = Math.max(0, d.toString(2).length - 60);
  // 2 ** (sn − sd) is Infinity or 0 beyond the double range, and the mantissa quotient is in (2^−61, 2^61)
  const v = Math.min((Number(an >> BigInt(sn)) / Number(d >> BigInt(sd))) * 2 ** (sn - sd), Number.MAX_VALUE);
  return n < 0n ? -v : v;
}

/**
 * How much row i is violated at x (0 if it holds): exact test, float size. `direction` = the ray
 * test (a·r against the row's sense with b replaced by 0).
 */
function violation(r: IntRow, sense: LpRow["sense"], X: { den: bigint; ints: bigint[] }, direction: boolean): number {
  let S = 0n;
  for (let k = 0; k < r.ints.length; k++) {
    const xv = X.ints[r.vars[k]!]!;
    if (xv !== 0n) S += r.ints[k]! * xv;
  }
  // a·x − b = (S·bd − bn·den·X.den) / (den·X.den·bd)
  const diff = direction ? S : S * r.bd - r.bn * r.den * X.den;
  const c = diff < 0n ? -1 : diff > 0n ? 1 : 0;
  const bad = (sense === "<=" && c > 0) || (sense === ">=" && c < 0) || (sense === "=" && c !== 0);
  if (!bad) return 0;
  const size = Math.abs(ratio(diff, r.den * X.den * (direction ? 1n : r.bd))) / r.scale;
  // a violated row ranks above every satisfied one (size 0) even if its size underflows
  return size > 0 ? Math.min(size, Number.MAX_VALUE) : Number.MIN_VALUE;
}

/**
 * The model with only the rows `keep` (sorted full-model indices); same columns and objective. The
 * full model may give its rows on demand (ImplicitLpModel, verify.ts): only the kept rows are built.
 */
export function reducedModel(model: AnyLpModel, keep: readonly number[]): LpModel {
  return Object.freeze({
    direction: model.direction,
    variables: model.variables,
    rows: Object.freeze(isImplicitModel(model) ? keep.map((i) => plainRow(model.row(i))) : keep.map((i) => model.rows[i]!)),
    objective: model.objective,
    objectiveConstant: model.objectiveConstant,
  });
}

/** A row as a plain frozen object (an implicit model's row may compute its name on demand). */
function plainRow(r: LpRow): LpRow {
  return Object.freeze({ name: r.name, terms: r.terms, sense: r.sense, rhs: r.rhs });
}

/** A reduced model's row vector (dual or Farkas) extended by zeros to the full model's rows. */
export function extendByZeros(reduced: readonly Q[], keep: readonly number[], fullRows: number): Q[] {
  if (reduced.length !== keep.length) throw new MechcheckError("lp-solver-failed", `row generation: reduced vector has ${reduced.length} entries for ${keep.length} rows`);
  const out = new Array<Q>(fullRows).fill(ZERO);
  keep.forEach((i, k) => (out[i] = reduced[k]!));
  return out;
}

/** Models with at most this many row × column cells are left to `solve` (it skips the float engine on them). */
const SMALL_MODEL_CELLS = 400;

/**
 * A reduced model certified exactly from HiGHS's default basis (engine.ts, certify.ts): `solve`'s
 * first attempt, without `solve`'s own re-check of the reduced certificate — every certificate row
 * generation returns is checked by the judge on the FULL model, whose rows include the reduced
 * ones. The trace is the one `solve` records for that attempt. Null when the engine is not loaded,
 * the model is small, or the attempt fails (the caller then runs `solve`, with its retries).
 */
function certifyReducedDirectly(model: LpModel): LpResult | null {
  const eng = isLpEngineLoaded() ? loadedHighs() : undefined;
  if (eng === undefined || model.rows.length * Math.max(1, model.variables.length) <= SMALL_MODEL_CELLS) return null;
  let p: ReturnType<typeof eng.propose>;
  try {
    p = eng.propose(model, DEFAULT_SETTINGS);
  } catch {
    return null;
  }
  if (p.status !== "optimal" || p.basis === null) return null;
  let c: ReturnType<typeof certifyBasis>;
  try {
    c = certifyBasis(model, p.basis);
  } catch {
    return null; // e.g. a malformed model: `solve` validates it and says what is wrong
  }
  if (!c.ok) return null;
  return { ...c.result, trace: { attempts: [{ engine: eng.name, settings: DEFAULT_SETTINGS.name, outcome: `${p.rawStatus}: certified` }], certifiedBy: "basis-lu" } };
}

/** Solve `model` by row generation; the certificate returned is for the full model (see the module comment). */
export function solveByRowGeneration(model: AnyLpModel, opts: RowGenerationOptions): LpResult {
  return solveByRowGenerationWithStats(model, opts).result;
}

/**
 * `solveByRowGeneration` with its statistics: the result is a certificate for the full model,
 * re-checked exactly by `assertVerified`; a bad `batch` or `maxRounds` is a MechcheckError
 * "bad-option".
 */
export function solveByRowGenerationWithStats(model: AnyLpModel, opts: RowGenerationOptions): { result: LpResult; stats: RowGenerationStats } {
  const t0 = performance.now();
  const stats: RowGenerationStats = { rounds: 0, reducedRows: [], added: 0, fellBack: false, solveMs: 0, checkMs: 0, verifyMs: 0, totalMs: 0 };
  const m = modelRowCount(model);
  const implicit = isImplicitModel(model);
  const batch = opts.batch ?? 1000;
  const maxRounds = opts.maxRounds ?? 50;
  if (!Number.isInteger(batch) || batch < 1) throw new MechcheckError("bad-option", `row generation: batch must be a positive integer, got ${batch}`, { path: "batch", value: batch });
  if (!Number.isInteger(maxRounds) || maxRounds < 1) throw new MechcheckError("bad-option", `row generation: maxRounds must be a positive integer, got ${maxRounds}`, { path: "maxRounds", value: maxRounds });
  // an implicit model's reduced programs go to HiGHS + the exact basis certification directly (the
  // judge checks the final certificate on every row of the full model); an LpModel's to `solve`
  const solveReduced =
    opts.solveReduced ?? (implicit && opts.solveOptions === undefined ? (mm: LpModel) => certifyReducedDirectly(mm) ?? solve(mm) : (mm: LpModel) => solve(mm, opts.solveOptions));

  const inModel = new Uint8Array(m);
  if (typeof opts.initialRows === "function") {
    const pick = opts.initialRows;
    for (let i = 0; i < m; i++) if (pick(modelRow(model, i), i)) inModel[i] = 1;
  } else {
    for (const i of opts.initialRows) {
      if (!Number.isInteger(i) || i < 0 || i >= m) throw new MechcheckError("bad-option", `row generation: initial row index ${i} is out of range 0..${m - 1}`, { path: "initialRows", value: i });
      inModel[i] = 1;
    }
  }
  // integer rows cached for an LpModel; an implicit model's rows are built again when needed (its
  // point is not to hold every row)
  const intRows: (IntRow | undefined)[] = implicit ? [] : new Array(m);
  const rowInt = (i: number) => (implicit ? intRow(modelRow(model, i)) : (intRows[i] ??= intRow(modelRow(model, i))));

  let result: LpResult | undefined;
  let keep: number[] = [];
  let lastTrace: SolveTrace | undefined;
  let verified = false;
  while (result === undefined) {
    keep = [];
    for (let i = 0; i < m; i++) if (inModel[i]) keep.push(i);
    if (stats.rounds >= maxRounds) {
      stats.fellBack = true;
      const t = performance.now();
      result = solveReduced(implicit ? reducedModel(model, Array.from({ length: m }, (_, i) => i)) : model);
      lastTrace = result.trace;
      stats.solveMs += performance.now() - t;
      keep = Array.from({ length: m }, (_, i) => i);
      break;
    }
    stats.rounds++;
    stats.reducedRows.push(keep.length);
    const reduced = reducedModel(model, keep);
    const ts = performance.now();
    const r = solveReduced(reduced);
    stats.solveMs += performance.now() - ts;
    lastTrace = r.trace;
    if (r.status === "infeasible") {
      result = { status: "infeasible", farkas: { rows: extendByZeros(r.farkas.rows, keep, m) } };
      break;
    }
    const candidate: LpResult =
      r.status === "optimal"
        ? { status: "optimal", value: r.value, primal: r.primal, dual: { rows: extendByZeros(r.dual.rows, keep, m), reducedCosts: r.dual.reducedCosts } }
        : { status: "unbounded", point: r.point, ray: r.ray };
    if (opts.expectComplete && stats.rounds === 1) {
      // the caller expects the initial rows to imply all others: ask the judge on the full model first
      const tv = performance.now();
      const report = verify(model, candidate);
      stats.verifyMs += performance.now() - tv;
      if (report.ok) {
        result = candidate;
        verified = true;
        break;
      }
      const other = report.problems.filter((p) => p.code !== "primal-row-violated" && p.code !== "ray-row");
      if (other.length > 0) throw new MechcheckError("certificate-rejected", `the ${candidate.status} certificate was rejected:\n${other.map((p) => `  [${p.code}] ${p.message}`).join("\n")}`, { value: other });
    }
    // rows not in the reduced model, violated at the reduced answer
    const tc = performance.now();
    const found: { i: number; size: number; point: boolean }[] = [];
    const x = r.status === "optimal" ? r.primal : r.point;
    const X = intVector(x);
    const R = r.status === "unbounded" ? intVector(r.ray) : null;
    for (let i = 0; i < m; i++) {
      if (inModel[i]) continue;
      const ri = rowInt(i);
      const s = violation(ri, ri.sense, X, false);
      if (s > 0) found.push({ i, size: s, point: true });
      else if (R !== null) {
        const sr = violation(ri, ri.sense, R, true);
        if (sr > 0) found.push({ i, size: sr, point: false });
      }
    }
    stats.checkMs += performance.now() - tc;
    if (found.length === 0) {
      result = candidate;
      break;
    }
    // point violations before ray violations, each by size, ties by index (deterministic)
    found.sort((a, b) => (a.point !== b.point ? (a.point ? -1 : 1) : b.size - a.size || a.i - b.i));
    for (const f of found.slice(0, batch)) inModel[f.i] = 1;
    stats.added += Math.min(batch, found.length);
  }
  if (!verified) {
    const tv = performance.now();
    assertVerified(model, result);
    stats.verifyMs += performance.now() - tv;
  }
  const rounds = `${stats.rounds} round${stats.rounds === 1 ? "" : "s"}, rows ${stats.reducedRows.join(" → ")} of ${m}`;
  const trace = lastTrace
    ? { ...lastTrace, attempts: [...lastTrace.attempts, { engine: "row-generation", settings: rounds, outcome: stats.fellBack ? "fell back to the full model; verified" : "verified on the full model" }] }
    : undefined;
  stats.totalMs = performance.now() - t0;
  return { result: trace ? { ...result, trace } : result, stats };
}
