/**
 * `jmmz-parametric` (refutation) and `jmmz-parametric-finite` (theorem) — [BrooksExPost2023], slides *The
 * setting of JMMZ*, *Using indifference*, *The differential equation*, *A parametric example*
 * (Jehiel, Meyer-ter-Vehn, Moldovanu and Zame 2006).
 *
 * Exact transcription of the slide. Two agents i, two alternatives k, l, signals s_i =
 * (s_{i,k}, s_{i,l}) ∈ [0, 1]^2, valuations v_{i,k}(s) = s_{i,k}(a_{i,k} + b_{i,k}s_{-i,k}) (and the
 * same with l), value difference
 *   μ_i(s) = a_{i,k}s_{i,k} − a_{i,l}s_{i,l} + b_{i,k}s_{i,k}s_{-i,k} − b_{i,l}s_{i,l}s_{-i,l}.
 * EPIC transfers depend on s_i only through the outcome, τ_i(s_{-i}) = t_{i,k}(s_{-i}) − t_{i,l}(s_{-i}).
 * With a non-constant rule q whose boundary is smooth and differentiable τ, both agents are
 * indifferent on the boundary (μ_i = τ_i), the normals are proportional with α(s) > 0, and
 *   (a_{i,k} + b_{i,k}s_{-i,k}, −a_{i,l} − b_{i,l}s_{-i,l}) = α(s)(b_{-i,k}s_{-i,k} − τ_{-i,k}(s_i), b_{-i,l}s_{-i,l} − τ_{-i,l}(s_i))
 * "can only hold if b_{i,k} = α(s)b_{-i,k} and b_{i,l} = α(s)b_{-i,l}, i.e. b_{i,k}b_{-i,l} = b_{i,l}b_{-i,k}",
 * a non-generic condition. Finite environment: src/constructions/jmmz.ts (signal grids G_i ⊂ [0, 1]^2).
 *
 * Naive finite transcription refuted (`jmmz-parametric`): "on finite signal grids, if
 * b_{1,k}b_{2,l} ≠ b_{1,l}b_{2,k} then every deterministic EPIC rule is constant". Cases are
 * NON-DEGENERATE: the generator and the hypothesis require that each agent has at least two signals
 * and that each agent's value difference μ_i is not identically zero on the grid (so no valuation
 * table is identically zero and each agent cares about the decision somewhere). Each case is searched for a non-constant rule with EPIC payments:
 * the rule "k iff s_i = s_i*" at a uniform maximizer s_i* of μ_i(·, s_{-i}) (e.g. s_i* = (1, 0) when
 * v_{i,k}, v_{i,l} are nondecreasing in the own signal), paying τ_i(s_{-i}) = μ_i(s_i*, s_{-i}); else
 * every non-constant rule on small grids. Payments come from the exact transfers LP
 * (epicTransfersLp + src/lp solve) and are re-checked with isEPIC.
 *
 * Why the transcription is false — NOT because the grid is finite: the same rule "k iff s_i = (1, 0)"
 * with agent i paying μ_i((1, 0), s_{-i}) is EPIC on the continuum [0, 1]^2 × [0, 1]^2 too, for every
 * b (generic or not) with values nondecreasing in the own signal: (1, 0) maximizes μ_i(·, s_{-i}),
 * agent i gets μ_i(s) − μ_i((1, 0), s_{-i}) ≤ 0 from k, so it reports (1, 0) exactly when that is
 * its signal (ties are harmless), and agent −i's report never matters. The slide's argument
 * [BrooksExPost2023, *Using indifference*, *A parametric example*] rests on its own hypotheses: "the
 * boundary is nice" — the set {q = k} has a boundary hypersurface on which BOTH agents are pivotal,
 * hence both indifferent (μ_i = τ_i and μ_{-i} = τ_{-i}) with proportional normals — and
 * "transfers are differentiable". The corner rule violates the first even on the continuum ({q = k}
 * has empty interior and agent −i is never pivotal), and the finite version drops both: a grid has
 * no boundary hypersurface (no normal, no indifference forced — a whole interval of τ_i separates
 * the k-signals from the l-signals) and nothing to differentiate. The genericity theorem of
 * [JehielEtAl2006] (only constant deterministic rules are ex post implementable for generic
 * valuations with multidimensional signals) is not what this id checks; its own regularity
 * assumptions on signal spaces and rules are not transcribed here.
 *
 * True finite statement (`jmmz-parametric-finite`), checked exactly on random (a, b, grids, rule):
 *  (1) the slide's expansion of μ_i equals v_{i,k} − v_{i,l};
 *  (2) construction: for every b and grids, if s_i* ∈ G_i is a uniform maximizer of μ_i(·, s_{-i})
 *      over G_i for all s_{-i} ∈ G_{-i} — in particular s_i* = (1, 0) whenever (1, 0) ∈ G_i and
 *      a_{i,m} + b_{i,m}s_{-i,m} ≥ 0 (m = k, l) on G_{-i} — then "k iff s_i = s_i*" with agent i
 *      paying μ_i(s_i*, s_{-i}) when k is chosen (nothing otherwise) is EPIC (isEPIC), and non-constant
 *      when |G_i| ≥ 2;
 *  (3) converse characterization: a deterministic rule q on G_1 × G_2 has EPIC payments iff for
 *      each i and s_{-i}, min over {s_i : q = k} of μ_i ≥ max over {s_i : q = l} of μ_i (decided
 *      both ways: the exact LP is feasible iff the condition holds; when it holds the explicit
 *      payments τ_i(s_{-i}) = min over {q = k} of μ_i pass isEPIC). This is the finite shadow of
 *      "indifference on the boundary": the gap between the two sides replaces μ_i = τ_i.
 */
import { savedCaseControl } from "./support/controls.ts";
import fc from "fast-check";
import { isEPIC } from "../concepts/index.ts";
import {
  bDeterminant,
  cornerRuleContinuumSlack,
  dictatorialPayments,
  dictatorialRule,
  directMechanism,
  findNonConstantEpic,
  isConstant,
  lpEpicPayments,
  monotonePayments,
  monotoneViolation,
  mu,
  muExpanded,
  ownMonotone,
  parametricEnvironment,
  signalLabel,
  uniformMaximizer,
  type Grids,
  type Parametric,
  type Signal,
} from "../exPost/parametricExample.ts";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { allProfiles, profileAt } from "../model/profiles.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";

// ------------------------------------------------------------------ cases

export type JmmzCase = { P: Parametric; grids: Grids };
export type JmmzRuleCase = JmmzCase & { bits: readonly boolean[] };

const coef = fc.integer({ min: -3, max: 3 });
const pairArb = fc.tuple(coef, coef);
const coefArb = fc.tuple(pairArb, pairArb);
/** Signals with coordinates in {0, 1/2, 1}; (1, 0) is drawn often. */
const signalArb = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), fc.constant([2, 0] as [number, number]));
const gridArb = fc.uniqueArray(signalArb, { minLength: 1, maxLength: 3, selector: ([x, y]) => `${x},${y}` });

const toSignal = ([x, y]: readonly [number, number]): Signal => [q(x).div(2), q(y).div(2)];

/**
 * Non-degenerate: each agent has at least two signals (a two-agent problem, not one agent against a
 * fixed signal) and each agent's μ_i is not identically zero on G_1 × G_2 (no identically-zero
 * valuations; each agent cares about the decision somewhere).
 */
export function nonDegenerate(x: JmmzCase): boolean {
  return [0, 1].every((i) => x.grids[i]!.length >= 2 && x.grids[i]!.some((own) => x.grids[1 - i]!.some((other) => !mu(x.P, i, own, other).equals(ZERO))));
}

export const jmmzCaseArb: fc.Arbitrary<JmmzCase> = fc.tuple(coefArb, coefArb, gridArb, gridArb).map(([a, b, g0, g1]) => {
  const pp = (x: readonly [number, number]) => [q(x[0]), q(x[1])] as const;
  return {
    P: { a: [pp(a[0]), pp(a[1])], b: [pp(b[0]), pp(b[1])] },
    grids: [g0.map(toSignal), g1.map(toSignal)] as const,
  };
});

const encodeP = (P: Parametric) => ({
  a: P.a.map((r) => r.map(qstr)),
  b: P.b.map((r) => r.map(qstr)),
});
const decodePair = (x: unknown): readonly [Q, Q] => {
  const r = x as string[];
  return [q(r[0]!), q(r[1]!)];
};
const encodeGrid = (g: readonly Signal[]) => g.map((s) => [qstr(s[0]), qstr(s[1])]);

export const jmmzCodec: CaseCodec<JmmzCase> = {
  encode: (x) => ({ ...encodeP(x.P), agent1Signals: encodeGrid(x.grids[0]), agent2Signals: encodeGrid(x.grids[1]) }),
  decode: (j) => {
    const o = j as { a: unknown[]; b: unknown[]; agent1Signals: unknown[]; agent2Signals: unknown[] };
    return {
      P: { a: [decodePair(o.a[0]), decodePair(o.a[1])], b: [decodePair(o.b[0]), decodePair(o.b[1])] },
      grids: [o.agent1Signals.map(decodePair), o.agent2Signals.map(decodePair)],
    };
  },
};

function profileTable<T>(grids: Grids, f: (th: number) => T): Record<string, T> {
  return Object.fromEntries([...allProfiles([grids[0].length, grids[1].length])].map((p, th) => [`s1=${signalLabel(grids[0][p[0]!]!)} s2=${signalLabel(grids[1][p[1]!]!)}`, f(th)]));
}

// ------------------------------------------------------------------ refutation

function checkNaive(x: JmmzCase): CheckResult {
  const env = parametricEnvironment(x.P, x.grids);
  const { found, exhaustive } = findNonConstantEpic(x.P, x.grids, 9);
  if (found === null) return { ok: true, tag: exhaustive ? "only constant EPIC rules (exhaustive)" : "no non-constant EPIC rule found" };
  if (isConstant(found.rule)) throw new Error("jmmz-parametric: search returned a constant rule (bug)");
  const mech = directMechanism(env, found.rule, found.payments.map((r) => r.slice()));
  if (isEPIC(env, mech).verdict !== "holds") throw new Error("jmmz-parametric: payments fail isEPIC (bug)");
  const zero = directMechanism(env, found.rule, found.rule.map(() => [ZERO, ZERO]));
  return {
    ok: false,
    tag: found.how,
    violation: {
      bDeterminant: qstr(bDeterminant(x.P)),
      how: found.how,
      rule: profileTable(x.grids, (th) => (found.rule[th] === 0 ? "k" : "l")),
      payments: profileTable(x.grids, (th) => `agent 1 pays ${qstr(found.payments[th]![0]!)}, agent 2 pays ${qstr(found.payments[th]![1]!)}`),
      epic: "isEPIC holds",
      epicWithoutTransfers: isEPIC(env, zero).verdict,
      // The same (a, b) on the continuum: is "k iff s_i = (1, 0)" EPIC there too? (exact, multilinear ⇒ vertices)
      continuumCornerRule: [0, 1].map((i) => {
        const c = cornerRuleContinuumSlack(x.P, i);
        return `agent ${i + 1}: ${c.min.compare(ZERO) >= 0 ? "EPIC" : "not EPIC"} on [0,1]^2×[0,1]^2 (min slack ${qstr(c.min)})`;
      }),
    },
    message: `b_{1,k}b_{2,l} − b_{1,l}b_{2,k} = ${qstr(bDeterminant(x.P))} ≠ 0, yet on the ${x.grids[0].length}×${x.grids[1].length} signal grid a non-constant rule (${found.how}) is EPIC`,
  };
}

export const jmmzParametric: Theorem<JmmzCase> = {
  id: "jmmz-parametric",
  kind: "refutation",
  source: "[BrooksExPost2023, A parametric example]; [JehielEtAl2006]",
  statement:
    "Naive finite transcription: on finite signal grids in the JMMZ parametric model (v_{i,k} = s_{i,k}(a_{i,k} + b_{i,k}s_{-i,k}); |G_i| ≥ 2 and μ_i not identically zero for each i), if b_{1,k}b_{2,l} ≠ b_{1,l}b_{2,k} then every EPIC deterministic rule is constant (false because the slide's hypotheses — a nice boundary of {q = k} on which both agents are pivotal and indifferent, differentiable transfers — are dropped: 'k iff s_i = s_i*' at a maximizer of μ_i is EPIC, on the continuum [0, 1]^2 too when s_i* = (1, 0)).",
  trueVersion: "jmmz-parametric-finite",
  arbitrary: jmmzCaseArb.filter(nonDegenerate),
  hypothesis: (x) => nonDegenerate(x) && !bDeterminant(x.P).equals(ZERO),
  check: checkNaive,
  codec: jmmzCodec,
  defaultRuns: 100,
  negativeControls: [savedCaseControl("jmmz-parametric", jmmzCodec)],
};

// ------------------------------------------------------------------ true finite version

const CORNER: Signal = [ONE, ZERO];

/**
 * The finite version's check, with the dictatorial payments as a parameter (default: agent i pays
 * μ_i(s_i*, s_{-i}) on k) so a negative control can feed wrong ones.
 */
export function checkFinite(x: JmmzRuleCase, variant: { dictatorialPayments?: typeof dictatorialPayments } = {}): CheckResult {
  const { P, grids } = x;
  const env = parametricEnvironment(P, grids);
  const sizes = [grids[0].length, grids[1].length];
  const profiles = [...allProfiles(sizes)];
  // (1) transcription of μ_i.
  for (const p of profiles) {
    for (const i of [0, 1]) {
      const own = grids[i]![p[i]!]!;
      const other = grids[1 - i]![p[1 - i]!]!;
      if (!mu(P, i, own, other).equals(muExpanded(P, i, own, other))) {
        return { ok: false, violation: { agent: i, own: signalLabel(own), other: signalLabel(other) }, message: "the slide's expansion of μ_i differs from v_{i,k} − v_{i,l}" };
      }
    }
  }
  // (2) construction at a uniform maximizer.
  const built: unknown[] = [];
  let nonConstant = false;
  for (const i of [0, 1]) {
    const cornerAt = grids[i]!.findIndex((s) => s[0].equals(CORNER[0]) && s[1].equals(CORNER[1]));
    const x0 = uniformMaximizer(P, grids, i);
    if (cornerAt >= 0 && ownMonotone(P, grids, i)) {
      if (x0 === null || !grids[1 - i]!.every((o) => mu(P, i, grids[i]![x0]!, o).equals(mu(P, i, CORNER, o)))) {
        return { ok: false, violation: { agent: i }, message: `agent ${i + 1}: values nondecreasing in the own signal but (1,0) is not a uniform maximizer of μ_i` };
      }
    }
    if (x0 === null) continue;
    const rule = dictatorialRule(grids, i, x0);
    const mech = directMechanism(env, rule, (variant.dictatorialPayments ?? dictatorialPayments)(P, grids, i, x0));
    const v = isEPIC(env, mech);
    if (v.verdict !== "holds") {
      return { ok: false, violation: { agent: i, maximizer: signalLabel(grids[i]![x0]!), epic: v.violation }, message: `the dictatorial rule at agent ${i + 1}'s uniform maximizer is not EPIC with τ = μ_i(s_i*, ·)` };
    }
    if (grids[i]!.length >= 2 && isConstant(rule)) throw new Error("jmmz-parametric-finite: dictatorial rule constant (bug)");
    if (grids[i]!.length >= 2) nonConstant = true;
    built.push({ agent: i + 1, maximizer: signalLabel(grids[i]![x0]!), constraints: v.witness.constraints, minSlack: v.witness.minSlack === null ? null : qstr(v.witness.minSlack) });
  }
  // (3) characterization of EPIC-implementable rules, decided both ways.
  const rule = profiles.map((_, th) => (x.bits[th % x.bits.length] ? 0 : 1));
  const mv = monotoneViolation(env, rule);
  let ruleTag: string;
  const lp = lpEpicPayments(env, rule);
  if ((mv === null) !== (lp !== null)) {
    return {
      ok: false,
      violation: { rule: profileTable(grids, (th) => (rule[th] === 0 ? "k" : "l")), monotone: mv === null, lpFeasible: lp !== null },
      message: "the monotonicity condition and the exact EPIC transfers LP disagree",
    };
  }
  if (mv === null) {
    const v = isEPIC(env, directMechanism(env, rule, monotonePayments(env, rule)));
    if (v.verdict !== "holds") {
      return { ok: false, violation: { rule: profileTable(grids, (th) => (rule[th] === 0 ? "k" : "l")), epic: v.violation }, message: "the explicit payments τ_i = min over {q = k} of μ_i fail isEPIC on a monotone rule" };
    }
    ruleTag = isConstant(rule) ? "constant rule" : "monotone non-constant rule EPIC";
  } else {
    ruleTag = "non-monotone rule, LP infeasible";
  }
  return { ok: true, tag: `${nonConstant ? "non-constant dictatorial rule EPIC" : "no non-constant dictatorial rule"}; ${ruleTag}`, certificate: { dictatorial: built, rule: rule.map((d) => (d === 0 ? "k" : "l")), monotone: mv === null } };
}

export const jmmzParametricFinite: Theorem<JmmzRuleCase> = {
  id: "jmmz-parametric-finite",
  kind: "theorem",
  source: "[BrooksExPost2023, A parametric example], finite version",
  statement:
    "JMMZ parametric model on finite signal grids, any a, b: (i) if s_i* ∈ G_i maximizes μ_i(·, s_{-i}) for every s_{-i} (e.g. (1,0) when values are nondecreasing in the own signal), the rule 'k iff s_i = s_i*' with agent i paying μ_i(s_i*, s_{-i}) on k is EPIC (non-constant when |G_i| ≥ 2); (ii) a deterministic rule has EPIC payments iff for each i, s_{-i}: min of μ_i on {q = k} ≥ max of μ_i on {q = l}.",
  arbitrary: fc.tuple(jmmzCaseArb, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 })).map(([c, bits]) => ({ ...c, bits })),
  check: (x) => checkFinite(x),
  negativeControls: [
    {
      name: "dictator's price raised by 1",
      why: "the rule 'k iff s_i = s_i*' with agent i paying μ_i(s_i*, s_{-i}) + 1 on k: the maximizer type now gets −1 from k and 0 by reporting another signal (l) — on the first generated case (fixed seed) with a uniform maximizer and |G_i| ≥ 2 the check must reject it",
      input: () => firstSample(jmmzParametricFinite.arbitrary, (x) => !checkFinite(x, { dictatorialPayments: raisedDictatorPrice }).ok, "broken by the raised price"),
      check: (x) => checkFinite(x, { dictatorialPayments: raisedDictatorPrice }),
    },
  ],
  codec: {
    encode: (x) => ({ ...(jmmzCodec.encode(x) as object), ruleBits: x.bits.map((b) => (b ? 1 : 0)) }),
    decode: (j) => ({ ...jmmzCodec.decode(j), bits: ((j as { ruleBits: number[] }).ruleBits ?? [1]).map((b) => b === 1) }),
  },
  defaultRuns: 150,
};

/** Agent i's dictatorial payments plus 1 wherever it pays (a known-bad price). */
function raisedDictatorPrice(...args: Parameters<typeof dictatorialPayments>): ReturnType<typeof dictatorialPayments> {
  const [, grids, i, x] = args;
  const sizes = [grids[0].length, grids[1].length];
  return dictatorialPayments(...args).map((row, th) => row.map((p, j) => (j === i && profileAt(sizes, th)[i] === x ? p.add(ONE) : p)));
}
