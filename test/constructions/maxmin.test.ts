/**
 * Maxmin constructions ([BrooksMaxmin2023]): guarantee / potential LPs, the
 * local-multiplier bounding programs and the bridge. Expected values are derived by hand in the
 * comments, never read off the code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ONE, q, type Q, ZERO } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { bceMin, type DesignProblem, type FiniteMechanism, guarantee, interimViolation, obedienceViolation, participationSecurityViolation, potential, trivialTypeSpace } from "../../src/robust/maxmin.ts";
import { adjointMismatch, complementarySlackness, nablaMinus, nablaPlus, nablaTildePlus, seedGrid, solveIvo, solveSvoMinus, solveSvoPlus, summationByPartsGap } from "../../src/robust/maxminBounds.ts";
import { bridgeProblem, type BridgeOutcome } from "../../src/robust/maxminBridge.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));

/** One agent, one state, X = {x0: u = 0, w = 0; x1: u = −1, w = 5}. */
const forced: DesignProblem = { agents: 1, states: ["θ"], mu: [ONE], outcomes: ["x0", "x1"], utility: [[Qs(0, -1)]], designer: [Qs(0, 5)] };

describe("guarantee and potential", () => {
  it("without participation security weak duality fails: forcing x1 guarantees 5 while the potential is 0", () => {
    const m: FiniteMechanism = { actions: [["a0"]], g: [Qs(0, 1)] };
    expect(participationSecurityViolation(forced, m)).not.toBeNull();
    // the only BCE plays a0, outcome x1: welfare 5; the potential's IR forbids x1 (u = −1 < 0): 0.
    expect(guarantee(forced, m).value.equals(5)).toBe(true);
    expect(potential(forced, trivialTypeSpace(forced)).value.equals(0)).toBe(true);
  });

  it("with an opt-out action the agent avoids x1: guarantee 0 = potential", () => {
    const m: FiniteMechanism = { actions: [["out", "in"]], g: [Qs(1, 0), Qs(0, 1)] };
    expect(participationSecurityViolation(forced, m)).toBeNull();
    // obedience forbids recommending "in" (−1 < 0 from "out"), so every BCE plays "out": welfare 0.
    const G = guarantee(forced, m);
    expect(G.value.equals(0)).toBe(true);
    expect(obedienceViolation(forced, m, trivialTypeSpace(forced), G.sigma)).toBeNull();
  });

  it("a two-state example: information on (T, π) raises the BCE minimum above the guarantee", () => {
    // One agent, states L, H (½ each); x1 gives u = +1 at H, −1 at L; w(x1) = 1, w(x0) = 0.
    // Mechanism {out → x0, in → x1}. Basic game: recommending "out" always is obedient ("in" is
    // worth 0 in expectation), welfare 0: guarantee 0. On the type space where the agent knows θ,
    // obedience at type H forbids "out" (x1 is strictly better), so every BCE plays "in" at H:
    // min ½. The potential there is also ½ (x1 at H only; IR at L forbids x1).
    const p: DesignProblem = { agents: 1, states: ["L", "H"], mu: Qs("1/2", "1/2"), outcomes: ["x0", "x1"], utility: [[Qs(0, -1), Qs(0, 1)]], designer: [Qs(0, 1), Qs(0, 1)] };
    const m: FiniteMechanism = { actions: [["out", "in"]], g: [Qs(1, 0), Qs(0, 1)] };
    const informed = { types: [["tL", "tH"]], prior: Qs("1/2", 0, 0, "1/2") };
    expect(guarantee(p, m).value.equals(0)).toBe(true);
    const B = bceMin(p, m, informed);
    expect(B.value.equals(q("1/2"))).toBe(true);
    const P = potential(p, informed);
    expect(P.value.equals(q("1/2"))).toBe(true);
    expect(interimViolation(p, informed, P.direct)).toBeNull();
  });
});

describe("local-multiplier bounds", () => {
  const half = q("1/2");
  it("stencils on K = 2, Δ = 1/2 match the notes' definitions", () => {
    const g = { K: 2, delta: half };
    const show = (s: readonly (readonly [number, Q])[]) => s.map(([t, c]) => `${t}:${c.toFraction()}`).join(" ");
    // ∇⁻: bottom g(0)/Δ; interior [g(1) − g(0)]/Δ; top g(2) − g(1)
    expect(show(nablaMinus([3], g, 0, 0))).toBe("0:2");
    expect(show(nablaMinus([3], g, 0, 1))).toBe("1:2 0:-2");
    expect(show(nablaMinus([3], g, 0, 2))).toBe("2:1 1:-1");
    // ∇̃⁺: at K − 1 = 1: π(2) − π(1)/Δ; at 0: [π(1) − π(0)]/Δ; top: −π(2)
    expect(show(nablaTildePlus([3], g, 0, 0))).toBe("1:2 0:-2");
    expect(show(nablaTildePlus([3], g, 0, 1))).toBe("2:1 1:-2");
    expect(show(nablaTildePlus([3], g, 0, 2))).toBe("2:-1");
    // ∇⁺: [g(a+1) − g(a)]/Δ below the top, 0 at the top
    expect(show(nablaPlus([3], g, 0, 1))).toBe("2:2 1:-2");
    expect(nablaPlus([3], g, 0, 2)).toEqual([]);
    expect(seedGrid("1/2")).toEqual({ K: 4, delta: half });
  });

  it("one agent, one state, x1 bad for the agent, good for the designer: every bound is 0", () => {
    // IVO (K = 1, Δ = 1): IVO(x1, 0) = π(1), IVO(x1, 1) = 0, so the min puts π on t = 0: value 0.
    // SVO⁺: p.s. at a = 0 forces g(x1|0) = 0, then λ ≤ min(−g(x1|1), g(x1|1)) ≤ 0: value 0.
    const p: DesignProblem = { agents: 1, states: ["θ"], mu: [ONE], outcomes: ["x0", "x1"], utility: [[Qs(0, -1)]], designer: [Qs(0, 1)] };
    const grid = { K: 1, delta: ONE };
    expect(adjointMismatch(p, grid)).toBeNull();
    const ivo = solveIvo(p, grid);
    const svoM = solveSvoMinus(p, grid);
    const svoP = solveSvoPlus(p, grid);
    expect([ivo.value, svoM.value, svoP.value].map((x) => x.toFraction())).toEqual(["0", "0", "0"]);
    const cs = complementarySlackness(p, grid, ivo, svoM);
    expect(cs.infeasible).toEqual([]);
    expect(cs.nonzero).toEqual([]);
    expect(summationByPartsGap(p, grid, ivo.pi, svoM.g).equals(ZERO)).toBe(true);
  });

  it("two agents on the notes' grid Δ = 1/2: IVO = SVO⁻ and SVO⁺ ≤ IVO", () => {
    const p: DesignProblem = {
      agents: 2,
      states: ["θ1", "θ2"],
      mu: Qs("1/3", "2/3"),
      outcomes: ["x0", "x1", "x2"],
      utility: [
        [Qs(0, 2, -1), Qs(0, -1, 1)],
        [Qs(0, -2, 1), Qs(0, 1, 2)],
      ],
      designer: [Qs(0, 3, 1), Qs(1, -1, 2)],
    };
    const grid = { K: 2, delta: half };
    expect(adjointMismatch(p, grid)).toBeNull();
    const ivo = solveIvo(p, grid);
    const svoM = solveSvoMinus(p, grid);
    expect(ivo.value.equals(svoM.value)).toBe(true);
    const cs = complementarySlackness(p, grid, ivo, svoM);
    expect(cs.nonzero).toEqual([]);
    expect(solveSvoPlus(p, grid).value.compare(ivo.value)).toBeLessThanOrEqual(0);
  });
});

describe("bridge", () => {
  // N = 2, c = 1, v = 3/4: equal shares 1/2 each give v − 1/2 = 1/4 > 0; Nv − c = 1/2.
  const v = q("3/4");
  const c = ONE;
  const outcomes: BridgeOutcome[] = [
    { build: false, shares: [ZERO, ZERO] },
    { build: true, shares: Qs("1/2", "1/2") },
  ];
  it("seed reading: 'always build, equal shares' is participation secure with guarantee Nv − c", () => {
    const p = bridgeProblem({ N: 2, v, c, outcomes, reading: "seed" });
    const m: FiniteMechanism = { actions: [["a0"], ["a0"]], g: [Qs(0, 1)] };
    expect(participationSecurityViolation(p, m)).toBeNull();
    expect(guarantee(p, m).value.equals(q("1/2"))).toBe(true);
  });
  it("worthless reading: the same mechanism is not participation secure (pays 1/2 for nothing)", () => {
    const p = bridgeProblem({ N: 2, v, c, outcomes, reading: "worthless" });
    const m: FiniteMechanism = { actions: [["a0"], ["a0"]], g: [Qs(0, 1)] };
    const viol = participationSecurityViolation(p, m);
    expect(viol?.state).toBe(1);
    expect(viol?.utility.equals(q("-1/2"))).toBe(true);
    // the potential of the complete-information type space is Nv − c = 1/2 (equal shares are IR)
    expect(potential(p, trivialTypeSpace(p)).value.equals(q("1/2"))).toBe(true);
  });
});
