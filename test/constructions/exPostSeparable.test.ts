/**
 * Bergemann–Morris separable environments and the proof's construction f′ ([BrooksExPost2023, *Separable
 * environments*]). Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEPIC } from "../../src/concepts/index.ts";
import { findExPostSelection, selectionMechanism, solveAllSections } from "../../src/exPost/implementation.ts";
import { bmConstruction, checkSeparable } from "../../src/exPost/separableEnvironments.ts";
import { nonSeparableEnvironment, separableEnvironment } from "../../src/generators/index.ts";

describe("checkSeparable", () => {
  it("accepts the separable generator and rejects the non-separable one (utility externality)", () => {
    for (const s of fc.sample(separableEnvironment({ maxAgents: 3, maxTypes: 2 }), { seed: 1, numRuns: 100 })) {
      expect(checkSeparable(s.env, s.scc, s)).toBeNull();
    }
    for (const s of fc.sample(nonSeparableEnvironment({ maxTypes: 2 }), { seed: 2, numRuns: 100 })) {
      const f = checkSeparable(s.env, s.scc, s);
      expect(f?.code).toBe("utility");
    }
  });

  it("rejects an SCC that is not a product", () => {
    const [s] = fc.sample(separableEnvironment({ minAgents: 2, maxAgents: 2, minTypes: 1, maxTypes: 1, maxPublic: 1 }), { seed: 3, numRuns: 1 });
    const sets = s!.scc.sets.map((x) => x.slice());
    sets[0] = [0, 3].filter((d) => d < s!.env.decisions.length); // x1y1 and x2y2 without x1y2, x2y1
    if (sets[0].length === 2) expect(checkSeparable(s!.env, { sets }, s!)?.code).toBe("scc");
  });
});

describe("bmConstruction", () => {
  for (const mode of ["none", "transfers"] as const) {
    it(`f′ is an EPIC selection whenever every test space is implementable (${mode})`, () => {
      let built = 0;
      for (const s of fc.sample(separableEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxValue: 5 }), { seed: 4, numRuns: 200 })) {
        const t = solveAllSections(s.env, s.scc, mode);
        const search = findExPostSelection(s.env, s.scc, mode);
        if (!t.ok) {
          expect(search.implementable).toBe(false);
          continue;
        }
        built++;
        const fp = bmConstruction(s.env, s, t.solutions);
        fp.rule.forEach((d, th) => expect(s.scc.sets[th]).toContain(d));
        expect(isEPIC(s.env, selectionMechanism(s.env, fp)).verdict).toBe("holds");
        expect(search.implementable).toBe(true);
      }
      expect(built).toBeGreaterThan(40);
    });
  }
});
