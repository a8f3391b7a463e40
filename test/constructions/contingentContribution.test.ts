/**
 * Chung–Ely §5.3 contingent-contribution game ([ChungEly2002]): strategies, the exact cell analysis and
 * its Fourier–Motzkin core. Fixed seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Q, ZERO, ONE, q } from "../../src/exact/rational.ts";
import { analyze, feasiblePoint, play, playAt, strategy, strategyPiece, valueAt, type Cons, type ThresholdInstance } from "../../src/publicGoods/contingentContribution.ts";
import { contingentArb, thresholdInstance } from "../../src/catalogue/support/contingentContribution.ts";

const L = (c0: number | string, c1: number | string, c2: number | string) => ({ c0: q(c0), c1: q(c1), c2: q(c2) });
const ge = (f: ReturnType<typeof L>): Cons => ({ f, strict: false });
const gt = (f: ReturnType<typeof L>): Cons => ({ f, strict: true });

describe("feasiblePoint (Fourier–Motzkin with strict inequalities)", () => {
  it("handles strictness and equalities", () => {
    expect(feasiblePoint([ge(L(0, 1, 0)), ge(L(0, -1, 0))])).toEqual([ZERO, ZERO]); // s1 = 0
    expect(feasiblePoint([gt(L(0, 1, 0)), ge(L(0, -1, 0))])).toBeNull(); // s1 > 0, s1 ≤ 0
    // triangle s1 > 0, s2 > 0, s1 + s2 < 1, plus s1 − s2 ≥ 1: infeasible only with the strict bound
    expect(feasiblePoint([gt(L(0, 1, 0)), ge(L(0, 0, 1)), gt(L(1, -1, -1)), ge(L(-1, 1, -1))])).toBeNull();
    const w = feasiblePoint([gt(L(0, 1, 0)), gt(L(0, 0, 1)), gt(L(1, -1, -1))])!;
    expect(w[0].compare(ZERO) > 0 && w[1].compare(ZERO) > 0 && w[0].add(w[1]).compare(ONE) < 0).toBe(true);
  });

  it("agrees with a brute-force grid search on random small systems", () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 5 });
    for (const rows of fc.sample(arb, { seed: 11, numRuns: 300 })) {
      const cons = rows.map(([a, b, c, s]) => ({ f: L(a, b, c), strict: s }));
      const w = feasiblePoint(cons);
      // every grid point satisfying the system proves feasibility; a witness must satisfy it
      let gridHit = false;
      for (let i = -12; i <= 12 && !gridHit; i++) for (let j = -12; j <= 12 && !gridHit; j++) {
        const s1 = q(i).div(4);
        const s2 = q(j).div(4);
        gridHit = cons.every((c) => {
          const v = c.f.c0.add(c.f.c1.mul(s1)).add(c.f.c2.mul(s2)).compare(ZERO);
          return v > 0 || (v === 0 && !c.strict);
        });
      }
      if (gridHit) expect(w).not.toBeNull();
      if (w !== null) {
        for (const c of cons) {
          const v = c.f.c0.add(c.f.c1.mul(w[0])).add(c.f.c2.mul(w[1])).compare(ZERO);
          expect(v > 0 || (v === 0 && !c.strict)).toBe(true);
        }
      }
    }
  });
});

const PV: ThresholdInstance = { G: { a1: ONE, b1: ZERO, c1: ZERO, a2: ONE, b2: ZERO, c2: ZERO, cost: ONE }, vbar: [q("1/2"), q("1/2")] };

describe("the paper's strategies", () => {
  it("private values v_i = s_i, c = 1, s̄ = (1/2, 1/2): hand-computed reports", () => {
    // s_1 = 3/4: F_1 = (1/2, 1], φ_2 = 1/2, p_1 = v_1 = 3/4, d_1 = v_2(·, 1/2) = 1/2
    expect(strategy(PV, 0, q("3/4"), "strict")).toEqual({ d: q("1/2"), p: q("3/4") });
    // s_1 = 1/2: F_1 = ∅ (strict), φ_2 = 1, d_1 = v_2(·, 1) = 1; with ≥, F_1 = [1/2, 1], d_1 = 1/2
    expect(strategy(PV, 0, q("1/2"), "strict")).toEqual({ d: ONE, p: q("1/2") });
    expect(strategy(PV, 0, q("1/2"), "weak")).toEqual({ d: q("1/2"), p: q("1/2") });
    // s_1 = 1/4: F_1 = ∅, φ_2 = 1
    expect(strategy(PV, 0, q("1/4"), "strict")).toEqual({ d: ONE, p: q("1/4") });
    expect(play({ d: ONE, p: q("1/2") }, { d: q("1/2"), p: q("3/4") }).produced).toBe(false);
  });

  it("the literal profile misses the segment {1/2} × [1/2, 1); the ≥ variant does not", () => {
    const A = analyze(PV, "strict");
    expect(A.violations.map((v) => v.claim)).toEqual(["f=1 ⇒ produced"]);
    const s = A.violations[0]!.state;
    expect(s[0].equals(q("1/2")) && s[1].compare(q("1/2")) >= 0 && s[1].compare(ONE) < 0).toBe(true);
    expect(playAt(PV, [q("1/2"), q("3/4")], "strict")).toMatchObject({ f: true, produced: false });
    expect(analyze(PV, "weak").violations).toEqual([]);
  });

  it("without increasing differences the analysis finds failures (the checks can fail)", () => {
    const G = { a1: ONE, b1: q(2), c1: ZERO, a2: ONE, b2: q(2), c2: ZERO, cost: q(3) };
    const sb: [Q, Q] = [q("1/3"), q("2/3")];
    const T: ThresholdInstance = { G, vbar: [valueAt(G, 0, sb), valueAt(G, 1, sb)] };
    const claims = analyze(T, "weak").violations.map((v) => v.claim);
    expect(claims).toContain("f=1 ⇒ produced");
    expect(claims).toContain("budget balance");
  });

  it("φ is the infimum of F_i: brute force on a rational grid, random instances", () => {
    const N = 48;
    for (const x of fc.sample(contingentArb, { seed: 5, numRuns: 60 })) {
      const T = thresholdInstance(x);
      for (const i of [0, 1] as const) for (let k = 0; k <= 8; k++) {
        const xi = q(k).div(8);
        const pc = strategyPiece(T, i, xi, "strict");
        const phi = pc.phi.c0.add(pc.phi.c1.mul(xi));
        const members: Q[] = [];
        for (let m = 0; m <= N; m++) {
          const y = q(m).div(N);
          const s: [Q, Q] = i === 0 ? [xi, y] : [y, xi];
          if (valueAt(T.G, i, s).compare(T.vbar[i]) > 0 && valueAt(T.G, (1 - i) as 0 | 1, s).compare(T.vbar[1 - i]!) > 0) members.push(y);
        }
        if (members.length === 0) continue; // F may still be a sliver near 1 between grid points
        expect(phi.compare(members[0]!) <= 0).toBe(true);
        expect(phi.compare(members[0]!.sub(q(1).div(N))) >= 0).toBe(true);
        if (members.length === N + 1 && pc.branch === "all") expect(pc.d.c0.equals(T.vbar[1 - i]!)).toBe(true);
      }
    }
  });

  it("deviation lemma: random deviations never beat the 3 × 3 breakpoint deviations", () => {
    const arb = fc.tuple(contingentArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 }), fc.array(fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 })), { minLength: 20, maxLength: 20 }));
    for (const [x, a, b, devs] of fc.sample(arb, { seed: 7, numRuns: 100 })) {
      const T = thresholdInstance(x);
      const s: [Q, Q] = [q(a).div(16), q(b).div(16)];
      const pt = playAt(T, s, "strict");
      const R = [strategy(T, 0, s[0], "strict"), strategy(T, 1, s[1], "strict")] as const;
      for (const i of [0, 1] as const) for (const [dd, pp] of devs) {
        const dev = { d: q(dd).div(8), p: q(pp).div(8) };
        const o = i === 0 ? play(dev, R[1]) : play(R[0], dev);
        const u = o.produced ? valueAt(T.G, i, s).sub(o.taxes[i]) : ZERO;
        expect(u.compare(pt.bestDeviation[i]) <= 0).toBe(true);
      }
      // and in the theorem's setting there is no profitable deviation at all
      expect(pt.bestDeviation[0].equals(pt.payoffs[0]) && pt.bestDeviation[1].equals(pt.payoffs[1])).toBe(true);
    }
  });
});
