/**
 * Store semantics (issue 13), Hypothesis-style: `check` never writes into the committed curated
 * store; new finds go to the project's cache `.mechcheck/counterexamples/` (gitignored by its own
 * .gitignore), replayed next time; `promote` moves one into a curated store; `prune` cleans the cache.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { findProjectRoot } from "../../src/store/project.ts";

const repo = join(import.meta.dirname, "..", "..");
const ID = "dsic-efficient-is-groves";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe("the counterexample cache", () => {
  it("a fresh clone stays clean after check: the new case goes to the ignored .mechcheck/ cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-clone-"));
    execFileSync("git", ["clone", "--quiet", repo, dir]);
    symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
    // --runs 40 shrinks to a case the curated store does not hold: it must be saved somewhere.
    const r = spawnSync("node", ["bin/mechcheck.mjs", "check", ID, "--runs", "40"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/saved: \.mechcheck\/counterexamples\/dsic-efficient-is-groves\/case-[0-9a-f]{12}\.json/);
    const status = (args: string[]) => execFileSync("git", ["status", "--porcelain", ...args], { cwd: dir, encoding: "utf8" });
    // node_modules is a symlink the clone's .gitignore ("node_modules/") does not match as a link.
    expect(status([]).split("\n").filter((l) => l && l !== "?? node_modules")).toEqual([]);
    // Control: the run did write — git sees the cache, as ignored.
    expect(status(["--ignored"])).toMatch(/!! \.mechcheck\//);
    expect(readdirSync(join(dir, ".mechcheck", "counterexamples", ID))).toHaveLength(1);
    // The next run replays the cached case (after the curated ones).
    const again = spawnSync("node", ["bin/mechcheck.mjs", "check", ID, "--runs", "40", "--json", "--no-save"], { cwd: dir, encoding: "utf8" });
    const replayed = JSON.parse(again.stdout).results[0].replayed.map((x: { file: string }) => x.file);
    expect(replayed.some((f: string) => f.startsWith(".mechcheck/"))).toBe(true);
    expect(replayed.some((f: string) => f.startsWith("counterexamples/"))).toBe(true);
  });

  it("finds the project root by walking up to package.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-root-"));
    mkdirSync(join(dir, "a", "b"), { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    expect(findProjectRoot(join(dir, "a", "b"))).toBe(dir);
    // Control: without a package.json above, the folder itself (up to / there may be none).
    const bare = mkdtempSync(join(tmpdir(), "mechcheck-bare-"));
    expect(findProjectRoot(bare) === bare || existsSync(join(findProjectRoot(bare), "package.json"))).toBe(true);
  });

  it("promote moves a cached case into a curated store, never replacing a different file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-promote-"));
    const name = readdirSync(join(STORE_ROOT, ID)).find((f) => f.endsWith(".json"))!;
    const original = readFileSync(join(STORE_ROOT, ID, name), "utf8");
    const cached = join(dir, "cache", ID, name);
    mkdirSync(join(dir, "cache", ID), { recursive: true });
    writeFileSync(cached, original);
    const c = capture();
    expect(await main(["promote", cached, "--to", join(dir, "curated")], c.io)).toBe(0);
    expect(readFileSync(join(dir, "curated", ID, name), "utf8")).toBe(original);
    expect(existsSync(cached)).toBe(false);
    // Same content again: already curated, the cached copy goes.
    writeFileSync(cached, original);
    expect(await main(["promote", cached, "--to", join(dir, "curated")], capture().io)).toBe(0);
    expect(existsSync(cached)).toBe(false);
    // Different content under the same name: refused, one line, both files kept.
    const other = original.replace(/"origin": "[^"]*"/, '"origin": "edited"');
    expect(other).not.toBe(original);
    writeFileSync(cached, other);
    const bad = capture();
    expect(await main(["promote", cached, "--to", join(dir, "curated")], bad.io)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/^mechcheck promote: error \[unwritable-file\]: .*exists with other content/);
    expect(readFileSync(join(dir, "curated", ID, name), "utf8")).toBe(original);
    expect(existsSync(cached)).toBe(true);
    // A file that is not a record is refused before anything moves.
    writeFileSync(join(dir, "junk.json"), "{}");
    expect(await main(["promote", join(dir, "junk.json"), "--to", join(dir, "curated")], capture().io)).toBe(2);
    expect(existsSync(join(dir, "junk.json"))).toBe(true);
  });

  it("prune removes unreadable files and cases the curated store holds, keeps cases that still fail", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-prune-"));
    const cache = join(dir, "cache");
    cpSync(join(STORE_ROOT, ID), join(cache, ID), { recursive: true }); // duplicates of curated cases
    const names = readdirSync(join(cache, ID)).filter((f) => f.endsWith(".json"));
    // One case the curated store does not hold (renamed copy): still fails, so it is kept.
    const kept = join(cache, ID, "case-000000000000.json");
    writeFileSync(kept, readFileSync(join(cache, ID, names[0]!), "utf8"));
    writeFileSync(join(cache, ID, "case-ffffffffffff.json"), "{ not json");
    const dry = capture();
    expect(await main(["prune", "--store", cache, "--dry-run", "--json"], dry.io)).toBe(0);
    expect(JSON.parse(dry.out.join("\n")).removed).toBe(names.length + 1);
    expect(readdirSync(join(cache, ID))).toHaveLength(names.length + 2);
    const c = capture();
    expect(await main(["prune", "--store", cache, "--json"], c.io)).toBe(0);
    const res = JSON.parse(c.out.join("\n"));
    expect(res.removed).toBe(names.length + 1);
    expect(readdirSync(join(cache, ID))).toEqual(["case-000000000000.json"]);
    expect(await main(["prune", "--store", cache, "--all"], capture().io)).toBe(0);
    expect(readdirSync(join(cache, ID))).toEqual([]);
    // Never the curated store itself.
    const refuse = capture();
    expect(await main(["prune", "--store", STORE_ROOT], refuse.io)).toBe(2);
    expect(readdirSync(join(STORE_ROOT, ID)).length).toBeGreaterThan(0);
  });
});
