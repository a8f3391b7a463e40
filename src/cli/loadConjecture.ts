/**
 * Loading a user's conjecture file in this process, for the commands that work on a saved
 * conjecture case (`shrink`): TypeScript through tsx, and `mechcheck` / `fast-check` resolved from
 * the running package where the file's folder does not provide them — the same hooks as the
 * conjecture worker (conjectureWorker.mjs, conjectureResolve.mjs). The file runs as code, with the
 * user's rights, as under `mechcheck conjecture`.
 *
 * A saved conjecture case names its file relative to the project root (`conjectureFile`);
 * `findConjectureFile` looks for it from the record's own location (a store `.mechcheck/
 * counterexamples/<id>/` or `counterexamples/<id>/` sits in the project root), then the project
 * holding the record, then the current folder.
 */
import { existsSync, statSync } from "node:fs";
import { register as registerHooks } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isMechcheckError, MechcheckError } from "../errors.ts";
import { findProjectRoot, CACHE_DIR } from "../store/project.ts";
import { isConjecture, type Conjecture } from "../theorem/conjecture.ts";

const FROM_SOURCE = import.meta.url.endsWith(".ts");
let hooked = false;

async function registerOnce(): Promise<void> {
  if (hooked) return;
  hooked = true;
  // From the sources, the CLI already runs under tsx (bin/mechcheck.mjs); the built CLI registers it here.
  if (!FROM_SOURCE) (await import("tsx/esm/api")).register();
  registerHooks(new URL("./conjectureResolve.mjs", import.meta.url), { data: { packageJson: new URL("../../package.json", import.meta.url).href, fromSource: FROM_SOURCE } });
}

/** Where a record's conjecture file may be: candidates in order (only existing files). */
export function findConjectureFile(recordFile: string, conjectureFile: string, cwd = process.cwd()): string | null {
  const rec = resolve(recordFile);
  const store = dirname(dirname(rec)); // <store>/<id>/<case>.json
  const roots = [basename(dirname(store)) === CACHE_DIR ? dirname(dirname(store)) : dirname(store), findProjectRoot(dirname(rec)), cwd];
  for (const r of roots) {
    const f = join(r, conjectureFile);
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

/** The conjecture `id` exported by `file` (loaded and run in this process). */
export async function loadConjecture(file: string, id: string): Promise<Conjecture<unknown>> {
  await registerOnce();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (e) {
    if (isMechcheckError(e)) throw e;
    throw new MechcheckError("conjecture-load-failed", `could not load ${file}: ${e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e)}`, { path: "file", value: file });
  }
  const found = Object.values(mod).filter(isConjecture);
  const c = found.find((x) => x.id === id);
  if (!c) throw new MechcheckError("no-conjecture", `${file} exports no conjecture ${JSON.stringify(id)} (it exports: ${[...new Set(found.map((x) => x.id))].join(", ") || "none"})`, { path: "file", value: file });
  return c;
}
