/** The command table: one line per command, each module loaded only when used. */
import { registerCommand } from "../main.ts";

export {};
