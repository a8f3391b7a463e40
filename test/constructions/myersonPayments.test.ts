/**
 * Myerson's payment formula for rank-based single-object rules ([Mishra2020, *IC Characterization*]),
 * on hand-computed cases: Vickrey (the winner pays the second-highest value) and the Green–Laffont
 * lottery of [Mishra2020, *Relax efficiency*] with n = 3.
 */
import { describe, expect, it } from "vitest";
import { integrateRankShare, myersonPayment, rankShare } from "../../src/auctions/myersonPayments.ts";
import { ONE, q, ZERO } from "../../src/exact/rational.ts";

describe("myersonPayments", () => {
  it("rankShare counts the others strictly above s", () => {
    const shares = [q("2/3"), q("1/3")];
    expect(rankShare(shares, [q(3), q(5)], q(6)).equals(q("2/3"))).toBe(true);
    expect(rankShare(shares, [q(3), q(5)], q(4)).equals(q("1/3"))).toBe(true);
    expect(rankShare(shares, [q(3), q(5)], q(2)).equals(ZERO)).toBe(true);
    expect(rankShare(shares, [q(3), q(5)], q(5)).equals(q("2/3"))).toBe(true); // a tie is not "above"
  });

  it("Vickrey: the winner pays the highest competing value, losers pay 0", () => {
    const shares = [ONE];
    // own value 7 against 3, 5: 7·1 − ∫_0^7 1{s > 5} ds = 7 − 2 = 5
    expect(myersonPayment(shares, [q(3), q(5)], q(7), ONE).equals(q(5))).toBe(true);
    expect(myersonPayment(shares, [q(3), q(5)], q(4), ZERO).equals(ZERO)).toBe(true);
    expect(integrateRankShare(shares, [q(3), q(5)], q(0), q(7)).equals(q(2))).toBe(true);
  });

  it("Green–Laffont, n = 3, values 9 ≥ 6 ≥ 2: payments (1/3)·6, 0, 0 before h = −(second of others)/3", () => {
    const shares = [q("2/3"), q("1/3")];
    // top: 9·2/3 − [(6 − 2)/3 + (9 − 6)·2/3] = 6 − 4/3 − 2 = 8/3 = (1/3)·6 + 2/3; h = −2/3 gives (n−2)/n·v₂ = 2
    expect(myersonPayment(shares, [q(6), q(2)], q(9), q("2/3")).equals(q("8/3"))).toBe(true);
    // second: 6/3 − (6 − 2)/3 = 2/3; h = −2/3 gives 0
    expect(myersonPayment(shares, [q(9), q(2)], q(6), q("1/3")).equals(q("2/3"))).toBe(true);
    // third: 0; h = −6/3 gives −v₂/n = −2
    expect(myersonPayment(shares, [q(9), q(6)], q(2), ZERO).equals(ZERO)).toBe(true);
  });
});
