/**
 * Single-object allocation environments on finite value grids ([Mishra2020, *Cavallo mechanism*],
 * *Relax efficiency*, CGK's partnership model with a single object; [BernardMD3, *Auction of an
 * Indivisible Good*]): agent i's type θ_i has value w_i(θ_i); decision d = i gives the object to
 * agent i, and, when `noSale` is set, a last decision gives it to nobody. v_i(d, θ) = w_i(θ_i) if
 * d = i, else 0 (private values).
 *
 * Also the order statistics the redistribution mechanisms use, with ties broken by agent index
 * (the lower index ranks first), which is the order vcg.ts's efficient rule uses.
 */
import { MechcheckError } from "../errors.ts";
import { q, type Q, type QInput, ZERO } from "../exact/rational.ts";
import type { Environment } from "./environment.ts";
import { allProfiles } from "./profiles.ts";

/** Options of a single-object environment: whether there is a "no sale" decision, and the agents' labels. */
export interface SingleObjectOptions {
  /** Add a decision "nobody gets the object" (last index). Default false. */
  readonly noSale?: boolean;
  readonly agentLabels?: readonly string[];
}

/** values[i][θ_i] = w_i(θ_i): agent i's value grid (types are labelled by their values). */
export function singleObjectEnvironment(values: readonly (readonly QInput[])[], opts: SingleObjectOptions = {}): Environment {
  if (!Array.isArray(values) || values.length === 0) throw new MechcheckError("dimension", "values: expected one value grid per agent (at least one agent)", { path: "values", value: values });
  const w = values.map((grid, i) => {
    if (!Array.isArray(grid) || grid.length === 0) throw new MechcheckError("dimension", `values[${i}]: expected a nonempty list of values`, { path: `values[${i}]`, value: grid });
    return grid.map((v, k) => q(v, `values[${i}][${k}]`));
  });
  w.forEach((grid, i) => {
    const seen = new Set<string>();
    grid.forEach((v, k) => {
      const key = v.toFraction();
      if (seen.has(key)) throw new MechcheckError("duplicate-type", `values[${i}][${k}]: value ${key} appears twice in agent ${i}'s grid`, { path: `values[${i}][${k}]`, value: key });
      seen.add(key);
    });
  });
  const n = w.length;
  const agents = opts.agentLabels?.slice() ?? w.map((_, i) => String(i + 1));
  if (agents.length !== n) throw new MechcheckError("dimension", `agentLabels: expected ${n} labels, got ${agents.length}`, { path: "agentLabels", value: agents.length });
  const decisions = agents.map((a) => `${a} gets the object`);
  if (opts.noSale) decisions.push("nobody gets the object");
  const sizes = w.map((g) => g.length);
  const profiles = [...allProfiles(sizes)];
  return {
    agents,
    types: w.map((g) => g.map((v) => v.toFraction())),
    typeValues: w,
    decisions,
    valuation: w.map((grid, i) => profiles.map((p) => decisions.map((_, d) => (d === i ? grid[p[i]!]! : ZERO)))),
  };
}

/** The agents' values at a type profile. */
export function valuesAt(values: readonly (readonly Q[])[], profile: readonly number[]): Q[] {
  return profile.map((k, i) => values[i]![k]!);
}

/** Agents ordered by value, highest first, ties by lower index first. */
export function rankAgents(vals: readonly Q[], among?: readonly number[]): number[] {
  const idx = among ? among.slice() : vals.map((_, i) => i);
  return idx.sort((a, b) => {
    const c = vals[b]!.compare(vals[a]!);
    return c !== 0 ? c : a - b;
  });
}

/** The k-th highest (k = 1, 2, …) of a list of values, with multiplicity; null if there are fewer than k. */
export function kthHighest(vals: readonly Q[], k: number): Q | null {
  if (vals.length < k) return null;
  return vals.slice().sort((a, b) => b.compare(a))[k - 1]!;
}

/**
 * The value grids of a single-object environment: typeValues must be present, decisions 0..n−1
 * must be "agent i gets the object" (optionally followed by one "nobody" decision), and
 * v_i(d, θ) = w_i(θ_i)·[d = i] must hold at every profile. Throws MechcheckError naming the field.
 */
export function requireTypeValues(env: Environment): readonly (readonly Q[])[] {
  const n = env.agents.length;
  if (!env.typeValues) throw new MechcheckError("missing-type-values", "environment.typeValues: a single-object mechanism needs the value of each type", { path: "typeValues" });
  if (env.decisions.length !== n && env.decisions.length !== n + 1) {
    throw new MechcheckError("not-single-object", `environment.decisions: expected ${n} decisions (decision i = agent i gets the object) or ${n + 1} (plus "nobody"), got ${env.decisions.length}`, { path: "decisions", value: env.decisions.length });
  }
  const sizes = env.types.map((t) => t.length);
  let t = 0;
  for (const p of allProfiles(sizes)) {
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < env.decisions.length; d++) {
        const want = d === i ? env.typeValues[i]![p[i]!]! : ZERO;
        const got = env.valuation[i]![t]![d]!;
        if (!got.equals(want)) {
          throw new MechcheckError("not-single-object", `valuation[${i}][${t}][${d}]: expected ${want.toFraction()} in a single-object environment (value of type ${p[i]} if d = ${i}, else 0), got ${got.toFraction()}`, { path: `valuation[${i}][${t}][${d}]`, value: got.toFraction() });
        }
      }
    }
    t++;
  }
  return env.typeValues;
}
