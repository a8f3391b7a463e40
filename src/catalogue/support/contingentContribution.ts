/** Contingent-contribution cases of [ChungEly2002, §5.3] (arbitrary, codec, threshold instance) and the checks shared by ce-contingent-contribution and its literal reading. */
import fc from "fast-check";
import { type Q, ZERO, ONE, q, qstr } from "../../exact/rational.ts";
import { analyze, exceptionalSignal, playAt, type CellAnalysis, type ClaimViolation, type ThresholdInstance } from "../../publicGoods/contingentContribution.ts";
import { increasingValues, nonTrivialProvision, total, value, type LinearPublicGood } from "../../publicGoods/interdependentPublicGood.ts";
import type { CaseCodec, CheckResult } from "../types.ts";
import { boundaryPoint, publicGoodCodec } from "../../generators/linearPublicGood.ts";

export interface ContingentCase {
  readonly G: LinearPublicGood;
  /** The point of V = c defining the pivotal values v̄_i = v_i(s̄). */
  readonly sbar: readonly [Q, Q];
}

export const half = (k: number) => q(k).div(2);
export function withCost(G: Omit<LinearPublicGood, "cost">, t: number): LinearPublicGood {
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

export const inUnit = (x: Q) => x.compare(ZERO) >= 0 && x.compare(ONE) <= 0;
export const hypothesis = (x: ContingentCase): boolean =>
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

export function describe(v: ClaimViolation) {
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

export function certificate(A: CellAnalysis) {
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

export function checkLiteral(x: ContingentCase): CheckResult {
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
