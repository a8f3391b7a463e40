/**
 * `solve`: exact LP verdicts with certificates, synchronously.
 *
 * Policy: the float engine (HiGHS) proposes; `certify.ts` turns its basis into an exact certificate.
 * If that fails, HiGHS is retried with other settings (presolve off; interior point + crossover),
 * then the exact simplex (`exactSimplex`) runs warm-started from the best basis seen. If even that
 * fails (it hit a limit), solve throws MechcheckError "lp-not-certified" naming every attempt.
 * Infeasible/unbounded verdicts are certified through a phase-1 LP and a ray LP (see certify.ts).
 * Every result is re-checked by `assertVerified` (the independent judge) before it is returned,
 * with a SolveTrace saying which attempts were made.
 *
 * The engine is loaded asynchronously ONCE with `await loadLpEngine()` (idempotent). If it was
 * never loaded, `solve` uses the exact simplex directly — still exact and verified, just slower on
 * large LPs. Tests call `await loadLpEngine()` in `beforeAll`.
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import { type CertifyStats, certifyBasis, fromPhaseOne, fromRay, phaseOneModel, phaseOneStartBasis, rayModel } from "./certify.ts";
import { DEFAULT_SETTINGS, type EngineSettings, type FloatLpEngine, IPM_CROSSOVER, loadHighs, PRESOLVE_OFF, PRIMAL_SIMPLEX, type Proposal } from "./engine.ts";
import { exactSimplex } from "./exactSimplex.ts";
import type { BasisHint, LpModel, LpResult, SolveTrace } from "./model.ts";
import { assertVerified } from "./verify.ts";

let engine: FloatLpEngine | undefined;

/** Load the float engine (HiGHS WebAssembly) once; later calls return immediately. */
export async function loadLpEngine(): Promise<void> {
  if (engine === undefined) engine = await loadHighs();
}

/** Whether `loadLpEngine` has completed (otherwise `solve` runs the exact simplex only). */
export function isLpEngineLoaded(): boolean {
  return engine !== undefined;
}

export interface SolveOptions {
  /** Skip the float engine and run the exact simplex directly. */
  readonly exactOnly?: boolean;
  /** Use this float engine instead of the loaded one (e.g. a test double); nothing it says is trusted. */
  readonly engine?: FloatLpEngine;
  /** Engine settings to try, in order (default: default, presolve off, ipm + crossover). */
  readonly settings?: readonly EngineSettings[];
  /** Models with at most this many row × column cells skip the float engine (default SMALL_MODEL_CELLS; 0 = never). */
  readonly smallModelCells?: number;
  /** Limits for the exact simplex fallback. */
  readonly maxIterations?: number;
  readonly deadlineMs?: number;
}

export interface SolveStats {
  /** ms in the float engine (all proposals, including auxiliary LPs) */
  floatMs: number;
  /** ms certifying exactly from bases (LU, checks, building certificates) */
  certifyMs: number;
  /** of which: ms in the sparse LU factor + solves */
  luMs: number;
  /** ms in the exact simplex (fallback or engine-less) */
  exactSimplexMs: number;
  /** ms in the final independent verify() */
  verifyMs: number;
  totalMs: number;
}

type Attempt = { engine: string; settings: string; outcome: string };
type Optimal = Extract<LpResult, { status: "optimal" }>;

const DEFAULT_SEQUENCE: readonly EngineSettings[] = [DEFAULT_SETTINGS, PRESOLVE_OFF, IPM_CROSSOVER];
/**
 * Phase 1 starts from its classical primal-feasible basis (artificials absorbing the violations),
 * where primal simplex is fast; dual simplex from the logical basis was measured up to 50× slower
 * on a 10,000-row phase-1 LP.
 */
const PHASE1_SEQUENCE: readonly EngineSettings[] = [PRIMAL_SIMPLEX, IPM_CROSSOVER, DEFAULT_SETTINGS];

/**
 * Models with at most this many row × column cells go straight to the exact simplex: on them the
 * float engine's per-call overhead (model transfer, WebAssembly calls) exceeds the whole exact
 * solve (measured on the theorem suite's small LPs: 3–30 variables). Both paths are exact and verified.
 */
const SMALL_MODEL_CELLS = 400;

/** Solve exactly and return a verified certificate (see the module comment). */
export function solve(model: LpModel, opts: SolveOptions = {}): LpResult {
  return solveWithStats(model, opts).result;
}

/** `solve`, also returning where the time went (float engine vs exact certification). */
export function solveWithStats(model: LpModel, opts: SolveOptions = {}): { result: LpResult; stats: SolveStats } {
  const t0 = performance.now();
  const stats: SolveStats = { floatMs: 0, certifyMs: 0, luMs: 0, exactSimplexMs: 0, verifyMs: 0, totalMs: 0 };
  validateModel(model);
  const attempts: Attempt[] = [];
  let result: LpResult;
  let certifiedBy: SolveTrace["certifiedBy"];
  const loaded = opts.engine ?? engine;
  const small = opts.engine === undefined && loaded !== undefined && model.rows.length * Math.max(1, model.variables.length) <= (opts.smallModelCells ?? SMALL_MODEL_CELLS);
  const eng = opts.exactOnly || small ? undefined : loaded;
  if (eng === undefined) {
    result = runExact(model, undefined, opts, stats, attempts, opts.exactOnly ? "exact-only" : loaded === undefined ? "engine-not-loaded" : "small-model");
    certifiedBy = "exact-simplex";
  } else {
    const run = new Runner(eng, opts, stats, attempts);
    const got = run.certified(model);
    if (got !== null) {
      result = got;
      certifiedBy = "basis-lu";
    } else {
      result = runExact(model, run.bestBasis, opts, stats, attempts, run.bestBasis ? "warm" : "cold");
      certifiedBy = "exact-simplex";
    }
  }
  const tv = performance.now();
  assertVerified(model, result);
  stats.verifyMs = performance.now() - tv;
  stats.totalMs = performance.now() - t0;
  const trace: SolveTrace = { attempts, certifiedBy };
  return { result: { ...result, trace }, stats };
}

function runExact(model: LpModel, warm: BasisHint | undefined, opts: SolveOptions, stats: SolveStats, attempts: Attempt[], label: string): LpResult {
  const t = performance.now();
  try {
    const r = exactSimplex(model, {
      ...(warm ? { warmBasis: warm } : {}),
      ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
      ...(opts.deadlineMs !== undefined ? { deadlineMs: opts.deadlineMs } : {}),
    });
    attempts.push({ engine: "exact-simplex", settings: label, outcome: r.status });
    return r;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    attempts.push({ engine: "exact-simplex", settings: label, outcome: `failed: ${why}` });
    throw new MechcheckError(
      e instanceof MechcheckError && e.code === "simplex-limit" ? "lp-not-certified" : "lp-solver-failed",
      `could not certify the LP (${model.variables.length} variables, ${model.rows.length} rows); attempts: ${attempts.map((a) => `${a.engine}/${a.settings}: ${a.outcome}`).join("; ")}`,
      { cause: e },
    );
  } finally {
    stats.exactSimplexMs += performance.now() - t;
  }
}

class Runner {
  bestBasis: BasisHint | undefined;
  private bestIsOptimal = false;
  constructor(
    private readonly eng: FloatLpEngine,
    private readonly opts: SolveOptions,
    private readonly stats: SolveStats,
    private readonly attempts: Attempt[],
  ) {}

  private propose(model: LpModel, s: EngineSettings, prefix: string, warm?: BasisHint): Proposal | null {
    const t = performance.now();
    try {
      return warm ? this.eng.propose(model, s, warm) : this.eng.propose(model, s);
    } catch (e) {
      this.attempts.push({ engine: this.eng.name, settings: prefix + s.name, outcome: `engine error: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    } finally {
      this.stats.floatMs += performance.now() - t;
    }
  }

  private certifyOptimal(model: LpModel, basis: BasisHint): ReturnType<typeof certifyBasis> {
    const t = performance.now();
    const cs: CertifyStats = { luMs: 0, totalMs: 0 };
    try {
      return certifyBasis(model, basis, cs);
    } finally {
      this.stats.luMs += cs.luMs;
      this.stats.certifyMs += performance.now() - t;
    }
  }

  /** A certified result for the main model, or null if every engine attempt failed. */
  certified(model: LpModel): LpResult | null {
    for (const s of this.opts.settings ?? DEFAULT_SEQUENCE) {
      const p = this.propose(model, s, "");
      if (p === null) continue;
      if (p.basis && (!this.bestIsOptimal || this.bestBasis === undefined)) {
        this.bestBasis = p.basis;
        this.bestIsOptimal = p.status === "optimal";
      }
      const note = (outcome: string) => this.attempts.push({ engine: this.eng.name, settings: s.name, outcome: `${p.rawStatus}: ${outcome}` });
      if (p.status === "optimal") {
        if (!p.basis) {
          note("no basis to certify");
          continue;
        }
        const c = this.certifyOptimal(model, p.basis);
        if (c.ok) {
          note("certified");
          return c.result;
        }
        note(`not certified (${c.code}: ${c.reason})`);
        continue;
      }
      note("checking via auxiliary LPs");
      const r = this.certifyNotOptimal(model);
      if (r.ok) {
        this.attempts.push({ engine: "certify", settings: "auxiliary", outcome: `certified ${r.result.status}` });
        return r.result;
      }
      this.attempts.push({ engine: "certify", settings: "auxiliary", outcome: `not certified: ${r.reason}` });
    }
    return null;
  }

  /** Infeasible via phase 1, or unbounded via phase 1's feasible point plus the ray LP. */
  private certifyNotOptimal(model: LpModel): { ok: true; result: LpResult } | { ok: false; reason: string } {
    const p1model = phaseOneModel(model);
    const p1 = this.solveAux(p1model, "phase-1/", this.opts.settings ?? PHASE1_SEQUENCE, phaseOneStartBasis(model));
    const t = performance.now();
    const f = fromPhaseOne(model, p1);
    this.stats.certifyMs += performance.now() - t;
    if (f.kind === "error") return { ok: false, reason: f.reason };
    if (f.kind === "infeasible") return { ok: true, result: f.result };
    const ray = this.solveAux(rayModel(model), "ray/", this.opts.settings ?? DEFAULT_SEQUENCE);
    const t2 = performance.now();
    const u = fromRay(model, f.point, ray);
    this.stats.certifyMs += performance.now() - t2;
    return u.ok ? { ok: true, result: u.result } : { ok: false, reason: u.reason };
  }

  /** An auxiliary LP that is feasible and bounded by construction: certified optimum. */
  private solveAux(aux: LpModel, prefix: string, sequence: readonly EngineSettings[], start?: BasisHint): Optimal {
    let warm: BasisHint | undefined;
    for (const s of sequence) {
      const p = this.propose(aux, s, prefix, start);
      if (p === null) continue;
      warm ??= p.basis ?? undefined;
      if (p.status === "optimal" && p.basis) {
        const c = this.certifyOptimal(aux, p.basis);
        if (c.ok) {
          this.attempts.push({ engine: this.eng.name, settings: prefix + s.name, outcome: `${p.rawStatus}: certified` });
          return c.result;
        }
        this.attempts.push({ engine: this.eng.name, settings: prefix + s.name, outcome: `${p.rawStatus}: not certified (${c.code}: ${c.reason})` });
      } else {
        this.attempts.push({ engine: this.eng.name, settings: prefix + s.name, outcome: `${p.rawStatus}: no optimal basis` });
      }
    }
    warm ??= start;
    const r = runExact(aux, warm, this.opts, this.stats, this.attempts, `${prefix}${warm ? "warm" : "cold"}`);
    if (r.status !== "optimal") {
      throw new MechcheckError("lp-solver-failed", `auxiliary LP (${prefix.slice(0, -1)}) reported ${r.status}, but it is feasible and bounded by construction`);
    }
    return r;
  }
}

/** Reject malformed models early, with the offending field named. */
function validateModel(model: LpModel): void {
  const n = model.variables.length;
  const isQ = (x: unknown) => x instanceof Fraction;
  if (model.direction !== "max" && model.direction !== "min") {
    throw new MechcheckError("invalid-model", `LP direction ${JSON.stringify(model.direction)} is not "max" or "min"`, { path: "direction", value: model.direction });
  }
  if (!isQ(model.objectiveConstant)) throw new MechcheckError("invalid-model", "objective constant is not an exact rational", { path: "objectiveConstant" });
  model.variables.forEach((v, j) => {
    if ((v.lower !== null && !isQ(v.lower)) || (v.upper !== null && !isQ(v.upper))) {
      throw new MechcheckError("invalid-model", `variable ${JSON.stringify(v.name)}: bounds must be exact rationals or null`, { path: `variables.${v.name}` });
    }
    if (v.lower !== null && v.upper !== null && v.lower.compare(v.upper) > 0) {
      throw new MechcheckError("empty-bounds", `variable ${JSON.stringify(v.name)}: lower bound ${v.lower.toFraction()} exceeds upper bound ${v.upper.toFraction()}`, { path: `variables.${v.name}`, value: [v.lower.toFraction(), v.upper.toFraction()] });
    }
    void j;
  });
  const checkTerms = (where: string, terms: LpModel["objective"]) => {
    for (const t of terms) {
      if (!Number.isInteger(t.var) || t.var < 0 || t.var >= n) {
        throw new MechcheckError("invalid-model", `${where}: variable index ${t.var} is out of range 0..${n - 1}`, { path: where, value: t.var });
      }
      if (!isQ(t.coef)) throw new MechcheckError("invalid-model", `${where}: coefficient of variable ${t.var} is not an exact rational`, { path: where });
    }
  };
  checkTerms("objective", model.objective);
  model.rows.forEach((r) => {
    if (r.sense !== "<=" && r.sense !== ">=" && r.sense !== "=") {
      throw new MechcheckError("invalid-model", `row ${JSON.stringify(r.name)}: sense ${JSON.stringify(r.sense)} is not one of <=, >=, =`, { path: `rows.${r.name}.sense`, value: r.sense });
    }
    if (!isQ(r.rhs)) throw new MechcheckError("invalid-model", `row ${JSON.stringify(r.name)}: right-hand side is not an exact rational`, { path: `rows.${r.name}.rhs` });
    checkTerms(`row ${JSON.stringify(r.name)}`, r.terms);
  });
}
