import { defineConfig } from "vitest/config";

// The vitest configuration used by StrykerJS (`npm run mutation`, stryker.config.mjs).
// One folder of src/ is mutated per run; only the tests of that folder run against its mutants,
// so a mutant costs seconds, not the whole suite. MUTATION_FOLDER selects the folder.
const folder = process.env.MUTATION_FOLDER ?? "exact";

export const MUTATION_TESTS: Record<string, string[]> = {
  exact: ["test/exact/**/*.test.ts", "test/mutation/exact/**/*.test.ts"],
  store: ["test/store/**/*.test.ts", "test/mutation/store/**/*.test.ts"],
  concepts: ["test/concepts/**/*.test.ts", "test/mutation/concepts/**/*.test.ts"],
  mechanisms: ["test/mechanisms/**/*.test.ts", "test/mutation/mechanisms/**/*.test.ts"],
  lp: ["test/lp/**/*.test.ts", "test/mutation/lp/**/*.test.ts"],
};

const include = MUTATION_TESTS[folder];
if (include === undefined) throw new Error(`MUTATION_FOLDER=${folder}: expected one of ${Object.keys(MUTATION_TESTS).join(", ")}`);

export default defineConfig({
  test: {
    include,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
