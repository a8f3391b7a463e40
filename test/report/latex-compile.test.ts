/**
 * `mechcheck show --format latex --standalone` compiled by the real pdflatex
 * (`-halt-on-error -interaction=nonstopmode`), one saved case per kind of case file (the instance
 * format, bilateral-trade grids, a prior over value profiles, a Harsanyi type space, i.i.d. and
 * independent value grids, public-good grids, a shape shown field by field, a conjecture case saved
 * with the default exact-JSON codec) plus a Unicode-heavy one. Each must give a PDF of ≥ 1 page;
 * page 1 of the Unicode-heavy case is rendered to PNG with pdftoppm, and the paths and sizes are
 * printed so CI's log shows them. Everything is written under os.tmpdir().
 *
 * pdflatex missing is a FAILURE, not a skip: `.ci/run` installs Debian's texlive-latex-base.
 * Negative controls: broken LaTeX, and raw Unicode without the escaping, must fail to compile.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { compileLatex, INSTALL_HINT, missingTools, pageToPng } from "../../scripts/latex.ts";
import { writeShowFixtures } from "../support/showFixtures.ts";

/** One saved case per decoder of src/report/caseView.ts (the file names are in counterexamples/). */
const CASES: readonly [string, string][] = [
  ["instance format", "dsic-efficient-is-groves/case-caf8a4d5a4ce.json"],
  ["instance format, common prior", "revenue-equivalence-correlated/case-3d315e3d2aa0.json"],
  ["bilateral-trade grid", "dagv-interim-ir/case-5c1be214ef48.json"],
  ["prior over value profiles (φ̃, π*, Σ in the text)", "ce2007-maxmin-slide/case-7b47a295fa0d.json"],
  ["Harsanyi type space (λ in the text)", "morris-ic-trade-slide/case-ab838378ffe0.json"],
  ["i.i.d. value grid", "bulow-klemperer-grid/case-356dda3e9792.json"],
  ["independent value grids", "myerson-discrete-unironed/case-7e46d1a0392c.json"],
  ["public-good grid", "public-good-impossibility-grid/case-008c5392f42a.json"],
  ["field by field, with a derivation", "bm-nonseparable/case-3cdeaa48b509.json"],
  ["partnership grid", "cgk-dissolution-grid/case-b9db8ae70756.json"],
  ["one agent and a rule (→ in the text)", "weak-monotonicity-finite/case-c30b1af2b760.json"],
];

async function standalone(file: string): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["show", file, "--format", "latex", "--standalone"], { out: (s) => out.push(s), err: (s) => err.push(s) });
  expect(code, err.join("\n")).toBe(0);
  return out.join("\n");
}

describe("show --format latex --standalone compiles with pdflatex", () => {
  let fixtures: ReturnType<typeof writeShowFixtures>;
  beforeAll(() => {
    fixtures = writeShowFixtures();
  });

  it("pdflatex and pdftoppm are installed (a failure, not a skip, when they are not)", () => {
    expect(missingTools(), INSTALL_HINT).toEqual([]);
  });

  for (const [what, rel] of CASES) {
    it(`${what}: ${rel}`, async () => {
      const r = compileLatex(await standalone(join(STORE_ROOT, rel)));
      expect(r.ok, `pdflatex failed on ${rel} in ${r.dir}:\n${r.log}`).toBe(true);
      expect(r.pages).toBeGreaterThanOrEqual(1);
    });
  }

  it("a conjecture case saved with the default exact-JSON codec", async () => {
    const r = compileLatex(await standalone(fixtures.defaultCodec));
    expect(r.ok, r.log).toBe(true);
    expect(r.pages).toBeGreaterThanOrEqual(1);
  });

  it("a Unicode-heavy case (Greek, subscripts, arrows, accents, CJK, emoji, every LaTeX special), page 1 rendered to PNG", async () => {
    const tex = await standalone(fixtures.unicode);
    expect(tex).not.toMatch(/[^\x00-\x7f]/); // every non-ASCII character escaped
    const r = compileLatex(tex, "unicode");
    expect(r.ok, r.log).toBe(true);
    expect(r.pages).toBeGreaterThanOrEqual(1);
    const png = pageToPng(r.pdf!, join(r.dir, "unicode-page1.png"));
    expect(png.bytes).toBeGreaterThan(1000);
    // One line for CI's log: where the compiled page is and how big.
    console.log(`LaTeX compiled: ${r.pdf} (${statSync(r.pdf!).size} bytes, ${r.pages} page${r.pages === 1 ? "" : "s"}); page 1 as PNG: ${png.png} (${png.bytes} bytes)`);
  });

  it("negative controls: broken LaTeX, and raw Unicode without the escaping, fail to compile", async () => {
    const broken = compileLatex("\\documentclass{article}\\begin{document}\\begin{tabular}{lr}\na & b \\\\\n\\undefinedcommandxyz\n\\end{document}\n", "broken");
    expect(broken.ok).toBe(false);
    expect(broken.pdf).toBeUndefined();
    expect(broken.log).toMatch(/^!/m);
    // The same document as the passing Unicode case, with one escaped character put back raw.
    const tex = await standalone(fixtures.unicode);
    const raw = compileLatex(tex.replace("[U+4E2D]", "中"), "raw");
    expect(raw.ok, "a raw CJK character must stop pdflatex (the escaping is what makes the case compile)").toBe(false);
  });
});
