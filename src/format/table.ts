/**
 * Tables as data, rendered as plain text, Markdown or a LaTeX `tabular` an economist can paste into
 * a paper. Reporters build Table values; nothing here knows economics.
 */
export type Format = "text" | "markdown" | "latex";

export interface Table {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function renderTable(t: Table, format: Format): string {
  if (format === "markdown") {
    const esc = (s: string) => s.replace(/\|/g, "\\|");
    return [`**${esc(t.caption)}**`, "", `| ${t.headers.map(esc).join(" | ")} |`, `|${t.headers.map(() => "---").join("|")}|`, ...t.rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
  }
  if (format === "latex") {
    const cols = "l" + "r".repeat(Math.max(0, t.headers.length - 1));
    return [
      `% ${latexComment(t.caption)}`,
      `\\begin{tabular}{${cols}}`,
      "\\hline",
      t.headers.map(latexCell).join(" & ") + " \\\\",
      "\\hline",
      ...t.rows.map((r) => r.map(latexCell).join(" & ") + " \\\\"),
      "\\hline",
      "\\end{tabular}",
    ].join("\n");
  }
  return [t.caption, textTable(t.headers, t.rows)].join("\n");
}

/** The one plain-text table: columns padded to their widest cell, a rule under the headers. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((s, c) => (s ?? "").padEnd(widths[c]!)).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A Markdown table without caption (`|` in cells escaped). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${headers.map(esc).join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

const LATEX_SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** A cell: exact fractions p/q become $p/q$ (with a proper minus sign); text is escaped. */
export function latexCell(s: string): string {
  if (/^-?\d+(\/\d+)?$/.test(s)) {
    const neg = s.startsWith("-");
    const body = neg ? s.slice(1) : s;
    const [p, d] = body.split("/");
    return `$${neg ? "-" : ""}${d ? `\\frac{${p}}{${d}}` : p}$`;
  }
  return s.replace(/[\\&%$#_{}~^]/g, (c) => LATEX_SPECIAL[c]!).replace(/[θπ→≥≤Σ−×⇒]/g, (c) => LATEX_SYMBOL[c]!);
}

const LATEX_SYMBOL: Record<string, string> = { θ: "$\\theta$", π: "$\\pi$", "→": "$\\to$", "≥": "$\\geq$", "≤": "$\\leq$", Σ: "$\\Sigma$", "−": "$-$", "×": "$\\times$", "⇒": "$\\Rightarrow$" };

function latexComment(s: string): string {
  return s.replace(/\n/g, " ");
}
