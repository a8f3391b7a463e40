/**
 * A progress line on stderr for long commands (`check`, `conjecture`): shown only when stderr is a
 * terminal (`io.isTTY`, set by processIO from process.stderr.isTTY) and the output is not --json;
 * redrawn in place (`\r`, erase line), at most every `minIntervalMs`, cut to the terminal's width,
 * and erased at the end so that it never mixes with the results. Otherwise every call is a no-op.
 */
import type { CommandIO } from "./io.ts";

export interface Progress {
  /** Redraw the line (skipped if the last redraw was under `minIntervalMs` ago, unless `force`). */
  update(text: string, force?: boolean): void;
  /** Erase the line (if anything was drawn). */
  done(): void;
  readonly enabled: boolean;
}

export const ERASE_LINE = "\r\x1b[K";

export function progressLine(io: CommandIO, opts: { json?: boolean; minIntervalMs?: number; now?: () => number; columns?: number } = {}): Progress {
  const write = io.errWrite;
  const enabled = io.isTTY === true && write !== undefined && opts.json !== true;
  if (!enabled) return { update: () => undefined, done: () => undefined, enabled: false };
  const minInterval = opts.minIntervalMs ?? 100;
  const now = opts.now ?? Date.now;
  const width = Math.max(20, (opts.columns ?? process.stderr.columns ?? 80) - 1);
  let last = -Infinity;
  let drawn = false;
  return {
    enabled: true,
    update(text, force = false) {
      const t = now();
      if (!force && t - last < minInterval) return;
      last = t;
      drawn = true;
      write(ERASE_LINE + (text.length > width ? text.slice(0, width - 1) + "…" : text));
    },
    done() {
      if (drawn) write(ERASE_LINE);
      drawn = false;
    },
  };
}
