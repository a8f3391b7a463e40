/**
 * Issue 9, item 6: the store under concurrency and after crashes. A file that exists is never
 * replaced — also when two writers race (one commit delayed through the fault-injection seam);
 * stray temporaries of killed writers are removed on a later run, a live writer's never; a corrupt
 * or truncated file is reported by name and the others still load.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanStaleTemps, TEMP_PREFIX, writeFileAtomic, writeFileExclusive } from "../../src/store/atomic.ts";
import { recordToJson, saveCounterexample, scanCounterexamples, type CounterexampleRecord } from "../../src/store/counterexamples.ts";
import { STORE_ROOT } from "../../src/paths.ts";

const ATOMIC = new URL("../../src/store/atomic.ts", import.meta.url).pathname;

function rec(theorem: string, instance: unknown, message = "m"): CounterexampleRecord {
  return { format: 1, theorem, kind: "refutation", expect: "fails", instance, violation: null, message, seed: 1, path: "0", origin: "test", toolVersion: "0" };
}

afterEach(() => {
  delete process.env.MECHCHECK_FAULT_INJECT;
});

describe("exclusive create", () => {
  it("a second write of the same name returns false and leaves the first file untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-excl-"));
    const f = join(dir, "a.json");
    expect(writeFileExclusive(f, "first")).toBe(true);
    expect(writeFileExclusive(f, "second")).toBe(false);
    expect(readFileSync(f, "utf8")).toBe("first");
    expect(readdirSync(dir)).toEqual(["a.json"]); // no temporaries left
    // Control: the replacing writer does replace.
    writeFileAtomic(f, "third");
    expect(readFileSync(f, "utf8")).toBe("third");
  });

  it("two writers at once: the one whose commit is delayed does not replace the other's file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-race-"));
    const f = join(dir, "case.json");
    // Writer 1 (a child process): temp file written, then 1.5 s before its commit.
    const script = `import { writeFileExclusive } from ${JSON.stringify(ATOMIC)}; process.stdout.write(String(writeFileExclusive(${JSON.stringify(f)}, "writer 1")));`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: { ...process.env, MECHCHECK_FAULT_INJECT: "delay-commit:1500" }, cwd: new URL("../../", import.meta.url).pathname });
    let childOut = "";
    child.stdout.on("data", (d) => (childOut += d));
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    // Wait until writer 1's temporary exists (it is inside its delay window), then write as writer 2.
    const t0 = Date.now();
    while (!readdirSync(dir).some((n) => n.startsWith(TEMP_PREFIX))) {
      if (Date.now() - t0 > 30_000) throw new Error("writer 1 never started");
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(writeFileExclusive(f, "writer 2")).toBe(true);
    expect(await exited).toBe(0);
    expect(childOut).toBe("false"); // writer 1 saw the name taken
    expect(readFileSync(f, "utf8")).toBe("writer 2");
    expect(readdirSync(dir)).toEqual(["case.json"]);
  }, 60_000);

  it("saveCounterexample never replaces an existing case file (edited by the user)", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-save-"));
    const a = saveCounterexample(root, rec("t", { x: 1 }));
    expect(a.created).toBe(true);
    writeFileSync(a.file, "the user's edit");
    const b = saveCounterexample(root, rec("t", { x: 1 }, "different message"));
    expect(b).toEqual({ file: a.file, created: false });
    expect(readFileSync(a.file, "utf8")).toBe("the user's edit");
  });

  it("a write that fails (injected ENOSPC) leaves no file and no temporary", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-enospc-"));
    process.env.MECHCHECK_FAULT_INJECT = "ENOSPC";
    expect(() => writeFileExclusive(join(dir, "a.json"), "x")).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("stray temporaries", () => {
  it("removes old temporaries of dead writers; keeps young ones and live writers'", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-tmp-"));
    const old = (Date.now() - 5 * 60_000) / 1000;
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default range: not a live process
    const names = {
      deadOld: `${TEMP_PREFIX}case.json-${deadPid}-1-0`,
      deadYoung: `${TEMP_PREFIX}case.json-${deadPid}-2-0`,
      liveOld: `${TEMP_PREFIX}case.json-${process.pid}-3-0`,
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), "partial");
    utimesSync(join(dir, names.deadOld), old, old);
    utimesSync(join(dir, names.liveOld), old, old);
    writeFileSync(join(dir, "case-keep.json"), "{}");
    expect(cleanStaleTemps(dir)).toEqual([names.deadOld]);
    expect(readdirSync(dir).sort()).toEqual(["case-keep.json", names.deadYoung, names.liveOld].sort());
  });

  it("a writer killed mid-write leaves a temporary that the next save removes (once it is a minute old)", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-killed-"));
    const dir = join(root, "t");
    mkdirSync(dir);
    const stray = join(dir, `${TEMP_PREFIX}case-abc.json-${2 ** 22 + 999}-1-0`);
    writeFileSync(stray, "half a rec");
    const old = (Date.now() - 2 * 60_000) / 1000;
    utimesSync(stray, old, old);
    saveCounterexample(root, rec("t", { y: 2 }));
    expect(readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });
});

describe("corrupt stores", () => {
  it("a corrupt, a truncated and a dangling file are each reported; the good record still loads", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-corrupt-"));
    const good = saveCounterexample(root, rec("t", { z: 3 }));
    const text = recordToJson(rec("t", { z: 4 }));
    writeFileSync(join(root, "t", "case-truncated.json"), text.slice(0, text.length >> 1));
    writeFileSync(join(root, "t", "case-wrongid.json"), recordToJson(rec("other", { z: 5 })));
    symlinkSync(join(root, "missing.json"), join(root, "t", "case-dangling.json"));
    const scan = scanCounterexamples(root);
    expect(scan.records.map((r) => r.file)).toEqual([good.file]);
    expect(scan.problems.map((p) => p.file.slice(root.length + 1)).sort()).toEqual(["t/case-dangling.json", "t/case-truncated.json", "t/case-wrongid.json"]);
    expect(scan.problems.find((p) => p.file.endsWith("case-dangling.json"))!.message).toMatch(/dangling symbolic link/);
    expect(scan.problems.find((p) => p.file.endsWith("case-truncated.json"))!.message).toMatch(/not valid JSON/);
  });

  it("negative control: the repository's store scans with no problem", () => {
    const scan = scanCounterexamples(STORE_ROOT);
    expect(scan.problems).toEqual([]);
    expect(scan.records.length).toBeGreaterThan(0);
  });
});
