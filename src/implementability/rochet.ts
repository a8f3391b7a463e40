/**
 * Implementability of a deterministic decision rule on a finite type set, one agent at a time
 * (dominant-strategy incentive compatibility decomposes over agents and the others' reports).
 *
 * A one-agent problem: types t = 0..T−1, outcomes o = 0..O−1, values v[t][o] (rational), a rule
 * f: type → outcome. Payments p (paid by the agent) implement f iff for all s, t:
 *     v[t][f(t)] − p(t) ≥ v[t][f(s)] − p(s),   i.e.   p(t) − p(s) ≤ ℓ(s→t) := v[t][f(t)] − v[t][f(s)].
 * These are the difference constraints of the allocation graph (an edge s→t of length ℓ(s→t)), so
 * [Rochet1987, Thm 1]: f is implementable iff no cycle of the graph has negative length (cycle
 * monotonicity), and then the shortest-path distances from a virtual source (a 0-length edge into
 * every type) are payments. Bellman–Ford on exact rationals returns either those payments or a
 * negative cycle — each a certificate checked independently below.
 *
 * Weak monotonicity [Bikhchandani2006] is cycle monotonicity on 2-cycles only:
 * ℓ(s→t) + ℓ(t→s) ≥ 0 for every pair. It suffices on convex domains [SaksYu2005, Thm 1], not on
 * finite ones (the catalogue's `weak-monotonicity-finite`).
 */
import { q, qstr, ZERO, type Q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import { dsicTransfersLp } from "../concepts/transfers.ts";
import { solve } from "../lp/solve.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import type { Environment } from "../model/environment.ts";

/** A one-agent implementability problem: values[t][o] and the rule's outcome per type. */
export interface OneAgentRule {
  readonly values: readonly (readonly Q[])[];
  readonly rule: readonly number[];
}

/**
 * The verdict of `rochet` ([Rochet1987, Thm 1]): implementable with payments, or not with a
 * negative-length cycle of the allocation graph and its exact length.
 */
export type RochetVerdict =
  | { readonly implementable: true; readonly payments: readonly Q[] }
  | { readonly implementable: false; readonly cycle: readonly number[]; readonly length: Q };

/** ℓ(s→t) = v[t][f(t)] − v[t][f(s)]: what type t gives up in value by being treated as s, at most the payment gap. */
export function edgeLength(x: OneAgentRule, s: number, t: number): Q {
  const vt = x.values[t]!;
  return vt[x.rule[t]!]!.sub(vt[x.rule[s]!]!);
}

/** Length of the closed walk c[0] → c[1] → … → c[k−1] → c[0]. */
export function cycleLength(x: OneAgentRule, cycle: readonly number[]): Q {
  let sum = ZERO;
  for (let k = 0; k < cycle.length; k++) sum = sum.add(edgeLength(x, cycle[k]!, cycle[(k + 1) % cycle.length]!));
  return sum;
}

/** Validate a one-agent problem (user-provoked inputs go through here): a MechcheckError with the field path. */
export function validateOneAgentRule(x: OneAgentRule, where = "case"): void {
  const T = x.values.length;
  if (T < 1) throw new MechcheckError("bad-case", `${where}.values: need at least one type`, { path: `${where}.values`, value: T });
  const O = x.values[0]!.length;
  if (O < 1) throw new MechcheckError("bad-case", `${where}.values[0]: need at least one outcome`, { path: `${where}.values[0]`, value: O });
  x.values.forEach((row, t) => {
    if (row.length !== O) throw new MechcheckError("bad-case", `${where}.values[${t}]: ${row.length} outcomes, expected ${O}`, { path: `${where}.values[${t}]`, value: row.length });
  });
  if (x.rule.length !== T) throw new MechcheckError("bad-case", `${where}.rule: ${x.rule.length} entries, expected one per type (${T})`, { path: `${where}.rule`, value: x.rule.length });
  x.rule.forEach((o, t) => {
    if (!Number.isInteger(o) || o < 0 || o >= O) throw new MechcheckError("bad-case", `${where}.rule[${t}] = ${o}: not an outcome index in [0, ${O - 1}]`, { path: `${where}.rule[${t}]`, value: o });
  });
}

/**
 * Bellman–Ford from a virtual source on exact rationals. After T rounds without change the distances
 * are payments; otherwise a vertex relaxed in round T lies downstream of a negative cycle, which
 * is recovered by walking predecessors T times and then around the loop.
 */
export function rochet(x: OneAgentRule): RochetVerdict {
  validateOneAgentRule(x);
  const T = x.values.length;
  const dist: Q[] = new Array<Q>(T).fill(ZERO);
  const pred: number[] = new Array<number>(T).fill(-1);
  let last = -1;
  for (let round = 0; round < T; round++) {
    last = -1;
    for (let s = 0; s < T; s++) {
      for (let t = 0; t < T; t++) {
        if (s === t) continue;
        const cand = dist[s]!.add(edgeLength(x, s, t));
        if (cand.compare(dist[t]!) < 0) {
          dist[t] = cand;
          pred[t] = s;
          last = t;
        }
      }
    }
    if (last < 0) return { implementable: true, payments: dist };
  }
  let v = last;
  for (let k = 0; k < T; k++) v = pred[v]!;
  const cycle: number[] = [];
  let u = v;
  do {
    cycle.push(u);
    u = pred[u]!;
  } while (u !== v);
  cycle.reverse(); // pred points backwards; the cycle in edge order
  return { implementable: false, cycle, length: cycleLength(x, cycle) };
}

/** Independent check of payments: every IC constraint, exactly. Returns the first violated (t, s) or null. */
export function firstICViolation(x: OneAgentRule, payments: readonly Q[]): { readonly type: number; readonly report: number; readonly gain: Q } | null {
  const T = x.values.length;
  for (let t = 0; t < T; t++) {
    const vt = x.values[t]!;
    const truth = vt[x.rule[t]!]!.sub(payments[t]!);
    for (let s = 0; s < T; s++) {
      const gain = vt[x.rule[s]!]!.sub(payments[s]!).sub(truth);
      if (gain.compare(ZERO) > 0) return { type: t, report: s, gain };
    }
  }
  return null;
}

/** Weak monotonicity: every 2-cycle has nonnegative length. Returns the first violating pair or null. */
export function weakMonotonicityViolation(x: OneAgentRule): readonly [number, number] | null {
  const T = x.values.length;
  for (let s = 0; s < T; s++) for (let t = s + 1; t < T; t++) if (edgeLength(x, s, t).add(edgeLength(x, t, s)).compare(ZERO) < 0) return [s, t];
  return null;
}

/** Semantic JSON of a one-agent problem (values as exact strings). */
export function oneAgentToJson(x: OneAgentRule): { values: string[][]; rule: number[] } {
  return { values: x.values.map((r) => r.map(qstr)), rule: [...x.rule] };
}

/**
 * Read a one-agent rule from its JSON form `{ values: string[][], rule: number[] }` (values exact);
 * a malformed one is a MechcheckError "bad-case" naming the field at `where`.
 */
export function oneAgentFromJson(j: unknown, where = "case"): OneAgentRule {
  const o = j as { values?: unknown; rule?: unknown };
  if (typeof o !== "object" || o === null || !Array.isArray(o.values) || !Array.isArray(o.rule)) {
    throw new MechcheckError("bad-case", `${where}: expected { values: string[][], rule: number[] }`, { path: where, value: j });
  }
  const values = o.values.map((row: unknown, t: number) => {
    if (!Array.isArray(row)) throw new MechcheckError("bad-case", `${where}.values[${t}]: expected an array`, { path: `${where}.values[${t}]`, value: row });
    return row.map((v: unknown, k: number) => q(v as string, `${where}.values[${t}][${k}]`));
  });
  const x: OneAgentRule = { values, rule: o.rule as number[] };
  validateOneAgentRule(x, where);
  return x;
}

/** The one-agent problem as an Environment (agent "1", types t1.., decisions d1..), e.g. for the transfers LP. */
export function oneAgentEnvironment(x: OneAgentRule): Environment {
  return {
    agents: ["1"],
    types: [x.values.map((_, t) => `t${t + 1}`)],
    decisions: x.values[0]!.map((_, o) => `d${o + 1}`),
    valuation: [x.values.map((row) => [...row])],
  };
}

/** Whether the transfers LP (src/concepts/transfers.ts) is feasible for the rule: an independent decision. */
export function lpImplementable(x: OneAgentRule): boolean {
  return solve(dsicTransfersLp(oneAgentEnvironment(x), x.rule).model).status !== "infeasible";
}

/** The JSON codec of one-agent rules (saved counterexamples): `oneAgentToJson` and `oneAgentFromJson`. */
export const oneAgentCodec: CaseCodec<OneAgentRule> = { encode: oneAgentToJson, decode: (j) => oneAgentFromJson(j) };
