/**
 * docs/api (the TypeDoc reference, `npm run api`) is not stale (issue 13), checked without running
 * TypeDoc: every exports-map entry has its page, every name it exports has an entry (a level-3
 * heading) on that page, and every entry of a page is still exported. A re-exported dependency
 * (`fc`, fast-check) is not documented by TypeDoc; its page must name it in the module comment.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiSurface, exportEntries, ROOT, type ApiExport } from "../support/apiSurface.ts";

const API = join(ROOT, "docs", "api");

/** The page of an exports-map subpath: "." → mechcheck.md, "./public-goods" → mechcheck.public-goods.md. */
export function pageOf(entry: string): string {
  return entry === "." ? "mechcheck.md" : `mechcheck.${entry.slice(2)}.md`;
}

/** The top-level entries of a page: its level-3 headings, Markdown escapes and "()" removed. */
export function pageEntries(markdown: string): string[] {
  return markdown
    .split("\n")
    .filter((l) => l.startsWith("### "))
    .map((l) => l.slice(4).trim().replace(/\\(.)/g, "$1").replace(/\(\)$/, ""));
}

/** What is stale: exports without an entry on their page, and entries no longer exported. */
export function staleness(surface: readonly ApiExport[], pages: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const byPage = new Map<string, ApiExport[]>();
  for (const e of surface) {
    const p = pageOf(e.entry);
    if (!byPage.has(p)) byPage.set(p, []);
    byPage.get(p)!.push(e);
  }
  for (const [page, exps] of byPage) {
    const md = pages.get(page);
    if (md === undefined) {
      out.push(`${page}: missing (entry ${exps[0]!.entry})`);
      continue;
    }
    const entries = new Set(pageEntries(md));
    for (const e of exps) {
      if (entries.has(e.name)) continue;
      if (e.kind === "namespace" && md.includes(`\`${e.name}\``)) continue; // a re-exported dependency, named in the module comment
      out.push(`${page}: no entry for ${e.kind} ${e.name} (${e.where})`);
    }
    const names = new Set(exps.map((e) => e.name));
    for (const n of entries) if (!names.has(n)) out.push(`${page}: entry ${n} is not exported any more`);
  }
  for (const page of pages.keys()) if (page !== "README.md" && !byPage.has(page)) out.push(`${page}: no exports-map entry`);
  return out.sort();
}

describe("docs/api", () => {
  const surface = apiSurface(exportEntries());
  const pages = new Map(readdirSync(API).filter((f) => f.endsWith(".md")).map((f) => [f, readFileSync(join(API, f), "utf8")] as const));

  it("has a page per exports-map entry and an entry per exported name (regenerate with `npm run api`)", () => {
    expect(surface.length).toBeGreaterThan(500);
    expect(staleness(surface, pages)).toEqual([]);
    const index = pages.get("README.md") ?? "";
    for (const [entry] of exportEntries()) expect(index, entry).toContain(`](${pageOf(entry)})`);
    expect(existsSync(join(ROOT, "typedoc.json"))).toBe(true);
  });

  it("negative controls: a new export, a removed export and a missing page are reported", () => {
    const page = pages.get("mechcheck.exact.md")!;
    const exact = surface.filter((e) => e.entry === "./exact");
    const fake: ApiExport = { entry: "./exact", name: "brandNewExport", kind: "function", where: "src/exact/rational.ts:1", documented: true, undocumentedMembers: [] };
    const only = new Map([["mechcheck.exact.md", page]]);
    expect(staleness([...exact, fake], only)).toEqual(["mechcheck.exact.md: no entry for function brandNewExport (src/exact/rational.ts:1)"]);
    expect(staleness(exact.filter((e) => e.name !== "qsum"), only)).toEqual(["mechcheck.exact.md: entry qsum is not exported any more"]);
    expect(staleness(exact, new Map())).toEqual(["mechcheck.exact.md: missing (entry ./exact)"]);
    const fc: ApiExport = { entry: ".", name: "fc", kind: "namespace", where: "src/index.ts:1", documented: true, undocumentedMembers: [] };
    expect(staleness([fc], new Map([["mechcheck.md", "# mechcheck\n\n`fc` is fast-check.\n"]]))).toEqual([]);
    expect(staleness([fc], new Map([["mechcheck.md", "# mechcheck\n"]]))).toEqual(["mechcheck.md: no entry for namespace fc (src/index.ts:1)"]);
    expect(pageEntries("## Variables\n\n### DEFAULT\\_MAX\\_DEPTH\n\n#### Returns\n### qsum()\n")).toEqual(["DEFAULT_MAX_DEPTH", "qsum"]);
  });
});
