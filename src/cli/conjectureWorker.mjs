// Worker-thread entry of `mechcheck conjecture`: the user's TypeScript through tsx, then the run
// itself (conjectureRun). A separate thread so that a check that never returns can be stopped
// (Worker.terminate interrupts even a synchronous infinite loop). This file runs from src/ in the
// repository (next to conjectureRun.ts) and from dist/ in the installed package (next to
// conjectureRun.js, copied there by the build).
import { existsSync } from "node:fs";
import { register as registerHooks } from "node:module";
import { register } from "tsx/esm/api";

register();
const built = new URL("./conjectureRun.js", import.meta.url);
const fromSource = !existsSync(built);
// Resolve `mechcheck` (and `fast-check`) for a conjecture in any folder: where the user's own
// project does not provide them, they come from the running mechcheck package.
registerHooks(new URL("./conjectureResolve.mjs", import.meta.url), { data: { packageJson: new URL("../../package.json", import.meta.url).href, fromSource } });
await import(fromSource ? "./conjectureRun.ts" : built.href);
