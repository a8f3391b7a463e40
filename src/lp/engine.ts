/**
 * Float LP engines: they only PROPOSE (a status, float values, a basis). Nothing they say is
 * trusted; `certify.ts` turns a proposed basis into an exact certificate and `verify` re-checks it.
 *
 * This is the only module where exact coefficients become floats (`toFloat`), as engine input.
 */
import { setFlagsFromString } from "node:v8";
import highsModule from "highs";
import type { Highs, InitOptions, Model as HighsModel, ModelData } from "highs";
import { MechcheckError } from "../errors.ts";
import { type Q, toFloat } from "../exact/rational.ts";
import type { BasisHint, BasisStatus, LpModel } from "./model.ts";

/** How to run the float engine. `name` is the label recorded in a SolveTrace. */
export interface EngineSettings {
  readonly name: string;
  readonly presolve?: "on" | "off" | "choose";
  readonly solver?: "choose" | "simplex" | "ipm";
  /** Only meaningful with solver "ipm": crossover yields the basis we need. */
  readonly crossover?: boolean;
  /** HiGHS simplex_strategy: 1 = serial dual, 4 = primal. */
  readonly simplexStrategy?: 1 | 4;
  /** Seconds. */
  readonly timeLimit?: number;
}

export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({ name: "default" });
export const PRESOLVE_OFF: EngineSettings = Object.freeze({ name: "presolve-off", presolve: "off" });
export const IPM_CROSSOVER: EngineSettings = Object.freeze({ name: "ipm-crossover", solver: "ipm", crossover: true });
export const DUAL_SIMPLEX: EngineSettings = Object.freeze({ name: "dual-simplex", solver: "simplex", simplexStrategy: 1, presolve: "off" });
export const PRIMAL_SIMPLEX: EngineSettings = Object.freeze({ name: "primal-simplex", solver: "simplex", simplexStrategy: 4, presolve: "off" });

export type ProposalStatus = "optimal" | "infeasible" | "unbounded" | "unknown";

export interface Proposal {
  readonly status: ProposalStatus;
  /** The engine's own status text, e.g. "Optimal", "Infeasible", "Unbounded or infeasible". */
  readonly rawStatus: string;
  /** Float column values (length = #variables), when the engine reports them. */
  readonly x: Float64Array | null;
  /** Float row duals (length = #rows), when the engine reports them. */
  readonly rowDuals: Float64Array | null;
  /** A basis, when the engine reports a valid one. */
  readonly basis: BasisHint | null;
  /** Float dual ray (length = #rows) if the engine found primal infeasibility and reports one. */
  readonly dualRay?: Float64Array;
  /** Float primal ray (length = #variables) if the engine found unboundedness and reports one. */
  readonly primalRay?: Float64Array;
}

export interface FloatLpEngine {
  readonly name: string;
  /**
   * Synchronous, once loaded. Never throws for an LP outcome; throws MechcheckError "engine-error"
   * on a native failure. `warmBasis` (optional) is a starting basis; if the engine rejects it, it
   * starts cold.
   */
  propose(model: LpModel, settings: EngineSettings, warmBasis?: BasisHint): Proposal;
}

const STATUS_TEXT: Record<number, string> = {
  0: "Not set",
  1: "Load error",
  2: "Model error",
  3: "Presolve error",
  4: "Solve error",
  5: "Postsolve error",
  6: "Empty",
  7: "Optimal",
  8: "Infeasible",
  9: "Unbounded or infeasible",
  10: "Unbounded",
  11: "Objective bound",
  12: "Objective target",
  13: "Time limit reached",
  14: "Iteration limit reached",
  15: "Unknown",
  16: "Solution limit",
  17: "Interrupted",
};

const BASIS_CODE: readonly BasisStatus[] = ["lower", "basic", "upper", "zero", "nonbasic"];

/**
 * HiGHS's typed-array form of each model object proposed so far: models are read-only, so a model
 * proposed again (the retry sequence, a warm-started re-solve) skips the exact → float conversion.
 */
const highsDataCache = new WeakMap<LpModel, ModelData>();

function cachedHighsModelData(model: LpModel, highs: Highs): ModelData {
  let d = highsDataCache.get(model);
  if (d === undefined) highsDataCache.set(model, (d = toHighsModelData(model, highs)));
  return d;
}

const EXACT_BIG = 2n ** 53n;
/**
 * The double nearest to x, as `toFloat`: when numerator and denominator are below 2^53 both are
 * exact doubles and IEEE division rounds their quotient correctly (the common case, without
 * BigInt shifts); otherwise `toFloat`.
 */
function nearestFloat(x: Q): number {
  if (x.n < EXACT_BIG && x.d < EXACT_BIG) {
    const v = x.d === 1n ? Number(x.n) : Number(x.n) / Number(x.d);
    return x.s < 0n ? -v : v;
  }
  return toFloat(x);
}

/** Convert an exact LpModel to HiGHS's typed-array model (row-wise matrix). */
export function toHighsModelData(model: LpModel, highs: { infinity: number; constants: Highs["constants"] }): ModelData {
  const n = model.variables.length;
  const m = model.rows.length;
  const inf = highs.infinity;
  const colCost = new Float64Array(n);
  for (const t of model.objective) colCost[t.var] += nearestFloat(t.coef);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = model.variables[j]!;
    colLower[j] = v.lower === null ? -inf : nearestFloat(v.lower);
    colUpper[j] = v.upper === null ? inf : nearestFloat(v.upper);
  }
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  let nnz = 0;
  for (const r of model.rows) nnz += r.terms.length;
  const starts = new Int32Array(m + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < m; i++) {
    const r = model.rows[i]!;
    const b = nearestFloat(r.rhs);
    rowLower[i] = r.sense === "<=" ? -inf : b;
    rowUpper[i] = r.sense === ">=" ? inf : b;
    starts[i] = k;
    for (const t of r.terms) {
      indices[k] = t.var;
      values[k] = nearestFloat(t.coef);
      k++;
    }
  }
  starts[m] = k;
  return {
    numCols: n,
    numRows: m,
    sense: model.direction === "max" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: nearestFloat(model.objectiveConstant),
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: m, numCols: n, starts, indices, values },
  };
}

/**
 * Grow HiGHS's WebAssembly memory once, up front, to what a model of this size is expected to need
 * (measured on Chung–Ely's (P): about 770 bytes per nonzero, 542 MB at 705,024 nonzeros), by
 * allocating and freeing one block. Left to itself the heap grows by 20% at a time, and V8 answers
 * every growth with a full garbage collection of the JavaScript heap (the grown memory counts as new
 * external memory): at n=4 K=12 that was a dozen collections of 0.1–1 s each, 2 s of the 7.4 s
 * solve. Pages are committed only when used. Only for large models (≥ 64 MB more than the heap
 * has); a failed allocation changes nothing (HiGHS then grows the heap as before).
 */
function reserveHighsMemory(h: Highs, data: ModelData): void {
  const heap = h as unknown as { memoryBytes?: number; _malloc?: (bytes: number) => number; _free?: (ptr: number) => void };
  if (typeof heap.memoryBytes !== "number" || typeof heap._malloc !== "function" || typeof heap._free !== "function") return;
  const want = 16 * 2 ** 20 + 768 * data.matrix.values.length + 256 * (data.numRows + data.numCols);
  if (want - heap.memoryBytes < 64 * 2 ** 20) return;
  const ptr = heap._malloc(Math.min(want - heap.memoryBytes, 2 ** 31 - 2 ** 24));
  if (ptr) heap._free(ptr);
}

class HighsEngine implements FloatLpEngine {
  readonly name = "highs";
  constructor(private readonly highs: Highs) {}

  propose(model: LpModel, settings: EngineSettings, warmBasis?: BasisHint): Proposal {
    const h = this.highs;
    const n = model.variables.length;
    const m = model.rows.length;
    let hm: HighsModel | undefined;
    try {
      hm = h.createModel();
      const opts: Record<string, string | number | boolean> = { output_flag: false, log_to_console: false };
      if (settings.presolve !== undefined) opts.presolve = settings.presolve;
      if (settings.solver !== undefined) opts.solver = settings.solver;
      if (settings.solver === "ipm") opts.run_crossover = settings.crossover === false ? "off" : "on";
      if (settings.simplexStrategy !== undefined) opts.simplex_strategy = settings.simplexStrategy;
      if (settings.timeLimit !== undefined) opts.time_limit = settings.timeLimit;
      hm.options.set(opts);
      const data = cachedHighsModelData(model, h);
      reserveHighsMemory(h, data);
      hm.passModel(data);
      if (warmBasis && warmBasis.colStatus.length === n && warmBasis.rowStatus.length === m) {
        try {
          hm.setBasis({
            colStatus: Int32Array.from(warmBasis.colStatus, (s) => BASIS_CODE.indexOf(s)),
            rowStatus: Int32Array.from(warmBasis.rowStatus, (s) => BASIS_CODE.indexOf(s)),
          });
        } catch {
          /* rejected warm basis: start cold */
        }
      }
      const code = hm.run().modelStatus as number;
      const rawStatus = STATUS_TEXT[code] ?? `status ${code}`;
      const status: Proposal["status"] =
        code === 7 || (code === 6 && m === 0) ? "optimal" : code === 8 ? "infeasible" : code === 10 ? "unbounded" : "unknown";
      let x: Float64Array | null = null;
      let rowDuals: Float64Array | null = null;
      let basis: BasisHint | null = null;
      try {
        const primalOk = Number(hm.info.get("primal_solution_status")) === 2;
        const dualOk = Number(hm.info.get("dual_solution_status")) === 2;
        const sol = hm.getSolution();
        if (primalOk && sol.colValue.length === n) x = sol.colValue;
        if (dualOk && sol.rowDual.length === m) rowDuals = sol.rowDual;
      } catch {
        /* no solution available */
      }
      try {
        if (Number(hm.info.get("basis_validity")) === 1) {
          const b = hm.getBasis();
          if (b.colStatus.length === n && b.rowStatus.length === m) {
            basis = {
              colStatus: Array.from(b.colStatus, (s) => BASIS_CODE[s] ?? "nonbasic"),
              rowStatus: Array.from(b.rowStatus, (s) => BASIS_CODE[s] ?? "nonbasic"),
            };
          }
        }
      } catch {
        /* no basis available */
      }
      const out: { -readonly [K in keyof Proposal]: Proposal[K] } = { status, rawStatus, x, rowDuals, basis };
      if (status === "infeasible") {
        try {
          const ray = hm.getDualRay();
          if (ray && ray.values.length === m) out.dualRay = ray.values;
        } catch {
          /* ray not available */
        }
      } else if (status === "unbounded") {
        try {
          const ray = hm.getPrimalRay();
          if (ray && ray.values.length === n) out.primalRay = ray.values;
        } catch {
          /* ray not available */
        }
      }
      return out;
    } catch (e) {
      if (e instanceof MechcheckError) throw e;
      throw new MechcheckError("engine-error", `HiGHS failed (settings ${settings.name}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    } finally {
      hm?.dispose();
    }
  }
}

// The package's types are CommonJS-flavoured; at runtime Node's ESM entry's default export is the loader.
const loadHighsRuntime = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (options?: InitOptions) => Promise<Highs>;

let loading: Promise<FloatLpEngine> | undefined;
let loaded: FloatLpEngine | undefined;

/** The HiGHS engine if `loadHighs` has completed, else undefined (synchronous). */
export function loadedHighs(): FloatLpEngine | undefined {
  return loaded;
}

/**
 * Compile HiGHS's WebAssembly with V8's baseline compiler only (`--liftoff-only`), unless the
 * process was started with a Liftoff or WebAssembly flag of its own (then those rule). By default
 * V8 compiles the 3.5 MB module with Liftoff and then recompiles each hot function with TurboFan on
 * background threads; for the LPs solved here that recompilation costs more CPU than it saves
 * (measured on Chung–Ely's (P), whole process, bench/scaling.ts: n=2 K=20 1.1 s → 0.5 s CPU,
 * n=3 K=10 1.9 s → 1.1 s, n=3 K=20 5.8 s → 4.6 s; n=4 K=12 14 s → 16 s, the one loss, with 20%
 * less peak memory). The flag changes only how WebAssembly is compiled, never a result; it is
 * process-wide, and set before the module is compiled (the first `loadHighs`).
 */
function preferBaselineWasm(): void {
  const given = `${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`;
  if (/--(no-)?liftoff|--wasm-/.test(given)) return;
  setFlagsFromString("--liftoff-only");
}

/** Load the HiGHS WebAssembly runtime once (cached); the engine is then synchronous. */
export function loadHighs(): Promise<FloatLpEngine> {
  if (loading === undefined) {
    preferBaselineWasm();
    // No print/printErr handlers: native output is suppressed.
    const p = loadHighsRuntime().then((h: Highs): FloatLpEngine => (loaded = new HighsEngine(h)));
    p.catch(() => {
      loading = undefined;
    });
    loading = p;
    return p;
  }
  return loading;
}
