/**
 * Building blocks of negative controls (Theorem.negativeControls): known-bad inputs derived from
 * the model — a mechanism with one payment shifted, a constant (inefficient) rule, a refutation's
 * saved counterexample — never a hand-typed verdict. test/theorem/negative-controls.test.ts runs
 * every control of every id and requires `ok: false`.
 */
import { q, type Q } from "../../src/exact/rational.ts";
import { pointMassAllocation, numProfiles, type DirectMechanism, type Environment } from "../../src/model/environment.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";
import type { CaseCodec, NegativeControl } from "../../src/theorem/types.ts";
import { ZERO } from "../../src/exact/rational.ts";
import { allProfiles } from "../../src/model/profiles.ts";

/** The mechanism with agent `agent`'s payment at report profile `profile` raised by `delta`. */
export function shiftPayment(mech: DirectMechanism, profile: number, agent: number, delta: Q | number = 1): DirectMechanism {
  const d = typeof delta === "number" ? q(delta) : delta;
  return { ...mech, payments: mech.payments.map((row, r) => (r === profile ? row.map((p, i) => (i === agent ? p.add(d) : p)) : row)) };
}

/** The mechanism with every payment raised by `delta` (breaks budget balance and IR margins, keeps IC). */
export function shiftAllPayments(mech: DirectMechanism, delta: Q | number): DirectMechanism {
  const d = typeof delta === "number" ? q(delta) : delta;
  return { ...mech, payments: mech.payments.map((row) => row.map((p) => p.add(d))) };
}

/** Always decision `d`, no payments: DSIC, budget balanced, and inefficient wherever d is not best. */
export function constantMechanism(env: Environment, d = 0): DirectMechanism {
  const P = numProfiles(env);
  return { kind: "direct", allocation: pointMassAllocation(env, new Array<number>(P).fill(d)), payments: Array.from({ length: P }, () => env.agents.map(() => ZERO)) };
}

/** The saved counterexamples of a refutation (its naive statement's check must fail on each), decoded. */
export function savedCases<T>(id: string, codec: CaseCodec<T>): T[] {
  return loadCounterexamples(STORE_ROOT, id)
    .filter((r) => r.record.expect === "fails")
    .map((r) => codec.decode(r.record.instance));
}

/** A control replaying a refutation's first saved counterexample through its own check. */
export function savedCaseControl<T>(id: string, codec: CaseCodec<T>): NegativeControl<T> {
  return {
    name: "saved counterexample",
    why: `the minimal counterexample saved in the store for ${id}: the naive statement's check must fail on it`,
    input: () => {
      const xs = savedCases(id, codec);
      if (xs.length === 0) throw new Error(`no saved counterexample for ${id}`);
      return xs[0]!;
    },
  };
}

/**
 * A private-values environment from per-agent, per-own-type value rows: rows[i][t][d] = v_i(d | θ_i = t).
 * Agents "1", "2", …, types "t1", …, decisions "d1", ….
 */
export function privateEnvironment(rows: readonly (readonly (readonly number[])[])[]): Environment {
  const sizes = rows.map((r) => r.length);
  const D = rows[0]![0]!.length;
  const profiles = [...allProfiles(sizes)];
  return {
    agents: rows.map((_, i) => String(i + 1)),
    types: rows.map((r) => r.map((_, k) => `t${k + 1}`)),
    decisions: Array.from({ length: D }, (_, d) => `d${d + 1}`),
    valuation: rows.map((r, i) => profiles.map((p) => r[p[i]!]!.map((v) => q(v)))),
  };
}
