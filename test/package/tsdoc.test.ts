/**
 * Every export of the public API carries a TSDoc comment (issue 13): each symbol reachable from an
 * entry of package.json's `exports` (functions, classes, interfaces, type aliases, constants,
 * re-exported namespaces) is followed to its declaration, which must have a non-empty `/** … *\/`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiSurface, exportEntries, ROOT } from "../support/apiSurface.ts";

describe("the public API's TSDoc", () => {
  it("documents every export of every exports-map entry", () => {
    const surface = apiSurface(exportEntries());
    expect(surface.length).toBeGreaterThan(500);
    const missing = [...new Set(surface.filter((e) => !e.documented).map((e) => `${e.where.replace(/:\d+$/, "")} ${e.kind} ${e.name}`))].sort();
    expect(missing, "add a /** … */ comment to each").toEqual([]);
    const members = [...new Set(surface.flatMap((e) => e.undocumentedMembers.map((m) => `${e.where.replace(/:\d+$/, "")} ${e.name}.${m}`)))].sort();
    expect(members, "add a /** … */ comment to each public method").toEqual([]);
  });

  it("negative control: a fixture's undocumented exports are reported, its documented ones are not", () => {
    const surface = apiSurface([["fixture", join(ROOT, "test/package/fixtures/undocumented.ts")]]);
    const undocumented = surface.filter((e) => !e.documented).map((e) => `${e.kind} ${e.name}`).sort();
    expect(undocumented).toEqual(["function bare", "interface EmptyDoc", "type reExported", "variable lineCommented"]);
    expect(surface.filter((e) => e.documented).map((e) => e.name).sort()).toEqual(["Counter", "Shape", "documented", "documentedConst"]);
    expect(surface.filter((e) => e.undocumentedMembers.length > 0).map((e) => `${e.name}: ${e.undocumentedMembers.join(", ")}`)).toEqual(["Counter: dec", "Shape: area, onChange"]);
    expect(surface.find((e) => e.name === "reExported")?.where).toBe("test/package/fixtures/undocumentedInner.ts:2");
  });
});
