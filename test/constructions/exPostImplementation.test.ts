/**
 * Ex post implementation of SCCs ([BrooksExPost2023, *Implementation*, *Separable environments*]): the
 * section decomposition, the backtracking search, positive cycles and potentials, arc-consistency
 * derivations — each cross-checked against an independent reference (enumeration with isEPIC, the
 * exact transfers LP). Random cases use fixed seeds.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isEPIC } from "../../src/concepts/index.ts";
import { epicTransfersLp } from "../../src/concepts/transfers.ts";
import {
  bruteForceExPostImplementable,
  findExPostSelection,
  positiveCycle,
  propagate,
  sectionFailure,
  sectionGain,
  sectionPayments,
  sectionPotentials,
  selectionMechanism,
  solveAllSections,
  solveSection,
  type TransferMode,
} from "../../src/exPost/implementation.ts";
import { q, ZERO } from "../../src/exact/rational.ts";
import { interdependentValuesEnvironment, nonSeparableEnvironment, socialChoiceCorrespondence } from "../../src/generators/index.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import type { Environment, SocialChoiceCorrespondence } from "../../src/model/environment.ts";
import { pointMassAllocation, typeSizes } from "../../src/model/environment.ts";
import { othersSizes, profileCount } from "../../src/model/profiles.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const smallCases = interdependentValuesEnvironment({ minAgents: 1, maxAgents: 2, maxTypes: 3, minDecisions: 2, maxDecisions: 3, maxValue: 5 }).chain((env) =>
  socialChoiceCorrespondence(env).map((scc) => ({ env, scc })),
);

describe("positiveCycle and sectionPotentials", () => {
  it("finds the positive 3-cycle and no cycle when all cycles are ≤ 0", () => {
    const W = [
      [0, -1, 2],
      [1, 0, -5],
      [-1, 1, 0],
    ];
    // cycles: 0→1→0: 0; 0→2→0: 1 > 0
    const c = positiveCycle((a, b) => q(W[a]![b]!), [0, 1, 2]);
    expect(c).not.toBeNull();
    expect(c!.total.compare(ZERO)).toBeGreaterThan(0);
    // recompute the total from the cycle
    const t = c!.types;
    let s = ZERO;
    for (let k = 0; k < t.length; k++) s = s.add(q(W[t[k]!]![t[(k + 1) % t.length]!]!));
    expect(s.equals(c!.total)).toBe(true);
    const W2 = [
      [0, -1, -2],
      [1, 0, -5],
      [1, 4, 0],
    ];
    // 0→1→0: 0, 0→2→0: −1, 1→2→1: −1, 0→1→2→0: −5, 0→2→1→0: 3 > 0
    expect(positiveCycle((a, b) => q(W2[a]![b]!), [0, 1, 2])?.types).toEqual([0, 2, 1]);
    const W3 = [
      [0, -1, -2],
      [1, 0, -5],
      [1, 0, 0],
    ];
    expect(positiveCycle((a, b) => q(W3[a]![b]!), [0, 1, 2])).toBeNull();
    const p = sectionPotentials((a, b) => q(W3[a]![b]!), 3);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) if (a !== b) expect(p[b]!.sub(p[a]!).compare(q(W3[a]![b]!))).toBeGreaterThanOrEqual(0);
  });

  it("agrees with the exact LP on random weight matrices (fixed seed)", () => {
    const arb = fc.integer({ min: 2, max: 5 }).chain((m) => fc.array(fc.integer({ min: -6, max: 4 }), { minLength: m * m, maxLength: m * m }).map((w) => ({ m, w })));
    for (const { m, w } of fc.sample(arb, { seed: 11, numRuns: 300 })) {
      const weight = (a: number, b: number) => q(w[a * m + b]!);
      const cyc = positiveCycle(weight, Array.from({ length: m }, (_, k) => k));
      // one agent, m types, m decisions: v(d, a) chosen so that the rule "type k gets decision k" has gains w(a → b)
      const env: Environment = {
        agents: ["1"],
        types: [Array.from({ length: m }, (_, k) => `t${k}`)],
        decisions: Array.from({ length: m }, (_, k) => `d${k}`),
        valuation: [Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, d) => (d === a ? ZERO : weight(a, d))))],
      };
      const rule = Array.from({ length: m }, (_, k) => k);
      const lp = solve(epicTransfersLp(env, rule).model);
      expect(lp.status === "optimal").toBe(cyc === null);
      if (cyc === null) {
        const p = sectionPotentials(weight, m);
        expect(isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, rule), payments: p.map((x) => [x]) }).verdict).toBe("holds");
      }
    }
  });
});

describe("findExPostSelection", () => {
  for (const mode of ["none", "transfers"] as TransferMode[]) {
    it(`agrees with enumeration (${mode === "none" ? "isEPIC" : "exact transfers LP"}) on random SCCs (fixed seed)`, () => {
      let decided = 0;
      let yes = 0;
      for (const { env, scc } of fc.sample(smallCases, { seed: 5, numRuns: 250 })) {
        const bf = bruteForceExPostImplementable(env, scc, mode, mode === "none" ? 2000 : 200);
        const s = findExPostSelection(env, scc, mode);
        if (s.implementable) {
          const epic = isEPIC(env, selectionMechanism(env, s.selection));
          expect(epic.verdict).toBe("holds");
          s.selection.rule.forEach((d, th) => expect(scc.sets[th]).toContain(d));
        }
        if (bf === null) continue;
        decided++;
        if (bf.implementable) yes++;
        expect(s.implementable).toBe(bf.implementable);
      }
      expect(decided).toBeGreaterThan(100);
      expect(yes).toBeGreaterThan(10);
      expect(decided - yes).toBeGreaterThan(10);
    });
  }

  it("sectionPayments make any EPIC-able rule EPIC (cross-check with the LP)", () => {
    for (const { env, scc } of fc.sample(smallCases, { seed: 6, numRuns: 150 })) {
      const rule = scc.sets.map((s) => s[s.length - 1]!);
      const feasible = solve(epicTransfersLp(env, rule).model).status === "optimal";
      const sizes = typeSizes(env);
      let cycles = false;
      for (let i = 0; i < sizes.length; i++) {
        for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
          const choices = Array.from({ length: sizes[i]! }, (_, a) => rule[profileIndexOf(env, i, a, o)]!);
          if (sectionFailure(env, i, o, choices, "transfers") !== null) cycles = true;
        }
      }
      expect(feasible).toBe(!cycles);
      if (feasible) expect(isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, rule), payments: sectionPayments(env, rule) }).verdict).toBe("holds");
    }
  });
});

function profileIndexOf(env: Environment, i: number, a: number, o: number): number {
  // local re-implementation of sectionProfile (mixed radix, others in agent order)
  const sizes = typeSizes(env);
  const others: number[] = [];
  let r = o;
  const os = othersSizes(sizes, i);
  for (let k = os.length - 1; k >= 0; k--) {
    others.unshift(r % os[k]!);
    r = Math.floor(r / os[k]!);
  }
  const prof = sizes.map((_, j) => (j === i ? a : others[j < i ? j : j - 1]!));
  return prof.reduce((acc, x, j) => acc * sizes[j]! + x, 0);
}

describe("sections = test type spaces", () => {
  it("solveSection's refutation lists every candidate with a valid failure", () => {
    let refuted = 0;
    for (const { env, scc } of fc.sample(smallCases, { seed: 7, numRuns: 200 })) {
      for (const mode of ["none", "transfers"] as TransferMode[]) {
        const t = solveAllSections(env, scc, mode);
        if (t.ok) continue;
        refuted++;
        const r = t.refutation;
        const sizes = typeSizes(env);
        const expected = Array.from({ length: sizes[r.agent]! }, (_, a) => scc.sets[profileIndexOf(env, r.agent, a, r.others)]!.length).reduce((x, y) => x * y, 1);
        expect(r.candidates.length).toBe(expected);
        for (const c of r.candidates) {
          if (c.failure.kind === "deviation") {
            const g = sectionGain(env, r.agent, r.others, c.failure.trueType, c.choices[c.failure.trueType]!, c.choices[c.failure.report]!);
            expect(g.equals(c.failure.gain) && g.compare(ZERO) > 0).toBe(true);
          } else {
            const ts = c.failure.cycle.types;
            let s = ZERO;
            for (let k = 0; k < ts.length; k++) s = s.add(sectionGain(env, r.agent, r.others, ts[k]!, c.choices[ts[k]!]!, c.choices[ts[(k + 1) % ts.length]!]!));
            expect(s.equals(c.failure.cycle.total) && s.compare(ZERO) > 0).toBe(true);
          }
        }
        // and then F has no EPIC selection
        expect(findExPostSelection(env, scc, mode).implementable).toBe(false);
      }
    }
    expect(refuted).toBeGreaterThan(20);
  });

  it("a section solution's payments satisfy the section's IC constraints", () => {
    for (const { env, scc } of fc.sample(smallCases, { seed: 8, numRuns: 200 })) {
      const sizes = typeSizes(env);
      for (let i = 0; i < sizes.length; i++) {
        for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
          const v = solveSection(env, scc, i, o, "transfers");
          if (!v.ok) continue;
          const { choices, payments } = v.solution;
          for (let a = 0; a < choices.length; a++) for (let b = 0; b < choices.length; b++) {
            if (a === b) continue;
            expect(payments[b]!.sub(payments[a]!).compare(sectionGain(env, i, o, a, choices[a]!, choices[b]!))).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
  });
});

describe("propagate (arc consistency, no money)", () => {
  it("is sound: a wipe-out only when no EPIC selection exists, and every EPIC selection stays in the reduced domains", () => {
    let wiped = 0;
    const arb = nonSeparableEnvironment({ minTypes: 2, maxTypes: 2, maxPublic: 1, maxValue: 5 }).map((s) => ({ env: s.env, scc: s.scc as SocialChoiceCorrespondence }));
    for (const { env, scc } of [...fc.sample(smallCases, { seed: 9, numRuns: 200 }), ...fc.sample(arb, { seed: 10, numRuns: 200 })]) {
      const p = propagate(env, scc);
      const s = findExPostSelection(env, scc, "none");
      if (p.wipedOut) {
        wiped++;
        expect(s.implementable).toBe(false);
      } else if (s.implementable) {
        s.selection.rule.forEach((d, th) => expect(p.domains[th]).toContain(d));
      }
    }
    expect(wiped).toBeGreaterThan(10);
  });
});
