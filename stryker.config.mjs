// StrykerJS configuration for `npm run mutation` (scripts/mutation.ts), one src/ folder per run.
// MUTATION_FOLDER selects the folder (exact, store, concepts, mechanisms, lp); MUTATION_FILES
// (optional, comma-separated globs) narrows the mutated files inside it.
const folder = process.env.MUTATION_FOLDER ?? "exact";
const files = process.env.MUTATION_FILES;
// MUTATION_IGNORE_STATIC=1: skip static mutants (module-level code: each needs the whole folder's
// suite re-run in a fresh environment). They are then reported as "Ignored", outside the score.
const ignoreStatic = process.env.MUTATION_IGNORE_STATIC === "1";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: files ? files.split(",") : [`src/${folder}/**/*.ts`],
  coverageAnalysis: "perTest",
  ignoreStatic,
  // 2 cores shared with other work: one test runner process, bounded timeouts.
  concurrency: 1,
  timeoutMS: 10000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `reports/mutation/${folder}.incremental.json`,
  reporters: ["json", "html", "clear-text", "progress-append-only"],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // One temporary folder per folder run, so two folders can be mutated at once.
  tempDirName: `.stryker-tmp-${folder}`,
  cleanTempDir: true,
  ignorePatterns: [".mechcheck-cache", ".mechcheck", "reports", ".scratch*", ".stryker-tmp*", "dist"],
  thresholds: { high: 90, low: 80, break: null },
};
