/**
 * What every command shares: its IO (two line sinks), the command registry, and the process IO
 * used by the real CLI. Lives apart from main.ts so that main.ts and commands/index.ts both import
 * it without importing each other.
 */

import type { FlagSpec, PositionalSpec } from "./args.ts";

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: commands may show a progress line there (src/cli/progress.ts). */
  isTTY?: boolean;
  /** Write to stderr as it is (no newline added): the progress line's `\r` updates. */
  errWrite?: (s: string) => void;
}

export type Command = (args: string[], io: CommandIO) => Promise<number>;

export interface CommandEntry {
  readonly summary: string;
  /** After `mechcheck <name> `; the entry's flags and positional limits are in src/cli/specs.ts. */
  readonly usage?: string;
  readonly flags?: FlagSpec;
  readonly positional?: PositionalSpec;
  /** For an alias: the command it runs, e.g. "study grid-tables". */
  readonly aliasOf?: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS = new Map<string, CommandEntry>();

/** Register a command: `registerCommand(name, entry)` (the table) or `registerCommand(name, summary, load)`. */
export function registerCommand(name: string, entry: CommandEntry): void;
export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void;
export function registerCommand(name: string, e: CommandEntry | string, load?: () => Promise<Command>): void {
  COMMANDS.set(name, typeof e === "string" ? { summary: e, load: load! } : e);
}

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.get(name);
}

export function commandNames(): string[] {
  return [...COMMANDS.keys()];
}

export function usage(): string {
  const lines = ["usage: mechcheck <command> [options]   (--debug: show stack traces of internal errors)", "", "commands:"];
  for (const [name, c] of COMMANDS) if (!c.aliasOf) lines.push(`  ${name.padEnd(12)} ${c.summary}${c.usage !== undefined ? `: mechcheck ${name} ${c.usage}` : ""}`);
  const aliases = [...COMMANDS].filter(([, c]) => c.aliasOf);
  if (aliases.length > 0) lines.push("", "aliases:", ...aliases.map(([name, c]) => `  ${name.padEnd(12)} mechcheck ${c.aliasOf} ${c.usage ?? ""}`.trimEnd()));
  return lines.join("\n");
}

/**
 * IO on the process's stdout/stderr. A reader that goes away (`mechcheck list | head -1`: EPIPE)
 * silences the stream instead of crashing the run: the command finishes (saving what it found) and
 * exits with its own code, printing nothing more.
 */
export function processIO(): CommandIO {
  let outClosed = false;
  let errClosed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") outClosed = true;
    else throw e;
  });
  process.stderr.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") errClosed = true;
    else throw e;
  });
  return {
    out: (s) => {
      if (!outClosed) process.stdout.write(s + "\n");
    },
    err: (s) => {
      if (!errClosed) process.stderr.write(s + "\n");
    },
    isTTY: process.stderr.isTTY === true,
    errWrite: (s) => {
      if (!errClosed) process.stderr.write(s);
    },
  };
}
