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
 */
import type * as fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError, MechcheckError } from "../errors.ts";
import type { CaseCodec, CheckResult, Theorem } from "../catalogue/types.ts";

export interface ConjectureSpec<T> {
  readonly id: string;
  readonly statement: string;
  readonly source?: string;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly hypothesis?: (x: T) => boolean;
  /** Synchronous: a Promise (an `async` check) is refused by name, as is any value but a boolean or { ok: boolean, … }. */
  readonly check: (x: T) => boolean | CheckResult;
  readonly codec?: CaseCodec<T>;
  /** Cases to generate: an integer in [1, 10^7] (default 200). */
  readonly runs?: number;
  /** In [0, 1] (default 0.5): below it the run is "vacuous". */
  readonly minHypothesisRate?: number;
}

export const CONJECTURE_MARK = Symbol.for("mechcheck.conjecture");

export type Conjecture<T> = Theorem<T> & { readonly [CONJECTURE_MARK]: true };

export const MAX_CONJECTURE_RUNS = 10_000_000;

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

export function conjecture<T>(spec: ConjectureSpec<T>): Conjecture<T> {
  const bad = (path: string, msg: string, value?: unknown) => new MechcheckError("bad-conjecture", msg, { path, value });
  if (spec === null || typeof spec !== "object") throw bad("(spec)", `conjecture(…) needs an object { id, statement, arbitrary, check }, got ${describeValue(spec)}`);
  if (typeof spec.id !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(spec.id)) {
    throw bad("id", `conjecture id ${describeValue(spec.id)} must be 1 to 128 letters, digits, '.', '_' or '-' (it names a folder)`, spec.id);
  }
  const id = spec.id;
  if (typeof spec.statement !== "string") throw bad("statement", `conjecture ${id}: statement must be a string, got ${describeValue(spec.statement)}`);
  if (typeof spec.check !== "function") throw bad("check", `conjecture ${id}: check must be a function, got ${describeValue(spec.check)}`);
  if (spec.hypothesis !== undefined && typeof spec.hypothesis !== "function") throw bad("hypothesis", `conjecture ${id}: hypothesis must be a function, got ${describeValue(spec.hypothesis)}`);
  if (!spec.arbitrary || typeof (spec.arbitrary as { generate?: unknown }).generate !== "function") {
    throw bad("arbitrary", `conjecture ${id}: arbitrary must be a fast-check Arbitrary`);
  }
  if (spec.runs !== undefined && (typeof spec.runs !== "number" || !Number.isInteger(spec.runs) || spec.runs < 1 || spec.runs > MAX_CONJECTURE_RUNS)) {
    throw bad("runs", `conjecture ${id}: runs must be an integer in [1, 10^7], got ${describeValue(spec.runs)}`, spec.runs);
  }
  if (spec.minHypothesisRate !== undefined && (typeof spec.minHypothesisRate !== "number" || !(spec.minHypothesisRate >= 0 && spec.minHypothesisRate <= 1))) {
    throw bad("minHypothesisRate", `conjecture ${id}: minHypothesisRate must be a number in [0, 1], got ${describeValue(spec.minHypothesisRate)}`, spec.minHypothesisRate);
  }
  if (spec.codec !== undefined && (typeof spec.codec?.encode !== "function" || typeof spec.codec?.decode !== "function")) {
    throw bad("codec", `conjecture ${id}: codec must have encode and decode functions`);
  }
  const userHyp = spec.hypothesis;
  return {
    [CONJECTURE_MARK]: true,
    id,
    kind: "theorem",
    source: typeof spec.source === "string" ? spec.source : "user conjecture",
    statement: spec.statement,
    arbitrary: spec.arbitrary,
    ...(userHyp
      ? {
          hypothesis: (x: T): boolean => {
            let h: unknown;
            try {
              h = userHyp(x);
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
        r = spec.check(x);
      } catch (e) {
        throw threw(id, "check", e);
      }
      return toCheckResult(id, r);
    },
    codec: spec.codec ?? (exactJsonCodec as CaseCodec<T>),
    defaultRuns: spec.runs ?? 200,
    ...(spec.minHypothesisRate !== undefined ? { minHypothesisRate: spec.minHypothesisRate } : {}),
  };
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
