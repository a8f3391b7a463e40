/**
 * The mechcheck command line. Each command lives in its own module under src/cli/commands/ and is
 * loaded lazily (the registry is in io.ts). Every error prints as ONE line, never a stack trace
 * (`--debug`, anywhere on the command line, adds the stack of an internal error). Exit codes:
 * 0 ok, 1 a check failed, 2 bad input or usage, or a file-system error the user can fix
 * (permission denied, disk full, not a directory, …), 3 an internal error (a bug).
 */
import { isMechcheckError } from "../errors.ts";
import { findCommand, processIO, usage, type CommandIO } from "./io.ts";

export type { CommandIO } from "./io.ts";
export { registerCommand } from "./io.ts";

/** File-system error codes a user can provoke (and fix): exit 2, one line. */
const FS_CODES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
  EEXIST: "already exists",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

/** One line for any thrown value, and its exit code. */
export function describeFailure(cmd: string, e: unknown, debug = false): { line: string; code: number } {
  if (isMechcheckError(e)) return { line: `mechcheck ${cmd}: error [${e.code}]: ${oneLine(e.message)}`, code: 2 };
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof errno === "string" && errno in FS_CODES) {
    const ex = e as NodeJS.ErrnoException;
    const where = ex.path !== undefined ? ` ${ex.path}` : "";
    return { line: `mechcheck ${cmd}: error [${errno}]: ${ex.syscall ?? "file operation"}${where}: ${FS_CODES[errno]}`, code: 2 };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { line: `mechcheck ${cmd}: error [too-deep]: the input is nested too deeply to process (stack overflow)${debug && e.stack ? "\n" + e.stack : ""}`, code: 2 };
  }
  const msg = e instanceof Error ? e.message : String(e);
  const stack = debug && e instanceof Error && e.stack ? "\n" + e.stack : "";
  return { line: `mechcheck ${cmd}: internal error (a bug; please report it, with --debug for the stack): ${oneLine(msg)}${stack}`, code: 3 };
}

function oneLine(s: string): string {
  // Messages may hold a usage line after a newline; keep them, but never a stack trace.
  return s.replace(/\n\s+at [^\n]*/g, "");
}

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  await import("./commands/index.ts");
  const debug = argv.includes("--debug");
  const [cmd, ...rest] = argv.filter((a) => a !== "--debug");
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.out(usage());
    return cmd === undefined ? 2 : 0;
  }
  const entry = findCommand(cmd);
  if (!entry) {
    io.err(`mechcheck: unknown command ${JSON.stringify(cmd)}\n${usage()}`);
    return 2;
  }
  const prevDebug = process.env.MECHCHECK_DEBUG;
  if (debug) process.env.MECHCHECK_DEBUG = "1";
  try {
    const run = await entry.load();
    return await run(rest, io);
  } catch (e) {
    const { line, code } = describeFailure(cmd, e, debug);
    io.err(line);
    return code;
  } finally {
    if (debug) {
      if (prevDebug === undefined) delete process.env.MECHCHECK_DEBUG;
      else process.env.MECHCHECK_DEBUG = prevDebug;
    }
  }
}
