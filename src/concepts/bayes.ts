/**
 * Indirect mechanisms on a Harsanyi type space ([BrooksMaxmin2023, *Primitives*, *Guarantee*]; [BrooksExPost2023,
 * *Aside on no-trade*]): Bayes Nash equilibrium of given strategies, and the obedience constraints
 * of Bayes correlated equilibrium (BCE) as LP rows.
 *
 * Conventions. The type space's states are the environment's payoff profiles (index order of
 * profiles.ts), so v_i(x, s) = env.valuation[i][s][x]; its agents are the environment's agents.
 * Agent i of type t_i holds the belief π_i(t_{-i}, s | t_i) = ts.beliefs[i][t_i][k·|Θ| + s]
 * (k = the others' type-profile index); beliefs need not come from a common prior. Utility of the
 * action profile a at state s: u_i(g(a), s) = Σ_x g(x|a) v_i(x, s) − p_i(a).
 */
import { type Q, ZERO, ONE } from "../exact/rational.ts";
import type { LpBuilder, TermInput } from "../lp/model.ts";
import type { Environment, HarsanyiTypeSpace, IndirectMechanism } from "../model/environment.ts";
import { lotteryValue, numProfiles } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { Scan } from "./common.ts";
import type { BneViolation, SlackWitness, Verdict } from "./types.ts";
import { type Strategy, validateEnvironment, validateIndirectMechanism, validateStrategy, validateTypeSpace } from "../model/validate.ts";

export type { Strategy } from "../model/validate.ts";

/** u_i(g(a), s) for action-profile index a and state s. */
export function actionUtility(env: Environment, mech: IndirectMechanism, i: number, a: number, s: number): Q {
  return lotteryValue(env, i, s, mech.outcome[a]!).sub(mech.payments[a]![i]!);
}

function validateAll(env: Environment, mech: IndirectMechanism, ts: HarsanyiTypeSpace): void {
  validateEnvironment(env);
  validateIndirectMechanism(env, mech);
  validateTypeSpace(env, ts);
}

/**
 * Interim expected utility of agent i of type t_i playing action a_i for sure while the others
 * follow `strategy`: Σ_{t_{-i}, s} π_i(t_{-i}, s | t_i) Σ_{a_{-i}} Π_{j≠i} β_j(a_j | t_j) u_i(g(a_i, a_{-i}), s).
 */
export function interimActionUtility(env: Environment, mech: IndirectMechanism, ts: HarsanyiTypeSpace, strategy: Strategy, i: number, ti: number, ai: number): Q {
  const tsizes = ts.types.map((t) => t.length);
  const asizes = mech.actions.map((a) => a.length);
  const S = numProfiles(env);
  const aOthers = othersSizes(asizes, i);
  const AO = profileCount(aOthers);
  const belief = ts.beliefs[i]![ti]!;
  let total = ZERO;
  for (let ks = 0; ks < belief.length; ks++) {
    const w = belief[ks]!;
    if (w.n === 0n) continue;
    const k = Math.floor(ks / S);
    const s = ks % S;
    const tProfile = joinProfile(tsizes, i, ti, k);
    for (let ao = 0; ao < AO; ao++) {
      const aProfile = joinProfile(asizes, i, ai, ao);
      let pr = ONE;
      for (let j = 0; j < asizes.length && pr.n !== 0n; j++) if (j !== i) pr = pr.mul(strategy[j]![tProfile[j]!]![aProfile[j]!]!);
      if (pr.n === 0n) continue;
      total = total.add(w.mul(pr).mul(actionUtility(env, mech, i, profileIndex(asizes, aProfile), s)));
    }
  }
  return total;
}

/**
 * Is the behavioural strategy profile β (strategy[i][t_i][a_i] = β_i(a_i|t_i)) a Bayes Nash
 * equilibrium? For every agent and type, no action yields a higher interim utility than β_i(·|t_i)
 * ([BrooksMaxmin2023, *Primitives*]: "Agents play a Bayes Nash equilibrium"). A violation names the best
 * deviation (largest gain, lowest action index among ties).
 */
export function isBayesNashEquilibrium(env: Environment, mech: IndirectMechanism, ts: HarsanyiTypeSpace, strategy: Strategy): Verdict<SlackWitness, BneViolation> {
  validateAll(env, mech, ts);
  validateStrategy(mech, ts, strategy);
  const scan = new Scan<BneViolation>();
  for (let i = 0; i < ts.types.length; i++) {
    for (let ti = 0; ti < ts.types[i]!.length; ti++) {
      const U = mech.actions[i]!.map((_, a) => interimActionUtility(env, mech, ts, strategy, i, ti, a));
      let eq = ZERO;
      U.forEach((u, a) => (eq = eq.add(strategy[i]![ti]![a]!.mul(u))));
      U.forEach((u, a) => {
        const gain = u.sub(eq);
        scan.see(gain, () => ({ code: "bne", agent: i, trueType: ti, action: a, equilibriumUtility: eq, deviationUtility: u, gain }));
      });
    }
  }
  return scan.verdict();
}

/**
 * The LP columns and row names of the Bayes correlated equilibrium obedience constraints built by
 * `bceConstraints`: σ(a | t, s) by index, the probability rows and the obedience rows.
 */
export interface BceVariables {
  /** Index of the LP variable σ(a | t, s) for type-profile index t, state s, action-profile index a. */
  sigma(t: number, s: number, a: number): number;
  /** Names of the rows Σ_a σ(a|t,s) = 1, one per (t, s). */
  readonly probabilityRows: readonly string[];
  /** Names of the obedience rows, one per (i, t_i, a_i, a'_i ≠ a_i). */
  readonly obedienceRows: readonly string[];
}

/**
 * Add the BCE constraints of (mech, ts) for a decision rule σ(a | t, s) to `builder` (Bergemann–
 * Morris; [BrooksMaxmin2023, *Lower bounding the guarantee*], there with a trivial type space):
 *   σ(a | t, s) ∈ [0, 1],  Σ_a σ(a | t, s) = 1                                       for all t, s;
 *   Σ_{t_{-i}, s, a_{-i}} π_i(t_{-i}, s | t_i) σ(a_i, a_{-i} | t, s) [u_i(g(a'_i, a_{-i}), s) − u_i(g(a), s)] ≤ 0
 *                                                                         for all i, t_i, a_i, a'_i ≠ a_i
 * (obedience: a recommended a_i is a best reply to the information it carries). With a common
 * prior these are the notes' constraints divided by the positive marginal π(t_i). Variables are
 * named `sigma[t=…;s=…;a=…]` (indices), rows `bce-prob[t=…;s=…]` and `bce-obey[i=…;t=…;a=…>…]`,
 * each with `prefix` in front. The caller sets the objective (e.g. min expected revenue).
 */
export function bceConstraints(builder: LpBuilder, env: Environment, mech: IndirectMechanism, ts: HarsanyiTypeSpace, prefix = ""): BceVariables {
  validateAll(env, mech, ts);
  const tsizes = ts.types.map((t) => t.length);
  const asizes = mech.actions.map((a) => a.length);
  const T = profileCount(tsizes);
  const S = numProfiles(env);
  const A = profileCount(asizes);
  const vars: number[] = [];
  const tkey = (t: number) => profileAt(tsizes, t).join(",");
  const akey = (a: number) => profileAt(asizes, a).join(",");
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < A; a++) vars.push(builder.variable(`${prefix}sigma[t=${tkey(t)};s=${s};a=${akey(a)}]`, { lower: 0, upper: 1 }));
    }
  }
  const sigma = (t: number, s: number, a: number) => vars[(t * S + s) * A + a]!;
  const probabilityRows: string[] = [];
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) {
      const name = `${prefix}bce-prob[t=${tkey(t)};s=${s}]`;
      const terms: TermInput[] = [];
      for (let a = 0; a < A; a++) terms.push([sigma(t, s, a), 1]);
      builder.row(name, terms, "=", 1);
      probabilityRows.push(name);
    }
  }
  const obedienceRows: string[] = [];
  for (let i = 0; i < tsizes.length; i++) {
    const AO = profileCount(othersSizes(asizes, i));
    for (let ti = 0; ti < tsizes[i]!; ti++) {
      const belief = ts.beliefs[i]![ti]!;
      for (let ai = 0; ai < asizes[i]!; ai++) {
        for (let dev = 0; dev < asizes[i]!; dev++) {
          if (dev === ai) continue;
          const terms: TermInput[] = [];
          for (let ks = 0; ks < belief.length; ks++) {
            const w = belief[ks]!;
            if (w.n === 0n) continue;
            const k = Math.floor(ks / S);
            const s = ks % S;
            const t = profileIndex(tsizes, joinProfile(tsizes, i, ti, k));
            for (let ao = 0; ao < AO; ao++) {
              const a = profileIndex(asizes, joinProfile(asizes, i, ai, ao));
              const aDev = profileIndex(asizes, joinProfile(asizes, i, dev, ao));
              const c = w.mul(actionUtility(env, mech, i, aDev, s).sub(actionUtility(env, mech, i, a, s)));
              if (c.n !== 0n) terms.push([sigma(t, s, a), c]);
            }
          }
          const name = `${prefix}bce-obey[i=${i};t=${ti};a=${ai}>${dev}]`;
          builder.row(name, terms, "<=", 0);
          obedienceRows.push(name);
        }
      }
    }
  }
  return { sigma, probabilityRows, obedienceRows };
}
