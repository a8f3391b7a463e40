/**
 * The one root error type of mechcheck, and its closed vocabulary. Every error a user can provoke
 * (bad input, an LP that could not be certified, an unreadable file) is a MechcheckError with a
 * `code` from ERROR_CODES (a code not listed there does not compile) and, where it applies, the
 * `path` of the offending field, the offending `value` and the `limit` it broke. The CLI prints
 * `message` (never a stack trace) and exits 2 for these.
 *
 * A broken invariant of mechcheck itself (a bug, not the user's input) is an InternalError: the
 * CLI reports it as an internal error (exit 3), with the stack under `--debug`.
 */

/**
 * Every error code, by family. Synonyms were merged: `dimension` (was also dimension-mismatch,
 * bad-shape), `singular` (singular-matrix, singular-basis), `unreadable-file` (file-unreadable),
 * `lp-status` (lp-unexpected-status), `invalid-model` (bad-model).
 */
export const ERROR_CODES = [
  // command line and files
  "usage", "bad-option", "bad-argument", "bad-format", "bad-seed", "file-not-found", "unreadable-file", "unwritable-file",
  "invalid-input", "invalid-json", "not-a-number", "not-a-rational", "float-not-exact", "type-error", "too-large",
  // the LP JSON model format
  "ambiguous", "missing-field", "name-clash", "not-supported", "unknown-field", "wrong-type", "unknown-variable", "unknown-column",
  "duplicate-name", "bad-sense", "bad-constraint", "empty-bounds", "invalid-model", "model-frozen",
  // problems listed in an instance file (model/validate.ts)
  "bad-beliefs-kind", "bad-label", "bad-mechanism-kind", "bad-verdict", "duplicate-entry", "duplicate-label", "empty-list",
  "missing-entry", "no-actions", "no-agents", "no-decisions", "no-types", "not-a-string", "not-an-array", "not-an-object",
  "missing-version", "unsupported-version", "not-direct", "not-exact", "not-indirect", "strategy-without-game", "unknown-concept", "unknown-label", "unknown-profile", "wrong-length",
  // shapes and sizes
  "dimension", "not-square", "bad-matrix", "bad-index", "bad-size", "bad-count", "bad-grid", "not-a-grid", "bad-entry",
  "too-few-agents", "bad-profile", "bad-decision", "duplicate-type", "duplicate-point", "unknown-agent", "no-type-values", "missing-type-values",
  // exact arithmetic and analysis
  "division-by-zero", "singular", "zero-polynomial", "not-a-root", "pole", "bad-exponent", "bad-interval", "bad-bracket", "bracket-stuck",
  "irrational-breakpoint", "bad-piecewise", "outside-domain", "not-divisible", "search-limit", "bad-tolerance", "bad-step-problem",
  // probability, priors and beliefs
  "bad-probability", "negative-probability", "not-a-distribution", "bad-prior", "zero-prior", "zero-marginal", "zero-probability-type",
  "not-independent", "not-full-support", "out-of-support", "bad-support", "bad-beliefs", "needs-beliefs", "needs-common-prior", "bad-type-space",
  "bad-cdf", "not-a-unit-cdf", "zero-density", "negative-density", "not-increasing", "non-monotone", "irregular", "bad-share",
  // the economics' own preconditions
  "bad-lottery", "not-private-values", "not-single-object", "not-one-dimensional", "not-symmetric", "not-efficient", "not-equivalent",
  "not-expressible", "not-trivial", "trivial-cost", "impossible", "no-multiplier", "bad-multiplier", "cremer-mclean-fails",
  // LPs and certificates
  "lp-status", "lp-solver-failed", "lp-not-certified", "engine-error", "simplex-limit", "bad-certificate", "certificate-check-failed", "certificate-rejected",
  "proof-rejected", "alternative-check-failed",
  // theorems, generators, the store
  "unknown-theorem", "unknown-axiom", "unknown-family", "bad-atlas", "bad-case", "bad-generator-option", "generator-failed",
  "unencodable-case", "bad-counterexample-file", "stale-record",
  // conjectures
  "no-conjecture", "bad-conjecture", "bad-param", "file-exists", "conjecture-crashed", "conjecture-load-failed", "async-check", "bad-check-result",
  "bad-hypothesis-result", "check-threw", "hypothesis-threw", "timeout", "out-of-memory",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a string (e.g. a code sent back by a worker thread) is one of ERROR_CODES. */
export function isErrorCode(s: string): s is ErrorCode {
  return CODE_SET.has(s);
}

/** The typed parameters every MechcheckError may carry. */
export interface ErrorDetails {
  /** The offending field, e.g. `environment.types["b1"][2]` or `--runs`. */
  readonly path?: string;
  /** The offending value as given. */
  readonly value?: unknown;
  /** The limit or the allowed range it broke, e.g. 10_000_000 or "[1, 10^7]". */
  readonly limit?: unknown;
  readonly cause?: unknown;
}

/**
 * An error caused by the user's input or an uncertifiable computation: its `code` is one of
 * ERROR_CODES, with the offending field's `path`, its `value` and the `limit` it broke where they
 * apply; the CLI prints the message and exits 2.
 */
export class MechcheckError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly path?: string;
  readonly value?: unknown;
  readonly limit?: unknown;
  constructor(code: C, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "MechcheckError";
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.value !== undefined) this.value = details.value;
    if (details.limit !== undefined) this.limit = details.limit;
  }
}

/**
 * Whether a caught value is a MechcheckError (bad input or an uncertifiable computation), as
 * opposed to an InternalError or a foreign error.
 */
export function isMechcheckError(e: unknown): e is MechcheckError {
  return e instanceof MechcheckError;
}

/**
 * A broken invariant of mechcheck itself (an LP proven feasible that the engine calls infeasible, a
 * re-check of our own construction that fails): a bug, never the user's input. Exit 3.
 */
export class InternalError extends Error {
  readonly code = "internal" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InternalError";
  }
}

/** Exhaustiveness: a switch over a closed union ends with `assertNever(x)`; a new member fails to compile. */
export function assertNever(x: never, what = "value"): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(x)}`);
}
