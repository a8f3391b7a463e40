import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { isBIC } from "../../src/concepts/index.ts";
import type { Q } from "../../src/exact/rational.ts";
import { independentPriorWithMarginals, intArray, paymentTable } from "../../src/generators/index.ts";
import type { DirectMechanism } from "../../src/model/environment.ts";
import { productOfMarginals } from "../../src/model/independence.ts";
import {
  characterize,
  downwardVirtualValues,
  expectedRevenue,
  interimPaymentsAt,
  interimTables,
  paymentsWithInterim,
  revenueBounds,
  singleObjectGrids,
  upwardVirtualValues,
} from "../../src/auctions/revenueEquivalenceGrid.ts";
import { singleObjectEnvironment } from "../../src/model/singleObject.ts";

const fr = (n: number, d = 1) => new Fraction(n, d);
const Z = fr(0);
const strs = (rows: readonly (readonly Q[])[]) => rows.map((r) => r.map((x) => x.toFraction()));

/** One bidder, values {0, 1}, uniform: sell to the high type only. Hand-derived numbers. */
describe("revenue equivalence on a grid, by hand", () => {
  const env = singleObjectEnvironment([[0, 1]], { noSale: true });
  const marginals = [[fr(1, 2), fr(1, 2)]];
  const allocation = [
    [Z, fr(1)],
    [fr(1), Z],
  ];
  it("local bounds: the high type's price may be anywhere in [w(1), w(2)] = [0, 1]", () => {
    for (const [price, bic] of [[fr(0), true], [fr(1, 2), true], [fr(1), true], [fr(-1, 4), false], [fr(5, 4), false]] as const) {
      const mech: DirectMechanism = { kind: "direct", allocation, payments: [[Z], [price]] };
      const t = interimTables([[fr(0), fr(1)]], marginals, mech);
      const ch = characterize([[fr(0), fr(1)]], t);
      expect(ch.holds).toBe(bic);
      expect(isBIC(env, mech, { kind: "common-prior", prior: productOfMarginals(marginals) }).verdict === "holds").toBe(bic);
      expect(ch.downwardBinding).toBe(price.equals(1));
      expect(ch.upwardBinding).toBe(price.equals(0));
      expect(expectedRevenue(marginals, mech.payments).equals(price.div(2))).toBe(true);
    }
  });
  it("discrete virtual values: φ = (0 − 1·(1/2)/(1/2), 1) = (−1, 1); upward (0, 1 − 1·(1/2)/(1/2)) = (0, 0)", () => {
    expect(strs([downwardVirtualValues([fr(0), fr(1)], marginals[0]!)])).toEqual([["-1", "1"]]);
    expect(strs([upwardVirtualValues([fr(0), fr(1)], marginals[0]!)])).toEqual([["0", "0"]]);
    const b = revenueBounds([[fr(0), fr(1)]], marginals, allocation, [Z]);
    expect(b.down.toFraction()).toBe("1/2");
    expect(b.up.toFraction()).toBe("0");
  });
  it("singleObjectGrids rejects values that are not increasing or not single-object", () => {
    expect("reason" in singleObjectGrids(singleObjectEnvironment([[2, 1]], { noSale: true }))).toBe(true);
    const e = singleObjectEnvironment([[0, 1]], { noSale: true });
    const bad = { ...e, valuation: [e.valuation[0]!.map((r) => [r[0]!, fr(1)])] };
    expect("reason" in singleObjectGrids(bad)).toBe(true);
    expect(singleObjectGrids(e)).toEqual({ values: [[fr(0), fr(1)]] });
  });
});

/** Brute force: the characterization agrees with isBIC on random mechanisms (payments random or built). */
describe("characterization vs isBIC, random small auctions", () => {
  const caseArb = fc
    .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }), fc.integer({ min: 0, max: 2 }))
    .chain(([ks, start]) => {
      const values = ks.map((k) => Array.from({ length: k }, (_, j) => start + 2 * j));
      const env = singleObjectEnvironment(values, { noSale: true });
      const P = ks.reduce((a, b) => a * b, 1);
      const D = env.decisions.length;
      const alloc = intArray(P, 0, D - 1).map((ds) => ds.map((d) => env.decisions.map((_, k) => (k === d ? fr(1) : Z))));
      return fc.tuple(fc.constant(env), independentPriorWithMarginals(env), alloc, paymentTable(P, ks.length, { maxPayment: 4 }), intArray(6, 0, 4));
    });
  it("BIC ⇔ monotone ∧ local bounds; revenue in [R_up, R_down]", () => {
    let bicSeen = 0;
    fc.assert(
      fc.property(caseArb, fc.boolean(), ([env, { prior, marginals }, allocation, random, lam], build) => {
        const values = env.typeValues!.map((r) => r.slice());
        let payments = random;
        if (build) {
          const t0 = interimTables(values, marginals, { kind: "direct", allocation, payments: random });
          const target = values.map((w, i) => interimPaymentsAt(w, t0.Q[i]!, fr(i), w.map((_, k) => fr(lam[(3 * i + k) % 6]!, 4))));
          payments = paymentsWithInterim(marginals, target, random);
          // the built payments have exactly the target interim payments
          expect(strs(interimTables(values, marginals, { kind: "direct", allocation, payments }).P)).toEqual(strs(target));
        }
        const mech: DirectMechanism = { kind: "direct", allocation, payments };
        const t = interimTables(values, marginals, mech);
        const ch = characterize(values, t);
        const bic = isBIC(env, mech, { kind: "common-prior", prior });
        expect(ch.holds).toBe(bic.verdict === "holds");
        if (ch.withinBounds) expect(ch.monotone).toBe(true);
        if (ch.holds) {
          bicSeen++;
          const R = expectedRevenue(marginals, payments);
          const b = revenueBounds(values, marginals, allocation, t.U.map((u) => u[0]!));
          expect(R.compare(b.down) <= 0 && R.compare(b.up) >= 0).toBe(true);
          expect(R.equals(b.down)).toBe(ch.downwardBinding);
        }
      }),
      { seed: 7, numRuns: 150 },
    );
    expect(bicSeen).toBeGreaterThan(10);
  });
});
