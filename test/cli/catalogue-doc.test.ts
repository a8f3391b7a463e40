import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_DOC, catalogueDoc, sections } from "../../scripts/update-catalogue-doc.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

describe("docs/catalogue.md", () => {
  const doc = readFileSync(CATALOGUE_DOC, "utf8");
  it("is the registry's (run `npm run catalogue` after changing a record)", () => {
    expect(doc).toBe(catalogueDoc());
  });
  it("lists every id once, under a section of src/catalogue/index.ts", () => {
    for (const t of THEOREMS) expect(doc.split(`### \`${t.id}\` (`).length - 1, t.id).toBe(1);
    const secs = sections(readFileSync(new URL("../../src/catalogue/index.ts", import.meta.url), "utf8"), THEOREMS);
    expect(secs.flatMap((s) => s.theorems.map((t) => t.id))).toEqual(THEOREMS.map((t) => t.id));
  });
  it("a section list that does not match the registry is refused (negative control)", () => {
    expect(() => sections("export const THEOREMS = [\n  // A. one\n  a,\n];", THEOREMS)).toThrow(/lists 1 entries/);
  });
});
