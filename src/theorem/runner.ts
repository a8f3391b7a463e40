/**
 * The generic theorem runner: replay saved cases first (Hypothesis-style), then generate cases with
 * fast-check at a fixed seed, count how many met the hypothesis (no vacuous passes), shrink a
 * failure to a minimal case and, for a refutation, save it to the curated store. Nothing here knows
 * any economics: everything specific lives in the Theorem.
 */
import * as fc from "fast-check";
import { join, resolve } from "node:path";
import { defaultCacheRoot } from "../store/project.ts";
import { isMechcheckError, MechcheckError } from "../errors.ts";
import { saveCounterexample, loadCounterexamples, displayPath, type CounterexampleRecord } from "../store/counterexamples.ts";
import { TOOL_VERSION } from "../version.ts";
import { replayRecord } from "./replay.ts";
import { outcomeIsOk, type CheckResult, type Counterexample, type ReplayOutcome, type RunFinding, type Theorem, type TheoremRun } from "../catalogue/types.ts";

export const DEFAULT_SEED = 20261123;
export const DEFAULT_RUNS = 200;
export const DEFAULT_MIN_HYPOTHESIS_RATE = 0.5;

/**
 * How `runTheorem` runs: the seed, the number of cases (or a scale of the default), the curated
 * store and the cache of new finds, whether to save counterexamples, a single fast-check path to
 * replay, and which saved records to replay.
 */
export interface RunOptions {
  readonly seed?: number;
  /** Cases to generate; default the theorem's defaultRuns (× runsScale), else DEFAULT_RUNS. */
  readonly runs?: number;
  /** Multiply every theorem's default run count (e.g. 0.1 for a quick CI pass, 10 for a deep one). */
  readonly runsScale?: number;
  /** Curated store root (counterexamples/). Refutations' minimal cases are saved here. */
  readonly storeRoot: string;
  /** Cache of new finds, replayed after the curated store; unexpected failures of theorems are saved here (default: `.mechcheck/counterexamples/` under the project root, src/store/project.ts). */
  readonly cacheRoot?: string;
  /** Save new counterexamples (default true). */
  readonly save?: boolean;
  /** Replay coordinates: run only the case at this fast-check path (with `seed`). */
  readonly path?: string;
  /** Replay only the saved records this accepts (a conjecture's records of other parameter values are not its cases). */
  readonly savedFilter?: (record: CounterexampleRecord) => boolean;
}

/**
 * A check must return `{ ok: true, … }` or `{ ok: false, violation, message }`: anything else (a
 * Promise, `undefined`, `{ ok: "yes" }`) would read as a pass to fast-check, so it is an error.
 */
export function validCheckResult(id: string, r: unknown): CheckResult {
  if (r === null || typeof r !== "object" || typeof (r as { ok?: unknown }).ok !== "boolean") {
    const shown = r instanceof Promise ? "a Promise (async checks are not supported)" : (() => { try { return JSON.stringify(r) ?? String(r); } catch { return String(r); } })();
    throw new MechcheckError("bad-check-result", `${id}: the check returned ${shown}; it must return { ok: true } or { ok: false, violation, message }`, { value: String(r) });
  }
  return r as CheckResult;
}

function safeCheck<T>(thm: Theorem<T>, x: T): CheckResult | { error: string } {
  try {
    return validCheckResult(thm.id, thm.check(x));
  } catch (e) {
    return { error: isMechcheckError(e) ? `[${e.code}] ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** Replay every saved case of a theorem; no generator involved. */
export function replaySaved<T>(thm: Theorem<T>, storeRoot: string, filter?: (record: CounterexampleRecord) => boolean): ReplayOutcome[] {
  const out: ReplayOutcome[] = [];
  for (const { file, record } of loadCounterexamples(storeRoot, thm.id)) {
    if (filter && !filter(record)) continue;
    out.push(replayRecord(thm, record, displayPath(file)));
  }
  return out;
}

// Replay re-derives each saved violation and compares it with the record: src/theorem/replay.ts.
export { replayRecord } from "./replay.ts";

/** The declared coverage classes that occurred fewer times than required, in words. */
export function coverageHoles(counts: Readonly<Record<string, number>>, required: Readonly<Record<string, number>>): string[] {
  return Object.entries(required)
    .filter(([cls, min]) => (counts[cls] ?? 0) < min)
    .map(([cls, min]) => `class "${cls}" occurred ${counts[cls] ?? 0} times (needs ≥ ${min})`);
}

/**
 * Run a theorem: replay its saved cases first, then check generated cases at a fixed seed, counting
 * how many met the hypothesis; a failure is shrunk to a minimal case and, when `save` is on, saved.
 * The result is the outcome (holds, refuted, vacuous, …) with its counts and whether it is as
 * expected, deterministic per seed.
 */
export function runTheorem<T>(thm: Theorem<T>, opts: RunOptions): TheoremRun {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const base = thm.kind === "example" ? 1 : (thm.defaultRuns ?? DEFAULT_RUNS);
  const runs = opts.runs ?? Math.max(1, Math.round(base * (thm.kind === "example" ? 1 : (opts.runsScale ?? 1))));
  // The curated store first, then the cache of earlier finds (when it is another folder).
  const replayed = [...replaySaved(thm, opts.storeRoot, opts.savedFilter), ...(opts.cacheRoot !== undefined && resolve(opts.cacheRoot) !== resolve(opts.storeRoot) ? replaySaved(thm, opts.cacheRoot, opts.savedFilter) : [])];

  let cases = 0;
  let met = 0;
  let failedOnce = false;
  const tags: Record<string, number> = {};
  const coverage: Record<string, number> = {};
  const property = fc.property(thm.arbitrary, (x: T) => {
    const counting = !failedOnce;
    if (counting) cases++;
    // Coverage is tallied on every counted case, hypothesis or not (a theorem without a hypothesis
    // counts 100% of its cases, so only this sees a generator that became trivial).
    if (counting && thm.coverage) for (const c of new Set(thm.coverage.classify(x))) coverage[c] = (coverage[c] ?? 0) + 1;
    if (thm.hypothesis && !thm.hypothesis(x)) return true;
    if (counting) met++;
    const r = validCheckResult(thm.id, thm.check(x));
    if (!r.ok) failedOnce = true;
    else if (counting && r.tag !== undefined) tags[r.tag] = (tags[r.tag] ?? 0) + 1;
    return r.ok;
  });
  const params: fc.Parameters<[T]> = opts.path !== undefined ? { seed, path: opts.path, numRuns: runs } : { seed, numRuns: runs };
  const details = fc.check(property, params);

  let finding: RunFinding;
  if (details.failed && details.counterexample !== null) {
    const x = details.counterexample[0];
    const r = safeCheck(thm, x);
    const path = details.counterexamplePath ?? "";
    if ("error" in r || r.ok) {
      const error = "error" in r ? r.error : "the shrunk case passes when re-checked (non-deterministic check?)";
      finding = { outcome: "error", error, counterexample: { instance: safeEncode(thm, x), violation: null, message: error, seed: details.seed, path, numShrinks: details.numShrinks } };
    } else {
      const instance = thm.codec.encode(x);
      const isRefutation = thm.kind === "refutation";
      let file: string | undefined;
      if (opts.save !== false) {
        const root = opts.cacheRoot ?? (isRefutation ? opts.storeRoot : defaultCacheRoot());
        const rec: CounterexampleRecord = {
          format: 1,
          theorem: thm.id,
          kind: thm.kind,
          expect: "fails",
          instance,
          violation: r.violation,
          message: r.message,
          seed: details.seed,
          path,
          origin: `mechcheck check ${thm.id} --seed ${details.seed} --runs ${runs}`,
          toolVersion: TOOL_VERSION,
        };
        file = displayPath(saveCounterexample(root, rec).file);
      }
      const counterexample: Counterexample = { instance, violation: r.violation, message: r.message, seed: details.seed, path, numShrinks: details.numShrinks, ...(file !== undefined ? { file } : {}) };
      finding = isRefutation ? { outcome: "refuted", counterexample } : { outcome: "unexpected-counterexample", counterexample };
    }
  } else if (details.failed) {
    finding = { outcome: "error", error: details.interrupted ? "interrupted" : "too many skipped cases" };
  } else {
    const minRate = thm.minHypothesisRate ?? DEFAULT_MIN_HYPOTHESIS_RATE;
    if (thm.kind === "refutation") finding = { outcome: "no-counterexample-found" };
    else if (cases === 0 || met / cases < minRate) finding = { outcome: "vacuous" };
    else finding = { outcome: "holds" };
  }
  // A coverage hole fails the run whatever the check said (judged only on runs of a useful size,
  // and not on a replay of one path): a theorem "holding" on a trivial generator proves nothing.
  if (thm.coverage && opts.path === undefined && cases >= (thm.coverage.minRuns ?? 50) && finding.outcome !== "error") {
    const holes = coverageHoles(coverage, thm.coverage.required);
    if (holes.length > 0) finding = { outcome: "coverage-hole", error: `coverage hole in ${cases} cases: ${holes.join("; ")}`, ...(finding.counterexample ? { counterexample: finding.counterexample } : {}) };
  }
  finding = withReplayFailures(thm.kind, finding, replayed);
  const ms = Math.round(performance.now() - t0);
  // Keys in this order: `check --json` output is compared byte for byte across versions.
  const run = {
    id: thm.id,
    kind: thm.kind,
    source: thm.source,
    outcome: finding.outcome,
    ok: outcomeIsOk(thm.kind, finding.outcome),
    cases,
    casesMeetingHypothesis: met,
    seed,
    runs,
    ms,
    ...(Object.keys(tags).length > 0 ? { tags: sortKeys(tags) } : {}),
    ...(thm.coverage ? { coverage: sortKeys(coverage) } : {}),
    ...(finding.counterexample ? { counterexample: finding.counterexample } : {}),
    replayed,
    ...(finding.error !== undefined ? { error: finding.error } : {}),
  };
  return run as TheoremRun; // the same fields as `finding`, re-ordered
}

function safeEncode<T>(thm: Theorem<T>, x: T): unknown {
  try {
    return thm.codec.encode(x);
  } catch (e) {
    return { unencodable: String(e) };
  }
}

function sortKeys(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function defaultStoreRoot(projectRoot: string): string {
  return join(projectRoot, "counterexamples");
}

/**
 * A saved case that no longer replays as recorded changes the outcome (a stale or edited record is
 * never "as expected"): a refutation becomes an error, anything else an unexpected counterexample,
 * with every failing file named; an error finding stays as it is.
 */
export function withReplayFailures(kind: Theorem["kind"], finding: RunFinding, replayed: readonly ReplayOutcome[]): RunFinding {
  if (replayed.every((r) => r.ok) || finding.outcome === "error") return finding;
  const error = replayed.filter((r) => !r.ok).map((r) => `${r.file}: ${r.message}`).join("; ");
  const counterexample = finding.counterexample ? { counterexample: finding.counterexample } : {};
  return kind === "refutation" ? { outcome: "error", error, ...counterexample } : { outcome: "unexpected-counterexample", error, ...counterexample };
}
