import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withCatalogue } from "../../scripts/update-readme-catalogue.ts";

describe("README", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  it("its catalogue table is the registry's (run `npm run readme` after adding a theorem)", () => {
    expect(readme).toBe(withCatalogue(readme));
  });
  it("shows the two commands: the theorem suite through the CLI, and the tests", () => {
    expect(readme).toContain("npm ci && npx mechcheck check");
    expect(readme).toContain("npm test");
  });
});
