/** `mechcheck eval` end to end through main(), on the example instances. */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const EX = "examples/instances";

describe("mechcheck eval", () => {
  it("second-price auction --json: DSIC holds, budget balance fails at (1,1) with total 1, expectations met", async () => {
    const r = await run(["eval", `${EX}/second-price-auction.json`, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const by = Object.fromEntries(j.results.map((x: { concept: string }) => [x.concept, x]));
    expect(by.dsic.verdict).toBe("holds");
    expect(by.dsic.witness).toEqual({ constraints: 36, minSlack: "0" }); // 2 agents · 3 types · 3 others' reports · 2 deviations
    expect(by["budget-balance"].violation).toEqual({ code: "budget-balance", profile: [0, 0], total: "1" });
    expect(by["ex-ante-budget-balance"].violation.expectedTotal).toBe("14/9"); // E[min(v1, v2)], see test/concepts/hand.test.ts
    expect(j.expectations).toEqual({ met: true, mismatches: [] });
  });
  it("first-price auction: BIC fails with the exact gain 1/2 and a description in labels", async () => {
    const r = await run(["eval", `${EX}/first-price-auction.json`, "--json"]);
    expect(r.code).toBe(0);
    const bic = JSON.parse(r.out).results.find((x: { concept: string }) => x.concept === "bic");
    expect(bic.verdict).toBe("fails");
    expect(bic.violation).toMatchObject({ code: "bic", agent: 0, trueType: 2, report: 1, gain: "1/2", belief: ["1/3", "1/3", "1/3"] });
    expect(bic.description).toContain('agent "b1" of type "3" gains 1/2 in interim expectation by reporting "2"');
  });
  it("text output: one line per concept", async () => {
    const r = await run(["eval", `${EX}/bilateral-trade.json`]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toHaveLength(1 + 9);
    expect(lines.find((l) => l.includes("ex post efficiency"))).toMatch(/fails\s+at type profile \("3", "4"\) decision "no-trade" \(probability 1\) has surplus 0, below the maximum 1 of "trade" by 1/);
  });
  it("an unmet expectation exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-eval-"));
    const x = JSON.parse(readFileSync(`${EX}/first-price-auction.json`, "utf8"));
    x.question = { concepts: ["dsic"], expect: { dsic: "holds", bic: "fails" } };
    const f = join(dir, "wrong.json");
    writeFileSync(f, JSON.stringify(x));
    const r = await run(["eval", f, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).expectations.mismatches).toEqual(["dsic: expected holds, got fails", "bic: expected fails, but the concept does not apply to this instance"]);
  });
  it("a malformed instance: exit 2, field-precise message, no stack trace", async () => {
    const r = await run(["eval", `${EX}/malformed.json`, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('environment.types["seller"][1]: type label "lo" appears twice');
    expect(r.err).toContain("environment.decisions[1]");
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it("usage errors and a missing file", async () => {
    expect((await run(["eval"])).code).toBe(2);
    const r = await run(["eval", `${EX}/does-not-exist.json`]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unreadable-file");
  });
});

describe("mechcheck eval on hostile files (issue 9)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-eval-hostile-"));
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const agents = (n: number, m: number) => {
    const a = Array.from({ length: n }, (_, i) => `a${i}`);
    const t = Array.from({ length: m }, (_, k) => `t${k}`);
    return JSON.stringify({ mechcheck: 1, environment: { agents: a, types: Object.fromEntries(a.map((x) => [x, t])), decisions: ["d"], valuation: Object.fromEntries(a.map((x) => [x, Object.fromEntries(t.map((y) => [y, {}]))])) } });
  };
  it("10 types ^ 20 agents: exit 2, one line naming the product and the flag; --max-profiles raises the limit", async () => {
    const r = await run(["eval", write("explosive.json", agents(20, 10))]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain("10 types ^ 20 agents = 10^20 profiles > limit 10^6");
    expect(r.err).toContain("--max-profiles");
    const small = write("small.json", agents(3, 10));
    expect((await run(["eval", small, "--max-profiles", "999"])).err).toContain("10^3 profiles > limit 999");
    expect((await run(["eval", small, "--max-profiles", "1000"])).code).toBe(0);
  });
  it("a file above the size limit is refused before reading, naming the limit and --max-bytes", async () => {
    const f = write("padded.json", agents(2, 2) + " ".repeat(5000));
    const r = await run(["eval", f, "--max-bytes", "4096"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/bytes > limit 4,096 bytes \(raise it with --max-bytes N\)/);
    expect((await run(["eval", f, "--max-bytes", "8192"])).code).toBe(0);
  });
  it("a 100 MB file (sparse: nothing is written) is refused by default before it is read: eval and lp", async () => {
    const f = write("huge.json", "");
    truncateSync(f, 100_000_000);
    for (const cmd of ["eval", "lp"]) {
      const r = await run([cmd, f]);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/100,?000,?000 bytes > limit 33,?554,?432 bytes/);
    }
  });
  it("a JSON syntax error names the file once, with line and column", async () => {
    const f = write("dup.json", '{"mechcheck": 1,\n "mechcheck": 1}');
    const r = await run(["eval", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: invalid JSON at line 2, column 2: duplicate key "mechcheck"`);
    expect(r.err.split(f)).toHaveLength(2);
  });
  it("a JSON number literal is read exactly and --json output keeps it exact (2.000…01 − 2 is not 0)", async () => {
    const x = JSON.parse(readFileSync(`${EX}/bilateral-trade.json`, "utf8"));
    x.question = { concepts: ["no-deficit"] };
    x.mechanism.payments["1,2"].buyer = "@@"; // replaced by a raw JSON number literal below
    const text = JSON.stringify(x, null, 1).replace('"@@"', `2.${"0".repeat(78)}1`);
    expect(text).toContain("2.00000000000000000000");
    const r = await run(["eval", write("tiny.json", text), "--json"]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out).results[0];
    expect(res.verdict).toBe("holds");
    expect(res.witness.maxTotal).toBe(`1/${10n ** 79n}`); // 2.000…01 − 2 exactly: a float would give 0
  });
});
