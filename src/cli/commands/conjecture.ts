/**
 * `mechcheck conjecture <file.ts> [--runs N] [--seed S] [--store DIR] [--json]`: run a user's
 * conjecture (the file's default export, or every exported conjecture) through the theorem runner.
 * Counterexamples are shrunk and saved to DIR/<id>/ (default ./counterexamples) and replayed first
 * on the next run. Exit code 0 iff every conjecture holds.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { MechcheckError } from "../../errors.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import { isConjecture } from "../../theorem/conjecture.ts";
import { runTheorem } from "../../theorem/runner.ts";
import type { Theorem, TheoremRun } from "../../theorem/types.ts";
import { parseArgs } from "../args.ts";
import { toExactJsonText } from "../../exact/rational.ts";
import type { CommandIO } from "../io.ts";
import { pct, table } from "../report.ts";

export async function conjectureCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseArgs("conjecture", args, { runs: "number", seed: "number", store: "string", json: "boolean", "no-save": "boolean" });
  if (positionals.length !== 1) throw new MechcheckError("usage", "conjecture: give exactly one file: mechcheck conjecture <file.ts>", { path: "file", value: positionals });
  const file = resolve(positionals[0]!);
  if (!existsSync(file)) throw new MechcheckError("file-not-found", `conjecture: no file ${JSON.stringify(positionals[0])}`, { path: "file", value: positionals[0] });
  if (flags.runs !== undefined && (!Number.isInteger(flags.runs) || (flags.runs as number) < 1)) throw new MechcheckError("usage", `conjecture: --runs must be a positive integer, got ${flags.runs}`, { path: "--runs", value: flags.runs });
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new MechcheckError("conjecture-load-failed", `conjecture: could not load ${positionals[0]}: ${e instanceof Error ? e.message : String(e)}`, { path: "file", value: positionals[0], cause: e });
  }
  const found = [...new Set(Object.values(mod).filter(isConjecture))] as Theorem[];
  if (found.length === 0) throw new MechcheckError("no-conjecture", `conjecture: ${positionals[0]} exports no conjecture (export default conjecture({ … }))`, { path: "file", value: positionals[0] });
  await loadLpEngine();
  const store = resolve((flags.store as string | undefined) ?? "counterexamples");
  const runs: TheoremRun[] = found.map((c) =>
    runTheorem(c, {
      storeRoot: store,
      cacheRoot: store,
      save: !flags["no-save"],
      ...(flags.seed !== undefined ? { seed: flags.seed as number } : {}),
      ...(flags.runs !== undefined ? { runs: flags.runs as number } : {}),
    }),
  );
  const verdict = (r: TheoremRun) => (r.outcome === "unexpected-counterexample" ? "refuted" : r.outcome);
  const ok = runs.every((r) => r.ok);
  if (flags.json) {
    io.out(toExactJsonText({ ok, results: runs.map((r) => ({ ...r, verdict: verdict(r) })) }));
  } else {
    io.out(table(["conjecture", "verdict", "cases", "hypothesis", "ms"], runs.map((r) => [r.id, verdict(r), String(r.cases), pct(r.casesMeetingHypothesis, r.cases), String(r.ms)])));
    for (const r of runs) {
      if (r.counterexample) {
        io.out(`\n${r.id}: refuted. ${r.counterexample.message}`);
        io.out(`minimal counterexample (${r.counterexample.numShrinks} shrinks):\n${toExactJsonText(r.counterexample.instance)}`);
        if (r.counterexample.file) io.out(`saved: ${r.counterexample.file}  (replayed first on the next run)`);
        io.out(`replay: { seed: ${r.counterexample.seed}, path: "${r.counterexample.path}" }`);
      }
      if (r.error) io.out(`\n${r.id}: ${r.error}`);
    }
  }
  return ok ? 0 : 1;
}
