import { isBIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../concepts/index.ts";
import { qstr, qsum } from "../exact/rational.ts";
import { cgkMechanism, partnershipEnvironment } from "../trade/partnership.ts";
import { productOfMarginals } from "../model/independence.ts";
import type { Theorem } from "./types.ts";
import { savedCaseControl } from "./support/controls.ts";
import { type CgkCase, gridArb, arbitrary, codec, gridDissolvable } from "./support/partnershipDissolution.ts";

export const cgkDissolutionGrid: Theorem<CgkCase> = {
  id: "cgk-dissolution-grid",
  kind: "refutation",
  source: "[Mishra2020, *Dissolving a partnership* on finite grids]; [CramtonGibbonsKlemperer1987]",
  statement: "On finite value grids (iid marginals, efficient allocation with ties split), a partnership can be dissolved efficiently (BB, BIC, IIR) iff Σ_i W_i ≥ 0, W_i the least marginal payoff of the dAGV mechanism (the seed's condition transcribed to grids).",
  trueVersion: "cgk-dissolution",
  arbitrary: gridArb,
  check: (x) => {
    if (x.kind !== "grid") return { ok: true };
    const env = partnershipEnvironment(x.values, x.shares);
    const res = cgkMechanism(env, x.shares.map(() => x.marginal));
    const lp = gridDissolvable(x);
    if (lp.dissolvable === res.interimIR) return { ok: true, tag: res.interimIR ? "Σ W ≥ 0 and dissolvable" : "Σ W < 0 and not dissolvable" };
    if (lp.dissolvable) {
      const prior = { kind: "common-prior" as const, prior: productOfMarginals(x.shares.map(() => x.marginal)) };
      const m2 = { kind: "direct" as const, allocation: res.mechanism.allocation, payments: lp.payments };
      if (isExPostBudgetBalanced(env, m2).verdict === "fails" || isBIC(env, m2, prior).verdict === "fails" || isInterimIR(env, m2, prior).verdict === "fails" || isExPostEfficient(env, m2).verdict === "fails") {
        throw new Error("the dissolution LP's point is not efficient, BB, BIC and IIR (bug)");
      }
    }
    return {
      ok: false,
      violation: { sumW: qstr(qsum(res.W)), W: res.W.map(qstr), dissolvable: lp.dissolvable, ...(lp.dissolvable ? { payments: lp.payments.map((r) => r.map(qstr)) } : { farkas: lp.farkas }) },
      message: lp.dissolvable
        ? `Σ W = ${qstr(qsum(res.W))} < 0, yet the exact LP finds an efficient, BB, BIC, IIR mechanism (payments re-checked efficient, BB, BIC and IIR by src/concepts): on a grid, payoff equivalence fails and so does the necessity direction`
        : `Σ W = ${qstr(qsum(res.W))} ≥ 0 but no dissolving mechanism exists`,
    };
  },
  codec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("cgk-dissolution-grid", codec)],
};
