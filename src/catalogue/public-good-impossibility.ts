/**
 * `public-good-impossibility` — [BernardMD3], *Provision of a Public Good* and Prop 6.26
 * (*Impossibility Result*): "An incentive-compatible individually rational ex-post efficient
 * mechanism exists if and only if either n·v̲ ≥ c or n·v̄ ≤ c" (valuations independent on [v̲, v̄]
 * with density > 0; u_i = q·v_i − p_i; the social cost c is paid out of the contributions, i.e.
 * budget balance). Transcription: efficient provision, BIC, interim IR (level 0), ex post budget
 * balance (contributions = c·q).
 *
 * (a) Continuous, two agents on a common [v̲, v̄] with polynomial CDFs ((x − v̲)/w)^k or its mirror,
 *     possibly different for the two agents, c rational: the largest expected budget of an
 *     efficient BIC IIR mechanism B(c) = A(c) − c·P(c) (virtual values, continuous/trade.ts
 *     `publicGoodBudget`) equals the IR-VCG expected budget computed by another route
 *     (E[(v̲ + θ_{-i} − c)^+] terms and the convolution density of θ_1 + θ_2), and
 *     B(c) < 0 ⇔ 2v̲ < c < 2v̄ — the proposition (existence ⇔ B(c) ≥ 0 by Thm 6.24 / Cor 7.3).
 * (b) Finite grids — where the proposition's "only if" is FALSE (`public-good-impossibility-grid`).
 *     The true finite statement (proof in src/constructions/publicGoodGrids.ts), for independent
 *     full-support priors and either tie rule at Σθ = c: an efficient, BIC, IIR, ex post BB
 *     mechanism exists ⇔ R* = Σ_i E[P*_i] − c·Pr(provide) ≥ 0. Checked: R* (closed form) = the exact
 *     LP maximum of the expected budget over efficient BIC + IIR mechanisms; the exact feasibility
 *     LP (BIC + IIR + ex post BB) is feasible ⇔ R* ≥ 0 (point re-checked by src/concepts, or a
 *     verified Farkas certificate); the constructed mechanism passes isBIC, isInterimIR,
 *     isExPostEfficient, isExPostBudgetBalanced; and the proposition's "if" direction: in the
 *     trivial cases Σ_i min θ_i ≥ c or Σ_i max θ_i ≤ c, R* ≥ 0 and mechanisms/publicGood.ts's
 *     `trivialPublicGoodMechanism` passes the same checks.
 */
import fc from "fast-check";
import { isBIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../concepts/index.ts";
import { pgBound, pgContinuous, pgDecide, pgEnvironment, pgMarginals, pgMaxBudgetLp, pgMechanism, pgTrivial, type PgCase } from "../publicGoods/provisionImpossibility.ts";
import { conceptProblems } from "../trade/tradeGrids.ts";
import { q, qstr, sign, type Q } from "../exact/rational.ts";
import { productPrior } from "../generators/independentPrior.ts";
import { valueGridOfSize } from "../generators/valueGrid.ts";
import { trivialPublicGoodMechanism } from "../publicGoods/provision.ts";
import type { DirectMechanism } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { shiftPayment } from "./support/controls.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import { distribution, type DistSpec } from "../generators/distSpecs.ts";
import { parsePgCase, gridJson, describePgCase } from "../generators/pgCases.ts";

export type PgTheoremCase = { readonly kind: "grid"; readonly grid: PgCase } | { readonly kind: "continuous"; readonly agent1: DistSpec; readonly agent2: DistSpec; readonly cost: Q };

function marginalArb(m: number): fc.Arbitrary<Q[]> {
  return fc.array(fc.integer({ min: 1, max: 3 }), { minLength: m, maxLength: m }).map((w) => {
    const t = w.reduce((a, b) => a + b, 0);
    return w.map((x) => q(x).div(q(t)));
  });
}

/** n agents' grids (2 agents × 2–3 types or 3 agents × 2 types), a cost 0…sum of maxima + 1, a tie rule. */
export function pgGridArb(ties: readonly ("provide" | "not")[], randomPriors: boolean): fc.Arbitrary<PgCase> {
  const grids = fc.oneof(fc.tuple(valueGridOfSize(2, 3, { maxValue: 3, maxStep: 2 }), valueGridOfSize(2, 3, { maxValue: 3, maxStep: 2 })).map((g) => [...g]), fc.tuple(valueGridOfSize(2, 2, { maxValue: 2, maxStep: 2 }), valueGridOfSize(2, 2, { maxValue: 2, maxStep: 2 }), valueGridOfSize(2, 2, { maxValue: 2, maxStep: 2 })).map((g) => [...g]));
  return grids.chain((values) => {
    const maxSum = values.reduce((a, g) => a + Number(g[g.length - 1]!.n), 0);
    const base = fc.tuple(fc.integer({ min: 0, max: 2 * maxSum + 2 }), fc.constantFrom(...ties)).map(([c2, tie]): PgCase => ({ values, cost: q(c2).div(q(2)), tie }));
    if (!randomPriors) return base;
    return base.chain((c) => fc.tuple(...values.map((g) => marginalArb(g.length))).map((marginals): PgCase => ({ ...c, marginals })));
  });
}

const specArb = (lo: number, w: number): fc.Arbitrary<DistSpec> => fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([k, mirror]) => ({ lo: q(lo), hi: q(lo + w), k, mirror }));

const arbitrary: fc.Arbitrary<PgTheoremCase> = fc.oneof(
  { weight: 3, arbitrary: pgGridArb(["provide", "not"], true).map((grid): PgTheoremCase => ({ kind: "grid", grid })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([lo, w]) => fc.tuple(specArb(lo, w), specArb(lo, w), fc.integer({ min: 4 * lo - 2, max: 4 * (lo + w) + 2 })).map(([agent1, agent2, c4]): PgTheoremCase => ({ kind: "continuous", agent1, agent2, cost: q(c4).div(q(2)) }))),
  },
);

const specJson = (d: DistSpec) => ({ lo: qstr(d.lo), hi: qstr(d.hi), k: d.k, mirror: d.mirror });

const codec = {
  encode: (c: PgTheoremCase): unknown => (c.kind === "grid" ? { kind: "grid", ...gridJson(c.grid) } : { kind: "continuous", agent1: specJson(c.agent1), agent2: specJson(c.agent2), cost: qstr(c.cost) }),
  decode: (j: unknown): PgTheoremCase => {
    const o = j as Record<string, unknown>;
    if (o?.kind === "continuous") {
      const spec = (x: unknown): DistSpec => {
        const s = x as Record<string, unknown>;
        return { lo: q(s.lo as string), hi: q(s.hi as string), k: s.k as number, mirror: s.mirror as boolean };
      };
      return { kind: "continuous", agent1: spec(o.agent1), agent2: spec(o.agent2), cost: q(o.cost as string, "cost") };
    }
    return { kind: "grid", grid: parsePgCase(o) };
  },
};

/** What the negative controls perturb (all absent in the theorem's own check). */
export interface PgVariant {
  readonly maxBudget?: (r: Q) => Q;
  readonly mechanism?: (m: DirectMechanism) => DirectMechanism;
  readonly trivialMechanism?: (m: DirectMechanism) => DirectMechanism;
  readonly virtualBudget?: (b: Q) => Q;
}

function checkGrid(c: PgCase, variant: PgVariant = {}) {
  const where = describePgCase(c);
  const b0 = pgBound(c);
  const b = variant.maxBudget ? { ...b0, maxBudget: variant.maxBudget(b0.maxBudget) } : b0;
  const lpMax = pgMaxBudgetLp(c);
  if (!lpMax.equals(b.maxBudget)) return { ok: false as const, violation: { case: gridJson(c), closedForm: qstr(b.maxBudget), lp: qstr(lpMax) }, message: `${where}: closed-form R* = ${qstr(b.maxBudget)}, LP max expected budget ${qstr(lpMax)}` };
  const d = pgDecide(c);
  if (d.problems.length > 0) return { ok: false as const, violation: { case: gridJson(c), problems: d.problems }, message: `${where}: the LP's point fails ${d.problems.join(", ")} (bug)` };
  if (d.possible !== b.possible) return { ok: false as const, violation: { case: gridJson(c), R: qstr(b.maxBudget), lp: d.possible }, message: `${where}: R* = ${qstr(b.maxBudget)} but the feasibility LP says ${d.possible ? "possible" : "impossible"}` };
  const { env } = pgEnvironment(c);
  const prior = productPrior(pgMarginals(c));
  const trivial = pgTrivial(c);
  if (trivial) {
    if (!b.possible) return { ok: false as const, violation: { case: gridJson(c) }, message: `${where}: a trivial case (Prop 6.26's "if"), yet R* = ${qstr(b.maxBudget)} < 0` };
    const m = (variant.trivialMechanism ?? ((x: DirectMechanism) => x))(trivialPublicGoodMechanism(pgEnvironment(c)).mechanism);
    const beliefs = { kind: "common-prior" as const, prior };
    const verdicts = [isBIC(env, m, beliefs).verdict, isInterimIR(env, m, beliefs).verdict, isExPostEfficient(env, m).verdict, isExPostBudgetBalanced(env, m).verdict];
    if (verdicts.some((v) => v !== "holds")) return { ok: false as const, violation: { case: gridJson(c), verdicts }, message: `${where}: the trivial-case mechanism fails (BIC, IIR, efficient, BB) = ${verdicts.join(", ")}` };
  }
  if (b.possible) {
    const m = (variant.mechanism ?? ((x: DirectMechanism) => x))(pgMechanism(c));
    const problems = conceptProblems("myerson-satterthwaite", env, m, prior);
    if (problems.length > 0) return { ok: false as const, violation: { case: gridJson(c), problems }, message: `${where}: the constructed mechanism fails ${problems.join(", ")}` };
  }
  const tag = trivial ? "grid: trivial case (possible)" : `grid, non-trivial: ${b.possible ? "possible (Prop 6.26's 'only if' fails here)" : "impossible"}`;
  return { ok: true as const, certificate: { R: qstr(b.maxBudget), ...(d.possible ? {} : { farkasRows: d.farkasRows }) }, tag };
}

function checkContinuous(c: Extract<PgTheoremCase, { kind: "continuous" }>, variant: PgVariant = {}) {
  const r0 = pgContinuous(distribution(c.agent1), distribution(c.agent2), c.cost);
  const r = variant.virtualBudget ? { ...r0, virtualBudget: variant.virtualBudget(r0.virtualBudget) } : r0;
  const where = `θ_1 ~ ${distribution(c.agent1).name}, θ_2 ~ ${distribution(c.agent2).name}, c = ${qstr(c.cost)}`;
  if (!r.virtualBudget.equals(r.irVcgBudget)) return { ok: false as const, violation: { virtual: qstr(r.virtualBudget), irVcg: qstr(r.irVcgBudget) }, message: `${where}: A(c) − cP(c) = ${qstr(r.virtualBudget)} but the IR-VCG budget is ${qstr(r.irVcgBudget)}` };
  if ((sign(r.virtualBudget) < 0) !== r.interior) return { ok: false as const, violation: { budget: qstr(r.virtualBudget), interior: r.interior }, message: `${where}: max budget ${qstr(r.virtualBudget)} but c is ${r.interior ? "" : "not "}strictly between 2v̲ and 2v̄` };
  return { ok: true as const, certificate: { maxExpectedBudget: qstr(r.virtualBudget) }, tag: r.interior ? "continuous: 2v̲ < c < 2v̄, deficit (impossible)" : "continuous: trivial c (possible)" };
}

export const publicGoodImpossibility: Theorem<PgTheoremCase> = {
  id: "public-good-impossibility",
  kind: "theorem",
  source: "[BernardMD3, Prop 6.26]",
  statement:
    "Continuous (two agents, polynomial CDFs on [v̲, v̄]): an efficient, BIC, IIR, budget-balanced provision mechanism exists iff 2v̲ ≥ c or 2v̄ ≤ c (exact max budget A(c) − cP(c) = IR-VCG budget). Finite grids: it exists iff R* = Σ E[P*_i] − c·Pr(provide) ≥ 0 (LP-certified), which includes the trivial cases and can hold strictly between them.",
  arbitrary,
  check: (c) => checkPublicGoodImpossibility(c),
  codec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "closed-form R* off by 1/7",
      why: "values {0, 1, 2} × {0, 1, 2}, c = 2, ties provide: the closed-form maximum expected budget R* + 1/7 must disagree with the exact LP maximum",
      input: () => ({ kind: "grid", grid: { values: [[q(0), q(1), q(2)], [q(0), q(1), q(2)]], cost: q(2), tie: "provide" } }),
      check: (c) => checkPublicGoodImpossibility(c, { maxBudget: (r) => r.add(SEVENTH) }),
    },
    {
      name: "constructed mechanism with one payment shifted",
      why: "a generated non-trivial grid case where R* ≥ 0 (Prop 6.26's 'only if' fails there): the constructed mechanism with agent 1's payment at the first profile raised by 1 is no longer budget balanced",
      input: () => ({ kind: "grid", grid: generatedCase(pgGridArb(["provide", "not"], true), (c) => pgBound(c).possible && !pgTrivial(c), "non-trivial and possible") }),
      check: (c) => checkPublicGoodImpossibility(c, { mechanism: (m) => shiftPayment(m, 0, 0) }),
    },
    {
      name: "trivial-case mechanism with one payment shifted",
      why: "values {0, 1} × {1, 2}, c = 1 (Σ min θ_i ≥ c, Prop 6.26's 'if'): trivialPublicGoodMechanism with agent 1's payment at the first profile raised by 1 is no longer budget balanced",
      input: () => ({ kind: "grid", grid: { values: [[q(0), q(1)], [q(1), q(2)]], cost: q(1), tie: "provide" } }),
      check: (c) => checkPublicGoodImpossibility(c, { trivialMechanism: (m) => shiftPayment(m, 0, 0) }),
    },
    {
      name: "A(c) − cP(c) off by 1/7",
      why: "θ_1, θ_2 ~ U[0, 1], c = 1: the virtual-value budget + 1/7 must disagree with the IR-VCG budget computed by the other route",
      input: () => ({ kind: "continuous", agent1: { lo: q(0), hi: q(1), k: 1, mirror: false }, agent2: { lo: q(0), hi: q(1), k: 1, mirror: false }, cost: q(1) }),
      check: (c) => checkPublicGoodImpossibility(c, { virtualBudget: (b) => b.add(SEVENTH) }),
    },
  ],
};

/** The check; `variant` (default none) lets the negative controls perturb one computed object. */
export function checkPublicGoodImpossibility(c: PgTheoremCase, variant: PgVariant = {}): CheckResult {
  return c.kind === "grid" ? checkGrid(c.grid, variant) : checkContinuous(c, variant);
}
