/**
 * The in-repository CLI's bundle cache (issue 16, scripts/cli-bundle.mjs, used by
 * bin/mechcheck.mjs): its key follows every byte under src/, a build is complete or absent (two
 * concurrent first builds both work), a failure falls back to tsx with the same output, an edited
 * source is never run stale (also in the pool's worker threads, which run the bundle's own worker
 * entry), and the bundle's output is the sources' output. The commands that load a user's
 * TypeScript stay on tsx (their end-to-end run through the bin: conjecture-params.test.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleKey, cacheDir, cliBundle, esbuildVersion, KEEP, prune, PRUNE_AFTER_MS, TSX_COMMANDS, usesBundle, type EsbuildLike } from "../../scripts/cli-bundle.mjs";
import { findCommand } from "../../src/cli/io.ts";

const REPO = join(import.meta.dirname, "..", "..");
const KEY = /^[0-9a-f]{24}$/;
/** Two cheap catalogue ids (a pooled check needs at least two). */
const CHEAP = ["ce-common-values-exact-bb", "ce-payoff-equivalence-finite"];
/** Tests that spawn the CLI several times (through tsx too) run alongside the whole suite: time for a loaded machine. */
const SLOW = 300_000;

/** A copy of what the CLI needs, with its own node_modules (links to the repository's packages) so its cache is its own. */
function tempRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-bundle-"));
  for (const p of ["src", "bin", "scripts/cli-bundle.mjs", "counterexamples", "package.json", "tsconfig.json"]) cpSync(join(REPO, p), join(dir, p), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const n of readdirSync(join(REPO, "node_modules"))) if (n !== ".cache") symlinkSync(join(REPO, "node_modules", n), join(dir, "node_modules", n));
  return dir;
}

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["bin/mechcheck.mjs", ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliAsync(cwd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ["bin/mechcheck.mjs", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (d) => (stdout += d));
    c.stderr.on("data", (d) => (stderr += d));
    c.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

const keysIn = (dir: string) => (existsSync(cacheDir(dir)) ? readdirSync(cacheDir(dir)).filter((n) => KEY.test(n)) : []);
const tmpsIn = (dir: string) => (existsSync(cacheDir(dir)) ? readdirSync(cacheDir(dir)).filter((n) => n.startsWith(".tmp-")) : []);

async function realEsbuild(): Promise<EsbuildLike> {
  return (await import("esbuild")) as unknown as EsbuildLike;
}

describe("the bundle's key", () => {
  it("is a hash of every file under src/ (path and bytes), the esbuild version and the root", () => {
    const root = mkdtempSync(join(tmpdir(), "mechcheck-key-"));
    mkdirSync(join(root, "src", "sub"), { recursive: true });
    writeFileSync(join(root, "src", "a.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "src", "sub", "b.ts"), "export const b = 2;\n");
    writeFileSync(join(root, "tsconfig.json"), "{}\n");
    const k0 = bundleKey(root, "1.0.0");
    expect(k0).toMatch(KEY);
    expect(bundleKey(root, "1.0.0")).toBe(k0);
    // a file outside src/ (other than tsconfig.json) is not part of it: control for the changes below
    writeFileSync(join(root, "README.md"), "x");
    expect(bundleKey(root, "1.0.0")).toBe(k0);
    // one byte of a source
    writeFileSync(join(root, "src", "sub", "b.ts"), "export const b = 3;\n");
    const k1 = bundleKey(root, "1.0.0");
    expect(k1).not.toBe(k0);
    writeFileSync(join(root, "src", "sub", "b.ts"), "export const b = 2;\n");
    expect(bundleKey(root, "1.0.0")).toBe(k0);
    // a new file, an empty one included
    writeFileSync(join(root, "src", "c.ts"), "");
    expect(bundleKey(root, "1.0.0")).not.toBe(k0);
    rmSync(join(root, "src", "c.ts"));
    // the same bytes under another name
    cpSync(join(root, "src", "a.ts"), join(root, "src", "a2.ts"));
    rmSync(join(root, "src", "a.ts"));
    expect(bundleKey(root, "1.0.0")).not.toBe(k0);
    cpSync(join(root, "src", "a2.ts"), join(root, "src", "a.ts"));
    rmSync(join(root, "src", "a2.ts"));
    expect(bundleKey(root, "1.0.0")).toBe(k0);
    // tsconfig.json, the esbuild version, the folder (a clone sharing node_modules through a link)
    writeFileSync(join(root, "tsconfig.json"), '{"compilerOptions":{}}\n');
    expect(bundleKey(root, "1.0.0")).not.toBe(k0);
    writeFileSync(join(root, "tsconfig.json"), "{}\n");
    expect(bundleKey(root, "1.0.1")).not.toBe(k0);
    const moved = mkdtempSync(join(tmpdir(), "mechcheck-key-"));
    cpSync(root, moved, { recursive: true });
    expect(bundleKey(moved, "1.0.0")).not.toBe(k0);
    // the installed esbuild's version, read without loading it
    expect(esbuildVersion(REPO)).toBe(JSON.parse(readFileSync(join(REPO, "node_modules", "esbuild", "package.json"), "utf8")).version);
  });

  it("prune keeps the current key, the newest others and any used recently; old temporary folders go", () => {
    const now = Date.now();
    const key = (k: number) => k.toString(16).padStart(24, "0");
    const make = (dir: string, name: string, ageMs: number) => {
      mkdirSync(join(dir, name));
      const t = new Date(now - ageMs);
      utimesSync(join(dir, name), t, t);
    };
    // all old: the KEEP - 1 newest others stay, with the current key (the oldest here)
    const old = mkdtempSync(join(tmpdir(), "mechcheck-prune-"));
    for (let k = 0; k < KEEP + 3; k++) make(old, key(k), (k + 1) * 2 * PRUNE_AFTER_MS); // key(0) newest
    make(old, ".tmp-1-crashed", 2 * PRUNE_AFTER_MS);
    make(old, ".tmp-2-building", 0);
    make(old, "not-a-key", 10 * PRUNE_AFTER_MS);
    prune(old, key(KEEP + 2), now);
    expect(readdirSync(old).sort()).toEqual([...Array.from({ length: KEEP - 1 }, (_, k) => key(k)), key(KEEP + 2), ".tmp-2-building", "not-a-key"].sort());
    // more than KEEP used recently (other runs on other sources): none of them goes, the old ones do
    const busy = mkdtempSync(join(tmpdir(), "mechcheck-prune-"));
    for (let k = 0; k < KEEP + 1; k++) make(busy, key(k), k * 1000);
    for (let k = KEEP + 1; k < KEEP + 4; k++) make(busy, key(k), k * PRUNE_AFTER_MS);
    prune(busy, key(KEEP + 3), now);
    expect(readdirSync(busy).sort()).toEqual([...Array.from({ length: KEEP + 1 }, (_, k) => key(k)), key(KEEP + 3)].sort());
  });
});

describe("the bundle cache", () => {
  it("builds once, reuses the build, and rebuilds after a source changes (both entries in one folder)", async () => {
    const dir = tempRepo();
    const builds: string[] = [];
    const a = await cliBundle(dir, { onBuild: (k) => builds.push(k) });
    expect(a).not.toBeNull();
    expect(builds).toEqual([a!.key]);
    expect(a!.dir).toBe(join(cacheDir(dir), a!.key));
    for (const e of ["main.js", "poolWorker.js"]) expect(existsSync(join(a!.dir, e))).toBe(true);
    expect(readdirSync(a!.dir).some((f) => /^chunk-.*\.js$/.test(f))).toBe(true); // shared chunks
    const again = await cliBundle(dir, { onBuild: (k) => builds.push(k) });
    expect(again).toEqual(a);
    expect(builds).toHaveLength(1);
    writeFileSync(join(dir, "src", "version.ts"), readFileSync(join(dir, "src", "version.ts"), "utf8") + "\n// edited\n");
    const b = await cliBundle(dir, { onBuild: (k) => builds.push(k) });
    expect(b!.key).not.toBe(a!.key);
    expect(builds).toEqual([a!.key, b!.key]);
    expect(keysIn(dir).sort()).toEqual([a!.key, b!.key].sort()); // the previous one is kept (recently used)
    expect(tmpsIn(dir)).toEqual([]);
  }, SLOW);

  it("two concurrent first builds: one is renamed into place, the other discards its copy", async () => {
    const dir = tempRepo();
    const esbuild = await realEsbuild();
    // both builds finish before either is renamed: the race is certain, not a matter of timing
    let arrived = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: EsbuildLike = {
      build: async (o) => {
        const r = await esbuild.build(o);
        if (++arrived === 2) release();
        await gate;
        return r;
      },
    };
    const builds: string[] = [];
    const [a, b] = await Promise.all([cliBundle(dir, { esbuild: slow, onBuild: (k) => builds.push(k) }), cliBundle(dir, { esbuild: slow, onBuild: (k) => builds.push(k) })]);
    expect(arrived).toBe(2);
    expect(a).not.toBeNull();
    expect(b).toEqual(a);
    expect(builds).toHaveLength(1);
    expect(keysIn(dir)).toEqual([a!.key]);
    expect(tmpsIn(dir)).toEqual([]);
  }, SLOW);

  it("two concurrent first runs of the bin both work, with the sources' output", async () => {
    const dir = tempRepo();
    const [r1, r2] = await Promise.all([cliAsync(dir, ["list", "--json"]), cliAsync(dir, ["list", "--json"])]);
    const viaTsx = cli(dir, ["list", "--json"], { MECHCHECK_BUNDLE: "0" });
    expect(viaTsx.status).toBe(0);
    for (const r of [r1, r2]) expect(r).toEqual(viaTsx);
    expect(keysIn(dir)).toHaveLength(1);
    expect(tmpsIn(dir)).toEqual([]);
  }, SLOW);

  it("a failing build returns null and leaves nothing behind", async () => {
    const dir = tempRepo();
    const errors: unknown[] = [];
    const failing: EsbuildLike = { build: async () => Promise.reject(new Error("esbuild failed")) };
    expect(await cliBundle(dir, { esbuild: failing, onError: (e) => errors.push(e) })).toBeNull();
    expect(errors.map(String)).toEqual(["Error: esbuild failed"]);
    expect(keysIn(dir)).toEqual([]);
    expect(tmpsIn(dir)).toEqual([]);
    // control: the real esbuild on the same copy builds
    expect(await cliBundle(dir)).not.toBeNull();
  });

  it("the bin falls back to tsx, with the same output, when the cache cannot be written", () => {
    const dir = tempRepo();
    writeFileSync(join(dir, "node_modules", ".cache"), "a file where the cache folder would go\n");
    for (const args of [["list", "--json"], ["check", "no-such-id"]]) {
      const fallback = cli(dir, args);
      const viaTsx = cli(dir, args, { MECHCHECK_BUNDLE: "0" });
      expect(fallback).toEqual(viaTsx);
      expect(fallback.stdout + fallback.stderr).not.toBe("");
    }
    // control: with the obstacle gone, the same run builds the bundle
    rmSync(join(dir, "node_modules", ".cache"));
    expect(cli(dir, ["help"]).status).toBe(0);
    expect(keysIn(dir)).toHaveLength(1);
  }, SLOW);

  it("never runs a stale bundle: an edited source shows in the main thread and in the pool's workers", () => {
    const dir = tempRepo();
    const help0 = cli(dir, ["help"]);
    expect(help0.stdout).toMatch(/^usage: mechcheck </);
    const ok = cli(dir, ["check", ...CHEAP, "--jobs", "2", "--no-save"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(keysIn(dir)).toHaveLength(1);
    // the main thread: the usage line
    const io = join(dir, "src", "cli", "io.ts");
    const ioText = readFileSync(io, "utf8");
    expect(ioText).toContain('"usage: mechcheck <command>');
    writeFileSync(io, ioText.replace('"usage: mechcheck <command>', '"usage: mechcheck-edited <command>'));
    expect(cli(dir, ["help"]).stdout).toMatch(/^usage: mechcheck-edited </);
    expect(keysIn(dir)).toHaveLength(2);
    // a worker thread: it throws, naming the file it runs from (source maps are off without --debug)
    const worker = join(dir, "src", "theorem", "poolWorker.ts");
    const anchor = "port.on(\"message\", (msg: PoolRequest) => {\n";
    const workerText = readFileSync(worker, "utf8");
    expect(workerText).toContain(anchor);
    writeFileSync(worker, workerText.replace(anchor, anchor + '  throw new Error("EDITED-WORKER " + String(new Error().stack).split("\\n")[1]!.trim());\n'));
    const edited = cli(dir, ["check", ...CHEAP, "--jobs", "2", "--no-save"]);
    expect(edited.status).toBe(3);
    expect(edited.stderr).toMatch(/EDITED-WORKER at .*node_modules\/\.cache\/mechcheck\/[0-9a-f]{24}\/poolWorker\.js:/);
    expect(keysIn(dir)).toHaveLength(3);
    // control: the same edit through tsx names the source, so the line above does tell the two apart
    const viaTsx = cli(dir, ["check", ...CHEAP, "--jobs", "2", "--no-save"], { MECHCHECK_BUNDLE: "0" });
    expect(viaTsx.status).toBe(3);
    expect(viaTsx.stderr).toMatch(/EDITED-WORKER at .*src\/theorem\/poolWorker\.ts:/);
  }, SLOW);
  it("--debug: an internal error's stack names the sources, as under tsx (source maps)", () => {
    const dir = tempRepo();
    const file = join(dir, "src", "cli", "commands", "theorems.ts");
    const anchor = 'const { flags } = parseCommandArgs("list", args);\n';
    const text = readFileSync(file, "utf8");
    expect(text).toContain(anchor);
    writeFileSync(file, text.replace(anchor, anchor + '  throw new Error("EDITED-BOOM");\n'));
    const bundled = cli(dir, ["list", "--debug"]);
    const viaTsx = cli(dir, ["list", "--debug"], { MECHCHECK_BUNDLE: "0" });
    expect(bundled.status).toBe(3);
    expect(keysIn(dir)).toHaveLength(1); // it did run from the bundle
    const top = (s: string) => s.split("\n").slice(0, 4).join("\n");
    expect(top(bundled.stderr)).toMatch(/EDITED-BOOM\nError: EDITED-BOOM\n +at listCommand \(.*src\/cli\/commands\/theorems\.ts:\d+:\d+\)/);
    expect(top(bundled.stderr)).toBe(top(viaTsx.stderr));
    // without --debug: one line, no stack
    expect(cli(dir, ["list"]).stderr.trim().split("\n")).toHaveLength(1);
  }, SLOW);
});

describe("the bundled CLI in this repository", () => {
  // one command per test: each runs twice (bundle, tsx), the pooled check's tsx run alone starting three tsx threads
  it.each([[["list", "--json"]], [["help"]], [["lp", "examples/lp/fractions.json", "--json"]], [["check", ...CHEAP, "--jobs", "2", "--json", "--no-timing", "--no-save"]]])("prints what the sources through tsx print (exit code, stdout, stderr): %j", (args) => {
    const bundled = cli(REPO, args);
    expect(bundled).toEqual(cli(REPO, args, { MECHCHECK_BUNDLE: "0" }));
    expect(bundled.stdout + bundled.stderr).not.toBe("");
  }, SLOW);

  it("runs the commands that load a user's TypeScript through tsx, the others from the bundle", () => {
    expect([...TSX_COMMANDS].sort()).toEqual(["conjecture", "replay", "shrink"]);
    for (const c of TSX_COMMANDS) {
      expect(usesBundle([c, "x.ts"], {})).toBe(false);
      expect(usesBundle(["--debug", c], {})).toBe(false);
    }
    for (const c of ["list", "check", "report", "lp", "show", "eval"]) expect(usesBundle([c], {}), c).toBe(true);
    expect(usesBundle(["list", "--debug"], {})).toBe(true);
    expect(usesBundle([], {})).toBe(true);
    expect(usesBundle(["check"], { MECHCHECK_BUNDLE: "0" })).toBe(false);
  });

  it("names real commands in TSX_COMMANDS", async () => {
    await import("../../src/cli/commands/index.ts");
    for (const c of TSX_COMMANDS) expect(findCommand(c), c).toBeDefined();
    expect(findCommand("no-such-command")).toBeUndefined(); // control
  });
});
