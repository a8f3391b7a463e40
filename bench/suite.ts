/**
 * The theorem suite's speed and the parser fuzz counts, measured in one run, written to the end of
 * bench/RESULTS.md (from SUITE_MARK to SUITE_END_MARK). Part of `npm run bench`; alone: `npx tsx bench/suite.ts`.
 *
 *  1. `mechcheck check` with default runs and the fixed seed, as a child process (what a user
 *     runs), wall time; and per theorem, in-process: cases, hypothesis rate, ms, cases per second.
 *  2. The instance-parser and LP-model-parser fuzz tests with MECHCHECK_FUZZ=10000.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadLpEngine } from "../src/lp/solve.ts";
import { STORE_ROOT } from "../src/paths.ts";
import { runTheorem } from "../src/theorem/runner.ts";
import { THEOREMS } from "../src/catalogue/index.ts";
import { replaceSection, SUITE_END_MARK, SUITE_MARK } from "./marks.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines: string[] = [SUITE_MARK, "", "## The theorem suite: `mechcheck check` (default runs, fixed seed)", ""];
lines.push(`Measured ${new Date().toISOString()} on ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" / ")}.`, "");

// 1. The CLI as a user runs it.
const t0 = performance.now();
const cli = spawnSync(process.execPath, ["bin/mechcheck.mjs", "check", "--json", "--no-save"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
const wall = (performance.now() - t0) / 1000;
const ok = cli.status === 0 ? JSON.parse(cli.stdout).ok : false;
lines.push(`\`npx mechcheck check\` (all ${THEOREMS.length} entries, one process, one core): **${wall.toFixed(1)} s** wall, exit code ${cli.status}, ok = ${ok}. Target: ≤ 120 s.`, "");

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
