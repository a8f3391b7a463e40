/**
 * CLI-level fuzzing (issue 9): generated hostile uses of every command, each with the exit codes
 * it may document and the store it may touch. Shared by test/cli/fuzz.test.ts (fixed seed, modest
 * count) and bench/cli-fuzz.ts (larger counts, timings into bench/RESULTS.md).
 *
 * Invariants checked for every scenario by `runScenario`: the exit code is one the scenario allows,
 * every stderr line is one `mechcheck <cmd>: error [code]: …` or `warning:` line, no stack trace
 * anywhere, and the store it used is still valid (every file parses, no temporaries left).
 */
import fc from "fast-check";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { TEMP_PREFIX } from "../../src/store/atomic.ts";
import { scanCounterexamples } from "../../src/store/counterexamples.ts";
import { capture, conjectureFile, oneLineErrors, REPO } from "./hostile-support.ts";

export type AttackClass =
  | "hostile flags"
  | "prototype labels"
  | "deep nesting"
  | "explosive sizes"
  | "duplicate keys"
  | "rounding decimals"
  | "non-boolean / throwing checks"
  | "garbage files"
  | "store faults (EACCES/ENOSPC)";

export interface Scenario {
  readonly attack: AttackClass;
  readonly label: string;
  /** Files to write first (relative to the scenario folder). */
  readonly files: Readonly<Record<string, string>>;
  /** argv, with "@/" standing for the scenario folder. */
  readonly argv: readonly string[];
  readonly allowed: readonly number[];
  readonly env?: Readonly<Record<string, string>>;
  /** A store folder (relative) to validate afterwards. */
  readonly store?: string;
  /** When set, the first stderr line must match (e.g. the refusal names its reason). */
  readonly errPattern?: RegExp;
  /** Conjecture scenarios: body of the check. */
  readonly conjecture?: { readonly name: string; readonly check: string };
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly code: number;
  readonly ms: number;
  readonly problem: string | null;
  readonly firstErr: string;
}

// ---------- values ----------

const PROTO = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];
const NUMBERISH = ["0", "-1", "1e9", "1e400", "1.5", "NaN", "Infinity", "-0", "0x10", "", " 1", "1 ", "4294967296", "2147483648", "2147483647", "9007199254740993", "1/2", "٣", "9".repeat(400), "1e-400", "+3", ".5", "5.", "1_000", "--json", "__proto__", "constructor"];

/** A valid 2-agent instance whose labels are the given names. */
export function instanceWithLabels(agents: [string, string], types: [string, string], decisions: [string, string, string]): string {
  const [a, b] = agents;
  const [t1, t2] = types;
  const [d0, d1, d2] = decisions;
  const prof = [`${t1},${t1}`, `${t1},${t2}`, `${t2},${t1}`, `${t2},${t2}`];
  const val = (who: string, d: string) => Object.fromEntries([[t1, { [d]: "1" }], [t2, { [d]: "2" }]]);
  const alloc = Object.fromEntries(prof.map((p) => [p, d0]));
  return JSON.stringify({
    mechcheck: 1,
    environment: { agents: [a, b], types: { [a]: [t1, t2], [b]: [t1, t2] }, decisions: [d0, d1, d2], valuation: { [a]: val(a, d1), [b]: val(b, d2) } },
    beliefs: { commonPrior: Object.fromEntries(prof.map((p) => [p, "1/4"])) },
    mechanism: { kind: "direct", allocation: alloc, payments: {} },
  });
}

/** n agents × m types, one decision valued 1 by every type (valuation keyed by own type), allocation "x" everywhere. */
function explosive(agents: number, types: number): string {
  const names = Array.from({ length: agents }, (_, k) => `a${k}`);
  const ts = Array.from({ length: types }, (_, k) => `t${k}`);
  const valuation = Object.fromEntries(names.map((n) => [n, Object.fromEntries(ts.map((t) => [t, { x: "1" }]))]));
  // Only a 1-type instance lists its (single) profile; larger ones must be refused before any profile is built.
  const allocation = types === 1 ? { [names.map(() => "t0").join(",")]: "x" } : {};
  return JSON.stringify({ mechcheck: 1, environment: { agents: names, types: Object.fromEntries(names.map((n) => [n, ts])), decisions: ["x"], valuation }, mechanism: { kind: "direct", allocation, payments: {} } });
}

const nested = (n: number, open = "[", close = "]") => open.repeat(n) + close.repeat(n);
const nestedObj = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

const LP_OK = readFileSync(join(REPO, "examples/lp/production.json"), "utf8");
const INST_OK = readFileSync(join(REPO, "examples/instances/second-price-auction.json"), "utf8");

// ---------- arbitraries per attack class ----------

const flagValue = fc.constantFrom(...NUMBERISH);

const hostileFlags: fc.Arbitrary<Scenario> = fc.oneof(
  fc.tuple(fc.constantFrom("--runs", "--seed", "--scale"), flagValue).map(([f, v]) => ({
    attack: "hostile flags" as const,
    label: `check vcg-dsic ${f} ${JSON.stringify(v)}`,
    files: {},
    // --runs fixed small unless it is the flag under attack (a valid --scale must not mean a long run)
    argv: ["check", "vcg-dsic", "--no-save", f, v, ...(f === "--runs" ? [] : ["--runs", "2"])],
    allowed: [0, 2],
  })),
  fc.tuple(fc.constantFrom("tables", "replay", "list", "lp", "eval", "show", "shrink", "conjecture", "ce2007", "brooks-du", "check"), fc.constantFrom("--frobnicate", "-x", "--json=1", "--", "extra", "--help=1", "---", "-", "--max-k", "--N")).map(([cmd, a]) => ({
    attack: "hostile flags" as const,
    label: `${cmd} … ${a}`,
    files: { "m.json": LP_OK },
    argv: cmd === "check" ? [cmd, "vcg-dsic", "--runs", "1", "--no-save", a, "x1"] : cmd === "lp" || cmd === "eval" || cmd === "show" || cmd === "shrink" || cmd === "conjecture" ? [cmd, "@/m.json", a, "x1"] : [cmd, a, "x1"],
    allowed: [2],
  })),
  fc.tuple(fc.constantFrom("--max-k", "--n", "--K", "--N", "--seed", "--max-steps", "--timeout", "--max-profiles"), flagValue).map(([f, v]) => {
    const cmd = { "--max-k": "tables", "--n": "ce2007", "--K": "ce2007", "--N": "brooks-du", "--seed": "ce2007", "--max-steps": "shrink", "--timeout": "conjecture", "--max-profiles": "eval" }[f]!;
    const cheapValid = (f === "--max-k" && v === "1e9") || false;
    void cheapValid;
    // Only values that are invalid for the flag, or cheap when valid, so a scenario never runs long.
    const argv = cmd === "shrink" ? [cmd, "@/none.json", f, v] : cmd === "conjecture" ? [cmd, "@/none.ts", f, v] : cmd === "eval" ? [cmd, "@/none.json", f, v] : [cmd, f, v, "--json", "extra-arg"];
    return { attack: "hostile flags" as const, label: `${argv.join(" ")}`, files: {}, argv, allowed: [2] };
  }),
);

const protoLabels: fc.Arbitrary<Scenario> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...PROTO), { minLength: 2, maxLength: 2 }), fc.uniqueArray(fc.constantFrom(...PROTO), { minLength: 2, maxLength: 2 }), fc.uniqueArray(fc.constantFrom(...PROTO), { minLength: 3, maxLength: 3 }), fc.constantFrom("eval", "show"))
  .map(([a, t, d, cmd]) => ({
    attack: "prototype labels" as const,
    label: `${cmd} agents ${a.join("/")}, types ${t.join("/")}, decisions ${d.join("/")}`,
    files: { "i.json": instanceWithLabels(a as [string, string], t as [string, string], d as [string, string, string]) },
    argv: [cmd, "@/i.json"],
    // a verdict (0 or 1): labels that shadow prototype names are ordinary labels
    allowed: [0, 1],
  }));

const deepNesting: fc.Arbitrary<Scenario> = fc.tuple(fc.constantFrom(300, 1_000, 10_000, 100_000), fc.boolean(), fc.constantFrom("eval", "lp", "show", "shrink", "replay")).map(([n, obj, cmd]): Scenario => {
  const text = obj ? nestedObj(n) : nested(n);
  if (cmd === "replay") return { attack: "deep nesting" as const, label: `replay of a store holding a ${n}-deep record`, files: { "s/vcg-dsic/case-deep.json": `{"format":1,"theorem":"vcg-dsic","kind":"theorem","expect":"holds","message":"m","instance":${text}}` }, argv: ["replay", "@/s"], allowed: [1], store: "s" };
  return { attack: "deep nesting" as const, label: `${cmd} of ${n} nested ${obj ? "objects" : "arrays"}`, files: { "d.json": text }, argv: [cmd, "@/d.json"], allowed: [2] };
});

const explosiveSizes: fc.Arbitrary<Scenario> = fc.constantFrom<[number, number]>([20, 10], [8, 10], [40, 2], [30, 3], [2000, 1], [7, 8], [20000, 1]).map(([n, m]) => ({
  attack: "explosive sizes" as const,
  label: `eval ${n} agents × ${m} types`,
  files: { "big.json": explosive(n, m) },
  argv: ["eval", "@/big.json"],
  // above 10^6 profiles: refused, naming the product; one type each: a verdict (linear-time handling)
  ...(m === 1 ? { allowed: [0, 1] } : { allowed: [2], errPattern: /error \[too-large\]: .*profiles > limit/ }),
}));

const duplicateKeys: fc.Arbitrary<Scenario> = fc.constantFrom("eval", "lp", "show", "shrink").map((cmd) => {
  const base = cmd === "lp" ? LP_OK : INST_OK;
  const dup = base.replace(/\{/, cmd === "lp" ? '{ "opType": "min",' : '{ "mechcheck": 2,');
  const text = cmd === "shrink" ? `{"format":1,"format":1,"theorem":"vcg-dsic","kind":"theorem","expect":"fails","message":"m","instance":{}}` : dup;
  return { attack: "duplicate keys" as const, label: `${cmd} of a file with a duplicate key`, files: { "dup.json": text }, argv: [cmd, "@/dup.json"], allowed: [2] };
});

const roundingDecimals: fc.Arbitrary<Scenario> = fc.constantFrom("0.99999999999999999", "1.00000000000000001", "0.3333333333333333", "1e-400").map((lit) => {
  // A common prior whose first entry is the literal and the rest 0: sums to 1 only if the literal is rounded.
  const inst = JSON.parse(INST_OK) as { beliefs: { commonPrior: Record<string, unknown> } };
  const keys = Object.keys(inst.beliefs.commonPrior);
  const prior = keys.map((k, i) => `${JSON.stringify(k)}: ${i === 0 ? lit : "0"}`).join(", ");
  const text = JSON.stringify({ ...inst, beliefs: { commonPrior: {} } }).replace('"commonPrior":{}', `"commonPrior":{${prior}}`);
  return { attack: "rounding decimals" as const, label: `eval with a prior entry ${lit} (sum ≠ 1 exactly)`, files: { "r.json": text }, argv: ["eval", "@/r.json"], allowed: [2] };
});

const CHECKS: readonly [string, string, readonly number[]][] = [
  ["ret42", "((_n: number) => 42) as never", [2]],
  ["retundef", "((_n: number) => undefined) as never", [2]],
  ["retnull", "((_n: number) => null) as never", [2]],
  ["retarr", "((_n: number) => []) as never", [2]],
  ["retok1", "((_n: number) => ({ ok: 1 })) as never", [2]],
  ["retpromise", "(async (_n: number) => true) as never", [2]],
  ["throwerr", "(n: number) => { if (n > 2) throw new RangeError('bad ' + n); return true; }", [2]],
  ["throwstr", "(n: number) => { if (n > 2) throw 'a string'; return true; }", [2]],
  ["thrownull", "(n: number) => { if (n > 2) throw null; return true; }", [2]],
  ["spin", "(n: number) => { if (n > 50) for (;;) {} return true; }", [2]],
  ["okfalse", "(n: number) => ({ ok: n < 10 })", [1]],
  ["truecheck", "(n: number) => n >= 0", [0]],
];

const checks: fc.Arbitrary<Scenario> = fc.constantFrom(...CHECKS).map(([name, check, allowed]) => ({
  attack: "non-boolean / throwing checks" as const,
  label: `conjecture whose check is ${name}`,
  files: {},
  conjecture: { name, check },
  argv: ["conjecture", `@/${name}.ts`, "--store", "@/cs", "--no-typecheck", "--timeout", "500", "--runs", "60"],
  allowed,
  store: "cs",
}));

const garbage: fc.Arbitrary<Scenario> = fc.tuple(fc.constantFrom("eval", "lp", "show", "shrink", "replay"), fc.constantFrom<[string, string | null]>(["empty", ""], ["bom", "\uFEFF{}"], ["binary", "\u0000\u0001\u00ff\u00fe"], ["truncated", INST_OK.slice(0, 200)], ["dir", null], ["missing", null], ["nul-in-key", '{"a\u0000b": 1}'])).map(([cmd, [kind, text]]) => {
  const files: Record<string, string> = {};
  if (text !== null) files["g.json"] = text;
  if (kind === "dir") files["gdir/.keep"] = "";
  const target = kind === "dir" ? "@/gdir" : kind === "missing" ? "@/missing.json" : "@/g.json";
  const allowed = cmd === "replay" && kind === "dir" ? [0] : [2];
  return { attack: "garbage files" as const, label: `${cmd} of a ${kind} file`, files, argv: [cmd, target], allowed };
});

const storeFaults: fc.Arbitrary<Scenario> = fc.tuple(fc.constantFrom("EACCES", "ENOSPC", "EROFS", "EIO"), fc.constantFrom("check", "conjecture", "report")).map(([fault, how]) => ({
  attack: "store faults (EACCES/ENOSPC)" as const,
  label: `${how} with every write failing ${fault}`,
  files: {},
  ...(how === "conjecture" ? { conjecture: { name: "storefault", check: "(n: number) => n < 10" } } : {}),
  argv:
    how === "check"
      ? ["check", "dsic-efficient-is-groves", "--runs", "30", "--store", "@/fs"]
      : how === "conjecture"
        ? ["conjecture", "@/storefault.ts", "--store", "@/fs", "--no-typecheck", "--runs", "50"]
        : ["check", "vcg-dsic", "--runs", "2", "--no-save", "--report", "@/fs/report.md"],
  // the run's own verdict (refuted as expected: 0; conjecture refuted: 1); an unwritable report: 2 after the results
  allowed: how === "check" ? [0] : how === "conjecture" ? [1] : [2],
  env: { MECHCHECK_FAULT_INJECT: fault },
  store: "fs",
}));

export const ATTACKS: Readonly<Record<AttackClass, fc.Arbitrary<Scenario>>> = {
  "hostile flags": hostileFlags,
  "prototype labels": protoLabels,
  "deep nesting": deepNesting,
  "explosive sizes": explosiveSizes,
  "duplicate keys": duplicateKeys,
  "rounding decimals": roundingDecimals,
  "non-boolean / throwing checks": checks,
  "garbage files": garbage,
  "store faults (EACCES/ENOSPC)": storeFaults,
};

/** Run one scenario in-process in `dir` (a fresh scratch folder). */
export async function runScenario(s: Scenario, dir: string): Promise<ScenarioResult> {
  for (const [name, text] of Object.entries(s.files)) {
    const f = join(dir, name);
    mkdirSync(join(f, ".."), { recursive: true });
    writeFileSync(f, text);
  }
  if (s.conjecture) conjectureFile(dir, s.conjecture.name, s.conjecture.check);
  const argv = s.argv.map((a) => (a.startsWith("@/") ? join(dir, a.slice(2)) : a));
  const c = capture();
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const t0 = performance.now();
  let code: number;
  try {
    code = await main([...argv], c.io);
  } finally {
    for (const k of Object.keys(s.env ?? {})) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  const ms = Math.round(performance.now() - t0);
  let problem = oneLineErrors(c.err.filter((l) => !/^\s+Δ = /.test(l)), c.out);
  if (problem === null && !s.allowed.includes(code)) problem = `exit ${code}, allowed ${s.allowed.join("/")}: ${c.err.join(" | ").slice(0, 300)}`;
  if (problem === null && s.errPattern && !s.errPattern.test(c.err[0] ?? "")) problem = `stderr does not match ${s.errPattern}: ${(c.err[0] ?? "").slice(0, 200)}`;
  if (problem === null && s.store) {
    const root = join(dir, s.store);
    const scan = scanCounterexamples(root);
    const temps = listTemps(root);
    // A store seeded with a bad file on purpose (deep nesting) reports that file; nothing else may be wrong.
    const unexpected = scan.problems.filter((p) => !/case-deep\.json$/.test(p.file));
    if (unexpected.length > 0) problem = `store invalid afterwards: ${unexpected.map((p) => `${p.file}: ${p.message}`).join("; ")}`;
    else if (temps.length > 0) problem = `temporary files left in the store: ${temps.join(", ")}`;
  }
  return { scenario: s, code, ms, problem, firstErr: (c.err[0] ?? "").split("\n")[0]!.slice(0, 160) };
}

function listTemps(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith(TEMP_PREFIX)) out.push(join(d, n));
      else if (!n.includes(".")) walk(join(d, n));
    }
  };
  walk(root);
  return out;
}
