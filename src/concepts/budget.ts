/**
 * Budget balance of a direct mechanism's payments (p_i is paid BY agent i, so Σ_i p_i is the
 * designer's revenue). [BernardMD3, §7] (*Budget balance*, Prop 7.1, Cor 7.3); [Mishra2020] (*The dAGV
 * mechanism*, *Cavallo mechanism*: "never a deficit").
 * - ex post budget balanced: Σ_i p_i(θ) = 0 for every report profile θ;
 * - ex ante budget balanced: Σ_θ π(θ) Σ_i p_i(θ) = 0 under a common prior π;
 * - no deficit: Σ_i p_i(θ) ≥ 0 for every θ.
 * Checked at every profile (also those of prior probability zero): these are properties of the
 * payment rule, not of a prior.
 */
import { type Q, ZERO, qsum, sign } from "../exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { profileAt } from "../model/profiles.ts";
import { priorOf } from "./incentives.ts";
import type { BudgetBalanceViolation, ExAnteBudgetBalanceViolation, NoDeficitViolation, Verdict } from "./types.ts";
import { IssueList, checkDistribution, validateDirectMechanism, validateEnvironment } from "../model/validate.ts";

/** Witness of budget properties: the minimum and maximum total payment over profiles. */
export interface BudgetWitness {
  readonly minTotal: Q;
  readonly maxTotal: Q;
}

function totals(env: Environment, mech: DirectMechanism): Q[] {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  return mech.payments.map((p) => qsum(p));
}

function range(ts: readonly Q[]): BudgetWitness {
  let minTotal = ts[0]!;
  let maxTotal = ts[0]!;
  for (const t of ts) {
    if (t.compare(minTotal) < 0) minTotal = t;
    if (t.compare(maxTotal) > 0) maxTotal = t;
  }
  return { minTotal, maxTotal };
}

/** Fails at the first profile (index order) with a nonzero total. */
export function isExPostBudgetBalanced(env: Environment, mech: DirectMechanism): Verdict<BudgetWitness, BudgetBalanceViolation> {
  const ts = totals(env, mech);
  const sizes = typeSizes(env);
  for (let th = 0; th < ts.length; th++) {
    if (ts[th]!.n !== 0n) return { verdict: "fails", violation: { code: "budget-balance", profile: profileAt(sizes, th), total: ts[th]! } };
  }
  return { verdict: "holds", witness: range(ts) };
}

/**
 * Whether the expected total payment Σ_θ π(θ) Σ_i p_i(θ) is exactly 0 under a common prior
 * ([BernardMD3, §7]); the witness holds the expected total. An invalid prior is a ValidationError.
 */
export function isExAnteBudgetBalanced(env: Environment, mech: DirectMechanism, prior: Beliefs | readonly Q[]): Verdict<{ readonly expectedTotal: Q }, ExAnteBudgetBalanceViolation> {
  const ts = totals(env, mech);
  const pr = priorOf(prior, "prior");
  const issues = new IssueList();
  checkDistribution(issues, pr, numProfiles(env), "prior");
  issues.throwIfAny();
  let e = ZERO;
  for (let th = 0; th < ts.length; th++) e = e.add(pr[th]!.mul(ts[th]!));
  return e.n === 0n ? { verdict: "holds", witness: { expectedTotal: e } } : { verdict: "fails", violation: { code: "ex-ante-budget-balance", expectedTotal: e } };
}

/** Fails at the profile with the largest deficit (most negative total; first among ties). */
export function isNoDeficit(env: Environment, mech: DirectMechanism): Verdict<BudgetWitness, NoDeficitViolation> {
  const ts = totals(env, mech);
  const w = range(ts);
  if (sign(w.minTotal) >= 0) return { verdict: "holds", witness: w };
  const th = ts.findIndex((t) => t.equals(w.minTotal));
  return { verdict: "fails", violation: { code: "no-deficit", profile: profileAt(typeSizes(env), th), total: w.minTotal } };
}
