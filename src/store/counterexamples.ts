/**
 * The curated counterexample store: `counterexamples/<theorem id>/<name>.json`.
 *
 * Each file holds the case in semantic JSON (the theorem's codec: an instance, never generator
 * bytes, so it survives generator changes), the theorem id and kind, what replay must find
 * (`expect`: a refutation's case must still FAIL the naive statement; a theorem's saved case must
 * now HOLD — it pins a fixed bug), the violation, the fast-check seed and path, origin and tool
 * version. Files are written atomically and never overwritten with different content: a new case
 * gets a new name. Throwaway failures of theorems (not curated) go to `.mechcheck-cache/` instead.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { MechcheckError } from "../errors.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { TEMP_PREFIX, writeFileAtomic } from "./atomic.ts";

export const STORE_FORMAT = 1;

export interface CounterexampleRecord {
  readonly format: number;
  readonly theorem: string;
  readonly kind: "theorem" | "refutation" | "example";
  readonly expect: "fails" | "holds";
  readonly instance: unknown;
  readonly violation: unknown;
  readonly message: string;
  readonly seed: number | null;
  readonly path: string | null;
  readonly origin: string;
  readonly toolVersion: string;
}

/** Stable JSON: keys in insertion order as built here; 2-space indent; trailing newline. */
export function recordToJson(rec: CounterexampleRecord): string {
  return toExactJsonText(rec) + "\n";
}

/** The content name of a case: a short hash of its instance (same case ⇒ same file). */
export function caseName(instance: unknown): string {
  return "case-" + createHash("sha256").update(toExactJsonText(instance, 0)).digest("hex").slice(0, 12);
}

/**
 * Save a record under `<root>/<theorem>/`; returns the file path. If a file with the same case
 * already exists it is kept as it is (the user's copy is never replaced); the path is returned.
 */
export function saveCounterexample(root: string, rec: CounterexampleRecord): { file: string; created: boolean } {
  const dir = join(root, rec.theorem);
  const name = caseName(rec.instance);
  const file = join(dir, `${name}.json`);
  if (existsSync(file)) {
    return { file, created: false };
  }
  writeFileAtomic(file, recordToJson(rec));
  return { file, created: true };
}

export interface LoadedRecord {
  readonly file: string;
  readonly record: CounterexampleRecord;
}

/** Load every saved record (optionally for one theorem), in a stable order. */
export function loadCounterexamples(root: string, theorem?: string): LoadedRecord[] {
  if (!existsSync(root)) return [];
  const ids = theorem !== undefined ? [theorem] : readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
  const out: LoadedRecord[] = [];
  for (const id of ids) {
    const dir = join(root, id);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith(".json") || f.startsWith(TEMP_PREFIX)) continue;
      const file = join(dir, f);
      out.push({ file, record: parseRecord(readFileSync(file, "utf8"), file, id) });
    }
  }
  return out;
}

export function parseRecord(text: string, file: string, dirId?: string): CounterexampleRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MechcheckError("bad-counterexample-file", `${file}: not valid JSON (${(e as Error).message})`, { path: file });
  }
  const r = json as Record<string, unknown>;
  const need = (field: string, ok: boolean, want: string) => {
    if (!ok) throw new MechcheckError("bad-counterexample-file", `${file}: field "${field}" should be ${want}, found ${JSON.stringify(r?.[field])}`, { path: `${file}:${field}`, value: r?.[field] });
  };
  need("(root)", typeof r === "object" && r !== null && !Array.isArray(r), "an object");
  need("format", r.format === STORE_FORMAT, `${STORE_FORMAT}`);
  need("theorem", typeof r.theorem === "string" && r.theorem.length > 0, "a theorem id");
  if (dirId !== undefined) need("theorem", r.theorem === dirId, `the folder's id "${dirId}"`);
  need("kind", r.kind === "theorem" || r.kind === "refutation" || r.kind === "example", `"theorem", "refutation" or "example"`);
  need("expect", r.expect === "fails" || r.expect === "holds", `"fails" or "holds"`);
  need("instance", r.instance !== undefined, "present");
  need("message", typeof r.message === "string", "a string");
  return r as unknown as CounterexampleRecord;
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") ? file : rel;
}
