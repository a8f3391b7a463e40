// The counterexample store on disk: names, exact record text, exclusive saving, scanning a store
// with every kind of damage (each reported with its file and a one-line reason, never fatal), the
// record validator field by field, and display paths.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { TEMP_PREFIX } from "../../../src/store/atomic.ts";
import {
  caseName,
  displayPath,
  loadCounterexamples,
  parseRecord,
  recordToJson,
  saveCounterexample,
  scanCounterexamples,
  type CounterexampleRecord,
} from "../../../src/store/counterexamples.ts";
import { caught } from "../support.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "mechcheck-store-"));
const rec = (theorem: string, instance: unknown, over: Partial<CounterexampleRecord> = {}): CounterexampleRecord => ({
  format: 1,
  theorem,
  kind: "refutation",
  expect: "fails",
  instance,
  violation: { gap: q("1/2") },
  message: "m",
  seed: 7,
  path: "0:1",
  origin: "test",
  toolVersion: "0",
  ...over,
});

describe("names and text", () => {
  it("recordToJson: rationals as exact strings, 2-space indent, one trailing newline", () => {
    const text = recordToJson(rec("t", { v: q("-1/3") }));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
    expect(text).toContain('\n  "instance": {\n    "v": "-1/3"\n  },');
    expect(text).toContain('"gap": "1/2"');
    expect(JSON.parse(text).seed).toBe(7);
  });
  it("caseName: 'case-' + the first 12 hex digits of the SHA-256 of the instance's compact exact JSON", () => {
    const instance = { v: [q("1/2"), q(3)] };
    const hex = createHash("sha256").update('{"v":["1/2","3"]}').digest("hex");
    expect(caseName(instance)).toBe(`case-${hex.slice(0, 12)}`);
    expect(caseName({ v: [q("1/2"), q(4)] })).not.toBe(caseName(instance));
    expect(caseName({ v: [q("2/4"), q(3)] })).toBe(caseName(instance)); // the same rational, the same case
  });
});

describe("saveCounterexample", () => {
  it("creates <root>/<theorem>/<caseName>.json with the record's text; the same case again is kept, not replaced", () => {
    const root = fresh();
    const r1 = rec("thm-a", { x: 1 });
    const s1 = saveCounterexample(root, r1);
    expect(s1).toEqual({ file: join(root, "thm-a", `${caseName({ x: 1 })}.json`), created: true });
    expect(readFileSync(s1.file, "utf8")).toBe(recordToJson(r1));
    const s2 = saveCounterexample(root, rec("thm-a", { x: 1 }, { message: "other" }));
    expect(s2).toEqual({ file: s1.file, created: false });
    expect(readFileSync(s1.file, "utf8")).toBe(recordToJson(r1));
    const s3 = saveCounterexample(root, rec("thm-a", { x: 2 }));
    expect(s3.created).toBe(true);
    expect(readdirSync(join(root, "thm-a")).length).toBe(2);
  });
  it("removes a crashed writer's old temporary in the theorem's folder", () => {
    const root = fresh();
    mkdirSync(join(root, "thm"));
    const stale = join(root, "thm", `${TEMP_PREFIX}case-x.json-${2 ** 22 + 7}-1-1`);
    writeFileSync(stale, "part");
    const old = (Date.now() - 10 * 60_000) / 1000;
    utimesSync(stale, old, old);
    saveCounterexample(root, rec("thm", { y: 1 }));
    expect(readdirSync(join(root, "thm"))).toEqual([`${caseName({ y: 1 })}.json`]);
  });
});

describe("scanCounterexamples", () => {
  it("a missing store is empty, without problems", () => {
    expect(scanCounterexamples(join(fresh(), "none"))).toEqual({ records: [], problems: [] });
  });
  it("a store that is a file, not a folder: one problem naming it", () => {
    const f = join(fresh(), "store");
    writeFileSync(f, "x");
    const s = scanCounterexamples(f);
    expect(s.records).toEqual([]);
    expect(s.problems.length).toBe(1);
    expect(s.problems[0]!.file).toBe(f);
    expect(s.problems[0]!.message).toMatch(/ENOTDIR/);
  });
  it("reads every theorem folder in sorted order; skips temporaries, hidden folders and top-level files", () => {
    const root = fresh();
    for (const t of ["zeta", "alpha", "mid"]) for (const i of [2, 1]) saveCounterexample(root, rec(t, { i }));
    mkdirSync(join(root, ".hidden"));
    writeFileSync(join(root, ".hidden", "a.json"), recordToJson(rec(".hidden", {})));
    mkdirSync(join(root, `${TEMP_PREFIX}junk`));
    writeFileSync(join(root, `${TEMP_PREFIX}junk`, "a.json"), recordToJson(rec(`${TEMP_PREFIX}junk`, {})));
    writeFileSync(join(root, "README.md"), "# store");
    saveCounterexample(root, rec("odd.tmp-", { i: 1 })); // a name that only ends like a temporary is read
    writeFileSync(join(root, "alpha", "notes.txt"), "not a record");
    writeFileSync(join(root, "alpha", `${TEMP_PREFIX}x.json`), "{");
    const s = scanCounterexamples(root);
    expect(s.problems).toEqual([]);
    const got = s.records.map((r) => [r.record.theorem, r.file]);
    const want = ["alpha", "mid", "odd.tmp-", "zeta"].flatMap((t) =>
      (t === "odd.tmp-" ? [1] : [1, 2]).map((i) => [t, join(root, t, `${caseName({ i })}.json`)] as const).sort((a, b) => (a[1] < b[1] ? -1 : 1)),
    );
    expect(got).toEqual(want);
    expect(loadCounterexamples(root).map((r) => r.file)).toEqual(want.map((w) => w[1]));
  });
  it("one theorem: only its folder (even a hidden name); a theorem with no folder has nothing and no problem", () => {
    const root = fresh();
    saveCounterexample(root, rec("a", { i: 1 }));
    saveCounterexample(root, rec("b", { i: 1 }));
    mkdirSync(join(root, ".h"));
    writeFileSync(join(root, ".h", "c.json"), recordToJson(rec(".h", {})));
    expect(loadCounterexamples(root, "b").map((r) => r.record.theorem)).toEqual(["b"]);
    expect(loadCounterexamples(root, ".h").map((r) => r.record.theorem)).toEqual([".h"]);
    expect(scanCounterexamples(root, "none")).toEqual({ records: [], problems: [] });
  });
  it("damaged entries are reported with their file and a reason; the rest still load", () => {
    const root = fresh();
    saveCounterexample(root, rec("t", { ok: 1 }));
    const dir = join(root, "t");
    writeFileSync(join(dir, "bad.json"), "{ not json");
    mkdirSync(join(dir, "folder.json"));
    symlinkSync(join(dir, "nowhere.json"), join(dir, "dangling.json"));
    symlinkSync(join(dir, "loop.json"), join(dir, "loop.json"));
    writeFileSync(join(dir, "other.json"), recordToJson(rec("u", {})));
    symlinkSync(join(root, "missing-dir"), join(root, "ghost"));
    const s = scanCounterexamples(root);
    expect(s.records.map((r) => r.file)).toEqual([join(dir, `${caseName({ ok: 1 })}.json`)]);
    const byFile = Object.fromEntries(s.problems.map((p) => [p.file, p.message]));
    expect(Object.keys(byFile).sort()).toEqual(
      [join(root, "ghost"), join(dir, "bad.json"), join(dir, "dangling.json"), join(dir, "folder.json"), join(dir, "loop.json"), join(dir, "other.json")].sort(),
    );
    expect(byFile[join(root, "ghost")]).toBe("cannot be read (a dangling symbolic link, or it vanished)");
    expect(byFile[join(dir, "dangling.json")]).toBe("cannot be read (a dangling symbolic link, or it vanished)");
    expect(byFile[join(dir, "folder.json")]).toBe("is a directory, not a record");
    expect(byFile[join(dir, "loop.json")]).toBe("cannot be read (a symbolic link loop)");
    // the file name is not repeated inside the reason
    expect(byFile[join(dir, "bad.json")]).toMatch(/^not valid JSON \(/);
    expect(byFile[join(dir, "other.json")]).toBe('field "theorem" should be the folder\'s id "t", found "u"');
  });
});

describe("parseRecord: each field", () => {
  const good = () => ({ format: 1, theorem: "t", kind: "theorem", expect: "holds", instance: {}, message: "" }) as Record<string, unknown>;
  it("a good record is returned as it is", () => {
    const g = good();
    expect(parseRecord(JSON.stringify(g), "f.json")).toEqual(g);
    expect(parseRecord(JSON.stringify(g), "f.json", "t")).toEqual(g);
    for (const kind of ["theorem", "refutation", "example"]) expect(parseRecord(JSON.stringify({ ...g, kind }), "f").kind).toBe(kind);
    for (const ex of ["fails", "holds"]) expect(parseRecord(JSON.stringify({ ...g, expect: ex }), "f").expect).toBe(ex);
  });
  it("not JSON: code, file, message", () => {
    const e = caught(() => parseRecord("{", "x.json"));
    expect([e.code, e.path]).toEqual(["bad-counterexample-file", "x.json"]);
    expect(e.message).toMatch(/^x\.json: not valid JSON \(.+\)$/);
  });
  it.each([
    ["(root)", [1], "an object"],
    ["(root)", null, "an object"],
    ["(root)", 3, "an object"],
  ])("root %s = %j", (field, json, want) => {
    const e = caught(() => parseRecord(JSON.stringify(json), "r.json"));
    expect([e.code, e.path]).toEqual(["bad-counterexample-file", `r.json:${field}`]);
    expect(e.message).toContain(`field "${field}" should be ${want}`);
  });
  it.each([
    ["format", 2, "1"],
    ["format", "1", "1"],
    ["theorem", "", "a theorem id"],
    ["theorem", 5, "a theorem id"],
    ["theorem", ["t"], "a theorem id"],
    ["kind", "lemma", `"theorem", "refutation" or "example"`],
    ["expect", "maybe", `"fails" or "holds"`],
    ["message", 3, "a string"],
  ])("%s = %j", (field, value, want) => {
    const e = caught(() => parseRecord(JSON.stringify({ ...good(), [field]: value }), "r.json"));
    expect([e.code, e.path, e.value]).toEqual(["bad-counterexample-file", `r.json:${field}`, value]);
    expect(e.message).toBe(`r.json: field "${field}" should be ${want}, found ${JSON.stringify(value)}`);
  });
  it("a missing instance", () => {
    const g = good();
    delete g.instance;
    const e = caught(() => parseRecord(JSON.stringify(g), "r.json"));
    expect([e.path, e.message]).toEqual(["r.json:instance", 'r.json: field "instance" should be present, found undefined']);
  });
  it("a record filed under another theorem's folder", () => {
    const e = caught(() => parseRecord(JSON.stringify(good()), "r.json", "other"));
    expect([e.path, e.value]).toEqual(["r.json:theorem", "t"]);
  });
});

describe("displayPath", () => {
  it("relative inside the working directory, absolute outside", () => {
    expect(displayPath(resolve("/proj/x/counterexamples/a/b.json"), "/proj/x")).toBe(join("counterexamples", "a", "b.json"));
    expect(displayPath("/elsewhere/b.json", "/proj/x")).toBe("/elsewhere/b.json");
    expect(displayPath(join(process.cwd(), "c.json"))).toBe("c.json");
  });
});
