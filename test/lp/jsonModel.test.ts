import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MechcheckError } from "../../src/errors.ts";
import { qstr } from "../../src/exact/rational.ts";
import { JsonNumber, lpModelFromObject, lpModelToJson, parseJsonExact, parseLpJson, type JsonValue } from "../../src/lp/jsonModel.ts";
import { LpBuilder, type LpModel } from "../../src/lp/model.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

/** A readable, order-preserving picture of a model: every number an exact string. */
function describeModel(m: LpModel) {
  const names = m.variables.map((v) => v.name);
  return {
    direction: m.direction,
    variables: m.variables.map((v) => `${v.name} in [${v.lower === null ? "-inf" : qstr(v.lower)}, ${v.upper === null ? "inf" : qstr(v.upper)}]`),
    rows: m.rows.map((r) => `${r.name}: ${r.terms.map((t) => `${qstr(t.coef)}*${names[t.var]}`).join(" + ") || "0"} ${r.sense} ${qstr(r.rhs)}`),
    objective: m.objective.map((t) => `${qstr(t.coef)}*${names[t.var]}`).join(" + ") || "0",
    constant: qstr(m.objectiveConstant),
  };
}

function caught(f: () => unknown): MechcheckError {
  try {
    f();
  } catch (e) {
    if (e instanceof MechcheckError) return e;
    throw new Error(`expected a MechcheckError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error("expected a MechcheckError, nothing was thrown");
}

/** Serialize a JsonValue (JsonNumber tokens verbatim) in key order. */
function write(v: JsonValue | undefined): string {
  if (v instanceof JsonNumber) return v.text;
  if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
  if (v === undefined) return "null";
  return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${write(v[k])}`).join(",")}}`;
}
function obj(entries: [string, JsonValue][]): { [k: string]: JsonValue } {
  const o = Object.create(null) as { [k: string]: JsonValue };
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** k / 10^d as a decimal literal, built from the integer's digits (no float arithmetic). */
function decimalText(k: number, d: number): string {
  const digits = String(Math.abs(k)).padStart(d + 1, "0");
  return `${k < 0 ? "-" : ""}${digits.slice(0, -d)}.${digits.slice(-d)}`;
}

describe("parseLpJson: the format", () => {
  const example = `{
    "optimize": "profit", "opType": "max",
    "constraints": { "c1": { "max": 10 }, "c2": { "min": 2 }, "c3": { "equal": 3 }, "c4": { "min": 1, "max": 4 }, "c5": { "min": "1/2", "max": 0.5 } },
    "variables": {
      "x": { "profit": 3, "c1": 1, "c2": 0.1, "c4": "3/7", "weight": 99 },
      "y": { "profit": "-2/6", "c1": 2, "c3": 1e-3, "c5": -1.5E+1 }
    },
    "unrestricted": { "y": 1 }
  }`;

  it("reads every constraint kind, exact numbers, unrestricted, and ignores attributes without a constraint", () => {
    // by hand: c4 (1 ≤ … ≤ 4) becomes two rows; c5 has min = max = 1/2 so it is one = row;
    // 0.1 is exactly 1/10, 1e-3 is 1/1000, -1.5E+1 is -15, "-2/6" is -1/3; x's "weight" is no constraint: ignored
    expect(describeModel(parseLpJson(example))).toEqual({
      direction: "max",
      variables: ["x in [0, inf]", "y in [-inf, inf]"],
      rows: ["c1: 1*x + 2*y <= 10", "c2: 1/10*x >= 2", "c3: 1/1000*y = 3", "c4.min: 3/7*x >= 1", "c4.max: 3/7*x <= 4", "c5: -15*y = 1/2"],
      objective: "3*x + -1/3*y",
      constant: "0",
    });
  });

  it("the objective attribute is only the objective; missing means 0; min by opType", () => {
    const m = parseLpJson(`{"optimize":"cost","opType":"min","constraints":{"a":{"min":1}},"variables":{"x":{"a":1},"y":{"cost":2,"a":1}}}`);
    expect(describeModel(m)).toMatchObject({ direction: "min", rows: ["a: 1*x + 1*y >= 1"], objective: "2*y" });
  });

  it("a constraint no variable mentions is an empty row; unrestricted 0/false means ≥ 0", () => {
    const m = parseLpJson(`{"optimize":"p","opType":"max","constraints":{"a":{"max":1}},"variables":{"x":{"p":1}, "y":{}},"unrestricted":{"x":0,"y":false}}`);
    expect(describeModel(m)).toMatchObject({ variables: ["x in [0, inf]", "y in [0, inf]"], rows: ["a: 0 <= 1"] });
  });

  it("accepts name, options, tolerance, timeout, empty ints/binaries, a BOM", () => {
    const m = parseLpJson(`\ufeff{"name":"n","options":{"timeout":5},"tolerance":0.1,"timeout":3,"ints":{},"binaries":{},"optimize":"p","opType":"max","constraints":{},"variables":{"x":{"p":1}}}`);
    expect(describeModel(m).objective).toBe("1*x");
  });

  it("accepts a plain JS object, with integer numbers and exact strings", () => {
    const m = lpModelFromObject({ optimize: "p", opType: "max", constraints: { c: { max: "5/2" } }, variables: { x: { p: 1, c: 2 } } });
    expect(describeModel(m).rows).toEqual(["c: 2*x <= 5/2"]);
    const e = caught(() => lpModelFromObject({ optimize: "p", opType: "max", constraints: { c: { max: 0.1 } }, variables: {} }));
    expect(e.message).toMatch(/^constraints\.c\.max: 0\.1 is a non-integer float; write it as an exact string such as "1\/10"/);
  });
});

describe("parseLpJson: errors name the field", () => {
  const base = (patch: string) => `{"optimize":"p","opType":"max",${patch}}`;
  it.each([
    [base(`"constraints":{"c1":{"max":"abc"}},"variables":{}`), "constraints.c1.max", `constraints.c1.max: "abc" is not a rational number`],
    [base(`"constraints":{"c1":{"min":"1/0"}},"variables":{}`), "constraints.c1.min", `constraints.c1.min: "1/0" has denominator zero`],
    [base(`"constraints":{"c1":{"min":1e99999}},"variables":{}`), "constraints.c1.min", `constraints.c1.min: "1e99999" has an exponent beyond`],
    [base(`"constraints":{},"variables":{"x":{"p":"NaN"}}`), "variables.x.p", `variables.x.p: "NaN" is not a rational number`],
    [base(`"constraints":{},"variables":{"x":{"p":true}}`), "variables.x.p", `variables.x.p: boolean true is not a rational number`],
    [base(`"constraints":{},"variables":{"my var":{"p":[1]}}`), `variables["my var"].p`, `variables["my var"].p: an array is not a rational number`],
    [base(`"constraints":{},"variables":{"x":{"p":1}},"ints":{"x":1}`), "ints.x", "ints.x: integer variables are not supported: mechcheck solves LPs"],
    [base(`"constraints":{},"variables":{"x":{"p":1}},"binaries":{"x":1}`), "binaries.x", "binaries.x: integer variables are not supported: mechcheck solves LPs"],
    [base(`"constraints":{},"variables":{"x":{}},"unrestricted":{"z":1}`), "unrestricted.z", `unrestricted.z: no variable named "z"`],
    [base(`"constraints":{},"variables":{"x":{}},"unrestricted":{"x":2}`), "unrestricted.x", "unrestricted.x: 2 is not a flag"],
    [base(`"constraints":{"c":{}},"variables":{}`), "constraints.c", "constraints.c: a constraint needs at least one of min, max, equal"],
    [base(`"constraints":{"c":{"equal":1,"max":2}},"variables":{}`), "constraints.c", `constraints.c: "equal" together with "min"/"max" is ambiguous`],
    [base(`"constraints":{"c":{"max":1,"weight":2}},"variables":{}`), "constraints.c.weight", "constraints.c.weight: soft constraints"],
    [base(`"constraints":{"c":{"mx":1}},"variables":{}`), "constraints.c.mx", "constraints.c.mx: unknown field"],
    [base(`"constraints":{"c":5},"variables":{}`), "constraints.c", "constraints.c: expected an object, found the number 5"],
    [base(`"constraints":{"p":{"max":1}},"variables":{}`), "constraints.p", `constraints.p: a constraint may not share the objective's name "p"`],
    [base(`"constraints":{"c":{"min":0,"max":1},"c.max":{"max":3}},"variables":{}`), "constraints[\"c.max\"].max", `constraints["c.max"].max: its row is named "c.max", which is also the name of the row from constraints.c.max`],
    [base(`"variables":{}`), "constraints", "constraints: expected an object, found missing"],
    [base(`"constraints":{},"variables":[]`), "variables", "variables: expected an object, found an array"],
    [base(`"constraints":{},"variables":{},"constraint":{}`), "constraint", "constraint: unknown field"],
    [`{"opType":"max","constraints":{},"variables":{}}`, "optimize", "optimize: expected the name of the objective attribute"],
    [`{"optimize":{"a":"max","b":"min"},"opType":"max","constraints":{},"variables":{}}`, "optimize", "optimize: multi-objective models are not supported"],
    [`{"optimize":"p","opType":"maximize","constraints":{},"variables":{}}`, "opType", `opType: expected "max" or "min", found the string "maximize"`],
    [`[1,2]`, "model", "model: expected an object, found an array"],
  ])("%s", (text, path, message) => {
    const e = caught(() => parseLpJson(text));
    expect(e.path).toBe(path);
    expect(e.message.startsWith(message)).toBe(true);
  });

  it("reports JSON syntax errors with source, line and column", () => {
    const e = caught(() => parseLpJson(`{\n  "optimize": "p",\n  "opType": max\n}`, "models/a.json"));
    expect(e.code).toBe("invalid-json");
    expect(e.path).toBe("models/a.json");
    expect(e.message).toBe(`models/a.json: invalid JSON at line 3, column 13, in opType: unexpected "m"`);
    expect(e.value).toEqual({ line: 3, column: 13, offset: `{\n  "optimize": "p",\n  "opType": max\n}`.indexOf("max"), field: "opType" });
    expect(caught(() => parseJsonExact(`{"a":1,"a":2}`)).message).toMatch(/line 1, column 8: duplicate key "a"/);
    expect(caught(() => parseJsonExact(`[01]`)).message).toMatch(/bad number/);
    expect(caught(() => parseJsonExact(`"abc`)).message).toMatch(/unterminated string/);
    expect(caught(() => parseJsonExact("[".repeat(100000))).message).toMatch(/nesting deeper/);
    expect(caught(() => parseJsonExact(``)).message).toMatch(/unexpected end of input/);
  });
});

describe("parseJsonExact", () => {
  it("agrees with JSON.parse, keeping numbers as their text", () => {
    const toPlain = (v: JsonValue): unknown =>
      v instanceof JsonNumber ? Number(v.text) : Array.isArray(v) ? v.map(toPlain) : v !== null && typeof v === "object" ? Object.fromEntries(Object.keys(v).map((k) => [k, toPlain(v[k]!)])) : v;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        expect(toPlain(parseJsonExact(text))).toEqual(JSON.parse(text));
      }),
      RUNS,
    );
  });
  it("keeps __proto__ as an ordinary key and decimals verbatim", () => {
    const v = parseJsonExact(`{"__proto__": {"a": 0.1}, "b": "\\u0041\\n"}`) as { [k: string]: JsonValue };
    expect(Object.keys(v)).toEqual(["__proto__", "b"]);
    expect(((v["__proto__"] as { [k: string]: JsonValue })["a"] as JsonNumber).text).toBe("0.1");
    expect(v["b"]).toBe("A\n");
  });
});

/* ------------------------------------------------------------------------------------------------
 * Generated models.
 * ---------------------------------------------------------------------------------------------- */

const OBJ = "obj";
const VAR_NAMES = ["x", "y", "z", "my var", "__proto__", "w2"];
const CON_NAMES = ["c1", "c2", "cap", "row.k", "toString"];
const goodNumber: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map((k) => new JsonNumber(String(k))),
  fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 1, max: 3 })).map(([k, d]) => new JsonNumber(decimalText(k, d))),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([n, d]) => `${n}/${d}`),
  fc.integer({ min: -5, max: 5 }).map((e) => new JsonNumber(`2e${e}`)),
);
const bound = fc.oneof(
  goodNumber.map((v) => obj([["max", v]])),
  goodNumber.map((v) => obj([["min", v]])),
  goodNumber.map((v) => obj([["equal", v]])),
  fc.tuple(goodNumber, goodNumber).map(([a, b]) => obj([["min", a], ["max", b]])),
);
const validModel: fc.Arbitrary<{ [k: string]: JsonValue }> = fc
  .record({
    opType: fc.constantFrom("max", "min"),
    cons: fc.uniqueArray(fc.constantFrom(...CON_NAMES), { maxLength: 4 }),
    vars: fc.uniqueArray(fc.constantFrom(...VAR_NAMES), { minLength: 1, maxLength: 4 }),
    seed: fc.array(fc.tuple(fc.boolean(), goodNumber), { minLength: 40, maxLength: 40 }),
    bounds: fc.array(bound, { minLength: 4, maxLength: 4 }),
    free: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ opType, cons, vars, seed, bounds, free }) => {
    let k = 0;
    const next = () => seed[k++ % seed.length]!;
    const constraints = obj(cons.map((c, i) => [c, bounds[i]!]));
    const variables = obj(
      vars.map((v) => {
        const attrs: [string, JsonValue][] = [];
        for (const a of [OBJ, ...cons, "ignored"]) {
          const [use, val] = next();
          if (use) attrs.push([a, val]);
        }
        return [v, obj(attrs)];
      }),
    );
    const unrestricted = obj(vars.filter((_, i) => free[i]).map((v) => [v, new JsonNumber("1")]));
    return obj([["optimize", OBJ], ["opType", opType], ["constraints", constraints], ["variables", variables], ["unrestricted", unrestricted]]);
  });

describe("round trip", () => {
  it("parse(lpModelToJson(parse(t))) is the same model", () => {
    fc.assert(
      fc.property(validModel, (m) => {
        const model = parseLpJson(write(m));
        const text = lpModelToJson(model);
        const again = parseLpJson(text);
        expect(describeModel(again)).toEqual(describeModel(model));
        expect(lpModelToJson(again)).toBe(text);
      }),
      RUNS,
    );
  });

  it("general bounds become unrestricted variables with bound rows; an objective constant is refused", () => {
    const b = new LpBuilder("min");
    b.variable("x", { lower: "1/2", upper: 3 });
    b.variable("y", { lower: null, upper: "-1" });
    b.row("objective", [["x", 1], ["y", 1]], ">=", 0);
    b.objective([["x", "2/3"]]);
    const again = parseLpJson(lpModelToJson(b.build()));
    // by hand: x has both bounds → two rows; y only an upper bound → one row; the objective attribute
    // avoids the row name "objective"
    expect(describeModel(again)).toEqual({
      direction: "min",
      variables: ["x in [-inf, inf]", "y in [-inf, inf]"],
      rows: ["objective: 1*x + 1*y >= 0", "bound:x:lower: 1*x >= 1/2", "bound:x:upper: 1*x <= 3", "bound:y:upper: 1*y <= -1"],
      objective: "2/3*x",
      constant: "0",
    });
    const c = new LpBuilder("max");
    c.variable("x");
    c.objective([["x", 1]], 5);
    expect(caught(() => lpModelToJson(c.build())).code).toBe("not-expressible");
  });
});

/* ------------------------------------------------------------------------------------------------
 * The fuzz: malformed models, every one a MechcheckError with a path.
 * ---------------------------------------------------------------------------------------------- */

const notRationalString = fc.oneof(
  fc.constantFrom("abc", "NaN", "Infinity", "-Infinity", "", " ", "1/0", "0/0", "1e99999", "1e-99999", "0x1F", "1/2/3", "1..2", "--1", "1e", "½", "1,5", "3/7x", "1/2.5"),
  fc.string({ maxLength: 8 }).filter((s) => !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(\s*\/\s*[+-]?\d+)?\s*$/.test(s)),
);
const garbage: fc.Arbitrary<JsonValue> = fc.oneof(
  notRationalString,
  fc.constantFrom<JsonValue>(true, false, null, [], new JsonNumber("1e99999"), new JsonNumber("-1E+100000"), new JsonNumber("1e-123456789012")),
  fc.jsonValue({ maxDepth: 4 }).filter((v) => v === null || typeof v === "boolean" || typeof v === "object").map((v) => parseJsonExact(JSON.stringify(v))),
  fc.integer({ min: 1, max: 60 }).map((d) => JSON.parse("[".repeat(d) + "]".repeat(d)) as JsonValue),
);
const notObject: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer().map((k) => new JsonNumber(String(k))),
  fc.constantFrom<JsonValue>(null, true, false),
  fc.array(fc.integer().map((k) => new JsonNumber(String(k))), { maxLength: 3 }),
);

type Mutation = (m: { [k: string]: JsonValue }, pick: number, bad: JsonValue, badObj: JsonValue, word: string) => JsonValue | string;
const keysOf = (v: JsonValue | undefined): string[] => (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof JsonNumber) ? Object.keys(v) : []);
const at = <T>(xs: T[], pick: number): T | undefined => (xs.length === 0 ? undefined : xs[pick % xs.length]);
const sub = (v: JsonValue | undefined) => v as { [k: string]: JsonValue };

const MUTATIONS: Mutation[] = [
  // a bad number in a constraint bound (falls back to a bad top level when there is no constraint)
  (m, p, bad) => {
    const c = at(keysOf(m.constraints), p);
    if (c === undefined) return (m.constraints = [bad]), m;
    const b = sub(sub(m.constraints)[c]);
    b[at(Object.keys(b), p)!] = bad;
    return m;
  },
  // a bad coefficient in a variable (any attribute: even ignored ones must be numbers)
  (m, p, bad) => {
    const v = sub(sub(m.variables)[at(keysOf(m.variables), p)!]);
    Object.defineProperty(v, at(["obj", "c1", "ignored", "zz"], p)!, { value: bad, enumerable: true, writable: true, configurable: true });
    return m;
  },
  // a missing required field
  (m, p) => {
    delete m[at(["optimize", "opType", "constraints", "variables"], p)!];
    return m;
  },
  // a wrong type for a required field
  (m, p, _bad, badObj) => {
    const k = at(["optimize", "opType", "constraints", "variables", "unrestricted", "ints", "binaries", "options"], p)!;
    m[k] = k === "optimize" ? (typeof badObj === "string" ? new JsonNumber("1") : badObj) : k === "opType" ? (typeof badObj === "string" && (badObj === "max" || badObj === "min") ? null : badObj) : typeof badObj === "string" || badObj === null || Array.isArray(badObj) || badObj instanceof JsonNumber || typeof badObj === "boolean" ? badObj : null;
    return m;
  },
  // opType a string other than max/min
  (m, _p, _b, _o, word) => ((m.opType = word === "max" || word === "min" ? "MAX" : word), m),
  // an unknown top-level field
  (m, _p, bad, _o, word) => (Object.defineProperty(m, `x-${word}`, { value: bad, enumerable: true, writable: true, configurable: true }), m),
  // integer variables
  (m, p) => {
    const v = at(keysOf(m.variables), p)!;
    m[p % 2 === 0 ? "ints" : "binaries"] = obj([[v, new JsonNumber("1")]]);
    return m;
  },
  // a constraint that is not an object, or empty, or has an unknown key, or equal with min
  (m, p, _bad, badObj, word) => {
    const kind = p % 4;
    const value = kind === 0 ? badObj : kind === 1 ? obj([]) : kind === 2 ? obj([[`u${word}`, new JsonNumber("1")]]) : obj([["equal", new JsonNumber("1")], ["min", new JsonNumber("0")]]);
    const c = sub(m.constraints);
    Object.defineProperty(c, "fz", { value: kind === 0 && badObj !== null && typeof badObj === "object" && !Array.isArray(badObj) && !(badObj instanceof JsonNumber) ? null : value, enumerable: true, writable: true, configurable: true });
    return m;
  },
  // a variable that is not an object
  (m, p, _bad, badObj) => {
    const vars = sub(m.variables);
    vars[at(Object.keys(vars), p)!] = badObj !== null && typeof badObj === "object" && !Array.isArray(badObj) && !(badObj instanceof JsonNumber) ? [] : badObj;
    return m;
  },
  // unrestricted naming an unknown variable, or with a bad flag
  (m, p, bad) => {
    if (p % 2 === 0) m.unrestricted = obj([["no such variable", new JsonNumber("1")]]);
    else m.unrestricted = obj([[at(keysOf(m.variables), p)!, bad === true || bad === false ? new JsonNumber("7") : bad]]);
    return m;
  },
  // a constraint named like the objective
  (m) => (Object.defineProperty(sub(m.constraints), "obj", { value: obj([["max", new JsonNumber("1")]]), enumerable: true, writable: true, configurable: true }), m),
  // a root that is not an object
  (_m, _p, _bad, badObj) => (badObj !== null && typeof badObj === "object" && !Array.isArray(badObj) && !(badObj instanceof JsonNumber) ? [badObj] : badObj),
  // broken JSON text: the valid text cut short, or with a stray character inserted
  (m, p) => {
    const t = write(m);
    // a control character is invalid anywhere in JSON, inside strings too
    return p % 2 === 0 ? t.slice(0, p % t.length) : t.slice(0, p % t.length) + "\u0001" + t.slice(p % t.length);
  },
];

describe("fuzz: malformed models", () => {
  it("≥ 2,000 malformed models: each a MechcheckError whose message starts with its path", () => {
    const seen = new Set<string>();
    let count = 0;
    fc.assert(
      fc.property(
        validModel,
        fc.integer({ min: 0, max: MUTATIONS.length - 1 }),
        fc.nat(),
        garbage,
        fc.oneof(garbage, notObject),
        fc.string({ minLength: 1, maxLength: 6 }),
        (m, which, pick, bad, badObj, word) => {
          const mutated = MUTATIONS[which]!(m, pick, bad, badObj, word);
          const text = typeof mutated === "string" ? mutated : write(mutated);
          const e = caught(() => parseLpJson(text, "fuzz.json"));
          expect(typeof e.path).toBe("string");
          expect(e.path!.length).toBeGreaterThan(0);
          expect(e.message.startsWith(`${e.path}: `)).toBe(true);
          seen.add(e.code);
          count++;
        },
      ),
      { seed: 42, numRuns: Math.max(Number(process.env.MECHCHECK_FUZZ ?? 2000), RUNS.numRuns) },
    );
    expect(count).toBeGreaterThanOrEqual(Number(process.env.MECHCHECK_FUZZ ?? 2000));
    console.log(`LP model fuzz: ${count} malformed models, each refused with a field-precise error; codes: ${[...seen].sort().join(", ")}`);
    // the fuzz reaches the different kinds of refusal
    for (const code of ["not-a-rational", "missing-field", "wrong-type", "unknown-field", "not-supported", "invalid-json", "unknown-variable", "name-clash", "ambiguous"]) {
      expect([...seen]).toContain(code);
    }
  });
});

describe("prototype-named names (issue 9, item 4)", () => {
  it("constructor / hasOwnProperty / valueOf / toString / __proto__ as variable, constraint and objective names", () => {
    const text = `{ "optimize": "toString", "opType": "max",
      "constraints": { "valueOf": { "max": 4 }, "__proto__": { "min": 1 } },
      "variables": { "constructor": { "toString": 1, "valueOf": 1, "__proto__": 1 }, "hasOwnProperty": { "toString": 2, "valueOf": 1 } },
      "unrestricted": { "constructor": 0 } }`;
    const d = describeModel(parseLpJson(text));
    expect(d.variables).toEqual(["constructor in [0, inf]", "hasOwnProperty in [0, inf]"]);
    expect(d.rows).toEqual(["valueOf: 1*constructor + 1*hasOwnProperty <= 4", "__proto__: 1*constructor >= 1"]);
    expect(d.objective).toBe("1*constructor + 2*hasOwnProperty");
    // negative control: a constraint name that is only inherited (not declared) is not a constraint
    const d2 = describeModel(parseLpJson(text.replace(`"__proto__": { "min": 1 } }`, `"w": { "min": 1 } }`)));
    expect(d2.rows).toEqual(["valueOf: 1*constructor + 1*hasOwnProperty <= 4", "w: 0 >= 1"]);
    expect(caught(() => parseLpJson(text.replace(`"constructor": 0`, `"isPrototypeOf": 1`))).message).toContain('no variable named "isPrototypeOf"');
  });
});
