/**
 * The one root error type of mechcheck. Every error a user can provoke (bad input, an LP that could
 * not be certified, an unreadable file) is a MechcheckError with a stable `code` and, where it
 * applies, the `path` of the offending field and the offending `value`. The CLI prints
 * `message` (never a stack trace) for these; anything else is a bug.
 */
export class MechcheckError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly value?: unknown;
  constructor(code: string, message: string, details: { path?: string; value?: unknown; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "MechcheckError";
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.value !== undefined) this.value = details.value;
  }
}

export function isMechcheckError(e: unknown): e is MechcheckError {
  return e instanceof MechcheckError;
}
