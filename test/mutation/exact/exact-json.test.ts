// The exact JSON reader (src/exact/exactJson.ts) token by token: every error's exact message, line,
// column, offset and field path; whitespace, escapes, literals, number tokens; nesting and size
// limits at their boundaries; field paths; jsonToPlain's integer rule; readInputFile's refusals.
// Expected positions are counted by hand in the literal texts (columns and offsets from 1 and 0).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, fieldPath, groupDigits, JsonNumber, jsonToPlain, parseJsonExact, pathOf, readInputFile, type JsonValue } from "../../../src/exact/exactJson.ts";
import { caught } from "../support.ts";

/** The error of parsing `text` as [code, message, value]. */
function err(text: string, source = "in", options = {}) {
  const e = caught(() => parseJsonExact(text, source, options));
  return [e.code, e.message, e.value] as const;
}
/** The parsed value with number tokens shown as N(text). */
function show(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return `N(${v.text})`;
  if (Array.isArray(v)) return v.map(show);
  if (v !== null && typeof v === "object") return Object.keys(v).map((k) => [k, show(v[k]!)]);
  return v;
}

describe("field paths", () => {
  it("identifiers join with dots, anything else goes in brackets as a JSON string", () => {
    expect(fieldPath("", "a")).toBe("a");
    expect(fieldPath("x", "a")).toBe("x.a");
    expect(fieldPath("x", "$_b9")).toBe("x.$_b9");
    expect(fieldPath("x", "_")).toBe("x._");
    expect(fieldPath("x", "Z")).toBe("x.Z");
    expect(fieldPath("x", "my var")).toBe('x["my var"]');
    expect(fieldPath("", "9a")).toBe('["9a"]');
    expect(fieldPath("x", "-a")).toBe('x["-a"]');
    expect(fieldPath("x", "a-")).toBe('x["a-"]');
    expect(fieldPath("x", "")).toBe('x[""]');
    expect(fieldPath("x", 'q"')).toBe('x["q\\""]');
  });
  it("pathOf: keys and indices", () => {
    expect(pathOf([])).toBe("");
    expect(pathOf([0])).toBe("[0]");
    expect(pathOf(["a", 0, "b c", 12, "d"])).toBe('a[0]["b c"][12].d');
  });
  it("groupDigits puts a comma before each group of three digits from the right", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(100000)).toBe("100,000");
    expect(groupDigits(1234567)).toBe("1,234,567");
    expect(groupDigits(-1234)).toBe("-1,234");
    expect(groupDigits(12345678901n)).toBe("12,345,678,901");
  });
});

describe("parseJsonExact: values", () => {
  it("literals, strings, numbers (kept as text), arrays and objects in source order", () => {
    expect(show(parseJsonExact('{"b": [true, false, null], "a": "s", "n": -0.5e+3, "e": {}, "l": []}'))).toEqual([
      ["b", [true, false, null]],
      ["a", "s"],
      ["n", "N(-0.5e+3)"],
      ["e", []],
      ["l", []],
    ]);
    expect(show(parseJsonExact("[ ]"))).toEqual([]);
    expect(show(parseJsonExact("{ }"))).toEqual([]);
    expect(show(parseJsonExact("[1,2 , 3]"))).toEqual(["N(1)", "N(2)", "N(3)"]);
    for (const t of ["0", "-0", "10", "1.25", "1e5", "1E-2", "2e+0", "-12.5E10"]) expect(show(parseJsonExact(t))).toBe(`N(${t})`);
    expect(new JsonNumber("7").toString()).toBe("7");
  });
  it("whitespace: space, tab, newline, carriage return around every token; a leading byte-order mark", () => {
    expect(show(parseJsonExact(' \t\r\n{ "a" \n:\t[ 1 ,\r\n 2 ] } \n'))).toEqual([["a", ["N(1)", "N(2)"]]]);
    expect(show(parseJsonExact("\ufeff[1]"))).toEqual(["N(1)"]);
    expect(show(parseJsonExact("\ufeff \"x\""))).toBe("x");
    // a form feed is not JSON whitespace
    expect(err("\f1")).toEqual(["invalid-json", 'in: invalid JSON at line 1, column 1: unexpected "\\f"', { line: 1, column: 1, offset: 0 }]);
    // a byte-order mark anywhere else is not skipped
    expect(err(" \ufeff1")[1]).toBe('in: invalid JSON at line 1, column 2: unexpected "\ufeff"');
  });
  it("escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (either case)", () => {
    expect(parseJsonExact('"a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti"')).toBe('a"b\\c/d\be\ff\ng\rh\ti');
    expect(parseJsonExact('"\\u0041\\u00e9\\u00E9x"')).toBe("Aééx");
    expect(parseJsonExact('"plain"')).toBe("plain");
    expect(parseJsonExact('""')).toBe("");
    expect(parseJsonExact('" ~\u00ff"')).toBe(" ~\u00ff");
  });
  it("objects have a null prototype and own '__proto__', 'constructor' keys", () => {
    const o = parseJsonExact('{"__proto__": 1, "constructor": 2, "toString": 3}') as Record<string, JsonValue>;
    expect(Object.getPrototypeOf(o)).toBe(null);
    expect(Object.keys(o)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(o, "__proto__")).toEqual({ value: new JsonNumber("1"), enumerable: true, writable: true, configurable: true });
  });
});

describe("parseJsonExact: errors name the source, line, column and field path", () => {
  it("end of input and unexpected characters", () => {
    expect(err("")).toEqual(["invalid-json", "in: invalid JSON at line 1, column 1: unexpected end of input", { line: 1, column: 1, offset: 0 }]);
    expect(err("  ")).toEqual(["invalid-json", "in: invalid JSON at line 1, column 3: unexpected end of input", { line: 1, column: 3, offset: 2 }]);
    expect(err("tru")[1]).toBe('in: invalid JSON at line 1, column 1: unexpected "t"');
    expect(err("nul")[1]).toBe('in: invalid JSON at line 1, column 1: unexpected "n"');
    expect(err("fals")[1]).toBe('in: invalid JSON at line 1, column 1: unexpected "f"');
    expect(err("+1")[1]).toBe('in: invalid JSON at line 1, column 1: unexpected "+"');
    expect(err("1 2")).toEqual(["invalid-json", 'in: invalid JSON at line 1, column 3: unexpected "2" after the JSON value', { line: 1, column: 3, offset: 2 }]);
    expect(err("truex")[1]).toBe('in: invalid JSON at line 1, column 5: unexpected "x" after the JSON value');
    expect(err("nullnull")[1]).toBe('in: invalid JSON at line 1, column 5: unexpected "n" after the JSON value');
    expect(err("false]")[1]).toBe('in: invalid JSON at line 1, column 6: unexpected "]" after the JSON value');
  });
  it("lines count newlines only; the column restarts after each", () => {
    // offsets: '[' 0, '\n' 1, '1' 2, ',' 3, '\n' 4, ' ' 5, ' ' 6, 'x' 7
    expect(err("[\n1,\n  x]", "f.json")).toEqual(["invalid-json", 'f.json: invalid JSON at line 3, column 3, in [1]: unexpected "x"', { line: 3, column: 3, offset: 7, field: "[1]" }]);
    // a carriage return is not a line break for the count
    expect(err("[\r\r x]")[2]).toEqual({ line: 1, column: 5, offset: 4, field: "[0]" });
  });
  it("objects: key, colon, comma, duplicate (at the key), paths of nested values", () => {
    expect(err("{1: 2}")).toEqual(["invalid-json", "in: invalid JSON at line 1, column 2: expected a string key, found \"1\"", { line: 1, column: 2, offset: 1 }]);
    expect(err("{")[1]).toBe("in: invalid JSON at line 1, column 2: expected a string key, found end of input");
    expect(err('{"a": 1,}')[1]).toBe('in: invalid JSON at line 1, column 9: expected a string key, found "}"');
    expect(err('{"a" 1}')[1]).toBe('in: invalid JSON at line 1, column 6: expected ":", found "1"');
    expect(err('{"a"')[1]).toBe("in: invalid JSON at line 1, column 5: expected \":\", found end of input");
    expect(err('{"a": 1 "b": 2}')[1]).toBe('in: invalid JSON at line 1, column 9: expected "," or "}", found "\\""');
    expect(err('{"a": 1')[1]).toBe('in: invalid JSON at line 1, column 8: expected "," or "}", found end of input');
    expect(err('{"a": 1, "b": 2, "a": 3}')).toEqual(["invalid-json", 'in: invalid JSON at line 1, column 18: duplicate key "a"', { line: 1, column: 18, offset: 17 }]);
    expect(err('{"a": {"b c": [0, {"d": tru}]}}')).toEqual([
      "invalid-json",
      'in: invalid JSON at line 1, column 25, in a["b c"][1].d: unexpected "t"',
      { line: 1, column: 25, offset: 24, field: 'a["b c"][1].d' },
    ]);
    // after a finished member the path is the object's again
    expect(err('{"a": {"b": 1} x}')[1]).toBe('in: invalid JSON at line 1, column 16: expected "," or "}", found "x"');
  });
  it("arrays: comma or bracket, a trailing comma, the element's index in the path", () => {
    expect(err("[1 2]")[1]).toBe('in: invalid JSON at line 1, column 4: expected "," or "]", found "2"');
    expect(err("[1,]")[1]).toBe('in: invalid JSON at line 1, column 4, in [1]: unexpected "]"');
    expect(err("[1")[1]).toBe('in: invalid JSON at line 1, column 3: expected "," or "]", found end of input');
    expect(err("[")[1]).toBe("in: invalid JSON at line 1, column 2, in [0]: unexpected end of input");
    expect(err("[[0], [1, 2, -]]")[1]).toBe("in: invalid JSON at line 1, column 14, in [1][2]: bad number");
  });
  it("strings: unterminated (at the opening quote), control characters, escapes", () => {
    expect(err('["ab')).toEqual(["invalid-json", "in: invalid JSON at line 1, column 2, in [0]: unterminated string", { line: 1, column: 2, offset: 1, field: "[0]" }]);
    expect(err('"a\u0001"')[1]).toBe("in: invalid JSON at line 1, column 3: control character in string");
    expect(err('"a\u001f"')[1]).toBe("in: invalid JSON at line 1, column 3: control character in string");
    expect(err('"a\nb"')[1]).toBe("in: invalid JSON at line 1, column 3: control character in string");
    expect(err('"a\\x"')[1]).toBe("in: invalid JSON at line 1, column 3: bad escape");
    expect(err('"a\\')[1]).toBe("in: invalid JSON at line 1, column 3: bad escape");
    expect(err('"\\u12G4"')[1]).toBe("in: invalid JSON at line 1, column 2: bad \\u escape");
    expect(err('"\\u12"')[1]).toBe("in: invalid JSON at line 1, column 2: bad \\u escape");
    expect(parseJsonExact('"\\u00411"')).toBe("A1");
    expect(err('"\\u 041"')[1]).toBe("in: invalid JSON at line 1, column 2: bad \\u escape");
  });
  it("numbers: a lone minus, leading zeros, a dangling point or exponent", () => {
    expect(err("-")[1]).toBe("in: invalid JSON at line 1, column 1: bad number");
    expect(err("-x")[1]).toBe("in: invalid JSON at line 1, column 1: bad number");
    expect(err("01")).toEqual(["invalid-json", "in: invalid JSON at line 1, column 2: bad number", { line: 1, column: 2, offset: 1 }]);
    expect(err("1.")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("1.e3")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("1e")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("1e+")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("1-")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("2E")[1]).toBe("in: invalid JSON at line 1, column 2: bad number");
    expect(err("[-5 ,-]")[1]).toBe("in: invalid JSON at line 1, column 6, in [1]: bad number");
    expect(show(parseJsonExact("[0,-0.0e-0]"))).toEqual(["N(0)", "N(-0.0e-0)"]);
  });
});

describe("parseJsonExact: limits", () => {
  it("nesting: maxDepth brackets are read, one more is refused at the bracket", () => {
    expect(show(parseJsonExact("[[1]]", "in", { maxDepth: 2 }))).toEqual([["N(1)"]]);
    expect(err("[[[1]]]", "in", { maxDepth: 2 })).toEqual(["invalid-json", "in: invalid JSON at line 1, column 3, in [0][0]: nesting deeper than 2", { line: 1, column: 3, offset: 2, field: "[0][0]" }]);
    expect(err('{"a": {"b": {}}}', "in", { maxDepth: 2 })[1]).toBe("in: invalid JSON at line 1, column 13, in a.b: nesting deeper than 2");
    expect(show(parseJsonExact('{"a": {"b": 1}}', "in", { maxDepth: 2 }))).toEqual([["a", [["b", "N(1)"]]]]);
    expect(err("[]", "in", { maxDepth: 0 })[1]).toBe("in: invalid JSON at line 1, column 1: nesting deeper than 0");
    // the default
    expect(DEFAULT_MAX_DEPTH).toBe(256);
    expect(show(parseJsonExact("[".repeat(256) + "]".repeat(256)))).toBeDefined();
    expect(err("[".repeat(257) + "]".repeat(257))[1]).toMatch(/: nesting deeper than 256$/);
  });
  it("size: a text longer than maxChars is refused before parsing, with grouped digits", () => {
    expect(parseJsonExact("[1, 2]", "in", { maxChars: 6 })).toHaveLength(2);
    expect(err("[1, 22]", "big.json", { maxChars: 6 })).toEqual(["too-large", "big.json: 7 characters > limit 6 (raise the input size limit to read it)", 7]);
    const e = caught(() => parseJsonExact(" ".repeat(1001) + "1", "s", { maxChars: 1000 }));
    expect([e.code, e.path, e.message]).toEqual(["too-large", "s", "s: 1,002 characters > limit 1,000 (raise the input size limit to read it)"]);
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(33554432);
  });
  it("the error's path is the source (default 'input')", () => {
    const e = caught(() => parseJsonExact("x"));
    expect([e.path, e.message]).toEqual(["input", 'input: invalid JSON at line 1, column 1: unexpected "x"']);
  });
});

describe("jsonToPlain", () => {
  it("integers up to 2^53 in magnitude become numbers; strings, literals, arrays, objects pass through", () => {
    const v = parseJsonExact('{"a": [9007199254740991, -9007199254740991, 0, -7], "b": "1/3", "c": null, "d": true, "__proto__": 5}');
    const p = jsonToPlain(v) as Record<string, unknown>;
    expect(Object.keys(p)).toEqual(["a", "b", "c", "d", "__proto__"]);
    expect([p.a, p.b, p.c, p.d]).toEqual([[9007199254740991, -9007199254740991, 0, -7], "1/3", null, true]);
    expect(Object.getOwnPropertyDescriptor(p, "__proto__")).toEqual({ value: 5, enumerable: true, writable: true, configurable: true });
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });
  it("any other number is refused with its path and a hint", () => {
    const e = caught(() => jsonToPlain(parseJsonExact('{"x": [1, {"y z": 9007199254740992}]}'), "r.json"));
    expect([e.code, e.path, e.value]).toEqual(["float-not-exact", 'x[1]["y z"]', "9007199254740992"]);
    expect(e.message).toBe('r.json: x[1]["y z"]: the number 9007199254740992 is not an integer below 2^53; write it as an exact string such as "3/7"');
    for (const t of ["1.0", "1e2", "-0.5", "10E0"]) expect(caught(() => jsonToPlain(parseJsonExact(`[${t}]`))).message).toBe(`input: [0]: the number ${t} is not an integer below 2^53; write it as an exact string such as "3/7"`);
  });
  it("at the top level the error's path is the source; long tokens are cut at 40 characters", () => {
    const e = caught(() => jsonToPlain(new JsonNumber("0.5"), "top.json"));
    expect([e.path, e.message]).toEqual(["top.json", 'top.json: the number 0.5 is not an integer below 2^53; write it as an exact string such as "3/7"']);
    const forty = "0." + "1".repeat(38);
    expect(caught(() => jsonToPlain(new JsonNumber(forty))).message).toBe(`input: the number ${forty} is not an integer below 2^53; write it as an exact string such as "3/7"`);
    const long = "0." + "1".repeat(39);
    expect(caught(() => jsonToPlain(new JsonNumber(long))).message).toBe(`input: the number ${long.slice(0, 40)}… is not an integer below 2^53; write it as an exact string such as "3/7"`);
  });
  it("a token that is digits around something else is not an integer (the pattern is anchored)", () => {
    expect(caught(() => jsonToPlain(new JsonNumber("1.5"))).code).toBe("float-not-exact");
    expect(caught(() => jsonToPlain(new JsonNumber("x12"))).code).toBe("float-not-exact");
    expect(caught(() => jsonToPlain(new JsonNumber("12x"))).code).toBe("float-not-exact");
    expect(jsonToPlain(new JsonNumber("-12"))).toBe(-12);
  });
});

describe("readInputFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-exact-json-"));
  it("reads a file at the limit; refuses one byte more, naming the flag when given", () => {
    const f = join(dir, "f.json");
    writeFileSync(f, "[1234]");
    expect(readInputFile(f, { maxBytes: 6 })).toBe("[1234]");
    expect(readInputFile(f)).toBe("[1234]");
    const e = caught(() => readInputFile(f, { maxBytes: 5 }));
    expect([e.code, e.path, e.value, e.message]).toEqual(["too-large", f, 6, `${f}: 6 bytes > limit 5 bytes`]);
    expect(caught(() => readInputFile(f, { maxBytes: 5, flag: "--max" })).message).toBe(`${f}: 6 bytes > limit 5 bytes (raise it with --max N)`);
  });
  it("a directory and a missing file are one-line 'unreadable-file' errors", () => {
    const d = join(dir, "sub");
    mkdirSync(d);
    const e = caught(() => readInputFile(d));
    expect([e.code, e.path, e.value, e.message]).toEqual(["unreadable-file", d, d, `cannot read ${d}: it is a directory`]);
    const m = join(dir, "missing.json");
    const e2 = caught(() => readInputFile(m));
    expect([e2.code, e2.path, e2.value]).toEqual(["unreadable-file", m, m]);
    expect(e2.message).toBe(`cannot read ${m}: ENOENT: no such file or directory, stat '${m}'`);
  });
  it("a file that can be stat'ed but not read (Linux /proc/self/mem: EIO) is an 'unreadable-file' error too", () => {
    if (process.platform !== "linux") return;
    const e = caught(() => readInputFile("/proc/self/mem"));
    expect([e.code, e.path, e.value, e.message]).toEqual(["unreadable-file", "/proc/self/mem", "/proc/self/mem", "cannot read /proc/self/mem: EIO: i/o error, read"]);
  });
});
