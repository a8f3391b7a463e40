/**
 * The one exact JSON reader of mechcheck, for every input file (instances, saved counterexample
 * records, LP models).
 *
 * - Number tokens are kept as their source text (`JsonNumber`) and become rationals only through
 *   `q` (src/exact/rational.ts), so `0.99999999999999999` stays below 1 and `1e-400` above 0; an
 *   exponent beyond ±10000 is refused before any power of ten is formed.
 * - Objects have a null prototype and keep source order: `"__proto__"`, `"constructor"` and
 *   `"toString"` are ordinary keys, never inherited members.
 * - A duplicate key is refused (JSON.parse keeps the last one silently).
 * - Nesting is limited (`maxDepth`, default 256): 10^5 nested brackets are a one-line error, not a
 *   stack overflow.
 * - The text is limited in size (`maxChars`, default DEFAULT_MAX_INPUT_BYTES); files are checked
 *   by `readInputFile` against a byte limit before they are read at all.
 * Errors are MechcheckError "invalid-json" (or "too-large") whose message names the source, the
 * line and column and, inside a value, the field path (`beliefs.commonPrior["1,2"]`); the error's
 * `path` is the source and its `value` holds { line, column, offset, field }.
 */
import { statSync, readFileSync } from "node:fs";
import { MechcheckError } from "../errors.ts";

/** A JSON number token, kept as its source text. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** The number's source text, exactly as written. */
  toString(): string {
    return this.text;
  }
}

/** Objects have a null prototype (so "__proto__" is an ordinary key) and keep the source order. */
export type JsonObject = { [key: string]: JsonValue };
/**
 * A JSON value as the exact reader returns it: numbers are JsonNumber (their source text), objects
 * have a null prototype and keep source order.
 */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

/** The deepest nesting of arrays and objects the exact JSON reader accepts by default (256). */
export const DEFAULT_MAX_DEPTH = 256;
/** 32 MiB: a 10^6-profile instance fits; a 100 MB file is refused before it is read. */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Limits of the exact JSON reader: the deepest nesting and the longest text accepted. */
export interface JsonReadOptions {
  /** Deepest nesting of arrays/objects accepted (default 256). */
  readonly maxDepth?: number;
  /** Longest text accepted, in UTF-16 code units (default DEFAULT_MAX_INPUT_BYTES). */
  readonly maxChars?: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
/** `constraints.c1.max`; keys that are not identifiers in brackets: `variables["my var"]`. */
export function fieldPath(base: string, key: string): string {
  return IDENT.test(key) ? (base === "" ? key : `${base}.${key}`) : `${base}[${JSON.stringify(key)}]`;
}

/** A path from its segments (string keys, array indices). */
export function pathOf(segments: readonly (string | number)[]): string {
  let p = "";
  for (const s of segments) p = typeof s === "number" ? `${p}[${s}]` : fieldPath(p, s);
  return p;
}

/** "1,234,567" (thousands separators, for counts in messages). */
export function groupDigits(n: number | bigint): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Parse JSON text, keeping number tokens as JsonNumber. Errors are MechcheckError "invalid-json"
 * naming `source`, the line and column and (inside a value) the field path.
 */
export function parseJsonExact(text: string, source = "input", options: JsonReadOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxChars = options.maxChars ?? DEFAULT_MAX_INPUT_BYTES;
  if (text.length > maxChars) {
    throw new MechcheckError("too-large", `${source}: ${groupDigits(text.length)} characters > limit ${groupDigits(maxChars)} (raise the input size limit to read it)`, { path: source, value: text.length });
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark
  const n = text.length;
  const where: (string | number)[] = []; // the field path of the value being read

  const fail = (msg: string, at = i): never => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    const path = pathOf(where);
    throw new MechcheckError("invalid-json", `${source}: invalid JSON at line ${line}, column ${col}${path === "" ? "" : `, in ${path}`}: ${msg}`, {
      path: source,
      value: { line, column: col, offset: at, ...(path === "" ? {} : { field: path }) },
    });
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const describeAt = (): string => (i >= n ? "end of input" : JSON.stringify(text[i]));

  const value = (depth: number): JsonValue => {
    ws();
    if (i >= n) fail("unexpected end of input");
    const c = text[i]!;
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) fail(`nesting deeper than ${maxDepth}`);
      return c === "{" ? object(depth + 1) : array(depth + 1);
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    if (text.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    return fail(`unexpected ${describeAt()}`);
  };

  const object = (depth: number): JsonObject => {
    const out = Object.create(null) as JsonObject;
    i++; // {
    ws();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`expected a string key, found ${describeAt()}`);
      const keyAt = i;
      const key = string();
      if (Object.prototype.hasOwnProperty.call(out, key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      ws();
      if (text[i] !== ":") fail(`expected ":", found ${describeAt()}`);
      i++;
      where.push(key);
      const v = value(depth);
      where.pop();
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      fail(`expected "," or "}", found ${describeAt()}`);
    }
  };

  const array = (depth: number): JsonValue[] => {
    const out: JsonValue[] = [];
    i++; // [
    ws();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      where.push(out.length);
      out.push(value(depth));
      where.pop();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      fail(`expected "," or "]", found ${describeAt()}`);
    }
  };

  const SIMPLE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" });
  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    let run = i;
    for (;;) {
      if (i >= n) fail("unterminated string", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c === 92) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e !== undefined && SIMPLE[e] !== undefined) {
          out += SIMPLE[e];
          i += 2;
        } else if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          fail("bad escape");
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = (): JsonNumber => {
    NUMBER.lastIndex = i;
    const r = NUMBER.exec(text);
    if (!r || r[0] === "-" || r[0].length === 0) fail("bad number");
    const tok = r![0];
    const next = text[i + tok.length];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) fail("bad number", i + tok.length);
    i += tok.length;
    return new JsonNumber(tok);
  };

  const v = value(0);
  ws();
  if (i < n) fail(`unexpected ${describeAt()} after the JSON value`);
  return v;
}

/**
 * Ordinary JS data from a parsed value, for consumers that expect JSON.parse's output (saved
 * records and their codecs): a number token becomes a JS number only when it is an integer of at
 * most 2^53 in magnitude (so the JS number IS its value); any other number token is refused with
 * its path ("write it as an exact string"), since a float would change it. Object keys such as
 * "__proto__" stay own properties.
 */
export function jsonToPlain(v: JsonValue, source = "input", path: (string | number)[] = []): unknown {
  if (v instanceof JsonNumber) {
    const x = Number(v.text);
    if (/^-?\d+$/.test(v.text) && Number.isSafeInteger(x)) return x;
    const p = pathOf(path);
    throw new MechcheckError("float-not-exact", `${source}: ${p === "" ? "" : `${p}: `}the number ${v.text.length > 40 ? v.text.slice(0, 40) + "…" : v.text} is not an integer below 2^53; write it as an exact string such as "3/7"`, {
      path: p === "" ? source : p,
      value: v.text,
    });
  }
  if (Array.isArray(v)) return v.map((x, k) => jsonToPlain(x, source, [...path, k]));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: jsonToPlain(v[k]!, source, [...path, k]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/**
 * Read a UTF-8 input file, refusing it before reading when it is larger than `maxBytes` (default
 * DEFAULT_MAX_INPUT_BYTES). `flag` names the option that raises the limit in the message.
 */
export function readInputFile(file: string, options: { maxBytes?: number; flag?: string } = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new MechcheckError("unreadable-file", `cannot read ${file}: it is a directory`, { path: file, value: file });
    size = st.size;
  } catch (e) {
    if (e instanceof MechcheckError) throw e;
    throw new MechcheckError("unreadable-file", `cannot read ${file}: ${(e as Error).message}`, { path: file, value: file });
  }
  if (size > maxBytes) {
    throw new MechcheckError("too-large", `${file}: ${groupDigits(size)} bytes > limit ${groupDigits(maxBytes)} bytes${options.flag ? ` (raise it with ${options.flag} N)` : ""}`, { path: file, value: size });
  }
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new MechcheckError("unreadable-file", `cannot read ${file}: ${(e as Error).message}`, { path: file, value: file });
  }
}
