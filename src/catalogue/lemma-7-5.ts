/**
 * `lemma-7-5` — [BernardMD3], Lemma 7.5 (*Cheat code for dominant-strategy
 * implementability*) and its proof (necessity and sufficiency): "An incentive-compatible, ex-post
 * budget-balanced VCG mechanism implementing ex-post efficient social state q exists if and only if
 * there exist functions H_i : Θ_{-i} → R such that for every ϑ ∈ Θ,
 * Σ_i v_i(q(ϑ), ϑ_i) = Σ_i H_i(ϑ_{-i})."
 *
 * Finite transcription (private values, finite type sets, n ≥ 2 agents, q the efficient rule of
 * vcg.ts): LEFT = the linear system Σ_i H_i(θ_{-i}) = S(θ) := Σ_i v_i(q(θ), θ_i) is solvable over Q;
 * RIGHT = there are Groves terms h_i(θ_{-i}) whose VCG mechanism p_i(θ) = h_i(θ_{-i}) −
 * Σ_{j≠i} v_j(q(θ), θ_j) satisfies Σ_i p_i(θ) = 0 at every θ. Theorem: LEFT ⇔ RIGHT.
 *
 * Both sides are decided exactly and independently:
 * - LEFT by Gauss–Jordan elimination over Q (mechanisms/lemma75.ts): a solution H, or a certificate
 *   y (one weight per profile) with yᵀA = 0 and yᵀS ≠ 0 — re-checked HERE from the environment:
 *   for each agent i and each θ_{-i} the weights of the profiles (·, θ_{-i}) sum to 0, and Σ_θ y(θ)S(θ) ≠ 0;
 * - RIGHT by an LP built here from the definitions (columns p_i(θ) and h_i(θ_{-i}), all free; rows
 *   "VCG form" p_i(θ) − h_i(θ_{-i}) = −Σ_{j≠i} v_j(q(θ), θ_j) and "BB" Σ_i p_i(θ) = 0), solved by
 *   src/lp/solve.ts: a feasible point or a verified Farkas certificate.
 * When both say yes, the seed's sufficiency construction (h_i = (n−1)H_i) is checked with
 * src/concepts: isDSIC, isExPostEfficient, isExPostBudgetBalanced, and the Groves form
 * p_i + Σ_{j≠i} v_j independent of θ_i.
 * Cases: random private-values environments (2 agents with 2–3 types, or 3 agents with ≤ 2 types;
 * ≤ 3 decisions) and bilateral
 * trade grids (the Thm 7.6 proof's use of the lemma: S = max(θ_B, θ_S) is not additively
 * separable as soon as both agents have two types; the certificate is the seed's four-profile
 * argument, (1) + (4) − (2) − (3)).
 */
import fc from "fast-check";
import { isDSIC, isExPostBudgetBalanced, isExPostEfficient } from "../concepts/index.ts";
import { tradeEnv } from "../trade/tradeGrids.ts";
import { q, qstr, sign, ZERO, type Q } from "../exact/rational.ts";
import { privateValuesEnvironment } from "../generators/index.ts";
import { valueGridOfSize } from "../generators/valueGrid.ts";
import type { Instance } from "../instance/index.ts";
import { LpBuilder } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { lemma75, type Lemma75Result } from "../budgetBalance/balancedVcg.ts";
import { othersValue } from "../mechanisms/vcg.ts";
import { numProfiles, surplus, typeSizes, type Environment } from "../model/environment.ts";
import { allProfiles, joinProfile, othersIndex, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { shiftPayment } from "./support/controls.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import { instanceCodec } from "../generators/ruleCases.ts";

const arbitrary: fc.Arbitrary<Instance> = fc.oneof(
  { weight: 2, arbitrary: privateValuesEnvironment({ minAgents: 2, maxAgents: 2, minTypes: 2, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).map((environment) => ({ environment })) },
  { weight: 2, arbitrary: privateValuesEnvironment({ minAgents: 3, maxAgents: 3, maxTypes: 2, maxDecisions: 3, maxValue: 6 }).map((environment) => ({ environment })) },
  { weight: 1, arbitrary: fc.tuple(valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 }), valueGridOfSize(1, 3, { maxValue: 3, maxStep: 2 })).map(([b, s]) => ({ environment: tradeEnv(b, s) })) },
);

/** RIGHT side: the LP "a VCG mechanism for rule q with ex post BB exists", from the definitions. */
function bbVcgLp(env: Environment, rule: readonly number[]) {
  const sizes = typeSizes(env);
  const n = sizes.length;
  const lp = new LpBuilder("min");
  const p = (i: number, th: number) => `p_${env.agents[i]}(${profileAt(sizes, th).join(",")})`;
  const h = (i: number, k: number) => `h_${env.agents[i]}(${profileAt(othersSizes(sizes, i), k).join(",")})`;
  for (let th = 0; th < numProfiles(env); th++) for (let i = 0; i < n; i++) lp.variable(p(i, th), { lower: null });
  for (let i = 0; i < n; i++) for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) lp.variable(h(i, k), { lower: null });
  for (const prof of allProfiles(sizes)) {
    const th = profileIndex(sizes, prof);
    for (let i = 0; i < n; i++) lp.row(`VCG form ${env.agents[i]} at (${prof.join(",")})`, [[p(i, th), 1], [h(i, othersIndex(sizes, prof, i)), -1]], "=", othersValue(env, i, th, rule[th]!).neg());
    lp.row(`BB at (${prof.join(",")})`, env.agents.map((_, i) => [p(i, th), 1] as const), "=", 0);
  }
  lp.objective([]);
  return lp.build();
}

export const lemma75Theorem: Theorem<Instance> = {
  id: "lemma-7-5",
  kind: "theorem",
  source: "[BernardMD3, Lemma 7.5 and its proof]",
  statement: "Private values, efficient q: an ex post budget-balanced VCG mechanism exists ⇔ Σ_i v_i(q(θ), θ_i) = Σ_i H_i(θ_{-i}) is solvable. Both sides exact (Gauss–Jordan over Q; an LP from the definitions), with certificates either way.",
  arbitrary,
  check: (x) => checkLemma75(x),
  codec: instanceCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "elimination certificate perturbed",
      why: "bilateral trade on {0, 1}² (no budget-balanced VCG, Thm 7.6's four-profile certificate y): y with its first weight raised by 1/7 no longer cancels every H_i",
      input: () => ({ environment: tradeEnv([q(0), q(1)], [q(0), q(1)]) }),
      check: (x) =>
        checkLemma75(x, (env) => {
          const r = lemma75(env);
          return r.solvable ? r : { ...r, y: r.y.map((w, t) => (t === 0 ? w.add(SEVENTH) : w)) };
        }),
    },
    {
      name: "sufficiency construction with one payment shifted",
      why: "a generated environment where Σ H_i = S is solvable: the seed's construction h_i = (n−1)H_i with agent 1's payment at the first profile raised by 1 is no longer budget balanced",
      input: () => generatedCase(arbitrary, (x) => lemma75(x.environment).solvable, "solvable"),
      check: (x) =>
        checkLemma75(x, (env) => {
          const r = lemma75(env);
          return r.solvable ? { ...r, mechanism: shiftPayment(r.mechanism, 0, 0) } : r;
        }),
    },
  ],
};

/** The check; `solver` decides the LEFT side (default lemma75), a parameter for the negative controls. */
export function checkLemma75(x: Instance, solver: (env: Environment) => Lemma75Result = (env) => lemma75(env)): CheckResult {
  {
    const env = x.environment;
    const res = solver(env);
    const rule = res.system.rule;
    const model = bbVcgLp(env, rule);
    const lp = solve(model, { exactOnly: model.rows.length * model.variables.length <= 6000 });
    const right = lp.status === "optimal";
    if (res.solvable !== right) {
      return { ok: false, violation: { left: res.solvable, right: lp.status }, message: `the system Σ H_i = S is ${res.solvable ? "" : "not "}solvable, but the BB-VCG LP is ${lp.status}` };
    }
    const sizes = typeSizes(env);
    const n = sizes.length;
    if (!res.solvable) {
      // Re-check the elimination's certificate from the environment.
      const y = res.y;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
          let s = ZERO;
          for (let ti = 0; ti < sizes[i]!; ti++) s = s.add(y[profileIndex(sizes, joinProfile(sizes, i, ti, k))]!);
          if (s.n !== 0n) return { ok: false, violation: { agent: i, others: k, sum: qstr(s) }, message: `certificate y: the weights over agent ${i}'s types at θ_{-i} #${k} sum to ${qstr(s)} ≠ 0` };
        }
      }
      let yS = ZERO;
      for (let th = 0; th < numProfiles(env); th++) yS = yS.add(y[th]!.mul(surplus(env, th, rule[th]!)));
      if (sign(yS) === 0) return { ok: false, violation: { yS: "0" }, message: "certificate y: Σ y(θ)S(θ) = 0" };
      const supp = y.flatMap((w, th) => (w.n !== 0n ? [`${qstr(w)}·S(${profileAt(sizes, th).join(",")})`] : []));
      return {
        ok: true,
        certificate: { y: `${supp.join(" + ")} = ${qstr(yS)} ≠ 0, while every H_i cancels`, farkasRows: lp.status === "infeasible" ? lp.farkas.rows.filter((v) => v.n !== 0n).length : null },
        tag: supp.length === 4 ? "no BB VCG: four-profile certificate (as in Thm 7.6)" : `no BB VCG: ${supp.length}-profile certificate`,
      };
    }
    const m = res.mechanism;
    const verdicts = { dsic: isDSIC(env, m).verdict, efficient: isExPostEfficient(env, m).verdict, bb: isExPostBudgetBalanced(env, m).verdict };
    if (Object.values(verdicts).some((v) => v !== "holds")) return { ok: false, violation: verdicts, message: `the sufficiency construction h_i = (n−1)H_i fails: ${JSON.stringify(verdicts)}` };
    // Groves form: p_i + Σ_{j≠i} v_j depends on θ_{-i} only.
    for (let i = 0; i < n; i++) {
      const seen = new Map<number, Q>();
      for (const prof of allProfiles(sizes)) {
        const th = profileIndex(sizes, prof);
        const a = m.payments[th]![i]!.add(othersValue(env, i, th, rule[th]!));
        const k = othersIndex(sizes, prof, i);
        const prev = seen.get(k);
        if (prev === undefined) seen.set(k, a);
        else if (!prev.equals(a)) return { ok: false, violation: { agent: i, others: k }, message: `the constructed mechanism is not of VCG form for agent ${i}` };
      }
    }
    return { ok: true, certificate: { H: res.H.map((r) => r.map(qstr)) }, tag: n === 2 ? "BB VCG exists (2 agents)" : "BB VCG exists (3 agents)" };
  }
}
