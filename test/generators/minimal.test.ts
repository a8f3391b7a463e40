/**
 * Deliberately false properties whose minimal counterexample is known: fast-check's reported
 * (shrunk) counterexample must be exactly that minimum — agents shrink first, then types, then
 * decisions, then every number to its floor.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZERO, q } from "../../src/exact/rational.ts";
import * as G from "../../src/generators/index.ts";
import { canon } from "./helpers.ts";

const params = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

describe("shrinking reaches the known minimal counterexample", () => {
  it('"no environment has 2 agents with 3 types each" shrinks to exactly 2 agents × 3 types, 1 decision, all values 0', () => {
    const res = fc.check(
      fc.property(G.interdependentValuesEnvironment({ maxAgents: 3, maxTypes: 4 }), (env) => !(env.agents.length >= 2 && env.types.every((t) => t.length >= 3))),
      params,
    );
    expect(res.failed).toBe(true);
    const [env] = res.counterexample!;
    expect(env.agents).toEqual(["1", "2"]);
    expect(env.types).toEqual([
      ["t1", "t2", "t3"],
      ["t1", "t2", "t3"],
    ]);
    expect(env.decisions).toEqual(["d1"]);
    expect(env.valuation.flat(2).every((x) => x.compare(ZERO) === 0)).toBe(true);
    expect(env.valuation.flat(2)).toHaveLength(2 * 9);
  });

  it('"every private-values env has a decision worth < 3 to agent 1 at some profile" shrinks to 1 agent, 1 type, 1 decision, value 3', () => {
    const res = fc.check(
      fc.property(G.privateValuesEnvironment(), (env) => env.valuation[0]!.some((row) => row.some((x) => x.compare(3) < 0))),
      params,
    );
    expect(res.failed).toBe(true);
    const [env] = res.counterexample!;
    expect(canon(env)).toBe(canon({ agents: ["1"], types: [["t1"]], decisions: ["d1"], valuation: [[[q(3)]]] }));
  });

  it('"no auction has a bidder who can value the good at 3" shrinks to 1 bidder on the grid {1, 2, 3}', () => {
    const res = fc.check(fc.property(G.singleObjectAuction({ maxAgents: 3, maxTypes: 5 }), (env) => env.typeValues!.every((g) => g.every((v) => v.compare(3) < 0))), params);
    expect(res.failed).toBe(true);
    const [env] = res.counterexample!;
    expect(env.agents).toEqual(["1"]);
    expect(env.types).toEqual([["1", "2", "3"]]);
    expect(env.decisions).toEqual(["bidder 1 wins", "no sale"]);
  });

  it('"the buyer\'s lowest value is always strictly above the seller\'s lowest value" shrinks to the grids {0} and {0}', () => {
    const res = fc.check(fc.property(G.bilateralTrade(), (env) => env.typeValues![0]![0]!.compare(env.typeValues![1]![0]!) > 0), params);
    expect(res.failed).toBe(true);
    const [env] = res.counterexample!;
    expect(env.types).toEqual([["0"], ["0"]]);
  });

  it('"no lottery mechanism ever sells to bidder 2" shrinks to the point mass on the first decision elsewhere and the least mass needed', () => {
    const env = G.auctionEnvironment([1, 1]);
    const res = fc.check(fc.property(G.randomDirectMechanism(env), (m) => m.allocation[0]![1]!.n === 0n), params);
    expect(res.failed).toBe(true);
    const [m] = res.counterexample!;
    // minimal: one grid step (1/6) moved from "bidder 1 wins" to "bidder 2 wins", no sale 0, payments 0
    expect(m.allocation[0]!.map((x) => x.toFraction())).toEqual(["5/6", "1/6", "0"]);
    expect(m.payments.flat().every((x) => x.n === 0n)).toBe(true);
  });
});
