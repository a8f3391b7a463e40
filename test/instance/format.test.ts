/**
 * The instance format: round trip on random instances, field-precise errors, the examples, and the
 * JSON Schema (checked with a small interpreter of the keywords the schema uses).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { qstr } from "../../src/exact/rational.ts";
import { parseInstance, serializeInstance } from "../../src/instance/index.ts";
import { ValidationError } from "../../src/concepts/index.ts";
import { MechcheckError } from "../../src/errors.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const EX = "examples/instances";

import { randomInstance } from "./randomInstance.ts";

/** Exact, structural comparison form: every Fraction becomes its canonical string. */
function plain(x: unknown): unknown {
  if (x instanceof Fraction) return `Q:${qstr(x)}`;
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}

// ------------------------------------------------------------------ a small JSON Schema interpreter
type Schema = Record<string, unknown>;
function schemaErrors(root: Schema, s: Schema, x: unknown, path = "$"): string[] {
  const errs: string[] = [];
  if (typeof s.$ref === "string") return schemaErrors(root, (root.$defs as Record<string, Schema>)[s.$ref.replace("#/$defs/", "")]!, x, path);
  const typeOk = (t: string) => (t === "object" ? typeof x === "object" && x !== null && !Array.isArray(x) : t === "array" ? Array.isArray(x) : t === "integer" ? Number.isInteger(x) : typeof x === t);
  if (typeof s.type === "string" && !typeOk(s.type)) return [`${path}: not ${s.type}`];
  if ("const" in s && x !== s.const) errs.push(`${path}: not const ${String(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(x)) errs.push(`${path}: not in enum`);
  if (typeof s.pattern === "string" && typeof x === "string" && !new RegExp(s.pattern, "u").test(x)) errs.push(`${path}: pattern`);
  if (typeof s.minLength === "number" && typeof x === "string" && x.length < s.minLength) errs.push(`${path}: minLength`);
  if (Array.isArray(x)) {
    if (typeof s.minItems === "number" && x.length < s.minItems) errs.push(`${path}: minItems`);
    if (s.uniqueItems && new Set(x.map((v) => JSON.stringify(v))).size !== x.length) errs.push(`${path}: uniqueItems`);
    if (s.items) x.forEach((v, k) => errs.push(...schemaErrors(root, s.items as Schema, v, `${path}[${k}]`)));
  }
  if (x && typeof x === "object" && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in o)) errs.push(`${path}: missing ${r}`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(o)) {
      if (s.propertyNames) errs.push(...schemaErrors(root, s.propertyNames as Schema, k, `${path}.<${k}>`));
      if (k in props) errs.push(...schemaErrors(root, props[k]!, v, `${path}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${path}: additional property ${k}`);
      else if (typeof s.additionalProperties === "object") errs.push(...schemaErrors(root, s.additionalProperties as Schema, v, `${path}.${k}`));
    }
  }
  if (Array.isArray(s.oneOf)) {
    const ok = (s.oneOf as Schema[]).filter((b) => schemaErrors(root, b, x, path).length === 0).length;
    if (ok !== 1) errs.push(`${path}: oneOf matched ${ok}`);
  }
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((b) => schemaErrors(root, b, x, path).length === 0)) errs.push(`${path}: anyOf`);
  return errs;
}
const schema = JSON.parse(readFileSync("schema/instance.schema.json", "utf8")) as Schema;

// ------------------------------------------------------------------ tests
describe("parseInstance ∘ serializeInstance", () => {
  it("is the identity on random instances, and serialization is a fixed point; output conforms to the schema", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const inst = randomInstance(seed);
        const text = serializeInstance(inst);
        const back = parseInstance(text);
        expect(plain(back)).toEqual(plain(inst));
        expect(serializeInstance(back)).toBe(text);
        expect(schemaErrors(schema, schema, JSON.parse(text))).toEqual([]);
        // every number is written as an exact string
        expect(text.replace('"mechcheck": 1,', "")).not.toMatch(/:\s*-?\d/);
      }),
      RUNS,
    );
  });
  it("uses 2-space indentation and the documented key order", () => {
    const inst = parseInstance(readFileSync(`${EX}/bilateral-trade.json`, "utf8"));
    const text = serializeInstance(inst);
    expect(Object.keys(JSON.parse(text))).toEqual(["mechcheck", "name", "description", "environment", "beliefs", "mechanism", "question"]);
    expect(text.split("\n")[1]).toBe('  "mechcheck": 1,');
    // private values are written in the own-type form, a point mass as a label
    expect(JSON.parse(text).environment.valuation.seller).toEqual({ "1": { trade: "-1" }, "3": { trade: "-3" } });
    expect(JSON.parse(text).mechanism.allocation["1,2"]).toBe("trade");
  });
});

describe("the examples", () => {
  for (const f of ["second-price-auction", "first-price-auction", "bilateral-trade"]) {
    it(`${f}.json parses, conforms to the schema, and reads the labels as written`, () => {
      const raw = JSON.parse(readFileSync(`${EX}/${f}.json`, "utf8"));
      expect(schemaErrors(schema, schema, raw)).toEqual([]);
      const inst = parseInstance(raw);
      expect(inst.environment.agents).toEqual(raw.environment.agents);
      expect(inst.mechanism?.kind).toBe("direct");
    });
  }
  it("second-price: the table entries land at the right profile indices", () => {
    const inst = parseInstance(readFileSync(`${EX}/second-price-auction.json`, "utf8"));
    // profile "3,2" is index 2·3 + 1 = 7: b1 wins and pays 2; b2 (value 2) values to-b2 at 2 there
    const m = inst.mechanism!;
    if (m.kind !== "direct") throw new Error("direct expected");
    expect(m.allocation[7]!.map(qstr)).toEqual(["0", "1", "0"]);
    expect(m.payments[7]!.map(qstr)).toEqual(["2", "0"]);
    expect(inst.environment.valuation[1]![7]!.map(qstr)).toEqual(["0", "0", "2"]);
    expect(inst.environment.valuation[0]![7]!.map(qstr)).toEqual(["0", "3", "0"]);
  });
  it("malformed.json: every problem, each with its path and value", () => {
    try {
      parseInstance(readFileSync(`${EX}/malformed.json`, "utf8"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issues = (e as ValidationError).issues;
      expect(issues.map((i) => [i.code, i.path, i.value])).toEqual([
        ["bad-label", "environment.decisions[1]", "no trade,"],
        ["duplicate-label", 'environment.types["seller"][1]', "lo"],
      ]);
    }
  });
});

describe("field-precise errors", () => {
  const base = () => JSON.parse(readFileSync(`${EX}/bilateral-trade.json`, "utf8"));
  const issuesOf = (x: unknown) => {
    try {
      parseInstance(x);
    } catch (e) {
      expect(e).toBeInstanceOf(MechcheckError);
      return e instanceof ValidationError ? e.issues.map((i) => ({ code: i.code, path: i.path, value: i.value, message: i.message })) : [{ code: (e as MechcheckError).code, path: (e as MechcheckError).path, value: undefined, message: (e as Error).message }];
    }
    throw new Error("expected an error");
  };
  it("negative prior weight and a prior not summing to 1", () => {
    const x = base();
    x.beliefs.commonPrior["1,2"] = "-1/3";
    const is = issuesOf(x);
    expect(is[0]).toMatchObject({ code: "negative-probability", path: 'beliefs.commonPrior["1,2"]', value: "-1/3" });
    expect(is[0]!.message).toBe("weight -1/3 is negative");
  });
  it("a lottery summing to 5/6, an unknown decision, an unknown profile, a float — all collected", () => {
    const x = base();
    x.mechanism.allocation["1,2"] = { trade: "1/2", "no-trade": "1/3" };
    x.mechanism.allocation["1,4"] = "swap";
    x.mechanism.payments["9,9"] = { buyer: 1 };
    x.mechanism.payments["1,2"].buyer = 0.1;
    const is = issuesOf(x);
    expect(is.map((i) => [i.code, i.path])).toEqual([
      ["not-a-distribution", 'mechanism.allocation["1,2"]'],
      ["unknown-label", 'mechanism.allocation["1,4"]'],
      ["unknown-profile", 'mechanism.payments["9,9"]'],
    ]);
    expect(is[0]!.value).toBe("5/6");
    // once the unknown profile is gone, the float is reported
    delete x.mechanism.payments["9,9"];
    x.mechanism.allocation["1,2"] = "trade";
    x.mechanism.allocation["1,4"] = "trade";
    expect(issuesOf(x)).toEqual([expect.objectContaining({ code: "float-not-exact", path: 'mechanism.payments["1,2"]["buyer"]', value: 0.1 })]);
  });
  it("a missing valuation row, an unknown agent, a wrong version, bad JSON", () => {
    const x = base();
    delete x.environment.valuation.seller["3"];
    x.environment.reservation = { nobody: { "1": 0 } };
    const is = issuesOf(x);
    expect(is.map((i) => i.code)).toEqual(["unknown-label", "missing-entry"]);
    expect(is[1]).toMatchObject({ path: 'environment.valuation["seller"]', value: ["3"] });
    expect(is.find((i) => i.code === "unknown-label")!.path).toBe('environment.reservation["nobody"]');
    expect(issuesOf({ ...base(), mechcheck: 2 })[0]).toMatchObject({ code: "unsupported-version", path: "mechcheck", value: 2 });
    expect(issuesOf("{ not json")[0]!.code).toBe("invalid-json"); // the exact JSON reader's code, as for LP models
    expect(issuesOf({ ...base(), extra: 1 })[0]).toMatchObject({ code: "unknown-field", path: '(instance)["extra"]' });
  });
  it("a full-profile valuation with a typo and whitespace-tolerant keys", () => {
    const x = base();
    x.environment.valuation.buyer = { "1, 2": { trade: 2 }, "1,4": { trade: 4 }, "3,2": { trade: 2 }, "3,4": { trade: 4 } };
    expect(parseInstance(x).environment.valuation[1]!.map((r) => r.map(qstr))).toEqual([["0", "2"], ["0", "4"], ["0", "2"], ["0", "4"]]);
    x.environment.valuation.buyer["3,5"] = { trade: 1 };
    expect(issuesOf(x)[0]).toMatchObject({ code: "unknown-profile", path: 'environment.valuation["buyer"]["3,5"]' });
  });
  it("type space: beliefs derived from a prior, and a zero-probability type refused", () => {
    const x = base();
    x.mechanism = { kind: "indirect", actions: { seller: ["ask"], buyer: ["bid", "pass"] }, outcome: { "ask,bid": "trade", "ask,pass": "no-trade" }, payments: { "ask,bid": { seller: -2, buyer: 2 } } };
    x.typeSpace = { types: { seller: ["s"], buyer: ["b1", "b2"] }, prior: { "s,b1|1,2": "1/2", "s,b2|3,4": "1/2" } };
    x.strategy = { seller: { s: "ask" }, buyer: { b1: "bid", b2: { bid: "1/2", pass: "1/2" } } };
    const inst = parseInstance(x);
    // buyer type b1 believes (seller s, state "1,2") with probability 1: index 0·4 + 0
    expect(inst.typeSpace!.beliefs[1]![0]!.map(qstr)).toEqual(["1", "0", "0", "0"]);
    expect(inst.strategy![1]![1]!.map(qstr)).toEqual(["1/2", "1/2"]);
    x.typeSpace.prior = { "s,b1|1,2": 1 };
    expect(issuesOf(x)[0]).toMatchObject({ code: "zero-probability-type", value: "b2" });
  });
});
