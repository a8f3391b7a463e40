/**
 * The one argument parser of every command. Strict: an unknown option, an option given twice, a
 * missing value, a value out of range and an extra positional argument are all usage errors
 * (MechcheckError "usage", exit 2) that name the option, the value and the allowed range.
 *
 * Numbers are read exactly from their text: `1e9` is the integer 10^9 (so `--runs 1e9` is "above
 * the limit 10^7", not "not a number"), `1.5` is not an integer, `1.0000000000000001` is not an
 * integer either (no float rounding decides). `--` ends the options.
 */
import { MechcheckError } from "../errors.ts";

export interface IntSpec {
  readonly kind: "int";
  readonly min: number;
  readonly max: number;
  /** How to print the limits, e.g. "10^7" or "2^31 − 1". */
  readonly minLabel?: string;
  readonly maxLabel?: string;
}
export interface NumberSpec {
  readonly kind: "number";
  /** Lower bound; `minExclusive` makes it strict (e.g. > 0). */
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
}
export interface EnumSpec {
  readonly kind: "enum";
  readonly values: readonly string[];
}
/** A flag that may be given several times (`--param K=3 --param n=2`): its values as a list, in order. */
export interface RepeatableSpec {
  readonly kind: "repeatable";
  /** At most this many times (default 32). */
  readonly max?: number;
}
export type FlagType = "boolean" | "string" | "number" | IntSpec | NumberSpec | EnumSpec | RepeatableSpec;

export interface FlagSpec {
  readonly [name: string]: FlagType;
}

export interface PositionalSpec {
  readonly min?: number;
  readonly max?: number;
  /** Shown in errors, e.g. "<file.json>" or "[dir]". */
  readonly usage?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Record<string, string | number | boolean>;
  /** The values of repeatable flags (`{ kind: "repeatable" }`), by name, in the order given. */
  readonly lists: Record<string, readonly string[]>;
}

/** Common flag types. */
export const RUNS: IntSpec = { kind: "int", min: 1, max: 10_000_000, maxLabel: "10^7" };
/** fast-check reduces a seed to a 32-bit signed integer (seed | 0): seeds in [0, 2^31 − 1] are used as given, so the seed echoed is the seed used. */
export const SEED: IntSpec = { kind: "int", min: 0, max: 2 ** 31 - 1, maxLabel: "2^31 − 1" };
export const SCALE: NumberSpec = { kind: "number", min: 0, minExclusive: true, max: 1000 };
export const TIMEOUT_MS: IntSpec = { kind: "int", min: 1, max: 86_400_000, maxLabel: "86400000 (one day)" };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,6})?$/;

/** The exact value of a decimal literal, if it is an integer (bigint), else "fraction". */
export function exactInteger(raw: string): bigint | "fraction" | null {
  const m = DECIMAL.exec(raw);
  if (!m) return null;
  const neg = raw.startsWith("-");
  const body = raw.replace(/^[+-]/, "");
  const [mant, expPart] = body.split(/[eE]/) as [string, string | undefined];
  const [ip, fp = ""] = mant.split(".") as [string, string | undefined];
  let digits = (ip + fp).replace(/^0+/, "");
  let exp = Number(expPart ?? 0) - fp.length;
  if (digits === "") return 0n;
  while (exp < 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    exp++;
  }
  if (exp < 0) return "fraction";
  if (exp > 400) return neg ? -(10n ** 400n) : 10n ** 400n; // beyond any limit; keeps the bigint small
  const v = BigInt(digits) * 10n ** BigInt(exp);
  return neg ? -v : v;
}

function rangeText(s: IntSpec): string {
  return `[${s.minLabel ?? s.min}, ${s.maxLabel ?? s.max}]`;
}

function parseValue(command: string, name: string, type: Exclude<FlagType, "boolean" | RepeatableSpec>, raw: string): string | number {
  const bad = (why: string) => new MechcheckError("usage", `${command}: --${name} ${why}, got ${JSON.stringify(raw)}`, { path: `--${name}`, value: raw });
  if (type === "string") return raw;
  if (typeof type === "object" && type.kind === "enum") {
    if (!type.values.includes(raw)) throw bad(`must be one of ${type.values.join(", ")}`);
    return raw;
  }
  if (type === "number" || type.kind === "number") {
    const spec: NumberSpec = type === "number" ? { kind: "number" } : type;
    const range = `${spec.min !== undefined ? (spec.minExclusive ? `> ${spec.min}` : `≥ ${spec.min}`) : ""}${spec.min !== undefined && spec.max !== undefined ? " and " : ""}${spec.max !== undefined ? `≤ ${spec.max}` : ""}`;
    if (!DECIMAL.test(raw)) throw bad(`needs a number${range ? ` (${range})` : ""}`);
    const v = Number(raw);
    const zeroText = exactInteger(raw) === 0n;
    if (!Number.isFinite(v)) throw bad(`is out of range${range ? ` (${range})` : ""}`);
    if (spec.min !== undefined && (v < spec.min || (spec.minExclusive && (v <= spec.min || (v === 0 && !zeroText))))) throw bad(`must be ${range}`);
    if (spec.max !== undefined && v > spec.max) throw bad(`must be ${range}`);
    return v;
  }
  // integer
  const x = exactInteger(raw);
  if (x === null) throw bad(`needs an integer in ${rangeText(type)}`);
  if (x === "fraction") throw bad(`must be an integer in ${rangeText(type)}, not a fraction`);
  if (x > BigInt(type.max)) throw bad(`is above the limit ${type.maxLabel ?? type.max} (allowed: integers in ${rangeText(type)})`);
  if (x < BigInt(type.min)) throw bad(`is below the limit ${type.minLabel ?? type.min} (allowed: integers in ${rangeText(type)})`);
  return Number(x);
}

export function parseArgs(command: string, args: readonly string[], spec: FlagSpec, positional: PositionalSpec = {}): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | number | boolean> = Object.create(null);
  const lists: Record<string, string[]> = Object.create(null);
  const options = () => Object.keys(spec).map((s) => "--" + s).join(", ") || "none";
  let onlyPositionals = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (onlyPositionals || a === "-" || !a.startsWith("-")) {
      positionals.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositionals = true;
      continue;
    }
    if (!a.startsWith("--")) throw new MechcheckError("usage", `${command}: unknown option ${JSON.stringify(a)} (options: ${options()})`, { path: a, value: a });
    const eq = a.indexOf("=");
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    const type = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (type === undefined) {
      throw new MechcheckError("usage", `${command}: unknown option --${name} (options: ${options()})`, { path: `--${name}`, value: a });
    }
    const repeatable = typeof type === "object" && type.kind === "repeatable";
    if (Object.hasOwn(flags, name)) throw new MechcheckError("usage", `${command}: option --${name} given twice`, { path: `--${name}`, value: a });
    if (type === "boolean") {
      if (eq >= 0) throw new MechcheckError("usage", `${command}: option --${name} takes no value, got ${JSON.stringify(a)}`, { path: `--${name}`, value: a });
      flags[name] = true;
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = a.slice(eq + 1);
    else {
      raw = args[k + 1];
      if (raw !== undefined && raw.startsWith("--")) raw = undefined;
      else k++;
    }
    if (raw === undefined) throw new MechcheckError("usage", `${command}: option --${name} needs a value`, { path: `--${name}` });
    if (repeatable) {
      const list = (lists[name] ??= []);
      const most = type.max ?? 32;
      if (list.length >= most) throw new MechcheckError("usage", `${command}: option --${name} given more than ${most} times`, { path: `--${name}`, value: raw, limit: most });
      list.push(raw);
      continue;
    }
    flags[name] = parseValue(command, name, type as Exclude<FlagType, "boolean" | RepeatableSpec>, raw);
  }
  const { min = 0, max = Infinity } = positional;
  const use = positional.usage ? ` (usage: mechcheck ${command} ${positional.usage})` : "";
  if (positionals.length > max) {
    throw new MechcheckError("usage", `${command}: unexpected argument ${JSON.stringify(positionals[max])}${max === 0 ? " (this command takes no arguments)" : ` (at most ${max})`}${use}`, { path: "args", value: positionals[max] });
  }
  if (positionals.length < min) throw new MechcheckError("usage", `${command}: missing argument${use}`, { path: "args", value: positionals });
  return { positionals, flags: { ...flags }, lists: { ...lists } };
}
