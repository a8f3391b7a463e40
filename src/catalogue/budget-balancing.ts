/**
 * `budget-balancing` — [BernardMD3], Prop 7.1 (*Achieving a Balanced Budget*), Def 7.2 and
 * Cor 7.3 (*Ex-Ante Budget Balance vs. Ex-Post Budget Balance*), with the proof of Prop 7.1.
 *
 * Finite transcription. Independent types with a common prior (product of full-support marginals),
 * finitely many types, a direct mechanism (q, p) that is BIC and runs an ex ante expected surplus
 * S = Σ_j E[p_j(T)] ≥ 0 (the hypothesis). With p^B the seed's formula (mechanisms/budgetBalancing.ts;
 * agents 0..n−1, mod(i, n) + 1 = (i + 1) mod n):
 *  (1) (q, p^B) is ex post budget balanced (isExPostBudgetBalanced);
 *  (2) (q, p^B) is BIC (isBIC);
 *  (3) every type weakly prefers (q, p^B) to (q, p): its truthful interim utility rises by exactly
 *      S/n (checked as an equality, which is stronger; the proof's display gives it);
 * and Cor 7.3: for the ex ante budget-balanced mechanism p' = p − S/n (every agent refunded S/n),
 *  (4) the transform of p' is ex post BB and EQUIVALENT to p' (Def 7.2: same q, same interim expected
 *      payment E_{θ_i}[p_i(r_i, T_{-i})] for every agent, type θ_i and report r_i).
 * Mechanisms: VCG with Groves terms pivot + δ (DSIC, so BIC) and the dAGV mechanism plus constant
 * fees (BIC, not DSIC in general), on random private-values environments.
 * Erratum (noted in budgetBalancing.ts): in the proof's display the third line's
 * "E_{τ_i}[u_i(q(τ_i, T_{-i}), ϑ_i(τ_i))]" must include the payment; the check uses the definition.
 */
import fc from "fast-check";
import { interimUtility, isBIC, isExPostBudgetBalanced } from "../concepts/index.ts";
import { q, qstr, sign, ZERO, type Q } from "../exact/rational.ts";
import { independentPrior, privateValuesEnvironment } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { budgetBalance, interimPaymentTable } from "../budgetBalance/budgetBalancing.ts";
import { dagvMechanism } from "../budgetBalance/expectedExternality.ts";
import { independentMarginals } from "../model/independence.ts";
import { pivotTerms, vcgMechanism } from "../mechanisms/vcg.ts";
import { typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { othersSizes, profileCount } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { productPrior } from "../generators/independentPrior.ts";
import { privateEnvironment, shiftPayment } from "./support/controls.ts";
import { generatedCase } from "./support/controlsSectionsCDE.ts";
import { instanceCodec } from "../generators/ruleCases.ts";

const arbitrary: fc.Arbitrary<Instance> = privateValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).chain((env) => {
  const sizes = typeSizes(env);
  const vcg = fc
    .tuple(...sizes.map((_, i) => fc.array(fc.integer({ min: -1, max: 3 }), { minLength: profileCount(othersSizes(sizes, i)), maxLength: profileCount(othersSizes(sizes, i)) })))
    .map((delta) => vcgMechanism(env, pivotTerms(env).map((row, i) => row.map((v, k) => v.add(q(delta[i]![k]!))))));
  const fees = fc.array(fc.integer({ min: -1, max: 3 }), { minLength: sizes.length, maxLength: sizes.length });
  return independentPrior(env).chain((prior) => {
    const marginals = independentMarginals(sizes, prior);
    const dagv = fees.map((f): DirectMechanism => {
      const m = dagvMechanism(env, marginals);
      return { ...m, payments: m.payments.map((row) => row.map((p, i) => p.add(q(f[i]!)))) };
    });
    return fc.oneof({ weight: 2, arbitrary: vcg }, { weight: 1, arbitrary: dagv }).map((mechanism): Instance => ({ environment: env, beliefs: { kind: "common-prior", prior }, mechanism }));
  });
});

function expectedSurplus(env: Environment, m: DirectMechanism, prior: readonly Q[]): Q {
  let s = ZERO;
  prior.forEach((p, t) => {
    if (p.n !== 0n) s = s.add(p.mul(m.payments[t]!.reduce((a, b) => a.add(b), ZERO)));
  });
  void env;
  return s;
}

export const budgetBalancing: Theorem<Instance> = {
  id: "budget-balancing",
  kind: "theorem",
  source: "[BernardMD3, Prop 7.1, Def 7.2, Cor 7.3]",
  statement:
    "Independent types, common prior: if a BIC mechanism runs an ex ante expected surplus S ≥ 0, Prop 7.1's p^B is ex post BB, BIC, and raises every type's interim utility by exactly S/n; an ex ante BB mechanism has an equivalent (same q, same interim payments) ex post BB mechanism (Cor 7.3).",
  arbitrary,
  hypothesis,
  check: (x) => checkBudgetBalancing(x),
  codec: instanceCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "not BIC (one payment raised)",
      why: "pivot VCG on a 2 × 2 private-values environment (uniform prior) with agent 1's payment at the first profile raised by 10: type 1 of agent 1 gains by misreporting, and p^B keeps every interim payment up to a constant, so p^B is not BIC either (the BIC hypothesis carries weight)",
      input: () => {
        const env = privateEnvironment([[[0, 1], [0, 3]], [[2, 0], [0, 1]]]);
        const u = [q(1).div(q(2)), q(1).div(q(2))];
        return { environment: env, beliefs: { kind: "common-prior", prior: productPrior([u, u]) }, mechanism: shiftPayment(vcgMechanism(env, pivotTerms(env)), 0, 0, 10) };
      },
    },
    {
      name: "transform without the S/n refund",
      why: "Prop 7.1's p^B with the last term −S/n left out, on a generated case with expected surplus S > 0: the payments then sum to S at every profile, not 0",
      input: () => generatedCase(arbitrary, (x) => hypothesis(x) && sign(expectedSurplus(x.environment, x.mechanism as DirectMechanism, (x.beliefs as { prior: readonly Q[] }).prior)) > 0, "BIC with a strict expected surplus"),
      check: (x) =>
        checkBudgetBalancing(x, (env, m, marginals) => {
          const r = budgetBalance(env, m, marginals);
          const share = r.expectedSurplus.div(q(env.agents.length));
          return { ...r, mechanism: { ...r.mechanism, payments: r.mechanism.payments.map((row) => row.map((p) => p.add(share))) } };
        }),
    },
  ],
};

/** The hypothesis: the mechanism is BIC and runs an ex ante expected surplus S ≥ 0. */
function hypothesis(x: Instance): boolean {
  const prior = (x.beliefs as { prior: readonly Q[] }).prior;
  const m = x.mechanism as DirectMechanism;
  return isBIC(x.environment, m, x.beliefs!).verdict === "holds" && sign(expectedSurplus(x.environment, m, prior)) >= 0;
}

/** The check; `transform` is Prop 7.1's p^B (default budgetBalance), a parameter for the negative controls. */
export function checkBudgetBalancing(x: Instance, transform: typeof budgetBalance = budgetBalance): CheckResult {
  {
    const env = x.environment;
    const beliefs = x.beliefs!;
    const prior = (beliefs as { prior: readonly Q[] }).prior;
    const m = x.mechanism as DirectMechanism;
    const sizes = typeSizes(env);
    const n = sizes.length;
    const marginals = independentMarginals(sizes, prior);
    const res = transform(env, m, marginals);
    const S = expectedSurplus(env, m, prior);
    if (!res.expectedSurplus.equals(S)) return { ok: false, violation: { S: qstr(S), reported: qstr(res.expectedSurplus) }, message: `expected surplus ${qstr(S)} ≠ the transform's ${qstr(res.expectedSurplus)}` };
    const mb = res.mechanism;
    const bb = isExPostBudgetBalanced(env, mb);
    if (bb.verdict !== "holds") return { ok: false, violation: bb.violation, message: "p^B is not ex post budget balanced" };
    const bic = isBIC(env, mb, beliefs);
    if (bic.verdict !== "holds") return { ok: false, violation: bic.violation, message: "p^B is not BIC" };
    const share = S.div(q(n));
    for (let i = 0; i < n; i++) {
      for (let ti = 0; ti < sizes[i]!; ti++) {
        const belief = marginals.filter((_, j) => j !== i);
        // conditional belief over the others' profiles = product of their marginals (independence)
        const others = othersBelief(belief);
        const u0 = interimUtility(env, m, i, ti, ti, others);
        const u1 = interimUtility(env, mb, i, ti, ti, others);
        if (!u1.sub(u0).equals(share)) return { ok: false, violation: { agent: i, type: ti, before: qstr(u0), after: qstr(u1), share: qstr(share) }, message: `type ${env.types[i]![ti]} of agent ${env.agents[i]}: interim utility ${qstr(u0)} → ${qstr(u1)}, not + S/n = ${qstr(share)}` };
      }
    }
    // Cor 7.3 on the ex ante BB version.
    const exAnte: DirectMechanism = { ...m, payments: m.payments.map((row) => row.map((p) => p.sub(share))) };
    const eq = transform(env, exAnte, marginals).mechanism;
    const bb2 = isExPostBudgetBalanced(env, eq);
    if (bb2.verdict !== "holds") return { ok: false, violation: bb2.violation, message: "Cor 7.3: the transform of the ex ante BB mechanism is not ex post BB" };
    const before = interimPaymentTable(env, exAnte.payments, marginals);
    const after = interimPaymentTable(env, eq.payments, marginals);
    for (let i = 0; i < n; i++) for (let r = 0; r < sizes[i]!; r++) {
      if (!before[i]![r]!.equals(after[i]![r]!)) return { ok: false, violation: { agent: i, report: r, before: qstr(before[i]![r]!), after: qstr(after[i]![r]!) }, message: `Cor 7.3: interim payment of agent ${env.agents[i]} reporting ${env.types[i]![r]} changes from ${qstr(before[i]![r]!)} to ${qstr(after[i]![r]!)}` };
    }
    return { ok: true, certificate: { expectedSurplus: qstr(S), share: qstr(share) }, tag: sign(S) > 0 ? "strict expected surplus" : "zero expected surplus" };
  }
}

/** Product of the others' marginals, indexed like profiles.ts othersIndex. */
function othersBelief(others: readonly (readonly Q[])[]): Q[] {
  let out: Q[] = [q(1)];
  for (const m of others) {
    const next: Q[] = [];
    for (const a of out) for (const b of m) next.push(a.mul(b));
    out = next;
  }
  return out;
}
