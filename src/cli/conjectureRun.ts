/**
 * Runs inside the worker thread of `mechcheck conjecture` (see commands/conjecture.ts): loads the
 * user's file, runs each conjecture through the theorem runner, and posts each result back as
 * exact JSON text. Progress goes through shared memory, not messages: `clock[0]` is the index of
 * the case being checked (−1 while loading the file), `clock[1]` the time it started (ms), so the
 * main thread can stop a case that runs past its timeout without any help from this thread.
 */
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { isMechcheckError } from "../errors.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { loadLpEngine } from "../lp/solve.ts";
import { isConjecture, type Conjecture } from "../theorem/conjecture.ts";
import { runExhaustive } from "../theorem/exhaustive.ts";
import { runTheorem } from "../theorem/runner.ts";
import type { CounterexampleRecord } from "../store/counterexamples.ts";
import type { CheckResult, Theorem, TheoremRun } from "../catalogue/types.ts";
import { checkParamsAgainst, paramPoints, paramsText, type ParamSweep } from "./params.ts";

export interface WorkerInput {
  readonly file: string;
  /** Run only these units, by key (after a timeout restarted the worker); null = all. */
  readonly only: readonly string[] | null;
  /** `--param` values, by name (validated against the conjectures' declarations once loaded). */
  readonly sweep: ParamSweep;
  /** The cache: new counterexamples are saved here, and replayed. */
  readonly store: string;
  /** The project's curated store, replayed before the cache (never written). */
  readonly curated?: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly debug: boolean;
  readonly clock: SharedArrayBuffer;
}

/** One run: a conjecture at one point of its parameters. */
export interface RunUnit {
  /** `id`, or `id K=3 n=2` with parameters. */
  readonly key: string;
  readonly id: string;
  readonly statement: string;
  readonly params: Readonly<Record<string, number>>;
  readonly mode: "random" | "exhaustive";
  readonly expect: "holds" | "refuted";
}

/** A conjecture's run at one parameter point: the runner's result plus what the CLI shows. */
export type ConjectureRun = TheoremRun & {
  readonly params: Readonly<Record<string, number>>;
  readonly mode: "random" | "exhaustive";
  readonly expect: "holds" | "refuted";
  /** Exhaustive and complete: every case of the family was checked. */
  readonly total?: number;
};

export type WorkerMessage =
  | { readonly type: "loaded"; readonly units: readonly RunUnit[] }
  | { readonly type: "start"; readonly key: string }
  | { readonly type: "result"; readonly key: string; readonly runJson: string }
  | { readonly type: "fatal"; readonly code: string; readonly message: string };

const input = workerData as WorkerInput;
const clock = new Float64Array(input.clock);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
if (input.debug) process.env.MECHCHECK_DEBUG = "1";

function tick(caseIndex: number): void {
  clock[0] = caseIndex;
  clock[1] = Date.now();
}

/** The theorem with every call to hypothesis/check counted as one case for the timeout clock. */
function clocked<T>(thm: Theorem<T>, lastFailure: { message?: string }): Theorem<T> {
  let n = 0;
  const hyp = thm.hypothesis;
  return {
    ...thm,
    ...(hyp ? { hypothesis: (x: T) => (tick(n++), hyp(x)) } : {}),
    check: (x: T): CheckResult => {
      if (!hyp) tick(n++);
      const r = thm.check(x);
      if (!r.ok) lastFailure.message = r.message;
      return r;
    },
  };
}

function runJsonText(run: TheoremRun | ConjectureRun): string {
  try {
    return toExactJsonText(run);
  } catch (e) {
    // A violation the check returned that is not JSON (a cycle, a BigInt in a user object): keep the rest.
    const c = run.counterexample;
    const safe = { ...run, ...(c ? { counterexample: { ...c, violation: { unserializable: e instanceof Error ? e.message : String(e) } } } : {}) };
    return toExactJsonText(safe);
  }
}

async function main(): Promise<void> {
  tick(-1);
  await loadLpEngine();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(input.file).href)) as Record<string, unknown>;
  } catch (e) {
    if (isMechcheckError(e)) return post({ type: "fatal", code: e.code, message: e.message });
    const msg = e instanceof Error ? (input.debug && e.stack ? e.stack : `${e.name}: ${e.message.split("\n")[0]}`) : String(e);
    return post({ type: "fatal", code: "conjecture-load-failed", message: `could not load the file: ${msg}` });
  }
  const found = [...new Set(Object.values(mod).filter(isConjecture))] as Conjecture<unknown>[];
  try {
    checkParamsAgainst(input.sweep, found);
  } catch (e) {
    if (isMechcheckError(e)) return post({ type: "fatal", code: e.code, message: e.message });
    throw e;
  }
  const units: (RunUnit & { readonly c: Conjecture<unknown> })[] = found.flatMap((c) =>
    paramPoints(input.sweep, c.params).map((params) => ({ key: Object.keys(params).length ? `${c.id} ${paramsText(params)}` : c.id, id: c.id, statement: c.statement, params, mode: c.mode, expect: c.expect, c })),
  );
  post({ type: "loaded", units: units.map(({ key, id, statement, params, mode, expect }) => ({ key, id, statement, params, mode, expect })) });
  for (const u of units) {
    if (input.only !== null && !input.only.includes(u.key)) continue;
    post({ type: "start", key: u.key });
    const c = u.c;
    const last: { message?: string } = {};
    const savedFilter = (rec: CounterexampleRecord) => sameParams((rec as { params?: Record<string, number> }).params ?? {}, u.params);
    const stores = { storeRoot: input.curated ?? input.store, cacheRoot: input.store, savedFilter };
    let run: TheoremRun;
    try {
      const bound = c.at(u.params);
      if (bound.enumerate) {
        run = runExhaustive(clocked(bound.theorem, last), bound.enumerate, { ...stores, maxCases: bound.maxCases, ...(bound.size ? { size: bound.size } : {}) });
      } else {
        run = runTheorem(clocked(bound.theorem, last), {
          ...stores,
          save: false, // the main thread saves (a store that cannot be written is a warning there)
          ...(input.seed !== undefined ? { seed: input.seed } : {}),
          ...(input.runs !== undefined ? { runs: input.runs } : {}),
        });
      }
    } catch (e) {
      const what = isMechcheckError(e) ? `[${e.code}] ${e.message}` : e instanceof Error ? (input.debug && e.stack ? e.stack : `${e.name}: ${e.message}`) : String(e);
      const found = last.message !== undefined ? ` (the check did fail on a case: ${last.message})` : "";
      run = { id: c.id, kind: c.kind, source: c.source, outcome: "error", ok: false, cases: 0, casesMeetingHypothesis: 0, seed: input.seed ?? 0, runs: input.runs ?? 0, ms: 0, replayed: [], error: `${what}${found}` } as TheoremRun;
    }
    tick(-2);
    const full = { ...run, params: u.params, mode: c.mode, expect: c.expect } as ConjectureRun;
    post({ type: "result", key: u.key, runJson: runJsonText(full) });
  }
}

function sameParams(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

main().then(
  () => undefined,
  (e) => post({ type: "fatal", code: "internal", message: e instanceof Error ? (input.debug && e.stack ? e.stack : e.message) : String(e) }),
);
