/**
 * Generated hostile instance files (issue 9, input side), each with an oracle computed
 * independently of the parser: prototype-named labels (must round-trip), deep nesting (refused
 * iff deeper than the limit), explosive sizes (refused iff the product of the declared sizes is
 * above the limit), duplicate keys (always refused), decimal literals that round in float64 (read
 * as the exact rational built here from the digits with BigInt), huge exponents (refused iff beyond
 * ±10000). Used by test/instance/fuzz.test.ts (counts) and bench/hostile.ts (counts and times).
 */
import seedrandom from "seedrandom";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { qstr } from "../../src/exact/rational.ts";
import { parseInstance, serializeInstance, type Instance } from "../../src/instance/index.ts";
import { evaluateInstance } from "../../src/cli/commands/eval.ts";
import { randomInstance } from "./randomInstance.ts";

export const KINDS = ["prototype-labels", "deep-nesting", "explosive-sizes", "duplicate-keys", "rounding-decimals", "huge-exponents"] as const;
export type Kind = (typeof KINDS)[number];

export interface HostileCase {
  readonly kind: Kind;
  readonly text: string;
  /** "accept": must parse, and `check` (if any) returns null; "refuse": a MechcheckError whose code and message match. */
  readonly expect: { readonly accept: true; readonly check?: (inst: Instance) => string | null } | { readonly accept: false; readonly code: string; readonly message: RegExp };
  readonly note: string;
}

const PROTO = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__"];
const MAX_PROFILES = 1_000_000;
const MAX_DEPTH = 256;

/** Exact, structural comparison form: every Fraction becomes its canonical string. */
function plain(x: unknown): unknown {
  if (x instanceof Fraction) return `Q:${qstr(x)}`;
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}

function relabel(inst: Instance, rng: () => number): Instance {
  const pool = () => {
    const p = [...PROTO];
    for (let k = p.length - 1; k > 0; k--) {
      const j = Math.floor(rng() * (k + 1));
      [p[k], p[j]] = [p[j]!, p[k]!];
    }
    return p;
  };
  const names = (xs: readonly string[]) => {
    const p = pool();
    return xs.map((x, k) => (rng() < 0.7 ? p[k]! : x)); // distinct: pool names are distinct, and none equals a generated label
  };
  const env = inst.environment;
  const agents = names(env.agents);
  const types = env.types.map(names);
  const decisions = names(env.decisions);
  const environment = { ...env, agents, types, decisions };
  const out: Instance = { ...inst, environment };
  if (inst.mechanism?.kind === "indirect") (out as { mechanism: unknown }).mechanism = { ...inst.mechanism, actions: inst.mechanism.actions.map(names) };
  if (inst.typeSpace) {
    const sizes = types.map((t) => t.length);
    const states: string[] = [];
    const P = sizes.reduce((a, b) => a * b, 1);
    for (let th = 0; th < P; th++) {
      let r = th;
      const prof = new Array<string>(sizes.length);
      for (let i = sizes.length - 1; i >= 0; i--) {
        prof[i] = types[i]![r % sizes[i]!]!;
        r = Math.floor(r / sizes[i]!);
      }
      states.push(prof.join(","));
    }
    (out as { typeSpace: unknown }).typeSpace = { ...inst.typeSpace, agents, types: inst.typeSpace.types.map(names), states };
  }
  return out;
}

/** k / 10^d etc. built from digit strings: the exact value of a decimal literal, by BigInt. */
function decimalValue(intDigits: string, fracDigits: string, exp: number, negative: boolean): Fraction {
  const digits = BigInt(intDigits + fracDigits);
  const shift = exp - fracDigits.length;
  const num = (negative ? -1n : 1n) * digits * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  return new Fraction(num, shift < 0 ? 10n ** BigInt(-shift) : 1n);
}

/** The first `"<label>": "<number>"` member inside the valuation: where a literal can be planted. */
function valuationSlot(text: string): { at: number; len: number } | null {
  const v = text.indexOf('"valuation"');
  const m = /"(?:[^"\\]|\\.)*": "(-?\d+(?:\/\d+)?)"/g;
  m.lastIndex = v;
  const r = m.exec(text);
  const end = text.indexOf("\n    }", v); // the valuation object's closing brace (serializeInstance's indentation)
  if (!r || r.index > end) return null; // every valuation entry is 0 (omitted): no slot
  const at = r.index + r[0].lastIndexOf(`"${r[1]}"`);
  return { at, len: r[1]!.length + 2 };
}

export function hostileCase(seed: number): HostileCase {
  const rng = seedrandom(`hostile-${seed}`);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const kind = KINDS[seed % KINDS.length]!;
  const base = randomInstance(seed);
  switch (kind) {
    case "prototype-labels": {
      const inst = relabel(base, rng);
      const text = serializeInstance(inst);
      const want = JSON.stringify(plain(inst));
      return {
        kind,
        text,
        note: `labels ${inst.environment.agents.join("/")}`,
        expect: {
          accept: true,
          check: (got) => {
            if (JSON.stringify(plain(got)) !== want) return "parsed instance differs from the written one";
            if (serializeInstance(got) !== text) return "serialize ∘ parse is not the identity";
            evaluateInstance(got); // must not throw (a MechcheckError would be a false refusal here)
            return null;
          },
        },
      };
    }
    case "deep-nesting": {
      const depth = [1, 10, 200, MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000, 100_000][int(0, 8)]!;
      // as the value of "description" (a string is expected there): depth d of brackets inside the top object (depth 1)
      const text = serializeInstance(base).replace('{\n  "mechcheck": 1,', `{\n  "mechcheck": 1,\n  "description": ${"[".repeat(depth)}${"]".repeat(depth)},`);
      const tooDeep = depth + 1 > MAX_DEPTH;
      return { kind, text, note: `depth ${depth + 1}`, expect: tooDeep ? { accept: false, code: "invalid-json", message: /nesting deeper than 256/ } : { accept: false, code: "not-a-string", message: /description: expected a string/ } };
    }
    case "explosive-sizes": {
      const n = int(1, 30);
      const m = int(1, 12);
      const D = int(1, 3);
      const agents = Array.from({ length: n }, (_, i) => `a${i}`);
      const types = Array.from({ length: m }, (_, k) => `t${k}`);
      const decisions = Array.from({ length: D }, (_, k) => `d${k}`);
      const text = JSON.stringify({
        mechcheck: 1,
        environment: { agents, types: Object.fromEntries(agents.map((a) => [a, types])), decisions, valuation: Object.fromEntries(agents.map((a) => [a, Object.fromEntries(types.map((t, k) => [t, { d0: String(k) }]))])) },
      });
      const P = BigInt(m) ** BigInt(n);
      const tooMany = P > BigInt(MAX_PROFILES);
      const tooManyEntries = !tooMany && BigInt(n) * P * BigInt(D) > 10n * BigInt(MAX_PROFILES);
      // keep accepted cases small enough to evaluate quickly in a unit test
      return {
        kind,
        text,
        note: `${m} types ^ ${n} agents, ${D} decisions`,
        expect: tooMany
          ? { accept: false, code: "too-large", message: n > 1 && m > 1 ? new RegExp(`${m} types \\^ ${n} agents = .* profiles > limit 10\\^6`) : /profiles > limit/ }
          : tooManyEntries
            ? { accept: false, code: "too-large", message: /table entries > limit 10\^7/ }
            : { accept: true, check: (got) => (BigInt(got.environment.valuation[0]!.length) === P ? null : `expected ${P} profiles, got ${got.environment.valuation[0]!.length}`) },
      };
    }
    case "duplicate-keys": {
      const text = serializeInstance(base);
      // repeat one member `"key": <scalar>` right after itself (same object, same key)
      const members = [...text.matchAll(/\n(\s*)("(?:[^"\\]|\\.)*": (?:"(?:[^"\\]|\\.)*"|-?\d+))(,?)\n/g)];
      const mm = members[int(0, members.length - 1)]!;
      const [whole, indent, member, comma] = mm;
      const dup = `\n${indent}${member},\n${indent}${member}${comma}\n`;
      const key = /^"((?:[^"\\]|\\.)*)"/.exec(member!)![1]!;
      return { kind, text: text.slice(0, mm.index) + dup + text.slice(mm.index! + whole.length), note: `key ${key}`, expect: { accept: false, code: "invalid-json", message: new RegExp(`duplicate key ${JSON.stringify(JSON.parse(`"${key}"`)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) } };
    }
    case "rounding-decimals": {
      const text = serializeInstance(base);
      const slot = valuationSlot(text);
      // 17–30 significant digits: float64 keeps ~16, so JSON.parse would round them
      const sig = int(17, 30);
      let digits = String(int(1, 9));
      for (let k = 1; k < sig; k++) digits += String(int(0, 9));
      const point = int(1, sig);
      const exp = int(-30, 30);
      const neg = rng() < 0.5;
      const lit = `${neg ? "-" : ""}${digits.slice(0, point)}${point < sig ? "." + digits.slice(point) : ""}${exp !== 0 ? `e${exp}` : ""}`;
      const value = decimalValue(digits.slice(0, point), digits.slice(point), exp, neg);
      if (!slot) return { kind, text, note: "no slot", expect: { accept: true } };
      const planted = text.slice(0, slot.at) + lit + text.slice(slot.at + slot.len);
      return {
        kind,
        text: planted,
        note: lit,
        expect: {
          accept: true,
          check: (got) => {
            const all = got.environment.valuation.flat(2);
            return all.some((x) => x.equals(value)) ? null : `the literal ${lit} was not read as ${qstr(value)}`;
          },
        },
      };
    }
    case "huge-exponents": {
      const text = serializeInstance(base);
      const slot = valuationSlot(text);
      const e = [int(0, 10_000), 10_000, 10_001, int(10_001, 10 ** 6), 10 ** 9, 10 ** 15, 2 ** 53 + 1][int(0, 6)]!;
      const sign = rng() < 0.5 ? "-" : "";
      const lit = `1e${sign}${BigInt(e)}`;
      if (!slot) return { kind, text, note: "no slot", expect: { accept: true } };
      const planted = text.slice(0, slot.at) + lit + text.slice(slot.at + slot.len);
      const value = sign ? new Fraction(1n, 10n ** BigInt(e <= 10_000 ? e : 0)) : new Fraction(10n ** BigInt(e <= 10_000 ? e : 0));
      return {
        kind,
        text: planted,
        note: lit,
        expect:
          e > 10_000
            ? { accept: false, code: "not-a-rational", message: /exponent beyond ±10000/ }
            : { accept: true, check: (got) => (got.environment.valuation.flat(2).some((x) => x.equals(value)) ? null : `${lit} not read exactly`) },
      };
    }
  }
}

export interface Judged {
  readonly kind: Kind;
  readonly ok: boolean;
  readonly outcome: "parsed" | "refused";
  readonly code?: string;
  readonly lines: number;
  readonly problem?: string;
}

/** Run one case against its oracle. Never throws: a non-MechcheckError is reported as a problem. */
export function judge(c: HostileCase): Judged {
  let inst: Instance;
  try {
    inst = parseInstance(c.text);
  } catch (e) {
    if (!isMechcheckError(e)) return { kind: c.kind, ok: false, outcome: "refused", lines: 0, problem: `not a MechcheckError: ${String(e)}` };
    const lines = e.message.split("\n").length;
    const problems: string[] = [];
    if (c.expect.accept) problems.push(`refused but should parse: ${e.message.split("\n")[0]}`);
    else {
      if (e.code !== c.expect.code && !(e.code === "invalid-input" && (e as { issues?: { code: string }[] }).issues?.some((i) => i.code === (c.expect as { code: string }).code))) problems.push(`code ${e.code}, expected ${c.expect.code}: ${e.message.split("\n")[0]}`);
      if (!c.expect.message.test(e.message)) problems.push(`message ${JSON.stringify(e.message.slice(0, 200))} does not match ${c.expect.message}`);
    }
    if (/\n\s+at /.test(e.message)) problems.push("stack trace in the message");
    if (lines > 22) problems.push(`${lines} lines of errors`);
    if (!e.path) problems.push("no path");
    return { kind: c.kind, ok: problems.length === 0, outcome: "refused", code: e.code, lines, ...(problems.length ? { problem: problems.join("; ") } : {}) };
  }
  if (!c.expect.accept) return { kind: c.kind, ok: false, outcome: "parsed", lines: 0, problem: `parsed but should be refused (${c.note})` };
  let problem: string | null = null;
  try {
    problem = c.expect.check ? c.expect.check(inst) : null;
  } catch (e) {
    problem = `check threw: ${isMechcheckError(e) ? e.message : String(e)}`;
  }
  return { kind: c.kind, ok: problem === null, outcome: "parsed", lines: 0, ...(problem ? { problem: `${problem} (${c.note})` } : {}) };
}
