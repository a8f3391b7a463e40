import { defineConfig } from "vitest/config";

// The vitest configuration used by StrykerJS (`npm run mutation`, stryker.config.mjs).
// One folder of src/ is mutated per run; only the tests of that folder run against its mutants,
// so a mutant costs seconds, not the whole suite. MUTATION_FOLDER selects the folder.
const folder = process.env.MUTATION_FOLDER ?? "exact";

export const MUTATION_TESTS: Record<string, string[]> = {
  // exactJson.ts is exercised mostly through the instance reader
  exact: ["test/exact/**/*.test.ts", "test/instance/**/*.test.ts", "test/mutation/exact/**/*.test.ts"],
  store: ["test/store/**/*.test.ts", "test/mutation/store/**/*.test.ts"],
  concepts: ["test/concepts/**/*.test.ts", "test/mutation/concepts/**/*.test.ts"],
  mechanisms: ["test/mechanisms/**/*.test.ts", "test/mutation/mechanisms/**/*.test.ts"],
  lp: ["test/lp/**/*.test.ts", "test/mutation/lp/**/*.test.ts"],
};

// Left out: the replay of every saved counterexample (it checks the records against the whole
// catalogue, not the store's code, and takes most of a minute).
// Also left out: the instance parser fuzz (8 s, and it covers every mutant of the JSON reader), and
// the cache's end-to-end test (it git-clones the working tree, which Stryker's sandbox is not;
// src/store/project.ts is covered by test/mutation/store/project-and-record-errors.test.ts).
const MUTATION_EXCLUDE: Record<string, string[]> = {
  store: ["test/store/replay.test.ts", "test/store/cache.test.ts"],
  exact: ["test/instance/fuzz.test.ts"],
};

// MUTATION_TEST_FILES (comma-separated globs) narrows the tests, e.g. to one module's own tests
// when only that module is mutated (npm run mutation -- lp --files … --tests …).
const only = process.env.MUTATION_TEST_FILES;
const include = only ? only.split(",") : MUTATION_TESTS[folder];
if (include === undefined) throw new Error(`MUTATION_FOLDER=${folder}: expected one of ${Object.keys(MUTATION_TESTS).join(", ")}`);

export default defineConfig({
  test: {
    include,
    exclude: ["**/node_modules/**", ...(MUTATION_EXCLUDE[folder] ?? [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
