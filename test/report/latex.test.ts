/**
 * `mechcheck show --format latex` output, structurally (fast, every saved case): every tabular is
 * opened and closed, every row has exactly as many cells as the column spec, rows end with \\,
 * special characters outside math are escaped (in cells and in running text), math is balanced,
 * no raw Unicode math is left. The real compilation with pdflatex is
 * test/report/latex-compile.test.ts.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { latexCell, renderTable } from "../../src/format/table.ts";
import { STORE_ROOT } from "../../src/paths.ts";

function checkLatex(src: string): void {
  let inTab = false;
  let cols = 0;
  for (const line of src.split("\n")) {
    if (line.trim() === "" || line.startsWith("%")) continue;
    const open = /^\\begin\{tabular\}\{([lcr|]+)\}$/.exec(line);
    if (open) {
      expect(inTab, "nested tabular").toBe(false);
      inTab = true;
      cols = open[1]!.replace(/\|/g, "").length;
      continue;
    }
    if (line === "\\end{tabular}") {
      expect(inTab).toBe(true);
      inTab = false;
      continue;
    }
    if (!inTab) {
      // Running text (title, headings, paragraphs, notes): specials escaped, no raw Unicode.
      const text = line.split(/(?<!\\)\$[^$]*(?<!\\)\$/).join("").replace(/\\(?:[a-zA-Z]+\*?|['`^"~=.])(?:\{[^{}]*\}|\[[^\]]*\])*/g, "").replace(/^\{|\}$/g, "");
      expect(text, `unescaped special in text: ${line}`).not.toMatch(/(?<!\\)[#%&_^~$]/);
      expect(/[^\x00-\x7f]/.test(text), `raw unicode in text: ${line}`).toBe(false);
      continue;
    }
    if (line === "\\hline") continue;
    expect(line.endsWith(" \\\\"), line).toBe(true);
    const body = line.slice(0, -3);
    // Split on & outside math, ignoring escaped \&.
    const cells = body.split(/(?<!\\)&/);
    expect(cells.length, line).toBe(cols);
    for (const cell of cells) {
      const dollars = (cell.match(/(?<!\\)\$/g) ?? []).length;
      expect(dollars % 2, `unbalanced math in ${cell}`).toBe(0);
      const outside = cell.split(/(?<!\\)\$[^$]*(?<!\\)\$/).join("");
      // Braces are allowed only as the argument of a command (\textasciicircum{}, \'{e}, \mathrm{x}).
      const commandsStripped = outside.replace(/\\(?:[a-zA-Z]+|['`^"~=.])\{[^{}]*\}/g, "");
      expect(commandsStripped, `unescaped special in ${cell}`).not.toMatch(/(?<!\\)[#%&_^~{}]/);
      expect(/[θπ→≥≤Σ−×⇒]/.test(outside), `raw unicode math in ${cell}`).toBe(false);
    }
  }
  expect(inTab, "unclosed tabular").toBe(false);
}

describe("LaTeX output", () => {
  it("escapes specials and typesets fractions", () => {
    expect(latexCell("-3/7")).toBe("$-\\frac{3}{7}$");
    expect(latexCell("a_b & 50%")).toBe("a\\_b \\& 50\\%");
    checkLatex(renderTable({ caption: "x", headers: ["θ_i", "p&q"], rows: [["1/2", "#"], ["x{y}", "−1"]] }, "latex"));
  });

  it("the checker rejects broken tabulars (it can fail)", () => {
    expect(() => checkLatex("\\begin{tabular}{lr}\na & b & c \\\\\n\\end{tabular}")).toThrow();
    expect(() => checkLatex("\\begin{tabular}{lr}\na_b & c \\\\\n\\end{tabular}")).toThrow();
    expect(() => checkLatex("\\begin{tabular}{lr}\na & c \\\\")).toThrow();
    expect(() => checkLatex("\\begin{tabular}{lr}\na{b} & c \\\\\n\\end{tabular}")).toThrow();
    expect(() => checkLatex("\\begin{tabular}{lr}\n\\textasciicircum{}2 & c \\\\\n\\end{tabular}")).not.toThrow();
    expect(() => checkLatex("text with a_b outside")).toThrow();
    expect(() => checkLatex("text with λ outside")).toThrow();
    expect(() => checkLatex("\\subsection*{a\\_b $\\lambda$}")).not.toThrow();
  });

  for (const id of readdirSync(STORE_ROOT).filter((d) => !d.includes("."))) {
    for (const f of readdirSync(join(STORE_ROOT, id)).filter((f) => f.endsWith(".json"))) {
      it(`show --format latex ${id}/${f} is well-formed`, async () => {
        const out: string[] = [];
        const code = await main(["show", join(STORE_ROOT, id, f), "--format", "latex"], { out: (s) => out.push(s), err: (s) => out.push(s) });
        expect(code).toBe(0);
        checkLatex(out.join("\n"));
      });
    }
  }
});
