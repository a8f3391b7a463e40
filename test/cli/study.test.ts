/**
 * The command table as data and the studies behind `mechcheck study <name>`: the aliases print
 * exactly what the study prints; an unknown study, an extra argument and an out-of-range flag are
 * usage errors (exit 2, one line).
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { SPECS, STUDY_SPECS } from "../../src/cli/specs.ts";
import { COMMAND_TABLE } from "../../src/cli/commands/index.ts";
import { STUDY_LOADERS } from "../../src/studies/index.ts";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const noTiming = (s: string) => s.replace(/"ms": ?\d+/g, '"ms":0').replace(/\(\d+ ms\)/g, "(0 ms)");

describe("the command table", () => {
  it("every spec has a loader, every study a loader, and no flag is an untyped number", () => {
    const names = COMMAND_TABLE.map((c) => c.name);
    for (const n of Object.keys(SPECS)) expect(names).toContain(n);
    expect(Object.keys(STUDY_LOADERS).sort()).toEqual(Object.keys(STUDY_SPECS).sort());
    for (const c of COMMAND_TABLE) {
      expect(c.positional, c.name).toBeDefined();
      for (const [flag, t] of Object.entries(c.flags ?? {})) expect(t, `${c.name} --${flag}`).not.toBe("number");
    }
  });
  it("help lists the study command and the aliases", async () => {
    const r = await run(["help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}study /m);
    expect(r.out).toMatch(/^ {2}tables +mechcheck study grid-tables/m);
  });
});

describe("mechcheck study", () => {
  it("`tables` prints exactly what `study grid-tables` prints (text and JSON)", async () => {
    for (const extra of [[], ["--json"]]) {
      const a = await run(["tables", "--max-k", "2", ...extra]);
      const s = await run(["study", "grid-tables", "--max-k", "2", ...extra]);
      expect(a.code).toBe(0);
      expect(s.code).toBe(0);
      expect(s.out.length).toBeGreaterThan(100);
      expect(noTiming(a.out)).toBe(noTiming(s.out));
    }
  });
  it("refuses an unknown study, a missing name, an extra argument and an out-of-range flag (exit 2, one line)", async () => {
    for (const [argv, re] of [
      [["study", "no-such-study"], /error \[usage\]: study: no study "no-such-study" \(studies: grid-tables, ce2007, brooks-du\)/],
      [["study"], /error \[usage\]: study: missing argument/],
      [["study", "ce2007", "extra"], /study ce2007: unexpected argument "extra"/],
      [["study", "ce2007", "--n", "4"], /--n is above the limit 3/],
      [["ce2007", "--K", "1"], /--K is below the limit 2/],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toMatch(re);
    }
  });
});
