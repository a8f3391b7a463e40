/**
 * `mechcheck list`, `mechcheck check`, `mechcheck replay`: the theorem suite from the registry.
 */
import { MechcheckError } from "../../errors.ts";
import { STORE_ROOT } from "../../paths.ts";
import { defaultCacheRoot } from "../../store/project.ts";
import { replayRecord, runTheorem, type RunOptions } from "../../theorem/runner.ts";
import { rewriteStaleRecord } from "../../theorem/replay.ts";
import type { Theorem, TheoremRun } from "../../catalogue/types.ts";
import { scanCounterexamples, displayPath } from "../../store/counterexamples.ts";
import { parseCommandArgs } from "../specs.ts";
import { saveRunCounterexample, storeWarnings } from "../save.ts";
import { existsSync, statSync } from "node:fs";
import { toExactJsonText } from "../../exact/rational.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import type { CommandIO } from "../io.ts";
import { clip, runDetails, runsTable, table } from "../report.ts";
import { writeFileAtomic } from "../../store/atomic.ts";
import { DEFAULT_JOBS, runTheoremsPooled, startPoolWorkers, type PoolWorkers } from "../../theorem/pool.ts";
import { poolWorkerUrl } from "../poolWorkerUrl.ts";
import { progressLine } from "../progress.ts";
import { findConjectureFile, loadConjecture } from "../loadConjecture.ts";


async function registry(): Promise<readonly Theorem[]> {
  return (await import("../../catalogue/index.ts")).THEOREMS;
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
  const { flags } = parseCommandArgs("list", args);
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
  const { positionals, flags } = parseCommandArgs("check", args);
  // The curated store (committed) is only read; new finds go to the cache (--store, or the project's
  // .mechcheck/counterexamples/), replayed after it — `mechcheck promote` curates one.
  const curatedRoot = STORE_ROOT;
  const storeRoot = (flags.store as string | undefined) ?? defaultCacheRoot();
  const runOptions = {
    storeRoot: curatedRoot,
    cacheRoot: storeRoot,
    ...(flags.seed !== undefined ? { seed: flags.seed as number } : {}),
    ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}),
    ...(flags.scale !== undefined ? { runsScale: flags.scale as number } : {}),
    save: false, // saved below: a store that cannot be written is a warning, not the end of the run
  };
  const jobs = (flags.jobs as number | undefined) ?? DEFAULT_JOBS;
  // The pool's worker threads start first (src/theorem/pool.ts), so that their start-up overlaps the
  // catalogue's import here; stopped below, or in `finally` when the run ends before it starts.
  const workerCount = positionals.length === 0 ? jobs : Math.min(jobs, positionals.length);
  const workers = workerCount > 1 ? startPoolWorkers(workerCount, poolWorkerUrl(), runOptions) : null;
  try {
    return await checkSelected(positionals, flags, io, { curatedRoot, storeRoot, runOptions, jobs: workerCount, workers });
  } finally {
    await workers?.close();
  }
}

async function checkSelected(positionals: readonly string[], flags: Record<string, unknown>, io: CommandIO, ctx: { curatedRoot: string; storeRoot: string; runOptions: RunOptions; jobs: number; workers: PoolWorkers | null }): Promise<number> {
  const { curatedRoot, storeRoot, runOptions, jobs, workers } = ctx;
  const selected = selectTheorems(await registry(), positionals);
  // Refuse what would fail only at the end, before anything runs.
  if (existsSync(storeRoot) && !statSync(storeRoot).isDirectory()) throw new MechcheckError("usage", `check: --store ${JSON.stringify(storeRoot)} is a file, not a directory`, { path: "--store", value: storeRoot });
  if (flags.report !== undefined && existsSync(flags.report as string) && statSync(flags.report as string).isDirectory()) {
    throw new MechcheckError("usage", `check: --report ${JSON.stringify(flags.report)} is a directory; give a file name (e.g. ${JSON.stringify(flags.report + "/report.md")})`, { path: "--report", value: flags.report });
  }
  // A progress line on a terminal (never in --json, never when stderr is a file or a pipe).
  const progress = progressLine(io, { json: flags.json === true });
  const runs: TheoremRun[] = [];
  if (workers !== null && selected.length > 1) {
    // worker threads (src/theorem/pool.ts); results in catalogue order, the same bytes as below
    const onDone = (done: number, total: number, id: string) => progress.update(`[${done}/${total}] ${id} done`, done === 1);
    runs.push(...(await runTheoremsPooled(selected.map((t) => t.id), { jobs, workers, workerUrl: poolWorkerUrl(), runOptions, ...(progress.enabled ? { onDone } : {}) })));
  } else {
    await loadLpEngine();
    for (const [k, thm] of selected.entries()) {
      progress.update(`[${k + 1}/${selected.length}] ${thm.id} …`, k === 0);
      runs.push(runTheorem(thm, runOptions));
    }
  }
  progress.done();
  const warnings: string[] = [];
  if (!flags["no-save"]) {
    for (const [k, r] of runs.entries()) {
      if (!r.counterexample || r.outcome === "error") continue;
      const s = saveRunCounterexample(r, storeRoot, `mechcheck check ${r.id} --seed ${r.seed} --runs ${r.runs}`, flags.store === undefined ? curatedRoot : undefined);
      runs[k] = s.run;
      if (s.warning) warnings.push(s.warning);
    }
  }
  warnings.push(...storeWarnings(curatedRoot, runs.map((r) => r.id)), ...storeWarnings(storeRoot, runs.map((r) => r.id)));
  const ok = runs.every((r) => r.ok);
  const shown = flags["no-timing"] ? runs.map(({ ms: _ms, ...rest }) => rest) : runs;
  if (flags.json) {
    io.out(toExactJsonText({ ok, results: shown, ...(warnings.length ? { warnings } : {}) }));
  } else {
    io.out(runsTable(runs));
    const details = runs.flatMap(runDetails);
    if (details.length) io.out("\n" + details.join("\n"));
    io.out(`\n${ok ? "ok" : "NOT ok"}: ${runs.filter((r) => r.ok).length} of ${runs.length} as expected`);
  }
  for (const w of warnings) io.err(`mechcheck check: warning: ${w}`);
  if (flags.report) writeFileAtomic(flags.report as string, markdownReport(runs, ok)); // a failure here is one line, exit 2, after the results
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

export async function replayCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("replay", args);
  const root = positionals[0] ?? STORE_ROOT;
  if (!existsSync(root)) throw new MechcheckError("file-not-found", `replay: no store folder ${JSON.stringify(root)}`, { path: "dir", value: root });
  if (!statSync(root).isDirectory()) throw new MechcheckError("usage", `replay: ${JSON.stringify(root)} is a file; give the store folder (e.g. counterexamples), or \`mechcheck show\` for one file`, { path: "dir", value: root });
  const all = await registry();
  await loadLpEngine();
  // --update: rewrite stale records (still failing, violation changed) atomically under the same
  // name — the one deliberate rewrite of a saved file; git keeps the previous content.
  const scan = scanCounterexamples(root);
  const unreadable = scan.problems.map((p) => ({ file: displayPath(p.file), expect: "?", ok: false, message: `unreadable, skipped (the other files were replayed): ${p.message}` }));
  const replayed: { file: string; expect: string; ok: boolean; message?: string }[] = [];
  for (const { file, record } of scan.records) {
    let thm: Theorem | undefined = all.find((t) => t.id === record.theorem);
    if (!thm && record.conjectureFile !== undefined) {
      // A conjecture's case: its file (run as code, as under `mechcheck conjecture`), at the record's parameters.
      const src = findConjectureFile(file, record.conjectureFile);
      if (src === null) {
        replayed.push({ file: displayPath(file), expect: record.expect, ok: false, message: `a case of the conjecture ${JSON.stringify(record.theorem)}, whose file ${record.conjectureFile} (from its project root) was not found` });
        continue;
      }
      try {
        thm = (await loadConjecture(src, record.theorem)).at(record.params ?? {}).theorem;
      } catch (e) {
        replayed.push({ file: displayPath(file), expect: record.expect, ok: false, message: `the conjecture could not be loaded from ${displayPath(src)}: ${e instanceof Error ? e.message : String(e)}` });
        continue;
      }
    }
    if (!thm) {
      replayed.push({ file: displayPath(file), expect: record.expect, ok: false, message: `unknown theorem id ${JSON.stringify(record.theorem)}` });
      continue;
    }
    const r = replayRecord(thm, record, displayPath(file));
    if (flags.update && rewriteStaleRecord(file, record, r)) replayed.push({ file: r.file, expect: r.expect, ok: true, message: `updated (${r.violation === "stale" ? "violation" : "message"} rewritten): ${r.recomputed?.message ?? ""}` });
    else replayed.push(r);
  }
  const results: { file: string; expect: string; ok: boolean; message?: string }[] = [...replayed, ...unreadable];
  const ok = results.every((r) => r.ok);
  if (flags.json) io.out(toExactJsonText({ ok, results }));
  else {
    io.out(table(["file", "expect", "ok", "message"], results.map((r) => [r.file, r.expect, r.ok ? "yes" : "NO", r.message ?? ""])));
    io.out(`\n${ok ? "ok" : "NOT ok"}: ${results.filter((r) => r.ok).length} of ${results.length} replayed as expected`);
  }
  return ok ? 0 : 1;
}
