/**
 * Atomic file writes: write to a temporary file in the same directory, fsync it, then rename over
 * the target (rename is atomic on POSIX within one file system). A run killed mid-write leaves at
 * most a stray `.tmp-*` file, never a partial target. Stray temporaries are ignored by readers.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const TEMP_PREFIX = ".tmp-";

export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${TEMP_PREFIX}${basename(path)}-${process.pid}-${Date.now()}-${Math.floor(performance.now() * 1000) % 1e9}`);
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
  renameSync(tmp, path);
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directory fsync is not supported everywhere; the rename itself is atomic.
  }
}
