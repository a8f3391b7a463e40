/**
 * `npx tsx bench/scaling.ts [--only n-K,…] [--cap S] [--qsopt-factor F] [--wall-cap S] [--mem-cap MB] [--no-write]
 *   [--frontier [--series "n:K,K,…;n:K,…"]] [--merge results.json]` (not a test);
 * `--render results.json[,more.json…]` re-renders the section from a run's saved results without measuring: the scaling table
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
 * A memory cap too (default 12288 MB, --mem-cap): the resident set of the measured process tree is
 * polled every 200 ms and the process killed above the cap (the row says "out of memory", with the
 * peak reached); the machine has no swap and is shared.
 * --frontier: after the table's sizes (those not already in --merge's results), the frontier series (FRONTIER, or --series), ours only (QSopt_ex "not run (frontier search)", no LP
 * export): per n, K ascending, each series stopped at its first size not certified within CAP_S
 * seconds of CPU and of wall time (stopped at a cap, out of memory, or failed). The summary names
 * per n and overall the largest size certified within 60 s and 300 s (wall; CPU) and its peak RSS.
 * --merge results.json: start from a previous run's saved rows (kept as they are, with their run's
 * start time and load) and add this run's rows; the merged rows are saved in this run's results.
 * The load average is recorded at the start and end of every instance. Results go to a JSON file in
 * the temp folder (one per run) and, unless --no-write, after every instance into a dated section of
 * bench/RESULTS.md between SCALING_START and SCALING_END (replaced on the next run; inserted before
 * the suite section). The sizes run in SIZES order (the issue's named instances first); the table is
 * sorted by size.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
/** Memory cap of a measured process tree (MB of resident set), checked by polling. */
const MEM_CAP_MB = Number(arg("--mem-cap") ?? 12288);
const FRONTIER_MODE = args.includes("--frontier");
const MERGE = arg("--merge");
/**
 * The frontier series (n: K ascending) past the table's sizes; (P) has about n·K^n·(K−1) rows and
 * 2·n·K^n columns. Each series stops at its first size not certified within the caps.
 */
const FRONTIER: readonly [number, readonly number[]][] = (arg("--series")
  ?.split(";")
  .map((s) => s.split(":"))
  .map(([n, ks]) => [Number(n), ks!.split(",").map(Number)] as [number, number[]]) ?? [
  [2, [60, 80, 100, 150, 200, 250, 300, 400]],
  [3, [25, 30, 35, 40, 50, 60]],
  [4, [14, 16, 18, 20, 24]],
  [5, [5, 6, 7, 8, 9, 10]],
]);
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
  /** killed by the memory watchdog at MEM_CAP_MB (memCapMb) */
  outOfMemory?: boolean;
  memCapMb?: number;
  /** the wall-clock safety cap it ran under (s) */
  wallCapS?: number;
  /** /usr/bin/time's note of a terminating signal ("Command terminated by signal N") */
  signal?: string;
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
async function timed(cmd: string, argv: string[], capS: number): Promise<Timed> {
  const tf = join(work, "time.txt");
  // the watchdog follows the tree time → timeout → the measured process. `timeout --foreground`: at the
  // wall-clock cap it kills only its child and waits for it, so /usr/bin/time still gets the child's CPU
  // time and peak (without it, timeout kills its own process group, itself included, and those are lost)
  const child = spawn("/usr/bin/time", ["-o", tf, "-f", "%e %U %S %M", "timeout", "--foreground", "-s", "KILL", String(WALL_CAP_S), "prlimit", `--cpu=${Math.ceil(capS)}:${Math.ceil(capS) + 5}`, cmd, ...argv], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let outOfMemory = false;
  let polledPeakKb = 0;
  const watch = setInterval(() => {
    const tree = treeRss(child.pid!);
    polledPeakKb = Math.max(polledPeakKb, tree.totalKb);
    if (tree.totalKb / 1024 > MEM_CAP_MB && tree.largestPid) {
      outOfMemory = true;
      try {
        process.kill(tree.largestPid, "SIGKILL"); // the measured process; /usr/bin/time still reports
      } catch {
        /* already gone */
      }
    }
  }, 200);
  const status = await new Promise<number | null>((res) => child.on("close", (code) => res(code)));
  clearInterval(watch);
  const [e, u, s, m] = readFileSync(tf, "utf8").trim().split("\n").pop()!.split(/\s+/).map(Number);
  const cpuS = u! + s!;
  const timeText = readFileSync(tf, "utf8");
  const signal = /terminated by (signal \d+)/.exec(timeText)?.[1];
  const timedOut = !outOfMemory && status !== 0 && (cpuS >= capS - 1 || e! >= WALL_CAP_S - 1 || /signal (9|24)\b/.test(timeText));
  return { ok: status === 0, timedOut, ...(outOfMemory ? { outOfMemory, memCapMb: MEM_CAP_MB } : {}), capS, wallCapS: WALL_CAP_S, ...(signal ? { signal } : {}), wallS: e!, cpuS, maxRssMb: Math.max(m!, polledPeakKb) / 1024, stdout, stderr };
}

/**
 * Resident set (kB) of `root` and its descendants, and the largest one's pid (by parent links in
 * /proc: `timeout` puts itself in a process group of its own, so a group would miss it).
 */
function treeRss(root: number): { totalKb: number; largestPid: number } {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])); // field 4 (ppid)
    } catch {
      /* exited meanwhile */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, i = 0; p > 1 && i < 64; p = parent.get(p) ?? 0, i++) if (p === root) return true;
    return false;
  };
  let totalKb = 0;
  let largestPid = 0;
  let largestKb = -1;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      totalKb += kb;
      if (kb > largestKb) [largestKb, largestPid] = [kb, pid];
    } catch {
      /* exited meanwhile */
    }
  }
  return { totalKb, largestPid };
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
  /** run ours only, as part of the frontier search */
  frontier?: boolean;
  /** the run this row comes from (its start and load), when it was merged from an earlier run */
  from?: { started: string; loadAtStart: string; loadAtEnd: string; ended?: string };
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

async function runOurs(n: number, K: number): Promise<Row["ours"]> {
  const t = await timed(process.execPath, [childJs, "solve", String(n), String(K)], CAP_S);
  if (!t.ok) return t;
  const j = JSON.parse(t.stdout.trim().split("\n").pop()!) as { value: string; wallMs: number; cpuMs: number; stats: NonNullable<Row["ours"]["inProcess"]>["stats"] };
  return { ...t, value: j.value, inProcess: { wallMs: j.wallMs, cpuMs: j.cpuMs, stats: j.stats } };
}
async function runQsopt(esolver: string, file: string, capS: number): Promise<Row["qsopt"]> {
  const sol = join(work, "out.sol");
  rmSync(sol, { force: true });
  const t = await timed(esolver, ["-m", String(16 * 2 ** 30), "-L", "-O", sol, file], capS); // its default limit is 4 GiB of address space
  if (!existsSync(sol)) return t;
  const text = readFileSync(sol, "utf8");
  const status = /status =? ?(\w+)/.exec(text)?.[1];
  const value = /Value = (\S+)/.exec(text)?.[1];
  return { ...t, ...(status ? { status } : {}), ...(value ? { value } : {}) };
}

interface RunInfo {
  started: Date;
  loadAtStart: string;
  loadAtEnd: string;
  version: string;
  /** rendered from this many runs' saved results (--render a,b,…) */
  renderedFrom?: number;
}
interface Saved {
  started: string;
  loadAtStart: string;
  loadAtEnd?: string;
  /** when the results were last saved (after its last row) */
  ended?: string;
  rows: Row[];
}
/** A saved run's rows, each labelled with the run it comes from (a row merged earlier keeps its label). */
function loadSaved(file: string): Row[] {
  const j = JSON.parse(readFileSync(file, "utf8")) as Saved;
  // `ended`: saved since the frontier search; for older results, the file's modification time (its last save)
  const from = { started: j.started, loadAtStart: j.loadAtStart, loadAtEnd: j.loadAtEnd ?? `${j.rows.at(-1)?.loadEnd ?? "?"} (at its last row)`, ended: j.ended ?? statSync(file).mtime.toISOString() };
  return j.rows.map((r) => ({ ...r, from: r.from ?? from }));
}
/** Certified: finished, not stopped at a cap, not out of memory, the status optimal. */
const certifiedOk = (t: Timed) => t.ok && !t.timedOut && !t.outOfMemory;
/** Within the frontier's limits: certified within CAP_S seconds of CPU and of wall time. */
const withinCaps = (r: Row) => certifiedOk(r.ours) && r.ours.cpuS <= CAP_S && r.ours.wallS <= CAP_S;

async function main() {
  const saved = arg("--render");
  if (saved !== undefined) {
    // re-render the section from saved results (no measurement): one run's, or several runs' (a,b,…;
    // each row labelled with its run; a size in more than one file is taken from the first)
    const files = saved.split(",");
    const j = JSON.parse(readFileSync(files[0]!, "utf8")) as Saved;
    const rows: Row[] = [];
    for (const r of files.flatMap(loadSaved)) if (!rows.some((x) => x.n === r.n && x.K === r.K)) rows.push(r);
    const version = spawnSync(ensureEsolver(), ["-v"], { encoding: "utf8" }).stdout.match(/QSopt_ex [\d.]+/)?.[0] ?? "QSopt_ex";
    const md = render(rows, { started: new Date(j.started), loadAtStart: j.loadAtStart, loadAtEnd: j.loadAtEnd ?? `${rows.at(-1)?.loadEnd ?? "?"} (at its last row)`, version, renderedFrom: files.length });
    console.log(md);
    if (!NO_WRITE) writeSection(md);
    return;
  }
  const esolver = ensureEsolver();
  const version = spawnSync(esolver, ["-v"], { encoding: "utf8" }).stdout.match(/QSopt_ex [\d.]+/)?.[0] ?? "QSopt_ex";
  const started = new Date();
  const loadAtStart = la();
  const out: Row[] = MERGE ? loadSaved(MERGE) : [];
  const have = (n: number, K: number) => out.some((r) => r.n === n && r.K === K);
  const resultsFile = join(tmpdir(), `mechcheck-scaling-${started.toISOString().replace(/[:.]/g, "-")}.json`);
  const save = (loadAtEnd?: string) =>
    writeFileSync(
      resultsFile,
      JSON.stringify({ started: started.toISOString(), loadAtStart, ...(loadAtEnd ? { loadAtEnd } : {}), ended: new Date().toISOString(), rows: out.map(({ ours: o, qsopt: q, ...r }) => ({ ...r, ours: { ...o, stdout: undefined }, qsopt: { ...q, stdout: undefined } })) }, null, 1),
    );
  const table = (only ? only.map((x) => x.split("-").map(Number) as [number, number]) : SIZES).filter(([n, K]) => !have(n, K));
  await bundleChild();
  const measure = async (n: number, K: number, frontier: boolean): Promise<Row> => {
    const c = auctionLpCounts(n, K, "all");
    const file = join(work, `P-${n}-${K}.lp`);
    // the frontier runs ours only: no LP export (the text of tens of millions of rows) and no QSopt_ex
    if (!frontier) execFileSync(process.execPath, [childJs, "export", String(n), String(K), file], { stdio: "inherit" });
    const loadStart = la();
    // ours first: QSopt_ex's cap depends on our CPU time
    const ours = await runOurs(n, K);
    const qsCap = ours.ok ? Math.min(CAP_S, Math.max(QSOPT_MIN_S, QSOPT_FACTOR * ours.cpuS)) : CAP_S;
    const notRun = (why: string): Row["qsopt"] => ({ ok: false, timedOut: false, capS: 0, wallS: NaN, cpuS: NaN, maxRssMb: NaN, stdout: "", stderr: `not run (${why})` });
    // --qsopt-factor 0: ours only (a spot check of our own times)
    const qsopt: Row["qsopt"] = frontier ? notRun("frontier search") : QSOPT_FACTOR === 0 ? notRun("--qsopt-factor 0") : await runQsopt(esolver, file, qsCap);
    const agree =
      ours.value && qsopt.value ? (new Fraction(ours.value).equals(new Fraction(qsopt.value)) ? "equal" : `DIFFERENT (ours ${ours.value}, QSopt_ex ${qsopt.value})`) : "—";
    const row: Row = { n, K, rows: c.rows, cols: c.variables, loadStart, loadEnd: la(), ours, qsopt, lpFileMb: frontier ? NaN : statSync(file).size / 2 ** 20, agree, ...(frontier ? { frontier } : {}) };
    rmSync(file, { force: true });
    out.push(row);
    console.error(`(P) n=${n} K=${K}${frontier ? " (frontier)" : ""}: ours ${describe(ours)}; QSopt_ex ${describe(qsopt)}; values ${agree}; load ${row.loadStart} → ${row.loadEnd}`);
    if (!NO_WRITE) writeSection(render(out, { started, loadAtStart, loadAtEnd: `${la()} (still running)`, version }));
    save();
    return row;
  };
  for (const [n, K] of table) await measure(n, K, false);
  if (FRONTIER_MODE) {
    for (const [n, Ks] of FRONTIER) {
      for (const K of Ks) {
        const done = out.find((r) => r.n === n && r.K === K);
        const r = done ?? (await measure(n, K, true));
        if (!withinCaps(r)) break; // the series' first size past the frontier
      }
    }
  }
  const loadAtEnd = la();
  save(loadAtEnd);
  rmSync(work, { recursive: true, force: true });
  console.error(`results: ${resultsFile}`);
  const md = render(out, { started, loadAtStart, loadAtEnd, version });
  console.log(md);
  if (!NO_WRITE) writeSection(md);
}

const secs = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));
/** Why a run stopped at a cap: the CPU cap, or (on a loaded machine) the wall-clock safety cap. */
const stoppedBy = (t: Timed) =>
  t.cpuS >= t.capS - 1
    ? `CPU cap ${t.capS.toFixed(0)} s`
    : t.wallCapS === undefined || t.wallS >= t.wallCapS - 1
      ? `wall-clock cap${t.wallCapS !== undefined ? ` ${t.wallCapS} s` : ""}`
      : `${t.signal ?? "a signal"}, below both caps as /usr/bin/time counts (most likely the CPU limit as the kernel counts it)`;
/**
 * A run stopped at the wall-clock cap before `timeout --foreground` was used: timeout killed its own
 * process group and /usr/bin/time got nothing of the child (0 s CPU, ~2 MB): CPU and peak not recorded.
 */
const lost = (t: Timed) => t.timedOut && t.cpuS === 0 && t.maxRssMb < 10;
const lastLine = (t: Timed) => (t.stderr.trim().split("\n").pop() ?? "").slice(0, 120);
function describe(t: Timed): string {
  if (t.outOfMemory) return `out of memory (killed above ${t.memCapMb} MB; ${secs(t.wallS)} s wall, ${secs(t.cpuS)} s CPU, peak ${t.maxRssMb.toFixed(0)} MB)`;
  if (lost(t)) return `stopped at the wall-clock cap (${secs(t.wallS)} s wall; CPU time and peak RSS not recorded)`;
  if (t.timedOut) return `stopped (${stoppedBy(t)}; ${secs(t.wallS)} s wall, ${secs(t.cpuS)} s CPU, ${t.maxRssMb.toFixed(0)} MB)`;
  if (!t.ok) return `failed (${lastLine(t)})`;
  return `${secs(t.wallS)} s wall, ${secs(t.cpuS)} s CPU, ${t.maxRssMb.toFixed(0)} MB`;
}
/** A cell of a run: its value; for a run stopped at a cap or out of memory what it had reached (`stopped`); not run; failed. */
const cell = (t: Timed, f: (t: Timed) => string, stopped: (t: Timed) => string) =>
  t.outOfMemory ? `out of memory: ${stopped(t)}` : t.timedOut ? stopped(t) : t.capS === 0 ? t.stderr || "not run" : !t.ok ? `failed: ${lastLine(t).replace(/\|/g, "/")}` : f(t);
const wallCell = (t: Timed) => cell(t, (x) => `${secs(x.wallS)} s`, (x) => `stopped at ${secs(x.wallS)} s`);
const cpuCell = (t: Timed) => cell(t, (x) => `${secs(x.cpuS)} s`, (x) => (lost(x) ? "not recorded (stopped at the wall-clock cap)" : `> ${secs(x.cpuS)} s (${x.outOfMemory ? "killed" : stoppedBy(x)})`));
const rssCell = (t: Timed) => cell(t, (x) => `${x.maxRssMb.toFixed(0)} MB`, (x) => (lost(x) ? "not recorded" : `≥ ${x.maxRssMb.toFixed(0)} MB${x.outOfMemory ? ` (cap ${x.memCapMb} MB)` : ""}`));
const size = (r: Row) => `n=${r.n} K=${r.K}`;
const hhmm = (iso: string) => iso.slice(11, 16);

function render(unsorted: Row[], run: RunInfo): string {
  const rows = unsorted.slice().sort((a, b) => a.n - b.n || a.K - b.K);
  const ok = certifiedOk;
  const peerRan = (r: Row) => r.qsopt.capS !== 0;
  /** The largest size (rows × columns) certified within `limit` seconds of `key` among `among`. */
  const largest = (among: Row[], limit: number, key: "wallS" | "cpuS") => {
    const r = among.filter((x) => ok(x.ours) && x.ours[key] <= limit).sort((a, b) => a.rows * a.cols - b.rows * b.cols).pop();
    return r ? `${size(r)} (${r.rows.toLocaleString("en")} × ${r.cols.toLocaleString("en")}; ${secs(r.ours[key])} s ${key === "wallS" ? "wall" : "CPU"}, peak RSS ${r.ours.maxRssMb.toFixed(0)} MB)` : "none";
  };
  const ns = [...new Set(rows.map((r) => r.n))];
  /** Per n: the first size not certified within the caps (the series' stop), if any. */
  const past = (n: number) => rows.find((r) => r.n === n && !withinCaps(r));
  const runs = new Map<string, { started: string; loadAtStart: string; loadAtEnd: string; ended?: string; rows: Row[] }>();
  for (const r of rows) {
    const f = r.from ?? { started: run.started.toISOString(), loadAtStart: run.loadAtStart, loadAtEnd: run.loadAtEnd };
    const e = runs.get(f.started) ?? { ...f, rows: [] };
    e.rows.push(r);
    runs.set(f.started, e);
  }
  const runText = [...runs.values()]
    .sort((a, b) => a.started.localeCompare(b.started))
    .map((e) => `${e.rows.every((r) => r.frontier) ? "the frontier rows" : e.rows.some((r) => r.frontier) ? "rows" : "the table's rows with QSopt_ex"} (${e.rows.map(size).join(", ")}) from a run started ${hhmm(e.started)} UTC, load average (1/5/15 min) ${e.loadAtStart} at its start, ${e.loadAtEnd} at its end`)
    .join("; ");
  const anyFrontier = rows.some((r) => r.frontier);
  const frontierWallCaps = [...new Set(rows.filter((r) => r.frontier && r.ours.wallCapS !== undefined).map((r) => r.ours.wallCapS!))];
  const spans = [...runs.values()].filter((e) => e.ended).map((e) => [Date.parse(e.started), Date.parse(e.ended!)] as const);
  const overlapping = spans.some(([a, b], i) => spans.some(([c, d], k) => k !== i && a < d && c < b));
  const lines = [
    SCALING_START,
    "",
    `## Scaling: (P) certified by row generation vs QSopt_ex, ${run.started.toISOString().slice(0, 10)} (issue 16)`,
    "",
    `\`npx tsx bench/scaling.ts${anyFrontier ? " --frontier" : ""}\` — Chung–Ely's (P) with all-pairs EPIC [BrooksExPost2023], prior seed \`bench-P-n-K\`. ` +
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, no swap, Node ${process.version}, ${run.version} (Debian qsopt-ex). ` +
      `Runs: ${runText}${run.renderedFrom && run.renderedFrom > 1 ? ` (this section combines the saved results of ${run.renderedFrom} files with \`--render a.json,b.json,…\`; a size in more than one is taken from the first file given)` : ""}. Each row also gives the load at its own start and end. ` +
      (overlapping ? "Some of these runs overlapped in time (two series measured at once, each loading the other as well). " : "") +
      `The machine was shared with other jobs (up to 8 helpers' tests and benchmarks on its 2 cores) during the runs, so **CPU time** (user + system of the whole process) is the fair column; wall time is what the load left.`,
    "",
    `Each row: one process each, ours then QSopt_ex; whole process under \`/usr/bin/time\` (ours: node start, HiGHS load, building (P), ` +
      `exact row generation from the local rows, final verification of the certificate on every row of the full program; QSopt_ex: \`esolver -L\` reading the exported LP text and solving exactly). ` +
      `Both are built programs: ours is bench/scaling-child.ts bundled with esbuild (HiGHS's .wasm beside it) before the run and run with plain \`node\` (no node flags; src/lp/engine.ts has V8 compile HiGHS's WebAssembly with its baseline compiler only, as in the CLI), as QSopt_ex's LP file is exported before the run; neither preparation is timed. ` +
      `Our certificate is checked on every row of the full program, which is given row by row on demand (src/robust/optimalExPostAuction.ts, \`optimalExPostAuctionRows\`) instead of held in memory; the exported LP file is the materialized program (\`optimalExPostAuctionLp\`). ` +
      `CPU caps: ours ${CAP_S} s; QSopt_ex ${QSOPT_FACTOR}× our CPU time (at least ${QSOPT_MIN_S} s, at most ${CAP_S} s) — where it was stopped it is at least that much slower, and its value is not compared. ` +
      `A wall-clock safety cap stops a process too, and a memory watchdog (the resident set of the process tree, polled every 200 ms) kills it above its cap (the row says "out of memory", with the peak it reached). Peak RSS is the process's maximum resident set (/usr/bin/time %M).`,
    ...(anyFrontier
      ? [
          "",
          `Frontier search (\`--frontier\`): past the table's sizes, per n, K ascending, ours only (no LP export, QSopt_ex not run), each series stopped at its first size not certified within ${CAP_S} s of CPU and of wall time, or out of memory, or failed; that size is the series' last row.` +
            (frontierWallCaps.length ? ` Wall-clock safety cap of these runs: ${frontierWallCaps.join(", ")} s (a size stopped there, below the CPU cap, leaves the CPU frontier open).` : ""),
        ]
      : []),
    "",
    "Rows × columns are those of the full (all-pairs) program that is certified; the reduced program's rows are in the row-generation column (rounds, rows per round).",
    "",
    "| (P) | rows × columns | ours wall | ours CPU | ours peak RSS | row gen. (rounds, reduced rows) | QSopt_ex wall | QSopt_ex CPU | QSopt_ex peak RSS | CPU ratio QSopt_ex/ours | values | load start → end |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const s = r.ours.inProcess?.stats;
    const ratio = ok(r.ours) && ok(r.qsopt) ? `${(r.qsopt.cpuS / r.ours.cpuS).toFixed(2)}×` : ok(r.ours) && r.qsopt.timedOut ? `> ${(r.qsopt.cpuS / r.ours.cpuS).toFixed(1)}× (QSopt_ex stopped)` : "—";
    const peer = (c: string) => (peerRan(r) ? c : "not run (frontier search)");
    lines.push(
      `| ${size(r)} | ${r.rows.toLocaleString("en")} × ${r.cols.toLocaleString("en")} | ${wallCell(r.ours)} | ${cpuCell(r.ours)} | ${rssCell(r.ours)} | ` +
        `${s ? `${s.rounds}, ${s.reducedRows.map((x) => x.toLocaleString("en")).join(" → ")}` : "—"} | ${peer(wallCell(r.qsopt))} | ${peer(cpuCell(r.qsopt))} | ${peer(rssCell(r.qsopt))} | ${ratio} | ${peerRan(r) ? r.agree : "not compared"} | ${r.loadStart} → ${r.loadEnd} |`,
    );
  }
  const loadFactor = rows.filter((r) => ok(r.ours)).map((r) => r.ours.wallS / r.ours.cpuS).sort((a, b) => a - b);
  const midFactor = loadFactor.length ? loadFactor[loadFactor.length >> 1]! : NaN;
  const withPeer = rows.filter(peerRan);
  const faster = (r: Row) => ok(r.ours) && (r.qsopt.timedOut || (ok(r.qsopt) && r.qsopt.cpuS > r.ours.cpuS));
  const largestRss = rows.filter((r) => ok(r.ours)).sort((a, b) => a.ours.maxRssMb - b.ours.maxRssMb).pop();
  lines.push(
    "",
    `- The load inflated wall time: our wall/CPU ratio was ${loadFactor.length ? `${loadFactor[0]!.toFixed(1)}–${loadFactor.at(-1)!.toFixed(1)} (median ${midFactor.toFixed(1)})` : "—"} over these rows, ` +
      `where an idle machine gives about 1 (the solve is single-threaded). The wall-time targets are therefore read on the CPU column as well.`,
    `- Largest certified (overall, by rows × columns) within 60 s wall: ${largest(rows, 60, "wallS")}; within 300 s wall: ${largest(rows, 300, "wallS")}.`,
    `- Largest certified (overall) within 60 s CPU: ${largest(rows, 60, "cpuS")}; within 300 s CPU: ${largest(rows, 300, "cpuS")}.`,
    ...ns.map((n) => {
      const these = rows.filter((r) => r.n === n);
      const p = past(n);
      const tried = these.filter((r) => r.frontier);
      const wallStopped = p && p.ours.timedOut && p.ours.cpuS < CAP_S - 1 && !lost(p.ours);
      const stop = p
        ? `first size past the caps: ${size(p)} — ${describe(p.ours)}${wallStopped ? ` (so the CPU frontier is not determined: it lies at or beyond this size's ${secs(p.ours.cpuS)} s)` : p && lost(p.ours) ? " (so the CPU frontier is not determined)" : ""}`
        : tried.length
          ? `every size of its frontier series up to ${size(tried.at(-1)!)} was certified within the caps (the frontier lies beyond)`
          : anyFrontier
            ? "its frontier series was not run"
            : "";
      return (
        `- n=${n}: within 60 s wall ${largest(these, 60, "wallS")}, within 300 s wall ${largest(these, 300, "wallS")}; ` +
        `within 60 s CPU ${largest(these, 60, "cpuS")}, within 300 s CPU ${largest(these, 300, "cpuS")}${stop ? `; ${stop}` : ""}.`
      );
    }),
    `- Highest peak RSS of a certified run: ${largestRss ? `${largestRss.ours.maxRssMb.toFixed(0)} MB (${size(largestRss)})` : "—"}.`,
    `- Faster than QSopt_ex (CPU) on: ${withPeer.filter(faster).map(size).join(", ") || "none"}; ` +
      `not on: ${withPeer.filter((r) => !faster(r)).map(size).join(", ") || "none"}${anyFrontier ? " (QSopt_ex was run on the table's sizes only)" : ""}.`,
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
