/**
 * Incentive compatibility of direct mechanisms, decided exactly by enumeration.
 *
 * Utility is quasilinear, u_i = v_i(q, θ) − p_i with p_i paid BY agent i ([BernardMD3, Def 6.16];
 * [ChungEly2002, §2.3]); a lottery is valued by expectation (environment.ts lotteryValue).
 *
 * Definitions ([ChungEly2002, §2.2], in the paper's notation f = (q, p), S = Θ):
 * - DSIC: ∀i, ∀θ_i, θ'_i, ∀θ_{-i}, r_{-i}:  u_i(f(θ_i, r_{-i}), θ) ≥ u_i(f(θ'_i, r_{-i}), θ), θ = (θ_i, θ_{-i}).
 *   The others' reports r_{-i} are arbitrary and the state is the TRUE profile (θ_i, θ_{-i}); this
 *   is [ChungEly2002]'s displayed DSIC condition and [BrooksExPost2023, *Dominant strategies*] ("robustness with
 *   respect to beliefs about others' types and others' reports"). Under private values v_i
 *   depends on θ_i only, so θ_{-i} is irrelevant and the check is run at the state (θ_i, r_{-i})
 *   (the reported violation then has trueProfile = (θ_i, r_{-i})). Under interdependent values
 *   DSIC is much stronger than EPIC ([ChungEly2002, §2.2]: "dominant strategy incentive compatibility is
 *   too strong").
 * - EPIC: ∀i, ∀θ, ∀θ'_i:  u_i(f(θ), θ) ≥ u_i(f(θ'_i, θ_{-i}), θ)  ([ChungEly2002, §2.2]; [BrooksExPost2023,
 *   *Implementation*], "ex post incentive compatible"). Truth-telling is an ex post equilibrium.
 * - BIC: ∀i, ∀θ_i, θ'_i:  Σ_{θ_{-i}} π_i(θ_{-i}|θ_i) [u_i(f(θ), θ) − u_i(f(θ'_i, θ_{-i}), θ)] ≥ 0
 *   ([ChungEly2002, Def 1 and its interim constraints]; [BrooksExPost2023, *Interim implementation*] with per-type
 *   beliefs). With a common prior π_i(·|θ_i) is the conditional of the prior; a type of prior
 *   probability zero has no conditional and imposes NO constraint (the ex ante form of [BrooksMaxmin2023,
 *   *Upper bounding the potential*], where each constraint is weighted by π(θ_i, θ_{-i})).
 */
import { ownTypeOnlyAt } from "../model/environment.ts";
import { MechcheckError } from "../errors.ts";
import { type Q, ZERO } from "../exact/rational.ts";
import { bgcd, rat, ratToQ } from "../exact/fastRational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { expostUtility, numProfiles, typeSizes } from "../model/environment.ts";
import { entryAt, joinIndex, joinProfile, profileAt, strides } from "../model/profiles.ts";
import { Scan } from "./common.ts";
import type { BicViolation, DsicViolation, EpicViolation, SlackWitness, Verdict } from "./types.ts";
import { validateBeliefs, validateDirectMechanism, validateEnvironment } from "../model/validate.ts";

/** True iff every v_i(d, θ) depends on θ only through θ_i (exact comparison). */
export function hasPrivateValues(env: Environment): boolean {
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const P = numProfiles(env);
  return env.agents.every((_, i) => ownTypeOnlyAt(env, i, st[i]!, sizes[i]!, P));
}

/**
 * Whether a direct mechanism is dominant-strategy incentive compatible ([ChungEly2002, §2.2];
 * [BrooksExPost2023, *Dominant strategies*]), decided exactly by enumeration: "holds" with the
 * tightest slack, or "fails" with the violation of largest gain. Invalid input is a
 * ValidationError.
 */
export function isDSIC(env: Environment, mech: DirectMechanism): Verdict<SlackWitness, DsicViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const P = numProfiles(env);
  const pv = hasPrivateValues(env);
  const scan = new Scan<DsicViolation>();
  // Index arithmetic is O(1) per profile (joinIndex); profiles as arrays are built only for a violation.
  for (let i = 0; i < sizes.length; i++) {
    const mi = sizes[i]!;
    const s = st[i]!;
    const K = P / mi; // the others' profiles
    for (let ti = 0; ti < mi; ti++) {
      for (let trueOthers = 0; trueOthers < K; trueOthers++) {
        const state = joinIndex(s, mi, ti, trueOthers);
        // private values: the state's θ_{-i} is irrelevant, so only r_{-i} = θ_{-i} is checked
        const rFrom = pv ? trueOthers : 0;
        const rTo = pv ? trueOthers + 1 : K;
        for (let rOthers = rFrom; rOthers < rTo; rOthers++) {
          const truth = expostUtility(env, mech, i, state, joinIndex(s, mi, ti, rOthers));
          for (let k = 0; k < mi; k++) {
            if (k === ti) continue;
            const dev = expostUtility(env, mech, i, state, joinIndex(s, mi, k, rOthers));
            const gain = dev.sub(truth);
            scan.see(gain, () => ({ code: "dsic", agent: i, trueProfile: joinProfile(sizes, i, ti, trueOthers), othersReports: joinProfile(sizes, i, ti, rOthers), report: k, truthfulUtility: truth, deviationUtility: dev, gain }));
          }
        }
      }
    }
  }
  return scan.verdict();
}

/**
 * Whether a direct mechanism is ex post incentive compatible, i.e. truth-telling is an ex post
 * equilibrium ([ChungEly2002, §2.2]; [BrooksExPost2023, *Implementation*]), decided exactly: a
 * slack witness or the violation of largest gain. Invalid input is a ValidationError.
 */
export function isEPIC(env: Environment, mech: DirectMechanism): Verdict<SlackWitness, EpicViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const P = numProfiles(env);
  const scan = new Scan<EpicViolation>();
  for (let i = 0; i < sizes.length; i++) {
    const mi = sizes[i]!;
    const s = st[i]!;
    for (let th = 0; th < P; th++) {
      const own = entryAt(s, mi, th);
      const truth = expostUtility(env, mech, i, th, th);
      for (let k = 0; k < mi; k++) {
        if (k === own) continue;
        const dev = expostUtility(env, mech, i, th, th + (k - own) * s);
        const gain = dev.sub(truth);
        scan.see(gain, () => ({ code: "epic", agent: i, trueProfile: profileAt(sizes, th), report: k, truthfulUtility: truth, deviationUtility: dev, gain }));
      }
    }
  }
  return scan.verdict();
}

/**
 * Conditional beliefs cond[i][θ_i] = π_i(· | θ_i) over the others' profiles (othersIndex order),
 * or null for a type of zero prior probability (common prior only).
 */
export function conditionalBeliefs(env: Environment, beliefs: Beliefs): (readonly Q[] | null)[][] {
  validateBeliefs(env, beliefs);
  const sizes = typeSizes(env);
  if (beliefs.kind === "per-type") return beliefs.beliefs.map((bi) => bi.map((b) => b));
  const st = strides(sizes);
  const P = numProfiles(env);
  return sizes.map((mi, i) => {
    const K = P / mi;
    const out: (readonly Q[] | null)[] = [];
    for (let ti = 0; ti < mi; ti++) {
      const w: Q[] = [];
      let marg = ZERO;
      for (let k = 0; k < K; k++) {
        const p = beliefs.prior[joinIndex(st[i]!, mi, ti, k)]!;
        w.push(p);
        marg = marg.add(p);
      }
      out.push(marg.n === 0n ? null : w.map((p) => p.div(marg)));
    }
    return out;
  });
}

/** Interim utility of type θ_i reporting k, truthful others, under belief b over θ_{-i}. */
export function interimUtility(env: Environment, mech: DirectMechanism, i: number, ti: number, k: number, belief: readonly Q[]): Q {
  const sizes = typeSizes(env);
  return interimUtilityAt(env, mech, i, strides(sizes)[i]!, sizes[i]!, ti, k, belief);
}

/**
 * interimUtility with agent i's stride and type count precomputed (O(|belief|·|decisions|) per
 * call): Σ_o w_o·(Σ_d g(d | k, o)·v_i(d, (t_i, o)) − p_i(k, o)), every product of fraction.js
 * values added as one integer numerator over a common denominator that grows only when a term
 * brings a new factor (one reduction at the end instead of a gcd per product and per sum).
 */
export function interimUtilityAt(env: Environment, mech: DirectMechanism, i: number, stride: number, mi: number, ti: number, k: number, belief: readonly Q[]): Q {
  let N = 0n;
  let D = 1n;
  // fraction.js values: s = ±1, n ≥ 0, d > 0
  const add = (num: bigint, den: bigint): void => {
    if (den === D) N += num;
    else if (D % den === 0n) N += num * (D / den);
    else {
      const g = bgcd(D, den);
      N = N * (den / g) + num * (D / g);
      D *= den / g;
    }
  };
  const vi = env.valuation[i]!;
  for (let o = 0; o < belief.length; o++) {
    const w = belief[o]!;
    if (w.n === 0n) continue;
    const report = joinIndex(stride, mi, k, o);
    const v = vi[joinIndex(stride, mi, ti, o)]!;
    const lottery = mech.allocation[report]!;
    const wn = w.s * w.n;
    for (let d = 0; d < lottery.length; d++) {
      const p = lottery[d]!;
      const x = v[d]!;
      if (p.n === 0n || x.n === 0n) continue;
      add(wn * p.s * p.n * x.s * x.n, w.d * p.d * x.d);
    }
    const pay = mech.payments[report]![i]!;
    if (pay.n !== 0n) add(-wn * pay.s * pay.n, w.d * pay.d);
  }
  return N === 0n ? ZERO : ratToQ(rat(N, D));
}

/**
 * Whether a direct mechanism is Bayesian incentive compatible under the given beliefs
 * ([ChungEly2002, Def 1]; [BrooksExPost2023, *Interim implementation*]), decided exactly; a type of
 * prior probability zero imposes no constraint. Invalid input is a ValidationError.
 */
export function isBIC(env: Environment, mech: DirectMechanism, beliefs: Beliefs): Verdict<SlackWitness, BicViolation> {
  validateEnvironment(env);
  validateDirectMechanism(env, mech);
  const cond = conditionalBeliefs(env, beliefs);
  const sizes = typeSizes(env);
  const st = strides(sizes);
  const scan = new Scan<BicViolation>();
  for (let i = 0; i < sizes.length; i++) {
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const b = cond[i]![ti]!;
      if (b === null) continue;
      const truth = interimUtilityAt(env, mech, i, st[i]!, sizes[i]!, ti, ti, b);
      for (let k = 0; k < sizes[i]!; k++) {
        if (k === ti) continue;
        const dev = interimUtilityAt(env, mech, i, st[i]!, sizes[i]!, ti, k, b);
        const gain = dev.sub(truth);
        scan.see(gain, () => ({ code: "bic", agent: i, trueType: ti, report: k, belief: b, truthfulUtility: truth, deviationUtility: dev, gain }));
      }
    }
  }
  return scan.verdict();
}

/** The prior of a common-prior Beliefs, or a MechcheckError naming what was given. */
export function priorOf(beliefs: Beliefs | readonly Q[], where = "beliefs"): readonly Q[] {
  if (Array.isArray(beliefs)) return beliefs as readonly Q[];
  const b = beliefs as Beliefs;
  if (b.kind === "common-prior") return b.prior;
  throw new MechcheckError("needs-common-prior", `${where}: this concept needs a common prior, got per-type beliefs`, { path: where, value: b.kind });
}
