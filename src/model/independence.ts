/**
 * Independent common priors and interim expectations, exactly — the shared ground of the
 * mechanisms of [BernardMD3, §7] (Prop 7.1 budget balancing, Def 7.4 expected externality: "Suppose
 * types are independent and admit a common prior") and [Mishra2020] (*The dAGV mechanism*: "types are
 * drawn independently").
 *
 * A common prior prior[θ] over type profiles (mixed-radix order of profiles.ts) is independent iff
 * it equals the product of its marginals at every profile; `independentMarginals` decides this
 * exactly and either returns the marginals or throws, naming the first profile where
 * prior[θ] ≠ Π_i μ_i(θ_i). Interim expectations E_{θ_i}[f] = Σ_{θ_{-i}} Π_{j≠i} μ_j(θ_j) f(θ_i, θ_{-i})
 * are then computed from the marginals (well defined even for a type of probability zero).
 *
 * Also: the private-values check (v_i(d, θ) depends on θ_i only) these constructions assume.
 */
import { MechcheckError } from "../errors.ts";
import { productPrior } from "./environment.ts";
import { ONE, q, type Q, type QInput, qstr, sign, ZERO } from "../exact/rational.ts";
import { numProfiles, typeSizes, type Environment } from "./environment.ts";
import { allProfiles, joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "./profiles.ts";

/** μ[i][θ_i]: agent i's marginal. */
export type Marginals = readonly (readonly Q[])[];

/** Parse and validate a probability vector (nonnegative, exact sum 1). */
export function probabilityVector(values: readonly QInput[], where: string, length?: number): Q[] {
  if (!Array.isArray(values)) throw new MechcheckError("bad-probability", `${where}: expected an array of probabilities`, { path: where, value: values });
  if (length !== undefined && values.length !== length) {
    throw new MechcheckError("dimension", `${where}: expected ${length} probabilities, got ${values.length}`, { path: where, value: values.length });
  }
  let s = ZERO;
  const out = values.map((v, k) => {
    const x = q(v, `${where}[${k}]`);
    if (sign(x) < 0) throw new MechcheckError("bad-probability", `${where}[${k}]: probability ${qstr(x)} is negative`, { path: `${where}[${k}]`, value: qstr(x) });
    s = s.add(x);
    return x;
  });
  if (!s.equals(ONE)) throw new MechcheckError("bad-probability", `${where}: probabilities sum to ${qstr(s)}, not 1`, { path: where, value: qstr(s) });
  return out;
}

/** Validate marginals against type-set sizes. */
export function validateMarginals(sizes: readonly number[], marginals: readonly (readonly QInput[])[]): Q[][] {
  if (!Array.isArray(marginals) || marginals.length !== sizes.length) {
    throw new MechcheckError("dimension", `marginals: expected ${sizes.length} agents, got ${Array.isArray(marginals) ? marginals.length : typeof marginals}`, { path: "marginals", value: Array.isArray(marginals) ? marginals.length : marginals });
  }
  return marginals.map((m, i) => probabilityVector(m, `marginals[${i}]`, sizes[i]));
}

/** The product prior Π_i μ_i(θ_i), indexed by profile (src/model/environment.ts productPrior). */
export function productOfMarginals(marginals: Marginals): Q[] {
  return productPrior(marginals);
}

/** The marginals μ_i(θ_i) = Σ_{θ_{-i}} prior(θ_i, θ_{-i}) of a common prior (validated). */
export function marginalsOf(sizes: readonly number[], prior: readonly QInput[]): Q[][] {
  const p = probabilityVector(prior, "prior", profileCount(sizes));
  const out = sizes.map((m) => Array.from({ length: m }, () => ZERO));
  p.forEach((x, t) => {
    const prof = profileAt(sizes, t);
    for (let i = 0; i < sizes.length; i++) out[i]![prof[i]!] = out[i]![prof[i]!]!.add(x);
  });
  return out;
}

/**
 * Whether a common prior is the product of its marginals, with the marginals and, if not, the first
 * profile where prior and product differ (both exact).
 */
export type IndependenceVerdict =
  | { readonly independent: true; readonly marginals: Q[][] }
  | { readonly independent: false; readonly marginals: Q[][]; readonly profile: number[]; readonly prior: Q; readonly product: Q };

/** Decide exactly whether a common prior is the product of its marginals; if not, the first profile where it is not. */
export function checkIndependence(sizes: readonly number[], prior: readonly QInput[]): IndependenceVerdict {
  const marginals = marginalsOf(sizes, prior);
  const product = productOfMarginals(marginals);
  for (let t = 0; t < product.length; t++) {
    const pt = q(prior[t]!, `prior[${t}]`);
    if (!pt.equals(product[t]!)) return { independent: false, marginals, profile: profileAt(sizes, t), prior: pt, product: product[t]! };
  }
  return { independent: true, marginals };
}

/** The marginals of an independent common prior; throws MechcheckError "not-independent" otherwise. */
export function independentMarginals(sizes: readonly number[], prior: readonly QInput[]): Q[][] {
  const v = checkIndependence(sizes, prior);
  if (!v.independent) {
    const t = profileIndex(sizes, v.profile);
    throw new MechcheckError(
      "not-independent",
      `prior[${t}]: the prior is not independent: at type profile (${v.profile.join(", ")}) it is ${qstr(v.prior)}, but the product of its marginals is ${qstr(v.product)}`,
      { path: `prior[${t}]`, value: qstr(v.prior) },
    );
  }
  return v.marginals;
}

/** Probability of each profile of the others, Π_{j≠i} μ_j(θ_j), indexed by othersIndex. */
export function othersProbabilities(marginals: Marginals, i: number): Q[] {
  const sizes = marginals.map((m) => m.length);
  const os = othersSizes(sizes, i);
  const others = marginals.filter((_, j) => j !== i);
  const out: Q[] = [];
  for (const p of allProfiles(os)) {
    let x = ONE;
    for (let j = 0; j < p.length; j++) x = x.mul(others[j]![p[j]!]!);
    out.push(x);
  }
  return out;
}

/**
 * Interim expectation E_{θ_i}[f(θ_i, T_{-i})] under independent marginals: Σ_k P(θ_{-i} = k) f(θ),
 * θ the index of the profile (θ_i, k).
 */
export function interimExpectation(marginals: Marginals, i: number, ti: number, f: (theta: number) => Q): Q {
  const sizes = marginals.map((m) => m.length);
  const probs = othersProbabilities(marginals, i);
  let s = ZERO;
  probs.forEach((pk, k) => {
    if (pk.n !== 0n) s = s.add(pk.mul(f(profileIndex(sizes, joinProfile(sizes, i, ti, k)))));
  });
  return s;
}

/** Ex ante expectation E[f(T)] under the product of the marginals. */
export function exAnteExpectation(marginals: Marginals, f: (theta: number) => Q): Q {
  const prior = productOfMarginals(marginals);
  let s = ZERO;
  prior.forEach((p, t) => {
    if (p.n !== 0n) s = s.add(p.mul(f(t)));
  });
  return s;
}

/**
 * Throws MechcheckError "not-private-values" unless v_i(d, θ) depends on θ_i only (naming the
 * first agent, profiles and decision where it does not).
 */
export function requirePrivateValues(env: Environment): void {
  const sizes = typeSizes(env);
  for (let i = 0; i < env.agents.length; i++) {
    const first = new Map<number, number>();
    for (let t = 0; t < numProfiles(env); t++) {
      const ti = profileAt(sizes, t)[i]!;
      const t0 = first.get(ti);
      if (t0 === undefined) {
        first.set(ti, t);
        continue;
      }
      const a = env.valuation[i]![t0]!;
      const b = env.valuation[i]![t]!;
      for (let d = 0; d < env.decisions.length; d++) {
        if (!a[d]!.equals(b[d]!)) {
          throw new MechcheckError(
            "not-private-values",
            `valuation[${i}][${t}][${d}]: values are not private: agent ${i}'s value of decision ${d} is ${qstr(b[d]!)} at profile ${t} but ${qstr(a[d]!)} at profile ${t0}, with the same own type ${ti}`,
            { path: `valuation[${i}][${t}][${d}]`, value: qstr(b[d]!) },
          );
        }
      }
    }
  }
}

/** Checks that a direct mechanism's tables fit the environment (rows per profile, entries per decision/agent). */
export function requireDirectShape(env: Environment, mech: { allocation: readonly (readonly Q[])[]; payments: readonly (readonly Q[])[] }, where = "mechanism"): void {
  const m = numProfiles(env);
  if (mech.allocation.length !== m) throw new MechcheckError("dimension", `${where}.allocation: expected ${m} rows (one per profile), got ${mech.allocation.length}`, { path: `${where}.allocation`, value: mech.allocation.length });
  if (mech.payments.length !== m) throw new MechcheckError("dimension", `${where}.payments: expected ${m} rows (one per profile), got ${mech.payments.length}`, { path: `${where}.payments`, value: mech.payments.length });
  for (let t = 0; t < m; t++) {
    if (mech.allocation[t]!.length !== env.decisions.length) {
      throw new MechcheckError("dimension", `${where}.allocation[${t}]: expected ${env.decisions.length} probabilities, got ${mech.allocation[t]!.length}`, { path: `${where}.allocation[${t}]`, value: mech.allocation[t]!.length });
    }
    if (mech.payments[t]!.length !== env.agents.length) {
      throw new MechcheckError("dimension", `${where}.payments[${t}]: expected ${env.agents.length} payments, got ${mech.payments[t]!.length}`, { path: `${where}.payments[${t}]`, value: mech.payments[t]!.length });
    }
  }
}
