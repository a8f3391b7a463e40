/**
 * The command table: one entry per command — its spec (summary, usage, flags, positional limits:
 * src/cli/specs.ts) and its loader (each module loaded only when used). Old per-paper commands are
 * aliases of `mechcheck study <name>`. To add a command, append an entry (or a registerCommand line).
 */
import { registerCommand, type Command, type CommandEntry } from "../io.ts";
import { SPECS, STUDY_SPECS, type CommandName, type StudyName } from "../specs.ts";

const entry = (name: CommandName, load: () => Promise<Command>): CommandEntry & { name: string } => ({ name, ...SPECS[name], load });

/** `mechcheck <alias> …` runs `mechcheck study <study> …` and prints the same output. */
const alias = (name: string, study: StudyName): CommandEntry & { name: string } => ({
  name,
  summary: `alias of \`mechcheck study ${study}\`: ${STUDY_SPECS[study].summary}`,
  usage: STUDY_SPECS[study].usage,
  flags: STUDY_SPECS[study].flags,
  positional: STUDY_SPECS[study].positional,
  aliasOf: `study ${study}`,
  load: async () => {
    const run = (await import("./study.ts")).studyCommand;
    return (args, io) => run([study, ...args], io);
  },
});

export const COMMAND_TABLE: readonly (CommandEntry & { name: string })[] = [
  entry("list", async () => (await import("./theorems.ts")).listCommand),
  entry("check", async () => (await import("./theorems.ts")).checkCommand),
  entry("replay", async () => (await import("./theorems.ts")).replayCommand),
  entry("report", async () => (await import("./report.ts")).reportCommand),
  entry("lp", async () => (await import("./lp.ts")).lpCommand),
  entry("eval", async () => (await import("./eval.ts")).evalCommand),
  entry("conjecture", async () => (await import("./conjecture.ts")).conjectureCommand),
  entry("show", async () => (await import("./show.ts")).showCommand),
  entry("shrink", async () => (await import("./shrink.ts")).shrinkCommand),
  entry("design", async () => (await import("./design.ts")).designCommand),
  entry("atlas", async () => (await import("./atlas.ts")).atlasCommand),
  entry("study", async () => (await import("./study.ts")).studyCommand),
  alias("tables", "grid-tables"),
  alias("ce2007", "ce2007"),
  alias("brooks-du", "brooks-du"),
];

for (const c of COMMAND_TABLE) registerCommand(c.name, c);

registerCommand("promote", "move a counterexample from the cache (.mechcheck/) into the curated store: mechcheck promote <file.json> [--to DIR]", async () => (await import("./promote.ts")).promoteCommand);
registerCommand("prune", "clean the cache of new counterexamples (.mechcheck/): mechcheck prune [--store DIR] [--all] [--dry-run] [--json]", async () => (await import("./prune.ts")).pruneCommand);
registerCommand("init", "scaffold a conjecture project (package.json, tsconfig, an example conjecture, a vitest test); never overwrites a file: mechcheck init [dir]", async () => (await import("./init.ts")).initCommand);
