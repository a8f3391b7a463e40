/**
 * The package's shape (issue 13), fast enough for `npm test` (the full pack-and-install run is
 * `npm run test:package`): every `exports` entry maps its source (repository) to its built JS and
 * declarations (installed package) consistently; every module of a subject folder is in its public
 * index; `files` ships no tests, bench, CI or scripts; the runtime dependencies are complete.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

type Entry = string | Record<string, string>;

/** What is wrong with one `exports` entry (empty when it is right). */
function entryProblems(key: string, e: Entry): string[] {
  if (key === "./package.json") return e === "./package.json" ? [] : [`${key}: should map to itself`];
  if (typeof e !== "object") return [`${key}: should have conditions, not ${JSON.stringify(e)}`];
  const out: string[] = [];
  const src = e["mechcheck-source"];
  if (!src || !/^\.\/src\/.*index\.ts$/.test(src)) out.push(`${key}: mechcheck-source should be ./src/…/index.ts, got ${src}`);
  else {
    if (!existsSync(join(root, src))) out.push(`${key}: ${src} does not exist`);
    const dist = src.replace(/^\.\/src\//, "./dist/");
    if (e.types !== dist.replace(/\.ts$/, ".d.ts")) out.push(`${key}: types should be ${dist.replace(/\.ts$/, ".d.ts")}, got ${e.types}`);
    if (e.default !== dist.replace(/\.ts$/, ".js")) out.push(`${key}: default should be ${dist.replace(/\.ts$/, ".js")}, got ${e.default}`);
  }
  if (Object.keys(e)[0] !== "mechcheck-source" || Object.keys(e).at(-1) !== "default") out.push(`${key}: conditions should run mechcheck-source … default`);
  return out;
}

/** Folders whose index re-exports every module (lp and exact export a chosen subset). */
const WHOLE = ["auctions", "trade", "publicGoods", "budgetBalance", "beliefs", "exPost", "robust", "design", "model", "mechanisms", "continuous", "implementability", "socialChoice"];

describe("the package", () => {
  it("maps every export's source to its built JS and declarations", () => {
    const problems = Object.entries(pkg.exports as Record<string, Entry>).flatMap(([k, e]) => entryProblems(k, e));
    expect(problems).toEqual([]);
    for (const sub of ["./auctions", "./trade", "./public-goods", "./budget-balance", "./beliefs", "./ex-post", "./robust", "./design", "./lp", "./exact", "./concepts", "./model", "./generators", "./implementability", "./social-choice"]) expect(Object.keys(pkg.exports)).toContain(sub);
    // Negative controls: the checker rejects a missing file, a mismatched build path and a bare string.
    expect(entryProblems("./x", { "mechcheck-source": "./src/nowhere/index.ts", types: "./dist/nowhere/index.d.ts", default: "./dist/nowhere/index.js" })).toHaveLength(1);
    expect(entryProblems("./x", { "mechcheck-source": "./src/lp/index.ts", types: "./dist/lp/index.d.ts", default: "./dist/lp/main.js" })).toHaveLength(1);
    expect(entryProblems("./x", "./src/index.ts")).toHaveLength(1);
  });

  it("every subject folder of src/ is a public entry (the internal ones are named)", () => {
    /** Folders that are the application, not the library: the catalogue, runner, store, reports and CLI. */
    const INTERNAL = ["catalogue", "cli", "format", "report", "store", "studies", "theorem"];
    const entries = Object.values(pkg.exports as Record<string, Entry>).flatMap((e) => (typeof e === "object" ? [e["mechcheck-source"]!] : []));
    const unexported = (folders: string[], sources: string[]) => folders.filter((d) => !INTERNAL.includes(d) && !sources.includes(`./src/${d}/index.ts`));
    const folders = readdirSync(join(root, "src"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(unexported(folders, entries), "add an exports entry for the folder's index.ts").toEqual([]);
    // Negative control: without the social-choice entry the folder is reported.
    expect(unexported(folders, entries.filter((s) => !s.includes("socialChoice")))).toEqual(["socialChoice"]);
  });

  it("every module of a subject folder is in its public index", () => {
    const missing: string[] = [];
    for (const d of WHOLE) {
      const index = readFileSync(join(root, "src", d, "index.ts"), "utf8");
      for (const f of readdirSync(join(root, "src", d)).filter((f) => f.endsWith(".ts") && f !== "index.ts")) if (!index.includes(`"./${f}"`)) missing.push(`src/${d}/${f}`);
    }
    expect(missing, "add `export * from \"./file.ts\";` to the folder's index.ts").toEqual([]);
  });

  it("each public entry imports and exports something", async () => {
    for (const [k, e] of Object.entries(pkg.exports as Record<string, Entry>)) {
      if (typeof e !== "object") continue;
      const m = await import(join(root, e["mechcheck-source"]!));
      expect(Object.keys(m).length, k).toBeGreaterThan(0);
    }
  });

  it("ships no tests, bench, CI or scripts, and declares its runtime dependencies", () => {
    const files: string[] = pkg.files;
    expect(files).toContain("dist");
    expect(files).toContain("bin");
    expect(files.filter((f) => /^(test|bench|\.ci|scripts|src|examples)(\/|$)/.test(f))).toEqual([]);
    for (const dep of ["fast-check", "fraction.js", "highs", "tsx", "typescript"]) expect(Object.keys(pkg.dependencies), dep).toContain(dep);
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(existsSync(join(root, pkg.bin.mechcheck))).toBe(true);
  });
});
