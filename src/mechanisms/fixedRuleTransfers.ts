/**
 * Payments for a FIXED allocation rule (lotteries allowed), as an exact LP — the impossibility
 * LPs of [BernardMD3, Thm 7.6] (Myerson–Satterthwaite), Prop 6.26 and [Mishra2020, *Green-Laffont
 * impossibility*]: the decision rule is held fixed (the efficient one), the payments p_i(θ) (paid BY
 * agent i, free sign) are the unknowns, and the rows are the required properties.
 *
 * Unlike concepts/transfers.ts (deterministic rules, DSIC/EPIC only) this builder takes a lottery
 * per profile, so tie-splitting efficient rules are covered, and it has BIC and interim-IR rows:
 *
 *   DSIC `IC[i: θ_i→θ'_i | others r]`  (private values; the state is (θ_i, r_{-i})):
 *        p_i(θ'_i, r) − p_i(θ_i, r) ≥ v_i(x(θ'_i, r)) − v_i(x(θ_i, r))
 *   BIC  `IC[i: θ_i→θ'_i]`  (common prior π; rows weighted by π(θ_i, θ_{-i}), which is the
 *        conditional form times π(θ_i) > 0; a type of probability zero gives 0 ≥ 0 and is dropped):
 *        Σ_k π(θ_i,k) [p_i(θ'_i,k) − p_i(θ_i,k)] ≥ Σ_k π(θ_i,k) [v_i(x(θ'_i,k), θ) − v_i(x(θ_i,k), θ)]
 *   interim IR `IIR[i: θ_i]`:  −Σ_k π(θ_i,k) p_i(θ_i,k) ≥ π(θ_i) r_i(θ_i) − Σ_k π(θ_i,k) v_i(x(θ), θ)
 *   ex post IR `IR[i: θ]`:     −p_i(θ) ≥ r_i(θ_i) − v_i(x(θ), θ)
 *   ex post BB `BB[θ]`:        Σ_i p_i(θ) = 0
 * Objective: none (feasibility), or "revenue": maximize Σ_θ π(θ) Σ_i p_i(θ) (needs a prior).
 *
 * Row and column names use the environment's agent and type labels so that the readable
 * infeasibility proofs of src/lp/proof.ts speak the model's language.
 */
import { MechcheckError } from "../errors.ts";
import { type Q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type TermInput } from "../lp/model.ts";
import { lotteryValue, numProfiles, reservationOf, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { othersLabel, profileLabel } from "../model/labels.ts";
import { hasPrivateValues } from "../concepts/index.ts";

/**
 * Which rows a fixed-rule transfers LP has: the incentive constraints (DSIC, BIC or none), the
 * common prior, individual rationality (interim or ex post), ex post budget balance, and the
 * objective (feasibility or expected revenue).
 */
export interface FixedRuleOptions {
  readonly ic: "dsic" | "bic" | "none";
  /** Common prior over profiles (needed for BIC, interim IR and the revenue objective). */
  readonly prior?: readonly Q[];
  readonly ir?: "none" | "interim" | "expost";
  /** Ex post budget balance rows (default false). */
  readonly budgetBalanced?: boolean;
  /** "feasibility" (default) or "revenue" (maximize expected Σ_i p_i). */
  readonly objective?: "feasibility" | "revenue";
}

/**
 * The exact LP of payments for a fixed allocation rule ([BernardMD3, Thm 7.6]; [Mishra2020,
 * *Green-Laffont impossibility*]), with the column of each payment p_i(θ).
 */
export interface FixedRuleLp {
  readonly model: LpModel;
  /** Column of p_i(θ). */
  payment(i: number, theta: number): number;
}

/** Build the LP (see the module comment). `allocation[θ]` is a lottery over env.decisions. */
export function fixedRuleTransfersLp(env: Environment, allocation: readonly (readonly Q[])[], opts: FixedRuleOptions): FixedRuleLp {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const n = sizes.length;
  if (allocation.length !== P) throw new MechcheckError("dimension", `allocation: expected ${P} lotteries, got ${allocation.length}`, { path: "allocation", value: allocation.length });
  const needPrior = opts.ic === "bic" || opts.ir === "interim" || opts.objective === "revenue";
  const prior = opts.prior;
  if (needPrior && (prior === undefined || prior.length !== P)) throw new MechcheckError("needs-common-prior", `fixedRuleTransfersLp: BIC, interim IR and the revenue objective need a prior over the ${P} profiles`, { path: "prior" });
  if (opts.ic === "dsic" && !hasPrivateValues(env)) throw new MechcheckError("not-private-values", "fixedRuleTransfersLp: the DSIC rows are written for private values");
  const b = new LpBuilder(opts.objective === "revenue" ? "max" : "min");
  const cols: number[] = [];
  for (let th = 0; th < P; th++) for (let i = 0; i < n; i++) cols.push(b.variable(`p_${env.agents[i]}${profileLabel(env, th)}`, { lower: null }));
  const pay = (i: number, th: number) => cols[th * n + i]!;
  const val = (i: number, state: number, report: number) => lotteryValue(env, i, state, allocation[report]!);

  for (let i = 0; i < n; i++) {
    const K = profileCount(othersSizes(sizes, i));
    for (let ti = 0; ti < sizes[i]!; ti++) {
      for (let k2 = 0; k2 < sizes[i]!; k2++) {
        if (k2 === ti) continue;
        if (opts.ic === "dsic") {
          for (let r = 0; r < K; r++) {
            const truth = profileIndex(sizes, joinProfile(sizes, i, ti, r));
            const dev = profileIndex(sizes, joinProfile(sizes, i, k2, r));
            b.row(`IC[${env.agents[i]}: ${env.types[i]![ti]}→${env.types[i]![k2]} | ${othersLabel(env, i, r)}]`, [[pay(i, dev), 1], [pay(i, truth), -1]], ">=", val(i, truth, dev).sub(val(i, truth, truth)));
          }
        } else if (opts.ic === "bic") {
          const terms: TermInput[] = [];
          let rhs = ZERO;
          let mass = ZERO;
          for (let r = 0; r < K; r++) {
            const truth = profileIndex(sizes, joinProfile(sizes, i, ti, r));
            const dev = profileIndex(sizes, joinProfile(sizes, i, k2, r));
            const w = prior![truth]!;
            if (w.n === 0n) continue;
            mass = mass.add(w);
            terms.push([pay(i, dev), w], [pay(i, truth), w.neg()]);
            rhs = rhs.add(w.mul(val(i, truth, dev).sub(val(i, truth, truth))));
          }
          if (mass.n !== 0n) b.row(`IC[${env.agents[i]}: ${env.types[i]![ti]}→${env.types[i]![k2]}]`, terms, ">=", rhs);
        }
      }
      if (opts.ir === "interim") {
        const terms: TermInput[] = [];
        let rhs = ZERO;
        let mass = ZERO;
        for (let r = 0; r < K; r++) {
          const th = profileIndex(sizes, joinProfile(sizes, i, ti, r));
          const w = prior![th]!;
          if (w.n === 0n) continue;
          mass = mass.add(w);
          terms.push([pay(i, th), w.neg()]);
          rhs = rhs.sub(w.mul(val(i, th, th)));
        }
        if (mass.n !== 0n) b.row(`IIR[${env.agents[i]}: ${env.types[i]![ti]}]`, terms, ">=", rhs.add(mass.mul(reservationOf(env, i, ti))));
      }
    }
  }
  if (opts.ir === "expost") {
    for (let th = 0; th < P; th++) {
      const prof = profileAt(sizes, th);
      for (let i = 0; i < n; i++) b.row(`IR[${env.agents[i]} at ${profileLabel(env, th)}]`, [[pay(i, th), -1]], ">=", reservationOf(env, i, prof[i]!).sub(val(i, th, th)));
    }
  }
  if (opts.budgetBalanced) {
    for (let th = 0; th < P; th++) b.row(`BB${profileLabel(env, th)}`, sizes.map((_, i) => [pay(i, th), 1] as const), "=", 0);
  }
  if (opts.objective === "revenue") {
    const terms: TermInput[] = [];
    for (let th = 0; th < P; th++) if (prior![th]!.n !== 0n) for (let i = 0; i < n; i++) terms.push([pay(i, th), prior![th]!]);
    b.objective(terms);
  } else b.objective([]);
  return { model: b.build(), payment: pay };
}

/** The mechanism (fixed allocation, payments read from an LP point). */
export function mechanismFromPoint(env: Environment, allocation: readonly (readonly Q[])[], lp: FixedRuleLp, x: readonly Q[]): DirectMechanism {
  const n = env.agents.length;
  return {
    kind: "direct",
    allocation: allocation.map((r) => r.slice()),
    payments: Array.from({ length: numProfiles(env) }, (_, th) => Array.from({ length: n }, (_, i) => x[lp.payment(i, th)]!)),
  };
}
