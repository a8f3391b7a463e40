/**
 * `ce-common-values-equal-shares` (theorem) — [ChungEly2002, §5.2, Thm 8(3)], read as the theorem's
 * own header reads it ("possibilities for efficient, EPIC, ex post IR and budget-balanced
 * provision"): with pure common values v_1 ≡ v_2 =: v, every efficient provision rule is implemented
 * by an EPIC, ex post IR mechanism that is EXACTLY budget balanced — equal cost shares, each agent
 * pays c/2 when the project is provided and nothing otherwise.
 *
 * Why (the definitions exactly). Efficiency: f(s) = 1 if V(s) = 2v(s) > c, f(s) = 0 if V(s) < c,
 * either at V(s) = c. Agent i's ex post utility from outcome x ∈ {0, 1} at true s is x·(v(s) − c/2),
 * whatever i reported. So
 *   – ex post IR: f(s) = 1 only if V(s) ≥ c, i.e. v(s) ≥ c/2 (each agent's own value is HALF of
 *     V: u_i = v(s) − c/2 = (V(s) − c)/2 ≥ 0); f(s) = 0 gives 0;
 *   – EPIC: a report changes only x, and truth gives max(0, v(s) − c/2) except at V(s) = c, where
 *     both outcomes give 0 — so no report gains, for every tie-break (monotone or not);
 *   – exact budget balance: t_1 + t_2 = c/2 + c/2 = c whenever f(s) = 1.
 * Nothing here uses monotonicity, linearity, two agents or [0, 1]: with n agents and common value
 * v, shares c/n work the same way. The equal shares coincide with the generalized VCG payments
 * t_i = v(g_i(s_{-i}), s_{-i}) = c/2 wherever the cutoff g_i is interior; where it clamps at 0 the
 * generalized VCG charges v(0, s_{-i}) > c/2 and collects more than c — that reading is refuted in
 * `ce-common-values-exact-bb`.
 *
 * Checked per case, exactly:
 *  (a) continuum, linear common values v = a1·s_1 + a2·s_2 + c0 on [0, 1]² (a1, a2 > 0, V(0, 0) <
 *      c < V(1, 1), the source's hypotheses): the provide region P = [0, 1]² ∩ {V ≥ c} and the
 *      no-provide region N = [0, 1]² ∩ {V ≤ c} are convex polygons (exact clipping); v_i − c/2 is
 *      affine, so min over P ≥ 0 and max over N ≤ 0 are decided at their vertices, for each agent
 *      i. That is exactly "equal shares are EPIC and ex post IR at every s ∈ [0, 1]², for either
 *      tie-break on V = c" (the argument above, with the sign of v_i − c/2 in place of common
 *      values). Plus: on a rational sub-grid with the cutoffs added, both tie-breaks, isEPIC and
 *      isExPostIR hold, t_1 + t_2 = c on provide, and the equal shares equal the generalized VCG
 *      payments at every provide point where both cutoffs are interior.
 *  (b) finite grids, any common valuation table (n ∈ {2, 3} agents, 1–3 types each, integer
 *      values of either sign, not monotone), any cost, a random tie-break at n·v = c: the equal
 *      shares c/n are EPIC (isEPIC), ex post IR (isExPostIR) and collect exactly c on provide.
 * Negative controls: increasing differences (v_1 ≠ v_2) on the continuum; a finite table that is not
 * common values; unequal shares (c/3, 2c/3) on a common-values table.
 */
import fc from "fast-check";
import { describeViolation, isEPIC, isExPostIR } from "../concepts/index.ts";
import { type Q, ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { clipPolygon, type Point } from "../continuous/linearGeometry.ts";
import {
  cutoff,
  differencesClass,
  efficientRegion,
  increasingValues,
  interiorCutoffs,
  linearPublicGoodEnvironment,
  nonTrivialProvision,
  total,
  value,
  vcgPayments,
  type LinearPublicGood,
} from "../publicGoods/interdependentPublicGood.ts";
import { type Environment, pointMassAllocation } from "../model/environment.ts";
import { allProfiles, profileCount } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { commonValuesArb, publicGoodCodec } from "../generators/linearPublicGood.ts";

/** A finite public-good table: valuation[i][θ] (agent i's value of the project at profile θ), the cost, and the tie-break at Σ_i v_i = c. */
export interface FiniteTable {
  readonly sizes: readonly number[];
  readonly values: readonly (readonly Q[])[];
  readonly cost: Q;
  readonly tieProvide: readonly boolean[];
}

export interface EqualSharesCase {
  readonly G: LinearPublicGood;
  readonly p1: readonly number[];
  readonly p2: readonly number[];
  readonly table: FiniteTable;
}

const UNIT: Point[] = [[ZERO, ZERO], [ONE, ZERO], [ONE, ONE], [ZERO, ONE]];

/** (a), exact on the continuum: for each agent, min of v_i − c/2 over P ≥ 0 and max over N ≤ 0. */
export function continuumEqualShares(G: LinearPublicGood): { ok: true } | { ok: false; agent: number; at: Point; region: "provide" | "not"; surplus: Q } {
  const half = G.cost.div(2);
  const P = clipPolygon(UNIT, (s1, s2) => total(G, s1, s2).sub(G.cost));
  const N = clipPolygon(UNIT, (s1, s2) => G.cost.sub(total(G, s1, s2)));
  for (const i of [0, 1] as const) {
    for (const p of P) {
      const u = value(G, i, p[0], p[1]).sub(half);
      if (u.compare(ZERO) < 0) return { ok: false, agent: i, at: p, region: "provide", surplus: u };
    }
    for (const p of N) {
      const u = value(G, i, p[0], p[1]).sub(half);
      if (u.compare(ZERO) > 0) return { ok: false, agent: i, at: p, region: "not", surplus: u };
    }
  }
  return { ok: true };
}

const subgrid = (picks: readonly number[]): Q[] => [...new Set([0, 12, ...picks])].sort((a, b) => a - b).map((k) => q(k).div(12));
function sortedUnique(xs: readonly Q[]): Q[] {
  const all = xs.slice().sort((u, v) => u.compare(v));
  return all.filter((u, k) => k === 0 || !u.equals(all[k - 1]!));
}

/** The finite table of the linear problem on grids (agent i's project value). */
function tableOfGrid(G: LinearPublicGood, g1: readonly Q[], g2: readonly Q[], tieProvide: boolean): FiniteTable {
  const env = linearPublicGoodEnvironment(G, g1, g2);
  const P = profileCount([g1.length, g2.length]);
  return { sizes: [g1.length, g2.length], values: [0, 1].map((i) => env.valuation[i]!.map((row) => row[0]!)), cost: G.cost, tieProvide: Array.from({ length: P }, () => tieProvide) };
}

/** The efficient rule (provide iff Σ v_i > c, the table's tie-break at = c) and the shares: decision indices and payments. */
export function efficientWithShares(T: FiniteTable, shares: readonly Q[]): { env: Environment; rule: number[]; payments: Q[][] } {
  const n = T.sizes.length;
  const profiles = [...allProfiles(T.sizes)];
  const env: Environment = {
    agents: T.sizes.map((_, i) => String(i + 1)),
    types: T.sizes.map((m, i) => Array.from({ length: m }, (_, k) => `t${i + 1}.${k + 1}`)),
    decisions: ["provide", "not"],
    valuation: T.values.map((vi) => vi.map((x) => [x, ZERO])),
  };
  const rule = profiles.map((_, th) => {
    const V = T.values.reduce((s, vi) => s.add(vi[th]!), ZERO);
    const c = V.compare(T.cost);
    return c > 0 || (c === 0 && T.tieProvide[th]) ? 0 : 1;
  });
  const payments = rule.map((d) => Array.from({ length: n }, (_, i) => (d === 0 ? shares[i]! : ZERO)));
  return { env, rule, payments };
}

/** EPIC, ex post IR and exact budget balance (Σ t_i = c on provide, 0 otherwise) of a table with given shares; null if all hold. */
export function finiteSharesFailure(T: FiniteTable, shares: readonly Q[]): string | null {
  const { env, rule, payments } = efficientWithShares(T, shares);
  const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, rule), payments };
  const e = isEPIC(env, mech);
  if (e.verdict !== "holds") return `not EPIC: ${describeViolation(env, e.violation)}`;
  const r = isExPostIR(env, mech);
  if (r.verdict !== "holds") return `not ex post IR: ${describeViolation(env, r.violation)}`;
  for (let th = 0; th < rule.length; th++) {
    const sum = payments[th]!.reduce((s, x) => s.add(x), ZERO);
    if (!sum.equals(rule[th] === 0 ? T.cost : ZERO)) return `not exactly budget balanced at profile ${th}: Σ t_i = ${qstr(sum)}`;
  }
  return null;
}

const equalShares = (T: FiniteTable): Q[] => T.sizes.map(() => T.cost.div(T.sizes.length));

export function check(x: EqualSharesCase): CheckResult {
  const G = x.G;
  const fail = (message: string, violation: unknown): CheckResult => ({ ok: false, violation, message });
  // (a) continuum, exact
  const cont = continuumEqualShares(G);
  if (!cont.ok) {
    return fail(`continuum: equal shares c/2 ${cont.region === "provide" ? "give a negative utility (not ex post IR)" : "leave a profitable deviation to provide (not EPIC)"} for agent ${cont.agent + 1} at s = (${cont.at.map(qstr).join(", ")}): v_i − c/2 = ${qstr(cont.surplus)}`, {
      agent: cont.agent + 1,
      at: cont.at.map(qstr),
      region: cont.region,
      utility: qstr(cont.surplus),
    });
  }
  // (a) rational sub-grid with the cutoffs added, both tie-breaks; link to the generalized VCG
  const eff = efficientRegion(G);
  const b1 = subgrid(x.p1);
  const b2 = subgrid(x.p2);
  let monotone = true;
  for (const i of [0, 1] as const) if ((i === 0 ? eff[0]!.k1 : eff[0]!.k2).compare(ZERO) < 0) monotone = false;
  const g1 = monotone ? sortedUnique([...b1, ...b2.map((o) => cutoff(eff, 0, o)).filter((c): c is Q => c !== null)]) : b1;
  const g2 = monotone ? sortedUnique([...b2, ...b1.map((o) => cutoff(eff, 1, o)).filter((c): c is Q => c !== null)]) : b2;
  for (const tie of [true, false]) {
    const f = finiteSharesFailure(tableOfGrid(G, g1, g2, tie), [G.cost.div(2), G.cost.div(2)]);
    if (f) return fail(`rational sub-grid (ties ${tie ? "provide" : "do not provide"}): equal shares ${f}`, { grid1: g1.map(qstr), grid2: g2.map(qstr) });
  }
  let clamps = false;
  if (monotone) {
    for (const s1 of g1) for (const s2 of g2) {
      if (total(G, s1, s2).compare(G.cost) < 0) continue;
      if (!interiorCutoffs(eff, s1, s2)) {
        clamps = true;
        continue;
      }
      const [t1, t2] = vcgPayments(G, eff, s1, s2);
      if (!t1.equals(G.cost.div(2)) || !t2.equals(G.cost.div(2))) return fail(`at s = (${qstr(s1)}, ${qstr(s2)}) both cutoffs are interior but the generalized VCG payments (${qstr(t1)}, ${qstr(t2)}) are not the equal shares`, { at: [qstr(s1), qstr(s2)] });
    }
  }
  // (b) finite table, any common values
  const f = finiteSharesFailure(x.table, equalShares(x.table));
  if (f) return fail(`finite table (${x.table.sizes.join("×")}, c = ${qstr(x.table.cost)}): equal shares ${f}`, tableCodec.encode(x.table));
  const ties = x.table.values[0]!.some((_, th) => x.table.values.reduce((s, vi) => s.add(vi[th]!), ZERO).equals(x.table.cost));
  return { ok: true, tag: `${x.table.sizes.length} agents; ${ties ? "ties on the table" : "no ties on the table"}; ${clamps ? "VCG clamps (collects > c) somewhere" : "VCG = equal shares on the sub-grid"}` };
}

const tableCodec = {
  encode: (T: FiniteTable) => ({ sizes: T.sizes, values: T.values.map((vi) => vi.map(qstr)), cost: qstr(T.cost), tieProvide: T.tieProvide }),
  decode: (j: unknown): FiniteTable => {
    const o = j as { sizes: number[]; values: string[][]; cost: string; tieProvide: boolean[] };
    return { sizes: o.sizes, values: o.values.map((vi) => vi.map((s) => q(s))), cost: q(o.cost), tieProvide: o.tieProvide };
  },
};

/** A finite common-values table: n ∈ {2, 3}, 1–3 types each, one integer value per profile (shared by all agents), integer cost, random ties. */
export const commonTableArb: fc.Arbitrary<FiniteTable> = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 8 }))
  .chain(([n, ms, cost]) => {
    const sizes = ms.slice(0, n);
    const P = profileCount(sizes);
    return fc.tuple(fc.array(fc.integer({ min: -4, max: 6 }), { minLength: P, maxLength: P }), fc.array(fc.boolean(), { minLength: P, maxLength: P })).map(([v, ties]) => ({
      sizes,
      values: sizes.map(() => v.map((x) => q(x))),
      cost: q(cost),
      tieProvide: ties,
    }));
  });

const picks = fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 });

export const ceCommonValuesEqualShares: Theorem<EqualSharesCase> = {
  id: "ce-common-values-equal-shares",
  kind: "theorem",
  source: "[ChungEly2002, §5.2, Thm 8(3)], read as an existence claim",
  statement:
    "Pure common values (v_1 ≡ v_2): the efficient provision rule (any tie-break at V = c) with equal cost shares (each pays c/2 when provided, 0 otherwise) is EPIC, ex post IR and exactly budget balanced — decided exactly on the continuum (linear values on [0, 1]², polygon vertices) and on finite tables (any common values of either sign, n ∈ {2, 3}, shares c/n).",
  arbitrary: fc.tuple(commonValuesArb(), picks, picks, commonTableArb).map(([G, p1, p2, table]) => ({ G, p1, p2, table })),
  hypothesis: (x) => increasingValues(x.G) && nonTrivialProvision(x.G) && differencesClass(x.G) === "common values",
  check,
  codec: {
    encode: (x) => ({ problem: publicGoodCodec.encode(x.G), subgrid1In12ths: x.p1, subgrid2In12ths: x.p2, table: tableCodec.encode(x.table) }),
    decode: (j) => {
      const o = j as { problem: unknown; subgrid1In12ths: number[]; subgrid2In12ths: number[]; table: unknown };
      return { G: publicGoodCodec.decode(o.problem), p1: o.subgrid1In12ths, p2: o.subgrid2In12ths, table: tableCodec.decode(o.table) };
    },
  },
  defaultRuns: 150,
  negativeControls: [
    {
      name: "increasing differences on the continuum",
      why: "v_1 = s_1, v_2 = s_2, c = 1: at s = (1, 0) agent 2's value 0 is below its share 1/2 (equal shares need common values)",
      input: () => ({ G: { a1: ONE, b1: ZERO, c1: ZERO, a2: ONE, b2: ZERO, c2: ZERO, cost: ONE }, p1: [], p2: [], table: { sizes: [1, 1], values: [[ZERO], [ZERO]], cost: ZERO, tieProvide: [true] } }),
    },
    {
      name: "finite table without common values",
      why: "two agents, one type each, values 3 and 0, c = 2: provided, but agent 2 pays 1 for a value of 0",
      input: () => ({ G: { a1: ONE, b1: ONE, c1: ZERO, a2: ONE, b2: ONE, c2: ZERO, cost: ONE }, p1: [], p2: [], table: { sizes: [1, 1], values: [[q(3)], [ZERO]], cost: q(2), tieProvide: [true] } }),
    },
    {
      name: "unequal shares on a common-values table",
      why: "common value 1 for both, c = 2 (a tie, provided): shares (2/3, 4/3) leave agent 2 with −1/3",
      input: () => ({ G: { a1: ONE, b1: ONE, c1: ZERO, a2: ONE, b2: ONE, c2: ZERO, cost: ONE }, p1: [], p2: [], table: { sizes: [1, 1], values: [[ONE], [ONE]], cost: q(2), tieProvide: [true] } }),
      check: (x) => {
        const f = finiteSharesFailure(x.table, [x.table.cost.div(3), x.table.cost.mul(2).div(3)]);
        return f === null ? { ok: true } : { ok: false, violation: f, message: f };
      },
    },
  ],
};
