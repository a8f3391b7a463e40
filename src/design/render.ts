/**
 * Text, Markdown, LaTeX and HTML renderings of `design` answers and atlas results. Data in, text out.
 */
import { MechcheckError } from "../errors.ts";
import { latexCell } from "../format/table.ts";
import { type Q, qstr } from "../exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import type { Axiom } from "./axioms.ts";
import { profileLabel } from "../model/labels.ts";
import { axiomSetText, thresholds, type AtlasResult } from "./atlas.ts";
import type { DesignResult, DesignSpec } from "./design.ts";
import { familyByName } from "./families.ts";
import { expectedRevenue, expectedWelfare, interimUtilities, slackTable } from "./readouts.ts";

/** An output format of the design and atlas renderers. */
export type Format = "text" | "markdown" | "latex" | "html";
const FORMATS: readonly Format[] = ["text", "markdown", "latex", "html"];

/** A `--format` value as a Format; one not in `allowed` is a MechcheckError "usage" listing the allowed ones. */
export function parseFormat(s: string, allowed: readonly Format[] = FORMATS): Format {
  if (!(allowed as readonly string[]).includes(s)) throw new MechcheckError("usage", `--format: expected one of ${allowed.join(", ")}, got ${JSON.stringify(s)}`, { path: "--format", value: s });
  return s as Format;
}

const esc = {
  latex: (s: string) => s.replace(/\\/g, "\\textbackslash{}").replace(/([{}_%&#$])/g, "\\$1").replace(/\^/g, "\\^{}").replace(/~/g, "\\~{}"),
  html: (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
  md: (s: string) => s.replace(/\|/g, "\\|"),
};

/** One table in the chosen format. */
function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], format: Format): string {
  switch (format) {
    case "text": {
      const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
      const line = (cells: readonly string[]) => cells.map((s, c) => (s ?? "").padEnd(widths[c]!)).join("  ").trimEnd();
      return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
    }
    case "markdown":
      return [`| ${headers.map(esc.md).join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(esc.md).join(" | ")} |`)].join("\n");
    case "latex":
      return [`\\begin{tabular}{${headers.map(() => "l").join("")}}`, "\\hline", `${headers.map(latexCell).join(" & ")} \\\\`, "\\hline", ...rows.map((r) => `${r.map(latexCell).join(" & ")} \\\\`), "\\hline", "\\end{tabular}"].join("\n");
    case "html":
      return ["<table>", `<tr>${headers.map((h) => `<th>${esc.html(h)}</th>`).join("")}</tr>`, ...rows.map((r) => `<tr>${r.map((c) => `<td>${esc.html(c)}</td>`).join("")}</tr>`), "</table>"].join("\n");
  }
}

function heading(s: string, format: Format, level = 2): string {
  switch (format) {
    case "text": return s;
    case "markdown": return `${"#".repeat(level + 1)} ${s}`;
    case "latex": return `\\${level <= 2 ? "subsection" : "subsubsection"}*{${esc.latex(s)}}`;
    case "html": return `<h${level + 1}>${esc.html(s)}</h${level + 1}>`;
  }
}

function block(s: string, format: Format): string {
  switch (format) {
    case "text": return s.split("\n").map((l) => `  ${l}`).join("\n");
    case "markdown": return "```\n" + s + "\n```";
    case "latex": return "\\begin{verbatim}\n" + s + "\n\\end{verbatim}";
    case "html": return `<pre>${esc.html(s)}</pre>`;
  }
}

function para(s: string, format: Format): string {
  return format === "html" ? `<p>${esc.html(s)}</p>` : format === "latex" ? esc.latex(s) : s;
}

/** The mechanism as one table: profile, lottery, payments. */
function mechanismTable(env: Environment, mech: DirectMechanism, format: Format): string {
  const headers = ["profile", ...env.decisions.map((d) => `P(${d})`), ...env.agents.map((a) => `p[${a}]`)];
  const rows = mech.allocation.map((lot, th) => [profileLabel(env, th), ...lot.map(qstr), ...mech.payments[th]!.map(qstr)]);
  return renderTable(headers, rows, format);
}

/** A design answer in words and tables. */
export function renderDesign(r: DesignResult, spec: DesignSpec, format: Format, opts: { slacks?: boolean } = {}): string {
  const out: string[] = [];
  const ax = spec.axioms.join(", ") || "(none)";
  const obj = spec.objective ?? { kind: "feasibility" };
  const objText = obj.kind === "utility" ? `utility of ${obj.agent}` : obj.kind === "linear" ? `${obj.direction} a linear functional` : obj.kind;
  out.push(heading(`design: axioms ${ax}; objective ${objText}`, format, 1));
  if (r.status === "infeasible") {
    out.push(para(`status: infeasible — no mechanism satisfies these axioms (Farkas certificate verified: ${r.verified ? "yes" : "NO"}; support ${r.farkasSupport} rows).`, format));
    if (r.iis) out.push(para(`irreducible infeasible subset of axioms: {${r.iis.join(", ")}} (dropping any one of them makes the rest feasible).`, format));
    if (r.proof) {
      out.push(para(`proof (${r.proof.rows} rows, support-minimal, re-verified: ${r.proof.verified ? "yes" : "NO"}; rows per axiom: ${Object.entries(r.proof.byAxiom).map(([a, c]) => `${a} ${c}`).join(", ")}):`, format));
      out.push(block(r.proof.text, format));
    }
    return out.join("\n\n");
  }
  if (r.status === "unbounded") {
    out.push(para(`status: unbounded — the objective is unbounded over mechanisms with these axioms (ray verified: ${r.verified ? "yes" : "NO"}; ${r.ray.length} columns move).`, format));
    out.push(block(r.ray.slice(0, 20).map((c) => `${c.column}: ${qstr(c.value)}`).join("\n") + (r.ray.length > 20 ? `\n… ${r.ray.length - 20} more` : ""), format));
    out.push(heading("a feasible mechanism", format, 2));
    out.push(mechanismTable(r.env, r.mechanism, format));
    return out.join("\n\n");
  }
  out.push(para(`status: ${r.status}${r.value !== null ? `, value ${qstr(r.value)} (recomputed from the mechanism: ${r.recomputedValue ? qstr(r.recomputedValue) : "—"})` : ""}; dual certificate verified: ${r.certificate.verified ? "yes" : "NO"}.`, format));
  out.push(renderTable(["axiom", "re-check (src/concepts)"], r.checks.map((c) => [c.axiom, c.detail]), format));
  const beliefs: Beliefs | undefined = spec.beliefs;
  if (beliefs?.kind === "common-prior") {
    out.push(para(`expected revenue ${qstr(expectedRevenue(r.mechanism, beliefs.prior))}, expected welfare ${qstr(expectedWelfare(r.env, r.mechanism, beliefs.prior))}`, format));
  }
  out.push(heading("mechanism", format, 2));
  out.push(mechanismTable(r.env, r.mechanism, format));
  if (beliefs) {
    out.push(heading("interim utilities", format, 2));
    out.push(renderTable(["agent", "type", "interim utility", "outside option"], interimUtilities(r.env, r.mechanism, beliefs).map((u) => [u.agent, u.type, u.utility === null ? "—" : qstr(u.utility), qstr(u.outsideOption)]), format));
  }
  if (opts.slacks !== false) {
    const rows = slackTable(r.env, r.mechanism, spec.axioms.filter((a): a is Axiom => ["dsic", "epic", "bic", "ex-post-ir", "interim-ir"].includes(a)), beliefs);
    if (rows.length > 0) {
      out.push(heading(`IC and IR slacks (${rows.length} constraints; 0 = binding)`, format, 2));
      out.push(renderTable(["constraint", "slack"], rows.map((s) => [s.constraint, qstr(s.slack)]), format));
    }
  }
  if (r.status === "optimal" && r.certificate.duals.length > 0) {
    out.push(heading(`dual certificate (${r.certificate.duals.length} nonzero multipliers)`, format, 2));
    out.push(renderTable(["row", "multiplier"], r.certificate.duals.slice(0, 200).map((d) => [d.row, qstr(d.value)]), format));
  }
  return out.join("\n\n");
}


function paramsText(ps: readonly number[]): string {
  return ps.length === 0 ? "—" : ps.join(", ");
}

/** The atlas as tables: thresholds per variant, then per domain the minimal infeasible / maximal feasible subsets. */
export function renderAtlas(r: AtlasResult, format: Format, opts: { details?: boolean } = {}): string {
  const f = familyByName(r.family);
  const P = r.paramName;
  const out: string[] = [];
  out.push(heading(`Atlas: ${r.family} (${f.description}), ${P} ≤ ${r.maxK}, axioms ${axiomSetText(r.axioms)}`, format, 1));
  const th = thresholds(r);
  out.push(heading("Where each impossibility holds", format, 2));
  out.push(renderTable(["variant", "minimal infeasible axioms", `infeasible for ${P} ∈`, "threshold"], th.map((t) => [t.variant, axiomSetText(t.axioms), paramsText(t.infeasibleAt), t.threshold === null ? "not monotone in range" : `${P} ≥ ${t.threshold}`]), format));
  if (th.length === 0) out.push(para("Every subset of the axioms is feasible on every domain in range.", format));
  out.push(heading("Per domain", format, 2));
  out.push(
    renderTable(
      ["domain", "profiles", "minimal infeasible (Farkas rows, verified)", "maximal feasible (mechanism re-checked)", "LPs", "ms"],
      r.domains.map((d) => [
        d.id,
        String(d.profiles),
        d.minimalInfeasible.map((m) => `${axiomSetText(m.axioms)} (${m.farkasRows}${m.verified ? ", ✓" : ", ✗"})`).join("; ") || "none",
        d.maximalFeasible.map((m) => `${axiomSetText(m.axioms)}${m.checked ? " ✓" : " ✗"}`).join("; "),
        String(d.lpsSolved),
        String(d.ms),
      ]),
      format,
    ),
  );
  if (opts.details !== false) {
    const proofs = r.domains.flatMap((d) => d.minimalInfeasible.filter((m) => m.proof !== undefined).map((m) => ({ d, m })));
    if (proofs.length > 0) out.push(heading("Proofs at the first infeasible parameter", format, 2));
    for (const { d, m } of proofs) {
      out.push(para(`${d.id}: ${axiomSetText(m.axioms)} is infeasible — ${m.proofRows} constraints, support-minimal, verified:`, format));
      out.push(block(m.proof!, format));
    }
  }
  const sum = r.domains.reduce((a, d) => a + d.lpsSolved, 0);
  const bad = r.domains.flatMap((d) => [...d.minimalInfeasible.filter((m) => !m.verified), ...d.maximalFeasible.filter((m) => !m.checked)]).length;
  out.push(para(`${r.domains.length} domains, ${sum} LPs solved exactly; ${bad === 0 ? "every certificate verified and every mechanism re-checked" : `${bad} certificates FAILED (a bug)`}.`, format));
  return out.join("\n\n");
}
