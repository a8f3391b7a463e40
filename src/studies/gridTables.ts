/**
 * The grid-tables study (`mechcheck study grid-tables [--json] [--markdown] [--max-k N]`; alias `mechcheck tables`): where Green–Laffont ([Mishra2020]) and
 * Myerson–Satterthwaite ([BernardMD3, Thm 7.6]) hold on the grids B = S = {0,…,K} with uniform priors,
 * K = 1…N (default 12), for each tie rule at b = s — every entry certified (src/constructions/
 * gridTables.ts). Exit 0 when every entry's certificate verified and agrees with the closed forms,
 * 1 otherwise (a bug).
 *
 * --json prints the GridTables object (exact numbers as strings); --markdown prints the tables as
 * Markdown (docs/grid-tables.md is this output).
 */
import { gridTables, type GridTables, type TableEntry } from "../trade/gridTables.ts";
import { TIE_RULES, type TieRule } from "../trade/tradeGrids.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { loadLpEngine } from "../lp/solve.ts";
import type { Study, StudyFlags, StudyIO } from "./types.ts";
import { markdownTable, textTable as table } from "../format/table.ts";

function cell(e: TableEntry): string {
  const ok = e.agrees ? "" : " ✗";
  if (e.certificate.kind === "mechanism") {
    const how = e.certificate.postedPrice !== undefined ? `posted price ${e.certificate.postedPrice}` : "LP point";
    return `possible (${how}; checked)${ok}`;
  }
  return `impossible (Farkas, ${e.certificate.rows} rows; verified)${ok}`;
}

function msCell(e: TableEntry): string {
  return `${e.possible ? "possible" : "impossible"}, R* = ${e.maxRevenue!.closedForm}${e.certificate.kind === "farkas" ? ` (Farkas ${e.certificate.rows} rows)` : " (mechanism checked)"}${e.agrees ? "" : " ✗"}`;
}

function byK(entries: readonly TableEntry[], maxK: number, f: (e: TableEntry) => string): string[][] {
  const rows: string[][] = [];
  for (let K = 1; K <= maxK; K++) rows.push([String(K), ...TIE_RULES.map((t: TieRule) => f(entries.find((e) => e.K === K && e.tie === t)!))]);
  return rows;
}

const TIE_HEAD = TIE_RULES.map((t) => `ties: ${t}`);

function pattern(entries: readonly TableEntry[], tie: TieRule): string {
  const ks = entries.filter((e) => e.tie === tie && e.possible).map((e) => e.K);
  return ks.length === 0 ? "never possible" : `possible exactly for K ∈ {${ks.join(", ")}}`;
}

function lemmaSummary(t: GridTables): string {
  const yes = t.lemma75.filter((l) => l.solvable).map((l) => l.K);
  const sizes = [...new Set(t.lemma75.filter((l) => !l.solvable).map((l) => l.certificateProfiles))];
  return `${yes.length === 0 ? "for no K" : `for K ∈ {${yes.join(", ")}}`} in 1…${t.maxK}${sizes.length ? ` (Σ_i H_i = max(b, s) unsolvable; certificates on ${sizes.join("/")} profiles)` : ""}`;
}

export function tablesText(t: GridTables): string {
  const lines: string[] = [];
  lines.push(`Green–Laffont on {0,…,K}² (efficient trade, DSIC, ex post budget balance; no IR), K = 1…${t.maxK}`);
  lines.push(table(["K", ...TIE_HEAD], byK(t.greenLaffont, t.maxK, cell)));
  for (const tie of TIE_RULES) lines.push(`  ${tie}: ${pattern(t.greenLaffont, tie)}`);
  lines.push("");
  lines.push(`Myerson–Satterthwaite on {0,…,K}², uniform priors (efficient trade, BIC, interim IR, ex post budget balance), K = 1…${t.maxK}`);
  lines.push("R* = largest expected surplus of an efficient BIC IIR mechanism (closed form = LP optimum); possible ⇔ R* ≥ 0");
  lines.push(table(["K", ...TIE_HEAD], byK(t.myersonSatterthwaite, t.maxK, msCell)));
  for (const tie of TIE_RULES) lines.push(`  ${tie}: ${pattern(t.myersonSatterthwaite, tie)}`);
  lines.push("");
  lines.push(`Lemma 7.5 (an ex post budget-balanced VCG mechanism exists) on {0,…,K}²: ${lemmaSummary(t)}`);
  lines.push("");
  for (const p of t.proofs) {
    lines.push(`Short proof: ${p.problem}, K = ${p.K}, ties: ${p.tie} — add these ${p.rows} constraints with these weights; every payment cancels and 0 ≥ (positive) remains:`);
    for (const l of p.lines) lines.push(`  ${l}`);
    lines.push("");
  }
  const bad = [...t.greenLaffont, ...t.myersonSatterthwaite].filter((e) => !e.agrees).length;
  lines.push(bad === 0 ? `all ${t.greenLaffont.length + t.myersonSatterthwaite.length} entries certified and in agreement with the closed forms (${t.ms} ms)` : `${bad} entries FAILED certification or disagree with the closed forms (a bug)`);
  return lines.join("\n");
}

export function tablesMarkdown(t: GridTables): string {
  const md = markdownTable;
  const out: string[] = [];
  out.push(`### Green–Laffont: efficient, DSIC, ex post budget balanced (no IR), B = S = {0,…,K}`);
  out.push("");
  out.push(md(["K", ...TIE_HEAD], byK(t.greenLaffont, t.maxK, cell)));
  out.push("");
  for (const tie of TIE_RULES) out.push(`- ${tie} ties: ${pattern(t.greenLaffont, tie)}`);
  out.push("");
  out.push(`### Myerson–Satterthwaite: efficient, BIC, interim IR, ex post budget balanced, uniform priors on B = S = {0,…,K}`);
  out.push("");
  out.push(md(["K", ...TIE_HEAD], byK(t.myersonSatterthwaite, t.maxK, msCell)));
  out.push("");
  for (const tie of TIE_RULES) out.push(`- ${tie} ties: ${pattern(t.myersonSatterthwaite, tie)}`);
  out.push("");
  out.push(`Lemma 7.5 (an ex post budget-balanced VCG mechanism exists) on {0,…,K}²: ${lemmaSummary(t)}.`);
  out.push("");
  for (const p of t.proofs) {
    out.push(`#### Short proof: ${p.problem}, K = ${p.K}, ties: ${p.tie} (${p.rows} constraints)`);
    out.push("");
    out.push("```");
    out.push(...p.lines);
    out.push("```");
    out.push("");
  }
  return out.join("\n");
}

async function run(flags: StudyFlags, io: StudyIO): Promise<number> {
  await loadLpEngine();
  const t = gridTables(flags["max-k"] === undefined ? 12 : (flags["max-k"] as number));
  if (flags.json === true) io.out(toExactJsonText(t));
  else if (flags.markdown === true) io.out(tablesMarkdown(t));
  else io.out(tablesText(t));
  return [...t.greenLaffont, ...t.myersonSatterthwaite].every((e) => e.agrees) ? 0 : 1;
}

export const gridTablesStudy: Study = {
  name: "grid-tables",
  summary: "where Green–Laffont and Myerson–Satterthwaite hold on the grids {0,…,K}², every entry certified",
  run,
};
