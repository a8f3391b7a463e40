/**
 * `green-laffont-mechanism` — [Mishra2020], slide *Relax
 * efficiency*: "Green-Laffont mechanisms: allocate to highest-valued agent with prob 1 − 1/n and
 * second highest-valued agent with prob 1/n." The slide gives no payments; the claim in context is
 * that this allocation is DSIC and budget balanced ("what is the total payoff maximizing DSIC and
 * budget-balanced mechanism … Green-Laffont mechanisms").
 *
 * Finite transcription. n ≥ 2 agents, finite grids of distinct nonnegative values (ties across
 * agents allowed; the lower index ranks first). For src/mechanisms/greenLaffontMechanism.ts (the
 * uniform lottery over an excluded agent j of "Vickrey among N∖{j}, revenue to j"):
 *  1. allocation: the rank-1 agent gets the object with probability 1 − 1/n and the rank-2 agent
 *     with probability 1/n (n = 2: 1/2 each), nobody else;
 *  2. DSIC and ex post budget balanced (Σ_i p_i = 0 at every profile), exactly;
 *  3. the right payments: they equal Myerson's payments on the interval domain of values,
 *     p_i(v) = v_i x_i(v) − ∫_0^{v_i} x_i(s, v_{-i}) ds + h_i(v_{-i}) with
 *     h_i(v_{-i}) = −(second-highest of the others)/n (0 when n = 2), the integral computed
 *     exactly from the rank rule of 1 (src/constructions/myersonPayments.ts) — independently of the
 *     exclusion-lottery construction. On the interval domain these are the only DSIC payments up to
 *     h_i, so "the right payments" are pinned down; in closed form p₍₁₎ = ((n−2)/n)v₍₂₎, p₍₂₎ = 0,
 *     p₍k₎ = −v₍₂₎/n (k ≥ 3), also checked;
 *  4. the allocation is inefficient exactly where v₍₁₎ > v₍₂₎ (tagged): "relax efficiency".
 */
import { isDSIC, isExPostBudgetBalanced, isExPostEfficient } from "../concepts/index.ts";
import { myersonPayment } from "../auctions/myersonPayments.ts";
import { ONE, q, qstr, ZERO } from "../exact/rational.ts";
import { greenLaffontMechanism } from "../budgetBalance/greenLaffontMechanism.ts";
import { typeSizes } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import type { Q } from "../exact/rational.ts";
import { shiftPayment } from "./support/controls.ts";
import { caseEnvironment, orderStatistics, ranking, singleObjectCases, singleObjectCodec, type SingleObjectCase } from "../generators/singleObjectCases.ts";

export const greenLaffontMechanismTheorem: Theorem<SingleObjectCase> = {
  id: "green-laffont-mechanism",
  kind: "theorem",
  source: "[Mishra2020, *Relax efficiency*]",
  statement:
    "Single object, n ≥ 2, finite value grids: the rule 'highest value wins w.p. 1 − 1/n, second highest w.p. 1/n' with payments p₍₁₎ = ((n−2)/n)v₍₂₎, p₍₂₎ = 0, p₍k₎ = −v₍₂₎/n is DSIC and ex post budget balanced; the payments are Myerson's with h_i = −(second-highest other)/n.",
  arbitrary: singleObjectCases({ minAgents: 2, maxAgents: 4, maxTypes: 3, maxValue: 8 }),
  check: (x: SingleObjectCase) => checkGreenLaffontMechanism(x),
  codec: singleObjectCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "one payment shifted",
      why: "the Green–Laffont mechanism with agent 1's payment raised by 1 at the first profile: no longer budget balanced (and not DSIC)",
      input: () => ({ values: [[q(0), q(4)], [q(0), q(2)], [q(1)]] }),
      check: (x) => checkGreenLaffontMechanism(x, { mechanism: (env) => shiftPayment(greenLaffontMechanism(env), 0, 0) }),
    },
    {
      // kills: green-laffont-mechanism payment check `||` → `&&` (the mechanism pays Myerson's
      // payments; a wrong closed form must still be caught, so each derivation is compared on its own)
      name: "misremembered closed form",
      why: "the closed form with p₍₂₎ = −v₍₂₎/n (rank 2 treated like the others) disagrees with Myerson's payments at values (4, 2, 1)",
      input: () => ({ values: [[q(4)], [q(2)], [q(1)]] }),
      check: (x) => checkGreenLaffontMechanism(x, { closedForm: (r, n, os) => (r === 0 ? q(n - 2).div(q(n)).mul(os[1]!) : os[1]!.div(q(n)).neg()) }),
    },
  ],
  coverage: {
    // the generator's whole agent range must occur (a generator stuck at n = 2 proves little)
    classify: (x) => [`n = ${x.values.length}`, ...(x.values.some((g) => g.length >= 2) ? ["≥ 2 types"] : [])],
    required: { "n = 2": 10, "n = 3": 10, "n = 4": 10, "≥ 2 types": 10 },
  },
};

/**
 * The check, with the mechanism and the closed form as parameters (defaults: the theorem's) so the
 * negative controls can run the SAME logic on a known-bad mechanism or a wrong reference.
 */
export function checkGreenLaffontMechanism(
  x: SingleObjectCase,
  variant: { mechanism?: (env: Environment) => DirectMechanism; closedForm?: (rank: number, n: number, os: readonly Q[]) => Q } = {},
): CheckResult {
  {
    const env = caseEnvironment(x);
    const n = env.agents.length;
    const inv = ONE.div(q(n));
    const mech = (variant.mechanism ?? greenLaffontMechanism)(env);
    const closedForm = variant.closedForm ?? ((r: number, n: number, os: readonly Q[]) => (r === 0 ? (n >= 3 ? q(n - 2).mul(ONE.div(q(n))).mul(os[1]!) : ZERO) : r === 1 ? ZERO : os[1]!.mul(ONE.div(q(n))).neg()));
    const dsic = isDSIC(env, mech);
    if (dsic.verdict === "fails") return { ok: false, violation: dsic.violation, message: "the Green–Laffont mechanism is not DSIC" };
    const bb = isExPostBudgetBalanced(env, mech);
    if (bb.verdict === "fails") return { ok: false, violation: bb.violation, message: `not budget balanced: total ${qstr(bb.violation.total)}` };
    const shares = n === 2 ? [inv, inv] : [ONE.sub(inv), inv];
    let t = 0;
    for (const prof of allProfiles(typeSizes(env))) {
      const v = prof.map((k, i) => x.values[i]![k]!);
      const rank = ranking(v);
      const os = orderStatistics(v);
      const lot = mech.allocation[t]!;
      const wantLot = v.map(() => ZERO);
      wantLot[rank[0]!] = shares[0]!;
      wantLot[rank[1]!] = shares[1]!;
      for (let d = 0; d < lot.length; d++) {
        const want = wantLot[d] ?? ZERO;
        if (!lot[d]!.equals(want)) return { ok: false, violation: { profile: prof, decision: d, probability: qstr(lot[d]!), slide: qstr(want) }, message: `at values (${v.map(qstr).join(", ")}) decision "${env.decisions[d]}" has probability ${qstr(lot[d]!)}, the slide says ${qstr(want)}` };
      }
      const pay = mech.payments[t]!;
      for (let i = 0; i < n; i++) {
        const others = v.filter((_, j) => j !== i);
        const h = n >= 3 ? orderStatistics(others)[1]!.mul(inv).neg() : ZERO;
        const myerson = myersonPayment(shares, others, v[i]!, lot[i]!).add(h);
        const r = rank.indexOf(i);
        const closed = closedForm(r, n, os);
        if (!pay[i]!.equals(myerson) || !pay[i]!.equals(closed)) {
          return { ok: false, violation: { profile: prof, agent: i, payment: qstr(pay[i]!), myerson: qstr(myerson), closedForm: qstr(closed) }, message: `at values (${v.map(qstr).join(", ")}) agent ${i + 1} pays ${qstr(pay[i]!)}; Myerson's formula gives ${qstr(myerson)}, the closed form ${qstr(closed)}` };
        }
      }
      t++;
    }
    const eff = isExPostEfficient(env, mech);
    return {
      ok: true,
      certificate: { dsicConstraints: dsic.witness.constraints, profiles: t },
      tag: `n = ${n}; ` + (eff.verdict === "holds" ? "efficient here (v₍₁₎ = v₍₂₎ at every profile)" : "inefficient at some profile (v₍₁₎ > v₍₂₎): efficiency relaxed"),
    };
  }
}
