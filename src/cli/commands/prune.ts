/**
 * `mechcheck prune [--store DIR] [--all] [--dry-run] [--json]`: clean the cache of new counterexamples
 * (`.mechcheck/counterexamples/` of the current project, or --store). Removed: files that cannot be
 * read, cases the curated store already holds (same content name), and cases of catalogue theorems
 * that no longer reproduce (their replay fails: the failure is gone). Kept: the rest, including
 * conjecture cases (their conjecture is a file the catalogue does not know). `--all` empties the
 * cache; `--dry-run` lists what would go. The curated store is never touched.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { MechcheckError } from "../../errors.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import { STORE_ROOT } from "../../paths.ts";
import { displayPath, scanCounterexamples } from "../../store/counterexamples.ts";
import { defaultCacheRoot, projectStoreRoot } from "../../store/project.ts";
import { replayRecord } from "../../theorem/runner.ts";
import { parseArgs } from "../args.ts";
import type { CommandIO } from "../io.ts";
import { table } from "../report.ts";

export async function pruneCommand(args: string[], io: CommandIO): Promise<number> {
  const { flags } = parseArgs("prune", args, { store: "string", all: "boolean", "dry-run": "boolean", json: "boolean" }, { max: 0, usage: "[--store DIR] [--all] [--dry-run] [--json]" });
  const root = (flags.store as string | undefined) ?? defaultCacheRoot();
  const dry = flags["dry-run"] === true;
  if (existsSync(root) && !statSync(root).isDirectory()) throw new MechcheckError("usage", `prune: --store ${JSON.stringify(root)} is a file, not a directory`, { path: "--store", value: root });
  const curated = [...new Set([projectStoreRoot(), STORE_ROOT])];
  if (curated.some((c) => c === root)) throw new MechcheckError("usage", `prune: ${JSON.stringify(displayPath(root))} is a curated store, not the cache; prune never touches it`, { path: "--store", value: root });
  const rows: { file: string; action: "removed" | "kept"; reason: string }[] = [];
  const scan = scanCounterexamples(root);
  const remove = (file: string, reason: string) => {
    if (!dry) rmSync(file, { recursive: true, force: true });
    rows.push({ file: displayPath(file), action: "removed", reason });
  };
  if (flags.all) {
    for (const { file } of scan.records) remove(file, "--all");
    for (const p of scan.problems) remove(p.file, "--all");
  } else {
    for (const p of scan.problems) remove(p.file, `unreadable: ${p.message}`);
    const all = scan.records.length > 0 ? (await import("../../catalogue/index.ts")).THEOREMS : [];
    if (scan.records.length > 0) await loadLpEngine();
    for (const { file, record } of scan.records) {
      const twin = curated.map((c) => join(c, record.theorem, basename(file))).find((f) => existsSync(f));
      if (twin) {
        remove(file, `the curated store holds it (${displayPath(twin)})`);
        continue;
      }
      const thm = all.find((t) => t.id === record.theorem);
      if (!thm) {
        rows.push({ file: displayPath(file), action: "kept", reason: "a conjecture's case (not in the catalogue)" });
        continue;
      }
      const r = replayRecord(thm, record, displayPath(file));
      if (r.ok) rows.push({ file: displayPath(file), action: "kept", reason: `still ${record.expect === "fails" ? "fails" : "holds"} as recorded` });
      else remove(file, `no longer reproduces: ${r.message ?? "replay differs"}`);
    }
  }
  const removed = rows.filter((r) => r.action === "removed").length;
  if (flags.json) io.out(toExactJsonText({ store: displayPath(root), dryRun: dry, removed, kept: rows.length - removed, files: rows }));
  else {
    if (rows.length > 0) io.out(table(["file", "action", "reason"], rows.map((r) => [r.file, dry && r.action === "removed" ? "would remove" : r.action, r.reason])));
    io.out(`${dry ? "dry run: would remove" : "removed"} ${removed} of ${rows.length} cached file${rows.length === 1 ? "" : "s"} in ${displayPath(root)}`);
  }
  return 0;
}
