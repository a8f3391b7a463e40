/** The command table: one line per command, each module loaded only when used. */
import { registerCommand } from "../main.ts";

registerCommand("list", "list the theorem catalogue (--json, --markdown)", async () => (await import("./theorems.ts")).listCommand);
registerCommand("check", "run theorems: mechcheck check [ids…] [--runs N] [--seed S] [--scale X] [--json] [--report out.md]", async () => (await import("./theorems.ts")).checkCommand);
registerCommand("replay", "replay every saved counterexample: mechcheck replay [dir] [--json]", async () => (await import("./theorems.ts")).replayCommand);
