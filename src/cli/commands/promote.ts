/**
 * `mechcheck promote <file.json> [--to DIR]`: move one counterexample from the cache
 * (`.mechcheck/counterexamples/`, where `check` and `conjecture` save new finds) into a curated store
 * (default: `counterexamples/` of the file's project — the nearest folder with a package.json), which
 * is committed and replayed first. The record is validated first; the curated file is created
 * exclusively (an existing file is never replaced) and only then is the cached copy removed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { MechcheckError } from "../../errors.ts";
import { writeFileExclusive } from "../../store/atomic.ts";
import { displayPath, parseRecord } from "../../store/counterexamples.ts";
import { projectStoreRoot } from "../../store/project.ts";
import { parseArgs } from "../args.ts";
import type { CommandIO } from "../io.ts";

export async function promoteCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseArgs("promote", args, { to: "string" }, { min: 1, max: 1, usage: "<counterexample.json> [--to DIR]" });
  const given = positionals[0]!;
  const file = resolve(given);
  if (!existsSync(file)) throw new MechcheckError("file-not-found", `promote: no file ${JSON.stringify(given)}`, { path: "file", value: given });
  if (!statSync(file).isFile()) throw new MechcheckError("usage", `promote: ${JSON.stringify(given)} is not a file; give one saved counterexample (.json)`, { path: "file", value: given });
  const text = readFileSync(file, "utf8");
  const record = parseRecord(text, given);
  const root = resolve((flags.to as string | undefined) ?? projectStoreRoot(dirname(file)));
  if (existsSync(root) && !statSync(root).isDirectory()) throw new MechcheckError("usage", `promote: --to ${JSON.stringify(flags.to)} is a file, not a directory`, { path: "--to", value: flags.to });
  const target = join(root, record.theorem, basename(file));
  if (target === file) throw new MechcheckError("usage", `promote: ${JSON.stringify(given)} is already in the curated store ${JSON.stringify(displayPath(root))}`, { path: "file", value: given });
  mkdirSync(dirname(target), { recursive: true });
  if (!writeFileExclusive(target, text)) {
    if (readFileSync(target, "utf8") !== text) {
      throw new MechcheckError("unwritable-file", `promote: ${JSON.stringify(displayPath(target))} exists with other content; it is kept, and ${JSON.stringify(given)} too`, { path: "target", value: displayPath(target) });
    }
    rmSync(file);
    io.out(`${displayPath(target)}: already curated (same content); removed ${displayPath(file)} from the cache`);
    return 0;
  }
  rmSync(file);
  io.out(`promoted ${displayPath(file)} → ${displayPath(target)} (${record.theorem}, expect ${record.expect}); commit it to keep it`);
  return 0;
}
