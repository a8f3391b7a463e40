/**
 * Issue 11, finding 7: ce-public-goods now checks Thm 9's undominatedness (sampled additions) and
 * necessity within threshold rules. Negative control: a threshold rule pivoting ABOVE V = c is
 * dominated, so some addition must leave its VCG budget balanced — thm9Undominated must say no.
 */
import { describe, expect, it } from "vitest";
import { q, type Q } from "../../src/exact/rational.ts";
import { total, type LinearPublicGood } from "../../src/publicGoods/interdependentPublicGood.ts";
import { thm9Necessity, thm9Undominated } from "../../src/catalogue/ce-public-goods.ts";
import { boundaryPoint } from "../../src/generators/linearPublicGood.ts";

// private values (increasing differences): v_1 = s_1, v_2 = s_2, c = 1
const G: LinearPublicGood = { a1: q(1), b1: q(0), c1: q(0), a2: q(1), b2: q(0), c2: q(0), cost: q(1) };
const quarters = [0, 3, 6, 9, 12].flatMap((a) => [0, 3, 6, 9, 12].map((b) => [q(a).div(12), q(b).div(12)] as [Q, Q]));

describe("Thm 9 checks (Chung–Ely 2002 §5.2)", () => {
  it("the rule through a boundary point s̄ (V(s̄) = c) survives every addition on the 1/4-grid", () => {
    const sbar = boundaryPoint(G, 4);
    expect(total(G, sbar[0], sbar[1]).equals(G.cost)).toBe(true);
    for (const d of quarters) expect(thm9Undominated(G, sbar, d).ok).toBe(true);
  });

  it("negative control: the rule pivoting at (3/4, 3/4) (V = 3/2 > c) is dominated: some addition leaves a budget-balanced VCG", () => {
    const high: [Q, Q] = [q(3).div(4), q(3).div(4)];
    expect(quarters.some((d) => !thm9Undominated(G, high, d).ok)).toBe(true);
  });

  it("necessity within threshold rules: pivots below c run a deficit, above c are dominated, on c pass", () => {
    expect(thm9Necessity(G, [q(1).div(4), q(1).div(4)])).toMatchObject({ ok: true, tag: "pivots below c: deficit" });
    expect(thm9Necessity(G, [q(3).div(4), q(3).div(4)])).toMatchObject({ ok: true, tag: "pivots above c: dominated" });
    expect(thm9Necessity(G, [q(1).div(2), q(1).div(2)])).toMatchObject({ ok: true, tag: "pivots on V = c" });
  });
});
