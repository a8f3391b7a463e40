/**
 * `mechcheck shrink <counterexample.json> [--write]`: shrink a saved case again, by value
 * (src/theorem/reshrink.ts), and print its size before and after and the new message. With
 * --write the smaller case is saved as a NEW file next to the old one (content-named, never
 * overwriting); the old file stays until you delete it (counterexamples/README.md, pruning).
 */
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { InternalError, isMechcheckError, MechcheckError } from "../../errors.ts";
import { parseInstance } from "../../instance/index.ts";
import { displayPath, parseRecord, saveCounterexample, type CounterexampleRecord } from "../../store/counterexamples.ts";
import { formatSize, instanceSize, reshrink } from "../../theorem/reshrink.ts";
import { TOOL_VERSION } from "../../version.ts";
import { findTheorem } from "../../catalogue/index.ts";
import type { Theorem } from "../../catalogue/types.ts";
import { findConjectureFile, loadConjecture } from "../loadConjecture.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

/**
 * A saved conjecture case: its conjecture, loaded from the file the record names (run as code, as
 * under `mechcheck conjecture`), at the record's parameter values; null if the record names none.
 */
async function conjectureTheorem(file: string, rec: CounterexampleRecord): Promise<Theorem | null> {
  if (rec.conjectureFile === undefined) return null;
  const src = findConjectureFile(file, rec.conjectureFile);
  if (src === null) throw new MechcheckError("file-not-found", `shrink: ${displayPath(file)} is a case of the conjecture ${JSON.stringify(rec.theorem)} in ${rec.conjectureFile} (from its project root), which was not found near the record nor in the current folder; run shrink from that project`, { path: "conjectureFile", value: rec.conjectureFile });
  const c = await loadConjecture(src, rec.theorem);
  return c.at(rec.params ?? {}).theorem;
}

export async function shrinkCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("shrink", args);
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new MechcheckError("file-not-found", `shrink: cannot read ${JSON.stringify(file)}`, { path: "file", value: file });
  }
  const rec = parseRecord(text, file);
  const thm = findTheorem(rec.theorem) ?? (await conjectureTheorem(file, rec));
  if (!thm) throw new MechcheckError("unknown-theorem", `shrink: ${file}: theorem ${JSON.stringify(rec.theorem)} is not in the catalogue (and the record names no conjecture file)`, { path: "theorem", value: rec.theorem });
  // A record saved before its theorem was edited may no longer decode or check: say so, one line.
  const stale = (what: string, e: unknown) =>
    new MechcheckError("stale-record", `shrink: ${displayPath(file)}: the saved case of ${thm.id} ${what} (${isMechcheckError(e) ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e)}); was the theorem edited since it was saved? \`mechcheck replay\` shows every such file`, { path: "instance", value: displayPath(file), cause: e });
  const guard = <R>(what: string, f: () => R): R => {
    try {
      return f();
    } catch (e) {
      throw stale(what, e);
    }
  };
  const x = guard("no longer decodes", () => thm.codec.decode(rec.instance));
  const enc = guard("no longer encodes", () => thm.codec.encode(x)) as Record<string, unknown>;
  if (typeof enc !== "object" || enc === null || !("environment" in enc)) {
    io.out(`${displayPath(file)}: the case of ${thm.id} is not an instance; nothing to shrink.`);
    return 0;
  }
  const before = guard("makes the check throw", () => thm.check(x));
  if (before.ok) {
    io.out(`${displayPath(file)}: the case passes ${thm.id} (expect: ${rec.expect}); nothing to shrink.`);
    return 0;
  }
  const sizeOf = (v: unknown) => {
    const j = thm.codec.encode(v as never) as Record<string, unknown>;
    const { environment, beliefs, mechanism } = j;
    return formatSize(instanceSize(parseInstance({ mechcheck: 1, environment, ...(beliefs ? { beliefs } : {}), ...(mechanism ? { mechanism } : {}) })));
  };
  const maxSteps = typeof flags["max-steps"] === "number" ? (flags["max-steps"] as number) : undefined;
  const { value, steps } = guard("makes the check throw while shrinking", () => reshrink(thm, x, maxSteps !== undefined ? { maxSteps } : {}));
  io.out(`${thm.id}: ${displayPath(file)}`);
  io.out(`  before: ${guard("is not a valid instance", () => sizeOf(x))}`);
  io.out(`  after:  ${guard("shrinks to an invalid instance", () => sizeOf(value))} (${steps} step${steps === 1 ? "" : "s"})`);
  if (steps === 0) {
    io.out("  already minimal for this shrinker; nothing written.");
    return 0;
  }
  const after = guard("makes the check throw", () => thm.check(value));
  if (after.ok) throw new InternalError("reshrink returned a passing case (bug)");
  io.out(`  message: ${after.message}`);
  if (!flags.write) {
    io.out("  (run with --write to save it as a new file)");
    return 0;
  }
  const out: CounterexampleRecord = {
    format: rec.format,
    theorem: rec.theorem,
    kind: rec.kind,
    expect: rec.expect,
    instance: thm.codec.encode(value),
    violation: after.violation,
    message: after.message,
    seed: null,
    path: null,
    origin: `mechcheck shrink ${displayPath(file)}`,
    toolVersion: TOOL_VERSION,
    ...(rec.params !== undefined ? { params: rec.params } : {}),
    ...(rec.conjectureFile !== undefined ? { conjectureFile: rec.conjectureFile } : {}),
  };
  // <root>/<theorem id>/<file>: save beside it; a file elsewhere gets <its folder>/<theorem id>/
  const root = basename(dirname(file)) === rec.theorem ? dirname(dirname(file)) : dirname(file);
  const saved = saveCounterexample(root, out);
  io.out(`  ${saved.created ? "wrote" : "already saved as"} ${displayPath(saved.file)}; the old file ${displayPath(file)} stays (delete it yourself if the new one replaces it).`);
  return 0;
}
