/**
 * `mechcheck init [dir]`: scaffold a conjecture project in `dir` (default: the current folder) —
 * package.json (type module, mechcheck and vitest), tsconfig.json (module nodenext, strict), an
 * example conjecture (`npx mechcheck conjecture conjectures/pivot-no-deficit.ts`), a vitest test
 * using @fast-check/vitest's test.prop (`npx vitest run`), a .gitignore (node_modules, the
 * .mechcheck/ cache) and a README. Every file is created exclusively: an existing file is never
 * overwritten (it is listed as kept), so init is safe to run in a folder that already has work.
 */
import { mkdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { MechcheckError } from "../../errors.ts";
import { displayPath } from "../../store/counterexamples.ts";
import { TOOL_VERSION } from "../../version.ts";
import { parseArgs } from "../args.ts";
import type { CommandIO } from "../io.ts";

/** The scaffold's files, by path relative to the project folder. */
export function scaffold(name: string): Record<string, string> {
  const pkgName = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|[-]+$/g, "") || "conjectures";
  return {
    "package.json":
      JSON.stringify(
        {
          name: pkgName,
          version: "0.0.0",
          private: true,
          type: "module",
          scripts: { conjecture: "mechcheck conjecture conjectures/pivot-no-deficit.ts", test: "vitest run" },
          dependencies: { mechcheck: `^${TOOL_VERSION}` },
          devDependencies: { vitest: "^4.1.12", "@fast-check/vitest": "^0.5.0" },
        },
        null,
        2,
      ) + "\n",
    "tsconfig.json":
      JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: true }, include: ["conjectures", "test"] }, null, 2) + "\n",
    ".gitignore": "node_modules/\n# mechcheck's cache of new counterexamples (mechcheck promote moves one into counterexamples/)\n.mechcheck/\n",
    "conjectures/pivot-no-deficit.ts": `/**
 * An example conjecture: the Clarke pivot mechanism never runs a deficit [BernardMD3]. Run it with
 *
 *   npx mechcheck conjecture conjectures/pivot-no-deficit.ts
 *   npx mechcheck conjecture conjectures/pivot-no-deficit.ts --param agents=1..4   # one row per value
 *
 * A refuted conjecture prints a minimal counterexample and saves it under .mechcheck/ (replayed on
 * the next run); \`npx mechcheck promote <file>\` moves it into counterexamples/, to commit.
 */
import { conjecture, describeViolation, isNoDeficit, pivotMechanism, privateValuesEnvironment } from "mechcheck";

export default conjecture({
  id: "pivot-no-deficit",
  statement: "Under private values the pivot mechanism never runs a deficit: Σ_i p_i(θ) ≥ 0 at every θ.",
  // A parameter (an integer, with its default and allowed range): --param agents=2..4 sweeps it.
  params: { agents: { default: 3, min: 1, max: 4 } },
  arbitrary: ({ agents }) => privateValuesEnvironment({ allowNegative: true, maxAgents: agents }),
  check: (env) => {
    const v = isNoDeficit(env, pivotMechanism(env));
    return v.verdict === "holds" ? { ok: true } : { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
  },
  runs: 200,
});
`,
    "conjectures/pivot-budget-balance.ts": `/**
 * A conjecture expected to be FALSE (expect: "refuted"), checked on a finite family case by case
 * (enumerate): the pivot mechanism is not budget balanced. Exit code 0 when a counterexample is
 * found, 1 when none is.
 *
 *   npx mechcheck conjecture conjectures/pivot-budget-balance.ts --param K=1..3
 */
import { conjecture, describeViolation, instanceToJson, isExPostBudgetBalanced, parseInstance, pivotMechanism } from "mechcheck";
import { singleObjectEnvironment } from "mechcheck/model";

export default conjecture({
  id: "pivot-budget-balance",
  statement: "The pivot mechanism is budget balanced (it is not: expect refuted).",
  expect: "refuted",
  params: { K: { default: 2, min: 1, max: 6 } },
  // Every pair of value grids {0, …, a} × {0, …, b} with a, b ≤ K, smallest first.
  enumerate: function* ({ K }) {
    for (let a = 1; a <= K; a++) for (let b = 1; b <= K; b++) yield singleObjectEnvironment([[...Array(a + 1).keys()], [...Array(b + 1).keys()]], { noSale: true });
  },
  size: ({ K }) => K * K,
  check: (env) => {
    const v = isExPostBudgetBalanced(env, pivotMechanism(env));
    return v.verdict === "holds" ? true : { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
  },
  // Saved cases in the readable instance format (mechcheck show / eval read them).
  codec: { encode: (env) => instanceToJson({ environment: env }), decode: (j) => parseInstance(j).environment },
});
`,
    "test/pivot.test.ts": `/** The same property as a test of your own suite: vitest with @fast-check/vitest (test.prop). */
import { describe } from "vitest";
import { test } from "@fast-check/vitest";
import { isNoDeficit, pivotMechanism, privateValuesEnvironment } from "mechcheck";

describe("the pivot mechanism", () => {
  test.prop([privateValuesEnvironment({ allowNegative: true })], { seed: 1, numRuns: 100 })("never runs a deficit", (env) => {
    return isNoDeficit(env, pivotMechanism(env)).verdict === "holds";
  });
});
`,
    "README.md": `# ${name}

Conjectures checked with [mechcheck](https://www.npmjs.com/package/mechcheck).

    npm install
    npx mechcheck conjecture conjectures/pivot-no-deficit.ts   # a verdict, a minimal counterexample if refuted
    npx mechcheck conjecture conjectures/pivot-budget-balance.ts --param K=1..3   # expected refuted; a finite family
    npx vitest run                                            # the same property in a test suite

New counterexamples are saved under \`.mechcheck/\` (ignored by git) and replayed first; \`npx mechcheck
promote <file>\` moves one into \`counterexamples/\`, to commit.
`,
  };
}

export async function initCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals } = parseArgs("init", args, {}, { max: 1, usage: "[dir]" });
  const dir = resolve(positionals[0] ?? ".");
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new MechcheckError("usage", `init: ${JSON.stringify(positionals[0])} is a file, not a folder`, { path: "dir", value: positionals[0] });
  const created: string[] = [];
  const kept: string[] = [];
  for (const [rel, text] of Object.entries(scaffold(basename(dir)))) {
    const file = join(dir, rel);
    mkdirSync(join(file, ".."), { recursive: true });
    try {
      writeFileSync(file, text, { flag: "wx" }); // exclusive: never overwrite
      created.push(rel);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      kept.push(rel);
    }
  }
  const where = displayPath(dir) || ".";
  io.out(`created in ${where}: ${created.length ? created.join(", ") : "nothing"}`);
  if (kept.length) io.out(`kept (already there, not overwritten): ${kept.join(", ")}`);
  io.out(`next: cd ${where} && npm install && npx mechcheck conjecture conjectures/pivot-no-deficit.ts`);
  return 0;
}
