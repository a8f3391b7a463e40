/**
 * `npx tsx bench/honest.ts [--runs N] [--cold N] [--warmup-ms MS] [--only key,…]` (not a test): float (HiGHS alone)
 * vs certified (`solveWithStats`: HiGHS proposes, exact LU certifies, `verify` re-checks) on the
 * families of bench/honest-families.ts, measured honestly:
 * - interleaved pairs: each float run is followed (or, every other pair, preceded) by a certified
 *   run on a freshly built model, so drift in the machine's load hits both sides alike;
 * - warm: one process, engine and JIT warmed on the instance first (untimed pairs for --warmup-ms,
 *   default 2000), median of N pairs;
 *   cold: a fresh process per measurement (bench/honest-cold.ts), float and certified processes
 *   alternating, median of N pairs;
 * - wall and CPU (process.cpuUsage) time of the solve itself; the load average at start and end.
 * - peer: javascript-lp-solver (bench/honest-peer.ts, a fresh process with a time limit) on the
 *   same model exported by lpModelToJson; its value is compared with the certified exact value
 *   (`--no-peer` skips it, `--peer-timeout S` sets the limit, default 120 s).
 * Writes a new dated section into bench/RESULTS.md (between HONEST_MARK and SUITE_MARK); older
 * sections of this bench are kept and marked superseded.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release } from "node:os";
import { fileURLToPath } from "node:url";
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import { HONEST_INSTANCES } from "./honest-families.ts";
import { HONEST_MARK, SUITE_MARK } from "./marks.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const RUNS = opt("--runs", 5);
const COLD = opt("--cold", 3);
/**
 * Warm-up before the timed warm pairs: untimed float + certified pairs on fresh models until
 * WARMUP_MS have passed (at least 1 pair, at most 50), so that V8 has optimized the certifier's hot
 * code as it would in a long-running process; one pair was not enough on the small trade LPs
 * (their certification ran partly unoptimized in the timed pairs).
 */
const WARMUP_MS = opt("--warmup-ms", 2000);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null;
const NO_WRITE = args.includes("--no-write");
/**
 * Node's own WebAssembly/Liftoff flags of this run (e.g. `node --wasm-dynamic-tiering --import tsx
 * bench/honest.ts`), passed on to the cold processes: without one, src/lp/engine.ts has V8 compile
 * HiGHS with its baseline compiler only (`--liftoff-only`); with one, V8's flags rule.
 */
const WASM_FLAGS = process.execArgv.filter((a) => /^--(no-)?liftoff|^--wasm-/.test(a));
const WASM_MODE = WASM_FLAGS.length === 0 ? "compiled by V8's baseline compiler only (`--liftoff-only`, the engine's default)" : `compiled as the node flags ${WASM_FLAGS.map((f) => `\`${f}\``).join(" ")} say`;
const NO_PEER = args.includes("--no-peer");
const PEER_TIMEOUT_S = opt("--peer-timeout", 120);

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const la = () => loadavg().map((x) => x.toFixed(2)).join(" / ");

interface Sample {
  wallMs: number;
  cpuMs: number;
}
function timed(f: () => void): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wallMs = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  return { wallMs, cpuMs: (cu.user + cu.system) / 1000 };
}
function cold(key: string, mode: "float" | "certified"): Sample & { processMs: number } {
  const here = fileURLToPath(new URL("./honest-cold.ts", import.meta.url));
  const out = execFileSync(process.execPath, [...WASM_FLAGS, "--import", "tsx", here, key, mode], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample & { processMs: number };
}

interface PeerRun {
  coldMs: number;
  warmMs: number;
  feasible: boolean;
  bounded: boolean;
  value: number;
}
/** javascript-lp-solver in a fresh process (bench/honest-peer.ts), or why it gave no answer. */
function peer(key: string): PeerRun | string {
  const here = fileURLToPath(new URL("./honest-peer.ts", import.meta.url));
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--max-old-space-size=4096", here, key, "3"], { encoding: "utf8", timeout: PEER_TIMEOUT_S * 1000, stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out.trim().split("\n").pop()!) as PeerRun;
  } catch (e) {
    const err = e as { signal?: string; message?: string };
    return err.signal === "SIGTERM" ? `no answer within ${PEER_TIMEOUT_S} s` : `failed: ${(err.message ?? String(e)).split("\n")[0]}`;
  }
}
/** Whether the peer's float value matches the exact certified value (relative 1e-6). */
function peerVerdict(p: PeerRun | string, exact: { status: string; value?: number }): { text: string; disagrees: boolean | null } {
  if (typeof p === "string") return { text: p, disagrees: null };
  if (exact.status !== "optimal") return { text: p.feasible ? `says feasible, value ${p.value}` : "says infeasible", disagrees: p.feasible };
  if (!p.feasible) return { text: `says infeasible (certified optimal ${exact.value})`, disagrees: true };
  if (!p.bounded) return { text: `says unbounded (certified optimal ${exact.value})`, disagrees: true };
  const ok = Math.abs(p.value - exact.value!) <= 1e-6 * Math.max(1, Math.abs(exact.value!));
  return { text: ok ? `agrees (${p.value})` : `DISAGREES: ${p.value} vs certified ${exact.value}`, disagrees: !ok };
}

interface Row {
  family: string;
  label: string;
  size: string;
  loadStart: string;
  loadEnd: string;
  warm: { float: Sample[]; cert: Sample[]; ratios: number[]; warmupPairs: number };
  cold: { float: (Sample & { processMs: number })[]; cert: (Sample & { processMs: number })[]; ratios: number[] };
  certifiedBy: string;
  exactValue: string;
  peer: PeerRun | string | null;
  peerVerdict: { text: string; disagrees: boolean | null } | null;
}

async function main() {
  const loadAtStart = la();
  const started = new Date();
  const engine = await loadHighs();
  await loadLpEngine();
  const rows: Row[] = [];
  for (const inst of HONEST_INSTANCES.filter((i) => !only || only.includes(i.key))) {
    const loadStart = la();
    const m0 = inst.build();
    // warm-up on this instance: engine, JIT, the certifier's code paths (see WARMUP_MS)
    engine.propose(m0, DEFAULT_SETTINGS);
    const { result } = solveWithStats(inst.build());
    let warmupPairs = 1;
    for (const t0 = performance.now(); performance.now() - t0 < WARMUP_MS && warmupPairs < 50; warmupPairs++) {
      engine.propose(inst.build(), DEFAULT_SETTINGS);
      solveWithStats(inst.build());
    }
    const warm: Row["warm"] = { float: [], cert: [], ratios: [], warmupPairs };
    for (let r = 0; r < RUNS; r++) {
      const mf = inst.build();
      const mc = inst.build();
      const runFloat = () => timed(() => engine.propose(mf, DEFAULT_SETTINGS));
      const runCert = () => timed(() => solveWithStats(mc));
      let f: Sample, c: Sample;
      if (r % 2 === 0) {
        f = runFloat();
        c = runCert();
      } else {
        c = runCert();
        f = runFloat();
      }
      warm.float.push(f);
      warm.cert.push(c);
      warm.ratios.push(c.wallMs / f.wallMs);
    }
    const coldR: Row["cold"] = { float: [], cert: [], ratios: [] };
    for (let r = 0; r < COLD; r++) {
      const order: ("float" | "certified")[] = r % 2 === 0 ? ["float", "certified"] : ["certified", "float"];
      const got: Record<string, Sample & { processMs: number }> = {};
      for (const mode of order) got[mode] = cold(inst.key, mode);
      coldR.float.push(got.float!);
      coldR.cert.push(got.certified!);
      coldR.ratios.push(got.certified!.wallMs / got.float!.wallMs);
    }
    const exactNum = result.status === "optimal" ? { status: "optimal", value: result.value.valueOf() } : { status: result.status };
    const pr = NO_PEER ? null : peer(inst.key);
    const row: Row = {
      family: inst.family,
      label: inst.label,
      size: `${m0.rows.length} × ${m0.variables.length}`,
      loadStart,
      loadEnd: la(),
      warm,
      cold: coldR,
      certifiedBy: result.trace?.certifiedBy ?? "?",
      exactValue: result.status === "optimal" ? result.value.toFraction() : result.status,
      peer: pr,
      peerVerdict: pr === null ? null : peerVerdict(pr, exactNum),
    };
    rows.push(row);
    const mw = (xs: Sample[], k: "wallMs" | "cpuMs") => median(xs.map((x) => x[k]));
    console.log(
      `${row.family} ${row.label} (${row.size}) load ${row.loadStart} → ${row.loadEnd}: warm float ${fmt(mw(warm.float, "wallMs"))} / certified ${fmt(mw(warm.cert, "wallMs"))} ` +
        `(ratio median ${median(warm.ratios).toFixed(2)}×, CPU ${(mw(warm.cert, "cpuMs") / mw(warm.float, "cpuMs")).toFixed(2)}×); cold float ${fmt(mw(coldR.float, "wallMs"))} / certified ${fmt(mw(coldR.cert, "wallMs"))} (ratio ${median(coldR.ratios).toFixed(2)}×)` +
        (row.peer === null ? "" : `; javascript-lp-solver ${typeof row.peer === "string" ? row.peer : `${fmt(row.peer.warmMs)} warm / ${fmt(row.peer.coldMs)} cold`}: ${row.peerVerdict!.text}`),
    );
  }
  if (!NO_WRITE) write(rows, started, loadAtStart, la());
}

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url)), "utf8")) as { version: string }).version;
  } catch {
    return "(version unknown)";
  }
}
const peerVersion = () => pkgVersion("javascript-lp-solver");

function write(rows: Row[], started: Date, loadStart: string, loadEnd: string) {
  const mw = (xs: Sample[], k: "wallMs" | "cpuMs") => median(xs.map((x) => x[k]));
  const cpu = cpus();
  const L: string[] = [];
  L.push(`## Honest bench, ${started.toISOString().slice(0, 10)}: certified / float, interleaved pairs, warm and cold (issue 16)`);
  L.push("");
  L.push(`\`${WASM_FLAGS.length === 0 ? "npx tsx" : `node ${WASM_FLAGS.join(" ")} --import tsx`} bench/honest.ts${args.length ? " " + args.join(" ") : ""}\`, started ${started.toISOString()}; float engine HiGHS ${pkgVersion("highs")} (WebAssembly, npm \`highs\`, ${WASM_MODE}; the same in the float and the certified runs), peer javascript-lp-solver ${pkgVersion("javascript-lp-solver")}; ${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} logical cores visible), ${platform()} ${release()}, Node ${process.version}.`);
  L.push(`Load average (1/5/15 min): ${loadStart} at the start, ${loadEnd} at the end (per family below). The machine was shared: a load above the core count means the times are inflated and noisy; ratios compare runs interleaved in the same minutes.`);
  L.push("");
  L.push(`Warm: one process, after untimed warm-up pairs for ${WARMUP_MS} ms (at least 1, at most 50; their number in the table), median of ${RUNS} interleaved pairs (float then certified, certified then float, alternating), each on a freshly built model. Cold: a fresh process per solve (engine loaded, model built, then one solve timed), float and certified processes alternating, median of ${COLD} pairs. Wall = performance.now around the solve, CPU = process.cpuUsage (user + system) around the solve. Ratio = median over pairs of certified wall / float wall.`);
  L.push("");
  L.push("| family | size | rows × cols | load start → end | warm-up pairs | warm float wall (CPU) | warm certified wall (CPU) | warm ratio wall | warm ratio CPU | cold float wall (CPU) | cold certified wall (CPU) | cold ratio wall | by | certified value |");
  L.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    L.push(
      `| ${r.family} | ${r.label} | ${r.size} | ${r.loadStart} → ${r.loadEnd} | ${r.warm.warmupPairs} | ${fmt(mw(r.warm.float, "wallMs"))} (${fmt(mw(r.warm.float, "cpuMs"))}) | ${fmt(mw(r.warm.cert, "wallMs"))} (${fmt(mw(r.warm.cert, "cpuMs"))}) | ${median(r.warm.ratios).toFixed(2)}× | ${(mw(r.warm.cert, "cpuMs") / mw(r.warm.float, "cpuMs")).toFixed(2)}× | ${fmt(mw(r.cold.float, "wallMs"))} (${fmt(mw(r.cold.float, "cpuMs"))}) | ${fmt(mw(r.cold.cert, "wallMs"))} (${fmt(mw(r.cold.cert, "cpuMs"))}) | ${median(r.cold.ratios).toFixed(2)}× | ${r.certifiedBy} | ${r.exactValue} |`,
    );
  }
  L.push("");
  const peers = rows.filter((r) => r.peer !== null);
  if (peers.length > 0) {
    const answered = peers.filter((r) => typeof r.peer !== "string");
    const dis = peers.filter((r) => r.peerVerdict!.disagrees === true);
    L.push(`Peer: javascript-lp-solver ${peerVersion()} (devDependency; bench/honest-peer.ts) on the same model exported by \`lpModelToJson\` (numbers → nearest doubles), a fresh process per instance with a ${PEER_TIMEOUT_S} s limit, 3 solves in that process (cold = the first, warm = median of the others). Its value is compared with the certified exact value (relative tolerance 1e-6). It is a peer, never a judge. Disagreements: **${dis.length} of ${answered.length}** answered instances${answered.length < peers.length ? ` (${peers.length - answered.length} gave no answer)` : ""}.`);
    L.push("");
    L.push("| family | size | javascript-lp-solver warm wall | cold wall | warm / our certified warm | its value vs certified |");
    L.push("|---|---|---|---|---|---|");
    for (const r of peers) {
      const p = r.peer!;
      const cw = mw(r.warm.cert, "wallMs");
      L.push(typeof p === "string" ? `| ${r.family} | ${r.label} | — | — | — | ${p} |` : `| ${r.family} | ${r.label} | ${fmt(p.warmMs)} | ${fmt(p.coldMs)} | ${(p.warmMs / cw).toFixed(2)}× | ${r.peerVerdict!.text} |`);
    }
    L.push("");
  }
  const out = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
  let old = readFileSync(out, "utf8");
  // older sections of this bench: kept, marked superseded
  old = old.replace(/^## Honest bench, (\d{4}-\d{2}-\d{2}):(?! \(superseded)/gm, "## Honest bench, $1: (superseded by a later section below)");
  if (!old.includes(HONEST_MARK)) {
    const at = old.indexOf(SUITE_MARK);
    old = at >= 0 ? `${old.slice(0, at)}${HONEST_MARK}\n\n${old.slice(at)}` : `${old}\n${HONEST_MARK}\n\n`;
  }
  const at = old.indexOf(SUITE_MARK);
  const text = L.join("\n") + "\n";
  writeFileSync(out, at >= 0 ? old.slice(0, at) + text + "\n" + old.slice(at) : old + text);
  console.log(`wrote a new section into ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
