/**
 * `dsic-efficient-is-groves` and `dsic-efficient-is-groves-tie-free` (refutations) and
 * `dsic-efficient-groves-finite` (the true finite version) — Holmström's theorem [Holmstrom1979]
 * ("Groves' scheme on restricted domains"): if the domain of valuations is smoothly connected
 * (every two valuation profiles are joined by a smooth path inside the domain, e.g. a convex
 * domain), every DSIC mechanism with an efficient decision rule is a Groves mechanism. The lecture
 * notes mention the result after [BernardMD3, Def 6.16] without stating it.
 *
 * A finite domain is not connected, so the transcription to finite domains is a naive finite
 * transcription, and it is false: the payments p_i(·, θ_{-i}) + Σ_{j≠i} v_j may vary with θ_i as
 * long as no deviation becomes profitable. The minimal saved case of `dsic-efficient-is-groves`
 * uses a tie (one type indifferent between the two decisions); `dsic-efficient-is-groves-tie-free`
 * requires the efficient decision to be unique at every profile, and fails just the same (one
 * agent, two types, each strictly preferring its own decision: p(t1) = 1/2, p(t2) = 0 is DSIC).
 *
 * True finite version (src/constructions/grovesCharacterization.ts): for an efficient selection q
 * and g(x, y) = S(q(x), x) − S(q(y), x) ≥ 0 the surplus lost when type x's decision is replaced by
 * y's, the largest possible difference a(x) − a(y) over DSIC mechanisms implementing q equals the
 * shortest-path distance d(x, y); so "DSIC ∧ implements q ⇒ Groves" holds on a finite domain iff
 * every d(x, y) = 0. The theorem checks max_LP = d exactly (LP value with verified certificate vs
 * Floyd–Warshall) for EVERY efficient selection (every tie-break) when there are at most 64 of
 * them, and otherwise for the first-index selection and a random one drawn by the generator
 * (tagged, so the run shows how many cases had ties and how many selections were checked).
 */
import { savedCaseControl } from "./support/controls.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { envs, nonGrovesCheck } from "./support/grovesSelections.ts";

export const dsicEfficientIsGroves: Theorem<Instance> = {
  id: "dsic-efficient-is-groves",
  kind: "refutation",
  source: "[Holmstrom1979] (smoothly connected domains), mentioned after [BernardMD3, Def 6.16]",
  statement:
    "Naive finite transcription of Holmström's theorem: on finite private-values domains, every DSIC mechanism with an efficient decision rule (first-index tie-break) is a Groves mechanism (false because a finite domain is not smoothly connected, the hypothesis the theorem needs; the minimal case uses a tie — dsic-efficient-is-groves-tie-free has none).",
  trueVersion: "dsic-efficient-groves-finite",
  arbitrary: envs,
  check: nonGrovesCheck,
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dsic-efficient-is-groves", instanceCodec)],
};
