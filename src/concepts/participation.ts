/**
 * Individual rationality against the reservation levels env.reservation (absent = 0).
 * - Ex post IR ([ChungEly2002, Def 3]; [BrooksExPost2023, *From interim to ex post*]): ∀i, θ: u_i(f(θ), θ) ≥ r_i(θ_i).
 * - Interim IR ([ChungEly2002, Def 2]): ∀i, θ_i: Σ_{θ_{-i}} π_i(θ_{-i}|θ_i) u_i(f(θ), θ) ≥ r_i(θ_i); with
 *   a common prior, types of prior probability zero impose no constraint (as for BIC, incentives.ts).
 * A violation's `gain` is what the agent gains by opting out: r_i(θ_i) − utility.
 */
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { expostUtility, numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { entryAt, profileAt, strides } from "../model/profiles.ts";
import { Scan } from "./common.ts";
import { conditionalBeliefs, interimUtilityAt } from "./incentives.ts";
import type { ExPostIrViolation, InterimIrViolation, SlackWitness, Verdict } from "./types.ts";
import { validateDirectMechanism, validateEnvironment } from "../model/validate.ts";

/**
 * Whether a direct mechanism is ex post individually rational against env.reservation
 * ([ChungEly2002, Def 3]), decided exactly; a violation's gain is what the agent gains by opting
 * out.
 */
export function isExPostIR(env: Environment, mech: DirectMechanism): Verdict<SlackWitness, ExPostIrViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const P = numProfiles(env);
  const scan = new Scan<ExPostIrViolation>();
  for (let th = 0; th < P; th++) {
    for (let i = 0; i < sizes.length; i++) {
      const utility = expostUtility(env, mech, i, th, th);
      const reservation = reservationOf(env, i, entryAt(st[i]!, sizes[i]!, th));
      const gain = reservation.sub(utility);
      scan.see(gain, () => ({ code: "expost-ir", agent: i, trueProfile: profileAt(sizes, th), utility, reservation, gain }));
    }
  }
  return scan.verdict();
}

/**
 * Whether a direct mechanism is interim individually rational under the given beliefs
 * ([ChungEly2002, Def 2]), decided exactly; types of prior probability zero impose no constraint.
 */
export function isInterimIR(env: Environment, mech: DirectMechanism, beliefs: Beliefs): Verdict<SlackWitness, InterimIrViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const cond = conditionalBeliefs(env, beliefs);
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const scan = new Scan<InterimIrViolation>();
  for (let i = 0; i < sizes.length; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const b = cond[i]![ti]!;
      if (b === null) continue;
      const utility = interimUtilityAt(env, mech, i, st[i]!, sizes[i]!, ti, ti, b);
      const reservation = reservationOf(env, i, ti);
      const gain = reservation.sub(utility);
      scan.see(gain, () => ({ code: "interim-ir", agent: i, trueType: ti, belief: b, utility, reservation, gain }));
    }
  }
  return scan.verdict();
}
