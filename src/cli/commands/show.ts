/**
 * `mechcheck show <file.json> [--format text|markdown|latex]`: a saved counterexample (or an
 * instance file) as tables — environment, prior, mechanism — with the violated constraint and its
 * exact numbers, and, where the file carries one, the readable proof of infeasibility.
 */
import { MechcheckError } from "../../errors.ts";
import { JsonNumber, parseJsonExact, readInputFile } from "../../exact/exactJson.ts";
import { parseRecord } from "../../store/counterexamples.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import { parseInstance } from "../../instance/index.ts";
import { instanceTables } from "../../report/instanceTables.ts";
import { latexCell, renderTable, type Format, type Table } from "../../format/table.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

export async function showCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("show", args);
  const format = (flags.format ?? "text") as Format;
  const path = positionals[0]!;
  // The one exact reader (duplicate keys, depth, size, exact numbers), then the record's own checks.
  const text = readInputFile(path);
  const parsed = parseJsonExact(text, path);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || parsed instanceof JsonNumber) {
    const what = parsed === null ? "null" : Array.isArray(parsed) ? "an array" : parsed instanceof JsonNumber ? "a number" : `a ${typeof parsed}`;
    throw new MechcheckError("invalid-input", `show: ${path} holds ${what}; expected an object (a saved counterexample or an instance)`, { path: "(root)", value: what });
  }
  const isRecord = Object.hasOwn(parsed, "theorem") && Object.hasOwn(parsed, "instance");
  if (!isRecord && !Object.hasOwn(parsed, "environment")) {
    throw new MechcheckError("invalid-input", `show: ${path} is neither a saved counterexample (fields "theorem" and "instance") nor an instance (field "environment")`, { path: "(root)", value: path });
  }
  const json = (isRecord ? parseRecord(text, path) : {}) as unknown as Record<string, unknown>;
  const instJson: unknown = isRecord ? json.instance : text;
  const lines: string[] = [];
  const heading = (s: string) => (format === "markdown" ? `## ${s}` : format === "latex" ? `% ${s}` : `== ${s}`);
  if (isRecord) {
    lines.push(heading(`${json.theorem} (${json.kind}): ${json.expect === "fails" ? "counterexample" : "regression case"}`));
    lines.push(format === "latex" ? `% ${String(json.message)}` : String(json.message));
  }
  let tables: Table[] = [];
  if (typeof instJson === "string" || (instJson && typeof instJson === "object" && Object.hasOwn(instJson, "environment"))) {
    tables = instanceTables(parseInstance(instJson));
  }
  for (const t of tables) lines.push("", renderTable(t, format));
  if (isRecord && json.violation !== null && json.violation !== undefined) {
    const v = flatten(json.violation);
    lines.push("", renderTable({ caption: "Violation (exact)", headers: ["field", "value"], rows: v }, format));
  }
  const proof = isRecord ? findProof(json.violation) ?? findProof(json) : null;
  if (proof) lines.push("", format === "latex" ? proof.split("\n").map((l) => `% ${l}`).join("\n") : proof);
  if (format === "latex") lines.unshift("% mechcheck show: paste the tabulars below into a LaTeX document (no packages needed)");
  io.out(lines.join("\n"));
  void latexCell;
  return 0;
}

/** Key/value rows of a violation object (nested keys joined with dots; arrays in brackets). */
function flatten(v: unknown, prefix = ""): string[][] {
  if (v === null || typeof v !== "object") return [[prefix || "value", String(v)]];
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return [[prefix || "value", `[${v.join(", ")}]`]];
  const rows: string[][] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === "proof" || k === "renderedProof") continue;
    rows.push(...flatten(x, prefix ? `${prefix}.${k}` : k));
  }
  return rows.length ? rows : [[prefix || "value", toExactJsonText(v, 0)]];
}

function findProof(v: unknown): string | null {
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const k of ["renderedProof", "proof"]) if (typeof o[k] === "string") return o[k] as string;
  }
  return null;
}
