/**
 * Monotone mechanisms for one-dimensional types ([BrooksExPost2023, *The optimal multipliers*]: "a mechanism
 * is IC for bidder i given v_{-i} iff the allocation q_i(v_i, v_{-i}) is non-decreasing in v_i";
 * [ChungEly2002, Theorem 2]: h_i(f(s_{-i}, s_i)) non-decreasing in s_i; [Mishra2020, *IC Characterization*]).
 *
 * "Allocation" of agent i is measured by weights h_i(d) on decisions: the mechanism is monotone if
 * Σ_d allocation[θ][d]·h_i(d) is weakly increasing in θ_i's value for every θ_{-i}. Without an
 * explicit `h`, it is inferred from an affine one-dimensional env: v_i(d, θ) = h_i(d)·t_i + g_i(d)
 * with t_i = typeValues[i][θ_i] (auctions: h_i(d) = [d = "bidder i wins"]; bilateral trade: buyer
 * h = (1, 0), seller h = (0, 1) for (trade, no-trade); public goods: h = (1, 0)).
 *
 * Construction: a random mixture of affine maximisers d*(θ) = first argmax_d Σ_i w_i(θ_i)·h_i(d) + c(d),
 * with w_i non-decreasing in t_i. Each is monotone by revealed preference: if d maximises at w_i
 * and d' at w'_i > w_i, adding the two optimality inequalities gives (w'_i − w_i)(h_i(d') − h_i(d)) ≥ 0
 * (ties are harmless: this holds for any maximisers); mixtures preserve weak monotonicity.
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ZERO, q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { allProfiles, profileAt, profileIndex, withEntry } from "../model/profiles.ts";
import { distribution, intArray, paymentTable, type PaymentOptions } from "./options.ts";

/**
 * Options of `monotoneMechanism`: PaymentOptions and the allocation weights h[i][d] (default:
 * inferred from an affine one-dimensional environment).
 */
export interface MonotoneOptions extends PaymentOptions {
  /** Allocation weights h[i][d]; default: inferred (see module doc). */
  readonly h?: readonly (readonly Q[])[];
  /** Most affine maximisers mixed (default 2; shrinks to 1, a deterministic rule). */
  readonly maxComponents?: number;
  /** Score increments and constants are integers in [0, maxWeight] (default 3). */
  readonly maxWeight?: number;
}

/** Rank of each type among agent i's distinct type values (index order without typeValues). */
export function typeRanks(env: Pick<Environment, "types" | "typeValues">, i: number): number[] {
  const vals = env.typeValues?.[i];
  if (!vals) return env.types[i]!.map((_, k) => k);
  const distinct: Q[] = [];
  for (const v of vals) if (!distinct.some((x) => x.compare(v) === 0)) distinct.push(v);
  distinct.sort((a, b) => a.compare(b));
  return vals.map((v) => distinct.findIndex((x) => x.compare(v) === 0));
}

/**
 * Infer h_i with v_i(d, θ) = h_i(d)·t_i + g_i(d) exactly (h_i = 0 for one-type agents); throws
 * MechcheckError "not-one-dimensional" when the env is not of that form.
 */
export function inferAllocationWeights(env: Environment): Q[][] {
  const sizes = typeSizes(env);
  return env.agents.map((_, i) => {
    const D = env.decisions.length;
    if (sizes[i]! < 2) return new Array<Q>(D).fill(ZERO);
    const tv = env.typeValues?.[i];
    if (!tv) throw new MechcheckError("not-one-dimensional", `monotoneMechanism: agent ${i + 1} has no typeValues; pass h explicitly`, { path: `typeValues[${i}]` });
    const base = new Array<number>(sizes.length).fill(0);
    const b = tv.findIndex((t) => t.compare(tv[0]!) !== 0);
    if (b < 0) return new Array<Q>(D).fill(ZERO);
    const th0 = profileIndex(sizes, base);
    const th1 = profileIndex(sizes, withEntry(base, i, b));
    const dt = tv[b]!.sub(tv[0]!);
    const h = env.decisions.map((_, d) => env.valuation[i]![th1]![d]!.sub(env.valuation[i]![th0]![d]!).div(dt));
    const g = h.map((hd, d) => env.valuation[i]![th0]![d]!.sub(hd.mul(tv[0]!)));
    for (const p of allProfiles(sizes)) {
      const th = profileIndex(sizes, p);
      for (let d = 0; d < D; d++) {
        if (env.valuation[i]![th]![d]!.compare(h[d]!.mul(tv[p[i]!]!).add(g[d]!)) !== 0) {
          throw new MechcheckError("not-one-dimensional", `monotoneMechanism: v_${i + 1} is not affine in agent ${i + 1}'s type value; pass h explicitly`, {
            path: `valuation[${i}][${th}][${d}]`,
          });
        }
      }
    }
    return h;
  });
}

/** A random monotone direct mechanism (w.r.t. `h`) with arbitrary payments. */
export function monotoneMechanism(env: Environment, opts: MonotoneOptions = {}): fc.Arbitrary<DirectMechanism> {
  const h = opts.h ?? inferAllocationWeights(env);
  const sizes = typeSizes(env);
  const n = sizes.length;
  const D = env.decisions.length;
  const P = numProfiles(env);
  const W = Math.max(1, opts.maxWeight ?? 3);
  const ranks = env.agents.map((_, i) => typeRanks(env, i));
  const rankCounts = ranks.map((r) => Math.max(0, ...r) + 1);
  const perComponent = rankCounts.reduce((a, b) => a + b, 0) + D;
  return fc.integer({ min: 1, max: Math.max(1, opts.maxComponents ?? 2) }).chain((K) =>
    fc.tuple(intArray(K * perComponent, 0, W), distribution(K, W, true), paymentTable(P, n, opts)).map(([flat, mixture, payments]): DirectMechanism => {
      const allocation: Q[][] = Array.from({ length: P }, () => new Array<Q>(D).fill(ZERO));
      for (let k = 0; k < K; k++) {
        let o = k * perComponent;
        // w[i][rank] = cumulative increments: non-decreasing in the type value
        const w = rankCounts.map((R) => {
          const out: number[] = [];
          let acc = 0;
          for (let r = 0; r < R; r++) out.push((acc += flat[o++]!));
          return out;
        });
        const c = flat.slice(o, o + D);
        for (let th = 0; th < P; th++) {
          const p = profileAt(sizes, th);
          let best = -1;
          let bestScore = ZERO;
          for (let d = 0; d < D; d++) {
            let score = q(c[d]!);
            for (let i = 0; i < n; i++) score = score.add(h[i]![d]!.mul(q(w[i]![ranks[i]![p[i]!]!]!)));
            if (best < 0 || score.compare(bestScore) > 0) {
              best = d;
              bestScore = score;
            }
          }
          allocation[th]![best] = allocation[th]![best]!.add(mixture[k]!);
        }
      }
      return { kind: "direct", allocation, payments };
    }),
  );
}
