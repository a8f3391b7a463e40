/**
 * dsic-efficient-groves-finite over every efficient selection: on the tied minimal case of
 * dsic-efficient-is-groves (one agent; t1 values d3 at 1, t2 is indifferent), the tie-break decides
 * whether Groves is forced — t2 → d2 leaves room (g(t1, t2) = 1), t2 → d3 gives both types the same
 * decision (g = 0). Worked by hand from the valuations.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { q, ZERO } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import type { Environment } from "../../src/model/environment.ts";
import { allEfficientSelections, grovesCharacterizationFor, tieFree } from "../../src/catalogue/support/grovesSelections.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const tied: Environment = { agents: ["1"], types: [["t1", "t2"]], decisions: ["d2", "d3"], valuation: [[[ZERO, q(1)], [ZERO, ZERO]]] };
const strict: Environment = { agents: ["1"], types: [["t2", "t3"]], decisions: ["d1", "d2"], valuation: [[[ZERO, q(1)], [q(5), ZERO]]] };

describe("Groves characterization for every efficient selection", () => {
  it("the tied case has two selections; Groves is forced for one of them only", () => {
    expect(tieFree(tied)).toBe(false);
    const sel = allEfficientSelections(tied, 64);
    expect(sel).toEqual([[1, 0], [1, 1]]);
    const r0 = grovesCharacterizationFor(tied, [1, 0]);
    const r1 = grovesCharacterizationFor(tied, [1, 1]);
    expect(r0.ok && r0.positive).toBe(1); // d(t1, t2) = 1 > 0: not forced
    expect(r1.ok && r1.positive).toBe(0); // same decision everywhere: forced
  });

  it("the tie-free case: one selection, not Groves (d(t2, t3) = 1, d(t3, t2) = 5)", () => {
    expect(tieFree(strict)).toBe(true);
    expect(allEfficientSelections(strict, 64)).toEqual([[1, 0]]);
    const r = grovesCharacterizationFor(strict, [1, 0]);
    expect(r.ok && r.positive).toBe(2);
    // negative control: an inefficient rule has a negative deviation gain
    expect(grovesCharacterizationFor(strict, [0, 1]).ok).toBe(false);
    // the enumeration refuses beyond its limit
    expect(allEfficientSelections(tied, 1)).toBeNull();
  });
});
