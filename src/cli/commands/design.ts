/**
 * `mechcheck design <instance.json> --axioms a,b,… [--objective revenue|welfare|deficit|utility:<agent>|feasibility]
 *  [--fix-allocation] [--spec extra.json] [--json] [--format text|markdown|latex|html] [--no-iis]`
 *
 * Automated mechanism design [ConitzerSandholm2002], exactly (src/design/design.ts): the instance's
 * environment and beliefs (its mechanism is ignored unless --fix-allocation, which keeps its
 * allocation and designs payments only); the answer is an optimal/feasible mechanism re-checked by
 * src/concepts with its verified dual certificate, or an infeasibility proof in the axioms' names
 * with an irreducible infeasible subset of axioms, or an unbounded ray.
 *
 * --spec names a JSON file with optional fields
 *   "constraints": [{ "name", "terms": [[column, coefficient], …], "sense": "<=" | ">=" | "=", "rhs" }],
 *   "objective": { "direction": "max" | "min", "terms": [[column, coefficient], …], "constant" },
 *   "outsideOptions": { "<agent>": ["r(type 1)", …], … }
 * (columns are named p[agent](a=…, b=…) and x[decision](a=…, b=…); numbers exact strings or integers).
 *
 * --json prints { status, value (exact string when optimal), mechanism, certificate | proof, … }.
 * Exit 0 whenever the question was answered (whatever the answer), 1 if an independent re-check
 * failed (a bug), 2 on bad input (MechcheckError, one line).
 */
import { MechcheckError } from "../../errors.ts";
import { q, qstr, type Q } from "../../exact/rational.ts";
import { jsonToPlain, parseJsonExact, readInputFile } from "../../exact/exactJson.ts";
import { parseInstance } from "../../instance/parse.ts";
import type { Instance } from "../../instance/types.ts";
import { loadLpEngine } from "../../lp/solve.ts";
import { parseAxioms, type UserConstraint } from "../../design/axioms.ts";
import { design, designChecked, type DesignResult, type DesignSpec, type Objective } from "../../design/design.ts";
import { interimUtilities, slackTable } from "../../design/readouts.ts";
import { parseFormat, renderDesign } from "../../design/render.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

const USAGE = "usage: mechcheck design <instance.json> --axioms a,b,… [--objective revenue|welfare|deficit|utility:<agent>|feasibility] [--fix-allocation] [--spec extra.json] [--json] [--format text|markdown|latex|html] [--no-iis]";

export function parseObjective(s: string): Objective {
  if (s === "feasibility" || s === "revenue" || s === "welfare" || s === "deficit") return { kind: s };
  if (s.startsWith("utility:") && s.length > "utility:".length) return { kind: "utility", agent: s.slice("utility:".length) };
  throw new MechcheckError("usage", `--objective: expected revenue, welfare, deficit, utility:<agent> or feasibility, got ${JSON.stringify(s)}`, { path: "--objective", value: s });
}

function readJson(file: string): unknown {
  return jsonToPlain(parseJsonExact(readInputFile(file), file), file);
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** The --spec file's fields (module comment), validated with field paths. */
export function parseSpecFile(raw: unknown, inst: Instance, file: string): Pick<DesignSpec, "constraints" | "objective" | "outsideOptions"> {
  if (!isObj(raw)) throw new MechcheckError("invalid-input", `${file}: expected a JSON object`, { path: file });
  const known = ["constraints", "objective", "outsideOptions"];
  for (const k of Object.keys(raw)) if (!known.includes(k)) throw new MechcheckError("invalid-input", `${file}: unknown field ${JSON.stringify(k)} (known: ${known.join(", ")})`, { path: k, value: k });
  const num = (v: unknown, where: string): Q => {
    if (typeof v !== "string" && typeof v !== "number") throw new MechcheckError("invalid-input", `${file}: ${where}: expected an exact number (string or integer), got ${JSON.stringify(v)}`, { path: where, value: v });
    return q(v as string | number, `${file}: ${where}`);
  };
  const terms = (v: unknown, where: string): [string, Q][] => {
    if (!Array.isArray(v)) throw new MechcheckError("invalid-input", `${file}: ${where}: expected a list of [column, coefficient] pairs`, { path: where });
    if (v.length > 100000) throw new MechcheckError("too-large", `${file}: ${where}: ${v.length} terms > limit 100000`, { path: where, value: v.length });
    return v.map((t, k) => {
      if (!Array.isArray(t) || t.length !== 2 || typeof t[0] !== "string") throw new MechcheckError("invalid-input", `${file}: ${where}[${k}]: expected [column name, coefficient]`, { path: `${where}[${k}]`, value: t });
      return [t[0], num(t[1], `${where}[${k}][1]`)];
    });
  };
  const out: { constraints?: UserConstraint[]; objective?: Objective; outsideOptions?: Q[][] } = {};
  if (raw.constraints !== undefined) {
    if (!Array.isArray(raw.constraints)) throw new MechcheckError("invalid-input", `${file}: constraints: expected a list`, { path: "constraints" });
    if (raw.constraints.length > 10000) throw new MechcheckError("too-large", `${file}: constraints: ${raw.constraints.length} > limit 10000`, { path: "constraints", value: raw.constraints.length });
    out.constraints = raw.constraints.map((c, k) => {
      const w = `constraints[${k}]`;
      if (!isObj(c)) throw new MechcheckError("invalid-input", `${file}: ${w}: expected an object`, { path: w });
      if (typeof c.name !== "string" || c.name.length === 0 || c.name.length > 200) throw new MechcheckError("invalid-input", `${file}: ${w}.name: expected a string of 1…200 characters`, { path: `${w}.name`, value: c.name });
      if (c.sense !== "<=" && c.sense !== ">=" && c.sense !== "=") throw new MechcheckError("invalid-input", `${file}: ${w}.sense: expected "<=", ">=" or "=", got ${JSON.stringify(c.sense)}`, { path: `${w}.sense`, value: c.sense });
      return { name: c.name, terms: terms(c.terms, `${w}.terms`), sense: c.sense, rhs: num(c.rhs, `${w}.rhs`) };
    });
  }
  if (raw.objective !== undefined) {
    const o = raw.objective;
    if (!isObj(o) || (o.direction !== "max" && o.direction !== "min")) throw new MechcheckError("invalid-input", `${file}: objective: expected { "direction": "max" | "min", "terms": [...] }`, { path: "objective.direction", value: isObj(o) ? o.direction : o });
    out.objective = { kind: "linear", direction: o.direction, terms: terms(o.terms, "objective.terms"), ...(o.constant !== undefined ? { constant: num(o.constant, "objective.constant") } : {}) };
  }
  if (raw.outsideOptions !== undefined) {
    const o = raw.outsideOptions;
    const env = inst.environment;
    if (!isObj(o)) throw new MechcheckError("invalid-input", `${file}: outsideOptions: expected an object keyed by agent`, { path: "outsideOptions" });
    for (const k of Object.keys(o)) if (!env.agents.includes(k)) throw new MechcheckError("invalid-input", `${file}: outsideOptions: unknown agent ${JSON.stringify(k)} (agents: ${env.agents.join(", ")})`, { path: `outsideOptions.${k}`, value: k });
    out.outsideOptions = env.agents.map((a, i) => {
      const v = Object.hasOwn(o, a) ? o[a] : undefined;
      if (v === undefined) return env.types[i]!.map((_, t) => env.reservation?.[i]?.[t] ?? q(0));
      if (!Array.isArray(v) || v.length !== env.types[i]!.length) throw new MechcheckError("invalid-input", `${file}: outsideOptions.${a}: expected ${env.types[i]!.length} numbers (one per type), got ${Array.isArray(v) ? v.length : typeof v}`, { path: `outsideOptions.${a}`, value: Array.isArray(v) ? v.length : v });
      return v.map((x, t) => num(x, `outsideOptions.${a}[${t}]`));
    });
  }
  return out;
}

/** The answer as JSON data (exact numbers as strings). */
export function designJson(r: DesignResult, spec: DesignSpec): unknown {
  const env = r.env;
  const mechJson = (m: { allocation: readonly (readonly Q[])[]; payments: readonly (readonly Q[])[] }) => ({
    decisions: env.decisions,
    agents: env.agents,
    profiles: m.allocation.map((_, th) => r.lp.profileLabels[th]),
    allocation: m.allocation.map((row) => row.map(qstr)),
    payments: m.payments.map((row) => row.map(qstr)),
  });
  const base = { axioms: spec.axioms, objective: spec.objective?.kind ?? "feasibility", lp: { columns: r.model.variables.length, rows: r.model.rows.length } };
  if (r.status === "infeasible") {
    return { status: "infeasible", ...base, proof: { verified: r.verified && (r.proof?.verified ?? true), farkasSupport: r.farkasSupport, rows: r.proof?.rows ?? null, rowsPerAxiom: r.proof?.byAxiom ?? null, text: r.proof?.text ?? null, multipliers: r.proof ? r.proof.proof.rows.map((x) => ({ row: x.name, multiplier: qstr(x.multiplier), negated: x.flipped })) : null }, irreducibleAxioms: r.iis };
  }
  if (r.status === "unbounded") return { status: "unbounded", ...base, mechanism: mechJson(r.mechanism), ray: r.ray.map((c) => ({ column: c.column, value: qstr(c.value) })), verified: r.verified };
  return {
    status: r.status,
    ...base,
    ...(r.value !== null ? { value: qstr(r.value), recomputedValue: r.recomputedValue ? qstr(r.recomputedValue) : null } : {}),
    mechanism: mechJson(r.mechanism),
    checks: r.checks,
    certificate: { verified: r.certificate.verified, duals: r.certificate.duals.map((d) => ({ row: d.row, value: qstr(d.value) })) },
    ...(spec.beliefs ? { interimUtilities: interimUtilities(env, r.mechanism, spec.beliefs).map((u) => ({ ...u, utility: u.utility === null ? null : qstr(u.utility), outsideOption: qstr(u.outsideOption) })) } : {}),
    slacks: slackTable(env, r.mechanism, spec.axioms, spec.beliefs).map((s) => ({ axiom: s.axiom, constraint: s.constraint, slack: qstr(s.slack) })),
  };
}

export async function designCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("design", args);
  if (positionals.length !== 1) throw new MechcheckError("usage", `design: expected one instance file, got ${positionals.length} (${USAGE})`, { path: "args", value: positionals.length });
  if (typeof flags.axioms !== "string") throw new MechcheckError("usage", `design: --axioms is required (${USAGE})`, { path: "--axioms" });
  const axioms = parseAxioms(flags.axioms);
  const format = parseFormat(typeof flags.format === "string" ? flags.format : "text");
  let objective = parseObjective(typeof flags.objective === "string" ? flags.objective : "feasibility");
  const file = positionals[0]!;
  let inst: Instance;
  try {
    inst = parseInstance(readInputFile(file));
  } catch (e) {
    if (e instanceof MechcheckError) throw new MechcheckError(e.code, `${file}: ${e.message.split("\n")[0]}`, { path: e.path ?? file, value: e.value, cause: e });
    throw e;
  }
  let extra: ReturnType<typeof parseSpecFile> = {};
  if (typeof flags.spec === "string") {
    extra = parseSpecFile(readJson(flags.spec), inst, flags.spec);
    if (extra.objective) {
      if (typeof flags.objective === "string") throw new MechcheckError("usage", "design: give the objective either with --objective or in the --spec file, not both", { path: "--objective", value: flags.objective });
      objective = extra.objective;
    }
  }
  let allocation: DesignSpec["allocation"] = { kind: "free" };
  if (flags["fix-allocation"]) {
    if (inst.mechanism?.kind !== "direct") throw new MechcheckError("usage", `design: --fix-allocation needs a direct mechanism (its allocation) in ${file}`, { path: "mechanism", value: inst.mechanism?.kind ?? "absent" });
    allocation = { kind: "fixed", allocation: inst.mechanism.allocation };
  }
  const spec: DesignSpec = {
    axioms,
    objective,
    allocation,
    ...(inst.beliefs ? { beliefs: inst.beliefs } : {}),
    ...(extra.constraints ? { constraints: extra.constraints } : {}),
    ...(extra.outsideOptions ? { outsideOptions: extra.outsideOptions } : {}),
    ...(flags["no-iis"] ? { skipIis: true } : {}),
  };
  await loadLpEngine();
  const r = design(inst.environment, spec);
  const ok = designChecked(r);
  if (flags.json) io.out(JSON.stringify({ file, ...(designJson(r, spec) as object), independentChecksPassed: ok }, null, 2));
  else {
    io.out(renderDesign(r, spec, format));
    if (!ok) io.out("INDEPENDENT RE-CHECK FAILED (a bug): see the checks above");
  }
  return ok ? 0 : 1;
}
