/** Efficient selections of finite private-value environments and the Groves characterization for a fixed selection ([Holmstrom1979]; [BernardMD3, Def 6.16]), shared by the dsic-efficient-is-groves family. */
import fc from "fast-check";
import { efficientDecisions, isDSIC, isExPostEfficient } from "../../concepts/index.ts";
import { deviationGains, findNonGrovesDsicEfficient, shortestPaths } from "../../budgetBalance/grovesCharacterization.ts";
import { privateValuesEnvironment } from "../../generators/index.ts";
import type { Instance } from "../../instance/index.ts";
import { solve } from "../../lp/solve.ts";
import { LpBuilder } from "../../lp/model.ts";
import { numProfiles, typeSizes, type Environment } from "../../model/environment.ts";
import { othersSizes, profileCount } from "../../model/profiles.ts";
import type { CheckResult } from "../types.ts";

export const envs: fc.Arbitrary<Instance> = privateValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).map((environment) => ({ environment }));

export function nonGrovesCheck(x: Instance): CheckResult {
  const env = x.environment;
  const w = findNonGrovesDsicEfficient(env);
  if (w === null) return { ok: true, tag: "every DSIC efficient mechanism is Groves here" };
  // Re-check the counterexample mechanism exactly, independently of how it was built.
  if (isDSIC(env, w.mechanism).verdict !== "holds") throw new Error("built mechanism is not DSIC (bug)");
  if (isExPostEfficient(env, w.mechanism).verdict !== "holds") throw new Error("built mechanism is not efficient (bug)");
  if (w.aX.equals(w.aY)) throw new Error("built mechanism is Groves after all (bug)");
  const { agent, others, typeX, typeY } = w;
  return {
    ok: false,
    violation: { code: "not-groves", agent, others, typeX, typeY, gap: w.gap.toFraction(), aX: w.aX.toFraction(), aY: w.aY.toFraction(), payments: w.mechanism.payments.map((r) => r.map((p) => p.toFraction())) },
    message: `the pivot mechanism with agent "${env.agents[agent]}"'s payment raised by up to ${w.gap.toFraction()} (when the others report profile #${others}) stays DSIC and efficient, but p_i + Σ_{j≠i} v_j is ${w.aX.toFraction()} at type "${env.types[agent]![typeX]}" and ${w.aY.toFraction()} at type "${env.types[agent]![typeY]}": not Groves`,
  };
}

/** The efficient decision is unique at every profile (no tie for any tie-break to decide). */
export function tieFree(env: Environment): boolean {
  for (let th = 0; th < numProfiles(env); th++) if (efficientDecisions(env, th).length !== 1) return false;
  return true;
}

/** Every efficient selection (one efficient decision per profile), or null if there are more than `limit`. */
export function allEfficientSelections(env: Environment, limit: number): number[][] | null {
  const sets = Array.from({ length: numProfiles(env) }, (_, th) => efficientDecisions(env, th));
  let count = 1;
  for (const s of sets) {
    count *= s.length;
    if (count > limit) return null;
  }
  let out: number[][] = [[]];
  for (const s of sets) out = out.flatMap((prefix) => s.map((d) => [...prefix, d]));
  return out;
}

/** max_LP a(x) − a(y) = d(x, y) for every agent, others' profile and pair, for the selection `rule`; counts the positive d. */
export function grovesCharacterizationFor(env: Environment, rule: readonly number[]): { ok: true; positive: number } | { ok: false; violation: unknown; message: string } {
  const sizes = typeSizes(env);
  let positive = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
      const g = deviationGains(env, rule, i, k);
      if (g.some((row) => row.some((x) => x.s < 0n && x.n !== 0n))) return { ok: false, violation: { agent: i, others: k, rule }, message: "a deviation gain g(x, y) is negative: the selection is not efficient" };
      const d = shortestPaths(g);
      const m = sizes[i]!;
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
        if (a === b) continue;
        // max a(x_a) − a(x_b) s.t. a(z) − a(z') ≤ g(z, z'): exact LP with a verified certificate.
        const lp = new LpBuilder("max");
        const pot = Array.from({ length: m }, (_, z) => lp.variable(`a(${env.types[i]![z]})`, { lower: null }));
        for (let z = 0; z < m; z++) for (let z2 = 0; z2 < m; z2++) if (z !== z2) lp.row(`DSIC[${z}→${z2}]`, [[pot[z]!, 1], [pot[z2]!, -1]], "<=", g[z]![z2]!);
        lp.objective([[pot[a]!, 1], [pot[b]!, -1]]);
        const r = solve(lp.build());
        if (r.status !== "optimal") return { ok: false, violation: { agent: i, others: k, rule, status: r.status }, message: `the potential LP is ${r.status}` };
        if (!r.value.equals(d[a]![b]!)) {
          return { ok: false, violation: { agent: i, others: k, rule, x: a, y: b, lp: r.value.toFraction(), shortestPath: d[a]![b]!.toFraction() }, message: `LP max ${r.value.toFraction()} ≠ shortest path ${d[a]![b]!.toFraction()}` };
        }
        if (d[a]![b]!.compare(0) > 0) positive++;
      }
    }
  }
  return { ok: true, positive };
}

export const SELECTION_LIMIT = 64;

/** An environment and a random efficient selection (the generator's tie-break: one index per profile). */
export const envsWithTieBreak: fc.Arbitrary<{ inst: Instance; pick: number[] }> = envs.chain((inst) =>
  fc.array(fc.nat({ max: 5 }), { minLength: numProfiles(inst.environment), maxLength: numProfiles(inst.environment) }).map((pick) => ({ inst, pick })),
);
