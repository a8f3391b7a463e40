/** Text reporters for theorem runs: a table for people (JSON for machines is the run itself). Data in, text out. */
import type { TheoremRun } from "../catalogue/types.ts";
import { textTable } from "../format/table.ts";

export function pct(met: number, cases: number): string {
  if (cases === 0) return "–";
  return `${Math.round((100 * met) / cases)}%`;
}

/** Cut a cell for the text table (full text stays in --json / --markdown). */
export function clip(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, width - 1) + "…";
}

export function runsTable(runs: readonly TheoremRun[]): string {
  return textTable(
    ["id", "kind", "source", "outcome", "cases", "hypothesis", "ms"],
    runs.map((r) => [r.id, r.kind, clip(r.source, 40), r.ok ? r.outcome : `${r.outcome} ✗`, String(r.cases), pct(r.casesMeetingHypothesis, r.cases), String(r.ms)]),
  );
}

export function runDetails(r: TheoremRun): string[] {
  const out: string[] = [];
  if (r.tags) out.push(`  ${r.id}: ${Object.entries(r.tags).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
  if (r.counterexample) {
    const c = r.counterexample;
    out.push(`  ${r.id}: ${r.kind === "refutation" ? "counterexample" : "COUNTEREXAMPLE"}: ${c.message}`);
    if (c.file) out.push(`    saved: ${c.file}`);
    out.push(`    replay: { seed: ${c.seed}, path: "${c.path}" }  (${c.numShrinks} shrinks)`);
  }
  for (const rp of r.replayed) if (!rp.ok) out.push(`  ${r.id}: replay of ${rp.file} FAILED: ${rp.message}`);
  if (r.error) out.push(`  ${r.id}: error: ${r.error}`);
  return out;
}
