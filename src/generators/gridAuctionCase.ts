/**
 * Arbitraries for section E's grid theorems: single-object auctions on finite value grids (per
 * bidder, strictly increasing, not necessarily evenly spaced), independent full-support priors,
 * allocations (monotone or arbitrary) and payments either drawn at random or built to sit at a
 * chosen position between the local-up and local-down bounds (src/auctions/revenueEquivalenceGrid.ts).
 */
import fc from "fast-check";
import { ONE, q, type Q, ZERO } from "../exact/rational.ts";
import { independentPriorWithMarginals, intArray, monotoneMechanism, paymentTable, randomDirectMechanism, valueGrid } from "./index.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { profileAt } from "../model/profiles.ts";
import { interimPaymentsAt, interimTables, paymentsWithInterim } from "../auctions/revenueEquivalenceGrid.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";

export interface GridAuctionOptions {
  readonly minAgents?: number;
  readonly maxAgents?: number;
  readonly maxTypes?: number;
  readonly minTypes?: number;
}

/**
 * A single-object environment with "no sale": minAgents..maxAgents bidders (default 1..3), minTypes..maxTypes
 * values each (default 1..3) (a
 * strictly increasing grid from 0..3 with steps 1..3, possibly a different grid per bidder).
 * Shrinks bidders first, then grid sizes, then the values (towards {0, 1, …}).
 */
function gridAuction(opts: GridAuctionOptions = {}): fc.Arbitrary<Environment> {
  const sizes = fc.array(fc.integer({ min: opts.minTypes ?? 1, max: opts.maxTypes ?? 3 }), { minLength: opts.minAgents ?? 1, maxLength: opts.maxAgents ?? 3 });
  return sizes.chain((ks) => fc.tuple(...ks.map((k) => valueGrid(k, { maxValue: 3, maxStep: 3 }))).map((values) => singleObjectEnvironment(values, { noSale: true })));
}

/** Where each interim payment difference sits in its local interval [w(k−1)ΔQ, w(k)ΔQ]: λ (see interimPaymentsAt). */
export type PaymentPlan =
  | { readonly kind: "down-binding"; readonly bottom: readonly number[]; readonly noise: readonly number[] | null }
  | { readonly kind: "up-binding"; readonly bottom: readonly number[]; readonly noise: readonly number[] | null }
  | { readonly kind: "positions"; readonly bottom: readonly number[]; readonly lambdas: readonly Q[]; readonly noise: readonly number[] | null }
  | { readonly kind: "random"; readonly payments: Q[][] };

/** λ ∈ [0, 1] on a small grid, or just outside (−1/2, 3/2) with the given weight. */
function lambdaArb(outsideWeight: number): fc.Arbitrary<Q> {
  const arbs: fc.WeightedArbitrary<Q>[] = [
    { weight: 3, arbitrary: fc.constant(ONE) },
    { weight: 2, arbitrary: fc.constant(ZERO) },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 4 })).map(([a, b]) => q(a).div(q(b))) },
  ];
  if (outsideWeight > 0) arbs.push({ weight: outsideWeight, arbitrary: fc.constantFrom(q(-1).div(q(2)), q(3).div(q(2))) });
  return fc.oneof(...arbs);
}

/** A payment plan for env: built plans (bottom payments in [−3, 3], optional zero-mean noise) or a random table. */
export function paymentPlan(env: Environment, opts: { readonly outsideWeight?: number; readonly random?: boolean } = {}): fc.Arbitrary<PaymentPlan> {
  const n = env.agents.length;
  const P = numProfiles(env);
  const K = typeSizes(env).reduce((a, b) => a + b, 0);
  const bottom = intArray(n, -3, 3);
  const noise = fc.option(intArray(P * n, -2, 2), { nil: null, freq: 2 });
  const arbs: fc.WeightedArbitrary<PaymentPlan>[] = [
    { weight: 2, arbitrary: fc.tuple(bottom, noise).map(([b, e]): PaymentPlan => ({ kind: "down-binding", bottom: b, noise: e })) },
    { weight: 1, arbitrary: fc.tuple(bottom, noise).map(([b, e]): PaymentPlan => ({ kind: "up-binding", bottom: b, noise: e })) },
    {
      weight: 4,
      arbitrary: fc.tuple(bottom, fc.array(lambdaArb(opts.outsideWeight ?? 1), { minLength: K, maxLength: K }), noise).map(([b, l, e]): PaymentPlan => ({ kind: "positions", bottom: b, lambdas: l, noise: e })),
    },
  ];
  if (opts.random) arbs.push({ weight: 2, arbitrary: paymentTable(P, n, { maxPayment: 6 }).map((payments): PaymentPlan => ({ kind: "random", payments })) });
  return fc.oneof(...arbs);
}

/** The ex post payment table of a plan, for this allocation and these (independent) marginals. */
export function realizePlan(env: Environment, values: readonly (readonly Q[])[], marginals: readonly (readonly Q[])[], allocation: readonly (readonly Q[])[], plan: PaymentPlan): Q[][] {
  if (plan.kind === "random") return plan.payments;
  const zeroPay = allocation.map(() => env.agents.map(() => ZERO));
  const { Q: Qs } = interimTables(values, marginals, { kind: "direct", allocation, payments: zeroPay });
  const sizes = typeSizes(env);
  let offset = 0;
  const target = values.map((w, i) => {
    const lambdas = plan.kind === "positions" ? plan.lambdas.slice(offset, offset + sizes[i]!) : w.map(() => (plan.kind === "down-binding" ? ONE : ZERO));
    offset += sizes[i]!;
    return interimPaymentsAt(w, Qs[i]!, q(plan.bottom[i]!), lambdas);
  });
  const noise = plan.noise ? allocation.map((_, th) => env.agents.map((_, i) => q(plan.noise![th * env.agents.length + i]!))) : undefined;
  return paymentsWithInterim(marginals, target, noise);
}

/**
 * "Handicap" auctions: the object goes to a bidder maximising w_i(θ_i) + b_i among those with
 * w_i(θ_i) + b_i > r (ties split uniformly), else no sale: monotone in the own value. With b = 0
 * and r = 0 it is the efficient auction in which a value of 0 does not buy.
 */
export function handicapAllocation(env: Environment, bias: readonly number[], reserve: number): Q[][] {
  const values = env.typeValues!;
  const sizes = typeSizes(env);
  const n = sizes.length;
  const D = env.decisions.length;
  const out: Q[][] = [];
  for (let th = 0; th < numProfiles(env); th++) {
    const prof = profileAt(sizes, th);
    const scores = prof.map((k, i) => values[i]![k]!.add(q(bias[i]!)));
    const best = scores.reduce((a, b) => (b.compare(a) > 0 ? b : a));
    const row = new Array<Q>(D).fill(ZERO);
    if (best.compare(q(reserve)) <= 0) row[n] = ONE;
    else {
      const winners = scores.map((x, i) => (x.equals(best) ? i : -1)).filter((i) => i >= 0);
      for (const i of winners) row[i] = ONE.div(q(winners.length));
    }
    out.push(row);
  }
  return out;
}

/**
 * Allocations: monotone ones (handicap auctions with reserve, mixtures of affine maximisers) or,
 * when `nonMonotone`, also arbitrary lotteries. Needs a single-object env with "no sale" last.
 */
export function allocationArb(env: Environment, nonMonotone: boolean): fc.Arbitrary<Q[][]> {
  const n = env.agents.length;
  const handicap = fc.tuple(intArray(n, -2, 2), fc.integer({ min: 0, max: 4 })).map(([b, r]) => handicapAllocation(env, b, r));
  const mono = monotoneMechanism(env, { maxPayment: 0, maxWeight: 8 }).map((m) => m.allocation.map((r) => r.slice()));
  const arbs: fc.WeightedArbitrary<Q[][]>[] = [
    { weight: 3, arbitrary: handicap },
    { weight: 1, arbitrary: mono },
  ];
  if (nonMonotone) arbs.push({ weight: 2, arbitrary: randomDirectMechanism(env, { maxPayment: 0, grid: 4 }).map((m) => m.allocation.map((r) => r.slice())) });
  return fc.oneof(...arbs);
}

export interface GridCase {
  readonly env: Environment;
  readonly prior: Q[];
  readonly marginals: Q[][];
}

/** Environment with an independent full-support prior (marginals kept alongside). */
export function gridCase(opts: GridAuctionOptions = {}): fc.Arbitrary<GridCase> {
  return gridAuction(opts).chain((env) => independentPriorWithMarginals(env, { maxWeight: 4 }).map(({ prior, marginals }) => ({ env, prior, marginals })));
}

export function direct(allocation: readonly (readonly Q[])[], payments: readonly (readonly Q[])[]): DirectMechanism {
  return { kind: "direct", allocation, payments };
}
