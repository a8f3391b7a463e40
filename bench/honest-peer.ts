/**
 * One javascript-lp-solver peer measurement of the honest bench (bench/honest.ts runs this as a
 * fresh process, with a time limit): `npx tsx bench/honest-peer.ts <key> [runs]`.
 * The model is exported by `lpModelToJson` (src/lp/jsonModel.ts, javascript-lp-solver's JSON
 * format, numbers written as exact strings such as "3/7"), every number string turned into the
 * nearest double (the only input javascript-lp-solver takes), then `solver.Solve` runs `runs` times
 * in this process (the first is the cold one). Prints {coldMs, warmMs, feasible, bounded, value}
 * as JSON. A peer only: nothing it says decides a verdict; bench/honest.ts compares its value with
 * the certified exact value.
 */
import * as jls from "javascript-lp-solver";
import { lpModelToJson } from "../src/lp/jsonModel.ts";
import { HONEST_INSTANCES } from "./honest-families.ts";

const [key, runsArg] = process.argv.slice(2);
const inst = HONEST_INSTANCES.find((i) => i.key === key);
if (!inst) throw new Error(`usage: honest-peer.ts <${HONEST_INSTANCES.map((i) => i.key).join("|")}> [runs]`);
const runs = Math.max(1, Number(runsArg ?? 3) || 3);

/** "a/b", "-2", "0.25" → the nearest double (a/b as a double division of the two integers). */
function toNumber(s: unknown): unknown {
  if (typeof s !== "string") return s;
  const k = s.indexOf("/");
  return k < 0 ? Number(s) : Number(s.slice(0, k)) / Number(s.slice(k + 1));
}
function floatModel(): Record<string, unknown> {
  const m = JSON.parse(lpModelToJson(inst!.build())) as Record<string, Record<string, Record<string, unknown>>>;
  for (const part of ["constraints", "variables"] as const) {
    for (const entry of Object.values(m[part]!)) for (const a of Object.keys(entry)) entry[a] = toNumber(entry[a]);
  }
  return m;
}

// the package's ESM build exports the solver as default; its types describe it as the module
type PeerSolver = { Solve(model: unknown): unknown };
const solver = ((jls as unknown as { default?: PeerSolver }).default ?? (jls as unknown as PeerSolver)) as PeerSolver;

const times: number[] = [];
let last: { feasible: boolean; bounded?: boolean; result: number } | undefined;
for (let r = 0; r < runs; r++) {
  const model = floatModel();
  const t0 = performance.now();
  last = solver.Solve(model) as { feasible: boolean; bounded?: boolean; result: number };
  times.push(performance.now() - t0);
}
const warm = times.slice(1).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    coldMs: times[0],
    warmMs: warm.length ? warm[warm.length >> 1] : times[0],
    feasible: last!.feasible,
    bounded: last!.bounded ?? true,
    value: last!.result,
  }),
);
