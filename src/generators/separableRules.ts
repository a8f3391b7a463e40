/** Chung–Ely separable environments with a decision rule ([ChungEly2002, Def 6, Thm 2]) and their codec. */
import { q, qstr } from "../exact/rational.ts";
import { type ChungElyInstance } from "./chungElySeparable.ts";
import { instanceToJson, parseInstance } from "../instance/index.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { ruleMechanism, ruleOf } from "./ruleCases.ts";
import { MechcheckError } from "../errors.ts";

export interface SeparableRuleCase extends ChungElyInstance {
  readonly rule: readonly number[];
}

export const separableRuleCodec: CaseCodec<SeparableRuleCase> = {
  encode: (x) => ({ instance: instanceToJson({ environment: x.env, mechanism: ruleMechanism(x.env, x.rule) }), h: x.h.map((r) => r.map(qstr)), v: x.v.map((r) => r.map(qstr)) }),
  decode: (j) => {
    const o = j as { instance: unknown; h: string[][]; v: string[][] };
    const inst = parseInstance(o.instance);
    if (inst.mechanism?.kind !== "direct") throw new MechcheckError("bad-case", "expected a direct mechanism carrying the rule");
    return { env: inst.environment, h: o.h.map((r) => r.map((s) => q(s))), v: o.v.map((r) => r.map((s) => q(s))), rule: ruleOf(inst.mechanism) };
  },
};
