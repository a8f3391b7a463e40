import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EX = (name: string) => join(ROOT, "examples", "design", name);
const TMP = mkdtempSync(join(tmpdir(), "mechcheck-design-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("mechcheck design", () => {
  it("--json on the correlated auction: optimal, value 9/4 = E[max value] (full surplus), certificate verified, every check holds", async () => {
    const r = await run(["design", EX("correlated-auction.json"), "--axioms", "bic,interim-ir", "--objective", "revenue", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.status).toBe("optimal");
    // E[max] by hand from the file's prior (weights /24): 1·4 + 2·(2+6+2) + 3·(1+2+1+2+4) = 54 → 9/4
    expect(j.value).toBe("9/4");
    expect(j.certificate.verified).toBe(true);
    expect(j.checks.every((c: { holds: boolean }) => c.holds)).toBe(true);
    expect(j.independentChecksPassed).toBe(true);
    expect(j.mechanism.payments).toHaveLength(9);
  });

  it("--spec adds a user cap and a type-dependent outside option; the revenue drops and the cap is re-checked", async () => {
    const r = await run(["design", EX("correlated-auction.json"), "--axioms", "bic,interim-ir", "--objective", "revenue", "--spec", EX("cap-and-outside-options.json"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.status).toBe("optimal");
    expect(j.checks.find((c: { axiom: string }) => c.axiom === "user").holds).toBe(true);
    const [a, b] = (j.value as string).split("/").map(Number);
    expect(a! / (b ?? 1)).toBeLessThan(9 / 4);
  });

  it("infeasible question: exit 0, a proof in the axioms' names and the irreducible subset", async () => {
    const r = await run(["design", EX("trade-3.json"), "--axioms", "efficient,dsic,bb", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.status).toBe("infeasible");
    expect(j.proof.verified).toBe(true);
    expect(j.proof.text).toContain("DSIC[buyer");
    expect(j.irreducibleAxioms).toEqual(["efficient", "dsic", "ex-post-bb"]);
    const t = await run(["design", EX("trade-3.json"), "--axioms", "efficient,dsic,bb", "--format", "markdown", "--no-iis"]);
    expect(t.code).toBe(0);
    expect(t.out).toContain("```");
  });

  it("bad input: exit 2 with one line naming the field", async () => {
    for (const args of [
      ["design", EX("trade-3.json"), "--axioms", "dsic,telepathy"],
      ["design", EX("trade-3.json")],
      ["design", EX("trade-3.json"), "--axioms", "dsic", "--objective", "happiness"],
      ["design", EX("trade-3.json"), "--axioms", "dsic", "--format", "pdf"],
      ["design", join(TMP, "missing.json"), "--axioms", "dsic"],
      ["design", EX("trade-3.json"), "--axioms", "dsic", "--fix-allocation"],
      ["design", EX("trade-3.json"), "--axioms", "anonymous"],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n").length, args.join(" ")).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe("mechcheck atlas", () => {
  it("shards written as JSON and merged render the same threshold table as one run; bad family exits 2", async () => {
    const base = ["atlas", "public-good", "--max-k", "3", "--axioms", "efficient,dsic,ir,bb"];
    const whole = await run([...base, "--format", "markdown", "--no-proofs"]);
    expect(whole.code).toBe(0);
    for (const i of [1, 2]) expect((await run([...base, "--shard", `${i}/2`, "--format", "json", "--out", join(TMP, `s${i}.json`)])).code).toBe(0);
    const merged = await run(["atlas", "--merge", join(TMP, "s1.json"), join(TMP, "s2.json"), "--format", "markdown"]);
    expect(merged.code).toBe(0);
    const table = (s: string) => s.split("### Per domain")[0];
    expect(table(merged.out)).toEqual(table(whole.out));
    expect(whole.out).toContain("n ≥ 3");
    const bad = await run(["atlas", "lottery-of-life"]);
    expect(bad.code).toBe(2);
    const bad2 = await run(["atlas", "--merge", join(TMP, "s1.json")]);
    expect(bad2.code).toBe(2);
    expect(bad2.err).toMatch(/missing/);
  });
});
