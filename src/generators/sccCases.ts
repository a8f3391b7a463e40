/** Social choice correspondence cases (an environment, its correspondence, a transfer mode) with their JSON codec, for the ex post implementation theorems of [BergemannMorris2005] and [BrooksExPost2023]. */
import fc from "fast-check";
import { type TransferMode } from "../exPost/implementation.ts";
import { type SeparableStructure } from "../exPost/separableEnvironments.ts";
import { productOutcomes } from "./productOutcomes.ts";
import { instanceToJson, parseInstance } from "../instance/index.ts";
import type { Environment, SocialChoiceCorrespondence } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { profileAt } from "../model/profiles.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { MechcheckError } from "../errors.ts";

/** A case of the BM theorems: an environment, an SCC, the reading of outcomes, and (when separable) the product structure. */
export interface SccCase {
  readonly env: Environment;
  readonly scc: SocialChoiceCorrespondence;
  readonly mode: TransferMode;
  readonly structure?: SeparableStructure;
}

export function profileKey(env: Environment, th: number): string {
  return profileAt(typeSizes(env), th).map((k, j) => env.types[j]![k]!).join(",");
}

/**
 * Semantic JSON: the environment in the instance format, F as profile key → decision labels.
 * Product-outcome labels "a|x1|y2" are saved as "a/x1/y2" (the instance format reserves "|").
 */
export const sccCaseCodec: CaseCodec<SccCase> = {
  encode: (x0) => {
    const x = { ...x0, env: { ...x0.env, decisions: x0.env.decisions.map((l) => l.replaceAll("|", "/")) } };
    return {
      mode: x.mode,
      instance: instanceToJson({ environment: x.env }),
      scc: Object.fromEntries(x.scc.sets.map((s, th) => [profileKey(x.env, th), s.map((d) => x.env.decisions[d]!)])),
      ...(x.structure
        ? {
            structure: {
              publicSize: x.structure.outcomes.publicLabels.length,
              privateSizes: x.structure.outcomes.privateLabels.map((l) => l.length),
              publicRule: x.structure.publicRule.slice(),
              privateSets: x.structure.privateSets.map((r) => r.map((s) => s.slice())),
            },
          }
        : {}),
    };
  },
  decode: (j) => {
    const o = j as { mode: TransferMode; instance: unknown; scc: Record<string, string[]>; structure?: { publicSize: number; privateSizes: number[]; publicRule: number[]; privateSets: number[][][] } };
    if (o.mode !== "none" && o.mode !== "transfers") throw new MechcheckError("bad-case", `mode: expected "none" or "transfers", got ${JSON.stringify(o.mode)}`);
    const env = parseInstance(o.instance).environment;
    const sets = Array.from({ length: numProfiles(env) }, (_, th) => {
      const labels = o.scc[profileKey(env, th)];
      if (!Array.isArray(labels) || labels.length === 0) throw new MechcheckError("bad-case", `scc: no nonempty set for profile ${profileKey(env, th)}`);
      return labels.map((l) => {
        const d = env.decisions.indexOf(l);
        if (d < 0) throw new MechcheckError("bad-case", `scc: unknown decision ${JSON.stringify(l)}`);
        return d;
      }).sort((a, b) => a - b);
    });
    const s = o.structure;
    return {
      env,
      scc: { sets },
      mode: o.mode,
      ...(s ? { structure: { outcomes: productOutcomes(s.publicSize, s.privateSizes), publicRule: s.publicRule, privateSets: s.privateSets } } : {}),
    };
  },
};

export const modeArb: fc.Arbitrary<TransferMode> = fc.constantFrom<TransferMode>("none", "transfers");
