/**
 * `ex-post-implies-kpt` — [BrooksExPost2023] *Robustness of ex post implementation* (Bergemann–Morris 2005):
 * "If F is ex post implementable, then F is implementable on all KPT type spaces. Proof: … F is
 * implementable on T by f′(t) = f(θ̂(t))."
 *
 * Finite transcription: for a finite environment (interdependent values allowed), an SCC F, and
 * an EPIC selection f of F — found by the exact search of exPostImplementation.ts, without money
 * (BM's setting) or with free transfers p (then f′ carries p′(t) = p(θ̂(t))) — and a random finite
 * KPT type space (T_i ⊇ a copy of Θ_i plus extra types, θ̂_i onto, per-type beliefs π̂_i(·|t_i),
 * not from a common prior, with or without full support):
 *   f′ = f ∘ θ̂ satisfies f′(t) ∈ F(θ̂(t)) and is interim IC on T.
 * Cases where F has no EPIC selection do not meet the hypothesis (counted).
 *
 * Interim IC is decided twice, independently: by src/concepts isBIC on the induced environment of
 * the type space (exPostKpt.ts), and by a direct sum here of the ex post gains of f at the true
 * payoff profiles θ̂(t) weighted by π̂_i(t_{-i}|t_i); the largest interim gain must be ≤ 0 and both
 * computations must give the same tightest slack.
 */
import fc from "fast-check";
import { isEPIC } from "../concepts/index.ts";
import { findExPostSelection, selectionMechanism, type ExPostSelection } from "../exPost/implementation.ts";
import { composeWithPayoffTypes, isInterimICOnKpt } from "../exPost/knownPayoffTypes.ts";
import { type Q, ZERO, q, qstr } from "../exact/rational.ts";
import { interdependentValuesEnvironment, kptTypeSpace, privateValuesEnvironment, socialChoiceCorrespondence } from "../generators/index.ts";
import { efficientDecisionRule } from "../mechanisms/vcg.ts";
import type { DirectMechanism, Environment, KptTypeSpace } from "../model/environment.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { expostUtility, typeSizes } from "../model/environment.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";
import { modeArb, sccCaseCodec, type SccCase } from "../generators/sccCases.ts";

export interface KptCase extends SccCase {
  readonly kpt: KptTypeSpace;
}

const codec: CaseCodec<KptCase> = {
  encode: (x) => ({
    ...(sccCaseCodec.encode(x) as object),
    kpt: { types: x.kpt.types, payoffType: x.kpt.payoffType, beliefs: x.kpt.beliefs.map((bi) => bi.map((b) => b.map(qstr))) },
  }),
  decode: (j) => {
    const o = j as { kpt: { types: string[][]; payoffType: number[][]; beliefs: string[][][] } };
    return { ...sccCaseCodec.decode(j), kpt: { types: o.kpt.types, payoffType: o.kpt.payoffType, beliefs: o.kpt.beliefs.map((bi) => bi.map((b) => b.map((s) => q(s)))) } };
  },
};

function withKpt(env: Environment, scc: fc.Arbitrary<SccCase["scc"]>): fc.Arbitrary<KptCase> {
  return fc.tuple(modeArb, scc, fc.oneof(kptTypeSpace(env, { maxExtraTypes: 1 }), kptTypeSpace(env, { maxExtraTypes: 2, fullSupport: false }))).map(([mode, s, kpt]) => ({ env, scc: s, mode, kpt }));
}

const arbitrary: fc.Arbitrary<KptCase> = fc.oneof(
  // interdependent values, random F
  interdependentValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).chain((env) => withKpt(env, socialChoiceCorrespondence(env))),
  // private values, F ∋ the efficient rule (with transfers: implementable by VCG)
  privateValuesEnvironment({ minAgents: 2, maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).chain((env) => withKpt(env, socialChoiceCorrespondence(env, { containing: efficientDecisionRule(env) }))),
);

/** The largest interim gain of any type of any agent from any report, by direct summation. */
function largestInterimGain(env: Environment, kpt: KptTypeSpace, sel: ExPostSelection): Q | null {
  const mech = selectionMechanism(env, sel);
  const sizes = typeSizes(env);
  const tSizes = kpt.types.map((t) => t.length);
  let best: Q | null = null;
  for (let i = 0; i < tSizes.length; i++) {
    const K = profileCount(othersSizes(tSizes, i));
    for (let ti = 0; ti < tSizes[i]!; ti++) {
      for (let ri = 0; ri < tSizes[i]!; ri++) {
        if (ri === ti) continue;
        let gain = ZERO;
        for (let k = 0; k < K; k++) {
          const w = kpt.beliefs[i]![ti]![k]!;
          if (w.n === 0n) continue;
          const t = joinProfile(tSizes, i, ti, k);
          const theta = profileIndex(sizes, t.map((tj, j) => kpt.payoffType[j]![tj]!));
          const report = profileIndex(sizes, t.map((tj, j) => kpt.payoffType[j]![j === i ? ri : tj]!));
          gain = gain.add(w.mul(expostUtility(env, mech, i, theta, report).sub(expostUtility(env, mech, i, theta, theta))));
        }
        if (best === null || gain.compare(best) > 0) best = gain;
      }
    }
  }
  return best;
}

/**
 * The check, with the composition f ↦ f ∘ θ̂ as a parameter (default: the real one) so a negative
 * control can run the same logic on a wrongly composed mechanism.
 */
export function checkExPostImpliesKpt(x: KptCase, variant: { compose?: typeof composeWithPayoffTypes } = {}): CheckResult {
  const compose = variant.compose ?? composeWithPayoffTypes;
  const { env, scc, mode, kpt } = x;
  const search = findExPostSelection(env, scc, mode);
  if (!search.implementable) throw new Error("hypothesis not met");
  const sel = search.selection;
  const epic = isEPIC(env, selectionMechanism(env, sel));
  if (epic.verdict === "fails") return { ok: false, violation: epic.violation, message: "the search's selection is not EPIC (bug)" };
  const sizes = typeSizes(env);
  const tSizes = kpt.types.map((t) => t.length);
  for (const t of allProfiles(tSizes)) {
    const th = profileIndex(sizes, t.map((tj, j) => kpt.payoffType[j]![tj]!));
    if (!scc.sets[th]!.includes(sel.rule[th]!)) return { ok: false, violation: { typeProfile: t }, message: "f ∘ θ̂ leaves F" };
  }
  const composed = compose(env, kpt, selectionMechanism(env, sel));
  const bic = isInterimICOnKpt(env, kpt, composed);
  if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: "f is EPIC but f ∘ θ̂ is not interim IC on this KPT type space" };
  const direct = largestInterimGain(env, kpt, sel);
  if (direct !== null && direct.compare(ZERO) > 0) return { ok: false, violation: { largestInterimGain: qstr(direct) }, message: "a type gains in interim expectation (direct summation)" };
  const slack = bic.witness.minSlack;
  if ((direct === null) !== (slack === null) || (direct !== null && !direct.neg().equals(slack!))) {
    return { ok: false, violation: { isBicMinSlack: slack && qstr(slack), directLargestGain: direct && qstr(direct) }, message: "isBIC and the direct summation disagree on the tightest interim constraint" };
  }
  const extra = tSizes.reduce((a, m) => a + m, 0) - sizes.reduce((a, m) => a + m, 0);
  return { ok: true, certificate: { minInterimSlack: slack && qstr(slack) }, tag: `${mode}, ${extra > 0 ? "extra epistemic types" : "T = Θ"}` };
}

export const exPostImpliesKpt: Theorem<KptCase> = {
  id: "ex-post-implies-kpt",
  kind: "theorem",
  source: "[BrooksExPost2023, Robustness of ex post implementation]",
  statement: "If f is an EPIC selection of F (with or without transfers), f ∘ θ̂ is a selection of F ∘ θ̂ and interim IC on every finite KPT type space (random spaces with extra epistemic types and arbitrary per-type beliefs).",
  arbitrary,
  hypothesis: (x) => findExPostSelection(x.env, x.scc, x.mode).implementable,
  check: (x) => checkExPostImpliesKpt(x),
  codec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "agent 1's payoff types reversed in the composition",
      why: "f′(t) = f(θ̂′(t)) with agent 1's payoff-type map read in reverse (θ̂′_1(t_1) = the mirror of θ̂_1(t_1)) is not f ∘ θ̂: on the first generated case (fixed seed) where it matters, it is not interim IC on the KPT space or disagrees with the direct summation of f ∘ θ̂'s gains",
      input: () => firstSample(exPostImpliesKpt.arbitrary, (x) => exPostImpliesKpt.hypothesis!(x) && !checkExPostImpliesKpt(x, { compose: reversedAgentOne }).ok, "broken by the reversed composition"),
      check: (x) => checkExPostImpliesKpt(x, { compose: reversedAgentOne }),
    },
  ],
};

/** The composition with agent 1's payoff types mirrored (a known-bad f ∘ θ̂). */
function reversedAgentOne(env: Environment, kpt: KptTypeSpace, mech: DirectMechanism): DirectMechanism {
  const m0 = env.types[0]!.length;
  return composeWithPayoffTypes(env, { ...kpt, payoffType: kpt.payoffType.map((pt, j) => (j === 0 ? pt.map((k) => m0 - 1 - k) : pt)) }, mech);
}
