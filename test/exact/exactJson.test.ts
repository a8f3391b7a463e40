/**
 * The exact JSON reader for every input file (issue 9, item 2): saved records and files, and the
 * O(1) profile-index arithmetic the concepts use (checked against the O(n) definitions).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MechcheckError, isMechcheckError } from "../../src/errors.ts";
import { jsonToPlain, parseJsonExact, readInputFile } from "../../src/exact/exactJson.ts";
import { parseRecord, recordToJson, type CounterexampleRecord } from "../../src/store/counterexamples.ts";
import { entryAt, joinIndex, joinProfile, profileAt, profileCount, profileIndex, strides } from "../../src/model/profiles.ts";

function caught(f: () => unknown): MechcheckError {
  try {
    f();
  } catch (e) {
    if (isMechcheckError(e)) return e;
    throw new Error(`expected a MechcheckError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error("expected a MechcheckError, nothing was thrown");
}

const record = (instance: unknown): CounterexampleRecord => ({
  format: 1, theorem: "t", kind: "refutation", expect: "fails", instance, violation: null, message: "m", seed: 7, path: "0:1", origin: "test", toolVersion: "0",
});

describe("saved records are read by the exact reader", () => {
  it("a record round-trips (parse ∘ serialize is the identity)", () => {
    const rec = record({ x: "1/3", n: 2, list: [1, "0.5"], nested: { a: null, b: true } });
    expect(parseRecord(recordToJson(rec), "f.json")).toEqual(rec);
  });
  it("a duplicate key is refused with line and column (JSON.parse would keep the last value)", () => {
    const text = recordToJson(record({ x: "1" })).replace('"message": "m"', '"message": "m", "message": "other"');
    const e = caught(() => parseRecord(text, "f.json"));
    expect(e.code).toBe("bad-counterexample-file");
    expect(e.message).toMatch(/^f\.json: not valid JSON \(line \d+, column \d+: duplicate key "message"\)$/);
    expect(parseRecord(recordToJson(record({ x: "1" })), "f.json").message).toBe("m");
  });
  it("a non-integer or unsafe number is refused with its path (a float would change it); integers are kept", () => {
    for (const lit of ["0.99999999999999999", "1e-400", "9007199254740993", "1e1000000000"]) {
      const text = recordToJson(record({ v: 1 })).replace('"v": 1', `"v": ${lit}`);
      const e = caught(() => parseRecord(text, "f.json"));
      expect(e.code).toBe("bad-counterexample-file");
      expect(e.message).toMatch(/^f\.json: not exact \(instance\.v: the number /);
      expect(e.message.split("\n")).toHaveLength(1);
    }
    expect((parseRecord(recordToJson(record({ v: 9007199254740991 })), "f.json").instance as { v: number }).v).toBe(9007199254740991);
  });
  it("10^5-deep nesting is a one-line error", () => {
    const text = recordToJson(record({ v: 1 })).replace('"v": 1', `"v": ${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const e = caught(() => parseRecord(text, "f.json"));
    expect(e.message).toMatch(/nesting deeper than/);
    expect(e.message.split("\n")).toHaveLength(1);
  });
  it("a prototype-named key stays an own entry", () => {
    const rec = parseRecord(recordToJson(record({ constructor: "1", toString: "2" })).replace('"constructor"', '"__proto__"'), "f.json");
    const inst = rec.instance as Record<string, unknown>;
    expect(Object.keys(inst)).toEqual(["__proto__", "toString"]);
    expect(Object.getOwnPropertyDescriptor(inst, "__proto__")!.value).toBe("1");
    expect(Object.getPrototypeOf(inst)).toBe(Object.prototype);
  });
});

describe("jsonToPlain and readInputFile", () => {
  it("jsonToPlain agrees with JSON.parse on integer-only JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((v) => !JSON.stringify(v).match(/[.eE]\d|\d[eE]/)), (v) => {
        const text = JSON.stringify(v);
        expect(jsonToPlain(parseJsonExact(text))).toEqual(JSON.parse(text));
      }),
      { seed: 9, numRuns: 200 },
    );
  });
  it("a file above the size limit is refused before it is read, naming the limit and the flag", () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-json-"));
    const f = join(dir, "big.json");
    writeFileSync(f, " ".repeat(2000) + "{}");
    const e = caught(() => readInputFile(f, { maxBytes: 1000, flag: "--max-bytes" }));
    expect(e.code).toBe("too-large");
    expect(e.message).toBe(`${f}: 2,002 bytes > limit 1,000 bytes (raise it with --max-bytes N)`);
    expect(readInputFile(f, { maxBytes: 2002 })).toHaveLength(2002);
    expect(caught(() => readInputFile(dir)).code).toBe("unreadable-file");
    expect(caught(() => readInputFile(join(dir, "none.json"))).code).toBe("unreadable-file");
  });
});

describe("O(1) profile index arithmetic", () => {
  it("joinIndex and entryAt agree with the O(n) definitions (joinProfile, profileAt)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }), fc.nat(), (sizes, pick) => {
        const st = strides(sizes);
        const P = profileCount(sizes);
        const i = pick % sizes.length;
        const K = P / sizes[i]!;
        for (let own = 0; own < sizes[i]!; own++) {
          for (let o = 0; o < K; o++) expect(joinIndex(st[i]!, sizes[i]!, own, o)).toBe(profileIndex(sizes, joinProfile(sizes, i, own, o)));
        }
        for (let th = 0; th < P; th++) expect(entryAt(st[i]!, sizes[i]!, th)).toBe(profileAt(sizes, th)[i]);
      }),
      { seed: 11, numRuns: 200 },
    );
    // negative control: the arithmetic is not trivially index-preserving
    expect(joinIndex(strides([2, 3])[0]!, 2, 1, 0)).toBe(3);
  });
});
