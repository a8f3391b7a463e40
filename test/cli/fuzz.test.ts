/**
 * CLI fuzz (issue 9): every attack class of fuzz-cases.ts, a few generated scenarios each at a fixed
 * seed, run in-process through `main`. Each must end with an allowed exit code, one-line messages
 * and no stack trace, and leave its store valid. Larger counts, with timings: bench/cli-fuzz.ts.
 * (The time bound is a generous watchdog, not a timed assertion.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ATTACKS, runScenario, type AttackClass, type Scenario } from "./fuzz-cases.ts";
import { oneLineErrors, scratch } from "./hostile-support.ts";

const SEED = 90210;
const PER_CLASS: Partial<Record<AttackClass, number>> = { "non-boolean / throwing checks": 4, "store faults (EACCES/ENOSPC)": 4 };

describe("CLI fuzz", () => {
  for (const [attack, arb] of Object.entries(ATTACKS) as [AttackClass, fc.Arbitrary<Scenario>][]) {
    it(`${attack}: documented exit code, one-line messages, store valid`, async () => {
      const scenarios = fc.sample(arb, { seed: SEED, numRuns: PER_CLASS[attack] ?? 6 });
      const failures: string[] = [];
      for (const s of scenarios) {
        const r = await runScenario(s, scratch("mechcheck-fuzz-"));
        if (r.problem !== null) failures.push(`${s.label}: ${r.problem}`);
      }
      expect(failures).toEqual([]);
      expect(scenarios.length).toBeGreaterThan(0);
    }, 180_000);
  }
});

describe("the fuzz harness says no (negative controls)", () => {
  it("flags an exit code the scenario does not allow, a stack trace, and an unbounded error list", async () => {
    const r = await runScenario({ attack: "garbage files", label: "missing file, wrongly allowed 0", files: {}, argv: ["eval", "@/missing.json"], allowed: [0] }, scratch("mechcheck-fuzz-"));
    expect(r.problem).toMatch(/^exit 2, allowed 0/);
    expect(oneLineErrors(["mechcheck x: internal error: boom\n    at f (file.ts:1:2)"])).toMatch(/stack trace/);
    expect(oneLineErrors(["mechcheck x: error [e]: 30 problems:\n" + Array.from({ length: 30 }, () => "  - p").join("\n")])).toMatch(/unbounded/);
    expect(oneLineErrors(["mechcheck x: error [e]: 2 problems:\n  - a\n  - b"])).toBeNull();
  });
});
