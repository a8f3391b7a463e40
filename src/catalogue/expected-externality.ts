/**
 * `expected-externality` — [BernardMD3], Def 7.4 (*Expected-Externality Mechanism*) and its
 * interpretation slide; [Mishra2020], *Efficient mechanism*, *The dAGV mechanism* ("Theorem
 * The dAGV mechanism is efficient, budget-balanced, and Bayesian incentive compatible") and its
 * proof; [BernardMD3] *Home improvement* (the worked example of both slides).
 *
 * Finite transcription (independent private values, common prior = product of full-support
 * marginals, efficient rule of vcg.ts; mechanisms/expectedExternality.ts):
 *  (1) Bernard's p^EE_i(τ) = E_{τ_i}[p^piv_i] − E_{τ_{i+1}}[p^piv_{i+1}] and
 *  (2) the dAGV payments p_i = (1/(n−1)) Σ_{j≠i} r_j(v_j) − r_i(v_i)
 *      are both ex post efficient, ex post budget balanced and BIC (isExPostEfficient,
 *      isExPostBudgetBalanced, isBIC);
 *  (3) Bernard's remark: "If nobody has property rights and no social state incurs a social cost,
 *      then p^piv_i(ϑ) ≥ 0, hence redistribution in (3) preserves IC and IR" — transcribed as: when
 *      every valuation is ≥ 0 and every reservation level is 0, p^EE is interim IR (isInterimIR).
 *      (Why: U_i = E_{θ_i}[v_i − p^piv_i] + E[p^piv_{i+1}], the pivot mechanism is ex post IR and
 *      p^piv ≥ 0.) The same is NOT true of dAGV (tagged; its failure even in bilateral trade is
 *      `dagv-interim-ir`).
 *  (4) Home improvement ([BernardMD3]): Θ_A = Θ_S = {1,…,9} uniform, v_i(S) = θ_i + 5, v_i(D) = 2θ_i,
 *      decisions listed [S, D] so that ties θ_A + θ_S = 10 go to S (this reproduces the slide's
 *      pivot formula p_i = (5 − θ_{-i})1{10 − θ_i < θ_{-i} ≤ 5} + (θ_{-i} − 5)1{5 < θ_{-i} ≤ 10 − θ_i},
 *      asserted at all 81 profiles). The slide's question "find an IC, IR, ex-post efficient budget
 *      balanced mechanism" is answered by p^EE: (1) and (3) hold; the certificate lists its interim
 *      payments per type.
 */
import fc from "fast-check";
import { isBIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../concepts/index.ts";
import { q, qstr, sign, type Q } from "../exact/rational.ts";
import { independentPrior, privateValuesEnvironment } from "../generators/index.ts";
import { productPrior } from "../generators/independentPrior.ts";
import type { Instance } from "../instance/index.ts";
import { interimPaymentTable } from "../budgetBalance/budgetBalancing.ts";
import { dagvMechanism, expectedExternalityMechanism, pivotPayments } from "../budgetBalance/expectedExternality.ts";
import { independentMarginals } from "../model/independence.ts";
import { numProfiles, reservationOf, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles, profileAt } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";

/** [BernardMD3, Home improvement], decisions [S, D] (ties to S). */
export function homeImprovement(): Environment {
  const vals = Array.from({ length: 9 }, (_, k) => k + 1);
  const profiles = [...allProfiles([9, 9])];
  return {
    agents: ["A", "S"],
    types: [vals.map(String), vals.map(String)],
    typeValues: [vals.map((v) => q(v)), vals.map((v) => q(v))],
    decisions: ["S", "D"],
    valuation: [0, 1].map((i) => profiles.map((p) => [q(p[i]! + 1 + 5), q(2 * (p[i]! + 1))])),
  };
}

const HOME = "home improvement";

const arbitrary: fc.Arbitrary<Instance> = fc.oneof(
  { weight: 6, arbitrary: privateValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).chain((env) => independentPrior(env).map((prior): Instance => ({ environment: env, beliefs: { kind: "common-prior", prior } }))) },
  { weight: 3, arbitrary: privateValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 4, allowNegative: true }).chain((env) => independentPrior(env).map((prior): Instance => ({ environment: env, beliefs: { kind: "common-prior", prior } }))) },
  {
    weight: 1,
    arbitrary: fc.constant(null).map((): Instance => {
      const env = homeImprovement();
      const u = Array.from({ length: 9 }, () => q(1).div(q(9)));
      return { name: HOME, environment: env, beliefs: { kind: "common-prior", prior: productPrior([u, u]) } };
    }),
  },
);

function noPropertyRights(env: Environment): boolean {
  const sizes = typeSizes(env);
  for (let i = 0; i < sizes.length; i++) {
    for (let t = 0; t < numProfiles(env); t++) if (env.valuation[i]![t]!.some((v) => sign(v) < 0)) return false;
    for (let ti = 0; ti < sizes[i]!; ti++) if (sign(reservationOf(env, i, ti)) !== 0) return false;
  }
  return true;
}

export const expectedExternality: Theorem<Instance> = {
  id: "expected-externality",
  kind: "theorem",
  source: "[BernardMD3, Def 7.4, Home improvement]; [Mishra2020, The dAGV mechanism]; [dAspremontGerardVaret1979]; [Arrow1979]",
  statement:
    "Independent private values: Bernard's expected-externality payments and the dAGV payments are efficient, ex post budget balanced and BIC; with no property rights (valuations ≥ 0, reservations 0) the expected-externality mechanism is also interim IR (dAGV need not be). Home improvement: the slide's pivot formula (ties to S) and an IC, IIR, efficient, BB mechanism.",
  arbitrary,
  check: (x) => checkExpectedExternality(x),
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "home improvement, ties to D",
      why: "the home-improvement environment with the decisions listed [D, S], so that ties θ_A + θ_S = 10 go to D: the pivot payments at the ties then differ from the slide's formula (which assumes ties to S), e.g. agent A's at (θ_A, θ_S) = (1, 9)",
      input: () => {
        const env = homeImprovement();
        const u = Array.from({ length: 9 }, () => q(1).div(q(9)));
        const swapped: Environment = { ...env, decisions: ["D", "S"], valuation: env.valuation.map((rows) => rows.map((r) => [r[1]!, r[0]!])) };
        return { name: HOME, environment: swapped, beliefs: { kind: "common-prior", prior: productPrior([u, u]) } };
      },
    },
    {
      name: "expected externality without the next agent's term",
      why: "Bernard's p^EE with the −E_{τ_{i+1}}[p^piv_{i+1}] term dropped (the plain pivot payments, same allocation) on the home-improvement environment: efficient and DSIC, but not budget balanced",
      input: () => {
        const env = homeImprovement();
        const u = Array.from({ length: 9 }, () => q(1).div(q(9)));
        return { name: HOME, environment: env, beliefs: { kind: "common-prior", prior: productPrior([u, u]) } };
      },
      check: (x) =>
        checkExpectedExternality(x, {
          ee: (env, marginals) => {
            const ee = expectedExternalityMechanism(env, marginals);
            return { ...ee, payments: pivotPayments(env, ee.allocation) };
          },
        }),
    },
  ],
};

/**
 * The check; `mechanisms` builds the expected-externality and dAGV mechanisms (defaults: the
 * library's), a parameter so that the negative controls can run the same logic on a broken one.
 */
export function checkExpectedExternality(
  x: Instance,
  mechanisms: { ee?: (env: Environment, marginals: readonly (readonly Q[])[]) => DirectMechanism; dagv?: (env: Environment, marginals: readonly (readonly Q[])[]) => DirectMechanism } = {},
): CheckResult {
  {
    const env = x.environment;
    const beliefs = x.beliefs!;
    const prior = (beliefs as { prior: readonly Q[] }).prior;
    const sizes = typeSizes(env);
    const marginals = independentMarginals(sizes, prior);
    const ee = (mechanisms.ee ?? expectedExternalityMechanism)(env, marginals);
    const dagv = (mechanisms.dagv ?? dagvMechanism)(env, marginals);
    for (const [name, m] of [["expected-externality", ee], ["dAGV", dagv]] as const) {
      const e = isExPostEfficient(env, m);
      if (e.verdict !== "holds") return { ok: false, violation: e.violation, message: `${name}: not ex post efficient` };
      const b = isExPostBudgetBalanced(env, m);
      if (b.verdict !== "holds") return { ok: false, violation: b.violation, message: `${name}: not ex post budget balanced` };
      const ic = isBIC(env, m, beliefs);
      if (ic.verdict !== "holds") return { ok: false, violation: ic.violation, message: `${name}: not BIC` };
    }
    const npr = noPropertyRights(env);
    const eeIr = isInterimIR(env, ee, beliefs);
    const dagvIr = isInterimIR(env, dagv, beliefs).verdict === "holds";
    if (npr && eeIr.verdict !== "holds") return { ok: false, violation: eeIr.violation, message: "no property rights, yet the expected-externality mechanism is not interim IR" };
    if (x.name === HOME) {
      const piv = pivotPayments(env, ee.allocation);
      for (let t = 0; t < 81; t++) {
        const [a, s] = profileAt([9, 9], t).map((k) => k + 1) as [number, number];
        for (const [i, own, other] of [[0, a, s], [1, s, a]] as const) {
          const want = 10 - own < other && other <= 5 ? 5 - other : 5 < other && other <= 10 - own ? other - 5 : 0;
          if (!piv[t]![i]!.equals(q(want))) return { ok: false, violation: { profile: [a, s], agent: i, pivot: qstr(piv[t]![i]!), slide: want }, message: `home improvement: pivot payment of ${env.agents[i]} at (θ_A, θ_S) = (${a}, ${s}) is ${qstr(piv[t]![i]!)}, the slide's formula gives ${want}` };
        }
      }
      const interim = interimPaymentTable(env, ee.payments, marginals);
      return {
        ok: true,
        certificate: { interimPayments: Object.fromEntries(env.agents.map((ag, i) => [ag, interim[i]!.map(qstr)])), interimIR: eeIr.verdict },
        tag: "home improvement [BernardMD3, Home improvement]",
      };
    }
    return {
      ok: true,
      certificate: { eePayments: ee.payments.map((r) => r.map(qstr)), eeInterimIR: eeIr.verdict, dagvInterimIR: dagvIr },
      tag: npr ? `no property rights: EE interim IR; dAGV ${dagvIr ? "IIR too" : "not IIR"}` : `valuations of both signs: EE ${eeIr.verdict === "holds" ? "IIR" : "not IIR"}`,
    };
  }
}
