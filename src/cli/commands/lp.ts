/**
 * `mechcheck lp <model.json> [--json]`: solve a javascript-lp-solver JSON model exactly and print
 * the verdict with its certificate, after re-checking the certificate with the independent
 * verifier (src/lp/verify.ts). Exit 0 when solved and verified, 1 when the certificate does not
 * verify (a bug), 2 for bad input.
 *
 * --json prints one object, every number an exact string "p/q":
 *   optimal:    { status, value, primal: {var: x}, dual: {row: y}, reducedCosts: {var: d}, verified }
 *   infeasible: { status, farkas: {row: y}, verified }
 *   unbounded:  { status, ray: {var: r}, point: {var: x}, verified }
 * (`reducedCosts` and `point` complete the certificates of model.ts; `problems` is added when
 * `verified` is false.)
 */
import { readFile, stat } from "node:fs/promises";
import { DEFAULT_MAX_INPUT_BYTES, groupDigits } from "../../exact/exactJson.ts";
import { MechcheckError } from "../../errors.ts";
import { type Q, qstr, toFloat } from "../../exact/rational.ts";
import { parseLpJson } from "../../lp/jsonModel.ts";
import type { LpModel, LpResult } from "../../lp/model.ts";
import { infeasibilityProof, renderProof } from "../../lp/proof.ts";
import { loadLpEngine, solve } from "../../lp/solve.ts";
import { verify } from "../../lp/verify.ts";
import { parseCommandArgs } from "../specs.ts";
import type { CommandIO } from "../io.ts";

const USAGE = "usage: mechcheck lp <model.json> [--json]";

/** Read a file as text; errors name the path. */
async function readModelFile(path: string): Promise<string> {
  try {
    // refused before reading above the input size limit (src/exact/exactJson.ts)
    const size = (await stat(path)).size;
    if (size > DEFAULT_MAX_INPUT_BYTES) throw new MechcheckError("too-large", `${path}: ${groupDigits(size)} bytes > limit ${groupDigits(DEFAULT_MAX_INPUT_BYTES)} bytes`, { path, value: size });
    return await readFile(path, "utf8");
  } catch (e) {
    if (e instanceof MechcheckError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new MechcheckError("file-not-found", `${path}: no such file`, { path, cause: e });
    if (code === "EISDIR") throw new MechcheckError("unreadable-file", `${path}: is a directory, not a model file`, { path, cause: e });
    if (code === "EACCES" || code === "EPERM") throw new MechcheckError("unreadable-file", `${path}: permission denied`, { path, cause: e });
    throw new MechcheckError("unreadable-file", `${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`, { path, cause: e });
  }
}

/** An object keyed by names (an own "__proto__" key stays a key). */
function byName(names: readonly string[], values: readonly Q[]): Record<string, string> {
  const o: Record<string, string> = {};
  names.forEach((n, k) => Object.defineProperty(o, n, { value: qstr(values[k]!), enumerable: true, writable: true, configurable: true }));
  return o;
}

/** "3/2 (≈ 1.5)" for non-integers, "3" for integers. */
function show(x: Q): string {
  if (x.d === 1n) return qstr(x);
  const f = toFloat(x);
  const approx = Math.abs(f) >= 1e-6 && Math.abs(f) < 1e15 ? String(Number(f.toPrecision(12))) : f.toPrecision(12);
  return `${qstr(x)} (≈ ${approx})`;
}

function listing(names: readonly string[], values: readonly Q[], indent = "  "): string[] {
  const width = Math.min(24, Math.max(0, ...names.map((n) => n.length)));
  return names.map((n, k) => `${indent}${n.padEnd(width)} = ${show(values[k]!)}`);
}

function jsonReport(model: LpModel, result: LpResult, check: ReturnType<typeof verify>): Record<string, unknown> {
  const vars = model.variables.map((v) => v.name);
  const rows = model.rows.map((r) => r.name);
  const out: Record<string, unknown> = { status: result.status };
  if (result.status === "optimal") {
    out.value = qstr(result.value);
    out.primal = byName(vars, result.primal);
    out.dual = byName(rows, result.dual.rows);
    out.reducedCosts = byName(vars, result.dual.reducedCosts);
  } else if (result.status === "infeasible") {
    out.farkas = byName(rows, result.farkas.rows);
  } else {
    out.ray = byName(vars, result.ray);
    out.point = byName(vars, result.point);
  }
  out.verified = check.ok;
  if (!check.ok) out.problems = check.problems;
  return out;
}

function textReport(model: LpModel, result: LpResult, check: ReturnType<typeof verify>): string[] {
  const vars = model.variables.map((v) => v.name);
  const rows = model.rows.map((r) => r.name);
  const lines = [`status: ${result.status}${check.ok ? " (certificate verified)" : " (CERTIFICATE REJECTED)"}`];
  if (result.status === "optimal") {
    lines.push(`value: ${show(result.value)}`);
    lines.push("primal:", ...listing(vars, result.primal));
    if (rows.length > 0) lines.push("dual (∂value/∂rhs per row):", ...listing(rows, result.dual.rows));
    const nz = vars.map((_, j) => j).filter((j) => result.dual.reducedCosts[j]!.n !== 0n);
    if (nz.length > 0) lines.push("reduced costs (nonzero):", ...listing(nz.map((j) => vars[j]!), nz.map((j) => result.dual.reducedCosts[j]!)));
  } else if (result.status === "infeasible") {
    const used = rows.map((_, i) => i).filter((i) => result.farkas.rows[i]!.n !== 0n);
    lines.push("Farkas multipliers (nonzero):", ...listing(used.map((i) => rows[i]!), used.map((i) => result.farkas.rows[i]!)));
    if (check.ok) lines.push("proof of infeasibility:", ...renderProof(model, infeasibilityProof(model, result.farkas.rows)).split("\n").map((l: string) => (l === "" ? l : `  ${l}`)));
  } else {
    lines.push(`the objective is unbounded (${model.direction === "max" ? "above" : "below"}): from the feasible point`, ...listing(vars, result.point));
    lines.push("move along the ray", ...listing(vars, result.ray));
  }
  return lines;
}

export const lpCommand = async (args: string[], io: CommandIO): Promise<number> => {
  const { positionals, flags } = parseCommandArgs("lp", args);
  if (flags.help === true) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new MechcheckError("usage", `lp: expected one model file, got ${positionals.length === 0 ? "none" : positionals.map((p) => JSON.stringify(p)).join(" ")} (${USAGE})`, { path: "model.json", value: positionals });
  }
  const path = positionals[0]!;
  const model = parseLpJson(await readModelFile(path), path);
  await loadLpEngine();
  const result = solve(model);
  const check = verify(model, result);
  if (flags.json === true) io.out(JSON.stringify(jsonReport(model, result, check), null, 2));
  else io.out(textReport(model, result, check).join("\n"));
  if (!check.ok) {
    io.err(`mechcheck lp: the ${result.status} certificate did not verify (a bug; please report it):\n${check.problems.map((p) => `  [${p.code}] ${p.message}`).join("\n")}`);
    return 1;
  }
  return 0;
};
