// The LP rows the concepts build, read back row by row against hand-derived coefficients:
// the BCE obedience constraints (bayes.ts) and the transfer-existence LPs (transfers.ts).
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { bceConstraints } from "../../../src/concepts/bayes.ts";
import { dsicTransfersLp, epicTransfersLp } from "../../../src/concepts/transfers.ts";
import { LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import type { Environment, HarsanyiTypeSpace, IndirectMechanism } from "../../../src/model/environment.ts";
import { caught } from "../support.ts";

const Qs = (...xs: (number | string)[]) => xs.map((x) => q(x));
/** A row as "name sense rhs: var:coef …" with variable names. */
const rowText = (m: LpModel, name: string) => {
  const r = m.rows.find((x) => x.name === name);
  if (!r) return undefined;
  return `${r.sense} ${r.rhs.toFraction()}: ${r.terms.map((t) => `${m.variables[t.var]!.name}:${t.coef.toFraction()}`).join(" ")}`;
};

describe("bceConstraints on a hand-solved game", () => {
  // Payoff environment: A has payoff types lo/hi, B one type: two states s0 = (lo, z), s1 = (hi, z).
  // v_A(D1, s0) = 1, v_A(D1, s1) = 3, v_A(D0, ·) = 0; v_B(D0, s0) = 2, v_B(D0, s1) = 3, v_B(D1, ·) = 0.
  const env: Environment = {
    agents: ["A", "B"],
    types: [["lo", "hi"], ["z"]],
    decisions: ["D0", "D1"],
    valuation: [
      [Qs(0, 1), Qs(0, 3)],
      [Qs(2, 0), Qs(3, 0)],
    ],
  };
  // Actions A: U (0), D (1); B: L (0), R (1); profile index a = 2·a_A + a_B.
  // Outcome D1 iff A plays D; B pays 1 when it plays R. So u_A(a, s) = [a_A = D]·v_A(D1, s),
  // u_B(a, s) = [a_A = U]·v_B(D0, s) − [a_B = R].
  const mech: IndirectMechanism = {
    kind: "indirect",
    actions: [["U", "D"], ["L", "R"]],
    outcome: [Qs(1, 0), Qs(1, 0), Qs(0, 1), Qs(0, 1)],
    payments: [Qs(0, 0), Qs(0, 1), Qs(0, 0), Qs(0, 1)],
  };
  // Type space: A's types a, b; B's type c. Beliefs[i][t_i][k·|S| + s].
  const ts: HarsanyiTypeSpace = {
    agents: ["A", "B"],
    types: [["a", "b"], ["c"]],
    states: ["s0", "s1"],
    beliefs: [
      [Qs(1, 0), Qs("1/3", "2/3")],
      [Qs("1/8", "1/4", "3/8", "1/4")],
    ],
  };
  const build = (prefix?: string) => {
    const b = new LpBuilder("min");
    const vars = prefix === undefined ? bceConstraints(b, env, mech, ts) : bceConstraints(b, env, mech, ts, prefix);
    return { vars, model: b.build() };
  };

  it("one variable σ(a | t, s) ∈ [0, 1] per type profile, state and action profile, named by indices", () => {
    const { vars, model } = build();
    // 2 type profiles × 2 states × 4 action profiles
    expect(model.variables.length).toBe(16);
    expect(model.variables.every((v) => v.lower!.toFraction() === "0" && v.upper!.toFraction() === "1")).toBe(true);
    expect(model.variables.slice(0, 5).map((v) => v.name)).toEqual(["sigma[t=0,0;s=0;a=0,0]", "sigma[t=0,0;s=0;a=0,1]", "sigma[t=0,0;s=0;a=1,0]", "sigma[t=0,0;s=0;a=1,1]", "sigma[t=0,0;s=1;a=0,0]"]);
    expect(model.variables[15]!.name).toBe("sigma[t=1,0;s=1;a=1,1]");
    expect(vars.sigma(1, 0, 2)).toBe(10);
    expect(model.variables[vars.sigma(1, 0, 2)]!.name).toBe("sigma[t=1,0;s=0;a=1,0]");
  });

  it("Σ_a σ(a | t, s) = 1 for every (t, s)", () => {
    const { vars, model } = build();
    expect(vars.probabilityRows).toEqual(["bce-prob[t=0,0;s=0]", "bce-prob[t=0,0;s=1]", "bce-prob[t=1,0;s=0]", "bce-prob[t=1,0;s=1]"]);
    expect(rowText(model, "bce-prob[t=1,0;s=0]")).toBe("= 1: sigma[t=1,0;s=0;a=0,0]:1 sigma[t=1,0;s=0;a=0,1]:1 sigma[t=1,0;s=0;a=1,0]:1 sigma[t=1,0;s=0;a=1,1]:1");
  });

  it("obedience rows: one per agent, type and (recommended, deviation) pair, with weight × utility gain", () => {
    const { vars, model } = build();
    expect(vars.obedienceRows).toEqual([
      "bce-obey[i=0;t=0;a=0>1]",
      "bce-obey[i=0;t=0;a=1>0]",
      "bce-obey[i=0;t=1;a=0>1]",
      "bce-obey[i=0;t=1;a=1>0]",
      "bce-obey[i=1;t=0;a=0>1]",
      "bce-obey[i=1;t=0;a=1>0]",
    ]);
    expect(model.rows.length).toBe(4 + 6);
    // A of type a believes s0 for sure (s1 has weight 0): U → D gains v_A(D1, s0) = 1 whatever B does
    expect(rowText(model, "bce-obey[i=0;t=0;a=0>1]")).toBe("<= 0: sigma[t=0,0;s=0;a=0,0]:1 sigma[t=0,0;s=0;a=0,1]:1");
    expect(rowText(model, "bce-obey[i=0;t=0;a=1>0]")).toBe("<= 0: sigma[t=0,0;s=0;a=1,0]:-1 sigma[t=0,0;s=0;a=1,1]:-1");
    // A of type b: s0 w.p. 1/3 (gain 1), s1 w.p. 2/3 (gain 3): coefficients 1/3 and 2
    expect(rowText(model, "bce-obey[i=0;t=1;a=0>1]")).toBe("<= 0: sigma[t=1,0;s=0;a=0,0]:1/3 sigma[t=1,0;s=0;a=0,1]:1/3 sigma[t=1,0;s=1;a=0,0]:2 sigma[t=1,0;s=1;a=0,1]:2");
    expect(rowText(model, "bce-obey[i=0;t=1;a=1>0]")).toBe("<= 0: sigma[t=1,0;s=0;a=1,0]:-1/3 sigma[t=1,0;s=0;a=1,1]:-1/3 sigma[t=1,0;s=1;a=1,0]:-2 sigma[t=1,0;s=1;a=1,1]:-2");
    // B (type c) believes (a, s0) 1/8, (a, s1) 1/4, (b, s0) 3/8, (b, s1) 1/4; L → R costs 1, R → L saves 1
    expect(rowText(model, "bce-obey[i=1;t=0;a=0>1]")).toBe(
      "<= 0: sigma[t=0,0;s=0;a=0,0]:-1/8 sigma[t=0,0;s=0;a=1,0]:-1/8 sigma[t=0,0;s=1;a=0,0]:-1/4 sigma[t=0,0;s=1;a=1,0]:-1/4 sigma[t=1,0;s=0;a=0,0]:-3/8 sigma[t=1,0;s=0;a=1,0]:-3/8 sigma[t=1,0;s=1;a=0,0]:-1/4 sigma[t=1,0;s=1;a=1,0]:-1/4",
    );
    expect(rowText(model, "bce-obey[i=1;t=0;a=1>0]")).toBe(
      "<= 0: sigma[t=0,0;s=0;a=0,1]:1/8 sigma[t=0,0;s=0;a=1,1]:1/8 sigma[t=0,0;s=1;a=0,1]:1/4 sigma[t=0,0;s=1;a=1,1]:1/4 sigma[t=1,0;s=0;a=0,1]:3/8 sigma[t=1,0;s=0;a=1,1]:3/8 sigma[t=1,0;s=1;a=0,1]:1/4 sigma[t=1,0;s=1;a=1,1]:1/4",
    );
  });

  it("a prefix goes in front of every variable and row name", () => {
    const { vars, model } = build("g:");
    expect(model.variables[0]!.name).toBe("g:sigma[t=0,0;s=0;a=0,0]");
    expect(vars.probabilityRows[0]).toBe("g:bce-prob[t=0,0;s=0]");
    expect(vars.obedienceRows[5]).toBe("g:bce-obey[i=1;t=0;a=1>0]");
  });

  it("the environment, mechanism and type space are validated first", () => {
    const e = caught(() => bceConstraints(new LpBuilder("min"), env, mech, { ...ts, states: ["s0"] }));
    expect(e.code).toBe("wrong-length");
    const e2 = caught(() => bceConstraints(new LpBuilder("min"), env, { ...mech, outcome: mech.outcome.slice(0, 3) }, ts));
    expect(e2.code).toBe("wrong-length");
  });
});

describe("transfer LPs on a hand-made environment", () => {
  // A: types a0, a1; B: types b0, b1, b2; profile θ = 3·t_A + t_B. The rule picks D1 iff A is a1.
  // v_A(D1, θ) = w(t_B) with w = (0, 2, 1) — the largest in the middle; v_A(D0) = 0; B indifferent.
  // Reservations: A of type a0 needs 1, everything else 0.
  const w = [0, 2, 1];
  const env: Environment = {
    agents: ["A", "B"],
    types: [["a0", "a1"], ["b0", "b1", "b2"]],
    decisions: ["D0", "D1"],
    valuation: [Array.from({ length: 6 }, (_, th) => Qs(0, w[th % 3]!)), Array.from({ length: 6 }, () => Qs(0, 0))],
    reservation: [Qs(1, 0), Qs(0, 0, 0)],
  };
  const rule = [0, 0, 0, 1, 1, 1];

  it("payment columns p_i(θ), free, profile by profile; a pure feasibility LP (min, no objective)", () => {
    const { model, payment } = dsicTransfersLp(env, rule);
    expect(model.direction).toBe("min");
    expect(model.objective).toEqual([]);
    expect(model.variables.map((v) => v.name)).toEqual(["p[i=0;θ=0,0]", "p[i=1;θ=0,0]", "p[i=0;θ=0,1]", "p[i=1;θ=0,1]", "p[i=0;θ=0,2]", "p[i=1;θ=0,2]", "p[i=0;θ=1,0]", "p[i=1;θ=1,0]", "p[i=0;θ=1,1]", "p[i=1;θ=1,1]", "p[i=0;θ=1,2]", "p[i=1;θ=1,2]"]);
    expect(model.variables.every((v) => v.lower === null && v.upper === null)).toBe(true);
    expect(payment(1, 4)).toBe(9);
  });

  it("DSIC: one row per (i, others' report, true type, misreport), named by the truthful report profile; rhs the largest gain over the others' true types", () => {
    const { model } = dsicTransfersLp(env, rule);
    // A: 3 reports of B × 2 ordered type pairs; B: 2 reports of A × 6 ordered pairs
    expect(model.rows.length).toBe(6 + 12);
    expect(model.rows.slice(0, 2).map((r) => r.name)).toEqual(["dsic[i=0;r=0,0;θi=0>1]", "dsic[i=0;r=1,0;θi=1>0]"]);
    // a0 → a1 turns D0 into D1: gain w(o) over B's true type o, largest 2 (the middle one)
    expect(rowText(model, "dsic[i=0;r=0,1;θi=0>1]")).toBe(">= 2: p[i=0;θ=0,1]:-1 p[i=0;θ=1,1]:1");
    // a1 → a0 turns D1 into D0: gains −w(o) = 0, −2, −1, largest 0 (the first)
    expect(rowText(model, "dsic[i=0;r=1,2;θi=1>0]")).toBe(">= 0: p[i=0;θ=0,2]:1 p[i=0;θ=1,2]:-1");
    // B is indifferent
    expect(rowText(model, "dsic[i=1;r=1,2;θi=2>1]")).toBe(">= 0: p[i=1;θ=1,1]:1 p[i=1;θ=1,2]:-1");
    expect(model.rows.every((r) => r.sense === ">=" && r.terms.length === 2)).toBe(true);
  });

  it("EPIC: one row per (i, true profile, misreport), rhs the gain at the true profile", () => {
    const { model } = epicTransfersLp(env, rule);
    expect(model.rows.length).toBe(6 + 12);
    // A at (a0, b1) reporting a1: gain w(1) = 2
    expect(rowText(model, "epic[i=0;θ=0,1;r=1,1]")).toBe(">= 2: p[i=0;θ=0,1]:-1 p[i=0;θ=1,1]:1");
    expect(rowText(model, "epic[i=0;θ=1,2;r=0,2]")).toBe(">= -1: p[i=0;θ=0,2]:1 p[i=0;θ=1,2]:-1");
  });

  it("optional ex post IR (−p_i(θ) ≥ r_i(θ_i) − v_i(f(θ), θ)) and budget balance (Σ_i p_i(θ) = 0) rows", () => {
    const plain = dsicTransfersLp(env, rule).model;
    const { model } = dsicTransfersLp(env, rule, { expostIR: true, budgetBalanced: true });
    expect(model.rows.length).toBe(plain.rows.length + 12 + 6);
    expect(rowText(model, "ir[i=0;θ=0,2]")).toBe(">= 1: p[i=0;θ=0,2]:-1");
    expect(rowText(model, "ir[i=0;θ=1,1]")).toBe(">= -2: p[i=0;θ=1,1]:-1");
    expect(rowText(model, "ir[i=1;θ=1,1]")).toBe(">= 0: p[i=1;θ=1,1]:-1");
    expect(rowText(model, "bb[θ=1,2]")).toBe("= 0: p[i=0;θ=1,2]:1 p[i=1;θ=1,2]:1");
    expect(epicTransfersLp(env, rule, { expostIR: true }).model.rows.length).toBe(18 + 12);
  });
});
