/**
 * Users' own conjectures: the same pipeline as the built-in theorems (runs, hypothesis rate,
 * shrinking, a saved counterexample, replay), from a TypeScript file run with no build step:
 *
 *   // my-conjecture.ts
 *   import { conjecture, privateValuesEnvironment, pivotMechanism, isNoDeficit } from "mechcheck";
 *   export default conjecture({
 *     id: "pivot-no-deficit",
 *     statement: "The pivot mechanism never runs a deficit.",
 *     arbitrary: privateValuesEnvironment(),
 *     check: (env) => isNoDeficit(env, pivotMechanism(env)).verdict === "holds",
 *   });
 *
 *   npx mechcheck conjecture my-conjecture.ts
 *
 * `check` returns a boolean or a CheckResult (with a violation as data and a message). Cases are
 * saved with `codec` if given, else with the exact-JSON codec below (rationals as {"q": "p/q"}).
 *
 * A conjecture may declare integer `params` (defaults and limits; `--param K=3..6` sweeps them and
 * hypothesis/check receive their values), give a finite family with `enumerate(params)` instead of
 * an arbitrary (checked case by case: src/theorem/exhaustive.ts), and say `expect: "refuted"` (a
 * counterexample is then the expected outcome: the runner's kind "refutation"). `conjecture(…)`
 * validates the spec and returns it unbound; `at(values)` binds it to one parameter point.
 */
import type * as fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError, MechcheckError } from "../errors.ts";
import type { CaseCodec, CheckResult, Theorem } from "../catalogue/types.ts";

/**
 * A parameter of a conjecture (an integer): its default, and optionally the range it may take
 * (`--param K=3..6` is checked against it before anything runs).
 */
export interface ParamDecl {
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
}

/** The values of a conjecture's parameters at one point of a sweep, by name. */
export type ParamValues<N extends string = string> = { readonly [K in N]: number };

/**
 * A conjecture of your own, for `conjecture(…)`: its id (it names a folder), statement and source,
 * optional integer parameters, the cases (a fast-check arbitrary, or a finite enumeration), the
 * hypothesis, the exact check, the codec of saved cases, the run count and whether it is expected
 * to hold or to be refuted.
 */
export interface ConjectureSpec<T, N extends string = never> {
  readonly id: string;
  readonly statement: string;
  readonly source?: string;
  /**
   * Integer parameters, by name: a default (`{ K: 3 }`) or `{ default, min, max }`. The command line
   * sweeps them (`--param K=3..6`, `--param n=2,3`); hypothesis and check receive their values.
   */
  readonly params?: { readonly [K in N]: number | ParamDecl };
  /** Random cases: a fast-check arbitrary, or one built from the parameters. Give this or `enumerate`. */
  readonly arbitrary?: fc.Arbitrary<T> | ((params: ParamValues<N>) => fc.Arbitrary<T>);
  /**
   * A finite family, checked case by case (exhaustively, in this order: the first failing case is
   * the counterexample, so list small cases first). Give this or `arbitrary`.
   */
  readonly enumerate?: (params: ParamValues<N>) => Iterable<T>;
  /** The number of cases `enumerate` yields, if known: checked against `maxCases` before enumerating. */
  readonly size?: (params: ParamValues<N>) => number | bigint;
  /** The most cases an enumeration may yield: an integer in [1, 10^7] (default 10^6); beyond it the run is an error. */
  readonly maxCases?: number;
  /** "holds" (default): a counterexample is unexpected. "refuted": the conjecture is expected to be false — finding a counterexample is the expected outcome. */
  readonly expect?: "holds" | "refuted";
  /**
   * Cases not meeting it are counted and skipped; a rarely met hypothesis makes the run "vacuous".
   * Absent: every case meets it.
   */
  readonly hypothesis?: (x: T, params: ParamValues<N>) => boolean;
  /** Synchronous: a Promise (an `async` check) is refused by name, as is any value but a boolean or { ok: boolean, … }. */
  readonly check: (x: T, params: ParamValues<N>) => boolean | CheckResult;
  readonly codec?: CaseCodec<T>;
  /** Cases to generate: an integer in [1, 10^7] (default 200). */
  readonly runs?: number;
  /** In [0, 1] (default 0.5): below it the run is "vacuous". */
  readonly minHypothesisRate?: number;
}

export const CONJECTURE_MARK = Symbol.for("mechcheck.conjecture");

/** A conjecture at one point of its parameters: a theorem for the runner, and the enumeration if it is exhaustive. */
export interface BoundConjecture<T> {
  readonly params: ParamValues;
  /** The theorem (random mode: its arbitrary; exhaustive mode: `arbitrary` is unused). */
  readonly theorem: Theorem<T>;
  readonly enumerate?: () => Iterable<T>;
  readonly size?: () => number | bigint;
  readonly maxCases: number;
}

/** What `conjecture(…)` returns: the checked spec, to be bound to parameter values (`at`). */
export interface Conjecture<T> {
  readonly [CONJECTURE_MARK]: true;
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  /** "theorem" (expected to hold) or "refutation" (expect: "refuted"). */
  readonly kind: "theorem" | "refutation";
  readonly expect: "holds" | "refuted";
  readonly mode: "random" | "exhaustive";
  /** Declared parameters, normalized: name → { default, min?, max? }. */
  readonly params: Readonly<Record<string, ParamDecl>>;
  /** The defaults of every parameter. */
  readonly defaults: ParamValues;
  /** The conjecture at these parameter values (missing names take their defaults). */
  at(values?: Readonly<Record<string, number>>): BoundConjecture<T>;
}

export const MAX_CONJECTURE_RUNS = 10_000_000;
export const MAX_CONJECTURE_CASES = 10_000_000;
export const DEFAULT_MAX_CASES = 1_000_000;
/** The largest parameter value (in absolute value) a conjecture may declare or be given. */
export const MAX_PARAM_ABS = 1_000_000_000;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A short, bounded rendering of any value a user's function returned (for error messages). */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "function") return `a function${v.name ? ` (${v.name})` : ""}`;
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Fraction) return `the rational ${v.toFraction()}`;
  if (v !== null && typeof v === "object" && typeof (v as { then?: unknown }).then === "function") return "a Promise";
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Object.prototype.toString.call(v);
  }
  return text.length > 120 ? text.slice(0, 119) + "…" : text;
}

function debugOn(): boolean {
  return process.env.MECHCHECK_DEBUG === "1";
}

function threw(id: string, what: "check" | "hypothesis", e: unknown): MechcheckError {
  if (isMechcheckError(e) && /^(bad-check-result|async-check|bad-hypothesis-result)$/.test(e.code)) return e;
  const name = e instanceof Error ? e.name : "a non-Error value";
  const msg = e instanceof Error ? e.message : describeValue(e);
  const stack = debugOn() && e instanceof Error && e.stack ? `\n${e.stack}` : "";
  return new MechcheckError(`${what}-threw`, `conjecture ${id}: ${what} threw ${name}: ${msg.split("\n")[0]}${stack}`, { path: what, value: msg, cause: e });
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === "object" || typeof v === "function") && typeof (v as { then?: unknown }).then === "function";
}

/** A check's return value as a CheckResult, or a MechcheckError naming the value. */
export function toCheckResult(id: string, r: unknown): CheckResult {
  if (r === true) return { ok: true };
  if (r === false) return { ok: false, violation: null, message: "the conjecture's check returned false" };
  if (isThenable(r)) {
    // Do not leave a rejected Promise unhandled.
    Promise.resolve(r).then(
      () => undefined,
      () => undefined,
    );
    throw new MechcheckError("async-check", `conjecture ${id}: check returned a Promise (an async check); async checks are not supported — make check synchronous (every mechcheck function is)`, { path: "check", value: "Promise" });
  }
  if (r !== null && typeof r === "object" && !Array.isArray(r) && Object.hasOwn(r, "ok") && typeof (r as { ok: unknown }).ok === "boolean") {
    const o = r as { ok: boolean; violation?: unknown; message?: unknown; tag?: unknown; certificate?: unknown };
    const tag = typeof o.tag === "string" ? { tag: o.tag } : {};
    if (o.ok) return { ok: true, ...(o.certificate !== undefined ? { certificate: o.certificate } : {}), ...tag };
    return { ok: false, violation: o.violation ?? null, message: typeof o.message === "string" ? o.message : "the conjecture's check returned { ok: false }", ...tag };
  }
  throw new MechcheckError("bad-check-result", `conjecture ${id}: check returned ${describeValue(r)}; it must return true, false or { ok: boolean, … }`, { path: "check", value: describeValue(r) });
}

function normalizeParams(id: string, raw: unknown, bad: (path: string, msg: string, value?: unknown) => MechcheckError): Record<string, ParamDecl> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw bad("params", `conjecture ${id}: params must be an object { NAME: default | { default, min, max } }, got ${describeValue(raw)}`);
  const out: Record<string, ParamDecl> = {};
  const int = (v: unknown) => typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= MAX_PARAM_ABS;
  for (const [name, d] of Object.entries(raw as Record<string, unknown>)) {
    if (!PARAM_NAME.test(name)) throw bad(`params.${name}`, `conjecture ${id}: parameter name ${JSON.stringify(name)} must be a letter or '_' then letters, digits or '_' (at most 64)`, name);
    const decl = typeof d === "number" ? { default: d } : (d as Partial<ParamDecl> | null);
    if (decl === null || typeof decl !== "object") throw bad(`params.${name}`, `conjecture ${id}: parameter ${name} must be an integer default or { default, min, max }, got ${describeValue(d)}`, d);
    for (const k of ["default", "min", "max"] as const) {
      if ((k === "default" || decl[k] !== undefined) && !int(decl[k])) throw bad(`params.${name}.${k}`, `conjecture ${id}: parameter ${name}: ${k} must be an integer in [-10^9, 10^9], got ${describeValue(decl[k])}`, decl[k]);
    }
    const { default: def, min, max } = decl as ParamDecl;
    if (min !== undefined && max !== undefined && min > max) throw bad(`params.${name}`, `conjecture ${id}: parameter ${name}: min ${min} is above max ${max}`, decl);
    if ((min !== undefined && def < min) || (max !== undefined && def > max)) throw bad(`params.${name}.default`, `conjecture ${id}: parameter ${name}: default ${def} is outside [${min ?? "-10^9"}, ${max ?? "10^9"}]`, def);
    out[name] = { default: def, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return out;
}

/**
 * Declare a conjecture (export it as the default of a file for `mechcheck conjecture file.ts`): the
 * spec is checked at once, and a bad field is a MechcheckError "bad-conjecture" naming the field
 * and the value.
 */
export function conjecture<T, N extends string = never>(spec: ConjectureSpec<T, N>): Conjecture<T> {
  const bad = (path: string, msg: string, value?: unknown) => new MechcheckError("bad-conjecture", msg, { path, value });
  if (spec === null || typeof spec !== "object") throw bad("(spec)", `conjecture(…) needs an object { id, statement, arbitrary, check }, got ${describeValue(spec)}`);
  if (typeof spec.id !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(spec.id)) {
    throw bad("id", `conjecture id ${describeValue(spec.id)} must be 1 to 128 letters, digits, '.', '_' or '-' (it names a folder)`, spec.id);
  }
  const id = spec.id;
  if (typeof spec.statement !== "string") throw bad("statement", `conjecture ${id}: statement must be a string, got ${describeValue(spec.statement)}`);
  if (typeof spec.check !== "function") throw bad("check", `conjecture ${id}: check must be a function, got ${describeValue(spec.check)}`);
  if (spec.hypothesis !== undefined && typeof spec.hypothesis !== "function") throw bad("hypothesis", `conjecture ${id}: hypothesis must be a function, got ${describeValue(spec.hypothesis)}`);
  const isArb = (a: unknown) => !!a && typeof (a as { generate?: unknown }).generate === "function";
  if (spec.enumerate !== undefined && typeof spec.enumerate !== "function") throw bad("enumerate", `conjecture ${id}: enumerate must be a function (params) => Iterable of cases, got ${describeValue(spec.enumerate)}`);
  if (spec.enumerate !== undefined && spec.arbitrary !== undefined) throw bad("enumerate", `conjecture ${id}: give either arbitrary (random cases) or enumerate (every case of a finite family), not both`);
  if (spec.enumerate === undefined && !(isArb(spec.arbitrary) || typeof spec.arbitrary === "function")) {
    throw bad("arbitrary", `conjecture ${id}: arbitrary must be a fast-check Arbitrary (or a function of the parameters returning one), or give enumerate`);
  }
  if (spec.size !== undefined && typeof spec.size !== "function") throw bad("size", `conjecture ${id}: size must be a function (params) => number of cases, got ${describeValue(spec.size)}`);
  if (spec.maxCases !== undefined && (typeof spec.maxCases !== "number" || !Number.isInteger(spec.maxCases) || spec.maxCases < 1 || spec.maxCases > MAX_CONJECTURE_CASES)) {
    throw bad("maxCases", `conjecture ${id}: maxCases must be an integer in [1, 10^7], got ${describeValue(spec.maxCases)}`, spec.maxCases);
  }
  if (spec.expect !== undefined && spec.expect !== "holds" && spec.expect !== "refuted") throw bad("expect", `conjecture ${id}: expect must be "holds" or "refuted", got ${describeValue(spec.expect)}`, spec.expect);
  if (spec.runs !== undefined && (typeof spec.runs !== "number" || !Number.isInteger(spec.runs) || spec.runs < 1 || spec.runs > MAX_CONJECTURE_RUNS)) {
    throw bad("runs", `conjecture ${id}: runs must be an integer in [1, 10^7], got ${describeValue(spec.runs)}`, spec.runs);
  }
  if (spec.minHypothesisRate !== undefined && (typeof spec.minHypothesisRate !== "number" || !(spec.minHypothesisRate >= 0 && spec.minHypothesisRate <= 1))) {
    throw bad("minHypothesisRate", `conjecture ${id}: minHypothesisRate must be a number in [0, 1], got ${describeValue(spec.minHypothesisRate)}`, spec.minHypothesisRate);
  }
  if (spec.codec !== undefined && (typeof spec.codec?.encode !== "function" || typeof spec.codec?.decode !== "function")) {
    throw bad("codec", `conjecture ${id}: codec must have encode and decode functions`);
  }
  const params = normalizeParams(id, spec.params, bad);
  const defaults: Record<string, number> = Object.fromEntries(Object.entries(params).map(([k, d]) => [k, d.default]));
  const expect = spec.expect ?? "holds";
  const kind = expect === "refuted" ? "refutation" : "theorem";
  const source = typeof spec.source === "string" ? spec.source : "user conjecture";
  const userHyp = spec.hypothesis as ((x: T, p: ParamValues) => boolean) | undefined;
  const userCheck = spec.check as (x: T, p: ParamValues) => boolean | CheckResult;
  const at = (values: Readonly<Record<string, number>> = {}): BoundConjecture<T> => {
    for (const name of Object.keys(values)) if (!Object.hasOwn(params, name)) throw bad(`params.${name}`, `conjecture ${id} has no parameter ${JSON.stringify(name)} (declared: ${Object.keys(params).join(", ") || "none"})`, name);
    const p: ParamValues = Object.freeze({ ...defaults, ...values });
    const arbitrary = spec.arbitrary === undefined ? undefined : isArb(spec.arbitrary) ? (spec.arbitrary as fc.Arbitrary<T>) : (spec.arbitrary as (q: ParamValues) => fc.Arbitrary<T>)(p);
    if (arbitrary !== undefined && !isArb(arbitrary)) throw bad("arbitrary", `conjecture ${id}: arbitrary(params) must return a fast-check Arbitrary, got ${describeValue(arbitrary)}`);
    const theorem: Theorem<T> = {
      id,
      kind,
      source,
      statement: spec.statement,
      arbitrary: arbitrary as fc.Arbitrary<T>,
      ...(userHyp
        ? {
            hypothesis: (x: T): boolean => {
              let h: unknown;
              try {
                h = userHyp(x, p);
              } catch (e) {
                throw threw(id, "hypothesis", e);
              }
              if (typeof h !== "boolean") {
                if (isThenable(h)) Promise.resolve(h).then(() => undefined, () => undefined);
                throw new MechcheckError("bad-hypothesis-result", `conjecture ${id}: hypothesis returned ${describeValue(h)}; it must return true or false${isThenable(h) ? " (async hypotheses are not supported)" : ""}`, { path: "hypothesis", value: describeValue(h) });
              }
              return h;
            },
          }
        : {}),
      check: (x: T): CheckResult => {
        let r: unknown;
        try {
          r = userCheck(x, p);
        } catch (e) {
          throw threw(id, "check", e);
        }
        return toCheckResult(id, r);
      },
      codec: spec.codec ?? (exactJsonCodec as CaseCodec<T>),
      defaultRuns: spec.runs ?? 200,
      ...(spec.minHypothesisRate !== undefined ? { minHypothesisRate: spec.minHypothesisRate } : {}),
    };
    const en = spec.enumerate as ((q: ParamValues) => Iterable<T>) | undefined;
    const size = spec.size as ((q: ParamValues) => number | bigint) | undefined;
    return { params: p, theorem, ...(en ? { enumerate: () => en(p) } : {}), ...(size ? { size: () => size(p) } : {}), maxCases: spec.maxCases ?? DEFAULT_MAX_CASES };
  };
  return { [CONJECTURE_MARK]: true, id, statement: spec.statement, source, kind, expect, mode: spec.enumerate ? "exhaustive" : "random", params, defaults, at };
}

export function isConjecture(x: unknown): x is Conjecture<unknown> {
  return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[CONJECTURE_MARK] === true;
}

/** Plain data with exact rationals ↔ JSON: a Fraction becomes {"q": "p/q"} and back. Lossless. */
export const exactJsonCodec: CaseCodec<unknown> = {
  encode: (x) => toExactJson(x),
  decode: (j) => fromExactJson(j),
};

const MAX_CASE_DEPTH = 1000;

function toExactJson(x: unknown, path = "$", ancestors: object[] = []): unknown {
  if (x instanceof Fraction) return { q: x.toFraction() };
  if (typeof x === "bigint") return { bigint: x.toString() };
  if (typeof x === "number" && !Number.isFinite(x)) return { number: String(x) };
  if (typeof x === "function" || typeof x === "symbol") {
    throw new MechcheckError("unencodable-case", `the case cannot be saved as JSON: it holds ${describeValue(x)} at ${path} (give the conjecture a codec)`, { path });
  }
  if (x === undefined) return null;
  if (x !== null && typeof x === "object") {
    if (ancestors.includes(x)) throw new MechcheckError("unencodable-case", `the case cannot be saved as JSON: it contains a cycle at ${path} (give the conjecture a codec)`, { path });
    if (ancestors.length >= MAX_CASE_DEPTH) throw new MechcheckError("unencodable-case", `the case cannot be saved as JSON: it is nested deeper than ${MAX_CASE_DEPTH} at ${path}`, { path });
    ancestors.push(x);
    try {
      if (Array.isArray(x)) return x.map((v, k) => toExactJson(v, `${path}[${k}]`, ancestors));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) Object.defineProperty(out, k, { value: toExactJson(v, `${path}.${k}`, ancestors), enumerable: true, writable: true, configurable: true });
      return out;
    } finally {
      ancestors.pop();
    }
  }
  return x;
}

function fromExactJson(j: unknown): unknown {
  if (Array.isArray(j)) return j.map(fromExactJson);
  if (j !== null && typeof j === "object") {
    const o = j as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === "q" && typeof o.q === "string") return new Fraction(o.q);
    if (keys.length === 1 && keys[0] === "bigint" && typeof o.bigint === "string") return BigInt(o.bigint);
    if (keys.length === 1 && keys[0] === "number" && typeof o.number === "string") return Number(o.number);
    return Object.fromEntries(keys.map((k) => [k, fromExactJson(o[k])]));
  }
  return j;
}
