/**
 * The mechcheck command line. Each command lives in its own module under src/cli/commands/ and is
 * loaded lazily. Errors that are MechcheckErrors print as one line (code and message), never a
 * stack trace; exit codes: 0 ok, 1 a check failed, 2 bad input or usage.
 */
import { isMechcheckError } from "../errors.ts";

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Command = (args: string[], io: CommandIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  COMMANDS[name] = { summary, load };
}

function usage(): string {
  const lines = ["usage: mechcheck <command> [options]", "", "commands:"];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${c.summary}`);
  return lines.join("\n");
}

export async function main(argv: string[], io: CommandIO = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") }): Promise<number> {
  await import("./commands/index.ts");
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.out(usage());
    return cmd === undefined ? 2 : 0;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    io.err(`mechcheck: unknown command ${JSON.stringify(cmd)}\n${usage()}`);
    return 2;
  }
  try {
    const run = await entry.load();
    return await run(rest, io);
  } catch (e) {
    if (isMechcheckError(e)) {
      io.err(`mechcheck ${cmd}: error [${e.code}]: ${e.message}`);
      return 2;
    }
    io.err(`mechcheck ${cmd}: internal error (a bug; please report it): ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return 3;
  }
}
