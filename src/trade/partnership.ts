/**
 * Partnership dissolution (Cramton–Gibbons–Klemperer 1987; [Mishra2020, *Dissolving a partnership*],
 * *Sufficiency direction*, *Comments on the proof and result*) on finite value grids.
 *
 * The CGK mechanism of the seed is the dAGV mechanism plus constants: with W(v_i) the (interim)
 * marginal payoff of the dAGV transfers, T_i = c_i + [dAGV transfer], c_i = (1/n)Σ_j W(v*_j) − W(v*_i),
 * Σ c_i = 0, so that every agent's worst marginal payoff U_i(v_i) − r_i v_i becomes (1/n)Σ_j W(v*_j).
 * That construction makes sense verbatim on grids, where v*_i (G(v*_i) = r_i) need not exist: take
 *   W_i = min_{θ_i} [ U_i^{dAGV}(θ_i) − res_i(θ_i) ],   res_i(θ_i) = r_i·w(θ_i) (env.reservation),
 *   p_i = p_i^{dAGV} + W_i − (1/n) Σ_j W_j   (payments BY agents).
 * It is efficient, ex post BB and BIC (dAGV), and interim IR iff Σ_j W_j ≥ 0. On grids this is a
 * SUFFICIENT condition for dissolvability only: the notes' necessity argument uses payoff
 * equivalence (the integral formula for t_i), which fails on finite grids, where other BIC
 * transfer schemes exist; the exact grid question is an LP (left to the theorem code), and the
 * continuous characterization Σ_i W(v*_i) ≥ 0 for polynomial F belongs to src/continuous/.
 *
 * Also the notes' "simple" mechanism: everyone bids, the highest bidder wins and pays her bid, and
 * the bid is divided equally among all n agents — auctions.ts kind "bid-split", here as a direct
 * mechanism on a partnership grid for a given bid function.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, type QInput, qmin, qsum, sign, ZERO } from "../exact/rational.ts";
import { lotteryValue, reservationOf, typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { joinProfile, profileIndex } from "../model/profiles.ts";
import { auctionDirectMechanism, type AuctionTie } from "../auctions/gridAuctions.ts";
import { dagvMechanism, efficientAllocation, type ExpectedExternalityOptions } from "../budgetBalance/expectedExternality.ts";
import { othersProbabilities, validateMarginals } from "../model/independence.ts";
import { singleObjectEnvironment } from "../model/singleObject.ts";

/**
 * A partnership: n agents, common value grid w (i.i.d. types in the seed), shares r_i ≥ 0 with
 * Σ r_i = 1; reservation (property right) res_i(θ_i) = r_i · w(θ_i).
 */
export function partnershipEnvironment(values: readonly QInput[], sharesInput: readonly QInput[]): Environment {
  if (!Array.isArray(sharesInput) || sharesInput.length < 2) throw new MechcheckError("too-few-agents", `shares: a partnership needs at least 2 partners, got ${Array.isArray(sharesInput) ? sharesInput.length : typeof sharesInput}`, { path: "shares", value: sharesInput });
  const shares = sharesInput.map((s, i) => q(s, `shares[${i}]`));
  shares.forEach((s, i) => {
    if (sign(s) < 0) throw new MechcheckError("bad-share", `shares[${i}]: share ${s.toFraction()} is negative`, { path: `shares[${i}]`, value: s.toFraction() });
  });
  const total = qsum(shares);
  if (!total.equals(ONE)) throw new MechcheckError("bad-share", `shares: shares sum to ${total.toFraction()}, not 1`, { path: "shares", value: total.toFraction() });
  const env = singleObjectEnvironment(shares.map(() => values));
  return { ...env, reservation: shares.map((r) => env.typeValues![0]!.map((w) => r.mul(w))) };
}

/**
 * The CGK mechanism on a partnership grid ([Mishra2020, *Dissolving a partnership*]: dAGV plus
 * IR-equalizing constants): the mechanism, each agent's W_i, the common slack (1/n) Σ_j W_j, and
 * whether it is interim IR (sufficient for dissolvability on the grid).
 */
export interface CgkResult {
  readonly mechanism: DirectMechanism;
  /** W[i] = min over θ_i of the dAGV interim utility minus the reservation. */
  readonly W: readonly Q[];
  /** (1/n) Σ_j W_j: every agent's worst interim utility net of its reservation in the CGK mechanism. */
  readonly slack: Q;
  /** Σ_j W_j ≥ 0: the CGK mechanism is interim IR (sufficient for dissolvability on the grid). */
  readonly interimIR: boolean;
}

/** The CGK mechanism (dAGV + IR-equalizing constants) for independent private values; see the module comment. */
export function cgkMechanism(env: Environment, marginalsInput: readonly (readonly QInput[])[], opts: ExpectedExternalityOptions = {}): CgkResult {
  const sizes = typeSizes(env);
  const marginals = validateMarginals(sizes, marginalsInput);
  const allocation = opts.allocation ?? efficientAllocation(env, "uniform");
  const base = dagvMechanism(env, marginals, { allocation });
  const n = env.agents.length;
  const W = env.agents.map((_, i) => {
    const probs = othersProbabilities(marginals, i);
    let worst: Q | null = null;
    for (let ti = 0; ti < sizes[i]!; ti++) {
      let u = ZERO;
      probs.forEach((p, k) => {
        if (p.n === 0n) return;
        const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
        u = u.add(p.mul(lotteryValue(env, i, t, base.allocation[t]!).sub(base.payments[t]![i]!)));
      });
      const m = u.sub(reservationOf(env, i, ti));
      worst = worst === null ? m : qmin(worst, m);
    }
    return worst!;
  });
  const slack = qsum(W).div(q(n));
  const payments = base.payments.map((row) => row.map((p, i) => p.add(W[i]!).sub(slack)));
  return { mechanism: { kind: "direct", allocation: base.allocation, payments }, W, slack, interimIR: sign(slack) >= 0 };
}

/** The notes' simple dissolution mechanism as a direct mechanism: highest bid wins, pays it, bid split equally among all n. */
export function bidSplitMechanism(env: Environment, opts: { readonly bids?: readonly (readonly QInput[])[]; readonly tie?: AuctionTie } = {}): DirectMechanism {
  return auctionDirectMechanism(env, "bid-split", opts);
}
