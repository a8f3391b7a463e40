// The project layout of the store (src/store/project.ts: the project root, the cache and curated
// store folders, the cache's own .gitignore) and the exact one-line messages parseRecord gives for
// a file that is not JSON or holds a number a float would change.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isMechcheckError } from "../../../src/errors.ts";
import { q } from "../../../src/exact/rational.ts";
import { parseRecord, recordName, saveCounterexample, type CounterexampleRecord } from "../../../src/store/counterexamples.ts";
import { CACHE_DIR, defaultCacheRoot, ensureCacheIgnored, findProjectRoot, projectStoreRoot } from "../../../src/store/project.ts";
import { caught } from "../support.ts";

const fresh = () => realpathSync(mkdtempSync(join(tmpdir(), "mechcheck-project-")));
const GITIGNORE = "# mechcheck's cache of new counterexamples (mechcheck promote moves one into counterexamples/)\n*\n";

describe("findProjectRoot", () => {
  it("the nearest folder holding a package.json file, from the folder itself or below it", () => {
    const dir = fresh();
    mkdirSync(join(dir, "inner", "a", "b"), { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "inner", "package.json"), "{}");
    expect(findProjectRoot(join(dir, "inner", "a", "b"))).toBe(join(dir, "inner"));
    expect(findProjectRoot(join(dir, "inner"))).toBe(join(dir, "inner"));
    expect(findProjectRoot(dir)).toBe(dir);
  });
  it("a folder named package.json does not make a project root", () => {
    const dir = fresh();
    mkdirSync(join(dir, "sub", "package.json"), { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    expect(findProjectRoot(join(dir, "sub"))).toBe(dir);
  });
  it("no package.json up to the file system root: the start folder itself, resolved", () => {
    // Precondition of this case: neither the temp folder nor any folder above it is a project.
    const dir = fresh();
    const ancestors: string[] = [];
    for (let d = dir; ; ) {
      ancestors.push(d);
      const up = join(d, "..");
      if (up === d) break;
      d = up;
    }
    if (ancestors.some((d) => existsSync(join(d, "package.json")))) return; // not testable here
    mkdirSync(join(dir, "x", "y"), { recursive: true });
    expect(findProjectRoot(join(dir, "x", "y"))).toBe(join(dir, "x", "y"));
    // a relative start is resolved against the working directory
    const rel = relative(process.cwd(), join(dir, "x"));
    expect(findProjectRoot(rel)).toBe(join(dir, "x"));
  });
  it("default start: the working directory (this repository's root holds package.json)", () => {
    expect(existsSync(join(process.cwd(), "package.json"))).toBe(true);
    expect(findProjectRoot()).toBe(process.cwd());
  });
});

describe("cache and curated store folders", () => {
  it("<root>/.mechcheck/counterexamples and <root>/counterexamples, from anywhere inside the project", () => {
    const dir = fresh();
    mkdirSync(join(dir, "src", "deep"), { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    expect(CACHE_DIR).toBe(".mechcheck");
    expect(defaultCacheRoot(join(dir, "src", "deep"))).toBe(join(dir, ".mechcheck", "counterexamples"));
    expect(projectStoreRoot(join(dir, "src", "deep"))).toBe(join(dir, "counterexamples"));
    expect(defaultCacheRoot()).toBe(join(process.cwd(), ".mechcheck", "counterexamples"));
    expect(projectStoreRoot()).toBe(join(process.cwd(), "counterexamples"));
  });
});

describe("ensureCacheIgnored", () => {
  it("creates <root>/.mechcheck/ and its .gitignore holding '*' when the cache does not exist yet", () => {
    const dir = fresh();
    ensureCacheIgnored(join(dir, "proj", ".mechcheck", "counterexamples"));
    expect(readFileSync(join(dir, "proj", ".mechcheck", ".gitignore"), "utf8")).toBe(GITIGNORE);
    // the cache folder itself is not created here
    expect(readdirSync(join(dir, "proj", ".mechcheck"))).toEqual([".gitignore"]);
  });
  it("writes the .gitignore into an existing .mechcheck/ without one", () => {
    const dir = fresh();
    mkdirSync(join(dir, ".mechcheck", "counterexamples"), { recursive: true });
    ensureCacheIgnored(join(dir, ".mechcheck", "counterexamples"));
    expect(readFileSync(join(dir, ".mechcheck", ".gitignore"), "utf8")).toBe(GITIGNORE);
  });
  it("never overwrites an existing .gitignore", () => {
    const dir = fresh();
    mkdirSync(join(dir, ".mechcheck"));
    writeFileSync(join(dir, ".mechcheck", ".gitignore"), "mine\n");
    ensureCacheIgnored(join(dir, ".mechcheck", "counterexamples"));
    expect(readFileSync(join(dir, ".mechcheck", ".gitignore"), "utf8")).toBe("mine\n");
  });
  it("a .gitignore that appears between the existence check and the write (here: a dangling link) is left alone", () => {
    // existsSync follows the link and sees nothing; the exclusive create then fails with EEXIST,
    // which is not an error, and the link's target is not created through it.
    const dir = fresh();
    mkdirSync(join(dir, ".mechcheck"));
    symlinkSync(join(dir, "target"), join(dir, ".mechcheck", ".gitignore"));
    expect(() => ensureCacheIgnored(join(dir, ".mechcheck", "counterexamples"))).not.toThrow();
    expect(existsSync(join(dir, "target"))).toBe(false);
    expect(readlinkSync(join(dir, ".mechcheck", ".gitignore"))).toBe(join(dir, "target"));
  });
  it("a store elsewhere (--store) is left alone: no folder, no .gitignore", () => {
    const dir = fresh();
    ensureCacheIgnored(join(dir, "store", "counterexamples"));
    ensureCacheIgnored(join(dir, "x.mechcheck", "counterexamples"));
    ensureCacheIgnored(join(dir, ".mechcheck"));
    expect(readdirSync(dir)).toEqual([]);
  });
  it("a Windows-style '\\.mechcheck' ending counts too (on POSIX a backslash is an ordinary file-name character)", () => {
    if (process.platform === "win32") return;
    const dir = fresh();
    ensureCacheIgnored(join(dir, "a\\.mechcheck", "counterexamples"));
    expect(readFileSync(join(dir, "a\\.mechcheck", ".gitignore"), "utf8")).toBe(GITIGNORE);
  });
});

describe("parseRecord: one-line reasons for text that is not an exact JSON record", () => {
  it("not JSON: the reader's line and column, without repeating the file name or 'invalid JSON at'", () => {
    const e = caught(() => parseRecord('{"a": 1,\n  }', "x.json"));
    expect(e.code).toBe("bad-counterexample-file");
    expect(e.message).toBe('x.json: not valid JSON (line 2, column 3: expected a string key, found "}")');
    expect([e.path, e.value]).toEqual(["x.json", { line: 2, column: 3, offset: 11 }]);
    expect(isMechcheckError((e as Error & { cause?: unknown }).cause)).toBe(true);
  });
  it("a number a float would change: 'not exact', with the field path", () => {
    const e = caught(() => parseRecord('{"format": 1, "gap": 0.1}', "r.json"));
    expect(e.message).toBe('r.json: not exact (gap: the number 0.1 is not an integer below 2^53; write it as an exact string such as "3/7")');
    expect([e.code, e.path, e.value]).toEqual(["bad-counterexample-file", "r.json", "0.1"]);
  });
  it("only a leading 'invalid JSON at' is dropped: a key holding those words stays in the path", () => {
    const e = caught(() => parseRecord('{"invalid JSON at ": 2.5}', "r.json"));
    expect(e.message).toBe('r.json: not exact (["invalid JSON at "]: the number 2.5 is not an integer below 2^53; write it as an exact string such as "3/7")');
  });
  it("inside an array, the reader names the element: [0]", () => {
    const e = caught(() => parseRecord("[", "a.json"));
    expect(e.message).toBe("a.json: not valid JSON (line 1, column 2, in [0]: unexpected end of input)");
  });
  it("something that is not a reader error (not even text) is not disguised as a bad file", () => {
    expect(() => parseRecord(undefined as unknown as string, "r.json")).toThrow(TypeError);
  });
});

describe("recordName: a conjecture's parameters are part of its case name", () => {
  const hashName = (text: string) => `case-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
  it("without parameters (absent or empty): the instance's name; with them: the name of {instance, params}", () => {
    const instance = { v: [q("1/2")] };
    expect(recordName({ instance })).toBe(hashName('{"v":["1/2"]}'));
    expect(recordName({ instance, params: {} })).toBe(hashName('{"v":["1/2"]}'));
    expect(recordName({ instance, params: { n: 3 } })).toBe(hashName('{"instance":{"v":["1/2"]},"params":{"n":3}}'));
    expect(recordName({ instance, params: { n: 4 } })).not.toBe(recordName({ instance, params: { n: 3 } }));
  });
  it("saveCounterexample files a record under that name", () => {
    const root = fresh();
    const rec: CounterexampleRecord = { format: 1, theorem: "t", kind: "refutation", expect: "fails", instance: { x: 1 }, violation: null, message: "m", seed: 1, path: null, origin: "test", toolVersion: "0", params: { k: 2 } };
    const { file, created } = saveCounterexample(root, rec);
    expect(created).toBe(true);
    expect(file).toBe(join(root, "t", `${hashName('{"instance":{"x":1},"params":{"k":2}}')}.json`));
  });
});
