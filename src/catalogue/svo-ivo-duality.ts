/**
 * `svo-ivo-duality` — [BrooksMaxmin2023], slides *"Almost" a dual pair* and
 * *Complementary slackness* (with *Local multipliers for the potential*, *Local multipliers for
 * guarantee*, *Revisiting participation security*, *Simplifying a bit further*).
 *
 * What the seed says, and what is transcribed. The slide's exact claim is that the min-potential
 * upper bound (IVO: min over π of the expected highest informational virtual objective) is
 * **exactly** the LP dual of the program obtained by switching the order of moves (SVO⁻: max over g
 * of the expected minimum strategic virtual objective with the *backward* difference ∇⁻), with π the
 * multiplier of the λ-rows and g the multiplier of the γ-rows, and that complementary slackness
 * holds. The max-guarantee lower bound (SVO⁺: *forward* difference ∇⁺, lowest action participation
 * secure) is only "almost" its dual — the title's "almost". The catalogue line "the discretized
 * max-guarantee (SVO) and min-potential (IVO) bounding LPs are LP duals: equal values" is therefore
 * read as the seed states it: SVO⁻ and IVO are duals with equal values (strong duality) and a
 * complementary slackness certificate; for SVO⁺ the seed only gives weak duality, transcribed as the
 * sandwich SVO⁺ ≤ guarantee(g⁺) ≤ potential(T_grid, π*) ≤ IVO (src/constructions/maxminBounds.ts
 * derives each step). Whether SVO⁺ = IVO is reported as a tag, not asserted (it is not claimed).
 *
 * Finite transcription. Finite primitives with an outside option (src/constructions/maxminCases.ts),
 * N ≤ 2 agents, grids {0, Δ, …, KΔ} with (K, Δ) ∈ {1, 2} × {2, 1, 1/2, 1/3} and the seed's own
 * grid K = 1/Δ² at Δ = 1/2 (the formulas reconstructed from the extraction are in
 * src/constructions/maxminBounds.ts). The check
 *  (a) proves the summation by parts (∇̃⁺ is the adjoint of −∇⁻, incl. the top and bottom cases) by
 *      comparing every coefficient of the bilinear forms;
 *  (b) solves IVO and SVO⁻ as two separately built exact LPs and requires equal values;
 *  (c) checks complementary slackness exactly from the two primal solutions: every product
 *      π(θ,t)·(SVO⁻(θ,t) − λ(θ)) and g(x|t)·(γ(t) − IVO(x,t)) is 0, both solutions primal feasible;
 *  (d) solves SVO⁺ and the two exact LPs of `maxmin-weak-duality` at its optimal mechanism g⁺ and at
 *      IVO's optimal type space π*, and requires SVO⁺ ≤ guarantee(g⁺) ≤ potential(π*) ≤ IVO, with
 *      g⁺ participation secure.
 */
import fc from "fast-check";
import { guarantee, participationSecurityViolation, potential } from "../robust/maxmin.ts";
import { adjointMismatch, complementarySlackness, gridMechanism, gridTypeSpace, type LocalGrid, seedGrid, solveIvo, solveSvoMinus, solveSvoPlus } from "../robust/maxminBounds.ts";
import { decodeProblem, designProblemArb, encodeProblem } from "../robust/maxminCases.ts";
import type { DesignProblem } from "../robust/maxmin.ts";
import { q, qstr } from "../exact/rational.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { firstSample } from "./support/controlsSectionsAB.ts";

export interface SvoIvoCase {
  readonly problem: DesignProblem;
  readonly grid: LocalGrid;
}

const grids: fc.Arbitrary<LocalGrid> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ K: fc.integer({ min: 1, max: 2 }), delta: fc.constantFrom("1", "1/2", "1/3", "2").map((d) => q(d)) }) },
  { weight: 1, arbitrary: fc.constant(seedGrid("1/2")) },
);

export const svoIvoDuality: Theorem<SvoIvoCase> = {
  id: "svo-ivo-duality",
  kind: "theorem",
  source: "[BrooksMaxmin2023, \"Almost\" a dual pair, Complementary slackness]",
  statement:
    "Finite primitives, grid {0, Δ, …, KΔ}: the min-potential bound (IVO) and the switched-order bound (SVO⁻) are LP duals — equal exact values, complementary slackness products exactly 0, summation by parts exact — and the max-guarantee bound is only almost dual: SVO⁺ ≤ guarantee(g⁺) ≤ potential(π*) ≤ IVO.",
  arbitrary: fc.record({ problem: designProblemArb(), grid: grids }).filter((c) => c.problem.agents === 1 || (c.grid.K === 1 || (c.grid.K === 2 && c.problem.states.length === 1))),
  check: (x) => checkSvoIvo(x),
  codec: {
    encode: (c) => ({ problem: encodeProblem(c.problem), grid: { K: c.grid.K, delta: qstr(c.grid.delta) } }),
    decode: (j: any) => ({ problem: decodeProblem(j.problem), grid: { K: Number(j.grid.K), delta: q(String(j.grid.delta)) } }),
  },
  defaultRuns: 200,
  negativeControls: [
    {
      name: "IVO value off by 1/7",
      why: "the min-potential LP's optimal value raised by 1/7 (as a wrongly solved or wrongly built IVO would report) must break the equality with its dual SVO⁻ on the first generated case (fixed seed)",
      input: () => firstSample(svoIvoDuality.arbitrary, () => true, "any case"),
      check: (x) => checkSvoIvo(x, { solveIvo: (p, g) => { const r = solveIvo(p, g); return { ...r, value: r.value.add(q(1).div(7)) }; } }),
    },
  ],
};

/** The check, with the IVO solver as a parameter (default: solveIvo, exact). */
export function checkSvoIvo({ problem, grid }: SvoIvoCase, variant: { solveIvo?: typeof solveIvo } = {}): CheckResult {
  const adj = adjointMismatch(problem, grid);
  if (adj !== null) return { ok: false, violation: { adjoint: { ...adj, left: qstr(adj.left), right: qstr(adj.right) } }, message: `summation by parts fails at θ=${adj.state}, t=${adj.t}, t′=${adj.t2}, x=${adj.x}` };
  const ivo = (variant.solveIvo ?? solveIvo)(problem, grid);
  const svoM = solveSvoMinus(problem, grid);
  if (!ivo.value.equals(svoM.value)) return { ok: false, violation: { ivo: qstr(ivo.value), svoMinus: qstr(svoM.value) }, message: `IVO = ${qstr(ivo.value)} ≠ SVO⁻ = ${qstr(svoM.value)}: not a dual pair` };
  const cs = complementarySlackness(problem, grid, ivo, svoM);
  if (cs.infeasible.length > 0 || cs.nonzero.length > 0) {
    return { ok: false, violation: { infeasible: cs.infeasible, nonzero: cs.nonzero.map((z) => ({ where: z.where, product: qstr(z.product) })) }, message: `complementary slackness fails: ${[...cs.infeasible, ...cs.nonzero.map((z) => z.where)].slice(0, 3).join("; ")}` };
  }
  const svoP = solveSvoPlus(problem, grid);
  const mech = gridMechanism(problem, grid, svoP.g);
  const ps = participationSecurityViolation(problem, mech);
  if (ps !== null) return { ok: false, violation: { ps }, message: "the SVO⁺ optimal mechanism is not participation secure" };
  const G = guarantee(problem, mech);
  const P = potential(problem, gridTypeSpace(problem, grid, ivo.pi));
  const chain = { svoPlus: qstr(svoP.value), guarantee: qstr(G.value), potential: qstr(P.value), ivo: qstr(ivo.value) };
  const steps: [string, string, boolean][] = [
    ["SVO⁺", "guarantee(g⁺)", svoP.value.compare(G.value) <= 0],
    ["guarantee(g⁺)", "potential(π*)", G.value.compare(P.value) <= 0],
    ["potential(π*)", "IVO", P.value.compare(ivo.value) <= 0],
  ];
  const bad = steps.find(([, , ok]) => !ok);
  if (bad) return { ok: false, violation: { chain }, message: `${bad[0]} > ${bad[1]} (${JSON.stringify(chain)})` };
  const coincide = svoP.value.equals(ivo.value);
  return {
    ok: true,
    tag: coincide ? "SVO⁺ = IVO: bounds coincide" : "SVO⁺ < IVO: almost-dual gap",
    certificate: { value: qstr(ivo.value), ...chain, pi: ivo.pi.map((r) => r.map(qstr)), g: svoM.g.map((r) => r.map(qstr)), lambda: svoM.lambda.map(qstr), gamma: ivo.gamma.map(qstr) },
  };

}
