/**
 * Which DSIC efficient mechanisms are Groves, on a finite private-values domain ([BernardMD3, Def 6.16];
 * Holmström's theorem, cited there, needs a connected domain).
 *
 * Fix an efficient rule q, agent i and the others' reports k. Write a(θ_i) = p_i(θ_i, k) +
 * Σ_{j≠i} v_j(q(θ_i, k), k_j): the mechanism is Groves iff every a(·) is constant in θ_i. DSIC at
 * (i, k) is exactly the system of difference constraints
 *     a(x) − a(y) ≤ g(x, y) := S(q(x,k), (x,k)) − S(q(y,k), (x,k))  ≥ 0   (S = total surplus),
 * so max { a(x) − a(y) : DSIC } = d(x, y), the shortest-path distance with lengths g, and a
 * non-Groves DSIC efficient mechanism exists iff some d(x, y) > 0. It is built explicitly: the
 * pivot mechanism with p_i(z, k) increased by d(z, y) (a feasible potential by the triangle
 * inequality).
 */
import { type Q, ZERO } from "../exact/rational.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { surplus, typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import { efficientDecisionRule, othersValue, pivotMechanism } from "../mechanisms/vcg.ts";

/** g[x][y] for agent i and others' profile k (private values: S read at the true profile (x, k)). */
export function deviationGains(env: Environment, rule: readonly number[], i: number, k: number): Q[][] {
  const sizes = typeSizes(env);
  const m = sizes[i]!;
  const th = (x: number) => profileIndex(sizes, joinProfile(sizes, i, x, k));
  return Array.from({ length: m }, (_, x) => Array.from({ length: m }, (_, y) => (x === y ? ZERO : surplus(env, th(x), rule[th(x)]!).sub(surplus(env, th(x), rule[th(y)]!)))));
}

/** All-pairs shortest paths (Floyd–Warshall), exact. Lengths must admit no negative cycle (here g ≥ 0). */
export function shortestPaths(g: readonly (readonly Q[])[]): Q[][] {
  const m = g.length;
  const d = g.map((row) => row.slice());
  for (let z = 0; z < m; z++) for (let x = 0; x < m; x++) for (let y = 0; y < m; y++) {
    const via = d[x]![z]!.add(d[z]![y]!);
    if (via.compare(d[x]![y]!) < 0) d[x]![y] = via;
  }
  return d;
}

/**
 * A DSIC efficient mechanism that is not Groves (on a finite domain; [BernardMD3, Def 6.16]): the
 * agent, others' reports and two types where a(x) − a(y) can be the positive gap d(x, y), and the
 * mechanism built from it.
 */
export interface NonGrovesWitness {
  readonly agent: number;
  readonly others: number;
  readonly typeX: number;
  readonly typeY: number;
  /** d(x, y) > 0: by how much a(x) − a(y) may exceed 0. */
  readonly gap: Q;
  readonly mechanism: DirectMechanism;
  /** a(x) and a(y) in the built mechanism: p_i + Σ_{j≠i} v_j at the two own types. */
  readonly aX: Q;
  readonly aY: Q;
}

/** Search every (i, k, x, y) for d(x, y) > 0 and build the non-Groves mechanism; null if all are 0. */
export function findNonGrovesDsicEfficient(env: Environment): NonGrovesWitness | null {
  const sizes = typeSizes(env);
  const rule = efficientDecisionRule(env);
  for (let i = 0; i < sizes.length; i++) {
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
      const d = shortestPaths(deviationGains(env, rule, i, k));
      for (let x = 0; x < sizes[i]!; x++) for (let y = 0; y < sizes[i]!; y++) {
        if (x === y || d[x]![y]!.compare(ZERO) <= 0) continue;
        const base = pivotMechanism(env);
        const payments = base.payments.map((row) => row.slice());
        for (let z = 0; z < sizes[i]!; z++) {
          const th = profileIndex(sizes, joinProfile(sizes, i, z, k));
          payments[th]![i] = payments[th]![i]!.add(d[z]![y]!);
        }
        const mechanism: DirectMechanism = { kind: "direct", allocation: base.allocation, payments };
        const a = (z: number) => {
          const th = profileIndex(sizes, joinProfile(sizes, i, z, k));
          return payments[th]![i]!.add(othersValue(env, i, th, rule[th]!));
        };
        return { agent: i, others: k, typeX: x, typeY: y, gap: d[x]![y]!, mechanism, aX: a(x), aY: a(y) };
      }
    }
  }
  return null;
}
