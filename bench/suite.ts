/**
 * The theorem suite's speed and the parser fuzz counts, measured in one run, written to the end of
 * bench/RESULTS.md (from SUITE_MARK to SUITE_END_MARK). Part of `npm run bench`; alone: `npx tsx bench/suite.ts [--repeat N] [--npx] [--tiering] [--scale10]`.
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
interface Timed { wallS: number; cpuS: number; rssMb: number; status: number | null; ok: boolean; ids: number; loadStart: string; loadEnd: string }
/** One run of `cmd… check --json --no-save extra…` under /usr/bin/time. */
function timedCheck(cmd: readonly string[], extra: string[]): Timed {
  const loadStart = la();
  const tf = join(tmpdir(), `mechcheck-suite-time-${process.pid}.txt`);
  const r = spawnSync("/usr/bin/time", ["-o", tf, "-f", "%e %U %S %M", ...cmd, "check", "--json", "--no-save", ...extra], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
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
const argValue = (name: string): number => {
  const i = process.argv.indexOf(name);
  const v = i < 0 ? 1 : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1 || v > 50) throw new Error(`${name} must be an integer in [1, 50], not ${process.argv[i + 1]}`);
  return v;
};
// The configurations, each run `--repeat N` times, interleaved (a, b, c, a, b, c, …) so that a
// noisy minute on the shared machine hits all of them alike.
const NODE_CLI = [process.execPath, "bin/mechcheck.mjs"];
const configs: { label: string; cmd: readonly string[] }[] = [{ label: "`node bin/mechcheck.mjs check`", cmd: NODE_CLI }];
// `--npx`: the README's command itself (npx adds npm's own start-up, ~0.8 s here)
if (process.argv.includes("--npx")) configs.push({ label: "`npx mechcheck check` (the README command)", cmd: ["npx", "mechcheck"] });
// `--tiering`: the same CLI with V8's default interrupt budget (67584), passed explicitly so that
// bin/mechcheck.mjs leaves it alone, against its own 16× budget (bin/mechcheck.mjs, "V8 tiering")
if (process.argv.includes("--tiering")) configs.push({ label: "`node --interrupt-budget=67584 bin/mechcheck.mjs check` (V8's default tiering)", cmd: [process.execPath, "--interrupt-budget=67584", "bin/mechcheck.mjs"] });
const repeat = argValue("--repeat");
const runs: [string, string[], number][] = [["default runs", [], repeat]];
if (process.argv.includes("--scale10")) runs.push(["`--scale 10`", ["--scale", "10"], 1]);
lines.push(
  "Each configuration below as a child process (the in-repository CLI: esbuild bundle, a pool of 2 worker threads), under `/usr/bin/time`, `check --json --no-save [--scale 10]`; with `--repeat N` every configuration runs N times, interleaved, and the table gives the median with the range. Targets (issue 16): default ≤ 30 s wall, `--scale 10` ≤ 3 min, with both cores.",
  "",
  "| run | command | ids | wall median (min–max) | CPU median (min–max) | CPU / wall | peak RSS | exit code, ok | load (1/5/15) first start → last end |",
  "|---|---|---|---|---|---|---|---|---|",
);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const span = (xs: number[], f: (x: number) => string) => (xs.length === 1 ? f(xs[0]!) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`);
for (const [label, extra, n] of runs) {
  const got: Timed[][] = configs.map(() => []);
  for (let k = 0; k < n; k++) configs.forEach((c, i) => got[i]!.push(timedCheck(c.cmd, extra)));
  configs.forEach((c, i) => {
    const ts = got[i]!;
    const walls = ts.map((t) => t.wallS);
    const cpus = ts.map((t) => t.cpuS);
    const codes = [...new Set(ts.map((t) => `${t.status}, ${t.ok}`))].join("; ");
    lines.push(
      `| ${label}${n > 1 ? ` ×${n}` : ""} | ${c.label} | ${ts[0]!.ids} | **${span(walls, (x) => `${x.toFixed(1)} s`)}** | ${span(cpus, (x) => `${x.toFixed(1)} s`)} | ${(median(cpus) / median(walls)).toFixed(2)} | ${Math.max(...ts.map((t) => t.rssMb)).toFixed(0)} MB | ${codes} | ${ts[0]!.loadStart} → ${ts[ts.length - 1]!.loadEnd} |`,
    );
  });
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
