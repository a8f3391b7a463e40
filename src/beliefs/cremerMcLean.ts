/**
 * Crémer–McLean ([BernardMD3, Def 7.10, Lemma 7.12, Prop 7.11, *Auction with Interdependent Types*]).
 *
 * CM condition (Def 7.10): for no agent i and type τ_i is π(·|τ_i) a combination with weights
 * λ ≥ 0 of the beliefs π(·|τ'_i), τ'_i ≠ τ_i. (The slide says "linearly dependent"; the proof uses
 * Farkas' lemma with x ≥ 0, so the weights are nonnegative — for probability vectors that is a
 * convex combination.) Decided per (i, τ_i) exactly with `feasibleNonnegative` (A = columns
 * π(·|τ'_i), b = π(·|τ_i)):
 * - a combination exists: the weights λ (certificate that CM fails at (i, τ_i));
 * - none exists: the Farkas vector y_{τ_i} with E_{τ_i}[y] < 0 and E_{τ'_i}[y] ≥ 0 for τ'_i ≠ τ_i.
 *
 * Construction (proof of Prop 7.11): lotteries z_i(r_i, ·) = y_{r_i}(·) − E_{r_i}[y_{r_i}] and
 *   p'_i(r) = p_i(r) + c · z_i(r_i, r_{-i}).
 * Under truth E_{τ_i}[z_i(τ_i, ·)] = 0, so interim payments are unchanged (an *equivalent*
 * mechanism, Def 7.2); a report r_i ≠ τ_i costs c·E_{τ_i}[z_i(r_i, ·)] = c·(E_{τ_i}[y_{r_i}] −
 * E_{r_i}[y_{r_i}]) > 0 in expectation. `cMin` is the exact least c ≥ 0 making the result BIC
 * (the largest ratio gain / penalty over all deviations); any c ≥ cMin works.
 *
 * Full surplus extraction (*Auction with Interdependent Types*): efficient allocation, each agent
 * pays her value of the outcome (ex post utility 0), then the CM transform: BIC, every type's
 * interim utility exactly 0, revenue = expected surplus.
 *
 * Valuations may be interdependent (v_i(d, θ) over the full profile); beliefs may be per type.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, type QInput, qmax, qmin, qstr, sign, ZERO } from "../exact/rational.ts";
import { feasibleNonnegative } from "../lp/alternatives.ts";
import type { SolveOptions } from "../lp/solve.ts";
import { lotteryValue, numProfiles, typeSizes, type Beliefs, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles, joinProfile, othersIndex, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import { efficientAllocation, type TieRule } from "../budgetBalance/expectedExternality.ts";
import { probabilityVector, requireDirectShape } from "../model/independence.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";

/** beliefs[i][τ_i][k] = π(θ_{-i} = k | τ_i), k indexed by othersIndex. */
export type TypeBeliefs = readonly (readonly (readonly Q[])[])[];

/** Conditional beliefs of a common prior; throws "zero-probability-type" where a type has probability 0. */
export function conditionalBeliefs(sizes: readonly number[], priorInput: readonly QInput[]): Q[][][] {
  const prior = probabilityVector(priorInput, "prior", profileCount(sizes));
  return sizes.map((m, i) => {
    const os = profileCount(othersSizes(sizes, i));
    return Array.from({ length: m }, (_, ti) => {
      const row = Array.from({ length: os }, (_, k) => prior[profileIndex(sizes, joinProfile(sizes, i, ti, k))]!);
      const mass = row.reduce((a, b) => a.add(b), ZERO);
      if (mass.n === 0n) throw new MechcheckError("zero-probability-type", `prior: type ${ti} of agent ${i} has probability 0, so its belief π(·|θ_i) is undefined`, { path: "prior", value: { agent: i, type: ti } });
      return row.map((x) => x.div(mass));
    });
  });
}

/** Per-type beliefs from environment.ts Beliefs (validated). */
function typeBeliefs(sizes: readonly number[], beliefs: Beliefs): Q[][][] {
  if (beliefs.kind === "common-prior") return conditionalBeliefs(sizes, beliefs.prior);
  if (beliefs.kind !== "per-type") throw new MechcheckError("bad-beliefs", `beliefs.kind: ${JSON.stringify((beliefs as { kind: unknown }).kind)} is not "common-prior" or "per-type"`, { path: "beliefs.kind", value: (beliefs as { kind: unknown }).kind });
  if (!Array.isArray(beliefs.beliefs) || beliefs.beliefs.length !== sizes.length) throw new MechcheckError("dimension", `beliefs.beliefs: expected ${sizes.length} agents`, { path: "beliefs.beliefs", value: beliefs.beliefs?.length });
  return sizes.map((m, i) => {
    const rows = beliefs.beliefs[i]!;
    if (!Array.isArray(rows) || rows.length !== m) throw new MechcheckError("dimension", `beliefs.beliefs[${i}]: expected ${m} types`, { path: `beliefs.beliefs[${i}]`, value: rows?.length });
    return rows.map((r, ti) => probabilityVector(r, `beliefs.beliefs[${i}][${ti}]`, profileCount(othersSizes(sizes, i))));
  });
}

const expect = (belief: readonly Q[], y: readonly Q[]): Q => belief.reduce((s, p, k) => (p.n === 0n ? s : s.add(p.mul(y[k]!))), ZERO);

/**
 * The Crémer–McLean condition at one agent and type ([BernardMD3, Def 7.10]): separated, with a
 * Farkas vector y (E_{τ_i}[y] < 0 ≤ E_{τ'_i}[y]), or not, with nonnegative weights expressing its
 * belief through the others'.
 */
export type CmTypeVerdict =
  | { readonly agent: number; readonly type: number; readonly separated: true; /** E_{τ_i}[y] < 0 ≤ E_{τ'_i}[y] */ readonly y: readonly Q[] }
  | { readonly agent: number; readonly type: number; readonly separated: false; /** weights over all of i's types (own type 0): Σ λ π(·|τ') = π(·|τ_i) */ readonly weights: readonly Q[] };

/**
 * Whether the Crémer–McLean condition ([BernardMD3, Def 7.10]) holds, with the exact verdict at
 * every agent and type.
 */
export interface CremerMcLeanVerdict {
  readonly holds: boolean;
  /** perType[i][τ_i] */
  readonly perType: readonly (readonly CmTypeVerdict[])[];
}

/** Decide the CM condition exactly, with a certificate for each agent and type (see the module comment). */
export function cremerMcLeanCondition(beliefs: TypeBeliefs, opts: SolveOptions = {}): CremerMcLeanVerdict {
  let holds = true;
  const perType = beliefs.map((rows, i) =>
    rows.map((b, ti): CmTypeVerdict => {
      const others = rows.map((_, t) => t).filter((t) => t !== ti);
      if (others.length === 0) {
        // No other type: y ≡ −1 separates (E[y] = −1 < 0, nothing else to check).
        return { agent: i, type: ti, separated: true, y: b.map(() => ONE.neg()) };
      }
      const A = b.map((_, k) => others.map((t) => rows[t]![k]!));
      const res = feasibleNonnegative(A, b, { ...opts, columns: others.length });
      if (res.feasible) {
        holds = false;
        const weights = rows.map(() => ZERO);
        others.forEach((t, c) => {
          weights[t] = res.x[c]!;
        });
        return { agent: i, type: ti, separated: false, weights };
      }
      const y = res.y.slice();
      // Re-check in the belief vocabulary.
      if (sign(expect(b, y)) >= 0 || others.some((t) => sign(expect(rows[t]!, y)) < 0)) {
        throw new MechcheckError("certificate-check-failed", `internal error: Farkas vector for agent ${i}, type ${ti} does not separate the beliefs`);
      }
      return { agent: i, type: ti, separated: true, y };
    }),
  );
  return { holds, perType };
}

/** Throws "cremer-mclean-fails" naming the first type whose belief is a combination of the others. */
function requireCm(verdict: CremerMcLeanVerdict): void {
  for (const rows of verdict.perType) {
    for (const v of rows) {
      if (!v.separated) {
        const combo = v.weights.map((w, t) => (w.n === 0n ? null : `${qstr(w)}·π(·|type ${t})`)).filter(Boolean).join(" + ");
        throw new MechcheckError("cremer-mclean-fails", `beliefs[${v.agent}][${v.type}]: the Crémer–McLean condition fails: π(·|type ${v.type}) of agent ${v.agent} = ${combo}`, { path: `beliefs[${v.agent}][${v.type}]`, value: v.weights.map(qstr) });
      }
    }
  }
}

/** z[i][r_i][k] = y_{r_i}(k) − E_{r_i}[y_{r_i}]: mean zero under the reported type's own belief. */
export function separatingLotteries(beliefs: TypeBeliefs, verdict: CremerMcLeanVerdict): Q[][][] {
  requireCm(verdict);
  return beliefs.map((rows, i) =>
    rows.map((b, r) => {
      const v = verdict.perType[i]![r]!;
      if (!v.separated) throw new MechcheckError("cremer-mclean-fails", `beliefs[${i}][${r}]: not separated`);
      const m = expect(b, v.y);
      return v.y.map((x) => x.sub(m));
    }),
  );
}

/**
 * The Crémer–McLean transform of a mechanism ([BernardMD3, Prop 7.11]): the equivalent BIC
 * mechanism, the multiplier c used, the least c ≥ 0 that makes it BIC, the largest admissible c
 * (null = unbounded), and the lotteries.
 */
export interface CmMechanismResult {
  readonly mechanism: DirectMechanism;
  /** The multiplier used. */
  readonly c: Q;
  /** The least c ≥ 0 for which these lotteries make the mechanism BIC. */
  readonly cMin: Q;
  /** The largest admissible c (null = unbounded; finite only for user lotteries that reward some lie). */
  readonly cMax: Q | null;
  readonly lotteries: readonly (readonly (readonly Q[])[])[];
}

/**
 * Options of the Crémer–McLean transform: the multiplier c (default cMin; must lie in [cMin,
 * cMax]), lotteries to use instead of the Farkas ones, and solver options.
 */
export interface CmMechanismOptions extends SolveOptions {
  /** Multiplier c (default: cMin). Must lie in [cMin, cMax]. */
  readonly c?: QInput;
  /** Lotteries z[i][r_i][k] to use instead of the Farkas ones; each must have E_{r_i}[z(r_i, ·)] = 0. */
  readonly lotteries?: readonly (readonly (readonly QInput[])[])[];
}

function validateLotteries(beliefs: TypeBeliefs, input: readonly (readonly (readonly QInput[])[])[]): Q[][][] {
  if (!Array.isArray(input) || input.length !== beliefs.length) throw new MechcheckError("dimension", `lotteries: expected ${beliefs.length} agents`, { path: "lotteries", value: input?.length });
  return beliefs.map((rows, i) => {
    const zi = input[i]!;
    if (!Array.isArray(zi) || zi.length !== rows.length) throw new MechcheckError("dimension", `lotteries[${i}]: expected ${rows.length} reports`, { path: `lotteries[${i}]`, value: zi?.length });
    return rows.map((b, r) => {
      const zr = zi[r]!;
      if (!Array.isArray(zr) || zr.length !== b.length) throw new MechcheckError("dimension", `lotteries[${i}][${r}]: expected ${b.length} entries`, { path: `lotteries[${i}][${r}]`, value: zr?.length });
      const z = zr.map((x, k) => q(x, `lotteries[${i}][${r}][${k}]`));
      const m = expect(b, z);
      if (m.n !== 0n) throw new MechcheckError("not-equivalent", `lotteries[${i}][${r}]: the lottery has mean ${qstr(m)} ≠ 0 under type ${r}'s own belief, so interim payments would change`, { path: `lotteries[${i}][${r}]`, value: qstr(m) });
      return z;
    });
  });
}

/**
 * Interim utility of agent i of true type τ reporting r (others truthful) under payments `pay`:
 * Σ_k π(k|τ) [v_i(q(r, k), (τ, k)) − pay(r, k)].
 */
function interimUtility(env: Environment, beliefs: TypeBeliefs, allocation: readonly (readonly Q[])[], pay: (rep: number) => Q, i: number, tau: number, r: number): Q {
  const sizes = typeSizes(env);
  const b = beliefs[i]![tau]!;
  let s = ZERO;
  b.forEach((p, k) => {
    if (p.n === 0n) return;
    const truth = profileIndex(sizes, joinProfile(sizes, i, tau, k));
    const rep = profileIndex(sizes, joinProfile(sizes, i, r, k));
    s = s.add(p.mul(lotteryValue(env, i, truth, allocation[rep]!).sub(pay(rep))));
  });
  return s;
}

/** Prop 7.11: an equivalent BIC mechanism p' = p + c·z (see the module comment). Throws if CM fails. */
export function cremerMcLeanMechanism(env: Environment, beliefsInput: Beliefs | TypeBeliefs, mech: DirectMechanism, opts: CmMechanismOptions = {}): CmMechanismResult {
  requireDirectShape(env, mech);
  const sizes = typeSizes(env);
  const beliefs = Array.isArray(beliefsInput) ? typeBeliefs(sizes, { kind: "per-type", beliefs: beliefsInput as TypeBeliefs }) : typeBeliefs(sizes, beliefsInput as Beliefs);
  const z = opts.lotteries !== undefined ? validateLotteries(beliefs, opts.lotteries) : separatingLotteries(beliefs, cremerMcLeanCondition(beliefs, opts));
  let lo = ZERO;
  let hi: Q | null = null;
  for (let i = 0; i < env.agents.length; i++) {
    for (let tau = 0; tau < sizes[i]!; tau++) {
      const truthful = interimUtility(env, beliefs, mech.allocation, (rep) => mech.payments[rep]![i]!, i, tau, tau);
      for (let r = 0; r < sizes[i]!; r++) {
        if (r === tau) continue;
        const gain = interimUtility(env, beliefs, mech.allocation, (rep) => mech.payments[rep]![i]!, i, tau, r).sub(truthful);
        const penalty = expect(beliefs[i]![tau]!, z[i]![r]!); // E_τ[z(r, ·)]; E_τ[z(τ, ·)] = 0
        // need gain − c·penalty ≤ 0
        if (sign(penalty) > 0) lo = qmax(lo, gain.div(penalty));
        else if (sign(penalty) < 0) hi = hi === null ? gain.div(penalty) : qmin(hi, gain.div(penalty));
        else if (sign(gain) > 0) {
          throw new MechcheckError("no-multiplier", `lotteries[${i}][${r}]: type ${tau} of agent ${i} gains ${qstr(gain)} by reporting ${r} and the lottery does not penalize it; no multiplier c makes the mechanism BIC`, { path: `lotteries[${i}][${r}]`, value: qstr(gain) });
        }
      }
    }
  }
  if (hi !== null && hi.compare(lo) < 0) throw new MechcheckError("no-multiplier", `lotteries: no multiplier c makes the mechanism BIC (need c ≥ ${qstr(lo)} and c ≤ ${qstr(hi)})`, { path: "lotteries", value: [qstr(lo), qstr(hi)] });
  const c = opts.c === undefined ? lo : q(opts.c, "c");
  if (c.compare(lo) < 0 || (hi !== null && c.compare(hi) > 0)) {
    throw new MechcheckError("bad-multiplier", `c: ${qstr(c)} does not make the mechanism BIC; it must lie in [${qstr(lo)}, ${hi === null ? "∞" : qstr(hi)}]`, { path: "c", value: qstr(c) });
  }
  const payments: Q[][] = [];
  for (const prof of allProfiles(sizes)) {
    const t = profileIndex(sizes, prof);
    payments.push(env.agents.map((_, i) => mech.payments[t]![i]!.add(c.mul(z[i]![prof[i]!]![othersIndex(sizes, prof, i)]!))));
  }
  return { mechanism: { kind: "direct", allocation: mech.allocation.map((r) => r.slice()), payments }, c, cMin: lo, cMax: hi, lotteries: z };
}

/** The efficient allocation with payments p_i(θ) = v_i(q(θ), θ): every type's ex post utility is 0 (IR, not IC). */
export function fullInformationMechanism(env: Environment, tie: TieRule = "uniform"): DirectMechanism {
  const allocation = efficientAllocation(env, tie);
  const payments: Q[][] = [];
  for (let t = 0; t < numProfiles(env); t++) payments.push(env.agents.map((_, i) => lotteryValue(env, i, t, allocation[t]!)));
  return { kind: "direct", allocation, payments };
}

/** Full surplus extraction under CM: the full-information mechanism made BIC by Prop 7.11. */
export function fullSurplusExtraction(env: Environment, beliefs: Beliefs | TypeBeliefs, opts: CmMechanismOptions & { readonly tie?: TieRule } = {}): CmMechanismResult {
  return cremerMcLeanMechanism(env, beliefs, fullInformationMechanism(env, opts.tie ?? "uniform"), opts);
}

// ------------------------------------------------------------------ the notes' two examples

/** Two agents' profile tables of pairs (agent 1's entry, agent 2's entry), rows = agent 1's type. */
export type PairTable = readonly (readonly (readonly [string, string])[])[];

/**
 * A Crémer–McLean example as the slide gives it ([BernardMD3, *Auction with Interdependent
 * Types*]): the environment, the common prior, and the slide's remaining tables as claims to be
 * checked, not trusted.
 */
export interface CmExample {
  readonly env: Environment;
  /** The common prior as the slide gives it, prior[θ] in profile order (row = agent 1's type). */
  readonly prior: readonly Q[];
  /** The slide's remaining tables, transcribed as claims (strings as printed) — to be checked, not trusted. */
  readonly slide: Readonly<Record<string, PairTable>>;
}

/** Profile table from a pair table: out[θ] = [entry for agent 1, entry for agent 2]. */
export function pairTableToProfiles(table: PairTable): Q[][] {
  return table.flatMap((row, a) => row.map((cell, b) => [q(cell[0], `table[${a}][${b}][0]`), q(cell[1], `table[${a}][${b}][1]`)]));
}

/**
 * The example of [BernardMD3, *Auction of an Indivisible Good*]: two buyers, Θ_i = {v1, v2, v3}, type v_k values the
 * good at k; the joint pmf of the slide (row = buyer 1's type): 0.2 0.1 0.05 / 0.1 0.1 0.1 /
 * 0.05 0.1 0.2. Slide tables: allocation (ties split), IR payments, belief elicitation y (player 1's
 * entry y_1(r_1, θ_2) at row r_1; the table is symmetric), and the optimal payments (= IR + 1·y).
 */
export function auctionOfAnIndivisibleGood(): CmExample {
  const env = singleObjectEnvironment([
    [1, 2, 3],
    [1, 2, 3],
  ]);
  const prior = ["0.2", "0.1", "0.05", "0.1", "0.1", "0.1", "0.05", "0.1", "0.2"].map((x) => q(x));
  return {
    env: { ...env, types: [["v1", "v2", "v3"], ["v1", "v2", "v3"]] },
    prior,
    slide: {
      allocation: [
        [["1/2", "1/2"], ["0", "1"], ["0", "1"]],
        [["1", "0"], ["1/2", "1/2"], ["0", "1"]],
        [["1", "0"], ["1", "0"], ["1/2", "1/2"]],
      ],
      irPayments: [
        [["1/2", "1/2"], ["0", "2"], ["0", "3"]],
        [["2", "0"], ["1", "1"], ["0", "3"]],
        [["3", "0"], ["3", "0"], ["3/2", "3/2"]],
      ],
      beliefElicitation: [
        [["-3", "-3"], ["3", "3"], ["6", "6"]],
        [["3", "3"], ["-6", "-6"], ["3", "3"]],
        [["6", "6"], ["3", "3"], ["-3", "-3"]],
      ],
      optimalPayments: [
        [["-5/2", "-5/2"], ["3", "5"], ["6", "9"]],
        [["5", "3"], ["-5", "-5"], ["3", "6"]],
        [["9", "6"], ["6", "3"], ["-3/2", "-3/2"]],
      ],
    },
  };
}

/**
 * The example of [BernardMD3, *Yet Another Auction*]: buyer 1 has values {0, 2} (types v0, v2), buyer 2 values
 * {1, 4, 5} (types v1, v4, v5); joint pmf (row = buyer 1): 1/11 2/11 2/11 / 2/11 2/11 2/11.
 * Slide claims: types are correlated; CM fails (v4 and v5 of buyer 2 share the belief (1/2, 1/2));
 * the efficient allocation; payments "IR and IC(v4, v5)"; and buyer 2's belief-elicitation
 * lottery y_2(r_2, θ_1) (buyer 1's entry 0), given as rows θ_1 ∈ {v0, v2}, columns r_2.
 */
export function yetAnotherAuction(): CmExample {
  const env = singleObjectEnvironment([
    [0, 2],
    [1, 4, 5],
  ]);
  const prior = ["1/11", "2/11", "2/11", "2/11", "2/11", "2/11"].map((x) => q(x));
  return {
    env: { ...env, types: [["v0", "v2"], ["v1", "v4", "v5"]] },
    prior,
    slide: {
      allocation: [
        [["0", "1"], ["0", "1"], ["0", "1"]],
        [["1", "0"], ["0", "1"], ["0", "1"]],
      ],
      payments: [
        [["0", "1"], ["0", "4"], ["0", "4"]],
        [["2", "0"], ["0", "4"], ["0", "4"]],
      ],
      beliefElicitation: [
        [["0", "2"], ["0", "-1"], ["0", "-1"]],
        [["0", "-1"], ["0", "1"], ["0", "1"]],
      ],
    },
  };
}

/** A pair table's entries for one agent as lotteries z[i][r_i][k] (for two agents; agent 1 = rows). */
export function pairTableAsLotteries(table: PairTable, sizes: readonly [number, number]): Q[][][] {
  const z0 = Array.from({ length: sizes[0] }, (_, r) => Array.from({ length: sizes[1] }, (_, k) => q(table[r]![k]![0])));
  const z1 = Array.from({ length: sizes[1] }, (_, r) => Array.from({ length: sizes[0] }, (_, k) => q(table[k]![r]![1])));
  return [z0, z1];
}
