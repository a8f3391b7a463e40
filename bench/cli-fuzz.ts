/**
 * CLI fuzz and fault injection at larger counts (issue 9): every attack class of
 * test/cli/fuzz-cases.ts run in-process through `main`, plus the attacks that need real processes
 * (two writers at once on one store, a reader that goes away: EPIPE). For each class: inputs tried,
 * exit codes seen, whether every message was one line without a stack trace, the slowest run, and
 * whether the store was still valid (nothing lost). Writes the table between the cli-fuzz markers
 * of bench/RESULTS.md (with engineer A's hostile-input rows from bench/hostile-input.md if present).
 *
 *   npx tsx bench/cli-fuzz.ts [--scale K]     (K multiplies the per-class counts; default 1)
 */
import fc from "fast-check";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ATTACKS, runScenario, type AttackClass, type Scenario, type ScenarioResult } from "../test/cli/fuzz-cases.ts";
import { REPO, scratch } from "../test/cli/hostile-support.ts";
import { scanCounterexamples } from "../src/store/counterexamples.ts";
import { TEMP_PREFIX } from "../src/store/atomic.ts";

const SEED = 424242;
const scaleArg = process.argv.indexOf("--scale");
const SCALE = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 1;
const COUNTS: Record<AttackClass, number> = {
  "hostile flags": 200,
  "prototype labels": 40,
  "deep nesting": 40,
  "explosive sizes": 24,
  "duplicate keys": 24,
  "rounding decimals": 24,
  "non-boolean / throwing checks": 36,
  "garbage files": 60,
  "store faults (EACCES/ENOSPC)": 24,
};

interface Row {
  attack: string;
  tried: number;
  codes: Map<number, number>;
  oneLine: number;
  maxMs: number;
  medianMs: number;
  storeOk: string;
  failures: string[];
}

function summarize(attack: string, results: ScenarioResult[], storeOk: string): Row {
  const codes = new Map<number, number>();
  for (const r of results) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    attack,
    tried: results.length,
    codes,
    oneLine: results.filter((r) => r.problem === null || !/stack trace|unexpected stderr|multi-line/.test(r.problem)).length,
    maxMs: ms[ms.length - 1] ?? 0,
    medianMs: ms[Math.floor(ms.length / 2)] ?? 0,
    storeOk,
    failures: results.filter((r) => r.problem !== null).map((r) => `${r.scenario.label}: ${r.problem}`),
  };
}

function spawnCli(args: string[], env: Record<string, string> = {}, closeStdout = false): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, "bin/mechcheck.mjs"), ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    if (closeStdout) child.stdout.destroy();
    else child.stdout.resume();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const watchdog = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(watchdog);
      resolve({ code, stderr, ms: Math.round(performance.now() - t0) });
    });
  });
}

async function twoWriters(rounds: number): Promise<Row> {
  const results: ScenarioResult[] = [];
  let valid = 0;
  for (let k = 0; k < rounds; k++) {
    const dir = scratch("mechcheck-writers-");
    const store = join(dir, "store");
    const args = ["check", "dsic-efficient-is-groves", "--runs", "40", "--store", store];
    const [a, b] = await Promise.all([spawnCli(args, { MECHCHECK_FAULT_INJECT: "delay-commit:400" }), spawnCli(args)]);
    const files = readdirSync(join(store, "dsic-efficient-is-groves"));
    const scan = scanCounterexamples(store);
    const ok = files.length === 1 && scan.problems.length === 0 && scan.records.length === 1 && !files.some((f) => f.startsWith(TEMP_PREFIX));
    if (ok) valid++;
    for (const r of [a, b]) {
      const bad = r.code !== 0 ? `exit ${r.code}` : r.stderr.trim() !== "" ? `stderr: ${r.stderr.slice(0, 200)}` : !ok ? `store: ${files.join(", ")}` : null;
      results.push({ scenario: { attack: "hostile flags", label: `two writers round ${k}`, files: {}, argv: args, allowed: [0] }, code: r.code ?? -1, ms: r.ms, problem: bad, firstErr: "" });
    }
  }
  return summarize("two writers at once (real processes, one commit delayed 400 ms)", results, `${valid} of ${rounds} stores: exactly one valid file, no temporaries`);
}

async function epipe(rounds: number): Promise<Row> {
  const results: ScenarioResult[] = [];
  const cmds = [["list", "--markdown"], ["list", "--json"], ["replay", "--json"], ["show", "counterexamples/dsic-efficient-is-groves/" + readdirSync(join(REPO, "counterexamples/dsic-efficient-is-groves"))[0]]];
  for (let k = 0; k < rounds; k++) {
    const args = cmds[k % cmds.length]!;
    const r = await spawnCli(args, {}, true);
    const problem = r.stderr !== "" ? `stderr: ${r.stderr.slice(0, 200)}` : r.code !== 0 ? `exit ${r.code}` : null;
    results.push({ scenario: { attack: "hostile flags", label: `EPIPE ${args.join(" ")}`, files: {}, argv: args, allowed: [0] }, code: r.code ?? -1, ms: r.ms, problem, firstErr: "" });
  }
  return summarize("reader gone (EPIPE, real processes: list, replay, show)", results, "n/a (read-only commands)");
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const [attack, arb] of Object.entries(ATTACKS) as [AttackClass, fc.Arbitrary<Scenario>][]) {
    const n = Math.max(1, Math.round(COUNTS[attack] * SCALE));
    const scenarios = fc.sample(arb, { seed: SEED, numRuns: n });
    const results: ScenarioResult[] = [];
    for (const s of scenarios) results.push(await runScenario(s, scratch("mechcheck-bench-")));
    const withStore = results.filter((r) => r.scenario.store !== undefined);
    const storeOk = withStore.length === 0 ? "n/a (no store written)" : `${withStore.filter((r) => r.problem === null || !/^store invalid|^temporary/.test(r.problem)).length} of ${withStore.length} stores valid`;
    rows.push(summarize(attack, results, storeOk));
    process.stderr.write(`${attack}: ${results.length} tried, ${rows.at(-1)!.failures.length} failures\n`);
  }
  rows.push(await twoWriters(Math.max(1, Math.round(6 * SCALE))));
  process.stderr.write(`two writers done\n`);
  rows.push(await epipe(Math.max(1, Math.round(8 * SCALE))));
  process.stderr.write(`epipe done\n`);

  const fmtCodes = (m: Map<number, number>) => [...m.entries()].sort(([a], [b]) => a - b).map(([c, n]) => `exit ${c} ×${n}`).join(", ");
  const lines = [
    `Generated by \`npx tsx bench/cli-fuzz.ts${SCALE !== 1 ? ` --scale ${SCALE}` : ""}\` (fixed seed ${SEED}; ${new Date().toISOString().slice(0, 10)}, Node ${process.version}; 2 shared cores).`,
    "Every input must end with an exit code its scenario documents, every stderr line must be one `mechcheck <cmd>: error [code]: …` or `warning: …` line, no stack trace anywhere, and the store it used must still be valid.",
    "",
    "| attack class | inputs tried | outcome (exit codes, message shape, time: median / max) | nothing lost |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.attack} | ${r.tried} | ${fmtCodes(r.codes)}; one line, no stack trace: ${r.oneLine} of ${r.tried}; ${r.medianMs} / ${r.maxMs} ms${r.failures.length ? `; **${r.failures.length} FAILED**` : ""} | ${r.storeOk} |`),
  ];
  const failures = rows.flatMap((r) => r.failures);
  if (failures.length) lines.push("", "Failures:", "", ...failures.slice(0, 40).map((f) => `- ${f.replace(/\|/g, "\\|")}`));
  const hostileInput = join(REPO, "bench/hostile-input.md");
  if (existsSync(hostileInput)) {
    const t = readFileSync(hostileInput, "utf8");
    // Its summary table (the one with this table's columns), rows only.
    const all = t.split("\n");
    const head = all.findIndex((l) => /^\|\s*attack class\s*\|\s*inputs tried\s*\|/.test(l));
    const tableRows: string[] = [];
    if (head >= 0) for (let k = head + 1; k < all.length && all[k]!.startsWith("|"); k++) if (!/^\|\s*-/.test(all[k]!)) tableRows.push(all[k]!);
    if (tableRows.length) lines.push("", "Hostile input files, engineer A's rows (summary table of bench/hostile-input.md, `npx tsx bench/hostile.ts`):", "", "| attack class | inputs tried | outcome (exit code, message shape, time) | nothing lost |", "|---|---|---|---|", ...tableRows);
  }
  const block = lines.join("\n");
  process.stdout.write(block + "\n");
  const results = join(REPO, "bench/RESULTS.md");
  const text = readFileSync(results, "utf8");
  const start = "<!-- cli-fuzz:start -->";
  const end = "<!-- cli-fuzz:end -->";
  const section = `${start}\n${block}\n${end}`;
  const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${text.trimEnd()}\n\n## Hostile use of the CLI: fuzz and fault injection (issue 9)\n\n${section}\n`;
  writeFileSync(results, next);
  process.exitCode = failures.length ? 1 : 0;
}

await main();
