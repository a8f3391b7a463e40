import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARCHITECTURE_PATH, layerTable, withLayerTable } from "../../scripts/update-architecture.ts";
import { LAYERS } from "../../scripts/layers.ts";

describe("docs/architecture.md", () => {
  const doc = readFileSync(ARCHITECTURE_PATH, "utf8");
  it("its layer table is scripts/layers.ts's (run `npm run architecture`)", () => {
    expect(doc).toBe(withLayerTable(doc));
  });
  it("the table names every layer, in order (and a missing layer would be seen: negative control)", () => {
    const table = layerTable();
    let at = -1;
    for (const l of LAYERS) {
      const k = table.indexOf(`| ${l.name} |`);
      expect(k, l.name).toBeGreaterThan(at);
      at = k;
    }
    expect(table.includes("| no-such-layer |")).toBe(false);
  });
});
