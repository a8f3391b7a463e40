/**
 * The budget-balancing transform ([BernardMD3, Prop 7.1]; Cor 7.3). Types independent with a common
 * prior; for a direct mechanism (q, p) (agents numbered 1..n in the seed, 0..n−1 here, so the
 * notes' mod(i, n) + 1 is (i + 1) mod n):
 *
 *   p^B_i(τ) = E_{τ_i}[p_i(T)] − E_{τ_{i+1}}[p_{i+1}(T)] + E[p_{i+1}(T)] − (1/n) Σ_j E[p_j(T)],
 *
 * where E_{τ_i}[p_i(T)] = E[p_i(τ_i, T_{-i})] is the interim expected payment at own report τ_i.
 *
 * Checked against the maths (holds as printed): Σ_i p^B_i(τ) = 0 at every τ (the first two terms
 * telescope around the cycle, the last two cancel); by independence E_{τ_i}[E_{T_{i+1}}[p_{i+1}]] =
 * E[p_{i+1}], so i's interim payment at report r_i is E[p_i(r_i, T_{-i})] − S/n, S = Σ_j E[p_j(T)]
 * the ex ante expected surplus. Hence BIC is preserved and every type gains S/n ≥ 0 when S ≥ 0.
 * Erratum (proof of Prop 7.1, third line of the display): "E_{τ_i}[u_i(q(τ_i, T_{-i}), ϑ_i(τ_i))]"
 * must read E_{τ_i}[v_i(q(τ_i, T_{-i}), ϑ_i(τ_i)) − p_i(τ_i, T_{-i})] (the payment is dropped).
 *
 * The transform is defined whatever the sign of S; the result reports S so a caller can tell whether
 * "weakly preferred by every type" applies (it does iff S ≥ 0). With S = 0 (ex ante BB) this is the
 * equivalent ex post BB mechanism of Cor 7.3 (same q, same interim payments).
 */
import { MechcheckError } from "../errors.ts";
import { q, type Q, type QInput, ZERO } from "../exact/rational.ts";
import { typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { exAnteExpectation, interimExpectation, requireDirectShape, validateMarginals, type Marginals } from "../model/independence.ts";

/**
 * The budget-balancing transform of [BernardMD3, Prop 7.1] applied to a mechanism: the ex post
 * budget-balanced mechanism, the original's ex ante expected surplus S (every type weakly gains iff
 * S ≥ 0), and its interim and ex ante payments.
 */
export interface BudgetBalancedResult {
  readonly mechanism: DirectMechanism;
  /** S = Σ_j E[p_j(T)], the ex ante expected surplus of the original mechanism. */
  readonly expectedSurplus: Q;
  /** interimPayments[i][r_i] = E[p_i(r_i, T_{-i})] of the original mechanism. */
  readonly interimPayments: readonly (readonly Q[])[];
  /** E[p_j(T)] per agent. */
  readonly exAntePayments: readonly Q[];
}

/** interim[i][r_i] = E[p_i(r_i, T_{-i})] for each agent and own report, under independent marginals. */
export function interimPaymentTable(env: Environment, payments: readonly (readonly Q[])[], marginals: Marginals): Q[][] {
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => Array.from({ length: sizes[i]! }, (_, ri) => interimExpectation(marginals, i, ri, (t) => payments[t]![i]!)));
}

/**
 * Prop 7.1: p^B from p (see the module comment). `marginals` are the independent prior's marginals
 * (use independence.ts `independentMarginals` to extract them from a common prior).
 */
export function budgetBalance(env: Environment, mech: DirectMechanism, marginalsInput: readonly (readonly QInput[])[]): BudgetBalancedResult {
  const sizes = typeSizes(env);
  const n = env.agents.length;
  if (n < 1) throw new MechcheckError("dimension", "environment.agents: at least one agent is needed", { path: "agents", value: n });
  requireDirectShape(env, mech);
  const marginals = validateMarginals(sizes, marginalsInput);
  const interim = interimPaymentTable(env, mech.payments, marginals);
  const exAnte = env.agents.map((_, j) => exAnteExpectation(marginals, (t) => mech.payments[t]![j]!));
  const S = exAnte.reduce((a, b) => a.add(b), ZERO);
  const share = S.div(q(n));
  const payments: Q[][] = [];
  for (const prof of allProfiles(sizes)) {
    payments.push(
      env.agents.map((_, i) => {
        const k = (i + 1) % n; // the notes' mod(i, n) + 1 with 1-based agents
        return interim[i]![prof[i]!]!.sub(interim[k]![prof[k]!]!).add(exAnte[k]!).sub(share);
      }),
    );
  }
  return {
    mechanism: { kind: "direct", allocation: mech.allocation.map((r) => r.slice()), payments },
    expectedSurplus: S,
    interimPayments: interim,
    exAntePayments: exAnte,
  };
}
