/** The command table: one line per command, each module loaded only when used. */
import { registerCommand } from "../io.ts";

registerCommand("list", "list the theorem catalogue (--json, --markdown)", async () => (await import("./theorems.ts")).listCommand);
registerCommand("check", "run theorems: mechcheck check [ids…] [--runs N] [--seed S] [--scale X] [--json] [--report out.md]", async () => (await import("./theorems.ts")).checkCommand);
registerCommand("replay", "replay every saved counterexample, re-deriving its violation: mechcheck replay [dir] [--json] [--update]", async () => (await import("./theorems.ts")).replayCommand);
registerCommand("lp", "solve an LP (javascript-lp-solver JSON) exactly, with a verified certificate: mechcheck lp <model.json> [--json]", async () => (await import("./lp.ts")).lpCommand);
registerCommand("eval", "evaluate every solution concept on an instance file: mechcheck eval <instance.json> [--json] [--max-profiles N] [--max-bytes N]", async () => (await import("./eval.ts")).evalCommand);
registerCommand("conjecture", "check your own conjecture (runs the file as code, with your rights): mechcheck conjecture <file.ts> [--runs N] [--seed S] [--timeout MS] [--store DIR] [--json] [--no-save] [--no-typecheck]", async () => (await import("./conjecture.ts")).conjectureCommand);
registerCommand("show", "a saved counterexample or instance as tables: mechcheck show <file.json> [--format text|markdown|latex]", async () => (await import("./show.ts")).showCommand);
registerCommand("tables", "where Green–Laffont and Myerson–Satterthwaite hold on the grids {0,…,K}², every entry certified: mechcheck tables [--max-k N] [--json] [--markdown]", async () => (await import("./tables.ts")).tablesCommand);
registerCommand("ce2007", "Chung–Ely (2007) exactly: value(P), value(P′ on π*), Σ f·max(0, max φ̃): mechcheck ce2007 [--n N] [--K K] [--seed S] [--weights w,…] [--json]", async () => (await import("./ce2007.ts")).ce2007Command);
registerCommand("brooks-du", "Brooks–Du bounds table (common-value auction): mechcheck brooks-du [--N n] [--max-k k] [--values 0,1] [--probs 1/2,1/2] [--dual] [--json]", async () => (await import("./brooksDu.ts")).brooksDuCommand);
registerCommand("shrink", "shrink a saved counterexample again, by value: mechcheck shrink <counterexample.json> [--write] [--max-steps N]", async () => (await import("./shrink.ts")).shrinkCommand);
registerCommand("design", "design a mechanism exactly (automated mechanism design): mechcheck design <instance.json> --axioms a,b,… [--objective revenue|welfare|deficit|utility:<agent>] [--fix-allocation] [--spec extra.json] [--json] [--format text|markdown|latex|html]", async () => (await import("./design.ts")).designCommand);
registerCommand("atlas", "impossibility atlas over a family of domains: mechcheck atlas <trade|public-good|auction|partnership> [--max-k K] [--axioms …] [--format …] [--shard i/n] [--out f]; mechcheck atlas --merge f…", async () => (await import("./atlas.ts")).atlasCommand);
registerCommand("promote", "move a counterexample from the cache (.mechcheck/) into the curated store: mechcheck promote <file.json> [--to DIR]", async () => (await import("./promote.ts")).promoteCommand);
registerCommand("prune", "clean the cache of new counterexamples (.mechcheck/): mechcheck prune [--store DIR] [--all] [--dry-run] [--json]", async () => (await import("./prune.ts")).pruneCommand);
registerCommand("init", "scaffold a conjecture project (package.json, tsconfig, an example conjecture, a vitest test); never overwrites a file: mechcheck init [dir]", async () => (await import("./init.ts")).initCommand);
