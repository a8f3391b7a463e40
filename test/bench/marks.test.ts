import { describe, expect, it } from "vitest";
import { replaceSection, SUITE_END_MARK, SUITE_MARK } from "../../bench/marks.ts";

// bench/suite.ts once replaced everything from its mark to the end of bench/RESULTS.md, deleting
// the sections written after it (hostile input, mutation, deep run). replaceSection keeps them.
describe("bench/RESULTS.md section replacement", () => {
  const doc = ["# Results", "", "before", SUITE_MARK, "old suite", SUITE_END_MARK, "", "## Hostile", "kept", ""].join("\n");

  it("replaces only the text between the two marks and keeps what follows", () => {
    const out = replaceSection(doc, SUITE_MARK, SUITE_END_MARK, `${SUITE_MARK}\nnew suite`);
    expect(out).toBe(["# Results", "", "before", SUITE_MARK, "new suite", "", SUITE_END_MARK, "", "## Hostile", "kept", ""].join("\n"));
    expect(out).not.toContain("old suite");
  });

  it("refuses to guess when a mark is missing, repeated or out of order (negative controls)", () => {
    const body = `${SUITE_MARK}\nnew`;
    expect(() => replaceSection(doc.replace(SUITE_END_MARK, ""), SUITE_MARK, SUITE_END_MARK, body)).toThrow(/once each/);
    expect(() => replaceSection(doc.replace(SUITE_MARK, ""), SUITE_MARK, SUITE_END_MARK, body)).toThrow(/once each/);
    expect(() => replaceSection(doc + SUITE_MARK, SUITE_MARK, SUITE_END_MARK, body)).toThrow(/once each/);
    expect(() => replaceSection(`${SUITE_END_MARK}\n${SUITE_MARK}\n`, SUITE_MARK, SUITE_END_MARK, body)).toThrow(/once each/);
    expect(() => replaceSection(doc, SUITE_MARK, SUITE_END_MARK, "no mark")).toThrow(/must begin/);
  });

  it("the committed RESULTS.md has both marks once, in order", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../bench/RESULTS.md", import.meta.url), "utf8");
    expect(() => replaceSection(text, SUITE_MARK, SUITE_END_MARK, SUITE_MARK)).not.toThrow();
  });
});
