/**
 * Shared size options and building blocks for the generators (fast-check arbitraries producing the
 * plain data of src/model/environment.ts).
 *
 * Shrinking order. Every arbitrary whose dimensions are random generates them FIRST, as the source
 * of a `chain`: a tuple (per-agent type counts as an array, number of decisions). fast-check shrinks
 * a chain's source before the chained data, an array's length before its items (it keeps the
 * tail), and a tuple's components left to right; so counterexamples lose agents first, then types,
 * then decisions, and only then do the numbers shrink (integers towards 0, weights towards 1).
 *
 * Known exception (documented, asserted in test/generators): when a dimension shrinks, fast-check
 * regenerates the chained data from the stored random stream, so the numbers of the smaller
 * instance are fresh — they can be larger than before. The size measure is therefore
 * lexicographic: (agents, Σ types, max types, decisions, numbers); dimensions never grow.
 *
 * Numbers are exact: integers, or integer/`valueDenominator` (a fixed grid), turned into rationals
 * with fraction.js via src/exact/rational.ts. Floats never appear.
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ONE, ZERO, q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import { profileCount } from "../model/profiles.ts";
import type { Label } from "../model/environment.ts";

/**
 * Size options shared by the generators: how many agents, types per agent and decisions, and how
 * large the (integer or fixed-grid) values are.
 */
export interface SizeOptions {
  /** Most agents (default 3). */
  readonly maxAgents?: number;
  /** Fewest agents (default 1). */
  readonly minAgents?: number;
  /** Most types per agent (default 3). */
  readonly maxTypes?: number;
  /** Fewest types per agent (default 1). */
  readonly minTypes?: number;
  /** Most decisions / outcomes (default 3). */
  readonly maxDecisions?: number;
  /** Fewest decisions (default 1). */
  readonly minDecisions?: number;
  /** Largest absolute integer numerator of a value (default 10). */
  readonly maxValue?: number;
  /** Allow negative values (default false: values in [0, maxValue]). */
  readonly allowNegative?: boolean;
  /** Values are k / valueDenominator (default 1: integers). */
  readonly valueDenominator?: number;
}

/** SizeOptions with every default filled in. */
export interface ResolvedSizes {
  readonly maxAgents: number;
  readonly minAgents: number;
  readonly maxTypes: number;
  readonly minTypes: number;
  readonly maxDecisions: number;
  readonly minDecisions: number;
  readonly maxValue: number;
  readonly allowNegative: boolean;
  readonly valueDenominator: number;
}

/** The default sizes: 1 to 3 agents, 1 to 3 types each, 1 to 3 decisions, integer values in [0, 10]. */
export const DEFAULT_SIZES: ResolvedSizes = {
  maxAgents: 3,
  minAgents: 1,
  maxTypes: 3,
  minTypes: 1,
  maxDecisions: 3,
  minDecisions: 1,
  maxValue: 10,
  allowNegative: false,
  valueDenominator: 1,
};

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isSafeInteger(v) || v < min) {
    throw new MechcheckError("bad-generator-option", `generator option ${name}: expected an integer ≥ ${min}, got ${String(v)}`, { path: name, value: v });
  }
}

/** Fill defaults and validate (min ≤ max, positive integers). `overrides` are the class's own defaults. */
export function resolveSizes(opts: SizeOptions = {}, overrides: Partial<ResolvedSizes> = {}): ResolvedSizes {
  const r: ResolvedSizes = { ...DEFAULT_SIZES, ...overrides, ...stripUndefined(opts) };
  checkInt("minAgents", r.minAgents, 1);
  checkInt("maxAgents", r.maxAgents, r.minAgents);
  checkInt("minTypes", r.minTypes, 1);
  checkInt("maxTypes", r.maxTypes, r.minTypes);
  checkInt("minDecisions", r.minDecisions, 1);
  checkInt("maxDecisions", r.maxDecisions, r.minDecisions);
  checkInt("maxValue", r.maxValue, 0);
  checkInt("valueDenominator", r.valueDenominator, 1);
  return r;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Dimensions of a finite environment: type counts per agent (its length is the agent count) and decisions. */
export interface Dims {
  readonly typeCounts: readonly number[];
  readonly decisions: number;
}

/** Dimensions, shrinking agents first (array length), then type counts, then decisions. */
export function dimsArbitrary(s: ResolvedSizes): fc.Arbitrary<Dims> {
  return fc
    .tuple(
      fc.array(fc.integer({ min: s.minTypes, max: s.maxTypes }), { minLength: s.minAgents, maxLength: s.maxAgents }),
      fc.integer({ min: s.minDecisions, max: s.maxDecisions }),
    )
    .map(([typeCounts, decisions]) => ({ typeCounts, decisions }));
}

/** A flat array of exactly `len` integers in [min, max] (shrinking each towards 0, or towards min if min > 0). */
export function intArray(len: number, min: number, max: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min, max }), { minLength: len, maxLength: len });
}

/** A flat array of exactly `len` exact values per the size options (k / valueDenominator). */
export function valueArray(len: number, s: ResolvedSizes): fc.Arbitrary<Q[]> {
  const den = BigInt(s.valueDenominator);
  return intArray(len, s.allowNegative ? -s.maxValue : 0, s.maxValue).map((ks) => ks.map((k) => q(BigInt(k)).div(q(den))));
}

/** Split a flat array into consecutive chunks of the given sizes. */
export function chunk<T>(flat: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let k = 0;
  for (const m of sizes) {
    out.push(flat.slice(k, k + m));
    k += m;
  }
  return out;
}

/** Split a flat array into `rows` rows of `width`. */
export function reshape<T>(flat: readonly T[], rows: number, width: number): T[][] {
  return chunk(flat, new Array<number>(rows).fill(width));
}

/**
 * Normalise non-negative integer weights into an exact probability vector. All-zero weights (only
 * possible when zeros are allowed) become the point mass on the first entry, so the shrink target
 * of a distribution with zeros is a point mass and of a full-support one the uniform distribution.
 */
export function normalize(weights: readonly number[]): Q[] {
  let total = 0n;
  for (const w of weights) total += BigInt(w);
  if (total === 0n) return weights.map((_, k) => (k === 0 ? ONE : ZERO));
  const t = q(total);
  return weights.map((w) => q(BigInt(w)).div(t));
}

/** Integer weights for `len` atoms: in [1, maxWeight] (full support) or [0, maxWeight]. */
export function weightArray(len: number, maxWeight: number, fullSupport: boolean): fc.Arbitrary<number[]> {
  return intArray(len, fullSupport ? 1 : 0, Math.max(maxWeight, 1));
}

/**
 * A nonempty subset of {0, …, m−1} as a bitmask integer in [1, 2^m − 1] (one integer per set: no
 * two encodings of the same set, so no no-op shrinks; shrinks towards {0}; the mask Σ_{x∈S} 2^x
 * strictly decreases). m ≤ 30.
 */
export function subsetMasks(count: number, m: number): fc.Arbitrary<number[][]> {
  if (m > 30) throw new MechcheckError("bad-generator-option", `subsets of ${m} > 30 elements are not supported`, { value: m });
  return intArray(count, 1, 2 ** m - 1).map((masks) => masks.map((mask) => maskToSet(mask, m)));
}

/** The elements x < m whose bit is set in `mask`, in increasing order. */
export function maskToSet(mask: number, m: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < m; x++) if ((mask >> x) & 1) out.push(x);
  return out;
}

/**
 * Distributions on a grid with zeros allowed, by cut points: D − 1 integers in [0, G], sorted
 * s_1 ≤ … ≤ s_{D−1}, give p_{D−1} = s_1/G, p_{D−1−j} = (s_{j+1} − s_j)/G, p_0 = (G − s_{D−1})/G.
 * Distinct cut multisets give distinct distributions (no no-op shrinks), Σ_j s_j = G·Σ_d d·p_d, so
 * every shrink strictly lowers the mean index Σ_d d·p_d, and the shrink target is the point mass on
 * the first atom.
 */
export function cutsToDistribution(cuts: readonly number[], G: number): Q[] {
  const s = cuts.slice().sort((a, b) => a - b);
  const D = s.length + 1;
  const g = q(G);
  const out = new Array<Q>(D);
  out[D - 1] = D === 1 ? ONE : q(s[0]!).div(g);
  for (let j = 1; j < D - 1; j++) out[D - 1 - j] = q(s[j]! - s[j - 1]!).div(g);
  if (D > 1) out[0] = q(G - s[D - 2]!).div(g);
  return out;
}

/**
 * `rows` probability vectors over `width` atoms each. Full support: integer weights in
 * [1, maxWeight], normalised (shrinks towards uniform; one weight changes per shrink, so a shrink
 * never returns the same vector). Zeros allowed: cut points on the grid 1/maxWeight (see
 * `cutsToDistribution`; shrinks towards point masses on the first atom).
 */
export function distributionRows(rows: number, width: number, maxWeight: number, fullSupport: boolean): fc.Arbitrary<Q[][]> {
  const W = Math.max(maxWeight, 1);
  if (fullSupport) return distributionsOfWidths(new Array<number>(rows).fill(width), W, true);
  return intArray(rows * (width - 1), 0, W).map((c) => reshape(c, rows, width - 1).map((cuts) => cutsToDistribution(cuts, W)));
}

/** One distribution over `width` atoms (see `distributionRows`). */
export function distribution(width: number, maxWeight: number, fullSupport: boolean): fc.Arbitrary<Q[]> {
  return distributionRows(1, width, maxWeight, fullSupport).map((r) => r[0]!);
}

/** Rows of varying widths (e.g. beliefs of every type of every agent), concatenated into one array arbitrary. */
export function distributionsOfWidths(widths: readonly number[], maxWeight: number, fullSupport: boolean): fc.Arbitrary<Q[][]> {
  const W = Math.max(maxWeight, 1);
  // a one-atom row is the constant [1]: no integers, hence no no-op shrinks
  const per = widths.map((w) => (w === 1 ? 0 : fullSupport ? w : w - 1));
  const total = per.reduce((a, b) => a + b, 0);
  return intArray(total, fullSupport ? 1 : 0, W).map((flat) =>
    chunk(flat, per).map((row) => (row.length === 0 ? [ONE] : fullSupport ? normalize(row) : cutsToDistribution(row, W))),
  );
}

// ---------------------------------------------------------------- labels

/** Agent labels "1", "2", … (economists' numbering). */
export function agentLabels(n: number): Label[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Type labels "t1", "t2", … for one agent. */
export function typeLabels(m: number): Label[] {
  return Array.from({ length: m }, (_, k) => `t${k + 1}`);
}

/** Decision labels "d1", "d2", …. */
export function decisionLabels(d: number): Label[] {
  return Array.from({ length: d }, (_, k) => `d${k + 1}`);
}

/** The number of type profiles for the given per-agent type counts. */
export function profilesOf(typeCounts: readonly number[]): number {
  return profileCount(typeCounts);
}

/** Default bound on integer weights of probabilities (weights in [1, 5] or [0, 5]). */
export const DEFAULT_MAX_WEIGHT = 5;

// ---------------------------------------------------------------- payments

/** How generated payments are drawn: integers in [−maxPayment, maxPayment] divided by paymentDenominator. */
export interface PaymentOptions {
  /** Payments are integers in [−maxPayment, maxPayment] (default 10) divided by paymentDenominator. */
  readonly maxPayment?: number;
  /** Default 1 (integer payments). */
  readonly paymentDenominator?: number;
  /** Allow negative payments, i.e. transfers to agents (default true). */
  readonly allowNegativePayments?: boolean;
}

/** payments[r][i], r over `profiles` report profiles and i over `agents`; shrinks towards 0. */
export function paymentTable(profiles: number, agents: number, opts: PaymentOptions = {}): fc.Arbitrary<Q[][]> {
  const M = opts.maxPayment ?? 10;
  const den = q(BigInt(opts.paymentDenominator ?? 1));
  return intArray(profiles * agents, opts.allowNegativePayments === false ? 0 : -M, M).map((flat) =>
    reshape(flat.map((k) => q(k).div(den)), profiles, agents),
  );
}
