/**
 * The nine seeded bugs that once survived both `mechcheck check` and `npm test` (issue 10), each
 * killed by a test here that names it (`// kills:`), plus the final-verify one in
 * test/lp/solve-final-verify.test.ts (it mocks certify.ts, so it needs its own file). Each test was
 * checked by applying its mutant and watching it fail (list in the report).
 */
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isDSIC } from "../../src/concepts/index.ts";
import { q, ZERO } from "../../src/exact/rational.ts";
import { privateValuesEnvironment, sampleWithSeed } from "../../src/generators/index.ts";
import { certifyBasis } from "../../src/lp/certify.ts";
import { LpBuilder } from "../../src/lp/model.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { pivotTerms } from "../../src/mechanisms/vcg.ts";
import { pointMassAllocation, typeSizes, type DirectMechanism } from "../../src/model/environment.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../../src/model/profiles.ts";
import { caseName, loadCounterexamples, saveCounterexample, type CounterexampleRecord } from "../../src/store/counterexamples.ts";
import { replayRecord } from "../../src/theorem/replay.ts";
import { runTheorem } from "../../src/theorem/runner.ts";
import type { Theorem } from "../../src/catalogue/types.ts";
import { findTheorem } from "../../src/catalogue/index.ts";
import { singleObjectCases } from "../../src/generators/singleObjectCases.ts";
import { privateEnvironment } from "../../src/catalogue/support/controls.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const control = (id: string, name: string) => {
  const t = findTheorem(id)!;
  const c = t.negativeControls!.find((x) => x.name === name)!;
  expect(c, `${id} has no control "${name}"`).toBeDefined();
  return (c.check ?? t.check)(c.input());
};

describe("issue 10 survivors", () => {
  it("certifyBasis rejects a basis whose only defect is a row dual of the wrong sign", () => {
    // kills: certify.ts row-dual test `||` → `&&`
    // max x s.t. r: x ≥ 1, 0 ≤ x ≤ 10. Basis: x basic, r nonbasic at its bound: x = 1, row dual
    // y = 1 (B = [1], c_B = 1). In a max problem a ≥ row's shadow price must be ≤ 0: y = 1 says
    // loosening r would gain — the basis is primal feasible (x = 1), reduced costs are 0, the row
    // is tight, and only the row dual's sign is wrong. The optimum is x = 10.
    const b = new LpBuilder("max");
    const x = b.variable("x", { upper: 10 });
    b.row("r", [[x, 1]], ">=", 1).objective([[x, 1]]);
    const model = b.build();
    const c = certifyBasis(model, { colStatus: ["basic"], rowStatus: ["lower"] });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.code).toBe("dual-infeasible-basis");
    // the optimal basis (x at its upper bound, r basic) is accepted, value 10
    const opt = certifyBasis(model, { colStatus: ["upper"], rowStatus: ["basic"] });
    expect(opt.ok && opt.result.value.toFraction()).toBe("10");
  });

  it("singleObjectCases covers its whole agent range (each n occurs), and the runner fails a stuck generator", () => {
    // kills: singleObjectCases generator stuck at its minimum agent count
    const xs = sampleWithSeed(singleObjectCases({ minAgents: 2, maxAgents: 4, maxTypes: 3, maxValue: 8 }), 4242, 300);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x.values.length, (counts.get(x.values.length) ?? 0) + 1);
    for (const n of [2, 3, 4]) expect(counts.get(n) ?? 0, `n = ${n}`).toBeGreaterThanOrEqual(30);
    expect(xs.some((x) => x.values.some((g) => g.length >= 2))).toBe(true);
    // the runner: green-laffont-mechanism and cavallo on a generator stuck at n = minimum are a coverage hole
    for (const [id, n] of [["green-laffont-mechanism", 2], ["cavallo", 3]] as const) {
      const t = findTheorem(id)!;
      const stuck = { ...t, arbitrary: singleObjectCases({ minAgents: n, maxAgents: n, maxTypes: 3, maxValue: 8 }) };
      const r = runTheorem(stuck, { storeRoot: mkdtempSync(join(tmpdir(), "mc-cov-")), runs: 60, save: false });
      expect(r.outcome, id).toBe("coverage-hole");
      expect(r.ok).toBe(false);
      expect(r.error).toContain(`n = ${n + 1}`);
    }
  });

  it("privateValuesEnvironment draws 1, 2 and 3 types per agent (≥ 2 types occurs), 1–3 agents and decisions", () => {
    // kills: private-values generator reduced to one type per agent
    const xs = sampleWithSeed(privateValuesEnvironment(), 99, 300);
    const typeCounts = new Set(xs.flatMap((e) => e.types.map((t) => t.length)));
    expect([...typeCounts].sort()).toEqual([1, 2, 3]);
    expect(new Set(xs.map((e) => e.agents.length))).toEqual(new Set([1, 2, 3]));
    expect(new Set(xs.map((e) => e.decisions.length))).toEqual(new Set([1, 2, 3]));
    // and the ids over it declare it: a one-type generator makes vcg-dsic a coverage hole
    const t = findTheorem("vcg-dsic")!;
    const oneType = privateValuesEnvironment({ maxTypes: 1, maxDecisions: 4 }).map((environment) => ({ environment, mechanism: { kind: "direct" as const, allocation: pointMassAllocation(environment, typeSizes(environment).length ? [...allProfiles(typeSizes(environment))].map(() => 0) : []), payments: [...allProfiles(typeSizes(environment))].map(() => environment.agents.map(() => ZERO)) } }));
    const r = runTheorem({ ...t, arbitrary: oneType, check: () => ({ ok: true }) } as Theorem, { storeRoot: mkdtempSync(join(tmpdir(), "mc-cov-")), runs: 100, save: false });
    expect(r.outcome).toBe("coverage-hole");
    expect(r.error).toContain("≥ 2 types");
  });

  it("green-laffont-mechanism's payment check compares each derivation on its own", () => {
    // kills: green-laffont-mechanism payment check `||` → `&&`
    expect(control("green-laffont-mechanism", "misremembered closed form").ok).toBe(false);
  });

  it("green-laffont's posted-price check fails when only one of DSIC / efficiency / BB fails", () => {
    // kills: green-laffont posted-price check `some` → `every`
    expect(control("green-laffont", "posted price outside the interval").ok).toBe(false);
  });

  it("vcg-dsic rejects a DSIC but inefficient mechanism", () => {
    // kills: vcg-dsic efficiency check deleted
    expect(control("vcg-dsic", "constant rule").ok).toBe(false);
  });

  describe("replay", () => {
    const toy: Theorem<number[]> = {
      id: "toy-gap",
      kind: "refutation",
      source: "test",
      statement: "every list sums below 10",
      arbitrary: fc.array(fc.nat(20), { maxLength: 3 }),
      check: (xs) => {
        const s = xs.reduce((a, b) => a + b, 0);
        return s < 10 ? { ok: true } : { ok: false, violation: { code: "sum", gap: q(s - 9) }, message: `sum ${s} is ${s - 9} above 9` };
      },
      codec: { encode: (xs) => ({ list: xs }), decode: (j) => (j as { list: number[] }).list },
    };
    const record = (violation: unknown, message: string): CounterexampleRecord => ({
      format: 1, theorem: toy.id, kind: "refutation", expect: "fails", instance: { list: [10] }, violation, message, seed: null, path: null, origin: "test", toolVersion: "test",
    });

    it("compares the recomputed violation with the saved one: gap 1 saved as 7 is stale, not ok", () => {
      // kills: replay that does not compare the violation (gap 1 edited to 7)
      expect(replayRecord(toy, record({ code: "sum", gap: "1" }, "sum 10 is 1 above 9"), "f").ok).toBe(true);
      const stale = replayRecord(toy, record({ code: "sum", gap: "7" }, "sum 10 is 1 above 9"), "f");
      expect(stale.ok).toBe(false);
      expect(stale.violation).toBe("stale");
      expect(stale.message).toContain("stale");
      // a reworded message alone is not stale (documented: prose is not compared)
      const reworded = replayRecord(toy, record({ code: "sum", gap: "1" }, "the sum is too large"), "f");
      expect(reworded.ok).toBe(true);
      expect(reworded.messageReworded).toBe(true);
    });

    it("a failing replay changes the run's outcome: refuted → error, ok: false", () => {
      // kills: a failing replay not changing the outcome
      const root = mkdtempSync(join(tmpdir(), "mc-replay-"));
      saveCounterexample(root, record({ code: "sum", gap: "7" }, "edited"));
      const r = runTheorem(toy, { storeRoot: root, seed: 3, runs: 50, save: false });
      expect(r.replayed[0]!.ok).toBe(false);
      expect(r.outcome).toBe("error");
      expect(r.ok).toBe(false);
      expect(r.error).toContain("stale");
    });
  });

  it("the store names a file by the hash of its instance: two instances, two names; one instance, one name", () => {
    // kills: store `caseName` made constant
    const a = caseName({ list: [10] });
    const b = caseName({ list: [11] });
    expect(a).not.toBe(b);
    expect(a).toBe(caseName({ list: [10] }));
    expect(a).toMatch(/^case-[0-9a-f]{12}$/);
    const root = mkdtempSync(join(tmpdir(), "mc-names-"));
    const rec = (list: number[]): CounterexampleRecord => ({ format: 1, theorem: "toy", kind: "refutation", expect: "fails", instance: { list }, violation: null, message: "m", seed: null, path: null, origin: "t", toolVersion: "t" });
    saveCounterexample(root, rec([10]));
    saveCounterexample(root, rec([11]));
    expect(readdirSync(join(root, "toy")).sort()).toEqual([`${a}.json`, `${b}.json`].sort());
    for (const { file, record } of loadCounterexamples(root, "toy")) expect(file.endsWith(`${caseName(record.instance)}.json`)).toBe(true);
    // and the curated store's files are named by their instances too
    for (const { file, record } of loadCounterexamples(join(__dirname, "../../counterexamples"))) expect(file.endsWith(`${caseName(record.instance)}.json`), file).toBe(true);
    void readFileSync;
    void writeFileSync;
  });

  it("isDSIC sees a profitable deviation to the LAST type", () => {
    // kills: a DSIC checker that skips the deviation to the last type
    // One agent, types t1 < t2, decisions d1, d2; t1 values d2 at 1, d1 at 0; t2 values both 0.
    // The rule t1 → d1, t2 → d2 with no payments: type t1 gains 1 by reporting t2 (the last type),
    // and that is the only profitable deviation.
    const env = privateEnvironment([[[0, 1], [0, 0]]]);
    const mech: DirectMechanism = { kind: "direct", allocation: pointMassAllocation(env, [0, 1]), payments: [[ZERO], [ZERO]] };
    const v = isDSIC(env, mech);
    expect(v.verdict).toBe("fails");
    if (v.verdict === "fails") {
      expect(v.violation.report).toBe(1);
      expect(v.violation.gain.toFraction()).toBe("1");
    }
  });

  it("pivot terms maximize the others' value over EVERY decision, decision 0 included", () => {
    // kills: a pivot term that skips decision 0
    // Two agents, one type each; agent 2 values d1 at 5 and d2 at 0: agent 1's pivot term is 5.
    const env = privateEnvironment([[[0, 1]], [[5, 0]]]);
    expect(pivotTerms(env)[0]!.map((x) => x.toFraction())).toEqual(["5"]);
    // and against brute force on random environments
    for (const e of sampleWithSeed(privateValuesEnvironment({ maxDecisions: 3 }), 7, 100)) {
      const sizes = typeSizes(e);
      const h = pivotTerms(e);
      e.agents.forEach((_, i) => {
        for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
          const t = profileIndex(sizes, joinProfile(sizes, i, 0, k));
          const others = e.decisions.map((_, d) => e.valuation.reduce((s, row, j) => (j === i ? s : s.add(row[t]![d]!)), ZERO));
          const best = others.reduce((m, x) => (x.compare(m) > 0 ? x : m));
          expect(h[i]![k]!.equals(best)).toBe(true);
        }
      });
    }
  });
});
