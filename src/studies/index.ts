/** The studies, by name (`mechcheck study <name>`). Append a new one here and its flags in src/cli/specs.ts. */
import type { Study } from "./types.ts";

export const STUDY_LOADERS: Readonly<Record<string, () => Promise<Study>>> = {
  "grid-tables": async () => (await import("./gridTables.ts")).gridTablesStudy,
  ce2007: async () => (await import("./chungEly2007.ts")).chungEly2007Study,
  "brooks-du": async () => (await import("./brooksDu.ts")).brooksDuStudy,
};
