/**
 * Fuzz of the instance parser: valid instances (random, exact) mutated at a random place in their
 * JSON — a field deleted, a value replaced by garbage, a label renamed or duplicated, the text cut.
 * Every input either parses (the mutation kept it valid) or is refused with a MechcheckError naming
 * the field path; nothing else is thrown. MECHCHECK_FUZZ sets the count (default 2,000 in CI;
 * bench/RESULTS.md records a 10,000 run).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMechcheckError } from "../../src/errors.ts";
import { instanceToJson, parseInstance } from "../../src/instance/index.ts";
import { randomInstance } from "./randomInstance.ts";
import { hostileCase, judge, KINDS } from "./hostileInputs.ts";

const COUNT = Number(process.env.MECHCHECK_FUZZ ?? 2000);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const garbage: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>("abc", "-1/3", "1/0", "NaN", "1e99999", "", " ", "0.1.2", "3/7", "-0", "Infinity", "1,2", "a|b"),
  fc.constantFrom<Json>(null, true, false, 0.1, -1, 1e308, 2 ** 60, [], {}, [[[[]]]], { x: 1 }),
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -5, max: 5 }),
);

/** All paths to values in a JSON tree. */
function paths(x: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(x)) x.forEach((v, k) => out.push(...paths(v, [...prefix, k])));
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function getParent(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let cur: Json = root;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string, Json>)[k as string]!;
  return { parent: cur, key: path[path.length - 1]! };
}

function mutate(root: Json, kind: number, pick: number, bad: Json, word: string): string {
  const ps = paths(root);
  const at = getParent(root, ps[pick % ps.length]!);
  switch (kind) {
    case 0: // delete a field / array entry
      if (at && Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else if (at) delete (at.parent as Record<string, Json>)[at.key as string];
      break;
    case 1: // replace a value by garbage
      if (at) (at.parent as Record<string, Json>)[at.key as string] = bad;
      else return JSON.stringify(bad);
      break;
    case 2: // rename a key (an unknown label or field)
      if (at && !Array.isArray(at.parent) && at.parent && typeof at.parent === "object") {
        const o = at.parent as Record<string, Json>;
        o[`${String(at.key)}${word}`] = o[at.key as string]!;
        delete o[at.key as string];
      }
      break;
    case 3: // duplicate an array entry (duplicate labels, extra rows)
      if (at && Array.isArray(at.parent)) at.parent.push(at.parent[at.key as number]!);
      break;
    case 4: // cut the text
      return JSON.stringify(root).slice(0, pick % Math.max(1, JSON.stringify(root).length));
    case 5: // wrap a value in an array
      if (at) (at.parent as Record<string, Json>)[at.key as string] = [(at.parent as Record<string, Json>)[at.key as string]!];
      break;
  }
  return JSON.stringify(root);
}

describe("instance parser fuzz", () => {
  it(`${COUNT} mutated instances: each parses or is refused with a field-precise MechcheckError`, () => {
    let refused = 0;
    let accepted = 0;
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 5 }), fc.nat(), garbage, fc.string({ minLength: 1, maxLength: 4 }), (seed, kind, pick, bad, word) => {
        const json = JSON.parse(JSON.stringify(instanceToJson(randomInstance(seed)))) as Json;
        const text = mutate(json, kind, pick, bad, word);
        try {
          parseInstance(text);
          accepted++;
        } catch (e) {
          expect(isMechcheckError(e), `not a MechcheckError: ${String(e)}\ninput: ${text}`).toBe(true);
          if (!isMechcheckError(e)) return;
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message, text).not.toMatch(/\n\s+at /);
          // The field path, or for collected problems each problem's path, is named.
          const issues = (e as { issues?: { path: string }[] }).issues;
          if (issues) for (const is of issues) expect(typeof is.path).toBe("string");
          else expect(e.path, `no field path: ${e.message}`).toMatch(/\S/);
          codes.add(e.code);
          refused++;
        }
      }),
      { seed: 4242, numRuns: COUNT },
    );
    expect(refused + accepted).toBe(COUNT);
    // Most mutations break an instance; several kinds of refusal are reached.
    expect(refused).toBeGreaterThan(COUNT / 2);
    expect(codes.size).toBeGreaterThanOrEqual(2);
    console.log(`instance fuzz: ${COUNT} inputs, ${refused} refused with a field-precise error, ${accepted} still valid; codes: ${[...codes].sort().join(", ")}`);
  });
});

describe("hostile instance fuzz (issue 9): oracles computed independently of the parser", () => {
  const HOSTILE = Number(process.env.MECHCHECK_HOSTILE ?? 300); // bench/hostile.ts runs 6,000 and times them
  it(`${HOSTILE} generated hostile files: each parses to the expected value or is refused with the expected code`, () => {
    const byKind = new Map<string, { parsed: number; refused: number }>();
    const bad: string[] = [];
    for (let seed = 0; seed < HOSTILE; seed++) {
      const c = hostileCase(seed);
      const j = judge(c);
      const k = byKind.get(j.kind) ?? { parsed: 0, refused: 0 };
      k[j.outcome]++;
      byKind.set(j.kind, k);
      if (!j.ok) bad.push(`seed ${seed} (${c.kind}, ${c.note}): ${j.problem}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    // every kind was generated, and the refusing kinds were refused at least once and accepted at least once where both can happen
    for (const kind of KINDS) expect(byKind.get(kind), kind).toBeDefined();
    expect(byKind.get("duplicate-keys")!.parsed).toBe(0);
    for (const kind of ["deep-nesting", "explosive-sizes", "huge-exponents"]) expect(byKind.get(kind)!.refused, kind).toBeGreaterThan(0);
    for (const kind of ["explosive-sizes", "huge-exponents", "prototype-labels", "rounding-decimals"]) expect(byKind.get(kind)!.parsed, kind).toBeGreaterThan(0);
    console.log(`hostile instance fuzz: ${HOSTILE} inputs; ${[...byKind].map(([k, v]) => `${k} ${v.parsed} parsed/${v.refused} refused`).join(", ")}`);
  });
  it("the oracles can say no: a parser that rounds decimals, keeps duplicate keys or ignores the size limit fails them", () => {
    // negative controls: feed each oracle the answer of the old reader (JSON.parse, no guard)
    const c = [...Array(60).keys()].map(hostileCase);
    const rounding = c.find((x) => x.kind === "rounding-decimals" && x.expect.accept && x.expect.check)!;
    const lossy = parseInstance(JSON.parse(rounding.text.replace(/(-?\d+(?:\.\d+)?e-?\d+|-?\d+\.\d+)(?=[,\n }])/g, (m) => String(Number(m)).includes("e") || String(Number(m)).includes(".") ? `"${Number(m).toString()}"` : m)));
    expect(rounding.expect.accept && rounding.expect.check!(lossy)).toMatch(/was not read as/);
    const dup = c.find((x) => x.kind === "duplicate-keys")!;
    expect(judge({ ...dup, expect: { accept: true } }).ok).toBe(false);
    expect(judge({ ...dup, text: JSON.stringify(JSON.parse(dup.text)) }).ok).toBe(false); // JSON.parse drops the duplicate: the oracle notices it parsed
  });
});
