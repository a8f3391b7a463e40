/**
 * `ce-trade-surplus-example` (example) — [ChungEly2002, §4.4] *An Example With a Surplus*:
 * v_i(s) = s_i + a·s_{-i} (i = β, σ). For a < 1 the efficient, EPIC rule trades iff s_β > s_σ;
 * "the VCG payments in the event of trade are t_β(s) = s_σ + a·s_σ and t_σ(s) = −(s_β + a·s_β).
 * When a = −1, t_β = t_σ ≡ 0 so that there is a balanced budget in every state. And when a < −1,
 * t_β + t_σ > 0 in every state where there is trade."
 *
 * Reproduced, values derived (src/mechanisms/chungElyTrade.ts), for a ∈ {−3, −2, −3/2, −1, −1/2,
 * 0, 1/2}:
 *  - the efficient rule from Δv = (1 − a)(s_β − s_σ) (strong single crossing holds iff a < 1);
 *  - the generalized VCG payments computed from the cutoffs g_β, g_σ (seed eqs. (5)–(6)) equal the
 *    slide's closed forms (1 + a)s_σ and −(1 + a)s_β at every trade state of the grid {k/6}²;
 *  - exactly on the continuum: the deficit is D = c·Δv on the whole trade region with
 *    c = (1 + a)/(1 − a) (deficitGainsRatio, decided on the polygon cells), so the budget is
 *    balanced in every state iff a = −1, a surplus in every trade state iff a < −1, and a deficit
 *    in every trade state for −1 < a < 1;
 *  - the mechanism restricted to {k/6}² is EPIC and ex post IR (isEPIC, isExPostIR).
 * Theorem 5 is not contradicted: for a < 0 the valuations decrease in the other's signal, outside
 * its assumptions (checked: increasingValuations fails exactly for a < 0).
 */
import fc from "fast-check";
import { isEPIC, isExPostIR } from "../concepts/index.ts";
import { type Q, ONE, ZERO, q, qstr, sign } from "../exact/rational.ts";
import { deficitGainsRatio, efficientTradeRule, increasingValuations, linearTradeEnvironment, nonTrivial, strongSingleCrossing, trades, vcgOnGrid, vcgPayments, type LinearTrade } from "../trade/interdependentTrade.ts";
import { pointMassAllocation } from "../model/environment.ts";
import type { CheckResult, Theorem } from "./types.ts";

const PARAMETERS = ["-3", "-2", "-3/2", "-1", "-1/2", "0", "1/2"];

export const surplusExample = (a: Q): LinearTrade => ({ aB: ONE, bB: a, cB: ZERO, aS: ONE, bS: a, cS: ZERO });

/** The slide's closed forms, as the check reads them (parameters, so a negative control can feed misremembered ones). */
export interface SurplusSlide {
  /** t_β and t_σ in the event of trade. */
  readonly payments: (a: Q, sb: Q, ss: Q) => readonly [Q, Q];
  /** c in t_β + t_σ = −c·Δv. */
  readonly ratio: (a: Q) => Q;
}

const SLIDE: SurplusSlide = {
  payments: (a, sb, ss) => [ONE.add(a).mul(ss), ONE.add(a).mul(sb).neg()],
  ratio: (a) => ONE.add(a).div(ONE.sub(a)),
};

export function checkSurplusExample(params: readonly string[], slide: SurplusSlide = SLIDE): CheckResult {
  const grid = Array.from({ length: 7 }, (_, k) => q(k).div(6));
  const rows: Record<string, string> = {};
  for (const p of params) {
    const a = q(p);
    const L = surplusExample(a);
    const fail = (message: string, violation: unknown = null): CheckResult => ({ ok: false, violation: { a: p, ...((violation as object) ?? {}) }, message: `a = ${p}: ${message}` });
    if (!strongSingleCrossing(L) || !nonTrivial(L)) return fail("expected strong single crossing and non-triviality for a < 1");
    if (increasingValuations(L) !== (sign(a) >= 0)) return fail("valuations should be increasing exactly when a ≥ 0");
    for (const sb of grid) for (const ss of grid) {
      if (trades(L, sb, ss) !== sb.compare(ss) > 0) return fail("the efficient rule is not 'trade iff s_β > s_σ'", { s: [qstr(sb), qstr(ss)] });
      if (!trades(L, sb, ss)) continue;
      const [tb, ts] = vcgPayments(L, sb, ss);
      const [wb, ws] = slide.payments(a, sb, ss);
      if (!tb.equals(wb) || !ts.equals(ws)) return fail("VCG payments differ from the slide's (1 + a)s_σ, −(1 + a)s_β", { s: [qstr(sb), qstr(ss)], t: [qstr(tb), qstr(ts)] });
    }
    const c = deficitGainsRatio(L);
    const expected = slide.ratio(a);
    if (c === null || !c.equals(expected)) return fail("the deficit is not (1 + a)/(1 − a)·Δv on the trade region", { c: c && qstr(c) });
    const claim = sign(a.add(1)) === 0 ? "balanced budget in every state" : sign(a.add(1)) < 0 ? "surplus in every trade state" : "deficit in every trade state";
    const env = linearTradeEnvironment(L, grid, grid);
    const mech = { kind: "direct" as const, allocation: pointMassAllocation(env, efficientTradeRule(L, grid, grid)), payments: vcgOnGrid(L, grid, grid) };
    if (isEPIC(env, mech).verdict !== "holds" || isExPostIR(env, mech).verdict !== "holds") return fail("the VCG mechanism on the grid {k/6}² is not EPIC and ex post IR");
    rows[`a = ${p}`] = `t_β + t_σ = −(${qstr(c)})·Δv: ${claim}`;
  }
  return { ok: true, certificate: rows };
}

export const ceTradeSurplusExample: Theorem<readonly string[]> = {
  id: "ce-trade-surplus-example",
  kind: "example",
  source: "[ChungEly2002, §4.4]",
  statement: "v_i = s_i + a·s_{-i}: the efficient rule trades iff s_β > s_σ; VCG payments (1 + a)s_σ and −(1 + a)s_β; budget balanced in every state at a = −1, a surplus in every trade state for a < −1 (a deficit for −1 < a < 1).",
  arbitrary: fc.constant(PARAMETERS),
  check: (x) => checkSurplusExample(x),
  negativeControls: [
    {
      name: "seller's payment misremembered",
      why: "the slide's t_σ = −(1 + a)s_β read as −(1 + a)s_σ: it differs from the derived VCG payment at every trade state with a ≠ −1",
      input: () => PARAMETERS,
      check: (x) => checkSurplusExample(x, { ...SLIDE, payments: (a, sb, ss) => [ONE.add(a).mul(ss), ONE.add(a).mul(ss).neg()] }),
    },
    {
      name: "a = 1 added",
      why: "the example needs a < 1: at a = 1 both values are s_β + s_σ, Δv ≡ 0, no strong single crossing and no trade — the example's claims must fail there",
      input: () => [...PARAMETERS, "1"],
    },
  ],
  codec: { encode: (x) => ({ a: x.slice() }), decode: (j) => (j as { a: string[] }).a },
};
