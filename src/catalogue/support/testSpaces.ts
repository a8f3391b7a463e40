/** The check shared by the non-separable refutation and its worked example: interim IC on every known-payoff-type test space implies an ex post implementable selection ([BrooksExPost2023, Example without separability]). */
import { bruteForceExPostImplementable, describeStep, findExPostSelection, propagate, selectionCount, solveAllSections } from "../../exPost/implementation.ts";
import { isInterimICOnKpt, sectionMechanismOnTestSpace, testTypeSpace } from "../../exPost/knownPayoffTypes.ts";
import { qstr } from "../../exact/rational.ts";
import { typeSizes } from "../../model/environment.ts";
import { allProfiles, othersSizes } from "../../model/profiles.ts";
import type { CheckResult } from "../types.ts";
import { type SccCase } from "../../generators/sccCases.ts";

/** The premise/conclusion check shared with bm-example. Returns ok:false exactly on a counterexample. */
export function checkTestSpacesImplyExPost(x: SccCase): CheckResult {
  const { env, scc, mode } = x;
  const sizes = typeSizes(env);
  const tests = solveAllSections(env, scc, mode);
  const search = findExPostSelection(env, scc, mode);
  if (!tests.ok) {
    if (search.implementable) throw new Error("an EPIC selection exists although a test type space refutes F (contradicts ex post ⇒ KPT: bug)");
    return { ok: true, tag: `${mode}: premise fails` };
  }
  if (search.implementable) return { ok: true, tag: `${mode}: premise holds, ex post implementable` };
  // a counterexample: re-check the premise's witnesses on the literal test type spaces
  const testMechanisms = tests.solutions.map((row, i) =>
    row.map((sol, o) => {
      const v = isInterimICOnKpt(env, testTypeSpace(env, i, o), sectionMechanismOnTestSpace(env, sol));
      if (v.verdict !== "holds") throw new Error(`test-space mechanism (${i}, ${o}) is not interim IC (bug)`);
      const others = [...allProfiles(othersSizes(sizes, i))][o]!;
      return {
        agent: env.agents[i]!,
        others: others.map((k, jj) => env.types[jj < i ? jj : jj + 1]![k]!).join(","),
        choices: sol.choices.map((d) => env.decisions[d]!),
        ...(mode === "transfers" ? { payments: sol.payments.map(qstr) } : {}),
      };
    }),
  );
  const bf = bruteForceExPostImplementable(env, scc, mode, 4096);
  if (bf !== null && bf.implementable) throw new Error("the search found no EPIC selection but enumeration did (search bug)");
  const prop = mode === "none" ? propagate(env, scc) : null;
  return {
    ok: false,
    violation: {
      mode,
      testSpaceMechanisms: testMechanisms,
      noExPostSelection: {
        searchNodes: search.nodes,
        selections: selectionCount(scc).toString(),
        enumeration: bf === null ? "skipped (more than 4096 selections)" : `all ${bf.selections} selections fail EPIC${mode === "transfers" ? " (exact transfers LP infeasible)" : ""}`,
        ...(prop && prop.wipedOut ? { derivation: prop.steps.map((st) => describeStep(env, st)) } : {}),
      },
    },
    message: `F is implementable on every test type space (T_i = Θ_i, T_j = {θ_j}) but not ex post implementable (${mode === "none" ? "no money" : "with transfers"}); the environment is not separable`,
  };
}
