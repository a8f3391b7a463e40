/**
 * Shape and semantic checks for the model data the concepts consume (environments, direct
 * mechanisms, beliefs, Harsanyi type spaces, indirect mechanisms, strategies). Concepts call these
 * first, so a malformed table from the programmatic API is a MechcheckError naming the field and
 * the value, never a TypeError deep inside a loop.
 *
 * Problems are collected in an IssueList (code, path, value, message, like zod's `issues`) and
 * thrown together as one ValidationError.
 */
import { MechcheckError, type ErrorCode } from "../errors.ts";
import { groupDigits } from "../exact/exactJson.ts";
import { ONE, type Q, qstr, qsum, sign } from "../exact/rational.ts";
import Fraction from "fraction.js";
import type { Beliefs, DirectMechanism, Environment, HarsanyiTypeSpace, IndirectMechanism } from "./environment.ts";
import { numProfiles, typeSizes } from "./environment.ts";
import { othersSizes, profileCount } from "./profiles.ts";

/** One problem found in model data: its error code, the offending field's path and value, and a message. */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: string;
  readonly value?: unknown;
  readonly message: string;
}

/** At most this many problems are kept and printed; the rest are counted ("… and at least N more"). */
const MAX_ISSUES = 20;

/**
 * A MechcheckError carrying the problems found (at most MAX_ISSUES; `more` counts the others);
 * `path`/`value` are those of the first. The count of the others is a lower bound: checking stops
 * at the first section with errors, so fixing these may reveal more.
 */
export class ValidationError extends MechcheckError {
  readonly issues: readonly Issue[];
  readonly more: number;
  constructor(issues: readonly Issue[], more = 0) {
    const first = issues[0]!;
    const total = issues.length + more;
    const message =
      total === 1
        ? `${first.path}: ${first.message}`
        : `${more > 0 ? "at least " : ""}${groupDigits(total)} problems:\n` +
          issues.map((i) => `  - ${i.path}: ${i.message}`).join("\n") +
          (more > 0 ? `\n  … and at least ${groupDigits(more)} more` : "");
    super(total === 1 ? first.code : "invalid-input", message, { path: first.path, value: first.value });
    this.name = "ValidationError";
    this.issues = issues;
    this.more = more;
  }
}

/**
 * Problems collected by the validators (at most `max` kept, the rest counted), thrown together as
 * one ValidationError by `throwIfAny`.
 */
export class IssueList {
  readonly issues: Issue[] = [];
  /** Problems found beyond the first MAX_ISSUES (counted, not kept). */
  more = 0;
  constructor(readonly max = MAX_ISSUES) {}
  /** Record a problem (code, field path, message, offending value); beyond `max` problems it is only counted. */
  add(code: ErrorCode, path: string, message: string, value?: unknown): void {
    if (this.issues.length >= this.max) {
      this.more++;
      return;
    }
    this.issues.push(value === undefined ? { code, path, message } : { code, path, message, value });
  }
  get ok(): boolean {
    return this.issues.length === 0;
  }
  /** Throw every recorded problem as one ValidationError, if there is any. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues.slice(), this.more);
  }
}

const isQ = (x: unknown): x is Q => x instanceof Fraction;

function checkArray(issues: IssueList, x: unknown, len: number, path: string): x is readonly unknown[] {
  if (!Array.isArray(x)) {
    issues.add("not-an-array", path, `expected an array of length ${len}`, x);
    return false;
  }
  if (x.length !== len) {
    issues.add("wrong-length", path, `has length ${x.length}, expected ${len}`, x.length);
    return false;
  }
  return true;
}

function checkQVector(issues: IssueList, x: unknown, len: number, path: string): x is readonly Q[] {
  if (!checkArray(issues, x, len, path)) return false;
  let ok = true;
  x.forEach((v, k) => {
    if (!isQ(v)) {
      issues.add("not-exact", `${path}[${k}]`, `${String(v)} is not an exact rational`, v);
      ok = false;
    }
  });
  return ok;
}

/** A probability vector: exact, non-negative, summing to exactly 1. */
export function checkDistribution(issues: IssueList, x: unknown, len: number, path: string): void {
  if (!checkQVector(issues, x, len, path)) return;
  x.forEach((p, k) => {
    if (sign(p) < 0) issues.add("negative-probability", `${path}[${k}]`, `weight ${qstr(p)} is negative`, qstr(p));
  });
  const s = qsum(x);
  if (!s.equals(ONE)) issues.add("not-a-distribution", path, `weights sum to ${qstr(s)}, not 1`, qstr(s));
}

/**
 * Check an environment's shape and values (agents, types, decisions, valuations, reservations):
 * problems go to `issues` and, when `throwNow`, are thrown as one ValidationError naming each field
 * and value.
 */
export function validateEnvironment(env: Environment, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  const n = env.agents.length;
  if (n === 0) issues.add("no-agents", "environment.agents", "there must be at least one agent", env.agents);
  if (checkArray(issues, env.types, n, "environment.types")) {
    env.types.forEach((t, i) => {
      if (!Array.isArray(t) || t.length === 0) issues.add("no-types", `environment.types[${i}]`, "each agent needs at least one type", t);
    });
  }
  if (env.decisions.length === 0) issues.add("no-decisions", "environment.decisions", "there must be at least one decision", env.decisions);
  if (!issues.ok) {
    if (throwNow) issues.throwIfAny();
    return issues;
  }
  const P = numProfiles(env);
  const D = env.decisions.length;
  if (checkArray(issues, env.valuation, n, "environment.valuation")) {
    env.valuation.forEach((vi, i) => {
      if (checkArray(issues, vi, P, `environment.valuation[${i}]`)) vi.forEach((row, th) => checkQVector(issues, row, D, `environment.valuation[${i}][${th}]`));
    });
  }
  if (env.reservation !== undefined && checkArray(issues, env.reservation, n, "environment.reservation")) {
    env.reservation.forEach((ri, i) => checkQVector(issues, ri, env.types[i]!.length, `environment.reservation[${i}]`));
  }
  if (env.typeValues !== undefined && checkArray(issues, env.typeValues, n, "environment.typeValues")) {
    env.typeValues.forEach((ri, i) => checkQVector(issues, ri, env.types[i]!.length, `environment.typeValues[${i}]`));
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/**
 * Check a direct mechanism against its environment (one lottery per profile, summing to 1, and one
 * payment per agent and profile); problems go to `issues` and, when `throwNow`, are thrown as one
 * ValidationError.
 */
export function validateDirectMechanism(env: Environment, mech: DirectMechanism, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  if (mech.kind !== "direct") issues.add("not-direct", "mechanism.kind", `expected a direct mechanism, got ${JSON.stringify(mech.kind)}`, mech.kind);
  const P = numProfiles(env);
  if (checkArray(issues, mech.allocation, P, "mechanism.allocation")) {
    mech.allocation.forEach((l, r) => checkDistribution(issues, l, env.decisions.length, `mechanism.allocation[${r}]`));
  }
  if (checkArray(issues, mech.payments, P, "mechanism.payments")) {
    mech.payments.forEach((p, r) => checkQVector(issues, p, env.agents.length, `mechanism.payments[${r}]`));
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/**
 * Check beliefs against an environment (a common prior, or per-type beliefs over the others' types,
 * each a probability distribution); problems go to `issues` and, when `throwNow`, are thrown as one
 * ValidationError.
 */
export function validateBeliefs(env: Environment, beliefs: Beliefs, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  const sizes = typeSizes(env);
  if (beliefs.kind === "common-prior") {
    checkDistribution(issues, beliefs.prior, numProfiles(env), "beliefs.prior");
  } else if (beliefs.kind === "per-type") {
    if (checkArray(issues, beliefs.beliefs, sizes.length, "beliefs.beliefs")) {
      beliefs.beliefs.forEach((bi, i) => {
        if (checkArray(issues, bi, sizes[i]!, `beliefs.beliefs[${i}]`)) {
          const K = profileCount(othersSizes(sizes, i));
          bi.forEach((b, t) => checkDistribution(issues, b, K, `beliefs.beliefs[${i}][${t}]`));
        }
      });
    }
  } else {
    issues.add("bad-beliefs-kind", "beliefs.kind", `expected "common-prior" or "per-type"`, (beliefs as { kind: unknown }).kind);
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/**
 * A Harsanyi type space for an environment: its states are the environment's payoff profiles
 * (index order of profiles.ts), so |states| = |Θ|, and the agents are the environment's.
 */
export function validateTypeSpace(env: Environment, ts: HarsanyiTypeSpace, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  const n = env.agents.length;
  const S = numProfiles(env);
  if (ts.agents.length !== n) issues.add("wrong-length", "typeSpace.agents", `has ${ts.agents.length} agents, the environment ${n}`, ts.agents.length);
  if (ts.states.length !== S) issues.add("wrong-length", "typeSpace.states", `has ${ts.states.length} states, the environment has ${S} payoff profiles`, ts.states.length);
  if (checkArray(issues, ts.types, n, "typeSpace.types") && issues.ok) {
    ts.types.forEach((t, i) => {
      if (t.length === 0) issues.add("no-types", `typeSpace.types[${i}]`, "each agent needs at least one type", t);
    });
    if (issues.ok && checkArray(issues, ts.beliefs, n, "typeSpace.beliefs")) {
      const sizes = ts.types.map((t) => t.length);
      ts.beliefs.forEach((bi, i) => {
        if (checkArray(issues, bi, sizes[i]!, `typeSpace.beliefs[${i}]`)) {
          const K = profileCount(othersSizes(sizes, i)) * S;
          bi.forEach((b, t) => checkDistribution(issues, b, K, `typeSpace.beliefs[${i}][${t}]`));
        }
      });
      if (ts.prior !== undefined) checkDistribution(issues, ts.prior, profileCount(sizes) * S, "typeSpace.prior");
    }
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/**
 * Check an indirect mechanism against an environment (nonempty action sets, one outcome lottery and
 * payment vector per action profile); problems go to `issues` and, when `throwNow`, are thrown as
 * one ValidationError.
 */
export function validateIndirectMechanism(env: Environment, mech: IndirectMechanism, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  const n = env.agents.length;
  if (mech.kind !== "indirect") issues.add("not-indirect", "mechanism.kind", `expected an indirect mechanism, got ${JSON.stringify(mech.kind)}`, mech.kind);
  if (checkArray(issues, mech.actions, n, "mechanism.actions")) {
    mech.actions.forEach((a, i) => {
      if (a.length === 0) issues.add("no-actions", `mechanism.actions[${i}]`, "each agent needs at least one action", a);
    });
    if (issues.ok) {
      const A = profileCount(mech.actions.map((a) => a.length));
      if (checkArray(issues, mech.outcome, A, "mechanism.outcome")) mech.outcome.forEach((l, a) => checkDistribution(issues, l, env.decisions.length, `mechanism.outcome[${a}]`));
      if (checkArray(issues, mech.payments, A, "mechanism.payments")) mech.payments.forEach((p, a) => checkQVector(issues, p, n, `mechanism.payments[${a}]`));
    }
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/** A behavioural strategy profile: strategy[i][t_i][a_i] = β_i(a_i | t_i). */
export type Strategy = readonly (readonly (readonly Q[])[])[];

/**
 * Check a strategy profile on a Harsanyi type space (for each agent and type, a distribution over
 * the mechanism's actions); problems go to `issues` and, when `throwNow`, are thrown as one
 * ValidationError.
 */
export function validateStrategy(mech: IndirectMechanism, ts: HarsanyiTypeSpace, strategy: Strategy, issues: IssueList = new IssueList(), throwNow = true): IssueList {
  if (checkArray(issues, strategy, ts.types.length, "strategy")) {
    strategy.forEach((si, i) => {
      if (checkArray(issues, si, ts.types[i]!.length, `strategy[${i}]`)) si.forEach((b, t) => checkDistribution(issues, b, mech.actions[i]!.length, `strategy[${i}][${t}]`));
    });
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}

/** Decision-rule indices in range, one per profile. */
export function validateDecisionRule(env: Environment, rule: readonly number[], issues: IssueList = new IssueList(), throwNow = true): IssueList {
  if (checkArray(issues, rule, numProfiles(env), "rule")) {
    rule.forEach((d, k) => {
      if (!Number.isInteger(d) || d < 0 || d >= env.decisions.length) issues.add("bad-decision", `rule[${k}]`, `decision index ${d} is not in 0..${env.decisions.length - 1}`, d);
    });
  }
  if (throwNow) issues.throwIfAny();
  return issues;
}
