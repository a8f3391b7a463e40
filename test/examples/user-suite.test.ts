/**
 * How a user runs mechcheck's arbitraries and exact checks inside their own vitest suite
 * (README: "Using mechcheck from your own tests"). Plain fast-check, fixed seed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDSIC, isExPostEfficient, pivotMechanism, privateValuesEnvironment, singleObjectAuction, q } from "mechcheck";

describe("my mechanism's properties", () => {
  it("the pivot mechanism is DSIC and efficient on random private-values environments", () => {
    fc.assert(
      fc.property(privateValuesEnvironment({ maxAgents: 3, maxTypes: 3 }), (env) => {
        const m = pivotMechanism(env);
        return isDSIC(env, m).verdict === "holds" && isExPostEfficient(env, m).verdict === "holds";
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("a first-price rule (winner pays her bid) is not DSIC, and the violation says by how much", () => {
    const env = fc.sample(singleObjectAuction({ maxAgents: 2, maxTypes: 3 }), { seed: 7, numRuns: 1 })[0]!;
    const sizes = env.types.map((t) => t.length);
    const P = sizes.reduce((a, b) => a * b, 1);
    const values = env.typeValues!;
    // Highest report wins (ties to the lowest index) and pays its own report.
    const allocation = [];
    const payments = [];
    for (let r = 0; r < P; r++) {
      const prof = sizes.length === 2 ? [Math.floor(r / sizes[1]!), r % sizes[1]!] : [r];
      let w = 0;
      for (let i = 1; i < prof.length; i++) if (values[i]![prof[i]!]!.compare(values[w]![prof[w]!]!) > 0) w = i;
      allocation.push(env.decisions.map((_, d) => (d === w ? q(1) : q(0))));
      payments.push(env.agents.map((_, i) => (i === w ? values[w]![prof[w]!]! : q(0))));
    }
    const v = isDSIC(env, { kind: "direct", allocation, payments });
    expect(v.verdict).toBe("fails");
    if (v.verdict === "fails") expect(v.violation.gain.compare(0)).toBeGreaterThan(0);
  });
});
