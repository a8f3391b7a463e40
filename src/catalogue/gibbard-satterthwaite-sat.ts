/**
 * `gibbard-satterthwaite-sat` (example) — [Gibbard1973], [Satterthwaite1975] on small domains.
 * Reading checked:
 *
 *   "3 alternatives, 2 or 3 voters, strict preferences (6 rankings each): no social choice function
 *    is strategy-proof, onto and non-dictatorial."
 *
 * The CNF (src/socialChoice/gibbardSatterthwaite.ts) is decided by the npm SAT solver logic-solver:
 * UNSAT for n = 2 (1,229 clauses) and n = 3 (10,590 clauses). So that the UNSAT answer cannot come
 * from a broken encoding, the same formula without the non-dictatorship clauses must be SAT, with
 * the solver's assignment re-checked clause by clause here. The n = 2 unsatisfiable core, re-checked
 * UNSAT by an independent DPLL and rendered as a readable proof, is docs/gibbard-satterthwaite.md
 * (scripts/gs-core.ts).
 */
import { MechcheckError } from "../errors.ts";
import fc from "fast-check";
import { gsFormula, satisfies, solveWithLogicSolver, type Clause } from "../socialChoice/gibbardSatterthwaite.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";

export interface GsCase {
  readonly voters: readonly number[];
}

const codec: CaseCodec<GsCase> = {
  encode: (x) => ({ voters: [...x.voters] }),
  decode: (j) => {
    const v = (j as { voters?: unknown })?.voters;
    if (!Array.isArray(v) || v.some((n) => n !== 2 && n !== 3)) throw new MechcheckError("bad-case", "case.voters: expected a list of voter counts, each 2 or 3", { path: "case.voters", value: v });
    return { voters: v as number[] };
  },
};

/** The check with the formula builder as a parameter (a negative control drops a constraint family). */
export function checkGsWith(formula: (n: number) => Clause[]): (x: GsCase) => CheckResult {
  return (x) => {
    const cert: Record<string, unknown> = {};
    for (const n of x.voters) {
      const f = formula(n);
      const model = solveWithLogicSolver(f);
      if (model !== null) {
        const verified = satisfies(f, model);
        return { ok: false, violation: { voters: n, clauses: f.length, assignmentVerified: verified }, message: `n = ${n}: the formula is satisfiable (assignment ${verified ? "verified" : "NOT verified"}): a strategy-proof, onto, non-dictatorial rule would exist` };
      }
      const relaxed = f.filter((c) => c.kind !== "non-dictatorial");
      const dictator = solveWithLogicSolver(relaxed);
      if (dictator === null || !satisfies(relaxed, dictator)) return { ok: false, violation: { voters: n }, message: `n = ${n}: even without non-dictatorship the formula has no verified model: the encoding is wrong` };
      cert[`n=${n}`] = { clauses: f.length, verdict: "UNSAT", withoutNonDictatorship: "SAT (verified assignment)" };
    }
    return { ok: true, certificate: cert };
  };
}

export const gibbardSatterthwaiteSat: Theorem<GsCase> = {
  id: "gibbard-satterthwaite-sat",
  kind: "example",
  source: "[Gibbard1973]; [Satterthwaite1975]",
  statement: "3 alternatives, 2 or 3 voters with strict preferences: no social choice function is strategy-proof, onto and non-dictatorial (SAT encoding UNSAT by an npm solver; the same encoding without non-dictatorship is SAT with a verified model).",
  arbitrary: fc.constant({ voters: [2, 3] }),
  check: checkGsWith(gsFormula),
  codec,
  defaultRuns: 1,
  negativeControls: [
    {
      name: "onto dropped and non-dictatorship kept",
      why: "without the onto clauses a constant rule is strategy-proof and non-dictatorial: the formula is SAT and the check must fail",
      input: () => ({ voters: [2] }),
      check: checkGsWith((n) => gsFormula(n).filter((c) => c.kind !== "onto")),
    },
  ],
};
