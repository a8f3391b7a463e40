/**
 * `bm-nonseparable` (refutation) — [BrooksExPost2023] *Example without separability* ("BM show by example
 * that separability cannot be dropped") and *What goes wrong with separability?*.
 *
 * The naive finite transcription refuted here is `bm-separability` with separability dropped:
 *
 *   For every finite (Θ, X, u, F): F implementable on every test type space T_i = Θ_i,
 *   T_j = {θ_j} (all i, θ_{-i}) ⇒ F ex post implementable.
 *
 * Cases come from random NON-separable environments (src/generators nonSeparableEnvironment:
 * product outcomes X_0 × X_1 × X_2, product-form F, but u_1 depends on agent 2's private
 * component — an externality), in both readings of outcomes: BM's (no money) and quasilinear with
 * free transfers. The check decides the premise exactly (every test space, by enumeration) and
 * ex post implementability exactly (backtracking search); a counterexample additionally carries
 *  - each test-space mechanism (the premise's witnesses, re-checkable with isBIC on the literal
 *    test type space — done in the check),
 *  - the proof that no EPIC selection exists: the search's node count, and an independent
 *    enumeration of every selection (isEPIC, or the exact transfers LP) when there are ≤ 4096
 *    (the shrunk counterexamples have a handful), plus, without money, the arc-consistency
 *    derivation when it alone wipes out a domain (a proof readable line by line).
 * Any counterexample is automatically non-separable under EVERY product decomposition: for a
 * separable decomposition, `bm-separability` (BM's proof) makes the implication true.
 *
 * This refutes the implication the proof establishes (premise: the test type spaces). That the
 * seed's full statement (premise: ALL KPT type spaces) also needs separability is shown by BM's
 * own example, rebuilt with an explicit payoff table in `bm-example` (player 1 chooses).
 * True version: `bm-separability`.
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { nonSeparableEnvironment } from "../generators/index.ts";
import type { Theorem } from "./types.ts";
import { modeArb, sccCaseCodec, type SccCase } from "../generators/sccCases.ts";
import { checkTestSpacesImplyExPost } from "./support/testSpaces.ts";

const arbitrary: fc.Arbitrary<SccCase> = fc
  .tuple(
    fc.noShrink(modeArb), // a counterexample keeps its reading of outcomes (both are refuted; see the saved cases)
    fc.oneof(
      // two types each, X = X_1 × X_2 (BM's size: 2 × 2 profiles)
      nonSeparableEnvironment({ minAgents: 2, maxAgents: 2, minTypes: 2, maxTypes: 2, maxPublic: 1, maxPrivate: 2, maxValue: 6 }),
      // up to three types, a public component
      nonSeparableEnvironment({ minAgents: 2, maxAgents: 2, minTypes: 1, maxTypes: 3, maxPublic: 2, maxPrivate: 2, maxValue: 6 }),
    ),
  )
  .map(([mode, s]): SccCase => ({ env: s.env, scc: s.scc, mode }));

export const bmNonseparable: Theorem<SccCase> = {
  id: "bm-nonseparable",
  kind: "refutation",
  source: "[BrooksExPost2023, Example without separability, What goes wrong with separability?]",
  statement:
    "Without separability: F implementable on every test type space T_i = Θ_i, T_j = {θ_j} ⇒ F ex post implementable (false: refuted from random non-separable environments, with and without transfers).",
  trueVersion: "bm-separability",
  arbitrary,
  check: checkTestSpacesImplyExPost,
  codec: sccCaseCodec,
  defaultRuns: 400,
  negativeControls: [savedCaseControl("bm-nonseparable", sccCaseCodec)],
};
