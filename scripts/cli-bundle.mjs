// The in-repository CLI's transpiled cache (issue 16), used by bin/mechcheck.mjs: esbuild bundles
// src/cli/main.ts and the check pool's worker entry (src/theorem/poolWorker.ts) — ESM, platform
// node, code splitting so that both share chunks, every npm package left external — into
// node_modules/.cache/mechcheck/<key>/. Loading that bundle costs a fraction of running ~400
// TypeScript modules through tsx's loader hooks in every process and worker thread.
//
// The key hashes every file under src/ (relative path and bytes), tsconfig.json, this file, the
// esbuild version and the repository's absolute path, so an edited source (or a clone sharing
// node_modules through a link) never runs a stale bundle. A build goes to a fresh temporary folder,
// renamed into place when complete: of two concurrent first runs (vitest runs CLI tests in
// parallel) one rename wins and the other discards its copy; a key folder that exists is complete.
// Old key folders are pruned (the newest KEEP stay, and none used in the last PRUNE_AFTER_MS; a
// run is "using" its folder from its start, so only a run longer than that, during which the
// sources changed KEEP times, could lose a chunk it had not loaded yet).
//
// Behaviour is that of the sources under tsx: each module's `import.meta.url` is replaced (as text,
// comments included) by its source file's URL, so paths computed from it (src/paths.ts's
// PACKAGE_ROOT, …) are unchanged; src/cli/poolWorkerUrl.ts is replaced as a whole, so that the
// pool's worker threads run the bundle's own worker entry. Any failure returns null, and the bin runs the sources through tsx.
// Only the repository uses this file; the installed package runs dist/ (no esbuild needed).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Key folders kept whatever their age, and the age (since last use) past which older ones go. */
export const KEEP = 4;
export const PRUNE_AFTER_MS = 15 * 60_000;
/** The bundle's entry points (outdir/<name>.js). */
export const ENTRIES = { main: "src/cli/main.ts", poolWorker: "src/theorem/poolWorker.ts" };
/**
 * The commands that run the sources through tsx instead (bin/mechcheck.mjs says why): they load a
 * user's TypeScript that imports `mechcheck`, which must share module instances with the CLI.
 */
export const TSX_COMMANDS = Object.freeze(["conjecture", "shrink", "replay"]);

/** Whether the bin runs `argv` (the arguments after the bin) from the bundle: not a TSX_COMMANDS command, nor MECHCHECK_BUNDLE=0. */
export function usesBundle(argv, env = process.env) {
  const command = argv.find((a) => a !== "--debug"); // main.ts drops --debug wherever it is
  return env.MECHCHECK_BUNDLE !== "0" && !TSX_COMMANDS.includes(command);
}

const POOL_WORKER_URL = "src/cli/poolWorkerUrl.ts";
const KEY = /^[0-9a-f]{24}$/;
const TMP = /^\.tmp-/;

function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The esbuild version installed next to `root` (read without loading esbuild). */
export function esbuildVersion(root) {
  const require = createRequire(join(root, "package.json"));
  return JSON.parse(readFileSync(require.resolve("esbuild/package.json"), "utf8")).version;
}

/** The cache key of the repository at `root`: a hash of everything the bundle depends on. */
export function bundleKey(root, version = esbuildVersion(root)) {
  const h = createHash("sha256");
  const add = (name, bytes) => {
    h.update(`${name}\0${bytes.length}\0`);
    h.update(bytes);
  };
  add("root", Buffer.from(root));
  add("esbuild", Buffer.from(version));
  add("bundler", readFileSync(fileURLToPath(import.meta.url)));
  const tsconfig = join(root, "tsconfig.json");
  if (existsSync(tsconfig)) add("tsconfig.json", readFileSync(tsconfig));
  const src = join(root, "src");
  for (const f of filesUnder(src).sort()) add(relative(root, f).split(sep).join("/"), readFileSync(f));
  return h.digest("hex").slice(0, 24);
}

export function cacheDir(root) {
  return join(root, "node_modules", ".cache", "mechcheck");
}

/** The esbuild plugin that keeps the sources' behaviour (see the module comment). */
function sourceUrls(root) {
  const poolWorkerUrl = join(root, POOL_WORKER_URL);
  return {
    name: "mechcheck-source-urls",
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
        if (!args.path.startsWith(join(root, "src") + sep)) return undefined;
        const loader = /\.m?ts$/.test(args.path) ? "ts" : "js";
        if (args.path === poolWorkerUrl) {
          return { loader, contents: `export function poolWorkerUrl() { return new URL("./poolWorker.js", import.meta.url); }\n` };
        }
        const text = readFileSync(args.path, "utf8");
        return { loader, contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)) };
      });
    },
  };
}

/** Build the bundle of `root` into `outdir` (which must not exist yet). */
export async function buildBundle(root, outdir, esbuild) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    tsconfig: join(root, "tsconfig.json"),
    sourcemap: "linked", // read only under --debug (the bin enables source maps then)
    sourcesContent: false,
    logLevel: "silent",
    plugins: [sourceUrls(root)],
  });
}

/** Remove stale key folders and leftover temporary folders (best effort: another run may race). */
export function prune(dir, keepKey, now = Date.now()) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const age = (n) => {
    try {
      return now - statSync(join(dir, n)).mtimeMs;
    } catch {
      return -1;
    }
  };
  const keys = names.filter((n) => KEY.test(n) && n !== keepKey).map((n) => ({ n, age: age(n) })).sort((a, b) => a.age - b.age);
  const stale = keys.slice(KEEP - 1).filter((k) => k.age > PRUNE_AFTER_MS).map((k) => k.n);
  const tmps = names.filter((n) => TMP.test(n) && age(n) > PRUNE_AFTER_MS);
  for (const n of [...stale, ...tmps]) rmSync(join(dir, n), { recursive: true, force: true });
}

/**
 * The bundle of the repository at `root`: `{ key, dir, main, poolWorker }` (file URLs of the
 * entries), built first if needed; null if it cannot be had (the caller then runs tsx).
 * `opts.esbuild` replaces the esbuild module (tests); `opts.onBuild` is told of a build.
 */
export async function cliBundle(root, opts = {}) {
  try {
    const key = bundleKey(root);
    const dir = cacheDir(root);
    const final = join(dir, key);
    const result = () => ({ key, dir: final, main: pathToFileURL(join(final, "main.js")).href, poolWorker: pathToFileURL(join(final, "poolWorker.js")).href });
    if (existsSync(join(final, "main.js"))) {
      try {
        const t = new Date();
        utimesSync(final, t, t); // in use: not pruned
      } catch {
        // a read-only node_modules: the bundle is still good to run
      }
      return result();
    }
    const esbuild = opts.esbuild ?? (await import(pathToFileURL(createRequire(join(root, "package.json")).resolve("esbuild")).href));
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString("hex")}`);
    try {
      await buildBundle(root, tmp, esbuild);
      for (const name of Object.keys(ENTRIES)) if (!existsSync(join(tmp, `${name}.js`))) throw new Error(`the bundle has no ${name}.js`);
      try {
        renameSync(tmp, final);
        opts.onBuild?.(key);
      } catch (e) {
        // another run put the same key in place first: use its copy
        if (!existsSync(join(final, "main.js"))) throw e;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    prune(dir, key);
    return result();
  } catch (e) {
    opts.onError?.(e);
    return null;
  }
}
