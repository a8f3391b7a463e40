/**
 * The theorem suite's speed and the parser fuzz counts, measured in one run, written to the end of
 * bench/RESULTS.md (from SUITE_MARK to SUITE_END_MARK). Part of `npm run bench`; alone: `npx tsx bench/suite.ts [--scale10]`.
 *
 *  1. `mechcheck check` with default runs and the fixed seed (and at `--scale 10` with `--scale10`),
 *     as a child process (what a user runs): wall, CPU, peak RSS, load; then per theorem,
 *     in-process (one thread): cases, hypothesis rate, ms, cases per second.
 *  2. The instance-parser and LP-model-parser fuzz tests with MECHCHECK_FUZZ=10000.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadLpEngine } from "../src/lp/solve.ts";
import { STORE_ROOT } from "../src/paths.ts";
import { runTheorem } from "../src/theorem/runner.ts";
import { THEOREMS } from "../src/catalogue/index.ts";
import { replaceSection, SUITE_END_MARK, SUITE_MARK } from "./marks.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines: string[] = [SUITE_MARK, "", "## The theorem suite: `mechcheck check` (default runs, fixed seed)", ""];
lines.push(`Measured ${new Date().toISOString()} on ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" / ")}.`, "");

// 1. The CLI as a user runs it: `node bin/mechcheck.mjs check` (what `npx mechcheck check` runs,
// without npx's own start-up), default jobs (2 worker threads), under /usr/bin/time for wall, CPU
// (user + system of the whole process and its threads) and peak RSS; the load average before and
// after, since the machine may be shared. `--scale10` adds the same at `--scale 10`.
const la = () => loadavg().map((x) => x.toFixed(1)).join(" / ");
function timedCheck(extra: string[]): { wallS: number; cpuS: number; rssMb: number; status: number | null; ok: boolean; ids: number; loadStart: string; loadEnd: string } {
  const loadStart = la();
  const tf = join(tmpdir(), `mechcheck-suite-time-${process.pid}.txt`);
  const r = spawnSync("/usr/bin/time", ["-o", tf, "-f", "%e %U %S %M", process.execPath, "bin/mechcheck.mjs", "check", "--json", "--no-save", ...extra], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  const [e, u, sy, m] = readFileSync(tf, "utf8").trim().split("\n").pop()!.split(/\s+/).map(Number);
  rmSync(tf, { force: true });
  let ok = false;
  let ids = 0;
  if (r.status === 0) {
    const j = JSON.parse(r.stdout) as { ok: boolean; results: unknown[] };
    ok = j.ok;
    ids = j.results.length;
  }
  return { wallS: e!, cpuS: u! + sy!, rssMb: m! / 1024, status: r.status, ok, ids, loadStart, loadEnd: la() };
}
const runs: [string, string[]][] = [["default runs", []]];
if (process.argv.includes("--scale10")) runs.push(["`--scale 10`", ["--scale", "10"]]);
lines.push(
  "`node bin/mechcheck.mjs check --json --no-save [--scale 10]` as a child process (the in-repository CLI: esbuild bundle, a pool of 2 worker threads), under `/usr/bin/time`. Targets (issue 16): default ≤ 30 s wall, `--scale 10` ≤ 3 min, with both cores.",
  "",
  "| run | ids | wall | CPU (user + system) | CPU / wall | peak RSS | exit code, ok | load (1/5/15) start → end |",
  "|---|---|---|---|---|---|---|---|",
);
for (const [label, extra] of runs) {
  const t = timedCheck(extra);
  lines.push(`| ${label} | ${t.ids} | **${t.wallS.toFixed(1)} s** | ${t.cpuS.toFixed(1)} s | ${(t.cpuS / t.wallS).toFixed(2)} | ${t.rssMb.toFixed(0)} MB | ${t.status}, ${t.ok} | ${t.loadStart} → ${t.loadEnd} |`);
}
lines.push("");

// 2. Per theorem, in-process.
await loadLpEngine();
lines.push("| id | kind | outcome | cases | meeting hypothesis | ms | cases / s |", "|---|---|---|---|---|---|---|");
let total = 0;
for (const thm of THEOREMS) {
  const r = runTheorem(thm, { storeRoot: STORE_ROOT, save: false });
  total += r.ms;
  const rate = r.ms > 0 ? ((1000 * r.cases) / r.ms).toFixed(0) : "–";
  lines.push(`| \`${r.id}\` | ${r.kind} | ${r.outcome} | ${r.cases} | ${r.casesMeetingHypothesis} | ${r.ms} | ${rate} |`);
}
lines.push("", `Sum of per-theorem times (in-process, engine already loaded): ${(total / 1000).toFixed(1)} s.`, "");

// 3. Fuzz at 10,000 inputs each.
lines.push("## Parser fuzz (MECHCHECK_FUZZ=10000)", "");
const fuzz = execFileSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/instance/fuzz.test.ts", "test/lp/jsonModel.test.ts", "-t", "fuzz"], {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, MECHCHECK_FUZZ: "10000" },
});
for (const l of fuzz.split("\n")) {
  const m = /(instance fuzz: .*|LP model fuzz: .*)/.exec(l.replace(/\x1b\[[0-9;]*m/g, ""));
  if (m) lines.push(`- ${m[1]}`);
}
lines.push("", "Every input either parsed (the mutation kept it valid) or was refused with a MechcheckError naming the field; none crashed or hung.", "");

const out = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
const old = readFileSync(out, "utf8");
// Only this script's own section is replaced (SUITE_MARK up to SUITE_END_MARK), written to a
// temporary file and renamed over RESULTS.md: the sections after it are kept.
const next = replaceSection(old, SUITE_MARK, SUITE_END_MARK, lines.join("\n"));
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, next, { flag: "wx" });
renameSync(tmp, out);
console.log(lines.join("\n"));
