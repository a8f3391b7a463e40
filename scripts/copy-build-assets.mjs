// After `tsc -p tsconfig.build.json`: copy the plain-JavaScript modules of src/ (the conjecture
// worker's entry and its resolution hook) into dist/, where the built CLI loads them.
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

for (const f of readdirSync("src/cli")) {
  if (f.endsWith(".mjs")) copyFileSync(join("src/cli", f), join("dist/cli", f));
}
