/**
 * `bm-example` (example) — [BrooksExPost2023] *Example without separability* (Bergemann–Morris 2005):
 * N = {1, 2}, Θ_i = {θ_i, θ'_i}, X = {a, b, c},
 *   F(θ_1, θ_2) = F(θ_1, θ'_2) = {a, b},   F(θ'_1, θ_2) = F(θ'_1, θ'_2) = {c};
 * "this SCC is always interim implementable (let player 1 choose the outcome), but it is not
 * implementable ex post". The slide's payoff table was lost in extraction (the payoffs are rebuilt from the text);
 * this one is built to fit, no money (BM's setting: outcomes are X):
 *
 *   u_1          a  b  c          u_2          a  b  c
 *   (θ1, θ2)     2  0  1          (θ1, θ2)     0  1  0
 *   (θ1, θ2')    0  2  1          (θ1, θ2')    1  0  0
 *   (θ1', ·)     0  0  1          (θ1', ·)     0  0  0
 *
 * Not ex post implementable. At (θ1', ·) the outcome is c. Type θ1 can report θ1' and get c, so
 * EPIC for 1 forces f(θ1, θ2) = a (b gives 0 < 1) and f(θ1, θ2') = b (a gives 0 < 1); then type θ2
 * of player 2 reports θ2' and gets b: 1 > 0. The check derives this by arc consistency (a
 * readable derivation), by the backtracking search, and by enumerating all 4 selections with isEPIC.
 *
 * Interim implementable on EVERY KPT type space, by "player 1 chooses": g(t) = c if θ̂_1(t_1) = θ1',
 * and otherwise the better of a, b for t_1's belief (a on ties):
 *   E[u_1(a) | t_1] ≥ E[u_1(b) | t_1] ? a : b, with E over π̂_1(t_2|t_1) and u_1 at (θ1, θ̂_2(t_2)).
 * Proof. g(t) ∈ F(θ̂(t)) by construction. Player 2's report never changes the outcome, so 2 has no
 * profitable report. A type t_1 of player 1 gets, by any report, some x ∈ X (independent of t_2);
 * if θ̂_1(t_1) = θ1', c is strictly best at every θ_2 (1 > 0), so no report gains; if θ̂_1(t_1) = θ1,
 * (u_1(a) + u_1(b))/2 = 1 = u_1(c) at every θ_2, hence max(E u_1(a), E u_1(b)) ≥ E u_1(c) for every
 * belief, so g(t_1) is t_1's best outcome in X and no report gains. ∎ The check verifies the two
 * pointwise conditions exactly on the table, and runs the mechanism on the test type spaces and on
 * 300 random KPT type spaces (extra types, beliefs with and without full support), checking
 * g(t) ∈ F(θ̂(t)) and interim IC (isBIC on the induced environment).
 *
 * Also derived (not on the slide): with free transfers the same F IS ex post implementable
 * (money relaxes player 1's constraints to cycle conditions), so the example depends on BM's
 * no-money setting; `bm-nonseparable` refutes the implication with transfers too.
 */
import fc from "fast-check";
import { bruteForceExPostImplementable, describeStep, findExPostSelection, propagate, selectionLabels, selectionMechanism } from "../exPost/implementation.ts";
import { isInterimICOnKpt, testTypeSpace } from "../exPost/knownPayoffTypes.ts";
import { isEPIC } from "../concepts/index.ts";
import { ONE, ZERO, q, type Q } from "../exact/rational.ts";
import { kptTypeSpace, sampleWithSeed } from "../generators/index.ts";
import type { DirectMechanism, Environment, KptTypeSpace } from "../model/environment.ts";
import { allProfiles, othersSizes, profileCount } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { sccCaseCodec, type SccCase } from "../generators/sccCases.ts";
import { checkTestSpacesImplyExPost } from "./support/testSpaces.ts";

const A = 0;
const B = 1;
const C = 2;
const T1 = 0; // θ1 (player 1), θ2 (player 2)
const T1P = 1; // θ1', θ2'

/** Profiles in index order: (θ1,θ2), (θ1,θ2'), (θ1',θ2), (θ1',θ2'). */
export function bmExampleEnvironment(): Environment {
  const row = (xs: number[]) => xs.map((x) => q(x));
  return {
    agents: ["1", "2"],
    types: [
      ["θ1", "θ1'"],
      ["θ2", "θ2'"],
    ],
    decisions: ["a", "b", "c"],
    valuation: [
      [row([2, 0, 1]), row([0, 2, 1]), row([0, 0, 1]), row([0, 0, 1])],
      [row([0, 1, 0]), row([1, 0, 0]), row([0, 0, 0]), row([0, 0, 0])],
    ],
  };
}

export function bmExampleCase(): SccCase {
  return { env: bmExampleEnvironment(), scc: { sets: [[A, B], [A, B], [C], [C]] }, mode: "none" };
}

/** "Player 1 chooses" on a KPT type space: allocation indexed by the space's type profiles. */
export function playerOneChooses(env: Environment, kpt: KptTypeSpace): DirectMechanism {
  const tSizes = kpt.types.map((t) => t.length);
  const others1 = othersSizes(tSizes, 0);
  const choice = kpt.types[0]!.map((_, t1) => {
    if (kpt.payoffType[0]![t1] === T1P) return C;
    let ea: Q = ZERO;
    let eb: Q = ZERO;
    for (let k = 0; k < profileCount(others1); k++) {
      const th2 = kpt.payoffType[1]![k]!; // two players: the others' profile is t_2
      const v = env.valuation[0]![T1 * 2 + th2]!;
      const w = kpt.beliefs[0]![t1]![k]!;
      ea = ea.add(w.mul(v[A]!));
      eb = eb.add(w.mul(v[B]!));
    }
    return ea.compare(eb) >= 0 ? A : B;
  });
  const allocation = [...allProfiles(tSizes)].map((t) => env.decisions.map((_, d) => (d === choice[t[0]!] ? ONE : ZERO)));
  return { kind: "direct", allocation, payments: allocation.map(() => [ZERO, ZERO]) };
}

/** The KPT spaces the dictatorship is run on (fixed seed: the example is deterministic). */
function sampleKptSpaces(env: Environment): KptTypeSpace[] {
  return [
    ...sampleWithSeed(kptTypeSpace(env, { maxExtraTypes: 2 }), 7, 150),
    ...sampleWithSeed(kptTypeSpace(env, { maxExtraTypes: 2, fullSupport: false }), 8, 150),
  ];
}

function check(x: SccCase): CheckResult {
  const env = x.env;
  const fail = (message: string, violation: unknown = null): CheckResult => ({ ok: false, violation, message });
  // 1. not ex post implementable (no money): derivation, search, enumeration
  const prop = propagate(env, x.scc);
  if (prop.wipedOut === null) return fail("arc consistency does not refute F (expected the derivation of the doc comment)", prop.steps);
  const search = findExPostSelection(env, x.scc, "none");
  const bf = bruteForceExPostImplementable(env, x.scc, "none");
  if (search.implementable || bf === null || bf.implementable) return fail("F is ex post implementable without money", search);
  // 2. implementable on every test type space, so it is a counterexample to the naive implication
  const naive = checkTestSpacesImplyExPost(x);
  if (naive.ok) return fail("the example is not a counterexample to `test spaces ⇒ ex post`", naive);
  // 3. "player 1 chooses": the pointwise conditions of the proof, exactly
  for (const th2 of [T1, T1P]) {
    const u = env.valuation[0]![T1 * 2 + th2]!;
    if (u[A]!.add(u[B]!).div(2).compare(u[C]!) < 0) return fail(`(u_1(a) + u_1(b))/2 < u_1(c) at (θ1, ${env.types[1]![th2]})`);
    const up = env.valuation[0]![T1P * 2 + th2]!;
    if (!(up[C]!.compare(up[A]!) > 0 && up[C]!.compare(up[B]!) > 0)) return fail(`c is not strictly best for θ1' at θ2 = ${env.types[1]![th2]}`);
  }
  // … and the mechanism itself on test spaces and random KPT spaces
  const spaces = [...[0, 1].flatMap((i) => [0, 1].map((o) => testTypeSpace(env, i, o))), ...sampleKptSpaces(env)];
  for (const kpt of spaces) {
    const g = playerOneChooses(env, kpt);
    const tSizes = kpt.types.map((t) => t.length);
    for (const [t, prof] of [...allProfiles(tSizes)].entries()) {
      const th = kpt.payoffType[0]![prof[0]!]! * 2 + kpt.payoffType[1]![prof[1]!]!;
      const d = g.allocation[t]!.findIndex((p) => p.equals(1));
      if (!x.scc.sets[th]!.includes(d)) return fail("player 1 chooses outside F", { kpt, profile: prof });
    }
    const v = isInterimICOnKpt(env, kpt, g);
    if (v.verdict === "fails") return fail("player 1 chooses is not interim IC on a KPT type space", { kpt, bic: v.violation });
  }
  // 4. with transfers the same F is ex post implementable (derived, with an EPIC witness)
  const money = findExPostSelection(env, x.scc, "transfers");
  if (!money.implementable) return fail("expected F to be ex post implementable with transfers");
  if (isEPIC(env, selectionMechanism(env, money.selection)).verdict !== "holds") return fail("the transfers witness is not EPIC");
  return {
    ok: true,
    certificate: {
      notExPost: prop.steps.map((s) => describeStep(env, s)),
      enumeration: `all ${bf.selections} selections fail EPIC`,
      playerOneChooses: `interim IC and in F on ${spaces.length} KPT type spaces (4 test spaces, 300 random)`,
      withTransfers: selectionLabels(env, money.selection.rule, money.selection.payments),
    },
  };
}

export const bmExample: Theorem<SccCase> = {
  id: "bm-example",
  kind: "example",
  source: "[BrooksExPost2023, Example without separability]",
  statement:
    "BM's example (N = 2, two types each, X = {a, b, c}, F = {a, b} at θ1 and {c} at θ1'), with an explicit payoff table: interim implementable on every KPT type space (player 1 chooses) yet not ex post implementable; with transfers it would be.",
  arbitrary: fc.constant(bmExampleCase()),
  check,
  codec: sccCaseCodec,
  negativeControls: [
    {
      name: "u_1(a) at (θ1, θ2) lowered to 1",
      why: "the example's table with u_1(a | θ1, θ2) = 1 instead of 2: then (u_1(a) + u_1(b))/2 = 1/2 < u_1(c) = 1 at (θ1, θ2), and a type of player 1 at θ1 believing θ2 with probability 3/4 expects 3/4 from a, 1/2 from b and 1 from c (outside F): the proof of 'player 1 chooses' breaks and the example's check must fail",
      input: () => {
        const x = bmExampleCase();
        const valuation = x.env.valuation.map((rows, i) => rows.map((r, th) => (i === 0 && th === 0 ? r.map((v, d) => (d === A ? q(1) : v)) : r)));
        return { ...x, env: { ...x.env, valuation } };
      },
    },
  ],
};
