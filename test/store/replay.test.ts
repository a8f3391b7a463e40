/** Every saved counterexample replays as its file says, with no generator involved. */
import { describe, expect, it } from "vitest";
import { beforeAll } from "vitest";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";
import { replayRecord } from "../../src/theorem/runner.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const saved = loadCounterexamples(STORE_ROOT);

describe("counterexample store", () => {
  it("has at least one curated counterexample", () => {
    expect(saved.length).toBeGreaterThan(0);
  });
  for (const { file, record } of saved) {
    it(`${file.slice(STORE_ROOT.length + 1)} replays (${record.expect})`, () => {
      const thm = THEOREMS.find((t) => t.id === record.theorem);
      expect(thm, `unknown theorem ${record.theorem}`).toBeDefined();
      expect(record.kind).toBe(thm!.kind);
      const r = replayRecord(thm!, record, file);
      expect(r.ok, r.message).toBe(true);
    });
  }
});
