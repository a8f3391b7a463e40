/**
 * Test helpers for the generator laws: exact canonical serialisation, well-formedness checkers for
 * every generated data type, and shrink inspection (values with their fast-check contexts).
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { expect } from "vitest";
import type { Q } from "../../src/exact/rational.ts";
import { ONE, ZERO } from "../../src/exact/rational.ts";
import type {
  Beliefs,
  DirectMechanism,
  Environment,
  HarsanyiTypeSpace,
  KptTypeSpace,
  SocialChoiceCorrespondence,
} from "../../src/model/environment.ts";
import { numProfiles, typeSizes } from "../../src/model/environment.ts";
import { othersSizes, profileCount } from "../../src/model/profiles.ts";

export const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);
export const PARAMS = { seed: 42, numRuns: RUNS };

/** Deep canonical JSON with every rational as its exact "p/q" text. */
export function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (v instanceof Fraction ? `Q:${v.toFraction()}` : typeof v === "bigint" ? `n:${v}` : v));
}

// ---------------------------------------------------------------- well-formedness (throws with a reason)

function fail(msg: string): never {
  throw new Error(`not well formed: ${msg}`);
}
function isQ(x: unknown): x is Q {
  return x instanceof Fraction;
}
function uniqueNonEmpty(labels: readonly string[], what: string): void {
  if (labels.length === 0) fail(`${what} is empty`);
  if (new Set(labels).size !== labels.length) fail(`${what} has duplicate labels ${JSON.stringify(labels)}`);
  for (const l of labels) if (typeof l !== "string" || l.length === 0) fail(`${what} has an empty label`);
}

export function isDistribution(p: readonly Q[], len: number, what: string): void {
  if (p.length !== len) fail(`${what}: length ${p.length} ≠ ${len}`);
  let s = ZERO;
  for (const x of p) {
    if (!isQ(x)) fail(`${what}: non-rational entry`);
    if (x.compare(ZERO) < 0) fail(`${what}: negative probability ${x.toFraction()}`);
    s = s.add(x);
  }
  if (s.compare(ONE) !== 0) fail(`${what}: sums to ${s.toFraction()}, not exactly 1`);
}

export function wellFormedEnv(env: Environment): true {
  uniqueNonEmpty(env.agents, "agents");
  const n = env.agents.length;
  if (env.types.length !== n) fail("types length ≠ agents");
  env.types.forEach((t, i) => uniqueNonEmpty(t, `types[${i}]`));
  uniqueNonEmpty(env.decisions, "decisions");
  const P = numProfiles(env);
  const D = env.decisions.length;
  if (env.valuation.length !== n) fail("valuation length ≠ agents");
  env.valuation.forEach((vi, i) => {
    if (vi.length !== P) fail(`valuation[${i}] has ${vi.length} rows, expected ${P}`);
    vi.forEach((row, th) => {
      if (row.length !== D) fail(`valuation[${i}][${th}] has ${row.length} entries, expected ${D}`);
      for (const x of row) if (!isQ(x)) fail(`valuation[${i}][${th}] has a non-rational`);
    });
  });
  if (env.typeValues) {
    if (env.typeValues.length !== n) fail("typeValues length ≠ agents");
    env.typeValues.forEach((tv, i) => {
      if (tv.length !== env.types[i]!.length) fail(`typeValues[${i}] length ≠ types`);
      for (const x of tv) if (!isQ(x)) fail(`typeValues[${i}] non-rational`);
    });
  }
  if (env.reservation) {
    if (env.reservation.length !== n) fail("reservation length ≠ agents");
    env.reservation.forEach((r, i) => {
      if (r.length !== env.types[i]!.length) fail(`reservation[${i}] length ≠ types`);
      for (const x of r) if (!isQ(x)) fail(`reservation[${i}] non-rational`);
    });
  }
  return true;
}

export function wellFormedPrior(env: Pick<Environment, "types">, prior: readonly Q[]): true {
  isDistribution(prior, profileCount(env.types.map((t) => t.length)), "prior");
  return true;
}

export function wellFormedBeliefs(env: Pick<Environment, "types">, b: Beliefs): true {
  if (b.kind === "common-prior") return wellFormedPrior(env, b.prior);
  const sizes = env.types.map((t) => t.length);
  if (b.beliefs.length !== sizes.length) fail("beliefs length ≠ agents");
  b.beliefs.forEach((rows, i) => {
    if (rows.length !== sizes[i]) fail(`beliefs[${i}] rows ≠ types`);
    const w = profileCount(othersSizes(sizes, i));
    rows.forEach((row, t) => isDistribution(row, w, `beliefs[${i}][${t}]`));
  });
  return true;
}

export function wellFormedMechanism(env: Environment, m: DirectMechanism): true {
  if (m.kind !== "direct") fail("kind ≠ direct");
  const P = numProfiles(env);
  if (m.allocation.length !== P || m.payments.length !== P) fail("mechanism tables ≠ profiles");
  m.allocation.forEach((row, r) => isDistribution(row, env.decisions.length, `allocation[${r}]`));
  m.payments.forEach((row, r) => {
    if (row.length !== env.agents.length) fail(`payments[${r}] length ≠ agents`);
    for (const x of row) if (!isQ(x)) fail("non-rational payment");
  });
  return true;
}

export function wellFormedScc(env: Environment, f: SocialChoiceCorrespondence): true {
  if (f.sets.length !== numProfiles(env)) fail("scc sets ≠ profiles");
  f.sets.forEach((s, th) => {
    if (s.length === 0) fail(`F(${th}) is empty`);
    for (let k = 0; k < s.length; k++) {
      if (!Number.isInteger(s[k]) || s[k]! < 0 || s[k]! >= env.decisions.length) fail(`F(${th}) has a bad decision ${s[k]}`);
      if (k > 0 && s[k]! <= s[k - 1]!) fail(`F(${th}) not sorted/unique`);
    }
  });
  return true;
}

export function wellFormedKpt(env: Environment, k: KptTypeSpace): true {
  const n = env.agents.length;
  if (k.types.length !== n || k.payoffType.length !== n || k.beliefs.length !== n) fail("kpt lengths ≠ agents");
  const tSizes = k.types.map((t) => t.length);
  k.types.forEach((t, i) => {
    uniqueNonEmpty(t, `kpt types[${i}]`);
    if (k.payoffType[i]!.length !== t.length) fail(`payoffType[${i}] length`);
    const image = new Set(k.payoffType[i]);
    for (const th of k.payoffType[i]!) if (!Number.isInteger(th) || th < 0 || th >= env.types[i]!.length) fail(`payoffType[${i}] out of range`);
    if (image.size !== env.types[i]!.length) fail(`payoffType[${i}] is not onto Θ_${i + 1}`);
    const w = profileCount(othersSizes(tSizes, i));
    if (k.beliefs[i]!.length !== t.length) fail(`kpt beliefs[${i}] rows`);
    k.beliefs[i]!.forEach((row, t2) => isDistribution(row, w, `kpt beliefs[${i}][${t2}]`));
  });
  return true;
}

export function wellFormedHarsanyi(h: HarsanyiTypeSpace): true {
  uniqueNonEmpty(h.agents, "agents");
  uniqueNonEmpty(h.states, "states");
  if (h.types.length !== h.agents.length || h.beliefs.length !== h.agents.length) fail("harsanyi lengths ≠ agents");
  const sizes = h.types.map((t) => t.length);
  h.types.forEach((t, i) => {
    uniqueNonEmpty(t, `types[${i}]`);
    const w = profileCount(othersSizes(sizes, i)) * h.states.length;
    if (h.beliefs[i]!.length !== t.length) fail(`beliefs[${i}] rows`);
    h.beliefs[i]!.forEach((row, t2) => isDistribution(row, w, `beliefs[${i}][${t2}]`));
  });
  if (h.prior) isDistribution(h.prior, profileCount(sizes) * h.states.length, "prior");
  return true;
}

// ---------------------------------------------------------------- shrink inspection

/** Wraps an arbitrary and records every generated Value (with its shrink context). */
class Recording<T> extends fc.Arbitrary<T> {
  readonly values: fc.Value<T>[] = [];
  constructor(readonly inner: fc.Arbitrary<T>) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const v = this.inner.generate(mrng, biasFactor);
    this.values.push(v);
    return v;
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

/** `count` generated values of `arb` with their contexts (seeded). */
export function generatedValues<T>(arb: fc.Arbitrary<T>, seed: number, count: number): fc.Value<T>[] {
  const rec = new Recording(arb);
  fc.sample(rec, { seed, numRuns: count });
  return rec.values.slice(0, count);
}

/** A size measure: dimensions (compared pointwise) and a rational "numbers" size. */
export interface Measure {
  readonly dims: readonly number[];
  readonly numbers: Q;
}

/**
 * The shrink law. Every shrink s of v: dims(s) ≤ dims(v) pointwise; if some dimension shrank the
 * numbers may be anything (fast-check's `chain` regenerates the dependent data — documented
 * exception); otherwise numbers(s) ≤ numbers(v), and either numbers(s) < numbers(v) or (for
 * components outside the measure, e.g. full-support weights) the value changed.
 * Returns the number of shrinks checked.
 */
export function checkShrinks<T>(
  arb: fc.Arbitrary<T>,
  measure: (x: T) => Measure,
  opts: { seed?: number; values?: number; perValue?: number; depth?: number; strictNumbers?: boolean; allowSame?: boolean; check?: (x: T) => void } = {},
): number {
  const values = generatedValues(arb, opts.seed ?? 42, opts.values ?? 8);
  let checked = 0;
  const strict = opts.strictNumbers ?? true;
  const compare = (parent: T, child: T): void => {
    const a = measure(parent);
    const b = measure(child);
    expect(b.dims.length).toBe(a.dims.length);
    b.dims.forEach((d, k) => expect(d, `dim ${k} grew: ${canon(a.dims)} → ${canon(b.dims)}`).toBeLessThanOrEqual(a.dims[k]!));
    const dimsShrank = b.dims.some((d, k) => d < a.dims[k]!);
    if (!dimsShrank) {
      const c = b.numbers.compare(a.numbers);
      expect(c, `numbers grew ${a.numbers.toFraction()} → ${b.numbers.toFraction()}`).toBeLessThanOrEqual(0);
      if (strict) expect(c, `numbers did not shrink: ${a.numbers.toFraction()}`).toBeLessThan(0);
      else if (c === 0 && !opts.allowSame) expect(canon(child), "a shrink returned the same value").not.toBe(canon(parent));
    }
    opts.check?.(child);
    checked++;
  };
  for (const v of values) {
    // every shrink one step from v
    const first = [...arb.shrink(v.value_, v.context).take(opts.perValue ?? 30)];
    for (const s of first) compare(v.value_, s.value_);
    // and a path of successive first shrinks (exercises contexts after a shrink)
    let cur = v;
    for (let step = 0; step < (opts.depth ?? 15); step++) {
      const next = [...arb.shrink(cur.value_, cur.context).take(3)];
      if (next.length === 0) break;
      for (const s of next) compare(cur.value_, s.value_);
      cur = next[next.length - 1]!;
    }
  }
  return checked;
}

// ---------------------------------------------------------------- measures

export function sumAbs(xs: Iterable<Q>): Q {
  let s = ZERO;
  for (const x of xs) s = s.add(x.abs());
  return s;
}
export function* flat(x: unknown): Generator<Q> {
  if (x instanceof Fraction) yield x;
  else if (Array.isArray(x)) for (const y of x) yield* flat(y);
}
/** Σ_k k·p_k: the mean index (strictly decreasing under shrinks of cut-encoded distributions). */
export function meanIndex(p: readonly Q[]): Q {
  let s = ZERO;
  p.forEach((x, k) => (s = s.add(x.mul(k))));
  return s;
}
export function envDims(env: Environment): number[] {
  const sizes = typeSizes(env);
  return [sizes.length, sizes.reduce((a, b) => a + b, 0), Math.max(...sizes), env.decisions.length];
}
