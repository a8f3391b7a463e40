/**
 * Where a project's counterexamples live, Hypothesis-style: a curated store that is committed and
 * only read by `check` (`counterexamples/`), and a cache of new finds under the user's project root
 * (`.mechcheck/counterexamples/`, gitignored by its own `.gitignore`), replayed first on the next run.
 * `mechcheck promote` moves a cached case into a curated store; `mechcheck prune` clears the cache.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The cache folder's name under a project root. */
export const CACHE_DIR = ".mechcheck";

/** The nearest folder at or above `start` holding a package.json; `start` itself when there is none. */
export function findProjectRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    try {
      if (statSync(join(dir, "package.json")).isFile()) return dir;
    } catch {
      // not here: go up
    }
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

/** The counterexample cache of the project containing `start`: `<root>/.mechcheck/counterexamples`. */
export function defaultCacheRoot(start: string = process.cwd()): string {
  return join(findProjectRoot(start), CACHE_DIR, "counterexamples");
}

/** The curated store of the project containing `start`: `<root>/counterexamples`. */
export function projectStoreRoot(start: string = process.cwd()): string {
  return join(findProjectRoot(start), "counterexamples");
}

/**
 * Make sure a cache folder `<root>/.mechcheck/` ignores itself in git (a `.gitignore` holding `*`),
 * so that a project that never heard of mechcheck stays clean. Only for a folder named `.mechcheck`
 * above `cacheRoot`; a `--store` elsewhere is the user's to manage. Never overwrites a file.
 */
export function ensureCacheIgnored(cacheRoot: string): void {
  const top = dirname(resolve(cacheRoot));
  if (!top.endsWith(`/${CACHE_DIR}`) && !top.endsWith(`\\${CACHE_DIR}`)) return;
  const file = join(top, ".gitignore");
  if (existsSync(file)) return;
  mkdirSync(top, { recursive: true });
  try {
    writeFileSync(file, "# mechcheck's cache of new counterexamples (mechcheck promote moves one into counterexamples/)\n*\n", { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}
