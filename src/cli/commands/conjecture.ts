/**
 * `mechcheck conjecture <file.ts> [--param NAME=a..b|v1,v2,…]… [--runs N] [--seed S] [--timeout MS]
 * [--store DIR] [--report out.md] [--json] [--no-save] [--no-typecheck]`: run a user's conjecture
 * (the file's default export, or every exported conjecture) through the theorem runner — random
 * cases (an arbitrary, shrunk on failure) or every case of a finite family (`enumerate`), once per
 * point of its parameters (`--param`, src/cli/params.ts; one table row per point).
 *
 * The file is code, run with the user's rights. It is type-checked first (file:line:col errors,
 * exit 2, nothing run), then loaded and run in a worker thread: a case (one call of hypothesis and
 * check) that runs longer than --timeout (default 10 s) is stopped — even a synchronous infinite
 * loop — and reported as `error: timeout`; the other runs still go on.
 * Counterexamples are saved to DIR/<id>/ (default: the cache .mechcheck/counterexamples/ of the
 * file's project) with their parameters, the file and the command that reproduces them, and
 * replayed (at the same parameters) on the next run after the project's curated counterexamples/;
 * a store that cannot be written is a warning, not the end of the run. On a terminal, a progress
 * line on stderr (never with --json). `--report out.md` writes the results as Markdown to a NEW file.
 *
 * Exit code: 0 every run as expected (`expect: "holds"` held; `expect: "refuted"` found a
 * counterexample); 1 one is not (refuted, not refuted, vacuous); 2 an error (a bad file or
 * parameter, a check that throws, returns a non-boolean or a Promise, or times out) or bad usage.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { defaultCacheRoot, findProjectRoot, projectStoreRoot } from "../../store/project.ts";
import { writeFileExclusive } from "../../store/atomic.ts";
import { markdownTable } from "../../format/table.ts";
import { Worker } from "node:worker_threads";
import { InternalError, isErrorCode, MechcheckError } from "../../errors.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import { DEFAULT_SEED } from "../../theorem/runner.ts";
import type { ErrorRun } from "../../catalogue/types.ts";
import { parseCommandArgs } from "../specs.ts";
import type { ConjectureRun, RunUnit, WorkerInput, WorkerMessage } from "../conjectureRun.ts";
import type { CommandIO } from "../io.ts";
import { paramArgs, paramsText, parseParams } from "../params.ts";
import { progressLine, type Progress } from "../progress.ts";
import { pct, table } from "../report.ts";
import { saveRunCounterexample, storeWarnings } from "../save.ts";
import { typecheckFile } from "../typecheck.ts";

export const DEFAULT_CASE_TIMEOUT_MS = 10_000;
/** Loading the file (compiling it and mechcheck through tsx) gets at least this long. */
const LOAD_ALLOWANCE_MS = 60_000;

interface WorkerOutcome {
  readonly results: Map<string, ConjectureRun>;
  readonly units: readonly RunUnit[] | null;
  readonly fatal?: { code: string; message: string };
}

/** Run the file's conjectures (all, or `only`) in one worker; stop it when a case outlives the timeout. */
function runInWorker(input: Omit<WorkerInput, "clock" | "only">, only: readonly string[] | null, timeoutMs: number, onTimeout: (unit: RunUnit, caseIndex: number, ms: number) => ConjectureRun, progress: Progress, done0: number): Promise<WorkerOutcome> {
  const clock = new SharedArrayBuffer(16);
  const view = new Float64Array(clock);
  view[0] = -1;
  view[1] = Date.now();
  const worker = new Worker(new URL("../conjectureWorker.mjs", import.meta.url), {
    workerData: { ...input, only, clock } satisfies WorkerInput,
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
    // The user's console output goes to stderr, so that --json output stays parseable.
    stdout: true,
    stderr: true,
  });
  worker.stdout.on("data", (d: Buffer) => process.stderr.write(d));
  worker.stderr.on("data", (d: Buffer) => process.stderr.write(d));
  const results = new Map<string, ConjectureRun>();
  let units: readonly RunUnit[] | null = null;
  let current: RunUnit | null = null;
  let done = done0;
  const t0 = Date.now();
  const show = (force = false) => {
    if (!progress.enabled || units === null) return;
    const k = view[0]!;
    progress.update(current === null ? `loading… (${units.length} run${units.length === 1 ? "" : "s"})` : `[${Math.min(done + 1, units.length)}/${units.length}] ${current.key}: ${k >= 0 ? `case ${k + 1}` : "starting"} (${Math.round((Date.now() - t0) / 1000)} s)`, force);
  };
  return new Promise((resolveRun) => {
    let settled = false;
    const finish = (fatal?: { code: string; message: string }) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      resolveRun({ results, units, ...(fatal ? { fatal } : {}) });
    };
    const timer = setInterval(() => {
      const caseIndex = view[0]!;
      const elapsed = Date.now() - view[1]!;
      const limit = caseIndex === -1 ? Math.max(timeoutMs, LOAD_ALLOWANCE_MS) : timeoutMs;
      show();
      if (caseIndex === -2 || elapsed <= limit) return;
      if (current === null) return finish({ code: "timeout", message: `loading the file took longer than ${limit} ms (a top-level loop?); stopped` });
      results.set(current.key, onTimeout(current, caseIndex, timeoutMs));
      finish();
    }, Math.min(100, Math.max(10, Math.floor(timeoutMs / 4))));
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "loaded") units = m.units;
      else if (m.type === "start") {
        current = units?.find((u) => u.key === m.key) ?? null;
        show(true);
      } else if (m.type === "result") {
        results.set(m.key, JSON.parse(m.runJson) as ConjectureRun);
        current = null;
        done++;
      } else if (m.type === "fatal") finish({ code: m.code, message: m.message });
    });
    worker.on("error", (e: Error & { code?: string }) => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (current !== null && oom) {
        results.set(current.key, { ...onTimeout(current, view[0]!, 0), error: "out of memory (the case needed more than 2 GB)" } as ConjectureRun);
        return finish();
      }
      finish({ code: oom ? "out-of-memory" : "conjecture-crashed", message: oom ? "the conjecture ran out of memory (more than 2 GB)" : `the conjecture's thread failed: ${e.message}` });
    });
    worker.on("exit", () => finish());
  });
}

/** The verdict in words: what was found, whatever was expected. */
export function verdictOf(r: ConjectureRun): string {
  switch (r.outcome) {
    case "holds":
      return "holds";
    case "refuted":
    case "unexpected-counterexample":
      return "refuted";
    case "no-counterexample-found":
      return "not refuted";
    default:
      return r.outcome;
  }
}

/** How the cases were chosen (the table's "mode" column): "exhaustive (all)", "random, seed 20261123". */
export function modeText(r: ConjectureRun): string {
  if (r.mode === "exhaustive") return r.total !== undefined ? "exhaustive (all)" : r.counterexample ? "exhaustive (stopped at a counterexample)" : "exhaustive (stopped)";
  return `random, seed ${r.seed}`;
}

/** How the cases were chosen, and how many: "exhaustive: all 16 cases", "random: 200 cases, seed 20261123". */
export function casesText(r: ConjectureRun): string {
  if (r.mode === "exhaustive") return r.total !== undefined ? `exhaustive: all ${r.total} cases` : `exhaustive: ${r.cases} case${r.cases === 1 ? "" : "s"}${r.counterexample ? ", stopped at a counterexample" : ", stopped"}`;
  return `random: ${r.cases} case${r.cases === 1 ? "" : "s"}, seed ${r.seed}`;
}

/**
 * A case as a short table of its fields (path → value), for the text output; rationals as p/q,
 * lists of plain values on one line. At most `max` rows (the rest: --json, or `mechcheck show`).
 */
export function caseRows(x: unknown, max = 12): { rows: string[][]; more: number } {
  const rows: string[][] = [];
  const scalar = (v: unknown): string | undefined => {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return typeof v === "string" ? v : String(v);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && (keys[0] === "q" || keys[0] === "bigint" || keys[0] === "number") && typeof o[keys[0]!] === "string") return o[keys[0]!] as string;
    }
    return undefined;
  };
  const walk = (v: unknown, path: string) => {
    const s = scalar(v);
    if (s !== undefined) return void rows.push([path || "(case)", s]);
    if (Array.isArray(v)) {
      const parts = v.map(scalar);
      if (parts.every((p) => p !== undefined) && v.length <= 16) return void rows.push([path || "(case)", `[${parts.join(", ")}]`]);
      v.forEach((e, k) => walk(e, `${path}[${k}]`));
      return;
    }
    if (v && typeof v === "object") for (const [k, e] of Object.entries(v)) walk(e, path ? `${path}.${k}` : k);
  };
  walk(x, "");
  // The instance format's version tag says nothing about the case.
  const shown = rows.filter(([p]) => p !== "mechcheck");
  return { rows: shown.slice(0, max), more: Math.max(0, shown.length - max) };
}

/** The command line that reproduces a run (what a saved record's `origin` says). */
export function reproduceCommand(given: string, r: ConjectureRun): string {
  const quoted = /^[\w./@%+=:,-]+$/.test(given) ? given : `'${given.replace(/'/g, `'\\''`)}'`;
  const parts = ["mechcheck", "conjecture", quoted, ...paramArgs(r.params)];
  if (r.mode === "random") parts.push("--seed", String(r.seed), "--runs", String(r.runs));
  return parts.join(" ");
}

function keyOf(r: ConjectureRun): string {
  return Object.keys(r.params).length ? `${r.id} ${paramsText(r.params)}` : r.id;
}

export async function conjectureCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags, lists } = parseCommandArgs("conjecture", args);
  const given = positionals[0]!;
  const sweep = parseParams(lists.param ?? []);
  const file = resolve(given);
  if (!existsSync(file)) throw new MechcheckError("file-not-found", `conjecture: no file ${JSON.stringify(given)}`, { path: "file", value: given });
  if (!statSync(file).isFile()) throw new MechcheckError("usage", `conjecture: ${JSON.stringify(given)} is not a file`, { path: "file", value: given });
  // New counterexamples go to the cache of the file's project (.mechcheck/counterexamples/ under the
  // nearest folder with a package.json), or --store; the project's curated counterexamples/ is only read.
  const store = resolve((flags.store as string | undefined) ?? defaultCacheRoot(dirname(file)));
  const curated = projectStoreRoot(dirname(file));
  if (existsSync(store) && !statSync(store).isDirectory()) throw new MechcheckError("usage", `conjecture: --store ${JSON.stringify(flags.store)} is a file, not a directory`, { path: "--store", value: flags.store });
  const report = flags.report as string | undefined;
  if (report !== undefined) {
    // Refused before anything runs: the report is a new file, never an overwrite.
    if (existsSync(report)) throw new MechcheckError("file-exists", `conjecture: --report ${JSON.stringify(report)} already exists; it is never overwritten (give a new file name, or delete it)`, { path: "--report", value: report });
    if (!existsSync(dirname(resolve(report))) || !statSync(dirname(resolve(report))).isDirectory()) throw new MechcheckError("usage", `conjecture: --report ${JSON.stringify(report)}: no folder ${JSON.stringify(dirname(report))} to write it in`, { path: "--report", value: report });
  }
  const timeoutMs = (flags.timeout as number | undefined) ?? DEFAULT_CASE_TIMEOUT_MS;
  const debug = process.env.MECHCHECK_DEBUG === "1";
  const progress = progressLine(io, { json: flags.json === true });

  if (!flags["no-typecheck"]) {
    progress.update(`type-checking ${given} …`, true);
    const tc = await typecheckFile(given);
    progress.done();
    if (tc.errors.length > 0) {
      const shown = tc.errors.slice(0, 20);
      const more = tc.errors.length > shown.length ? `; and ${tc.errors.length - shown.length} more` : "";
      throw new MechcheckError("type-error", `conjecture: ${tc.errors.length} type error${tc.errors.length === 1 ? "" : "s"}, nothing was run: ${shown.join("; ")}${more} (--no-typecheck runs it anyway)`, { path: "file", value: given });
    }
    if (!tc.ran) io.err("mechcheck conjecture: warning: the TypeScript compiler is not installed; the file was not type-checked");
  }

  const seed = (flags.seed as number | undefined) ?? DEFAULT_SEED;
  const base: Omit<WorkerInput, "clock" | "only"> = { file, store, sweep, ...(resolve(curated) !== store ? { curated } : {}), debug, seed, ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}) };
  const timedOut = (u: RunUnit, caseIndex: number, ms: number): ConjectureRun =>
    ({
      id: u.id,
      kind: u.expect === "refuted" ? "refutation" : "theorem",
      source: "user conjecture",
      outcome: "error",
      ok: false,
      cases: Math.max(0, caseIndex + 1),
      casesMeetingHypothesis: 0,
      seed,
      runs: (flags.runs as number | undefined) ?? 0,
      ms,
      replayed: [],
      error: `timeout: case #${caseIndex + 1} (counting replayed saved cases and shrinking steps) ran longer than ${ms} ms and was stopped (--timeout MS to change it)`,
      params: u.params,
      mode: u.mode,
      expect: u.expect,
    }) satisfies ErrorRun & Pick<ConjectureRun, "params" | "mode" | "expect">;
  const results = new Map<string, ConjectureRun>();
  let order: readonly RunUnit[] | null = null;
  let only: string[] | null = null;
  progress.update(`loading ${given} …`, true);
  for (;;) {
    const w = await runInWorker(base, only, timeoutMs, timedOut, progress, results.size);
    order ??= w.units;
    for (const [key, r] of w.results) results.set(key, r);
    if (w.fatal) {
      if (results.size === 0) {
        progress.done();
        const { code, message } = w.fatal;
        if (code === "bad-param") throw new MechcheckError("bad-param", message, { path: "--param", value: lists.param });
        throw isErrorCode(code) ? new MechcheckError(code, `conjecture: ${given}: ${message}`, { path: "file", value: given }) : new InternalError(`conjecture: ${given}: [${code}] ${message}`);
      }
      progress.done();
      io.err(`mechcheck conjecture: error [${w.fatal.code}]: ${w.fatal.message}`);
      break;
    }
    if (order === null) throw new MechcheckError("conjecture-crashed", `conjecture: ${given}: the file was not loaded`, { path: "file", value: given });
    if (order.length === 0) throw new MechcheckError("no-conjecture", `conjecture: ${given} exports no conjecture (export default conjecture({ … }))`, { path: "file", value: given });
    const left = order.filter((u) => !results.has(u.key)).map((u) => u.key);
    if (left.length === 0) break;
    if (only !== null && left.length === only.length) break; // no progress: give up on the rest
    only = left;
  }
  progress.done();
  const runs: ConjectureRun[] = (order ?? []).filter((u) => results.has(u.key)).map((u) => results.get(u.key)!);

  // Save counterexamples here, not in the worker: a failed write is a warning, and results stay.
  // The record names the file (from the project root) and the command that reproduces it.
  const warnings: string[] = [];
  const conjectureFile = relative(findProjectRoot(dirname(file)), file).split(sep).join("/");
  const shown: ConjectureRun[] = runs.map((r) => {
    if (flags["no-save"] || !r.counterexample || r.outcome === "error") return r;
    const s = saveRunCounterexample(r, store, reproduceCommand(given, r), undefined, { params: r.params, file: conjectureFile });
    if (s.warning) warnings.push(s.warning);
    return s.run;
  });

  const asExpected = (r: ConjectureRun) => r.ok;
  const ok = shown.every(asExpected);
  const withParams = shown.some((r) => Object.keys(r.params).length > 0);
  const headers = ["conjecture", ...(withParams ? ["params"] : []), "verdict", "cases", "mode", "hypothesis", "expected", "as expected", "ms"];
  const row = (r: ConjectureRun) => [r.id, ...(withParams ? [paramsText(r.params) || "–"] : []), verdictOf(r), String(r.cases), modeText(r), pct(r.casesMeetingHypothesis, r.cases), r.expect === "refuted" ? "refuted" : "to hold", r.outcome === "error" ? "ERROR" : asExpected(r) ? "yes" : "NO", String(r.ms)];
  const notOk = shown.filter((r) => !asExpected(r));
  const ex = shown.filter((r) => r.mode === "exhaustive");
  const rnd = shown.filter((r) => r.mode === "random");
  const sum = (rs: readonly ConjectureRun[]) => rs.reduce((a, r) => a + r.cases, 0);
  const stopped = ex.filter((r) => r.total === undefined).length;
  const modes = [
    ...(ex.length ? [`exhaustive: ${stopped === 0 ? "all " : ""}${sum(ex)} cases${stopped ? ` (${stopped} run${stopped === 1 ? "" : "s"} stopped at ${ex.every((r) => r.total !== undefined || r.counterexample) ? "a counterexample" : "a counterexample or an error"})` : ""}`] : []),
    ...(rnd.length ? [`random: ${sum(rnd)} cases, seed ${seed}`] : []),
  ];
  const summary = `${ok ? "ok" : "NOT ok"}: ${shown.length - notOk.length} of ${shown.length} run${shown.length === 1 ? "" : "s"} as expected${modes.length ? ` — ${modes.join("; ")}` : ""}${notOk.length ? ` (${notOk.slice(0, 5).map((r) => `${keyOf(r)}: ${r.outcome === "error" ? "error" : `${verdictOf(r)}, expected ${r.expect === "refuted" ? "a counterexample" : "to hold"}`}`).join("; ")}${notOk.length > 5 ? `; and ${notOk.length - 5} more` : ""})` : ""}`;
  /** The details of one run, as lines (`md`: Markdown). */
  const details = (r: ConjectureRun, md: boolean): string[] => {
    const out: string[] = [];
    const head = keyOf(r);
    if (r.outcome === "error") {
      const c = r.counterexample;
      const where = c ? (c.seed === null ? ` on case #${(c as { caseIndex?: number }).caseIndex} of the enumeration` : ` on the case at replay: { seed: ${c.seed}, path: "${c.path}" } (${c.numShrinks} shrinks)`) : "";
      out.push(`${head}: error: ${r.error ?? "unknown"}${where}`);
      return out;
    }
    if (r.counterexample) {
      const c = r.counterexample;
      const expected = r.expect === "refuted" ? "as expected" : "NOT as expected";
      out.push(`${head}: refuted (${expected}). ${c.message}`);
      const how = c.seed === null ? `case #${(c as { caseIndex?: number }).caseIndex} of the enumeration` : `${c.numShrinks} shrinks; replay: { seed: ${c.seed}, path: "${c.path}" }`;
      const { rows, more } = caseRows(c.instance);
      out.push(`counterexample (${how}):`);
      const tbl = md ? markdownTable(["field", "value"], rows) : table(["field", "value"], rows).split("\n").map((l) => "  " + l).join("\n");
      out.push(tbl);
      if (more > 0) out.push(`${md ? "" : "  "}… ${more} more field${more === 1 ? "" : "s"} (all: --json${c.file ? `, or mechcheck show ${c.file}` : ""})`);
      if (c.file) out.push(`saved: ${c.file}  (replayed first on the next run)`);
      out.push(`reproduce: ${reproduceCommand(given, r)}`);
    }
    for (const rp of r.replayed) if (!rp.ok) out.push(`${head}: replay of ${rp.file} FAILED: ${rp.message}`);
    if (r.error) out.push(`${head}: ${r.error}`);
    if (!r.counterexample && r.outcome === "no-counterexample-found") out.push(`${head}: no counterexample (${casesText(r)}); expected one (expect: "refuted")`);
    if (r.outcome === "vacuous") out.push(`${head}: vacuous: only ${r.casesMeetingHypothesis} of ${r.cases} cases met the hypothesis`);
    return out;
  };
  if (flags.json) {
    io.out(toExactJsonText({ ok, results: shown.map((r) => ({ ...r, verdict: verdictOf(r), asExpected: asExpected(r) })), ...(warnings.length ? { warnings } : {}) }));
  } else {
    io.out(table(headers, shown.map(row)));
    for (const r of shown) {
      const d = details(r, false);
      if (d.length) io.out("\n" + d.join("\n"));
    }
    io.out(`\n${summary}`);
  }
  if ((flags.runs !== undefined || flags.seed !== undefined) && shown.some((r) => r.mode === "exhaustive")) warnings.push(`--runs and --seed do not apply to an exhaustive run (${[...new Set(shown.filter((r) => r.mode === "exhaustive").map((r) => r.id))].join(", ")}): every case of its family is checked`);
  for (const w of [...warnings, ...storeWarnings(store, [...new Set(runs.map((r) => r.id))])]) io.err(`mechcheck conjecture: warning: ${w}`);
  if (report !== undefined) {
    const md = [
      `# mechcheck conjecture report: \`${given}\``,
      "",
      `Result: **${summary}**`,
      "",
      `Command: \`mechcheck conjecture ${args.map((a) => (/^[\w./@%+=:,-]+$/.test(a) ? a : JSON.stringify(a))).join(" ")}\``,
      "",
      ...[...new Map((order ?? []).map((u) => [u.id, u.statement])).entries()].map(([id, st]) => `- \`${id}\`: ${st}`),
      "",
      markdownTable(headers, shown.map(row)),
      ...shown.flatMap((r) => {
        const d = details(r, true);
        return d.length ? ["", ...d.map((l) => (l.startsWith("|") ? l : l.replace(/^(saved|reproduce): (.*)$/, "$1: `$2`")))] : [];
      }),
    ].join("\n");
    // Exclusive: a file created meanwhile is not replaced.
    if (!writeFileExclusive(report, md + "\n")) throw new MechcheckError("file-exists", `conjecture: --report ${JSON.stringify(report)} appeared while the conjecture ran; it was not overwritten (the results are above)`, { path: "--report", value: report });
    io.err(`mechcheck conjecture: report written to ${report}`);
  }
  if (shown.some((r) => r.outcome === "error")) return 2;
  return ok ? 0 : 1;
}
