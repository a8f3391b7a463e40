/**
 * Atomic file writes: write a temporary file in the same directory and fsync it, then either
 *  - `writeFileAtomic`: rename it over the target (replaces the target whole, or not at all), or
 *  - `writeFileExclusive`: link it to the target name, which fails if the target exists — so two
 *    concurrent writers can never replace each other's file (no exists-check-then-rename race).
 * A run killed mid-write leaves at most a stray `.tmp-<name>-<pid>-…` file, never a partial target;
 * readers ignore them and `cleanStaleTemps` removes them on a later run (only files of processes
 * that are gone, or older than an hour: never a concurrent writer's).
 *
 * Fault injection (tests only): MECHCHECK_FAULT_INJECT="ENOSPC" (or EACCES, EROFS, EIO) makes every
 * write fail with that error; "delay-commit:<ms>" sleeps between the fsync and the commit (to
 * widen the window two writers race in). Nothing else reads it.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const TEMP_PREFIX = ".tmp-";

const FAULT_MESSAGES: Record<string, string> = {
  ENOSPC: "no space left on device",
  EACCES: "permission denied",
  EROFS: "read-only file system",
  EIO: "i/o error",
};

function injectedFault(syscall: string, path: string): void {
  const f = process.env.MECHCHECK_FAULT_INJECT;
  if (f === undefined || f === "") return;
  if (Object.hasOwn(FAULT_MESSAGES, f)) {
    const e = new Error(`${f}: ${FAULT_MESSAGES[f]}, ${syscall} '${path}'`) as NodeJS.ErrnoException;
    e.code = f;
    e.syscall = syscall;
    e.path = path;
    throw e;
  }
}

function injectedDelay(): void {
  const m = /^delay-commit:(\d+)$/.exec(process.env.MECHCHECK_FAULT_INJECT ?? "");
  if (m) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(m[1]));
}

let counter = 0;

/** Write `data` to a fresh temporary file next to `path`, fsynced; returns its name. */
function writeTemp(path: string, data: string): string {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  injectedFault("open", path);
  const tmp = join(dir, `${TEMP_PREFIX}${basename(path)}-${process.pid}-${Date.now()}-${counter++}`);
  const fd = openSync(tmp, "wx");
  try {
    const buf = Buffer.from(data, "utf8");
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  return tmp;
}

function fsyncDir(dir: string): void {
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directory fsync is not supported everywhere; the rename/link itself is atomic.
  }
}

/** Replace `path` with `data`, whole or not at all. */
export function writeFileAtomic(path: string, data: string): void {
  const tmp = writeTemp(path, data);
  injectedDelay();
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
}

/**
 * Create `path` with `data` only if it does not exist (atomically: link(2) of a complete temporary
 * file, which fails with EEXIST if the name is taken). Returns false, leaving the existing file
 * untouched, if it exists.
 */
export function writeFileExclusive(path: string, data: string): boolean {
  const tmp = writeTemp(path, data);
  injectedDelay();
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  fsyncDir(dirname(path));
  return true;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove stray temporaries left in `dir` by killed writers: a `.tmp-*` file older than `minAgeMs`
 * (default one minute) whose writer process is gone, or any older than an hour (a reused PID).
 * A concurrent writer's temporary file (young, or its process alive) is never touched. Returns
 * the names removed. Errors (a read-only store) are ignored: cleaning is best effort.
 */
export function cleanStaleTemps(dir: string, now = Date.now(), minAgeMs = 60_000): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const file = join(dir, name);
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      const age = now - st.mtimeMs;
      if (age < minAgeMs) continue;
      const pid = Number(/-(\d+)-\d+-\d+$/.exec(name)?.[1] ?? NaN);
      const gone = !Number.isInteger(pid) || pid <= 0 || !processAlive(pid);
      if (gone || age > 3_600_000) {
        unlinkSync(file);
        removed.push(name);
      }
    } catch {
      // vanished meanwhile, or not ours to remove
    }
  }
  return removed;
}
