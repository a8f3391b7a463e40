// writeFileAtomic / writeFileExclusive: results, the injected faults the CLI tests rely on (code,
// syscall, path, message; nothing left behind), the injected commit delay, and no leaked file
// descriptors.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileExclusive } from "../../../src/store/atomic.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "mechcheck-aw-"));
const saved = process.env.MECHCHECK_FAULT_INJECT;
afterEach(() => {
  if (saved === undefined) delete process.env.MECHCHECK_FAULT_INJECT;
  else process.env.MECHCHECK_FAULT_INJECT = saved;
});

function thrown(f: () => unknown): NodeJS.ErrnoException {
  try {
    f();
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
  throw new Error("nothing was thrown");
}

describe("writeFileExclusive", () => {
  it("creates a missing file (true), keeps an existing one (false), leaves no temporary", () => {
    const dir = fresh();
    const f = join(dir, "sub", "a.json"); // the directory is created on the way
    expect(writeFileExclusive(f, "one")).toBe(true);
    expect(writeFileExclusive(f, "two")).toBe(false);
    expect(readFileSync(f, "utf8")).toBe("one");
    expect(readdirSync(join(dir, "sub"))).toEqual(["a.json"]);
  });
  it("a non-EEXIST failure of the link is thrown, and the temporary removed", () => {
    const dir = fresh();
    // link(2) into a missing directory below an existing file: ENOTDIR, not EEXIST
    writeFileSync(join(dir, "file"), "x");
    const e = thrown(() => writeFileExclusive(join(dir, "file", "a.json"), "data"));
    expect(["ENOTDIR", "ENOENT", "EEXIST"]).toContain(e.code); // mkdir below a file fails first
    expect(readdirSync(dir)).toEqual(["file"]);
  });
});

describe("writeFileAtomic", () => {
  it("writes multi-byte text whole", () => {
    const dir = fresh();
    const f = join(dir, "u.json");
    const text = "é→∑ ".repeat(50_000);
    writeFileAtomic(f, text);
    expect(readFileSync(f, "utf8")).toBe(text);
  });
  it("a failed rename (the target is a non-empty directory) is thrown and the temporary removed", () => {
    const dir = fresh();
    const target = join(dir, "t");
    writeFileExclusive(join(target, "inside"), "x");
    const e = thrown(() => writeFileAtomic(target, "data"));
    expect(["EISDIR", "ENOTEMPTY", "EEXIST"]).toContain(e.code);
    expect(readdirSync(dir)).toEqual(["t"]);
  });
});

describe("fault injection (MECHCHECK_FAULT_INJECT)", () => {
  it.each([
    ["ENOSPC", "no space left on device"],
    ["EACCES", "permission denied"],
    ["EROFS", "read-only file system"],
    ["EIO", "i/o error"],
  ])("%s: every write fails with that code, before any file is created", (code, text) => {
    const dir = fresh();
    const f = join(dir, "a.json");
    process.env.MECHCHECK_FAULT_INJECT = code;
    for (const write of [writeFileAtomic, writeFileExclusive]) {
      const e = thrown(() => write(f, "data"));
      expect([e.code, e.syscall, e.path, e.message]).toEqual([code, "open", f, `${code}: ${text}, open '${f}'`]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
  it("unset, empty or unknown values inject nothing", () => {
    for (const v of [undefined, "", "EBOGUS", "toString"]) {
      if (v === undefined) delete process.env.MECHCHECK_FAULT_INJECT;
      else process.env.MECHCHECK_FAULT_INJECT = v;
      const dir = fresh();
      writeFileAtomic(join(dir, "a"), "x");
      expect(writeFileExclusive(join(dir, "b"), "y")).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(["a", "b"]);
    }
  });
  it("delay-commit:<ms> waits that long before the commit; malformed values do not wait", () => {
    const dir = fresh();
    process.env.MECHCHECK_FAULT_INJECT = "delay-commit:300";
    let t = performance.now();
    writeFileAtomic(join(dir, "a"), "x");
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    t = performance.now();
    expect(writeFileExclusive(join(dir, "b"), "x")).toBe(true);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    for (const v of ["xdelay-commit:3000", "delay-commit:3000x", "delay-commit:", "delay-commit:abc"]) {
      process.env.MECHCHECK_FAULT_INJECT = v;
      t = performance.now();
      writeFileAtomic(join(dir, "c"), "x");
      expect(performance.now() - t, v).toBeLessThan(2000);
    }
  });
});

describe("file descriptors", () => {
  it("many writes leave no descriptor open", () => {
    const dir = fresh();
    const open = () => readdirSync("/proc/self/fd").length;
    writeFileAtomic(join(dir, "warm"), "x");
    const before = open();
    for (let i = 0; i < 40; i++) {
      writeFileAtomic(join(dir, `a${i}`), "x");
      writeFileExclusive(join(dir, `b${i}`), "y");
    }
    expect(open() - before).toBeLessThan(10);
  });
});
