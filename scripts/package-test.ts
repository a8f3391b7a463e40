/**
 * `npm run test:package`: the package as a user gets it (issue 13). Packs the repository (prepack
 * builds dist/), then in a fresh folder: `npm init -y`, `npm pkg set type=module`, `npm install
 * <tarball>`; plain `node` imports it (root and a subject subpath) and computes an exact result;
 * plain `tsc` (module nodenext, strict, no special flags) type-checks a user file importing it — and
 * rejects a file misusing its types (negative control: the types are real, not `any`); `npx mechcheck
 * conjecture` runs a user conjecture there (a true one holds, exit 0; a false one is refuted, exit 1).
 * Also checks the tarball holds dist/ and no tests, bench, CI or scripts. Prints the tarball's size
 * and contents summary. Not part of `npm test` (it packs and installs: about a minute or more).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repo = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "mechcheck-package-"));
let failures = 0;
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
  const stray = paths.filter((p) => /^(test|bench|\.ci|scripts|src|examples|reports)\//.test(p) || /\.test\.(ts|js)$/.test(p));
  check("no tests, bench, CI, scripts or sources in the tarball", stray.length === 0, stray.slice(0, 5).join(", "));

  // 2. A fresh user project.
  const proj = join(tmp, "project");
  mkdirSync(proj);
  for (const args of [["init", "-y"], ["pkg", "set", "type=module"], ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball]]) {
    const r = run("npm", args, proj);
    check(`npm ${args.slice(0, 2).join(" ")}`, r.code === 0, r.code === 0 ? "" : r.out.slice(-400));
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
  console.log(`(the refutation was saved under ${cache ? ".mechcheck/" : "no .mechcheck/ folder"} in the user's project)`);
} finally {
  if (process.env.KEEP_PACKAGE_TEST !== "1") rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}
console.log(failures === 0 ? "package test: ok" : `package test: ${failures} FAILED`);
process.exitCode = failures === 0 ? 0 : 1;
