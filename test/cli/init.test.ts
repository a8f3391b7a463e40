/** `mechcheck init [dir]`: a conjecture project, never overwriting a file; its conjecture runs there. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { scaffold } from "../../src/cli/commands/init.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe("mechcheck init", () => {
  it("scaffolds a project whose example conjecture holds, and whose false one is refuted into its own .mechcheck/", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "mechcheck-init-")), "my-conjectures");
    const c = capture();
    expect(await main(["init", dir], c.io)).toBe(0);
    for (const f of Object.keys(scaffold("x"))) expect(existsSync(join(dir, f)), f).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ name: "my-conjectures", type: "module" });
    expect(Object.keys(pkg.dependencies)).toContain("mechcheck");
    // The example test is a property test through @fast-check/vitest's test.prop (issue 13); it runs
    // in the installed project (scripts/package-test.ts installs the scaffold and runs its vitest).
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["vitest", "@fast-check/vitest"]));
    const propTest = readFileSync(join(dir, "test", "pivot.test.ts"), "utf8");
    expect(propTest).toMatch(/import \{ test \} from "@fast-check\/vitest"/);
    expect(propTest).toMatch(/test\.prop\(\[privateValuesEnvironment/);
    // The example holds (type-checked first; mechcheck is not installed there: it resolves from this package).
    const run = capture();
    expect(await main(["conjecture", join(dir, "conjectures", "pivot-no-deficit.ts"), "--json"], run.io)).toBe(0);
    expect(JSON.parse(run.out.join("\n")).results[0]).toMatchObject({ id: "pivot-no-deficit", verdict: "holds" });
    // Control: a false conjecture in the same project is refuted; its case lands in the project's cache.
    writeFileSync(join(dir, "conjectures", "false.ts"), `import { conjecture, fc } from "mechcheck";\nexport default conjecture({ id: "below-five", statement: "x < 5", arbitrary: fc.integer({ min: 0, max: 10 }), check: (x) => x < 5 });\n`);
    const bad = capture();
    expect(await main(["conjecture", join(dir, "conjectures", "false.ts"), "--json"], bad.io)).toBe(1);
    expect(readdirSync(join(dir, ".mechcheck", "counterexamples", "below-five"))).toHaveLength(1);
    expect(existsSync(join(dir, "counterexamples"))).toBe(false);
  });

  it("never overwrites an existing file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-init-"));
    mkdirSync(join(dir, "conjectures"));
    writeFileSync(join(dir, "package.json"), '{ "name": "mine" }\n');
    writeFileSync(join(dir, "conjectures", "pivot-no-deficit.ts"), "// my own work\n");
    const c = capture();
    expect(await main(["init", dir], c.io)).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe('{ "name": "mine" }\n');
    expect(readFileSync(join(dir, "conjectures", "pivot-no-deficit.ts"), "utf8")).toBe("// my own work\n");
    expect(c.out.join("\n")).toMatch(/kept \(already there, not overwritten\): package\.json, conjectures\/pivot-no-deficit\.ts/);
    expect(existsSync(join(dir, "tsconfig.json"))).toBe(true);
    // A file where the folder should be: one line, exit 2.
    const bad = capture();
    expect(await main(["init", join(dir, "package.json")], bad.io)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/^mechcheck init: error \[usage\]: .* is a file, not a folder$/);
  });
});
