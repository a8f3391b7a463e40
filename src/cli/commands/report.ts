/**
 * `mechcheck report --html <dir> [ids…] [--runs N] [--seed S] [--scale X] [--jobs N] [--from results.json]`:
 * run the ids (all by default; or read a `check --json` result with --from) and write a static,
 * self-contained HTML site (src/report/html.ts) into a NEW folder: index.html with the verdict
 * table, one page per id, style.css, and KaTeX's stylesheet and fonts (math is typeset
 * server-side; the pages load nothing from the network and run no script).
 *
 * The folder is built next to the target under a temporary name and renamed into place at the end,
 * so a report is there whole or not at all; an existing non-empty target is refused (exit 2) —
 * the command never overwrites a file. Nothing is saved to the counterexample store.
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { MechcheckError } from "../../errors.ts";
import { STORE_ROOT } from "../../paths.ts";
import { TOOL_VERSION } from "../../version.ts";
import { readInputFile } from "../../exact/exactJson.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import { defaultCacheRoot } from "../../store/project.ts";
import { loadCounterexamples, displayPath } from "../../store/counterexamples.ts";
import { TEMP_PREFIX } from "../../store/atomic.ts";
import { runTheorem } from "../../theorem/runner.ts";
import { DEFAULT_JOBS, runTheoremsPooled } from "../../theorem/pool.ts";
import { poolWorkerUrl } from "../poolWorkerUrl.ts";
import type { Outcome, Theorem, TheoremRun } from "../../catalogue/types.ts";
import { certificateSample } from "../../report/certificateSample.ts";
import { htmlReport, KATEX_CSS, type HtmlEntry, type HtmlRun } from "../../report/html.ts";
import { runsTable } from "../report.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

const OUTCOMES: readonly Outcome[] = ["holds", "refuted", "unexpected-counterexample", "no-counterexample-found", "vacuous", "coverage-hole", "error"];

/** Saved (curated) counterexamples shown for a refutation whose run did not find one itself. */
const MAX_SAVED_SHOWN = 2;

export async function reportCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("report", args);
  const out = flags.html as string | undefined;
  if (out === undefined || out === "") throw new MechcheckError("usage", "report: --html <dir> is required (the report is a static HTML site written into a new folder)", { path: "--html", value: out ?? "" });
  const from = flags.from as string | undefined;
  if (from !== undefined) {
    for (const f of ["runs", "seed", "scale", "jobs"]) {
      if (flags[f] !== undefined) throw new MechcheckError("usage", `report: --${f} cannot be used with --from (the results in ${JSON.stringify(from)} are read, not run)`, { path: `--${f}`, value: String(flags[f]) });
    }
  }
  const target = resolve(out);
  refuseExisting(out, target); // before anything runs
  const all = (await import("../../catalogue/index.ts")).THEOREMS;
  const ran = from === undefined ? await runIds(select(all, positionals), flags) : undefined;
  const runs: readonly HtmlRun[] = ran ?? readResults(from!, all, positionals);
  const byId = new Map(all.map((t) => [t.id, t]));
  await loadLpEngine(); // the certificate samples' checks may solve LPs
  const entries: HtmlEntry[] = runs.map((run) => {
    const t = byId.get(run.id)!;
    const saved =
      t.kind === "refutation" && !run.counterexample
        ? loadCounterexamples(STORE_ROOT, t.id)
            .filter((r) => r.record.expect === "fails")
            .slice(0, MAX_SAVED_SHOWN)
            .map((r) => ({ file: displayPath(r.file, dirname(STORE_ROOT)), instance: r.record.instance, violation: r.record.violation, message: r.record.message }))
        : [];
    // one case and its certificate, for a statement that held (a refutation shows its counterexample);
    // at most as many cases as the run checked, so it at most doubles the run's time
    const example = run.outcome === "holds" ? certificateSample(t, run.seed, { maxCases: Math.min(10, run.runs) }) : null;
    return { theorem: { id: t.id, kind: t.kind, source: t.source, statement: t.statement, ...(t.trueVersion ? { trueVersion: t.trueVersion } : {}) }, run, saved, ...(example ? { example } : {}) };
  });
  // the command as shown in the pages' footer: folder and file names only (no user paths; same bytes from any folder)
  const command = `mechcheck report ${args.map((a) => (a === out ? basename(target) : a === from ? basename(from) : a)).join(" ")}`;
  const files = htmlReport(entries, { version: TOOL_VERSION, command });
  writeSite(out, target, files);
  if (ran) io.out(runsTable(ran));
  const ok = runs.every((r) => r.ok);
  io.out(`${ran ? "\n" : ""}wrote ${join(out, "index.html")} (${entries.length} page${entries.length === 1 ? "" : "s"} and the index; ${ok ? "ok" : "NOT ok"}: ${runs.filter((r) => r.ok).length} of ${runs.length} as expected)`);
  return ok ? 0 : 1;
}

function refuseExisting(out: string, target: string): void {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return; // nothing there (or a parent is missing: created below)
  }
  if (st.isSymbolicLink()) throw new MechcheckError("usage", `report: --html ${JSON.stringify(out)} is a symbolic link; give a new folder (the report never writes through links)`, { path: "--html", value: out });
  if (!st.isDirectory()) throw new MechcheckError("usage", `report: --html ${JSON.stringify(out)} is a file; give a new folder (the report never overwrites files)`, { path: "--html", value: out });
  if (readdirSync(target).length > 0) throw new MechcheckError("usage", `report: --html ${JSON.stringify(out)} exists and is not empty; give a new folder (the report never overwrites files)`, { path: "--html", value: out });
}

function select(all: readonly Theorem[], ids: readonly string[]): Theorem[] {
  if (ids.length === 0) return all.slice();
  const seen = new Set<string>();
  return ids.map((id) => {
    const t = all.find((x) => x.id === id);
    if (!t) throw new MechcheckError("unknown-theorem", `report: no theorem with id ${JSON.stringify(id)}; \`mechcheck list\` shows them`, { path: "ids", value: id });
    if (seen.has(id)) throw new MechcheckError("duplicate-entry", `report: id ${JSON.stringify(id)} is given twice`, { path: "ids", value: id });
    seen.add(id);
    return t;
  });
}

async function runIds(selected: readonly Theorem[], flags: Readonly<Record<string, unknown>>): Promise<TheoremRun[]> {
  const runOptions = {
    storeRoot: STORE_ROOT,
    cacheRoot: defaultCacheRoot(),
    ...(flags.seed !== undefined ? { seed: flags.seed as number } : {}),
    ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}),
    ...(flags.scale !== undefined ? { runsScale: flags.scale as number } : {}),
    save: false,
  };
  const jobs = (flags.jobs as number | undefined) ?? DEFAULT_JOBS;
  if (jobs > 1 && selected.length > 1) return runTheoremsPooled(selected.map((t) => t.id), { jobs, workerUrl: poolWorkerUrl(), runOptions });
  await loadLpEngine();
  return selected.map((t) => runTheorem(t, runOptions));
}

/** A `check --json` result file, validated field by field (one line naming the field on a problem). */
function readResults(file: string, all: readonly Theorem[], ids: readonly string[]): HtmlRun[] {
  const text = readInputFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MechcheckError("invalid-json", `report: --from ${file}: not valid JSON (${(e as Error).message})`, { path: "--from", value: file });
  }
  const bad = (path: string, want: string, got: unknown): never => {
    const shown = JSON.stringify(got);
    throw new MechcheckError("invalid-input", `report: --from ${file}: ${path} should be ${want}, found ${shown === undefined ? "nothing" : shown.length > 60 ? shown.slice(0, 59) + "…" : shown}`, { path, value: shown ?? "" });
  };
  if (json === null || typeof json !== "object" || Array.isArray(json)) bad("(root)", "an object as `mechcheck check --json` prints it", json);
  const results = (json as Record<string, unknown>).results;
  if (!Array.isArray(results) || results.length === 0) bad("results", "a non-empty array", results);
  const known = new Set(all.map((t) => t.id));
  const seen = new Set<string>();
  const nat = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  const runs = (results as unknown[]).map((r, k): HtmlRun => {
    const p = `results[${k}]`;
    if (r === null || typeof r !== "object" || Array.isArray(r)) return bad(p, "an object", r);
    const o = r as Record<string, unknown>;
    if (typeof o.id !== "string" || !known.has(o.id)) bad(`${p}.id`, "a catalogue id (`mechcheck list`)", o.id);
    if (seen.has(o.id as string)) bad(`${p}.id`, "an id not listed before", o.id);
    seen.add(o.id as string);
    if (!OUTCOMES.includes(o.outcome as Outcome)) bad(`${p}.outcome`, `one of ${OUTCOMES.join(", ")}`, o.outcome);
    if (typeof o.ok !== "boolean") bad(`${p}.ok`, "true or false", o.ok);
    for (const f of ["cases", "casesMeetingHypothesis", "seed", "runs"]) if (!nat(o[f])) bad(`${p}.${f}`, "a non-negative integer", o[f]);
    if (o.ms !== undefined && !nat(o.ms)) bad(`${p}.ms`, "a non-negative integer", o.ms);
    if ((o.casesMeetingHypothesis as number) > (o.cases as number)) bad(`${p}.casesMeetingHypothesis`, `at most cases (${o.cases})`, o.casesMeetingHypothesis);
    for (const f of ["tags", "coverage"]) {
      const v = o[f];
      if (v !== undefined && (v === null || typeof v !== "object" || Array.isArray(v) || !Object.values(v).every(nat))) bad(`${p}.${f}`, "an object of counts", v);
    }
    if (o.replayed !== undefined && !Array.isArray(o.replayed)) bad(`${p}.replayed`, "an array", o.replayed);
    (o.replayed as unknown[] | undefined)?.forEach((x, j) => {
      const y = x as Record<string, unknown> | null;
      if (y === null || typeof y !== "object" || typeof y.file !== "string" || typeof y.ok !== "boolean" || (y.expect !== "fails" && y.expect !== "holds")) bad(`${p}.replayed[${j}]`, 'an object with file, expect ("fails" or "holds") and ok', x);
    });
    const c = o.counterexample as Record<string, unknown> | undefined;
    if (c !== undefined) {
      if (c === null || typeof c !== "object" || Array.isArray(c)) bad(`${p}.counterexample`, "an object", c);
      if (typeof c.message !== "string") bad(`${p}.counterexample.message`, "a string", c.message);
      if (!nat(c.seed) || !nat(c.numShrinks) || typeof c.path !== "string") bad(`${p}.counterexample`, "seed, path and numShrinks (a replay)", { seed: c.seed, path: c.path, numShrinks: c.numShrinks });
    }
    if (o.error !== undefined && typeof o.error !== "string") bad(`${p}.error`, "a string", o.error);
    return o as unknown as HtmlRun;
  });
  if (ids.length === 0) return runs;
  return ids.map((id) => runs.find((r) => r.id === id) ?? bad("ids", `an id present in ${file}`, id));
}

const require = createRequire(import.meta.url);

/** The site in a temporary sibling folder, renamed into place: the target appears whole or not at all. */
function writeSite(out: string, target: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `${TEMP_PREFIX}${basename(target)}-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    for (const [name, text] of files) writeFileSync(join(tmp, name), text, { flag: "wx" });
    const css = require.resolve("katex/dist/katex.min.css");
    const katexDir = join(tmp, dirname(KATEX_CSS));
    mkdirSync(join(katexDir, "fonts"), { recursive: true });
    copyFileSync(css, join(tmp, KATEX_CSS));
    const fonts = join(dirname(css), "fonts");
    for (const f of readdirSync(fonts)) copyFileSync(join(fonts, f), join(katexDir, "fonts", f));
    try {
      renameSync(tmp, target); // replaces only a missing or empty folder
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR") {
        throw new MechcheckError("usage", `report: --html ${JSON.stringify(out)} appeared (not empty) while the report was written; nothing was overwritten, give a new folder`, { path: "--html", value: out });
      }
      throw e;
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
