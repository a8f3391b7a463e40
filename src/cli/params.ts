/**
 * `--param NAME=SPEC` of `mechcheck conjecture` (repeatable): integer parameters swept by the run.
 * SPEC is a range `a..b` (both ends included), a list `v1,v2,…`, or one value. Numbers are read
 * exactly (`exactInteger`: `1e3` is 1000, `2.5` is refused). Every error is one line naming the
 * parameter, the value and the limit (MechcheckError "bad-param", exit 2), raised before anything
 * runs: a range's length is compared with the limit before it is expanded, and so is the product of
 * all the parameters' value counts (the number of runs).
 *
 * Names and limits the conjecture itself declares (`params: { K: { default, min, max } }`) are
 * checked once the file is loaded (`checkParamsAgainst`).
 */
import { MechcheckError } from "../errors.ts";
import { MAX_PARAM_ABS } from "../theorem/conjecture.ts";
import { exactInteger } from "./args.ts";

/** At most this many values per parameter, and this many parameter points (runs) in all. */
export const MAX_PARAM_POINTS = 1000;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Name → its values, in the order given (a range ascending). */
export type ParamSweep = Readonly<Record<string, readonly number[]>>;

function bad(raw: string, why: string, limit?: unknown): MechcheckError {
  return new MechcheckError("bad-param", `conjecture: --param ${raw}: ${why}`, { path: `--param ${raw.split("=")[0]}`, value: raw, ...(limit !== undefined ? { limit } : {}) });
}

function int(raw: string, text: string): number {
  const v = exactInteger(text.trim());
  if (v === null) throw bad(raw, `${JSON.stringify(text)} is not an integer (allowed: integers in [-10^9, 10^9])`);
  if (v === "fraction") throw bad(raw, `${JSON.stringify(text)} is not an integer (parameters are integers in [-10^9, 10^9])`);
  if (v > BigInt(MAX_PARAM_ABS) || v < -BigInt(MAX_PARAM_ABS)) throw bad(raw, `${text} is outside the limit [-10^9, 10^9]`, MAX_PARAM_ABS);
  return Number(v);
}

/** Parse every `--param` given (in order); throws one line for the first problem. */
export function parseParams(raws: readonly string[]): ParamSweep {
  const out: Record<string, number[]> = Object.create(null);
  let points = 1;
  for (const raw of raws) {
    const eq = raw.indexOf("=");
    if (eq < 0) throw bad(raw, `needs NAME=VALUES, e.g. K=3..6, K=2,4,8 or K=5`);
    const name = raw.slice(0, eq).trim();
    const spec = raw.slice(eq + 1).trim();
    if (!NAME.test(name)) throw bad(raw, `parameter name ${JSON.stringify(name)} must be a letter or '_' then letters, digits or '_' (at most 64)`);
    if (Object.hasOwn(out, name)) throw bad(raw, `parameter ${name} given twice (give all its values at once: ${name}=3..6 or ${name}=3,5)`);
    if (spec === "") throw bad(raw, `no value for ${name} (e.g. ${name}=3..6, ${name}=2,4,8 or ${name}=5)`);
    let values: number[];
    const range = /^(.*?)\.\.(.*)$/.exec(spec);
    if (range) {
      const a = int(raw, range[1]!);
      const b = int(raw, range[2]!);
      if (a > b) throw bad(raw, `the range ${a}..${b} is empty (its start must be ≤ its end)`);
      if (b - a + 1 > MAX_PARAM_POINTS) throw bad(raw, `${b - a + 1} values, above the limit ${MAX_PARAM_POINTS} per parameter (the conjecture runs once per value)`, MAX_PARAM_POINTS);
      values = Array.from({ length: b - a + 1 }, (_, k) => a + k);
    } else {
      const parts = spec.split(",");
      if (parts.length > MAX_PARAM_POINTS) throw bad(raw, `${parts.length} values, above the limit ${MAX_PARAM_POINTS} per parameter`, MAX_PARAM_POINTS);
      values = parts.map((p) => int(raw, p));
      const dup = values.find((v, k) => values.indexOf(v) !== k);
      if (dup !== undefined) throw bad(raw, `${name}=${dup} is listed twice`);
    }
    points *= values.length;
    if (points > MAX_PARAM_POINTS) throw bad(raw, `the parameters give ${points} runs in all (the product of their value counts), above the limit ${MAX_PARAM_POINTS}`, MAX_PARAM_POINTS);
    out[name] = values;
  }
  return { ...out };
}

/** A parameter's declaration as the run sees it (the conjecture's `params`, normalized). */
export interface DeclaredParam {
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Check a sweep against the parameters the file's conjectures declare: every name must be declared
 * by at least one of them, and every value lie in each declaring conjecture's [min, max].
 */
export function checkParamsAgainst(sweep: ParamSweep, declared: readonly { readonly id: string; readonly params: Readonly<Record<string, DeclaredParam>> }[]): void {
  for (const [name, values] of Object.entries(sweep)) {
    const by = declared.filter((c) => Object.hasOwn(c.params, name));
    if (by.length === 0) {
      const known = [...new Set(declared.flatMap((c) => Object.keys(c.params)))];
      throw new MechcheckError("bad-param", `conjecture: --param ${name}: no conjecture in the file declares a parameter ${JSON.stringify(name)} (declared: ${known.length ? known.join(", ") : "none; add params: { " + name + ": <default> } to the conjecture"})`, { path: `--param ${name}`, value: name });
    }
    for (const c of by) {
      const d = c.params[name]!;
      for (const v of values) {
        if (d.min !== undefined && v < d.min) throw new MechcheckError("bad-param", `conjecture: --param ${name}=${v} is below the limit ${d.min} declared by conjecture ${JSON.stringify(c.id)} (allowed: [${d.min}, ${d.max ?? "10^9"}])`, { path: `--param ${name}`, value: v, limit: d.min });
        if (d.max !== undefined && v > d.max) throw new MechcheckError("bad-param", `conjecture: --param ${name}=${v} is above the limit ${d.max} declared by conjecture ${JSON.stringify(c.id)} (allowed: [${d.min ?? "-10^9"}, ${d.max}])`, { path: `--param ${name}`, value: v, limit: d.max });
      }
    }
  }
}

/** The points a conjecture runs at: the product of the sweep's values over its declared names (defaults for the rest), in order. */
export function paramPoints(sweep: ParamSweep, declared: Readonly<Record<string, DeclaredParam>>): Record<string, number>[] {
  let points: Record<string, number>[] = [{}];
  for (const [name, d] of Object.entries(declared)) {
    const values = Object.hasOwn(sweep, name) ? sweep[name]! : [d.default];
    points = points.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
  }
  return points;
}

/** `K=3 n=2` (empty for no parameters). */
export function paramsText(p: Readonly<Record<string, number>>): string {
  return Object.entries(p).map(([k, v]) => `${k}=${v}`).join(" ");
}

/** The `--param` arguments that reproduce one point. */
export function paramArgs(p: Readonly<Record<string, number>>): string[] {
  return Object.entries(p).flatMap(([k, v]) => ["--param", `${k}=${v}`]);
}
