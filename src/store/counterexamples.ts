/**
 * The curated counterexample store: `counterexamples/<theorem id>/<name>.json`.
 *
 * Each file holds the case in semantic JSON (the theorem's codec: an instance, never generator
 * bytes, so it survives generator changes), the theorem id and kind, what replay must find
 * (`expect`: a refutation's case must still FAIL the naive statement; a theorem's saved case must
 * now HOLD — it pins a fixed bug), the violation, the fast-check seed and path, origin and tool
 * version. Files are written atomically and never overwritten with different content: a new case
 * gets a new name. The CLI only reads a curated store: new finds go to the cache
 * `.mechcheck/counterexamples/` (src/store/project.ts), and `mechcheck promote` curates one.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { MechcheckError, isMechcheckError } from "../errors.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { jsonToPlain, parseJsonExact } from "../exact/exactJson.ts";
import { cleanStaleTemps, TEMP_PREFIX, writeFileExclusive } from "./atomic.ts";

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
  /** A conjecture's case: the parameter values it was found at (absent: no parameters). */
  readonly params?: Readonly<Record<string, number>>;
  /** A conjecture's case: its file, relative to the conjecture's project root (shrink loads it from there). */
  readonly conjectureFile?: string;
}

/** Stable JSON: keys in insertion order as built here; 2-space indent; trailing newline. */
export function recordToJson(rec: CounterexampleRecord): string {
  return toExactJsonText(rec) + "\n";
}

/** The content name of a case: a short hash of its instance (same case ⇒ same file). */
export function caseName(instance: unknown): string {
  return "case-" + createHash("sha256").update(toExactJsonText(instance, 0)).digest("hex").slice(0, 12);
}

/** The file name of a record: its case's content name, with the parameter values when it has some. */
export function recordName(rec: Pick<CounterexampleRecord, "instance" | "params">): string {
  return rec.params !== undefined && Object.keys(rec.params).length > 0 ? caseName({ instance: rec.instance, params: rec.params }) : caseName(rec.instance);
}

/**
 * Save a record under `<root>/<theorem>/`; returns the file path. The file is created exclusively
 * (link of a complete temporary file): if a file with the same case already exists — written
 * earlier or by a concurrent run — it is kept as it is (the user's copy is never replaced) and its
 * path is returned with `created: false`. File-system errors (a read-only store, a full disk) are
 * thrown as they are; callers decide whether they end the run (the CLI makes them a warning).
 */
export function saveCounterexample(root: string, rec: CounterexampleRecord): { file: string; created: boolean } {
  const dir = join(root, rec.theorem);
  const name = recordName(rec);
  const file = join(dir, `${name}.json`);
  if (existsSync(file)) return { file, created: false };
  cleanStaleTemps(dir);
  const created = writeFileExclusive(file, recordToJson(rec));
  return { file, created };
}

export interface LoadedRecord {
  readonly file: string;
  readonly record: CounterexampleRecord;
}

/** A store entry that could not be read: which file, and why. */
export interface StoreProblem {
  readonly file: string;
  readonly message: string;
}

export interface StoreScan {
  readonly records: LoadedRecord[];
  readonly problems: StoreProblem[];
}

function errText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return "cannot be read (a dangling symbolic link, or it vanished)";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  if (code === "EISDIR") return "is a directory, not a record";
  if (code === "ELOOP") return "cannot be read (a symbolic link loop)";
  return e instanceof Error ? e.message : String(e);
}

/**
 * Read every saved record (optionally of one theorem), in a stable order. A file that cannot be
 * read or parsed does not stop the others: it is listed in `problems` (file and reason) and the
 * rest are returned. Stray temporaries of killed writers older than a minute are removed on the way.
 */
export function scanCounterexamples(root: string, theorem?: string): StoreScan {
  const records: LoadedRecord[] = [];
  const problems: StoreProblem[] = [];
  if (!existsSync(root)) return { records, problems };
  let ids: string[];
  if (theorem !== undefined) ids = [theorem];
  else {
    try {
      ids = readdirSync(root).sort();
    } catch (e) {
      problems.push({ file: root, message: errText(e) });
      return { records, problems };
    }
  }
  for (const id of ids) {
    const dir = join(root, id);
    if (theorem === undefined && (id.startsWith(TEMP_PREFIX) || id.startsWith("."))) continue;
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (e) {
      if (theorem !== undefined) continue; // no folder for this theorem: nothing saved
      problems.push({ file: dir, message: errText(e) });
      continue;
    }
    if (!isDir) continue; // a README or other file at the top level
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, message: errText(e) });
      continue;
    }
    cleanStaleTemps(dir);
    for (const f of names) {
      if (!f.endsWith(".json") || f.startsWith(TEMP_PREFIX)) continue;
      const file = join(dir, f);
      try {
        records.push({ file, record: parseRecord(readFileSync(file, "utf8"), file, id) });
      } catch (e) {
        const m = errText(e);
        problems.push({ file, message: m.startsWith(file + ": ") ? m.slice(file.length + 2) : m });
      }
    }
  }
  return { records, problems };
}

/**
 * Load every readable saved record (optionally for one theorem), in a stable order. Unreadable or
 * corrupt files are skipped here (use `scanCounterexamples` to see them: the CLI reports them).
 */
export function loadCounterexamples(root: string, theorem?: string): LoadedRecord[] {
  return scanCounterexamples(root, theorem).records;
}

/**
 * Read a saved record with the exact JSON reader (src/exact/exactJson.ts): duplicate keys,
 * nesting deeper than 256 and numbers that a float would change (non-integers, beyond 2^53) are
 * refused with line/column or the field path — a record holds exact numbers as strings ("p/q").
 */
export function parseRecord(text: string, file: string, dirId?: string): CounterexampleRecord {
  let json: unknown;
  try {
    json = jsonToPlain(parseJsonExact(text, file), file);
  } catch (e) {
    if (!isMechcheckError(e)) throw e;
    const detail = (e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message).replace(/^invalid JSON at /, "");
    throw new MechcheckError("bad-counterexample-file", `${file}: ${e.code === "float-not-exact" ? "not exact" : "not valid JSON"} (${detail})`, { path: file, value: e.value, cause: e });
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
