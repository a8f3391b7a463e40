/**
 * `common-prior-conditional-independence` — [BernardMD3], Prop 7.15
 * (*Common Prior*), after *Decomposition of Types*: "Suppose the type space T is finite with common
 * prior π such that π(τ) > 0 for all τ ∈ T. For any belief type profile β that can arise in T, we
 * have π(ϑ(τ) | β) = π(ϑ_1(τ_1) | β) ⋯ π(ϑ_n(τ_n) | β), that is, conditional on belief types, the
 * payoff types are independent."
 *
 * Finite transcription. Types T_i (finite), payoff-type maps ϑ_i : T_i → Θ_i, a common prior π on
 * T = ΠT_i with π(τ) > 0. The belief type β_i(τ_i) is τ_i's belief about the others, π(τ_{-i} | τ_i)
 * over T_{-i} (which also fixes its belief over Θ_{-i} × T_{-i}); types are grouped by EQUAL beliefs
 * (src/constructions/beliefTypes.ts). For every belief-type profile β with π(B_β) > 0,
 * B_β = {τ : β_j(τ_j) = β_j ∀j}: π(ϑ | B_β) = Π_i π(ϑ_i | B_β) for all ϑ ∈ Θ — full mutual
 * independence, exactly; also the stronger π(τ | B_β) = Π_i π(τ_i | B_β) that the proof shows.
 * Also checked (a strengthening, stated here): the proof only uses π(τ) = π(τ_i)·π(τ_{-i}|τ_i), so
 * the conclusion holds whenever every type has positive probability; a third of the cases allow
 * zeros in π with positive marginals (the hypothesis), tagged "positive marginals only".
 *
 * Generated type spaces: random priors are generically "one type per belief type" (trivial), so
 * most cases are built to pool: π(τ) ∝ Π_i a_i(τ_i) · g(c_1(τ_1), …, c_n(τ_n)) with random class
 * maps c_i, weights a_i > 0 and g ≥ 0 — types of a class then share their belief; the check
 * recomputes belief types from π itself and does not use the construction. Tags count the cases
 * where some β pools non-degenerate payoff types for ≥ 2 agents (a non-trivial test).
 */
import fc from "fast-check";
import { conditionalIndependence, type PayoffTypeSpace } from "../beliefs/beliefTypes.ts";
import { q, qstr, ZERO } from "../exact/rational.ts";
import { allProfiles, joinProfile, othersSizes, profileCount, profileIndex } from "../model/profiles.ts";
import type { CaseCodec, CheckResult, Theorem } from "./types.ts";
import { generatedCase } from "./support/controlsSectionsCDE.ts";

/** One agent: belief classes of sizes 1–3 (the first of size ≥ 2 when alone), |Θ_i| ∈ {2, 3}, payoff map, weights a_i. */
const agentShape = (maxClasses: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: maxClasses - 1 }))
    .map(([first, rest]) => [first === 1 && rest.length === 0 ? 2 : first, ...rest])
    .chain((classSizes) => {
      const m = classSizes.reduce((a, b) => a + b, 0);
      const cls = classSizes.flatMap((s, c) => new Array<number>(s).fill(c));
      const pos = classSizes.flatMap((s) => Array.from({ length: s }, (_, k) => k));
      return fc.integer({ min: 2, max: 3 }).chain((theta) =>
        fc
          .tuple(
            // payoff types: by position within the class (so a class spreads over Θ_i), or arbitrary
            fc.oneof(fc.constant(pos.map((k) => k % theta)), fc.array(fc.integer({ min: 0, max: theta - 1 }), { minLength: m, maxLength: m })),
            fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m, maxLength: m }),
          )
          .map(([payoff, a]) => ({ cls, classes: classSizes.length, theta, payoff, a })),
      );
    });

const pooledSpace = (zeros: boolean): fc.Arbitrary<PayoffTypeSpace> =>
  fc.integer({ min: 2, max: 3 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, () => agentShape(2))).chain((agents) => {
      const G = profileCount(agents.map((a) => a.classes));
      return fc.array(fc.integer({ min: zeros ? 0 : 1, max: 5 }), { minLength: G, maxLength: G }).map((g): PayoffTypeSpace => {
        const sizes = agents.map((a) => a.cls.length);
        const classCounts = agents.map((a) => a.classes);
        const w: bigint[] = [];
        for (const tau of allProfiles(sizes)) {
          let x = BigInt(g[profileIndex(classCounts, tau.map((t, j) => agents[j]!.cls[t]!))]!);
          tau.forEach((t, j) => (x *= BigInt(agents[j]!.a[t]!)));
          w.push(x);
        }
        const Z = w.reduce((s, v) => s + v, 0n);
        const prior = w.map((v) => (Z === 0n ? q(1).div(q(w.length)) : q(v).div(q(Z))));
        return { sizes, thetaSizes: agents.map((a) => a.theta), payoffType: agents.map((a) => a.payoff), prior };
      });
    }),
  );

const genericSpace: fc.Arbitrary<PayoffTypeSpace> = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })).chain(([m1, m2, th1, th2]) =>
  fc
    .tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m1 * m2, maxLength: m1 * m2 }), fc.array(fc.integer({ min: 0, max: th1 - 1 }), { minLength: m1, maxLength: m1 }), fc.array(fc.integer({ min: 0, max: th2 - 1 }), { minLength: m2, maxLength: m2 }))
    .map(([w, p1, p2]): PayoffTypeSpace => {
      const Z = w.reduce((a, b) => a + b, 0);
      return { sizes: [m1, m2], thetaSizes: [th1, th2], payoffType: [p1, p2], prior: w.map((v) => q(v).div(q(Z))) };
    }),
);

const arbitrary = fc.oneof({ weight: 4, arbitrary: pooledSpace(false) }, { weight: 2, arbitrary: pooledSpace(true) }, { weight: 1, arbitrary: genericSpace });

const codec: CaseCodec<PayoffTypeSpace> = {
  encode: (x) => ({ sizes: x.sizes, thetaSizes: x.thetaSizes, payoffType: x.payoffType, prior: x.prior.map(qstr) }),
  decode: (j) => {
    const o = j as { sizes: number[]; thetaSizes: number[]; payoffType: number[][]; prior: string[] };
    return { sizes: o.sizes, thetaSizes: o.thetaSizes, payoffType: o.payoffType, prior: o.prior.map((p) => q(p)) };
  },
};

/** Every type has positive marginal probability (the proof's actual need). */
function positiveMarginals(x: PayoffTypeSpace): boolean {
  return x.sizes.every((m, i) => {
    const K = profileCount(othersSizes(x.sizes, i));
    for (let ti = 0; ti < m; ti++) {
      let s = ZERO;
      for (let k = 0; k < K; k++) s = s.add(x.prior[profileIndex(x.sizes, joinProfile(x.sizes, i, ti, k))]!);
      if (s.n === 0n) return false;
    }
    return true;
  });
}

export const commonPriorConditionalIndependence: Theorem<PayoffTypeSpace> = {
  id: "common-prior-conditional-independence",
  kind: "theorem",
  source: "[BernardMD3, Prop 7.15 (*Common Prior*), *Decomposition of Types*]",
  statement:
    "Finite type space with a common prior π > 0 (checked also for π with positive marginals): conditional on every belief-type profile β that arises, payoff types are mutually independent, π(ϑ | β) = Π_i π(ϑ_i | β) (and so are types).",
  arbitrary,
  hypothesis: positiveMarginals,
  check: (x) => checkConditionalIndependence(x),
  codec,
  defaultRuns: 300,
  negativeControls: [
    {
      name: "belief types ignored (a correlated prior)",
      why: "two agents, two types each, payoff type = type, prior (2, 1; 1, 2)/6 — not a product: with every type of an agent pooled into one class instead of its belief type, the conclusion would say the prior is a product, and it is not",
      input: () => ({ sizes: [2, 2], thetaSizes: [2, 2], payoffType: [[0, 1], [0, 1]], prior: [2, 1, 1, 2].map((w) => q(w).div(q(6))) }),
      check: (x) => checkConditionalIndependence(x, pooled),
    },
    {
      name: "belief types ignored (generated)",
      why: "the first generated type space (fixed seed) meeting the hypothesis whose types, pooled per agent, are not independent: the same check with the belief-type partition replaced by 'all types pooled' must fail",
      input: () => generatedCase(arbitrary, (x) => positiveMarginals(x) && !conditionalIndependence(x, pooled(x)).holds, "correlated across belief types"),
      check: (x) => checkConditionalIndependence(x, pooled),
    },
  ],
};

/** Every type of each agent in one class (what the check would test without belief types: plain independence). */
function pooled(x: PayoffTypeSpace): number[][] {
  return x.sizes.map((m) => new Array<number>(m).fill(0));
}

/**
 * The check; `classes` partitions each agent's types (default: the belief types, computed from π by
 * conditionalIndependence), a parameter for the negative controls.
 */
export function checkConditionalIndependence(x: PayoffTypeSpace, classes?: (x: PayoffTypeSpace) => number[][]): CheckResult {
  {
    const r = conditionalIndependence(x, classes?.(x));
    if (!r.holds) {
      return {
        ok: false,
        violation: { beliefProfile: r.beliefProfile, level: r.level, at: r.at, joint: qstr(r.joint), product: qstr(r.product) },
        message: `given belief profile (${r.beliefProfile.join(", ")}), the ${r.level} at (${r.at.join(", ")}) have probability ${qstr(r.joint)} ≠ product of marginals ${qstr(r.product)}`,
      };
    }
    const full = x.prior.every((p) => p.n !== 0n);
    return {
      ok: true,
      certificate: { beliefProfiles: r.beliefProfiles, nontrivialProfiles: r.nontrivialProfiles },
      tag: `${full ? "full support" : "positive marginals only"}; ${r.nontrivialProfiles > 0 ? "non-trivial (some β pools varying payoff types of ≥ 2 agents)" : "trivial"}`,
    };
  }
}
