import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlatedPrior, perTypeBeliefs, privateValuesEnvironment, randomDirectMechanism } from "../../src/generators/index.ts";
import { instanceToJson, parseInstance, type Instance } from "../../src/instance/index.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";
import { instanceShrinks, instanceSize, isStrictlySmaller, reshrink } from "../../src/theorem/reshrink.ts";
import type { Theorem } from "../../src/catalogue/types.ts";
import { dsicEfficientIsGroves } from "../../src/catalogue/dsic-efficient-is-groves.ts";

const SEED = 20260512;
const sizes = { maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6, valueDenominator: 2, allowNegative: true };

const withPrior: fc.Arbitrary<Instance> = privateValuesEnvironment(sizes).chain((environment) =>
  fc.tuple(randomDirectMechanism(environment), correlatedPrior(environment, { fullSupport: false })).map(([mechanism, prior]): Instance => ({ environment, mechanism, beliefs: { kind: "common-prior", prior } })),
);
const withPerType: fc.Arbitrary<Instance> = privateValuesEnvironment(sizes).chain((environment) =>
  fc.tuple(randomDirectMechanism(environment), perTypeBeliefs(environment)).map(([mechanism, beliefs]): Instance => ({ environment, mechanism, beliefs })),
);

/** Every candidate parses back exactly, is valid, and is strictly smaller. */
function checkCandidates(inst: Instance, kinds: Set<string>): void {
  const before = instanceSize(inst);
  for (const c of instanceShrinks(inst)) {
    const after = instanceSize(c);
    expect(isStrictlySmaller(after, before)).toBe(true);
    const back = parseInstance(instanceToJson(c)); // throws a ValidationError if invalid
    expect(instanceToJson(back)).toEqual(instanceToJson(c));
    kinds.add(after.agents < before.agents ? "agent" : after.types < before.types ? "type" : after.decisions < before.decisions ? "decision" : "number");
  }
}

describe("instanceShrinks", () => {
  it("yields valid, strictly smaller instances (common prior)", () => {
    const kinds = new Set<string>();
    fc.assert(fc.property(withPrior, (inst) => checkCandidates(inst, kinds)), { seed: SEED, numRuns: 60 });
    expect([...kinds].sort()).toEqual(["agent", "decision", "number", "type"]);
  });

  it("yields valid, strictly smaller instances (per-type beliefs)", () => {
    const kinds = new Set<string>();
    fc.assert(fc.property(withPerType, (inst) => checkCandidates(inst, kinds)), { seed: SEED + 1, numRuns: 60 });
    expect(kinds.has("agent") && kinds.has("type")).toBe(true);
  });

  it("is deterministic", () => {
    const [inst] = fc.sample(withPrior, { seed: SEED, numRuns: 1 });
    const a = [...instanceShrinks(inst!)].map((c) => instanceToJson(c));
    const b = [...instanceShrinks(inst!)].map((c) => instanceToJson(c));
    expect(a).toEqual(b);
  });
});

describe("reshrink", () => {
  const saved = loadCounterexamples(STORE_ROOT, "dsic-efficient-is-groves");
  const minimal = dsicEfficientIsGroves.codec.decode(saved[0]!.record.instance);

  // The saved case plus an agent, a type and a decision, by hand.
  const bloated: Instance = parseInstance({
    mechcheck: 1,
    environment: {
      agents: ["1", "2"],
      types: { "1": ["t1", "t2", "t3"], "2": ["u1", "u2"] },
      decisions: ["d1", "d2", "d3", "d4"],
      valuation: {
        "1": { t1: { d3: "1", d4: "1/3" }, t2: { d1: "2", d2: "-7/4" }, t3: { d2: "5", d4: "3" } },
        "2": { u1: { d2: "4", d1: "1/2" }, u2: { d4: "6", d3: "-2" } },
      },
    },
  });

  it("shrinks a bloated case to the saved minimal case's dimensions, still failing (numbers: a local minimum)", () => {
    expect(dsicEfficientIsGroves.check(bloated).ok).toBe(false);
    const { value, steps } = reshrink(dsicEfficientIsGroves, bloated);
    expect(steps).toBeGreaterThan(0);
    expect(dsicEfficientIsGroves.check(value).ok).toBe(false);
    const got = instanceSize(value);
    const min = instanceSize(minimal);
    expect(got.agents).toBeLessThanOrEqual(min.agents);
    expect(got.types).toBeLessThanOrEqual(min.types);
    expect(got.decisions).toBeLessThanOrEqual(min.decisions);
    // Greedy shrinking reaches a local minimum in the numbers, smaller than where it started.
    expect(got.magnitude.compare(instanceSize(bloated).magnitude)).toBeLessThan(0);
    // a fixed point: no candidate of the result still fails
    for (const c of instanceShrinks(value)) expect(dsicEfficientIsGroves.check(c).ok).toBe(true);
    // deterministic
    expect(instanceToJson(reshrink(dsicEfficientIsGroves, bloated).value)).toEqual(instanceToJson(value));
  });

  it("respects maxSteps", () => {
    const { value, steps } = reshrink(dsicEfficientIsGroves, bloated, { maxSteps: 1 });
    expect(steps).toBe(1);
    expect(dsicEfficientIsGroves.check(value).ok).toBe(false);
  });

  it("returns a passing case unchanged", () => {
    const passing: Instance = parseInstance({
      mechcheck: 1,
      environment: { agents: ["1"], types: { "1": ["t1", "t2"] }, decisions: ["d1", "d2"], valuation: { "1": { t1: { d1: "1" }, t2: { d1: "1" } } } },
    });
    expect(dsicEfficientIsGroves.check(passing).ok).toBe(true);
    const r = reshrink(dsicEfficientIsGroves, passing);
    expect(r.steps).toBe(0);
    expect(r.value).toBe(passing);
  });

  it("returns a non-instance case unchanged", () => {
    const thm: Theorem<number[]> = {
      id: "toy",
      kind: "refutation",
      source: "test",
      statement: "lists are short",
      arbitrary: fc.array(fc.nat()),
      check: (xs) => (xs.length < 2 ? { ok: true } : { ok: false, violation: null, message: "long" }),
      codec: { encode: (xs) => ({ list: xs }), decode: (j) => (j as { list: number[] }).list },
    };
    const x = [1, 2, 3];
    expect(reshrink(thm, x)).toEqual({ value: x, steps: 0 });
  });
});
