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

/** Run `ids` on worker threads; the runs come back in the order of `ids`. */
export async function runTheoremsPooled(ids: readonly string[], opts: PoolOptions): Promise<TheoremRun[]> {
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1 || opts.jobs > MAX_JOBS) {
    throw new MechcheckError("usage", `--jobs must be an integer in [1, ${MAX_JOBS}], not ${opts.jobs}`, { path: "--jobs", value: opts.jobs, limit: MAX_JOBS });
  }
  const results: (TheoremRun | undefined)[] = new Array(ids.length);
  if (ids.length === 0) return [];
  const workers: Worker[] = [];
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
      const n = Math.min(opts.jobs, ids.length);
      for (let k = 0; k < n; k++) {
        const w = new Worker(opts.workerUrl, { workerData: { runOptions: opts.runOptions } satisfies PoolWorkerData });
        workers.push(w);
        w.on("message", (msg: PoolReply) => {
          if ("ready" in msg) return feed(w);
          // a theorem that throws ends the run as it would sequentially: the same code and message
          if ("error" in msg) return fail(msg.code !== undefined && isErrorCode(msg.code) ? new MechcheckError(msg.code, msg.error) : new InternalError(`theorem ${ids[msg.index]} threw in a worker thread: ${msg.error}`));
          results[msg.index] = JSON.parse(msg.json) as TheoremRun;
          done++;
          opts.onDone?.(done, ids.length, ids[msg.index]!);
          if (done === ids.length) resolve();
          else feed(w);
        });
        w.on("error", (e) => fail(e instanceof Error ? e : new InternalError(String(e))));
        w.on("exit", (code) => {
          if (code !== 0 && done < ids.length) fail(new InternalError(`a worker thread of the check pool exited with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as TheoremRun[];
}
