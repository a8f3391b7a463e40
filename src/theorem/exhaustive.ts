/**
 * Exhaustive runs: a finite family of cases checked one by one, in the order given (no generator,
 * no shrinking: the first failing case is the counterexample, so a family listed smallest first
 * yields a smallest one). Saved cases are replayed first, as in `runTheorem`; the run has the same
 * shape as a random run, with `mode: "exhaustive"` and, when every case was checked, `total`.
 *
 * Size guards: `size()` (when the family knows it) is compared with `maxCases` before anything is
 * enumerated; the enumeration itself is stopped at `maxCases + 1` cases (an error, never a verdict
 * on part of the family).
 */
import { resolve } from "node:path";
import { isMechcheckError } from "../errors.ts";
import { outcomeIsOk, type Counterexample, type RunFinding, type Theorem, type TheoremRun } from "../catalogue/types.ts";
import { DEFAULT_MIN_HYPOTHESIS_RATE, replaySaved, validCheckResult, withReplayFailures, type RunOptions } from "./runner.ts";

export interface ExhaustiveOptions extends Pick<RunOptions, "storeRoot" | "cacheRoot" | "savedFilter"> {
  readonly maxCases: number;
  /** The family's size when known in advance (checked before enumerating). */
  readonly size?: () => number | bigint;
}

export type ExhaustiveRun = TheoremRun & { readonly mode: "exhaustive"; readonly total?: number };

/**
 * An exhaustive run's counterexample has no fast-check coordinates: `seed` and `path` are null (the
 * saved record's are too) and `caseIndex` is its 1-based position in the enumeration. It travels as
 * a `Counterexample` (JSON) through the CLI, which reads `caseIndex` to tell the two apart.
 */
export interface EnumeratedCounterexample extends Omit<Counterexample, "seed" | "path"> {
  readonly seed: null;
  readonly path: null;
  readonly caseIndex: number;
}

function what(e: unknown): string {
  return isMechcheckError(e) ? `[${e.code}] ${e.message}` : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export function runExhaustive<T>(thm: Theorem<T>, cases: () => Iterable<T>, opts: ExhaustiveOptions): ExhaustiveRun {
  const t0 = performance.now();
  const replayed = replaySaved(thm, opts.storeRoot, opts.savedFilter);
  if (opts.cacheRoot !== undefined && resolve(opts.cacheRoot) !== resolve(opts.storeRoot)) replayed.push(...replaySaved(thm, opts.cacheRoot, opts.savedFilter));
  let n = 0;
  let met = 0;
  let finding: RunFinding | undefined;
  let complete = false;
  const sizeError = (): string | undefined => {
    if (!opts.size) return undefined;
    let s: unknown;
    try {
      s = opts.size();
    } catch (e) {
      return `size(params) threw ${what(e)}`;
    }
    if (typeof s !== "number" && typeof s !== "bigint") return `size(params) returned ${String(s)}; it must return a number of cases`;
    if (typeof s === "number" && !(Number.isInteger(s) && s >= 0)) return `size(params) returned ${s}; it must return a whole number of cases`;
    if (BigInt(s) > BigInt(opts.maxCases)) return `the family has ${s} cases, above maxCases ${opts.maxCases}; nothing was enumerated (raise maxCases, up to 10^7, or narrow the parameters)`;
    return undefined;
  };
  const tooBig = sizeError();
  if (tooBig !== undefined) finding = { outcome: "error", error: tooBig };
  else {
    try {
      for (const x of cases()) {
        n++;
        if (n > opts.maxCases) {
          n--;
          finding = { outcome: "error", error: `the enumeration yielded more than maxCases ${opts.maxCases} cases; stopped after ${opts.maxCases} (raise maxCases, up to 10^7, or narrow the parameters)` };
          break;
        }
        let r;
        try {
          if (thm.hypothesis && !thm.hypothesis(x)) continue;
          met++;
          r = validCheckResult(thm.id, thm.check(x));
        } catch (e) {
          finding = { outcome: "error", error: `${what(e)} (on case #${n} of the enumeration)`, counterexample: { ...counterexampleOf(thm, x, n, null, `error on case #${n}`, true) } };
          break;
        }
        if (!r.ok) {
          let counterexample: Counterexample;
          try {
            counterexample = counterexampleOf(thm, x, n, r.violation, r.message);
          } catch (e) {
            finding = { outcome: "error", error: `${what(e)} (the failing case #${n}: ${r.message})` };
            break;
          }
          finding = thm.kind === "refutation" ? { outcome: "refuted", counterexample } : { outcome: "unexpected-counterexample", counterexample };
          break;
        }
      }
      if (finding === undefined) complete = true;
    } catch (e) {
      finding = { outcome: "error", error: `enumerate(params) threw ${what(e)} after ${n} cases` };
    }
  }
  if (finding === undefined) {
    const minRate = thm.minHypothesisRate ?? DEFAULT_MIN_HYPOTHESIS_RATE;
    if (thm.kind === "refutation") finding = { outcome: "no-counterexample-found" };
    else if (n === 0 || met / n < minRate) finding = { outcome: "vacuous" };
    else finding = { outcome: "holds" };
  }
  finding = withReplayFailures(thm.kind, finding, replayed);
  const run = {
    id: thm.id,
    kind: thm.kind,
    source: thm.source,
    outcome: finding.outcome,
    ok: outcomeIsOk(thm.kind, finding.outcome),
    cases: n,
    casesMeetingHypothesis: met,
    seed: null,
    runs: n,
    ms: Math.round(performance.now() - t0),
    mode: "exhaustive",
    ...(complete ? { total: n } : {}),
    ...(finding.counterexample ? { counterexample: finding.counterexample } : {}),
    replayed,
    ...(finding.error !== undefined ? { error: finding.error } : {}),
  };
  return run as unknown as ExhaustiveRun;
}

/** The case as a counterexample; an encoding failure throws, unless `safe` (then it is described). */
function counterexampleOf<T>(thm: Theorem<T>, x: T, index: number, violation: unknown, message: string, safe = false): Counterexample {
  let instance: unknown;
  try {
    instance = thm.codec.encode(x);
  } catch (e) {
    if (!safe) throw e;
    instance = { unencodable: what(e) };
  }
  const c: EnumeratedCounterexample = { instance, violation, message, seed: null, path: null, numShrinks: 0, caseIndex: index };
  return c as unknown as Counterexample;
}
