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
import { MechcheckError } from "../errors.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";

export interface ConjectureSpec<T> {
  readonly id: string;
  readonly statement: string;
  readonly source?: string;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly hypothesis?: (x: T) => boolean;
  readonly check: (x: T) => boolean | CheckResult;
  readonly codec?: CaseCodec<T>;
  readonly runs?: number;
  readonly minHypothesisRate?: number;
}

export const CONJECTURE_MARK = Symbol.for("mechcheck.conjecture");

export type Conjecture<T> = Theorem<T> & { readonly [CONJECTURE_MARK]: true };

export function conjecture<T>(spec: ConjectureSpec<T>): Conjecture<T> {
  if (typeof spec.id !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.id)) {
    throw new MechcheckError("bad-conjecture", `conjecture id ${JSON.stringify(spec.id)} must be letters, digits, '.', '_' or '-' (it names a folder)`, { path: "id", value: spec.id });
  }
  if (typeof spec.check !== "function") throw new MechcheckError("bad-conjecture", `conjecture ${spec.id}: check must be a function`, { path: "check" });
  if (!spec.arbitrary || typeof (spec.arbitrary as { generate?: unknown }).generate !== "function") {
    throw new MechcheckError("bad-conjecture", `conjecture ${spec.id}: arbitrary must be a fast-check Arbitrary`, { path: "arbitrary" });
  }
  return {
    [CONJECTURE_MARK]: true,
    id: spec.id,
    kind: "theorem",
    source: spec.source ?? "user conjecture",
    statement: spec.statement,
    arbitrary: spec.arbitrary,
    ...(spec.hypothesis ? { hypothesis: spec.hypothesis } : {}),
    check: (x: T): CheckResult => {
      const r = spec.check(x);
      if (r === true) return { ok: true };
      if (r === false) return { ok: false, violation: null, message: "the conjecture's check returned false" };
      return r;
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

function toExactJson(x: unknown): unknown {
  if (x instanceof Fraction) return { q: x.toFraction() };
  if (Array.isArray(x)) return x.map(toExactJson);
  if (typeof x === "bigint") return { bigint: x.toString() };
  if (typeof x === "number" && !Number.isFinite(x)) return { number: String(x) };
  if (x !== null && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toExactJson(v)]));
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
