import { defineConfig } from "vitest/config";

import { fileURLToPath } from "node:url";

export default defineConfig({
  // `mechcheck` (the package's self-reference) resolves to the sources, as in tsconfig.json's customConditions.
  resolve: { alias: [{ find: /^mechcheck$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) }] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // V8 optimizes only the functions that stay hot (16× its default interrupt budget, as the CLI
    // does: bin/mechcheck.mjs); optimizing every warm function of a test file cost more CPU than it
    // saved (test/catalogue: 45.5 s vs 58.7 s CPU, bench/RESULTS.md "V8 tiering"). Timing only.
    execArgv: ["--interrupt-budget=1081344"],
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
  },
});
