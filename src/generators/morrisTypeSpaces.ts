/**
 * Type spaces for the Morris (1994) theorems of [BrooksExPost2023] (`morris-ic-trade`, `morris-ic-trade-slide`,
 * `morris-ic-trade-surplus`, `no-trade-common-prior`): small finite Harsanyi type spaces
 * (2 agents, 1–3 types, 2 states) of several kinds, so that both sides of each alternative occur
 * often, and a codec saving them as exact JSON. Shared by those property files only.
 */
import fc from "fast-check";
import { q, type Q } from "../exact/rational.ts";
import { noisyConcordantFromData, signalAccuracySpace, typeSpaceFromJson, typeSpaceToJson } from "../beliefs/noTradeAlternatives.ts";
import { harsanyiTypeSpace, intArray } from "./index.ts";
import type { HarsanyiTypeSpace } from "../model/environment.ts";
import type { CaseCodec } from "../model/caseCodec.ts";

export const typeSpaceCodec: CaseCodec<HarsanyiTypeSpace> = {
  encode: (ts) => typeSpaceToJson(ts),
  decode: (j) => typeSpaceFromJson(j),
};

/** Drop the `prior` field (the theorems must not look at how a space was generated). */
function beliefsOnly(ts: HarsanyiTypeSpace): HarsanyiTypeSpace {
  return { agents: ts.agents, types: ts.types, states: ts.states, beliefs: ts.beliefs };
}

/** Types per agent: between `minTypes` and `maxTypes` (defaults 2 and 3). */
export interface TypeCounts {
  readonly minTypes?: number;
  readonly maxTypes?: number;
}

function sizesArb(c: TypeCounts): fc.Arbitrary<[number, number]> {
  const range = { min: c.minTypes ?? 2, max: c.maxTypes ?? 3 };
  return fc.tuple(fc.integer(range), fc.integer(range));
}

/** Posteriors of a common prior (full support: noisy concordant with μ = 0; with zeros, types of probability 0 get uniform beliefs). */
const commonPriorSpaces = (fullSupport: boolean, c: TypeCounts = {}): fc.Arbitrary<HarsanyiTypeSpace> =>
  harsanyiTypeSpace({ agents: 2, minTypes: c.minTypes ?? 2, maxTypes: c.maxTypes ?? 3, minStates: 2, maxStates: 2, commonPrior: true, fullSupport, maxWeight: 5 }).map(beliefsOnly);

/** Every type's belief drawn on its own (generically no common prior, usually not noisy concordant). */
const independentBeliefSpaces = (fullSupport: boolean, c: TypeCounts = {}): fc.Arbitrary<HarsanyiTypeSpace> =>
  harsanyiTypeSpace({ agents: 2, minTypes: c.minTypes ?? 2, maxTypes: c.maxTypes ?? 3, minStates: 2, maxStates: 2, commonPrior: false, fullSupport, maxWeight: 5 });

/**
 * Noisy concordant by construction, generically without a common prior (slide *Noisy concordant
 * beliefs*: `noisyConcordantFromData`): baseline weights 1–5 and flows 0–4 between types.
 */
const noisyConcordantSpaces = (c: TypeCounts = {}): fc.Arbitrary<HarsanyiTypeSpace> =>
  sizesArb(c).chain(([m1, m2]) =>
    fc.tuple(intArray(m1 * m2 * 2, 1, 5), intArray(m1 * m1, 0, 4), intArray(m2 * m2, 0, 4)).map(([w, f1, f2]) => noisyConcordantFromData([m1, m2], 2, w, [f1, f2]).typeSpace),
  );

/** Slide *No trade without CPA but with IC*: accuracies p, q ∈ {k/10 : 6 ≤ k ≤ 9} ∪ {2/3, 3/4}. */
const accuracy: fc.Arbitrary<Q> = fc.constantFrom("3/5", "2/3", "7/10", "3/4", "4/5", "9/10").map((s) => q(s));
const signalAccuracySpaces: fc.Arbitrary<HarsanyiTypeSpace> = fc.tuple(accuracy, accuracy).map(([p, qq]) => signalAccuracySpace(p, qq));

/**
 * A common prior's posteriors with one type's belief replaced by another distribution (a "near
 * miss": usually a trade appears, sometimes the space stays noisy concordant).
 */
const perturbedCommonPriorSpaces = (c: TypeCounts = {}): fc.Arbitrary<HarsanyiTypeSpace> => commonPriorSpaces(true, c).chain((ts) => {
  const sizes = ts.types.map((t) => t.length);
  const maxWidth = Math.max(...ts.beliefs.map((bi) => bi[0]!.length));
  return fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat(2), intArray(maxWidth, 1, 5)).map(([i, t0, w]) => {
    const ti = t0 % sizes[i]!;
    const ws = w.slice(0, ts.beliefs[i]![ti]!.length);
    const tot = ws.reduce((a, b) => a + b, 0);
    const beliefs = ts.beliefs.map((bi, j) => bi.map((row, k) => (j === i && k === ti ? ws.map((x) => q(x).div(tot)) : row)));
    return { ...ts, beliefs };
  });
});

/**
 * The mix used by the Morris theorems: every kind above, at 2×2 types in about 80% of the cases
 * and 2–3 types per agent in about 15% (the exact LPs' cost grows quickly with the type counts:
 * about 1.5 ms per LP at 2×2, 5 ms at 3×3), plus the slide's signal-accuracy spaces (1×2 types,
 * about 5%). `zeros` adds beliefs and priors with zero entries (types of prior probability 0).
 */
export function morrisSpaces(opts: { zeros?: boolean } = {}): fc.Arbitrary<HarsanyiTypeSpace> {
  const kinds = (c: TypeCounts, w: number) => [
    { weight: 3 * w, arbitrary: commonPriorSpaces(true, c) },
    { weight: 3 * w, arbitrary: noisyConcordantSpaces(c) },
    { weight: 4 * w, arbitrary: independentBeliefSpaces(true, c) },
    { weight: 2 * w, arbitrary: perturbedCommonPriorSpaces(c) },
    ...(opts.zeros ? [{ weight: w, arbitrary: commonPriorSpaces(false, c) }, { weight: w, arbitrary: independentBeliefSpaces(false, c) }] : []),
  ];
  return fc.oneof(...kinds({ minTypes: 2, maxTypes: 2 }, 4), ...kinds({ minTypes: 2, maxTypes: 3 }, 1), { weight: 4, arbitrary: signalAccuracySpaces });
}
