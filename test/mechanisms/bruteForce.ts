/**
 * Brute-force reference checks for the mechanism tests, written from the definitions with plain
 * loops over the tables (independent of src/concepts/ and of the code under test).
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import type { Q } from "../../src/exact/rational.ts";
import type { DirectMechanism, Environment } from "../../src/model/environment.ts";

export const RUNS = { seed: 20240611, numRuns: Number(process.env.MECHCHECK_RUNS ?? 40) };
export const Z = new Fraction(0);
export const fr = (n: number, d = 1): Q => new Fraction(n, d);

/** Mixed-radix decode/encode (last agent fastest), re-implemented here. */
export function decode(sizes: readonly number[], t: number): number[] {
  const out = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    out[i] = t % sizes[i]!;
    t = Math.floor(t / sizes[i]!);
  }
  return out;
}
export function encode(sizes: readonly number[], p: readonly number[]): number {
  let t = 0;
  for (let i = 0; i < sizes.length; i++) t = t * sizes[i]! + p[i]!;
  return t;
}
export const sizesOf = (env: Environment) => env.types.map((t) => t.length);
export const count = (sizes: readonly number[]) => sizes.reduce((a, b) => a * b, 1);

/** u_i when the true profile is `truth` and the report profile is `rep`. */
export function u(env: Environment, m: DirectMechanism, i: number, truth: number, rep: number): Q {
  let s = Z;
  m.allocation[rep]!.forEach((p, d) => (s = s.add(p.mul(env.valuation[i]![truth]![d]!))));
  return s.sub(m.payments[rep]![i]!);
}

/** Largest DSIC gain (private values: the true state is (θ_i, r_{-i})); ≤ 0 iff DSIC. */
export function maxDsicGain(env: Environment, m: DirectMechanism): Q {
  const sizes = sizesOf(env);
  let worst = new Fraction(-1000000);
  for (let t = 0; t < count(sizes); t++) {
    const p = decode(sizes, t);
    for (let i = 0; i < sizes.length; i++) {
      for (let k = 0; k < sizes[i]!; k++) {
        const dev = p.slice();
        dev[i] = k;
        const g = u(env, m, i, t, encode(sizes, dev)).sub(u(env, m, i, t, t));
        if (g.compare(worst) > 0) worst = g;
      }
    }
  }
  return worst;
}

/** beliefs[i][ti][t] = probability of the full profile t given type ti (0 unless t has entry ti). */
export function beliefsFromPrior(sizes: readonly number[], prior: readonly Q[]): Q[][][] {
  return sizes.map((m, i) =>
    Array.from({ length: m }, (_, ti) => {
      let mass = Z;
      prior.forEach((p, t) => {
        if (decode(sizes, t)[i] === ti) mass = mass.add(p);
      });
      return prior.map((p, t) => (decode(sizes, t)[i] === ti && !mass.equals(0) ? p.div(mass) : Z));
    }),
  );
}

/** Interim utility of type ti of agent i reporting r, others truthful, beliefs over full profiles. */
export function interimU(env: Environment, m: DirectMechanism, beliefs: Q[][][], i: number, ti: number, r: number): Q {
  const sizes = sizesOf(env);
  let s = Z;
  beliefs[i]![ti]!.forEach((p, t) => {
    if (p.equals(0)) return;
    const dev = decode(sizes, t);
    dev[i] = r;
    s = s.add(p.mul(u(env, m, i, t, encode(sizes, dev))));
  });
  return s;
}

/** Interim expected payment of type ti of agent i (truthful). */
export function interimPay(_env: Environment, m: DirectMechanism, beliefs: Q[][][], i: number, ti: number): Q {
  let s = Z;
  beliefs[i]![ti]!.forEach((p, t) => (s = s.add(p.mul(m.payments[t]![i]!))));
  return s;
}

/** Largest BIC gain over all agents, types, reports; ≤ 0 iff BIC. */
export function maxBicGain(env: Environment, m: DirectMechanism, beliefs: Q[][][]): Q {
  const sizes = sizesOf(env);
  let worst = new Fraction(-1000000);
  for (let i = 0; i < sizes.length; i++)
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const truth = interimU(env, m, beliefs, i, ti, ti);
      for (let r = 0; r < sizes[i]!; r++) {
        const g = interimU(env, m, beliefs, i, ti, r).sub(truth);
        if (g.compare(worst) > 0) worst = g;
      }
    }
  return worst;
}

export function budget(m: DirectMechanism): Q[] {
  return m.payments.map((row) => row.reduce((a, b) => a.add(b), Z));
}

/** Every lottery puts all its mass on surplus-maximizing decisions. */
export function isEfficient(env: Environment, m: DirectMechanism): boolean {
  return m.allocation.every((lot, t) => {
    const s = env.decisions.map((_, d) => env.valuation.reduce((a, vi) => a.add(vi[t]![d]!), Z));
    const best = s.reduce((a, b) => (b.compare(a) > 0 ? b : a));
    return lot.every((p, d) => p.equals(0) || s[d]!.equals(best)) && lot.reduce((a, b) => a.add(b), Z).equals(1);
  });
}

export function product(marginals: readonly (readonly Q[])[]): Q[] {
  const sizes = marginals.map((m) => m.length);
  return Array.from({ length: count(sizes) }, (_, t) => decode(sizes, t).reduce((a, k, i) => a.mul(marginals[i]![k]!), new Fraction(1)));
}

// ------------------------------------------------------------- generators

export const smallRat = fc.tuple(fc.integer({ min: -6, max: 8 }), fc.integer({ min: 1, max: 3 })).map(([n, d]) => new Fraction(n, d));

/** A probability vector of length m with positive entries (weights 1..4). */
export const pmf = (m: number) =>
  fc.array(fc.integer({ min: 1, max: 4 }), { minLength: m, maxLength: m }).map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => new Fraction(x, s));
  });

/** A random private-values environment: n agents, own-type value rows per decision. */
export function pvEnv(opts: { maxAgents?: number; maxTypes?: number; maxDecisions?: number } = {}): fc.Arbitrary<Environment> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: opts.maxTypes ?? 3 }), { minLength: 2, maxLength: opts.maxAgents ?? 3 }),
      D: fc.integer({ min: 2, max: opts.maxDecisions ?? 3 }),
    })
    .chain(({ sizes, D }) =>
      fc.array(fc.array(smallRat, { minLength: D, maxLength: D }), { minLength: sizes.reduce((a, b) => a + b, 0), maxLength: sizes.reduce((a, b) => a + b, 0) }).map((rows) => {
        const own: Q[][][] = [];
        let c = 0;
        for (const m of sizes) own.push(rows.slice(c, (c += m)));
        return {
          agents: sizes.map((_, i) => `a${i}`),
          types: sizes.map((m) => Array.from({ length: m }, (_, k) => `t${k}`)),
          decisions: Array.from({ length: D }, (_, d) => `d${d}`),
          valuation: own.map((rowsI, i) => Array.from({ length: count(sizes) }, (_, t) => rowsI[decode(sizes, t)[i]!]!.slice())),
        } satisfies Environment;
      }),
    );
}

export const marginalsFor = (env: Environment) => fc.tuple(...sizesOf(env).map((m) => pmf(m)));
