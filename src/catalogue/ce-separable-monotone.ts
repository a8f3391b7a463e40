/**
 * `ce-separable-monotone` — [ChungEly2002] Definition 6 and Theorem 2 (Chung–Ely 2002): in a separable
 * environment (S_i = [0, 1], agent i's valuation h_i(q)·v_i(s_{-i}, s_i), h_i : Q → [0, 1],
 * v_i strictly increasing in s_i), a public decision rule f is ex post incentive compatible (there
 * are transfers making it EPIC) iff it is monotone: ∀i, ∀s_{-i}, h_i(f(s_{-i}, s_i)) is
 * non-decreasing in s_i.
 *
 * Finite transcription (checked: it stays TRUE on finite grids, so no refutation is needed):
 * signals on grids s_i ∈ {0, 1/(m_i−1), …, 1} (typeValues), Q finite, h_i(q) ∈ [0, 1] rational,
 * v_i(s) rational and strictly increasing in s_i for every s_{-i} (interdependent values allowed),
 * f deterministic. Then: payments p with (f, p) EPIC exist ⇔ f is monotone. Why it survives
 * discreteness: each section (i, s_{-i}) is a one-dimensional single-crossing problem —
 *  ⇒ for s_i < s'_i the two EPIC constraints between them add up to
 *     (h_i(f(s_i)) − h_i(f(s'_i)))·(v_i(s'_i) − v_i(s_i)) ≤ 0 (no connectedness needed);
 *  ⇐ the adjacent-type payments p(s^k) − p(s^{k−1}) = (h(s^k) − h(s^{k−1}))·v(s^{k−1}) (paid BY i)
 *     satisfy every constraint (telescoping + monotonicity + v increasing).
 * (Strictness of v_i matters only for ⇒; with a flat step both directions can be EPIC.)
 *
 * The check decides both sides independently: monotonicity by direct comparison, EPIC by the exact
 * transfers LP (src/concepts epicTransfersLp solved and verified by src/lp: payments, or a Farkas
 * certificate). It requires agreement, and adds a constructive certificate for each side: the
 * explicit telescoping payments (re-checked with isEPIC) when monotone, and the violated pair whose
 * two EPIC gains sum to > 0 when not.
 */
import fc from "fast-check";
import { isEPIC } from "../concepts/index.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import { type Q, ZERO, q, qstr } from "../exact/rational.ts";
import { chungElySeparable, monotoneMechanism, type ChungElyInstance } from "../generators/index.ts";
import { solve } from "../lp/solve.ts";
import { efficientDecisionRule } from "../mechanisms/vcg.ts";
import type { Environment } from "../model/environment.ts";
import { pointMassAllocation, typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { randomRule, ruleOf } from "../generators/ruleCases.ts";
import { type SeparableRuleCase, separableRuleCodec } from "../generators/separableRules.ts";
import { isChungElySeparable, monotonicityViolation } from "./support/chungElySeparable.ts";

/** The telescoping payments of the module comment (paid BY agent i), per profile. */
export function telescopingPayments(x: SeparableRuleCase): Q[][] {
  const sizes = typeSizes(x.env);
  const pay: Q[][] = Array.from({ length: x.rule.length }, () => sizes.map(() => ZERO));
  for (let i = 0; i < sizes.length; i++) {
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      let p = ZERO;
      for (let k = 0; k < sizes[i]!; k++) {
        const th = profileIndex(sizes, joinProfile(sizes, i, k, o));
        if (k > 0) {
          const prev = profileIndex(sizes, joinProfile(sizes, i, k - 1, o));
          p = p.add(x.h[i]![x.rule[th]!]!.sub(x.h[i]![x.rule[prev]!]!).mul(x.v[i]![prev]!));
        }
        pay[th]![i] = p;
      }
    }
  }
  return pay;
}

function withRules(inst: ChungElyInstance): fc.Arbitrary<SeparableRuleCase> {
  const env: Environment = inst.env;
  return fc
    .oneof(
      { arbitrary: monotoneMechanism(env, { h: inst.h, maxComponents: 1 }).map((m) => ruleOf(m)), weight: 2 },
      { arbitrary: randomRule(env), weight: 3 },
      { arbitrary: fc.constant(efficientDecisionRule(env)), weight: 1 },
    )
    .map((rule) => ({ ...inst, rule }));
}

const arbitrary: fc.Arbitrary<SeparableRuleCase> = fc.oneof(
  chungElySeparable({ minAgents: 2, maxAgents: 2, minTypes: 2, maxTypes: 3, minDecisions: 2, maxDecisions: 3 }).chain(withRules),
  chungElySeparable({ minAgents: 3, maxAgents: 3, minTypes: 2, maxTypes: 3, minDecisions: 2, maxDecisions: 3, hDenominator: 3, allowNegative: true }).chain(withRules),
  chungElySeparable({ minAgents: 1, maxAgents: 2, minTypes: 2, maxTypes: 4, minDecisions: 2, maxDecisions: 3, privateValues: true }).chain(withRules),
);

/**
 * The check, with the constructive payments of the monotone side as a parameter (default: the
 * telescoping payments) so a negative control can feed wrong ones.
 */
export function checkSeparableMonotone(x: SeparableRuleCase, variant: { payments?: (x: SeparableRuleCase) => Q[][] } = {}): CheckResult {
  const { env, rule } = x;
  const viol = monotonicityViolation(x);
  const lp = solve(epicTransfersLp(env, rule).model, { exactOnly: true }); // tiny LPs: the exact simplex is faster than float + certification
  const lpFeasible = lp.status === "optimal";
  if (viol === null) {
    if (!lpFeasible) return { ok: false, violation: { lp: lp.status }, message: "f is monotone but the exact LP finds no EPIC transfers" };
    const pay = (variant.payments ?? telescopingPayments)(x);
    const epic = isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, rule), payments: pay });
    if (epic.verdict === "fails") return { ok: false, violation: epic.violation, message: "f is monotone but the telescoping payments are not EPIC" };
    return { ok: true, certificate: { payments: pay.map((r) => r.map(qstr)) }, tag: "monotone ⇒ EPIC (LP + telescoping payments)" };
  }
  // two EPIC constraints between lo and hi add up to (h(lo) − h(hi))(v(hi) − v(lo)) > 0
  const sizes = typeSizes(env);
  const i = viol.agent;
  const tLo = profileIndex(sizes, joinProfile(sizes, i, viol.lo, viol.others));
  const tHi = profileIndex(sizes, joinProfile(sizes, i, viol.hi, viol.others));
  const gainLoToHi = env.valuation[i]![tLo]![rule[tHi]!]!.sub(env.valuation[i]![tLo]![rule[tLo]!]!);
  const gainHiToLo = env.valuation[i]![tHi]![rule[tLo]!]!.sub(env.valuation[i]![tHi]![rule[tHi]!]!);
  const cycle = gainLoToHi.add(gainHiToLo);
  if (cycle.compare(ZERO) <= 0) return { ok: false, violation: { ...viol, cycle: qstr(cycle) }, message: "non-monotone pair whose 2-cycle is not positive (v not strictly increasing?)" };
  if (lpFeasible) return { ok: false, violation: { ...viol, cycle: qstr(cycle) }, message: "f is not monotone but the exact LP finds EPIC transfers" };
  return { ok: true, certificate: { ...viol, twoCycleGain: qstr(cycle) }, tag: "not monotone ⇒ not EPIC (2-cycle + Farkas)" };
}

export const ceSeparableMonotone: Theorem<SeparableRuleCase> = {
  id: "ce-separable-monotone",
  kind: "theorem",
  source: "[ChungEly2002, Def 6, Thm 2]",
  statement:
    "Separable environment on finite signal grids (valuation h_i(q)·v_i(s), h_i ∈ [0, 1], v_i strictly increasing in s_i): a deterministic rule f admits EPIC transfers ⇔ h_i(f(s_{-i}, s_i)) is non-decreasing in s_i for all i, s_{-i} (true on grids: each section is single-crossing).",
  arbitrary,
  hypothesis: isChungElySeparable,
  check: (x) => checkSeparableMonotone(x),
  codec: separableRuleCodec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "telescoping payments paid to the agent",
      why: "the telescoping payments with their sign flipped (paid TO agent i instead of BY i): on the first generated monotone rule (fixed seed) where the sign matters, a lower type gains by reporting a higher one — the check must reject them",
      input: () => firstSample(ceSeparableMonotone.arbitrary, (x) => isChungElySeparable(x) && !checkSeparableMonotone(x, { payments: flippedTelescoping }).ok, "broken by flipped telescoping payments"),
      check: (x) => checkSeparableMonotone(x, { payments: flippedTelescoping }),
    },
  ],
};

function flippedTelescoping(x: SeparableRuleCase): Q[][] {
  return telescopingPayments(x).map((r) => r.map((p) => p.neg()));
}
