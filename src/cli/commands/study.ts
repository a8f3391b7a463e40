/**
 * `mechcheck study <name> [options]`: a per-paper study (src/studies/), its options parsed against
 * its entry in the command table (src/cli/specs.ts). `mechcheck tables`, `ce2007` and `brooks-du`
 * are aliases that print the same output.
 */
import { MechcheckError } from "../../errors.ts";
import { STUDY_LOADERS } from "../../studies/index.ts";
import type { CommandIO } from "../io.ts";
import { parseCommandArgs, parseStudyArgs, STUDY_SPECS, type StudyName } from "../specs.ts";

const isStudy = (s: string): s is StudyName => Object.hasOwn(STUDY_SPECS, s);

export async function studyCommand(args: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name.startsWith("-")) {
    parseCommandArgs("study", args); // "missing argument" with the usage line
    throw new MechcheckError("usage", `study: give a study name first: ${Object.keys(STUDY_SPECS).join(", ")}`, { path: "args", value: name });
  }
  if (!isStudy(name)) throw new MechcheckError("usage", `study: no study ${JSON.stringify(name)} (studies: ${Object.keys(STUDY_SPECS).join(", ")})`, { path: "args[0]", value: name });
  const { flags } = parseStudyArgs(name, rest);
  if (flags.help === true) {
    io.out(`usage: mechcheck study ${name} ${STUDY_SPECS[name].usage}`);
    return 0;
  }
  const load = STUDY_LOADERS[name]!;
  return (await load()).run(flags, io);
}
