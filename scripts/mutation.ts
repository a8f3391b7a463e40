// npm run mutation [-- <folder>… ] [--files <glob,glob>] [--report-only] [--survivors]
//
// Mutation testing of the core with StrykerJS (stryker.config.mjs, vitest.mutation.config.ts),
// sharded by folder: one Stryker run per folder of src/ (exact, store, concepts, mechanisms, lp by
// default, in that order), each with only that folder's tests. Runs are resumable: Stryker's
// incremental mode keeps one file per folder (reports/mutation/<folder>.incremental.json), so a
// re-run only re-tests mutants whose code or covering tests changed.
//
// Each folder's score is printed and written to reports/mutation/summary.md. Mutants argued
// equivalent (no observable behaviour change) are listed with their reasons in
// test/mutation/equivalents.json and reported both in and out of the score.
//
//   --files <globs>   mutate only these files (comma-separated globs, within one folder)
//   --force           re-test every mutant (incremental mode reuses old results, also those of
//                     static mutants, which new tests may kill: use it for the recorded scores)
//   --tests <globs>   run only these test files (comma-separated globs) against the mutants
//   --ignore-static   skip static mutants (reported as Ignored, outside the score)
//   --report-only     do not run Stryker; summarise the existing reports
//   --survivors       also print every surviving / uncovered mutant not argued equivalent
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const FOLDERS = ["exact", "store", "concepts", "mechanisms", "lp"] as const;
type Folder = (typeof FOLDERS)[number];

interface Location { start: { line: number; column: number }; end: { line: number; column: number } }
interface Mutant { id: string; mutatorName: string; replacement?: string; status: string; location: Location }
interface Report { files: Record<string, { source: string; mutants: Mutant[] }> }
interface Equivalent { file: string; mutator: string; original: string; replacement: string; line?: number; reason: string }

interface Score {
  folder: string;
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  ignored: number;
  equivalent: number;
  score: number;
  scoreExclEquivalent: number;
  seconds?: number;
}

function parseArgs(argv: string[]) {
  const folders: Folder[] = [];
  let files: string | undefined;
  let tests: string | undefined;
  let reportOnly = false;
  let survivors = false;
  let force = false;
  let ignoreStatic = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--files") files = argv[++i];
    else if (a === "--tests") tests = argv[++i];
    else if (a === "--report-only") reportOnly = true;
    else if (a === "--survivors") survivors = true;
    else if (a === "--force") force = true;
    else if (a === "--ignore-static") ignoreStatic = true;
    else if ((FOLDERS as readonly string[]).includes(a)) folders.push(a as Folder);
    else {
      console.error(`mutation: unknown argument ${JSON.stringify(a)} (folders: ${FOLDERS.join(", ")}; flags: --files, --tests, --force, --ignore-static, --report-only, --survivors)`);
      process.exit(2);
    }
  }
  if (files !== undefined && folders.length !== 1) {
    console.error("mutation: --files needs exactly one folder");
    process.exit(2);
  }
  return { folders: folders.length > 0 ? folders : [...FOLDERS], files, reportOnly, survivors, force, ignoreStatic, tests };
}

/** The source text a mutant replaces (report locations: 1-based lines and columns, end exclusive). */
function originalText(source: string, loc: Location): string {
  const lines = source.split("\n");
  const a = loc.start.column - 1;
  const b = loc.end.column - 1;
  if (loc.start.line === loc.end.line) return lines[loc.start.line - 1]!.slice(a, b);
  const parts = [lines[loc.start.line - 1]!.slice(a)];
  for (let l = loc.start.line; l < loc.end.line - 1; l++) parts.push(lines[l]!);
  parts.push(lines[loc.end.line - 1]!.slice(0, b));
  return parts.join("\n");
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function isEquivalent(eqs: Equivalent[], file: string, m: Mutant, original: string): Equivalent | undefined {
  return eqs.find(
    (e) =>
      e.file === file &&
      e.mutator === m.mutatorName &&
      squash(e.original) === squash(original) &&
      squash(e.replacement) === squash(m.replacement ?? "") &&
      (e.line === undefined || e.line === m.location.start.line),
  );
}

function summarise(folder: string, eqs: Equivalent[], printSurvivors: boolean): Score | undefined {
  const path = `reports/mutation/${folder}.json`;
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, "utf8")) as Report;
  const s: Score = { folder, mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0, equivalent: 0, score: 0, scoreExclEquivalent: 0 };
  const open: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      s.mutants++;
      switch (m.status) {
        case "Killed": s.killed++; break;
        case "Timeout": s.timeout++; break;
        case "Survived": s.survived++; break;
        case "NoCoverage": s.noCoverage++; break;
        case "Ignored": s.ignored++; break;
        default: s.errors++; // CompileError, RuntimeError: not in the score (Stryker's convention)
      }
      if (m.status === "Survived" || m.status === "NoCoverage") {
        const original = originalText(source, m.location);
        if (isEquivalent(eqs, file, m, original)) s.equivalent++;
        else open.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${squash(original).slice(0, 120)}  ->  ${squash(m.replacement ?? "").slice(0, 120)}`);
      }
    }
  }
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  s.score = valid === 0 ? 100 : (100 * detected) / valid;
  s.scoreExclEquivalent = valid - s.equivalent === 0 ? 100 : (100 * detected) / (valid - s.equivalent);
  if (printSurvivors) {
    console.log(`\n${folder}: ${open.length} mutants survive that are not argued equivalent`);
    for (const line of open) console.log("  " + line);
  }
  return s;
}

function table(scores: Score[]): string {
  const head = "| folder | mutants | killed | timeout | survived | no coverage | errors | ignored (static) | equivalent | score | score excl. equivalent | wall time |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const rows = scores.map(
    (s) =>
      `| src/${s.folder} | ${s.mutants} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.errors} | ${s.ignored} | ${s.equivalent} | ${s.score.toFixed(2)}% | ${s.scoreExclEquivalent.toFixed(2)}% | ${s.seconds === undefined ? "–" : `${Math.round(s.seconds)} s`} |`,
  );
  return [head, ...rows].join("\n");
}

const { folders, files, reportOnly, survivors, force, ignoreStatic, tests } = parseArgs(process.argv.slice(2));
const eqs = JSON.parse(readFileSync("test/mutation/equivalents.json", "utf8")) as Equivalent[];
mkdirSync("reports/mutation", { recursive: true });
const scores: Score[] = [];
let failed = false;
for (const folder of folders) {
  let seconds: number | undefined;
  if (!reportOnly) {
    console.log(`\n=== mutation: src/${folder}${files ? ` (${files})` : ""} ===`);
    const t0 = Date.now();
    const r = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", ...(force ? ["--force"] : [])], {
      stdio: "inherit",
      env: { ...process.env, MUTATION_FOLDER: folder, ...(files ? { MUTATION_FILES: files } : {}), ...(ignoreStatic ? { MUTATION_IGNORE_STATIC: "1" } : {}), ...(tests ? { MUTATION_TEST_FILES: tests } : {}) },
    });
    seconds = (Date.now() - t0) / 1000;
    if (r.status !== 0) {
      console.error(`mutation: Stryker failed on src/${folder} (exit ${r.status})`);
      failed = true;
      continue;
    }
  }
  const s = summarise(folder, eqs, survivors);
  if (s) scores.push({ ...s, seconds });
  else console.error(`mutation: no report for src/${folder} (run it first)`);
}
const out = table(scores);
console.log("\n" + out);
writeFileSync("reports/mutation/summary.md", out + "\n");
// The argued equivalents of the folders summarised, with their reasons (for bench/RESULTS.md).
const cell = (t: string, max = Infinity) => t.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, max);
const eqRows = eqs
  .filter((e) => folders.some((f) => e.file.startsWith(`src/${f}/`)))
  .map((e) => `| \`${e.file}\`${e.line === undefined ? "" : `:${e.line}`} | ${e.mutator} | \`${cell(e.original, 160)}\` → \`${cell(e.replacement, 160)}\` | ${cell(e.reason)} |`);
writeFileSync(
  "reports/mutation/equivalents.md",
  ["| file | mutator | mutant | why no behaviour changes |", "|---|---|---|---|", ...eqRows].join("\n") + "\n",
);
process.exit(failed ? 1 : 0);
