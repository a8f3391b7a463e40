/**
 * `cavallo` — [Mishra2020], slide *Cavallo mechanism*:
 * "A Vickrey auction is conducted and its revenue is redistributed smartly to maintain DSIC. Take a
 * valuation profile v with v_1 ≥ v_2 ≥ … ≥ v_n. Winner 1 makes payment v_2; Agents 1 and 2 are given
 * back v_3/n; Others are given v_2/n. Total money collected is
 *   v_2 − ((n−2)/n)·v_2 − (2/n)·v_3 = (2/n)(v_2 − v_3)."
 *
 * Finite transcription. n ≥ 3 agents, each with a finite grid of distinct nonnegative values
 * (values may tie across agents; the highest rank goes to the lower agent index, the rule of
 * src/mechanisms/vcg.ts). For the mechanism of src/mechanisms/cavallo.ts (a Groves mechanism with
 * h_i = Clarke pivot − (1/n)·second-highest of the others):
 *  1. it is DSIC and ex post efficient (src/concepts, exact enumeration);
 *  2. never a deficit: Σ_i p_i(v) ≥ 0 at every profile;
 *  3. at every profile, with v₍₁₎ ≥ v₍₂₎ ≥ v₍₃₎ the order statistics WITH multiplicity, the
 *     object goes to the rank-1 agent, who pays v₍₂₎ − v₍₃₎/n, the rank-2 agent pays −v₍₃₎/n,
 *     every other agent pays −v₍₂₎/n (the slide's description, rank order by value then index),
 *     and the total collected is exactly (2/n)(v₍₂₎ − v₍₃₎) — the slide's amount, which we find
 *     correct;
 *  4. (not on the slide, true and checked) ex post IR: every agent's utility is ≥ 0.
 * The per-agent amounts in 3 are computed here from the order statistics, independently of
 * cavallo.ts's Groves construction.
 */
import { isDSIC, isExPostEfficient, isExPostIR, isNoDeficit } from "../concepts/index.ts";
import { ONE, q, qstr, qsum, sign } from "../exact/rational.ts";
import { cavalloMechanism } from "../budgetBalance/cavallo.ts";
import { typeSizes } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { pivotTerms, vcgMechanism } from "../mechanisms/vcg.ts";
import { shiftPayment } from "./support/controls.ts";
import { caseEnvironment, orderStatistics, ranking, singleObjectCases, singleObjectCodec, type SingleObjectCase } from "../generators/singleObjectCases.ts";

export const cavallo: Theorem<SingleObjectCase> = {
  id: "cavallo",
  kind: "theorem",
  source: "[Mishra2020, *Cavallo mechanism*]; [Cavallo2006]",
  statement:
    "Single object, n ≥ 3, finite value grids: Cavallo's mechanism (Vickrey + redistribution of v₍₃₎/n to the top two, v₍₂₎/n to the others) is DSIC, efficient, ex post IR, never runs a deficit, and collects exactly (2/n)(v₍₂₎ − v₍₃₎).",
  arbitrary: singleObjectCases({ minAgents: 3, maxAgents: 4, maxTypes: 3, maxValue: 8 }),
  check: (x: SingleObjectCase) => checkCavallo(x),
  codec: singleObjectCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "redistribution shifted at one profile",
      why: "Cavallo's mechanism with agent 3's rebate cut by 1 at the first profile: no longer DSIC-consistent with the slide's amounts (its payment differs from −v₍₂₎/n)",
      input: () => ({ values: [[q(0), q(6)], [q(3)], [q(1), q(2)]] }),
      check: (x) => checkCavallo(x, (env) => shiftPayment(cavalloMechanism(env).mechanism, 0, 2)),
    },
    {
      name: "plain Vickrey (no redistribution)",
      why: "the pivot mechanism (Vickrey) on values (6, 3, 2): DSIC and efficient, but the others get no v₍₂₎/n rebate and the total is v₍₂₎, not (2/n)(v₍₂₎ − v₍₃₎)",
      input: () => ({ values: [[q(6)], [q(3)], [q(2)]] }),
      check: (x) => checkCavallo(x, (env) => vcgMechanism(env, pivotTerms(env))),
    },
  ],
  coverage: {
    classify: (x) => [`n = ${x.values.length}`, ...(x.values.some((g) => g.length >= 2) ? ["≥ 2 types"] : [])],
    required: { "n = 3": 10, "n = 4": 10, "≥ 2 types": 10 },
  },
};

/** The check, with the mechanism as a parameter (default Cavallo's) for the negative controls. */
export function checkCavallo(x: SingleObjectCase, mechanism: (env: Environment) => DirectMechanism = (env) => cavalloMechanism(env).mechanism): CheckResult {
  {
    const env = caseEnvironment(x);
    const n = env.agents.length;
    const mech = mechanism(env);
    const dsic = isDSIC(env, mech);
    if (dsic.verdict === "fails") return { ok: false, violation: dsic.violation, message: "Cavallo's mechanism is not DSIC" };
    const eff = isExPostEfficient(env, mech);
    if (eff.verdict === "fails") return { ok: false, violation: eff.violation, message: "Cavallo's mechanism is not efficient" };
    const nd = isNoDeficit(env, mech);
    if (nd.verdict === "fails") return { ok: false, violation: nd.violation, message: `Cavallo's mechanism runs a deficit of ${qstr(nd.violation.total.neg())}` };
    const ir = isExPostIR(env, mech);
    if (ir.verdict === "fails") return { ok: false, violation: ir.violation, message: "Cavallo's mechanism is not ex post IR" };
    const inv = ONE.div(q(n));
    let surplusProfiles = 0;
    let t = 0;
    for (const prof of allProfiles(typeSizes(env))) {
      const v = prof.map((k, i) => x.values[i]![k]!);
      const os = orderStatistics(v);
      const [v2, v3] = [os[1]!, os[2]!];
      const rank = ranking(v);
      const want = v.map(() => v2.mul(inv).neg());
      want[rank[0]!] = v2.sub(v3.mul(inv));
      want[rank[1]!] = v3.mul(inv).neg();
      const got = mech.payments[t]!;
      for (let i = 0; i < n; i++) {
        if (!got[i]!.equals(want[i]!)) {
          return { ok: false, violation: { profile: prof, agent: i, payment: qstr(got[i]!), slide: qstr(want[i]!) }, message: `at values (${v.map(qstr).join(", ")}) agent ${i + 1} pays ${qstr(got[i]!)}, the slide's rule says ${qstr(want[i]!)}` };
        }
      }
      if (!mech.allocation[t]![rank[0]!]!.equals(ONE)) return { ok: false, violation: { profile: prof }, message: `at values (${v.map(qstr).join(", ")}) the object does not go to agent ${rank[0]! + 1}` };
      const total = qsum(got);
      const slide = q(2).mul(inv).mul(v2.sub(v3));
      if (!total.equals(slide)) return { ok: false, violation: { profile: prof, total: qstr(total), slide: qstr(slide) }, message: `total collected ${qstr(total)} ≠ (2/n)(v₍₂₎ − v₍₃₎) = ${qstr(slide)}` };
      if (sign(total) > 0) surplusProfiles++;
      t++;
    }
    return {
      ok: true,
      certificate: { dsicConstraints: dsic.witness.constraints, minTotal: qstr(nd.witness.minTotal), maxTotal: qstr(nd.witness.maxTotal) },
      tag: `n = ${n}; ${surplusProfiles > 0 ? "collects a strictly positive amount at some profile" : "exactly budget balanced (v₍₂₎ = v₍₃₎ everywhere)"}`,
    };
  }
}
