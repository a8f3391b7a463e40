/**
 * `check` on both cores: theorems run on a pool of worker threads, one theorem at a time per
 * worker (the next id goes to whichever worker is free), results returned in the order asked.
 * The ids are handed out longest first (by a recorded CPU cost per id, src/theorem/suiteCost.ts),
 * so that no long id starts last while the other worker idles: with greedy list scheduling the
 * workers then finish within one id's cost of each other, whatever the catalogue order.
 *
 * Each worker loads the catalogue and the LP engine once, then runs `runTheorem` on the ids it is
 * sent. A run crosses the thread boundary as exact JSON text (`toExactJsonText`: rationals as
 * "p/q" strings, bigints as decimal strings) and is parsed back into plain data: everything
 * downstream (the table, `--json`, the saved records and their content-hash names) goes through
 * the same exact JSON, so it is byte-identical to the sequential run's.
 *
 * The worker's entry file is given by the caller (a plain `.mjs` that loads TypeScript through tsx
 * in the repository, or the built JavaScript in the package), so this module stays in its layer.
 */
import { Worker } from "node:worker_threads";
import type { TheoremRun } from "../catalogue/types.ts";
import { InternalError, isErrorCode, MechcheckError } from "../errors.ts";
import type { RunOptions } from "./runner.ts";
import { suiteCostMs } from "./suiteCost.ts";

/** Worker threads by default (the machine this is measured on has 2 cores). */
export const DEFAULT_JOBS = 2;
export const MAX_JOBS = 64;

/** What the pool sends a worker once (workerData). */
export interface PoolWorkerData {
  readonly runOptions: RunOptions;
}
/** main → worker */
export type PoolRequest = { readonly index: number; readonly id: string } | { readonly stop: true };
/** worker → main */
export type PoolReply =
  | { readonly index: number; readonly json: string }
  | { readonly index: number; readonly error: string; readonly code?: string }
  | { readonly ready: true };

export interface PoolOptions {
  /** Worker threads (1..64); never more than there are ids. */
  readonly jobs: number;
  /** The worker's entry module (see the module comment). */
  readonly workerUrl: URL;
  readonly runOptions: RunOptions;
  /** Called as each theorem finishes (in completion order): done so far, total, its id. */
  readonly onDone?: (done: number, total: number, id: string) => void;
  /** Expected cost of an id (any unit); the pool hands out ids in decreasing cost. Default: the recorded CPU ms (src/theorem/suiteCost.ts). */
  readonly cost?: (id: string) => number;
}

/**
 * The order in which the pool hands out `ids` (indices into `ids`): decreasing cost, ties in the
 * order asked (longest-processing-time-first list scheduling). The workers then finish within
 * about the cost of the last, cheapest ids of each other, unless one id alone outweighs the rest.
 */
export function longestFirst(ids: readonly string[], cost: (id: string) => number): number[] {
  const c = ids.map((id) => cost(id));
  return ids.map((_, k) => k).sort((a, b) => c[b]! - c[a]! || a - b);
}

/** One worker as the pool sees it: its events queued until a run listens (a worker started early, see startPoolWorkers). */
type WorkerEvent = { readonly message: PoolReply } | { readonly error: Error } | { readonly exit: number };

class PoolWorker {
  readonly worker: Worker;
  private queue: WorkerEvent[] = [];
  private handler: ((ev: WorkerEvent) => void) | null = null;
  constructor(workerUrl: URL, runOptions: RunOptions) {
    this.worker = new Worker(workerUrl, { workerData: { runOptions } satisfies PoolWorkerData });
    this.worker.on("message", (message: PoolReply) => this.emit({ message }));
    this.worker.on("error", (e) => this.emit({ error: e instanceof Error ? e : new InternalError(String(e)) }));
    this.worker.on("exit", (exit) => this.emit({ exit }));
  }
  private emit(ev: WorkerEvent): void {
    if (this.handler) this.handler(ev);
    else this.queue.push(ev);
  }
  listen(handler: (ev: WorkerEvent) => void): void {
    this.handler = handler;
    for (const ev of this.queue.splice(0)) handler(ev);
  }
}

/**
 * Worker threads started before the ids are known, for one `runTheoremsPooled` call (its
 * `workers` option), which stops them; `close` stops them if the run never comes (e.g. an unknown
 * id). A caller starts them first so that their start-up (a Node thread, the modules, the
 * catalogue, HiGHS) overlaps its own (the catalogue, to select the ids).
 */
export interface PoolWorkers {
  readonly size: number;
  close(): Promise<void>;
}

const WORKERS = new WeakMap<PoolWorkers, readonly PoolWorker[]>();

function checkJobs(jobs: number): void {
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new MechcheckError("usage", `--jobs must be an integer in [1, ${MAX_JOBS}], not ${jobs}`, { path: "--jobs", value: jobs, limit: MAX_JOBS });
  }
}

/** Start `jobs` pool workers now (see PoolWorkers). */
export function startPoolWorkers(jobs: number, workerUrl: URL, runOptions: RunOptions): PoolWorkers {
  checkJobs(jobs);
  const ws = Array.from({ length: jobs }, () => new PoolWorker(workerUrl, runOptions));
  const handle: PoolWorkers = { size: jobs, close: async () => void (await Promise.all(ws.map((w) => w.worker.terminate()))) };
  WORKERS.set(handle, ws);
  return handle;
}

/**
 * Run `ids` on worker threads; the runs come back in the order of `ids`. The workers are
 * `opts.workers` if given (started earlier with the same workerUrl and runOptions; `opts.jobs`
 * is then their number), else min(jobs, ids) new ones; either way they are stopped at the end.
 */
export async function runTheoremsPooled(ids: readonly string[], opts: PoolOptions & { readonly workers?: PoolWorkers }): Promise<TheoremRun[]> {
  checkJobs(opts.jobs);
  const started = opts.workers !== undefined ? WORKERS.get(opts.workers) : undefined;
  if (opts.workers !== undefined && started === undefined) throw new InternalError("runTheoremsPooled: workers not started by startPoolWorkers");
  const results: (TheoremRun | undefined)[] = new Array(ids.length);
  if (ids.length === 0) {
    await opts.workers?.close();
    return [];
  }
  const workers: PoolWorker[] = started !== undefined ? [...started] : [];
  const order = longestFirst(ids, opts.cost ?? ((id) => suiteCostMs(id, opts.runOptions.runsScale)));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const feed = (w: Worker) => {
        if (failed) return;
        if (next < ids.length) {
          const index = order[next++]!;
          w.postMessage({ index, id: ids[index]! } satisfies PoolRequest);
        } else {
          w.postMessage({ stop: true } satisfies PoolRequest);
        }
      };
      if (started === undefined) for (let k = Math.min(opts.jobs, ids.length); k > 0; k--) workers.push(new PoolWorker(opts.workerUrl, opts.runOptions));
      for (const pw of workers) {
        const w = pw.worker;
        pw.listen((ev) => {
          if ("error" in ev) return fail(ev.error);
          if ("exit" in ev) {
            if (ev.exit !== 0 && done < ids.length) fail(new InternalError(`a worker thread of the check pool exited with code ${ev.exit}`));
            return;
          }
          const msg = ev.message;
          if ("ready" in msg) return feed(w);
          // a theorem that throws ends the run as it would sequentially: the same code and message
          if ("error" in msg) return fail(msg.code !== undefined && isErrorCode(msg.code) ? new MechcheckError(msg.code, msg.error) : new InternalError(`theorem ${ids[msg.index]} threw in a worker thread: ${msg.error}`));
          results[msg.index] = JSON.parse(msg.json) as TheoremRun;
          done++;
          opts.onDone?.(done, ids.length, ids[msg.index]!);
          if (done === ids.length) resolve();
          else feed(w);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return results as TheoremRun[];
}
