/**
 * `mechcheck conjecture <file.ts> [--runs N] [--seed S] [--timeout MS] [--store DIR] [--json]
 * [--no-save] [--no-typecheck]`: run a user's conjecture (the file's default export, or every
 * exported conjecture) through the theorem runner.
 *
 * The file is code, run with the user's rights. It is type-checked first (file:line:col errors,
 * exit 2, nothing run), then loaded and run in a worker thread: a case (one call of hypothesis and
 * check) that runs longer than --timeout (default 10 s) is stopped — even a synchronous infinite
 * loop — and reported as `error: timeout`; the other conjectures of the file still run.
 * Counterexamples are shrunk and saved to DIR/<id>/ (default: the cache .mechcheck/counterexamples/
 * of the file's project), replayed on the next run after the project's curated counterexamples/; a store that cannot be written is a warning, not the end of the run.
 *
 * Exit code: 0 every conjecture holds; 1 one is refuted or vacuous; 2 an error (a bad file, a check
 * that throws, returns a non-boolean or a Promise, or times out) or bad usage.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defaultCacheRoot, projectStoreRoot } from "../../store/project.ts";
import { Worker } from "node:worker_threads";
import { InternalError, isErrorCode, MechcheckError } from "../../errors.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import { DEFAULT_SEED } from "../../theorem/runner.ts";
import type { ErrorRun, TheoremRun } from "../../catalogue/types.ts";
import { parseCommandArgs } from "../specs.ts";
import type { WorkerInput, WorkerMessage } from "../conjectureRun.ts";
import type { CommandIO } from "../io.ts";
import { pct, table } from "../report.ts";
import { saveRunCounterexample, storeWarnings } from "../save.ts";
import { typecheckFile } from "../typecheck.ts";

export const DEFAULT_CASE_TIMEOUT_MS = 10_000;
/** Loading the file (compiling it and mechcheck through tsx) gets at least this long. */
const LOAD_ALLOWANCE_MS = 60_000;

const USAGE = "<file.ts> [--runs N] [--seed S] [--timeout MS] [--store DIR] [--json] [--no-save] [--no-typecheck]";

interface WorkerOutcome {
  readonly results: Map<string, TheoremRun>;
  readonly ids: readonly string[] | null;
  readonly fatal?: { code: string; message: string };
}

/** Run the file's conjectures (all, or `only`) in one worker; stop it when a case outlives the timeout. */
function runInWorker(input: Omit<WorkerInput, "clock" | "only">, only: readonly string[] | null, timeoutMs: number, onTimeout: (id: string, caseIndex: number, ms: number) => ErrorRun): Promise<WorkerOutcome> {
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
  const results = new Map<string, TheoremRun>();
  let ids: readonly string[] | null = null;
  let current: string | null = null;
  return new Promise((resolveRun) => {
    let settled = false;
    const finish = (fatal?: { code: string; message: string }) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      resolveRun({ results, ids, ...(fatal ? { fatal } : {}) });
    };
    const timer = setInterval(() => {
      const caseIndex = view[0]!;
      const elapsed = Date.now() - view[1]!;
      const limit = caseIndex === -1 ? Math.max(timeoutMs, LOAD_ALLOWANCE_MS) : timeoutMs;
      if (caseIndex === -2 || elapsed <= limit) return;
      if (current === null) return finish({ code: "timeout", message: `loading the file took longer than ${limit} ms (a top-level loop?); stopped` });
      results.set(current, onTimeout(current, caseIndex, timeoutMs));
      finish();
    }, Math.min(100, Math.max(10, Math.floor(timeoutMs / 4))));
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "loaded") ids = m.ids;
      else if (m.type === "start") current = m.id;
      else if (m.type === "result") {
        results.set(m.id, JSON.parse(m.runJson) as TheoremRun);
        current = null;
      } else if (m.type === "fatal") finish({ code: m.code, message: m.message });
    });
    worker.on("error", (e: Error & { code?: string }) => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (current !== null && oom) {
        results.set(current, { ...onTimeout(current, view[0]!, 0), error: "out of memory (the case needed more than 2 GB)" });
        return finish();
      }
      finish({ code: oom ? "out-of-memory" : "conjecture-crashed", message: oom ? "the conjecture ran out of memory (more than 2 GB)" : `the conjecture's thread failed: ${e.message}` });
    });
    worker.on("exit", () => finish());
  });
}

export async function conjectureCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("conjecture", args);
  const given = positionals[0]!;
  const file = resolve(given);
  if (!existsSync(file)) throw new MechcheckError("file-not-found", `conjecture: no file ${JSON.stringify(given)}`, { path: "file", value: given });
  if (!statSync(file).isFile()) throw new MechcheckError("usage", `conjecture: ${JSON.stringify(given)} is not a file`, { path: "file", value: given });
  // New counterexamples go to the cache of the file's project (.mechcheck/counterexamples/ under the
  // nearest folder with a package.json), or --store; the project's curated counterexamples/ is only read.
  const store = resolve((flags.store as string | undefined) ?? defaultCacheRoot(dirname(file)));
  const curated = projectStoreRoot(dirname(file));
  if (existsSync(store) && !statSync(store).isDirectory()) throw new MechcheckError("usage", `conjecture: --store ${JSON.stringify(flags.store)} is a file, not a directory`, { path: "--store", value: flags.store });
  const timeoutMs = (flags.timeout as number | undefined) ?? DEFAULT_CASE_TIMEOUT_MS;
  const debug = process.env.MECHCHECK_DEBUG === "1";

  if (!flags["no-typecheck"]) {
    const tc = await typecheckFile(given);
    if (tc.errors.length > 0) {
      const shown = tc.errors.slice(0, 20);
      const more = tc.errors.length > shown.length ? `; and ${tc.errors.length - shown.length} more` : "";
      throw new MechcheckError("type-error", `conjecture: ${tc.errors.length} type error${tc.errors.length === 1 ? "" : "s"}, nothing was run: ${shown.join("; ")}${more} (--no-typecheck runs it anyway)`, { path: "file", value: given });
    }
    if (!tc.ran) io.err("mechcheck conjecture: warning: the TypeScript compiler is not installed; the file was not type-checked");
  }

  const seed = (flags.seed as number | undefined) ?? DEFAULT_SEED;
  const base: Omit<WorkerInput, "clock" | "only"> = { file, store, ...(resolve(curated) !== store ? { curated } : {}), debug, seed, ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}) };
  const timedOut = (id: string, caseIndex: number, ms: number): ErrorRun => ({
    id,
    kind: "theorem",
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
  });
  const results = new Map<string, TheoremRun>();
  let order: readonly string[] | null = null;
  let only: string[] | null = null;
  for (;;) {
    const w = await runInWorker(base, only, timeoutMs, timedOut);
    order ??= w.ids;
    for (const [id, r] of w.results) results.set(id, r);
    if (w.fatal) {
      if (results.size === 0) {
        const { code, message } = w.fatal;
        throw isErrorCode(code) ? new MechcheckError(code, `conjecture: ${given}: ${message}`, { path: "file", value: given }) : new InternalError(`conjecture: ${given}: [${code}] ${message}`);
      }
      io.err(`mechcheck conjecture: error [${w.fatal.code}]: ${w.fatal.message}`);
      break;
    }
    if (order === null) throw new MechcheckError("conjecture-crashed", `conjecture: ${given}: the file was not loaded`, { path: "file", value: given });
    if (order.length === 0) throw new MechcheckError("no-conjecture", `conjecture: ${given} exports no conjecture (export default conjecture({ … }))`, { path: "file", value: given });
    const left = order.filter((id) => !results.has(id));
    if (left.length === 0) break;
    if (only !== null && left.length === only.length) break; // no progress: give up on the rest
    only = left;
  }
  const runs: TheoremRun[] = (order ?? []).filter((id) => results.has(id)).map((id) => results.get(id)!);

  // Save counterexamples here, not in the worker: a failed write is a warning, and results stay.
  const warnings: string[] = [];
  const shown: TheoremRun[] = runs.map((r) => {
    if (flags["no-save"] || !r.counterexample || r.outcome === "error") return r;
    const s = saveRunCounterexample(r, store, `mechcheck conjecture ${given} --seed ${r.seed} --runs ${r.runs}`);
    if (s.warning) warnings.push(s.warning);
    return s.run;
  });

  const verdict = (r: TheoremRun) => (r.outcome === "unexpected-counterexample" ? "refuted" : r.outcome);
  const ok = shown.every((r) => r.ok);
  if (flags.json) {
    io.out(toExactJsonText({ ok, results: shown.map((r) => ({ ...r, verdict: verdict(r) })), ...(warnings.length ? { warnings } : {}) }));
  } else {
    io.out(table(["conjecture", "verdict", "cases", "hypothesis", "ms"], shown.map((r) => [r.id, verdict(r), String(r.cases), pct(r.casesMeetingHypothesis, r.cases), String(r.ms)])));
    for (const r of shown) {
      if (r.outcome === "error") {
        const c = r.counterexample;
        io.out(`\n${r.id}: error: ${r.error ?? "unknown"}${c ? `\n  on the case at replay: { seed: ${c.seed}, path: "${c.path}" } (${c.numShrinks} shrinks)` : ""}`);
        continue;
      }
      if (r.counterexample) {
        io.out(`\n${r.id}: refuted. ${r.counterexample.message}`);
        io.out(`minimal counterexample (${r.counterexample.numShrinks} shrinks):\n${toExactJsonText(r.counterexample.instance)}`);
        if (r.counterexample.file) io.out(`saved: ${r.counterexample.file}  (replayed first on the next run)`);
        io.out(`replay: { seed: ${r.counterexample.seed}, path: "${r.counterexample.path}" }`);
      }
      if (r.error) io.out(`\n${r.id}: ${r.error}`);
    }
  }
  for (const w of [...warnings, ...storeWarnings(store, runs.map((r) => r.id))]) io.err(`mechcheck conjecture: warning: ${w}`);
  if (shown.some((r) => r.outcome === "error")) return 2;
  return ok ? 0 : 1;
}
