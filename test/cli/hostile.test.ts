/**
 * Issue 9, hostile use of the CLI: every case below was seen to give a false "holds", a stack trace
 * (exit 3), a lost result or an accepted bad flag before the fix. Each asserts the documented exit
 * code and a one-line message; each has a negative control (valid use still works).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { scanCounterexamples } from "../../src/store/counterexamples.ts";
import { capture, conjectureFile, oneLineErrors, scratch } from "./hostile-support.ts";

async function run(args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.text(), err: c.errText(), c };
}

afterEach(() => {
  delete process.env.MECHCHECK_FAULT_INJECT;
});

describe("conjecture: no false 'holds' (issue 9, item 1)", () => {
  const dir = scratch();
  const store = join(dir, "store");
  const conj = (name: string, check: string, extra = "") => conjectureFile(dir, name, check, extra);

  it("a check returning 42 / undefined / a string is an error naming the value and the case, exit 2", async () => {
    for (const [name, body, shown] of [
      ["ret42", "((_n: number) => 42) as never", "42"],
      ["retundef", "((_n: number) => undefined) as never", "undefined"],
      ["retstr", "((_n: number) => \"yes\") as never", '"yes"'],
      ["retokstr", "((_n: number) => ({ ok: \"true\" })) as never", '{"ok":"true"}'],
    ] as const) {
      const r = await run(["conjecture", conj(name, body), "--store", store, "--no-typecheck"]);
      expect(r.code, name).toBe(2);
      expect(r.out).toMatch(new RegExp(`${name}\\s+error`));
      expect(r.out).toContain(`check returned ${shown}`);
      expect(r.out).toMatch(/replay: \{ seed: \d+, path: "[\d:]*" \}/);
      expect(r.out).not.toMatch(/holds/);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    }
  });

  it("an async check is refused by name (error, exit 2), never 'holds'", async () => {
    const r = await run(["conjecture", conj("asyncholds", "(async (_n: number) => true) as never"), "--store", store, "--no-typecheck", "--json"]);
    expect(r.code).toBe(2);
    const res = JSON.parse(r.out);
    expect(res.results[0]).toMatchObject({ verdict: "error", ok: false });
    expect(res.results[0].error).toMatch(/\[async-check\].*Promise.*async checks are not supported/);
  });

  it("runs: -5 (and 1.5, 10^8) in the spec is refused before anything runs", async () => {
    for (const runs of ["-5", "1.5", "1e8", "0"]) {
      const f = join(dir, `runs${runs.replace(/\W/g, "_")}.ts`);
      writeFileSync(f, `import fc from "fast-check";\nimport { conjecture } from ${JSON.stringify(join(dir, "../", "x").replace(/x$/, ""))};\n`);
      writeFileSync(f, readFileSync(conj("runsbase", "(_n: number) => true"), "utf8").replace('check:', `runs: ${runs}, check:`));
      const r = await run(["conjecture", f, "--store", store, "--no-typecheck"]);
      expect(r.code, runs).toBe(2);
      expect(r.err).toMatch(/error \[bad-conjecture\]: .*runs must be an integer in \[1, 10\^7\], got /);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    }
  });

  it("a check that throws is 'error' (never 'refuted'), one line without --debug, the stack with it", async () => {
    const f = conj("thrower", "(n: number) => { if (n > 3) throw new TypeError(`boom ${n}`); return true; }");
    const r = await run(["conjecture", f, "--store", store, "--no-typecheck"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/thrower\s+error/);
    expect(r.out).toMatch(/check threw TypeError: boom \d+/);
    expect(r.out).not.toMatch(/refuted/);
    expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    expect(existsSync(join(store, "thrower"))).toBe(false); // an error is not a counterexample
    const d = await run(["conjecture", f, "--store", store, "--no-typecheck", "--debug"]);
    expect(d.code).toBe(2);
    expect(d.out).toMatch(/\n\s+at /);
  });

  it("a check that never returns ends as 'error: timeout'; the file's other conjectures still run", async () => {
    const f = join(dir, "loops.ts");
    writeFileSync(
      f,
      readFileSync(conj("loopbase", "(_n: number) => true"), "utf8").replace(
        /export default[\s\S]*$/,
        'export const spin = conjecture({ id: "spin", statement: "s", arbitrary: fc.integer({ min: 0, max: 100 }), check: (n) => { if (n > 5) for (;;) {} return true; } });\nexport const fine = conjecture({ id: "fine", statement: "s", arbitrary: fc.integer(), check: (n) => n === n });\n',
      ),
    );
    const r = await run(["conjecture", f, "--store", store, "--no-typecheck", "--timeout", "400", "--json"]);
    expect(r.code).toBe(2);
    const res = JSON.parse(r.out);
    const byId = Object.fromEntries(res.results.map((x: { id: string }) => [x.id, x]));
    expect(byId.spin).toMatchObject({ verdict: "error" });
    expect(byId.spin.error).toMatch(/^timeout: case #\d+ .* longer than 400 ms/);
    expect(byId.fine).toMatchObject({ verdict: "holds", cases: 200 });
  }, 60_000);

  it("type errors are reported with file:line:col before anything runs", async () => {
    const marker = join(dir, "ran.txt");
    const f = conj("typeerr", "(n: number) => n.toFixed(2) === 3", `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nconst x: number = "not a number";`);
    const r = await run(["conjecture", f, "--store", store]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error \[type-error\]: conjecture: 2 type errors, nothing was run: .*typeerr\.ts:5:7: Type 'string' is not assignable to type 'number'/);
    expect(r.err).toMatch(/typeerr\.ts:6:\d+: This comparison appears to be unintentional/);
    expect(existsSync(marker)).toBe(false);
    expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
  }, 60_000);

  it("a failing case holding a cycle cannot be saved: one-line error, the finding kept in the message", async () => {
    const f = join(dir, "cyclic.ts");
    writeFileSync(
      f,
      readFileSync(conj("cycbase", "(_n: number) => true"), "utf8").replace(
        /export default[\s\S]*$/,
        'export default conjecture({ id: "cyclic", statement: "s", arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => { const o: { n: number; self?: unknown } = { n }; o.self = o; return o; }), check: (o) => o.n < 3 });\n',
      ),
    );
    const r = await run(["conjecture", f, "--store", store, "--no-typecheck"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/cyclic: error: \[unencodable-case\] .*cycle at \$\.self.*the check did fail on a case/);
    expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
  });

  it("negative controls: a true conjecture holds (exit 0), a false one is refuted (exit 1) and saved", async () => {
    const t = await run(["conjecture", conj("truth", "(n: number) => n >= 0"), "--store", store, "--no-typecheck"]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/truth\s+holds\s+200/);
    const f = await run(["conjecture", conj("falsity", "(n: number) => n < 50"), "--store", store, "--no-typecheck"]);
    expect(f.code).toBe(1);
    expect(f.out).toMatch(/falsity\s+refuted/);
    expect(readdirSync(join(store, "falsity"))).toHaveLength(1);
  });

  it("conjecture flags: --seed 1.5 / 2^31 / -1, --runs 1e9 / 0, --timeout 0 are refused with the range", async () => {
    const f = conj("flagged", "(n: number) => n >= 0");
    const cases: [string[], RegExp][] = [
      [["--seed", "1.5"], /--seed must be an integer in \[0, 2\^31 − 1\], not a fraction, got "1.5"/],
      [["--seed", "2147483648"], /--seed is above the limit 2\^31 − 1/],
      [["--seed", "-1"], /--seed is below the limit 0/],
      [["--runs", "1e9"], /--runs is above the limit 10\^7/],
      [["--runs", "0"], /--runs is below the limit 1/],
      [["--timeout", "0"], /--timeout is below the limit 1/],
      [["--seed", "1", "--seed", "2"], /--seed given twice/],
      [["extra.ts"], /unexpected argument "extra.ts"/],
    ];
    for (const [flags, msg] of cases) {
      const r = await run(["conjecture", f, "--store", store, "--no-typecheck", ...flags]);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.err).toMatch(msg);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    }
    // Control: the largest seed is accepted and echoed as used.
    const ok = await run(["conjecture", f, "--store", store, "--no-typecheck", "--seed", "2147483647", "--runs", "20", "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).results[0]).toMatchObject({ seed: 2147483647, cases: 20 });
  });
});

describe("flags of every command (issue 9, item 7)", () => {
  const bad: [string[], RegExp][] = [
    [["check", "vcg-dsic", "--scale", "0"], /--scale must be > 0 and ≤ 1000, got "0"/],
    [["check", "vcg-dsic", "--scale", "-1"], /--scale must be > 0 and ≤ 1000, got "-1"/],
    [["check", "vcg-dsic", "--scale", "1e-400"], /--scale must be > 0/],
    [["check", "vcg-dsic", "--runs", "1e9"], /--runs is above the limit 10\^7/],
    [["check", "vcg-dsic", "--runs", "2.5"], /--runs must be an integer/],
    [["check", "vcg-dsic", "--seed", "2147483648"], /--seed is above the limit 2\^31 − 1/],
    [["check", "vcg-dsic", "--seed", "1.0000000000000001"], /not a fraction/],
    [["check", "vcg-dsic", "--json=yes"], /--json takes no value/],
    [["shrink", "x.json", "--max-steps", "-1"], /--max-steps is below the limit 0/],
    [["tables", "extra"], /unexpected argument "extra" \(this command takes no arguments\)/],
    [["replay", "a", "b"], /unexpected argument "b" \(at most 1\)/],
    [["list", "x"], /unexpected argument "x"/],
    [["eval", "a.json", "b.json"], /unexpected argument "b.json"/],
    [["eval", "a.json", "--frob"], /unknown option --frob/],
    [["show", "a.json", "b.json"], /unexpected argument/],
    [["show", "a.json", "--format", "pdf"], /--format must be one of text, markdown, latex/],
    [["ce2007", "--seed", "-3"], /--seed is below the limit 0/],
    [["brooks-du", "--N", "1"], /--N is below the limit 2/],
    [["tables", "--max-k", "0"], /--max-k is below the limit 1/],
    [["brooks-du", "extra"], /brooks-du: unexpected argument "extra" \(this command takes no arguments\) \(usage: mechcheck study brooks-du /],
    [["lp"], /lp: expected one model file, got none \(usage: /],
  ];
  for (const [args, msg] of bad) {
    it(`${args.join(" ")} → exit 2, one line`, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
      expect(r.out).toBe("");
    });
  }

  it("negative control: valid flags at their limits are accepted", async () => {
    const r = await run(["check", "vcg-dsic", "--runs", "3", "--seed", "2147483647", "--scale", "1000", "--no-save", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).results[0]).toMatchObject({ id: "vcg-dsic", seed: 2147483647, runs: 3, cases: 3 });
    // The seed a counterexample echoes is the seed used (fast-check's own seed for the replay).
    const cx = await run(["check", "dsic-efficient-is-groves", "--runs", "40", "--seed", "2147483647", "--no-save", "--json"]);
    expect(JSON.parse(cx.out).results[0].counterexample.seed).toBe(2147483647);
    const s = await run(["check", "vcg-dsic", "--runs", "1e1", "--no-save", "--json"]);
    expect(JSON.parse(s.out).results[0]).toMatchObject({ runs: 10 });
  });
});

describe("stack traces and lost results (issue 9, item 5)", () => {
  const dir = scratch();

  it("--store pointing at a file and --report at a directory are refused before running", async () => {
    const file = join(dir, "not-a-store");
    writeFileSync(file, "x");
    const a = await run(["check", "vcg-dsic", "--runs", "2", "--store", file]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--store ".*not-a-store" is a file, not a directory/);
    const b = await run(["check", "vcg-dsic", "--runs", "2", "--report", dir]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/--report ".*" is a directory/);
    for (const r of [a, b]) expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
  });

  for (const fault of ["EACCES", "ENOSPC"]) {
    it(`a store whose writes fail with ${fault} is a warning: results printed, exit code of the run`, async () => {
      const store = join(dir, `store-${fault}`);
      process.env.MECHCHECK_FAULT_INJECT = fault;
      const r = await run(["check", "dsic-efficient-is-groves", "--runs", "40", "--store", store]);
      delete process.env.MECHCHECK_FAULT_INJECT;
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/dsic-efficient-is-groves\s+refutation.*refuted/);
      expect(r.out).toMatch(/replay: \{ seed: \d+, path: "[\d:]+" \}/);
      expect(r.out).not.toMatch(/saved: /);
      expect(r.err).toMatch(new RegExp(`warning: dsic-efficient-is-groves: the counterexample was NOT saved .*${fault}`));
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
      expect(scanCounterexamples(store).problems).toEqual([]);
      // Control: without the fault the same run saves its case.
      const ok = await run(["check", "dsic-efficient-is-groves", "--runs", "40", "--store", store]);
      expect(ok.out).toMatch(/saved: /);
      expect(readdirSync(join(store, "dsic-efficient-is-groves"))).toHaveLength(1);
    });
  }

  it("a --report that cannot be written (ENOSPC) is one line, exit 2, after the results", async () => {
    process.env.MECHCHECK_FAULT_INJECT = "ENOSPC";
    const r = await run(["check", "vcg-dsic", "--runs", "3", "--no-save", "--report", join(dir, "r.md")]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/vcg-dsic .*holds/);
    expect(r.err).toMatch(/^mechcheck check: error \[ENOSPC\]: open .*r\.md: no space left on the device$/);
  });

  it("show of a file holding null / an array / a number / a string is an error, exit 2", async () => {
    for (const [name, text] of [["null", "null"], ["array", "[1, 2]"], ["number", "42"], ["string", '"x"'], ["empty-object", "{}"]]) {
      const f = join(dir, `${name}.json`);
      writeFileSync(f, text);
      const r = await run(["show", f]);
      expect(r.code, name).toBe(2);
      expect(r.err).toMatch(/^mechcheck show: error \[invalid-input\]: /);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    }
  });

  it("replay of a file path, a missing folder: exit 2; a dangling symlink and a corrupt file: reported, the rest replayed", async () => {
    const f = join(dir, "file.json");
    writeFileSync(f, "{}");
    expect((await run(["replay", f])).code).toBe(2);
    const missing = await run(["replay", join(dir, "no", "such", "dir")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no store folder/);
    // A store with one good record (copied from the repository's), one truncated, one dangling link.
    const store = join(dir, "mixed");
    const id = "dsic-efficient-is-groves";
    mkdirSync(join(store, id), { recursive: true });
    const good = readdirSync(join("counterexamples", id)).find((n) => n.endsWith(".json"))!;
    writeFileSync(join(store, id, good), readFileSync(join("counterexamples", id, good)));
    writeFileSync(join(store, id, "case-truncated.json"), readFileSync(join("counterexamples", id, good), "utf8").slice(0, 100));
    symlinkSync(join(dir, "nowhere.json"), join(store, id, "case-dangling.json"));
    symlinkSync(join(dir, "nowhere"), join(store, "dangling-folder"));
    const r = await run(["replay", store, "--json"]);
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.results).toHaveLength(4);
    expect(res.results.find((x: { file: string }) => x.file.endsWith(good))).toMatchObject({ ok: true });
    for (const bad of ["case-truncated.json", "case-dangling.json", "dangling-folder"]) expect(res.results.find((x: { file: string }) => x.file.endsWith(bad)), bad).toMatchObject({ ok: false, message: expect.stringMatching(/^unreadable, skipped/) });
    expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
    // check of that id reports the corrupt file as a warning and still runs.
    const c = await run(["check", id, "--runs", "20", "--store", store, "--no-save"]);
    expect(c.code).toBe(0);
    expect(c.err).toMatch(/warning: .*case-truncated\.json: .* \(skipped; the other saved cases were replayed\)/);
  });

  it("shrink of a record whose theorem was edited (the case no longer decodes) is one line, exit 2", async () => {
    // A saved bm-nonseparable case missing the field an edited codec now reads (was: TypeError, stack, exit 3).
    const id = "bm-nonseparable";
    const name = readdirSync(join("counterexamples", id)).find((n) => n.endsWith(".json"))!;
    const rec = JSON.parse(readFileSync(join("counterexamples", id, name), "utf8"));
    const keys = Object.keys(rec.instance);
    delete rec.instance[keys[keys.length - 1]!];
    const f = join(dir, "stale.json");
    writeFileSync(f, JSON.stringify(rec));
    const r = await run(["shrink", f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mechcheck shrink: error \[stale-record\]: shrink: .*stale\.json: the saved case of bm-nonseparable no longer decodes \(TypeError: .*\); was the theorem edited/);
    expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
  });
});
