/**
 * `border-reduced-form` (theorem) — [Border1991, Thm 3]. Reading checked:
 *
 *   "n bidders with i.i.d. types on a finite set T (full-support prior f), a symmetric interim rule
 *    Q: T → [0, 1]. Q is the reduced form of a feasible ex post allocation (q_i(θ) ≥ 0,
 *    Σ_i q_i(θ) ≤ 1, bidder i's interim probability equal to Q(t) for every i and t) iff for every
 *    S ⊆ T: n Σ_{t∈S} f(t) Q(t) ≤ 1 − (1 − f(S))^n."
 *
 * Both sides exactly (src/auctions/border.ts): the LP over ex post allocations (solve's verified
 * answer; an allocation it returns is re-checked here against supply and the reduced form) and all
 * 2^|T| − 1 inequalities; when the LP is infeasible the certificate is the violated inequality
 * (S, left side, right side). Cases: src/generators/reducedForm.ts.
 */
import fc from "fast-check";
import { allocationDefect, borderViolation, implementingAllocation, reducedFormCodec, type ReducedForm } from "../auctions/border.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import { reducedFormArbitrary } from "../generators/reducedForm.ts";
import type { CheckResult, Theorem } from "./types.ts";

/** The check with the LP side as a parameter (a negative control passes a wrong allocation). */
export function checkBorderWith(allocate: (x: ReducedForm) => readonly Q[] | null): (x: ReducedForm) => CheckResult {
  return (x) => {
    const v = borderViolation(x);
    const alloc = allocate(x);
    if (alloc !== null) {
      const defect = allocationDefect(x, alloc);
      if (defect) return { ok: false, violation: { defect }, message: `the LP's allocation is not an implementation: ${defect}` };
      if (v) return { ok: false, violation: { subset: v.subset, lhs: qstr(v.lhs), rhs: qstr(v.rhs) }, message: `feasible, yet Border's inequality for S = {${v.subset.join(",")}} fails: ${qstr(v.lhs)} > ${qstr(v.rhs)}` };
      return { ok: true, certificate: { allocation: alloc.map(qstr) }, tag: "feasible: allocation and all inequalities" };
    }
    if (!v) return { ok: false, violation: { interim: x.interim.map(qstr) }, message: "the LP is infeasible, yet every Border inequality holds" };
    return { ok: true, certificate: { subset: v.subset, lhs: qstr(v.lhs), rhs: qstr(v.rhs) }, tag: "infeasible: violated inequality" };
  };
}

function firstGenerated(pred: (x: ReducedForm) => boolean): ReducedForm {
  for (const x of fc.sample(reducedFormArbitrary(), { seed: 20261206, numRuns: 500 })) if (pred(x)) return x;
  throw new Error("border-reduced-form: no generated case for the control");
}

export const borderReducedForm: Theorem<ReducedForm> = {
  id: "border-reduced-form",
  kind: "theorem",
  source: "[Border1991, Thm 3]",
  statement:
    "n i.i.d. bidders, finite types, symmetric interim rule Q: Q is the reduced form of a feasible ex post allocation iff n Σ_{t∈S} f(t)Q(t) ≤ 1 − (1 − f(S))^n for every S ⊆ T; the LP's allocation or the violated inequality is the certificate.",
  arbitrary: reducedFormArbitrary(),
  check: checkBorderWith(implementingAllocation),
  codec: reducedFormCodec,
  defaultRuns: 1000,
  coverage: {
    classify: (x) => [borderViolation(x) ? "infeasible" : "feasible"],
    required: { feasible: 200, infeasible: 200 },
  },
  negativeControls: [
    {
      name: "allocation off by 1/7",
      why: "on the first generated feasible multi-bidder case, the LP's allocation with bidder 0's share at the first profile lowered by 1/7: its reduced form is not Q (or the share is negative)",
      input: () => firstGenerated((x) => x.bidders >= 2 && borderViolation(x) === null),
      check: checkBorderWith((x) => {
        const a = implementingAllocation(x);
        return a === null ? null : a.map((v, k) => (k === 0 ? v.sub(q(1).div(7)) : v));
      }),
    },
    {
      name: "claimed infeasible",
      why: "an LP side that answers 'infeasible' on the first generated feasible case: every Border inequality holds, so the check must refuse",
      input: () => firstGenerated((x) => borderViolation(x) === null),
      check: checkBorderWith(() => null),
    },
  ],
};
