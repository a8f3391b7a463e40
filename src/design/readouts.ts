/**
 * Readouts of a direct mechanism, computed from its tables alone (no LP): expected revenue and
 * welfare, an agent's expected utility, per-type interim utilities, and the FULL table of IC and
 * IR slacks per deviation (not only the worst, as the concept checks report). Every number exact.
 */
import { type Q, ZERO } from "../exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { expostUtility, lotteryValue, numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { conditionalBeliefs, hasPrivateValues, interimUtility } from "../concepts/index.ts";
import type { Axiom } from "./axioms.ts";
import { profileLabel } from "../model/labels.ts";

/** Σ_θ π(θ) Σ_i p_i(θ). */
export function expectedRevenue(mech: DirectMechanism, prior: readonly Q[]): Q {
  let s = ZERO;
  mech.payments.forEach((row, th) => row.forEach((p) => (s = s.add(prior[th]!.mul(p)))));
  return s;
}

/** Σ_θ π(θ) Σ_i v_i(x(θ), θ) (values of the allocation; payments are transfers). */
export function expectedWelfare(env: Environment, mech: DirectMechanism, prior: readonly Q[]): Q {
  let s = ZERO;
  for (let th = 0; th < numProfiles(env); th++) for (let i = 0; i < env.agents.length; i++) s = s.add(prior[th]!.mul(lotteryValue(env, i, th, mech.allocation[th]!)));
  return s;
}

/** Σ_θ π(θ) u_i(θ; θ). */
export function expectedUtility(env: Environment, mech: DirectMechanism, prior: readonly Q[], i: number): Q {
  let s = ZERO;
  for (let th = 0; th < numProfiles(env); th++) s = s.add(prior[th]!.mul(expostUtility(env, mech, i, th, th)));
  return s;
}

/** One type's interim expected utility (null for a type of probability 0) and its outside option. */
export interface InterimRow {
  readonly agent: string;
  readonly type: string;
  /** Interim expected utility (conditional belief), null for a type of probability 0. */
  readonly utility: Q | null;
  readonly outsideOption: Q;
}

/** Per-type interim utilities under the beliefs (conditional on the type). */
export function interimUtilities(env: Environment, mech: DirectMechanism, beliefs: Beliefs): InterimRow[] {
  const cond = conditionalBeliefs(env, beliefs);
  const out: InterimRow[] = [];
  env.agents.forEach((a, i) =>
    env.types[i]!.forEach((t, ti) => {
      const b = cond[i]![ti]!;
      out.push({ agent: a, type: t, utility: b === null ? null : interimUtility(env, mech, i, ti, ti, b), outsideOption: reservationOf(env, i, ti) });
    }),
  );
  return out;
}

/**
 * One IC or IR constraint of an axiom, in the LP's row naming, with its exact slack on a mechanism
 * (negative = violated).
 */
export interface SlackRow {
  readonly axiom: Axiom;
  /** Constraint in the LP's row naming. */
  readonly constraint: string;
  /** truth − deviation (IC) or utility − outside option (IR); negative = violated. */
  readonly slack: Q;
}

/** Every IC / IR constraint of the listed axioms with its exact slack on the mechanism. */
export function slackTable(env: Environment, mech: DirectMechanism, axioms: readonly Axiom[], beliefs?: Beliefs): SlackRow[] {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const out: SlackRow[] = [];
  const T = (i: number, k: number) => env.types[i]![k]!;
  const others = (i: number, k: number) => {
    const os = profileAt(othersSizes(sizes, i), k);
    let c = 0;
    return sizes.flatMap((_, j) => (j === i ? [] : [`${env.agents[j]}=${env.types[j]![os[c++]!]}`])).join(", ");
  };
  const pv = hasPrivateValues(env);
  for (const ax of axioms) {
    if (ax === "dsic" || ax === "epic") {
      for (let i = 0; i < n; i++) {
        const K = profileCount(othersSizes(sizes, i));
        for (let ti = 0; ti < sizes[i]!; ti++) for (let k2 = 0; k2 < sizes[i]!; k2++) {
          if (k2 === ti) continue;
          for (let r = 0; r < K; r++) {
            const tr = profileIndex(sizes, joinProfile(sizes, i, ti, r));
            const dv = profileIndex(sizes, joinProfile(sizes, i, k2, r));
            for (let t = 0; t < K; t++) {
              if ((ax === "epic" || pv) && t !== r) continue;
              const st = profileIndex(sizes, joinProfile(sizes, i, ti, t));
              const at = others(i, r) + (ax === "dsic" && !pv ? ` | true ${others(i, t)}` : "");
              out.push({ axiom: ax, constraint: `${ax === "dsic" ? "DSIC" : "EPIC"}[${env.agents[i]}, ${T(i, ti)}→${T(i, k2)}${at ? ` at ${at}` : ""}]`, slack: expostUtility(env, mech, i, st, tr).sub(expostUtility(env, mech, i, st, dv)) });
            }
          }
        }
      }
    } else if ((ax === "bic" || ax === "interim-ir") && beliefs) {
      const cond = conditionalBeliefs(env, beliefs);
      for (let i = 0; i < n; i++) for (let ti = 0; ti < sizes[i]!; ti++) {
        const b = cond[i]![ti]!;
        if (b === null) continue;
        const truth = interimUtility(env, mech, i, ti, ti, b);
        if (ax === "interim-ir") out.push({ axiom: ax, constraint: `IIR[${env.agents[i]}, ${T(i, ti)}]`, slack: truth.sub(reservationOf(env, i, ti)) });
        else for (let k2 = 0; k2 < sizes[i]!; k2++) if (k2 !== ti) out.push({ axiom: ax, constraint: `BIC[${env.agents[i]}, ${T(i, ti)}→${T(i, k2)}]`, slack: truth.sub(interimUtility(env, mech, i, ti, k2, b)) });
      }
    } else if (ax === "ex-post-ir") {
      for (let th = 0; th < numProfiles(env); th++) {
        const prof = profileAt(sizes, th);
        for (let i = 0; i < n; i++) out.push({ axiom: ax, constraint: `EPIR[${env.agents[i]} at ${profileLabel(env, th)}]`, slack: expostUtility(env, mech, i, th, th).sub(reservationOf(env, i, prof[i]!)) });
      }
    }
  }
  return out;
}
