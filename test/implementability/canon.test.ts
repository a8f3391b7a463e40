/**
 * Unit checks of the canon's subject code (issue 15) against independent derivations: Bellman–Ford
 * against brute-force enumeration of simple cycles, the ironed virtual surplus of one bidder
 * against the best posted price, and user-provoked decoding errors as MechcheckError with a path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reducedFormCodec } from "../../src/auctions/border.ts";
import { discreteVirtualValues, expectedPositiveMax, ironed } from "../../src/auctions/discreteMyerson.ts";
import { ONE, ZERO, type Q } from "../../src/exact/rational.ts";
import { MechcheckError } from "../../src/errors.ts";
import { gridBiddersArbitrary } from "../../src/generators/gridBidders.ts";
import { oneAgentRuleArbitrary } from "../../src/generators/oneAgentRule.ts";
import { cycleLength, oneAgentCodec, rochet, type OneAgentRule } from "../../src/implementability/rochet.ts";

/** Every simple cycle's length, by enumerating permutations of subsets (types ≤ 5): the brute-force side. */
function hasNegativeCycle(x: OneAgentRule): boolean {
  const T = x.values.length;
  const walk = (path: number[]): boolean => {
    if (path.length >= 2 && cycleLength(x, path).compare(ZERO) < 0) return true;
    for (let t = path[0]! + 1; t < T; t++) if (!path.includes(t) && walk([...path, t])) return true;
    return false;
  };
  for (let s = 0; s < T; s++) if (walk([s])) return true;
  return false;
}

describe("canon subject code", () => {
  it("Bellman–Ford finds a negative cycle iff brute-force cycle enumeration does", () => {
    let neg = 0;
    for (const x of fc.sample(oneAgentRuleArbitrary(), { seed: 7, numRuns: 300 })) {
      const brute = hasNegativeCycle(x);
      expect(rochet(x).implementable).toBe(!brute);
      if (brute) neg++;
    }
    expect(neg).toBeGreaterThan(30);
  });

  it("one bidder: the ironed virtual surplus equals the best posted price", () => {
    for (const g of fc.sample(gridBiddersArbitrary(1, 3), { seed: 8, numRuns: 300 })) {
      const w = g.values[0]!;
      const f = g.probs[0]!;
      let best: Q = ZERO;
      let above = ONE; // Pr(value ≥ w(k))
      w.forEach((v, k) => {
        const r = v.mul(above);
        if (r.compare(best) > 0) best = r;
        above = above.sub(f[k]!);
      });
      expect(expectedPositiveMax(g, [ironed(discreteVirtualValues(w, f), f)]).equals(best)).toBe(true);
    }
  });

  it("decoding errors are MechcheckErrors with the field path", () => {
    const bad = (fn: () => unknown, path: string) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(MechcheckError);
        expect((e as MechcheckError).code).toBe("bad-case");
        expect((e as MechcheckError).path).toBe(path);
        return;
      }
      throw new Error("expected a MechcheckError");
    };
    bad(() => oneAgentCodec.decode({ values: [["0", "1"]], rule: [2] }), "case.rule[0]");
    bad(() => reducedFormCodec.decode({ bidders: 2, prior: ["1/2", "1/3"], interim: ["0", "0"] }), "case.prior");
  });
});
