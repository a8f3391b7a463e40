/**
 * `npm run test:package`: the package as a user gets it (issue 13). Packs the repository (prepack
 * builds dist/), then in a fresh folder: `npm init -y`, `npm pkg set type=module`, `npm install
 * <tarball>`, and from the installed tarball only:
 * - plain `node` imports the root (and computes an exact result) and every subpath of the exports map,
 *   each with a named export (a subpath this script does not list fails it);
 * - plain `tsc` (module nodenext, strict, no special flags) type-checks a user file importing the root
 *   and one importing 8 subpaths — and rejects files misusing their types (negative controls: the
 *   types are real, not `any`);
 * - `npx mechcheck conjecture`: a true conjecture holds (exit 0), a false one is refuted (exit 1); a
 *   finite family with a declared parameter, `--param K=…`, `expect: "refuted"` (exit 0 when every value
 *   is refuted, 1 when one is not), an out-of-range `--param` is a one-line error (exit 2);
 * - `npx mechcheck report --html out/ <id> --runs 5`: the KaTeX stylesheet and fonts are copied into
 *   out/ (the installed package finds `katex`) and the page has typeset math; a second run into the
 *   non-empty out/ is refused (exit 2);
 * - `npx mechcheck check gibbard-satterthwaite-sat` (the SAT solver dependency);
 * - `npx mechcheck show <saved case> --format latex --standalone`: a whole LaTeX document;
 * - `npx mechcheck init my-conjectures` (again: a user's edit is kept), npm install there, then its
 *   vitest test, its tsc, its example conjecture with `--param`, its `expect: "refuted"` conjecture,
 *   and `show --standalone` on the case that conjecture saved.
 * Also checks the tarball holds dist/ and no tests, bench, CI, scripts or sources. Prints the
 * tarball's size and contents as the README's sentence; PACKAGE_TEST_README=1 writes it into README.md
 * between the `<!-- tarball -->` markers. Each step prints ok/FAIL with a one-line reason; any FAIL
 * exits 1. Not part of `npm test` (it packs and installs twice: about 4 minutes under load).
 * PACKAGE_TEST_PREBUILT=1 packs the dist/ already built; KEEP_PACKAGE_TEST=1 keeps the folder.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repo = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "mechcheck-package-"));
let failures = 0;
/** One exported name per exports-map subpath (a new subpath fails the script until it is listed here). */
const NAMED_EXPORT: Record<string, string> = {
  ".": "conjecture",
  "./auctions": "auctionDirectMechanism",
  "./trade": "bilateralTrade",
  "./public-goods": "budgetRange",
  "./budget-balance": "cavalloMechanism",
  "./beliefs": "addTradeColumns",
  "./ex-post": "bmConstruction",
  "./robust": "analyzeChungEly",
  "./design": "atlas",
  "./lp": "LpBuilder",
  "./exact": "exactJsonReplacer",
  "./concepts": "isNoDeficit",
  "./model": "singleObjectEnvironment",
  "./generators": "auctionEnvironment",
  "./mechanisms": "pivotMechanism",
  "./continuous": "Piecewise",
  "./instance": "parseInstance",
  "./implementability": "lpImplementable",
  "./social-choice": "dpllSatisfiable",
};
/** A command's output on one line (a failing step's reason). */
function oneLine(s: string, max = 300): string {
  const t = s.trim().replace(/\s*\n\s*/g, " | ");
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
/** The README's tarball sentence, from `npm pack --json`'s file list (sizes in kB of 1024 bytes). */
function tarballSummary(info: { filename: string; size: number; unpackedSize: number; files: { path: string }[] }): string {
  const paths = info.files.map((f) => f.path);
  const count = (re: RegExp): number => paths.filter((p) => re.test(p)).length;
  const version = /-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(info.filename)?.[1] ?? "?";
  const dist = count(/^dist\//);
  const parts = [
    `\`dist/\` (${dist}: ${count(/^dist\/.*\.js$/)} \`.js\`, ${count(/^dist\/.*\.d\.ts$/)} \`.d.ts\`, ${count(/^dist\/.*\.mjs$/)} \`.mjs\` worker entries)`,
    `\`counterexamples/\` (${count(/^counterexamples\//)}: the curated store)`,
    `\`bin/\` (${count(/^bin\//)})`,
    `\`schema/\` (${count(/^schema\//)})`,
    `\`docs/references.{bib,md}\``,
    "`README.md`, `package.json`",
  ];
  const other = paths.filter((p) => !/^(dist|counterexamples|bin|schema)\//.test(p) && !["docs/references.bib", "docs/references.md", "README.md", "package.json"].includes(p));
  if (other.length > 0) parts.push(other.map((p) => `\`${p}\``).join(", "));
  const kB = (n: number): string => `${Math.round(n / 1024)} kB`;
  return (
    `The tarball (version ${version}, measured by that script from \`npm pack --json\`): ${kB(info.size)} packed, ${kB(info.unpackedSize)} unpacked, ` +
    `${paths.length} files — ${parts.join(", ")}. Not inside: \`src/\`, \`test/\`, \`bench/\`, \`scripts/\`, \`.ci/\`, \`examples/\`, \`docs/\` other than the references (so not the API docs \`docs/api/\`).`
  );
}
/** Replace the README's text between `<!-- tarball -->` and `<!-- /tarball -->` (atomic: a temporary file renamed). */
function updateReadme(summary: string): void {
  const file = join(repo, "README.md");
  const text = readFileSync(file, "utf8");
  const m = /(<!-- tarball -->\n)[\s\S]*?(\n<!-- \/tarball -->)/.exec(text);
  if (!m) throw new Error("README.md has no <!-- tarball --> … <!-- /tarball --> markers");
  const next = text.slice(0, m.index) + m[1] + wrap(summary, 100) + m[2] + text.slice(m.index + m[0].length);
  const tmpFile = `${file}.${process.pid}.tmp`;
  writeFileSync(tmpFile, next, { flag: "wx" });
  renameSync(tmpFile, file);
  console.log("README.md: tarball figures updated");
}
/** Words wrapped into lines of at most `width` characters (the README's line length). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(" ")) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join("\n");
}
/** npm's EBADENGINE warnings in an install's output, one note line each (not a failure). */
function engineNotes(label: string, out: string): void {
  for (const m of out.matchAll(/EBADENGINE[\s\S]*?package: '([^']+)'[\s\S]*?required: \{ node: '([^']+)' \}/g)) {
    console.log(`note ${label}: EBADENGINE ${m[1]} requires node ${m[2]} (this is ${process.version}; mechcheck's engines say >=20)`);
  }
}
/** Every .json file under dir, sorted. */
function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).map((f) => join(dir, f)).sort();
}
function check(what: string, ok: boolean, detail = ""): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` — ${detail}` : ""}`);
  if (!ok) failures++;
}
function run(cmd: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  return { code: r.status ?? -1, out: (r.stdout ?? "") + (r.stderr ?? "") };
}

try {
  // 1. Pack (prepack runs the build).
  // PACKAGE_TEST_PREBUILT=1 packs the dist/ already built (npm pack --ignore-scripts: no prepack).
  const prebuilt = process.env.PACKAGE_TEST_PREBUILT === "1" ? ["--ignore-scripts"] : [];
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", ...prebuilt, "--pack-destination", tmp], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  const info = packed[0]!;
  const tarball = join(tmp, info.filename);
  const paths = info.files.map((f) => f.path);
  const top = new Map<string, number>();
  for (const p of paths) top.set(p.split("/")[0]!, (top.get(p.split("/")[0]!) ?? 0) + 1);
  console.log(`tarball ${info.filename}: ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked, ${paths.length} files: ${[...top].map(([d, n]) => `${d} (${n})`).join(", ")}`);
  check("the tarball holds the built entry dist/index.js and dist/index.d.ts", paths.includes("dist/index.js") && paths.includes("dist/index.d.ts"));
  check("the tarball holds the conjecture worker's plain-JS modules", paths.includes("dist/cli/conjectureWorker.mjs") && paths.includes("dist/cli/conjectureResolve.mjs"));
  const summary = tarballSummary(info);
  console.log(`README figures:\n${summary}`);
  if (process.env.PACKAGE_TEST_README === "1") updateReadme(summary);
  const isStray = (p: string): boolean => /^(test|bench|\.ci|scripts|src|examples|reports|\.mechcheck)\//.test(p) || /\.test\.(ts|js)$/.test(p) || (p.startsWith("docs/") && !/^docs\/references\.(bib|md)$/.test(p));
  check("negative control: that filter flags a test, a bench file, CI, a script and the API docs, not the references", ["test/a.test.ts", "bench/run.ts", ".ci/run", "scripts/x.ts", "docs/api/index.md"].every(isStray) && !isStray("docs/references.bib") && !isStray("dist/index.js"));
  const stray = paths.filter(isStray);
  check("no tests, bench, CI, scripts, sources, examples or docs (other than the references) in the tarball", stray.length === 0, stray.slice(0, 5).join(", "));

  // 2. A fresh user project.
  const proj = join(tmp, "project");
  mkdirSync(proj);
  for (const args of [["init", "-y"], ["pkg", "set", "type=module"], ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball]]) {
    const r = run("npm", args, proj);
    check(`npm ${args.slice(0, 2).join(" ")}`, r.code === 0, r.code === 0 ? "" : oneLine(r.out.slice(-400)));
    // A dependency whose engines exclude this Node fails a user's install under engine-strict (katex
    // 0.18/0.19 pulled in commander 15, node >= 22.12; katex is pinned to 0.17, whose commander 8 is fine).
    engineNotes(`npm ${args[0]}`, r.out);
    if (args[0] === "install") check("npm install: no EBADENGINE (every dependency supports this Node)", !/EBADENGINE/.test(r.out), "see the note lines above");
  }

  // 3. Plain node imports it and computes exactly.
  const script = `import("mechcheck").then(async (m) => {
    const a = await import("mechcheck/auctions");
    const s = m.qstr(m.q("1/3").add(m.q("1/6")));
    if (s !== "1/2") throw new Error("1/3 + 1/6 = " + s);
    if (typeof m.conjecture !== "function" || typeof m.fc.assert !== "function" || Object.keys(a).length === 0) throw new Error("exports missing");
    console.log("imported", Object.keys(m).length, "exports; 1/3 + 1/6 =", s);
  })`;
  const imp = run("node", ["-e", script], proj);
  check("plain node imports mechcheck and mechcheck/auctions", imp.code === 0, imp.out.trim().split("\n").slice(-2).join(" "));
  const deep = run("node", ["-e", `import("mechcheck/src/index.ts").then(() => process.exit(0), () => process.exit(7))`], proj);
  check("negative control: an unexported deep path does not import", deep.code === 7);

  // 4. Plain tsc, module nodenext and strict, no special flags.
  writeFileSync(join(proj, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true }, include: ["user.ts"] }, null, 2));
  const userTs = `import { conjecture, fc, q, qstr, type Q } from "mechcheck";
import * as auctions from "mechcheck/auctions";
const half: Q = q("1/2");
export const text: string = qstr(half);
export const n: number = Object.keys(auctions).length;
export default conjecture({ id: "user-sum", statement: "a + b = b + a", arbitrary: fc.tuple(fc.integer(), fc.integer()), check: ([a, b]) => q(a).add(q(b)).equals(q(b).add(q(a))) });
`;
  writeFileSync(join(proj, "user.ts"), userTs);
  const tsc = run(join(proj, "node_modules", ".bin", "tsc"), ["-p", "."], proj);
  check("plain tsc (nodenext, strict) type-checks a user file importing mechcheck", tsc.code === 0, tsc.out.trim().split("\n").slice(0, 5).join(" | "));
  writeFileSync(join(proj, "user.ts"), userTs + `export const wrong: number = q("1/2");\n`);
  const tscBad = run(join(proj, "node_modules", ".bin", "tsc"), ["-p", "."], proj);
  check("negative control: tsc rejects a misuse of mechcheck's types (a Q is not a number)", tscBad.code !== 0 && /TS2322/.test(tscBad.out), tscBad.out.trim().split("\n")[0] ?? "");
  writeFileSync(join(proj, "user.ts"), userTs);

  // 5. npx mechcheck conjecture in the user's folder.
  const holds = run("npx", ["mechcheck", "conjecture", "user.ts", "--runs", "50"], proj);
  check("npx mechcheck conjecture: a true conjecture holds (exit 0)", holds.code === 0 && /user-sum\s+holds/.test(holds.out), holds.out.trim().split("\n").slice(-3).join(" | "));
  writeFileSync(join(proj, "false.ts"), `import { conjecture, fc } from "mechcheck";\nexport default conjecture({ id: "user-false", statement: "x < 5", arbitrary: fc.integer({ min: 0, max: 10 }), check: (x) => x < 5 });\n`);
  const refuted = run("npx", ["mechcheck", "conjecture", "false.ts"], proj);
  check("negative control: a false conjecture is refuted (exit 1)", refuted.code === 1 && /user-false\s+refuted/.test(refuted.out), refuted.out.trim().split("\n").slice(-4).join(" | "));
  // A family with a parameter, checked exhaustively, expected refuted.
  writeFileSync(
    join(proj, "family.ts"),
    `import { conjecture } from "mechcheck";\nexport default conjecture({ id: "user-family", statement: "x·x ≠ K for x in 0..K", expect: "refuted", params: { K: { default: 4, min: 0, max: 100 } }, enumerate: function* ({ K }) { for (let x = 0; x <= K; x++) yield x; }, size: ({ K }) => K + 1, check: (x: number, { K }) => x * x !== K });\n`,
  );
  // K = 4 and 9 are squares (refuted, as expected); K = 5 is not: not refuted, so exit 1 and one NO row.
  const family = run("npx", ["mechcheck", "conjecture", "family.ts", "--param", "K=4,5,9"], proj);
  check(
    "npx mechcheck conjecture --param on a finite family: one row per value, expect refuted (exit 1: K=5 is not refuted)",
    family.code === 1 && /user-family\s+K=4\s+refuted/.test(family.out) && /user-family\s+K=5\s+not refuted\s+6\s+exhaustive \(all\)/.test(family.out) && /user-family\s+K=9\s+refuted/.test(family.out),
    family.out.trim().split("\n").slice(-3).join(" | "),
  );
  const squares = run("npx", ["mechcheck", "conjecture", "family.ts", "--param", "K=4,9"], proj);
  check("expect refuted, every value refuted: exit 0", squares.code === 0, squares.out.trim().split("\n").slice(-1).join(""));
  const cache = readdirSync(proj).includes(".mechcheck");
  check("the refutation was saved in the user's project cache .mechcheck/", cache);
  const badParam = run("npx", ["mechcheck", "conjecture", "family.ts", "--param", "K=101"], proj);
  check("negative control: --param out of the declared range is a one-line usage error (exit 2)", badParam.code === 2 && badParam.out.trim().split("\n").length === 1 && /K/.test(badParam.out), oneLine(badParam.out));

  // 6. Every subpath of the exports map imports with plain node and has a named export.
  const installedPkg = JSON.parse(readFileSync(join(proj, "node_modules", "mechcheck", "package.json"), "utf8")) as { exports: Record<string, unknown> };
  const subpaths = Object.keys(installedPkg.exports).filter((k) => k !== "./package.json");
  const missing = subpaths.filter((k) => !(k in NAMED_EXPORT));
  const stale = Object.keys(NAMED_EXPORT).filter((k) => !subpaths.includes(k));
  check(`the exports map's ${subpaths.length} subpaths are the ones this script checks`, missing.length === 0 && stale.length === 0, `unchecked: ${missing.join(", ") || "none"}; gone: ${stale.join(", ") || "none"}`);
  const importAll = `const want = ${JSON.stringify(NAMED_EXPORT)};
  let bad = [];
  for (const [sub, name] of Object.entries(want)) {
    const spec = sub === "." ? "mechcheck" : "mechcheck/" + sub.slice(2);
    try { const m = await import(spec); if (m[name] === undefined || Object.keys(m).length < 2) bad.push(spec + " lacks " + name); }
    catch (e) { bad.push(spec + ": " + String(e.message).split("\\n")[0]); }
  }
  console.log(bad.length === 0 ? "all " + Object.keys(want).length + " subpaths import" : bad.join("; "));
  process.exit(bad.length === 0 ? 0 : 1);`;
  writeFileSync(join(proj, "import-all.mjs"), importAll);
  const all = run("node", ["import-all.mjs"], proj);
  check("plain node (ESM) imports every exports-map subpath, each with its named export", all.code === 0, oneLine(all.out));

  // 7. Plain tsc on a user file importing several subpaths (types from each are real).
  const subTs = `import { q, type Q } from "mechcheck";
import { singleObjectEnvironment, type Environment } from "mechcheck/model";
import { pivotMechanism } from "mechcheck/mechanisms";
import { isNoDeficit } from "mechcheck/concepts";
import { lpImplementable, type OneAgentRule } from "mechcheck/implementability";
import { dpllSatisfiable, gsFormula } from "mechcheck/social-choice";
import { parseInstance, type Instance } from "mechcheck/instance";
import { LpBuilder } from "mechcheck/lp";
const env: Environment = singleObjectEnvironment([[0, 1], [0, 1, 2]]);
export const holds: boolean = isNoDeficit(env, pivotMechanism(env)).verdict === "holds";
const rule: OneAgentRule = { values: [[q(0), q(1)], [q(0), q(2)]], rule: [0, 1] };
export const implementable: boolean = lpImplementable(rule);
export const sat: boolean = dpllSatisfiable(gsFormula(3));
export const inst: (s: string) => Instance = (s) => parseInstance(s);
export const lp: unknown = LpBuilder;
export const one: Q = q(1);
`;
  writeFileSync(join(proj, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true }, include: ["subpaths.ts"] }, null, 2));
  writeFileSync(join(proj, "subpaths.ts"), subTs);
  const tscSub = run(join(proj, "node_modules", ".bin", "tsc"), ["-p", "."], proj);
  check("plain tsc (nodenext, strict) type-checks a user file importing 8 subpaths", tscSub.code === 0, oneLine(tscSub.out));
  writeFileSync(join(proj, "subpaths.ts"), subTs + `export const wrong: string = dpllSatisfiable(gsFormula(2));\n`);
  const tscSubBad = run(join(proj, "node_modules", ".bin", "tsc"), ["-p", "."], proj);
  check("negative control: tsc rejects a misuse of a subpath's types (mechcheck/social-choice returns a boolean)", tscSubBad.code !== 0 && /TS2322/.test(tscSubBad.out), oneLine(tscSubBad.out));
  writeFileSync(join(proj, "subpaths.ts"), subTs);

  // 8. The HTML report from the installed package: the KaTeX stylesheet and fonts are found and copied.
  // An id whose statement has formulas and whose page has exact numbers (typeset by KaTeX), fast at --runs 5.
  const REPORT_ID = "ce-trade-deficit";
  const rep = run("npx", ["mechcheck", "report", "--html", "out", REPORT_ID, "--runs", "5"], proj);
  const outDir = join(proj, "out");
  const fonts = existsSync(join(outDir, "katex", "fonts")) ? readdirSync(join(outDir, "katex", "fonts")) : [];
  const indexHtml = existsSync(join(outDir, "index.html")) ? readFileSync(join(outDir, "index.html"), "utf8") : "";
  check(
    "npx mechcheck report --html out/: index.html links katex/katex.min.css, which is there with its fonts",
    rep.code === 0 && indexHtml.includes("katex/katex.min.css") && existsSync(join(outDir, "katex", "katex.min.css")) && fonts.some((f) => f.endsWith(".woff2")),
    rep.code === 0 ? `${fonts.length} font files` : oneLine(rep.out),
  );
  const page = existsSync(join(outDir, `${REPORT_ID}.html`)) ? readFileSync(join(outDir, `${REPORT_ID}.html`), "utf8") : "";
  check(`the report's page ${REPORT_ID}.html holds KaTeX-rendered math, with no KaTeX error`, /class="katex"/.test(page) && !/katex-error/.test(page), `${(page.match(/class="katex"/g) ?? []).length} formulas`);
  const repAgain = run("npx", ["mechcheck", "report", "--html", "out", REPORT_ID, "--runs", "5"], proj);
  check("negative control: report --html into the non-empty out/ is refused (exit 2), nothing overwritten", repAgain.code === 2 && repAgain.out.trim().split("\n").length === 1, oneLine(repAgain.out));

  // The built CLI's runtime dependencies (logic-solver's SAT solver here; HiGHS in the report above).
  const sat = run("npx", ["mechcheck", "check", "gibbard-satterthwaite-sat", "--runs", "5", "--no-save"], proj);
  check("npx mechcheck check gibbard-satterthwaite-sat (the npm SAT solver logic-solver, from dependencies) holds", sat.code === 0 && /gibbard-satterthwaite-sat\s+example\s.*\sholds\s/.test(sat.out), oneLine(sat.out.trim().split("\n").slice(-1).join("")));

  // 9. show --format latex --standalone on a saved case (a curated one shipped in the package).
  const curated = join(proj, "node_modules", "mechcheck", "counterexamples");
  const caseDir = readdirSync(curated, { withFileTypes: true }).find((d) => d.isDirectory() && readdirSync(join(curated, d.name)).some((f) => f.endsWith(".json")));
  const caseFile = caseDir ? join(curated, caseDir.name, readdirSync(join(curated, caseDir.name)).find((f) => f.endsWith(".json"))!) : "";
  const show = run("npx", ["mechcheck", "show", caseFile, "--format", "latex", "--standalone"], proj);
  check("npx mechcheck show <saved case> --format latex --standalone: a whole LaTeX document", show.code === 0 && /^\\documentclass/.test(show.out) && /\\begin\{document\}/.test(show.out) && /\\end\{document\}\s*$/.test(show.out), show.code === 0 ? caseFile.slice(curated.length + 1) : oneLine(show.out));
  const showBad = run("npx", ["mechcheck", "show", caseFile, "--format", "latex", "--standalone", "--max-rows", "0"], proj);
  check("negative control: show --max-rows 0 is a one-line usage error (exit 2)", showBad.code === 2 && showBad.out.trim().split("\n").length === 1, oneLine(showBad.out));

  // 10. npx mechcheck init in a subfolder, then its test, its conjectures, and its tsc.
  const init = run("npx", ["mechcheck", "init", "my-conjectures"], proj);
  const sub = join(proj, "my-conjectures");
  check("npx mechcheck init my-conjectures scaffolds a project", init.code === 0 && existsSync(join(sub, "package.json")) && existsSync(join(sub, "test", "pivot.test.ts")), oneLine(init.out));
  const edited = `${readFileSync(join(sub, "README.md"), "utf8")}\nThe user's own notes.\n`;
  writeFileSync(join(sub, "README.md"), edited);
  const initAgain = run("npx", ["mechcheck", "init", "my-conjectures"], proj);
  check("init again keeps every existing file (a user's edit survives)", initAgain.code === 0 && /kept/.test(initAgain.out) && readFileSync(join(sub, "README.md"), "utf8") === edited, oneLine(initAgain.out));
  // Its package.json names mechcheck ^version (not on the registry from here): install the tarball, and vitest.
  const subInstall = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], sub);
  engineNotes("npm install (scaffolded project)", subInstall.out);
  check("npm install in the scaffolded project (the tarball, and vitest)", subInstall.code === 0 && existsSync(join(sub, "node_modules", ".bin", "vitest")), oneLine(subInstall.out));
  const vt = run("npx", ["vitest", "run"], sub);
  check("the scaffolded project's test passes (npx vitest run)", vt.code === 0 && /1 passed/.test(vt.out), oneLine(vt.out.split("\n").filter((l) => /Tests|FAIL|Error/.test(l)).join(" ")));
  const subTsc = run(join(sub, "node_modules", ".bin", "tsc"), ["-p", "."], sub);
  check("the scaffolded project type-checks (tsc -p .)", subTsc.code === 0, oneLine(subTsc.out));
  const ex = run("npx", ["mechcheck", "conjecture", "conjectures/pivot-no-deficit.ts", "--param", "agents=1..2", "--runs", "30"], sub);
  check("its example conjecture holds with --param agents=1..2 (exit 0, one row per value)", ex.code === 0 && /pivot-no-deficit\s+agents=1\s+holds/.test(ex.out) && /pivot-no-deficit\s+agents=2\s+holds/.test(ex.out), oneLine(ex.out.trim().split("\n").slice(-3).join(" | ")));
  const bb = run("npx", ["mechcheck", "conjecture", "conjectures/pivot-budget-balance.ts", "--param", "K=1..2"], sub);
  check('its expect: "refuted" conjecture is refuted (exit 0)', bb.code === 0 && /pivot-budget-balance/.test(bb.out), oneLine(bb.out.trim().split("\n").slice(-3).join(" | ")));
  const saved = listJson(join(sub, ".mechcheck"));
  const showSaved = saved[0] ? run("npx", ["mechcheck", "show", saved[0], "--format", "latex", "--standalone"], sub) : { code: -1, out: "no case saved under .mechcheck/" };
  check("show --format latex --standalone on the case that conjecture saved", showSaved.code === 0 && /\\end\{document\}\s*$/.test(showSaved.out), showSaved.code === 0 ? saved[0]!.slice(sub.length + 1) : oneLine(showSaved.out));
} catch (e) {
  check("the package test ran to its end", false, oneLine(e instanceof Error ? e.message : String(e)));
} finally {
  if (process.env.KEEP_PACKAGE_TEST !== "1") rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}
console.log(failures === 0 ? "package test: ok" : `package test: ${failures} FAILED`);
process.exitCode = failures === 0 ? 0 : 1;
