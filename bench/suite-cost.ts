/**
 * CPU per catalogue id (issue 16): every id run in this process (engine loaded once), CPU time from
 * `process.cpuUsage()` around `runTheorem` — on a shared machine wall time says little, CPU time
 * says what the id costs. Prints the ids by decreasing CPU, the total and the 2-worker schedule the
 * check pool would make from these costs (longest first, src/theorem/pool.ts).
 *
 *   npx tsx bench/suite-cost.ts [--scale X] [--write] [--jsonl out.jsonl] [ids…]
 *   (for --write, as the CLI runs: node --interrupt-budget=1081344 --import tsx bench/suite-cost.ts --write)
 *
 * `--write` regenerates src/theorem/suiteCost.ts (the pool's cost table) from a default-scale run
 * of the whole catalogue. `--jsonl` also writes one line per id with its run as exact JSON without
 * `ms` (to compare two trees' verdicts byte for byte).
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { THEOREMS } from "../src/catalogue/index.ts";
import { toExactJsonText } from "../src/exact/rational.ts";
import { loadLpEngine } from "../src/lp/solve.ts";
import { STORE_ROOT } from "../src/paths.ts";
import { defaultCacheRoot } from "../src/store/project.ts";
import { longestFirst } from "../src/theorem/pool.ts";
import { runTheorem } from "../src/theorem/runner.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const k = args.indexOf(name);
  if (k < 0) return undefined;
  const v = args[k + 1];
  args.splice(k, 2);
  return v;
};
const scaleText = flag("--scale");
const jsonl = flag("--jsonl");
const write = args.includes("--write");
const ids = args.filter((a) => a !== "--write");
const scale = scaleText === undefined ? undefined : Number(scaleText);
if (scale !== undefined && !(scale > 0)) throw new Error(`--scale must be a positive number, not ${scaleText}`);
if (write && (ids.length > 0 || scale !== undefined)) throw new Error("--write needs the whole catalogue at the default scale");

await loadLpEngine();
if (jsonl) writeFileSync(jsonl, "");
const rows: { id: string; kind: string; cases: number; cpu: number }[] = [];
for (const thm of THEOREMS) {
  if (ids.length > 0 && !ids.includes(thm.id)) continue;
  const c0 = process.cpuUsage();
  const r = runTheorem(thm, { storeRoot: STORE_ROOT, cacheRoot: defaultCacheRoot(), save: false, ...(scale !== undefined ? { runsScale: scale } : {}) });
  const c = process.cpuUsage(c0);
  const cpu = Math.round((c.user + c.system) / 1000);
  rows.push({ id: thm.id, kind: thm.kind, cases: r.cases, cpu });
  if (jsonl) {
    const { ms: _ms, ...rest } = r;
    appendFileSync(jsonl, JSON.stringify({ id: thm.id, cpu, verdict: toExactJsonText(rest, 0) }) + "\n");
  }
  process.stderr.write(`${thm.id}: ${cpu} ms CPU, ${r.cases} cases, ${r.outcome}\n`);
}

const total = rows.reduce((s, r) => s + r.cpu, 0);
console.log(`| id | kind | cases | CPU ms |\n|---|---|---|---|`);
for (const r of rows.slice().sort((a, b) => b.cpu - a.cpu)) console.log(`| \`${r.id}\` | ${r.kind} | ${r.cases} | ${r.cpu} |`);
// The pool's schedule on 2 workers from these very costs (the ideal: what the recorded table aims at).
const load = [0, 0];
for (const k of longestFirst(rows.map((r) => r.id), (id) => rows.find((r) => r.id === id)!.cpu)) {
  const w = load[0]! <= load[1]! ? 0 : 1;
  load[w]! += rows[k]!.cpu;
}
console.log(`\n${rows.length} ids, ${(total / 1000).toFixed(1)} s CPU in checks${scale !== undefined ? ` at --scale ${scale}` : ""}; longest first on 2 workers: ${(load[0]! / 1000).toFixed(1)} s + ${(load[1]! / 1000).toFixed(1)} s.`);

if (write) {
  const out = fileURLToPath(new URL("../src/theorem/suiteCost.ts", import.meta.url));
  const lines = [
    "/**",
    " * The recorded CPU cost of each catalogue id at its default number of cases (ms, one thread, fixed",
    " * seed), and whether it grows with `--scale` (theorems check every case; refutations stop at their",
    " * first counterexample and examples run once). The check pool (pool.ts) hands out ids longest first",
    " * by this table; it only orders the work, so a stale or missing entry costs wall time, never a",
    " * different result. Regenerate with the CLI's V8 interrupt budget (bin/mechcheck.mjs):",
    " * `node --interrupt-budget=1081344 --import tsx bench/suite-cost.ts --write` (bench/RESULTS.md, issue 16).",
    " */",
    "",
    "/** id → [CPU ms at the default runs, grows with --scale]. */",
    "export const SUITE_COST: Readonly<Record<string, readonly [number, boolean]>> = {",
    ...rows.map((r) => `  "${r.id}": [${r.cpu}, ${r.kind === "theorem"}],`),
    "};",
    "",
    "/** An id not in the table (new since the last measurement): assumed as long as a typical theorem. */",
    "export const UNKNOWN_COST_MS = 1000;",
    "",
    "/** The expected CPU ms of `id` at `runsScale` (default 1), for ordering the pool's work. */",
    "export function suiteCostMs(id: string, runsScale = 1): number {",
    "  const e = Object.hasOwn(SUITE_COST, id) ? SUITE_COST[id] : undefined;",
    "  if (e === undefined) return UNKNOWN_COST_MS * runsScale;",
    "  return e[1] ? e[0] * runsScale : e[0];",
    "}",
    "",
  ];
  writeFileSync(out, lines.join("\n"));
  console.log(`wrote ${out}`);
}
