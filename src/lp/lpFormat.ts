/**
 * LpModel ⇄ the CPLEX LP text format (the subset QSopt_ex's `esolver -L` reads), with exact
 * rational coefficients written as `p/q`, so an exact peer solver reads the very same LP.
 *
 * Names are generated: column j is `x<j>`, row i is `r<i>` (model names may hold characters the
 * format forbids); a comment line above maps nothing, the order is the model's. Every column is
 * listed in the Bounds section (also the default 0 ≤ x < ∞), so columns that appear in no row keep
 * their place (esolver also needs at least one row). Long rows are wrapped, a few terms per line. The format has no objective constant:
 * a model with a non-zero constant is refused (the caller adds it to the value instead).
 *
 * `parseLpFormat` reads back exactly what `lpModelToLpFormat` writes (for round-trip tests), not
 * arbitrary LP files.
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import type { Q } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type LpTerm, type RowSense } from "./model.ts";

const TERMS_PER_LINE = 8;

function coefText(c: Q, first: boolean): string {
  if (c.n === 0n) return first ? "0" : "+ 0";
  const neg = c.s < 0n && c.n !== 0n;
  const mag = c.d === 1n ? `${c.n}` : `${c.n}/${c.d}`;
  if (first) return neg ? `- ${mag}` : mag;
  return neg ? `- ${mag}` : `+ ${mag}`;
}
const numText = (c: Q) => (c.s < 0n && c.n !== 0n ? "-" : "") + (c.d === 1n ? `${c.n}` : `${c.n}/${c.d}`);

function termsText(terms: readonly LpTerm[], out: string[], head: string): void {
  if (terms.length === 0) {
    out.push(`${head} 0 x0`); // a row with no terms (x0 is known: listed in the objective if unused)
    return;
  }
  let line = head;
  terms.forEach((t, k) => {
    line += ` ${coefText(t.coef, k === 0)} x${t.var}`;
    if ((k + 1) % TERMS_PER_LINE === 0 && k + 1 < terms.length) {
      out.push(line);
      line = " ";
    }
  });
  out.push(line);
}

/** The model as LP text (see the module comment). */
export function lpModelToLpFormat(model: LpModel, name = "mechcheck"): string {
  if (model.objectiveConstant.n !== 0n) {
    throw new MechcheckError("not-supported", `LP format export: objective constant ${model.objectiveConstant.toFraction()} is not 0 (the format has no constant)`, { path: "objectiveConstant", value: model.objectiveConstant.toFraction() });
  }
  if (model.variables.length === 0) throw new MechcheckError("not-supported", "LP format export: the model has no variables", { path: "variables", value: 0 });
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new MechcheckError("bad-option", `LP format export: problem name ${JSON.stringify(name)} must be letters, digits and _`, { path: "name", value: name });
  const out: string[] = ["Problem", ` ${name}`, model.direction === "max" ? "Maximize" : "Minimize"];
  // esolver knows a column only from the objective or a row: unused columns get a 0 objective term
  const used = new Uint8Array(model.variables.length);
  for (const r of model.rows) for (const t of r.terms) used[t.var] = 1;
  for (const t of model.objective) used[t.var] = 1;
  const zero = model.objectiveConstant; // 0 (checked above)
  const objective = [...model.objective, ...model.variables.flatMap((_v, j) => (used[j] ? [] : [{ var: j, coef: zero }]))];
  termsText(objective, out, " obj:");
  out.push("Subject To");
  model.rows.forEach((r, i) => {
    const lines: string[] = [];
    termsText(r.terms, lines, ` r${i}:`);
    lines[lines.length - 1] += ` ${r.sense} ${numText(r.rhs)}`;
    for (const l of lines) out.push(l);
  });
  out.push("Bounds");
  model.variables.forEach((v, j) => {
    const x = `x${j}`;
    if (v.lower === null && v.upper === null) out.push(` ${x} free`);
    else if (v.lower !== null && v.upper !== null && v.lower.equals(v.upper)) out.push(` ${x} = ${numText(v.lower)}`);
    else if (v.lower === null) out.push(` -inf <= ${x} <= ${numText(v.upper!)}`);
    else if (v.upper === null) out.push(` ${numText(v.lower)} <= ${x}`); // esolver reads "l <= x", not "x >= l"
    else out.push(` ${numText(v.lower)} <= ${x} <= ${numText(v.upper)}`);
  });
  out.push("End", "");
  return out.join("\n");
}

/** Read back LP text written by `lpModelToLpFormat` (variables x0…, rows r0…, in order). */
export function parseLpFormat(text: string): LpModel {
  const fail = (line: number, why: string): never => {
    throw new MechcheckError("bad-format", `LP text line ${line + 1}: ${why}`, { path: `line ${line + 1}` });
  };
  const lines = text.split("\n");
  let section = "";
  let direction: "max" | "min" | null = null;
  const objective: [number, Q][] = [];
  const rows: { terms: [number, Q][]; sense: RowSense; rhs: Q }[] = [];
  const bounds = new Map<number, { lower: Q | null; upper: Q | null }>();
  let current: [number, Q][] | null = null;
  let maxVar = -1;
  const readTerms = (s: string, into: [number, Q][], ln: number) => {
    const tokens = s.trim().split(/\s+/).filter((t) => t !== "");
    let sign = 1;
    let coef: Q | null = null;
    for (const tok of tokens) {
      if (tok === "+" || tok === "-") sign = tok === "-" ? -1 : 1;
      else if (/^x\d+$/.test(tok)) {
        const j = Number(tok.slice(1));
        maxVar = Math.max(maxVar, j);
        into.push([j, (coef ?? new Fraction(1)).mul(sign)]);
        sign = 1;
        coef = null;
      } else if (/^\d+(\/\d+)?$/.test(tok)) coef = new Fraction(tok);
      else fail(ln, `unexpected token ${JSON.stringify(tok)}`);
    }
    if (coef !== null) fail(ln, "a coefficient without its variable");
  };
  lines.forEach((raw, ln) => {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("\\")) return;
    if (!line.startsWith(" ")) {
      section = line;
      if (line === "Maximize") direction = "max";
      if (line === "Minimize") direction = "min";
      current = null;
      return;
    }
    if (section === "Problem") return;
    if (section === "Maximize" || section === "Minimize") {
      readTerms(line.replace(/^\s*obj:/, ""), objective, ln);
    } else if (section === "Subject To") {
      const m = /^\s*r(\d+):(.*)$/.exec(line);
      let body = line;
      if (m) {
        if (Number(m[1]) !== rows.length) fail(ln, `row r${m[1]} out of order`);
        current = [];
        body = m[2]!;
      } else if (current === null) fail(ln, "a continuation line outside a row");
      const s = /(<=|>=|=)\s*(-?\d+(?:\/\d+)?)\s*$/.exec(body);
      readTerms(s ? body.slice(0, s.index) : body, current!, ln);
      if (s) {
        rows.push({ terms: current!, sense: s[1] as RowSense, rhs: new Fraction(s[2]!) });
        current = null;
      }
    } else if (section === "Bounds") {
      const t = line.trim();
      const num = "(-?\\d+(?:/\\d+)?)";
      let m: RegExpExecArray | null;
      if ((m = /^x(\d+) free$/.exec(t))) bounds.set(Number(m[1]), { lower: null, upper: null });
      else if ((m = new RegExp(`^x(\\d+) = ${num}$`).exec(t))) bounds.set(Number(m[1]), { lower: new Fraction(m[2]!), upper: new Fraction(m[2]!) });
      else if ((m = new RegExp(`^-inf <= x(\\d+) <= ${num}$`).exec(t))) bounds.set(Number(m[1]), { lower: null, upper: new Fraction(m[2]!) });
      else if ((m = new RegExp(`^${num} <= x(\\d+)$`).exec(t))) bounds.set(Number(m[2]), { lower: new Fraction(m[1]!), upper: null });
      else if ((m = new RegExp(`^${num} <= x(\\d+) <= ${num}$`).exec(t))) bounds.set(Number(m[2]), { lower: new Fraction(m[1]!), upper: new Fraction(m[3]!) });
      else fail(ln, `unreadable bound ${JSON.stringify(t)}`);
    } else fail(ln, `text outside a section`);
  });
  if (direction === null) fail(0, "no Maximize/Minimize section");
  const n = Math.max(maxVar + 1, bounds.size);
  const b = new LpBuilder(direction!);
  for (let j = 0; j < n; j++) {
    const bd = bounds.get(j) ?? { lower: new Fraction(0), upper: null };
    b.variable(`x${j}`, bd);
  }
  rows.forEach((r, i) => b.row(`r${i}`, r.terms, r.sense, r.rhs));
  b.objective(objective);
  return b.build();
}
