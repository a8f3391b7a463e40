import * as fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTheorem, replaySaved } from "../../src/theorem/runner.ts";
import type { Theorem } from "../../src/catalogue/types.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";

const listCodec = {
  encode: (xs: number[]) => ({ list: xs }),
  decode: (j: unknown) => (j as { list: number[] }).list,
};

// A refutation with a known minimal counterexample: "every list of naturals sums below 10".
// fast-check's shrinking must reach a list summing to exactly 10 with a single element: [10].
const sumBelowTen: Theorem<number[]> = {
  id: "toy-sum-below-ten",
  kind: "refutation",
  source: "test",
  statement: "every list of naturals < 100 sums below 10",
  arbitrary: fc.array(fc.nat(99), { maxLength: 8 }),
  check: (xs) => {
    const s = xs.reduce((a, b) => a + b, 0);
    return s < 10 ? { ok: true } : { ok: false, violation: { code: "sum", sum: s }, message: `the list sums to ${s}` };
  },
  codec: listCodec,
};

const holds: Theorem<number[]> = {
  id: "toy-reverse-twice",
  kind: "theorem",
  source: "test",
  statement: "reversing twice is the identity",
  arbitrary: fc.array(fc.integer()),
  check: (xs) => (JSON.stringify(xs.slice().reverse().reverse()) === JSON.stringify(xs) ? { ok: true, tag: xs.length > 0 ? "nonempty" : "empty" } : { ok: false, violation: null, message: "differs" }),
  codec: listCodec,
};

function store() {
  return mkdtempSync(join(tmpdir(), "mechcheck-store-"));
}

describe("runTheorem", () => {
  it("finds, shrinks to the minimal case, saves and replays a refutation", () => {
    const root = store();
    const r = runTheorem(sumBelowTen, { storeRoot: root, seed: 7, runs: 200 });
    expect(r.outcome).toBe("refuted");
    expect(r.ok).toBe(true);
    expect(r.counterexample?.instance).toEqual({ list: [10] });
    const saved = loadCounterexamples(root, sumBelowTen.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.record.expect).toBe("fails");
    expect(saved[0]!.record.violation).toEqual({ code: "sum", sum: 10 });
    // Replaying needs no generator.
    expect(replaySaved(sumBelowTen, root)).toEqual([expect.objectContaining({ ok: true, expect: "fails" })]);
    // The fast-check coordinates replay the same shrunk case.
    const again = fc.check(fc.property(sumBelowTen.arbitrary, (xs) => sumBelowTen.check(xs).ok), { seed: r.counterexample!.seed, path: r.counterexample!.path });
    expect(again.counterexample?.[0]).toEqual([10]);
  });

  it("is deterministic: same seed, same outcome and files", () => {
    const a = store();
    const b = store();
    const ra = runTheorem(sumBelowTen, { storeRoot: a, seed: 11, runs: 100 });
    const rb = runTheorem(sumBelowTen, { storeRoot: b, seed: 11, runs: 100 });
    expect({ ...ra, ms: 0, counterexample: { ...ra.counterexample, file: "" } }).toEqual({ ...rb, ms: 0, counterexample: { ...rb.counterexample, file: "" } });
    const fa = readdirSync(join(a, sumBelowTen.id));
    expect(fa).toEqual(readdirSync(join(b, sumBelowTen.id)));
    expect(readFileSync(join(a, sumBelowTen.id, fa[0]!), "utf8")).toBe(readFileSync(join(b, sumBelowTen.id, fa[0]!), "utf8"));
  });

  it("never overwrites a saved file", () => {
    const root = store();
    runTheorem(sumBelowTen, { storeRoot: root, seed: 7, runs: 200 });
    const [f] = loadCounterexamples(root, sumBelowTen.id);
    const edited = readFileSync(f!.file, "utf8").replace('"message"', '"note": "kept by the user",\n  "message"');
    writeFileSync(f!.file, edited);
    runTheorem(sumBelowTen, { storeRoot: root, seed: 7, runs: 200 });
    expect(readFileSync(f!.file, "utf8")).toBe(edited);
  });

  it("reports holds with case counts and tags", () => {
    const r = runTheorem(holds, { storeRoot: store(), seed: 1, runs: 50 });
    expect(r.outcome).toBe("holds");
    expect(r.cases).toBe(50);
    expect(r.casesMeetingHypothesis).toBe(50);
    expect((r.tags?.nonempty ?? 0) + (r.tags?.empty ?? 0)).toBe(50);
  });

  it("calls a theorem vacuous when too few cases meet the hypothesis", () => {
    const r = runTheorem({ ...holds, id: "toy-vacuous", hypothesis: (xs) => xs.length > 1000 }, { storeRoot: store(), seed: 1, runs: 50 });
    expect(r.outcome).toBe("vacuous");
    expect(r.ok).toBe(false);
    expect(r.casesMeetingHypothesis).toBe(0);
  });

  it("reports an unexpected counterexample for a false theorem, outside the curated store", () => {
    const root = store();
    const cache = store();
    const r = runTheorem({ ...sumBelowTen, id: "toy-false-theorem", kind: "theorem" }, { storeRoot: root, cacheRoot: cache, seed: 7, runs: 200 });
    expect(r.outcome).toBe("unexpected-counterexample");
    expect(r.ok).toBe(false);
    expect(loadCounterexamples(root)).toHaveLength(0);
    expect(loadCounterexamples(cache)).toHaveLength(1);
  });

  it("reports a refutation that finds nothing as not ok", () => {
    const r = runTheorem({ ...holds, id: "toy-true-refutation", kind: "refutation" }, { storeRoot: store(), seed: 1, runs: 30 });
    expect(r.outcome).toBe("no-counterexample-found");
    expect(r.ok).toBe(false);
  });

  it("reports a check that throws as an error, with its message", () => {
    const r = runTheorem({ ...holds, id: "toy-throws", check: () => { throw new Error("boom"); } }, { storeRoot: store(), seed: 1, runs: 5, save: false });
    expect(r.outcome).toBe("error");
    expect(r.error).toContain("boom");
  });

  it("fails a refutation whose saved case no longer refutes", () => {
    const root = store();
    runTheorem(sumBelowTen, { storeRoot: root, seed: 7, runs: 200 });
    const fixed: Theorem<number[]> = { ...sumBelowTen, check: () => ({ ok: true }) };
    const r = runTheorem(fixed, { storeRoot: root, seed: 7, runs: 20 });
    expect(r.ok).toBe(false);
    expect(r.replayed[0]!.ok).toBe(false);
  });
});
