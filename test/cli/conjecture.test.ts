/** The README's tutorial conjectures, run as a user would: one refuted (minimal case saved, replayed), one confirmed. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { conjecture, exactJsonCodec } from "../../src/theorem/conjecture.ts";
import { q } from "../../src/exact/rational.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe("mechcheck conjecture", () => {
  it("refutes 'the pivot mechanism is ex post IR' with a minimal saved counterexample, replayed next time", async () => {
    const store = mkdtempSync(join(tmpdir(), "mechcheck-conj-"));
    const c = capture();
    const code = await main(["conjecture", "examples/conjectures/pivot-ex-post-ir.ts", "--store", store, "--json"], c.io);
    expect(code).toBe(1);
    const res = JSON.parse(c.out.join("\n"));
    expect(res.results[0].verdict).toBe("refuted");
    // Minimal: one agent, one type, one decision, valued −1 (shrinking towards small integers).
    const inst = res.results[0].counterexample.instance;
    expect(inst.environment.agents).toHaveLength(1);
    expect(inst.environment.decisions).toHaveLength(1);
    expect(Object.values(inst.environment.types)[0]).toHaveLength(1);
    const files = readdirSync(join(store, "pivot-ex-post-ir"));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(store, "pivot-ex-post-ir", files[0]!), "utf8"));
    expect(saved.expect).toBe("fails");
    // Second run: the saved case is replayed first, and still fails.
    const c2 = capture();
    await main(["conjecture", "examples/conjectures/pivot-ex-post-ir.ts", "--store", store, "--json"], c2.io);
    const res2 = JSON.parse(c2.out.join("\n"));
    expect(res2.results[0].replayed).toEqual([expect.objectContaining({ expect: "fails", ok: true })]);
  });

  it("confirms 'the pivot mechanism never runs a deficit'", async () => {
    const store = mkdtempSync(join(tmpdir(), "mechcheck-conj-"));
    const c = capture();
    expect(await main(["conjecture", "examples/conjectures/pivot-no-deficit.ts", "--store", store, "--json"], c.io)).toBe(0);
    const res = JSON.parse(c.out.join("\n"));
    expect(res.results[0]).toMatchObject({ verdict: "holds", cases: 500, casesMeetingHypothesis: 500 });
    expect(existsSync(join(store, "pivot-no-deficit"))).toBe(false);
  });

  it("gives field-precise errors for a missing file or a bad conjecture", async () => {
    const c = capture();
    expect(await main(["conjecture", "examples/conjectures/nope.ts"], c.io)).toBe(2);
    expect(c.err.join("\n")).toMatch(/no file "examples\/conjectures\/nope.ts"/);
    expect(() => conjecture({ id: "a b", statement: "", arbitrary: null as never, check: () => true })).toThrow(/conjecture id "a b"/);
  });

  it("the exact-JSON codec round-trips rationals", () => {
    const x = { a: [q("3/7"), q(-2)], b: { c: q("1/1000") }, s: "x", n: 3 };
    const back = exactJsonCodec.decode(JSON.parse(JSON.stringify(exactJsonCodec.encode(x)))) as typeof x;
    expect(back.a[0]!.equals(q("3/7"))).toBe(true);
    expect(back.b.c.equals(q("1/1000"))).toBe(true);
    expect(back.s).toBe("x");
  });
});
