/**
 * The equivalent-BIC LP ([BernardMD3, Prop 7.11's notion of equivalence]): infeasible with a verified
 * Farkas certificate when two types share a belief and one of them is paid to lie; feasible (and
 * re-checked BIC, same interim payments) on [BernardMD3]'s *Auction of an Indivisible Good*.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { conditionalBeliefs, interimUtility, isBIC } from "../../src/concepts/index.ts";
import { equivalentBic } from "../../src/beliefs/equivalentBic.ts";
import { q, ZERO, ONE } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { auctionOfAnIndivisibleGood, fullInformationMechanism } from "../../src/beliefs/cremerMcLean.ts";
import type { Beliefs, DirectMechanism, Environment } from "../../src/model/environment.ts";

beforeAll(async () => {
  await loadLpEngine();
});

describe("equivalentBic", () => {
  it("independent types (CM fails), type a paid 1 to report b: no equivalent BIC mechanism", () => {
    const env: Environment = { agents: ["1", "2"], types: [["a", "b"], ["x", "y"]], decisions: ["d"], valuation: [[[ZERO], [ZERO], [ZERO], [ZERO]], [[ZERO], [ZERO], [ZERO], [ZERO]]] };
    const beliefs: Beliefs = { kind: "common-prior", prior: ["1/4", "1/4", "1/4", "1/4"].map((x) => q(x)) };
    // profiles (a,x), (a,y), (b,x), (b,y): agent 1 pays 0 after a, −1 after b
    const mech: DirectMechanism = { kind: "direct", allocation: [[ONE], [ONE], [ONE], [ONE]], payments: [[ZERO, ZERO], [ZERO, ZERO], [q(-1), ZERO], [q(-1), ZERO]] };
    const cond = conditionalBeliefs(env, beliefs).map((r) => r.map((b) => b!));
    const r = equivalentBic(env, cond, mech);
    expect(r.exists).toBe(false);
    if (!r.exists) expect(r.agent).toBe(0);
  });

  it("Auction of an Indivisible Good (CM holds): the full-information auction has an equivalent BIC version", () => {
    const ex = auctionOfAnIndivisibleGood();
    const beliefs: Beliefs = { kind: "common-prior", prior: ex.prior };
    const cond = conditionalBeliefs(ex.env, beliefs).map((r) => r.map((b) => b!));
    const fi = fullInformationMechanism(ex.env);
    const r = equivalentBic(ex.env, cond, fi);
    expect(r.exists).toBe(true);
    if (!r.exists) return;
    const m2: DirectMechanism = { kind: "direct", allocation: fi.allocation, payments: r.payments };
    expect(isBIC(ex.env, m2, beliefs).verdict).toBe("holds");
    for (let i = 0; i < 2; i++) for (let t = 0; t < 3; t++) expect(interimUtility(ex.env, m2, i, t, t, cond[i]![t]!).equals(interimUtility(ex.env, fi, i, t, t, cond[i]![t]!))).toBe(true);
  });
});
