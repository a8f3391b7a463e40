/**
 * `npm run bench` (not a test): float-only HiGHS vs the certified path (`solveWithStats`: HiGHS
 * proposes a basis, exact LU certifies, `verify` re-checks) vs the pure exact simplex, on the LP
 * families of [BrooksExPost2023] (bench/families.ts). Writes bench/RESULTS.md.
 *
 * Timing rules: HiGHS's WebAssembly is loaded and warmed first; float and certified times are the
 * median of RUNS runs, each on a freshly built model object (so no per-model cache is reused);
 * the exact simplex runs once with a deadline and is reported as "timeout at Ns" when it hits it.
 * Options: --runs N (default 5), --deadline S (exact simplex, default 120), --no-exact.
 */
import { cpus, loadavg, platform, release } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMechcheckError } from "../src/errors.ts";
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import { exactSimplex } from "../src/lp/exactSimplex.ts";
import type { LpModel, LpResult } from "../src/lp/model.ts";
import { loadLpEngine, solveWithStats, type SolveStats } from "../src/lp/solve.ts";
import { verify } from "../src/lp/verify.ts";
import { benchInstances } from "./families.ts";
import { HONEST_MARK, SUITE_MARK } from "./marks.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : dflt;
};
const RUNS = opt("--runs", 5);
const DEADLINE_S = opt("--deadline", 120);
const NO_EXACT = args.includes("--no-exact");
const BUDGET_MS = 10 * 60 * 1000;

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const valueOf = (r: LpResult) => (r.status === "optimal" ? r.value.toFraction() : r.status);
const short = (s: string) => (s.length > 24 ? `${s.slice(0, 21)}…` : s);

interface Row {
  family: string;
  label: string;
  seed: string;
  size: string;
  buildMs: number;
  floatMs: number;
  floatStatus: string;
  certMs: number;
  certStats: SolveStats;
  certifiedBy: string;
  value: string;
  exact: string;
  exactMs: number | null;
  exactAgrees: string;
}

const loadAtStart = loadavg();

async function main() {
  const started = performance.now();
  const engine = await loadHighs();
  await loadLpEngine();
  // Warm the WebAssembly and the JIT on a small instance of each family.
  for (const inst of benchInstances().filter((i) => i.label.startsWith("n=2, K=5") || i.label.startsWith("6×6"))) {
    const m = inst.build();
    engine.propose(m, DEFAULT_SETTINGS);
    solveWithStats(m);
  }

  const rows: Row[] = [];
  for (const inst of benchInstances()) {
    const tb = performance.now();
    const models: LpModel[] = [];
    for (let r = 0; r < RUNS; r++) models.push(inst.build());
    const buildMs = (performance.now() - tb) / RUNS;
    const m0 = models[0]!;
    const size = `${m0.rows.length} × ${m0.variables.length}`;

    const floats: number[] = [];
    let floatStatus = "";
    for (const m of models) {
      const t = performance.now();
      const p = engine.propose(m, DEFAULT_SETTINGS);
      floats.push(performance.now() - t);
      floatStatus = p.rawStatus;
    }

    const certs: { ms: number; stats: SolveStats; result: LpResult }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const m = inst.build(); // fresh object: the certifier's per-model cache is not reused
      const t = performance.now();
      const { result, stats } = solveWithStats(m);
      certs.push({ ms: performance.now() - t, stats, result });
    }
    certs.sort((a, b) => a.ms - b.ms);
    const mid = certs[certs.length >> 1]!;
    const certified = mid.result;

    let exact = "not run";
    let exactMs: number | null = null;
    let exactAgrees = "";
    const elapsed = performance.now() - started;
    if (inst.exactSimplex && !NO_EXACT) {
      if (elapsed + DEADLINE_S * 1000 > BUDGET_MS) {
        exact = "skipped (time budget)";
      } else {
        const m = inst.build();
        const t = performance.now();
        try {
          const r = exactSimplex(m, { deadlineMs: DEADLINE_S * 1000 });
          exactMs = performance.now() - t;
          exact = fmt(exactMs);
          const ok = verify(m, r).ok;
          exactAgrees = ok && valueOf(r) === valueOf(certified) ? "yes" : `NO (${valueOf(r)}, verify ${ok})`;
        } catch (e) {
          if (isMechcheckError(e) && e.code === "simplex-limit") exact = `timeout at ${DEADLINE_S} s`;
          else exact = `error: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    }
    const row: Row = {
      family: inst.family,
      label: inst.label,
      seed: inst.seed,
      size,
      buildMs,
      floatMs: median(floats),
      floatStatus,
      certMs: mid.ms,
      certStats: mid.stats,
      certifiedBy: certified.trace?.certifiedBy ?? "?",
      value: valueOf(certified),
      exact,
      exactMs,
      exactAgrees,
    };
    rows.push(row);
    const s = row.certStats;
    console.log(
      `${row.family} ${row.label}: ${size}; float ${fmt(row.floatMs)} (${floatStatus}); certified ${fmt(row.certMs)} ` +
        `[float ${fmt(s.floatMs)}, certify ${fmt(s.certifyMs)} (LU ${fmt(s.luMs)}), exact simplex ${fmt(s.exactSimplexMs)}, verify ${fmt(s.verifyMs)}] by ${row.certifiedBy}; ` +
        `exact simplex ${exact}; value ${short(row.value)}`,
    );
  }
  const totalS = (performance.now() - started) / 1000;
  writeResults(rows, totalS);
}

function writeResults(rows: Row[], totalS: number) {
  const cpu = cpus();
  const lines: string[] = [];
  lines.push("# Benchmark results");
  lines.push("");
  lines.push(`Generated by \`npm run bench\` (\`tsx bench/run.ts${args.length ? " " + args.join(" ") : ""}\`) on ${new Date().toISOString()}.`);
  lines.push(`Machine: ${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} logical cores visible), ${platform()} ${release()}, Node ${process.version}. Whole run: ${totalS.toFixed(0)} s.`);
  const la = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" / ");
  lines.push(`Load average (1/5/15 min) at start ${la(loadAtStart)}, at end ${la(loadavg())}: other processes shared the cores, so single timings are noisy; every ratio compares times taken in this one run.`);
  lines.push("");
  lines.push(`Times: float = HiGHS alone (\`engine.propose\`, default settings, includes the exact→float model conversion), median of ${RUNS};`);
  lines.push(`certified = \`solveWithStats\` (HiGHS proposes, exact sparse LU certifies, \`verify\` re-checks), median of ${RUNS}, each on a freshly built model;`);
  lines.push(`exact simplex = \`exactSimplex\` alone, one run, deadline ${DEADLINE_S} s. Model building is not in any of these times (listed separately).`);
  lines.push("");
  lines.push("| family | size | seed | rows × cols | build | float | certified | certified / float | exact simplex | exact / certified | value | by |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const exRatio = r.exactMs !== null ? ratio(r.exactMs, r.certMs) : r.exact.startsWith("timeout") ? `> ${ratio(DEADLINE_S * 1000, r.certMs)}` : "";
    lines.push(
      `| ${r.family} | ${r.label} | ${r.seed} | ${r.size} | ${fmt(r.buildMs)} | ${fmt(r.floatMs)} | ${fmt(r.certMs)} | ${ratio(r.certMs, r.floatMs)} | ${r.exact}${r.exactAgrees && r.exactAgrees !== "yes" ? ` ${r.exactAgrees}` : ""} | ${exRatio} | ${short(r.value)} | ${r.certifiedBy} |`,
    );
  }
  lines.push("");
  lines.push("## Where the certified time goes (the median run)");
  lines.push("");
  lines.push("The last column is the certification overhead alone, (certify + verify) / float-alone median: the certified path's own HiGHS run varies as much as the float runs do.");
  lines.push("");
  lines.push("| family | size | float engine | certify (of which LU) | exact-simplex fallback | verify | total | (certify + verify) / float |");
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const s = r.certStats;
    lines.push(`| ${r.family} | ${r.label} | ${fmt(s.floatMs)} | ${fmt(s.certifyMs)} (${fmt(s.luMs)}) | ${fmt(s.exactSimplexMs)} | ${fmt(s.verifyMs)} | ${fmt(s.totalMs)} | ${ratio(s.certifyMs + s.verifyMs, r.floatMs)} |`);
  }
  lines.push("");
  const find = (fam: string, label: string) => rows.find((r) => r.family.startsWith(fam) && r.label === label);
  const target = (name: string, r: Row | undefined, limit: number) =>
    r ? `- ${name}: certified / float = ${ratio(r.certMs, r.floatMs)} (target ≤ ${limit}×): ${r.certMs / r.floatMs <= limit ? "met" : "NOT met"}` : `- ${name}: not measured`;
  lines.push("## Targets");
  lines.push("");
  lines.push(target("(P) n=2, K=20", find("(P)", "n=2, K=20"), 1.5));
  lines.push(target("(P) n=3, K=10", find("(P)", "n=3, K=10"), 1.5));
  for (const r of rows.filter((x) => x.family === "trade with IC, common-prior" && x.label.startsWith("6×6"))) {
    lines.push(target(`trade with IC, common prior, 6×6 types, 3 states (${r.seed})`, r, 3));
  }
  const p10 = find("(P)", "n=2, K=10");
  if (p10) {
    lines.push(
      `- (P) n=2, K=10: exact simplex / certified = ${p10.exactMs !== null ? ratio(p10.exactMs, p10.certMs) : p10.exact.startsWith("timeout") ? `> ${ratio(DEADLINE_S * 1000, p10.certMs)} (exact simplex ${p10.exact})` : p10.exact}`,
    );
  }
  lines.push("");
  const out = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
  // Keep the theorem-suite section that bench/suite.ts maintains.
  let kept = "";
  try {
    const old = readFileSync(out, "utf8");
    // (and the dated sections of bench/honest.ts, which sit just before it)
    const honest = old.indexOf(HONEST_MARK);
    const at = honest >= 0 ? honest : old.indexOf(SUITE_MARK);
    if (at >= 0) kept = "\n" + old.slice(at);
  } catch {
    // first run
  }
  writeFileSync(out, lines.join("\n") + kept);
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
