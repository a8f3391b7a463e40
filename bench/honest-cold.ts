/**
 * One cold measurement of the honest bench (bench/honest.ts runs this as a fresh process): load
 * the engine, build one model, solve it once (`float` = HiGHS alone, `certified` = solveWithStats),
 * print {wallMs, cpuMs, processMs} as JSON. `processMs` counts from the process start.
 */
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import { HONEST_INSTANCES } from "./honest-families.ts";

const [key, mode] = process.argv.slice(2);
const inst = HONEST_INSTANCES.find((i) => i.key === key);
if (!inst || (mode !== "float" && mode !== "certified")) throw new Error(`usage: honest-cold.ts <${HONEST_INSTANCES.map((i) => i.key).join("|")}> <float|certified>`);
const engine = await loadHighs();
await loadLpEngine();
const model = inst.build();
const c0 = process.cpuUsage();
const t0 = performance.now();
if (mode === "float") engine.propose(model, DEFAULT_SETTINGS);
else solveWithStats(model);
const wallMs = performance.now() - t0;
const cu = process.cpuUsage(c0);
console.log(JSON.stringify({ wallMs, cpuMs: (cu.user + cu.system) / 1000, processMs: performance.now() }));
