/** Crémer–McLean cases (an environment with correlated or independent beliefs and a mechanism) and their JSON codec ([CremerMcLean1988], [BernardMD3, Def 7.10]). */
import { q, qstr, type Q } from "../exact/rational.ts";
import { instanceToJson, parseInstance } from "../instance/index.ts";
import { type DirectMechanism, type Environment } from "../model/environment.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { MechcheckError } from "../errors.ts";

export interface CmCase {
  readonly env: Environment;
  readonly prior: readonly Q[];
  readonly mechanism: DirectMechanism;
  /** auctionValues[i][τ_i]: distinct values of agent i's types in the single-object auction. */
  readonly auctionValues: readonly (readonly Q[])[];
}

export const cmCodec: CaseCodec<CmCase> = {
  encode: (x) => ({
    instance: instanceToJson({ environment: x.env, beliefs: { kind: "common-prior", prior: x.prior }, mechanism: x.mechanism }),
    auctionValues: x.auctionValues.map((r) => r.map(qstr)),
  }),
  decode: (j) => {
    const o = j as { instance: unknown; auctionValues: string[][] };
    const inst = parseInstance(o.instance);
    if (!inst.beliefs || inst.beliefs.kind !== "common-prior" || !inst.mechanism || inst.mechanism.kind !== "direct") throw new MechcheckError("bad-case", "cremer-mclean case: needs a common prior and a direct mechanism");
    return { env: inst.environment, prior: inst.beliefs.prior, mechanism: inst.mechanism, auctionValues: o.auctionValues.map((r) => r.map((v) => q(v))) };
  },
};
