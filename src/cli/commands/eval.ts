/**
 * `mechcheck eval <instance.json> [--json]`: every applicable solution concept's exact verdict on
 * an instance file, with the witness (tightest slack) or the violation (in words with labels, and
 * as data under --json, every number an exact string).
 *
 * Applicable: a direct mechanism gets DSIC, EPIC, ex post IR, budget balance, no deficit and
 * efficiency; with beliefs also BIC and interim IR; with a common prior also ex ante budget balance.
 * An indirect mechanism with a typeSpace and a strategy gets "bne". `question.concepts` restricts
 * the list. Exit code: 0, or 1 when a verdict contradicts `question.expect` (or an expected concept
 * is not applicable); malformed input is a MechcheckError (exit 2, printed by main.ts).
 */
import { MechcheckError } from "../../errors.ts";
import { exactJsonReplacer, type Q, qstr } from "../../exact/rational.ts";
import { DEFAULT_MAX_INPUT_BYTES, readInputFile } from "../../exact/exactJson.ts";
import type { CommandIO } from "../io.ts";
import { parseCommandArgs } from "../specs.ts";
import { parseInstance } from "../../instance/parse.ts";
import { parseRecord } from "../../store/counterexamples.ts";
import type { ConceptId, Instance } from "../../instance/types.ts";
import { CONCEPT_IDS } from "../../instance/types.ts";
import {
  describeViolation,
  isBIC,
  isBayesNashEquilibrium,
  isDSIC,
  isEPIC,
  isExAnteBudgetBalanced,
  isExPostBudgetBalanced,
  isExPostEfficient,
  isExPostIR,
  isInterimIR,
  isNoDeficit,
  type Violation,
} from "../../concepts/index.ts";

const TITLES: Record<ConceptId, string> = {
  dsic: "dominant-strategy IC",
  epic: "ex post IC",
  bic: "Bayesian IC",
  "expost-ir": "ex post IR",
  "interim-ir": "interim IR",
  "budget-balance": "ex post budget balance",
  "ex-ante-budget-balance": "ex ante budget balance",
  "no-deficit": "no deficit",
  efficiency: "ex post efficiency",
  bne: "Bayes Nash equilibrium",
};

export interface ConceptResult {
  readonly concept: ConceptId;
  readonly verdict: "holds" | "fails";
  readonly witness?: unknown;
  readonly violation?: Violation;
  readonly description?: string;
}

/** Evaluate every applicable concept (restricted to `question.concepts` when given). */
export function evaluateInstance(inst: Instance): ConceptResult[] {
  const env = inst.environment;
  const m = inst.mechanism;
  const wanted = (c: ConceptId) => !inst.question?.concepts || inst.question.concepts.includes(c);
  const out: ConceptResult[] = [];
  const push = (concept: ConceptId, v: { verdict: "holds"; witness: unknown } | { verdict: "fails"; violation: Violation }) => {
    if (v.verdict === "holds") out.push({ concept, verdict: "holds", witness: v.witness });
    else out.push({ concept, verdict: "fails", violation: v.violation, description: describeViolation(env, v.violation, { ...(inst.typeSpace ? { typeSpace: inst.typeSpace } : {}), ...(m?.kind === "indirect" ? { mechanism: m } : {}) }) });
  };
  if (m?.kind === "direct") {
    if (wanted("dsic")) push("dsic", isDSIC(env, m));
    if (wanted("epic")) push("epic", isEPIC(env, m));
    if (inst.beliefs && wanted("bic")) push("bic", isBIC(env, m, inst.beliefs));
    if (wanted("expost-ir")) push("expost-ir", isExPostIR(env, m));
    if (inst.beliefs && wanted("interim-ir")) push("interim-ir", isInterimIR(env, m, inst.beliefs));
    if (wanted("budget-balance")) push("budget-balance", isExPostBudgetBalanced(env, m));
    if (inst.beliefs?.kind === "common-prior" && wanted("ex-ante-budget-balance")) push("ex-ante-budget-balance", isExAnteBudgetBalanced(env, m, inst.beliefs));
    if (wanted("no-deficit")) push("no-deficit", isNoDeficit(env, m));
    if (wanted("efficiency")) push("efficiency", isExPostEfficient(env, m));
  }
  if (m?.kind === "indirect" && inst.typeSpace && inst.strategy && wanted("bne")) push("bne", isBayesNashEquilibrium(env, m, inst.typeSpace, inst.strategy));
  return out;
}

function witnessText(w: unknown): string {
  if (w && typeof w === "object") {
    const o = w as Record<string, unknown>;
    if ("constraints" in o) return `${o.constraints} constraints, tightest slack ${o.minSlack === null ? "—" : qstr(o.minSlack as Q)}`;
    if ("minTotal" in o) return `payment totals in [${qstr(o.minTotal as Q)}, ${qstr(o.maxTotal as Q)}]`;
    if ("expectedTotal" in o) return `expected total ${qstr(o.expectedTotal as Q)}`;
    if ("profiles" in o) return `${o.profiles} profiles`;
  }
  return "";
}

/** The record's case if `text` is a saved counterexample record (format, theorem, instance), else null; a record whose case is not an instance is refused by name. */
function savedCase(text: string, file: string): { theorem: string; instance: unknown; params?: Readonly<Record<string, number>> } | null {
  if (!/^\s*\{\s*"format"\s*:/.test(text)) return null;
  const rec = parseRecord(text, file);
  const isInstance = (x: unknown): x is object => x !== null && typeof x === "object" && !Array.isArray(x) && "mechcheck" in x && "environment" in x;
  // The case itself, or (a case with more parts, e.g. { instance, h, v }) its "instance" part.
  const inner = rec.instance !== null && typeof rec.instance === "object" ? (rec.instance as { instance?: unknown }).instance : undefined;
  const inst = isInstance(rec.instance) ? rec.instance : inner;
  if (!isInstance(inst)) {
    throw new MechcheckError("invalid-input", `${file}: a saved case of ${rec.theorem} whose case is not an instance (neither it nor its "instance" part has "mechcheck" and "environment" fields: its codec saves another shape); eval needs an instance — mechcheck show prints this case`, { path: "instance", value: file });
  }
  return { theorem: rec.theorem, instance: inst, ...(rec.params ? { params: rec.params } : {}) };
}

export async function evalCommand(args: string[], io: CommandIO): Promise<number> {
  const { positionals, flags } = parseCommandArgs("eval", args);
  const json = flags.json === true;
  const file = positionals[0]!;
  // refused above the size limit before it is read (exact JSON reader, src/exact/exactJson.ts)
  const maxBytes = flags["max-bytes"] !== undefined ? (flags["max-bytes"] as number) : DEFAULT_MAX_INPUT_BYTES;
  const text = readInputFile(file, { maxBytes, flag: "--max-bytes" });
  let inst: Instance;
  // A saved counterexample (of the catalogue or of a conjecture) is evaluated on its case, when the
  // case is an instance (the store's records keep it under "instance").
  const saved = savedCase(text, file);
  if (saved) io.err(`${file}: a saved case of ${saved.theorem}${saved.params ? ` (${Object.entries(saved.params).map(([k, v]) => `${k}=${v}`).join(" ")})` : ""}; evaluating its instance`);
  try {
    inst = parseInstance(saved ? saved.instance : text, { source: saved ? `${file} (its "instance")` : file, maxChars: maxBytes, ...(flags["max-profiles"] !== undefined ? { maxProfiles: flags["max-profiles"] as number } : {}) });
  } catch (e) {
    if (e instanceof MechcheckError) throw e.message.startsWith(`${file}: `) ? e : new MechcheckError(e.code, `${file}: ${e.message}`, { path: e.path ?? "", value: e.value, cause: e });
    throw e;
  }
  const results = evaluateInstance(inst);
  const expect = inst.question?.expect ?? {};
  const mismatches: string[] = [];
  for (const c of CONCEPT_IDS) {
    const want = expect[c];
    if (want === undefined) continue;
    const got = results.find((r) => r.concept === c);
    if (!got) mismatches.push(`${c}: expected ${want}, but the concept does not apply to this instance`);
    else if (got.verdict !== want) mismatches.push(`${c}: expected ${want}, got ${got.verdict}`);
  }
  if (json) {
    io.out(
      JSON.stringify(
        {
          file,
          ...(inst.name !== undefined ? { name: inst.name } : {}),
          results: results.map((r) => ({ concept: r.concept, verdict: r.verdict, ...(r.witness !== undefined ? { witness: r.witness } : {}), ...(r.violation ? { violation: r.violation, description: r.description } : {}) })),
          expectations: { met: mismatches.length === 0, mismatches },
        },
        exactJsonReplacer, // rationals as exact strings "p/q"
        2,
      ),
    );
  } else {
    io.out(`${file}${inst.name ? ` — ${inst.name}` : ""}`);
    if (results.length === 0) io.out("  no concept applies (an instance needs a direct mechanism, or an indirect one with a typeSpace and a strategy)");
    const w = Math.max(...results.map((r) => TITLES[r.concept].length), 10);
    for (const r of results) {
      const detail = r.verdict === "holds" ? witnessText(r.witness) : r.description!;
      io.out(`  ${TITLES[r.concept].padEnd(w)}  ${r.verdict.padEnd(5)}  ${detail}`);
    }
    for (const m of mismatches) io.out(`  UNEXPECTED ${m}`);
  }
  return mismatches.length === 0 ? 0 : 1;
}
