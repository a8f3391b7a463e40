/**
 * Ex post (allocative) efficiency: every decision chosen with positive probability at θ maximizes
 * the surplus Σ_i v_i(·, θ) ([BernardMD3, Def 6.16] "efficient decision rule"; [ChungEly2002, Def 5]).
 * `efficientRule` breaks ties by the LOWEST decision index (the first decision listed).
 */
import type { Q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { DecisionRule, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, surplus, typeSizes } from "../model/environment.ts";
import { profileAt, profileIndex, type Profile } from "../model/profiles.ts";
import type { EfficiencyViolation, Verdict } from "./types.ts";
import { validateDirectMechanism, validateEnvironment } from "../model/validate.ts";

function stateIndex(env: Environment, theta: number | Profile): number {
  const P = numProfiles(env);
  const idx = typeof theta === "number" ? theta : profileIndex(typeSizes(env), theta);
  if (!Number.isInteger(idx) || idx < 0 || idx >= P) throw new MechcheckError("bad-profile", `profile ${JSON.stringify(theta)} is not a type profile of this environment (0..${P - 1})`, { path: "theta", value: theta });
  return idx;
}

/** The surplus-maximizing decisions at θ (a profile index or a profile), ascending. */
export function efficientDecisions(env: Environment, theta: number | Profile): number[] {
  const th = stateIndex(env, theta);
  let best: Q | null = null;
  let arg: number[] = [];
  for (let d = 0; d < env.decisions.length; d++) {
    const s = surplus(env, th, d);
    const c = best === null ? 1 : s.compare(best);
    if (c > 0) {
      best = s;
      arg = [d];
    } else if (c === 0) arg.push(d);
  }
  return arg;
}

/** An efficient deterministic rule, ties broken by the lowest decision index. */
export function efficientRule(env: Environment): DecisionRule {
  validateEnvironment(env);
  const out: number[] = [];
  const P = numProfiles(env);
  for (let th = 0; th < P; th++) out.push(efficientDecisions(env, th)[0]!);
  return out;
}

/** Fails with the largest surplus loss among decisions in the support (first among ties). */
export function isExPostEfficient(env: Environment, mech: DirectMechanism): Verdict<{ readonly profiles: number }, EfficiencyViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  let worst: EfficiencyViolation | null = null;
  for (let th = 0; th < P; th++) {
    const bestDecision = efficientDecisions(env, th)[0]!;
    const bestSurplus = surplus(env, th, bestDecision);
    const lottery = mech.allocation[th]!;
    for (let d = 0; d < lottery.length; d++) {
      if (lottery[d]!.n === 0n) continue;
      const s = surplus(env, th, d);
      const loss = bestSurplus.sub(s);
      if (loss.n !== 0n && (worst === null || loss.compare(worst.loss) > 0)) {
        worst = { code: "efficiency", profile: profileAt(sizes, th), decision: d, probability: lottery[d]!, surplus: s, bestDecision, bestSurplus, loss };
      }
    }
  }
  return worst === null ? { verdict: "holds", witness: { profiles: numProfiles(env) } } : { verdict: "fails", violation: worst };
}
