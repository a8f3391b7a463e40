/**
 * `npx tsx bench/scaling.ts [--only n-K,…] [--cap S] [--qsopt-factor F] [--wall-cap S] [--no-write]` (not a test);
 * `--render results.json` re-renders the section from a run's saved results without measuring.: the scaling table
 * of issue 16 on Chung–Ely's program (P) with all-pairs EPIC [BrooksExPost2023], random correlated
 * priors from the seeds `bench-P-n-K` (as bench/honest-families.ts).
 *
 * Per instance, two processes, ours then QSopt_ex (interleaved instance by instance), each under
 * /usr/bin/time (wall, user + system CPU, peak RSS) with a CPU-time cap: ours S seconds (default
 * 300); QSopt_ex F × our CPU time (default 2×, at least 20 s, at most S): stopped there it is at
 * least F× slower, and its value is then not compared. A wall-clock safety cap (default 1500 s) too:
 * - ours: bench/scaling-child.ts, bundled once per run with esbuild (with HiGHS's .wasm next to it)
 *   into the run's temp folder before any measurement and not timed — as QSopt_ex's LP export is
 *   not — and run with plain `node`: a built program against a built program. Timed: node start,
 *   HiGHS load, building (P), exact row generation from the local rows (src/lp/rowGeneration.ts),
 *   the certificate verified on every row of the full program (given row by row on demand);
 * - QSopt_ex: `esolver -L` on the same full program exported as LP text (src/lp/lpFormat.ts; the
 *   export is written beforehand and not timed), end to end including its own file read. Its exact
 *   optimal value (printed as a rational) must equal ours, or the row says so.
 * QSopt_ex comes from Debian's package `qsopt-ex`, installed with apt-get when `esolver` is missing.
 * The load average is recorded at the start and end of every instance. Results go to a JSON file in
 * the temp folder (one per run) and, unless --no-write, after every instance into a dated section of
 * bench/RESULTS.md between SCALING_START and SCALING_END (replaced on the next run; inserted before
 * the suite section). The sizes run in SIZES order (the issue's named instances first); the table is
 * sorted by size.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Fraction from "fraction.js";
import { auctionLpCounts } from "../src/robust/optimalExPostAuction.ts";
import { SUITE_MARK } from "./marks.ts";

const SCALING_START = "<!-- scaling:start (bench/scaling.ts) -->";
const SCALING_END = "<!-- scaling:end -->";

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
/** CPU-time cap of our process (seconds); QSopt_ex gets QSOPT_FACTOR × our CPU time (at least QSOPT_MIN_S), at most the cap. */
const CAP_S = Number(arg("--cap") ?? 300);
const QSOPT_FACTOR = Number(arg("--qsopt-factor") ?? 2);
const QSOPT_MIN_S = 20;
/** Wall-clock safety cap (the machine may be loaded): seconds. */
const WALL_CAP_S = Number(arg("--wall-cap") ?? 1500);
const only = arg("--only")?.split(",") ?? null;
const NO_WRITE = args.includes("--no-write");
/** The issue's named instances first (a run cut short still has them), then the rest. */
const SIZES: readonly [number, number][] = [
  [3, 15], [2, 40], [3, 20], [4, 12],
  [2, 20], [3, 10], [4, 9], [2, 30], [3, 18], [4, 10], [2, 50],
];

const la = () => loadavg().map((x) => x.toFixed(1)).join(" / ");
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

interface Timed {
  ok: boolean;
  timedOut: boolean;
  capS: number;
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
}
/**
 * Run a command under /usr/bin/time with a CPU-time limit of capS seconds (prlimit: SIGXCPU, then
 * SIGKILL) and the wall-clock safety cap (timeout, SIGKILL). CPU, not wall, decides the cap: the
 * machine is shared, and a loaded machine must not count against either solver.
 */
function timed(cmd: string, argv: string[], capS: number): Timed {
  const tf = join(work, "time.txt");
  const r = spawnSync("/usr/bin/time", ["-o", tf, "-f", "%e %U %S %M", "timeout", "-s", "KILL", String(WALL_CAP_S), "prlimit", `--cpu=${Math.ceil(capS)}:${Math.ceil(capS) + 5}`, cmd, ...argv], { encoding: "utf8", maxBuffer: 1 << 26 });
  const [e, u, s, m] = readFileSync(tf, "utf8").trim().split("\n").pop()!.split(/\s+/).map(Number);
  const cpuS = u! + s!;
  const timedOut = r.status !== 0 && (cpuS >= capS - 1 || e! >= WALL_CAP_S - 1 || /signal (9|24)\b/.test(readFileSync(tf, "utf8")));
  return { ok: r.status === 0, timedOut, capS, wallS: e!, cpuS, maxRssMb: m! / 1024, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function ensureEsolver(): string {
  for (const p of ["/usr/bin/esolver", "/usr/local/bin/esolver"]) if (existsSync(p)) return p;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const pre = root ? [] : ["sudo"];
  console.error("esolver missing: installing Debian's qsopt-ex");
  execFileSync(pre[0] ?? "apt-get", [...pre.slice(1), ...(root ? [] : ["apt-get"]), "install", "-y", "qsopt-ex"], { stdio: "inherit" });
  if (!existsSync("/usr/bin/esolver")) throw new Error("apt-get install qsopt-ex did not provide /usr/bin/esolver");
  return "/usr/bin/esolver";
}

interface Row {
  n: number;
  K: number;
  rows: number;
  cols: number;
  loadStart: string;
  loadEnd: string;
  ours: Timed & { inProcess?: { wallMs: number; cpuMs: number; stats: { rounds: number; reducedRows: number[]; solveMs: number; checkMs: number; verifyMs: number } }; value?: string };
  qsopt: Timed & { value?: string; status?: string };
  lpFileMb: number;
  agree: string;
}

const work = mkdtempSync(join(tmpdir(), "mechcheck-scaling-"));
/** The bundled child (bundleChild), run with plain node. */
const childJs = join(work, "scaling-child.mjs");

/**
 * Bundle bench/scaling-child.ts and everything it imports (HiGHS's loader included) into one ES
 * module in the run's temp folder, with highs.wasm beside it (the loader finds it next to itself).
 * Done once, before any measurement, and not timed.
 */
async function bundleChild(): Promise<void> {
  const esbuild = await import("esbuild");
  await esbuild.build({ entryPoints: [here("./scaling-child.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: childJs, logLevel: "warning" });
  copyFileSync(createRequire(import.meta.url).resolve("highs/runtime"), join(work, "highs.wasm"));
}

function runOurs(n: number, K: number): Row["ours"] {
  const t = timed(process.execPath, [childJs, "solve", String(n), String(K)], CAP_S);
  if (!t.ok) return t;
  const j = JSON.parse(t.stdout.trim().split("\n").pop()!) as { value: string; wallMs: number; cpuMs: number; stats: NonNullable<Row["ours"]["inProcess"]>["stats"] };
  return { ...t, value: j.value, inProcess: { wallMs: j.wallMs, cpuMs: j.cpuMs, stats: j.stats } };
}
function runQsopt(esolver: string, file: string, capS: number): Row["qsopt"] {
  const sol = join(work, "out.sol");
  rmSync(sol, { force: true });
  const t = timed(esolver, ["-m", String(16 * 2 ** 30), "-L", "-O", sol, file], capS); // its default limit is 4 GiB of address space
  if (!existsSync(sol)) return t;
  const text = readFileSync(sol, "utf8");
  const status = /status =? ?(\w+)/.exec(text)?.[1];
  const value = /Value = (\S+)/.exec(text)?.[1];
  return { ...t, ...(status ? { status } : {}), ...(value ? { value } : {}) };
}

async function main() {
  const saved = arg("--render");
  if (saved !== undefined) {
    // re-render the section from a run's saved results (no measurement)
    const j = JSON.parse(readFileSync(saved, "utf8")) as { started: string; loadAtStart: string; rows: Row[] };
    const version = spawnSync(ensureEsolver(), ["-v"], { encoding: "utf8" }).stdout.match(/QSopt_ex [\d.]+/)?.[0] ?? "QSopt_ex";
    const md = render(j.rows, { started: new Date(j.started), loadAtStart: j.loadAtStart, loadAtEnd: j.rows.at(-1)?.loadEnd ?? "?", version });
    console.log(md);
    if (!NO_WRITE) writeSection(md);
    return;
  }
  const esolver = ensureEsolver();
  const version = spawnSync(esolver, ["-v"], { encoding: "utf8" }).stdout.match(/QSopt_ex [\d.]+/)?.[0] ?? "QSopt_ex";
  const started = new Date();
  const loadAtStart = la();
  const out: Row[] = [];
  const resultsFile = join(tmpdir(), `mechcheck-scaling-${started.toISOString().replace(/[:.]/g, "-")}.json`);
  const sizes = only ? only.map((x) => x.split("-").map(Number) as [number, number]) : SIZES;
  await bundleChild();
  for (const [n, K] of sizes) {
    const file = join(work, `P-${n}-${K}.lp`);
    execFileSync(process.execPath, [childJs, "export", String(n), String(K), file], { stdio: "inherit" });
    const c = auctionLpCounts(n, K, "all");
    const loadStart = la();
    // ours first: QSopt_ex's cap depends on our CPU time
    const ours = runOurs(n, K);
    const qsCap = ours.ok ? Math.min(CAP_S, Math.max(QSOPT_MIN_S, QSOPT_FACTOR * ours.cpuS)) : CAP_S;
    // --qsopt-factor 0: ours only (a spot check of our own times)
    const qsopt: Row["qsopt"] = QSOPT_FACTOR === 0 ? { ok: false, timedOut: false, capS: 0, wallS: NaN, cpuS: NaN, maxRssMb: NaN, stdout: "", stderr: "not run (--qsopt-factor 0)" } : runQsopt(esolver, file, qsCap);
    const agree =
      ours.value && qsopt.value ? (new Fraction(ours.value).equals(new Fraction(qsopt.value)) ? "equal" : `DIFFERENT (ours ${ours.value}, QSopt_ex ${qsopt.value})`) : "—";
    const row: Row = { n, K, rows: c.rows, cols: c.variables, loadStart, loadEnd: la(), ours, qsopt, lpFileMb: statSync(file).size / 2 ** 20, agree };
    rmSync(file, { force: true });
    out.push(row);
    console.error(`(P) n=${n} K=${K}: ours ${describe(ours)}; QSopt_ex ${describe(qsopt)}; values ${agree}; load ${row.loadStart} → ${row.loadEnd}`);
    if (!NO_WRITE) writeSection(render(out, { started, loadAtStart, loadAtEnd: `${la()} (still running)`, version }));
    writeFileSync(resultsFile, JSON.stringify({ started: started.toISOString(), loadAtStart, rows: out.map(({ ours: o, qsopt: q, ...r }) => ({ ...r, ours: { ...o, stdout: undefined }, qsopt: { ...q, stdout: undefined } })) }, null, 1));
  }
  const loadAtEnd = la();
  rmSync(work, { recursive: true, force: true });
  console.error(`results: ${resultsFile}`);
  const md = render(out, { started, loadAtStart, loadAtEnd, version });
  console.log(md);
  if (!NO_WRITE) writeSection(md);
}

const secs = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));
function describe(t: Timed): string {
  if (t.timedOut) return `> ${t.capS.toFixed(0)} s CPU (stopped; ${secs(t.wallS)} s wall)`;
  if (!t.ok) return `failed (${(t.stderr.trim().split("\n").pop() ?? "").slice(0, 120)})`;
  return `${secs(t.wallS)} s wall, ${secs(t.cpuS)} s CPU, ${t.maxRssMb.toFixed(0)} MB`;
}
/** A cell of a run: its value, "failed", or for a run stopped at its cap what it had reached (`stopped`). */
const cell = (t: Timed, f: (t: Timed) => string, stopped: (t: Timed) => string) => (t.timedOut ? stopped(t) : t.capS === 0 ? "not run" : !t.ok ? "failed" : f(t));
const wallCell = (t: Timed) => cell(t, (x) => `${secs(x.wallS)} s`, (x) => `stopped at ${secs(x.wallS)} s`);
const cpuCell = (t: Timed) => cell(t, (x) => `${secs(x.cpuS)} s`, (x) => `> ${secs(x.cpuS)} s (cap)`);
const rssCell = (t: Timed) => cell(t, (x) => `${x.maxRssMb.toFixed(0)} MB`, (x) => `≥ ${x.maxRssMb.toFixed(0)} MB`);

function render(unsorted: Row[], run: { started: Date; loadAtStart: string; loadAtEnd: string; version: string }): string {
  const rows = unsorted.slice().sort((a, b) => a.n - b.n || a.K - b.K);
  const ok = (t: Timed) => t.ok && !t.timedOut;
  const certified = (limit: number) =>
    rows.filter((r) => ok(r.ours) && r.ours.wallS <= limit).map((r) => `n=${r.n} K=${r.K}`).join(", ") || "none";
  const largest = (limit: number, key: "wallS" | "cpuS") => {
    const within = rows.filter((r) => ok(r.ours) && r.ours[key] <= limit).sort((a, b) => a.rows * a.cols - b.rows * b.cols);
    const r = within.pop();
    return r ? `n=${r.n} K=${r.K} (${r.rows.toLocaleString("en")} rows × ${r.cols.toLocaleString("en")} columns, ${secs(r.ours[key])} s)` : "none";
  };
  const lines = [
    SCALING_START,
    "",
    `## Scaling: (P) certified by row generation vs QSopt_ex, ${run.started.toISOString().slice(0, 10)} (issue 16)`,
    "",
    `\`npx tsx bench/scaling.ts\` — Chung–Ely's (P) with all-pairs EPIC [BrooksExPost2023], prior seed \`bench-P-n-K\`. ` +
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${run.version} (Debian qsopt-ex). ` +
      `Started ${run.started.toISOString().slice(11, 16)} UTC; load average (1/5/15 min) ${run.loadAtStart} at start, ${run.loadAtEnd} at end. ` +
      `The machine was shared with other jobs during the run, so **CPU time** (user + system of the whole process) is the fair column; wall time is what the load left.`,
    "",
    `Each row: one process each, ours then QSopt_ex; whole process under \`/usr/bin/time\` (ours: node start, HiGHS load, building (P), ` +
      `exact row generation from the local rows, final verification of the certificate on every row of the full program; QSopt_ex: \`esolver -L\` reading the exported LP text and solving exactly). ` +
      `Both are built programs: ours is bench/scaling-child.ts bundled with esbuild (HiGHS's .wasm beside it) before the run and run with plain \`node\` (no node flags; src/lp/engine.ts has V8 compile HiGHS's WebAssembly with its baseline compiler only, as in the CLI), as QSopt_ex's LP file is exported before the run; neither preparation is timed. ` +
      `Our certificate is checked on every row of the full program, which is given row by row on demand (src/robust/optimalExPostAuction.ts, \`optimalExPostAuctionRows\`) instead of held in memory; the exported LP file is the materialized program (\`optimalExPostAuctionLp\`). ` +
      `CPU caps: ours ${CAP_S} s; QSopt_ex ${QSOPT_FACTOR}× our CPU time (at least ${QSOPT_MIN_S} s, at most ${CAP_S} s) — where it was stopped it is at least that much slower, and its value is not compared. Peak RSS is the process's maximum resident set (/usr/bin/time %M).`,
    "",
    "Rows × columns are those of the full (all-pairs) program that is certified; the reduced program's rows are in the row-generation column (rounds, rows per round).",
    "",
    "| (P) | rows × columns | ours wall | ours CPU | ours peak RSS | row gen. (rounds, reduced rows) | QSopt_ex wall | QSopt_ex CPU | QSopt_ex peak RSS | CPU ratio QSopt_ex/ours | values | load start → end |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const s = r.ours.inProcess?.stats;
    const ratio = ok(r.ours) && ok(r.qsopt) ? `${(r.qsopt.cpuS / r.ours.cpuS).toFixed(2)}×` : ok(r.ours) && r.qsopt.timedOut ? `> ${(r.qsopt.cpuS / r.ours.cpuS).toFixed(1)}× (QSopt_ex stopped)` : "—";
    lines.push(
      `| n=${r.n} K=${r.K} | ${r.rows.toLocaleString("en")} × ${r.cols.toLocaleString("en")} | ${wallCell(r.ours)} | ${cpuCell(r.ours)} | ${rssCell(r.ours)} | ` +
        `${s ? `${s.rounds}, ${s.reducedRows.map((x) => x.toLocaleString("en")).join(" → ")}` : "—"} | ${wallCell(r.qsopt)} | ${cpuCell(r.qsopt)} | ${rssCell(r.qsopt)} | ${ratio} | ${r.agree} | ${r.loadStart} → ${r.loadEnd} |`,
    );
  }
  const loadFactor = rows.filter((r) => ok(r.ours)).map((r) => r.ours.wallS / r.ours.cpuS).sort((a, b) => a - b);
  const midFactor = loadFactor.length ? loadFactor[loadFactor.length >> 1]! : NaN;
  lines.push(
    "",
    `- The load inflated wall time: our wall/CPU ratio was ${loadFactor.length ? `${loadFactor[0]!.toFixed(1)}–${loadFactor.at(-1)!.toFixed(1)} (median ${midFactor.toFixed(1)})` : "—"} in this run, ` +
      `where an idle machine gives about 1 (the solve is single-threaded). The wall-time targets are therefore read on the CPU column as well, and marked as such.`,
    `- Largest certified within 60 s wall: ${largest(60, "wallS")}; within 300 s wall: ${largest(300, "wallS")}.`,
    `- Largest certified within 60 s CPU: ${largest(60, "cpuS")}; within 300 s CPU: ${largest(300, "cpuS")}.`,
    `- Certified within 60 s wall: ${certified(60)}.`,
    `- Faster than QSopt_ex (CPU) on: ${rows.filter((r) => ok(r.ours) && (r.qsopt.timedOut || (ok(r.qsopt) && r.qsopt.cpuS > r.ours.cpuS))).map((r) => `n=${r.n} K=${r.K}`).join(", ") || "none"}; ` +
      `not on: ${rows.filter((r) => !(ok(r.ours) && (r.qsopt.timedOut || (ok(r.qsopt) && r.qsopt.cpuS > r.ours.cpuS)))).map((r) => `n=${r.n} K=${r.K}`).join(", ") || "none"}.`,
    "",
    SCALING_END,
  );
  return lines.join("\n");
}

/** Replace the scaling section of bench/RESULTS.md (or insert it before the suite section), atomically. */
function writeSection(md: string): void {
  const file = here("./RESULTS.md");
  const old = readFileSync(file, "utf8");
  const a = old.indexOf(SCALING_START);
  const b = old.indexOf(SCALING_END);
  let text: string;
  if (a >= 0 && b > a) text = old.slice(0, a) + md + old.slice(b + SCALING_END.length);
  else {
    const at = old.indexOf(SUITE_MARK);
    text = at >= 0 ? `${old.slice(0, at)}${md}\n\n${old.slice(at)}` : `${old}\n${md}\n`;
  }
  const tmp = `${file}.scaling-${process.pid}.tmp`;
  writeFileSync(tmp, text, { flag: "wx" });
  renameSync(tmp, file);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
