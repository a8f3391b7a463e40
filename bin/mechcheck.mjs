#!/usr/bin/env node
// The mechcheck CLI. Three ways to run; no build step is needed in a fresh clone (`npm ci && npx
// mechcheck check` works):
// - The installed package (no src/, only the built dist/), or MECHCHECK_USE_DIST=1: dist/.
// - The repository (src/ is there): an esbuild bundle of the sources, cached in
//   node_modules/.cache/mechcheck/<hash of src/ …>/ and rebuilt whenever a source changes
//   (scripts/cli-bundle.mjs). Loading it is several times cheaper than tsx's per-module loader
//   hooks over ~400 modules, paid in the main thread and again in each `check` pool worker.
// - The repository, the TypeScript sources through tsx, for the commands that load a user's
//   TypeScript importing `mechcheck`: `conjecture`, `shrink` and `replay` (TSX_COMMANDS in
//   scripts/cli-bundle.mjs, decided by the command name, the first argument other than --debug).
//   There the user file's `mechcheck` resolves to src/index.ts (the `mechcheck-source` condition,
//   src/cli/conjectureResolve.mjs) and must share module instances with the running CLI (the
//   `conjecture(…)` values it exports are recognized by it), which a bundle, with its own copies
//   of the modules, would not. Also whenever the bundle cannot be had (esbuild missing or failing,
//   node_modules/.cache not writable), with the same output, and with MECHCHECK_BUNDLE=0.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// V8 tiering for a CLI run. By default V8 hands a function to its optimizing compiler (TurboFan, on
// background threads) after little use; a `check` run executes a few thousand distinct functions
// (the catalogue, fast-check, the exact arithmetic) in each pool worker, and each worker compiles
// its own copies, so optimizing compilation was about a quarter of the suite's CPU. A 16× larger
// interrupt budget optimizes only the functions that stay hot (bench/RESULTS.md, "V8 tiering"):
// default suite 26.0–34.1 s → 18.9–21.7 s wall on 2 cores, `--scale 10` 175 s → 162 s. The flag
// only changes when code is compiled, never a result; a flag of the user's own (node
// --interrupt-budget=…) rules. Set before any of our code loads, and before the pool's worker
// threads start (V8 flags are process-wide).
if (!/--interrupt-budget=/.test(`${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`)) {
  setFlagsFromString("--interrupt-budget=1081344");
}

const argv = process.argv.slice(2);
const source = new URL("../src/cli/main.ts", import.meta.url);
const built = new URL("../dist/cli/main.js", import.meta.url);
if (argv.includes("--debug")) process.setSourceMapsEnabled(true); // stack traces name the sources
let main;
if (existsSync(source) && process.env.MECHCHECK_USE_DIST !== "1") {
  try {
    const { cliBundle, usesBundle } = await import("../scripts/cli-bundle.mjs");
    const bundle = usesBundle(argv) ? await cliBundle(fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]+$/, "")) : null;
    if (bundle !== null) ({ main } = await import(bundle.main));
  } catch {
    main = undefined; // e.g. a module that throws as it loads: tsx below reports it as the sources do
  }
  if (main === undefined) {
    const { register } = await import("tsx/esm/api");
    register();
    ({ main } = await import(source.href));
  }
} else {
  ({ main } = await import(built.href));
}
process.exitCode = await main(argv);
