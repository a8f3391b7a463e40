#!/usr/bin/env node
// The mechcheck CLI. In the repository (src/ is there) it runs the TypeScript sources through tsx —
// no build step, so `npm ci && npx mechcheck check` works in a fresh clone; in the installed package
// (no src/, only the built dist/) it runs the built JavaScript. MECHCHECK_USE_DIST=1 forces dist/.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
const built = new URL("../dist/cli/main.js", import.meta.url);
let main;
if (existsSync(source) && process.env.MECHCHECK_USE_DIST !== "1") {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import(built.href));
}
process.exitCode = await main(process.argv.slice(2));
