/**
 * Tables as data, rendered as plain text, Markdown or a LaTeX `tabular` an economist can paste into
 * a paper. Reporters build Table values; nothing here knows economics.
 */
export type Format = "text" | "markdown" | "latex";

export interface Table {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** A line under the table, e.g. "… 12 more profiles" when rows were capped. */
  readonly note?: string;
}

export function renderTable(t: Table, format: Format): string {
  if (format === "markdown") {
    const esc = (s: string) => s.replace(/\|/g, "\\|");
    return [`**${esc(t.caption)}**`, "", `| ${t.headers.map(esc).join(" | ")} |`, `|${t.headers.map(() => "---").join("|")}|`, ...t.rows.map((r) => `| ${r.map(esc).join(" | ")} |`), ...(t.note ? ["", `*${esc(t.note)}*`] : [])].join("\n");
  }
  if (format === "latex") {
    // Numbers right-aligned, text left-aligned: a column is "r" when every cell is an exact number (or empty/—).
    const numeric = (c: number) => t.rows.length > 0 && t.rows.every((r) => /^(-?\d+(\/\d+)?|—|)$/.test(r[c] ?? ""));
    const cols = t.headers.map((_, c) => (c > 0 && numeric(c) ? "r" : "l")).join("");
    return [
      `% ${latexComment(t.caption)}`,
      `\\begin{tabular}{${cols}}`,
      "\\hline",
      t.headers.map(latexCell).join(" & ") + " \\\\",
      "\\hline",
      ...t.rows.map((r) => r.map(latexCell).join(" & ") + " \\\\"),
      "\\hline",
      "\\end{tabular}",
      ...(t.note ? ["", `{\\small ${latexText(t.note)}}`] : []),
    ].join("\n");
  }
  return [t.caption, textTable(t.headers, t.rows), ...(t.note ? [t.note] : [])].join("\n");
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
  // OT1 (LaTeX's default font encoding) prints < > | in text as other glyphs: set them in math.
  "<": "$<$",
  ">": "$>$",
  "|": "$|$",
};

/** A cell: exact fractions p/q become $p/q$ (with a proper minus sign); text is escaped. */
export function latexCell(s: string): string {
  if (/^-?\d+(\/\d+)?$/.test(s)) {
    const neg = s.startsWith("-");
    const body = neg ? s.slice(1) : s;
    const [p, d] = body.split("/");
    return `$${neg ? "-" : ""}${d ? `\\frac{${p}}{${d}}` : p}$`;
  }
  return s.replace(/[\\&%$#_{}~^<>|]/g, (c) => LATEX_SPECIAL[c]!).replace(/[^\x00-\x7f]/gu, latexUnicode);
}

const LATEX_SYMBOL: Record<string, string> = { θ: "$\\theta$", π: "$\\pi$", "→": "$\\to$", "≥": "$\\geq$", "≤": "$\\leq$", Σ: "$\\Sigma$", "−": "$-$", "×": "$\\times$", "⇒": "$\\Rightarrow$", "≠": "$\\neq$", "∈": "$\\in$", "∉": "$\\notin$", "∞": "$\\infty$", "·": "$\\cdot$", "…": "$\\ldots$", "′": "$'$", "≈": "$\\approx$", "⊆": "$\\subseteq$", "⊂": "$\\subset$", "∅": "$\\emptyset$", "∑": "$\\sum$", "∏": "$\\prod$", "√": "$\\surd$", "⇔": "$\\Leftrightarrow$", "←": "$\\leftarrow$", "↦": "$\\mapsto$", "∀": "$\\forall$", "∃": "$\\exists$", "∧": "$\\wedge$", "∨": "$\\vee$", "¬": "$\\neg$", "–": "--", "—": "---", "“": "``", "”": "''", "‘": "`", "’": "'", "²": "$^2$", "³": "$^3$", "½": "$\\frac{1}{2}$", "é": "\\'e", "è": "\\`e", "ü": '\\"u', "ö": '\\"o', "ä": '\\"a', "ç": "\\c c" };

/** Greek letters by name (lower case: α…ω; upper case where LaTeX has a command). */
const GREEK = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega".split(" ");
const GREEK_UPPER = new Set(["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"]);

/**
 * Any non-ASCII character of a cell as plain-LaTeX input that pdflatex compiles without packages:
 * known symbols and Greek letters as commands, anything else as its code point, e.g. [U+2135]
 * (no braces: a cell's text stays free of unescaped LaTeX specials).
 */
function latexUnicode(c: string): string {
  const known = LATEX_SYMBOL[c];
  if (known !== undefined) return known;
  const cp = c.codePointAt(0)!;
  // Subscript and superscript digits (θ₁, x²): math sub/superscripts.
  if (cp >= 0x2080 && cp <= 0x2089) return `$_${cp - 0x2080}$`;
  if (cp === 0xb9 || (cp >= 0x2070 && cp <= 0x2079 && cp !== 0x2071 && cp !== 0x2072 && cp !== 0x2073)) return `$^${cp === 0xb9 ? 1 : cp - 0x2070}$`;
  if (cp >= 0x3b1 && cp <= 0x3c9) {
    const name = GREEK[cp - 0x3b1]!;
    return name === "omicron" ? "$o$" : `$\\${name}$`;
  }
  if (cp >= 0x391 && cp <= 0x3a9) {
    const name = GREEK[cp - 0x391]!;
    const upper = name[0]!.toUpperCase() + name.slice(1);
    return GREEK_UPPER.has(upper) ? `$\\${upper}$` : `[U+${cp.toString(16).toUpperCase().padStart(4, "0")}]`;
  }
  return `[U+${cp.toString(16).toUpperCase().padStart(4, "0")}]`;
}

/** Running text (a paragraph, a heading, a caption) with LaTeX specials and Unicode escaped. */
export function latexText(s: string): string {
  return s.replace(/[\\&%$#_{}~^<>|]/g, (c) => LATEX_SPECIAL[c]!).replace(/[^\x00-\x7f]/gu, latexUnicode).replace(/\n/g, " ");
}

function latexComment(s: string): string {
  return s.replace(/\n/g, " ").replace(/[^\x00-\x7f]/gu, latexUnicode);
}
