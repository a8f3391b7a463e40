/**
 * `mechcheck list`, `mechcheck check`, `mechcheck replay`: the theorem suite from the registry.
 */
import { MechcheckError } from "../../errors.ts";
import { STORE_ROOT } from "../../paths.ts";
import { replayRecord, runTheorem } from "../../theorem/runner.ts";
import { rewriteStaleRecord } from "../../theorem/replay.ts";
import type { Theorem, TheoremRun } from "../../theorem/types.ts";
import { loadCounterexamples, displayPath } from "../../store/counterexamples.ts";
import { parseArgs } from "../args.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import type { CommandIO } from "../io.ts";
import { clip, runDetails, runsTable, table } from "../report.ts";
import { writeFileAtomic } from "../../store/atomic.ts";

async function registry(): Promise<readonly Theorem[]> {
  return (await import("../../../properties/index.ts")).THEOREMS;
}

function selectTheorems(all: readonly Theorem[], ids: readonly string[]): Theorem[] {
  if (ids.length === 0) return all.slice();
  return ids.map((id) => {
    const t = all.find((x) => x.id === id);
    if (!t) {
      const near = all.filter((x) => x.id.includes(id) || id.includes(x.id)).map((x) => x.id);
      throw new MechcheckError("unknown-theorem", `no theorem with id ${JSON.stringify(id)}${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; \`mechcheck list\` shows them`, { path: "ids", value: id });
    }
    return t;
  });
}

export async function listCommand(args: string[], io: CommandIO): Promise<number> {
  const { flags } = parseArgs("list", args, { json: "boolean", markdown: "boolean" });
  const all = await registry();
  if (flags.json) {
    io.out(toExactJsonText(all.map((t) => ({ id: t.id, kind: t.kind, source: t.source, statement: t.statement }))));
  } else if (flags.markdown) {
    io.out(catalogueMarkdown(all));
  } else {
    io.out(table(["id", "kind", "source", "statement"], all.map((t) => [t.id, t.kind, clip(t.source, 40), clip(t.statement, 90)])));
    io.out("\n(sources and statements cut to fit; full text: mechcheck list --markdown or --json)");
  }
  return 0;
}

/** The catalogue as a Markdown table (the README's table is generated from this). */
export function catalogueMarkdown(all: readonly Theorem[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return ["| id | kind | source | statement |", "|---|---|---|---|", ...all.map((t) => `| \`${t.id}\` | ${t.kind} | ${esc(t.source)} | ${esc(t.statement)} |`)].join("\n");
}

export async function checkCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseArgs("check", args, { runs: "number", seed: "number", scale: "number", json: "boolean", "no-save": "boolean", store: "string", report: "string", "no-timing": "boolean" });
  if (flags.runs !== undefined && (!Number.isInteger(flags.runs) || (flags.runs as number) < 1)) throw new MechcheckError("usage", `check: --runs must be a positive integer, got ${flags.runs}`, { path: "--runs", value: flags.runs });
  if (flags.seed !== undefined && !Number.isInteger(flags.seed)) throw new MechcheckError("usage", `check: --seed must be an integer, got ${flags.seed}`, { path: "--seed", value: flags.seed });
  const selected = selectTheorems(await registry(), positionals);
  const storeRoot = (flags.store as string | undefined) ?? STORE_ROOT;
  await loadLpEngine();
  const tty = !flags.json && process.stderr.isTTY === true && io.err === defaultErr;
  const runs: TheoremRun[] = [];
  for (const [k, thm] of selected.entries()) {
    if (tty) process.stderr.write(`\r\x1b[K[${k + 1}/${selected.length}] ${thm.id} …`);
    runs.push(
      runTheorem(thm, {
        storeRoot,
        ...(flags.seed !== undefined ? { seed: flags.seed as number } : {}),
        ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}),
        ...(flags.scale !== undefined ? { runsScale: flags.scale as number } : {}),
        save: !flags["no-save"],
      }),
    );
  }
  if (tty) process.stderr.write("\r\x1b[K");
  const ok = runs.every((r) => r.ok);
  const shown = flags["no-timing"] ? runs.map(({ ms: _ms, ...rest }) => rest) : runs;
  if (flags.json) {
    io.out(toExactJsonText({ ok, results: shown }));
  } else {
    io.out(runsTable(runs));
    const details = runs.flatMap(runDetails);
    if (details.length) io.out("\n" + details.join("\n"));
    io.out(`\n${ok ? "ok" : "NOT ok"}: ${runs.filter((r) => r.ok).length} of ${runs.length} as expected`);
  }
  if (flags.report) writeFileAtomic(flags.report as string, markdownReport(runs, ok));
  return ok ? 0 : 1;
}

export function markdownReport(runs: readonly TheoremRun[], ok: boolean): string {
  const lines = ["# mechcheck report", "", `Result: **${ok ? "ok" : "NOT ok"}** (${runs.filter((r) => r.ok).length} of ${runs.length} as expected)`, ""];
  lines.push("| id | kind | source | outcome | cases | meeting hypothesis | ms |", "|---|---|---|---|---|---|---|");
  for (const r of runs) lines.push(`| \`${r.id}\` | ${r.kind} | ${r.source} | ${r.outcome} | ${r.cases} | ${r.casesMeetingHypothesis} | ${r.ms} |`);
  const details = runs.flatMap(runDetails);
  if (details.length) lines.push("", "```", ...details, "```");
  return lines.join("\n") + "\n";
}

const defaultErr = (s: string) => process.stderr.write(s + "\n");

export async function replayCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseArgs("replay", args, { json: "boolean", update: "boolean" });
  const root = positionals[0] ?? STORE_ROOT;
  const all = await registry();
  await loadLpEngine();
  // --update: rewrite stale records (still failing, violation changed) atomically under the same
  // name — the one deliberate rewrite of a saved file; git keeps the previous content.
  const results = loadCounterexamples(root).map(({ file, record }) => {
    const thm = all.find((t) => t.id === record.theorem);
    if (!thm) return { file: displayPath(file), expect: record.expect, ok: false, message: `unknown theorem id ${JSON.stringify(record.theorem)}` };
    const r = replayRecord(thm, record, displayPath(file));
    if (flags.update && rewriteStaleRecord(file, record, r)) return { file: r.file, expect: r.expect, ok: true, message: `updated (${r.violation === "stale" ? "violation" : "message"} rewritten): ${r.recomputed?.message ?? ""}` };
    return r;
  });
  const ok = results.every((r) => r.ok);
  if (flags.json) io.out(toExactJsonText({ ok, results }));
  else {
    io.out(table(["file", "expect", "ok", "message"], results.map((r) => [r.file, r.expect, r.ok ? "yes" : "NO", r.message ?? ""])));
    io.out(`\n${ok ? "ok" : "NOT ok"}: ${results.filter((r) => r.ok).length} of ${results.length} replayed as expected`);
  }
  return ok ? 0 : 1;
}
