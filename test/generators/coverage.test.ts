/**
 * Coverage of every generator in src/generators/: sampled at a fixed seed, each size in the range
 * it is given occurs (agents, types per agent, decisions, grid points, states), and each class it
 * claims occurs (zeros in priors, lotteries vs point masses, interdependence, extra KPT types). A
 * generator that became trivial — stuck at its minimum size, one type per agent — fails here.
 */
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/exact/rational.ts";
import * as G from "../../src/generators/index.ts";
import type { Environment } from "../../src/model/environment.ts";

const N = 300;
const SEED = 20261123;
const sample = <T>(arb: import("fast-check").Arbitrary<T>, n = N) => G.sampleWithSeed(arb, SEED, n);
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
const occurs = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);

function envSizes(envs: readonly Environment[]) {
  return {
    agents: occurs(envs.map((e) => e.agents.length)),
    types: occurs(envs.flatMap((e) => e.types.map((t) => t.length))),
    decisions: occurs(envs.map((e) => e.decisions.length)),
  };
}

describe("generator coverage (each size in range, each class claimed)", () => {
  const opts = { minAgents: 1, maxAgents: 3, minTypes: 1, maxTypes: 3, minDecisions: 1, maxDecisions: 3 };
  it("privateValuesEnvironment and interdependentValuesEnvironment: agents, types, decisions 1–3", () => {
    for (const arb of [G.privateValuesEnvironment(opts), G.interdependentValuesEnvironment(opts)]) {
      expect(envSizes(sample(arb))).toEqual({ agents: range(1, 3), types: range(1, 3), decisions: range(1, 3) });
    }
  });

  it("separable / non-separable / Chung–Ely separable environments: every agent count and type count", () => {
    const sep = sample(G.separableEnvironment({ maxAgents: 3 })).map((x) => x.env);
    expect(envSizes(sep).agents).toEqual(range(1, 3));
    expect(envSizes(sep).types).toEqual(range(1, 3));
    const non = sample(G.nonSeparableEnvironment({ minAgents: 2, maxAgents: 3 })).map((x) => x.env);
    expect(envSizes(non).agents).toEqual(range(2, 3));
    expect(envSizes(non).types).toEqual(range(1, 3));
    const ce = sample(G.chungElySeparable({ maxAgents: 2, maxTypes: 3 })).map((x) => x.env);
    expect(envSizes(ce).agents).toEqual(range(1, 2));
    expect(envSizes(ce).types).toEqual(range(1, 3));
  });

  it("value grids, bilateral trade, public good, single-object auction: every grid size", () => {
    expect(occurs(sample(G.valueGridOfSize(1, 4)).map((g) => g.length))).toEqual(range(1, 4));
    const bt = sample(G.bilateralTrade({ minTypes: 1, maxTypes: 3 }));
    expect(occurs(bt.flatMap((e) => e.types.map((t) => t.length)))).toEqual(range(1, 3));
    const pg = sample(G.publicGood({ minAgents: 1, maxAgents: 3, minTypes: 1, maxTypes: 3 }));
    expect(envSizes(pg.map((x) => x.env)).agents).toEqual(range(1, 3));
    expect(envSizes(pg.map((x) => x.env)).types).toEqual(range(1, 3));
    const au = sample(G.singleObjectAuction({ minAgents: 1, maxAgents: 3, minTypes: 1, maxTypes: 3 }));
    expect(envSizes(au).agents).toEqual(range(1, 3));
    expect(envSizes(au).types).toEqual(range(1, 3));
  });

  it("Harsanyi type spaces: every type count and state count; common and non-common priors", () => {
    const hs = sample(G.harsanyiTypeSpace({ agents: 2, minTypes: 1, maxTypes: 3, minStates: 1, maxStates: 3 }));
    expect(occurs(hs.flatMap((h) => h.types.map((t) => t.length)))).toEqual(range(1, 3));
    expect(occurs(hs.map((h) => h.states.length))).toEqual(range(1, 3));
    const withPrior = sample(G.harsanyiTypeSpace({ agents: 2, commonPrior: true }));
    expect(withPrior.every((h) => h.prior !== undefined)).toBe(true);
  });

  const env = G.generate(G.privateValuesEnvironment({ minAgents: 2, maxAgents: 2, minTypes: 2, maxTypes: 2, minDecisions: 2, maxDecisions: 2 }), SEED);
  it("priors: full support and zeros both occur; correlated priors are sometimes not products", () => {
    const withZeros = sample(G.correlatedPrior(env, { fullSupport: false }));
    expect(withZeros.some((p) => p.some((x) => x.equals(ZERO)))).toBe(true);
    expect(withZeros.some((p) => p.every((x) => !x.equals(ZERO)))).toBe(true);
    const corr = sample(G.correlatedPrior(env));
    // 2×2: a product iff p00·p11 = p01·p10
    expect(corr.some((p) => !p[0]!.mul(p[3]!).equals(p[1]!.mul(p[2]!)))).toBe(true);
    const ind = sample(G.independentPrior(env));
    expect(ind.every((p) => p[0]!.mul(p[3]!).equals(p[1]!.mul(p[2]!)))).toBe(true);
    expect(sample(G.perTypeBeliefs(env)).length).toBe(N);
    expect(sample(G.commonPrior(env)).length).toBe(N);
  });

  it("mechanisms: point masses and lotteries both occur; payments of both signs; scc sets of every size", () => {
    const mechs = sample(G.randomDirectMechanism(env));
    const lottery = (m: { allocation: readonly (readonly { equals(x: number): boolean }[])[] }) => m.allocation.some((row) => !row.some((p) => p.equals(1)));
    expect(mechs.some(lottery)).toBe(true);
    expect(mechs.some((m) => !lottery(m))).toBe(true);
    expect(mechs.some((m) => m.payments.some((r) => r.some((p) => p.s < 0)))).toBe(true);
    expect(mechs.some((m) => m.payments.some((r) => r.some((p) => p.s > 0 && p.n > 0n)))).toBe(true);
    expect(sample(G.randomDirectMechanism(env, { deterministic: true })).every((m) => !lottery(m))).toBe(true);
    const scc = sample(G.socialChoiceCorrespondence(env));
    expect(occurs(scc.flatMap((f) => f.sets.map((s) => s.length)))).toEqual(range(1, 2));
    expect(sample(G.efficientMechanism(env)).length).toBe(N);
  });

  it("KPT type spaces: extra epistemic types occur (and sometimes none)", () => {
    const kpt = sample(G.kptTypeSpace(env, { maxExtraTypes: 2 }));
    const extra = kpt.map((k) => k.types.reduce((a, t, i) => a + t.length - env.types[i]!.length, 0));
    expect(extra.some((e) => e === 0)).toBe(true);
    expect(extra.some((e) => e > 0)).toBe(true);
  });
});
