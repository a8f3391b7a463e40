/**
 * `ce-contingent-contribution` (theorem) and `ce-contingent-contribution-literal` (refutation) —
 * seed 003 §5.3 "Detail-Free Implementation" (Chung–Ely 2002), with Thm 9 and Def 12.
 *
 * Setting (exact, continuum): two agents, signals s ∈ [0, 1]², linear values v_1 = a1·s_1 + b1·s_2 +
 * c1, v_2 = a2·s_2 + b2·s_1 + c2 (rational, a_i > 0, b_i ≥ 0), cost c with V(0, 0) < c < V(1, 1),
 * increasing differences (Def 11: a1 > b2 and a2 > b1; private values b_i = 0 included, as the
 * seed says). A Thm 9 threshold rule: s̄ ∈ [0, 1]² with V(s̄) = c, v̄_i = v_i(s̄) (so v̄_1 + v̄_2 = c),
 * f(s) = 1 iff v_1(s) ≥ v̄_1 and v_2(s) ≥ v̄_2.
 * The game: i announces (d_i, p_i) ∈ ℝ²; produced iff p_1 ≥ d_2 and p_2 ≥ d_1; then i pays d_{−i}.
 * The seed's strategies: F_i(s_i) = {s_{−i} : v_i(s) > v̄_i, v_{−i}(s) > v̄_{−i}}, φ_{−i}(s_i) =
 * inf F_i(s_i) (1 if empty); if F_i(s_i) = [0, 1]: (d_i, p_i) = (v̄_{−i}, v_i(s_i, 0)); otherwise
 * (d_i, p_i) = (v_{−i}(s_i, φ_{−i}(s_i)), v_i(s_i, φ_{−i}(s_i))).
 *
 * The seed claims: "this strategy profile is an ex post equilibrium in which the project is
 * approved at state s iff f(s) = 1".
 *
 * `ce-contingent-contribution-literal` (refutation) transcribes exactly that, at every s ∈ [0, 1]².
 * It is false: with b_i = 0 (e.g. private values) and x with v_i(x, ·) ≡ v̄_i, F_i(x) is empty
 * (strict inequality), φ_{−i}(x) = 1 and i demands d_i = v_{−i}(x, 1), so the project is not
 * approved on the segment {s_i = x, s_{−i} ∈ [g, 1)} where f = 1 (v_1 = s_1, v_2 = s_2, c = 1,
 * s̄ = (½, ½): at s = (½, ½) both demand 1 and pledge ½). The proof's step "d_{−i} > v̄_i ⇒
 * v_{−i}(φ_i(s_{−i}), s_{−i}) = v̄_{−i} by the definition of φ_i" fails when φ_i = 1 by the
 * empty-set convention.
 *
 * `ce-contingent-contribution` (theorem, the true version), decided exactly over all of [0, 1]² by
 * the cell analysis of src/constructions/contingentContribution.ts (pieces where the strategies
 * are affine; each claim's violation set per cell decided by Fourier–Motzkin with a witness that
 * is replayed in the game):
 *  (a) the seed's strategies form an ex post equilibrium at every s (no report (d, p) ∈ ℝ² of
 *      either agent does better; the deviation payoff takes only the values 0 and v_i(s) − d_{−i}),
 *      hence ex post IR (blocking is a deviation worth 0), and d_1 + d_2 ≥ c whenever the project
 *      is produced (budget balance);
 *  (b) the project is approved iff f(s) = 1 at every s off the exceptional segments
 *      E = ∪_i {s : b_i = 0, v_i(s_i, ·) ≡ v̄_i} (E = ∅ when b_1, b_2 > 0);
 *  (c) with ≥ instead of > in F_i (the only change), (a) and approval iff f(s) = 1 hold at every
 *      s ∈ [0, 1]², E included.
 */
import { savedCaseControl, savedCases } from "./support/controls.ts";
import fc from "fast-check";
import { type Q, ZERO, ONE, q, qstr } from "../exact/rational.ts";
import { analyze, exceptionalSignal, playAt, type CellAnalysis, type ClaimViolation, type ThresholdInstance } from "../publicGoods/contingentContribution.ts";
import { increasingValues, nonTrivialProvision, total, value, type LinearPublicGood } from "../publicGoods/interdependentPublicGood.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";
import { boundaryPoint, publicGoodCodec } from "../generators/linearPublicGood.ts";

export interface ContingentCase {
  readonly G: LinearPublicGood;
  /** The point of V = c defining the pivotal values v̄_i = v_i(s̄). */
  readonly sbar: readonly [Q, Q];
}

const half = (k: number) => q(k).div(2);
function withCost(G: Omit<LinearPublicGood, "cost">, t: number): LinearPublicGood {
  const lo = G.c1.add(G.c2);
  const hi = G.a1.add(G.b1).add(G.c1).add(G.a2).add(G.b2).add(G.c2);
  return { ...G, cost: lo.add(hi.sub(lo).mul(t).div(8)) };
}

/** Increasing differences: b_{−i} = a_i·m/4, m ∈ {0, …, 3} (m = 0: no dependence on the other's signal). */
export const contingentArb: fc.Arbitrary<ContingentCase> = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: -4, max: 4 }),
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: -4, max: 4 }),
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 0, max: 8 }),
  )
  .map(([a1, m2, c1, a2, m1, c2, t, r]) => {
    const G = withCost({ a1: half(a1), b1: half(a2).mul(m1).div(4), c1: half(c1), a2: half(a2), b2: half(a1).mul(m2).div(4), c2: half(c2) }, t);
    return { G, sbar: boundaryPoint(G, r) };
  });

export const contingentCodec: CaseCodec<ContingentCase> = {
  encode: (x) => ({ problem: publicGoodCodec.encode(x.G), sbar: x.sbar.map(qstr) }),
  decode: (j) => {
    const o = j as { problem: unknown; sbar: [string, string] };
    return { G: publicGoodCodec.decode(o.problem), sbar: [q(o.sbar[0]), q(o.sbar[1])] };
  },
};

const inUnit = (x: Q) => x.compare(ZERO) >= 0 && x.compare(ONE) <= 0;
const hypothesis = (x: ContingentCase): boolean =>
  increasingValues(x.G) &&
  nonTrivialProvision(x.G) &&
  x.G.a1.compare(x.G.b2) > 0 &&
  x.G.a2.compare(x.G.b1) > 0 &&
  inUnit(x.sbar[0]) &&
  inUnit(x.sbar[1]) &&
  total(x.G, x.sbar[0], x.sbar[1]).equals(x.G.cost);

export function thresholdInstance(x: ContingentCase): ThresholdInstance {
  return { G: x.G, vbar: [value(x.G, 0, x.sbar[0], x.sbar[1]), value(x.G, 1, x.sbar[0], x.sbar[1])] };
}

function describe(v: ClaimViolation) {
  return {
    claim: v.claim,
    state: v.state.map(qstr),
    reports: v.reports.map((r) => ({ d: qstr(r.d), p: qstr(r.p) })),
    produced: v.point.produced,
    f: v.point.f,
    payoffs: v.point.payoffs.map(qstr),
    bestDeviation: v.point.bestDeviation.map(qstr),
    branches: v.branches,
  };
}

function certificate(A: CellAnalysis) {
  return { cells: A.cells, pieces: A.pieces };
}

/**
 * The theorem's check, with the exceptional set E as a parameter (default: the segments of the
 * statement) so a negative control can run the same logic with E left out of the exemption.
 */
export function checkTheorem(x: ContingentCase, variant: { exceptional?: (T: ThresholdInstance) => [Q | null, Q | null] } = {}): CheckResult {
  const T = thresholdInstance(x);
  const ex: [Q | null, Q | null] = variant.exceptional ? variant.exceptional(T) : [exceptionalSignal(T, 0), exceptionalSignal(T, 1)];
  const onE = (p: { lo: Q; open: boolean }, i: 0 | 1) => !p.open && ex[i] !== null && p.lo.equals(ex[i]!);
  // (a) + (b): the seed's strategies.
  const A = analyze(T, "strict", (p1, p2) => onE(p1, 0) || onE(p2, 1));
  if (A.violations.length > 0) {
    const v = A.violations[0]!;
    return { ok: false, violation: { variant: "seed (strict F_i)", ...describe(v), all: A.violations.map((w) => w.claim) }, message: `seed strategies: "${v.claim}" fails at s = (${v.state.map(qstr).join(", ")})` };
  }
  // (c): ≥ in F_i.
  const W = analyze(T, "weak");
  if (W.violations.length > 0) {
    const v = W.violations[0]!;
    return { ok: false, violation: { variant: "weak F_i", ...describe(v), all: W.violations.map((w) => w.claim) }, message: `weak-F strategies: "${v.claim}" fails at s = (${v.state.map(qstr).join(", ")})` };
  }
  // s̄ itself: f(s̄) = 1 and the project is produced there, by playing the game.
  const at = playAt(T, x.sbar, "weak");
  if (!at.f || !at.produced) return { ok: false, violation: { sbar: x.sbar.map(qstr) }, message: "the threshold rule or the weak-F profile does not provide at s̄ (bug)" };
  const pv = x.G.b1.compare(ZERO) === 0 && x.G.b2.compare(ZERO) === 0;
  const hasE = ex[0] !== null || ex[1] !== null;
  return {
    ok: true,
    certificate: { seed: certificate(A), weak: certificate(W), exceptionalSignals: ex.map((e) => (e === null ? null : qstr(e))) },
    tag: `${pv ? "private values" : x.G.b1.compare(ZERO) > 0 && x.G.b2.compare(ZERO) > 0 ? "b_1, b_2 > 0" : "one b_i = 0"}${hasE ? ", E ≠ ∅" : ""}`,
  };
}

export const ceContingentContribution: Theorem<ContingentCase> = {
  id: "ce-contingent-contribution",
  kind: "theorem",
  source: "003 §5.3 (with Thm 9, Def 12)",
  statement:
    "Linear values on [0, 1]² with increasing differences, threshold rule f through s̄ with V(s̄) = c: in the contingent-contribution game the seed's strategies are an ex post equilibrium at every state (any deviation in ℝ²), ex post IR and budget-balanced, and approve the project iff f(s) = 1 at every state off the exceptional segments E = {s_i = x : b_i = 0, v_i(x, ·) ≡ v̄_i}; with ≥ in F_i the approval equals f everywhere. Exact cell analysis over the whole square.",
  arbitrary: contingentArb,
  hypothesis,
  check: (x) => checkTheorem(x),
  codec: contingentCodec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "exceptional segments not exempted",
      why: "the literal refutation's saved case (b_i = 0, so E ≠ ∅): without the exemption of E, claim (b) 'approved iff f(s) = 1' fails on E for the seed's strategies — the theorem's check must see it",
      input: () => {
        const xs = savedCases("ce-contingent-contribution-literal", contingentCodec);
        if (xs.length === 0) throw new Error("no saved counterexample for ce-contingent-contribution-literal");
        return xs[0]!;
      },
      check: (x) => checkTheorem(x, { exceptional: () => [null, null] }),
    },
  ],
};

function checkLiteral(x: ContingentCase): CheckResult {
  const T = thresholdInstance(x);
  const A = analyze(T, "strict");
  const bad = A.violations.filter((v) => v.claim === "f=1 ⇒ produced" || v.claim === "produced ⇒ f=1");
  const eq = A.violations.filter((v) => !(v.claim === "f=1 ⇒ produced" || v.claim === "produced ⇒ f=1"));
  if (eq.length > 0) throw new Error(`the seed's strategies fail "${eq[0]!.claim}" (contradicts ce-contingent-contribution)`);
  if (bad.length === 0) return { ok: true, certificate: certificate(A), tag: "approval = f everywhere" };
  const v = bad[0]!;
  const ex = [exceptionalSignal(T, 0), exceptionalSignal(T, 1)];
  return {
    ok: false,
    violation: { ...describe(v), pivotal: T.vbar.map(qstr), exceptionalSignals: ex.map((e) => (e === null ? null : qstr(e))) },
    message: `the seed's contingent-contribution strategies ${v.point.f ? "do not approve" : "approve"} the project at s = (${v.state.map(qstr).join(", ")}) where f = ${v.point.f ? 1 : 0} (reports (d, p): ${v.reports.map((r) => `(${qstr(r.d)}, ${qstr(r.p)})`).join(", ")})`,
  };
}

export const ceContingentContributionLiteral: Theorem<ContingentCase> = {
  id: "ce-contingent-contribution-literal",
  kind: "refutation",
  source: "003 §5.3",
  statement:
    "Linear values on [0, 1]² with increasing differences (private values included), Thm 9 threshold rule f: the seed's contingent-contribution strategies approve the project at s iff f(s) = 1, at every s ∈ [0, 1]² (false on the segment s_i = x where b_i = 0 and v_i(x, ·) ≡ v̄_i).",
  trueVersion: "ce-contingent-contribution",
  arbitrary: contingentArb,
  hypothesis,
  check: checkLiteral,
  codec: contingentCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("ce-contingent-contribution-literal", contingentCodec)],
};
