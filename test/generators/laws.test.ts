/**
 * Generator laws, for every arbitrary of src/generators: (1) same seed ⇒ same value (exact deep
 * equality via toFraction strings); (2) every instance is well formed; (3) shrinks are smaller
 * (helpers.ts `checkShrinks`: dimensions never grow; with dimensions fixed the numbers measure
 * strictly drops, or — for full-support weights, whose normalised output has no monotone measure —
 * does not grow and the value changes).
 */
import fc from "fast-check";
import { efficientDecisions } from "../../src/concepts/efficiency.ts";
import { describe, expect, it } from "vitest";
import { q, ZERO } from "../../src/exact/rational.ts";
import type { Q } from "../../src/exact/rational.ts";
import type { Environment } from "../../src/model/environment.ts";
import { numProfiles } from "../../src/model/environment.ts";
import * as G from "../../src/generators/index.ts";
import {
  PARAMS,
  canon,
  checkShrinks,
  envDims,
  flat,
  meanIndex,
  sumAbs,
  wellFormedBeliefs,
  wellFormedEnv,
  wellFormedHarsanyi,
  wellFormedKpt,
  wellFormedMechanism,
  wellFormedPrior,
  wellFormedScc,
  type Measure,
} from "./helpers.ts";

const small = { maxAgents: 2, maxTypes: 3, maxDecisions: 3 };
const envArb = G.interdependentValuesEnvironment(small);
const fixedEnvs: Environment[] = G.sampleWithSeed(G.interdependentValuesEnvironment({ ...small, minAgents: 2, minTypes: 2, minDecisions: 2 }), 7, 3);
const auctions: Environment[] = G.sampleWithSeed(G.singleObjectAuction({ maxAgents: 2, minAgents: 2, minTypes: 2 }), 7, 3);

const sameSeed = <T>(arb: fc.Arbitrary<T>): void => {
  for (const seed of [1, 42, 2024]) {
    const a = G.sampleWithSeed(arb, seed, 5).map(canon);
    const b = G.sampleWithSeed(arb, seed, 5).map(canon);
    expect(a).toEqual(b);
    expect(canon(G.generate(arb, seed, 3))).toBe(a[3]);
  }
  // different seeds do produce different values (the sampler is not constant)
  const many = new Set([1, 2, 3, 4, 5, 6].map((s) => canon(G.generate(arb, s))));
  expect(many.size).toBeGreaterThan(1);
};

const envMeasure = (env: Environment): Measure => ({ dims: envDims(env), numbers: sumAbs(flat(env.valuation)) });

describe("sampling helpers", () => {
  it("generate(arb, seed, index) is the index-th value of sampleWithSeed", () => {
    const xs = G.sampleWithSeed(fc.integer({ min: 0, max: 1000 }), 9, 6);
    xs.forEach((x, k) => expect(G.generate(fc.integer({ min: 0, max: 1000 }), 9, k)).toBe(x));
    expect(() => G.generate(fc.nat(), 1, -1)).toThrow(/index/);
    expect(() => G.sampleWithSeed(fc.nat(), 1.5, 1)).toThrow(/seed/);
  });
  it("option validation rejects nonsense sizes", () => {
    expect(() => G.privateValuesEnvironment({ minAgents: 3, maxAgents: 2 })).toThrow(/maxAgents/);
    expect(() => G.singleObjectAuction({ delta: 0 })).toThrow(/delta/);
  });
});

describe("environments", () => {
  const cases: [string, fc.Arbitrary<Environment>][] = [
    ["privateValuesEnvironment", G.privateValuesEnvironment()],
    ["interdependentValuesEnvironment", G.interdependentValuesEnvironment()],
    ["bilateralTrade", G.bilateralTrade()],
    ["singleObjectAuction", G.singleObjectAuction()],
    ["singleObjectAuction asymmetric Δ=1/2", G.singleObjectAuction({ symmetric: false, delta: "1/2" })],
  ];
  for (const [name, arb] of cases) {
    it(`${name}: deterministic, well formed`, () => {
      sameSeed(arb);
      fc.assert(fc.property(arb, wellFormedEnv), PARAMS);
    });
  }
  it("default sizes are reached (not only tiny instances)", () => {
    const xs = G.sampleWithSeed(G.interdependentValuesEnvironment(), 42, 200);
    expect(Math.max(...xs.map((e) => e.agents.length))).toBe(3);
    expect(Math.max(...xs.map((e) => Math.max(...e.types.map((t) => t.length))))).toBe(3);
    expect(Math.max(...xs.map((e) => e.decisions.length))).toBe(3);
    expect(Math.min(...xs.map((e) => e.agents.length))).toBe(1);
  });
  it("shrinks: private and interdependent environments", () => {
    expect(checkShrinks(G.privateValuesEnvironment(), envMeasure, { check: wellFormedEnv })).toBeGreaterThan(100);
    expect(checkShrinks(G.interdependentValuesEnvironment({ allowNegative: true, valueDenominator: 2 }), envMeasure, { check: wellFormedEnv })).toBeGreaterThan(100);
  });
  it("shrinks: bilateral trade and auctions", () => {
    const gridMeasure = (env: Environment): Measure => ({
      dims: [env.agents.length, env.types.reduce((a, t) => a + t.length, 0)],
      numbers: sumAbs(flat(env.typeValues)),
    });
    expect(checkShrinks(G.bilateralTrade(), gridMeasure, { check: wellFormedEnv })).toBeGreaterThan(50);
    // auctions are determined by their dimensions: every shrink drops a dimension
    const auctionMeasure = (env: Environment): Measure => ({ ...gridMeasure(env), numbers: ZERO });
    const n = checkShrinks(G.singleObjectAuction({ symmetric: false }), auctionMeasure, { check: wellFormedEnv });
    expect(n).toBeGreaterThan(10);
  });
  it("publicGood: deterministic, well formed, shrinks", () => {
    const arb = G.publicGood();
    sameSeed(arb);
    fc.assert(fc.property(arb, (pg) => wellFormedEnv(pg.env) && pg.cost.compare(ZERO) >= 0), PARAMS);
    const m = (pg: G.PublicGood): Measure => ({
      dims: [pg.env.agents.length, pg.env.types.reduce((a, t) => a + t.length, 0)],
      numbers: sumAbs(flat(pg.env.typeValues)).add(pg.cost),
    });
    expect(checkShrinks(arb, m, { check: (pg) => wellFormedEnv(pg.env) })).toBeGreaterThan(50);
  });
  it("separableEnvironment / nonSeparableEnvironment: deterministic, well formed, shrink", () => {
    const sep = G.separableEnvironment();
    const non = G.nonSeparableEnvironment();
    sameSeed(sep);
    sameSeed(non);
    const ok = (x: { env: Environment; scc: { sets: readonly (readonly number[])[] } }): boolean => wellFormedEnv(x.env) && wellFormedScc(x.env as Environment, x.scc);
    fc.assert(fc.property(sep, ok), PARAMS);
    fc.assert(fc.property(non, ok), PARAMS);
    const sccSize = (x: G.ProductScc): Q => {
      let s = q(x.publicRule.reduce((a, b) => a + b, 0));
      for (const sets of x.privateSets) for (const set of sets) s = s.add(set.reduce((a, e) => a + 2 ** e, 0));
      return s;
    };
    const dims = (x: { env: Environment; outcomes: G.ProductOutcomes }): number[] => [
      x.env.agents.length,
      x.env.types.reduce((a, t) => a + t.length, 0),
      x.outcomes.publicLabels.length,
      x.outcomes.privateLabels.reduce((a, l) => a + l.length, 0),
    ];
    expect(checkShrinks(sep, (x) => ({ dims: dims(x), numbers: sumAbs(flat(x.reduced)).add(sccSize(x)) }), { check: (x) => ok(x) })).toBeGreaterThan(100);
    // non-separable values are sums of non-negative parts (allowNegative false), so Σ|u| drops with any part
    expect(checkShrinks(non, (x) => ({ dims: dims(x), numbers: sumAbs(flat(x.env.valuation)).add(sccSize(x)) }), { check: (x) => ok(x) })).toBeGreaterThan(100);
  });
  it("chungElySeparable: deterministic, well formed, shrinks", () => {
    const arb = G.chungElySeparable();
    sameSeed(arb);
    fc.assert(fc.property(arb, (x) => wellFormedEnv(x.env)), PARAMS);
    expect(
      checkShrinks(arb, (x) => ({ dims: envDims(x.env), numbers: sumAbs(flat(x.h)).add(sumAbs(flat(x.v))) }), { check: (x) => wellFormedEnv(x.env) }),
    ).toBeGreaterThan(100);
  });
});

describe("priors and beliefs", () => {
  const withEnv = <T>(f: (env: Environment) => fc.Arbitrary<T>) => envArb.chain((env) => f(env).map((x) => ({ env, x })));
  it("independent, correlated, common, per-type: deterministic and well formed (full support and with zeros)", () => {
    for (const fullSupport of [true, false]) {
      const arbs = [
        withEnv((e) => G.independentPrior(e, { fullSupport })),
        withEnv((e) => G.correlatedPrior(e, { fullSupport })),
      ];
      for (const arb of arbs) {
        sameSeed(arb);
        fc.assert(fc.property(arb, ({ env, x }) => wellFormedPrior(env, x)), PARAMS);
      }
      for (const arb of [withEnv((e) => G.commonPrior(e, { fullSupport })), withEnv((e) => G.perTypeBeliefs(e, { fullSupport }))]) {
        sameSeed(arb);
        fc.assert(fc.property(arb, ({ env, x }) => wellFormedBeliefs(env, x)), PARAMS);
      }
    }
    fc.assert(
      fc.property(withEnv((e) => G.correlatedPrior(e)), ({ x }) => x.every((p) => p.compare(ZERO) > 0)),
      PARAMS,
    );
  });
  it("regularPrior: deterministic and well formed", () => {
    const arb = G.singleObjectAuction({ maxAgents: 2, maxTypes: 4 }).chain((env) => G.regularPrior(env).map((x) => ({ env, x })));
    sameSeed(arb);
    fc.assert(fc.property(arb, ({ env, x }) => wellFormedPrior(env, x) && x.every((p) => p.compare(ZERO) > 0)), PARAMS);
  });
  it("shrinks: distributions with zeros lower the mean index; full-support weights change the value", () => {
    for (const env of fixedEnvs) {
      const check = (p: readonly Q[]) => wellFormedPrior(env, p);
      expect(checkShrinks(G.correlatedPrior(env, { fullSupport: false }), (p) => ({ dims: [], numbers: meanIndex(p) }), { check })).toBeGreaterThan(20);
      expect(checkShrinks(G.independentPrior(env, { fullSupport: false }), (p) => ({ dims: [], numbers: meanIndex(p) }), { check })).toBeGreaterThan(20);
      expect(checkShrinks(G.correlatedPrior(env), () => ({ dims: [], numbers: ZERO }), { check, strictNumbers: false })).toBeGreaterThan(20);
      expect(checkShrinks(G.independentPrior(env), () => ({ dims: [], numbers: ZERO }), { check, strictNumbers: false })).toBeGreaterThan(20);
      const rowsMean = (b: ReturnType<typeof G.perTypeBeliefs> extends fc.Arbitrary<infer B> ? B : never): Q =>
        b.kind === "per-type" ? b.beliefs.flat().reduce((a, row) => a.add(meanIndex(row)), ZERO) : meanIndex(b.prior);
      expect(checkShrinks(G.perTypeBeliefs(env, { fullSupport: false }), (b) => ({ dims: [], numbers: rowsMean(b) }))).toBeGreaterThan(20);
      expect(checkShrinks(G.commonPrior(env, { fullSupport: false }), (b) => ({ dims: [], numbers: rowsMean(b) }))).toBeGreaterThan(20);
      expect(checkShrinks(G.perTypeBeliefs(env), () => ({ dims: [], numbers: ZERO }), { strictNumbers: false })).toBeGreaterThan(20);
    }
    for (const env of auctions) {
      expect(checkShrinks(G.regularPrior(env), () => ({ dims: [], numbers: ZERO }), { strictNumbers: false, check: (p) => wellFormedPrior(env, p) })).toBeGreaterThan(10);
    }
  });
});

describe("type spaces", () => {
  it("kptTypeSpace: deterministic, well formed (onto payoff map), shrinks", () => {
    const arb = envArb.chain((env) => G.kptTypeSpace(env, { maxExtraTypes: 2 }).map((k) => ({ env, k })));
    sameSeed(arb);
    fc.assert(fc.property(arb, ({ env, k }) => wellFormedKpt(env, k)), PARAMS);
    fc.assert(fc.property(envArb.chain((env) => G.kptTypeSpace(env, { fullSupport: false }).map((k) => ({ env, k }))), ({ env, k }) => wellFormedKpt(env, k)), PARAMS);
    for (const env of fixedEnvs) {
      const m = (k: import("../../src/model/environment.ts").KptTypeSpace): Measure => ({
        dims: [k.types.reduce((a, t) => a + t.length, 0)],
        numbers: q(k.payoffType.flat().reduce((a, b) => a + b, 0)),
      });
      expect(checkShrinks(G.kptTypeSpace(env, { maxExtraTypes: 2 }), m, { strictNumbers: false, check: (k) => wellFormedKpt(env, k) })).toBeGreaterThan(20);
    }
  });
  it("harsanyiTypeSpace: deterministic, well formed, shrinks (common and non-common prior)", () => {
    for (const commonPrior of [false, true]) {
      for (const fullSupport of [true, false]) {
        const arb = G.harsanyiTypeSpace({ commonPrior, fullSupport });
        sameSeed(arb);
        fc.assert(fc.property(arb, wellFormedHarsanyi), PARAMS);
        const m = (h: import("../../src/model/environment.ts").HarsanyiTypeSpace): Measure => ({
          dims: [h.types.reduce((a, t) => a + t.length, 0), h.states.length],
          numbers: fullSupport ? ZERO : commonPrior ? meanIndex(h.prior!) : h.beliefs.flat().reduce((a, r) => a.add(meanIndex(r)), ZERO),
        });
        // with a common prior and zeros, conditionals of zero-probability types are uniform by convention, so only the prior is measured
        expect(checkShrinks(arb, m, { strictNumbers: !fullSupport, check: wellFormedHarsanyi })).toBeGreaterThan(30);
      }
    }
  });
});

describe("mechanisms and correspondences", () => {
  const withEnv = <T>(f: (env: Environment) => fc.Arbitrary<T>) => envArb.chain((env) => f(env).map((x) => ({ env, x })));
  it("randomDirectMechanism (lotteries and deterministic), efficientMechanism: deterministic, well formed", () => {
    for (const arb of [
      withEnv((e) => G.randomDirectMechanism(e)),
      withEnv((e) => G.randomDirectMechanism(e, { deterministic: true })),
      withEnv((e) => G.efficientMechanism(e)),
    ]) {
      sameSeed(arb);
      fc.assert(fc.property(arb, ({ env, x }) => wellFormedMechanism(env, x)), PARAMS);
    }
  });
  it("monotoneMechanism: deterministic, well formed on auctions, trade, public goods, Chung–Ely", () => {
    const arbs = [
      G.singleObjectAuction().chain((env) => G.monotoneMechanism(env).map((x) => ({ env, x }))),
      G.bilateralTrade().chain((env) => G.monotoneMechanism(env).map((x) => ({ env, x }))),
      G.publicGood().chain(({ env }) => G.monotoneMechanism(env).map((x) => ({ env, x }))),
      G.chungElySeparable().chain(({ env, h }) => G.monotoneMechanism(env, { h }).map((x) => ({ env, x }))),
    ];
    for (const arb of arbs) {
      sameSeed(arb);
      fc.assert(fc.property(arb, ({ env, x }) => wellFormedMechanism(env, x)), PARAMS);
    }
  });
  it("socialChoiceCorrespondence: deterministic, well formed, optionally containing a rule", () => {
    const arb = withEnv((e) => G.socialChoiceCorrespondence(e));
    sameSeed(arb);
    fc.assert(fc.property(arb, ({ env, x }) => wellFormedScc(env, x)), PARAMS);
    const withRule = envArb.chain((env) =>
      G.efficientRuleArbitrary(env).chain((rule) => G.socialChoiceCorrespondence(env, { containing: rule }).map((x) => ({ env, rule, x }))),
    );
    fc.assert(fc.property(withRule, ({ env, rule, x }) => wellFormedScc(env, x) && x.sets.every((s, th) => s.includes(rule[th]!))), PARAMS);
  });
  it("shrinks: mechanisms and correspondences", () => {
    for (const env of fixedEnvs) {
      const ck = (m: import("../../src/model/environment.ts").DirectMechanism) => wellFormedMechanism(env, m);
      const mechMeasure = (m: import("../../src/model/environment.ts").DirectMechanism): Measure => ({
        dims: [],
        numbers: m.allocation.reduce((a, row) => a.add(meanIndex(row)), ZERO).add(sumAbs(flat(m.payments))),
      });
      expect(checkShrinks(G.randomDirectMechanism(env), mechMeasure, { check: ck })).toBeGreaterThan(20);
      expect(checkShrinks(G.randomDirectMechanism(env, { deterministic: true }), mechMeasure, { check: ck })).toBeGreaterThan(20);
      const tieIndex = (m: import("../../src/model/environment.ts").DirectMechanism): number =>
        m.allocation.reduce((a, row, th) => a + efficientDecisions(env, th).indexOf(row.findIndex((p) => p.n !== 0n)), 0);
      expect(checkShrinks(G.efficientMechanism(env), (m) => ({ dims: [], numbers: q(tieIndex(m)).add(sumAbs(flat(m.payments))) }), { check: ck })).toBeGreaterThan(20);
      const masks = (f: import("../../src/model/environment.ts").SocialChoiceCorrespondence): Q => q(f.sets.flat().reduce((a, d) => a + 2 ** d, 0));
      expect(checkShrinks(G.socialChoiceCorrespondence(env), (f) => ({ dims: [], numbers: masks(f) }), { check: (f) => wellFormedScc(env, f) })).toBeGreaterThan(20);
    }
    for (const env of auctions) {
      // Documented exception: the component count of the mixture shrinks first and regenerates (chain),
      // and score parameters map many-to-one onto argmax allocations, so a shrink may leave the
      // allocation unchanged; payments never grow when the count is fixed.
      const m = (x: import("../../src/model/environment.ts").DirectMechanism): Measure => ({ dims: [], numbers: sumAbs(flat(x.payments)) });
      expect(checkShrinks(G.monotoneMechanism(env), m, { strictNumbers: false, allowSame: true, values: 4, check: (x) => wellFormedMechanism(env, x) })).toBeGreaterThan(10);
    }
    expect(numProfiles(fixedEnvs[0]!)).toBeGreaterThan(1);
  });
});
