import { savedCaseControl } from "./support/controls.ts";
import type { Instance } from "../instance/index.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { envs, nonGrovesCheck, tieFree } from "./support/grovesSelections.ts";

export const dsicEfficientIsGrovesTieFree: Theorem<Instance> = {
  id: "dsic-efficient-is-groves-tie-free",
  kind: "refutation",
  source: "[Holmstrom1979] (smoothly connected domains), mentioned after [BernardMD3, Def 6.16]",
  statement:
    "Naive finite transcription of Holmström's theorem, without ties: on finite private-values domains where the efficient decision is unique at every profile, every DSIC efficient mechanism is a Groves mechanism (false because a finite domain is not smoothly connected: with types strictly preferring different decisions the payment may vary within the deviation gains).",
  trueVersion: "dsic-efficient-groves-finite",
  arbitrary: envs,
  hypothesis: (x) => tieFree(x.environment),
  minHypothesisRate: 0.1,
  check: nonGrovesCheck,
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dsic-efficient-is-groves-tie-free", instanceCodec)],
};
