/**
 * Issue 13: conjectures with parameters (`--param`), exhaustive families (`enumerate`),
 * `expect: "refuted"`, `--report`, a progress line on a terminal only, and saved conjecture cases
 * that replay, shrink and eval. Expected values are derived in the test from the fixtures' own
 * definitions (a family's size from its formula, a counterexample from the check), never copied
 * from an output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { checkParamsAgainst, paramPoints, parseParams, type DeclaredParam } from "../../src/cli/params.ts";
import { ERASE_LINE, progressLine } from "../../src/cli/progress.ts";
import { conjecture } from "../../src/theorem/conjecture.ts";
import { runExhaustive } from "../../src/theorem/exhaustive.ts";
import { typecheckFile } from "../../src/cli/typecheck.ts";
import { API, REPO, scratch } from "./hostile-support.ts";

function capture(tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const raw: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), isTTY: tty, errWrite: (s: string) => raw.push(s) };
  return { io, out, err, raw, text: () => out.join("\n"), errText: () => err.join("\n") };
}

async function run(args: string[], tty = false) {
  const c = capture(tty);
  const code = await main(args, c.io);
  return { code, c, out: c.text(), err: c.errText() };
}

const store = () => mkdtempSync(join(tmpdir(), "mechcheck-params-store-"));

/** A fixture conjecture file in a scratch project (fast-check resolves; mechcheck from the sources). */
function fixture(dir: string, name: string, body: string): string {
  const f = join(dir, `${name}.ts`);
  writeFileSync(f, `import fc from "fast-check";\nimport { conjecture } from ${JSON.stringify(API)};\n${body}\n`);
  return f;
}

describe("--param parsing", () => {
  it("reads ranges, lists and single values exactly, in order", () => {
    expect(parseParams(["K=3..6"])).toEqual({ K: [3, 4, 5, 6] });
    expect(parseParams(["n=2,4,8", "K=5"])).toEqual({ n: [2, 4, 8], K: [5] });
    expect(parseParams(["K=-2..1"])).toEqual({ K: [-2, -1, 0, 1] });
    expect(parseParams(["K=1e2"])).toEqual({ K: [100] });
    expect(parseParams([])).toEqual({});
    // the limit itself is accepted: 1000 values, and 10 × 100 points
    expect(parseParams(["K=1..1000"]).K).toHaveLength(1000);
    expect(Object.values(parseParams(["a=1..10", "b=1..100"])).map((v) => v.length)).toEqual([10, 100]);
  });

  for (const [raw, msg] of [
    [["K"], /--param K: needs NAME=VALUES/],
    [["K="], /no value for K/],
    [["3K=1"], /parameter name "3K"/],
    [["K=6..3"], /the range 6\.\.3 is empty/],
    [["K=1.5"], /"1\.5" is not an integer/],
    [["K=x"], /"x" is not an integer/],
    [["K=2e9"], /2e9 is outside the limit \[-10\^9, 10\^9\]/],
    [["K=1..1001"], /1001 values, above the limit 1000 per parameter/],
    [["K=1..1e9"], /1000000000 values, above the limit 1000/],
    [["K=3,3"], /K=3 is listed twice/],
    [["K=1", "K=2"], /parameter K given twice/],
    [["a=1..10", "b=1..101"], /1010 runs in all .* above the limit 1000/],
  ] as const) {
    it(`refuses ${raw.join(" ")} with one line naming the parameter, the value and the limit`, () => {
      let e: unknown;
      try {
        parseParams(raw);
      } catch (x) {
        e = x;
      }
      expect((e as { code?: string }).code).toBe("bad-param");
      expect((e as Error).message).toMatch(msg);
      expect((e as Error).message).not.toContain("\n");
    });
  }

  it("checks names and values against what the conjectures declare", () => {
    const decl: { id: string; params: Record<string, DeclaredParam> }[] = [
      { id: "a", params: { K: { default: 2, min: 1, max: 5 } } },
      { id: "b", params: { K: { default: 3 }, n: { default: 2 } } },
    ];
    expect(() => checkParamsAgainst({ K: [1, 5], n: [7] }, decl)).not.toThrow(); // control: within the limits
    expect(() => checkParamsAgainst({ M: [1] }, decl)).toThrow(/no conjecture in the file declares a parameter "M" \(declared: K, n\)/);
    expect(() => checkParamsAgainst({ K: [6] }, decl)).toThrow(/--param K=6 is above the limit 5 declared by conjecture "a"/);
    expect(() => checkParamsAgainst({ K: [0] }, decl)).toThrow(/--param K=0 is below the limit 1 declared by conjecture "a"/);
    // the points: product over the declared names, defaults for the rest
    expect(paramPoints({ K: [1, 2] }, decl[1]!.params)).toEqual([{ K: 1, n: 2 }, { K: 2, n: 2 }]);
    expect(paramPoints({ M: [9] }, {})).toEqual([{}]);
  });

  it("a conjecture's parameter declarations are validated", () => {
    const base = { id: "p", statement: "s", arbitrary: fc.integer(), check: () => true };
    expect(() => conjecture({ ...base, params: { K: { default: 9, min: 1, max: 5 } } })).toThrow(/default 9 is outside \[1, 5\]/);
    expect(() => conjecture({ ...base, params: { K: 1.5 } })).toThrow(/parameter K: default must be an integer/);
    expect(() => conjecture({ ...base, params: { "a-b": 1 } })).toThrow(/parameter name "a-b"/);
    expect(() => conjecture({ ...base, params: { K: { default: 2, min: 3, max: 1 } } })).toThrow(/min 3 is above max 1/);
    expect(() => conjecture({ ...base, expect: "maybe" as never })).toThrow(/expect must be "holds" or "refuted"/);
    expect(() => conjecture({ id: "p", statement: "s", check: () => true })).toThrow(/arbitrary must be a fast-check Arbitrary .* or give enumerate/);
    expect(() => conjecture({ ...base, enumerate: () => [1] })).toThrow(/either arbitrary .* or enumerate .* not both/);
    expect(conjecture({ ...base, params: { K: 3, n: { default: 2, min: 1 } } }).defaults).toEqual({ K: 3, n: 2 });
  });
});

describe("the spec's types", () => {
  it("parameters are typed from their declaration (an undeclared one is a type error: control)", async () => {
    const dir = scratch();
    const good = fixture(dir, "typed", `export default conjecture({ id: "typed", statement: "s", params: { K: 3, n: { default: 2, min: 1 } }, arbitrary: ({ K }) => fc.integer({ min: 0, max: K }), hypothesis: (x, { n }) => x >= n - n, check: (x, { K, n }) => x <= K * n });\nexport const fam = conjecture({ id: "fam", statement: "s", expect: "refuted", params: { K: 2 }, enumerate: function* ({ K }) { for (let x = 0; x <= K; x++) yield { x }; }, size: ({ K }) => K + 1, check: (c) => c.x < 2 });`);
    const bad = fixture(dir, "untyped", `export default conjecture({ id: "untyped", statement: "s", params: { K: 3 }, arbitrary: fc.integer(), check: (x, { M }) => x === M });`);
    expect((await typecheckFile(good)).errors).toEqual([]);
    const errors = (await typecheckFile(bad)).errors;
    expect(errors.join("\n")).toMatch(/untyped\.ts:3:\d+: Property 'M' does not exist/);
  }, 300_000);
});

describe("exhaustive runs", () => {
  const squares = (maxCases = 1000, size?: () => number) =>
    conjecture({
      id: "sq",
      statement: "x² ≠ K for x in 0..N",
      params: { N: 10, K: 7 },
      enumerate: function* ({ N }) {
        for (let x = 0; x <= N; x++) yield x;
      },
      ...(size ? { size } : {}),
      maxCases,
      check: (x: number, { K }) => x * x !== K,
    });
  const roots = () => ({ storeRoot: store() });

  it("checks every case and says so; finds the first failing case in order", () => {
    const holds = squares().at({ N: 10, K: 7 });
    const r = runExhaustive(holds.theorem, holds.enumerate!, { ...roots(), maxCases: holds.maxCases });
    expect(r).toMatchObject({ outcome: "holds", ok: true, cases: 11, total: 11, mode: "exhaustive" });
    const fails = squares().at({ N: 10, K: 9 });
    const f = runExhaustive(fails.theorem, fails.enumerate!, { ...roots(), maxCases: fails.maxCases });
    expect(f.outcome).toBe("unexpected-counterexample");
    expect(f.ok).toBe(false);
    expect(f.counterexample?.instance).toBe(3); // 3² = 9, the first x with x² = K
    expect((f.counterexample as unknown as { caseIndex: number }).caseIndex).toBe(4); // 0, 1, 2, 3
    expect(f.total).toBeUndefined(); // stopped: not "all"
  }, 300_000);

  it("a family larger than maxCases is an error, never a verdict on part of it; size() refuses before enumerating", () => {
    const big = squares(5).at({ N: 10, K: 7 });
    const r = runExhaustive(big.theorem, big.enumerate!, { ...roots(), maxCases: big.maxCases });
    expect(r.outcome).toBe("error");
    expect(r.error).toMatch(/more than maxCases 5 cases; stopped after 5/);
    let enumerated = 0;
    const sized = squares(5, () => 11).at({ N: 10, K: 7 });
    const s = runExhaustive(sized.theorem, () => (enumerated++, sized.enumerate!()), { ...roots(), maxCases: 5, size: sized.size! });
    expect(s.outcome).toBe("error");
    expect(s.error).toMatch(/the family has 11 cases, above maxCases 5; nothing was enumerated/);
    expect(enumerated).toBe(0);
    // control: at the limit it runs
    const ok = squares(11, () => 11).at({ N: 10, K: 7 });
    expect(runExhaustive(ok.theorem, ok.enumerate!, { ...roots(), maxCases: 11, size: ok.size! }).outcome).toBe("holds");
  });

  it('expect: "refuted" — a counterexample is the expected outcome; none found is not ok (negative control)', () => {
    const c = conjecture({ id: "r", statement: "s", expect: "refuted", params: { K: 9 }, enumerate: () => [0, 1, 2, 3, 4], check: (x: number, { K }) => x * x !== K });
    const found = c.at({ K: 9 });
    expect(runExhaustive(found.theorem, found.enumerate!, { ...roots(), maxCases: 100 })).toMatchObject({ outcome: "refuted", ok: true });
    const none = c.at({ K: 7 });
    expect(runExhaustive(none.theorem, none.enumerate!, { ...roots(), maxCases: 100 })).toMatchObject({ outcome: "no-counterexample-found", ok: false });
  });
});

describe("mechcheck conjecture with parameters", () => {
  it("one row per parameter value; an exhaustive family says 'all N cases' (N from its formula)", async () => {
    const s = store();
    const r = await run(["conjecture", "examples/conjectures/second-price-grid.ts", "--param", "K=1..2", "--store", s, "--no-typecheck", "--json"]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    // (2^(K+1) − 1)² pairs of nonempty value sets of {0..K}
    const expected = [1, 2].map((K) => (2 ** (K + 1) - 1) ** 2);
    expect(res.results.map((x: { params: { K: number }; total: number; mode: string }) => [x.params.K, x.total, x.mode])).toEqual([
      [1, expected[0], "exhaustive"],
      [2, expected[1], "exhaustive"],
    ]);
    const t = await run(["conjecture", "examples/conjectures/second-price-grid.ts", "--param", "K=1..2", "--store", s, "--no-typecheck"]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/second-price-grid\s+K=1\s+holds\s+9\s+exhaustive \(all\)/);
    expect(t.out).toMatch(/second-price-grid\s+K=2\s+holds\s+49\s+exhaustive \(all\)/);
    expect(t.out.trim().split("\n").at(-1)).toBe(`ok: 2 of 2 runs as expected — exhaustive: all ${expected[0]! + expected[1]!} cases`);
    expect(t.out).not.toMatch(/^\s*[{[]/m); // no JSON in the text output
  }, 300_000);

  it("random cases built from a parameter: the counterexample depends on it; origin reproduces it", async () => {
    const dir = scratch();
    const s = store();
    // x ∈ [0, K], claim x < K: the only counterexample is x = K.
    const f = fixture(dir, "below-k", `export default conjecture({ id: "below-k", statement: "x < K", params: { K: { default: 3, min: 1, max: 50 } }, arbitrary: ({ K }) => fc.integer({ min: 0, max: K }), check: (x, { K }) => x < K, runs: 300 });`);
    const r = await run(["conjecture", f, "--param", "K=2,5", "--store", s, "--no-typecheck", "--json"]);
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.results.map((x: { params: { K: number }; verdict: string; counterexample: { instance: number } }) => [x.params.K, x.verdict, x.counterexample.instance])).toEqual([
      [2, "refuted", 2],
      [5, "refuted", 5],
    ]);
    // Saved with the parameters; the origin is a command that reproduces the case.
    const files = readdirSync(join(s, "below-k")).map((n) => JSON.parse(readFileSync(join(s, "below-k", n), "utf8")));
    expect(files.map((x) => x.params.K).sort()).toEqual([2, 5]);
    const rec = files.find((x) => x.params.K === 5)!;
    expect(rec.origin).toMatch(/^mechcheck conjecture \S+below-k\.ts --param K=5 --seed \d+ --runs 300$/);
    expect(rec.conjectureFile).toBe("below-k.ts");
    const args = (rec.origin as string).split(" ").slice(1);
    const again = await run([...args, "--store", store(), "--no-typecheck", "--json"]);
    const res2 = JSON.parse(again.out);
    expect(res2.results).toHaveLength(1);
    expect(res2.results[0].counterexample.instance).toBe(rec.instance);
    expect(res2.results[0].counterexample.path).toBe(rec.path);
    // Replayed at its own parameters only: K=5's case is not a case of K=6 (where 5 < 6 holds).
    const k6 = await run(["conjecture", f, "--param", "K=5..6", "--store", s, "--no-typecheck", "--json"]);
    const byK = Object.fromEntries(JSON.parse(k6.out).results.map((x: { params: { K: number } }) => [x.params.K, x]));
    expect(byK[5].replayed).toEqual([expect.objectContaining({ ok: true, expect: "fails" })]);
    expect(byK[6].replayed).toEqual([]);
  }, 300_000);

  it("usage errors of --param: one line, exit 2, nothing run", async () => {
    const dir = scratch();
    const marker = join(dir, "ran.txt");
    const f = fixture(dir, "declared", `import { writeFileSync } from "node:fs";\nexport default conjecture({ id: "declared", statement: "s", params: { K: { default: 2, min: 1, max: 4 } }, arbitrary: fc.integer(), check: (x) => { writeFileSync(${JSON.stringify(marker)}, "ran"); return x === x; } });`);
    for (const [args, msg] of [
      [["--param", "M=1"], /error \[bad-param\]: conjecture: --param M: no conjecture in the file declares a parameter "M" \(declared: K\)/],
      [["--param", "K=3..5"], /error \[bad-param\]: conjecture: --param K=5 is above the limit 4 declared by conjecture "declared"/],
      [["--param", "K=1..2000"], /error \[bad-param\]: conjecture: --param K=1\.\.2000: 2000 values, above the limit 1000/],
    ] as const) {
      const r = await run(["conjecture", f, ...args, "--store", store(), "--no-typecheck"]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.out).toBe("");
    }
    expect(existsSync(marker)).toBe(false);
  }, 300_000);
});

describe('expect: "refuted" through the CLI (exit codes)', () => {
  const dir = scratch();
  const TRUE = `check: (x) => x + 0 === x`;
  const FALSE = `check: (x) => x < 5`;
  const file = (name: string, check: string, expectRefuted: boolean) =>
    fixture(dir, name, `export default conjecture({ id: ${JSON.stringify(name)}, statement: "s", ${expectRefuted ? 'expect: "refuted", ' : ""}arbitrary: fc.integer({ min: 0, max: 10 }), ${check} });`);

  it("false and expected refuted: exit 0, the counterexample printed and saved", async () => {
    const s = store();
    const r = await run(["conjecture", file("false-refuted", FALSE, true), "--store", s, "--no-typecheck"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/false-refuted\s+refuted\s+\d+\s+random, seed \d+\s+100%\s+refuted\s+yes/);
    expect(r.out).toMatch(/false-refuted: refuted \(as expected\)\. the conjecture's check returned false/);
    expect(r.out).toMatch(/\(case\)\s+5/); // the smallest x with x ≥ 5, as a one-row table
    expect(readdirSync(join(s, "false-refuted"))).toHaveLength(1);
    expect(r.out.trim().split("\n").at(-1)).toMatch(/^ok: 1 of 1 run as expected/);
  }, 300_000);

  it("true but expected refuted: exit 1 (negative control)", async () => {
    const r = await run(["conjecture", file("true-refuted", TRUE, true), "--store", store(), "--no-typecheck"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/true-refuted\s+not refuted\s+200\s+.*refuted\s+NO/);
    expect(r.out.trim().split("\n").at(-1)).toMatch(/^NOT ok: 0 of 1 run as expected .*\(true-refuted: not refuted, expected a counterexample\)/);
  }, 300_000);

  it("false and expected to hold: exit 1; true and expected to hold: exit 0", async () => {
    const f = await run(["conjecture", file("false-holds", FALSE, false), "--store", store(), "--no-typecheck"]);
    expect(f.code).toBe(1);
    expect(f.out).toMatch(/false-holds: refuted \(NOT as expected\)/);
    const t = await run(["conjecture", file("true-holds", TRUE, false), "--store", store(), "--no-typecheck"]);
    expect(t.code).toBe(0);
  }, 300_000);
});

describe("--report", () => {
  it("writes the results as Markdown to a new file and refuses to overwrite one (exit 2, one line, file unchanged)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-report-"));
    const out = join(dir, "out.md");
    const r = await run(["conjecture", "examples/conjectures/pivot-budget-balance.ts", "--param", "K=1..2", "--store", store(), "--no-typecheck", "--report", out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toMatch(/^# mechcheck conjecture report/);
    expect(md).toMatch(/\| pivot-budget-balance \| n=2 K=1 \| refuted \|/);
    expect(md).toMatch(/\| pivot-budget-balance \| n=2 K=2 \| refuted \|/);
    expect(md).toContain("Result: **ok: 2 of 2 runs as expected");
    const again = await run(["conjecture", "examples/conjectures/pivot-budget-balance.ts", "--store", store(), "--no-typecheck", "--report", out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^mechcheck conjecture: error \[file-exists\]: conjecture: --report ".*out\.md" already exists; it is never overwritten/);
    expect(again.out).toBe(""); // refused before running
    expect(readFileSync(out, "utf8")).toBe(md);
  }, 300_000);
});

describe("progress on a terminal only", () => {
  it("progressLine: drawn in place, rate-limited, erased at the end; nothing without a TTY or with --json", () => {
    let t = 0;
    const raw: string[] = [];
    const io = { out: () => undefined, err: () => undefined, isTTY: true, errWrite: (s: string) => raw.push(s) };
    const p = progressLine(io, { minIntervalMs: 100, now: () => t, columns: 80 });
    p.update("a");
    t = 50;
    p.update("b"); // within 100 ms: skipped
    t = 150;
    p.update("c");
    p.update("d", true);
    p.done();
    expect(raw).toEqual([ERASE_LINE + "a", ERASE_LINE + "c", ERASE_LINE + "d", ERASE_LINE]);
    for (const off of [progressLine({ ...io, isTTY: false }), progressLine(io, { json: true }), progressLine({ out: io.out, err: io.err, isTTY: true })]) {
      raw.length = 0;
      off.update("x", true);
      off.done();
      expect(raw).toEqual([]);
    }
  });

  it("check shows progress on a TTY (stderr, erased) and none otherwise; stdout is the same", async () => {
    const args = ["check", "vcg-dsic", "dsic-implies-epic", "--runs", "3", "--no-save", "--no-timing", "--jobs", "1", "--store", store()];
    const tty = await run(args, true);
    expect(tty.code).toBe(0);
    const raw = tty.c.raw.join("");
    expect(raw).toContain(`${ERASE_LINE}[1/2] vcg-dsic …`);
    expect(raw.endsWith(ERASE_LINE)).toBe(true);
    const plain = await run(args, false);
    expect(plain.c.raw).toEqual([]);
    const noMs = (t: string) => t.replace(/\s+\d+$/gm, "").replace(/^[─ ]+$/gm, ""); // the ms column (and its rule's width) differ run to run
    expect(noMs(plain.out)).toBe(noMs(tty.out));
    const json = await run([...args, "--json"], true);
    expect(json.c.raw).toEqual([]);
    // on the worker pool too: a line per finished theorem, erased
    const pooled = await run([...args.slice(0, -4), "--jobs", "2", "--store", store()], true);
    expect(pooled.c.raw.join("")).toMatch(/\[1\/2\] (vcg-dsic|dsic-implies-epic) done/);
    expect(pooled.c.raw.at(-1)).toBe(ERASE_LINE);
    expect(noMs(pooled.out)).toBe(noMs(tty.out));
  }, 300_000);

  it("conjecture shows progress on a TTY and none in a pipe or with --json", async () => {
    const args = ["conjecture", "examples/conjectures/second-price-grid.ts", "--param", "K=1", "--store", store(), "--no-typecheck"];
    const tty = await run(args, true);
    expect(tty.code).toBe(0);
    const raw = tty.c.raw.join("");
    expect(raw).toContain(`${ERASE_LINE}loading examples/conjectures/second-price-grid.ts`);
    expect(raw).toMatch(/\[1\/1\] second-price-grid K=1: /);
    expect(raw.endsWith(ERASE_LINE)).toBe(true);
    expect((await run(args, false)).c.raw).toEqual([]);
    expect((await run([...args, "--json"], true)).c.raw).toEqual([]);
  }, 300_000);
});

describe("saved conjecture cases are regular saved cases", () => {
  it("replay, shrink and eval read them (the conjecture loaded from the file the record names)", async () => {
    const s = store();
    const r = await run(["conjecture", "examples/conjectures/pivot-budget-balance.ts", "--param", "K=3", "--store", s, "--no-typecheck", "--json"]);
    expect(r.code).toBe(0);
    const [name] = readdirSync(join(s, "pivot-budget-balance"));
    const file = join(s, "pivot-budget-balance", name!);
    const rec = JSON.parse(readFileSync(file, "utf8"));
    expect(rec).toMatchObject({ theorem: "pivot-budget-balance", kind: "refutation", expect: "fails", params: { n: 2, K: 3 }, conjectureFile: "examples/conjectures/pivot-budget-balance.ts", seed: null, path: null });
    expect(rec.origin).toBe("mechcheck conjecture examples/conjectures/pivot-budget-balance.ts --param n=2 --param K=3");
    // eval: its instance (an environment without a mechanism: no concept applies), exit 0
    const ev = await run(["eval", file]);
    expect(ev.code).toBe(0);
    expect(ev.err).toContain("a saved case of pivot-budget-balance (n=2 K=3); evaluating its instance");
    // shrink and replay load TypeScript: run them as the installed command does.
    const cli = (...a: string[]) => spawnSync(process.execPath, [join(REPO, "bin/mechcheck.mjs"), ...a], { cwd: REPO, encoding: "utf8" });
    const sh = cli("shrink", file);
    expect(sh.status, sh.stderr).toBe(0);
    expect(sh.stdout).toMatch(/before: 2 agents, 8 types/); // {0..3} for each of n = 2 bidders
    expect(sh.stdout).toMatch(/after: .*\(\d+ steps?\)/);
    const rp = cli("replay", s);
    expect(rp.status, rp.stderr).toBe(0);
    expect(rp.stdout).toMatch(/ok: 1 of 1 replayed as expected/);
    // control: a record naming a conjecture file that does not exist is refused by shrink (exit 2, one line)
    const broken = join(mkdtempSync(join(tmpdir(), "mechcheck-broken-")), "pivot-budget-balance");
    spawnSync("mkdir", ["-p", broken]);
    writeFileSync(join(broken, "case.json"), JSON.stringify({ ...rec, conjectureFile: "nowhere/missing.ts" }, null, 2));
    const bad = cli("shrink", join(broken, "case.json"));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/conjecture "pivot-budget-balance" in nowhere\/missing\.ts .* was not found/);
  }, 300_000);
});
