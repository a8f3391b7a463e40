/**
 * `dsic-efficient-is-groves` (refutation) and `dsic-efficient-groves-finite` (its true finite
 * version) — Holmström's theorem, cited in seed 001 after Def 6.16: on a connected (smoothly
 * path-connected) domain, every DSIC mechanism with an efficient decision rule is a Groves
 * mechanism. On finite domains this is false: the payments p_i(·, θ_{-i}) + Σ_{j≠i} v_j may vary
 * with θ_i as long as no deviation becomes profitable.
 *
 * True finite version (src/constructions/grovesCharacterization.ts): with g(x, y) = S(q(x), x) −
 * S(q(y), x) ≥ 0 the surplus lost when type x's decision is replaced by y's, the largest possible
 * difference a(x) − a(y) over DSIC efficient mechanisms equals the shortest-path distance d(x, y);
 * so "DSIC ∧ efficient ⇒ Groves" holds on a finite domain iff every d(x, y) = 0. The theorem checks
 * the equality max_LP = d exactly (LP value with verified certificate vs Floyd–Warshall).
 */
import { savedCaseControl } from "../support/controls.ts";
import fc from "fast-check";
import { isDSIC, isExPostEfficient } from "../../src/concepts/index.ts";
import { deviationGains, findNonGrovesDsicEfficient, shortestPaths } from "../../src/constructions/grovesCharacterization.ts";
import { privateValuesEnvironment } from "../../src/generators/index.ts";
import type { Instance } from "../../src/instance/index.ts";
import { solve } from "../../src/lp/solve.ts";
import { LpBuilder } from "../../src/lp/model.ts";
import { efficientDecisionRule } from "../../src/mechanisms/vcg.ts";
import { typeSizes } from "../../src/model/environment.ts";
import { othersSizes, profileCount } from "../../src/model/profiles.ts";
import type { Theorem } from "../../src/theorem/types.ts";
import { instanceCodec } from "../support/cases.ts";

const envs: fc.Arbitrary<Instance> = privateValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).map((environment) => ({ environment }));

export const dsicEfficientIsGroves: Theorem<Instance> = {
  id: "dsic-efficient-is-groves",
  kind: "refutation",
  source: "Holmström (cited in 001 after Def 6.16)",
  statement: "On finite private-values domains, every DSIC mechanism with an efficient decision rule is a Groves mechanism.",
  trueVersion: "dsic-efficient-groves-finite",
  arbitrary: envs,
  check: (x) => {
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
  },
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dsic-efficient-is-groves", instanceCodec)],
};

export const dsicEfficientGrovesFinite: Theorem<Instance> = {
  id: "dsic-efficient-groves-finite",
  kind: "theorem",
  source: "Holmström (cited in 001 after Def 6.16); finite version",
  statement: "Finite private values: max over DSIC efficient mechanisms of a(x) − a(y), a = p_i + Σ_{j≠i} v_j, equals the shortest-path distance d(x, y) with lengths S(q(x),x) − S(q(y),x); Groves is forced iff all d = 0.",
  arbitrary: envs,
  check: (x) => {
    const env = x.environment;
    const sizes = typeSizes(env);
    const rule = efficientDecisionRule(env);
    let positive = 0;
    for (let i = 0; i < sizes.length; i++) {
      for (let k = 0; k < profileCount(othersSizes(sizes, i)); k++) {
        const g = deviationGains(env, rule, i, k);
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
          if (r.status !== "optimal") return { ok: false, violation: { agent: i, others: k, status: r.status }, message: `the potential LP is ${r.status}` };
          if (!r.value.equals(d[a]![b]!)) {
            return { ok: false, violation: { agent: i, others: k, x: a, y: b, lp: r.value.toFraction(), shortestPath: d[a]![b]!.toFraction() }, message: `LP max ${r.value.toFraction()} ≠ shortest path ${d[a]![b]!.toFraction()}` };
          }
          if (d[a]![b]!.compare(0) > 0) positive++;
        }
      }
    }
    return { ok: true, tag: positive > 0 ? "non-Groves DSIC efficient mechanisms exist (some d > 0)" : "Groves forced (all d = 0)" };
  },
  codec: instanceCodec,
  defaultRuns: 200,
};
