/** The parametric example of [BrooksExPost2023, A parametric example] after [JehielEtAl2006]: cases, codec and the naive and finite checks, shared by jmmz-parametric and jmmz-parametric-finite. */
import fc from "fast-check";
import { isEPIC } from "../../concepts/index.ts";
import { bDeterminant, cornerRuleContinuumSlack, dictatorialPayments, dictatorialRule, directMechanism, findNonConstantEpic, isConstant, lpEpicPayments, monotonePayments, monotoneViolation, mu, muExpanded, ownMonotone, parametricEnvironment, signalLabel, uniformMaximizer, type Grids, type Parametric, type Signal } from "../../exPost/parametricExample.ts";
import { type Q, ONE, ZERO, q, qstr } from "../../exact/rational.ts";
import { allProfiles, profileAt } from "../../model/profiles.ts";
import type { CaseCodec, CheckResult } from "../types.ts";

// ------------------------------------------------------------------ cases

export type JmmzCase = { P: Parametric; grids: Grids };
export type JmmzRuleCase = JmmzCase & { bits: readonly boolean[] };

export const coef = fc.integer({ min: -3, max: 3 });
export const pairArb = fc.tuple(coef, coef);
export const coefArb = fc.tuple(pairArb, pairArb);
/** Signals with coordinates in {0, 1/2, 1}; (1, 0) is drawn often. */
export const signalArb = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), fc.constant([2, 0] as [number, number]));
export const gridArb = fc.uniqueArray(signalArb, { minLength: 1, maxLength: 3, selector: ([x, y]) => `${x},${y}` });

export const toSignal = ([x, y]: readonly [number, number]): Signal => [q(x).div(2), q(y).div(2)];

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

export const encodeP = (P: Parametric) => ({
  a: P.a.map((r) => r.map(qstr)),
  b: P.b.map((r) => r.map(qstr)),
});
export const decodePair = (x: unknown): readonly [Q, Q] => {
  const r = x as string[];
  return [q(r[0]!), q(r[1]!)];
};
export const encodeGrid = (g: readonly Signal[]) => g.map((s) => [qstr(s[0]), qstr(s[1])]);

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

export function profileTable<T>(grids: Grids, f: (th: number) => T): Record<string, T> {
  return Object.fromEntries([...allProfiles([grids[0].length, grids[1].length])].map((p, th) => [`s1=${signalLabel(grids[0][p[0]!]!)} s2=${signalLabel(grids[1][p[1]!]!)}`, f(th)]));
}

// ------------------------------------------------------------------ refutation

export function checkNaive(x: JmmzCase): CheckResult {
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

// ------------------------------------------------------------------ true finite version

export const CORNER: Signal = [ONE, ZERO];

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

/** Agent i's dictatorial payments plus 1 wherever it pays (a known-bad price). */
export function raisedDictatorPrice(...args: Parameters<typeof dictatorialPayments>): ReturnType<typeof dictatorialPayments> {
  const [, grids, i, x] = args;
  const sizes = [grids[0].length, grids[1].length];
  return dictatorialPayments(...args).map((row, th) => row.map((p, j) => (j === i && profileAt(sizes, th)[i] === x ? p.add(ONE) : p)));
}
