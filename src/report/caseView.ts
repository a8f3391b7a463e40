/**
 * A saved case as a document (src/format/document.ts): the case itself — agents and their types,
 * the prior or per-type beliefs, the mechanism with one payment column per agent — then the
 * violation, with agents, types and profiles by their labels, numbering 1-based, numbers exact.
 *
 * The case is read from its semantic JSON by shape, through the same decoders the catalogue saves
 * it with (the instance format; bilateral-trade and public-good grids; i.i.d. and independent
 * value grids; priors over value profiles; Harsanyi type spaces; an environment saved by a
 * conjecture's default exact-JSON codec). A shape none of them reads is shown field by field,
 * arrays as tables with 1-based indices. The violation is data too: fields indexed by profile
 * become one table with a column per agent (or decision), agent and type indices become labels.
 */
import type { Block, Doc } from "../format/document.ts";
import type { Table } from "../format/table.ts";
import { isMechcheckError } from "../errors.ts";
import { q, qstr } from "../exact/rational.ts";
import { parseInstance } from "../instance/index.ts";
import type { Environment } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { allProfiles, othersSizes, profileAt, profileCount } from "../model/profiles.ts";
import { tradeEnv, gridCaseCodec } from "../trade/tradeGrids.ts";
import { pgEnvironment, pgMarginals } from "../publicGoods/provisionImpossibility.ts";
import { parsePgCase } from "../generators/pgCases.ts";
import { typeSpaceFromJson } from "../beliefs/noTradeAlternatives.ts";
import { priorFromJson } from "../robust/worstCaseBeliefs.ts";
import { gridBiddersCodec } from "../auctions/discreteMyerson.ts";
import { partnershipEnvironment } from "../trade/partnership.ts";
import { oneAgentFromJson } from "../implementability/rochet.ts";
import { agentName, agentsTable, cappedTable, instanceTables, MAX_ROWS, mechanismTable, perTypeBeliefTables, priorTable, profileCells } from "./instanceTables.ts";

/** What the violation's indices refer to: the case's agents, types, decisions and profile order. */
export interface CaseFrame {
  readonly agents: readonly string[];
  readonly types: readonly (readonly string[])[];
  readonly decisions?: readonly string[];
  /** Action labels per agent (an indirect mechanism), for a violation's `action`. */
  readonly actions?: readonly (readonly string[])[];
  /** Violation fields that are lists of 0-based indices of agent 1's types or of decisions, shown as labels. */
  readonly indexLists?: Readonly<Record<string, "types" | "decisions">>;
}

interface CaseBlocks {
  readonly kind: string;
  readonly blocks: Block[];
  readonly frame?: CaseFrame;
}

/** The fields of a saved record the view uses (store/counterexamples.ts validates the file). */
export interface SavedCase {
  readonly theorem: string;
  readonly kind: string;
  readonly expect: string;
  readonly instance: unknown;
  readonly violation?: unknown;
  readonly message: string;
}

export interface CaseViewOptions {
  /** Rows per table before "… N more" (default MAX_ROWS). */
  readonly maxRows?: number;
}

/** The whole document of a saved case: title, message, the case, the violation, the proof. */
export function caseDocument(rec: SavedCase, opts: CaseViewOptions = {}): Doc {
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const c = caseBlocks(rec.instance, maxRows);
  const blocks: Block[] = [{ kind: "paragraph", text: rec.message }, { kind: "heading", text: `The case (${c.kind})` }, ...c.blocks];
  if (rec.violation !== undefined && rec.violation !== null) {
    blocks.push({ kind: "heading", text: rec.expect === "fails" ? "The violation (exact)" : "What the check found when it failed (exact)" });
    blocks.push(...violationBlocks(rec.violation, c.frame, maxRows, unwrapExact(rec.instance)));
  }
  const proof = findProof(rec.violation) ?? findProof(rec);
  if (proof) blocks.push({ kind: "heading", text: "Proof" }, { kind: "lines", lines: proof.split("\n") });
  return { title: `${rec.theorem} (${rec.kind}): ${rec.expect === "fails" ? "counterexample" : "regression case"}`, blocks };
}

// ————————————————————————————————————————————————————————————— the case, by shape

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Exact-JSON codec values ({"q": "p/q"}, {"bigint": "…"}) back to plain strings. */
function unwrapExact(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(unwrapExact);
  if (isObj(x)) {
    const keys = Object.keys(x);
    if (keys.length === 1 && (keys[0] === "q" || keys[0] === "bigint") && typeof x[keys[0]!] === "string") return x[keys[0]!];
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) Object.defineProperty(out, k, { value: unwrapExact(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return x;
}

/** A decoder that throws a MechcheckError on a shape it does not read: null instead. */
function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isMechcheckError(e) || e instanceof TypeError || e instanceof RangeError) return null;
    throw e;
  }
}

const has = (o: Record<string, unknown>, ...keys: string[]) => keys.every((k) => Object.hasOwn(o, k));

/** The case's own tables, read by the first decoder its shape fits. */
function caseBlocks(raw: unknown, maxRows = MAX_ROWS): CaseBlocks {
  const json = unwrapExact(raw);
  if (isObj(json)) {
    if (has(json, "environment")) {
      const inst = attempt(() => parseInstance(json));
      if (inst) return { kind: "an instance", blocks: instanceTables(inst, maxRows).map(table), frame: { ...inst.environment, ...(inst.mechanism?.kind === "indirect" ? { actions: inst.mechanism.actions } : {}) } };
    }
    if (has(json, "agents", "types", "decisions", "valuation") && Array.isArray(json.types)) {
      // An Environment saved by the exact-JSON codec (a conjecture's default): arrays, rationals as strings.
      const env = attempt(() => environmentFromPlain(json));
      if (env) return { kind: "an environment", blocks: instanceTables({ environment: env }, maxRows).map(table), frame: env };
    }
    if (has(json, "buyer", "seller", "tie")) {
      const c = attempt(() => gridCaseCodec.decode(json));
      if (c) {
        const env = tradeEnv(c.buyer, c.seller);
        const marg = [c.buyerMarginal?.map(qstr) ?? c.buyer.map(() => `1/${c.buyer.length}`), c.sellerMarginal?.map(qstr) ?? c.seller.map(() => `1/${c.seller.length}`)];
        return {
          kind: `bilateral trade on grids, ties: ${c.tie}`,
          blocks: [
            table(agentsTable(env)),
            table(marginalsTable(env.agents, env.types, marg, c.buyerMarginal || c.sellerMarginal ? "Independent priors (marginals)" : "Independent priors (marginals; uniform)")),
            { kind: "paragraph", text: `Values: the buyer of type b values the good at b, the seller of type s at s (the seller keeps the good without trade). Ties b = s: ${c.tie === "trade" ? "trade" : "no trade"} in the efficient rule.` },
          ],
          frame: env,
        };
      }
    }
    if (has(json, "values", "cost", "tie")) {
      const c = attempt(() => parsePgCase(json));
      if (c) {
        const env = pgEnvironment(c).env;
        return {
          kind: `public good on grids, cost ${qstr(c.cost)}, ties: ${c.tie}`,
          blocks: [table(agentsTable(env)), table(marginalsTable(env.agents, env.types, pgMarginals(c).map((m) => m.map(qstr)), c.marginals ? "Independent priors (marginals)" : "Independent priors (marginals; uniform)"))],
          frame: env,
        };
      }
    }
    if (has(json, "n", "K", "delta", "low", "f")) {
      const p = attempt(() => priorFromJson(json));
      if (p) {
        const agents = Array.from({ length: p.n }, (_, i) => String(i + 1));
        const grid = Array.from({ length: p.K }, (_, k) => qstr(p.low.add(p.delta.mul(k))));
        const types = agents.map(() => grid);
        return {
          kind: `single-object auction, ${p.n} bidder${p.n === 1 ? "" : "s"} with values ${grid.join(", ")}`,
          blocks: [table(agentsTable({ agents, types })), table(priorTable({ agents, types }, p.f, maxRows))],
          frame: { agents, types, decisions: [...agents.map((a) => `${a} gets the object`), "nobody gets the object"] },
        };
      }
    }
    if (has(json, "agents", "types", "states", "beliefs")) {
      const ts = attempt(() => typeSpaceFromJson(json));
      if (ts) {
        return {
          kind: `a type space: ${ts.agents.length} agents, states ${ts.states.join(", ")}`,
          blocks: [table(agentsTable(ts)), ...perTypeBeliefTables(ts.agents, ts.types, ts.beliefs, ts.states, maxRows).map(table)],
          frame: { agents: ts.agents, types: ts.types },
        };
      }
    }
    if (json.kind === "grid" && has(json, "values", "marginal", "shares")) {
      const env = attempt(() => partnershipEnvironment(json.values as string[], json.shares as string[]));
      const marginal = Array.isArray(json.marginal) && json.marginal.length === (json.values as unknown[]).length ? (json.marginal as unknown[]).map(cell) : null;
      if (env && marginal) {
        return {
          kind: `a partnership on a grid, shares ${(json.shares as unknown[]).map(cell).join(", ")}`,
          blocks: [...instanceTables({ environment: env }, maxRows).map(table), table(marginalsTable(env.agents, env.types, env.agents.map(() => marginal), "Independent priors (every partner's marginal)"))],
          frame: env,
        };
      }
    }
    if (has(json, "values", "rule") && Object.keys(json).length === 2) {
      const r = attempt(() => oneAgentFromJson(json));
      if (r) {
        const types = r.values.map((_, k) => `type ${k + 1}`);
        const decisions = r.values[0]!.map((_, d) => `decision ${d + 1}`);
        return {
          kind: "one agent, a deterministic rule",
          blocks: [
            { kind: "paragraph", text: "Types and decisions are numbered from 1 here (the saved file and the message count from 0)." },
            table({ caption: "Valuations v(decision, type) and the rule's decision", headers: ["type", ...decisions, "rule"], rows: r.values.map((row, k) => [types[k]!, ...row.map(qstr), decisions[r.rule[k]!]!]) }),
          ],
          frame: { agents: ["1"], types: [types], decisions, indexLists: { cycle: "types", rule: "decisions" } },
        };
      }
    }
    if (has(json, "values", "probs")) {
      const g = attempt(() => gridBiddersCodec.decode(json));
      if (g) {
        const iid = typeof json.n === "number" && g.values.length === 1;
        const n = iid ? (json.n as number) : g.values.length;
        const agents = Array.from({ length: n }, (_, i) => String(i + 1));
        const types = agents.map((_, i) => g.values[iid ? 0 : i]!.map(qstr));
        const probs = agents.map((_, i) => g.probs[iid ? 0 : i]!.map(qstr));
        return {
          kind: `single-object auction, ${n} bidder${n === 1 ? "" : "s"}${iid ? " with i.i.d. values" : ", independent values"}`,
          blocks: [table(marginalsTable(agents, types, probs, iid ? `Every bidder's value grid and probabilities (i.i.d., n = ${n})` : "Each bidder's value grid and probabilities"))],
          frame: { agents, types, decisions: [...agents.map((a) => `${a} gets the object`), "nobody gets the object"] },
        };
      }
    }
  }
  return genericCase(json, maxRows);
}

function table(t: Table): Block {
  return { kind: "table", table: t };
}

/** agent | type | value-or-label | probability: independent marginals, one row per (agent, type). */
function marginalsTable(agents: readonly string[], types: readonly (readonly string[])[], probs: readonly (readonly string[])[], caption: string): Table {
  return { caption, headers: ["agent", "type", "probability"], rows: agents.flatMap((a, i) => types[i]!.map((t, k) => [agentName(a), t, probs[i]![k]!])) };
}

/** An Environment from plain arrays (rationals as strings), validated by the instance parser's rules. */
function environmentFromPlain(o: Record<string, unknown>): Environment {
  const agents = o.agents as string[];
  const types = o.types as string[][];
  const decisions = o.decisions as string[];
  if (!Array.isArray(agents) || !agents.every((a) => typeof a === "string")) throw new TypeError("agents");
  if (!types.every((t) => Array.isArray(t) && t.every((x) => typeof x === "string")) || types.length !== agents.length) throw new TypeError("types");
  if (!Array.isArray(decisions) || !decisions.every((d) => typeof d === "string")) throw new TypeError("decisions");
  const n = profileCount(types.map((t) => t.length));
  const valuation = (o.valuation as unknown[][][]).map((vi) => {
    if (!Array.isArray(vi) || vi.length !== n) throw new TypeError("valuation");
    return vi.map((row) => {
      if (!Array.isArray(row) || row.length !== decisions.length) throw new TypeError("valuation");
      return row.map((x) => q(x as string));
    });
  });
  if (valuation.length !== agents.length) throw new TypeError("valuation");
  const env: Environment = { agents, types, decisions, valuation };
  const tv = o.typeValues as unknown[][] | undefined;
  const res = o.reservation as unknown[][] | undefined;
  return {
    ...env,
    ...(Array.isArray(tv) ? { typeValues: tv.map((r) => r.map((x) => q(x as string))) } : {}),
    ...(Array.isArray(res) ? { reservation: res.map((r) => r.map((x) => q(x as string))) } : {}),
  };
}

/** A shape no decoder reads: nested cases by their own shape, other fields as tables. */
function genericCase(json: unknown, maxRows: number): CaseBlocks {
  if (!isObj(json)) return { kind: "as saved", blocks: valueBlocks("case", json, undefined, maxRows) };
  const blocks: Block[] = [];
  let frame: CaseFrame | undefined;
  const scalars: string[][] = [];
  for (const [k, v] of Object.entries(json)) {
    if (k === "mechcheck") continue;
    if (isObj(v)) {
      const inner = caseBlocks(v, maxRows);
      blocks.push({ kind: "heading", text: `${humanize(k)} (${inner.kind})` }, ...inner.blocks);
      frame ??= inner.frame;
    } else if (Array.isArray(v)) blocks.push(...valueBlocks(k, v, undefined, maxRows));
    else scalars.push([humanize(k), cell(v)]);
  }
  if (scalars.length) blocks.unshift(table({ caption: "Parameters", headers: ["parameter", "value"], rows: scalars }));
  return { kind: "as saved", blocks, ...(frame ? { frame } : {}) };
}

// ————————————————————————————————————————————————————————————— the violation

/** Field names that hold one agent's type index (0-based in the data) when an `agent` is given. */
const TYPE_FIELDS = new Set(["type", "typeX", "typeY", "trueType", "reportedType", "report", "misreport", "t", "tPrime", "deviation", "lie"]);
const PER_AGENT = /utilit|gains?$|payments?$|transfers?$|marginals?$|shares?$|bids?$|agents?$/i;
const PER_PROFILE = /alloc|pay|transfer|outcome|lotter|trade$|provision|rule$/i;
const PROFILE_FIELDS = new Set(["trueProfile", "profile", "reportProfile", "reports", "typeProfile", "othersReports"]);
const DECISION_FIELDS = new Set(["decision", "bestDecision"]);

/** The violation's tables: its scalars with indices as labels, per-profile fields as one table. */
function violationBlocks(violation: unknown, frame: CaseFrame | undefined, maxRows = MAX_ROWS, instance?: unknown, caption = "What fails"): Block[] {
  const v = unwrapExact(violation);
  if (!isObj(v)) return valueBlocks("violation", v, frame, maxRows);
  const nProfiles = frame ? profileCount(frame.types.map((t) => t.length)) : -1;
  const agentIx = typeof v.agent === "number" && frame && v.agent >= 0 && v.agent < frame.agents.length ? v.agent : null;
  const rows: string[][] = [];
  const perProfile: [string, unknown[]][] = [];
  const blocks: Block[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === "proof" || k === "renderedProof") continue;
    // The case repeated inside the violation (e.g. `case`) is shown once, above.
    if (instance !== undefined && isObj(x) && JSON.stringify(x) === JSON.stringify(instance)) continue;
    // Indexed by profile only where the name says so (a list as long as the profiles may be anything else).
    if (frame && Array.isArray(x) && x.length === nProfiles && nProfiles > 1 && PER_PROFILE.test(k) && !frame.indexLists?.[k]) {
      perProfile.push([k, x]);
      continue;
    }
    if (frame && k === "agent" && agentIx !== null) {
      const name = agentName(frame.agents[agentIx]!);
      rows.push(["agent", name === `agent ${agentIx + 1}` ? name : `${name} (agent #${agentIx + 1})`]);
    }
    else if (frame && agentIx !== null && TYPE_FIELDS.has(k) && typeof x === "number" && frame.types[agentIx]![x] !== undefined) rows.push([humanize(k), `${frame.types[agentIx]![x]} (type #${x + 1} of ${agentName(frame.agents[agentIx]!)})`]);
    else if (frame && agentIx !== null && k === "others" && typeof x === "number") rows.push(["others' types", othersText(frame, agentIx, x)]);
    else if (frame && PROFILE_FIELDS.has(k) && Array.isArray(x) && x.length === frame.agents.length && x.every((y, j) => typeof y === "number" && frame.types[j]![y] !== undefined)) rows.push([humanize(k), profileText(frame, x as number[])]);
    else if (frame?.decisions && DECISION_FIELDS.has(k) && typeof x === "number" && frame.decisions[x] !== undefined) rows.push([humanize(k), `${frame.decisions[x]} (decision #${x + 1})`]);
    else if (frame?.actions && agentIx !== null && k === "action" && typeof x === "number" && frame.actions[agentIx]?.[x] !== undefined) rows.push(["action", `${frame.actions[agentIx]![x]} (action #${x + 1} of ${agentName(frame.agents[agentIx]!)})`]);
    else if (frame && agentIx !== null && k === "belief" && Array.isArray(x) && x.length === profileCount(othersSizes(frame.types.map((t) => t.length), agentIx))) {
      blocks.unshift(table({ caption: `Belief of ${agentName(frame.agents[agentIx]!)} about the others' types`, headers: x.map((_, j) => othersText(frame, agentIx, j)), rows: [x.map(cell)] }));
    } else if (frame && k === "theta" && typeof x === "number" && x >= 0 && x < nProfiles) rows.push(["type profile", profileText(frame, profileAt(typeSizes(frame as Environment), x))]);
    else if (frame?.indexLists?.[k] && Array.isArray(x) && x.every((y) => typeof y === "number" && labelsOf(frame, frame.indexLists![k]!)[y] !== undefined)) {
      rows.push([humanize(k), (x as number[]).map((y) => labelsOf(frame, frame.indexLists![k]!)[y]!).join(frame.indexLists[k] === "types" ? " → " : ", ")]);
    } else if (isObj(x)) blocks.push(...violationBlocks(x, frame, maxRows, undefined, humanize(k)));
    else if (Array.isArray(x)) blocks.push(...valueBlocks(k, x, frame, maxRows));
    else rows.push([humanize(k), cell(x)]);
  }
  const out: Block[] = [];
  if (rows.length) out.push(table({ caption, headers: ["field", "value"], rows }));
  if (perProfile.length && frame) out.push(table(perProfileTable(perProfile, frame, maxRows)));
  return [...out, ...blocks];
}

function labelsOf(frame: CaseFrame, what: "types" | "decisions"): readonly string[] {
  return what === "types" ? frame.types[0]! : (frame.decisions ?? []);
}

function profileText(frame: CaseFrame, prof: readonly number[]): string {
  return `(${prof.map((k, j) => `${agentName(frame.agents[j]!)}: ${frame.types[j]![k]}`).join(", ")})`;
}

function othersText(frame: CaseFrame, i: number, k: number): string {
  const sizes = frame.types.map((t) => t.length);
  const os = othersSizes(sizes, i);
  if (k < 0 || k >= profileCount(os)) return String(k);
  const p = profileAt(os, k);
  let c = 0;
  const parts: string[] = [];
  for (let j = 0; j < sizes.length; j++) if (j !== i) parts.push(`${agentName(frame.agents[j]!)}: ${frame.types[j]![p[c++]!]}`);
  return parts.length ? parts.join(", ") : "(no other agents)";
}

/** Fields indexed by profile, side by side: type columns, then each field's columns by agent or decision. */
function perProfileTable(fields: readonly [string, unknown[]][], frame: CaseFrame, maxRows: number): Table {
  const sizes = frame.types.map((t) => t.length);
  const n = frame.agents.length;
  const headers: string[] = frame.agents.map((a) => `type of ${agentName(a)}`);
  const cols: ((r: number) => string)[] = [];
  for (const [k, arr] of fields) {
    const width = Array.isArray(arr[0]) ? (arr[0] as unknown[]).length : 0;
    const byAgent = width === n && (!frame.decisions || frame.decisions.length !== n || /pay|transfer|utilit|net|share|price/i.test(k));
    const byDecision = !byAgent && frame.decisions !== undefined && width === frame.decisions.length;
    if (width === 0) {
      headers.push(humanize(k));
      cols.push((r) => cell(arr[r]));
    } else {
      for (let c = 0; c < width; c++) {
        headers.push(byAgent ? (/^payments?$/i.test(k) ? `pays ${agentName(frame.agents[c]!)}` : `${humanize(k)}, ${agentName(frame.agents[c]!)}`) : byDecision ? (/alloc|outcome|lotter/i.test(k) ? `P(${frame.decisions![c]})` : `${humanize(k)}, ${frame.decisions![c]}`) : `${humanize(k)} [${c + 1}]`);
        cols.push((r) => cell((arr[r] as unknown[])[c]));
      }
    }
  }
  const rows = [...allProfiles(sizes)].map((p, r) => [...profileCells(frame.types, p), ...cols.map((f) => f(r))]);
  return cappedTable(`Per type profile: ${fields.map(([k]) => humanize(k)).join(", ")}`, headers, rows, "profiles", maxRows);
}

// ————————————————————————————————————————————————————————————— generic values

/** An array as a table: a list as one row per entry (#1, #2, …), a matrix with 1-based rows and columns. */
function valueBlocks(name: string, v: unknown, frame: CaseFrame | undefined, maxRows: number): Block[] {
  if (!Array.isArray(v)) return [table({ caption: humanize(name), headers: ["value"], rows: [[cell(v)]] })];
  if (v.length === 0) return [table({ caption: humanize(name), headers: ["value"], rows: [["(empty list)"]] })];
  // Entries named by agent only where the field says it is per agent (a list of n values may be anything).
  const byAgent = frame !== undefined && v.length === frame.agents.length && PER_AGENT.test(name);
  const rowLabel = (r: number) => (byAgent ? agentName(frame!.agents[r]!) : `#${r + 1}`);
  if (v.every((x) => !Array.isArray(x) && !isObj(x))) {
    if (v.length <= 8 && v.every((x) => cell(x).length <= 24)) return [table({ caption: humanize(name), headers: v.map((_, r) => rowLabel(r)), rows: [v.map(cell)] })];
    return [table(cappedTable(humanize(name), ["#", "value"], v.map((x, r) => [rowLabel(r), cell(x)]), "entries", maxRows))];
  }
  if (v.every((x) => Array.isArray(x) && (x as unknown[]).every((y) => !Array.isArray(y) && !isObj(y)))) {
    const width = Math.max(...v.map((x) => (x as unknown[]).length));
    // Per agent and own type (interim utilities, marginals): the agent's type labels as columns when they fit.
    const typeCols = byAgent && v.every((x, i) => (x as unknown[]).length === frame!.types[i]!.length) && frame!.types.every((t) => t.join() === frame!.types[0]!.join());
    const headers = [byAgent ? "agent" : "#", ...Array.from({ length: width }, (_, c) => (typeCols ? `type ${frame!.types[0]![c]}` : `[${c + 1}]`))];
    return [table(cappedTable(humanize(name), headers, v.map((x, r) => [rowLabel(r), ...Array.from({ length: width }, (_, c) => cell((x as unknown[])[c]))]), "rows", maxRows))];
  }
  // Deeper nesting or objects in a list: one block per entry.
  return v.slice(0, maxRows).flatMap((x, r) => (isObj(x) ? violationBlocks(x, frame, maxRows, undefined, `${humanize(name)} ${rowLabel(r)}`) : valueBlocks(`${name} ${rowLabel(r)}`, x, frame, maxRows)));
}

/** A cell: exact numbers in lowest terms, booleans and strings as they are, null as "—". */
function cell(x: unknown): string {
  if (x === null || x === undefined) return "—";
  if (typeof x === "string") {
    if (/^-?\d+(\/\d+)?$/.test(x)) return qstr(q(x));
    return x;
  }
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  return JSON.stringify(x);
}

/** "interimUtility" → "interim utility"; keeps single letters and acronyms ("LVV", "P"). */
function humanize(k: string): string {
  if (/^[A-Z0-9]+$/.test(k) || k.length <= 2) return k;
  return k
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .split(" ")
    .map((w) => (/^[A-Z][a-z0-9]*$/.test(w) && w.length > 1 ? w.toLowerCase() : w))
    .join(" ");
}

function findProof(v: unknown): string | null {
  if (isObj(v)) for (const k of ["renderedProof", "proof"]) if (typeof v[k] === "string") return v[k] as string;
  return null;
}
