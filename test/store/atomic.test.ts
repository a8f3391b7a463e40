import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, TEMP_PREFIX } from "../../src/store/atomic.ts";
import { parseRecord } from "../../src/store/counterexamples.ts";

describe("atomic writes", () => {
  it("replaces the whole file or nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-atomic-"));
    const f = join(dir, "a.json");
    writeFileAtomic(f, "first");
    writeFileAtomic(f, "second");
    expect(readFileSync(f, "utf8")).toBe("second");
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });

  it("a writer killed mid-write leaves the old file intact and no partial target", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-kill-"));
    const f = join(dir, "saved.json");
    writeFileSync(f, "the user's file");
    // A child that starts a large atomic write and is killed (SIGKILL) by a timeout while writing.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(new URL("../../src/store/atomic.ts", import.meta.url).pathname)};
      const big = "x".repeat(64 * 1024 * 1024);
      for (;;) writeFileAtomic(${JSON.stringify(f)}, big);
    `;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { timeout: 1500, killSignal: "SIGKILL" });
    expect(r.signal).toBe("SIGKILL");
    const content = readFileSync(f, "utf8");
    // Either the old content or a complete new one: never a prefix.
    expect(content === "the user's file" || content.length === 64 * 1024 * 1024).toBe(true);
    for (const name of readdirSync(dir)) expect(name === "saved.json" || name.startsWith(TEMP_PREFIX)).toBe(true);
  });
});

describe("counterexample files", () => {
  it("a malformed file is an error naming the file and field", () => {
    expect(() => parseRecord("{", "x.json")).toThrow(/x\.json: not valid JSON/);
    expect(() => parseRecord(JSON.stringify({ format: 1, theorem: "t", kind: "theorem", expect: "maybe", instance: {}, message: "" }), "y.json")).toThrow(/y\.json: field "expect"/);
    expect(() => parseRecord(JSON.stringify({ format: 1, theorem: "t", kind: "theorem", expect: "fails", instance: {}, message: "" }), "z.json", "other")).toThrow(/folder's id "other"/);
  });
});
