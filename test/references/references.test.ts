import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIB_PATH, MD_PATH } from "../../scripts/update-references.ts";
import { citedKeys, formatReference, reference, REFERENCES, shortCitation, toBibTeX, toMarkdown } from "../../src/references.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (f.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("bibliography", () => {
  it("docs/references.bib and docs/references.md are generated from src/references.ts (run `npm run references`)", () => {
    expect(readFileSync(BIB_PATH, "utf8")).toBe(toBibTeX());
    expect(readFileSync(MD_PATH, "utf8")).toBe(toMarkdown());
  });

  it("keys are unique and every entry has authors, a title and a venue", () => {
    const keys = REFERENCES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of REFERENCES) {
      expect(r.authors.length, r.key).toBeGreaterThan(0);
      expect(r.title.length, r.key).toBeGreaterThan(0);
      expect(r.venue.length, r.key).toBeGreaterThan(0);
    }
  });

  it("every [Key, …] cited in src/ is in the bibliography", () => {
    const unknown: string[] = [];
    for (const f of tsFiles(join(ROOT, "src"))) {
      for (const k of citedKeys(readFileSync(f, "utf8"))) if (!reference(k)) unknown.push(`${f.slice(ROOT.length)}: ${k}`);
    }
    expect(unknown).toEqual([]);
  });

  it("citedKeys finds keys with and without a locator, and not ordinary brackets (negative control)", () => {
    expect(citedKeys("as in [Holmstrom1979, Thm 1] and [BernardMD3] but not [i] or [0, 1] or [x2]")).toEqual(["BernardMD3", "Holmstrom1979"]);
    expect(citedKeys("see [NoSuchPaper1999, §2]").map((k) => reference(k))).toEqual([undefined]);
  });

  it("formats a reference readably", () => {
    expect(shortCitation(reference("ChungEly2007")!)).toBe("Chung and Ely (2007)");
    expect(shortCitation(reference("JehielEtAl2006")!)).toBe("Jehiel et al. (2006)");
    expect(formatReference(reference("Holmstrom1979")!)).toBe("Bengt Holmström (1979). Groves' scheme on restricted domains. Econometrica 47(5), 1137–1144.");
  });
});
