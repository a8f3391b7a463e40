/**
 * `cremer-mclean` — [BernardMD3], Def 7.10 (*Crémer-McLean
 * Condition*), Lemma 7.12 (Farkas), Prop 7.11 (*Anything is Possible*) and its proof, and *Auction
 * with Interdependent Types* (full surplus extraction).
 *
 * Def 7.10: π satisfies the CM condition if for no player i and type τ_i there are weights λ with
 * π(·|τ_i) = Σ_{τ'_i ≠ τ_i} λ_{τ'_i} π(·|τ'_i). The proof applies Farkas' lemma with x ≥ 0, so the
 * weights are NONNEGATIVE (the slide's "linearly dependent" is read as in the proof; for
 * probability vectors a nonnegative combination is a convex one).
 * Prop 7.11: under CM, every direct mechanism (q, p) has an equivalent (same q, same interim
 * payments E_{τ_i}[p_i(τ_i, T_{-i})]) BIC mechanism (q, p'). Proof: y_{τ_i} with E_{τ_i}[y] < 0 ≤
 * E_{τ'_i}[y] (Farkas), p'_i(τ) = p_i(τ) + c·(y_{τ_i}(τ_{-i}) − E_{τ_i}[y_{τ_i}]) for c large.
 * Auction: efficient allocation, the winner pays her value (IR), then the CM transform: BIC, no
 * information rent, revenue = expected surplus.
 *
 * Finite transcription, on random finite environments (2 agents with 1–3 types, mostly equal
 * counts, or 3 agents with 2 types each; 1–3 decisions, interdependent integer valuations), random
 * FULL-SUPPORT common priors (mostly correlated; some independent, where CM fails), random direct
 * mechanisms (lotteries on a 1/4 grid, integer payments in [−6, 6]) and random single-object
 * value grids on the same types:
 *  (a) the CM condition is decided per (i, τ_i) exactly (src/mechanisms/cremerMcLean.ts), and each
 *      certificate is re-checked here: the separating y (E_{τ_i}[y] < 0 ≤ E_{τ'_i}[y]) or the
 *      weights λ ≥ 0 with Σ λ π(·|τ') = π(·|τ_i);
 *  (b) if CM holds: the constructed (q, p') has the same allocation table, the same interim payment
 *      of every type, is BIC (src/concepts/isBIC, independent code), stays BIC for c = cMin + 1,
 *      and cMin is tight (c = cMin/2 is not BIC when cMin > 0); every type's truthful interim
 *      utility is unchanged (so interim IR is preserved, the slide's "Consequence");
 *  (c) if CM holds, full surplus extraction on the single-object environment: BIC, every type's
 *      interim utility is exactly 0, expected revenue = E[max_i w_i(θ_i)] (computed directly);
 *  (d) if CM fails: the certificate of failure (λ), and an exact LP (src/constructions/
 *      equivalentBic.ts) decides whether THIS mechanism still has an equivalent BIC one (feasible
 *      point re-checked by isBIC) or not (verified Farkas certificate) — tagged.
 */
import fc from "fast-check";
import { conditionalBeliefs, interimUtility, isBIC } from "../concepts/index.ts";
import { equivalentBic } from "../beliefs/equivalentBic.ts";
import { q, qmax, qstr, sign, type Q, ZERO } from "../exact/rational.ts";
import { correlatedPrior, independentPrior, randomDirectMechanism } from "../generators/index.ts";
import { cremerMcLeanCondition, cremerMcLeanMechanism, fullSurplusExtraction, separatingLotteries, type CremerMcLeanVerdict } from "../beliefs/cremerMcLean.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";
import { typeSizes, type Beliefs, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles, joinProfile, othersIndex, profileAt, profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { shiftPayment } from "./support/controls.ts";
import { generatedCase, SEVENTH } from "./support/controlsSectionsCDE.ts";
import { type CmCase, cmCodec } from "../generators/cremerMcLeanCases.ts";

/** Type counts: mostly equal sizes (where CM generically holds), some 3-agent and unequal ones (where it generically fails). */
const sizesArb: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 2, max: 3 }).map((m) => [m, m]) },
  { weight: 1, arbitrary: fc.constant([2, 2, 2] as number[]) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => [a, b]) },
);

/** Environments with exactly the given type counts (the generic generator draws them itself). */
function envWithTypes(typeCounts: readonly number[]): fc.Arbitrary<Environment> {
  const n = typeCounts.length;
  const P = typeCounts.reduce((a, b) => a * b, 1);
  return fc.integer({ min: 1, max: 3 }).chain((D) =>
    fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n * P * D, maxLength: n * P * D }).map((flat): Environment => ({
      agents: typeCounts.map((_, i) => String(i + 1)),
      types: typeCounts.map((m) => Array.from({ length: m }, (_, k) => `t${k + 1}`)),
      decisions: Array.from({ length: D }, (_, d) => `d${d + 1}`),
      valuation: Array.from({ length: n }, (_, i) => Array.from({ length: P }, (_, t) => Array.from({ length: D }, (_, d) => q(flat[(i * P + t) * D + d]!)))),
    })),
  );
}

const arbitrary: fc.Arbitrary<CmCase> = sizesArb.chain((typeCounts) =>
  envWithTypes(typeCounts).chain((env) =>
    fc
      .tuple(
        fc.oneof({ weight: 5, arbitrary: correlatedPrior(env, { maxWeight: 9 }) }, { weight: 1, arbitrary: independentPrior(env, { maxWeight: 5 }) }),
        randomDirectMechanism(env, { grid: 4, maxPayment: 6 }),
        fc.tuple(...typeCounts.map((m) => fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }))),
      )
      .map(([prior, mechanism, vals]): CmCase => ({ env, prior, mechanism, auctionValues: vals.map((v) => v.map((x) => q(x))) })),
  ),
);

const expect = (b: readonly Q[], y: readonly Q[]): Q => b.reduce((s, p, k) => s.add(p.mul(y[k]!)), ZERO);

/** Re-check every per-type certificate of the CM verdict against the beliefs (exactly, here). */
function recheckCertificates(beliefs: readonly (readonly (readonly Q[])[])[], v: CremerMcLeanVerdict): string | null {
  for (let i = 0; i < beliefs.length; i++) {
    for (let tau = 0; tau < beliefs[i]!.length; tau++) {
      const c = v.perType[i]![tau]!;
      const b = beliefs[i]![tau]!;
      if (c.separated) {
        if (sign(expect(b, c.y)) >= 0) return `agent ${i + 1} type ${tau + 1}: E_τ[y] = ${qstr(expect(b, c.y))} is not < 0`;
        for (let t2 = 0; t2 < beliefs[i]!.length; t2++) if (t2 !== tau && sign(expect(beliefs[i]![t2]!, c.y)) < 0) return `agent ${i + 1} type ${tau + 1}: E_{τ'=${t2 + 1}}[y] < 0`;
      } else {
        if (c.weights.some((w) => sign(w) < 0) || sign(c.weights[tau]!) !== 0) return `agent ${i + 1} type ${tau + 1}: weights not ≥ 0 or own weight ≠ 0`;
        for (let k = 0; k < b.length; k++) {
          let s = ZERO;
          c.weights.forEach((w, t2) => (s = s.add(w.mul(beliefs[i]![t2]![k]!))));
          if (!s.equals(b[k]!)) return `agent ${i + 1} type ${tau + 1}: Σ λ π(·|τ') ≠ π(·|τ) at others' profile ${k}`;
        }
      }
    }
  }
  return null;
}

function interimPayment(env: Environment, pay: readonly (readonly Q[])[], b: readonly Q[], i: number, tau: number): Q {
  const sizes = typeSizes(env);
  return b.reduce((s, p, k) => s.add(p.mul(pay[profileIndex(sizes, joinProfile(sizes, i, tau, k))]![i]!)), ZERO);
}

/** What the negative controls perturb (all absent in the theorem's own check). */
export interface CmVariant {
  readonly condition?: (cond: readonly (readonly (readonly Q[])[])[]) => CremerMcLeanVerdict;
  readonly construction?: (m: DirectMechanism) => DirectMechanism;
  readonly surplusExtraction?: (m: DirectMechanism) => DirectMechanism;
}

const same = (m: DirectMechanism) => m;

function check(x: CmCase, variant: CmVariant = {}): CheckResult {
  const { env, prior, mechanism: mech } = x;
  const beliefsCP: Beliefs = { kind: "common-prior", prior };
  const sizes = typeSizes(env);
  // beliefs from src/concepts (not the cremerMcLean.ts helper), all types have positive mass
  const cond = conditionalBeliefs(env, beliefsCP).map((r) => r.map((b) => b!));
  const verdict = (variant.condition ?? cremerMcLeanCondition)(cond);
  const bad = recheckCertificates(cond, verdict);
  if (bad) return { ok: false, violation: { certificate: bad }, message: `a Crémer–McLean certificate failed its re-check: ${bad}` };
  const allSeparated = verdict.perType.every((r) => r.every((c) => c.separated));
  if (allSeparated !== verdict.holds) return { ok: false, violation: { holds: verdict.holds }, message: "verdict.holds disagrees with the per-type certificates" };
  if (!verdict.holds) {
    const lp = equivalentBic(env, cond, mech);
    if (lp.exists) {
      const m2: DirectMechanism = { kind: "direct", allocation: mech.allocation, payments: lp.payments };
      const bic = isBIC(env, m2, beliefsCP);
      if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: "the equivalent-BIC LP's payments are not BIC" };
      for (let i = 0; i < sizes.length; i++) for (let tau = 0; tau < sizes[i]!; tau++) if (!interimPayment(env, lp.payments, cond[i]![tau]!, i, tau).equals(interimPayment(env, mech.payments, cond[i]![tau]!, i, tau))) return { ok: false, violation: { agent: i, type: tau }, message: "the equivalent-BIC LP changed an interim payment" };
    }
    const fail = verdict.perType.flat().find((c) => !c.separated)!;
    const certificate = { agent: fail.agent, type: fail.type, weights: fail.separated ? [] : fail.weights.map(qstr), equivalentBic: lp.exists ? "exists (LP point, checked BIC)" : { farkas: lp.farkas } };
    return { ok: true, certificate, tag: lp.exists ? "CM fails (certificate λ); this mechanism still has an equivalent BIC one" : "CM fails (certificate λ); this mechanism has NO equivalent BIC one (Farkas)" };
  }

  // (b) Prop 7.11 construction
  // the Farkas lotteries z = y − E[y] of the verdict above (not re-solved inside the construction)
  const res = cremerMcLeanMechanism(env, beliefsCP, mech, { lotteries: separatingLotteries(cond, verdict) });
  const m2 = (variant.construction ?? same)(res.mechanism);
  for (let t = 0; t < m2.allocation.length; t++) for (let d = 0; d < env.decisions.length; d++) if (!m2.allocation[t]![d]!.equals(mech.allocation[t]![d]!)) return { ok: false, violation: { profile: t, decision: d }, message: "the CM mechanism changed the decision rule" };
  for (let i = 0; i < sizes.length; i++) {
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const b = cond[i]![tau]!;
      const a = interimPayment(env, mech.payments, b, i, tau);
      const a2 = interimPayment(env, m2.payments, b, i, tau);
      if (!a.equals(a2)) return { ok: false, violation: { agent: i, type: tau, before: qstr(a), after: qstr(a2) }, message: `interim payment of agent ${i + 1} type ${tau + 1} changed from ${qstr(a)} to ${qstr(a2)}` };
      const u = interimUtility(env, mech, i, tau, tau, b);
      const u2 = interimUtility(env, m2, i, tau, tau, b);
      if (!u.equals(u2)) return { ok: false, violation: { agent: i, type: tau }, message: "truthful interim utility changed" };
    }
  }
  const bic = isBIC(env, m2, beliefsCP);
  if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: `the Crémer–McLean mechanism with c = cMin = ${qstr(res.cMin)} is not BIC` };
  const bigger = cremerMcLeanMechanism(env, beliefsCP, mech, { c: res.cMin.add(1), lotteries: res.lotteries });
  const bic2 = isBIC(env, bigger.mechanism, beliefsCP);
  if (bic2.verdict === "fails") return { ok: false, violation: bic2.violation, message: `c = cMin + 1 = ${qstr(res.cMin.add(1))} is not BIC` };
  let cTight = "cMin = 0 (the mechanism was already BIC)";
  if (sign(res.cMin) > 0) {
    const half = res.cMin.div(2);
    const payments = mech.payments.map((row, t) => {
      const prof = profileAt(sizes, t);
      return row.map((p, i) => p.add(half.mul(res.lotteries[i]![prof[i]!]![othersIndex(sizes, prof, i)]!)));
    });
    const bic3 = isBIC(env, { kind: "direct", allocation: mech.allocation, payments }, beliefsCP);
    if (bic3.verdict === "holds") return { ok: false, violation: { cMin: qstr(res.cMin) }, message: `cMin = ${qstr(res.cMin)} is not tight: c = cMin/2 is BIC too` };
    cTight = "cMin > 0 is tight (c = cMin/2 is not BIC)";
  }

  // (c) full surplus extraction in the auction on the same type space
  const auction = singleObjectEnvironment(x.auctionValues);
  const fse0 = fullSurplusExtraction(auction, beliefsCP, { lotteries: res.lotteries });
  const fse = { ...fse0, mechanism: (variant.surplusExtraction ?? same)(fse0.mechanism) };
  const bicA = isBIC(auction, fse.mechanism, beliefsCP);
  if (bicA.verdict === "fails") return { ok: false, violation: bicA.violation, message: "full surplus extraction mechanism is not BIC" };
  for (let i = 0; i < sizes.length; i++) {
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const u = interimUtility(auction, fse.mechanism, i, tau, tau, cond[i]![tau]!);
      if (u.n !== 0n) return { ok: false, violation: { agent: i, type: tau, utility: qstr(u) }, message: `agent ${i + 1} type ${tau + 1} keeps an information rent ${qstr(u)}` };
    }
  }
  let revenue = ZERO;
  let surplus = ZERO;
  let t = 0;
  for (const prof of allProfiles(sizes)) {
    const pr = prior[t]!;
    revenue = revenue.add(pr.mul(fse.mechanism.payments[t]!.reduce((a, b) => a.add(b), ZERO)));
    surplus = surplus.add(pr.mul(prof.map((k, i) => x.auctionValues[i]![k]!).reduce((a, b) => qmax(a, b))));
    t++;
  }
  if (!revenue.equals(surplus)) return { ok: false, violation: { revenue: qstr(revenue), surplus: qstr(surplus) }, message: `expected revenue ${qstr(revenue)} ≠ expected surplus ${qstr(surplus)}` };
  return {
    ok: true,
    certificate: { cMin: qstr(res.cMin), auctionCMin: qstr(fse.cMin), revenue: qstr(revenue), cTight },
    tag: `CM holds: equivalent BIC mechanism (${sign(res.cMin) > 0 ? "cMin > 0, tight" : "already BIC"}) and full surplus extraction`,
  };
}

export const cremerMcLean: Theorem<CmCase> = {
  id: "cremer-mclean",
  kind: "theorem",
  source: "[BernardMD3, Def 7.10, Lemma 7.12, Prop 7.11, *Auction with Interdependent Types*]; [CremerMcLean1988]",
  statement:
    "Finite full-support common prior: if no type's belief is a nonnegative combination of the same agent's other beliefs (CM), every direct mechanism has an equivalent (same q, same interim payments) BIC mechanism p' = p + c·(y − E[y]) built from Farkas vectors, and the auction extracts the full surplus; when CM fails, the combination λ certifies it.",
  arbitrary,
  check: (x) => check(x),
  codec: cmCodec,
  defaultRuns: 1000,
  negativeControls: [
    {
      name: "Prop 7.11 construction with one payment shifted",
      why: "the first generated case (fixed seed) where CM holds: the constructed p' with agent 1's payment at the first profile raised by 1 changes that type's interim payment, so it is not equivalent to p",
      input: () => cmHoldsCase(),
      check: (x) => check(x, { construction: (m) => shiftPayment(m, 0, 0) }),
    },
    {
      name: "full surplus extraction with one payment shifted",
      why: "the same case: the full-surplus-extraction auction with agent 1's payment at the first profile lowered by 1/7 leaves that type an information rent (or breaks BIC)",
      input: () => cmHoldsCase(),
      check: (x) => check(x, { surplusExtraction: (m) => shiftPayment(m, 0, 0, SEVENTH.neg()) }),
    },
    {
      name: "CM failure certificate perturbed",
      why: "the first generated case (fixed seed) where CM fails: the weights λ of the first non-separated type, each raised by 1/7, no longer reproduce its belief as a combination of the others",
      input: () => generatedCase(arbitrary, (x) => !cremerMcLeanCondition(caseBeliefs(x)).holds, "a case where CM fails"),
      check: (x) =>
        check(x, {
          condition: (cond) => {
            const v = cremerMcLeanCondition(cond);
            let done = false;
            const perType = v.perType.map((row) =>
              row.map((c) => {
                if (c.separated || done) return c;
                done = true;
                return { ...c, weights: c.weights.map((w, t) => (t === c.type ? w : w.add(SEVENTH))) };
              }),
            );
            return { ...v, perType };
          },
        }),
    },
  ],
};

/** The conditional beliefs of a case (src/concepts). */
function caseBeliefs(x: CmCase): readonly (readonly (readonly Q[])[])[] {
  return conditionalBeliefs(x.env, { kind: "common-prior", prior: x.prior }).map((r) => r.map((b) => b!));
}

/** The first generated case (fixed seed) where CM holds. */
function cmHoldsCase(): CmCase {
  return generatedCase(arbitrary, (x) => cremerMcLeanCondition(caseBeliefs(x)).holds, "a case where CM holds");
}
