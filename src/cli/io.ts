/**
 * What every command shares: its IO (two line sinks), the command registry, and the process IO
 * used by the real CLI. Lives apart from main.ts so that main.ts and commands/index.ts both import
 * it without importing each other.
 */

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export type Command = (args: string[], io: CommandIO) => Promise<number>;

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS = new Map<string, CommandEntry>();

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  COMMANDS.set(name, { summary, load });
}

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.get(name);
}

export function commandNames(): string[] {
  return [...COMMANDS.keys()];
}

export function usage(): string {
  const lines = ["usage: mechcheck <command> [options]   (--debug: show stack traces of internal errors)", "", "commands:"];
  for (const [name, c] of COMMANDS) lines.push(`  ${name.padEnd(12)} ${c.summary}`);
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
  };
}
