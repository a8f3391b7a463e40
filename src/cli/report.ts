/**
 * What the commands print about runs. One implementation each: tables are src/format/table.ts,
 * run reporters src/report/runs.ts; this module only gathers them for the commands.
 */
export { textTable as table } from "../format/table.ts";
export { clip, pct, runDetails, runsTable } from "../report/runs.ts";
