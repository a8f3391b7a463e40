/**
 * Shrinking a saved case again, by value. fast-check shrinks inside its arbitraries only (ours are
 * built with chain/map, no unmapper), so a case decoded from counterexamples/ cannot be shrunk by
 * it. For cases that are instances (src/instance/), `instanceShrinks` lists strictly smaller valid
 * instances, largest structural cuts first — drop an agent, drop one type, drop a decision — then
 * numbers towards 0; `reshrink` greedily takes the first candidate that still fails the theorem's
 * exact check, until none does. Exact (rationals throughout) and deterministic.
 *
 * Size (`instanceSize`): agents, Σ_i |Θ_i|, decisions, and Σ|numbers| over valuations (every
 * profile entry), payments and reservations. Every candidate is ≤ in each component and < in one.
 *
 * Limits: an instance with a Harsanyi `typeSpace` (whose states are the environment's profiles) only
 * gets decision drops and number shrinks; an indirect mechanism loses a dropped agent's action
 * dimension (rows where it took its first action are kept) but is untouched by type drops.
 */
import { dependsOnOwnTypeOnly } from "../model/environment.ts";
import { type Q, ZERO, qsum } from "../exact/rational.ts";
import { IssueList, validateBeliefs, validateDirectMechanism, validateEnvironment, validateIndirectMechanism, validateStrategy, validateTypeSpace } from "../model/validate.ts";
import { instanceToJson, parseInstance, type Instance } from "../instance/index.ts";
import type { Beliefs, Environment, Mechanism } from "../model/environment.ts";
import { allProfiles, othersSizes, profileCount, profileIndex, type Profile } from "../model/profiles.ts";
import type { Theorem } from "../catalogue/types.ts";

// ---------------------------------------------------------------- size

export interface InstanceSize {
  readonly agents: number;
  /** Σ_i |Θ_i|. */
  readonly types: number;
  readonly decisions: number;
  /** Σ|x| over valuation entries (all profiles), payments and reservations. */
  readonly magnitude: Q;
}

const absSum = (xs: Iterable<Q>): Q => {
  let s = ZERO;
  for (const x of xs) s = s.add(x.abs());
  return s;
};

export function instanceSize(inst: Instance): InstanceSize {
  const env = inst.environment;
  let m = ZERO;
  for (const vi of env.valuation) for (const row of vi) m = m.add(absSum(row));
  for (const r of env.reservation ?? []) m = m.add(absSum(r));
  for (const p of inst.mechanism?.payments ?? []) m = m.add(absSum(p));
  return { agents: env.agents.length, types: env.types.reduce((s, t) => s + t.length, 0), decisions: env.decisions.length, magnitude: m };
}

/** a ≤ b in every component and a ≠ b. */
export function isStrictlySmaller(a: InstanceSize, b: InstanceSize): boolean {
  const c = a.magnitude.compare(b.magnitude);
  const le = a.agents <= b.agents && a.types <= b.types && a.decisions <= b.decisions && c <= 0;
  const lt = a.agents < b.agents || a.types < b.types || a.decisions < b.decisions || c < 0;
  return le && lt;
}

export function formatSize(s: InstanceSize): string {
  return `${s.agents} agent${s.agents === 1 ? "" : "s"}, ${s.types} type${s.types === 1 ? "" : "s"}, ${s.decisions} decision${s.decisions === 1 ? "" : "s"}, Σ|numbers| = ${s.magnitude.toFraction()}`;
}

// ---------------------------------------------------------------- table surgery

/** For each profile over newSizes (index order), the index of the old profile `toOld` maps it to. */
function reindex(newSizes: readonly number[], oldSizes: readonly number[], toOld: (p: Profile) => number[]): number[] {
  return [...allProfiles(newSizes)].map((p) => profileIndex(oldSizes, toOld(p)));
}

const insertAt = (p: Profile, j: number, v: number): number[] => [...p.slice(0, j), v, ...p.slice(j)];
const without = <T>(xs: readonly T[], j: number): T[] => xs.filter((_, k) => k !== j);

/** Renormalize a non-negative vector; null if its mass is 0. */
function renormalize(xs: readonly Q[]): Q[] | null {
  const m = qsum(xs);
  if (m.n === 0n) return null;
  return xs.map((x) => x.div(m));
}

function valid(inst: Instance): boolean {
  const issues = new IssueList();
  validateEnvironment(inst.environment, issues, false);
  if (!issues.ok) return false;
  const env = inst.environment;
  if (inst.beliefs) validateBeliefs(env, inst.beliefs, issues, false);
  if (inst.mechanism?.kind === "direct") validateDirectMechanism(env, inst.mechanism, issues, false);
  if (inst.mechanism?.kind === "indirect") validateIndirectMechanism(env, inst.mechanism, issues, false);
  if (inst.typeSpace) validateTypeSpace(env, inst.typeSpace, issues, false);
  if (inst.strategy && inst.typeSpace && inst.mechanism?.kind === "indirect") validateStrategy(inst.mechanism, inst.typeSpace, inst.strategy, issues, false);
  return issues.ok;
}

// ---------------------------------------------------------------- structural candidates

function dropAgent(inst: Instance, j: number): Instance | null {
  const env = inst.environment;
  const n = env.agents.length;
  if (n < 2 || inst.typeSpace || inst.strategy) return null;
  const sizes = env.types.map((t) => t.length);
  const newSizes = without(sizes, j);
  // every remaining profile keeps the row where agent j had its first type
  const rows = reindex(newSizes, sizes, (p) => insertAt(p, j, 0));
  const environment: Environment = {
    agents: without(env.agents, j),
    types: without(env.types, j),
    ...(env.typeValues ? { typeValues: without(env.typeValues, j) } : {}),
    decisions: env.decisions,
    valuation: without(env.valuation, j).map((vi) => rows.map((r) => vi[r]!)),
    ...(env.reservation ? { reservation: without(env.reservation, j) } : {}),
  };
  let beliefs: Beliefs | undefined;
  if (inst.beliefs?.kind === "common-prior") {
    const prior: Q[] = new Array(profileCount(newSizes)).fill(ZERO);
    for (const p of allProfiles(sizes)) {
      const k = profileIndex(newSizes, without(p, j));
      prior[k] = prior[k]!.add(inst.beliefs.prior[profileIndex(sizes, p)]!);
    }
    beliefs = { kind: "common-prior", prior };
  } else if (inst.beliefs?.kind === "per-type") {
    const b = inst.beliefs.beliefs;
    // agent i's belief over the others, marginalized over agent j
    const per = without(
      b.map((bi, i) => {
        if (i === j) return [];
        const os = othersSizes(sizes, i);
        const pos = j < i ? j : j - 1;
        const ns = without(os, pos);
        return bi.map((row) => {
          const out: Q[] = new Array(profileCount(ns)).fill(ZERO);
          for (const p of allProfiles(os)) {
            const k = profileIndex(ns, without(p, pos));
            out[k] = out[k]!.add(row[profileIndex(os, p)]!);
          }
          return out;
        });
      }),
      j,
    );
    beliefs = { kind: "per-type", beliefs: per };
  }
  let mechanism: Mechanism | undefined;
  const m = inst.mechanism;
  if (m?.kind === "direct") {
    mechanism = { kind: "direct", allocation: rows.map((r) => m.allocation[r]!), payments: rows.map((r) => without(m.payments[r]!, j)) };
  } else if (m?.kind === "indirect") {
    const as = m.actions.map((a) => a.length);
    const arows = reindex(without(as, j), as, (p) => insertAt(p, j, 0));
    mechanism = { kind: "indirect", actions: without(m.actions, j), outcome: arows.map((r) => m.outcome[r]!), payments: arows.map((r) => without(m.payments[r]!, j)) };
  }
  return rebuild(inst, environment, beliefs, mechanism);
}

function dropType(inst: Instance, a: number, t: number): Instance | null {
  const env = inst.environment;
  const sizes = env.types.map((x) => x.length);
  if (sizes[a]! < 2 || inst.typeSpace || inst.strategy) return null;
  const newSizes = sizes.map((s, i) => (i === a ? s - 1 : s));
  const up = (p: Profile, pos: number) => p.map((e, k) => (k === pos && e >= t ? e + 1 : e));
  const rows = reindex(newSizes, sizes, (p) => up(p, a));
  const environment: Environment = {
    agents: env.agents,
    types: env.types.map((ts, i) => (i === a ? without(ts, t) : ts)),
    ...(env.typeValues ? { typeValues: env.typeValues.map((v, i) => (i === a ? without(v, t) : v)) } : {}),
    decisions: env.decisions,
    valuation: env.valuation.map((vi) => rows.map((r) => vi[r]!)),
    ...(env.reservation ? { reservation: env.reservation.map((v, i) => (i === a ? without(v, t) : v)) } : {}),
  };
  let beliefs: Beliefs | undefined;
  if (inst.beliefs?.kind === "common-prior") {
    const prior = renormalize(rows.map((r) => (inst.beliefs as { prior: readonly Q[] }).prior[r]!));
    if (prior === null) return null;
    beliefs = { kind: "common-prior", prior };
  } else if (inst.beliefs?.kind === "per-type") {
    const per: Q[][][] = [];
    for (let i = 0; i < sizes.length; i++) {
      const bi = inst.beliefs.beliefs[i]!;
      if (i === a) {
        per.push(without(bi, t).map((row) => row.slice()));
        continue;
      }
      const os = othersSizes(sizes, i);
      const pos = a < i ? a : a - 1;
      const orows = reindex(othersSizes(newSizes, i), os, (p) => up(p, pos));
      const out: Q[][] = [];
      for (const row of bi) {
        const r = renormalize(orows.map((k) => row[k]!));
        if (r === null) return null;
        out.push(r);
      }
      per.push(out);
    }
    beliefs = { kind: "per-type", beliefs: per };
  }
  let mechanism: Mechanism | undefined = inst.mechanism;
  const m = inst.mechanism;
  if (m?.kind === "direct") mechanism = { kind: "direct", allocation: rows.map((r) => m.allocation[r]!), payments: rows.map((r) => m.payments[r]!) };
  return rebuild(inst, environment, beliefs, mechanism);
}

function dropDecision(inst: Instance, d: number): Instance | null {
  const env = inst.environment;
  if (env.decisions.length < 2) return null;
  const lot = (l: readonly Q[]): Q[] | null => (l[d]!.equals(1) ? null : renormalize(without(l, d)));
  const environment: Environment = { ...env, decisions: without(env.decisions, d), valuation: env.valuation.map((vi) => vi.map((row) => without(row, d))) };
  let mechanism: Mechanism | undefined;
  const m = inst.mechanism;
  if (m) {
    const ls = (m.kind === "direct" ? m.allocation : m.outcome).map(lot);
    if (ls.some((l) => l === null)) return null;
    mechanism = m.kind === "direct" ? { ...m, allocation: ls as Q[][] } : { ...m, outcome: ls as Q[][] };
  }
  return rebuild(inst, environment, inst.beliefs, mechanism);
}

function rebuild(inst: Instance, environment: Environment, beliefs: Beliefs | undefined, mechanism: Mechanism | undefined): Instance {
  const { beliefs: _b, mechanism: _m, environment: _e, ...rest } = inst;
  void _b, _m, _e;
  return { ...rest, environment, ...(beliefs ? { beliefs } : {}), ...(mechanism ? { mechanism } : {}) };
}

// ---------------------------------------------------------------- numbers

/** Smaller numbers than v, towards 0: 0, its integer part, v/2 (when smaller in |num| + |den|). */
function smallerNumbers(v: Q): Q[] {
  if (v.n === 0n) return [];
  const out: Q[] = [ZERO];
  const t = v.s < 0n ? v.abs().floor().neg() : v.floor();
  if (t.n !== 0n && !t.equals(v)) out.push(t);
  const h = v.div(2);
  const weight = (x: Q) => x.n + x.d; // fraction.js keeps n ≥ 0 and the sign in s
  if (weight(h) < weight(v) && !out.some((x) => x.equals(h))) out.push(h);
  return out;
}


function* numberShrinks(inst: Instance): Generator<Instance> {
  const env = inst.environment;
  const sizes = env.types.map((t) => t.length);
  const profiles = [...allProfiles(sizes)];
  const withEnv = (e: Partial<Environment>): Instance => ({ ...inst, environment: { ...env, ...e } });
  // valuations: a private-values agent's v_i(d, θ_i) changes across all θ_{-i} at once
  for (let i = 0; i < env.agents.length; i++) {
    const own = env.agents.length > 1 && dependsOnOwnTypeOnly(env, i);
    const groups: number[][] = own
      ? Array.from({ length: sizes[i]! }, (_, k) => profiles.flatMap((p, r) => (p[i] === k ? [r] : [])))
      : profiles.map((_, r) => [r]);
    for (const g of groups) {
      for (let d = 0; d < env.decisions.length; d++) {
        for (const w of smallerNumbers(env.valuation[i]![g[0]!]![d]!)) {
          const set = new Set(g);
          const vi = env.valuation[i]!.map((row, r) => (set.has(r) ? row.map((x, k) => (k === d ? w : x)) : row));
          yield withEnv({ valuation: env.valuation.map((v, k) => (k === i ? vi : v)) });
        }
      }
    }
  }
  const m = inst.mechanism;
  if (m) {
    for (let r = 0; r < m.payments.length; r++) {
      for (let i = 0; i < m.payments[r]!.length; i++) {
        for (const w of smallerNumbers(m.payments[r]![i]!)) {
          const payments = m.payments.map((row, k) => (k === r ? row.map((x, j) => (j === i ? w : x)) : row));
          yield { ...inst, mechanism: { ...m, payments } };
        }
      }
    }
  }
  const res = env.reservation;
  if (res) {
    for (let i = 0; i < res.length; i++) {
      for (let t = 0; t < res[i]!.length; t++) {
        for (const w of smallerNumbers(res[i]![t]!)) {
          yield withEnv({ reservation: res.map((row, k) => (k === i ? row.map((x, s) => (s === t ? w : x)) : row)) });
        }
      }
    }
  }
}

// ---------------------------------------------------------------- the shrinker

/**
 * Strictly smaller valid instances, in order: drop an agent, drop one type of an agent, drop a
 * decision, then valuations / payments / reservations towards 0 (0, integer part, half).
 */
export function* instanceShrinks(inst: Instance): Generator<Instance> {
  const env = inst.environment;
  const candidates = function* (): Generator<Instance | null> {
    for (let j = 0; j < env.agents.length; j++) yield dropAgent(inst, j);
    for (let a = 0; a < env.agents.length; a++) for (let t = 0; t < env.types[a]!.length; t++) yield dropType(inst, a, t);
    for (let d = 0; d < env.decisions.length; d++) yield dropDecision(inst, d);
    yield* numberShrinks(inst);
  };
  for (const c of candidates()) if (c !== null && valid(c)) yield c;
}

// ---------------------------------------------------------------- reshrink

/** Top-level fields of the instance format; anything else a codec writes is carried along. */
const INSTANCE_FIELDS = new Set(["mechcheck", "name", "description", "environment", "beliefs", "mechanism", "typeSpace", "strategy", "question"]);

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function fails<T>(thm: Theorem<T>, x: T): boolean {
  try {
    if (thm.hypothesis && !thm.hypothesis(x)) return false;
    return !thm.check(x).ok;
  } catch {
    return false;
  }
}

/**
 * Greedy value-based shrinking: while some candidate of `instanceShrinks` still FAILS thm.check
 * (and meets its hypothesis), move to the first such. Cases that are not instances (the codec's
 * JSON has no `environment`) and cases that pass are returned unchanged. `steps` counts moves.
 */
export function reshrink<T>(thm: Theorem<T>, x: T, opts: { maxSteps?: number } = {}): { value: T; steps: number } {
  const maxSteps = opts.maxSteps ?? 1000;
  let enc: unknown;
  try {
    enc = thm.codec.encode(x);
  } catch {
    return { value: x, steps: 0 };
  }
  if (!isObj(enc) || !("environment" in enc)) return { value: x, steps: 0 };
  const extras = Object.fromEntries(Object.entries(enc).filter(([k]) => !INSTANCE_FIELDS.has(k)));
  let inst: Instance;
  try {
    inst = parseInstance(Object.fromEntries(Object.entries(enc).filter(([k]) => INSTANCE_FIELDS.has(k))));
  } catch {
    return { value: x, steps: 0 };
  }
  if (!fails(thm, x)) return { value: x, steps: 0 };
  let value = x;
  let steps = 0;
  while (steps < maxSteps) {
    let moved = false;
    for (const cand of instanceShrinks(inst)) {
      let y: T;
      try {
        y = thm.codec.decode({ ...extras, ...(instanceToJson(cand) as Record<string, unknown>) });
      } catch {
        continue;
      }
      if (fails(thm, y)) {
        value = y;
        inst = cand;
        steps++;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return { value, steps };
}
