/**
 * The static HTML report (`mechcheck report --html dir/`): the catalogue entries of a run with their
 * statements, citations resolved to full references, verdicts with a certificate summary,
 * counterexample tables for refutations (labels, exact rationals) and readable proofs where a
 * counterexample carries one. Math is typeset server-side by KaTeX (`renderToString`), so the pages
 * need no script; the CLI ships KaTeX's stylesheet and fonts next to them (works offline).
 *
 * Data in, files out (a map from relative file name to text): nothing here touches the disk. Every
 * piece of text is HTML-escaped; the only markup not built here is KaTeX's, which escapes its input.
 */
import katex from "katex";
import { MechcheckError } from "../errors.ts";
import { citedKeys, formatReference, reference, shortCitation } from "../references.ts";
import type { Table } from "../format/table.ts";
import type { Counterexample, Outcome, ReplayOutcome, TheoremKind } from "../catalogue/types.ts";
import { parseInstance } from "../instance/index.ts";
import { findProof, type CertificateSample } from "./certificateSample.ts";
import { instanceTables } from "./instanceTables.ts";
import { pct } from "./runs.ts";

/** What the report shows of a catalogue record. */
export interface HtmlTheorem {
  readonly id: string;
  readonly kind: TheoremKind;
  readonly source: string;
  readonly statement: string;
  readonly trueVersion?: string;
}

/** A run as `check --json` prints it (`ms` absent under `--no-timing`). */
export interface HtmlRun {
  readonly id: string;
  readonly outcome: Outcome;
  readonly ok: boolean;
  readonly cases: number;
  readonly casesMeetingHypothesis: number;
  readonly seed: number;
  readonly runs: number;
  readonly ms?: number;
  readonly tags?: Readonly<Record<string, number>>;
  readonly coverage?: Readonly<Record<string, number>>;
  readonly replayed?: readonly ReplayOutcome[];
  readonly counterexample?: Counterexample;
  readonly error?: string;
}

/** A curated counterexample of the id (shown for a refutation whose run found none itself). */
export interface HtmlSavedCase {
  readonly file: string;
  readonly instance: unknown;
  readonly violation: unknown;
  readonly message: string;
}

export interface HtmlEntry {
  readonly theorem: HtmlTheorem;
  readonly run: HtmlRun;
  readonly saved?: readonly HtmlSavedCase[];
  /** One generated case and its certificate (src/report/certificateSample.ts). */
  readonly example?: CertificateSample;
}

export interface HtmlReportMeta {
  readonly version: string;
  /** How the results were obtained, e.g. "mechcheck report --html out vcg-dsic --runs 20". */
  readonly command: string;
}

/** The stylesheet of KaTeX as the pages link it (the CLI copies it and its fonts/ there). */
export const KATEX_CSS = "katex/katex.min.css";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Inline math, typeset by KaTeX. A formula KaTeX rejects (a syntax error, an unknown command) comes
 * out as a visible `katex-error` span holding the TeX as text — never a silently red rendering.
 */
export function katexInline(tex: string): string {
  try {
    return katex.renderToString(tex, { throwOnError: true, strict: "ignore", output: "htmlAndMathml" });
  } catch (e) {
    if (!(e instanceof katex.ParseError)) throw e;
    return `<span class="katex-error" title="${escapeHtml(e.message)}">${escapeHtml(tex)}</span>`;
  }
}

const LETTER = "A-Za-z\\u0370-\\u03FF";
/** A word with a sub- or superscript: `p_i(θ)`, `θ_{-i}`, `h^IR_i`, `F^{1/n}`, `Σ_{j≠i}` (Unicode as written). */
const MATH_WORD = new RegExp(`[${LETTER}][${LETTER}0-9\\u0300-\\u036F′*]*(?:[_^](?:\\{[^{}\\s]*\\}|-?[${LETTER}0-9\\u0300-\\u036F*′]+))+(?:\\((?:[^()\\s]|\\([^()\\s]*\\))*\\))?`, "gu");

/** Characters a written formula may hold (letters, digits, brackets, sub/superscripts, operators). */
const FORMULA_CHARS = /^[\p{L}\p{M}\d()[\]{}_^′'*+\-−·×=≠≤≥<>⊆⊂∈∉⇒⇔→↦≡∑∏|,/…²³∞]+$/u;
/** What makes a token a formula rather than a lone letter or number. */
const STRONG = /[_^+−·×=≠≤≥<>⊆⊂∈∉⇒⇔→↦≡∑∏|…²³∞]|[\p{L}][\p{M}′']*[([]/u;
const ENUMERATION = /^\((?:i|ii|iii|iv|v|vi)′?\)$/;

type Segment = { readonly text: string } | { readonly tex: string };

/** One token's formula part (trailing punctuation apart), or null when the token is prose. */
function formulaToken(tok: string): { core: string; suffix: string; strong: boolean } | null {
  const m = /^(.*?)([,;:.]*)$/su.exec(tok)!;
  const core = m[1]!;
  if (core === "" || core === "a" || core === "A" || core === "I" || ENUMERATION.test(core) || !FORMULA_CHARS.test(core)) return null;
  if (!/[\p{L}\d]/u.test(core)) return STRONG.test(core) ? { core, suffix: m[2]!, strong: true } : null;
  // two letters side by side (outside sub- and superscripts) make a word, not a formula
  const bare = core.replace(/[_^](?:\{[^{}]*\}|[^\s_^(){}[\]]+)/g, "");
  if (/\p{L}\p{M}*\p{L}/u.test(bare)) return null;
  return { core, suffix: m[2]!, strong: STRONG.test(core) };
}

function balanced(f: string): boolean {
  const stack: string[] = [];
  for (const c of f) {
    if (c === "(" || c === "[" || c === "{") stack.push(c);
    else if (c === ")" || c === "]" || c === "}") {
      const o = stack.pop();
      if (o !== { ")": "(", "]": "[", "}": "{" }[c]) return false;
    }
  }
  return stack.length === 0;
}

/** Move unmatched outer brackets of a formula back to the text around it. */
function trimBrackets(f: string): { before: string; core: string; after: string } {
  let before = "";
  let after = "";
  let core = f;
  for (let k = 0; k < 8 && !balanced(core) && core.length > 1; k++) {
    const opens = (core.match(/[([]/g) ?? []).length;
    const closes = (core.match(/[)\]]/g) ?? []).length;
    if (opens > closes && /^[([]/.test(core)) {
      before += core[0];
      core = core.slice(1);
    } else if (closes > opens && /[)\]]$/.test(core)) {
      after = core.slice(-1) + after;
      core = core.slice(0, -1);
    } else break;
  }
  return { before, core, after };
}

/**
 * A written formula as TeX: set braces escaped (braces after _ or ^ group), Unicode operators KaTeX
 * reads, primes and minus signs normalized, multi-letter sub/superscripts upright.
 */
export function texOfFormula(f: string): string {
  let out = "";
  let prev = "";
  const stack: boolean[] = [];
  for (const c of f) {
    if (c === "{") {
      const group = prev === "_" || prev === "^";
      stack.push(group);
      out += group ? "{" : "\\{";
    } else if (c === "}") out += stack.pop() ? "}" : "\\}";
    else out += ({ "−": "-", "′": "'", "·": "\\cdot ", "×": "\\times ", "…": "\\ldots ", "²": "^2", "³": "^3", "∞": "\\infty ", "∑": "\\sum ", "Σ": "\\sum ", "∏": "\\prod ", "Π": "\\prod " } as Record<string, string>)[c] ?? c;
    prev = c;
  }
  return out
    .replace(/(\p{L})\u0332/gu, "\\underline{$1}")
    .replace(/(?<!\^)\*'/g, "{}^{*\\prime}")
    .replace(/(?<!\^)\*/g, "{}^{*}")
    .replace(/(^|[^\\A-Za-z])(max|min|sup|inf|log|exp)(?=[_^(])/g, "$1\\$2")
    .replace(/([_^])([A-Za-z]{2,})/g, "$1{\\mathrm{$2}}");
}

/** Text split into prose and formulas: runs of formula tokens, else sub/superscripted words inside prose. */
function segments(s: string): Segment[] {
  const out: Segment[] = [];
  const text = (t: string) => {
    if (t === "") return;
    // prose may still hold a sub/superscripted word: `E[max(max_i`
    let last = 0;
    for (const m of t.matchAll(MATH_WORD)) {
      if (m.index > last) out.push({ text: t.slice(last, m.index) });
      out.push({ tex: texOfFormula(m[0]) });
      last = m.index + m[0].length;
    }
    if (last < t.length) out.push({ text: t.slice(last) });
  };
  const parts = s.split(/(\s+)/);
  let k = 0;
  while (k < parts.length) {
    const first = k % 2 === 0 ? formulaToken(parts[k]!) : null;
    if (!first) {
      text(parts[k]!);
      k++;
      continue;
    }
    // the longest run of formula tokens separated by single spaces; a token with trailing punctuation ends it
    const run = [first];
    let j = k;
    while (run[run.length - 1]!.suffix === "" && j + 2 < parts.length && parts[j + 1] === " ") {
      const next = formulaToken(parts[j + 2]!);
      if (!next) break;
      run.push(next);
      j += 2;
    }
    const joined = run.map((t) => t.core).join(" ");
    const { before, core, after } = trimBrackets(joined);
    const strong = run.some((t) => t.strong) || (run.length === 1 && /^\p{L}[\p{M}′']*$/u.test(core));
    if (strong && balanced(core) && /[\p{L}\d]/u.test(core)) {
      text(before);
      out.push({ tex: texOfFormula(core) });
      text(after + run[run.length - 1]!.suffix);
    } else text(parts.slice(k, j + 1).join(""));
    k = j + 1;
  }
  return out;
}

/**
 * Text with its formulas typeset: runs of formula tokens (`n Σ_{t∈S} f(t)Q(t) ≤ 1 − (1 − f(S))^n`,
 * `K ≥ 3`, a lone variable `Q`) and sub/superscripted words inside prose become KaTeX; the rest is
 * escaped text.
 */
export function mathText(s: string): string {
  return segments(s)
    .map((g) => ("tex" in g ? katexInline(g.tex) : escapeHtml(g.text)))
    .join("");
}

/** The formulas `mathText` typesets in a text, as TeX (for tests and the negative control). */
export function formulasOf(s: string): string[] {
  return segments(s).flatMap((g) => ("tex" in g ? [g.tex] : []));
}

const RATIONAL = /^(-?)(\d+)(?:\/(\d+))?$/;

/** A table cell: an exact rational p/q is typeset as a fraction (exactly those digits); text is escaped. */
export function cellHtml(s: string): string {
  const m = RATIONAL.exec(s);
  if (m) {
    const [, sign, p, q] = m;
    return `<span class="num" title="${escapeHtml(s)}">${q ? katexInline(`${sign}\\dfrac{${p}}{${q}}`) : escapeHtml(`${sign ? "−" : ""}${p}`)}</span>`;
  }
  // a list of rationals, as a violation's flattened array prints it: "[1/3, -1, 3]"
  const list = /^\[(.*)\]$/.exec(s);
  if (list && list[1]!.split(", ").every((x) => RATIONAL.test(x))) return `[${list[1]!.split(", ").map(cellHtml).join(", ")}]`;
  return escapeHtml(s);
}

/** Rows shown per table; longer tables end with an explicit "… N more rows" row. */
export const MAX_TABLE_ROWS = 40;

export function tableHtml(t: Table, cls = "", maxRows = MAX_TABLE_ROWS): string {
  const shown = t.rows.slice(0, maxRows);
  const more = t.rows.length - shown.length;
  return [
    `<table${cls ? ` class="${escapeHtml(cls)}"` : ""}>`,
    `<caption>${escapeHtml(t.caption)}</caption>`,
    `<thead><tr>${t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${shown.map((r) => `<tr>${r.map((c) => `<td>${cellHtml(c)}</td>`).join("")}</tr>`).join("\n")}${more > 0 ? `\n<tr class="more"><td colspan="${t.headers.length}">… ${more} more row${more === 1 ? "" : "s"}</td></tr>` : ""}</tbody>`,
    "</table>",
  ].join("\n");
}

/** Key/value rows of any JSON value (nested keys joined with dots; arrays of scalars in brackets). */
export function flattenRows(v: unknown, prefix = ""): string[][] {
  if (v === null || typeof v !== "object") return [[prefix || "value", String(v)]];
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return [[prefix || "value", `[${v.map(String).join(", ")}]`]];
  const rows: string[][] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === "proof" || k === "renderedProof") continue;
    rows.push(...flattenRows(x, prefix ? `${prefix}.${k}` : k));
  }
  return rows.length ? rows : [[prefix || "value", Array.isArray(v) ? "[]" : "{}"]];
}


/**
 * A JSON value as tables: its scalar fields as key/value rows (nested keys joined with dots), and
 * each array of records with the same scalar fields (e.g. Farkas multipliers by row) as a table of
 * its own, one row per record.
 */
export function jsonTables(caption: string, v: unknown): Table[] {
  const rows: string[][] = [];
  const extra: Table[] = [];
  const scalar = (x: unknown) => x === null || typeof x !== "object";
  const walk = (x: unknown, prefix: string): void => {
    if (Array.isArray(x) && x.length > 0 && x.every((e) => e !== null && typeof e === "object" && !Array.isArray(e))) {
      const keys = Object.keys(x[0] as object).filter((k) => k !== "proof" && k !== "renderedProof");
      const uniform = keys.length > 0 && x.every((e) => { const o = e as Record<string, unknown>; const ks = Object.keys(o).filter((k) => k !== "proof" && k !== "renderedProof"); return ks.length === keys.length && keys.every((k) => Object.hasOwn(o, k) && scalar(o[k])); });
      if (uniform) {
        extra.push({ caption: `${caption}: ${prefix || "rows"}`, headers: ["#", ...keys], rows: x.map((e, i) => [String(i + 1), ...keys.map((k) => String((e as Record<string, unknown>)[k]))]) });
        return;
      }
    }
    if (scalar(x) || (Array.isArray(x) && x.every(scalar))) {
      rows.push(...flattenRows(x, prefix));
      return;
    }
    for (const [k, y] of Object.entries(x as Record<string, unknown>)) if (k !== "proof" && k !== "renderedProof") walk(y, prefix ? `${prefix}.${k}` : k);
  };
  walk(v, "");
  return [...(rows.length || extra.length === 0 ? [{ caption, headers: ["field", "value"], rows: rows.length ? rows : [["value", Array.isArray(v) ? "[]" : "{}"]] }] : []), ...extra];
}

function instanceOrNull(v: unknown): Table[] | null {
  if (!v || typeof v !== "object" || !Object.hasOwn(v, "environment")) return null;
  try {
    return instanceTables(parseInstance(v));
  } catch {
    return null; // not a readable instance: its raw fields instead
  }
}

/**
 * The case as tables: an instance (environment, prior, mechanism) by the `show` tables — also one
 * nested one level down (a case `{ instance, … }`), its other fields as key/value rows — anything
 * else as key/value rows.
 */
export function caseTables(instance: unknown): Table[] {
  const whole = instanceOrNull(instance);
  if (whole) return whole;
  if (instance && typeof instance === "object" && !Array.isArray(instance)) {
    const out: Table[] = [];
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(instance as Record<string, unknown>)) {
      const t = instanceOrNull(v);
      if (t) out.push(...t.map((x) => ({ ...x, caption: `${k}: ${x.caption}` })));
      else rest[k] = v;
    }
    if (out.length) return Object.keys(rest).length ? [...out, ...jsonTables("The case's other fields (exact)", rest)] : out;
  }
  return jsonTables("The case (exact)", instance);
}

function counterexampleHtml(c: { instance: unknown; violation: unknown; message: string }, origin: string): string {
  const parts = [`<div class="counterexample">`, `<p class="cx-origin">${escapeHtml(origin)}</p>`, `<p class="cx-message">${mathText(c.message)}</p>`];
  for (const t of caseTables(c.instance)) parts.push(tableHtml(t, "cx-table"));
  if (c.violation !== null && c.violation !== undefined) for (const t of jsonTables("Violation (exact)", c.violation)) parts.push(tableHtml(t, "cx-table"));
  const proof = findProof(c.violation) ?? findProof(c.instance);
  if (proof) parts.push(`<h3>Proof</h3>`, `<pre class="proof">${escapeHtml(proof)}</pre>`);
  parts.push("</div>");
  return parts.join("\n");
}

/** A page's file name for an id (catalogue ids are already safe; anything else is made so, and never `index`). */
export function pageName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, "_");
  return `${safe === "index" || safe === "style" ? `id-${safe}` : safe}.html`;
}

/** `[Key, locator]` groups of a source line linked to the reference list; the rest escaped. */
function sourceHtml(source: string): string {
  let out = "";
  let last = 0;
  for (const m of source.matchAll(/\[([A-Za-z][A-Za-z0-9]*)(?=[,\]])/g)) {
    const key = m[1]!;
    if (!reference(key)) continue;
    out += escapeHtml(source.slice(last, m.index)) + `[<a href="#ref-${escapeHtml(key)}">${escapeHtml(key)}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(source.slice(last));
}

function citationsHtml(source: string): string {
  const keys = citedKeys(source);
  if (keys.length === 0) return `<p class="refs-none">No bibliography key cited.</p>`;
  return `<ul class="references">${keys
    .map((k) => {
      const r = reference(k);
      return `<li id="ref-${escapeHtml(k)}"><span class="key">[${escapeHtml(k)}]</span> ${r ? escapeHtml(formatReference(r)) : "(not in the bibliography)"}</li>`;
    })
    .join("\n")}</ul>`;
}

function shortSource(source: string): string {
  const refs = citedKeys(source).map((k) => reference(k)).filter((r) => r !== undefined);
  return refs.length ? refs.map(shortCitation).join("; ") : source;
}

function verdictHtml(run: HtmlRun): string {
  return `<span class="verdict ${run.ok ? "ok" : "not-ok"}">${escapeHtml(run.outcome)}${run.ok ? "" : " ✗"}</span>`;
}

const OUTCOME_MEANS: Record<Outcome, string> = {
  holds: "no case violated the statement, and every case's certificate was re-checked exactly",
  refuted: "a counterexample was found and re-checked exactly",
  "unexpected-counterexample": "a case violates a statement that should hold",
  "no-counterexample-found": "the refutation's counterexample was not found in this run",
  vacuous: "too few cases met the hypothesis to judge",
  "coverage-hole": "the generated cases missed a declared class",
  error: "the run ended in an error",
};

function exampleHtml(x: CertificateSample, seed: number): string {
  const parts = [`<section class="certificate-example"><h2>One case and its certificate</h2>`, `<p>Generated case #${x.index + 1} at seed ${seed}, as the check saw it, and the certificate it returned (re-checked exactly).</p>`];
  for (const t of caseTables(x.instance)) parts.push(tableHtml(t, "case-table"));
  for (const t of jsonTables("Certificate (exact)", x.certificate)) parts.push(tableHtml(t, "case-table"));
  const proof = findProof(x.certificate);
  if (proof) parts.push(`<h3>Proof</h3>`, `<pre class="proof">${escapeHtml(proof)}</pre>`);
  parts.push(`</section>`);
  return parts.join("\n");
}

function countsTable(caption: string, head: string, rec: Readonly<Record<string, number>>): string {
  return tableHtml({ caption, headers: [head, "cases"], rows: Object.entries(rec).map(([k, v]) => [k, String(v)]) }, "summary");
}

function theoremPage(e: HtmlEntry, ids: ReadonlySet<string>, meta: HtmlReportMeta): string {
  const { theorem: t, run } = e;
  const body: string[] = [];
  body.push(`<p class="nav"><a href="index.html">← all results</a></p>`);
  body.push(`<h1><code>${escapeHtml(t.id)}</code> <span class="kind">${escapeHtml(t.kind)}</span></h1>`);
  body.push(`<section class="statement"><h2>Statement</h2><p>${mathText(t.statement)}</p>`);
  if (t.trueVersion) {
    const link = ids.has(t.trueVersion) ? `<a href="${escapeHtml(pageName(t.trueVersion))}"><code>${escapeHtml(t.trueVersion)}</code></a>` : `<code>${escapeHtml(t.trueVersion)}</code>`;
    body.push(`<p class="true-version">The true finite version: ${link}.</p>`);
  }
  body.push(`</section>`);
  body.push(`<section class="citations"><h2>Source</h2><p class="source">${sourceHtml(t.source)}</p>${citationsHtml(t.source)}</section>`);
  body.push(`<section class="result"><h2>Verdict</h2><p>${verdictHtml(run)} — ${escapeHtml(OUTCOME_MEANS[run.outcome] ?? run.outcome)}${run.ok ? " (as expected)" : " (NOT as expected)"}.</p>`);
  body.push(
    `<p class="certificate">${run.cases} case${run.cases === 1 ? "" : "s"} generated (seed ${run.seed}, ${run.runs} runs), ${run.casesMeetingHypothesis} met the hypothesis (${pct(run.casesMeetingHypothesis, run.cases)})${run.ms !== undefined ? `, ${run.ms} ms` : ""}.</p>`,
  );
  if (run.tags && Object.keys(run.tags).length) body.push(countsTable("Certificates by kind (the check's tags)", "certificate", run.tags));
  if (run.coverage && Object.keys(run.coverage).length) body.push(countsTable("Coverage of the generated cases", "class", run.coverage));
  if (run.replayed && run.replayed.length) {
    body.push(tableHtml({ caption: "Saved cases replayed first", headers: ["file", "expect", "replayed as expected", "violation"], rows: run.replayed.map((r) => [r.file, r.expect, r.ok ? "yes" : "NO", r.violation ?? "–"]) }, "summary"));
  }
  if (run.error) body.push(`<p class="error">Error: ${escapeHtml(run.error)}</p>`);
  body.push(`</section>`);
  if (e.example) body.push(exampleHtml(e.example, run.seed));
  const saved = e.saved ?? [];
  if (run.counterexample || (t.kind === "refutation" && saved.length)) {
    body.push(`<section class="counterexamples"><h2>Counterexample</h2>`);
    if (run.counterexample) {
      const c = run.counterexample;
      body.push(counterexampleHtml(c, `Found by this run after ${c.numShrinks} shrinks; replay: { seed: ${c.seed}, path: "${c.path}" }${c.file ? `; saved as ${c.file}` : ""}.`));
    } else {
      for (const s of saved) body.push(counterexampleHtml(s, `Curated counterexample ${s.file} (replayed by this run).`));
    }
    body.push(`</section>`);
  }
  return page(`${t.id} — mechcheck report`, body.join("\n"), meta);
}

function indexPage(entries: readonly HtmlEntry[], meta: HtmlReportMeta): string {
  const okCount = entries.filter((e) => e.run.ok).length;
  const allOk = okCount === entries.length;
  const rows = entries.map(({ theorem: t, run }) =>
    [
      `<tr class="${run.ok ? "ok" : "not-ok"}">`,
      `<td class="id"><a href="${escapeHtml(pageName(t.id))}"><code>${escapeHtml(t.id)}</code></a></td>`,
      `<td>${escapeHtml(t.kind)}</td>`,
      `<td class="stmt">${mathText(t.statement)}<div class="cite">${escapeHtml(shortSource(t.source))}</div></td>`,
      `<td>${verdictHtml(run)}</td>`,
      `<td class="n">${run.cases}</td>`,
      `<td class="n">${pct(run.casesMeetingHypothesis, run.cases)}</td>`,
      `<td class="n">${run.ms !== undefined ? run.ms : "–"}</td>`,
      `</tr>`,
    ].join(""),
  );
  const body = [
    `<h1>mechcheck report</h1>`,
    `<p class="overall ${allOk ? "ok" : "not-ok"}">${allOk ? "ok" : "NOT ok"}: ${okCount} of ${entries.length} as expected.</p>`,
    `<table class="verdicts">`,
    `<thead><tr><th>id</th><th>kind</th><th>statement</th><th>verdict</th><th>cases</th><th>hypothesis</th><th>ms</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join("\n");
  return page("mechcheck report", body, meta);
}

function page(title: string, body: string, meta: HtmlReportMeta): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${KATEX_CSS}"><link rel="stylesheet" href="style.css">`,
    `</head><body><main>`,
    body,
    `<footer>mechcheck ${escapeHtml(meta.version)} · <code>${escapeHtml(meta.command)}</code> · every verdict exact (rationals), re-checked independently of any solver</footer>`,
    `</main></body></html>`,
    "",
  ].join("\n");
}

export const REPORT_CSS = `body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1f23; background: #fafaf8; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.8rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 0.5rem; border-bottom: 1px solid #ddd; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; background: #fff; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; white-space: nowrap; }
th, td { border: 1px solid #d5d5d0; padding: 0.3rem 0.55rem; vertical-align: top; text-align: left; }
th { background: #eeeee8; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.verdicts td.stmt { max-width: 560px; } .cite { color: #666; font-size: 0.85em; margin-top: 0.2rem; }
.verdict { font-weight: 600; padding: 0 0.35rem; border-radius: 3px; white-space: nowrap; }
.verdict.ok { color: #135f23; background: #e3f3e6; } .verdict.not-ok { color: #8a1212; background: #fbe3e3; }
.overall.ok { color: #135f23; } .overall.not-ok { color: #8a1212; } .kind { font-size: 0.8em; color: #555; font-weight: 400; }
.counterexample { border-left: 3px solid #b33; padding-left: 0.9rem; margin: 0.8rem 0; } .cx-origin { color: #555; font-size: 0.9em; }
pre.proof { background: #fff; border: 1px solid #ddd; padding: 0.6rem; overflow-x: auto; }
.references li { margin: 0.2rem 0; } .key { font-family: ui-monospace, monospace; }
tr.more td { color: #666; font-style: italic; }
footer { margin-top: 2.5rem; color: #777; font-size: 0.85em; } .error { color: #8a1212; }
.katex { font-size: 1.05em; } .katex-error { color: #c00; border-bottom: 1px dotted #c00; }
`;

/** The site: `index.html`, one page per id, `style.css` (KaTeX's stylesheet and fonts are the caller's to add). */
export function htmlReport(entries: readonly HtmlEntry[], meta: HtmlReportMeta): Map<string, string> {
  const files = new Map<string, string>();
  const ids = new Set(entries.map((e) => e.theorem.id));
  files.set("index.html", indexPage(entries, meta));
  files.set("style.css", REPORT_CSS);
  for (const e of entries) {
    const name = pageName(e.theorem.id);
    if (files.has(name)) throw new MechcheckError("duplicate-entry", `report: two results would share the page ${name} (ids ${JSON.stringify(e.theorem.id)} and another); give each id once`, { path: "id", value: e.theorem.id });
    files.set(name, theoremPage(e, ids, meta));
  }
  return files;
}
