/**
 * Every registered theorem, run through the same runner as `mechcheck check`, at a fixed seed.
 * Larger runs on demand: MECHCHECK_SCALE=10 npm test (multiplies each theorem's default runs).
 * Saved counterexamples are replayed first by the runner; nothing is written here (save: false).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { DEFAULT_SEED, runTheorem } from "../../src/theorem/runner.ts";
import { runDetails } from "../../src/report/runs.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

const scale = Number(process.env.MECHCHECK_SCALE ?? 1);
const seed = Number(process.env.MECHCHECK_SEED ?? DEFAULT_SEED);

beforeAll(async () => {
  await loadLpEngine();
});

describe("theorem suite", () => {
  for (const thm of THEOREMS) {
    it(`${thm.id} (${thm.kind}, ${thm.source})`, () => {
      const r = runTheorem(thm, { storeRoot: STORE_ROOT, seed, runsScale: scale, save: false });
      const want = thm.kind === "refutation" ? "refuted" : "holds";
      expect(r.outcome, runDetails(r).join("\n")).toBe(want);
      expect(r.replayed.every((x) => x.ok), JSON.stringify(r.replayed)).toBe(true);
      if (thm.kind === "refutation") {
        // The refutation's minimal counterexample is curated: it must be saved and replayed.
        expect(r.replayed.length, `no saved counterexample for ${thm.id}: run \`mechcheck check ${thm.id}\``).toBeGreaterThan(0);
      } else {
        expect(r.casesMeetingHypothesis).toBeGreaterThan(0);
      }
    });
  }
});
