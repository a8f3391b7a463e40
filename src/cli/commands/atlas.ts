/**
 * `mechcheck atlas <family> [--max-k K] [--axioms a,b,…] [--format text|markdown|latex|html|json]
 *  [--shard i/n] [--out file] [--no-proofs]` and `mechcheck atlas --merge a.json b.json … [--format …]`
 *
 * The impossibility atlas (src/design/atlas.ts): every subset of the axioms on every domain of a
 * family (trade, public-good, auction, partnership), the minimal infeasible subsets with verified
 * Farkas certificates, the maximal feasible ones with re-checked mechanisms, and the threshold where
 * each impossibility starts. `--shard i/n` computes one share of the domains (write it with
 * `--format json --out shard-i.json`), `--merge` joins the shares and renders them.
 * Exit 0 when every certificate verified, 1 otherwise (a bug), 2 on bad input.
 */
import { writeFileSync } from "node:fs";
import { MechcheckError } from "../../errors.ts";
import { jsonToPlain, parseJsonExact, readInputFile } from "../../exact/exactJson.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import { parseAxioms } from "../../design/axioms.ts";
import { atlas, mergeAtlas, parseShard, type AtlasResult } from "../../design/atlas.ts";
import { FAMILIES } from "../../design/families.ts";
import { parseFormat, renderAtlas, type Format } from "../../design/render.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

const USAGE = `usage: mechcheck atlas <${Object.keys(FAMILIES).join("|")}> [--max-k K] [--axioms a,b,…] [--format text|markdown|latex|html|json] [--shard i/n] [--out file] [--no-proofs]; mechcheck atlas --merge a.json b.json … [--format …]`;

function allVerified(r: AtlasResult): boolean {
  return r.domains.every((d) => d.minimalInfeasible.every((m) => m.verified) && d.maximalFeasible.every((m) => m.checked));
}

export async function atlasCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("atlas", args);
  const fmt = typeof flags.format === "string" ? flags.format : "text";
  const format: Format | "json" = fmt === "json" ? "json" : parseFormat(fmt);
  let result: AtlasResult;
  if (flags.merge) {
    if (flags.shard !== undefined || flags["max-k"] !== undefined || flags.axioms !== undefined) throw new MechcheckError("usage", "atlas --merge takes only files (and --format/--out)", { path: "--merge" });
    if (positionals.length === 0) throw new MechcheckError("usage", `atlas --merge: no files given (${USAGE})`, { path: "--merge" });
    if (positionals.length > 1000) throw new MechcheckError("usage", `atlas --merge: ${positionals.length} files > limit 1000`, { path: "--merge", value: positionals.length });
    result = mergeAtlas(positionals.map((f) => jsonToPlain(parseJsonExact(readInputFile(f), f), f) as AtlasResult));
  } else {
    if (positionals.length !== 1) throw new MechcheckError("usage", `atlas: expected one family, got ${positionals.length} (${USAGE})`, { path: "family", value: positionals.length });
    await loadLpEngine();
    result = atlas(positionals[0]!, {
      ...(typeof flags["max-k"] === "number" ? { maxK: flags["max-k"] } : {}),
      ...(typeof flags.axioms === "string" ? { axioms: parseAxioms(flags.axioms) } : {}),
      ...(typeof flags.shard === "string" ? { shard: parseShard(flags.shard) } : {}),
      ...(flags["no-proofs"] ? { proofs: false } : {}),
    });
  }
  const text = format === "json" ? JSON.stringify(result, null, 2) : renderAtlas(result, format);
  if (typeof flags.out === "string") {
    try {
      writeFileSync(flags.out, text + "\n");
    } catch (e) {
      throw new MechcheckError("unwritable-file", `atlas: cannot write ${flags.out}: ${(e as Error).message}`, { path: "--out", value: flags.out });
    }
    io.out(`atlas: wrote ${flags.out} (${result.domains.length} of ${result.domainsTotal} domains)`);
  } else io.out(text);
  return allVerified(result) ? 0 : 1;
}
