/**
 * `no-trade-ic-example` (example) — [BrooksExPost2023], slide *No trade
 * without CPA but with IC*: "two states Θ = {0,1}, equally likely, player 1 has one type, and
 * T_2 = {0,1}. Player 1 thinks their signal is correct with probability p > 1/2, and player 2
 * thinks it's correct with probability q ≠ p, q > 1/2. Without IC, there would be a feasible and
 * acceptable trade, where player 2 pays player 1 when t_2 = θ if p > q, when t_2 ≠ θ if p < q. But
 * if we add IC, then when q < p, player 2 makes money when they are wrong, so they would be better
 * off misreporting."
 *
 * Reading ("their signal" = player 2's signal t_2, the only signal): π_1(t_2, θ) = ½·(p if t_2 = θ
 * else 1 − p), π_2(θ | t_2) = q if θ = t_2 else 1 − q (`signalAccuracySpace`, morrisAlternative.ts).
 *
 * Reproduced on the grid p, q ∈ {3/5, 2/3, 7/10, 3/4, 4/5, 9/10} (36 pairs), every claim decided
 * by exact LPs and nothing copied from the slide:
 *   1. p = q: a common prior, so no trade even without IC (plain trade LP value 0);
 *      p ≠ q: a feasible, acceptable trade without IC (value 1, trade re-checked).
 *   2. Who pays when: for p ≠ q, the plain trade LP with player 2's transfers forced ≥ 0 in the
 *      states where t_2 = θ ("2 never pays when right"), and again where t_2 ≠ θ. Exactly one of
 *      the two restricted LPs has a trade; the other side is where 2 must pay in every trade.
 *   3. With IC: `morrisAlternative` (morris-ic-trade.ts) decides trade vs noisy concordance with
 *      both LPs and certificates. The sign of p − q under which an IC trade exists is DERIVED: it
 *      must be the same for every pair with an IC trade and the opposite for every pair without.
 * Then the slide's three sentences are compared with what the LPs derived; a disagreement fails
 * the example and says which sentence is wrong. (They agree: 2 pays when right iff p > q; an IC
 * trade exists iff p < q, i.e. the IC trade is impossible exactly when q < p, as the slide says.)
 */
import fc from "fast-check";
import { signalAccuracySpace } from "../beliefs/noTradeAlternatives.ts";
import { checkTrade, plainTradeLp, tradeFromPrimal, tradeVar } from "../beliefs/noTrade.ts";
import { ONE, q, type Q } from "../exact/rational.ts";
import type { LpModel } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { profileIndex } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { morrisAlternative } from "./support/morrisAlternative.ts";

export const ACCURACIES = ["3/5", "2/3", "7/10", "3/4", "4/5", "9/10"] as const;

/** The plain trade LP plus γ_2(t, θ) ≥ 0 at every (t_2, θ) with (t_2 = θ) === whenRight. */
function noPaymentBy2(ts: ReturnType<typeof signalAccuracySpace>, whenRight: boolean): LpModel {
  const m = plainTradeLp(ts);
  const extra = [0, 1].flatMap((t2) =>
    [0, 1]
      .filter((th) => (t2 === th) === whenRight)
      .map((th) => ({ name: `2 does not pay at t2=${t2}, θ=${th}`, terms: [{ var: tradeVar(ts, 1, profileIndex([1, 2], [0, t2]), th), coef: ONE }], sense: ">=" as const, rhs: q(0) })),
  );
  return { ...m, rows: [...m.rows, ...extra] };
}

function hasTrade(model: LpModel): boolean {
  const r = solve(model, { exactOnly: true });
  if (r.status !== "optimal") throw new Error(`trade LP is ${r.status} (bug)`);
  if (!r.value.equals(ONE) && r.value.n !== 0n) throw new Error(`trade LP value ${r.value.toFraction()} (bug)`);
  return r.value.equals(ONE);
}

interface Row {
  p: string;
  q: string;
  plainTrade: boolean;
  twoPaysWhen?: "right" | "wrong";
  icTrade: boolean;
}

export const noTradeIcExample: Theorem<null> = {
  id: "no-trade-ic-example",
  kind: "example",
  source: "[BrooksExPost2023, *No trade without CPA but with IC*]",
  statement:
    "Two equally likely states, player 1 one type, T_2 = {0,1}, accuracies p (player 1's belief) and q (player 2's): p = q no trade; p ≠ q a trade without IC, 2 paying when right iff p > q; an IC trade exists iff p < q (derived from the LPs on a 6×6 grid and compared with the slide).",
  arbitrary: fc.constant(null),
  check: () => checkNoTradeIcExample(),
  negativeControls: [
    {
      name: "accuracies swapped in the model",
      why: "the type space built with player 1's accuracy and player 2's exchanged (signalAccuracySpace(q, p)), on p, q ∈ {3/5, 2/3, 4/5}: every derived direction flips, so the slide's sentences (2 pays when right iff p > q; no IC trade when q < p) no longer match what the LPs derive and the check must say so",
      input: () => null,
      check: () => checkNoTradeIcExample(["3/5", "2/3", "4/5"], (p, qq) => signalAccuracySpace(qq, p)),
    },
  ],
  codec: { encode: () => ({}), decode: () => null },
};

/** The example's check, with the accuracy grid and the type-space constructor as parameters (defaults: the slide's model). */
export function checkNoTradeIcExample(accuracies: readonly string[] = ACCURACIES, space: (p: Q, q: Q) => ReturnType<typeof signalAccuracySpace> = signalAccuracySpace): CheckResult {
  const rows: Row[] = [];
  for (const ps of accuracies) {
    for (const qs of accuracies) {
      const [p, qq]: [Q, Q] = [q(ps), q(qs)];
      const ts = space(p, qq);
      const plain = solve(plainTradeLp(ts), { exactOnly: true });
      if (plain.status !== "optimal") throw new Error("plain trade LP not optimal (bug)");
      const plainTrade = plain.value.equals(ONE);
      if (plainTrade) {
        const f = checkTrade(ts, tradeFromPrimal(ts, plain.primal), { ic: false }).failures;
        if (f.length > 0) return { ok: false, violation: { p: ps, q: qs, failures: f }, message: "plain trade fails its re-check" };
      }
      if (plainTrade === p.equals(qq)) {
        return { ok: false, violation: { p: ps, q: qs, plainTrade }, message: `p = ${ps}, q = ${qs}: ${plainTrade ? "a trade although p = q (common prior)" : "no trade although p ≠ q"}` };
      }
      const row: Row = { p: ps, q: qs, plainTrade, icTrade: false };
      if (plainTrade) {
        const ifNeverWhenRight = hasTrade(noPaymentBy2(ts, true));
        const ifNeverWhenWrong = hasTrade(noPaymentBy2(ts, false));
        if (ifNeverWhenRight === ifNeverWhenWrong) {
          return { ok: false, violation: { p: ps, q: qs, ifNeverWhenRight, ifNeverWhenWrong }, message: "the direction of payment is not determined" };
        }
        row.twoPaysWhen = ifNeverWhenRight ? "wrong" : "right";
      }
      const alt = morrisAlternative(ts);
      if (alt.fail) return alt.fail;
      row.icTrade = alt.trade;
      rows.push(row);
    }
  }
  const sign = (r: Row) => Math.sign(q(r.p).compare(q(r.q)));
  const withIc = new Set(rows.filter((r) => r.icTrade).map(sign));
  const withoutIc = new Set(rows.filter((r) => !r.icTrade && r.plainTrade).map(sign));
  if (withIc.size !== 1 || withoutIc.size !== 1 || [...withIc][0] === [...withoutIc][0]) {
    return { ok: false, violation: { rows }, message: "no single sign of p − q separates the pairs with an IC trade from those without" };
  }
  const icSign = [...withIc][0]!;
  const payRightSigns = new Set(rows.filter((r) => r.twoPaysWhen === "right").map(sign));
  const payWrongSigns = new Set(rows.filter((r) => r.twoPaysWhen === "wrong").map(sign));
  // The slide: pays when right iff p > q; pays when wrong iff p < q; no IC trade when q < p.
  const wrong: string[] = [];
  if (!(payRightSigns.size === 1 && payRightSigns.has(1))) wrong.push(`"player 2 pays player 1 when t_2 = θ if p > q" (LPs: pays when right for sign(p − q) ∈ {${[...payRightSigns].join(",")}})`);
  if (!(payWrongSigns.size === 1 && payWrongSigns.has(-1))) wrong.push(`"when t_2 ≠ θ if p < q" (LPs: pays when wrong for sign(p − q) ∈ {${[...payWrongSigns].join(",")}})`);
  if (icSign !== -1) wrong.push(`"when q < p … better off misreporting" (LPs: the IC trade exists when sign(p − q) = ${icSign})`);
  const derived = `IC trade iff ${icSign < 0 ? "p < q" : "p > q"}; without IC, player 2 pays when right iff p > q`;
  if (wrong.length > 0) return { ok: false, violation: { rows, wrong }, message: `the slide disagrees with the LPs: ${wrong.join("; ")}` };
  return { ok: true, certificate: { derived, rows }, tag: derived };

}
