/**
 * The architecture, enforced: src/ is self-contained, its folders form layers (docs/architecture.md),
 * each file imports only from its own layer or those below, the import graph has no cycle, and
 * every catalogue id has a file named after it holding its record, with no registry file importing
 * another.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYERS, layerOf } from "../../scripts/layers.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

const ROOT = normalize(new URL("../../", import.meta.url).pathname);
const SRC = join(ROOT, "src");

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (f.endsWith(".ts")) out.push(p);
  }
  return out;
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']*)\1/g;

/** Relative imports of a file, resolved to repo-relative paths (type-only imports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => relative(ROOT, normalize(join(dirname(file), m[2]!))));
}

const FILES = tsFiles(SRC).map((f) => relative(ROOT, f));
const GRAPH = new Map(FILES.map((f) => [f, importsOf(join(ROOT, f))]));

describe("architecture (docs/architecture.md)", () => {
  it("src/ imports nothing outside src/", () => {
    const outside = [...GRAPH].flatMap(([f, deps]) => deps.filter((d) => !d.startsWith("src/")).map((d) => `${f} → ${d}`));
    expect(outside).toEqual([]);
  });

  it("every file of src/ belongs to a layer", () => {
    expect(FILES.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it("each file imports only from its own layer or the layers below", () => {
    const upward = [...GRAPH].flatMap(([f, deps]) =>
      deps.filter((d) => d.startsWith("src/") && layerOf(d)! > layerOf(f)!).map((d) => `${f} (${LAYERS[layerOf(f)!]!.name}) → ${d} (${LAYERS[layerOf(d)!]!.name})`),
    );
    expect(upward).toEqual([]);
  });

  it("the import graph of src/ has no cycle", () => {
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) {
        cycles.push([...stack.slice(stack.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, 1);
      for (const d of GRAPH.get(f) ?? []) visit(d, [...stack, f]);
      state.set(f, 2);
    };
    for (const f of FILES) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("the cycle check finds a cycle when there is one (negative control)", () => {
    const g = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]);
    const state = new Map<string, 1 | 2>();
    let found = false;
    const visit = (f: string) => {
      if (state.get(f) === 1) { found = true; return; }
      if (state.get(f) === 2) return;
      state.set(f, 1);
      for (const d of g.get(f) ?? []) visit(d);
      state.set(f, 2);
    };
    visit("a");
    expect(found).toBe(true);
  });

  it("every catalogue id has a file src/catalogue/<id>.ts exporting its record, and no registry file imports another", () => {
    for (const t of THEOREMS) {
      const file = `src/catalogue/${t.id}.ts`;
      expect(FILES, t.id).toContain(file);
    }
    const ids = new Set(THEOREMS.map((t) => `src/catalogue/${t.id}.ts`));
    const cross = [...GRAPH].flatMap(([f, deps]) => (ids.has(f) ? deps.filter((d) => ids.has(d)).map((d) => `${f} → ${d}`) : []));
    expect(cross).toEqual([]);
  });
});
