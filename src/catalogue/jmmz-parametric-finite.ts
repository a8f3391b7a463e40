import fc from "fast-check";
import { dictatorialPayments } from "../exPost/parametricExample.ts";
import { q } from "../exact/rational.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import type { Theorem } from "./types.ts";
import { type JmmzRuleCase, jmmzCaseArb, jmmzCodec, checkFinite, raisedDictatorPrice } from "./support/jmmzParametric.ts";

export const jmmzParametricFinite: Theorem<JmmzRuleCase> = {
  id: "jmmz-parametric-finite",
  kind: "theorem",
  source: "[BrooksExPost2023, A parametric example], finite version",
  statement:
    "JMMZ parametric model on finite signal grids, any a, b: (i) if s_i* ∈ G_i maximizes μ_i(·, s_{-i}) for every s_{-i} (e.g. (1,0) when values are nondecreasing in the own signal), the rule 'k iff s_i = s_i*' with agent i paying μ_i(s_i*, s_{-i}) on k is EPIC (non-constant when |G_i| ≥ 2); (ii) a deterministic rule has EPIC payments iff for each i, s_{-i}: min of μ_i on {q = k} ≥ max of μ_i on {q = l}.",
  arbitrary: fc.tuple(jmmzCaseArb, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 })).map(([c, bits]) => ({ ...c, bits })),
  check: (x) => checkFinite(x),
  negativeControls: [
    {
      name: "dictator's price raised by 1",
      why: "the rule 'k iff s_i = s_i*' with agent i paying μ_i(s_i*, s_{-i}) + 1 on k: the maximizer type now gets −1 from k and 0 by reporting another signal (l) — on the first generated case (fixed seed) with a uniform maximizer and |G_i| ≥ 2 the check must reject it",
      input: () => firstSample(jmmzParametricFinite.arbitrary, (x) => !checkFinite(x, { dictatorialPayments: raisedDictatorPrice }).ok, "broken by the raised price"),
      check: (x) => checkFinite(x, { dictatorialPayments: raisedDictatorPrice }),
    },
  ],
  codec: {
    encode: (x) => ({ ...(jmmzCodec.encode(x) as object), ruleBits: x.bits.map((b) => (b ? 1 : 0)) }),
    decode: (j) => ({ ...jmmzCodec.decode(j), bits: ((j as { ruleBits: number[] }).ruleBits ?? [1]).map((b) => b === 1) }),
  },
  defaultRuns: 150,
};
