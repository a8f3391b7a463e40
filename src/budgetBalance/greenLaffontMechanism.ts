/**
 * The Green–Laffont mechanism ("relax efficiency", [Mishra2020, *Relax efficiency*]): the highest-valued
 * agent gets the object with probability 1 − 1/n, the second highest with probability 1/n.
 *
 * Payments (derived; the slide gives only the allocation): the mechanism is the uniform lottery,
 * over the excluded agent j, of "run a second-price auction among N∖{j} and give its revenue to j".
 * Each of these n mechanisms is DSIC (the bidders face a Vickrey auction; j's payoff does not depend
 * on j's report) and exactly budget balanced, so their mixture is DSIC and ex post BB in expectation
 * over the lottery; the highest agent wins unless excluded (prob. (n−1)/n), the second highest wins
 * exactly when the highest is excluded (prob. 1/n). Expected payments, v_1 ≥ v_2 ≥ v_3 ≥ …:
 *   p_(1) = ((n−2)/n)·v_2,   p_(2) = 0,   p_(k) = −v_2/n for k ≥ 3
 * (p_(1) = (1/n)[v_3 + (n−2)v_2] − v_3/n; p_(2) = v_3/n − v_3/n). With n = 2 each agent wins with
 * probability 1/2 and nobody pays. Ties: lower agent index ranks first (a fixed priority, which
 * keeps each Vickrey auction DSIC); a single bidder pays 0.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, ZERO } from "../exact/rational.ts";
import { typeSizes, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { rankAgents, requireTypeValues, valuesAt } from "../model/singleObject.ts";

/** The Green–Laffont mechanism on a single-object environment (singleObject.ts), n ≥ 2. */
export function greenLaffontMechanism(env: Environment): DirectMechanism {
  const values = requireTypeValues(env);
  const n = env.agents.length;
  if (n < 2) throw new MechcheckError("too-few-agents", `environment.agents: the Green–Laffont mechanism needs at least 2 agents, got ${n}`, { path: "agents", value: n });
  const inv = ONE.div(q(n));
  const allocation: Q[][] = [];
  const payments: Q[][] = [];
  for (const prof of allProfiles(typeSizes(env))) {
    const v = valuesAt(values, prof);
    const lot = env.decisions.map(() => ZERO);
    const pay = env.agents.map(() => ZERO);
    for (let j = 0; j < n; j++) {
      const bidders = env.agents.map((_, i) => i).filter((i) => i !== j);
      const ranked = rankAgents(v, bidders);
      const w = ranked[0]!;
      const price = ranked.length >= 2 ? v[ranked[1]!]! : ZERO;
      lot[w] = lot[w]!.add(inv);
      pay[w] = pay[w]!.add(price.mul(inv));
      pay[j] = pay[j]!.sub(price.mul(inv));
    }
    allocation.push(lot);
    payments.push(pay);
  }
  return { kind: "direct", allocation, payments };
}
