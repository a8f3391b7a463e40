/**
 * `cremer-mclean-examples` — [BernardMD3], slides *Auction of an
 * Indivisible Good* (prior, Allocation, IR Payments, Belief Elicitation, Optimal Payments) and *Yet
 * Another Auction* (+ *Continued*: Allocation, IR and IC(v_4, v_5) Payments, Belief Elicitation,
 * Optimal Payments). Every table is derived from our code and compared with the slide's table
 * (transcribed as strings in src/mechanisms/cremerMcLean.ts; the last table of *Yet Another
 * Auction* below), and every claim in the slides' text is checked exactly. Tables are
 * "(buyer 1's entry, buyer 2's entry)", rows = buyer 1's type.
 *
 * Auction of an Indivisible Good: two buyers, Θ_i = {v1, v2, v3}, type v_k values the good at k;
 * prior (rows buyer 1) 0.2 0.1 0.05 / 0.1 0.1 0.1 / 0.05 0.1 0.2. Checked:
 *  - Allocation = the efficient allocation with ties split (efficientAllocation "uniform");
 *  - IR Payments = the full-information payments (each pays her value of what she gets);
 *  - Belief Elicitation y: E_{θ_i}[y_i(θ_i, ·)] = 0 and E_{θ_i}[y_i(r_i, ·)] > 0 for r_i ≠ θ_i (the
 *    slide's displayed conditions), for both buyers; our own Farkas lotteries satisfy them too;
 *  - Optimal Payments = IR Payments + 1·y, entry by entry; the Prop 7.11 construction with the
 *    slide's y and c = 1 reproduces the table (so 1 ≥ cMin; cMin is reported); BIC, every type's
 *    interim utility 0 (no information rent), revenue = E[max value] = 23/10, and 23/10 is the
 *    optimum of the exact revenue LP over all BIC, interim IR auctions (src/constructions/
 *    optimalBicAuction.ts) — "the revenue-maximizing auction".
 *
 * Yet Another Auction: buyer 1 values {0, 2}, buyer 2 values {1, 4, 5}; prior (rows buyer 1)
 * 1/11 2/11 2/11 / 2/11 2/11 2/11. Checked:
 *  - "Types are not independent" (a profile where the prior ≠ the product of marginals);
 *  - "Types do not satisfy the Crémer-McLean condition": v4 and v5 of buyer 2 share the belief
 *    (1/2, 1/2), certificate π(·|v4) = 1·π(·|v5); buyer 1's types and buyer 2's v1 are separated;
 *  - Allocation = the efficient allocation (no ties);
 *  - "IR and IC(v4, v5) Payments": ex post IR, IC between v4 and v5 (both ways), and OPTIMAL among
 *    auctions imposing only interim IR and IC(v4, v5): the relaxed LP's optimum is 37/11 and the
 *    slide's mechanism earns 37/11;
 *  - Belief Elicitation (buyer 2; buyer 1's entries 0): mean 0 under the reporting type's own
 *    belief, positive under every type with a different belief, 0 between v4 and v5;
 *  - Optimal Payments (0,9) (0,0) (0,0) / (2,−4) (0,8) (0,8) = IR/IC payments + c·y with one c,
 *    found to be c = 4 (cMin = 3 for this y); BIC, interim IR, revenue 37/11 = the optimum of the
 *    full BIC + IIR revenue LP (so belief elicitation removes all the other IC constraints' cost).
 * Result: every table and claim of both slides is correct as printed.
 */
import fc from "fast-check";
import { conditionalBeliefs, interimUtility, isBIC, isExPostIR, isInterimIR } from "../concepts/index.ts";
import { optimalAuctionRevenue } from "../auctions/optimalBayesianAuction.ts";
import { q, qmax, qstr, sign, type Q, ZERO } from "../exact/rational.ts";
import {
  auctionOfAnIndivisibleGood,
  cremerMcLeanCondition,
  cremerMcLeanMechanism,
  fullInformationMechanism,
  pairTableAsLotteries,
  pairTableToProfiles,
  separatingLotteries,
  yetAnotherAuction,
  type CmExample,
  type PairTable,
} from "../beliefs/cremerMcLean.ts";
import { efficientAllocation } from "../budgetBalance/expectedExternality.ts";
import { checkIndependence } from "../model/independence.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { SEVENTH } from "./support/controlsSectionsCDE.ts";

/** Slide *Yet Another Auction, Continued* — Optimal Payments (as printed; checked, not trusted). */
export const YET_ANOTHER_OPTIMAL_PAYMENTS: PairTable = [
  [["0", "9"], ["0", "0"], ["0", "0"]],
  [["2", "-4"], ["0", "8"], ["0", "8"]],
];

class Claims {
  readonly failures: string[] = [];
  readonly verified: string[] = [];
  claim(what: string, ok: boolean, detail = ""): void {
    (ok ? this.verified : this.failures).push(ok ? what : `${what}: ${detail}`);
  }
}

/** Compare a per-profile, per-agent table with a slide pair table; the mismatches as text. */
function tableDiff(env: Environment, derived: readonly (readonly Q[])[], slide: PairTable): string[] {
  const want = pairTableToProfiles(slide);
  const m2 = env.types[1]!.length;
  const out: string[] = [];
  want.forEach((row, t) => {
    row.forEach((w, i) => {
      const d = derived[t]![i]!;
      if (!d.equals(w)) out.push(`(${env.types[0]![Math.floor(t / m2)]}, ${env.types[1]![t % m2]}) buyer ${i + 1}: slide ${qstr(w)}, derived ${qstr(d)}`);
    });
  });
  return out;
}

const expectation = (b: readonly Q[], y: readonly Q[]): Q => b.reduce((s, p, k) => s.add(p.mul(y[k]!)), ZERO);

function revenue(prior: readonly Q[], m: DirectMechanism): Q {
  return m.payments.reduce((s, row, t) => s.add(prior[t]!.mul(row.reduce((a, b) => a.add(b), ZERO))), ZERO);
}

function withPayments(m: DirectMechanism, payments: readonly (readonly Q[])[]): DirectMechanism {
  return { kind: "direct", allocation: m.allocation, payments };
}

function auctionOfAnIndivisibleGoodClaims(c: Claims, ex: CmExample = auctionOfAnIndivisibleGood()): Record<string, unknown> {
  const { env, prior } = ex;
  const beliefs: Beliefs = { kind: "common-prior", prior };
  const cond = conditionalBeliefs(env, beliefs).map((r) => r.map((b) => b!));
  const alloc = efficientAllocation(env, "uniform");
  const d1 = tableDiff(env, alloc, ex.slide.allocation!);
  c.claim("AIG Allocation = efficient allocation, ties split", d1.length === 0, d1.join("; "));
  const fi = fullInformationMechanism(env, "uniform");
  const d2 = tableDiff(env, fi.payments, ex.slide.irPayments!);
  c.claim("AIG IR Payments = each buyer pays her value of what she gets", d2.length === 0, d2.join("; "));
  c.claim("AIG IR Payments are ex post IR", isExPostIR(env, fi).verdict === "holds");
  const y = pairTableAsLotteries(ex.slide.beliefElicitation!, [3, 3]);
  const ours = separatingLotteries(cond, cremerMcLeanCondition(cond));
  for (const [name, z] of [["slide's y", y], ["our Farkas y", ours]] as const) {
    for (let i = 0; i < 2; i++) {
      for (let tau = 0; tau < 3; tau++) {
        for (let r = 0; r < 3; r++) {
          const e = expectation(cond[i]![tau]!, z[i]![r]!);
          const ok = r === tau ? e.n === 0n : sign(e) > 0;
          c.claim(`AIG Belief Elicitation (${name}): buyer ${i + 1}, E_{v${tau + 1}}[y(v${r + 1}, ·)] ${r === tau ? "= 0" : "> 0"}`, ok, `it is ${qstr(e)}`);
        }
      }
    }
  }
  const optimal = pairTableToProfiles(ex.slide.optimalPayments!);
  const sum = fi.payments.map((row, t) => row.map((p, i) => p.add(pairTableToProfiles(ex.slide.beliefElicitation!)[t]![i]!)));
  const d3 = tableDiff(env, sum, ex.slide.optimalPayments!);
  c.claim("AIG Optimal Payments = IR Payments + 1·y", d3.length === 0, d3.join("; "));
  const cm = cremerMcLeanMechanism(env, beliefs, fi, { lotteries: y, c: 1 });
  const d4 = tableDiff(env, cm.mechanism.payments, ex.slide.optimalPayments!);
  c.claim("AIG Prop 7.11 construction with the slide's y and c = 1 reproduces Optimal Payments", d4.length === 0, d4.join("; "));
  const opt = withPayments(fi, optimal);
  c.claim("AIG Optimal Payments: BIC", isBIC(env, opt, beliefs).verdict === "holds");
  let rent = ZERO;
  for (let i = 0; i < 2; i++) for (let tau = 0; tau < 3; tau++) rent = qmax(rent, interimUtility(env, opt, i, tau, tau, cond[i]![tau]!).abs());
  c.claim("AIG Optimal Payments: every type's interim utility is 0 (no information rent)", rent.n === 0n, `largest |U| = ${qstr(rent)}`);
  const rev = revenue(prior, opt);
  let surplus = ZERO;
  prior.forEach((p, t) => (surplus = surplus.add(p.mul(q(Math.max(Math.floor(t / 3), t % 3) + 1)))));
  c.claim("AIG revenue = expected surplus E[max value]", rev.equals(surplus), `revenue ${qstr(rev)}, surplus ${qstr(surplus)}`);
  const lp = optimalAuctionRevenue(env.typeValues!, prior);
  c.claim("AIG revenue = optimum of the BIC + IIR revenue LP (revenue-maximizing)", lp.value.equals(rev), `LP ${qstr(lp.value)}, slide mechanism ${qstr(rev)}`);
  return { revenue: qstr(rev), lpOptimum: qstr(lp.value), cMinForSlideY: qstr(cm.cMin), ourY: ours.map((zi) => zi.map((r) => r.map(qstr))) };
}

function yetAnotherAuctionClaims(c: Claims, ex: CmExample = yetAnotherAuction(), optimalPayments: PairTable = YET_ANOTHER_OPTIMAL_PAYMENTS): Record<string, unknown> {
  const { env, prior } = ex;
  const beliefs: Beliefs = { kind: "common-prior", prior };
  const sizes = [2, 3];
  const cond = conditionalBeliefs(env, beliefs).map((r) => r.map((b) => b!));
  const ind = checkIndependence(sizes, prior);
  c.claim("YAA types are not independent", !ind.independent);
  const cmv = cremerMcLeanCondition(cond);
  c.claim("YAA the Crémer–McLean condition fails", !cmv.holds);
  const v4 = cmv.perType[1]![1]!;
  const v5 = cmv.perType[1]![2]!;
  c.claim("YAA v4 and v5 of buyer 2 have the same belief (1/2, 1/2)", cond[1]![1]!.every((p, k) => p.equals(q("1/2")) && p.equals(cond[1]![2]![k]!)));
  c.claim("YAA CM fails exactly at buyer 2's v4 and v5 (π(·|v4) = 1·π(·|v5))", !v4.separated && !v5.separated && !v4.weights[2]!.sub(1).n && cmv.perType[0]!.every((t) => t.separated) && cmv.perType[1]![0]!.separated);
  const alloc = efficientAllocation(env, "uniform");
  const d1 = tableDiff(env, alloc, ex.slide.allocation!);
  c.claim("YAA Allocation = efficient allocation", d1.length === 0, d1.join("; "));
  const base: DirectMechanism = { kind: "direct", allocation: alloc, payments: pairTableToProfiles(ex.slide.payments!) };
  c.claim("YAA IR and IC(v4, v5) Payments: ex post IR", isExPostIR(env, base).verdict === "holds");
  const u = (m: DirectMechanism, i: number, tau: number, r: number) => interimUtility(env, m, i, tau, r, cond[i]![tau]!);
  c.claim("YAA IR and IC(v4, v5) Payments: v4 does not gain by reporting v5, nor v5 by reporting v4", u(base, 1, 1, 1).compare(u(base, 1, 1, 2)) >= 0 && u(base, 1, 2, 2).compare(u(base, 1, 2, 1)) >= 0);
  c.claim("YAA v4 and v5 gain by pretending to be v1 (the slide's remark)", u(base, 1, 1, 0).compare(u(base, 1, 1, 1)) > 0 && u(base, 1, 2, 0).compare(u(base, 1, 2, 2)) > 0);
  const relaxed = optimalAuctionRevenue(env.typeValues!, prior, { bic: [[1, 1, 2], [1, 2, 1]] });
  const baseRev = revenue(prior, base);
  c.claim("YAA IR and IC(v4, v5) Payments are optimal: relaxed LP optimum = slide mechanism's revenue", relaxed.value.equals(baseRev), `LP ${qstr(relaxed.value)}, slide ${qstr(baseRev)}`);
  const y = pairTableAsLotteries(ex.slide.beliefElicitation!, [2, 3]);
  const y1zero = y[0]!.every((r) => r.every((v) => v.n === 0n));
  c.claim("YAA Belief Elicitation: buyer 1's entries are 0", y1zero);
  for (let tau = 0; tau < 3; tau++) {
    for (let r = 0; r < 3; r++) {
      const e = expectation(cond[1]![tau]!, y[1]![r]!);
      const same = cond[1]![tau]!.every((p, k) => p.equals(cond[1]![r]![k]!));
      c.claim(`YAA Belief Elicitation: buyer 2, E_{${env.types[1]![tau]}}[y(${env.types[1]![r]}, ·)] ${same ? "= 0" : "> 0"}`, same ? e.n === 0n : sign(e) > 0, `it is ${qstr(e)}`);
    }
  }
  // Optimal Payments = base + c·y for a single c (read off one entry with y ≠ 0, then check all)
  const slideOpt = pairTableToProfiles(optimalPayments);
  const yProf = pairTableToProfiles(ex.slide.beliefElicitation!);
  const t0 = yProf.findIndex((r) => r[1]!.n !== 0n);
  const cFound = slideOpt[t0]![1]!.sub(base.payments[t0]![1]!).div(yProf[t0]![1]!);
  const recon = base.payments.map((row, t) => row.map((p, i) => p.add(cFound.mul(yProf[t]![i]!))));
  const d2 = tableDiff(env, recon, optimalPayments);
  c.claim(`YAA Optimal Payments = IR/IC payments + c·y with c = ${qstr(cFound)}`, d2.length === 0, d2.join("; "));
  const cm = cremerMcLeanMechanism(env, beliefs, base, { lotteries: y, c: cFound });
  c.claim("YAA the Prop 7.11 construction with the slide's y and that c reproduces Optimal Payments", tableDiff(env, cm.mechanism.payments, optimalPayments).length === 0);
  const opt = withPayments(base, slideOpt);
  c.claim("YAA Optimal Payments: BIC", isBIC(env, opt, beliefs).verdict === "holds");
  c.claim("YAA Optimal Payments: interim IR", isInterimIR(env, opt, beliefs).verdict === "holds");
  const optRev = revenue(prior, opt);
  const full = optimalAuctionRevenue(env.typeValues!, prior);
  c.claim("YAA Optimal Payments keep the revenue of the IR/IC(v4, v5) payments", optRev.equals(baseRev), `${qstr(optRev)} vs ${qstr(baseRev)}`);
  c.claim("YAA Optimal Payments are optimal: full BIC + IIR LP optimum = their revenue", full.value.equals(optRev), `LP ${qstr(full.value)}, slide ${qstr(optRev)}`);
  const v5rent = u(opt, 1, 2, 2);
  return { revenue: qstr(optRev), relaxedOptimum: qstr(relaxed.value), fullOptimum: qstr(full.value), c: qstr(cFound), cMinForSlideY: qstr(cm.cMin), v5InformationRent: qstr(v5rent), notIndependentAt: ind.independent ? null : ind.profile };
}

/** The two slides' data (defaults: as printed); a negative control passes a table with one entry changed. */
export interface CmSlides {
  readonly aig?: CmExample;
  readonly yaa?: CmExample;
  readonly yaaOptimalPayments?: PairTable;
}

/** The table with `who`'s entry (0 = buyer 1, 1 = buyer 2) at row `r`, column `k` raised by `delta`. */
function bumpEntry(t: PairTable, r: number, k: number, who: 0 | 1, delta: Q): PairTable {
  return t.map((row, a) => row.map((cell, b) => (a === r && b === k ? (cell.map((x, j) => (j === who ? qstr(q(x).add(delta)) : x)) as unknown as readonly [string, string]) : cell)));
}

function check(slides: CmSlides = {}): CheckResult {
  const c = new Claims();
  const aig = auctionOfAnIndivisibleGoodClaims(c, slides.aig);
  const yaa = yetAnotherAuctionClaims(c, slides.yaa, slides.yaaOptimalPayments);
  if (c.failures.length > 0) return { ok: false, violation: { failures: c.failures }, message: `slide claims not reproduced: ${c.failures.join(" | ")}` };
  return { ok: true, certificate: { claimsVerified: c.verified.length, auctionOfAnIndivisibleGood: aig, yetAnotherAuction: yaa }, tag: "both slides reproduced exactly" };
}

export const cremerMcLeanExamples: Theorem<Record<string, never>> = {
  id: "cremer-mclean-examples",
  kind: "example",
  source: "[BernardMD3, *Auction of an Indivisible Good*, *Yet Another Auction*]",
  statement:
    "Both slides' tables are reproduced from our code: efficient allocations, IR payments, belief-elicitation lotteries (mean 0 under the own belief, positive otherwise), optimal payments = IR + c·y (c = 1; c = 4), BIC, no information rent in the first (revenue 23/10 = LP optimum), CM failing at v4/v5 in the second (revenue 37/11 = LP optimum).",
  arbitrary: fc.constant({}),
  check: () => check(),
  codec: { encode: () => ({}), decode: () => ({}) },
  negativeControls: [
    {
      name: "Yet Another Auction: an optimal payment changed",
      why: "the slide's Optimal Payments with buyer 2's 9 at (v0, v1) changed to 10: no single c gives IR/IC payments + c·y, and the table is no longer BIC with the optimal revenue",
      input: () => ({}),
      check: () => check({ yaaOptimalPayments: bumpEntry(YET_ANOTHER_OPTIMAL_PAYMENTS, 0, 0, 1, q(1)) }),
    },
    {
      name: "Auction of an Indivisible Good: an optimal payment changed",
      why: "the slide's Optimal Payments with buyer 1's 3 at (v2, v3) lowered by 1/7: no longer IR Payments + 1·y, and the buyer keeps an information rent",
      input: () => ({}),
      check: () => {
        const ex = auctionOfAnIndivisibleGood();
        return check({ aig: { ...ex, slide: { ...ex.slide, optimalPayments: bumpEntry(ex.slide.optimalPayments!, 1, 2, 0, SEVENTH.neg()) } } });
      },
    },
  ],
};
