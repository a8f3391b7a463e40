/**
 * Saving a run's counterexample from the CLI, where a store that cannot be written (read-only,
 * full disk, a file in the way) is a warning on the run, never its end: the results already
 * computed are printed whatever happens here.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { recordName, scanCounterexamples, saveCounterexample, displayPath, type CounterexampleRecord } from "../store/counterexamples.ts";
import { ensureCacheIgnored } from "../store/project.ts";
import type { TheoremRun } from "../catalogue/types.ts";
import { TOOL_VERSION } from "../version.ts";

function fsReason(e: unknown): string {
  const ex = e as NodeJS.ErrnoException;
  const why: Record<string, string> = { EACCES: "permission denied", EPERM: "operation not permitted", ENOSPC: "no space left on the device", EROFS: "read-only file system", ENOTDIR: "a file is in the way of the store's folders", EDQUOT: "disk quota exceeded", EIO: "input/output error" };
  if (ex?.code && why[ex.code]) return `${ex.code}: ${why[ex.code]}`;
  return e instanceof Error ? e.message.split("\n")[0]! : String(e);
}

/**
 * Save `run`'s counterexample under `root` (the cache: the curated store is only read); the run comes
 * back with `counterexample.file` set, or a warning. With `curated`, a case the curated store already
 * holds is not saved again: `file` names the curated copy.
 */
export function saveRunCounterexample<R extends TheoremRun>(run: R, root: string, origin: string, curated?: string, conjecture?: { readonly params: Readonly<Record<string, number>>; readonly file: string }): { run: R; warning?: string } {
  const c = run.counterexample;
  if (!c) return { run };
  const params = conjecture && Object.keys(conjecture.params).length > 0 ? { params: conjecture.params } : {};
  if (curated !== undefined) {
    const known = join(curated, run.id, `${recordName({ instance: c.instance, ...params })}.json`);
    if (existsSync(known)) return { run: { ...run, counterexample: { ...c, file: displayPath(known) } } };
  }
  const rec: CounterexampleRecord = {
    format: 1,
    theorem: run.id,
    kind: run.kind,
    expect: "fails",
    instance: c.instance,
    violation: c.violation,
    message: c.message,
    seed: c.seed,
    path: c.path,
    origin,
    toolVersion: TOOL_VERSION,
    ...params,
    ...(conjecture ? { conjectureFile: conjecture.file } : {}),
  };
  try {
    ensureCacheIgnored(root);
    const saved = saveCounterexample(root, rec);
    return { run: { ...run, counterexample: { ...c, file: displayPath(saved.file) } } };
  } catch (e) {
    return { run, warning: `${run.id}: the counterexample was NOT saved to ${displayPath(root)} (${fsReason(e)}); it is printed above — replay it with { seed: ${c.seed}, path: "${c.path}" }` };
  }
}

/** One warning per unreadable or corrupt file in the store folders of `ids` (the rest were replayed). */
export function storeWarnings(root: string, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) for (const p of scanCounterexamples(root, id).problems) out.push(`${displayPath(p.file)}: ${p.message} (skipped; the other saved cases were replayed)`);
  return out;
}
