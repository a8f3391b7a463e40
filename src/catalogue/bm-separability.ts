/**
 * `bm-separability` — [BrooksExPost2023] *Separable environments* (Bergemann–Morris 2005), with the erratum
 * of the slides (the proof's right-hand side is ũ_i(f_0(θ'_i, θ_{-i}), g_{i,θ−i}(θ'_i, θ_{-i}), θ)).
 *
 * Seed statement: if (Θ, X, u, F) is separable and F is implementable on all KPT type spaces, then
 * F is ex post implementable. The proof only uses the test type spaces T_i = Θ_i, T_j = {θ_j}
 * (j ≠ i), one for each agent i and each θ_{-i}, so the finite transcription checked here is the
 * stronger statement the proof establishes:
 *
 *   Finite separable (Θ, X, u, F) — X = X_0 × Π_i X_i finite, u_i(x, θ) = ũ_i(x_0, x_i, θ),
 *   F(θ) = {f_0(θ)} × Π_i F_i(θ), all verified exactly on the tables (exPostSeparable.ts
 *   checkSeparable) — and for every i and θ_{-i}, F implementable on the test type space
 *   (an interim IC g : T → X with g(t) ∈ F(θ̂(t))) ⇒ F ex post implementable, with the
 *   proof's f′(θ) = (f_0(θ), (x_i(g_{i,θ−i}(θ_i)))_i) as the witness.
 *
 * Both readings of outcomes are checked: BM's (no money; an outcome is a decision) and the
 * quasilinear one (an outcome is a decision plus free payments, money being part of each X_i).
 *
 * The check, per case:
 *  - every test type space is decided exactly by enumerating its selections (exPostImplementation.ts
 *    solveSection: a solution, or every candidate with a deviation / positive cycle);
 *  - premise true: each test-space mechanism is re-checked as a mechanism ON the literal test KPT
 *    type space (isBIC of the induced environment, exPostKpt.ts); f′, p′ are built as in the proof;
 *    f′(θ) ∈ F(θ) is checked by membership and EPIC by src/concepts isEPIC — a failure of either
 *    is a counterexample. The independent backtracking search must agree (implementable).
 *  - premise false at some (i, θ_{-i}): then F is not ex post implementable (the restriction of an
 *    EPIC selection would implement F on that test space — [BrooksExPost2023] *Robustness of ex post
 *    implementation*); the backtracking search must agree (no selection) — a found selection is a
 *    counterexample to that proposition or a bug.
 * Tags count the two branches; the premise-true branch (the implication proper) is most cases.
 */
import fc from "fast-check";
import { isEPIC } from "../concepts/index.ts";
import { findExPostSelection, selectionLabels, selectionMechanism, solveAllSections, type TransferMode } from "../exPost/implementation.ts";
import { isInterimICOnKpt, sectionMechanismOnTestSpace, testTypeSpace } from "../exPost/knownPayoffTypes.ts";
import { bmConstruction, checkSeparable, type SeparableStructure } from "../exPost/separableEnvironments.ts";
import { qstr, ZERO } from "../exact/rational.ts";
import { separableEnvironment, type SeparableInstance } from "../generators/index.ts";
import type { Environment } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import { type SccCase, profileKey, sccCaseCodec, modeArb } from "../generators/sccCases.ts";

function fromSeparable(mode: TransferMode, s: SeparableInstance): SccCase {
  return { env: s.env, scc: s.scc, mode, structure: { outcomes: s.outcomes, publicRule: s.publicRule, privateSets: s.privateSets } };
}

const arbitrary: fc.Arbitrary<SccCase> = fc.oneof(
  // two agents, interdependent ũ (BM allow it), up to 3 types, |X_0|, |X_i| ≤ 2
  fc.tuple(modeArb, separableEnvironment({ minAgents: 2, maxAgents: 2, maxTypes: 3, maxValue: 6 })).map(([m, s]) => fromSeparable(m, s)),
  // a single public outcome: all flexibility is private (the premise holds more often)
  fc.tuple(modeArb, separableEnvironment({ minAgents: 2, maxAgents: 2, maxTypes: 3, maxPublic: 1, maxPrivate: 3, maxValue: 6 })).map(([m, s]) => fromSeparable(m, s)),
  // private values
  fc.tuple(modeArb, separableEnvironment({ minAgents: 1, maxAgents: 2, maxTypes: 3, privateValues: true, maxValue: 6 })).map(([m, s]) => fromSeparable(m, s)),
  // three agents, two types each
  fc.tuple(modeArb, separableEnvironment({ minAgents: 3, maxAgents: 3, maxTypes: 2, maxPublic: 2, maxPrivate: 2, maxValue: 4 })).map(([m, s]) => fromSeparable(m, s)),
);

/**
 * The check, with BM's construction of f′ as a parameter (default: bmConstruction) so a negative
 * control can run the same logic on a broken construction.
 */
export function checkBmSeparability(x: SccCase, variant: { construct?: typeof bmConstruction } = {}): CheckResult {
  const construct = variant.construct ?? bmConstruction;
  const { env, scc, mode } = x;
  const s = x.structure!;
  const sizes = typeSizes(env);
  const tests = solveAllSections(env, scc, mode);
  const search = findExPostSelection(env, scc, mode);
  if (!tests.ok) {
    const r = tests.refutation;
    if (search.implementable) {
      return {
        ok: false,
        violation: { testSpace: { agent: r.agent, others: r.others }, selection: selectionLabels(env, search.selection.rule, search.selection.payments) },
        message: "F is not implementable on a test type space, yet the search found an EPIC selection (contradicts ex post ⇒ KPT, or a bug)",
      };
    }
    return { ok: true, certificate: { notImplementableOnTestSpace: { agent: r.agent, others: r.others, candidatesRefuted: r.candidates.length }, searchNodes: search.nodes }, tag: `${mode}: premise fails (a test space refutes F) ⇒ not ex post` };
  }
  // premise holds: each test-space mechanism is interim IC on the literal test KPT type space
  for (const row of tests.solutions) {
    for (const sol of row) {
      const kpt = testTypeSpace(env, sol.agent, sol.others);
      const v = isInterimICOnKpt(env, kpt, sectionMechanismOnTestSpace(env, sol));
      if (v.verdict === "fails") return { ok: false, violation: { testSpace: { agent: sol.agent, others: sol.others }, bic: v.violation }, message: "the test-space solution is not interim IC on the test type space (bug in solveSection)" };
      for (let a = 0; a < sol.choices.length; a++) {
        const th = profileIndex(sizes, kpt.payoffType.map((pt, j) => (j === sol.agent ? a : pt[0]!)));
        if (!scc.sets[th]!.includes(sol.choices[a]!)) return { ok: false, violation: { testSpace: { agent: sol.agent, others: sol.others }, type: a }, message: "the test-space solution leaves F" };
      }
    }
  }
  const fp = construct(env, s, tests.solutions);
  for (let th = 0; th < fp.rule.length; th++) {
    if (!scc.sets[th]!.includes(fp.rule[th]!)) {
      return { ok: false, violation: { profile: profileKey(env, th), fPrime: env.decisions[fp.rule[th]!], F: scc.sets[th]!.map((d) => env.decisions[d]) }, message: "BM's f′ leaves F" };
    }
  }
  const epic = isEPIC(env, selectionMechanism(env, fp));
  if (epic.verdict === "fails") {
    return { ok: false, violation: { fPrime: selectionLabels(env, fp.rule, fp.payments), epic: epic.violation }, message: "F is implementable on every test type space, yet BM's f′ is not EPIC" };
  }
  if (!search.implementable) {
    return { ok: false, violation: { fPrime: selectionLabels(env, fp.rule, fp.payments) }, message: "BM's f′ is an EPIC selection, yet the backtracking search found none (search bug)" };
  }
  return {
    ok: true,
    certificate: { fPrime: selectionLabels(env, fp.rule, fp.payments), minSlack: epic.witness.minSlack === null ? null : qstr(epic.witness.minSlack) },
    tag: `${mode}: premise holds ⇒ f′ EPIC in F`,
  };
}

export const bmSeparability: Theorem<SccCase> = {
  id: "bm-separability",
  kind: "theorem",
  source: "[BrooksExPost2023, Separable environments]; [BergemannMorris2005]",
  statement:
    "Finite separable (Θ, X, u, F), with or without transfers: if F is implementable on every test type space T_i = Θ_i, T_j = {θ_j} (all i, θ_{-i}), then F is ex post implementable, and BM's f′ (public part f_0, private part of i from the (i, θ_{-i}) test mechanism) is an EPIC selection; otherwise no EPIC selection exists.",
  arbitrary,
  hypothesis: (x) => x.structure !== undefined && checkSeparable(x.env, x.scc, x.structure) === null,
  check: (x) => checkBmSeparability(x),
  codec: sccCaseCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "private parts read at the mirrored own type",
      why: "BM's f′ built with agent i's test-space choice (and payment) for own type a taken from own type m_i − 1 − a: on the first generated separable case (fixed seed) where the premise holds and it matters, the broken f′ leaves F or is not EPIC",
      input: () => firstSample(bmSeparability.arbitrary, (x) => bmSeparability.hypothesis!(x) && !checkBmSeparability(x, { construct: mirroredConstruction }).ok, "broken by the mirrored construction"),
      check: (x) => checkBmSeparability(x, { construct: mirroredConstruction }),
    },
    {
      name: "transfers dropped from f′",
      why: "with transfers, BM's f′ carries the test-space payments; the same rule with every payment set to 0 is in F but not EPIC on the first generated case (fixed seed, transfers mode, premise holds) where the payments matter",
      input: () => firstSample(bmSeparability.arbitrary, (x) => x.mode === "transfers" && bmSeparability.hypothesis!(x) && !checkBmSeparability(x, { construct: withoutTransfers }).ok, "broken by dropping the transfers"),
      check: (x) => checkBmSeparability(x, { construct: withoutTransfers }),
    },
  ],
};

/** bmConstruction with every payment set to 0 (a known-bad f′ in transfers mode). */
function withoutTransfers(env: Environment, s: SeparableStructure, solutions: Parameters<typeof bmConstruction>[2]): ReturnType<typeof bmConstruction> {
  const fp = bmConstruction(env, s, solutions);
  return { ...fp, payments: fp.payments.map((r) => r.map(() => ZERO)) };
}

/** bmConstruction on the test-space solutions with each agent's own types mirrored (a known-bad f′). */
function mirroredConstruction(env: Environment, s: SeparableStructure, solutions: Parameters<typeof bmConstruction>[2]): ReturnType<typeof bmConstruction> {
  return bmConstruction(env, s, solutions.map((row) => row.map((sol) => ({ ...sol, choices: sol.choices.slice().reverse(), payments: sol.payments.slice().reverse() }))));
}
