// Store entries that cannot be read for reasons a test running as root cannot provoke on a real
// file system (permission denied, a folder that cannot be listed, an error that is not an Error):
// node:fs is wrapped so that chosen paths fail with a chosen error.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const failures = new Map<string, unknown>();
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => {
      const p = String(a[0]);
      if (failures.has(p)) throw failures.get(p);
      return f(...a);
    };
  const readdirSync = (...a: Parameters<typeof fs.readdirSync>) => {
    const names = wrap(fs.readdirSync)(...a);
    return reverseListings ? ([...(names as unknown as string[])].sort().reverse() as unknown as typeof names) : names;
  };
  const linkSync = (from: string, to: string) => {
    if (failures.has(`link:${to}`)) throw failures.get(`link:${to}`);
    return fs.linkSync(from, to);
  };
  const fsyncSync = (fd: number) => {
    if (failFsync !== undefined) throw failFsync;
    return fs.fsyncSync(fd);
  };
  return { ...fs, default: fs, readFileSync: wrap(fs.readFileSync), readdirSync, linkSync, fsyncSync };
});
let reverseListings = false;
let failFsync: unknown;

const { saveCounterexample, scanCounterexamples, caseName } = await import("../../../src/store/counterexamples.ts");
const { writeFileAtomic, writeFileExclusive } = await import("../../../src/store/atomic.ts");
const { readdirSync } = await import("node:fs");
const err = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("listings come back in any order: records are sorted all the same", () => {
  it("theorem folders and their files in sorted order although the directory lists them reversed", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-order-"));
    const base = { format: 1, kind: "refutation", expect: "fails", violation: null, message: "m", seed: null, path: null, origin: "t", toolVersion: "0" } as const;
    for (const t of ["a", "b"]) for (const i of [1, 2, 3]) saveCounterexample(root, { ...base, theorem: t, instance: { i } });
    reverseListings = true;
    try {
      const files = scanCounterexamples(root).records.map((r) => r.file);
      const sorted = [...files].sort();
      expect(files).toEqual(sorted);
      expect(files.length).toBe(6);
      expect(readdirSync(root)).toEqual(["b", "a"]); // the wrapper does reverse
    } finally {
      reverseListings = false;
    }
  });
});

describe("write failures after the temporary exists", () => {
  it("a link that fails other than EEXIST is thrown, and the temporary removed", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-link-"));
    const f = join(dir, "a.json");
    failures.set(`link:${f}`, Object.assign(new Error("EIO: simulated"), { code: "EIO" }));
    try {
      expect(() => writeFileExclusive(f, "x")).toThrow("EIO: simulated");
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      failures.clear();
    }
  });
  it("a failed fsync of the temporary is thrown, and the temporary removed (atomic and exclusive)", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-fsync-"));
    failFsync = Object.assign(new Error("EIO: fsync simulated"), { code: "EIO" });
    try {
      expect(() => writeFileAtomic(join(dir, "a.json"), "x")).toThrow("EIO: fsync simulated");
      expect(() => writeFileExclusive(join(dir, "b.json"), "x")).toThrow("EIO: fsync simulated");
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      failFsync = undefined;
    }
  });
});

describe("unreadable store entries", () => {
  it("permission denied (EACCES or EPERM), a folder that cannot be listed, a thrown non-Error", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-unread-"));
    const base = { format: 1, kind: "refutation", expect: "fails", violation: null, message: "m", seed: null, path: null, origin: "t", toolVersion: "0" } as const;
    const files = [1, 2, 3, 4].map((i) => saveCounterexample(root, { ...base, theorem: "a", instance: { i } }).file);
    saveCounterexample(root, { ...base, theorem: "b", instance: { i: 0 } });
    mkdirSync(join(root, "c"));
    failures.set(files[0]!, err("EACCES"));
    failures.set(files[1]!, err("EPERM"));
    failures.set(files[2]!, "a string");
    failures.set(join(root, "b"), err("EIO"));
    try {
      const s = scanCounterexamples(root);
      const byFile = Object.fromEntries(s.problems.map((p) => [p.file, p.message]));
      expect(byFile).toEqual({
        [files[0]!]: "cannot be read (permission denied)",
        [files[1]!]: "cannot be read (permission denied)",
        [files[2]!]: "a string",
        [join(root, "b")]: "EIO: simulated",
      });
      expect(s.records.map((r) => r.file)).toEqual([files[3]!]);
      expect(files[3]).toBe(join(root, "a", `${caseName({ i: 4 })}.json`));
      failures.clear();
      failures.set(files[0]!, null);
      expect(scanCounterexamples(root).problems).toEqual([{ file: files[0]!, message: "null" }]);
    } finally {
      failures.clear();
    }
  });
});
