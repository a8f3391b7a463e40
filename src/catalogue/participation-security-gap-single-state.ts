import { savedCaseControl } from "./support/controls.ts";
import { guarantee, potential, trivialTypeSpace } from "../robust/maxmin.ts";
import { type BridgeCase, bridgeCase, bridgeCodec, bridgeProblem } from "../robust/maxminBridge.ts";
import { q, qstr } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { psAndBb } from "./support/participationSecurity.ts";

export const participationSecurityGapSingleState: Theorem<BridgeCase> = {
  id: "participation-security-gap-single-state",
  kind: "refutation",
  source: "[BrooksMaxmin2023, Will these bounds coincide in general?; Participation security], one-state reading",
  statement:
    "Naive finite transcription (participation security at the single true state only): bridge (complete information, budget balance, c/N < v < c), every mechanism whose action 0 gives a non-negative expected payoff at the state v has an opt-out equilibrium with welfare 0, so its guarantee is 0 and the duality gap is Nv − c (false because at one state opting out need not mean paying nothing: 'always build, each pays c/N' is secure and has guarantee Nv − c).",
  trueVersion: "participation-security-gap",
  arbitrary: bridgeCase("seed"),
  hypothesis: psAndBb,
  check: (x) => {
    const problem = bridgeProblem(x);
    const G = guarantee(problem, x.mechanism);
    const P = potential(problem, trivialTypeSpace(problem));
    const first = q(x.N).mul(x.v).sub(x.c);
    if (G.value.compare(0) > 0) {
      return {
        ok: false,
        violation: { guarantee: qstr(G.value), potential: qstr(P.value), gap: qstr(P.value.sub(G.value)), claimedGap: qstr(first), worstBce: G.sigma.map((r) => r.map((s) => s.map(qstr))) },
        message: `this participation-secure budget-balanced mechanism (N = ${x.N}, v = ${qstr(x.v)}, c = ${qstr(x.c)}) has guarantee ${qstr(G.value)} > 0 (exact min over BCE): no equilibrium on any type space has welfare 0, and the gap is ${qstr(P.value.sub(G.value))}, not Nv − c = ${qstr(first)}`,
      };
    }
    return { ok: true, tag: "guarantee 0: a zero-welfare equilibrium exists" };
  },
  codec: bridgeCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("participation-security-gap-single-state", bridgeCodec)],
};
