/**
 * The command table as data: each command's one-line summary, usage, flags (with their types and
 * ranges) and positional limits. src/cli/commands/index.ts pairs each entry with its loader; each
 * command parses its arguments with `parseCommandArgs(name, args)`, so the table is the only place
 * a flag is declared. To add a command: an entry here, a line in commands/index.ts, a module.
 */
import { MAX_JOBS } from "../theorem/pool.ts";
import { parseArgs, RUNS, SCALE, SEED, TIMEOUT_MS, type FlagSpec, type ParsedArgs, type PositionalSpec } from "./args.ts";

export interface CommandSpec {
  readonly summary: string;
  /** After `mechcheck <name> `, e.g. "<file.json> [--json]". */
  readonly usage: string;
  readonly flags: FlagSpec;
  readonly positional: PositionalSpec;
}

const FORMAT_TML = { kind: "enum", values: ["text", "markdown", "latex"] } as const;
const FORMAT_TMLH = { kind: "enum", values: ["text", "markdown", "latex", "html"] } as const;

/** The studies' flags (`mechcheck study <name>`), by study name (src/studies/index.ts). */
export const STUDY_SPECS = {
  "grid-tables": {
    summary: "where Green–Laffont and Myerson–Satterthwaite hold on the grids {0,…,K}², every entry certified",
    usage: "[--max-k N] [--json] [--markdown]",
    flags: { json: "boolean", markdown: "boolean", "max-k": { kind: "int", min: 1, max: 40 }, help: "boolean" },
    positional: { max: 0 },
  },
  ce2007: {
    summary: "Chung–Ely (2007) exactly: value(P), value(P′ on π*), Σ f·max(0, max φ̃)",
    usage: "[--n N] [--K K] [--seed S] [--weights w,…] [--json]",
    flags: { n: { kind: "int", min: 1, max: 3 }, K: { kind: "int", min: 2, max: 6 }, seed: SEED, weights: "string", json: "boolean", help: "boolean" },
    positional: { max: 0 },
  },
  "brooks-du": {
    summary: "Brooks–Du bounds table (common-value auction)",
    usage: "[--N n] [--max-k k] [--values 0,1] [--probs 1/2,1/2] [--dual] [--no-proportional] [--json]",
    flags: { N: { kind: "int", min: 2, max: 6 }, "max-k": { kind: "int", min: 0, max: 6 }, values: "string", probs: "string", dual: "boolean", "no-proportional": "boolean", json: "boolean", help: "boolean" },
    positional: { max: 0 },
  },
} as const satisfies Record<string, CommandSpec>;

export type StudyName = keyof typeof STUDY_SPECS;

export const SPECS = {
  list: { summary: "list the theorem catalogue", usage: "[--json|--markdown]", flags: { json: "boolean", markdown: "boolean" }, positional: { max: 0 } },
  check: {
    summary: "run theorems (all by default)",
    usage: "[ids…] [--runs N] [--seed S] [--scale X] [--jobs N] [--json] [--report out.md] [--no-save] [--store DIR] [--no-timing]",
    flags: { runs: RUNS, seed: SEED, scale: SCALE, json: "boolean", "no-save": "boolean", store: "string", report: "string", "no-timing": "boolean", jobs: { kind: "int", min: 1, max: MAX_JOBS } },
    positional: { max: 10_000 },
  },
  report: {
    summary: "a static HTML report (statements, citations, verdicts, counterexample tables; math by KaTeX) in a new folder",
    usage: "--html <dir> [ids…] [--runs N] [--seed S] [--scale X] [--jobs N] [--from results.json]",
    flags: { html: "string", runs: RUNS, seed: SEED, scale: SCALE, jobs: { kind: "int", min: 1, max: MAX_JOBS }, from: "string" },
    positional: { max: 10_000 },
  },
  replay: { summary: "replay every saved counterexample, re-deriving its violation", usage: "[dir] [--json] [--update]", flags: { json: "boolean", update: "boolean" }, positional: { max: 1 } },
  lp: { summary: "solve an LP (javascript-lp-solver JSON) exactly, with a verified certificate", usage: "<model.json> [--json]", flags: { json: "boolean", help: "boolean" }, positional: { max: 1 } },
  eval: {
    summary: "evaluate every solution concept on an instance file",
    usage: "<instance.json> [--json] [--max-profiles N] [--max-bytes N]",
    flags: { json: "boolean", "max-profiles": { kind: "int", min: 1, max: 1_000_000_000, maxLabel: "10^9" }, "max-bytes": { kind: "int", min: 1, max: 2 ** 31 - 1, maxLabel: "2^31 − 1" } },
    positional: { min: 1, max: 1 },
  },
  conjecture: {
    summary: "check your own conjecture (runs the file as code, with your rights)",
    usage: "<file.ts> [--param NAME=a..b|v1,v2,…]… [--runs N] [--seed S] [--timeout MS] [--store DIR] [--report out.md] [--json] [--no-save] [--no-typecheck]",
    flags: { param: { kind: "repeatable", max: 16 }, runs: RUNS, seed: SEED, timeout: TIMEOUT_MS, store: "string", report: "string", json: "boolean", "no-save": "boolean", "no-typecheck": "boolean" },
    positional: { min: 1, max: 1 },
  },
  show: { summary: "a saved counterexample or instance as tables: the case, then the violation", usage: "<file.json> [--format text|markdown|latex] [--standalone] [--max-rows N]", flags: { format: FORMAT_TML, standalone: "boolean", "max-rows": { kind: "int", min: 1, max: 100_000 } }, positional: { min: 1, max: 1 } },
  shrink: {
    summary: "shrink a saved counterexample again, by value",
    usage: "<counterexample.json> [--write] [--max-steps N]",
    flags: { write: "boolean", "max-steps": { kind: "int", min: 0, max: 10_000_000, maxLabel: "10^7" } },
    positional: { min: 1, max: 1 },
  },
  design: {
    summary: "design a mechanism exactly (automated mechanism design)",
    usage: "<instance.json> --axioms a,b,… [--objective revenue|welfare|deficit|utility:<agent>|feasibility] [--fix-allocation] [--spec extra.json] [--json] [--format text|markdown|latex|html] [--no-iis]",
    flags: { axioms: "string", objective: "string", "fix-allocation": "boolean", spec: "string", json: "boolean", format: FORMAT_TMLH, "no-iis": "boolean" },
    positional: { min: 1, max: 1 },
  },
  atlas: {
    summary: "impossibility atlas over a family of domains",
    usage: "<trade|public-good|auction|partnership> [--max-k K] [--axioms a,b,…] [--format text|markdown|latex|html|json] [--shard i/n] [--out file] [--no-proofs]; mechcheck atlas --merge a.json b.json … [--format …]",
    // --max-k: each family narrows the range further (src/design/families.ts checkMaxK)
    flags: { "max-k": { kind: "int", min: 1, max: 1000 }, axioms: "string", format: { kind: "enum", values: ["text", "markdown", "latex", "html", "json"] }, shard: "string", merge: "boolean", out: "string", "no-proofs": "boolean" },
    positional: { max: 1000 },
  },
  study: {
    summary: `a per-paper study, printed as a report: ${Object.keys(STUDY_SPECS).join(", ")}`,
    usage: `<${Object.keys(STUDY_SPECS).join("|")}> [options]`,
    flags: {},
    positional: { min: 1 },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof SPECS;

/** Parse a command's arguments against its entry in the table (the usage line comes from the entry). */
export function parseCommandArgs(name: CommandName, args: readonly string[]): ParsedArgs {
  const s: CommandSpec = SPECS[name];
  return parseArgs(name, args, s.flags, { ...s.positional, usage: s.usage });
}

/** Parse a study's arguments (after its name). */
export function parseStudyArgs(name: StudyName, args: readonly string[]): ParsedArgs {
  const s: CommandSpec = STUDY_SPECS[name];
  return parseArgs(`study ${name}`, args, s.flags, { ...s.positional, usage: s.usage });
}
