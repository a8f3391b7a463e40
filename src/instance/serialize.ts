/**
 * Writing an Instance in the JSON format of parse.ts: stable key order (the format's field order,
 * then agents/types/profiles/decisions in index order), 2-space indent, every number an exact
 * string. Zero entries of inner maps are omitted (they parse back to 0); a point-mass lottery is
 * written as the decision's label; a valuation that depends only on the agent's own type is keyed
 * by own type. parseInstance(serializeInstance(x)) equals x exactly.
 */
import { dependsOnOwnTypeOnly } from "../model/environment.ts";
import { type Q, qstr } from "../exact/rational.ts";
import type { Environment, Mechanism } from "../model/environment.ts";
import { profileIndex } from "../model/profiles.ts";
import { profileKeys } from "./parse.ts";
import { INSTANCE_VERSION, type Instance } from "./types.ts";

type Json = string | number | Json[] | { [k: string]: Json };

/**
 * Set an own entry keyed by a label. Plain assignment `o[label] = v` would, for the label
 * "__proto__", replace the object's prototype instead of adding an entry.
 */
function put<T>(o: { [k: string]: T }, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function sparse(names: readonly string[], xs: readonly Q[]): { [k: string]: Json } {
  const o: { [k: string]: Json } = {};
  xs.forEach((x, k) => {
    if (x.n !== 0n) put(o, names[k]!, qstr(x));
  });
  return o;
}

function lottery(names: readonly string[], xs: readonly Q[]): Json {
  const nz = xs.flatMap((x, k) => (x.n !== 0n ? [k] : []));
  if (nz.length === 1 && xs[nz[0]!]!.equals(1)) return names[nz[0]!]!;
  return sparse(names, xs);
}

function full(names: readonly string[], xs: readonly Q[]): { [k: string]: Json } {
  const o: { [k: string]: Json } = {};
  xs.forEach((x, k) => put(o, names[k]!, qstr(x)));
  return o;
}

function perAgent<T>(agents: readonly string[], f: (i: number) => T): { [k: string]: T } {
  const o: { [k: string]: T } = {};
  agents.forEach((a, i) => put(o, a, f(i)));
  return o;
}


function environmentJson(env: Environment): Json {
  const keys = profileKeys(env.types);
  const sizes = env.types.map((t) => t.length);
  const o: { [k: string]: Json } = {
    agents: [...env.agents],
    types: perAgent(env.agents, (i) => [...env.types[i]!]),
  };
  if (env.typeValues) o.typeValues = perAgent(env.agents, (i) => full(env.types[i]!, env.typeValues![i]!));
  o.decisions = [...env.decisions];
  o.valuation = perAgent(env.agents, (i) => {
    const t: { [k: string]: Json } = {};
    if (env.agents.length > 1 && dependsOnOwnTypeOnly(env, i)) {
      env.types[i]!.forEach((label, k) => {
        const prof = sizes.map((_, j) => (j === i ? k : 0));
        put(t, label, sparse(env.decisions, env.valuation[i]![profileIndex(sizes, prof)]!));
      });
    } else keys.forEach((k, th) => put(t, k, sparse(env.decisions, env.valuation[i]![th]!)));
    return t;
  });
  if (env.reservation) o.reservation = perAgent(env.agents, (i) => full(env.types[i]!, env.reservation![i]!));
  return o;
}

function paymentsJson(agents: readonly string[], keys: readonly string[], payments: readonly (readonly Q[])[]): Json | undefined {
  if (payments.every((p) => p.every((x) => x.n === 0n))) return undefined;
  const o: { [k: string]: Json } = {};
  keys.forEach((k, r) => {
    if (payments[r]!.some((x) => x.n !== 0n)) put(o, k, sparse(agents, payments[r]!));
  });
  return o;
}

function mechanismJson(env: Environment, m: Mechanism): Json {
  if (m.kind === "direct") {
    const keys = profileKeys(env.types);
    const o: { [k: string]: Json } = { kind: "direct", allocation: Object.fromEntries(keys.map((k, r) => [k, lottery(env.decisions, m.allocation[r]!)])) };
    const p = paymentsJson(env.agents, keys, m.payments);
    if (p !== undefined) o.payments = p;
    return o;
  }
  const keys = profileKeys(m.actions);
  const o: { [k: string]: Json } = {
    kind: "indirect",
    actions: perAgent(env.agents, (i) => [...m.actions[i]!]),
    outcome: Object.fromEntries(keys.map((k, a) => [k, lottery(env.decisions, m.outcome[a]!)])),
  };
  const p = paymentsJson(env.agents, keys, m.payments);
  if (p !== undefined) o.payments = p;
  return o;
}

function joint(typeKeys: readonly string[], states: readonly string[], xs: readonly Q[]): { [k: string]: Json } {
  const o: { [k: string]: Json } = {};
  xs.forEach((x, ks) => {
    if (x.n !== 0n) put(o, `${typeKeys[Math.floor(ks / states.length)]}|${states[ks % states.length]}`, qstr(x));
  });
  return o;
}

/**
 * An Instance as a JSON value in the format of parse.ts (stable key order, every number an exact
 * string); `parseInstance` reads it back exactly.
 */
export function instanceToJson(inst: Instance): Json {
  const env = inst.environment;
  const o: { [k: string]: Json } = { mechcheck: INSTANCE_VERSION };
  if (inst.name !== undefined) o.name = inst.name;
  if (inst.description !== undefined) o.description = inst.description;
  o.environment = environmentJson(env);
  if (inst.beliefs) {
    const b = inst.beliefs;
    if (b.kind === "common-prior") o.beliefs = { commonPrior: sparse(profileKeys(env.types), b.prior) };
    else {
      o.beliefs = {
        perType: perAgent(env.agents, (i) => {
          const others = profileKeys(env.types.filter((_, j) => j !== i));
          return Object.fromEntries(env.types[i]!.map((t, k) => [t, sparse(others, b.beliefs[i]![k]!)]));
        }),
      };
    }
  }
  if (inst.mechanism) o.mechanism = mechanismJson(env, inst.mechanism);
  if (inst.typeSpace) {
    const ts = inst.typeSpace;
    const t: { [k: string]: Json } = { types: perAgent(env.agents, (i) => [...ts.types[i]!]) };
    t.beliefs = perAgent(env.agents, (i) => {
      const others = profileKeys(ts.types.filter((_, j) => j !== i));
      return Object.fromEntries(ts.types[i]!.map((label, k) => [label, joint(others, ts.states, ts.beliefs[i]![k]!)]));
    });
    if (ts.prior) t.prior = joint(profileKeys(ts.types), ts.states, ts.prior);
    o.typeSpace = t;
  }
  if (inst.strategy && inst.typeSpace && inst.mechanism?.kind === "indirect") {
    const ts = inst.typeSpace;
    const m = inst.mechanism;
    o.strategy = perAgent(env.agents, (i) => Object.fromEntries(ts.types[i]!.map((label, k) => [label, lottery(m.actions[i]!, inst.strategy![i]![k]!)])));
  }
  if (inst.question) {
    const qn: { [k: string]: Json } = {};
    if (inst.question.concepts) qn.concepts = [...inst.question.concepts];
    if (inst.question.expect) qn.expect = { ...(inst.question.expect as Record<string, string>) };
    o.question = qn;
  }
  return o;
}

/**
 * An Instance as the text of an instance file (2-space indent, trailing newline); `parseInstance`
 * of it equals the instance exactly.
 */
export function serializeInstance(inst: Instance): string {
  return JSON.stringify(instanceToJson(inst), null, 2) + "\n";
}
