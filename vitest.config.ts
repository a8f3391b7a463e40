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
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
  },
});
