// Worker-thread entry of `mechcheck check --jobs N` (the pool in src/theorem/pool.ts): TypeScript
// through tsx in the repository (next to src/theorem/poolWorker.ts), the built JavaScript in the
// installed package (dist/theorem/poolWorker.js, next to this file's copy in dist/cli/).
import { existsSync } from "node:fs";

const built = new URL("../theorem/poolWorker.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../theorem/poolWorker.ts");
}
