/**
 * `dsic-efficient-is-groves` and `dsic-efficient-is-groves-tie-free` (refutations) and
 * `dsic-efficient-groves-finite` (the true finite version) — Holmström's theorem [Holmstrom1979]
 * ("Groves' scheme on restricted domains"): if the domain of valuations is smoothly connected
 * (every two valuation profiles are joined by a smooth path inside the domain, e.g. a convex
 * domain), every DSIC mechanism with an efficient decision rule is a Groves mechanism. The lecture
 * notes mention the result after [BernardMD3, Def 6.16] without stating it.
 *
 * A finite domain is not connected, so the transcription to finite domains is a naive finite
 * transcription, and it is false: the payments p_i(·, θ_{-i}) + Σ_{j≠i} v_j may vary with θ_i as
 * long as no deviation becomes profitable. The minimal saved case of `dsic-efficient-is-groves`
 * uses a tie (one type indifferent between the two decisions); `dsic-efficient-is-groves-tie-free`
 * requires the efficient decision to be unique at every profile, and fails just the same (one
 * agent, two types, each strictly preferring its own decision: p(t1) = 1/2, p(t2) = 0 is DSIC).
 *
 * True finite version (src/constructions/grovesCharacterization.ts): for an efficient selection q
 * and g(x, y) = S(q(x), x) − S(q(y), x) ≥ 0 the surplus lost when type x's decision is replaced by
 * y's, the largest possible difference a(x) − a(y) over DSIC mechanisms implementing q equals the
 * shortest-path distance d(x, y); so "DSIC ∧ implements q ⇒ Groves" holds on a finite domain iff
 * every d(x, y) = 0. The theorem checks max_LP = d exactly (LP value with verified certificate vs
 * Floyd–Warshall) for EVERY efficient selection (every tie-break) when there are at most 64 of
 * them, and otherwise for the first-index selection and a random one drawn by the generator
 * (tagged, so the run shows how many cases had ties and how many selections were checked).
 */
import { savedCaseControl, savedCases } from "./support/controls.ts";
import fc from "fast-check";
import { efficientDecisions, isDSIC, isExPostEfficient } from "../concepts/index.ts";
import { deviationGains, findNonGrovesDsicEfficient, shortestPaths } from "../budgetBalance/grovesCharacterization.ts";
import { privateValuesEnvironment } from "../generators/index.ts";
import type { Instance } from "../instance/index.ts";
import { solve } from "../lp/solve.ts";
import { LpBuilder } from "../lp/model.ts";
import { efficientDecisionRule } from "../mechanisms/vcg.ts";
import { numProfiles, typeSizes, type Environment } from "../model/environment.ts";
import { othersSizes, profileCount } from "../model/profiles.ts";
import type { CheckResult, Theorem } from "./types.ts";
import { instanceCodec } from "../generators/ruleCases.ts";

const envs: fc.Arbitrary<Instance> = privateValuesEnvironment({ maxAgents: 3, maxTypes: 3, maxDecisions: 3, maxValue: 6 }).map((environment) => ({ environment }));

function nonGrovesCheck(x: Instance): CheckResult {
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

export const dsicEfficientIsGroves: Theorem<Instance> = {
  id: "dsic-efficient-is-groves",
  kind: "refutation",
  source: "[Holmstrom1979] (smoothly connected domains), mentioned after [BernardMD3, Def 6.16]",
  statement:
    "Naive finite transcription of Holmström's theorem: on finite private-values domains, every DSIC mechanism with an efficient decision rule (first-index tie-break) is a Groves mechanism (false because a finite domain is not smoothly connected, the hypothesis the theorem needs; the minimal case uses a tie — dsic-efficient-is-groves-tie-free has none).",
  trueVersion: "dsic-efficient-groves-finite",
  arbitrary: envs,
  check: nonGrovesCheck,
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dsic-efficient-is-groves", instanceCodec)],
};

export const dsicEfficientIsGrovesTieFree: Theorem<Instance> = {
  id: "dsic-efficient-is-groves-tie-free",
  kind: "refutation",
  source: "[Holmstrom1979] (smoothly connected domains), mentioned after [BernardMD3, Def 6.16]",
  statement:
    "Naive finite transcription of Holmström's theorem, without ties: on finite private-values domains where the efficient decision is unique at every profile, every DSIC efficient mechanism is a Groves mechanism (false because a finite domain is not smoothly connected: with types strictly preferring different decisions the payment may vary within the deviation gains).",
  trueVersion: "dsic-efficient-groves-finite",
  arbitrary: envs,
  hypothesis: (x) => tieFree(x.environment),
  minHypothesisRate: 0.1,
  check: nonGrovesCheck,
  codec: instanceCodec,
  defaultRuns: 200,
  negativeControls: [savedCaseControl("dsic-efficient-is-groves-tie-free", instanceCodec)],
};

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

const SELECTION_LIMIT = 64;

/** An environment and a random efficient selection (the generator's tie-break: one index per profile). */
const envsWithTieBreak: fc.Arbitrary<{ inst: Instance; pick: number[] }> = envs.chain((inst) =>
  fc.array(fc.nat({ max: 5 }), { minLength: numProfiles(inst.environment), maxLength: numProfiles(inst.environment) }).map((pick) => ({ inst, pick })),
);

export const dsicEfficientGrovesFinite: Theorem<{ inst: Instance; pick: number[] }> = {
  id: "dsic-efficient-groves-finite",
  kind: "theorem",
  source: "[Holmstrom1979], finite version (no connectedness); [BernardMD3, Def 6.16]",
  statement:
    "Finite private values, for EVERY efficient selection q (every tie-break; all of them when ≤ 64, else the first-index one and a random one): max over DSIC mechanisms implementing q of a(x) − a(y), a = p_i + Σ_{j≠i} v_j, equals the shortest-path distance d(x, y) with lengths S(q(x),x) − S(q(y),x); Groves is forced iff all d = 0.",
  arbitrary: envsWithTieBreak,
  check: ({ inst, pick }) => {
    const env = inst.environment;
    const all = allEfficientSelections(env, SELECTION_LIMIT);
    const sampled = Array.from({ length: numProfiles(env) }, (_, th) => {
      const e = efficientDecisions(env, th);
      return e[(pick[th] ?? 0) % e.length]!;
    });
    const rules = all ?? [efficientDecisionRule(env), sampled];
    let positive = 0;
    let grovesForced = 0;
    for (const rule of rules) {
      const r = grovesCharacterizationFor(env, rule);
      if (!r.ok) return r;
      if (r.positive > 0) positive++;
      else grovesForced++;
    }
    const ties = tieFree(env) ? "no ties" : all ? `ties: all ${rules.length} selections` : "ties: > 64 selections, first-index + random";
    const which = positive === 0 ? "Groves forced for every selection" : grovesForced === 0 ? "non-Groves for every selection" : "Groves forced for some selections only";
    return { ok: true, tag: `${ties}; ${which}` };
  },
  codec: {
    encode: (x) => ({ instance: instanceCodec.encode(x.inst), tieBreak: x.pick }),
    decode: (j) => {
      const o = j as { instance: unknown; tieBreak?: unknown };
      const pick = Array.isArray(o.tieBreak) ? o.tieBreak.map((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0)) : [];
      return { inst: instanceCodec.decode(o.instance), pick };
    },
  },
  defaultRuns: 200,
  negativeControls: [
    {
      name: "inefficient selection",
      why: "the same characterization for a rule that swaps the decisions of the tie-free refutation's saved case (each type gets the decision the other prefers): a deviation gain is negative, the check must say no",
      input: () => {
        const xs = savedCases("dsic-efficient-is-groves-tie-free", instanceCodec);
        if (xs.length === 0) throw new Error("no saved case for dsic-efficient-is-groves-tie-free");
        return { inst: xs[0]!, pick: [] };
      },
      check: ({ inst }) => {
        const env = inst.environment;
        const eff = efficientDecisionRule(env);
        const D = env.decisions.length;
        const bad = eff.map((d) => (d + 1) % D); // every profile gets another decision: not efficient where the choice was unique
        const r = grovesCharacterizationFor(env, bad);
        return r.ok ? { ok: true } : r;
      },
    },
  ],
};
