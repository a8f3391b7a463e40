/**
 * javascript-lp-solver's JSON model format, read exactly.
 *
 *   { "optimize": "profit", "opType": "max" | "min",
 *     "constraints": { "c1": { "max": 10 }, "c2": { "min": 2 }, "c3": { "equal": 3 }, "c4": { "min": 1, "max": 4 } },
 *     "variables":   { "x": { "profit": 3, "c1": 1 }, "y": { "profit": "3/7", "c1": 0.1 } },
 *     "unrestricted": { "x": 1 } }
 *
 * Numbers are exact: a JSON number token means its decimal value (0.1 is 1/10, not the double
 * nearest it) — the text is read by the exact JSON reader (src/exact/exactJson.ts), which keeps
 * number tokens as text; strings
 * such as "3/7", "-2", "0.25", "1e-3" are exact rationals too.
 *
 * Semantics, following javascript-lp-solver (Model.loadJson) where it is well defined, and refusing
 * what it would do silently or what has no exact LP meaning:
 * - Every variable is ≥ 0 unless listed in "unrestricted" with a truthy value (1 or true; 0 and
 *   false mean "not unrestricted"). Naming an undeclared variable there is an error (it would be
 *   ignored by javascript-lp-solver; here it is almost surely a typo).
 * - A variable's attribute named like the objective is its objective coefficient (absent: 0). An
 *   attribute naming a declared constraint is its coefficient in that constraint. Any other
 *   attribute is ignored, exactly as javascript-lp-solver ignores it (models commonly carry
 *   bookkeeping attributes such as "cost" that are not constrained); its value must still be a
 *   rational number.
 * - A constraint with "min" and/or "max" gives a ≥ row and/or a ≤ row; "equal" gives an = row.
 *   Both "min" and "max": when they are equal, one = row named after the constraint; otherwise two
 *   rows named `c.min` and `c.max`. "equal" together with "min"/"max" is refused (javascript-lp-
 *   solver versions disagree: old ones add all three, new ones drop min/max). A constraint with none
 *   of them, or with "weight"/"priority" (soft constraints), is refused.
 * - A constraint with the objective's name is refused (javascript-lp-solver would give it no terms).
 * - "ints" or "binaries" listing any variable is refused: mechcheck solves LPs.
 * - "optimize" must be one attribute name (multi-objective models are refused); "opType" must be
 *   "max" or "min" (javascript-lp-solver silently minimizes when it is missing).
 * - "name", "options", "tolerance", "timeout" (solver settings for integer programs) are accepted
 *   and ignored; any other top-level key is refused.
 * Duplicate keys in an object are refused.
 */
import { MechcheckError, type ErrorCode } from "../errors.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type RowSense } from "./model.ts";
import { fieldPath, JsonNumber, parseJsonExact, type JsonReadOptions } from "../exact/exactJson.ts";

// The exact JSON reader lives in src/exact/exactJson.ts (shared by instances, records and models).
export { fieldPath, JsonNumber, parseJsonExact, type JsonObject, type JsonValue } from "../exact/exactJson.ts";

/* ------------------------------------------------------------------------------------------------
 * The model.
 * ---------------------------------------------------------------------------------------------- */


function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "missing";
  if (Array.isArray(v)) return "an array";
  if (v instanceof JsonNumber) return `the number ${v.text}`;
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 60 ? v.slice(0, 60) + "…" : v)}`;
  return `${typeof v} ${String(v)}`;
}

function bad(code: ErrorCode, path: string, message: string, value?: unknown): never {
  throw new MechcheckError(code, `${path}: ${message}`, { path, value });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function expectObject(v: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(v)) bad(v === undefined ? "missing-field" : "wrong-type", path, `expected an object, found ${kindOf(v)}`, v);
  return v;
}

/** An exact rational from a JSON number token, an exact string, or (for JS objects) an integer. */
function rational(v: unknown, path: string): Q {
  if (v instanceof JsonNumber) return q(v.text, path);
  if (typeof v === "string" || typeof v === "number") return q(v, path);
  return bad(v === undefined ? "missing-field" : "not-a-rational", path, `${kindOf(v)} is not a rational number (expected a number or a string such as "3/7")`, v);
}

function isTruthyFlag(v: unknown, path: string): boolean {
  if (v === true) return true;
  if (v === false) return false;
  if (!(v instanceof JsonNumber) && typeof v !== "number" && typeof v !== "string") bad("wrong-type", path, `${kindOf(v)} is not a flag (expected 1, 0, true or false)`, v);
  const x = rational(v, path);
  if (x.n === 0n) return false;
  if (x.equals(1)) return true;
  return bad("wrong-type", path, `${qstr(x)} is not a flag (expected 1, 0, true or false)`, v);
}

const TOP_LEVEL = new Set(["optimize", "opType", "constraints", "variables", "unrestricted", "ints", "binaries", "name", "options", "tolerance", "timeout"]);
const CONSTRAINT_KEYS = new Set(["min", "max", "equal"]);

/** Parse the JSON text of a javascript-lp-solver model. `source` (e.g. the file path) names the text in JSON syntax errors. */
export function parseLpJson(text: string, source = "model", options: JsonReadOptions = {}): LpModel {
  return lpModelFromObject(parseJsonExact(text, source, options));
}

/**
 * An LpModel from a parsed model: the output of `parseJsonExact`, or a plain JS object (where
 * numbers must be integers — a JS float has already lost its decimal meaning — or exact strings).
 */
export function lpModelFromObject(input: unknown): LpModel {
  const root = expectObject(input, "model");
  for (const k of Object.keys(root)) {
    if (!TOP_LEVEL.has(k)) bad("unknown-field", fieldPath("", k), `unknown field (expected one of ${[...TOP_LEVEL].join(", ")})`, k);
  }

  const optimize = own(root, "optimize");
  if (isPlainObject(optimize)) bad("not-supported", "optimize", "multi-objective models are not supported: give one attribute name", optimize);
  if (typeof optimize !== "string") bad(optimize === undefined ? "missing-field" : "wrong-type", "optimize", `expected the name of the objective attribute (a string), found ${kindOf(optimize)}`, optimize);
  if (optimize === "") bad("wrong-type", "optimize", "the objective attribute name is empty", optimize);

  const opType = own(root, "opType");
  if (opType !== "max" && opType !== "min") bad(opType === undefined ? "missing-field" : "wrong-type", "opType", `expected "max" or "min", found ${kindOf(opType)}`, opType);

  for (const k of ["ints", "binaries"] as const) {
    const v = own(root, k);
    if (v === undefined) continue;
    if (!isPlainObject(v)) bad("wrong-type", k, `expected an object, found ${kindOf(v)}`, v);
    const listed = Object.keys(v);
    if (listed.length > 0) bad("not-supported", fieldPath(k, listed[0]!), "integer variables are not supported: mechcheck solves LPs", listed[0]);
  }
  const name = own(root, "name");
  if (name !== undefined && typeof name !== "string") bad("wrong-type", "name", `expected a string, found ${kindOf(name)}`, name);
  const options = own(root, "options");
  if (options !== undefined) expectObject(options, "options");

  const constraints = expectObject(own(root, "constraints"), "constraints");
  const variables = expectObject(own(root, "variables"), "variables");
  const unrestrictedRaw = own(root, "unrestricted");
  const unrestricted = unrestrictedRaw === undefined ? Object.create(null) as Record<string, unknown> : expectObject(unrestrictedRaw, "unrestricted");

  // constraints → row specs
  type RowSpec = { name: string; sense: RowSense; rhs: Q; constraint: string; path: string };
  const rows: RowSpec[] = [];
  for (const cname of Object.keys(constraints)) {
    const cpath = fieldPath("constraints", cname);
    if (cname === optimize) bad("name-clash", cpath, `a constraint may not share the objective's name ${JSON.stringify(optimize)}`, cname);
    const c = expectObject(constraints[cname], cpath);
    for (const k of Object.keys(c)) {
      if (k === "weight" || k === "priority") bad("not-supported", fieldPath(cpath, k), "soft constraints (weight/priority) are not supported", c[k]);
      if (!CONSTRAINT_KEYS.has(k)) bad("unknown-field", fieldPath(cpath, k), "unknown field (expected min, max or equal)", k);
    }
    const min = c.min === undefined ? undefined : rational(c.min, `${cpath}.min`);
    const max = c.max === undefined ? undefined : rational(c.max, `${cpath}.max`);
    const equal = c.equal === undefined ? undefined : rational(c.equal, `${cpath}.equal`);
    if (equal !== undefined) {
      if (min !== undefined || max !== undefined) bad("ambiguous", cpath, `"equal" together with "min"/"max" is ambiguous (javascript-lp-solver versions disagree); give either "equal" or "min"/"max"`, c);
      rows.push({ name: cname, sense: "=", rhs: equal, constraint: cname, path: `${cpath}.equal` });
    } else if (min !== undefined && max !== undefined) {
      if (min.equals(max)) rows.push({ name: cname, sense: "=", rhs: min, constraint: cname, path: `${cpath}.min` });
      else {
        rows.push({ name: `${cname}.min`, sense: ">=", rhs: min, constraint: cname, path: `${cpath}.min` });
        rows.push({ name: `${cname}.max`, sense: "<=", rhs: max, constraint: cname, path: `${cpath}.max` });
      }
    } else if (min !== undefined) rows.push({ name: cname, sense: ">=", rhs: min, constraint: cname, path: `${cpath}.min` });
    else if (max !== undefined) rows.push({ name: cname, sense: "<=", rhs: max, constraint: cname, path: `${cpath}.max` });
    else bad("missing-field", cpath, "a constraint needs at least one of min, max, equal", c);
  }
  const rowNames = new Map<string, RowSpec>();
  for (const r of rows) {
    const prev = rowNames.get(r.name);
    if (prev) bad("name-clash", r.path, `its row is named ${JSON.stringify(r.name)}, which is also the name of the row from ${prev.path}`, r.name);
    rowNames.set(r.name, r);
  }

  for (const vname of Object.keys(unrestricted)) {
    if (own(variables, vname) === undefined) bad("unknown-variable", fieldPath("unrestricted", vname), `no variable named ${JSON.stringify(vname)} under variables`, vname);
  }

  const b = new LpBuilder(opType);
  const objective: [string, Q][] = [];
  const terms = new Map<string, [string, Q][]>(); // constraint name → terms
  for (const vname of Object.keys(variables)) {
    const vpath = fieldPath("variables", vname);
    const attrs = expectObject(variables[vname], vpath);
    const free = own(unrestricted, vname) !== undefined && isTruthyFlag(unrestricted[vname], fieldPath("unrestricted", vname));
    b.variable(vname, free ? { lower: null } : {});
    for (const attr of Object.keys(attrs)) {
      const coef = rational(attrs[attr], fieldPath(vpath, attr));
      if (attr === optimize) objective.push([vname, coef]);
      else if (Object.prototype.hasOwnProperty.call(constraints, attr)) {
        let list = terms.get(attr);
        if (!list) terms.set(attr, (list = []));
        list.push([vname, coef]);
      }
      // else: an attribute no constraint uses, ignored as javascript-lp-solver does
    }
  }
  for (const r of rows) b.row(r.name, terms.get(r.constraint) ?? [], r.sense, r.rhs);
  b.objective(objective);
  return b.build();
}

/* ------------------------------------------------------------------------------------------------
 * Writing.
 * ---------------------------------------------------------------------------------------------- */

/**
 * The model as javascript-lp-solver JSON text, every number an exact string ("3/7"). Variables in
 * order, rows in order, one constraint per row (named as the row). Bounds other than x ≥ 0 and
 * free have no place in the format: such a variable is written unrestricted with extra rows
 * `bound:<name>:lower` / `bound:<name>:upper` (so the re-read model has the same feasible set and
 * optimum, with those extra rows). A nonzero objective constant cannot be written: MechcheckError.
 * The objective attribute is "objective" (or "objective_2", … if a row already has that name).
 */
export function lpModelToJson(model: LpModel): string {
  if (model.objectiveConstant.n !== 0n) {
    throw new MechcheckError("not-expressible", `objective constant: ${qstr(model.objectiveConstant)} cannot be written in javascript-lp-solver's format (it has no objective constant)`, { path: "objective constant", value: qstr(model.objectiveConstant) });
  }
  type Con = { name: string; sense: RowSense; rhs: Q; terms: Map<number, Q> };
  const cons: Con[] = model.rows.map((r) => ({ name: r.name, sense: r.sense, rhs: r.rhs, terms: new Map(r.terms.map((t) => [t.var, t.coef])) }));
  const taken = new Set(cons.map((c) => c.name));
  const fresh = (base: string): string => {
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  const unrestricted: string[] = [];
  model.variables.forEach((v, j) => {
    const standard = v.lower !== null && v.lower.n === 0n && v.upper === null;
    if (standard) return;
    unrestricted.push(v.name);
    if (v.lower !== null) cons.push({ name: fresh(`bound:${v.name}:lower`), sense: ">=", rhs: v.lower, terms: new Map([[j, q(1)]]) });
    if (v.upper !== null) cons.push({ name: fresh(`bound:${v.name}:upper`), sense: "<=", rhs: v.upper, terms: new Map([[j, q(1)]]) });
  });
  const objName = fresh("objective");
  const objCoef = new Map(model.objective.map((t) => [t.var, t.coef]));

  const s = JSON.stringify;
  const lines: string[] = ["{", `  "optimize": ${s(objName)},`, `  "opType": ${s(model.direction)},`, `  "constraints": {`];
  cons.forEach((c, k) => {
    const key = c.sense === "<=" ? "max" : c.sense === ">=" ? "min" : "equal";
    lines.push(`    ${s(c.name)}: { ${s(key)}: ${s(qstr(c.rhs))} }${k < cons.length - 1 ? "," : ""}`);
  });
  lines.push("  },", `  "variables": {`);
  model.variables.forEach((v, j) => {
    const attrs: string[] = [];
    const oc = objCoef.get(j);
    if (oc !== undefined) attrs.push(`${s(objName)}: ${s(qstr(oc))}`);
    for (const c of cons) {
      const a = c.terms.get(j);
      if (a !== undefined) attrs.push(`${s(c.name)}: ${s(qstr(a))}`);
    }
    lines.push(`    ${s(v.name)}: { ${attrs.join(", ")} }${j < model.variables.length - 1 ? "," : ""}`);
  });
  lines.push("  }" + (unrestricted.length > 0 ? "," : ""));
  if (unrestricted.length > 0) lines.push(`  "unrestricted": { ${unrestricted.map((n) => `${s(n)}: 1`).join(", ")} }`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
