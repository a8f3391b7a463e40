/**
 * `npm run deep` — the release check: every id of the catalogue at ten times its default runs,
 * with three seeds, one run after the other (each `mechcheck check --scale 10 --seed S --json
 * --no-save`, a few minutes of CPU). Prints a per-id table (cases, outcome, time for every seed) and
 * exits 0 iff every run of every id is as expected.
 *
 *   npm run deep                         # seeds 1, 2, 3, scale 10
 *   npm run deep -- --seeds 4,5 --scale 5
 *   npm run deep -- --markdown bench/deep-run.md   # also write the table as Markdown
 *   npm run deep -- --from a.json,b.json # tabulate saved `check --json` outputs instead of running
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface Row {
  readonly id: string;
  readonly kind: string;
  readonly outcome: string;
  readonly ok: boolean;
  readonly cases: number;
  readonly casesMeetingHypothesis: number;
  readonly ms: number;
  readonly seed: number;
}
interface Run {
  readonly seed: number;
  readonly ok: boolean;
  readonly results: readonly Row[];
  readonly wallMs: number;
}

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

function fail(msg: string): never {
  process.stderr.write(`npm run deep: error: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { seeds: number[]; scale: string; markdown?: string; from?: string[] } {
  let seeds = [1, 2, 3];
  let scale = "10";
  let markdown: string | undefined;
  let from: string[] | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const val = () => {
      const v = argv[++k];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--seeds") {
      const v = val();
      seeds = v.split(",").map((s) => {
        if (!/^\d{1,9}$/.test(s)) fail(`--seeds: "${s}" is not a non-negative integer (expected e.g. 1,2,3)`);
        return Number(s);
      });
    } else if (a === "--scale") {
      scale = val();
      if (!/^\d+(\.\d+)?$/.test(scale) || Number(scale) <= 0 || Number(scale) > 1000) fail(`--scale: "${scale}" must be a number in (0, 1000]`);
    } else if (a === "--markdown") markdown = val();
    else if (a === "--from") from = val().split(",");
    else fail(`unknown option ${a} (options: --seeds, --scale, --markdown, --from)`);
  }
  return { seeds, scale, ...(markdown ? { markdown } : {}), ...(from ? { from } : {}) };
}

function readRun(text: string, seed: number, wallMs: number, where: string): Run {
  let j: { ok?: unknown; results?: unknown };
  try {
    j = JSON.parse(text) as typeof j;
  } catch {
    fail(`${where}: the output is not JSON (first 200 characters: ${JSON.stringify(text.slice(0, 200))})`);
  }
  if (!Array.isArray(j.results)) fail(`${where}: no "results" array`);
  return { seed, ok: j.ok === true, results: j.results as Row[], wallMs };
}

function runSeed(seed: number, scale: string): Run {
  const t0 = Date.now();
  process.stderr.write(`seed ${seed}: mechcheck check --scale ${scale} --seed ${seed} --json --no-save …\n`);
  const r = spawnSync(process.execPath, [join(root, "bin", "mechcheck.mjs"), "check", "--scale", scale, "--seed", String(seed), "--json", "--no-save"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) fail(`seed ${seed}: ${r.error.message}`);
  const wall = Date.now() - t0;
  process.stderr.write(`seed ${seed}: done in ${(wall / 1000).toFixed(1)} s (exit ${r.status})\n`);
  return readRun(r.stdout, seed, wall, `seed ${seed}`);
}

function table(runs: readonly Run[], scale: string): string {
  const ids: { id: string; kind: string }[] = [];
  for (const run of runs) for (const r of run.results) if (!ids.some((x) => x.id === r.id)) ids.push({ id: r.id, kind: r.kind });
  const head = ["id", "kind", ...runs.map((r) => `seed ${r.seed}: cases · outcome · s`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  let bad = 0;
  for (const { id, kind } of ids) {
    const cells = runs.map((run) => {
      const r = run.results.find((x) => x.id === id);
      if (!r) {
        bad++;
        return "missing";
      }
      if (!r.ok) bad++;
      return `${r.cases} · ${r.ok ? "" : "**✗** "}${r.outcome} · ${(r.ms / 1000).toFixed(1)}`;
    });
    lines.push(`| \`${id}\` | ${kind} | ${cells.join(" | ")} |`);
  }
  const total = runs.map((r) => `seed ${r.seed}: ${r.wallMs > 0 ? `${(r.wallMs / 1000).toFixed(0)} s wall, ` : ""}${r.results.reduce((s, x) => s + x.cases, 0)} cases, ${(r.results.reduce((s, x) => s + x.ms, 0) / 1000).toFixed(0)} s in checks`).join("; ");
  lines.push("", `scale ${scale}; ${ids.length} ids × ${runs.length} seeds; ${bad === 0 ? "every run as expected" : `${bad} run(s) NOT as expected`}. ${total}.`);
  return lines.join("\n");
}

const args = parseArgs(process.argv.slice(2));
const runs = args.from
  ? args.from.map((f, k) => {
      let text: string;
      try {
        text = readFileSync(f, "utf8");
      } catch (e) {
        fail(`--from: cannot read ${f} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
      const run = readRun(text, args.seeds[k] ?? k + 1, 0, f);
      return { ...run, seed: run.results[0]?.seed ?? run.seed };
    })
  : args.seeds.map((s) => runSeed(s, args.scale));
const out = table(runs, args.from ? "as recorded in the files" : args.scale);
process.stdout.write(out + "\n");
if (args.markdown) writeFileSync(args.markdown, out + "\n");
process.exit(runs.every((r) => r.ok && r.results.every((x) => x.ok)) ? 0 : 1);
