import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { TOOL_VERSION } from "../../src/version.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe("mechcheck list / check", () => {
  it("list --json gives every registered theorem with id, kind, source, statement", async () => {
    const c = capture();
    expect(await main(["list", "--json"], c.io)).toBe(0);
    const rows = JSON.parse(c.out.join("\n"));
    expect(rows.map((r: { id: string }) => r.id)).toEqual(THEOREMS.map((t) => t.id));
    for (const r of rows) for (const k of ["id", "kind", "source", "statement"]) expect(typeof r[k]).toBe("string");
  });

  it("check --json reports per id and a top-level ok; exit code 0 iff ok", async () => {
    const c = capture();
    const code = await main(["check", "vcg-dsic", "dsic-efficient-is-groves", "--runs", "40", "--json", "--no-save"], c.io);
    const res = JSON.parse(c.out.join("\n"));
    expect(res.ok).toBe(true);
    expect(code).toBe(0);
    expect(res.results.map((r: { id: string; outcome: string }) => [r.id, r.outcome])).toEqual([["vcg-dsic", "holds"], ["dsic-efficient-is-groves", "refuted"]]);
    for (const r of res.results) {
      expect(r.cases).toBeGreaterThan(0);
      expect(r.casesMeetingHypothesis).toBeLessThanOrEqual(r.cases);
      expect(typeof r.ms).toBe("number");
    }
  });

  it("same seed ⇒ byte-identical JSON results (with --no-timing)", async () => {
    const a = capture();
    const b = capture();
    await main(["check", "epic-iff-bic-every-prior", "--runs", "30", "--seed", "5", "--json", "--no-save", "--no-timing"], a.io);
    await main(["check", "epic-iff-bic-every-prior", "--runs", "30", "--seed", "5", "--json", "--no-save", "--no-timing"], b.io);
    expect(a.out.join("\n")).toBe(b.out.join("\n"));
  });

  it("bad input is a one-line error naming the field, exit code 2", async () => {
    for (const args of [["check", "no-such-theorem"], ["check", "--runs", "abc"], ["check", "--runs", "0"], ["check", "--frobnicate"]]) {
      const c = capture();
      expect(await main(args, c.io)).toBe(2);
      expect(c.err.join("\n")).toMatch(/^mechcheck check: error \[[a-z-]+\]: /);
      expect(c.err.join("\n")).not.toMatch(/\n\s+at /);
    }
  });

  it("the tool version matches package.json", () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version);
  });
});
