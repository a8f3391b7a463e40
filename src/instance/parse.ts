/**
 * Reading the instance JSON format (schema/instance.schema.json, version 1) into model data, with
 * semantic validation: labels unique and well-formed, every reference to a known label, tables
 * complete, probabilities exact, non-negative and summing to 1. All problems are collected and
 * thrown together as one ValidationError (a MechcheckError) whose `issues` name each field path
 * (e.g. `beliefs.commonPrior["1,3"]`) and offending value.
 *
 * Conventions (also in the schema's descriptions):
 * - numbers: exact strings ("3/11", "-2", "0.25") or JSON numbers, read exactly from their decimal
 *   text by the exact JSON reader (src/exact/exactJson.ts: 0.1 is 1/10, 0.99999999999999999 < 1,
 *   1e-400 > 0; exponents beyond ±10000 refused). In an already-parsed JS object a non-integer
 *   number is refused (the float has already lost the decimal it was written as);
 * - text: duplicate keys refused, nesting depth limited, line and column in syntax errors;
 * - sizes: the number of type profiles (and of action profiles, type-space cells, and table entries
 *   agents × profiles × decisions) is computed from the declared label lists BEFORE any table is
 *   built, and refused above `maxProfiles` (default 10^6; entries: 10 × maxProfiles), naming the
 *   product ("10 types ^ 20 agents = 10^20 profiles > limit 10^6");
 * - labels index data only through own keys (Map / Object.hasOwn; parsed objects have a null
 *   prototype), so "constructor", "toString", "__proto__" are ordinary labels;
 * - at most MAX_ISSUES problems are reported, then "… and at least N more";
 * - a profile key joins labels with "," in agent order ("3,1": first agent's type "3", second's "1");
 *   whitespace around the commas is ignored; labels may not contain "," or "|" and may not start or
 *   end with whitespace;
 * - in an inner map (decision → value, agent → payment, profile → probability) an omitted entry is 0;
 *   outer tables (valuation per agent, allocation, outcome) must list every profile;
 * - valuation rows may be keyed by the agent's OWN type only (private values) instead of full profiles.
 */
import { MechcheckError, isMechcheckError, type ErrorCode } from "../errors.ts";
import { ONE, type Q, ZERO, q, qstr, qsum, sign } from "../exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment, HarsanyiTypeSpace, IndirectMechanism, Mechanism } from "../model/environment.ts";
import { allProfiles, othersSizes, profileCount, profileIndex, strides } from "../model/profiles.ts";
import { IssueList } from "../model/validate.ts";
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, groupDigits, JsonNumber, parseJsonExact } from "../exact/exactJson.ts";
import { CONCEPT_IDS, type ConceptId, INSTANCE_VERSION, type Instance, type Question } from "./types.ts";

type Obj = Record<string, unknown>;

const key = (base: string, k: string) => `${base}[${JSON.stringify(k)}]`;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof JsonNumber);
/** Own entry only: a label such as "constructor" never reaches Object.prototype. */
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const show = (x: unknown) => {
  if (x instanceof JsonNumber) return x.text.length > 60 ? `${x.text.slice(0, 60)}…` : x.text;
  try {
    const s = JSON.stringify(x) ?? String(x);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(x);
  }
};
/** Up to 10 labels, quoted, for a message ("… (20000 in all)" beyond). */
const listSome = (names: readonly string[]) => names.slice(0, 10).map((n) => JSON.stringify(n)).join(", ") + (names.length > 10 ? `, … (${groupDigits(names.length)} in all)` : "");

/** Options of parseInstance: size limits (see the module comment). */
export interface ParseOptions {
  /** Most type profiles (and action profiles, type-space cells) accepted; default DEFAULT_MAX_PROFILES. */
  readonly maxProfiles?: number;
  /** Most table entries (agents × profiles × decisions) accepted; default 10 × maxProfiles. */
  readonly maxEntries?: number;
  /** Longest JSON text accepted, in characters; default DEFAULT_MAX_INPUT_BYTES. */
  readonly maxChars?: number;
  /** Deepest JSON nesting accepted; default DEFAULT_MAX_DEPTH. */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_PROFILES = 1_000_000;

/** 10^20 for powers of ten (≥ 1000), else the integer with digit grouping. */
function bigText(x: bigint): string {
  const s = x.toString();
  if (x >= 1000n && /^10+$/.test(s)) return `10^${s.length - 1}`;
  return s.length > 15 ? `${s.slice(0, 4)}… (${s.length} digits)` : s;
}

/**
 * The number of profiles over sets of the given sizes, exactly (BigInt), refused with a
 * MechcheckError "too-large" above `limit`, naming the product: "10 types ^ 20 agents = 10^20
 * profiles > limit 10^6" (equal sizes) or "4 × 2 × 4 types = 32 profiles > limit 31".
 */
function guardProfiles(sizes: readonly number[], limit: number, what: string, path: string, option = "maxProfiles"): number {
  let count = 1n;
  for (const m of sizes) count *= BigInt(m);
  if (count <= BigInt(Math.floor(limit))) return Number(count);
  const uniform = sizes.length > 1 && sizes.every((m) => m === sizes[0]);
  const product = uniform ? `${sizes[0]} ${what} ^ ${sizes.length} agents` : sizes.length > 12 ? `${sizes.slice(0, 6).join(" × ")} × … × ${sizes.slice(-3).join(" × ")} ${what} (${sizes.length} agents)` : `${sizes.join(" × ")} ${what}`;
  throw new MechcheckError("too-large", `${path}: ${product} = ${bigText(count)} profiles > limit ${bigText(BigInt(Math.floor(limit)))} (raise it with the option ${option}, on the command line --max-profiles N)`, { path, value: count.toString() });
}

class Reader {
  readonly issues = new IssueList();
  readonly maxProfiles: number;
  readonly maxEntries: number;
  constructor(options: ParseOptions) {
    this.maxProfiles = options.maxProfiles ?? DEFAULT_MAX_PROFILES;
    this.maxEntries = options.maxEntries ?? 10 * this.maxProfiles;
  }
  /** profileKeys, computed once per label-set list (profile keys are built for every table). */
  private readonly keyCache = new Map<readonly (readonly string[])[], string[]>();
  keysOf(sets: readonly (readonly string[])[]): string[] {
    let k = this.keyCache.get(sets);
    if (k === undefined) this.keyCache.set(sets, (k = profileKeys(sets)));
    return k;
  }
  /** Refuse when agents × profiles × decisions exceeds maxEntries. */
  guardEntries(n: number, P: number, D: number, path: string): void {
    const e = BigInt(n) * BigInt(P) * BigInt(D);
    if (e > BigInt(Math.floor(this.maxEntries))) {
      throw new MechcheckError("too-large", `${path}: ${n} agents × ${groupDigits(P)} profiles × ${D} decisions = ${bigText(e)} table entries > limit ${bigText(BigInt(Math.floor(this.maxEntries)))} (raise it with the option maxEntries, or maxProfiles: on the command line --max-profiles N)`, { path, value: e.toString() });
    }
  }
  add(code: ErrorCode, path: string, message: string, value?: unknown) {
    this.issues.add(code, path, message, value);
  }

  obj(x: unknown, path: string, allowed?: readonly string[]): Obj | null {
    if (!isObj(x)) {
      this.add("not-an-object", path, `expected an object, got ${show(x)}`, x);
      return null;
    }
    if (allowed) for (const k of Object.keys(x)) if (!allowed.includes(k)) this.add("unknown-field", key(path, k), `unknown field ${JSON.stringify(k)} (expected one of ${allowed.join(", ")})`, k);
    return x;
  }

  num(x: unknown, path: string): Q | null {
    if (x instanceof JsonNumber) x = x.text; // the token's exact decimal text
    if (typeof x !== "string" && typeof x !== "number") {
      this.add("not-a-rational", path, `${show(x)} is not a number (write an exact string such as "3/7")`, x);
      return null;
    }
    try {
      return q(x, path);
    } catch (e) {
      if (!isMechcheckError(e)) throw e;
      this.add(e.code, path, e.message.startsWith(`${path}: `) ? e.message.slice(path.length + 2) : e.message, x);
      return null;
    }
  }

  prob(x: unknown, path: string): Q | null {
    const p = this.num(x, path);
    if (p !== null && sign(p) < 0) {
      this.add("negative-probability", path, `weight ${qstr(p)} is negative`, qstr(p));
      return null;
    }
    return p;
  }

  sumsToOne(ps: readonly Q[], path: string): void {
    const s = qsum(ps);
    if (!s.equals(ONE)) this.add("not-a-distribution", path, `probabilities sum to ${qstr(s)}, not 1`, qstr(s));
  }

  labels(x: unknown, path: string, what: string): string[] | null {
    if (!Array.isArray(x)) {
      this.add("not-an-array", path, `expected a list of ${what} labels, got ${show(x)}`, x);
      return null;
    }
    if (x.length === 0) {
      this.add("empty-list", path, `needs at least one ${what}`, x);
      return null;
    }
    let ok = true;
    const seen = new Set<string>();
    x.forEach((l, k) => {
      const p = `${path}[${k}]`;
      if (typeof l !== "string" || l.length === 0) {
        this.add("bad-label", p, `${what} label ${show(l)} must be a non-empty string`, l);
        ok = false;
      } else if (/[,|]/.test(l) || l.trim() !== l) {
        this.add("bad-label", p, `${what} label ${JSON.stringify(l)} may not contain "," or "|" or start/end with whitespace`, l);
        ok = false;
      } else if (seen.has(l)) {
        this.add("duplicate-label", p, `${what} label ${JSON.stringify(l)} appears twice`, l);
        ok = false;
      } else seen.add(l);
    });
    return ok ? (x as string[]) : null;
  }

  /** An object keyed by `names` (all required unless `optional`); returns values in `names` order. */
  keyed(x: unknown, path: string, names: readonly string[], what: string, optional = false): (unknown | undefined)[] | null {
    const o = this.obj(x, path);
    if (o === null) return null;
    let ok = true;
    const known = new Set(names);
    for (const k of Object.keys(o)) {
      if (!known.has(k)) {
        this.add("unknown-label", key(path, k), `unknown ${what} ${JSON.stringify(k)} (known: ${listSome(names)})`, k);
        ok = false;
      }
    }
    if (!optional) {
      for (const n of names) {
        if (!Object.hasOwn(o, n)) {
          this.add("missing-entry", path, `no entry for ${what} ${JSON.stringify(n)}`, n);
          ok = false;
        }
      }
    }
    return ok ? names.map((n) => own(o, n)) : null;
  }

  /** A sparse map label → number (omitted = 0). */
  sparse(x: unknown, path: string, names: readonly string[], what: string, asProb: boolean): Q[] | null {
    const vals = this.keyed(x, path, names, what, true);
    if (vals === null) return null;
    let ok = true;
    const out = vals.map((v, k) => {
      if (v === undefined) return ZERO;
      const r = asProb ? this.prob(v, key(path, names[k]!)) : this.num(v, key(path, names[k]!));
      if (r === null) ok = false;
      return r ?? ZERO;
    });
    return ok ? out : null;
  }

  /** A lottery: a label (point mass) or a sparse map label → probability summing to 1. */
  lottery(x: unknown, path: string, names: readonly string[], what: string): Q[] | null {
    if (typeof x === "string") {
      const d = names.indexOf(x);
      if (d < 0) {
        this.add("unknown-label", path, `unknown ${what} ${JSON.stringify(x)}`, x);
        return null;
      }
      return names.map((_, k) => (k === d ? ONE : ZERO));
    }
    const ps = this.sparse(x, path, names, what, true);
    if (ps !== null) this.sumsToOne(ps, path);
    return ps;
  }
}

/** Keys of all profiles over the label sets, in index order. */
export function profileKeys(sets: readonly (readonly string[])[]): string[] {
  const sizes = sets.map((s) => s.length);
  return [...allProfiles(sizes)].map((p) => p.map((k, i) => sets[i]![k]!).join(","));
}

/** Canonicalize a written profile key ("3, 1" → "3,1"). */
const canon = (k: string) =>
  k
    .split(",")
    .map((s) => s.trim())
    .join(",");

/** An object keyed by profile keys: canonicalized, unknown keys reported; returns values by profile index. */
function profileTable(r: Reader, x: unknown, path: string, sets: readonly (readonly string[])[], what: string, required: boolean): (unknown | undefined)[] | null {
  const o = r.obj(x, path);
  if (o === null) return null;
  const keys = r.keysOf(sets);
  const index = new Map(keys.map((k, i) => [k, i]));
  const out: (unknown | undefined)[] = new Array(keys.length).fill(undefined);
  let ok = true;
  for (const [k, v] of Object.entries(o)) {
    const c = canon(k);
    const i = index.get(c);
    if (i === undefined) {
      r.add("unknown-profile", key(path, k), `${JSON.stringify(k)} is not a ${what} (expected ${sets.length} labels joined by ",", e.g. ${JSON.stringify(keys[0])})`, k);
      ok = false;
    } else if (out[i] !== undefined) {
      r.add("duplicate-entry", key(path, k), `${JSON.stringify(k)} repeats the entry for ${JSON.stringify(c)}`, k);
      ok = false;
    } else out[i] = v;
  }
  if (required) {
    const missing = keys.filter((_, i) => out[i] === undefined);
    if (missing.length > 0) {
      r.add("missing-entry", path, `no entry for ${what}${missing.length > 1 ? "s" : ""} ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(", ")}${missing.length > 5 ? `, … (${groupDigits(missing.length)} in all)` : ""}`, missing.length > 5 ? missing.slice(0, 5) : missing);
      ok = false;
    }
  }
  return ok ? out : null;
}

function parseEnvironment(r: Reader, x: unknown, path: string): Environment | null {
  const o = r.obj(x, path, ["agents", "types", "typeValues", "decisions", "valuation", "reservation"]);
  if (o === null) return null;
  const agents = r.labels(o.agents, `${path}.agents`, "agent");
  const decisions = r.labels(o.decisions, `${path}.decisions`, "decision");
  if (agents === null) return null;
  const typeLists = r.keyed(o.types, `${path}.types`, agents, "agent");
  if (typeLists === null) return null;
  const types = typeLists.map((t, i) => r.labels(t, key(`${path}.types`, agents[i]!), "type"));
  if (types.some((t) => t === null) || decisions === null) return null;
  const T = types as string[][];
  const n = agents.length;
  const sizes = T.map((t) => t.length);
  // the size guard: before any table over profiles is built
  const P = guardProfiles(sizes, r.maxProfiles, "types", `${path}.types`);
  r.guardEntries(n, P, decisions.length, `${path}.valuation`);
  const st = strides(sizes);
  const perType = (field: "typeValues" | "reservation"): Q[][] | undefined | null => {
    if (own(o, field) === undefined) return undefined;
    // reservation: an omitted agent has reservation 0 for every type; typeValues: every agent listed
    const per = r.keyed(own(o, field), `${path}.${field}`, agents, "agent", field === "reservation");
    if (per === null) return null;
    const out = per.map((m, i) => (m === undefined ? T[i]!.map(() => ZERO) : r.sparse(m, key(`${path}.${field}`, agents[i]!), T[i]!, "type", false)));
    if (field === "typeValues") {
      per.forEach((m, i) => {
        if (isObj(m)) for (const t of T[i]!) if (!Object.hasOwn(m, t)) r.add("missing-entry", key(`${path}.${field}`, agents[i]!), `no value for type ${JSON.stringify(t)}`, t);
      });
    }
    return out.some((v) => v === null) ? null : (out as Q[][]);
  };
  const typeValues = perType("typeValues");
  const reservation = perType("reservation");
  const vPath = `${path}.valuation`;
  const perAgent = r.keyed(o.valuation, vPath, agents, "agent");
  if (perAgent === null) return null;
  const valuation: Q[][][] = [];
  let ok = true;
  perAgent.forEach((table, i) => {
    const p = key(vPath, agents[i]!);
    const tbl = r.obj(table, p);
    if (tbl === null) return (ok = false);
    // private-values form: keyed by own type only (when there are several agents)
    const ownForm = n > 1 && Object.keys(tbl).length > 0 && Object.keys(tbl).every((k) => !k.includes(","));
    const rows = ownForm ? profileTable(r, tbl, p, [T[i]!], `type of ${JSON.stringify(agents[i])}`, true) : profileTable(r, tbl, p, T, "type profile", true);
    if (rows === null) return (ok = false);
    const keysT = ownForm ? T[i]! : r.keysOf(T);
    const parsed = rows.map((row, k) => r.sparse(row, key(p, keysT[k]!), decisions, "decision", false));
    if (parsed.some((v) => v === null)) return (ok = false);
    const rowsQ = parsed as Q[][];
    let vi: Q[][] = [];
    if (ownForm) {
      // own type of profile θ: (θ div stride_i) mod m_i, stride_i = Π_{j>i} m_j (profiles.ts order)
      const stride = st[i]!;
      const mi = sizes[i]!;
      for (let th = 0; th < P; th++) vi.push(rowsQ[Math.floor(th / stride) % mi]!);
    } else vi = rowsQ; // already in profile index order
    valuation.push(vi);
    return true;
  });
  if (!ok || typeValues === null || reservation === null) return null;
  return {
    agents,
    types: T,
    ...(typeValues !== undefined ? { typeValues } : {}),
    decisions,
    valuation,
    ...(reservation !== undefined ? { reservation } : {}),
  };
}

function parseBeliefs(r: Reader, x: unknown, env: Environment): Beliefs | null {
  const o = r.obj(x, "beliefs", ["commonPrior", "perType"]);
  if (o === null) return null;
  const has = (k: string) => o[k] !== undefined;
  if (has("commonPrior") === has("perType")) {
    r.add("bad-beliefs", "beliefs", `give exactly one of "commonPrior" and "perType"`, Object.keys(o));
    return null;
  }
  if (has("commonPrior")) {
    const prior = profileDistribution(r, own(o, "commonPrior"), "beliefs.commonPrior", env.types);
    return prior === null ? null : { kind: "common-prior", prior };
  }
  const per = r.keyed(own(o, "perType"), "beliefs.perType", env.agents, "agent");
  if (per === null) return null;
  const beliefs = per.map((m, i) => {
    const p = key("beliefs.perType", env.agents[i]!);
    const byType = r.keyed(m, p, env.types[i]!, "type");
    if (byType === null) return null;
    const others = env.types.filter((_, j) => j !== i); // one array per agent: its profile keys are built once
    const rows = byType.map((b, t) => profileDistribution(r, b, key(p, env.types[i]![t]!), others));
    return rows.some((v) => v === null) ? null : (rows as Q[][]);
  });
  return beliefs.some((b) => b === null) ? null : { kind: "per-type", beliefs: beliefs as Q[][][] };
}

/** A sparse distribution over profiles of `sets` (omitted = 0), summing to 1. */
function profileDistribution(r: Reader, x: unknown, path: string, sets: readonly (readonly string[])[]): Q[] | null {
  const rows = profileTable(r, x, path, sets, "profile", false);
  if (rows === null) return null;
  const keys = r.keysOf(sets);
  const out = rows.map((v, k) => (v === undefined ? ZERO : r.prob(v, key(path, keys[k]!))));
  if (out.some((v) => v === null)) return null;
  r.sumsToOne(out as Q[], path);
  return out as Q[];
}

function parsePayments(r: Reader, x: unknown, path: string, sets: readonly (readonly string[])[], agents: readonly string[]): Q[][] | null {
  const P = profileCount(sets.map((s) => s.length));
  if (x === undefined) return Array.from({ length: P }, () => agents.map(() => ZERO));
  const rows = profileTable(r, x, path, sets, "profile", false);
  if (rows === null) return null;
  const keys = r.keysOf(sets);
  const out = rows.map((v, k) => (v === undefined ? agents.map(() => ZERO) : r.sparse(v, key(path, keys[k]!), agents, "agent", false)));
  return out.some((v) => v === null) ? null : (out as Q[][]);
}

function parseMechanism(r: Reader, x: unknown, env: Environment): Mechanism | null {
  const o = r.obj(x, "mechanism");
  if (o === null) return null;
  if (o.kind === "direct") {
    r.obj(o, "mechanism", ["kind", "allocation", "payments"]);
    const rows = profileTable(r, own(o, "allocation"), "mechanism.allocation", env.types, "report profile", true);
    const keys = r.keysOf(env.types);
    const allocation = rows?.map((v, k) => r.lottery(v, key("mechanism.allocation", keys[k]!), env.decisions, "decision")) ?? null;
    const payments = parsePayments(r, own(o, "payments"), "mechanism.payments", env.types, env.agents);
    if (allocation === null || allocation.some((l) => l === null) || payments === null) return null;
    return { kind: "direct", allocation: allocation as Q[][], payments } satisfies DirectMechanism;
  }
  if (o.kind === "indirect") {
    r.obj(o, "mechanism", ["kind", "actions", "outcome", "payments"]);
    const lists = r.keyed(own(o, "actions"), "mechanism.actions", env.agents, "agent");
    if (lists === null) return null;
    const actions = lists.map((a, i) => r.labels(a, key("mechanism.actions", env.agents[i]!), "action"));
    if (actions.some((a) => a === null)) return null;
    const A = actions as string[][];
    const nA = guardProfiles(A.map((a) => a.length), r.maxProfiles, "actions", "mechanism.actions");
    r.guardEntries(env.agents.length, nA, env.decisions.length, "mechanism.outcome");
    const rows = profileTable(r, own(o, "outcome"), "mechanism.outcome", A, "action profile", true);
    const keys = r.keysOf(A);
    const outcome = rows?.map((v, k) => r.lottery(v, key("mechanism.outcome", keys[k]!), env.decisions, "decision")) ?? null;
    const payments = parsePayments(r, own(o, "payments"), "mechanism.payments", A, env.agents);
    if (outcome === null || outcome.some((l) => l === null) || payments === null) return null;
    return { kind: "indirect", actions: A, outcome: outcome as Q[][], payments } satisfies IndirectMechanism;
  }
  r.add("bad-mechanism-kind", "mechanism.kind", `expected "direct" or "indirect", got ${show(o.kind)}`, o.kind);
  return null;
}

/**
 * A Harsanyi type space whose states are the environment's payoff profiles. Belief keys are
 * "<others' types>|<state>" (e.g. "t1|3,1"); prior keys "<type profile>|<state>".
 */
function parseTypeSpace(r: Reader, x: unknown, env: Environment): HarsanyiTypeSpace | null {
  const o = r.obj(x, "typeSpace", ["types", "beliefs", "prior"]);
  if (o === null) return null;
  const lists = r.keyed(own(o, "types"), "typeSpace.types", env.agents, "agent");
  if (lists === null) return null;
  const types = lists.map((a, i) => r.labels(a, key("typeSpace.types", env.agents[i]!), "type"));
  if (types.some((t) => t === null)) return null;
  const T = types as string[][];
  const states = r.keysOf(env.types);
  const S = states.length;
  const tsizes = T.map((t) => t.length);
  // every belief and the prior are vectors over (type profile, state): guard that product
  guardProfiles([...tsizes, S], r.maxProfiles, "types (and payoff states)", "typeSpace.types");
  const jointDist = (v: unknown, path: string, sets: readonly (readonly string[])[]): Q[] | null => {
    const ob = r.obj(v, path);
    if (ob === null) return null;
    const tkeys = r.keysOf(sets);
    const tindex = new Map(tkeys.map((k, i) => [k, i]));
    const sindex = new Map(states.map((k, i) => [k, i]));
    const out: Q[] = new Array(tkeys.length * S).fill(ZERO);
    let ok = true;
    for (const [k, w] of Object.entries(ob)) {
      const bar = k.indexOf("|");
      const ti = bar < 0 ? undefined : tindex.get(canon(k.slice(0, bar)));
      const si = bar < 0 ? undefined : sindex.get(canon(k.slice(bar + 1)));
      if (ti === undefined || si === undefined) {
        r.add("unknown-profile", key(path, k), `${JSON.stringify(k)} is not "<types>|<state>" (e.g. ${JSON.stringify(`${tkeys[0]}|${states[0]}`)})`, k);
        ok = false;
        continue;
      }
      const p = r.prob(w, key(path, k));
      if (p === null) ok = false;
      else out[ti * S + si] = p;
    }
    if (!ok) return null;
    r.sumsToOne(out, path);
    return out;
  };
  let prior: Q[] | undefined;
  if (own(o, "prior") !== undefined) {
    const p = jointDist(own(o, "prior"), "typeSpace.prior", T);
    if (p === null) return null;
    prior = p;
  }
  let beliefs: Q[][][];
  if (own(o, "beliefs") !== undefined) {
    const per = r.keyed(own(o, "beliefs"), "typeSpace.beliefs", env.agents, "agent");
    if (per === null) return null;
    const b = per.map((m, i) => {
      const p = key("typeSpace.beliefs", env.agents[i]!);
      const byType = r.keyed(m, p, T[i]!, "type");
      if (byType === null) return null;
      const others = T.filter((_, j) => j !== i);
      const rows = byType.map((v, t) => jointDist(v, key(p, T[i]![t]!), others));
      return rows.some((v) => v === null) ? null : (rows as Q[][]);
    });
    if (b.some((v) => v === null)) return null;
    beliefs = b as Q[][][];
  } else if (prior !== undefined) {
    // conditionals of the common prior
    const pr = prior;
    const derived = T.map((ti, i) =>
      ti.map((label, t) => {
        const w: Q[] = [];
        for (const others of allProfiles(othersSizes(tsizes, i))) {
          const full: number[] = [];
          let c = 0;
          for (let j = 0; j < tsizes.length; j++) full.push(j === i ? t : others[c++]!);
          const tix = profileIndex(tsizes, full);
          for (let s = 0; s < S; s++) w.push(pr[tix * S + s]!);
        }
        const m = qsum(w);
        if (m.n === 0n) {
          r.add("zero-probability-type", key(key("typeSpace.types", env.agents[i]!), label), `type ${JSON.stringify(label)} has prior probability 0, so its beliefs are undefined: give "beliefs" explicitly`, label);
          return w;
        }
        return w.map((v) => v.div(m));
      }),
    );
    beliefs = derived;
  } else {
    r.add("missing-field", "typeSpace", `give "beliefs" or a "prior"`);
    return null;
  }
  return { agents: env.agents, types: T, states, beliefs, ...(prior !== undefined ? { prior } : {}) };
}

function parseStrategy(r: Reader, x: unknown, mech: IndirectMechanism, ts: HarsanyiTypeSpace, agents: readonly string[]): Q[][][] | null {
  const per = r.keyed(x, "strategy", agents, "agent");
  if (per === null) return null;
  const out = per.map((m, i) => {
    const p = key("strategy", agents[i]!);
    const byType = r.keyed(m, p, ts.types[i]!, "type");
    if (byType === null) return null;
    const rows = byType.map((v, t) => r.lottery(v, key(p, ts.types[i]![t]!), mech.actions[i]!, "action"));
    return rows.some((v) => v === null) ? null : (rows as Q[][]);
  });
  return out.some((v) => v === null) ? null : (out as Q[][][]);
}

function parseQuestion(r: Reader, x: unknown): Question | null {
  const o = r.obj(x, "question", ["concepts", "expect"]);
  if (o === null) return null;
  const isId = (s: unknown): s is ConceptId => typeof s === "string" && (CONCEPT_IDS as readonly string[]).includes(s);
  let concepts: ConceptId[] | undefined;
  if (o.concepts !== undefined) {
    if (!Array.isArray(o.concepts)) r.add("not-an-array", "question.concepts", `expected a list of concept ids`, o.concepts);
    else {
      concepts = [];
      o.concepts.forEach((c, k) => {
        if (isId(c)) concepts!.push(c);
        else r.add("unknown-concept", `question.concepts[${k}]`, `unknown concept ${show(c)} (known: ${CONCEPT_IDS.join(", ")})`, c);
      });
    }
  }
  let expect: Partial<Record<ConceptId, "holds" | "fails">> | undefined;
  if (o.expect !== undefined) {
    const e = r.obj(o.expect, "question.expect");
    if (e !== null) {
      expect = {};
      for (const [k, v] of Object.entries(e)) {
        if (!isId(k)) r.add("unknown-concept", key("question.expect", k), `unknown concept ${JSON.stringify(k)}`, k);
        else if (v !== "holds" && v !== "fails") r.add("bad-verdict", key("question.expect", k), `expected "holds" or "fails", got ${show(v)}`, v);
        else expect[k] = v;
      }
    }
  }
  return { ...(concepts ? { concepts } : {}), ...(expect ? { expect } : {}) };
}

const TOP = ["mechcheck", "name", "description", "environment", "beliefs", "mechanism", "typeSpace", "strategy", "question"];

/**
 * Parse and validate an instance: JSON text (read by the exact JSON reader) or an already-parsed
 * value (where non-integer JS numbers are refused). `options` sets the size limits.
 */
export function parseInstance(input: string | unknown, options: ParseOptions & { source?: string } = {}): Instance {
  let data: unknown = input;
  if (typeof input === "string") {
    data = parseJsonExact(input, options.source ?? "(instance)", { maxChars: options.maxChars ?? DEFAULT_MAX_INPUT_BYTES, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH });
  }
  const r = new Reader(options);
  const o = r.obj(data, "(instance)", TOP);
  if (o === null) r.issues.throwIfAny();
  const top = o!;
  if (top.mechcheck instanceof JsonNumber) top.mechcheck = top.mechcheck.text === String(INSTANCE_VERSION) ? INSTANCE_VERSION : top.mechcheck.text;
  if (top.mechcheck !== INSTANCE_VERSION) {
    r.add(top.mechcheck === undefined ? "missing-version" : "unsupported-version", "mechcheck", `expected "mechcheck": ${INSTANCE_VERSION} (the format version), got ${show(top.mechcheck)}`, top.mechcheck);
    r.issues.throwIfAny();
  }
  for (const f of ["name", "description"] as const) if (top[f] !== undefined && typeof top[f] !== "string") r.add("not-a-string", f, `expected a string, got ${show(top[f])}`, top[f]);
  if (top.environment === undefined) r.add("missing-field", "environment", "an instance needs an environment");
  const env = top.environment === undefined ? null : parseEnvironment(r, top.environment, "environment");
  if (env === null) r.issues.throwIfAny();
  const E = env!;
  const beliefs = top.beliefs === undefined ? undefined : parseBeliefs(r, top.beliefs, E);
  const mechanism = top.mechanism === undefined ? undefined : parseMechanism(r, top.mechanism, E);
  const typeSpace = top.typeSpace === undefined ? undefined : parseTypeSpace(r, top.typeSpace, E);
  let strategy: Q[][][] | undefined | null;
  if (top.strategy !== undefined) {
    if (mechanism?.kind !== "indirect" || !typeSpace) r.add("strategy-without-game", "strategy", `a strategy needs an indirect mechanism and a typeSpace`);
    else strategy = parseStrategy(r, top.strategy, mechanism, typeSpace, E.agents);
  }
  if (mechanism?.kind === "indirect" && top.typeSpace === undefined && top.strategy !== undefined) r.add("missing-field", "typeSpace", "an indirect mechanism's strategy needs a typeSpace");
  const question = top.question === undefined ? undefined : parseQuestion(r, top.question);
  r.issues.throwIfAny();
  return {
    ...(typeof top.name === "string" ? { name: top.name } : {}),
    ...(typeof top.description === "string" ? { description: top.description } : {}),
    environment: E,
    ...(beliefs ? { beliefs } : {}),
    ...(mechanism ? { mechanism } : {}),
    ...(typeSpace ? { typeSpace } : {}),
    ...(strategy ? { strategy } : {}),
    ...(question ? { question } : {}),
  };
}
