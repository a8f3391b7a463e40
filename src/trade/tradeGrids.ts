/**
 * Bilateral trade on finite grids: where the Green–Laffont and Myerson–Satterthwaite
 * impossibilities hold, exactly, with certificates ([Mishra2020, *Green-Laffont impossibility*]; [BernardMD3,
 * Thm 7.6] and its proof).
 *
 * Model ([BernardMD3, *Bilateral Trade*]): buyer values b on a grid B, seller values s on a grid S,
 * u_B = q·b − p_B, u_S = (1 − q)·s − p_S, IR levels 0 (buyer) and s (seller) — the "keeps-good"
 * environment of generators/bilateralTrade.ts. Efficient trade: q = 1 if b > s, 0 if b < s; at a tie
 * b = s every q is efficient, fixed by a TIE RULE: "trade" ([BernardMD3]: q = 1{θ_B ≥ θ_S}),
 * "no-trade" ([Mishra2020]: the seller keeps the good unless v_b > v_s) or "split" (trade with
 * probability 1/2).
 *
 * Three independent routes per question:
 *  1. the LP of fixedRuleTransfers.ts (efficient rule fixed, payments free) solved exactly: a
 *     feasible point (then re-checked with the solution concepts of src/concepts) or a Farkas
 *     certificate (verified by solve; rendered readably by src/lp/proof.ts);
 *  2. a closed form derived by hand (below);
 *  3. an explicit mechanism built from the closed form and checked with src/concepts.
 *
 * ## Green–Laffont (DSIC + ex post BB, no IR), deterministic tie rules — closed form
 * Fix s. DSIC for the buyer forces p_B(·, s) constant on the trade set T_s = {b : q(b,s) = 1}
 * (value x_s) and on its complement N_s (value y_s), with x_s − y_s ∈ I_s = [max N_s, min T_s] when
 * both are nonempty (the highest non-trader must not want to buy, the lowest trader must not want
 * to stop). Likewise for the seller at b: p_S(b, ·) is z_b on the sellers who trade, w_b on those
 * who keep the good, w_b − z_b ∈ J_b = [max{s : trade}, min{s : no trade}]. Budget balance:
 * x_s + z_b = 0 on trade cells, y_s + w_b = 0 on no-trade cells. The trade sets T_s are nested
 * upper sets of B (all contain max B), the no-trade sets nested lower sets (all contain min B), so
 * the trade cells form one connected bipartite graph and so do the no-trade cells: all x_s are one
 * constant a, all y_s one constant c, and every interval must contain π = a − c. Conversely any
 * π ∈ ∩I_s ∩ ∩J_b works with the POSTED PRICE mechanism "trade efficiently, the buyer pays π to the
 * seller when trade happens". Hence:
 *   an efficient, DSIC, ex post BB mechanism exists ⇔ max(lower ends) ≤ min(upper ends)
 *   over the "split" agents (those whose own allocation varies with their report).
 * On B = S = {0,…,K}, every v ∈ {1,…,K−1} is split both as a buyer and as a seller, and its two
 * intervals are [v−1, v] and [v, v+1] (in some order) for either tie rule, forcing π = v: two such
 * values (K ≥ 3) contradict; for K ≤ 2 the intervals intersect (π = 1 for K = 2, any π ∈ [0, 1] for
 * K = 1). So Green–Laffont holds on {0,…,K}² exactly for K ≥ 3, whatever the deterministic tie rule.
 *
 * ## Myerson–Satterthwaite (BIC + interim IR + ex post BB), independent full-support priors
 * Interim trade probabilities Q_B(b) = Σ_s μ_S(s) q(b,s) (non-decreasing in b), Q_S(s) = Σ_b μ_B(b)
 * q(b,s) (non-increasing in s). For the buyer, IIR of the lowest type and IC of each type b_k
 * against b_{k−1} give P(b_1) ≤ b_1 Q_B(b_1), P(b_k) − P(b_{k−1}) ≤ b_k (Q_B(b_k) − Q_B(b_{k−1})),
 * so E[P] ≤ Σ μ_B P* with P* the recursion with equalities. For the seller (receives T = −p_S),
 * IIR of the highest type and IC of s_k against s_{k+1}: T(s_n) ≥ s_n Q_S(s_n),
 * T(s_k) ≥ T(s_{k+1}) + s_k (Q_S(s_k) − Q_S(s_{k+1})), so E[T] ≥ Σ μ_S T*. (P*, T*) is itself BIC
 * (monotone Q and local constraints) and IIR. By Cor 7.3 (independence), ex post BB is as good as
 * ex ante BB, so:
 *   an efficient, BIC, IIR, ex post BB mechanism exists ⇔ R* = Σ μ_B P* − Σ μ_S T* ≥ 0,
 * and `msMechanism` builds it (P* − R* for the buyer, then Prop 7.1's transform). This is the
 * grid analogue of the IR-VCG expected-surplus test of the notes' proof; on grids the IR-VCG
 * (Groves) payments are NOT revenue-maximal, so Lemma 7.5 failing does not imply impossibility.
 * Uniform priors on {0,…,K} (worked out by hand, checked in test/constructions/tradeGrids.test.ts):
 *   R*(K) = −K(K+2)/(6(K+1)) ("trade" ties), K(4−K)/(6(K+1)) ("no-trade"), K(1−K)/(6(K+1)) ("split");
 * so with uniform priors MS holds on {0,…,K}² for every K ≥ 1 with "trade" ties, exactly for K ≥ 5
 * with "no-trade" ties (K = 4: R* = 0, a mechanism with zero expected surplus exists), and exactly
 * for K ≥ 2 with "split" ties. Scaled to [0, 1] (values v/K) each R* divided by K → −1/6, the continuous
 * uniform deficit.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { ONE, q, type Q, qmax, qmin, qstr, sign, ZERO } from "../exact/rational.ts";
import { isBIC, isDSIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../concepts/index.ts";
import { bilateralTradeEnvironment, BUYER, SELLER } from "../model/bilateralTrade.ts";
import { productPrior } from "../model/environment.ts";
import type { LpModel, LpResult } from "../lp/model.ts";
import { infeasibilityProof, renderProof } from "../lp/proof.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { sparseFarkas } from "../lp/sparseFarkas.ts";
import { budgetBalance } from "../budgetBalance/budgetBalancing.ts";
import type { DirectMechanism, Environment } from "../model/environment.ts";
import { fixedRuleTransfersLp, mechanismFromPoint } from "../mechanisms/fixedRuleTransfers.ts";

/**
 * How efficient trade is fixed at a tie b = s: "trade" ([BernardMD3]), "no-trade" ([Mishra2020]) or
 * "split" (probability 1/2).
 */
export type TieRule = "trade" | "no-trade" | "split";
/** Every TieRule, in a fixed order. */
export const TIE_RULES: readonly TieRule[] = ["trade", "no-trade", "split"];

const HALF = q(1).div(q(2));

function tieProbability(tie: TieRule): Q {
  return tie === "trade" ? ONE : tie === "no-trade" ? ZERO : HALF;
}

/** Probability of trade at (b, s) under the efficient rule with the given tie rule. */
function tradeProbability(b: Q, s: Q, tie: TieRule): Q {
  const c = b.compare(s);
  return c > 0 ? ONE : c < 0 ? ZERO : tieProbability(tie);
}

/** The seller-keeps-good environment ([BernardMD3]) for the two grids. */
export function tradeEnv(buyer: readonly Q[], seller: readonly Q[]): Environment {
  return bilateralTradeEnvironment(buyer, seller, "keeps-good");
}

/** allocation[b·|S| + s] = [P(trade), P(no trade)] (decision order of bilateralTradeEnvironment). */
export function efficientTradeAllocation(buyer: readonly Q[], seller: readonly Q[], tie: TieRule): Q[][] {
  const out: Q[][] = [];
  for (const b of buyer) for (const s of seller) {
    const p = tradeProbability(b, s, tie);
    out.push([p, ONE.sub(p)]);
  }
  return out;
}

/** {0, 1, …, K}. */
export function integerGrid(K: number): Q[] {
  return Array.from({ length: K + 1 }, (_, k) => q(k));
}

/** The uniform distribution on m points, exact (each 1/m). */
export function uniformMarginal(m: number): Q[] {
  return Array.from({ length: m }, () => ONE.div(q(m)));
}

function requireGrid(g: readonly Q[], where: string): void {
  if (g.length === 0) throw new MechcheckError("dimension", `${where}: the grid is empty`, { path: where });
  for (let k = 1; k < g.length; k++) {
    if (g[k - 1]!.compare(g[k]!) >= 0) throw new MechcheckError("bad-grid", `${where}: values must increase strictly (${qstr(g[k - 1]!)} then ${qstr(g[k]!)})`, { path: `${where}[${k}]`, value: qstr(g[k]!) });
  }
}

/** Whether [min B, max B] ∩ [min S, max S] has nonempty interior (the non-trivial case of the notes). */
export function supportsOverlap(buyer: readonly Q[], seller: readonly Q[]): boolean {
  return qmax(buyer[0]!, seller[0]!).compare(qmin(buyer[buyer.length - 1]!, seller[seller.length - 1]!)) < 0;
}

// ————————————————————————————————————————————————————————— Green–Laffont closed form

/**
 * The interval [lo, hi] that one split agent type's DSIC constraints impose on a Green–Laffont
 * posted price ([Mishra2020, *Green-Laffont impossibility*]).
 */
export interface PriceInterval {
  /**
   * "seller": the interval comes from the BUYER's DSIC constraints when the seller's value is
   * `value`; "buyer": from the SELLER's DSIC constraints when the buyer's value is `value`.
   */
  readonly agent: "buyer" | "seller";
  readonly value: Q;
  readonly lo: Q;
  readonly hi: Q;
}

/**
 * The closed-form Green–Laffont criterion for deterministic tie rules: the price intervals, their
 * intersection [lower, upper], and whether a DSIC, ex post budget-balanced efficient mechanism
 * exists (a posted price in every interval).
 */
export interface GreenLaffontCriterion {
  /** One interval per split agent type; the posted price must lie in all of them. */
  readonly intervals: readonly PriceInterval[];
  /** max of the lower ends / min of the upper ends (null when there is no split agent). */
  readonly lower: Q | null;
  readonly upper: Q | null;
  readonly possible: boolean;
  /** A price in every interval (the lower end, or 0 with no constraint), when possible. */
  readonly price: Q | null;
  /** When impossible: the interval with the largest lower end and the one with the smallest upper end. */
  readonly conflict?: readonly [PriceInterval, PriceInterval];
}

/** The closed-form Green–Laffont criterion for a deterministic tie rule (module comment). */
export function greenLaffontCriterion(buyer: readonly Q[], seller: readonly Q[], tie: "trade" | "no-trade"): GreenLaffontCriterion {
  requireGrid(buyer, "buyer");
  requireGrid(seller, "seller");
  const trades = (b: Q, s: Q) => tradeProbability(b, s, tie).equals(ONE);
  const intervals: PriceInterval[] = [];
  for (const s of seller) {
    const T = buyer.filter((b) => trades(b, s));
    const N = buyer.filter((b) => !trades(b, s));
    if (T.length > 0 && N.length > 0) intervals.push({ agent: "seller", value: s, lo: N[N.length - 1]!, hi: T[0]! });
  }
  for (const b of buyer) {
    const T = seller.filter((s) => trades(b, s));
    const N = seller.filter((s) => !trades(b, s));
    if (T.length > 0 && N.length > 0) intervals.push({ agent: "buyer", value: b, lo: T[T.length - 1]!, hi: N[0]! });
  }
  if (intervals.length === 0) return { intervals, lower: null, upper: null, possible: true, price: ZERO };
  let lowI = intervals[0]!;
  let highI = intervals[0]!;
  for (const iv of intervals) {
    if (iv.lo.compare(lowI.lo) > 0) lowI = iv;
    if (iv.hi.compare(highI.hi) < 0) highI = iv;
  }
  const possible = lowI.lo.compare(highI.hi) <= 0;
  return { intervals, lower: lowI.lo, upper: highI.hi, possible, price: possible ? lowI.lo : null, ...(possible ? {} : { conflict: [lowI, highI] as const }) };
}

/** Efficient trade at a posted price π: the buyer pays π to the seller whenever trade happens. */
export function postedPriceMechanism(buyer: readonly Q[], seller: readonly Q[], tie: TieRule, price: Q): DirectMechanism {
  const allocation = efficientTradeAllocation(buyer, seller, tie);
  return { kind: "direct", allocation, payments: allocation.map(([t]) => [t!.mul(price), t!.mul(price).neg()]) };
}

// ————————————————————————————————————————————————————————— Myerson–Satterthwaite closed form

/**
 * The closed-form Myerson–Satterthwaite bound on a grid ([BernardMD3, Thm 7.6] and its proof):
 * interim trade probabilities, the largest interim buyer payments and smallest seller transfers
 * under BIC + IIR, R* = E[P*] − E[T*], and whether efficient BIC IIR budget-balanced trade is
 * possible (R* ≥ 0).
 */
export interface MsBound {
  /** Interim trade probabilities. */
  readonly buyerQ: readonly Q[];
  readonly sellerQ: readonly Q[];
  /** P*: the largest interim buyer payments (BIC + IIR). */
  readonly buyerPayments: readonly Q[];
  /** T*: the smallest interim transfers to the seller (BIC + IIR). */
  readonly sellerTransfers: readonly Q[];
  /** R* = E[P*] − E[T*]: the largest expected surplus of an efficient BIC IIR mechanism. */
  readonly maxRevenue: Q;
  readonly possible: boolean;
}

/** The closed form R* (module comment). Marginals must have full support. */
export function msRevenueBound(buyer: readonly Q[], seller: readonly Q[], mB: readonly Q[], mS: readonly Q[], tie: TieRule): MsBound {
  requireGrid(buyer, "buyer");
  requireGrid(seller, "seller");
  for (const [m, g, w] of [[mB, buyer, "buyer marginal"], [mS, seller, "seller marginal"]] as const) {
    if (m.length !== g.length) throw new MechcheckError("dimension", `${w}: expected ${g.length} probabilities`, { path: w });
    let t = ZERO;
    for (const p of m) {
      if (sign(p) <= 0) throw new MechcheckError("bad-probability", `${w}: needs full support (got ${qstr(p)})`, { path: w });
      t = t.add(p);
    }
    if (!t.equals(ONE)) throw new MechcheckError("bad-probability", `${w}: sums to ${qstr(t)}`, { path: w });
  }
  const buyerQ = buyer.map((b) => seller.reduce((acc, s, k) => acc.add(mS[k]!.mul(tradeProbability(b, s, tie))), ZERO));
  const sellerQ = seller.map((s) => buyer.reduce((acc, b, k) => acc.add(mB[k]!.mul(tradeProbability(b, s, tie))), ZERO));
  const P: Q[] = [];
  buyer.forEach((b, k) => P.push(k === 0 ? b.mul(buyerQ[0]!) : P[k - 1]!.add(b.mul(buyerQ[k]!.sub(buyerQ[k - 1]!)))));
  const T: Q[] = new Array(seller.length);
  for (let k = seller.length - 1; k >= 0; k--) {
    const s = seller[k]!;
    T[k] = k === seller.length - 1 ? s.mul(sellerQ[k]!) : T[k + 1]!.add(s.mul(sellerQ[k]!.sub(sellerQ[k + 1]!)));
  }
  const rev = P.reduce((a, p, k) => a.add(mB[k]!.mul(p)), ZERO).sub(T.reduce((a, t, k) => a.add(mS[k]!.mul(t)), ZERO));
  return { buyerQ, sellerQ, buyerPayments: P, sellerTransfers: T, maxRevenue: rev, possible: sign(rev) >= 0 };
}

/**
 * The efficient, BIC, IIR, ex post BB mechanism when R* ≥ 0: p_B(b, s) = P*(b) − R*, p_S(b, s) =
 * −T*(s) (ex ante BB), made ex post BB by Prop 7.1 (budgetBalance/budgetBalancing.ts).
 */
export function msMechanism(buyer: readonly Q[], seller: readonly Q[], mB: readonly Q[], mS: readonly Q[], tie: TieRule): DirectMechanism {
  const bound = msRevenueBound(buyer, seller, mB, mS, tie);
  if (!bound.possible) throw new MechcheckError("impossible", `R* = ${qstr(bound.maxRevenue)} < 0: no efficient BIC IIR BB mechanism`);
  const env = tradeEnv(buyer, seller);
  const allocation = efficientTradeAllocation(buyer, seller, tie);
  const payments: Q[][] = [];
  buyer.forEach((_, kb) => seller.forEach((_, ks) => payments.push([bound.buyerPayments[kb]!.sub(bound.maxRevenue), bound.sellerTransfers[ks]!.neg()])));
  return budgetBalance(env, { kind: "direct", allocation, payments }, [mB, mS]).mechanism;
}

// ————————————————————————————————————————————————————————— LP deciders

/**
 * A grid impossibility question: Green–Laffont (DSIC + ex post BB) or Myerson–Satterthwaite (BIC +
 * interim IR + ex post BB).
 */
export type Problem = "green-laffont" | "myerson-satterthwaite";

/**
 * A bilateral trade case on grids: buyer and seller value grids, the tie rule and
 * (Myerson–Satterthwaite only) full-support marginals.
 */
export interface GridCase {
  readonly buyer: readonly Q[];
  readonly seller: readonly Q[];
  readonly tie: TieRule;
  /** Full-support marginals (Myerson–Satterthwaite only; default uniform). */
  readonly buyerMarginal?: readonly Q[];
  readonly sellerMarginal?: readonly Q[];
}

/**
 * The impossibility LP's exact answer for a grid case: whether efficient trade is possible, the
 * model and certified result, the LP point as a mechanism re-checked by src/concepts, or the Farkas
 * multipliers by row name.
 */
export interface LpDecision {
  readonly problem: Problem;
  readonly possible: boolean;
  readonly model: LpModel;
  readonly result: LpResult;
  /** When possible: the LP's point as a mechanism, re-checked by src/concepts (`problems` empty). */
  readonly mechanism?: DirectMechanism;
  /** Concept checks that failed on the LP point (must be empty; non-empty = a bug). */
  readonly problems: readonly string[];
  /** When impossible: the Farkas multipliers with nonzero weight, by row name. */
  readonly farkasSupport?: readonly { readonly row: string; readonly weight: Q }[];
}

/** The buyer's and seller's marginals of a grid case (uniform when not given). */
export function marginalsOf(c: GridCase): [Q[], Q[]] {
  return [c.buyerMarginal?.slice() ?? uniformMarginal(c.buyer.length), c.sellerMarginal?.slice() ?? uniformMarginal(c.seller.length)];
}

/** The impossibility LP of a problem: efficient rule fixed, payments free. */
export function impossibilityLp(problem: Problem, c: GridCase): { env: Environment; allocation: Q[][]; prior: Q[]; lp: ReturnType<typeof fixedRuleTransfersLp> } {
  requireGrid(c.buyer, "buyer");
  requireGrid(c.seller, "seller");
  const env = tradeEnv(c.buyer, c.seller);
  const allocation = efficientTradeAllocation(c.buyer, c.seller, c.tie);
  const prior = productPrior(marginalsOf(c));
  const lp =
    problem === "green-laffont"
      ? fixedRuleTransfersLp(env, allocation, { ic: "dsic", budgetBalanced: true })
      : fixedRuleTransfersLp(env, allocation, { ic: "bic", prior, ir: "interim", budgetBalanced: true });
  return { env, allocation, prior, lp };
}

/** Re-check a mechanism claimed to have the problem's properties, with src/concepts. */
export function conceptProblems(problem: Problem, env: Environment, mech: DirectMechanism, prior: readonly Q[]): string[] {
  const out: string[] = [];
  if (isExPostEfficient(env, mech).verdict !== "holds") out.push("not ex post efficient");
  if (isExPostBudgetBalanced(env, mech).verdict !== "holds") out.push("not ex post budget balanced");
  if (problem === "green-laffont") {
    if (isDSIC(env, mech).verdict !== "holds") out.push("not DSIC");
  } else {
    const beliefs = { kind: "common-prior" as const, prior };
    if (isBIC(env, mech, beliefs).verdict !== "holds") out.push("not BIC");
    if (isInterimIR(env, mech, beliefs).verdict !== "holds") out.push("not interim IR");
  }
  return out;
}

/**
 * The theorem suite's LPs are small (≤ 16 profiles): there the exact simplex alone is faster than
 * a float proposal plus certification (measured: 2–10× on 3×3 and 4×4 grids). Both are exact and
 * verified by solve's independent judge.
 */
export function solveOptionsFor(model: LpModel): SolveOptions {
  return model.rows.length * model.variables.length <= 6000 ? { exactOnly: true } : {};
}

/** Solve the problem's LP exactly and certify the answer either way. */
export function decide(problem: Problem, c: GridCase): LpDecision {
  const { env, allocation, prior, lp } = impossibilityLp(problem, c);
  const result = solve(lp.model, solveOptionsFor(lp.model));
  if (result.status === "optimal") {
    const mechanism = mechanismFromPoint(env, allocation, lp, result.primal);
    return { problem, possible: true, model: lp.model, result, mechanism, problems: conceptProblems(problem, env, mechanism, prior) };
  }
  if (result.status === "infeasible") {
    const farkasSupport = lp.model.rows.flatMap((r, k) => (result.farkas.rows[k]!.n !== 0n ? [{ row: r.name, weight: result.farkas.rows[k]! }] : []));
    return { problem, possible: false, model: lp.model, result, problems: [], farkasSupport };
  }
  throw new InternalError(`the ${problem} feasibility LP cannot be unbounded (status ${result.status})`);
}

/**
 * A readable proof of infeasibility (src/lp/proof.ts: support-minimal rows, integer multipliers,
 * the summed contradiction). Large certificates are first shortened by sparseFarkas.ts (minimum
 * L1), then reduced by proof.ts's deletion filter; both steps are re-verified.
 */
export function readableProof(model: LpModel, farkas: readonly Q[]): string {
  const support = farkas.filter((y) => y.n !== 0n).length;
  let y = farkas;
  if (support > 40) {
    const s = sparseFarkas(model);
    if (s !== null) y = s.rows;
  }
  return renderProof(model, infeasibilityProof(model, y));
}

/**
 * The certificate of an impossible case as data: the verified Farkas multipliers by row name, and
 * the readable proof as a LAZY enumerable property — computed only when the certificate is read or
 * serialized (the suite runs thousands of cases whose certificates nobody prints).
 */
export function impossibilityCertificate(d: LpDecision): { farkas: { row: string; weight: string }[]; readonly proof: string } {
  if (d.possible || d.result.status !== "infeasible") throw new InternalError("impossibilityCertificate: the case is feasible");
  const rows = d.result.farkas.rows;
  const out = { farkas: d.farkasSupport!.map((f) => ({ row: f.row, weight: qstr(f.weight) })) } as { farkas: { row: string; weight: string }[]; readonly proof: string };
  let cached: string | undefined;
  Object.defineProperty(out, "proof", { enumerable: true, get: () => (cached ??= readableProof(d.model, rows)) });
  return out;
}

/** The LP max of expected revenue over efficient BIC + IIR mechanisms (no budget rows): equals R*. */
export function msMaxRevenueLp(c: GridCase): { value: Q; model: LpModel } {
  const env = tradeEnv(c.buyer, c.seller);
  const allocation = efficientTradeAllocation(c.buyer, c.seller, c.tie);
  const prior = productPrior(marginalsOf(c));
  const lp = fixedRuleTransfersLp(env, allocation, { ic: "bic", prior, ir: "interim", objective: "revenue" });
  const r = solve(lp.model, solveOptionsFor(lp.model));
  if (r.status !== "optimal") throw new InternalError(`the revenue LP is ${r.status}; it is feasible (the IR-VCG mechanism) and bounded (IIR)`);
  return { value: r.value, model: lp.model };
}

export { BUYER, SELLER };

// ————————————————————————————————————————————————————————— cases as JSON (counterexample files)

/** Semantic JSON of a grid case: exact rationals as strings. */
export const gridCaseCodec = {
  /** A grid case as JSON, numbers as exact strings. */
  encode(c: GridCase): unknown {
    return {
      buyer: c.buyer.map(qstr),
      seller: c.seller.map(qstr),
      tie: c.tie,
      ...(c.buyerMarginal ? { buyerMarginal: c.buyerMarginal.map(qstr) } : {}),
      ...(c.sellerMarginal ? { sellerMarginal: c.sellerMarginal.map(qstr) } : {}),
    };
  },
  /** A grid case back from its JSON, numbers exact. */
  decode(j: unknown): GridCase {
    const o = j as Record<string, unknown>;
    if (typeof o !== "object" || o === null) throw new MechcheckError("bad-case", "grid case: expected an object");
    const list = (v: unknown, where: string): Q[] => {
      if (!Array.isArray(v)) throw new MechcheckError("bad-case", `grid case: ${where} must be a list of rationals`, { path: where });
      return v.map((x, k) => q(x as string, `${where}[${k}]`));
    };
    const tie = o.tie;
    if (tie !== "trade" && tie !== "no-trade" && tie !== "split") throw new MechcheckError("bad-case", `grid case: tie must be "trade", "no-trade" or "split"`, { path: "tie", value: tie });
    const buyer = list(o.buyer, "buyer");
    const seller = list(o.seller, "seller");
    requireGrid(buyer, "buyer");
    requireGrid(seller, "seller");
    return {
      buyer,
      seller,
      tie,
      ...(o.buyerMarginal !== undefined ? { buyerMarginal: list(o.buyerMarginal, "buyerMarginal") } : {}),
      ...(o.sellerMarginal !== undefined ? { sellerMarginal: list(o.sellerMarginal, "sellerMarginal") } : {}),
    };
  },
};

/** "B = {0, 1, 2}, S = {1, 3}, ties: trade" */
export function describeGridCase(c: GridCase): string {
  const g = (x: readonly Q[]) => `{${x.map(qstr).join(", ")}}`;
  const m = c.buyerMarginal || c.sellerMarginal ? `, marginals ${g(marginalsOf(c)[0])} × ${g(marginalsOf(c)[1])}` : "";
  return `B = ${g(c.buyer)}, S = ${g(c.seller)}, ties: ${c.tie}${m}`;
}
