/**
 * `mechcheck show <file.json> [--format text|markdown|latex] [--standalone] [--max-rows N]`: a saved
 * counterexample (or an instance file) as a document — the case itself (agents and their types,
 * the prior or beliefs, the mechanism with one payment column per agent), then the violation with
 * labels and exact numbers, and, where the file carries one, the readable proof. One data structure
 * (src/report/caseView.ts builds a Doc) and one renderer per format (src/format/document.ts);
 * `--standalone` makes the LaTeX a complete document that plain pdflatex compiles.
 */
import { MechcheckError } from "../../errors.ts";
import { JsonNumber, parseJsonExact, readInputFile } from "../../exact/exactJson.ts";
import { parseRecord } from "../../store/counterexamples.ts";
import { parseInstance } from "../../instance/index.ts";
import { instanceTables, MAX_ROWS } from "../../report/instanceTables.ts";
import { caseDocument } from "../../report/caseView.ts";
import { renderDocument, type Doc } from "../../format/document.ts";
import type { Format } from "../../format/table.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

export async function showCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("show", args);
  const format = (flags.format ?? "text") as Format;
  const standalone = flags.standalone === true;
  if (standalone && format !== "latex") throw new MechcheckError("usage", `show: --standalone needs --format latex, got --format ${format}`, { path: "--standalone", value: format });
  const maxRows = typeof flags["max-rows"] === "number" ? flags["max-rows"] : MAX_ROWS;
  const path = positionals[0]!;
  io.out(renderDocument(showDocument(path, maxRows), format, { standalone }));
  return 0;
}

/** The document `show` renders for a file: a saved counterexample or an instance. */
function showDocument(path: string, maxRows = MAX_ROWS): Doc {
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
  if (isRecord) return caseDocument(parseRecord(text, path) as unknown as Parameters<typeof caseDocument>[0], { maxRows });
  const inst = parseInstance(text, { source: path });
  return { title: `${inst.name ?? path} (an instance)`, blocks: [...(inst.description ? [{ kind: "paragraph" as const, text: inst.description }] : []), ...instanceTables(inst, maxRows).map((table) => ({ kind: "table" as const, table }))] };
}
