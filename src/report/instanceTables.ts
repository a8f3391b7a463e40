/**
 * An instance (environment, beliefs, mechanism) as tables: the agents and their types, valuations
 * per agent (keyed by own type under private values, by profile otherwise), the prior or per-type
 * beliefs, and the mechanism (lottery and payments per report profile, one column per agent, named
 * by the agent's label). Exact numbers as fractions; agents, types and decisions by their labels;
 * long tables capped at `maxRows` rows with an explicit "… N more profiles" note.
 */
import { qstr, type Q } from "../exact/rational.ts";
import { hasPrivateValues } from "../concepts/incentives.ts";
import type { Instance } from "../instance/types.ts";
import type { Environment } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { allProfiles, profileCount, profileIndex } from "../model/profiles.ts";
import type { Table } from "../format/table.ts";

/** Rows shown per table before "… N more" (a 3-agent, 4-type case has 64 profiles). */
export const MAX_ROWS = 24;

/** Belief tables wider than this many columns are printed one row per (own type, others' profile). */
export const MAX_BELIEF_COLUMNS = 6;

/** How an agent is named in headers and text: its label, "agent 2" when the label is a bare number. */
export function agentName(label: string): string {
  return /^\d+$/.test(label) ? `agent ${label}` : label;
}

/** Rows capped at `max`, with the note saying how many were left out (and of how many). */
export function capRows(rows: readonly (readonly string[])[], what: string, max = MAX_ROWS): { rows: (readonly string[])[]; note?: string } {
  if (rows.length <= max) return { rows: rows.slice() };
  return { rows: rows.slice(0, max), note: `… ${rows.length - max} more ${what} (${rows.length} in all; the saved file has every one)` };
}

/** A capped table (the note present only when rows were left out). */
export function cappedTable(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], what = "profiles", max = MAX_ROWS): Table {
  const c = capRows(rows, what, max);
  return c.note ? { caption, headers, rows: c.rows, note: c.note } : { caption, headers, rows: c.rows };
}

/** The type columns of a profile: one cell per agent, the type's label. */
export function profileCells(types: readonly (readonly string[])[], prof: readonly number[]): string[] {
  return prof.map((k, i) => types[i]![k]!);
}

/** "agents and their types": agent | number | types (labels, with their values when given). */
export function agentsTable(env: Pick<Environment, "agents" | "types" | "typeValues">): Table {
  const withValues = env.typeValues !== undefined;
  return {
    caption: "Agents and their types",
    headers: ["agent", "#", "types", ...(withValues ? ["type values"] : [])],
    rows: env.agents.map((a, i) => [agentName(a), String(i + 1), env.types[i]!.join(", "), ...(withValues ? [env.typeValues![i]!.map(qstr).join(", ")] : [])]),
  };
}

export function instanceTables(inst: Instance, maxRows = MAX_ROWS): Table[] {
  const env = inst.environment;
  const sizes = typeSizes(env);
  const profiles = [...allProfiles(sizes)];
  const typeHeaders = env.agents.map((a) => `type of ${agentName(a)}`);
  const out: Table[] = [agentsTable(env)];
  const pv = hasPrivateValues(env);
  env.agents.forEach((agent, i) => {
    if (pv) {
      out.push(
        cappedTable(
          `Valuations of ${agentName(agent)}: v(decision, own type)`,
          ["type", ...env.decisions],
          env.types[i]!.map((label, k) => {
            const th = profileIndex(sizes, sizes.map((_, j) => (j === i ? k : 0)));
            return [label, ...env.valuation[i]![th]!.map(qstr)];
          }),
          "types",
          maxRows,
        ),
      );
    } else {
      out.push(cappedTable(`Valuations of ${agentName(agent)}: v(decision, type profile)`, [...typeHeaders, ...env.decisions], profiles.map((p) => [...profileCells(env.types, p), ...env.valuation[i]![profileIndex(sizes, p)]!.map(qstr)]), "profiles", maxRows));
    }
  });
  if (env.reservation) {
    out.push({ caption: "Reservation utilities (IR levels)", headers: ["agent", "type", "level"], rows: env.agents.flatMap((a, i) => env.types[i]!.map((t, k) => [agentName(a), t, qstr(env.reservation![i]![k]!)])) });
  }
  const b = inst.beliefs;
  if (b?.kind === "common-prior") out.push(priorTable(env, b.prior, maxRows));
  else if (b?.kind === "per-type") out.push(...perTypeBeliefTables(env.agents, env.types, b.beliefs, [], maxRows));
  if (inst.typeSpace) {
    const ts = inst.typeSpace;
    out.push({ caption: "Type space: each agent's types (the states are the environment's type profiles)", headers: ["agent", "types"], rows: ts.agents.map((a, i) => [agentName(a), ts.types[i]!.join(", ")]) });
    out.push(...perTypeBeliefTables(ts.agents, ts.types, ts.beliefs, ts.states, maxRows));
  }
  const m = inst.mechanism;
  if (inst.strategy && m?.kind === "indirect" && inst.typeSpace) {
    const ts = inst.typeSpace;
    const st = inst.strategy;
    out.push({
      caption: "Strategies: probability of each action, per agent and type",
      headers: ["agent", "type", "action", "probability"],
      rows: ts.agents.flatMap((a, i) => ts.types[i]!.flatMap((t, k) => m.actions[i]!.map((act, c) => [agentName(a), t, act, qstr(st[i]![k]![c]!)]))),
    });
  }
  if (m?.kind === "direct") out.push(mechanismTable(env, m.allocation, m.payments, maxRows));
  else if (m?.kind === "indirect") {
    const aSizes = m.actions.map((a) => a.length);
    out.push(
      cappedTable(
        "Mechanism (indirect): probability of each decision and payment by each agent, per action profile",
        [...env.agents.map((a) => `action of ${agentName(a)}`), ...env.decisions.map((d) => `P(${d})`), ...env.agents.map((a) => `pays ${agentName(a)}`)],
        [...allProfiles(aSizes)].map((p, r) => [...profileCells(m.actions, p), ...m.outcome[r]!.map(qstr), ...m.payments[r]!.map(qstr)]),
        "action profiles",
        maxRows,
      ),
    );
  }
  return out;
}

/** The common prior, one row per type profile (a type column per agent). */
export function priorTable(env: Pick<Environment, "agents" | "types">, prior: readonly Q[], maxRows = MAX_ROWS): Table {
  const sizes = env.types.map((t) => t.length);
  return cappedTable("Common prior", [...env.agents.map((a) => `type of ${agentName(a)}`), "probability"], [...allProfiles(sizes)].map((p, r) => [...profileCells(env.types, p), qstr(prior[r]!)]), "profiles", maxRows);
}

/**
 * Per-type beliefs: for each agent, one row per own type, one column per profile of the others
 * (and per state, when `states` is non-empty: beliefs[i][t][k·|S| + s]).
 */
export function perTypeBeliefTables(agents: readonly string[], types: readonly (readonly string[])[], beliefs: readonly (readonly (readonly Q[])[])[], states: readonly string[], maxRows = MAX_ROWS): Table[] {
  return agents.map((agent, i) => {
    const others = types.filter((_, j) => j !== i);
    const otherAgents = agents.filter((_, j) => j !== i);
    const cols = [...allProfiles(others.map((t) => t.length))].flatMap((p) => {
      const who = p.map((k, c) => `${agentName(otherAgents[c]!)}: ${others[c]![k]}`).join(", ");
      return states.length ? states.map((s) => (who ? `${who}; state ${s}` : `state ${s}`)) : [who || "(no others)"];
    });
    const caption = states.length ? `Beliefs of ${agentName(agent)} about the others' types and the state` : `Beliefs of ${agentName(agent)} about the others' types`;
    // Few columns: one per others' profile (and state). Many: one row per (own type, column), capped.
    if (cols.length <= MAX_BELIEF_COLUMNS) return cappedTable(caption, ["own type", ...cols], types[i]!.map((label, k) => [label, ...beliefs[i]![k]!.map(qstr)]), "types", maxRows);
    return cappedTable(caption, ["own type", states.length ? "others' types; state" : "others' types", "probability"], types[i]!.flatMap((label, k) => cols.map((c, j) => [label, c, qstr(beliefs[i]![k]![j]!)])), "rows", maxRows);
  });
}

/** The direct mechanism: per report profile, the lottery over decisions and each agent's payment. */
export function mechanismTable(env: Pick<Environment, "agents" | "types" | "decisions">, allocation: readonly (readonly Q[])[] | null, payments: readonly (readonly Q[])[] | null, maxRows = MAX_ROWS, caption?: string): Table {
  const sizes = env.types.map((t) => t.length);
  const n = profileCount(sizes);
  const rows = [...allProfiles(sizes)].slice(0, n).map((p, r) => [...profileCells(env.types, p), ...(allocation ? allocation[r]!.map(qstr) : []), ...(payments ? payments[r]!.map(qstr) : [])]);
  return cappedTable(
    caption ?? `Mechanism: ${allocation ? "probability of each decision" : ""}${allocation && payments ? " and " : ""}${payments ? "payment by each agent" : ""}, per report profile`,
    [...env.agents.map((a) => `report of ${agentName(a)}`), ...(allocation ? env.decisions.map((d) => `P(${d})`) : []), ...(payments ? env.agents.map((a) => `pays ${agentName(a)}`) : [])],
    rows,
    "profiles",
    maxRows,
  );
}
