import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MechcheckError } from "../../src/errors.ts";
import type { Q } from "../../src/exact/rational.ts";
import type { DirectMechanism } from "../../src/model/environment.ts";
import { budgetBalance } from "../../src/budgetBalance/budgetBalancing.ts";
import { checkIndependence, independentMarginals, marginalsOf } from "../../src/model/independence.ts";
import { vcgMechanism } from "../../src/mechanisms/vcg.ts";
import { beliefsFromPrior, budget, count, decode, fr, interimPay, interimU, marginalsFor, maxBicGain, maxDsicGain, product, pvEnv, RUNS, sizesOf, smallRat, Z } from "./bruteForce.ts";

describe("independence helper", () => {
  it("extracts the marginals of a product prior and refuses a correlated one, naming the profile", () => {
    // μ_1 = (1/3, 2/3), μ_2 = (1/4, 3/4): prior = (1/12, 3/12, 2/12, 6/12)
    const prior = ["1/12", "1/4", "1/6", "1/2"];
    expect(independentMarginals([2, 2], prior).map((m) => m.map((x) => x.toFraction()))).toEqual([
      ["1/3", "2/3"],
      ["1/4", "3/4"],
    ]);
    // marginals of (1/6, 1/6, 1/6, 1/2): agent 1 (1/3, 2/3), agent 2 (1/3, 2/3); product at (0,0) = 1/9 ≠ 1/6
    const bad = ["1/6", "1/6", "1/6", "1/2"];
    const v = checkIndependence([2, 2], bad);
    expect(v.independent).toBe(false);
    if (!v.independent) {
      expect(v.profile).toEqual([0, 0]);
      // marginals (1/3, 2/3) and (1/3, 2/3): product at (0,0) = 1/9 ≠ 1/6
      expect(v.product.toFraction()).toBe("1/9");
    }
    expect(() => independentMarginals([2, 2], bad)).toThrow(MechcheckError);
    try {
      independentMarginals([2, 2], bad);
    } catch (e) {
      expect((e as MechcheckError).code).toBe("not-independent");
      expect((e as MechcheckError).path).toBe("prior[0]");
    }
  });

  it("rejects priors that are not probability vectors", () => {
    expect(() => marginalsOf([2], ["1/2", "1/3"])).toThrow(/sum to 5\/6/);
    expect(() => marginalsOf([2], ["3/2", "-1/2"])).toThrow(/negative/);
    expect(() => marginalsOf([2, 2], ["1/2", "1/2"])).toThrow(/expected 4/);
  });

  it("round-trips random product priors", () => {
    fc.assert(
      fc.property(pvEnv(), (env) => {
        fc.assert(
          fc.property(marginalsFor(env), (ms) => {
            const got = independentMarginals(sizesOf(env), product(ms));
            expect(got.map((m) => m.map((x) => x.toFraction()))).toEqual(ms.map((m) => m.map((x) => x.toFraction())));
          }),
          { seed: 1, numRuns: 2 },
        );
      }),
      RUNS,
    );
  });
});

describe("Prop 7.1 budget balancing", () => {
  it("hand case: two agents, two equally likely types each", () => {
    // Payments p(θ) (agent 1, agent 2) at profiles (0,0), (0,1), (1,0), (1,1):
    //   (2,0), (4,2), (0,0), (2,2); allocation irrelevant (one decision, value 0).
    // Interim: E_{θ1=0} p1 = (2+4)/2 = 3, E_{θ1=1} p1 = 1; E_{θ2=0} p2 = 0, E_{θ2=1} p2 = 2.
    // Ex ante: E p1 = 2, E p2 = 1, S = 3, S/n = 3/2.
    // p^B_1 = E_{θ1}p1 − E_{θ2}p2 + E p2 − 3/2;  p^B_2 = E_{θ2}p2 − E_{θ1}p1 + E p1 − 3/2.
    //   (0,0): p1 = 3 − 0 + 1 − 3/2 = 5/2,  p2 = 0 − 3 + 2 − 3/2 = −5/2
    //   (0,1): p1 = 3 − 2 + 1 − 3/2 = 1/2,  p2 = 2 − 3 + 2 − 3/2 = −1/2
    //   (1,0): p1 = 1 − 0 + 1 − 3/2 = 1/2,  p2 = 0 − 1 + 2 − 3/2 = −1/2
    //   (1,1): p1 = 1 − 2 + 1 − 3/2 = −3/2, p2 = 2 − 1 + 2 − 3/2 = 3/2
    const env = { agents: ["1", "2"], types: [["a", "b"], ["a", "b"]], decisions: ["x"], valuation: [[[Z], [Z], [Z], [Z]], [[Z], [Z], [Z], [Z]]] };
    const mech: DirectMechanism = { kind: "direct", allocation: [[fr(1)], [fr(1)], [fr(1)], [fr(1)]], payments: [[fr(2), Z], [fr(4), fr(2)], [Z, Z], [fr(2), fr(2)]] };
    const res = budgetBalance(env, mech, [["1/2", "1/2"], ["1/2", "1/2"]]);
    expect(res.expectedSurplus.toFraction()).toBe("3");
    expect(res.mechanism.payments.map((r) => r.map((x) => x.toFraction()))).toEqual([
      ["5/2", "-5/2"],
      ["1/2", "-1/2"],
      ["1/2", "-1/2"],
      ["-3/2", "3/2"],
    ]);
  });

  it("random VCG mechanisms: p^B is ex post BB, BIC, same q, interim payments shifted by exactly S/n", () => {
    fc.assert(
      fc.property(
        pvEnv().chain((env) => fc.tuple(fc.constant(env), marginalsFor(env), fc.tuple(...sizesOf(env).map((_, i) => fc.array(smallRat, { minLength: count(sizesOf(env)) / sizesOf(env)[i]!, maxLength: count(sizesOf(env)) / sizesOf(env)[i]! }))))),
        ([env, ms, h]) => {
          const mech = vcgMechanism(env, h);
          expect(maxDsicGain(env, mech).compare(0)).toBeLessThanOrEqual(0); // sanity: Groves is DSIC
          const res = budgetBalance(env, mech, ms);
          const bb = res.mechanism;
          expect(budget(bb).every((b) => b.equals(0))).toBe(true);
          expect(bb.allocation).toEqual(mech.allocation);
          const beliefs = beliefsFromPrior(sizesOf(env), product(ms));
          expect(maxBicGain(env, bb, beliefs).compare(0)).toBeLessThanOrEqual(0);
          // S recomputed from the tables
          const prior = product(ms);
          let S = Z;
          prior.forEach((p, t) => mech.payments[t]!.forEach((x) => (S = S.add(p.mul(x)))));
          expect(res.expectedSurplus.equals(S)).toBe(true);
          const share = S.div(env.agents.length);
          for (let i = 0; i < env.agents.length; i++)
            for (let ti = 0; ti < sizesOf(env)[i]!; ti++) {
              expect(interimPay(env, bb, beliefs, i, ti).equals(interimPay(env, mech, beliefs, i, ti).sub(share))).toBe(true);
              // weakly preferred by every type iff S ≥ 0
              const gain = interimU(env, bb, beliefs, i, ti, ti).sub(interimU(env, mech, beliefs, i, ti, ti));
              expect(gain.equals(share)).toBe(true);
            }
        },
      ),
      RUNS,
    );
  });

  it("Cor 7.3: an arbitrary ex-ante BB mechanism gets an equivalent ex post BB one (interim payments at every report)", () => {
    fc.assert(
      fc.property(
        pvEnv().chain((env) => fc.tuple(fc.constant(env), marginalsFor(env), fc.array(fc.array(smallRat, { minLength: env.agents.length, maxLength: env.agents.length }), { minLength: count(sizesOf(env)), maxLength: count(sizesOf(env)) }))),
        ([env, ms, pay]) => {
          // make it ex ante BB: subtract the expected surplus from agent 0 at every profile
          const prior = product(ms);
          let S = Z;
          prior.forEach((p, t) => pay[t]!.forEach((x) => (S = S.add(p.mul(x)))));
          const payments: Q[][] = pay.map((r) => r.map((x, i) => (i === 0 ? x.sub(S) : x)));
          const allocation = pay.map(() => env.decisions.map((_, d) => (d === 0 ? fr(1) : Z)));
          const mech: DirectMechanism = { kind: "direct", allocation, payments };
          const res = budgetBalance(env, mech, ms);
          expect(res.expectedSurplus.equals(0)).toBe(true);
          expect(budget(res.mechanism).every((b) => b.equals(0))).toBe(true);
          const sizes = sizesOf(env);
          // interim expected payment at report r_i, under independent beliefs, in both mechanisms
          for (let i = 0; i < sizes.length; i++)
            for (let r = 0; r < sizes[i]!; r++) {
              let a = Z;
              let b = Z;
              prior.forEach((_, t) => {
                const p = decode(sizes, t);
                if (p[i] !== r) return;
                const w = p.reduce((acc, k, j) => (j === i ? acc : acc.mul(ms[j]![k]!)), fr(1));
                a = a.add(w.mul(payments[t]![i]!));
                b = b.add(w.mul(res.mechanism.payments[t]![i]!));
              });
              expect(a.equals(b)).toBe(true);
            }
        },
      ),
      RUNS,
    );
  });

  it("refuses marginals of the wrong shape", () => {
    const env = { agents: ["1"], types: [["a", "b"]], decisions: ["x"], valuation: [[[Z], [Z]]] };
    const mech: DirectMechanism = { kind: "direct", allocation: [[fr(1)], [fr(1)]], payments: [[Z], [Z]] };
    expect(() => budgetBalance(env, mech, [["1"]])).toThrow(/marginals\[0\]: expected 2/);
    expect(() => budgetBalance(env, { ...mech, payments: [[Z]] }, [["1/2", "1/2"]])).toThrow(/payments: expected 2 rows/);
  });
});
