/**
 * A theorem of the catalogue  as data plus code: what it says, where it
 * comes from, the environments it quantifies over (a fast-check arbitrary, shrinking inside it),
 * its hypothesis, and an exact check returning a certificate or a violation as data.
 */
import type * as fc from "fast-check";

export type TheoremKind = "theorem" | "refutation" | "example";

/** An exact check's answer on one case. `tag` (optional) is tallied by the runner. */
export type CheckResult =
  | { readonly ok: true; readonly certificate?: unknown; readonly tag?: string }
  | { readonly ok: false; readonly violation: unknown; readonly message: string; readonly tag?: string };

import type { CaseCodec } from "../model/caseCodec.ts";
export type { CaseCodec } from "../model/caseCodec.ts";

/**
 * A theorem of the catalogue as data plus code: its id, kind and source, the finite statement, the
 * arbitrary of cases, the hypothesis, the exact check returning a certificate or a violation as
 * data, the case codec, and negative controls.
 */
export interface Theorem<T = any> {
  readonly id: string;
  readonly kind: TheoremKind;
  /** Seed file and slide / proposition, e.g. "001 Def 6.16". */
  readonly source: string;
  /** The finite statement, in words. */
  readonly statement: string;
  /** For a refutation: the id of the true finite statement that sits next to it. */
  readonly trueVersion?: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Cases not meeting the hypothesis are counted and skipped. Absent = every case meets it. */
  readonly hypothesis?: (x: T) => boolean;
  /** The exact check of one case: a certificate, or a violation as data with a message. */
  readonly check: (x: T) => CheckResult;
  readonly codec: CaseCodec<T>;
  /** Default number of generated cases for `mechcheck check` (examples: 1). */
  readonly defaultRuns?: number;
  /** Fewest cases/runs fraction that must meet the hypothesis (default 0.5); below it the run is "vacuous". */
  readonly minHypothesisRate?: number;
  /**
   * Known-bad inputs on which the check must say `ok: false` (test/theorem/negative-controls.test.ts
   * runs every one): they show the check can fail. Every id has at least one.
   */
  readonly negativeControls?: readonly NegativeControl<T>[];
  /**
   * Classes the generated cases must cover (a generator stuck at its minimum size is seen here):
   * the runner classifies every counted case, hypothesis or not, and a declared class that occurs
   * fewer than its minimum times makes the run `coverage-hole` (not ok).
   */
  readonly coverage?: CoverageSpec<T>;
}

/**
 * A negative control: a named known-bad input derived from the model (a mechanism that really
 * violates the property, a perturbed number, a refutation's saved counterexample) and the check it
 * must fail. `check` defaults to the theorem's own check; a control may instead run the SAME check
 * logic on a perturbed mechanism or a perturbed reference value when the theorem's check builds its
 * mechanism itself (the property file then exports that logic with the mechanism as a parameter).
 */
export interface NegativeControl<T = any> {
  readonly name: string;
  /** What is wrong with the input, in words. */
  readonly why: string;
  /** Built lazily (some need the LP engine loaded). */
  readonly input: () => T;
  readonly check?: (x: T) => CheckResult;
}

/** Coverage: `classify` maps a case to its classes; each class in `required` must occur ≥ its minimum. */
export interface CoverageSpec<T = any> {
  readonly classify: (x: T) => readonly string[];
  /** class → fewest occurrences among the counted cases of a run. */
  readonly required: Readonly<Record<string, number>>;
  /** Below this many cases (e.g. `check --runs 5`) coverage is not judged (default 50). */
  readonly minRuns?: number;
}

export type Outcome = "holds" | "refuted" | "unexpected-counterexample" | "no-counterexample-found" | "vacuous" | "coverage-hole" | "error";

export interface Counterexample {
  readonly instance: unknown;
  readonly violation: unknown;
  readonly message: string;
  /** fast-check replay coordinates: paste `{ seed, path }` back into fc.assert to replay. */
  readonly seed: number;
  readonly path: string;
  readonly numShrinks: number;
  /** Where it was saved, relative to the project root (absent if not saved). */
  readonly file?: string;
}

export interface ReplayOutcome {
  readonly file: string;
  readonly expect: "fails" | "holds";
  readonly ok: boolean;
  readonly message?: string;
  /**
   * For a saved failing case whose check still fails: whether the violation the code computes today
   * equals the saved one (see src/theorem/replay.ts). "stale" makes `ok` false; `mechcheck replay
   * --update` rewrites the record.
   */
  readonly violation?: "same" | "stale";
  /** Same violation, but the message the check writes today differs (ok; `--update` refreshes it). */
  readonly messageReworded?: boolean;
  /** The violation and message recomputed today (present when stale or reworded). */
  readonly recomputed?: { readonly violation: unknown; readonly message: string };
}

/** What every run reports, whatever its outcome. */
export interface TheoremRunBase {
  readonly id: string;
  readonly kind: TheoremKind;
  readonly source: string;
  readonly ok: boolean;
  readonly cases: number;
  readonly casesMeetingHypothesis: number;
  readonly seed: number;
  readonly runs: number;
  readonly ms: number;
  readonly tags?: Readonly<Record<string, number>>;
  /** Counts of the declared coverage classes (when the theorem declares `coverage`). */
  readonly coverage?: Readonly<Record<string, number>>;
  readonly replayed: readonly ReplayOutcome[];
}

/**
 * What a run found, by outcome. `refuted` always carries its counterexample; the clean outcomes
 * carry neither a counterexample nor an error; `error` and `coverage-hole` always say why.
 * `unexpected-counterexample` carries the generated counterexample, or (a saved case that no
 * longer replays) the error naming the file — at least one of the two.
 */
export type RunFinding =
  | { readonly outcome: "refuted"; readonly counterexample: Counterexample; readonly error?: undefined }
  | { readonly outcome: "holds" | "no-counterexample-found" | "vacuous"; readonly counterexample?: undefined; readonly error?: undefined }
  | { readonly outcome: "unexpected-counterexample"; readonly counterexample: Counterexample; readonly error?: string }
  | { readonly outcome: "unexpected-counterexample"; readonly counterexample?: Counterexample; readonly error: string }
  | { readonly outcome: "coverage-hole" | "error"; readonly counterexample?: Counterexample; readonly error: string };

/** One theorem's run: a union by `outcome` (a `refuted` run without a counterexample does not type-check). */
export type TheoremRun = TheoremRunBase & RunFinding;

/** A run that ended in an error (a crash, a timeout): always says why. */
export type ErrorRun = TheoremRunBase & { readonly outcome: "error"; readonly counterexample?: Counterexample; readonly error: string };

/** Which outcomes count as success for each kind. */
export function outcomeIsOk(kind: TheoremKind, outcome: Outcome): boolean {
  return kind === "refutation" ? outcome === "refuted" : outcome === "holds";
}
