// cleanStaleTemps: which stray temporary files it removes (writer gone and older than the minimum
// age, or older than an hour) and which it never touches (young, a live writer's, not a temp, not
// a file). Ages are set with utimes and the clock passed in, so every boundary is exact.
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanStaleTemps, TEMP_PREFIX } from "../../../src/store/atomic.ts";

const T0 = 1_700_000_000_000; // the files' mtime (ms)
const MIN = 60_000;
const HOUR = 3_600_000;
// A pid that no process has: above the kernel's pid_max (at most 2^22 on Linux).
const DEAD = 2 ** 22 + 12345;

function storeWith(names: string[], dirs: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-clean-"));
  for (const n of names) {
    writeFileSync(join(dir, n), "partial");
    utimesSync(join(dir, n), T0 / 1000, T0 / 1000);
  }
  for (const d of dirs) {
    mkdirSync(join(dir, d));
    utimesSync(join(dir, d), T0 / 1000, T0 / 1000);
  }
  return dir;
}
const tmpName = (base: string, pid: number | string, ms: number | string = 1234567, c: number | string = 12) => `${TEMP_PREFIX}${base}-${pid}-${ms}-${c}`;

afterEach(() => vi.restoreAllMocks());

describe("cleanStaleTemps", () => {
  it("a dead writer's temp older than the minimum age is removed; the store's records never are", () => {
    const t = tmpName("case-a.json", DEAD);
    const dir = storeWith([t, "case-a.json", "README"]);
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([t]);
    expect(readdirSync(dir).sort()).toEqual(["README", "case-a.json"]);
  });
  it("the minimum age is a strict boundary: age = minAge is removed, minAge − 1 ms is kept", () => {
    const t = tmpName("x.json", DEAD);
    const dir = storeWith([t]);
    expect(cleanStaleTemps(dir, T0 + MIN - 1)).toEqual([]);
    expect(cleanStaleTemps(dir, T0 + MIN)).toEqual([t]);
  });
  it("a custom minimum age", () => {
    const t = tmpName("x.json", DEAD);
    const dir = storeWith([t]);
    expect(cleanStaleTemps(dir, T0 + 5000, 10_000)).toEqual([]);
    expect(cleanStaleTemps(dir, T0 + 10_000, 10_000)).toEqual([t]);
  });
  it("a young temp (a writer at work) is kept even when its pid is dead", () => {
    const t = tmpName("x.json", DEAD);
    const dir = storeWith([t]);
    expect(cleanStaleTemps(dir, T0 + 1000)).toEqual([]);
    expect(readdirSync(dir)).toEqual([t]);
  });
  it("a live writer's temp (this process) is kept up to an hour, removed after (a reused pid)", () => {
    const t = tmpName("x.json", process.pid);
    const dir = storeWith([t]);
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([]);
    expect(cleanStaleTemps(dir, T0 + HOUR)).toEqual([]); // exactly an hour: still kept
    expect(cleanStaleTemps(dir, T0 + HOUR + 1)).toEqual([t]);
  });
  it("another live process's temp is kept (the parent of this test process)", () => {
    const t = tmpName("x.json", process.ppid);
    const dir = storeWith([t]);
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([]);
  });
  it("a process that exists but belongs to someone else (EPERM from kill) counts as alive", () => {
    const t = tmpName("x.json", DEAD);
    const dir = storeWith([t]);
    vi.spyOn(process, "kill").mockImplementation(() => {
      throw Object.assign(new Error("kill EPERM"), { code: "EPERM" });
    });
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([]);
    vi.spyOn(process, "kill").mockImplementation(() => {
      throw Object.assign(new Error("kill ESRCH"), { code: "ESRCH" });
    });
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([t]);
  });
  it("the pid is read from the end of the name, all its digits (a base name with digits does not fool it)", () => {
    const live = tmpName(`case-${DEAD}-2-3.json`, process.pid, 1234567, 12);
    const dir = storeWith([live]);
    expect(cleanStaleTemps(dir, T0 + 2 * MIN)).toEqual([]);
    // pid 1 (alive) in the base name, a dead writer's pid at the end: removed
    const dead = tmpName("case-1-2-3.json", DEAD, 1234567, 12);
    const dir2 = storeWith([dead]);
    expect(cleanStaleTemps(dir2, T0 + 2 * MIN)).toEqual([dead]);
  });
  it("a temp whose name carries no pid, or pid 0, counts as abandoned", () => {
    const a = `${TEMP_PREFIX}garbage`;
    const b = tmpName("x.json", 0);
    const dir = storeWith([a, b]);
    expect(cleanStaleTemps(dir, T0 + 2 * MIN).sort()).toEqual([a, b].sort());
  });
  it("a directory named like a temp is never removed", () => {
    const d = tmpName("x.json", DEAD);
    const t = tmpName("y.json", DEAD);
    const dir = storeWith([t], [d]);
    expect(cleanStaleTemps(dir, T0 + 2 * HOUR)).toEqual([t]);
    expect(readdirSync(dir)).toEqual([d]);
  });
  it("an unreadable or missing directory: nothing removed, no error", () => {
    expect(cleanStaleTemps(join(tmpdir(), "mechcheck-no-such-dir-" + process.pid))).toEqual([]);
  });
  it("the default clock and minimum age: a file written just now is kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-clean-"));
    const t = tmpName("x.json", DEAD);
    writeFileSync(join(dir, t), "partial");
    expect(cleanStaleTemps(dir)).toEqual([]);
    utimesSync(join(dir, t), (Date.now() - 2 * MIN) / 1000, (Date.now() - 2 * MIN) / 1000);
    expect(cleanStaleTemps(dir)).toEqual([t]);
  });
});
