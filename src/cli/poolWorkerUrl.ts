/**
 * The entry module of the `check` / `report --jobs N` pool's worker threads (src/theorem/pool.ts):
 * checkWorker.mjs, next to this file in src/cli/ (the repository: TypeScript through tsx) and in
 * dist/cli/ (the installed package: the built JavaScript). The repository's bundled CLI
 * (scripts/cli-bundle.mjs, run by bin/mechcheck.mjs) replaces this module by one naming the
 * bundle's own worker entry, so that the worker threads run the same bundle as the main thread.
 */
export function poolWorkerUrl(): URL {
  return new URL("./checkWorker.mjs", import.meta.url);
}
