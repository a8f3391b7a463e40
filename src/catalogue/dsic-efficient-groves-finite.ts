import { savedCases } from "./support/controls.ts";
import { efficientDecisions } from "../concepts/index.ts";
import type { Instance } from "../instance/index.ts";
import { efficientDecisionRule } from "../mechanisms/vcg.ts";
import { numProfiles } from "../model/environment.ts";
import type { Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";
import { tieFree, allEfficientSelections, grovesCharacterizationFor, SELECTION_LIMIT, envsWithTieBreak } from "./support/grovesSelections.ts";

export const dsicEfficientGrovesFinite: Theorem<{ inst: Instance; pick: number[] }> = {
  id: "dsic-efficient-groves-finite",
  kind: "theorem",
  source: "[Holmstrom1979], finite version (no connectedness); [BernardMD3, Def 6.16]",
  statement:
    "Finite private values, for EVERY efficient selection q (every tie-break; all of them when ≤ 64, else the first-index one and a random one): max over DSIC mechanisms implementing q of a(x) − a(y), a = p_i + Σ_{j≠i} v_j, equals the shortest-path distance d(x, y) with lengths S(q(x),x) − S(q(y),x); Groves is forced iff all d = 0.",
  arbitrary: envsWithTieBreak,
  check: ({ inst, pick }) => {
    const env = inst.environment;
    const all = allEfficientSelections(env, SELECTION_LIMIT);
    const sampled = Array.from({ length: numProfiles(env) }, (_, th) => {
      const e = efficientDecisions(env, th);
      return e[(pick[th] ?? 0) % e.length]!;
    });
    const rules = all ?? [efficientDecisionRule(env), sampled];
    let positive = 0;
    let grovesForced = 0;
    for (const rule of rules) {
      const r = grovesCharacterizationFor(env, rule);
      if (!r.ok) return r;
      if (r.positive > 0) positive++;
      else grovesForced++;
    }
    const ties = tieFree(env) ? "no ties" : all ? `ties: all ${rules.length} selections` : "ties: > 64 selections, first-index + random";
    const which = positive === 0 ? "Groves forced for every selection" : grovesForced === 0 ? "non-Groves for every selection" : "Groves forced for some selections only";
    return { ok: true, tag: `${ties}; ${which}` };
  },
  codec: {
    encode: (x) => ({ instance: instanceCodec.encode(x.inst), tieBreak: x.pick }),
    decode: (j) => {
      const o = j as { instance: unknown; tieBreak?: unknown };
      const pick = Array.isArray(o.tieBreak) ? o.tieBreak.map((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0)) : [];
      return { inst: instanceCodec.decode(o.instance), pick };
    },
  },
  defaultRuns: 200,
  negativeControls: [
    {
      name: "inefficient selection",
      why: "the same characterization for a rule that swaps the decisions of the tie-free refutation's saved case (each type gets the decision the other prefers): a deviation gain is negative, the check must say no",
      input: () => {
        const xs = savedCases("dsic-efficient-is-groves-tie-free", instanceCodec);
        if (xs.length === 0) throw new Error("no saved case for dsic-efficient-is-groves-tie-free");
        return { inst: xs[0]!, pick: [] };
      },
      check: ({ inst }) => {
        const env = inst.environment;
        const eff = efficientDecisionRule(env);
        const D = env.decisions.length;
        const bad = eff.map((d) => (d + 1) % D); // every profile gets another decision: not efficient where the choice was unique
        const r = grovesCharacterizationFor(env, bad);
        return r.ok ? { ok: true } : r;
      },
    },
  ],
};
